package neo4jstore

// ReadQuery exposes the store's read path to the package's external tests.
var ReadQuery = (*Store).read

// WarmUpDocument exposes the warm-up article's facts.
var WarmUpDocument = warmUpDocument

// PartyByNameQuery exposes the query behind PartyByName.
const PartyByNameQuery = partyByNameQuery

// BatchStatements lists every statement a batch of new articles runs, as
// Neo4j receives it.
func BatchStatements() []string {
	statements := []string{storedHashesQuery, mergesQuery, sidesQuery, courtsQuery, articlesQuery}
	steps, _ := newPlan(warmUpDocument(), map[string]string{}).steps()
	for _, st := range steps {
		statements = append(statements, st.query)
	}
	for i, statement := range statements {
		statements[i] = keepPlan + statement
	}
	return statements
}

package bench

import "math/rand/v2"

// Query is one GraphQL request of the bench's mix.
type Query struct {
	// Name names the query in the results.
	Name string
	// Weight is how often the mix sends it, relative to the others.
	Weight int
	// Text is the GraphQL document.
	Text string
	// Neo4jGraphQL is the same question asked of @neo4j/graphql's schema
	// for the same graph (see neo4jgraphql/server.mjs); empty when that
	// schema has no counterpart.
	Neo4jGraphQL string
	// Variables draws the query's variables from the inputs.
	Variables func(r *rand.Rand, in Inputs) map[string]any
}

// Inputs are what the queries ask about: names and ids that are in the
// loaded graph.
type Inputs struct {
	// Litigants are names of parties that are in cases and have supporters.
	Litigants []string
	// CaseIDs are ids of cases in the graph.
	CaseIDs []string
	// Words are words to search for.
	Words []string
}

func byLitigant(r *rand.Rand, in Inputs) map[string]any {
	return map[string]any{"name": in.Litigants[r.IntN(len(in.Litigants))]}
}

// Headline is the question Amicus exists to answer: who backed a party,
// how, and on what grounds, with the evidence.
var Headline = Query{
	Name:   "headline",
	Weight: 4,
	Text: `query Backers($name: String!) {
  party(name: $name) {
    name
    supportersConnection(first: 20) {
      totalCount
      nodes {
        via
        supporter { name kind }
        grounds { claim }
        evidence { quote article { title } }
      }
    }
  }
}`,
	Neo4jGraphQL: `query Backers($name: String!) {
  parties(where: {name: {eq: $name}}, limit: 1) {
    name
    supportsReceivedConnection(first: 20) {
      totalCount
      edges {
        node {
          via
          supporter { name kind }
          grounds { claim }
          evidence { quote article { title } }
        }
      }
    }
  }
}`,
	Variables: byLitigant,
}

// Lookup is the cheapest request that reads the graph: one party by
// name, nothing more. It is not part of the mix. Run at TargetClients, it
// shows the floor that the machine sets under every request that asks
// Neo4j something, whatever the request asks.
var Lookup = Query{
	Name:   "lookup (floor)",
	Weight: 1,
	Text: `query Lookup($name: String!) {
  party(name: $name) { name }
}`,
	Variables: byLitigant,
}

// Mix is the fixed mix of queries the bench sends: the headline, a
// party's page, a case with its sides and rulings, a search and a deep
// query that follows supporters of opponents.
var Mix = []Query{
	Headline,
	{
		Name:   "party page",
		Weight: 2,
		Text: `query PartyPage($name: String!) {
  party(name: $name) {
    id name kind aliases
    casesConnection(first: 10) { totalCount nodes { id name } }
    argumentsConnection(first: 10) { totalCount nodes { claim case { name } } }
    supportsConnection(first: 10) { totalCount nodes { via supported { name } } }
    opponents { name }
  }
}`,
		Neo4jGraphQL: `query PartyPage($name: String!) {
  parties(where: {name: {eq: $name}}, limit: 1) {
    id name kind aliases
    casesConnection(first: 10) { totalCount edges { node { id name } } }
    argumentsConnection(first: 10) { totalCount edges { node { claim case { name } } } }
    supportsGivenConnection(first: 10) { totalCount edges { node { via supported { name } } } }
    opponents { name }
  }
}`,
		Variables: byLitigant,
	},
	{
		Name:   "case",
		Weight: 2,
		Text: `query CaseView($id: ID!) {
  case(id: $id) {
    name issue
    parties { side party { name kind } }
    courts { name level place }
    rulingsConnection(first: 10) { totalCount nodes { summary date court { name } favors { name } } }
    supportersConnection(first: 10) { totalCount nodes { via supporter { name } supported { name } grounds { claim } } }
    precedents { name citation }
  }
}`,
		Neo4jGraphQL: `query CaseView($id: ID!) {
  cases(where: {id: {eq: $id}}, limit: 1) {
    name issue
    partiesConnection { edges { properties { side } node { name kind } } }
    courts { name level place }
    rulingsConnection(first: 10, sort: [{node: {date: ASC}}]) {
      totalCount edges { node { summary date court { name } favors { name } } }
    }
    supportsConnection(first: 10) {
      totalCount edges { node { via supporter { name } supported { name } grounds { claim } } }
    }
    precedents { name citation }
  }
}`,
		Variables: func(r *rand.Rand, in Inputs) map[string]any {
			return map[string]any{"id": in.CaseIDs[r.IntN(len(in.CaseIDs))]}
		},
	},
	{
		Name:   "search",
		Weight: 1,
		Text: `query Search($text: String!) {
  search(text: $text, first: 10) {
    kind score snippet
    party { name }
    argument { claim by { name } }
    evidence { quote article { title } }
  }
}`,
		Variables: func(r *rand.Rand, in Inputs) map[string]any {
			return map[string]any{"text": in.Words[r.IntN(len(in.Words))]}
		},
	},
	{
		Name:   "deep",
		Weight: 1,
		Text: `query Deep($name: String!) {
  party(name: $name) {
    casesConnection(first: 3) {
      nodes {
        name
        parties {
          side
          party {
            name
            supportersConnection(first: 5) {
              nodes { via supporter { name supportsConnection(first: 5) { nodes { supported { name } } } } }
            }
          }
        }
      }
    }
  }
}`,
		Neo4jGraphQL: `query Deep($name: String!) {
  parties(where: {name: {eq: $name}}, limit: 1) {
    casesConnection(first: 3) {
      edges {
        node {
          name
          partiesConnection {
            edges {
              properties { side }
              node {
                name
                supportsReceivedConnection(first: 5) {
                  edges {
                    node {
                      via
                      supporter {
                        name
                        supportsGivenConnection(first: 5) { edges { node { supported { name } } } }
                      }
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
}`,
		Variables: byLitigant,
	},
}

// Comparable returns the queries of queries that @neo4j/graphql can
// answer too.
func Comparable(queries []Query) []Query {
	var out []Query
	for _, q := range queries {
		if q.Neo4jGraphQL != "" {
			out = append(out, q)
		}
	}
	return out
}

// text returns the document to send to server.
func (q Query) text(server string) string {
	if server == Neo4jGraphQLServerName {
		return q.Neo4jGraphQL
	}
	return q.Text
}

// pickQuery draws a query from queries by weight.
func pickQuery(r *rand.Rand, queries []Query) Query {
	total := 0
	for _, q := range queries {
		total += q.Weight
	}
	n := r.IntN(total)
	for _, q := range queries {
		if n < q.Weight {
			return q
		}
		n -= q.Weight
	}
	return queries[len(queries)-1]
}

package neo4jstore

// ReadQuery exposes the store's read path to the package's external tests.
var ReadQuery = (*Store).read

// WarmUpDocument exposes the warm-up article's facts.
var WarmUpDocument = warmUpDocument

// PartyByNameQuery exposes the query behind PartyByName.
const PartyByNameQuery = partyByNameQuery

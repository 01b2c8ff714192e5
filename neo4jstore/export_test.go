package neo4jstore

// ReadQuery exposes the store's read path to the package's external tests.
var ReadQuery = (*Store).read

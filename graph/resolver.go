// Package graph resolves the GraphQL API (schema.graphqls) against the
// graph through a facts.Reader. Relations are loaded through per-request
// dataloaders, so a list of parties costs one graph query per field, not
// one per party.
package graph

//go:generate go tool gqlgen generate

import (
	"context"

	"github.com/amicus-graph/amicus/extract"
	"github.com/amicus-graph/amicus/facts"
)

// Resolver is the root resolver. It holds what every request shares.
type Resolver struct {
	Reader facts.Reader
	// Load runs an article's text through extraction and writes its facts;
	// nil on a server that accepts no mutations.
	Load func(ctx context.Context, in extract.Input) (facts.LoadResult, error)
	// Editor serves Mutation.mergeParties; nil on a server that accepts no
	// mutations.
	Editor facts.Editor
}

package graph

import (
	"context"

	"github.com/amicus-graph/amicus/facts"
	"github.com/amicus-graph/amicus/graph/model"
)

// Search sizes.
const (
	defaultSearchSize = 10
	maxSearchSize     = 50
)

// Searcher is full-text search over the graph's text: party names and
// aliases, claims and evidence quotes. The Neo4j store implements it; a
// Reader that does not makes the `search` query fail as unavailable.
type Searcher interface {
	// Search returns at most first hits for text, best first. It reads
	// text as plain words, never as query syntax.
	Search(ctx context.Context, text string, first int) ([]model.SearchHit, error)
}

// search runs the `search` query: it checks first and asks the Reader,
// when it can search.
func (r *Resolver) search(ctx context.Context, text string, first *int) ([]model.SearchHit, error) {
	size := defaultSearchSize
	if first != nil {
		size = *first
	}
	if size < 1 || size > maxSearchSize {
		return nil, facts.Errorf(facts.ECodeInvalid, "first must be between 1 and %d", maxSearchSize)
	}
	searcher, ok := r.Reader.(Searcher)
	if !ok {
		return nil, facts.Errorf(facts.ECodeUnavailable, "this graph cannot be searched")
	}
	hits, err := searcher.Search(ctx, text, size)
	if hits == nil && err == nil {
		hits = []model.SearchHit{}
	}
	return hits, err
}

package neo4jstore_test

import (
	"context"
	"testing"

	"github.com/amicus-graph/amicus/neo4jstore"
)

// TestWarmUpLeavesNoTrace checks that the warm-up write, which touches
// every write statement, is rolled back whole.
func TestWarmUpLeavesNoTrace(t *testing.T) {
	doc := neo4jstore.WarmUpDocument()
	if err := doc.Validate(); err != nil {
		t.Fatalf("the warm-up document is not valid: %v", err)
	}
	wipe(t)
	write(t, dispute().doc)
	nodes, rels := count(t)
	if err := store.WarmUp(context.Background()); err != nil {
		t.Fatalf("WarmUp: %v", err)
	}
	if n, r := count(t); n != nodes || r != rels {
		t.Fatalf("the warm-up changed the graph: %d nodes, %d relationships -> %d, %d", nodes, rels, n, r)
	}
}

package neo4jstore_test

import (
	"context"
	"testing"
	"time"

	"github.com/amicus-graph/amicus/neo4jstore"
)

// TestRequestDeadlineStopsQuery checks that a read whose context runs
// out is stopped on the server too, not only abandoned by the client.
func TestRequestDeadlineStopsQuery(t *testing.T) {
	const slow = "UNWIND range(1, 400000000) AS x WITH x WHERE x % 7919 = -1 RETURN count(x) AS n"
	ctx, cancel := context.WithTimeout(context.Background(), 500*time.Millisecond)
	defer cancel()
	_, err := neo4jstore.ReadQuery(store, ctx, slow, nil)
	if err == nil {
		t.Fatal("a query far longer than its deadline succeeded")
	}
	// The server must not still be running it.
	deadline := time.Now().Add(10 * time.Second)
	for {
		records, err := neo4jstore.ReadQuery(store, context.Background(),
			"SHOW TRANSACTIONS YIELD currentQuery WHERE currentQuery CONTAINS $marker RETURN count(*) AS n",
			map[string]any{"marker": "400000000"})
		if err != nil {
			t.Fatalf("listing transactions: %v", err)
		}
		n, _ := records[0].Get("n")
		if n.(int64) == 0 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the timed-out query still runs on the server 10 s after its deadline")
		}
		time.Sleep(100 * time.Millisecond)
	}
}

package neo4jstore_test

import (
	"context"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// TestReadsSurviveAGraphRestart kills the embedded Neo4j while the store
// holds idle connections to it, waits for the engine to be back, and then
// reads: the first read meets a connection to the dead process and must
// retry on a new one rather than fail.
func TestReadsSurviveAGraphRestart(t *testing.T) {
	if engine == nil {
		t.Skip("needs the embedded Neo4j, to kill it")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	wipe(t)
	write(t, dispute().doc)

	// Several reads at once leave several idle connections in the pool.
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := store.PartyByName(ctx, "Northwind"); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()

	restarts := engine.Restarts()
	if err := syscall.Kill(engine.PID(), syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	for engine.Restarts() == restarts {
		if ctx.Err() != nil {
			t.Fatal("the embedded Neo4j was not restarted")
		}
		time.Sleep(100 * time.Millisecond)
	}
	// Wait for the new process through a driver of its own, so that the
	// store's pool keeps its connections to the dead one.
	probe, err := neo4j.NewDriverWithContext(engine.URI(), neo4j.NoAuth())
	if err != nil {
		t.Fatal(err)
	}
	defer probe.Close(ctx)
	for probe.VerifyConnectivity(ctx) != nil {
		if ctx.Err() != nil {
			t.Fatal("the restarted Neo4j never answered")
		}
		time.Sleep(200 * time.Millisecond)
	}

	party, err := store.PartyByName(ctx, "Northwind")
	if err != nil {
		t.Fatalf("the first read after the restart failed: %v", err)
	}
	if party == nil {
		t.Fatal("the party written before the restart is gone")
	}
}

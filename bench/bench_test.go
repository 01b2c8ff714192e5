package bench_test

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/amicus-graph/amicus/bench"
	"github.com/amicus-graph/amicus/embedded"
	"github.com/amicus-graph/amicus/neo4jstore"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

func TestCorpusIsReproducibleAndVaried(t *testing.T) {
	a, b := bench.NewWorld(7, 100), bench.NewWorld(7, 100)
	other := bench.NewWorld(8, 100)
	texts := map[string]bool{}
	for i := range 100 {
		_, ta := a.Article(7, i)
		_, tb := b.Article(7, i)
		if ta != tb {
			t.Fatalf("article %d differs between two worlds of one seed", i)
		}
		texts[ta] = true
	}
	if len(texts) != 100 {
		t.Fatalf("%d distinct articles of 100", len(texts))
	}
	_, t0 := a.Article(7, 0)
	_, o0 := other.Article(8, 0)
	if t0 == o0 {
		t.Fatal("another seed gave the same first article")
	}
}

// TestRunSmall runs the whole bench on a small corpus against a real
// Neo4j, side by side with @neo4j/graphql: the load must find facts, the
// re-load add nothing (Run fails otherwise), both servers must name the
// same supporters (Run fails otherwise) and no query fail on either.
func TestRunSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("starts Neo4j")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	store, login, jvm := openGraph(t, ctx)
	result, err := bench.Run(ctx, bench.Options{
		Articles: 50, Seed: bench.DefaultSeed, Duration: time.Second, Clients: []int{2}, WarmUp: 2,
		Store: store, JVMPID: jvm, CompareWith: &login,
	})
	if err != nil {
		t.Fatal(err)
	}
	if result.Load.Status["added"] != 50 || result.Reload.Status["unchanged"] != 50 {
		t.Fatalf("load %v, re-load %v", result.Load.Status, result.Reload.Status)
	}
	if result.Graph.Nodes < 50*10 || result.Graph.Relationships < result.Graph.Nodes {
		t.Fatalf("a small graph for 50 articles: %+v", result.Graph)
	}
	servers := map[string]int{}
	floor := false
	for _, run := range result.Runs {
		servers[run.Server]++
		if run.Queries == bench.Lookup.Name {
			// The floor runs at the headline target's clients, whatever
			// the options ask.
			floor = run.Server == bench.AmicusServerName && run.Clients == bench.TargetClients
		}
		if run.Errors != 0 || run.Requests == 0 {
			t.Fatalf("%s, %s at %d clients: %d errors of %d requests: %s", run.Server, run.Queries, run.Clients, run.Errors, run.Requests, run.FirstError)
		}
		if run.Server == bench.AmicusServerName && run.RoundTrips <= 0 {
			t.Fatalf("%s: no graph round trips counted", run.Queries)
		}
	}
	if servers[bench.AmicusServerName] != 4 || servers[bench.Neo4jGraphQLServerName] != 2 {
		t.Fatalf("runs by server: %v", servers)
	}
	if !floor {
		t.Fatalf("no %s run by Amicus at %d clients", bench.Lookup.Name, bench.TargetClients)
	}
	if result.Memory.GoRSS <= 0 {
		t.Fatalf("no Go memory read: %+v", result.Memory)
	}
	if runtime.GOOS == "linux" {
		// Processor time comes from /proc: the load and every run used some.
		onThisMachine := jvm() > 0
		if result.Load.CPU.GoSeconds <= 0 || onThisMachine != (result.Load.CPU.JVMSeconds > 0) {
			t.Fatalf("load processor time %+v (JVM on this machine: %v)", result.Load.CPU, onThisMachine)
		}
		for _, run := range result.Runs {
			// For @neo4j/graphql the Go process only runs the clients,
			// which may take less than /proc's 10 ms tick in a short run.
			serverInGo := run.Server == bench.AmicusServerName
			if (serverInGo && run.GoCPUMs <= 0) || onThisMachine != (run.JVMCPUMs > 0) {
				t.Fatalf("%s, %s: processor time per request Go %.3f ms, JVM %.3f ms", run.Server, run.Queries, run.GoCPUMs, run.JVMCPUMs)
			}
		}
	}
	var table bytes.Buffer
	if err := result.WriteTable(&table); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"0 added", "headline", "mix", "Go process", "SIDE BY SIDE", "@neo4j/graphql", bench.ComparableMixName,
		"processor time", "CPU ms/req", bench.Lookup.Name} {
		if !strings.Contains(table.String(), want) {
			t.Fatalf("the table lacks %q:\n%s", want, table.String())
		}
	}
	if err := bench.Wipe(ctx, store); err != nil {
		t.Fatal(err)
	}
	res, err := neo4j.ExecuteQuery(ctx, store.Driver(), "MATCH (n) RETURN count(n) AS n", nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(store.Database()))
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.Records[0].Get("n"); n != int64(0) {
		t.Fatalf("%v nodes left after Wipe", n)
	}
}

// openGraph opens the Neo4j named by NEO4J_URI (emptied first) or starts
// an embedded one for the test.
func openGraph(t *testing.T, ctx context.Context) (*neo4jstore.Store, bench.GraphLogin, func() int) {
	t.Helper()
	cfg := neo4jstore.Config{URI: os.Getenv("NEO4J_URI"), Username: os.Getenv("NEO4J_USERNAME"),
		Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE")}
	jvm := func() int { return 0 }
	if cfg.URI == "" {
		l, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		addr := l.Addr().String()
		l.Close()
		server, err := embedded.Start(ctx, embedded.Options{DataDir: filepath.Join(t.TempDir(), "data"), BoltAddr: addr})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { _ = server.Stop(context.Background()) })
		cfg.URI, jvm = server.URI(), server.PID
	}
	store, err := neo4jstore.Open(ctx, cfg)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = store.Close(context.Background()) })
	if os.Getenv("NEO4J_URI") != "" {
		if err := bench.Wipe(ctx, store); err != nil {
			t.Fatal(err)
		}
	}
	if err := store.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	return store, bench.GraphLogin(cfg), jvm
}

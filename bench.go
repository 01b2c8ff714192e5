package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/amicus-graph/amicus/bench"
	"github.com/amicus-graph/amicus/embedded"
	"github.com/amicus-graph/amicus/neo4jstore"
)

// benchCommand runs `amicus bench`: it loads a synthetic corpus into a
// scratch graph, queries it through the GraphQL API and prints what it
// measured.
func benchCommand(ctx context.Context, args []string, stdout, stderr io.Writer, logger *slog.Logger) error {
	fs := flag.NewFlagSet("bench", flag.ContinueOnError)
	articles := fs.Int("articles", 10000, "how many synthetic articles to generate and load")
	seed := fs.Uint64("seed", bench.DefaultSeed, "seed of the synthetic corpus and of the queries' variables")
	duration := fs.Duration("duration", bench.DefaultDuration, "how long each query run lasts")
	clients := fs.String("clients", "1,10,50", "numbers of concurrent clients to query at, comma-separated")
	asJSON := fs.Bool("json", false, "print the results as JSON instead of a table")
	yesWipe := fs.Bool("yes-wipe", false, "with NEO4J_URI set: delete everything in that database first (required)")
	compare := fs.Bool("neo4j-graphql", false, "also serve the same graph with @neo4j/graphql (needs Node.js and npm) and send it the same questions, side by side")
	memoryLimit := memoryLimitFlag(fs)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if err := applyMemoryLimit(*memoryLimit); err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", rest[0])}
	}
	if *articles < 1 {
		return usageError{"--articles must be at least 1"}
	}
	var clientCounts []int
	for _, c := range strings.Split(*clients, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(c))
		if err != nil || n < 1 {
			return usageError{fmt.Sprintf("--clients: %q is not a positive number", c)}
		}
		clientCounts = append(clientCounts, n)
	}

	store, login, jvmPID, closeGraph, err := benchGraph(ctx, *yesWipe, stderr, logger)
	if err != nil {
		return err
	}
	defer closeGraph()
	var compareWith *bench.GraphLogin
	if *compare {
		compareWith = &login
	}

	result, err := bench.Run(ctx, bench.Options{
		Articles:    *articles,
		Seed:        *seed,
		Duration:    *duration,
		Clients:     clientCounts,
		WarmUp:      bench.DefaultWarmUp,
		Store:       store,
		JVMPID:      jvmPID,
		Progress:    stderr,
		CompareWith: compareWith,
	})
	if err != nil {
		return err
	}
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(result); err != nil {
			return err
		}
	} else if err := result.WriteTable(stdout); err != nil {
		return err
	}
	if n := result.Errors(); n > 0 {
		return fmt.Errorf("%d queries failed", n)
	}
	return nil
}

// benchGraph opens the graph the bench runs on: the database NEO4J_URI
// names, emptied first, which needs yesWipe; otherwise a new embedded
// Neo4j with its data in a scratch directory, removed afterwards. jvmPID
// gives the embedded Neo4j's process id, or 0; login is how another
// process reaches the same graph.
func benchGraph(ctx context.Context, yesWipe bool, stderr io.Writer, logger *slog.Logger) (store *neo4jstore.Store, login bench.GraphLogin, jvmPID func() int, closeGraph func(), err error) {
	noJVM := func() int { return 0 }
	if uri := os.Getenv("NEO4J_URI"); uri != "" {
		if !yesWipe {
			return nil, login, nil, nil, usageError{"NEO4J_URI is set: the bench deletes everything in that database; add --yes-wipe if that is what you want"}
		}
		login = bench.GraphLogin{URI: uri, Username: os.Getenv("NEO4J_USERNAME"),
			Password: os.Getenv("NEO4J_PASSWORD"), Database: os.Getenv("NEO4J_DATABASE")}
		store, err := neo4jstore.Open(ctx, neo4jstore.Config(login))
		if err != nil {
			return nil, login, nil, nil, err
		}
		closeStore := func() { _ = store.Close(context.Background()) }
		if err := bench.Wipe(ctx, store); err != nil {
			closeStore()
			return nil, login, nil, nil, fmt.Errorf("emptying %s: %w", uri, err)
		}
		if err := store.EnsureSchema(ctx); err != nil {
			closeStore()
			return nil, login, nil, nil, err
		}
		return store, login, noJVM, closeStore, nil
	}

	dir, err := os.MkdirTemp("", "amicus-bench-data-")
	if err != nil {
		return nil, login, nil, nil, err
	}
	removeDir := func() { _ = os.RemoveAll(dir) }
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		removeDir()
		return nil, login, nil, nil, err
	}
	boltAddr := listener.Addr().String()
	listener.Close()
	server, err := embedded.Start(ctx, embedded.Options{DataDir: filepath.Join(dir, "data"), BoltAddr: boltAddr, Log: stderr, Logger: logger})
	if err != nil {
		removeDir()
		return nil, login, nil, nil, err
	}
	stopServer := func() {
		stopCtx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		if err := server.Stop(stopCtx); err != nil {
			logger.Error("stopping the embedded Neo4j", "error", err)
		}
		removeDir()
	}
	login = bench.GraphLogin{URI: server.URI()}
	store, err = neo4jstore.Open(ctx, neo4jstore.Config(login))
	if err == nil {
		err = store.EnsureSchema(ctx)
		if err != nil {
			_ = store.Close(context.Background())
		}
	}
	if err != nil {
		stopServer()
		return nil, login, nil, nil, errors.Join(errors.New("opening the scratch graph"), err)
	}
	closeAll := func() {
		_ = store.Close(context.Background())
		stopServer()
	}
	return store, login, server.PID, closeAll, nil
}

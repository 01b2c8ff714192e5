// Command amicus builds a legal argument graph from news articles and
// serves it: who is fighting whom in court, who backed which side and on
// what grounds, and what the courts decided, every fact with its evidence.
//
//	amicus serve [--load PATH]...   serve GraphQL, the playground and Bolt
//	amicus load PATH...             load articles into the graph
//	amicus extract FILE             print the facts found in one article
//	amicus cypher 'QUERY'           run Cypher against the graph
//	amicus eval DIR                 score extraction against gold annotations
//	amicus prepare                  build the embedded Neo4j launcher now
//
// With NEO4J_URI set, amicus uses that Neo4j; otherwise it runs an embedded
// Neo4j Community with its data in --data.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/amicus-graph/amicus/embedded"
	"github.com/amicus-graph/amicus/neo4jstore"
)

const usage = `amicus: a legal argument graph built from news articles.

Usage:
  amicus serve   [--addr ADDR] [--load PATH]... [--offline-assets DIR] [--cors-origin ORIGIN]... [--production] [--extractor rules|llm] [--memory-limit SIZE] [graph flags]
                                                                serve GraphQL at /query, the playground at /,
                                                                the case explorer at /explore, metrics at /metrics
  amicus load    PATH... [--extractor rules|llm] [graph flags]  load articles (.txt .md .html, facts .json; files, dirs, URLs)
  amicus extract FILE [--extractor rules|llm]                   print the facts found in one article as JSON
  amicus cypher  'QUERY' [--param k=v]... [--json] [graph flags] run Cypher and print a table
  amicus eval    DIR [--gold DIR] [--extractor rules|llm]       score extraction against gold annotations
  amicus prepare                                                build the embedded Neo4j launcher ahead of first use
  amicus bench   [--articles N] [--seed S] [--duration D] [--json] [--yes-wipe] [--memory-limit SIZE]  load a synthetic corpus into a scratch graph and measure load, queries, memory

Graph flags (ignored when NEO4J_URI is set):
  --data DIR         where the embedded Neo4j keeps its data (default ./data)
  --bolt-addr ADDR   the embedded Neo4j's Bolt listener (default 127.0.0.1:7687)

Environment:
  NEO4J_URI, NEO4J_USERNAME, NEO4J_PASSWORD, NEO4J_DATABASE   use this Neo4j instead of the embedded one
  AMICUS_TOKEN                                                 the bearer token GraphQL mutations need (serve)
  AMICUS_LLM_URL, AMICUS_LLM_MODEL, AMICUS_LLM_KEY             the OpenAI-compatible server --extractor llm asks
  AMICUS_LLM_TIMEOUT                                           how long --extractor llm waits per article (default 2m)
`

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	logger := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	slog.SetDefault(logger)

	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr, logger)
	stop()
	os.Exit(code)
}

// run runs one command and returns the process exit code: 0 on success, 1
// when the command failed, 2 when it was called wrongly.
func run(ctx context.Context, args []string, stdout, stderr io.Writer, logger *slog.Logger) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprint(stdout, usage)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	command, rest := args[0], args[1:]
	var err error
	switch command {
	case "serve":
		err = serveCommand(ctx, rest, stderr, logger)
	case "load":
		err = loadCommand(ctx, rest, stdout, stderr, logger)
	case "extract":
		err = extractCommand(ctx, rest, stdout, stderr)
	case "cypher":
		err = cypherCommand(ctx, rest, stdout, stderr, logger)
	case "eval":
		err = evalCommand(ctx, rest, stdout, stderr)
	case "prepare":
		err = prepareCommand(ctx, rest, stdout, logger)
	case "bench":
		err = benchCommand(ctx, rest, stdout, stderr, logger)
	default:
		fmt.Fprintf(stderr, "amicus: unknown command %q\n\n%s", command, usage)
		return 2
	}
	var usageErr usageError
	switch {
	case err == nil:
		return 0
	case errors.Is(err, flag.ErrHelp):
		return 0
	case errors.As(err, &usageErr):
		fmt.Fprintf(stderr, "amicus %s: %v\n", command, err)
		return 2
	default:
		fmt.Fprintf(stderr, "amicus %s: %v\n", command, err)
		return 1
	}
}

// usageError is a command called with wrong arguments.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

// graphFlags say which graph a command uses.
type graphFlags struct {
	data     string
	boltAddr string
}

func (g *graphFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&g.data, "data", "data", "directory for the embedded Neo4j's data")
	fs.StringVar(&g.boltAddr, "bolt-addr", embedded.DefaultBoltAddr, "address of the embedded Neo4j's Bolt listener")
}

// parseFlags parses a command's flags, allowing flags after positional
// arguments ("load DIR --data X").
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	fs.SetOutput(io.Discard)
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(os.Stdout)
				fs.PrintDefaults()
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return positional, nil
		}
		positional = append(positional, args[0])
		args = args[1:]
	}
}

// graphConn is an open graph and what must be done to let it go.
type graphConn struct {
	store *neo4jstore.Store
	// server is the embedded Neo4j this process started, or nil.
	server *embedded.Server
	// where describes the graph for messages.
	where string
}

// Close closes the connection and stops an embedded Neo4j this process
// started.
func (c *graphConn) Close() {
	ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
	defer cancel()
	if c.store != nil {
		_ = c.store.Close(ctx)
	}
	if c.server != nil {
		if err := c.server.Stop(ctx); err != nil {
			slog.Error("stopping the embedded Neo4j", "error", err)
		}
	}
}

// openGraph connects to the configured graph: the Neo4j named by NEO4J_URI;
// else an embedded Neo4j already serving the data directory (a running
// `amicus serve`); else a new embedded Neo4j that this process owns.
func openGraph(ctx context.Context, g graphFlags, progress io.Writer, logger *slog.Logger) (*graphConn, error) {
	if uri := os.Getenv("NEO4J_URI"); uri != "" {
		store, err := neo4jstore.Open(ctx, neo4jstore.Config{
			URI:      uri,
			Username: os.Getenv("NEO4J_USERNAME"),
			Password: os.Getenv("NEO4J_PASSWORD"),
			Database: os.Getenv("NEO4J_DATABASE"),
		})
		if err != nil {
			return nil, err
		}
		conn := &graphConn{store: store, where: uri}
		return conn, ensureSchema(ctx, conn)
	}
	if uri, ok := embedded.Running(g.data); ok {
		return openShared(ctx, uri, g.data, logger)
	}
	if host, _, err := net.SplitHostPort(g.boltAddr); err == nil && !isLoopback(host) {
		logger.Warn("the embedded Neo4j has no authentication; --bolt-addr is not a loopback address, so anyone who can reach it can read and change the graph", "bolt-addr", g.boltAddr)
	}
	server, err := embedded.Start(ctx, embedded.Options{
		DataDir:  g.data,
		BoltAddr: g.boltAddr,
		Log:      progress,
		Logger:   logger,
	})
	var running *embedded.AlreadyRunningError
	if errors.As(err, &running) {
		// Another amicus started Neo4j on this data while we waited.
		return openShared(ctx, running.URI, g.data, logger)
	}
	if err != nil {
		return nil, err
	}
	store, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: server.URI()})
	if err != nil {
		stopCtx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		defer cancel()
		_ = server.Stop(stopCtx)
		return nil, err
	}
	conn := &graphConn{store: store, server: server, where: server.URI() + " (embedded, data in " + g.data + ")"}
	return conn, ensureSchema(ctx, conn)
}

// openShared connects to the embedded Neo4j another amicus runs on the
// same data directory.
func openShared(ctx context.Context, uri, data string, logger *slog.Logger) (*graphConn, error) {
	logger.Debug("using the running embedded Neo4j", "uri", uri, "data", data)
	store, err := neo4jstore.Open(ctx, neo4jstore.Config{URI: uri})
	if err != nil {
		return nil, err
	}
	conn := &graphConn{store: store, where: uri + " (embedded, shared with a running amicus)"}
	return conn, ensureSchema(ctx, conn)
}

func ensureSchema(ctx context.Context, conn *graphConn) error {
	if err := conn.store.EnsureSchema(ctx); err != nil {
		conn.Close()
		return err
	}
	return nil
}

// isLoopback reports whether host names this machine only.
func isLoopback(host string) bool {
	if host == "" || host == "localhost" {
		return true // an empty host means 127.0.0.1 to the embedded Neo4j
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// prepareCommand runs `amicus prepare`: it builds the embedded Neo4j
// launcher, so the first serve starts quickly and CI can build it once.
func prepareCommand(ctx context.Context, args []string, stdout io.Writer, logger *slog.Logger) error {
	fs := flag.NewFlagSet("prepare", flag.ContinueOnError)
	if rest, err := parseFlags(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q", rest[0])}
	}
	if err := embedded.Prepare(ctx, embedded.Options{Log: stdout, Logger: logger}); err != nil {
		return err
	}
	fmt.Fprintln(stdout, "the embedded Neo4j launcher is built")
	return nil
}

// multiFlag is a flag that may be given many times.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }

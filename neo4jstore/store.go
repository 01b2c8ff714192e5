// Package neo4jstore keeps Amicus's graph in Neo4j: it writes extracted
// documents and reads facts for the API, through neo4j-go-driver only.
//
// Every query is parameterised and runs on a named database. Writes run in
// managed transactions, which the driver retries on transient failures;
// reads run as auto-commit queries in read sessions, so a cluster routes
// them to readers, and the store retries them itself (see Store.read).
package neo4jstore

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync/atomic"
	"time"

	"github.com/amicus-graph/amicus/facts"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// RetryTime bounds how long a transaction is retried while the graph is
// unreachable or answers with a transient error. A request that meets a
// graph that is down fails with ECodeUnavailable after about this long,
// rather than hanging until the client gives up.
const RetryTime = 5 * time.Second

// Config says which Neo4j to use.
type Config struct {
	// URI such as bolt://127.0.0.1:7687, neo4j://cluster:7687 or
	// neo4j+s://xxxx.databases.neo4j.io.
	URI      string
	Username string
	Password string
	// Database is the database to use; "neo4j" when empty.
	Database string
}

// Store is a connection to the graph. It is safe for concurrent use.
type Store struct {
	driver   neo4j.DriverWithContext
	database string
	uri      string
	// readSlots bounds the read queries running at once (see maxReads).
	readSlots chan struct{}
}

// maxReads is how many read queries a Store runs at once; more wait
// their turn. With dozens of clients, an unbounded number of concurrent
// reads leaves every query slow and starves writes, which do not wait
// for a slot: an article load must get through a busy server.
var maxReads = max(8, 4*runtime.NumCPU())

var (
	_ facts.Reader = (*Store)(nil)
	_ facts.Writer = (*Store)(nil)
)

// Open connects to Neo4j and checks that it answers.
func Open(ctx context.Context, cfg Config) (*Store, error) {
	auth := neo4j.NoAuth()
	if cfg.Username != "" {
		auth = neo4j.BasicAuth(cfg.Username, cfg.Password, "")
	}
	driver, err := neo4j.NewDriverWithContext(cfg.URI, auth, func(c *neo4j.Config) {
		c.MaxConnectionPoolSize = 100
		c.ConnectionAcquisitionTimeout = 30 * time.Second
		c.SocketConnectTimeout = 5 * time.Second
		c.MaxTransactionRetryTime = RetryTime
	})
	if err != nil {
		return nil, facts.Errorf(facts.ECodeInvalid, "neo4j: bad URI %q: %v", cfg.URI, err)
	}
	database := cfg.Database
	if database == "" {
		database = "neo4j"
	}
	s := &Store{driver: driver, database: database, uri: cfg.URI, readSlots: make(chan struct{}, maxReads)}
	verifyCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := driver.VerifyConnectivity(verifyCtx); err != nil {
		driver.Close(ctx)
		return nil, facts.Errorf(facts.ECodeUnavailable, "neo4j at %s does not answer: %v", cfg.URI, err)
	}
	return s, nil
}

// Close closes the connection pool.
func (s *Store) Close(ctx context.Context) error {
	return s.driver.Close(ctx)
}

// Driver is the underlying driver, for running a researcher's own Cypher.
func (s *Store) Driver() neo4j.DriverWithContext { return s.driver }

// URI is the address of the Neo4j in use.
func (s *Store) URI() string { return s.uri }

// Database is the name of the database the store uses.
func (s *Store) Database() string { return s.database }

// Ping checks that the graph answers a query.
func (s *Store) Ping(ctx context.Context) error {
	_, err := s.read(ctx, "RETURN 1 AS ok", nil)
	return err
}

// schema is the constraints and indexes the graph needs. Every node key is
// uniquely constrained, so MERGE on it never duplicates.
var schema = []string{
	"CREATE CONSTRAINT article_id IF NOT EXISTS FOR (n:Article) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT case_id IF NOT EXISTS FOR (n:Case) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT party_id IF NOT EXISTS FOR (n:Party) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT court_id IF NOT EXISTS FOR (n:Court) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT judge_id IF NOT EXISTS FOR (n:Judge) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT precedent_id IF NOT EXISTS FOR (n:Precedent) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT argument_id IF NOT EXISTS FOR (n:Argument) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT support_id IF NOT EXISTS FOR (n:Support) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT ruling_id IF NOT EXISTS FOR (n:Ruling) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT evidence_id IF NOT EXISTS FOR (n:Evidence) REQUIRE n.id IS UNIQUE",
	"CREATE CONSTRAINT merged_party_id IF NOT EXISTS FOR (n:MergedParty) REQUIRE n.id IS UNIQUE",
	"CREATE INDEX party_name_lower IF NOT EXISTS FOR (n:Party) ON (n.nameLower)",
	"CREATE INDEX court_place_key IF NOT EXISTS FOR (n:Court) ON (n.placeKey)",
	// Full-text indexes for Search.
	"CREATE FULLTEXT INDEX " + partyTextIndex + " IF NOT EXISTS FOR (n:Party) ON EACH [n.name, n.aliases]",
	"CREATE FULLTEXT INDEX " + argumentTextIndex + " IF NOT EXISTS FOR (n:Argument) ON EACH [n.claim]",
	"CREATE FULLTEXT INDEX " + evidenceTextIndex + " IF NOT EXISTS FOR (n:Evidence) ON EACH [n.quote]",
}

// EnsureSchema creates the constraints and indexes the graph needs, if
// they are missing.
func (s *Store) EnsureSchema(ctx context.Context) error {
	for _, statement := range schema {
		_, err := neo4j.ExecuteQuery(ctx, s.driver, statement, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(s.database))
		if err != nil {
			return classify(fmt.Errorf("neo4j: creating the schema: %w", err))
		}
	}
	if err := s.datePublications(ctx); err != nil {
		return classify(fmt.Errorf("neo4j: dating articles: %w", err))
	}
	if err := s.linkQuotesToFacts(ctx); err != nil {
		return classify(fmt.Errorf("neo4j: moving quote notes to their links: %w", err))
	}
	// A new index fills in the background; wait, so that the first search
	// on a graph that already holds articles does not meet an index that
	// is not online yet.
	_, err := neo4j.ExecuteQuery(ctx, s.driver, "CALL db.awaitIndexes(300)", nil, neo4j.EagerResultTransformer,
		neo4j.ExecuteQueryWithDatabase(s.database))
	if err != nil {
		return classify(fmt.Errorf("neo4j: waiting for the indexes: %w", err))
	}
	return nil
}

// oldQuotesIndex is the index that graphs written when every fact had
// Evidence nodes of its own (with the fact's id, note and confidence on
// them) still have.
const oldQuotesIndex = "evidence_fact_id"

// linkQuotesToFacts brings a graph written when every fact had Evidence
// nodes of its own to the present shape, where an Evidence node is a
// quoted span and each fact's EVIDENCED_BY link to it holds the note and
// confidence: it moves those onto the links, in transactions of 10,000,
// and drops the old index last, so that an interrupted run resumes at the
// next start. The spans stay one node per fact in such a graph, which
// reads the same.
func (s *Store) linkQuotesToFacts(ctx context.Context) error {
	result, err := neo4j.ExecuteQuery(ctx, s.driver, "SHOW INDEXES YIELD name WHERE name = $name RETURN name",
		map[string]any{"name": oldQuotesIndex}, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.database))
	if err != nil || len(result.Records) == 0 {
		return err
	}
	// CALL { } IN TRANSACTIONS needs an auto-commit transaction.
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database})
	defer session.Close(ctx)
	moved, err := session.Run(ctx, `
MATCH ()-[r:EVIDENCED_BY]->(e:Evidence) WHERE e.factId IS NOT NULL
CALL (r, e) {
  SET r.note = e.note, r.confidence = e.confidence
  REMOVE e.factId, e.note, e.confidence
} IN TRANSACTIONS OF 10000 ROWS`, nil)
	if err == nil {
		_, err = moved.Consume(ctx)
	}
	if err != nil {
		return err
	}
	_, err = neo4j.ExecuteQuery(ctx, s.driver, "DROP INDEX "+oldQuotesIndex+" IF EXISTS", nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.database))
	return err
}

// datePublications gives articles loaded before publication days were
// kept their publishedOn property, read from publishedAt.
func (s *Store) datePublications(ctx context.Context) error {
	result, err := neo4j.ExecuteQuery(ctx, s.driver,
		"MATCH (a:Article) WHERE a.publishedOn IS NULL RETURN a.id AS id, coalesce(a.publishedAt, '') AS at",
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.database))
	if err != nil || len(result.Records) == 0 {
		return err
	}
	rows := make([]map[string]any, 0, len(result.Records))
	for _, record := range result.Records {
		m := record.AsMap()
		at, _ := m["at"].(string)
		rows = append(rows, map[string]any{"id": m["id"], "on": publicationDay(at)})
	}
	_, err = neo4j.ExecuteQuery(ctx, s.driver,
		"UNWIND $rows AS row MATCH (a:Article {id: row.id}) SET a.publishedOn = row.on",
		map[string]any{"rows": rows}, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(s.database))
	return err
}

type roundTripsKey struct{}

// CountRoundTrips returns a context under which the store counts the
// queries it sends, and a function that reports the count so far.
func (s *Store) CountRoundTrips(ctx context.Context) (context.Context, func() int64) {
	counter := new(atomic.Int64)
	return context.WithValue(ctx, roundTripsKey{}, counter), counter.Load
}

// read runs one read query as an auto-commit query in a read session and
// returns its records, sending it again when it fails in a way that may
// pass (see readAttempts).
func (s *Store) read(ctx context.Context, query string, params map[string]any) ([]*neo4j.Record, error) {
	if counter, ok := ctx.Value(roundTripsKey{}).(*atomic.Int64); ok {
		counter.Add(1)
	}
	select {
	case s.readSlots <- struct{}{}:
		defer func() { <-s.readSlots }()
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database, AccessMode: neo4j.AccessModeRead})
	defer session.Close(ctx)
	for attempt := 1; ; attempt++ {
		records, err := readOnce(ctx, session, query, params)
		if err == nil {
			return records, nil
		}
		if attempt == readAttempts || !neo4j.IsRetryable(err) || ctx.Err() != nil {
			return nil, classify(err)
		}
		select {
		case <-time.After(time.Duration(attempt) * readRetryPause):
		case <-ctx.Done():
			return nil, classify(err)
		}
	}
}

// readAttempts is how many times a read is sent when Neo4j, or the way to
// it, fails in a way that may pass (a lost connection, a leader change, a
// deadlock); readRetryPause is the pause before the second attempt, and
// grows by as much before each next one.
const (
	readAttempts   = 3
	readRetryPause = 50 * time.Millisecond
)

// readOnce runs a read query in an auto-commit transaction and collects
// its records. A read needs no explicit transaction: without one, the
// query costs Neo4j a message and a commit less, which is a good share of
// a small query's cost.
func readOnce(ctx context.Context, session neo4j.SessionWithContext, query string, params map[string]any) ([]*neo4j.Record, error) {
	result, err := session.Run(ctx, query, params, serverTimeout(ctx)...)
	if err != nil {
		return nil, err
	}
	return result.Collect(ctx)
}

// serverTimeout gives a transaction the time left before ctx's deadline,
// so that Neo4j itself stops a query whose request has timed out instead
// of finishing work nobody waits for.
func serverTimeout(ctx context.Context) []func(*neo4j.TransactionConfig) {
	deadline, ok := ctx.Deadline()
	if !ok {
		return nil
	}
	left := time.Until(deadline)
	if left < time.Millisecond {
		left = time.Millisecond
	}
	return []func(*neo4j.TransactionConfig){neo4j.WithTxTimeout(left)}
}

// classify marks errors that mean the graph cannot be reached, so users
// are told the graph is unavailable rather than shown driver internals.
func classify(err error) error {
	if err == nil {
		return nil
	}
	if unreachable(err) {
		return fmt.Errorf("%w: %w", facts.Errorf(facts.ECodeUnavailable, "the graph is unavailable"), err)
	}
	return err
}

// unreachable reports whether err means the graph could not be reached or
// kept failing transiently until the driver gave up retrying.
func unreachable(err error) bool {
	var connectivity *neo4j.ConnectivityError
	if errors.As(err, &connectivity) || neo4j.IsRetryable(err) {
		return true
	}
	var limit *neo4j.TransactionExecutionLimit
	if errors.As(err, &limit) && len(limit.Errors) > 0 {
		return unreachable(limit.Errors[len(limit.Errors)-1])
	}
	return false
}

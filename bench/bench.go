// Package bench measures Amicus end to end on a synthetic corpus: how
// fast articles load (extraction and writing), that reloading adds
// nothing, how big the graph grows, how fast the GraphQL API answers a
// fixed mix of queries at several numbers of concurrent clients, and how
// much processor time and memory the Go process and the Neo4j JVM use.
// `amicus bench` runs it and prints the results as a table or JSON.
package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/amicus-graph/amicus/api"
	"github.com/amicus-graph/amicus/loader"
	"github.com/amicus-graph/amicus/neo4jstore"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// Targets the results are reported against.
const (
	TargetLoad        = 60 * time.Second
	TargetHeadlineP99 = 20 * time.Millisecond
	TargetGoRSSBytes  = 300 << 20
	// TargetClients is the number of clients the headline p99 target is for.
	TargetClients = 10
)

// DefaultSeed is the seed used when none is given, so that runs compare.
const DefaultSeed = 20260

// Options configure a run.
type Options struct {
	// Articles is how many synthetic articles to load.
	Articles int
	// Seed draws the corpus and the queries' variables.
	Seed uint64
	// Duration is how long each query run lasts.
	Duration time.Duration
	// Clients are the numbers of concurrent clients to run the queries at.
	Clients []int
	// WarmUp is how many times each query is sent before measuring, so
	// that Neo4j has planned its Cypher and the JVM compiled its code.
	WarmUp int
	// Store is the graph to load into; it should start empty.
	Store *neo4jstore.Store
	// JVMPID is the process id of the Neo4j JVM when it runs on this
	// machine (the embedded Neo4j), else 0.
	JVMPID func() int
	// Progress, when set, is told what the run is doing.
	Progress io.Writer
	// CompareWith, when set, is the graph login for a @neo4j/graphql
	// server started over the same graph: the queries it can answer are
	// then sent to both servers, one after the other, in the same run.
	CompareWith *GraphLogin
}

// Result is what a run measured.
type Result struct {
	Articles int    `json:"articles"`
	Seed     uint64 `json:"seed"`
	Neo4j    string `json:"neo4j"`
	// CPUs is how many processors this machine has: the figures below
	// depend on it, since Amicus, Neo4j and the bench's clients share them.
	CPUs int `json:"cpus"`

	Load   LoadResult   `json:"load"`
	Reload LoadResult   `json:"reload"`
	Graph  GraphSize    `json:"graph"`
	Runs   []QueryRun   `json:"queries"`
	Memory MemoryResult `json:"memory"`
}

// LoadResult is one load of the whole corpus.
type LoadResult struct {
	Seconds float64 `json:"seconds"`
	// ExtractSeconds is the time spent reading and extracting, summed over
	// the articles (the extraction workers run in parallel).
	ExtractSeconds float64 `json:"extractSeconds"`
	// WriteSeconds is the time spent writing batches to the graph.
	WriteSeconds float64        `json:"writeSeconds"`
	Status       map[string]int `json:"status"`
	Failed       int            `json:"failed"`
	NodesAdded   int64          `json:"nodesAdded"`
	RelsAdded    int64          `json:"relationshipsAdded"`
	NodesPerSec  float64        `json:"nodesPerSecond"`
	// CPU is the processor time the load used.
	CPU CPUTime `json:"cpu"`
}

// CPUTime is processor time (user and system) used while something ran.
type CPUTime struct {
	// GoSeconds is the bench's own process: Amicus (extraction, the
	// GraphQL server) and, during query runs, the bench's clients.
	GoSeconds float64 `json:"goSeconds"`
	// JVMSeconds is the Neo4j JVM's, when it runs on this machine (the
	// embedded Neo4j); zero otherwise.
	JVMSeconds float64 `json:"jvmSeconds,omitempty"`
}

// GraphSize counts the graph.
type GraphSize struct {
	Nodes         int64 `json:"nodes"`
	Relationships int64 `json:"relationships"`
}

// QueryRun is one run of queries at a number of clients.
type QueryRun struct {
	Queries    string  `json:"queries"`
	Server     string  `json:"server"`
	Clients    int     `json:"clients"`
	Requests   int     `json:"requests"`
	Errors     int     `json:"errors"`
	P50Ms      float64 `json:"p50Ms"`
	P99Ms      float64 `json:"p99Ms"`
	PerSecond  float64 `json:"requestsPerSecond"`
	RoundTrips float64 `json:"roundTripsPerRequest"`
	// GoCPUMs and JVMCPUMs are the processor time per request of the
	// bench's process and of the Neo4j JVM (see CPUTime), in ms.
	GoCPUMs  float64 `json:"goCPUMsPerRequest"`
	JVMCPUMs float64 `json:"jvmCPUMsPerRequest,omitempty"`
	// FirstError is the first error met, for diagnosis.
	FirstError string `json:"firstError,omitempty"`
	// ByQuery breaks a mix down by query.
	ByQuery map[string]Latency `json:"byQuery,omitempty"`
}

// Latency is how long one query of a mix took.
type Latency struct {
	Requests int     `json:"requests"`
	P50Ms    float64 `json:"p50Ms"`
	P99Ms    float64 `json:"p99Ms"`
}

// MemoryResult is the resident memory of the processes, in bytes.
type MemoryResult struct {
	// GoLoadHWM is the Go process's peak after loading, before querying.
	GoLoadHWM int64 `json:"goLoadHWM"`
	GoRSS     int64 `json:"goRSS"`
	GoHWM     int64 `json:"goHWM"`
	JVMRSS    int64 `json:"jvmRSS,omitempty"`
	JVMHWM    int64 `json:"jvmHWM,omitempty"`
}

// Run generates the corpus, loads it twice, and runs the queries. It
// fails when reloading adds anything; query errors are counted in the
// result (see Result.Errors).
func Run(ctx context.Context, opts Options) (*Result, error) {
	progress := opts.Progress
	if progress == nil {
		progress = io.Discard
	}
	res := &Result{Articles: opts.Articles, Seed: opts.Seed, Neo4j: opts.Store.URI(), CPUs: runtime.NumCPU()}
	dir, err := os.MkdirTemp("", "amicus-bench-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	fmt.Fprintf(progress, "writing %d synthetic articles (seed %d)\n", opts.Articles, opts.Seed)
	world := NewWorld(opts.Seed, opts.Articles)
	paths, err := world.WriteCorpus(opts.Seed, opts.Articles, dir)
	if err != nil {
		return nil, err
	}

	fmt.Fprintf(progress, "loading\n")
	res.Load, err = load(ctx, opts.Store, paths, opts.jvm())
	if err != nil {
		return nil, err
	}
	fmt.Fprintf(progress, "re-loading\n")
	res.Reload, err = load(ctx, opts.Store, paths, opts.jvm())
	if err != nil {
		return nil, err
	}
	if res.Reload.NodesAdded != 0 || res.Reload.RelsAdded != 0 || res.Reload.Status["unchanged"] != len(paths)-res.Reload.Failed {
		return nil, fmt.Errorf("re-loading the same articles changed the graph: %+v", res.Reload)
	}
	_, res.Memory.GoLoadHWM = processMemory("self")
	res.Graph.Nodes, res.Graph.Relationships, err = countGraph(ctx, opts.Store)
	if err != nil {
		return nil, err
	}

	in, err := inputs(ctx, opts.Store, world)
	if err != nil {
		return nil, err
	}
	metrics := api.NewMetrics()
	handler, err := api.NewHandler(opts.Store, slog.New(slog.NewTextHandler(io.Discard, nil)), api.Options{Metrics: metrics})
	if err != nil {
		return nil, err
	}
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, err
	}
	server := &http.Server{Handler: handler, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = server.Serve(listener) }()
	defer server.Close()
	base := "http://" + listener.Addr().String()
	fmt.Fprintf(progress, "warming up: each query %d times\n", opts.WarmUp)
	if err := warmUp(ctx, AmicusServerName, base, Mix, in, opts.Seed, opts.WarmUp); err != nil {
		return nil, err
	}
	headline := queryMix{"headline", []Query{Headline}}
	comparable := queryMix{ComparableMixName, Comparable(Mix)}
	mixes := []queryMix{headline, {"mix", Mix}}
	if opts.CompareWith != nil {
		mixes = append(mixes, comparable)
	}
	if err := runMixes(ctx, res, AmicusServerName, base, mixes, in, opts, progress); err != nil {
		return nil, err
	}
	if err := runFloor(ctx, res, base, in, opts, progress); err != nil {
		return nil, err
	}
	if opts.CompareWith != nil {
		fmt.Fprintf(progress, "starting @neo4j/graphql over the same graph\n")
		other, err := StartNeo4jGraphQL(ctx, *opts.CompareWith, progress)
		if err != nil {
			return nil, err
		}
		defer other.Close()
		if err := checkSameAnswers(ctx, base, other.URL, in); err != nil {
			return nil, err
		}
		fmt.Fprintf(progress, "warming up @neo4j/graphql: each query %d times\n", opts.WarmUp)
		if err := warmUp(ctx, Neo4jGraphQLServerName, other.URL, comparable.queries, in, opts.Seed, opts.WarmUp); err != nil {
			return nil, err
		}
		if err := runMixes(ctx, res, Neo4jGraphQLServerName, other.URL, []queryMix{headline, comparable}, in, opts, progress); err != nil {
			return nil, err
		}
	}

	res.Memory.GoRSS, res.Memory.GoHWM = processMemory("self")
	if jvm := opts.jvm(); jvm != "" {
		res.Memory.JVMRSS, res.Memory.JVMHWM = processMemory(jvm)
	}
	return res, nil
}

// jvm is the Neo4j JVM's process id as /proc names it, or "" when it does
// not run on this machine.
func (o Options) jvm() string {
	if o.JVMPID == nil || o.JVMPID() <= 0 {
		return ""
	}
	return strconv.Itoa(o.JVMPID())
}

// Names of the servers and of the comparable mix in the results.
const (
	AmicusServerName  = "amicus"
	ComparableMixName = "mix w/o search"
)

// queryMix is a named set of queries sent together.
type queryMix struct {
	name    string
	queries []Query
}

// runMixes runs each mix at each number of clients against the server at
// base and adds the runs to res.
func runMixes(ctx context.Context, res *Result, server, base string, mixes []queryMix, in Inputs, opts Options, progress io.Writer) error {
	for _, mix := range mixes {
		for _, clients := range opts.Clients {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			fmt.Fprintf(progress, "querying %s: %s at %d clients for %s\n", server, mix.name, clients, opts.Duration)
			run, err := runQueries(ctx, server, base, mix.queries, in, clients, opts.Duration, opts.Seed, opts.jvm())
			if err != nil {
				return err
			}
			run.Queries, run.Server = mix.name, server
			res.Runs = append(res.Runs, run)
		}
	}
	return nil
}

// runFloor runs Lookup alone at TargetClients against the server at base
// and adds the run to res, so that the headline's latency can be read
// beside the least any request that reads the graph costs on this machine.
func runFloor(ctx context.Context, res *Result, base string, in Inputs, opts Options, progress io.Writer) error {
	floor := []Query{Lookup}
	if err := warmUp(ctx, AmicusServerName, base, floor, in, opts.Seed, opts.WarmUp); err != nil {
		return err
	}
	floorOpts := opts
	floorOpts.Clients = []int{TargetClients}
	return runMixes(ctx, res, AmicusServerName, base, []queryMix{{Lookup.Name, floor}}, in, floorOpts, progress)
}

// load loads paths with the loader `amicus load` uses and measures it;
// jvm is the Neo4j JVM's process id, or "" (see Options.jvm).
func load(ctx context.Context, store *neo4jstore.Store, paths []string, jvm string) (LoadResult, error) {
	nodesBefore, relsBefore, err := countGraph(ctx, store)
	if err != nil {
		return LoadResult{}, err
	}
	start := time.Now()
	cpu := startCPU(jvm)
	l := &loader.Loader{Writer: store}
	reports := l.LoadAll(ctx, paths, nil)
	elapsed := time.Since(start)
	used := cpu.used()
	if ctx.Err() != nil {
		return LoadResult{}, ctx.Err()
	}
	out := LoadResult{Seconds: elapsed.Seconds(), Status: map[string]int{}, CPU: used}
	var extracting, writing time.Duration
	var firstErr error
	for _, r := range reports {
		extracting += r.Extracting
		writing += r.Writing
		if r.Err != nil {
			out.Failed++
			if firstErr == nil {
				firstErr = r.Err
			}
			continue
		}
		out.Status[string(r.Result.Status)]++
	}
	if firstErr != nil {
		return out, fmt.Errorf("%d articles failed to load, the first: %w", out.Failed, firstErr)
	}
	out.ExtractSeconds, out.WriteSeconds = extracting.Seconds(), writing.Seconds()
	nodes, rels, err := countGraph(ctx, store)
	if err != nil {
		return LoadResult{}, err
	}
	out.NodesAdded, out.RelsAdded = nodes-nodesBefore, rels-relsBefore
	out.NodesPerSec = float64(out.NodesAdded) / elapsed.Seconds()
	return out, nil
}

// countGraph counts the graph's nodes and relationships.
func countGraph(ctx context.Context, store *neo4jstore.Store) (nodes, rels int64, err error) {
	for _, q := range []struct {
		query string
		into  *int64
	}{{"MATCH (n) RETURN count(n) AS n", &nodes}, {"MATCH ()-[r]->() RETURN count(r) AS n", &rels}} {
		result, err := neo4j.ExecuteQuery(ctx, store.Driver(), q.query, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(store.Database()), neo4j.ExecuteQueryWithReadersRouting())
		if err != nil {
			return 0, 0, err
		}
		n, _ := result.Records[0].Get("n")
		*q.into = n.(int64)
	}
	return nodes, rels, nil
}

// Wipe deletes everything in the store's database, in transactions of
// bounded size.
func Wipe(ctx context.Context, store *neo4jstore.Store) error {
	session := store.Driver().NewSession(ctx, neo4j.SessionConfig{DatabaseName: store.Database()})
	defer session.Close(ctx)
	result, err := session.Run(ctx, "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS", nil)
	if err != nil {
		return err
	}
	_, err = result.Consume(ctx)
	return err
}

// inputs reads from the graph what the queries ask about.
func inputs(ctx context.Context, store *neo4jstore.Store, w *World) (Inputs, error) {
	var in Inputs
	for _, q := range []struct {
		query string
		into  *[]string
	}{
		{"MATCH (p:Party)-[:PARTY_TO]->() WHERE (p)<-[:SUPPORTS]-() RETURN DISTINCT p.name AS v ORDER BY v LIMIT 500", &in.Litigants},
		{"MATCH (c:Case) RETURN c.id AS v ORDER BY v LIMIT 500", &in.CaseIDs},
	} {
		result, err := neo4j.ExecuteQuery(ctx, store.Driver(), q.query, nil, neo4j.EagerResultTransformer,
			neo4j.ExecuteQueryWithDatabase(store.Database()), neo4j.ExecuteQueryWithReadersRouting())
		if err != nil {
			return in, err
		}
		for _, r := range result.Records {
			v, _ := r.Get("v")
			*q.into = append(*q.into, v.(string))
		}
	}
	if len(in.Litigants) == 0 || len(in.CaseIDs) == 0 {
		return in, errors.New("the graph has no supported litigants or no cases to query")
	}
	in.Words = append(in.Words, companyStems...)
	in.Words = append(in.Words, "privacy", "amicus", "competition", "surveillance", "workers", "patients", "export ban")
	return in, nil
}

// runQueries sends queries from clients concurrent clients for duration
// and measures them.
func runQueries(ctx context.Context, server, base string, queries []Query, in Inputs, clients int, duration time.Duration, seed uint64, jvm string) (QueryRun, error) {
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: clients, MaxConnsPerHost: clients}, Timeout: 60 * time.Second}
	defer client.CloseIdleConnections()
	// Only Amicus counts its graph round trips (on /metrics).
	countTrips := server == AmicusServerName
	var tripsBefore, requestsBefore float64
	if countTrips {
		var err error
		if tripsBefore, requestsBefore, err = roundTrips(client, base); err != nil {
			return QueryRun{}, err
		}
	}
	var mu sync.Mutex
	var latencies []time.Duration
	byQuery := map[string][]time.Duration{}
	errorCount := 0
	firstError := ""
	deadline := time.Now().Add(duration)
	var wg sync.WaitGroup
	start := time.Now()
	cpu := startCPU(jvm)
	for c := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			r := rand.New(rand.NewPCG(seed, uint64(c)))
			var mine []time.Duration
			mineByQuery := map[string][]time.Duration{}
			for time.Now().Before(deadline) && ctx.Err() == nil {
				q := pickQuery(r, queries)
				began := time.Now()
				err := send(ctx, client, base, q.text(server), q.Variables(r, in))
				took := time.Since(began)
				mine = append(mine, took)
				mineByQuery[q.Name] = append(mineByQuery[q.Name], took)
				if err != nil {
					mu.Lock()
					errorCount++
					if firstError == "" {
						firstError = q.Name + ": " + err.Error()
					}
					mu.Unlock()
				}
			}
			mu.Lock()
			latencies = append(latencies, mine...)
			for name, list := range mineByQuery {
				byQuery[name] = append(byQuery[name], list...)
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	used := cpu.used()
	sort.Slice(latencies, func(i, j int) bool { return latencies[i] < latencies[j] })
	run := QueryRun{Clients: clients, Requests: len(latencies), Errors: errorCount, FirstError: firstError,
		PerSecond: float64(len(latencies)) / elapsed.Seconds()}
	if len(latencies) > 0 {
		run.P50Ms = ms(percentile(latencies, 0.50))
		run.P99Ms = ms(percentile(latencies, 0.99))
		run.GoCPUMs = used.GoSeconds * 1000 / float64(len(latencies))
		run.JVMCPUMs = used.JVMSeconds * 1000 / float64(len(latencies))
	}
	if len(queries) > 1 {
		run.ByQuery = map[string]Latency{}
		for name, list := range byQuery {
			sort.Slice(list, func(i, j int) bool { return list[i] < list[j] })
			run.ByQuery[name] = Latency{Requests: len(list), P50Ms: ms(percentile(list, 0.50)), P99Ms: ms(percentile(list, 0.99))}
		}
	}
	if countTrips {
		tripsAfter, requestsAfter, err := roundTrips(client, base)
		if err != nil {
			return QueryRun{}, err
		}
		if requestsAfter > requestsBefore {
			run.RoundTrips = (tripsAfter - tripsBefore) / (requestsAfter - requestsBefore)
		}
	}
	return run, nil
}

// DefaultWarmUp is how many times each query is sent before measuring
// when not told.
const DefaultWarmUp = 30

// warmUp sends each of queries times times to server.
func warmUp(ctx context.Context, server, base string, queries []Query, in Inputs, seed uint64, times int) error {
	client := &http.Client{Timeout: 60 * time.Second}
	defer client.CloseIdleConnections()
	r := rand.New(rand.NewPCG(seed, 0))
	for _, q := range queries {
		for range times {
			if err := send(ctx, client, base, q.text(server), q.Variables(r, in)); err != nil {
				return fmt.Errorf("warming up, %s: %w", q.Name, err)
			}
		}
	}
	return nil
}

// send posts one query and fails unless the answer is a 200 without
// GraphQL errors.
func send(ctx context.Context, client *http.Client, base, query string, variables map[string]any) error {
	_, err := post(ctx, client, base, query, variables)
	return err
}

// post sends one query and returns the answer's data, failing unless the
// answer is a 200 without GraphQL errors.
func post(ctx context.Context, client *http.Client, base, query string, variables map[string]any) (json.RawMessage, error) {
	body, err := json.Marshal(map[string]any{"query": query, "variables": variables})
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/query", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("HTTP %d: %.200s", resp.StatusCode, data)
	}
	var answer struct {
		Data   json.RawMessage   `json:"data"`
		Errors []json.RawMessage `json:"errors"`
	}
	if err := json.Unmarshal(data, &answer); err != nil {
		return nil, err
	}
	if len(answer.Errors) > 0 {
		return nil, fmt.Errorf("GraphQL error: %.300s", answer.Errors[0])
	}
	return answer.Data, nil
}

// roundTrips reads the sum and count of the graph round trips per
// request from the server's /metrics.
func roundTrips(client *http.Client, base string) (sum, count float64, err error) {
	resp, err := client.Get(base + "/metrics")
	if err != nil {
		return 0, 0, err
	}
	defer resp.Body.Close()
	scanner := bufio.NewScanner(resp.Body)
	for scanner.Scan() {
		name, value, ok := strings.Cut(scanner.Text(), " ")
		if !ok {
			continue
		}
		switch name {
		case "amicus_graph_round_trips_per_request_sum":
			sum, _ = strconv.ParseFloat(value, 64)
		case "amicus_graph_round_trips_per_request_count":
			count, _ = strconv.ParseFloat(value, 64)
		}
	}
	return sum, count, scanner.Err()
}

func percentile(sorted []time.Duration, p float64) time.Duration {
	i := int(float64(len(sorted)-1) * p)
	return sorted[i]
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

// processMemory reads the resident set size and its high-water mark of a
// process ("self" or a pid) from /proc, in bytes; zero where unknown.
func processMemory(pid string) (rss, hwm int64) {
	data, err := os.ReadFile("/proc/" + pid + "/status")
	if err != nil {
		return 0, 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		fields := strings.Fields(value)
		if len(fields) != 2 || fields[1] != "kB" {
			continue
		}
		kb, _ := strconv.ParseInt(fields[0], 10, 64)
		switch name {
		case "VmRSS":
			rss = kb << 10
		case "VmHWM":
			hwm = kb << 10
		}
	}
	return rss, hwm
}

// cpuMeter measures the processor time used from its start.
type cpuMeter struct {
	jvm      string
	goStart  time.Duration
	jvmStart time.Duration
}

// startCPU starts measuring the Go process and, unless jvm is "", the
// JVM with that process id.
func startCPU(jvm string) cpuMeter {
	m := cpuMeter{jvm: jvm, goStart: processCPU("self")}
	if jvm != "" {
		m.jvmStart = processCPU(jvm)
	}
	return m
}

// used is the processor time used since the meter started.
func (m cpuMeter) used() CPUTime {
	t := CPUTime{GoSeconds: (processCPU("self") - m.goStart).Seconds()}
	if m.jvm != "" {
		t.JVMSeconds = (processCPU(m.jvm) - m.jvmStart).Seconds()
	}
	return t
}

// clockTicks is the unit of /proc's processor times: Linux reports them
// in USER_HZ, 100 per second.
const clockTicks = 100

// processCPU reads the processor time (user and system, all threads) a
// process ("self" or a pid) has used from /proc; zero where unknown.
func processCPU(pid string) time.Duration {
	data, err := os.ReadFile("/proc/" + pid + "/stat")
	if err != nil {
		return 0
	}
	// The command name, in parentheses, may hold spaces: count the fields
	// after it. utime and stime are the 14th and 15th of the whole line.
	end := bytes.LastIndexByte(data, ')')
	if end < 0 {
		return 0
	}
	fields := strings.Fields(string(data[end+1:]))
	if len(fields) < 13 {
		return 0
	}
	user, _ := strconv.ParseInt(fields[11], 10, 64)
	system, _ := strconv.ParseInt(fields[12], 10, 64)
	return time.Duration(user+system) * time.Second / clockTicks
}

// Errors counts the query errors of all runs.
func (r *Result) Errors() int {
	n := 0
	for _, run := range r.Runs {
		n += run.Errors
	}
	return n
}

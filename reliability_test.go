package main

// Reliability tests: many clients at once while articles load, the graph
// dying in the middle of a load, and injection attempts through every
// string argument of the API. They run their own `amicus serve` on a data
// directory of their own, after the other end-to-end tests.

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/amicus-graph/amicus/loader"
)

// syntheticArticle is an article the tests write themselves, with the
// supporters the extractor finds in it.
type syntheticArticle struct {
	file       string
	title      string
	text       string
	backed     string   // the party the supporters back
	supporters []string // as `amicus extract` reads the article
}

// nameSyllables build invented company names; no name is a real firm's.
var nameSyllables = []string{"tel", "mor", "quar", "bel", "dra", "fen", "vos", "lin", "kar", "sev", "ol", "tri", "nax", "pel", "rud", "zam"}

// inventedName returns an invented word, distinct for each n below 65536.
func inventedName(n int) string {
	var b strings.Builder
	for i := 0; i < 4; i++ {
		b.WriteString(nameSyllables[n%len(nameSyllables)])
		n /= len(nameSyllables)
	}
	word := b.String()
	return strings.ToUpper(word[:1]) + word[1:]
}

var (
	stemWords   = []string{"Systems", "Freight", "Logistics", "Software", "Networks", "Robotics", "Media", "Analytics"}
	suffixes    = []string{"Inc.", "LLC", "Corp."}
	districts   = []string{"Oregon", "Delaware", "Colorado", "Nevada", "Vermont", "Maine"}
	disputes    = []string{"copied its routing software without a license", "broke a supply contract worth millions", "used its patented sensor design", "misused customer data it had shared"}
	defenses    = []string{"the code was never protected because it only describes a method of operation", "the contract had already expired when the shipments stopped", "the patent should never have been granted", "the data was public before the deal was signed"}
	supportVias = []string{"filed an amicus brief supporting", "filed a friend-of-the-court brief backing"}
	groundTexts = []string{"developers need protection for the structure of their code", "contracts must be enforced as written", "small inventors depend on strong patents", "customers expect their data to stay private"}
)

// writeSyntheticArticles writes n articles about invented disputes into
// dir, reads each back with `amicus extract`, and returns them.
func writeSyntheticArticles(t *testing.T, dir string, first, n int) []syntheticArticle {
	t.Helper()
	rng := rand.New(rand.NewPCG(uint64(first), 7))
	var articles []syntheticArticle
	for i := first; i < first+n; i++ {
		company := func(k int) string {
			return fmt.Sprintf("%s %s %s", inventedName(i*8+k), stemWords[(i+k)%len(stemWords)], suffixes[(i+k)%len(suffixes)])
		}
		plaintiff, defendant := company(0), company(1)
		var supporters []string
		for k := 0; k < 1+rng.IntN(4); k++ {
			supporters = append(supporters, company(2+k))
		}
		list := supporters[0]
		if len(supporters) > 1 {
			list = strings.Join(supporters[:len(supporters)-1], ", ") + " and " + supporters[len(supporters)-1]
		}
		d := rng.IntN(len(disputes))
		title := fmt.Sprintf("%s sues %s", strings.Fields(plaintiff)[0], strings.Fields(defendant)[0])
		text := fmt.Sprintf("%s\n\nBy Staff Writer\n\n%s sued %s in the U.S. District Court for the District of %s on Monday, claiming that the company %s.\n\n%s has argued that %s.\n\n%s %s %s, arguing that %s.\n",
			title, plaintiff, defendant, districts[rng.IntN(len(districts))], disputes[d],
			defendant, defenses[d], list, supportVias[rng.IntN(len(supportVias))], plaintiff, groundTexts[d])
		file := filepath.Join(dir, fmt.Sprintf("synthetic-%05d.txt", i))
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		articles = append(articles, syntheticArticle{file: file, title: title, text: text, backed: plaintiff})
	}
	for i := range articles {
		// What `amicus extract` does, in this process.
		doc, err := (&loader.Loader{}).Document(context.Background(), articles[i].file)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range doc.Supports {
			if s.Supported == articles[i].backed {
				articles[i].supporters = append(articles[i].supporters, s.Supporter)
			}
		}
		sort.Strings(articles[i].supporters)
		if len(articles[i].supporters) == 0 {
			t.Fatalf("the extractor finds no supporter of %s in %s:\n%s", articles[i].backed, articles[i].file, articles[i].text)
		}
	}
	return articles
}

// reliabilityServer is the serve the reliability tests share.
var reliabilityServer struct {
	once    sync.Once
	serve   *serveProcess
	baseURL string
	data    string
	bolt    string
	err     error
}

// startReliabilityServer starts (once) a serve on a fresh data directory.
func startReliabilityServer(t *testing.T) string {
	t.Helper()
	if os.Getenv("NEO4J_URI") != "" {
		t.Skip("these tests stop and kill the embedded Neo4j")
	}
	rs := &reliabilityServer
	rs.once.Do(func() {
		dir, err := os.MkdirTemp("", "amicus-reliability-")
		if err != nil {
			rs.err = err
			return
		}
		rs.data = filepath.Join(dir, "data")
		rs.bolt = "127.0.0.1:" + freePort()
		addr := "127.0.0.1:" + freePort()
		rs.baseURL = "http://" + addr
		rs.serve, rs.err = startServe("--data", rs.data, "--bolt-addr", rs.bolt, "--addr", addr)
		if rs.err == nil && !rs.serve.waitHealthy(rs.baseURL, 5*time.Minute) {
			rs.err = fmt.Errorf("serve did not become healthy; log:\n%s", rs.serve.log.String())
		}
	})
	if rs.err != nil {
		t.Fatal(rs.err)
	}
	if rs.serve.exited() {
		t.Fatalf("the reliability serve exited; log:\n%s", rs.serve.log.String())
	}
	return rs.baseURL
}

// gqlResult is one GraphQL answer, decoded enough to check errors.
type gqlResult struct {
	Data   json.RawMessage `json:"data"`
	Errors []struct {
		Message    string `json:"message"`
		Extensions struct {
			Code string `json:"code"`
		} `json:"extensions"`
	} `json:"errors"`
}

// codes lists the error codes of an answer.
func (r gqlResult) codes() []string {
	var codes []string
	for _, e := range r.Errors {
		codes = append(codes, e.Extensions.Code)
	}
	return codes
}

// post sends one GraphQL request to baseURL, with the mutation token.
func post(client *http.Client, baseURL, query string, variables map[string]any) (gqlResult, time.Duration, error) {
	body, _ := json.Marshal(map[string]any{"query": query, "variables": variables})
	req, err := http.NewRequest(http.MethodPost, baseURL+"/query", bytes.NewReader(body))
	if err != nil {
		return gqlResult{}, 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+mutationToken)
	began := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return gqlResult{}, 0, err
	}
	defer resp.Body.Close()
	var out gqlResult
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		return gqlResult{}, 0, fmt.Errorf("decoding the answer (status %s): %w", resp.Status, err)
	}
	return out, time.Since(began), nil
}

const loadArticleMutation = `mutation Load($input: ArticleInput!) { loadArticle(input: $input) { status article { id } } }`

// supportersQuery asks who backed a party; a party is visible with all
// of its supporters from one article or not at all.
const supportersQuery = `query Backers($name: String!) { party(name: $name) { name supporters { supporter { name } } } }`

// backersOf decodes supportersQuery's answer: nil when the party is absent.
func backersOf(data json.RawMessage) ([]string, bool, error) {
	var out struct {
		Party *struct {
			Supporters []struct{ Supporter struct{ Name string } }
		}
	}
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, false, err
	}
	if out.Party == nil {
		return nil, false, nil
	}
	var names []string
	for _, s := range out.Party.Supporters {
		names = append(names, s.Supporter.Name)
	}
	sort.Strings(names)
	return names, true, nil
}

// mixedQueries is what the concurrent clients ask, besides checking the
// articles being loaded.
var mixedQueries = []struct {
	query     string
	variables map[string]any
}{
	{`{ parties(first: 20) { totalCount nodes { name kind supporters { via supporter { name } } } } }`, nil},
	{`query($t: String!) { search(text: $t, first: 10) { kind snippet } }`, map[string]any{"t": "brief"}},
	{`{ cases(first: 20) { totalCount nodes { name parties { side party { name } } rulingsConnection(first: 5) { nodes { summary } } } } }`, nil},
	{`{ courts(first: 20) { nodes { name level rulings { summary favors { name } } } } }`, nil},
}

// TestRReliabilityUnderLoad runs 50 clients asking a mix of queries for a
// minute (AMICUS_LOAD_SECONDS to change) while another client loads
// articles one by one. No request may fail, and every article is seen
// either whole or not at all.
func TestRReliabilityUnderLoad(t *testing.T) {
	baseURL := startReliabilityServer(t)
	duration := 60 * time.Second
	if s, err := strconv.Atoi(os.Getenv("AMICUS_LOAD_SECONDS")); err == nil && s > 0 {
		duration = time.Duration(s) * time.Second
	}
	articles := writeSyntheticArticles(t, t.TempDir(), 0, 300)

	var (
		mu        sync.Mutex
		latencies []time.Duration
		failures  []string
		loaded    int
		checks    int
	)
	fail := func(format string, args ...any) {
		mu.Lock()
		defer mu.Unlock()
		if len(failures) < 20 {
			failures = append(failures, fmt.Sprintf(format, args...))
		}
	}
	client := &http.Client{Timeout: 60 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	deadline := time.Now().Add(duration)
	var wg sync.WaitGroup

	// The loading client.
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; time.Now().Before(deadline) && i < len(articles); i++ {
			a := articles[i]
			res, _, err := post(client, baseURL, loadArticleMutation, map[string]any{"input": map[string]any{"title": a.title, "text": a.text}})
			if err != nil || len(res.Errors) > 0 {
				fail("loading %s: %v %v", a.file, err, res.Errors)
				return
			}
			mu.Lock()
			loaded = i + 1
			mu.Unlock()
		}
	}()

	// The querying clients.
	for c := 0; c < 50; c++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(c), 11))
			for time.Now().Before(deadline) {
				var res gqlResult
				var took time.Duration
				var err error
				if rng.IntN(2) == 0 {
					mu.Lock()
					// Articles just loaded, being loaded, and not yet loaded.
					i := min(loaded+rng.IntN(3)-1, len(articles)-1)
					mu.Unlock()
					a := articles[max(i, 0)]
					res, took, err = post(client, baseURL, supportersQuery, map[string]any{"name": a.backed})
					if err == nil && len(res.Errors) == 0 {
						names, found, derr := backersOf(res.Data)
						switch {
						case derr != nil:
							fail("decoding %s: %v", res.Data, derr)
						case found && !slices.Equal(names, a.supporters):
							fail("%s is visible with supporters %v, want all of %v or none", a.backed, names, a.supporters)
						}
						mu.Lock()
						checks++
						mu.Unlock()
					}
				} else {
					q := mixedQueries[rng.IntN(len(mixedQueries))]
					res, took, err = post(client, baseURL, q.query, q.variables)
				}
				if err != nil || len(res.Errors) > 0 {
					fail("request: %v %v", err, res.Errors)
					continue
				}
				mu.Lock()
				latencies = append(latencies, took)
				mu.Unlock()
			}
		}()
	}
	wg.Wait()

	for _, f := range failures {
		t.Error(f)
	}
	if len(latencies) == 0 {
		t.Fatal("no request succeeded")
	}
	slices.Sort(latencies)
	p := func(q float64) time.Duration { return latencies[int(q*float64(len(latencies)-1))] }
	t.Logf("50 clients for %s while loading: %d requests (%.0f/s), %d whole-article checks, %d articles loaded; latency p50 %s, p99 %s, max %s",
		duration, len(latencies), float64(len(latencies))/duration.Seconds(), checks, loaded,
		p(0.50).Round(time.Millisecond), p(0.99).Round(time.Millisecond), latencies[len(latencies)-1].Round(time.Millisecond))
	if loaded == 0 {
		t.Error("the loading client loaded nothing")
	}
}

// TestRReliabilityGraphKilled kills the embedded Neo4j in the middle of a
// load: /healthz must turn 503, queries must fail with GRAPH_UNAVAILABLE,
// and once Neo4j is back (amicus restarts it) everything works again
// without restarting amicus. The article being written when Neo4j died is
// either absent or whole.
func TestRReliabilityGraphKilled(t *testing.T) {
	baseURL := startReliabilityServer(t)
	rs := &reliabilityServer
	articles := writeSyntheticArticles(t, t.TempDir(), 1000, 60)
	client := &http.Client{Timeout: 90 * time.Second}

	// Load articles one after another until Neo4j dies under the loader.
	type outcome struct {
		index int
		err   string
	}
	stopped := make(chan outcome, 1)
	started := make(chan struct{})
	go func() {
		for i, a := range articles {
			if i == 3 {
				close(started)
			}
			res, _, err := post(client, baseURL, loadArticleMutation, map[string]any{"input": map[string]any{"title": a.title, "text": a.text}})
			if err != nil || len(res.Errors) > 0 {
				stopped <- outcome{i, fmt.Sprint(err, res.codes())}
				return
			}
		}
		stopped <- outcome{len(articles), "every article loaded before Neo4j died"}
	}()
	<-started
	jvm := pidFromRunFile(t, rs.data)
	if err := syscall.Kill(jvm, syscall.SIGKILL); err != nil {
		t.Fatalf("killing the embedded Neo4j (pid %d): %v", jvm, err)
	}
	killed := time.Now()

	// While it is down: the health check and queries say so.
	sawUnavailable := false
	res, _, err := post(client, baseURL, `{ parties(first: 5) { totalCount } }`, nil)
	if err != nil {
		t.Fatalf("querying while Neo4j is down: %v", err)
	}
	if slices.Contains(res.codes(), "GRAPH_UNAVAILABLE") {
		sawUnavailable = true
	} else {
		t.Logf("the query right after the kill answered %s %v", res.Data, res.Errors)
	}
	for _, e := range res.Errors {
		if strings.Contains(e.Message, "MATCH") || strings.Contains(e.Message, "goroutine") {
			t.Errorf("an error leaks internals: %q", e.Message)
		}
	}
	saw503 := false
	for time.Since(killed) < 3*time.Minute {
		status := healthStatus(baseURL)
		if status == http.StatusServiceUnavailable {
			saw503 = true
		}
		if status == http.StatusOK && saw503 {
			break
		}
		time.Sleep(200 * time.Millisecond)
	}
	if !saw503 {
		t.Error("/healthz never answered 503 while Neo4j was down")
	}
	if !sawUnavailable {
		t.Error("no query failed with GRAPH_UNAVAILABLE while Neo4j was down")
	}
	if healthStatus(baseURL) != http.StatusOK {
		t.Fatalf("/healthz is not 200 three minutes after Neo4j was killed; log:\n%s", rs.serve.log.String())
	}
	t.Logf("Neo4j was back %s after the kill", time.Since(killed).Round(time.Second))
	if rs.serve.exited() {
		t.Fatalf("amicus serve exited when Neo4j died; log:\n%s", rs.serve.log.String())
	}
	if again := pidFromRunFile(t, rs.data); again == jvm {
		t.Errorf("the run file still names the killed JVM %d", jvm)
	}

	// The loader stopped at some article; that one and every other is
	// absent or whole, and loading them all again completes the set.
	out := <-stopped
	t.Logf("the loader stopped at article %d: %s", out.index, out.err)
	for i, a := range articles {
		res, _, err := post(client, baseURL, supportersQuery, map[string]any{"name": a.backed})
		if err != nil || len(res.Errors) > 0 {
			t.Fatalf("querying after recovery: %v %v", err, res.Errors)
		}
		names, found, err := backersOf(res.Data)
		if err != nil {
			t.Fatal(err)
		}
		if found && !slices.Equal(names, a.supporters) {
			t.Errorf("article %d: %s has supporters %v after the crash, want all of %v or none", i, a.backed, names, a.supporters)
		}
		if i < out.index && !found {
			t.Errorf("article %d was loaded before the crash but is missing after it", i)
		}
	}
	for i, a := range articles {
		res, _, err := post(client, baseURL, loadArticleMutation, map[string]any{"input": map[string]any{"title": a.title, "text": a.text}})
		if err != nil || len(res.Errors) > 0 {
			t.Fatalf("loading article %d after recovery: %v %v", i, err, res.Errors)
		}
		var r struct{ LoadArticle struct{ Status string } }
		if err := json.Unmarshal(res.Data, &r); err != nil {
			t.Fatal(err)
		}
		if r.LoadArticle.Status == "replaced" {
			t.Errorf("article %d was half there after the crash: loading it again replaced it", i)
		}
	}
}

// pidFromRunFile reads the launcher JVM's pid from the run file in data.
func pidFromRunFile(t *testing.T, data string) int {
	t.Helper()
	var run struct {
		PID int `json:"pid"`
	}
	deadline := time.Now().Add(time.Minute)
	for {
		raw, err := os.ReadFile(filepath.Join(data, "amicus-neo4j.json"))
		if err == nil && json.Unmarshal(raw, &run) == nil && run.PID > 0 {
			return run.PID
		}
		if time.Now().After(deadline) {
			t.Fatalf("no run file in %s: %v", data, err)
		}
		time.Sleep(200 * time.Millisecond)
	}
}

// healthStatus is the status of GET /healthz, or 0 when it cannot be had.
func healthStatus(baseURL string) int {
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Get(baseURL + "/healthz")
	if err != nil {
		return 0
	}
	resp.Body.Close()
	return resp.StatusCode
}

// injectionPayloads are strings that would change a query built by
// pasting text into Cypher, or into a full-text query.
var injectionPayloads = []string{
	`x'}) MATCH (n) DETACH DELETE n //`,
	`x"}) DETACH DELETE n WITH 1 AS x MATCH (m) RETURN m //`,
	"Microsoft` OR 1=1 //",
	`' UNION MATCH (n) RETURN n //`,
	`$name CALL db.labels() YIELD label RETURN label`,
	`*:* OR name:* AND NOT ~ "\`,
	`\u0027); CREATE (:Injected) //`,
}

// schemaType is a type reference from introspection.
type schemaType struct {
	Kind   string      `json:"kind"`
	Name   *string     `json:"name"`
	OfType *schemaType `json:"ofType"`
}

// named unwraps lists and non-nulls.
func (t schemaType) named() schemaType {
	for t.OfType != nil {
		t = *t.OfType
	}
	return t
}

// introspection is the part of the schema the injection test walks.
type introspection struct {
	Schema struct {
		Types []struct {
			Kind   string `json:"kind"`
			Name   string `json:"name"`
			Fields []struct {
				Name string `json:"name"`
				Args []struct {
					Name string     `json:"name"`
					Type schemaType `json:"type"`
				} `json:"args"`
				Type schemaType `json:"type"`
			} `json:"fields"`
			InputFields []struct {
				Name string     `json:"name"`
				Type schemaType `json:"type"`
			} `json:"inputFields"`
			EnumValues []struct {
				Name string `json:"name"`
			} `json:"enumValues"`
		} `json:"types"`
	} `json:"__schema"`
}

const introspectionQuery = `{ __schema { types { kind name
  fields { name type { ...T } args { name type { ...T } } }
  inputFields { name type { ...T } }
  enumValues { name } } } }
fragment T on __Type { kind name ofType { kind name ofType { kind name ofType { kind name } } } }`

// argValue is a value for an argument of type t with payload in every
// string: a JSON literal for a GraphQL variable.
func argValue(types map[string]int, schema introspection, t schemaType, payload string) any {
	switch t.Kind {
	case "NON_NULL":
		return argValue(types, schema, *t.OfType, payload)
	case "LIST":
		return []any{argValue(types, schema, *t.OfType, payload)}
	}
	name := ""
	if t.Name != nil {
		name = *t.Name
	}
	switch name {
	case "String", "ID":
		return payload
	case "Int":
		return 5
	case "Float":
		return 0.5
	case "Boolean":
		return false
	}
	def := schema.Schema.Types[types[name]]
	switch def.Kind {
	case "ENUM":
		return def.EnumValues[0].Name
	case "INPUT_OBJECT":
		fields := map[string]any{}
		for _, f := range def.InputFields {
			fields[f.Name] = argValue(types, schema, f.Type, payload)
		}
		return fields
	}
	return payload // a custom scalar: send the text
}

// typeRef writes t in GraphQL syntax, for a variable declaration.
func typeRef(t schemaType) string {
	switch t.Kind {
	case "NON_NULL":
		return typeRef(*t.OfType) + "!"
	case "LIST":
		return "[" + typeRef(*t.OfType) + "]"
	}
	return *t.Name
}

// TestRInjection sends injection attempts through every string argument
// of every query and mutation, found by introspection: nothing in the
// graph changes, and the answers are normal results or clear errors.
func TestRInjection(t *testing.T) {
	baseURL := startReliabilityServer(t)
	rs := &reliabilityServer
	client := &http.Client{Timeout: 60 * time.Second}
	// Something to find, so that the queries have data to run over.
	articles := writeSyntheticArticles(t, t.TempDir(), 2000, 3)
	for _, a := range articles {
		if res, _, err := post(client, baseURL, loadArticleMutation, map[string]any{"input": map[string]any{"title": a.title, "text": a.text}}); err != nil || len(res.Errors) > 0 {
			t.Fatalf("loading %s: %v %v", a.file, err, res.Errors)
		}
	}
	count := func() string {
		out, err := exec.Command(e2e.bin, "cypher", "--json", "--data", rs.data, "--bolt-addr", rs.bolt,
			"MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS edges, collect(DISTINCT labels(n)) AS labels").Output()
		if err != nil {
			t.Fatalf("counting the graph: %v", err)
		}
		return string(out)
	}
	before := count()

	res, _, err := post(client, baseURL, introspectionQuery, nil)
	if err != nil || len(res.Errors) > 0 {
		t.Fatalf("introspection: %v %v", err, res.Errors)
	}
	var schema introspection
	if err := json.Unmarshal(res.Data, &schema); err != nil {
		t.Fatal(err)
	}
	types := map[string]int{}
	for i, ty := range schema.Schema.Types {
		types[ty.Name] = i
	}
	tried := 0
	for _, root := range []string{"Query", "Mutation"} {
		for _, field := range schema.Schema.Types[types[root]].Fields {
			if field.Name == "loadArticle" {
				continue // stores its text as data: checked below
			}
			var decls, args []string
			takesText := false
			for _, a := range field.Args {
				decls = append(decls, "$"+a.Name+": "+typeRef(a.Type))
				args = append(args, a.Name+": $"+a.Name)
				n := a.Type.named()
				if k := schema.Schema.Types[types[*n.Name]].Kind; *n.Name == "String" || *n.Name == "ID" || k == "INPUT_OBJECT" {
					takesText = true
				}
			}
			if !takesText {
				continue
			}
			selection := ""
			if k := field.Type.named().Kind; k == "OBJECT" || k == "INTERFACE" || k == "UNION" {
				selection = " { __typename }"
			}
			op := strings.ToLower(root)
			query := fmt.Sprintf("%s Probe(%s) { %s(%s)%s }", op, strings.Join(decls, ", "), field.Name, strings.Join(args, ", "), selection)
			for _, payload := range injectionPayloads {
				variables := map[string]any{}
				for _, a := range field.Args {
					variables[a.Name] = argValue(types, schema, a.Type, payload)
				}
				res, _, err := post(client, baseURL, query, variables)
				if err != nil {
					t.Fatalf("%s with %q: %v", field.Name, payload, err)
				}
				tried++
				for _, e := range res.Errors {
					// An error may quote the argument back; the rest must not show the query.
					message := strings.ReplaceAll(e.Message, strconv.Quote(payload), "")
					message = strings.ReplaceAll(message, payload, "")
					switch {
					case e.Extensions.Code != "BAD_USER_INPUT" && e.Extensions.Code != "NOT_FOUND":
						t.Errorf("%s.%s with %q: error %q with code %q, want a result, BAD_USER_INPUT or NOT_FOUND", root, field.Name, payload, e.Message, e.Extensions.Code)
					case strings.Contains(message, "Neo.") || strings.Contains(message, "MATCH") || strings.Contains(message, "Cypher"):
						t.Errorf("%s.%s with %q: the error leaks the query: %q", root, field.Name, payload, e.Message)
					}
				}
			}
		}
	}
	if tried < 10 {
		t.Fatalf("only %d probes: the introspection walk found too few string arguments", tried)
	}
	if !strings.Contains(before, "Party") {
		t.Fatalf("the graph to attack holds no parties: %s", before)
	}
	if after := count(); after != before {
		t.Errorf("the graph changed under injection attempts:\nbefore %s\nafter  %s", before, after)
	}
	t.Logf("%d injection probes through every string argument; the graph is unchanged", tried)

	// loadArticle keeps what it is given as data, byte for byte.
	payload := injectionPayloads[0]
	text := strings.Replace(articles[0].text, "on Monday", "on Monday ("+payload+")", 1)
	res, _, err = post(client, baseURL, `mutation($input: ArticleInput!) { loadArticle(input: $input) { article { title url publisher } } }`,
		map[string]any{"input": map[string]any{"title": payload, "text": text, "url": "https://example.org/" + payload, "publisher": payload}})
	if err != nil || len(res.Errors) > 0 {
		t.Fatalf("loadArticle with injection text: %v %v", err, res.Errors)
	}
	var loaded struct {
		LoadArticle struct {
			Article struct{ Title, URL, Publisher string }
		}
	}
	if err := json.Unmarshal(res.Data, &loaded); err != nil {
		t.Fatal(err)
	}
	if a := loaded.LoadArticle.Article; a.Title != payload || a.Publisher != payload {
		t.Errorf("loadArticle stored %+v, want the title and publisher exactly %q", a, payload)
	}
	if after := count(); !strings.Contains(after, "Article") {
		t.Errorf("the graph lost its articles: %s", after)
	}
}

// TestZZStopReliabilityServer stops the reliability tests' serve and
// checks that the JVM it restarted stopped with it.
func TestZZStopReliabilityServer(t *testing.T) {
	rs := &reliabilityServer
	if rs.serve == nil || rs.serve.exited() {
		return
	}
	jvm := pidFromRunFile(t, rs.data)
	stopServe(t, rs.serve)
	if syscall.Kill(jvm, 0) == nil {
		t.Errorf("the embedded Neo4j (pid %d) still runs after amicus serve stopped", jvm)
	}
	os.RemoveAll(filepath.Dir(rs.data))
}

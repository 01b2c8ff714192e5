package main

// End-to-end tests: they build the amicus binary, start `amicus serve` on
// a real Neo4j (the embedded one, or the server named by NEO4J_URI), and
// drive it as a user would, through the CLI and GraphQL over HTTP. The
// tests share one graph and run in the order written.

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

var e2e struct {
	bin     string // the amicus binary
	data    string // the embedded Neo4j's data directory
	boltArg string // --bolt-addr given to serve
	baseURL string // http://host:port of the running serve
	serve   *serveProcess
}

// mutationToken is the test server's AMICUS_TOKEN.
const mutationToken = "test-token-7f3a"

// corsOrigin is the browser origin the test server lets call the API.
const corsOrigin = "https://app.example.org"

// sharedDir is where the seed articles and their gold annotations live,
// beside the repository.
const sharedDir = "../shared"

func TestMain(m *testing.M) {
	os.Exit(runE2E(m))
}

func runE2E(m *testing.M) int {
	dir, err := os.MkdirTemp("", "amicus-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer os.RemoveAll(dir)
	e2e.bin = filepath.Join(dir, "amicus")
	build := exec.Command("go", "build", "-o", e2e.bin, ".")
	build.Stdout, build.Stderr = os.Stderr, os.Stderr
	if err := build.Run(); err != nil {
		fmt.Fprintln(os.Stderr, "building amicus:", err)
		return 1
	}
	e2e.data = filepath.Join(dir, "data")
	e2e.boltArg = "127.0.0.1:" + freePort()
	httpAddr := "127.0.0.1:" + freePort()
	e2e.baseURL = "http://" + httpAddr
	e2e.serve, err = startServe("--data", e2e.data, "--bolt-addr", e2e.boltArg, "--addr", httpAddr,
		"--cors-origin", corsOrigin)
	if err != nil {
		fmt.Fprintln(os.Stderr, "starting amicus serve:", err)
		return 1
	}
	defer func() {
		if !e2e.serve.exited() {
			_ = e2e.serve.stop(2 * time.Minute)
		}
	}()
	defer func() {
		// The reliability tests' server, when a -run filter skipped the test that stops it.
		if rs := &reliabilityServer; rs.serve != nil && !rs.serve.exited() {
			_ = rs.serve.stop(2 * time.Minute)
		}
	}()
	if !e2e.serve.waitHealthy(e2e.baseURL, 10*time.Minute) {
		fmt.Fprintf(os.Stderr, "amicus serve did not become healthy; its log:\n%s\n", e2e.serve.log.String())
		return 1
	}
	if n := countGraph(); n != 0 && os.Getenv("NEO4J_URI") != "" {
		fmt.Fprintf(os.Stderr, "the database at NEO4J_URI holds %d nodes: point the tests at an empty scratch database\n", n)
		return 1
	}
	return m.Run()
}

func freePort() string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer l.Close()
	return fmt.Sprint(l.Addr().(*net.TCPAddr).Port)
}

// serveProcess is a running `amicus serve` whose exit is always noticed.
type serveProcess struct {
	cmd  *exec.Cmd
	log  *syncBuffer
	done chan struct{} // closed when the process has exited
	err  error         // the process's exit, once done is closed
}

// startServe starts `amicus serve` with args.
func startServe(args ...string) (*serveProcess, error) {
	p := &serveProcess{log: &syncBuffer{}, done: make(chan struct{})}
	p.cmd = exec.Command(e2e.bin, append([]string{"serve"}, args...)...)
	p.cmd.Env = append(os.Environ(), "AMICUS_TOKEN="+mutationToken)
	p.cmd.Stdout, p.cmd.Stderr = p.log, p.log
	if err := p.cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		p.err = p.cmd.Wait()
		close(p.done)
	}()
	return p, nil
}

func (p *serveProcess) exited() bool {
	select {
	case <-p.done:
		return true
	default:
		return false
	}
}

// waitHealthy waits until GET baseURL/healthz answers 200; false when the
// process exits or the time runs out first.
func (p *serveProcess) waitHealthy(baseURL string, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) && !p.exited() {
		resp, err := http.Get(baseURL + "/healthz")
		if err == nil {
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK {
				return true
			}
		}
		time.Sleep(500 * time.Millisecond)
	}
	return false
}

// stop sends SIGTERM, as a service manager or Ctrl-C would, and waits for
// the process to exit; the error is its exit status or a time-out.
func (p *serveProcess) stop(limit time.Duration) error {
	if !p.exited() {
		if err := p.cmd.Process.Signal(syscall.SIGTERM); err != nil {
			return err
		}
	}
	select {
	case <-p.done:
		return p.err
	case <-time.After(limit):
		_ = p.cmd.Process.Kill()
		return fmt.Errorf("amicus serve did not stop within %v of SIGTERM", limit)
	}
}

// syncBuffer is a bytes.Buffer safe for a process's output and a test's
// reads at once.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// amicus runs the binary with args against the test graph and returns its
// stdout, stderr and exit code.
func amicus(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	if len(args) > 0 && args[0] != "extract" && args[0] != "eval" {
		args = append(args, "--data", e2e.data, "--bolt-addr", e2e.boltArg)
	}
	cmd := exec.Command(e2e.bin, args...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	code := 0
	if exit, ok := err.(*exec.ExitError); ok {
		code = exit.ExitCode()
	} else if err != nil {
		t.Fatalf("running amicus %v: %v", args, err)
	}
	return stdout.String(), stderr.String(), code
}

// mustAmicus is amicus for commands that must succeed.
func mustAmicus(t *testing.T, args ...string) string {
	t.Helper()
	stdout, stderr, code := amicus(t, args...)
	if code != 0 {
		t.Fatalf("amicus %v exited %d\nstdout:\n%s\nstderr:\n%s", args, code, stdout, stderr)
	}
	return stdout
}

// graphQL posts a query and decodes the response's data into out,
// failing the test on any GraphQL error.
func graphQL(t *testing.T, query string, variables map[string]any, out any) {
	t.Helper()
	resp := postGraphQL(t, query, variables)
	if len(resp.Errors) > 0 {
		t.Fatalf("GraphQL errors: %s", resp.Errors)
	}
	if err := json.Unmarshal(resp.Data, out); err != nil {
		t.Fatalf("decoding %s: %v", resp.Data, err)
	}
}

type graphQLResponse struct {
	Data   json.RawMessage `json:"data"`
	Errors json.RawMessage `json:"errors"`
}

func postGraphQL(t *testing.T, query string, variables map[string]any) graphQLResponse {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"query": query, "variables": variables})
	resp, err := http.Post(e2e.baseURL+"/query", "application/json", bytes.NewReader(body))
	if err != nil {
		t.Fatalf("POST /query: %v", err)
	}
	defer resp.Body.Close()
	var out graphQLResponse
	if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
		t.Fatalf("decoding the response (status %s): %v", resp.Status, err)
	}
	return out
}

// countGraph counts the graph's nodes and relationships through the CLI.
func countGraph() int {
	cmd := exec.Command(e2e.bin, "cypher", "--json", "--data", e2e.data, "--bolt-addr", e2e.boltArg,
		"MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) + count(r) AS n")
	out, err := cmd.Output()
	if err != nil {
		return -1
	}
	var rows []map[string]int
	if json.Unmarshal(out, &rows) != nil || len(rows) != 1 {
		return -1
	}
	return rows[0]["n"]
}

// fold folds white space and typographic quotes, as the gold README's
// matching rules do.
func fold(s string) string {
	s = strings.NewReplacer("\u00a0", " ", "’", "'", "‘", "'", "“", "\"", "”", "\"").Replace(s)
	return strings.Join(strings.Fields(s), " ")
}

func sharedOrSkip(t *testing.T) {
	t.Helper()
	if _, err := os.Stat(filepath.Join(sharedDir, "seeds")); err != nil {
		t.Skipf("%s/seeds is not beside the repository", sharedDir)
	}
}

func TestHealthAndPlayground(t *testing.T) {
	resp, err := http.Get(e2e.baseURL + "/healthz")
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET /healthz: %v %v", resp, err)
	}
	resp.Body.Close()
	resp, err = http.Get(e2e.baseURL + "/")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var page bytes.Buffer
	_, _ = page.ReadFrom(resp.Body)
	if resp.StatusCode != http.StatusOK || !strings.Contains(strings.ToLower(page.String()), "graphiql") {
		t.Fatalf("GET / should serve the GraphiQL playground, got %s", resp.Status)
	}
}

// headlineQuery is the question the product exists to answer.
const headlineQuery = `query($name: String!) {
  party(name: $name) {
    name
    supporters { supporter { name } via grounds { claim } evidence { quote article { title } } }
  }
}`

type headlineAnswer struct {
	Party *struct {
		Name       string
		Supporters []struct {
			Supporter struct{ Name string }
			Via       *string
			Grounds   []struct{ Claim string }
			Evidence  []struct {
				Quote   string
				Article struct{ Title string }
			}
		}
	}
}

func TestSeedArticles(t *testing.T) {
	sharedOrSkip(t)
	out := mustAmicus(t, "load", filepath.Join(sharedDir, "seeds"))
	if !strings.Contains(out, "2 added") {
		t.Fatalf("loading the seeds should add 2 articles:\n%s", out)
	}

	var answer headlineAnswer
	graphQL(t, headlineQuery, map[string]any{"name": "Microsoft"}, &answer)
	if answer.Party == nil {
		t.Fatal("party(name: Microsoft) is null")
	}
	want := map[string]string{"verizon": "amicus brief", "apple": "", "at&t": "", "cisco": ""}
	got := map[string]bool{}
	for _, s := range answer.Party.Supporters {
		name := strings.ToLower(s.Supporter.Name)
		via, expected := want[name]
		if !expected {
			t.Errorf("unexpected supporter %q", s.Supporter.Name)
			continue
		}
		got[name] = true
		gotVia := ""
		if s.Via != nil {
			gotVia = *s.Via
		}
		if gotVia != via {
			t.Errorf("%s via %q, want %q", s.Supporter.Name, gotVia, via)
		}
		if len(s.Grounds) == 0 || strings.TrimSpace(s.Grounds[0].Claim) == "" {
			t.Errorf("%s has no grounds", s.Supporter.Name)
		}
		if len(s.Evidence) == 0 || !strings.Contains(s.Evidence[0].Quote, s.Supporter.Name) {
			t.Errorf("%s: evidence should quote the sentence naming it, got %+v", s.Supporter.Name, s.Evidence)
		}
	}
	if len(got) != len(want) {
		t.Errorf("supporters of Microsoft: got %v, want exactly Verizon, Apple, AT&T and Cisco", got)
	}

	// Courts: the district court in New York and the Second Circuit, once each.
	var courts struct {
		Courts struct{ Nodes []struct{ Name string } }
	}
	graphQL(t, `{ courts(first: 100) { nodes { name } } }`, nil, &courts)
	var district, second int
	for _, c := range courts.Courts.Nodes {
		name := strings.ToLower(c.Name)
		if strings.Contains(name, "new york") {
			district++
		}
		if strings.Contains(name, "second circuit") {
			second++
		}
	}
	if district != 1 || second != 1 || len(courts.Courts.Nodes) != 2 {
		t.Errorf("courts = %+v, want the district court in New York and the Second Circuit once each", courts.Courts)
	}

	// Arguments carry the gold sentences, attributed to the right party.
	golds, _ := filepath.Glob(filepath.Join(sharedDir, "gold", "*.gold.json"))
	if len(golds) == 0 {
		t.Fatal("no gold files")
	}
	argsOf := func(name string) map[string]bool {
		var r struct {
			Party *struct {
				Arguments []struct{ Evidence []struct{ Quote string } }
			}
		}
		graphQL(t, `query($n: String!) { party(name: $n) { arguments { evidence { quote } } } }`, map[string]any{"n": name}, &r)
		quotes := map[string]bool{}
		if r.Party != nil {
			for _, a := range r.Party.Arguments {
				for _, e := range a.Evidence {
					quotes[fold(e.Quote)] = true
				}
			}
		}
		return quotes
	}
	quotes := map[string]map[string]bool{"Microsoft": argsOf("Microsoft"), "U.S. government": argsOf("U.S. government")}
	for _, path := range golds {
		var gold struct {
			Arguments []struct{ By, Evidence string }
		}
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := json.Unmarshal(data, &gold); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		for _, a := range gold.Arguments {
			if !quotes[a.By][fold(a.Evidence)] {
				t.Errorf("%s: no argument by %s with the sentence %q", filepath.Base(path), a.By, a.Evidence)
			}
		}
	}
}

func TestReloadChangesNothing(t *testing.T) {
	sharedOrSkip(t)
	before := countGraph()
	out := mustAmicus(t, "load", filepath.Join(sharedDir, "seeds"))
	if !strings.Contains(out, "2 unchanged") {
		t.Errorf("re-loading should leave both seeds unchanged:\n%s", out)
	}
	if after := countGraph(); after != before || before <= 0 {
		t.Errorf("re-loading changed the graph: %d nodes and relationships before, %d after", before, after)
	}
}

func TestLoadExamples(t *testing.T) {
	out := mustAmicus(t, "load", "examples/articles")
	entries, _ := filepath.Glob("examples/articles/*")
	if !strings.Contains(out, fmt.Sprintf("loaded %d of %d sources", len(entries), len(entries))) {
		t.Fatalf("all %d example articles should load:\n%s", len(entries), out)
	}
	var r struct {
		Articles struct{ TotalCount int }
		Parties  struct {
			TotalCount int
			PageInfo   struct {
				HasNextPage bool
				EndCursor   string
			}
			Nodes []struct{ Name string }
		}
	}
	graphQL(t, `{ articles(first: 100) { totalCount } parties(first: 5) { totalCount pageInfo { hasNextPage endCursor } nodes { name } } }`, nil, &r)
	if r.Articles.TotalCount < len(entries) {
		t.Errorf("%d articles in the graph, want at least %d", r.Articles.TotalCount, len(entries))
	}
	if len(r.Parties.Nodes) != 5 || !r.Parties.PageInfo.HasNextPage || r.Parties.TotalCount <= 5 {
		t.Fatalf("parties page: %+v", r.Parties)
	}
	// The next page starts after the first, in name order, with no overlap.
	var next struct {
		Parties struct{ Nodes []struct{ Name string } }
	}
	graphQL(t, `query($after: String) { parties(first: 5, after: $after) { nodes { name } } }`,
		map[string]any{"after": r.Parties.PageInfo.EndCursor}, &next)
	if len(next.Parties.Nodes) == 0 || strings.ToLower(next.Parties.Nodes[0].Name) < strings.ToLower(r.Parties.Nodes[4].Name) {
		t.Errorf("second page %+v does not follow the first %+v", next.Parties.Nodes, r.Parties.Nodes)
	}
	for _, n := range next.Parties.Nodes {
		for _, m := range r.Parties.Nodes {
			if n == m {
				t.Errorf("%q is on both pages", n.Name)
			}
		}
	}
}

func TestReviewLoop(t *testing.T) {
	dir := t.TempDir()
	article := filepath.Join(dir, "article.txt")
	text := "Gadgetron sues the Ministry of Widgets\n\n" +
		"Gadgetron Inc. sued the Ministry of Widgets in the Federal Court of Atlantis on Monday. " +
		"Gadgetron argues that the widget levy is unconstitutional. " +
		"Sprocket Ltd. filed an amicus brief supporting Gadgetron, warning that the levy would ruin small makers.\n"
	if err := os.WriteFile(article, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	out := mustAmicus(t, "extract", article)
	var doc map[string]any
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatalf("extract should print JSON: %v\n%s", err, out)
	}
	// A researcher reviews the facts: the first argument's claim is
	// reworded, and the document is loaded as reviewed.
	arguments, _ := doc["arguments"].([]any)
	if len(arguments) == 0 {
		t.Fatalf("no arguments extracted from %q:\n%s", text, out)
	}
	arguments[0].(map[string]any)["claim"] = "the widget levy breaks the constitution (reviewed)"
	edited, _ := json.MarshalIndent(doc, "", "  ")
	reviewed := filepath.Join(dir, "article.facts.json")
	if err := os.WriteFile(reviewed, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	mustAmicus(t, "load", article)
	out = mustAmicus(t, "load", reviewed)
	if !strings.Contains(out, "replaced") {
		t.Errorf("loading the reviewed facts should replace the extracted ones:\n%s", out)
	}
	var r struct {
		Party *struct{ Arguments []struct{ Claim string } }
	}
	graphQL(t, `{ party(name: "Gadgetron") { arguments { claim } } }`, nil, &r)
	if r.Party == nil || len(r.Party.Arguments) != 1 || !strings.Contains(r.Party.Arguments[0].Claim, "(reviewed)") {
		t.Errorf("Gadgetron's arguments after review: %+v", r.Party)
	}

	// A hand edit that breaks the document is refused, naming the file and
	// the problem, and the graph keeps the reviewed facts.
	arguments[0].(map[string]any)["by"] = "Nobody Known"
	broken, _ := json.Marshal(doc)
	brokenPath := filepath.Join(dir, "broken.json")
	_ = os.WriteFile(brokenPath, broken, 0o644)
	_, stderr, code := amicus(t, "load", brokenPath)
	if code == 0 || !strings.Contains(stderr, brokenPath) || !strings.Contains(stderr, "Nobody Known") {
		t.Errorf("a broken facts file should fail naming the file and the problem; exit %d, stderr:\n%s", code, stderr)
	}
	graphQL(t, `{ party(name: "Gadgetron") { arguments { claim } } }`, nil, &r)
	if r.Party == nil || len(r.Party.Arguments) != 1 || !strings.Contains(r.Party.Arguments[0].Claim, "(reviewed)") {
		t.Errorf("a refused document changed the graph: %+v", r.Party)
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	good := "Acme Robotics sues Globex\n\nAcme Robotics filed suit against Globex Corp. in the Superior Court of Delaware. " +
		"Acme Robotics says that Globex copied its gripper patents.\n"
	files := map[string][]byte{
		"good.txt":        []byte(good),
		"empty.txt":       {},
		"blank.md":        []byte("   \n\n  "),
		"binary.txt":      {0x7f, 'E', 'L', 'F', 0, 0, 1, 2},
		"latin1.txt":      []byte("Caf\xe9 society sues the city\n\nThe caf\xe9 owners say the rules are unfair."),
		"notes.json":      []byte(`{"hello": "world"}`),
		"big.txt":         bytes.Repeat([]byte("The court heard the case again. "), 700_000),
		"ignored.pdf.tmp": []byte("not an article"),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	before := countGraph()
	stdout, stderr, code := amicus(t, "load", dir)
	if code != 1 {
		t.Errorf("exit code %d, want 1 when some files fail", code)
	}
	for name, problem := range map[string]string{
		"empty.txt":  "empty",
		"blank.md":   "empty",
		"binary.txt": "binary",
		"latin1.txt": "UTF-8",
		"notes.json": "facts document",
		"big.txt":    "limit",
	} {
		line := ""
		for _, l := range strings.Split(stderr, "\n") {
			if strings.Contains(l, filepath.Join(dir, name)) {
				line = l
			}
		}
		if !strings.Contains(line, problem) {
			t.Errorf("%s: want an error naming the file and saying %q; stderr:\n%s", name, problem, stderr)
		}
	}
	if !strings.Contains(stdout, "1 added") || !strings.Contains(stdout, "6 failed") {
		t.Errorf("the good file should load and six fail:\n%s", stdout)
	}
	var r struct{ Party *struct{ Name string } }
	graphQL(t, `{ party(name: "Acme Robotics") { name } }`, nil, &r)
	if r.Party == nil {
		t.Error("the good file's party is not in the graph")
	}
	if after := countGraph(); after <= before {
		t.Errorf("the graph did not grow by the good file: %d before, %d after", before, after)
	}
}

func TestCypherCommand(t *testing.T) {
	out := mustAmicus(t, "cypher", "MATCH (c:Court) RETURN c.name AS court ORDER BY court LIMIT 3")
	if !strings.HasPrefix(out, "court") || !strings.Contains(out, "row") {
		t.Errorf("cypher should print a table with a header and a row count:\n%s", out)
	}
	out = mustAmicus(t, "cypher", "--json", "--param", "name=Verizon",
		"MATCH (p:Party {name: $name})-[s:SUPPORTS]->(q:Party) RETURN p.name AS supporter, q.name AS supported, s.via AS via")
	var rows []map[string]any
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatalf("--json should print JSON: %v\n%s", err, out)
	}
	if _, err := os.Stat(filepath.Join(sharedDir, "seeds")); err == nil {
		if len(rows) == 0 || rows[0]["supported"] != "Microsoft" || rows[0]["via"] != "amicus brief" {
			t.Errorf("Verizon should support Microsoft via an amicus brief: %v", rows)
		}
	}
	_, stderr, code := amicus(t, "cypher", "MATCH (n RETURN n")
	if code != 1 || !strings.Contains(stderr, "amicus cypher") {
		t.Errorf("a bad query should fail with a message; exit %d, stderr: %s", code, stderr)
	}
}

func TestGraphQLLimitsAndErrors(t *testing.T) {
	resp := postGraphQL(t, `{ parties(first: 1000) { totalCount } }`, nil)
	if !strings.Contains(string(resp.Errors), "BAD_USER_INPUT") {
		t.Errorf("first: 1000 should be refused as BAD_USER_INPUT: %s", resp.Errors)
	}
	resp = postGraphQL(t, `{ parties(first: 1, after: "not-a-cursor") { totalCount } }`, nil)
	if !strings.Contains(string(resp.Errors), "BAD_USER_INPUT") {
		t.Errorf("a bad cursor should be refused as BAD_USER_INPUT: %s", resp.Errors)
	}
	// A query too expensive to run is refused before it touches the graph.
	deep := `{ cases(first: 100) { nodes { parties { party { supporters { supporter { supports { supported { arguments { evidence { article { title } } } } } } } } } } } }`
	var sb strings.Builder
	sb.WriteString("{")
	for i := 0; i < 100; i++ {
		fmt.Fprintf(&sb, " a%d: %s", i, strings.TrimSuffix(strings.TrimPrefix(deep, "{"), "}"))
	}
	sb.WriteString("}")
	resp = postGraphQL(t, sb.String(), nil)
	if !strings.Contains(string(resp.Errors), "COMPLEXITY_LIMIT_EXCEEDED") {
		t.Errorf("an over-complex query should be refused: %.300s", resp.Errors)
	}
	// Injection through arguments is just data.
	var r struct{ Party *struct{ Name string } }
	graphQL(t, `query($n: String!) { party(name: $n) { name } }`, map[string]any{"n": "x' OR 1=1 //\"}) MATCH (n) DETACH DELETE n //"}, &r)
	if r.Party != nil {
		t.Errorf("an injection attempt matched a party: %+v", r.Party)
	}
	if countGraph() <= 0 {
		t.Fatal("the graph is empty after an injection attempt")
	}
}

func TestObservabilityAndSafety(t *testing.T) {
	// A request id comes back, the client's own when it sends a sensible one.
	body := strings.NewReader(`{"query": "query Headline { party(name: \"Microsoft\") { supporters { supporter { name } } } }", "operationName": "Headline"}`)
	req, _ := http.NewRequest(http.MethodPost, e2e.baseURL+"/query", body)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Request-Id", "trace-42")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.Header.Get("X-Request-Id") != "trace-42" {
		t.Errorf("X-Request-Id = %q, want the client's trace-42", resp.Header.Get("X-Request-Id"))
	}
	postGraphQL(t, `{ parties(first: 0) { totalCount } }`, nil) // a BAD_USER_INPUT error

	// Queries nested too deeply are refused before they run.
	deep := "{ cases(first: 1) { nodes { parties { party { cases { parties { party { cases { parties { party { cases { parties { side } } } } } } } } } } } } }"
	if r := postGraphQL(t, deep, nil); !strings.Contains(string(r.Errors), "DEPTH_LIMIT_EXCEEDED") {
		t.Errorf("a 13-level query should be refused: %s", r.Errors)
	}

	// Automatic persisted queries: a hash alone is asked for its query once.
	query := `{ courts { nodes { name } } }`
	sum := sha256.Sum256([]byte(query))
	ext := map[string]any{"persistedQuery": map[string]any{"version": 1, "sha256Hash": hex.EncodeToString(sum[:])}}
	post := func(payload map[string]any) string {
		data, _ := json.Marshal(payload)
		resp, err := http.Post(e2e.baseURL+"/query", "application/json", bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out bytes.Buffer
		_, _ = out.ReadFrom(resp.Body)
		return out.String()
	}
	if got := post(map[string]any{"extensions": ext}); !strings.Contains(got, "PersistedQueryNotFound") {
		t.Errorf("an unknown hash should be answered PersistedQueryNotFound: %s", got)
	}
	if got := post(map[string]any{"query": query, "extensions": ext}); !strings.Contains(got, `"courts"`) {
		t.Errorf("registering the query: %s", got)
	}
	if got := post(map[string]any{"extensions": ext}); !strings.Contains(got, `"courts"`) {
		t.Errorf("the hash alone should now run the query: %s", got)
	}

	// CORS: the allowed origin may call the API from a browser; others not.
	for origin, allowed := range map[string]bool{corsOrigin: true, "https://evil.example": false} {
		req, _ := http.NewRequest(http.MethodOptions, e2e.baseURL+"/query", nil)
		req.Header.Set("Origin", origin)
		req.Header.Set("Access-Control-Request-Method", "POST")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if got := resp.Header.Get("Access-Control-Allow-Origin") == origin; got != allowed {
			t.Errorf("preflight from %s: allowed %v, want %v (status %s)", origin, got, allowed, resp.Status)
		}
	}

	// Prometheus metrics count requests by operation, errors by code and
	// the graph round trips of each request.
	resp, err = http.Get(e2e.baseURL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var metrics bytes.Buffer
	_, _ = metrics.ReadFrom(resp.Body)
	for _, want := range []string{
		`amicus_graphql_requests_total{operation="Headline"} 1`,
		`amicus_graphql_errors_total{code="BAD_USER_INPUT"}`,
		`amicus_graphql_request_duration_seconds_bucket{operation="Headline"`,
		`amicus_graph_round_trips_per_request_count`,
		`go_goroutines`,
	} {
		if !strings.Contains(metrics.String(), want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

func TestLoadArticleMutation(t *testing.T) {
	const mutation = `mutation($in: ArticleInput!) { loadArticle(input: $in) { status article { title publisher } facts { kind count } } }`
	input := map[string]any{
		"title":     "Orchard growers take the water board to court",
		"publisher": "Valley Ledger",
		"text": "The Orchard Growers Association sued the State Water Board in the Superior Court of Fresno on Monday. " +
			"The Orchard Growers Association argues that the drought rules ignore decades of senior rights. " +
			"The Almond Council filed an amicus brief supporting the Orchard Growers Association, warning that the rules would idle farms.",
	}
	send := func(token string) graphQLResponse {
		body, _ := json.Marshal(map[string]any{"query": mutation, "variables": map[string]any{"in": input}})
		req, _ := http.NewRequest(http.MethodPost, e2e.baseURL+"/query", bytes.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var out graphQLResponse
		if err := json.NewDecoder(resp.Body).Decode(&out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	for _, token := range []string{"", "wrong-token"} {
		if r := send(token); !strings.Contains(string(r.Errors), "UNAUTHENTICATED") {
			t.Errorf("a mutation with token %q should be refused: %s %s", token, r.Data, r.Errors)
		}
	}
	var answer struct {
		LoadArticle struct {
			Status  string
			Article struct{ Title, Publisher string }
			Facts   []struct {
				Kind  string
				Count int
			}
		}
	}
	r := send(mutationToken)
	if len(r.Errors) > 0 {
		t.Fatalf("loadArticle: %s", r.Errors)
	}
	_ = json.Unmarshal(r.Data, &answer)
	if answer.LoadArticle.Status != "added" || answer.LoadArticle.Article.Publisher != "Valley Ledger" || len(answer.LoadArticle.Facts) == 0 {
		t.Errorf("loadArticle: %s", r.Data)
	}
	_ = json.Unmarshal(send(mutationToken).Data, &answer)
	if answer.LoadArticle.Status != "unchanged" {
		t.Errorf("loading the same article again: status %q, want unchanged", answer.LoadArticle.Status)
	}
	var party struct {
		Party *struct {
			Supporters []struct{ Supporter struct{ Name string } }
		}
	}
	graphQL(t, `{ party(name: "Orchard Growers Association") { supporters { supporter { name } } } }`, nil, &party)
	if party.Party == nil {
		t.Fatal("the loaded article's party is not in the graph")
	}

	// A production server refuses to start without a token.
	cmd := exec.Command(e2e.bin, "serve", "--production", "--addr", "127.0.0.1:"+freePort(), "--data", t.TempDir())
	cmd.Env = append(os.Environ(), "AMICUS_TOKEN=")
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "AMICUS_TOKEN") {
		t.Errorf("serve --production without a token should refuse to start: %v %s", err, out)
	}
}

func TestMergePartiesMutation(t *testing.T) {
	// A facts document, as a researcher might load it, in which one mill
	// appears under two spellings as two parties.
	text := "Pinecrest Mills sued Harlan County on Tuesday. Pine Crest Mills says that the zoning map was drawn in secret."
	quote := func(part string) []map[string]any {
		i := strings.Index(text, part)
		return []map[string]any{{"quote": part, "start": i, "end": i + len(part)}}
	}
	doc := map[string]any{
		"version": 1, "extractor": "hand",
		"article": map[string]any{"title": "Pinecrest Mills fights the county", "text": text},
		"cases":   []any{map[string]any{"name": "Pinecrest Mills v. Harlan County", "confidence": 1, "evidence": quote("Pinecrest Mills sued Harlan County on Tuesday.")}},
		"parties": []any{
			map[string]any{"name": "Pinecrest Mills", "kind": "company", "case": "Pinecrest Mills v. Harlan County", "side": "A", "confidence": 1, "evidence": quote("Pinecrest Mills sued")},
			map[string]any{"name": "Harlan County", "kind": "government", "case": "Pinecrest Mills v. Harlan County", "side": "B", "confidence": 1, "evidence": quote("Harlan County on")},
			map[string]any{"name": "Pine Crest Mills", "kind": "company", "confidence": 1, "evidence": quote("Pine Crest Mills says")},
		},
		"arguments": []any{map[string]any{"by": "Pine Crest Mills", "claim": "the zoning map was drawn in secret", "confidence": 1,
			"evidence": quote("Pine Crest Mills says that the zoning map was drawn in secret.")}},
	}
	data, _ := json.Marshal(doc)
	path := filepath.Join(t.TempDir(), "pinecrest.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	mustAmicus(t, "load", path)
	var before struct {
		Parties struct{ Nodes []struct{ ID, Name string } }
	}
	graphQL(t, `{ parties(first: 10, nameContains: "crest mills") { nodes { id name } } }`, nil, &before)
	if len(before.Parties.Nodes) != 2 {
		t.Fatalf("want the two spellings as two parties: %+v", before.Parties.Nodes)
	}
	keep, merge := before.Parties.Nodes[0], before.Parties.Nodes[1]
	if strings.HasPrefix(keep.Name, "Pine Crest") {
		keep, merge = merge, keep
	}
	body, _ := json.Marshal(map[string]any{
		"query":     `mutation($k: ID!, $m: ID!) { mergeParties(keep: $k, merge: $m) { id name aliases arguments { claim } evidence { quote } } }`,
		"variables": map[string]any{"k": keep.ID, "m": merge.ID},
	})
	req, _ := http.NewRequest(http.MethodPost, e2e.baseURL+"/query", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+mutationToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var out graphQLResponse
	_ = json.NewDecoder(resp.Body).Decode(&out)
	if len(out.Errors) > 0 || !strings.Contains(string(out.Data), merge.Name) || !strings.Contains(string(out.Data), "zoning map") {
		t.Fatalf("mergeParties: %s %s", out.Data, out.Errors)
	}
	var after struct {
		Party *struct{ ID string }
	}
	graphQL(t, `query($n: String!) { party(name: $n) { id } }`, map[string]any{"n": merge.Name}, &after)
	if after.Party == nil || after.Party.ID != keep.ID {
		t.Errorf("the merged name should now find the kept party: %+v", after.Party)
	}
}

// TestYExplorer tests the search API, then drives the case explorer and
// the playground in Chromium (browser_test.go). It runs here, after the
// tests above loaded the examples and the seeds, and before TestZShutdown
// stops the server.
func TestYExplorer(t *testing.T) { explorerTests(t) }

// TestZShutdown stops the server and checks that the embedded Neo4j
// stopped with it, then runs the README's first command on the same data:
// the graph survived, and loading the examples again changes nothing. It
// runs last.
func TestZShutdown(t *testing.T) {
	if os.Getenv("NEO4J_URI") != "" {
		t.Skip("the embedded Neo4j is not in use")
	}
	before := countGraph()
	jvm := embeddedPID(t)
	stopServe(t, e2e.serve)
	if syscall.Kill(jvm, 0) == nil {
		t.Errorf("the embedded Neo4j (pid %d) is still running after amicus serve stopped", jvm)
	}

	// `amicus serve --load examples/articles`, as the README says.
	var err error
	e2e.serve, err = startServe("--load", "examples/articles",
		"--data", e2e.data, "--bolt-addr", e2e.boltArg, "--addr", strings.TrimPrefix(e2e.baseURL, "http://"))
	if err != nil {
		t.Fatal(err)
	}
	if !e2e.serve.waitHealthy(e2e.baseURL, 5*time.Minute) {
		t.Fatalf("serve --load did not become healthy; log:\n%s", e2e.serve.log.String())
	}
	if after := countGraph(); after != before {
		t.Errorf("after a restart and a re-load the graph has %d nodes and relationships, before %d", after, before)
	}
	var r headlineAnswer
	graphQL(t, headlineQuery, map[string]any{"name": "Microsoft"}, &r)
	if r.Party == nil || len(r.Party.Supporters) == 0 {
		t.Errorf("the restarted server does not answer the headline query: %+v", r.Party)
	}
	jvm = embeddedPID(t)
	stopServe(t, e2e.serve)
	if syscall.Kill(jvm, 0) == nil {
		t.Errorf("the embedded Neo4j (pid %d) is still running after amicus serve stopped", jvm)
	}
}

// embeddedPID reads the pid of the embedded Neo4j from its run file.
func embeddedPID(t *testing.T) int {
	t.Helper()
	var run struct {
		PID int `json:"pid"`
	}
	data, err := os.ReadFile(filepath.Join(e2e.data, "amicus-neo4j.json"))
	if err != nil {
		t.Fatalf("the run file of the embedded Neo4j: %v", err)
	}
	if err := json.Unmarshal(data, &run); err != nil || run.PID <= 0 {
		t.Fatalf("the run file of the embedded Neo4j: %s %v", data, err)
	}
	return run.PID
}

// stopServe stops a serve and checks that it exited cleanly.
func stopServe(t *testing.T, p *serveProcess) {
	t.Helper()
	if err := p.stop(2 * time.Minute); err != nil {
		t.Errorf("amicus serve: %v; log:\n%s", err, p.log.String())
	}
}

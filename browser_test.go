package main

// Explorer tests: the search API over HTTP, then Debian's Chromium,
// driven headless through chromedp, opens the case explorer and the
// GraphiQL playground of the `amicus serve` that TestMain started, and
// uses them as a person would. They run from TestYExplorer in
// main_test.go, after the examples and the seeds are loaded and before
// TestZShutdown stops the server. Screenshots go to
// $AMICUS_ARTIFACTS (default: amicus-artifacts in the temporary
// directory).

import (
	"archive/tar"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/amicus-graph/amicus/api"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// chromiumPath is where Debian's chromium package installs the browser.
const chromiumPath = "/usr/bin/chromium"

// explorerTests runs the search API's tests and the browser tests
// against the running server.
func explorerTests(t *testing.T) {
	sharedOrSkip(t)
	// The explorer shows the examples and the seeds (Verizon's amicus
	// brief is in a seed). Loading them again is cheap and changes nothing.
	mustAmicus(t, "load", "examples/articles")
	mustAmicus(t, "load", filepath.Join(sharedDir, "seeds"))

	t.Run("search", testSearchAPI)
	if _, err := os.Stat(chromiumPath); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is missing: CI must install it (apt-get install -y chromium)", chromiumPath)
		}
		t.Skipf("%s is missing, so the browser tests cannot run: apt-get install -y chromium", chromiumPath)
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(chromiumPath),
		chromedp.NoSandbox, // the tests run as root
		chromedp.WindowSize(1400, 900),
		chromedp.Flag("disable-dev-shm-usage", true),
	)
	allocator, cancel := chromedp.NewExecAllocator(context.Background(), opts...)
	defer cancel()

	t.Run("explorer", func(t *testing.T) { testExplorer(t, allocator) })
	t.Run("layout", func(t *testing.T) { testLayout(t, allocator) })
	t.Run("playground", func(t *testing.T) { testPlayground(t, allocator) })
}

// testSearchAPI searches through GraphQL as the explorer does.
func testSearchAPI(t *testing.T) {
	type hit struct {
		Kind, Snippet string
		Party         *struct {
			Name    string
			Aliases []string
		}
		Argument *struct{ Claim string }
		Evidence *struct{ Quote string }
		Case     *struct{ Name string }
	}
	search := func(text string, first int) []hit {
		t.Helper()
		var r struct{ Search []hit }
		graphQL(t, `query($t: String!, $n: Int) { search(text: $t, first: $n) { kind snippet
			party { name aliases } argument { claim } evidence { quote } case { name } } }`,
			map[string]any{"t": text, "n": first}, &r)
		return r.Search
	}
	text := func(h hit) string {
		switch {
		case h.Party != nil:
			return h.Party.Name + " " + strings.Join(h.Party.Aliases, " ")
		case h.Argument != nil:
			return h.Argument.Claim
		case h.Evidence != nil:
			return h.Evidence.Quote
		}
		return ""
	}

	hits := search("Microsoft", 10)
	if len(hits) == 0 || hits[0].Party == nil || hits[0].Party.Name != "Microsoft" {
		t.Fatalf("search Microsoft: the party should come first: %+v", hits)
	}
	if len(search("verizon amicus", 50)) == 0 {
		t.Error("search \"verizon amicus\" finds nothing")
	}
	common := len(search("the", 50))
	for query, must := range map[string]string{`Microsoft" OR *:*`: "microsoft", "AT&T": "at&t"} {
		hits := search(query, 50)
		if len(hits) == 0 || len(hits) >= common {
			t.Errorf("search %q: %d hits, want some and fewer than the %d of a common word", query, len(hits), common)
		}
		for _, h := range hits {
			if !strings.Contains(strings.ToLower(text(h)), must) {
				t.Errorf("search %q found %q, which does not contain %q", query, text(h), must)
			}
		}
	}
	if hits := search("*:*", 50); len(hits) != 0 {
		t.Errorf("search *:* should find nothing, found %d hits", len(hits))
	}
	for _, first := range []int{0, 51} {
		resp := postGraphQL(t, `query($n: Int) { search(text: "Microsoft", first: $n) { kind } }`, map[string]any{"n": first})
		if !strings.Contains(string(resp.Errors), "BAD_USER_INPUT") {
			t.Errorf("first: %d should be refused as BAD_USER_INPUT: %s", first, resp.Errors)
		}
	}
}

// browser opens a tab for one test. It fails the test on any uncaught
// JavaScript exception in the page.
func browser(t *testing.T, allocator context.Context) context.Context {
	t.Helper()
	ctx, cancel := chromedp.NewContext(allocator)
	t.Cleanup(cancel)
	ctx, cancelTimeout := context.WithTimeout(ctx, 3*time.Minute)
	t.Cleanup(cancelTimeout)
	chromedp.ListenTarget(ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventExceptionThrown:
			t.Errorf("JavaScript exception: %s", e.ExceptionDetails.Error())
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.APITypeError {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value))
				}
				t.Logf("console error: %s", strings.Join(parts, " "))
			}
		}
	})
	return ctx
}

// do runs browser actions, failing the test with what was being done.
func do(t *testing.T, ctx context.Context, doing string, actions ...chromedp.Action) {
	t.Helper()
	if err := chromedp.Run(ctx, actions...); err != nil {
		shot(t, ctx, "failed-"+strings.ReplaceAll(doing, " ", "-"))
		t.Fatalf("%s: %v", doing, err)
	}
}

// artifactsDir is where screenshots go.
func artifactsDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("AMICUS_ARTIFACTS")
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "amicus-artifacts")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// shot saves a screenshot of the page as it is and logs its path.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	var png []byte
	if err := chromedp.Run(ctx, chromedp.CaptureScreenshot(&png)); err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	path := filepath.Join(artifactsDir(t), name+".png")
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	t.Logf("screenshot: %s", path)
}

// hover moves the mouse onto the element selector names, as a person
// pointing at it would.
func hover(selector string) chromedp.Action {
	return chromedp.ActionFunc(func(ctx context.Context) error {
		var box struct{ X, Y float64 }
		js := fmt.Sprintf(`(() => { const n = document.querySelector(%q); n.scrollIntoView({block: "center"});
			const r = n.getBoundingClientRect(); return {X: r.left + r.width / 2, Y: r.top + r.height / 2}; })()`, selector)
		if err := chromedp.Evaluate(js, &box).Do(ctx); err != nil {
			return err
		}
		return input.DispatchMouseEvent(input.MouseMoved, box.X, box.Y).Do(ctx)
	})
}

// The case the explorer should show for Microsoft, as the API tells it.
type explorerCase struct {
	Case struct {
		Name    string
		Parties []struct {
			Side  string
			Party struct{ Name string }
		}
		Supporters []struct {
			Supporter struct{ Name string }
			Supported struct{ Name string }
		}
		Courts  []struct{ Name string }
		Rulings []struct {
			Court *struct{ Name string }
		}
	}
}

func testExplorer(t *testing.T, allocator context.Context) {
	ctx := browser(t, allocator)

	// Search, and pick the party.
	do(t, ctx, "open the explorer",
		chromedp.Navigate(e2e.baseURL+"/explore"),
		chromedp.WaitVisible(`body[data-ready="true"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`.case-list a`, chromedp.ByQuery),
	)
	do(t, ctx, "search for Microsoft",
		chromedp.SendKeys("#search", "Microsoft", chromedp.ByID),
		chromedp.Poll(`document.querySelector('.list-title')?.textContent.includes('“Microsoft”')`, nil,
			chromedp.WithPollingTimeout(20*time.Second)),
		chromedp.WaitVisible(`.hits .hit[data-kind="party"]`, chromedp.ByQuery),
	)
	var hits []string
	do(t, ctx, "read the hits", chromedp.Evaluate(
		`[...document.querySelectorAll('.hits .hit')].map(h => h.dataset.kind + ": " + h.querySelector('.snippet').textContent)`, &hits))
	if len(hits) == 0 || hits[0] != "party: Microsoft" {
		t.Fatalf("searching Microsoft should find the party Microsoft first, found %q", hits)
	}
	do(t, ctx, "pick Microsoft",
		chromedp.Click(`.hits .hit[data-kind="party"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`.party-card[data-name="Microsoft"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`li.supporter[data-name="Verizon"]`, chromedp.ByQuery),
	)

	// Verizon backs Microsoft's side, via an amicus brief, on grounds.
	var verizon struct {
		Side     string
		Via      string
		Grounds  []string
		Evidence int
	}
	do(t, ctx, "read Verizon's support", chromedp.Evaluate(`(() => {
		const li = document.querySelector('li.supporter[data-name="Verizon"]');
		return {
			Side: li.closest('.side').dataset.side,
			Via: li.querySelector('.via').textContent,
			Grounds: [...li.querySelectorAll('.ground .claim')].map(g => g.textContent),
			Evidence: li.querySelectorAll('button.ev').length,
		};
	})()`, &verizon))
	var microsoftSide string
	do(t, ctx, "find Microsoft's side", chromedp.Evaluate(
		`document.querySelector('.side .parties li[data-name="Microsoft"]').closest('.side').dataset.side`, &microsoftSide))
	if verizon.Side != microsoftSide || verizon.Via != "amicus brief" || len(verizon.Grounds) == 0 || verizon.Evidence < 2 {
		t.Errorf("Verizon should back Microsoft's side (%s) via an amicus brief, with grounds and their evidence: %+v", microsoftSide, verizon)
	}
	var page []byte
	do(t, ctx, "take the page's picture", chromedp.FullScreenshot(&page, 90))
	if path := filepath.Join(artifactsDir(t), "explorer-microsoft.jpg"); os.WriteFile(path, page, 0o644) == nil {
		t.Logf("screenshot: %s", path)
	}

	// The support's evidence, on click: the quote and its article.
	var quote struct{ Quote, Caption string }
	do(t, ctx, "show the evidence of Verizon's support",
		chromedp.Click(`li.supporter[data-name="Verizon"] .line button.ev`, chromedp.ByQuery),
		chromedp.WaitVisible(`#evidence`, chromedp.ByID),
		chromedp.Evaluate(`({Quote: document.querySelector('#evidence blockquote').textContent,
			Caption: document.querySelector('#evidence figcaption').textContent})`, &quote),
	)
	if !strings.Contains(quote.Quote, "Verizon") || !strings.Contains(quote.Caption, "Microsoft") {
		t.Errorf("the evidence of Verizon's support should quote the sentence naming Verizon, from its article: %+v", quote)
	}
	shot(t, ctx, "explorer-evidence")
	// The grounds' evidence, on hover.
	do(t, ctx, "close the evidence", chromedp.KeyEvent("\x1b"), chromedp.WaitNotVisible(`#evidence`, chromedp.ByID))
	var groundQuote string
	do(t, ctx, "hover over the evidence of Verizon's ground",
		hover(`li.supporter[data-name="Verizon"] .ground button.ev`),
		chromedp.WaitVisible(`#evidence`, chromedp.ByID),
		chromedp.Text(`#evidence blockquote`, &groundQuote, chromedp.ByQuery),
	)
	if strings.TrimSpace(groundQuote) == "" {
		t.Error("hovering over a ground's evidence mark shows no quote")
	}

	// The picture has every party, supporter and court of the case, and
	// an edge labelled "amicus brief" from Verizon to Microsoft.
	var caseID string
	do(t, ctx, "read the case", chromedp.Evaluate(`document.querySelector('article.case').dataset.case`, &caseID))
	var want explorerCase
	graphQL(t, `query($id: ID!) { case(id: $id) { name parties { side party { name } }
		supporters { supporter { name } supported { name } } courts { name } rulings { court { name } } } }`,
		map[string]any{"id": caseID}, &want)
	wantNodes := map[string]string{}
	for _, c := range want.Case.Courts {
		wantNodes[c.Name] = "court"
	}
	for _, r := range want.Case.Rulings {
		if r.Court != nil {
			wantNodes[r.Court.Name] = "court"
		}
	}
	for _, s := range want.Case.Supporters {
		wantNodes[s.Supporter.Name] = "supporter"
	}
	for _, p := range want.Case.Parties {
		wantNodes[p.Party.Name] = "party"
	}
	for _, s := range want.Case.Supporters {
		if _, ok := wantNodes[s.Supported.Name]; !ok {
			wantNodes[s.Supported.Name] = "party" // backed, on a side the articles do not give
		}
	}
	wantNodes["v."] = "versus"
	var nodes []struct{ Name, Type, Class string }
	do(t, ctx, "read the graph", chromedp.Evaluate(
		`[...document.querySelectorAll('svg.dispute-graph .node')].map(n => ({Name: n.dataset.name, Type: n.dataset.type, Class: n.getAttribute('class')}))`, &nodes))
	got := map[string]string{}
	for _, n := range nodes {
		got[n.Name] = n.Type
		if n.Name == "Microsoft" && !strings.Contains(n.Class, "focus") {
			t.Errorf("Microsoft's node should be in focus: %q", n.Class)
		}
	}
	if fmt.Sprint(got) != fmt.Sprint(wantNodes) {
		t.Errorf("graph nodes of %s:\n got %v\nwant %v", want.Case.Name, got, wantNodes)
	}
	if got["Verizon"] != "supporter" || got["Microsoft"] != "party" || got["U.S. government"] != "party" {
		t.Errorf("the graph should show Microsoft and the U.S. government as parties and Verizon as a supporter: %v", got)
	}
	var labelled bool
	do(t, ctx, "find Verizon's edge", chromedp.Evaluate(`
		!!document.querySelector('svg.dispute-graph path.edge.support[data-from="Verizon"][data-to="Microsoft"]') &&
		[...document.querySelectorAll('svg.dispute-graph .edge-label')].some(l => l.textContent === 'amicus brief')`, &labelled))
	if !labelled {
		t.Error("the graph should have an edge from Verizon to Microsoft labelled amicus brief")
	}

	// Clicking Verizon's node refocuses the page on Verizon.
	do(t, ctx, "refocus on Verizon",
		chromedp.Click(`svg.dispute-graph .node[data-name="Verizon"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`.party-card[data-name="Verizon"]`, chromedp.ByQuery),
		chromedp.WaitVisible(`svg.dispute-graph .node.focus[data-name="Verizon"]`, chromedp.ByQuery),
	)
	var backed string
	do(t, ctx, "read whom Verizon backed", chromedp.Text(`.party-card .chips`, &backed, chromedp.ByQuery))
	if !strings.Contains(backed, "Microsoft (amicus brief)") {
		t.Errorf("Verizon's card should say it backed Microsoft via an amicus brief: %q", backed)
	}
	shot(t, ctx, "explorer-verizon")
}

// bigCase is a made-up dispute of 60 nodes, for the layout: 5 parties, 48
// supporters (36 on one side, one backing both parties of its side) and 6
// courts with rulings, one for neither side.
const bigCase = `(() => {
	const party = (id, side) => ({ side, party: { id, name: "Party " + id, kind: "company", evidence: [] } });
	const parties = [party("a1", "A"), party("a2", "A"), party("b1", "B"), party("b2", "B"), party("b3", "B")];
	const supporters = [];
	for (let i = 0; i < 48; i++) {
		const target = i < 36 ? (i % 2 ? "a1" : "a2") : ["b1", "b2", "b3"][i % 3];
		supporters.push({ id: "s" + i, via: i % 4 ? "amicus brief" : null, supporter: { id: "p" + i, name: "A supporter with a long name " + i },
			supported: { id: target, name: "Party " + target }, grounds: [], evidence: [] });
	}
	supporters.push({ id: "s48", via: "letter", supporter: { id: "p0", name: "A supporter with a long name 0" },
		supported: { id: "a1", name: "Party a1" }, grounds: [], evidence: [] });
	const levels = ["district", "district", "appeals", "appeals", "supreme", "high"];
	const courts = levels.map((level, i) => ({ id: "c" + i, name: "Court " + i + " of somewhere", level, judges: [], evidence: [] }));
	const rulings = courts.map((c, i) => ({ id: "r" + i, summary: "ruled", date: null, court: c,
		favors: i === 5 ? null : { id: ["a1", "b1", "a2", "b2", "b3"][i], name: "x" }, evidence: [] }));
	return { id: "big", name: "Big v. Bigger", parties, supporters, arguments: [], courts, rulings, precedents: [], evidence: [] };
})()`

// testLayout lays out a made-up dispute of 60 nodes: no two nodes
// overlap, and the same case always gives the same picture.
func testLayout(t *testing.T, allocator context.Context) {
	ctx := browser(t, allocator)
	var result struct {
		Nodes, Edges int
		Overlaps     []string
		Same         bool
		Types        map[string]int
	}
	do(t, ctx, "lay out a big case",
		chromedp.Navigate(e2e.baseURL+"/explore"),
		chromedp.WaitVisible(`body[data-ready="true"]`, chromedp.ByQuery),
		chromedp.Evaluate(`import("/explore/graph.js").then((m) => {
			const c = `+bigCase+`;
			const one = m.layout(c), two = m.layout(c);
			const overlaps = [];
			for (const a of one.nodes) for (const b of one.nodes) {
				if (a !== b && a.id < b.id && Math.abs(a.x - b.x) < (a.w + b.w) / 2 && Math.abs(a.y - b.y) < (a.h + b.h) / 2) {
					overlaps.push(a.name + " / " + b.name);
				}
			}
			const types = {};
			one.nodes.forEach((n) => { types[n.type] = (types[n.type] || 0) + 1; });
			const main = document.querySelector("#main");
			main.replaceChildren(m.drawCase(c, "Party a1", { party() {}, court() {}, versus() {} }));
			return { Nodes: one.nodes.length, Edges: one.edges.length, Overlaps: overlaps, Types: types,
				Same: JSON.stringify(one) === JSON.stringify(two) };
		})`, &result, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
	)
	if result.Nodes != 60 || result.Types["party"] != 5 || result.Types["supporter"] != 48 || result.Types["court"] != 6 {
		t.Errorf("want 5 parties, 48 supporters, 6 courts and the v. mark, got %d nodes: %v", result.Nodes, result.Types)
	}
	if len(result.Overlaps) > 0 {
		t.Errorf("overlapping nodes: %v", result.Overlaps)
	}
	if !result.Same {
		t.Error("laying out the same case twice gave two pictures")
	}
	if result.Edges < 49+5+6 {
		t.Errorf("%d edges, want one per support, party and ruling", result.Edges)
	}
	shot(t, ctx, "explorer-layout-60-nodes")
}

// playgroundQuery is the README's headline query, as a person types it.
const playgroundQuery = `{ party(name: "Microsoft") { supporters { supporter { name } via grounds { claim } evidence { quote } } } }`

func testPlayground(t *testing.T, allocator context.Context) {
	assets := playgroundAssets(t)

	// A second server on the same graph, with the playground offline.
	addr := "127.0.0.1:" + freePort()
	serve, err := startServe("--data", e2e.data, "--bolt-addr", e2e.boltArg, "--addr", addr,
		"--offline-assets", assets)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = serve.stop(2 * time.Minute) })
	if !serve.waitHealthy("http://"+addr, 2*time.Minute) {
		t.Fatalf("serve --offline-assets did not become healthy; its log:\n%s", serve.log.String())
	}

	ctx := browser(t, allocator)
	var offline bool
	do(t, ctx, "open the playground",
		chromedp.Navigate("http://"+addr+"/"),
		chromedp.WaitVisible(`.graphiql-query-editor .CodeMirror`, chromedp.ByQuery),
		chromedp.Evaluate(`[...document.scripts].filter(s => s.src).every(s => s.src.includes('/playground-assets/'))`, &offline),
	)
	if !offline {
		t.Error("the offline playground loads scripts from elsewhere than /playground-assets/")
	}
	const result = `document.querySelector('.result-window .CodeMirror').CodeMirror.getValue()`
	var answer string
	do(t, ctx, "type the headline query and run it",
		chromedp.Click(`.graphiql-query-editor .CodeMirror-code`, chromedp.ByQuery),
		chromedp.KeyEvent("a", chromedp.KeyModifiers(input.ModifierCtrl)),
		chromedp.KeyEvent("\b"),
		chromedp.ActionFunc(func(ctx context.Context) error { return input.InsertText(playgroundQuery).Do(ctx) }),
		chromedp.Click(`.graphiql-execute-button`, chromedp.ByQuery),
		chromedp.Poll(result+`.includes('"data"')`, nil, chromedp.WithPollingTimeout(30*time.Second)),
		chromedp.Evaluate(result, &answer),
	)
	var r struct {
		Data struct {
			Party *struct {
				Supporters []struct {
					Supporter struct{ Name string }
					Via       *string
					Grounds   []struct{ Claim string }
					Evidence  []struct{ Quote string }
				}
			}
		}
	}
	if err := json.Unmarshal([]byte(answer), &r); err != nil {
		t.Fatalf("the result pane does not hold JSON: %v\n%s", err, answer)
	}
	found := false
	if r.Data.Party != nil {
		for _, s := range r.Data.Party.Supporters {
			if s.Supporter.Name == "Verizon" && s.Via != nil && *s.Via == "amicus brief" && len(s.Grounds) > 0 && len(s.Evidence) > 0 {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("the playground's answer should show Verizon backing Microsoft via an amicus brief:\n%.2000s", answer)
	}
	// Show the query tidied and Verizon's part of the answer, for the screenshot.
	do(t, ctx, "show Verizon in the result pane",
		chromedp.Click(`button[aria-label^="Prettify"]`, chromedp.ByQuery),
		chromedp.Evaluate(`(() => { const cm = document.querySelector('.result-window .CodeMirror').CodeMirror;
			const line = cm.getValue().split('\n').findIndex(l => l.includes('"Verizon"'));
			cm.scrollIntoView({line: Math.min(cm.lineCount() - 1, line + 20), ch: 0});
			cm.scrollIntoView({line: Math.max(0, line - 2), ch: 0}); return line; })()`, nil),
	)
	shot(t, ctx, "playground-headline-query")
}

// playgroundAssets returns a directory holding the offline playground's
// files. They come from the npm registry, through npm, into the user's
// cache directory once; later runs reuse them.
func playgroundAssets(t *testing.T) string {
	t.Helper()
	cache, err := os.UserCacheDir()
	if err != nil {
		cache = os.TempDir()
	}
	dir := filepath.Join(cache, "amicus", "playground-assets")
	if api.CheckPlaygroundAssets(dir) == nil {
		return dir
	}
	unavailable := func(format string, args ...any) {
		t.Helper()
		if os.Getenv("CI") != "" {
			t.Fatalf("the offline playground's files could not be fetched: "+format, args...)
		}
		t.Skipf("skipping the playground test: its files could not be fetched from npm: "+format, args...)
	}
	npm, err := exec.LookPath("npm")
	if err != nil {
		unavailable("npm is not installed")
	}
	packs := filepath.Join(dir, "packs")
	if err := os.MkdirAll(packs, 0o755); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	var specs []string
	for _, a := range api.PlaygroundAssets {
		spec := a.Package + "@" + a.Version
		if slices.Contains(specs, spec) {
			continue
		}
		specs = append(specs, spec)
		cmd := exec.CommandContext(ctx, npm, "pack", "--silent", spec)
		cmd.Dir = packs
		out, err := cmd.CombinedOutput()
		if err != nil {
			unavailable("npm pack %s: %v\n%s", spec, err, out)
		}
		tgz := filepath.Join(packs, a.Package+"-"+a.Version+".tgz")
		if err := unpack(tgz, filepath.Join(dir, a.Package)); err != nil {
			t.Fatalf("unpacking %s: %v", tgz, err)
		}
	}
	if err := api.CheckPlaygroundAssets(dir); err != nil {
		t.Fatal(err)
	}
	t.Logf("fetched %s from npm into %s", strings.Join(specs, " "), dir)
	return dir
}

// unpack extracts an npm package tarball into dir, without its leading
// package/ folder.
func unpack(tgz, dir string) error {
	f, err := os.Open(tgz)
	if err != nil {
		return err
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return err
	}
	tr := tar.NewReader(gz)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			return err
		}
		_, name, ok := strings.Cut(h.Name, "/")
		if !ok || h.Typeflag != tar.TypeReg || !filepath.IsLocal(name) {
			continue
		}
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return err
		}
		data, err := io.ReadAll(io.LimitReader(tr, 64<<20))
		if err != nil {
			return err
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return err
		}
	}
}

package neo4jstore_test

// These tests run against a real Neo4j: the embedded one, started once for
// the package, or the server named by NEO4J_URI (an empty scratch
// database: the tests delete everything in it).

import (
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/amicus-graph/amicus/embedded"
	"github.com/amicus-graph/amicus/facts"
	"github.com/amicus-graph/amicus/neo4jstore"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

var store *neo4jstore.Store

// engine is the embedded Neo4j the tests run against; nil when NEO4J_URI
// names another server.
var engine *embedded.Server

func TestMain(m *testing.M) {
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Minute)
	defer cancel()
	cfg := neo4jstore.Config{
		URI:      os.Getenv("NEO4J_URI"),
		Username: os.Getenv("NEO4J_USERNAME"),
		Password: os.Getenv("NEO4J_PASSWORD"),
		Database: os.Getenv("NEO4J_DATABASE"),
	}
	if cfg.URI == "" {
		dir, err := os.MkdirTemp("", "amicus-store-test-")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return 1
		}
		defer os.RemoveAll(dir)
		server, err := embedded.Start(ctx, embedded.Options{DataDir: filepath.Join(dir, "data"), BoltAddr: freeAddr(), Log: os.Stderr})
		if err != nil {
			fmt.Fprintln(os.Stderr, "starting the embedded Neo4j:", err)
			return 1
		}
		defer server.Stop(context.Background())
		cfg.URI = server.URI()
		engine = server
	}
	var err error
	store, err = neo4jstore.Open(ctx, cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer store.Close(context.Background())
	if err := store.EnsureSchema(ctx); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return m.Run()
}

// freeAddr finds a free loopback address for the embedded Neo4j's Bolt.
func freeAddr() string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// wipe empties the graph so a test starts from nothing.
func wipe(t *testing.T) {
	t.Helper()
	_, err := neo4j.ExecuteQuery(context.Background(), store.Driver(), "MATCH (n) DETACH DELETE n", nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(store.Database()))
	if err != nil {
		t.Fatal(err)
	}
}

// count counts the graph's nodes and relationships.
func count(t *testing.T) (nodes, rels int64) {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), store.Driver(),
		"MATCH (n) OPTIONAL MATCH (n)-[r]->() RETURN count(DISTINCT n) AS nodes, count(r) AS rels", nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(store.Database()))
	if err != nil {
		t.Fatal(err)
	}
	n, _ := res.Records[0].Get("nodes")
	r, _ := res.Records[0].Get("rels")
	return n.(int64), r.(int64)
}

// builder makes documents whose evidence offsets are right by
// construction: every fact quotes a sentence of the article.
type builder struct {
	doc facts.Document
}

func newBuilder(title string, sentences ...string) *builder {
	text := strings.Join(sentences, " ")
	return &builder{doc: facts.Document{
		Version:   facts.FormatVersion,
		Extractor: "test",
		Article:   facts.Article{Title: title, Text: text, ID: facts.ArticleID(text)},
	}}
}

// ev quotes the sentence of the article that contains part.
func (b *builder) ev(part string) []facts.Evidence {
	runes := []rune(b.doc.Article.Text)
	i := strings.Index(b.doc.Article.Text, part)
	if i < 0 {
		panic("not in the article: " + part)
	}
	start := len([]rune(b.doc.Article.Text[:i]))
	end := start + len([]rune(part))
	return []facts.Evidence{{Quote: string(runes[start:end]), Start: start, End: end}}
}

const caseName = "Northwind v. Ministry of Trade"

// dispute is an article about one case, with a supporter on each side,
// two courts, a ruling and a cited statute.
func dispute() *builder {
	b := newBuilder("Northwind fights the trade ministry",
		"Northwind Ltd. sued the Ministry of Trade over its export ban.",
		"Northwind says that the ban breaks the Export Freedom Act.",
		"The ministry argues that the ban protects national security.",
		"Bluebird Inc. filed an amicus brief backing Northwind, worried that the ban hurts all exporters.",
		"A coalition of port unions wrote a letter supporting the ministry.",
		"The High Court of Ruritania ruled for the ministry on May 2.",
		"Northwind appealed to a Ruritania court.")
	b.doc.Cases = []facts.Case{{Name: caseName, Confidence: 0.9, Evidence: b.ev("Northwind Ltd. sued the Ministry of Trade over its export ban.")}}
	b.doc.Parties = []facts.Party{
		{Name: "Northwind", Kind: facts.KindCompany, Aliases: []string{"Northwind Ltd."}, Case: caseName, Side: facts.SideA, Confidence: 0.9, Evidence: b.ev("Northwind Ltd. sued")},
		{Name: "Ministry of Trade", Kind: facts.KindGovernment, Aliases: []string{"the ministry"}, Case: caseName, Side: facts.SideB, Confidence: 0.9, Evidence: b.ev("the Ministry of Trade")},
		{Name: "Bluebird", Kind: facts.KindCompany, Confidence: 0.9, Evidence: b.ev("Bluebird Inc.")},
		{Name: "port unions", Kind: facts.KindGroup, Confidence: 0.6, Evidence: b.ev("port unions")},
	}
	b.doc.Courts = []facts.Court{
		{Name: "High Court of Ruritania", Level: "high", Place: "Ruritania", Confidence: 0.9, Evidence: b.ev("The High Court of Ruritania")},
	}
	b.doc.Precedents = []facts.Precedent{{Name: "Export Freedom Act", Kind: facts.PrecedentStatute, Confidence: 0.9, Evidence: b.ev("Export Freedom Act")}}
	b.doc.Arguments = []facts.Argument{
		{By: "Northwind", Claim: "the ban breaks the Export Freedom Act", Case: caseName, Cites: []string{"Export Freedom Act"}, Confidence: 0.8, Evidence: b.ev("Northwind says that the ban breaks the Export Freedom Act.")},
		{By: "the ministry", Claim: "the ban protects national security", Case: caseName, Confidence: 0.7, Evidence: b.ev("The ministry argues that the ban protects national security.")},
	}
	b.doc.Supports = []facts.Support{
		{Supporter: "Bluebird", Supported: "Northwind", Via: "amicus brief", Case: caseName, Confidence: 0.95,
			Grounds:  []facts.Ground{{Claim: "the ban hurts all exporters", Confidence: 0.8, Evidence: b.ev("Bluebird Inc. filed an amicus brief backing Northwind, worried that the ban hurts all exporters.")}},
			Evidence: b.ev("Bluebird Inc. filed an amicus brief backing Northwind, worried that the ban hurts all exporters.")},
		{Supporter: "port unions", Supported: "Ministry of Trade", Via: "letter", Case: caseName, Confidence: 0.7, Evidence: b.ev("A coalition of port unions wrote a letter supporting the ministry.")},
	}
	b.doc.Rulings = []facts.Ruling{{Court: "High Court of Ruritania", Summary: "upheld the export ban", Date: "May 2", Favors: "Ministry of Trade", Case: caseName, Confidence: 0.8, Evidence: b.ev("The High Court of Ruritania ruled for the ministry on May 2.")}}
	return b
}

// placeOnly is a second article naming the same court by place only.
func placeOnly() *builder {
	b := newBuilder("Ruritania court hears exporters",
		"A Ruritania court heard Northwind again.",
		"Northwind says that exports are speech.")
	b.doc.Cases = []facts.Case{{Name: caseName, Confidence: 0.5, Evidence: b.ev("A Ruritania court heard Northwind again.")}}
	b.doc.Parties = []facts.Party{{Name: "Northwind", Kind: facts.KindCompany, Case: caseName, Side: facts.SideA, Confidence: 0.9, Evidence: b.ev("Northwind again")}}
	b.doc.Courts = []facts.Court{{Name: "Ruritania court", Place: "Ruritania", Confidence: 0.6, Evidence: b.ev("A Ruritania court")}}
	b.doc.Arguments = []facts.Argument{{By: "Northwind", Claim: "exports are speech", Case: caseName, Confidence: 0.8, Evidence: b.ev("Northwind says that exports are speech.")}}
	return b
}

func write(t *testing.T, doc facts.Document) facts.LoadResult {
	t.Helper()
	res, err := store.WriteDocument(context.Background(), doc)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestWriteAndRead(t *testing.T) {
	wipe(t)
	ctx := context.Background()
	res := write(t, dispute().doc)
	if res.Status != facts.LoadAdded || res.Facts["supports"] != 2 || res.Facts["parties"] != 4 {
		t.Fatalf("first write: %+v", res)
	}
	party, err := store.PartyByName(ctx, "NORTHWIND LTD.")
	if err != nil || party == nil || party.Name != "Northwind" {
		t.Fatalf("PartyByName by alias, any case: %+v %v", party, err)
	}
	for _, name := range []string{"northwind", " Northwind "} {
		if byName, err := store.PartyByName(ctx, name); err != nil || byName == nil || byName.ID != party.ID {
			t.Fatalf("PartyByName(%q) by name or id: %+v %v", name, byName, err)
		}
	}
	if ministry, err := store.PartyByName(ctx, "The Ministry"); err != nil || ministry == nil || ministry.Name != "Ministry of Trade" {
		t.Fatalf("PartyByName by an alias alone: %+v %v", ministry, err)
	}
	if nobody, err := store.PartyByName(ctx, "no such party"); err != nil || nobody != nil {
		t.Fatalf("PartyByName of an unknown name: %+v %v", nobody, err)
	}
	supporters, err := store.SupportsBySupported(ctx, []string{party.ID})
	if err != nil {
		t.Fatal(err)
	}
	if got := supporters[party.ID]; len(got) != 1 || got[0].Via != "amicus brief" || got[0].SupporterID != "party:bluebird" {
		t.Fatalf("supporters of Northwind: %+v", got)
	}
	grounds, _ := store.GroundsBySupport(ctx, []string{supporters[party.ID][0].ID})
	if g := grounds[supporters[party.ID][0].ID]; len(g) != 1 || g[0].ByID != "party:bluebird" {
		t.Fatalf("grounds: %+v", g)
	}
	opponents, _ := store.OpponentsByParty(ctx, []string{party.ID})
	if o := opponents[party.ID]; len(o) != 1 || o[0].Name != "Ministry of Trade" {
		t.Fatalf("opponents: %+v", o)
	}
	args, _ := store.ArgumentsByParty(ctx, []string{party.ID})
	if a := args[party.ID]; len(a) != 1 || a[0].Claim != "the ban breaks the Export Freedom Act" {
		t.Fatalf("Northwind's arguments: %+v", a)
	}
	cites, _ := store.PrecedentsByArgument(ctx, []string{args[party.ID][0].ID})
	if c := cites[args[party.ID][0].ID]; len(c) != 1 || c[0].Kind != "statute" {
		t.Fatalf("cites: %+v", c)
	}
	evidence, _ := store.EvidenceByFact(ctx, []string{args[party.ID][0].ID})
	if e := evidence[args[party.ID][0].ID]; len(e) != 1 || e[0].Quote != "Northwind says that the ban breaks the Export Freedom Act." {
		t.Fatalf("evidence: %+v", e)
	}
	// A supporter is party to no case.
	cases, _ := store.CasesByParty(ctx, []string{"party:bluebird", party.ID})
	if len(cases["party:bluebird"]) != 0 || len(cases[party.ID]) != 1 {
		t.Fatalf("cases: %+v", cases)
	}
	courtPage, _ := store.Courts(ctx, facts.CourtFilter{}, facts.PageRequest{First: 10})
	courts := courtPage.Items
	if len(courts) != 1 || courtPage.Total != 1 {
		t.Fatalf("courts: %+v", courtPage)
	}
	rulings, _ := store.RulingsByCourt(ctx, []string{courts[0].ID})
	if r := rulings[courts[0].ID]; len(r) != 1 || r[0].FavorsID != "party:ministry-of-trade" || r[0].Date != "May 2" {
		t.Fatalf("rulings: %+v", r)
	}
}

func TestRewriteIsIdempotent(t *testing.T) {
	wipe(t)
	write(t, dispute().doc)
	nodes, rels := count(t)
	// The same article, read from elsewhere, changes nothing.
	doc := dispute().doc
	doc.Article.Source = "/somewhere/else.txt"
	if res := write(t, doc); res.Status != facts.LoadUnchanged {
		t.Fatalf("second write: %+v", res)
	}
	if n, r := count(t); n != nodes || r != rels {
		t.Fatalf("graph changed: %d/%d -> %d/%d", nodes, rels, n, r)
	}
}

func TestReplaceKeepsOtherArticles(t *testing.T) {
	wipe(t)
	write(t, dispute().doc)
	write(t, placeOnly().doc)
	// The first article is reviewed: the unions' letter is struck out.
	b := dispute()
	b.doc.Supports = b.doc.Supports[:1]
	b.doc.Parties = b.doc.Parties[:3]
	if res := write(t, b.doc); res.Status != facts.LoadReplaced {
		t.Fatalf("reviewed write: %+v", res)
	}
	ctx := context.Background()
	if p, _ := store.PartyByName(ctx, "port unions"); p != nil {
		t.Errorf("the struck-out supporter is still there: %+v", p)
	}
	// Northwind keeps the argument only the second article made.
	args, _ := store.ArgumentsByParty(ctx, []string{"party:northwind"})
	var claims []string
	for _, a := range args["party:northwind"] {
		claims = append(claims, a.Claim)
	}
	sort.Strings(claims)
	if strings.Join(claims, "|") != "exports are speech|the ban breaks the Export Freedom Act" {
		t.Errorf("Northwind's arguments after the review: %v", claims)
	}
	nodes, rels := count(t)
	// Writing the reviewed document again, then both from scratch in the
	// other order, gives the same graph.
	write(t, b.doc)
	wipe(t)
	write(t, placeOnly().doc)
	write(t, b.doc)
	if n, r := count(t); n != nodes || r != rels {
		t.Errorf("order matters: %d/%d one way, %d/%d the other", nodes, rels, n, r)
	}
}

func TestCourtNamedByPlaceOnly(t *testing.T) {
	for _, order := range []string{"full name first", "place first"} {
		t.Run(order, func(t *testing.T) {
			wipe(t)
			if order == "full name first" {
				write(t, dispute().doc)
				write(t, placeOnly().doc)
			} else {
				write(t, placeOnly().doc)
				write(t, dispute().doc)
			}
			page, err := store.Courts(context.Background(), facts.CourtFilter{}, facts.PageRequest{First: 10})
			if err != nil {
				t.Fatal(err)
			}
			courts := page.Items
			if len(courts) != 1 || courts[0].Name != "High Court of Ruritania" || courts[0].Level != "high" {
				t.Fatalf("want one court, the High Court of Ruritania: %+v", courts)
			}
		})
	}
}

func TestInvalidDocumentWritesNothing(t *testing.T) {
	wipe(t)
	write(t, dispute().doc)
	nodes, rels := count(t)
	bad := placeOnly().doc
	bad.Arguments[0].Evidence[0].Quote = "words the article never said"
	if _, err := store.WriteDocument(context.Background(), bad); err == nil || facts.ErrorCode(err) != facts.ECodeInvalid {
		t.Fatalf("want an invalid-input error, got %v", err)
	}
	if n, r := count(t); n != nodes || r != rels {
		t.Fatalf("a refused document changed the graph: %d/%d -> %d/%d", nodes, rels, n, r)
	}
}

func TestPartiesPaging(t *testing.T) {
	wipe(t)
	write(t, dispute().doc)
	ctx := context.Background()
	want := "Bluebird|Ministry of Trade|Northwind|port unions"
	// Forward, three at a time.
	var names []string
	after := ""
	for {
		page, err := store.Parties(ctx, facts.PartyFilter{}, facts.PageRequest{First: 3, After: after})
		if err != nil {
			t.Fatal(err)
		}
		if page.Total != 4 {
			t.Fatalf("total %d, want 4", page.Total)
		}
		if page.HasPrevious != (after != "") {
			t.Fatalf("hasPrevious %v after %q", page.HasPrevious, after)
		}
		for _, p := range page.Items {
			names = append(names, p.Name)
		}
		if !page.HasNext {
			break
		}
		after = page.Items[len(page.Items)-1].ID
	}
	if strings.Join(names, "|") != want {
		t.Fatalf("paged names: %v", names)
	}
	// Backward, three at a time.
	names = nil
	before := ""
	for {
		page, err := store.Parties(ctx, facts.PartyFilter{}, facts.PageRequest{Last: 3, Before: before})
		if err != nil {
			t.Fatal(err)
		}
		var these []string
		for _, p := range page.Items {
			these = append(these, p.Name)
		}
		names = append(these, names...)
		if !page.HasPrevious {
			break
		}
		before = page.Items[0].ID
	}
	if strings.Join(names, "|") != want {
		t.Fatalf("paged backward: %v", names)
	}
	page, err := store.Parties(ctx, facts.PartyFilter{NameContains: "NORTH"}, facts.PageRequest{First: 10})
	if err != nil || page.Total != 1 || page.Items[0].Name != "Northwind" {
		t.Fatalf("nameContains: %+v %v", page, err)
	}
	page, err = store.Parties(ctx, facts.PartyFilter{Kind: facts.KindGovernment}, facts.PageRequest{First: 10})
	if err != nil || page.Total != 1 || page.Items[0].Name != "Ministry of Trade" {
		t.Fatalf("kind: %+v %v", page, err)
	}
	if _, err := store.Parties(ctx, facts.PartyFilter{}, facts.PageRequest{First: 3, After: "party:nobody"}); facts.ErrorCode(err) != facts.ECodeInvalid {
		t.Fatalf("unknown cursor: %v", err)
	}
	node, err := store.NodeByID(ctx, "party:northwind")
	if err != nil || node == nil || node.NodeID() != "party:northwind" {
		t.Fatalf("NodeByID: %+v %v", node, err)
	}
	if node, err := store.NodeByID(ctx, "party:nobody"); err != nil || node != nil {
		t.Fatalf("NodeByID of an unknown id: %+v %v", node, err)
	}
}

func TestSidesStayStableAcrossArticles(t *testing.T) {
	wipe(t)
	write(t, dispute().doc)
	// A second article tells the same dispute from the ministry's side.
	b := newBuilder("Ministry defends its export ban",
		"The Ministry of Trade defended its export ban against Northwind.")
	b.doc.Cases = []facts.Case{{Name: "Ministry of Trade v. Northwind", Confidence: 0.8, Evidence: b.ev("The Ministry of Trade defended its export ban against Northwind.")}}
	b.doc.Parties = []facts.Party{
		{Name: "Ministry of Trade", Kind: facts.KindGovernment, Case: "Ministry of Trade v. Northwind", Side: facts.SideA, Confidence: 0.9, Evidence: b.ev("The Ministry of Trade")},
		{Name: "Northwind", Kind: facts.KindCompany, Case: "Ministry of Trade v. Northwind", Side: facts.SideB, Confidence: 0.9, Evidence: b.ev("Northwind.")},
	}
	write(t, b.doc)
	ctx := context.Background()
	casePage, err := store.Cases(ctx, facts.CaseFilter{}, facts.PageRequest{First: 10})
	cases := casePage.Items
	if err != nil || len(cases) != 1 {
		t.Fatalf("one dispute, told twice, is one case: %+v %v", casePage, err)
	}
	sides, _ := store.PartiesByCase(ctx, []string{cases[0].ID})
	got := map[string]string{}
	for _, cp := range sides[cases[0].ID] {
		got[cp.PartyID] = cp.Side
	}
	if got["party:northwind"] != facts.SideA || got["party:ministry-of-trade"] != facts.SideB {
		t.Fatalf("sides after the second article: %v", got)
	}
	opponents, _ := store.OpponentsByParty(ctx, []string{"party:northwind"})
	if o := opponents["party:northwind"]; len(o) != 1 || o[0].Name != "Ministry of Trade" {
		t.Fatalf("opponents: %+v", o)
	}
}

func TestMergeParties(t *testing.T) {
	wipe(t)
	write(t, dispute().doc)
	// A second article spells Northwind apart, and the extractor took it
	// for another company.
	second := func(extra string) facts.Document {
		b := newBuilder("North Wind presses its appeal",
			"North Wind Co. says that the ministry ignored its own rules.", extra)
		b.doc.Parties = []facts.Party{{Name: "North Wind", Kind: facts.KindCompany, Confidence: 0.8, Evidence: b.ev("North Wind Co.")}}
		b.doc.Arguments = []facts.Argument{{By: "North Wind", Claim: "the ministry ignored its own rules", Confidence: 0.8,
			Evidence: b.ev("North Wind Co. says that the ministry ignored its own rules.")}}
		return b.doc
	}
	write(t, second(""))
	ctx := context.Background()
	if _, err := store.MergeParties(ctx, "party:northwind", "party:nobody"); facts.ErrorCode(err) != facts.ECodeNotFound {
		t.Fatalf("merging an unknown party: %v", err)
	}
	kept, err := store.MergeParties(ctx, "party:northwind", "party:north-wind")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(kept.Aliases, "|"), "North Wind") {
		t.Errorf("the kept party should take the merged one's name as an alias: %+v", kept)
	}
	if p, _ := store.PartyByName(ctx, "North Wind"); p == nil || p.ID != "party:northwind" {
		t.Errorf("the merged name should find the kept party: %+v", p)
	}
	args, _ := store.ArgumentsByParty(ctx, []string{"party:northwind"})
	if len(args["party:northwind"]) != 2 {
		t.Fatalf("the kept party should have both articles' claims: %+v", args)
	}
	evidence, _ := store.EvidenceByFact(ctx, []string{"party:northwind"})
	if len(evidence["party:northwind"]) != 2 {
		t.Errorf("the merged party's evidence should be kept: %+v", evidence)
	}
	// A later article that names the merged party writes to the kept one.
	write(t, second("It filed new papers on Friday."))
	if p, _ := store.PartiesByID(ctx, []string{"party:north-wind"}); len(p) != 0 {
		t.Errorf("the merged party came back: %+v", p)
	}
	all, _ := store.PartiesByID(ctx, []string{"party:northwind"})
	if len(all) != 1 {
		t.Fatalf("the kept party is gone: %+v", all)
	}
	var arguing int
	for _, a := range mustArguments(t, "party:northwind") {
		if a.Claim == "the ministry ignored its own rules" {
			arguing++
		}
	}
	// The later article's claim is the kept party's. (It is a node of its
	// own beside the merged one's identical claim: argument ids still carry
	// the party id they were first written with.)
	if arguing == 0 {
		t.Errorf("the later article's claim is not the kept party's")
	}
}

func mustArguments(t *testing.T, partyID string) []facts.StoredArgument {
	t.Helper()
	args, err := store.ArgumentsByParty(context.Background(), []string{partyID})
	if err != nil {
		t.Fatal(err)
	}
	return args[partyID]
}

// TestPartyByNameSeeksWithoutScanning holds the name lookup to its
// indexes: with hundreds of other parties in the graph, finding a party by
// its name reads a handful of records, not every party's aliases.
func TestPartyByNameSeeksWithoutScanning(t *testing.T) {
	wipe(t)
	write(t, dispute().doc)
	ctx := context.Background()
	_, err := neo4j.ExecuteQuery(ctx, store.Driver(), `
UNWIND range(1, 500) AS n
CREATE (:Party {id: 'party:filler-' + n, name: 'Filler ' + n, nameLower: 'filler ' + n, aliases: ['Filler Number ' + n]})`,
		nil, neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(store.Database()))
	if err != nil {
		t.Fatal(err)
	}
	hits := func(name string) int64 {
		res, err := neo4j.ExecuteQuery(ctx, store.Driver(), "PROFILE "+neo4jstore.PartyByNameQuery,
			map[string]any{"lower": strings.ToLower(name), "id": "party:" + facts.Key(name)},
			neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(store.Database()))
		if err != nil {
			t.Fatal(err)
		}
		var sum func(p neo4j.ProfiledPlan) int64
		sum = func(p neo4j.ProfiledPlan) int64 {
			n := p.DbHits()
			for _, c := range p.Children() {
				n += sum(c)
			}
			return n
		}
		return sum(res.Summary.Profile())
	}
	if n := hits("Northwind"); n > 100 {
		t.Errorf("finding a party by its name took %d database hits among 500 other parties: it scans them", n)
	}
	// An alias alone has no index, so that lookup does read every party:
	// the check above is not vacuous.
	if n := hits("Filler Number 7"); n < 500 {
		t.Errorf("an alias lookup took only %d database hits; expected a scan of the parties", n)
	}
}

// cypher runs a statement on the test graph and returns its records as maps.
func cypher(t *testing.T, query string, params map[string]any) []map[string]any {
	t.Helper()
	res, err := neo4j.ExecuteQuery(context.Background(), store.Driver(), query, params,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(store.Database()))
	if err != nil {
		t.Fatal(err)
	}
	var out []map[string]any
	for _, r := range res.Records {
		out = append(out, r.AsMap())
	}
	return out
}

func TestQuoteSharedByFacts(t *testing.T) {
	wipe(t)
	ctx := context.Background()
	write(t, dispute().doc)
	// Bluebird's support and its ground quote the same sentence: one node,
	// with a link from each fact that keeps that fact's confidence.
	sentence := "Bluebird Inc. filed an amicus brief backing Northwind, worried that the ban hurts all exporters."
	links := cypher(t, `MATCH (f)-[r:EVIDENCED_BY]->(e:Evidence {quote: $quote})
		RETURN e.id AS quote, labels(f)[0] AS label, f.id AS fact, r.confidence AS confidence ORDER BY label`,
		map[string]any{"quote": sentence})
	if len(links) != 2 || links[0]["quote"] != links[1]["quote"] ||
		links[0]["label"] != "Argument" || links[0]["confidence"] != 0.8 ||
		links[1]["label"] != "Support" || links[1]["confidence"] != 0.95 {
		t.Fatalf("links to the shared quote: %+v", links)
	}
	if quotes := cypher(t, `MATCH (e:Evidence) WITH e.start AS start, e.end AS end, count(*) AS n WHERE n > 1 RETURN start, end, n`, nil); len(quotes) != 0 {
		t.Fatalf("spans stored more than once: %+v", quotes)
	}
	// The store reads each fact's evidence with that fact's confidence,
	// for facts of several kinds in one batch.
	support, argument := links[1]["fact"].(string), links[0]["fact"].(string)
	evidence, err := store.EvidenceByFact(ctx, []string{support, argument, "party:northwind", "no-such-fact"})
	if err != nil {
		t.Fatal(err)
	}
	if e := evidence[support]; len(e) != 1 || e[0].Quote != sentence || e[0].Confidence != 0.95 || e[0].ArticleID == "" {
		t.Fatalf("the support's evidence: %+v", e)
	}
	if e := evidence[argument]; len(e) != 1 || e[0].Quote != sentence || e[0].Confidence != 0.8 || e[0].ID != evidence[support][0].ID {
		t.Fatalf("the ground's evidence: %+v", e)
	}
	if e := evidence["party:northwind"]; len(e) != 1 || e[0].Quote != "Northwind Ltd. sued" {
		t.Fatalf("Northwind's evidence: %+v", e)
	}
	if e := evidence["no-such-fact"]; len(e) != 0 {
		t.Fatalf("evidence of an unknown fact: %+v", e)
	}
}

func TestOldPerFactQuotesAreMoved(t *testing.T) {
	wipe(t)
	ctx := context.Background()
	// A graph written when every fact had Evidence nodes of its own.
	cypher(t, "CREATE INDEX evidence_fact_id IF NOT EXISTS FOR (n:Evidence) ON (n.factId)", nil)
	cypher(t, `CREATE (a:Article {id: 'article-old', title: 'An old article', text: 'Oldco sued Newco. Oldco won.'})
		CREATE (p:Party {id: 'party:oldco', name: 'Oldco', nameLower: 'oldco', kind: 'company', aliases: ['Oldco']})
		CREATE (p)-[:EVIDENCED_BY]->(:Evidence {id: 'evidence-1', factId: 'party:oldco', quote: 'Oldco sued Newco.', start: 0, end: 17, note: 'named first', confidence: 0.7})-[:FROM]->(a)
		CREATE (p)-[:EVIDENCED_BY]->(:Evidence {id: 'evidence-2', factId: 'party:oldco', quote: 'Oldco won.', start: 18, end: 28, confidence: 0.6})-[:FROM]->(a)`, nil)
	if err := store.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	evidence, err := store.EvidenceByFact(ctx, []string{"party:oldco"})
	if err != nil {
		t.Fatal(err)
	}
	e := evidence["party:oldco"]
	if len(e) != 2 || e[0].Quote != "Oldco sued Newco." || e[0].Note != "named first" || e[0].Confidence != 0.7 ||
		e[1].Quote != "Oldco won." || e[1].Note != "" || e[1].Confidence != 0.6 || e[1].ArticleID != "article-old" {
		t.Fatalf("evidence after the move: %+v", e)
	}
	if left := cypher(t, "MATCH (e:Evidence) WHERE e.factId IS NOT NULL OR e.note IS NOT NULL OR e.confidence IS NOT NULL RETURN e.id AS id", nil); len(left) != 0 {
		t.Fatalf("quotes still holding their fact's properties: %+v", left)
	}
	if index := cypher(t, "SHOW INDEXES YIELD name WHERE name = 'evidence_fact_id' RETURN name", nil); len(index) != 0 {
		t.Fatalf("the old index is still there: %+v", index)
	}
	// A second start finds nothing to do.
	if err := store.EnsureSchema(ctx); err != nil {
		t.Fatal(err)
	}
	if again, _ := store.EvidenceByFact(ctx, []string{"party:oldco"}); len(again["party:oldco"]) != 2 || again["party:oldco"][0].Confidence != 0.7 {
		t.Fatalf("evidence after a second start: %+v", again)
	}
}

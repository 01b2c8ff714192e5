package main

// API completeness tests over GraphQL on HTTP: connections paged forward
// and backward, node(id) for every kind, filters, and clear errors for bad
// arguments, and at most two graph round trips per request. They run on
// the reliability tests' server, loaded with the
// sample articles plus two dated articles of their own.

import (
	"bufio"
	"encoding/json"
	"net/http"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
)

// ask posts a query to the reliability server and decodes its data,
// failing on any error.
func ask(t *testing.T, baseURL, query string, variables map[string]any, out any) {
	t.Helper()
	res, _, err := post(&http.Client{Timeout: time.Minute}, baseURL, query, variables)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Errors) > 0 {
		t.Fatalf("GraphQL errors for %s: %+v", query, res.Errors)
	}
	if err := json.Unmarshal(res.Data, out); err != nil {
		t.Fatalf("decoding %s: %v", res.Data, err)
	}
}

// askError posts a query that must fail and returns its error codes.
func askError(t *testing.T, baseURL, query string, variables map[string]any) []string {
	t.Helper()
	res, _, err := post(&http.Client{Timeout: time.Minute}, baseURL, query, variables)
	if err != nil {
		t.Fatal(err)
	}
	return res.codes()
}

// connectionPage is the part of any connection these tests read.
type connectionPage struct {
	TotalCount int
	PageInfo   struct {
		HasNextPage, HasPreviousPage bool
		StartCursor, EndCursor       *string
	}
	Edges []struct {
		Cursor string
		Node   struct{ ID, Name string }
	}
}

// pagingServer starts the reliability server once and loads the sample
// articles and two dated articles into it.
func pagingServer(t *testing.T) string {
	t.Helper()
	baseURL := startReliabilityServer(t)
	rs := &reliabilityServer
	out, err := exec.Command(e2e.bin, "load", "examples/articles", "--data", rs.data, "--bolt-addr", rs.bolt).CombinedOutput()
	if err != nil {
		t.Fatalf("loading the sample articles: %v\n%s", err, out)
	}
	for _, a := range datedArticles {
		var r struct{ LoadArticle struct{ Status string } }
		ask(t, baseURL, `mutation($input: ArticleInput!) { loadArticle(input: $input) { status } }`,
			map[string]any{"input": map[string]any{"title": a.title, "text": a.text, "publishedAt": a.publishedAt}}, &r)
	}
	return baseURL
}

// datedArticles carry publication dates, for the date filters.
var datedArticles = []struct{ title, publishedAt, text string }{
	{"Orlenko Tools sues Vashti Parts", "2016-07-14",
		"Orlenko Tools sues Vashti Parts\n\nOrlenko Tools Inc. sued Vashti Parts LLC in the U.S. District Court for the District of Maine on Monday, claiming that the parts maker copied its drill design.\n\nBrannock Hardware Corp. filed an amicus brief supporting Orlenko Tools, arguing that tool makers need strong design protection.\n"},
	{"Quillon Media takes on Ferrant Labs", "March 3, 2018",
		"Quillon Media takes on Ferrant Labs\n\nQuillon Media Corp. sued Ferrant Labs Inc. in the U.S. District Court for the District of Vermont, claiming that the lab broke a licensing deal.\n\nDeverell Press LLC filed an amicus brief supporting Quillon Media, arguing that licenses must be honored as written.\n"},
}

// pageThrough reads a whole connection with first/after, then again with
// last/before, and checks that both give the same items in the same order,
// with no gaps or repeats, as many as totalCount.
func pageThrough(t *testing.T, baseURL, query string, variables map[string]any, pick func(json.RawMessage) connectionPage) []string {
	t.Helper()
	var forward []string
	total := -1
	var after any
	for pages := 0; ; pages++ {
		if pages > 200 {
			t.Fatal("paging forward does not end")
		}
		vars := map[string]any{"first": 3, "after": after, "last": nil, "before": nil}
		for k, v := range variables {
			vars[k] = v
		}
		var raw json.RawMessage
		ask(t, baseURL, query, vars, &raw)
		page := pick(raw)
		if total >= 0 && page.TotalCount != total {
			t.Fatalf("totalCount changed between pages: %d then %d", total, page.TotalCount)
		}
		total = page.TotalCount
		if page.PageInfo.HasPreviousPage != (after != nil) {
			t.Errorf("hasPreviousPage = %v on a page after %v", page.PageInfo.HasPreviousPage, after)
		}
		for _, e := range page.Edges {
			forward = append(forward, e.Node.ID)
		}
		if !page.PageInfo.HasNextPage {
			break
		}
		if page.PageInfo.EndCursor == nil || *page.PageInfo.EndCursor != page.Edges[len(page.Edges)-1].Cursor {
			t.Fatalf("endCursor is not the last edge's cursor: %+v", page)
		}
		after = *page.PageInfo.EndCursor
	}
	if len(forward) != total {
		t.Fatalf("paging forward gave %d items, totalCount says %d", len(forward), total)
	}
	seen := map[string]bool{}
	for _, id := range forward {
		if seen[id] {
			t.Fatalf("%s comes twice when paging forward", id)
		}
		seen[id] = true
	}
	var backward []string
	var before any
	for pages := 0; ; pages++ {
		if pages > 200 {
			t.Fatal("paging backward does not end")
		}
		vars := map[string]any{"first": nil, "after": nil, "last": 3, "before": before}
		for k, v := range variables {
			vars[k] = v
		}
		var raw json.RawMessage
		ask(t, baseURL, query, vars, &raw)
		page := pick(raw)
		var these []string
		for _, e := range page.Edges {
			these = append(these, e.Node.ID)
		}
		backward = append(these, backward...)
		if !page.PageInfo.HasPreviousPage {
			break
		}
		before = *page.PageInfo.StartCursor
	}
	if !slices.Equal(forward, backward) {
		t.Fatalf("paging backward gives another list:\nforward  %v\nbackward %v", forward, backward)
	}
	return forward
}

func TestPPagingAndFilters(t *testing.T) {
	baseURL := pagingServer(t)

	// Root lists, forward and backward, each complete and in order.
	for _, root := range []string{"parties", "cases", "courts", "precedents", "articles"} {
		field := "name"
		if root == "articles" {
			field = "name: title"
		}
		query := `query($first: Int, $after: String, $last: Int, $before: String) { list: ` + root +
			`(first: $first, after: $after, last: $last, before: $before) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id ` + field + ` } } } }`
		ids := pageThrough(t, baseURL, query, nil, func(raw json.RawMessage) connectionPage {
			var out struct{ List connectionPage }
			if err := json.Unmarshal(raw, &out); err != nil {
				t.Fatal(err)
			}
			return out.List
		})
		if len(ids) < 3 {
			t.Errorf("%s: only %d items in the graph", root, len(ids))
		}
	}

	// A party's supporters, paged, are the plain list in the same order.
	var plain struct {
		Party struct {
			ID         string
			Supporters []struct{ ID string }
		}
	}
	ask(t, baseURL, `{ party(name: "Microsoft") { id supporters { id } } }`, nil, &plain)
	if len(plain.Party.Supporters) < 4 {
		t.Fatalf("Microsoft has %d supporters in the sample articles, want at least 4", len(plain.Party.Supporters))
	}
	query := `query($first: Int, $after: String, $last: Int, $before: String) { party(name: "Microsoft") { supportersConnection(first: $first, after: $after, last: $last, before: $before) {
		totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { id } } } } }`
	ids := pageThrough(t, baseURL, query, nil, func(raw json.RawMessage) connectionPage {
		var out struct {
			Party struct{ SupportersConnection connectionPage }
		}
		if err := json.Unmarshal(raw, &out); err != nil {
			t.Fatal(err)
		}
		return out.Party.SupportersConnection
	})
	var want []string
	for _, s := range plain.Party.Supporters {
		want = append(want, s.ID)
	}
	if !slices.Equal(ids, want) {
		t.Errorf("supportersConnection pages %v, the plain list is %v", ids, want)
	}

	t.Run("node", func(t *testing.T) {
		var r struct {
			Party struct {
				ID         string
				Supporters []struct {
					ID      string
					Grounds []struct{ ID string }
				}
				Cases []struct {
					ID     string
					Courts []struct {
						ID     string
						Judges []struct{ ID string }
					}
					Rulings    []struct{ ID string }
					Precedents []struct{ ID string }
					Evidence   []struct{ Article struct{ ID string } }
				}
			}
		}
		ask(t, baseURL, `{ party(name: "Microsoft") { id supporters { id grounds { id } } cases { id courts { id judges { id } } rulings { id } precedents { id } evidence { article { id } } } } }`, nil, &r)
		kinds := map[string]string{"Party": r.Party.ID}
		for _, s := range r.Party.Supporters {
			kinds["Support"] = s.ID
			for _, g := range s.Grounds {
				kinds["Argument"] = g.ID
			}
		}
		for _, c := range r.Party.Cases {
			kinds["Case"] = c.ID
			for _, ct := range c.Courts {
				kinds["Court"] = ct.ID
				for _, j := range ct.Judges {
					kinds["Judge"] = j.ID
				}
			}
			for _, x := range c.Rulings {
				kinds["Ruling"] = x.ID
			}
			for _, x := range c.Precedents {
				kinds["Precedent"] = x.ID
			}
			for _, e := range c.Evidence {
				kinds["Article"] = e.Article.ID
			}
		}
		for _, kind := range []string{"Party", "Support", "Argument", "Case", "Court", "Judge", "Ruling", "Precedent", "Article"} {
			id, ok := kinds[kind]
			if !ok {
				t.Errorf("the Microsoft dispute gave no %s to look up", kind)
				continue
			}
			var n struct {
				Node *struct {
					ID       string
					Typename string `json:"__typename"`
				}
			}
			ask(t, baseURL, `query($id: ID!) { node(id: $id) { id __typename } }`, map[string]any{"id": id}, &n)
			if n.Node == nil || n.Node.ID != id || n.Node.Typename != kind {
				t.Errorf("node(%q) = %+v, want the %s with that id", id, n.Node, kind)
			}
		}
		var none struct{ Node *struct{ ID string } }
		ask(t, baseURL, `{ node(id: "party:no-such-party-anywhere") { id } }`, nil, &none)
		if none.Node != nil {
			t.Errorf("node of an unknown id = %+v, want null", none.Node)
		}
	})

	t.Run("filters", func(t *testing.T) {
		var all, companies struct {
			Parties struct {
				TotalCount int
				Nodes      []struct{ Kind string }
			}
		}
		ask(t, baseURL, `{ parties(first: 100) { totalCount nodes { kind } } }`, nil, &all)
		ask(t, baseURL, `{ parties(first: 100, filter: { kind: "company" }) { totalCount nodes { kind } } }`, nil, &companies)
		if companies.Parties.TotalCount == 0 || companies.Parties.TotalCount >= all.Parties.TotalCount {
			t.Errorf("kind filter: %d companies of %d parties", companies.Parties.TotalCount, all.Parties.TotalCount)
		}
		for _, p := range companies.Parties.Nodes {
			if p.Kind != "company" {
				t.Errorf("kind filter kept a %s", p.Kind)
			}
		}

		// Sides: the case's side A, as a party filter and on the case.
		var c struct {
			Cases struct {
				Nodes []struct {
					ID      string
					Parties []struct {
						Side  string
						Party struct{ ID string }
					}
				}
			}
		}
		ask(t, baseURL, `{ cases(filter: { nameContains: "microsoft" }) { nodes { id parties(side: "A") { side party { id } } } } }`, nil, &c)
		if len(c.Cases.Nodes) == 0 {
			t.Fatal("no case whose name contains microsoft")
		}
		theCase := c.Cases.Nodes[0]
		var sideA []string
		for _, cp := range theCase.Parties {
			if cp.Side != "A" {
				t.Errorf("parties(side: A) kept a party on side %s", cp.Side)
			}
			sideA = append(sideA, cp.Party.ID)
		}
		var onSide struct {
			Parties struct{ Nodes []struct{ ID string } }
		}
		ask(t, baseURL, `query($case: ID!) { parties(first: 100, filter: { case: $case, side: "A" }) { nodes { id } } }`, map[string]any{"case": theCase.ID}, &onSide)
		var got []string
		for _, p := range onSide.Parties.Nodes {
			got = append(got, p.ID)
		}
		slices.Sort(got)
		slices.Sort(sideA)
		if len(got) == 0 || !slices.Equal(got, sideA) {
			t.Errorf("parties(filter: {case, side: A}) = %v, the case's side A is %v", got, sideA)
		}

		// Cases of a party, and the via and confidence filters.
		var byParty struct {
			Cases struct {
				Nodes []struct {
					Parties []struct{ Party struct{ ID string } }
				}
			}
		}
		ask(t, baseURL, `query($p: ID!) { cases(first: 100, filter: { party: $p }) { nodes { parties { party { id } } } } }`, map[string]any{"p": sideA[0]}, &byParty)
		if len(byParty.Cases.Nodes) == 0 {
			t.Error("cases(filter: {party}) found no case of a party on a case's side A")
		}
		for _, cs := range byParty.Cases.Nodes {
			if !slices.ContainsFunc(cs.Parties, func(cp struct{ Party struct{ ID string } }) bool { return cp.Party.ID == sideA[0] }) {
				t.Errorf("cases(filter: {party}) kept a case without the party")
			}
		}
		var briefs struct {
			Party struct {
				SupportersConnection struct {
					TotalCount int
					Nodes      []struct {
						Via        *string
						Confidence float64
					}
				}
			}
		}
		ask(t, baseURL, `{ party(name: "Microsoft") { supportersConnection(first: 100, filter: { via: "BRIEF", minConfidence: 0.5 }) { totalCount nodes { via confidence } } } }`, nil, &briefs)
		if briefs.Party.SupportersConnection.TotalCount == 0 {
			t.Error("no brief for Microsoft")
		}
		for _, s := range briefs.Party.SupportersConnection.Nodes {
			if s.Via == nil || !strings.EqualFold(*s.Via, "brief") || s.Confidence < 0.5 {
				t.Errorf("the via and confidence filter kept %+v", s)
			}
		}

		// Dates: only the dated articles have publication days.
		var dated struct {
			Articles struct{ Nodes []struct{ Title string } }
		}
		ask(t, baseURL, `{ articles(first: 100, filter: { publishedAfter: "2017-01-01" }) { nodes { title } } }`, nil, &dated)
		if len(dated.Articles.Nodes) != 1 || dated.Articles.Nodes[0].Title != datedArticles[1].title {
			t.Errorf("articles published after 2017-01-01 = %+v, want only %q", dated.Articles.Nodes, datedArticles[1].title)
		}
		var early struct {
			Cases struct{ Nodes []struct{ Name string } }
		}
		ask(t, baseURL, `{ cases(first: 100, filter: { publishedBefore: "2016-12-31" }) { nodes { name } } }`, nil, &early)
		if len(early.Cases.Nodes) != 1 || !strings.Contains(early.Cases.Nodes[0].Name, "Orlenko") {
			t.Errorf("cases described before 2017 = %+v, want only the Orlenko Tools case", early.Cases.Nodes)
		}
		var recent struct {
			Party *struct {
				SupportersConnection struct{ TotalCount int }
			}
		}
		ask(t, baseURL, `{ party(name: "Orlenko Tools Inc.") { supportersConnection(filter: { publishedAfter: "2017-01-01" }) { totalCount } } }`, nil, &recent)
		if recent.Party == nil || recent.Party.SupportersConnection.TotalCount != 0 {
			t.Errorf("a 2016 support passed a filter for articles after 2017: %+v", recent.Party)
		}
		ask(t, baseURL, `{ party(name: "Orlenko Tools Inc.") { supportersConnection(filter: { publishedAfter: "2016-01-01", publishedBefore: "2016-12-31" }) { totalCount } } }`, nil, &recent)
		if recent.Party == nil || recent.Party.SupportersConnection.TotalCount == 0 {
			t.Errorf("the 2016 support did not pass a filter for 2016: %+v", recent.Party)
		}
	})

	t.Run("bad arguments", func(t *testing.T) {
		for query, why := range map[string]string{
			`{ parties(first: 2, last: 2) { totalCount } }`:                                                      "first and last together",
			`{ cases(first: 101) { totalCount } }`:                                                               "a page over 100",
			`{ courts(last: 0) { totalCount } }`:                                                                 "last: 0",
			`{ articles(after: "%%%") { totalCount } }`:                                                          "a cursor that is not base64",
			`{ precedents(before: "cGFydHk6bm9ib2R5") { totalCount } }`:                                          "a cursor naming nothing in the list",
			`{ articles(filter: { publishedAfter: "July 4" }) { totalCount } }`:                                  "a date not written YYYY-MM-DD",
			`{ parties(filter: { side: "C" }) { totalCount } }`:                                                  "a side other than A or B",
			`{ party(name: "Microsoft") { supportersConnection(filter: { minConfidence: 2 }) { totalCount } } }`: "a confidence over 1",
			`{ party(name: "Microsoft") { supportersConnection(after: "cGFydHk6bm9ib2R5") { totalCount } } }`:    "a nested cursor naming nothing",
		} {
			codes := askError(t, baseURL, query, nil)
			if len(codes) == 0 || codes[0] != "BAD_USER_INPUT" {
				t.Errorf("%s: codes %v, want BAD_USER_INPUT", why, codes)
			}
		}
	})
}

// roundTrips reads the round-trip histogram's sum and count from /metrics.
func roundTrips(t *testing.T, baseURL string) (sum, count float64) {
	t.Helper()
	resp, err := http.Get(baseURL + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	scanner := bufio.NewScanner(resp.Body)
	for scanner.Scan() {
		name, value, ok := strings.Cut(scanner.Text(), " ")
		if !ok {
			continue
		}
		v, _ := strconv.ParseFloat(value, 64)
		switch name {
		case "amicus_graph_round_trips_per_request_sum":
			sum = v
		case "amicus_graph_round_trips_per_request_count":
			count = v
		}
	}
	return sum, count
}

// TestQRoundTrips checks, on /metrics, that deep and broad requests cost
// at most two graph round trips each: one for the list asked for, one for
// everything selected below it.
func TestQRoundTrips(t *testing.T) {
	baseURL := pagingServer(t)
	var some struct {
		Cases struct{ Nodes []struct{ ID string } }
	}
	ask(t, baseURL, `{ cases(first: 1) { nodes { id } } }`, nil, &some)
	if len(some.Cases.Nodes) == 0 {
		t.Fatal("no case in the graph")
	}
	caseID, _ := json.Marshal(some.Cases.Nodes[0].ID)
	// Finding a party by name, or a case by id, and reading below it is
	// one query.
	oneTrip := map[string]bool{"the headline question": true, "a party by alias": true, "a case by id": true}
	queries := map[string]string{
		"a case by id":     `{ case(id: ` + string(caseID) + `) { name parties { side party { name } } supporters { supporter { name } grounds { claim } } courts { name } } }`,
		"a party by alias": `{ party(name: "THE SOFTWARE GIANT") { name supporters { supporter { name } } } }`,
		"depth 5 over 50 parties": `{ parties(first: 50) { totalCount nodes { name
			supportersConnection(first: 5) { nodes { via supporter { name casesConnection(first: 3) { nodes { name
				rulingsConnection(first: 3) { nodes { summary court { name } evidence { quote article { title } } } } } } } grounds { claim } } }
			opponents { name } } } }`,
		"the headline question": `{ party(name: "Microsoft") { name supporters { supporter { name } via grounds { claim } evidence { quote article { title } } } } }`,
		"a case with its sides": `{ cases(first: 20) { nodes { name parties(side: "A") { party { name kind } }
			supportersConnection(first: 5, filter: { minConfidence: 0.5 }) { totalCount nodes { supporter { name } } }
			argumentsConnection(first: 5, filter: { side: "B" }) { nodes { claim by { name } } }
			rulingsConnection(first: 3) { nodes { summary date court { name } favors { name } } } } } }`,
		"node with fragments": `{ node(id: "party:microsoft") { id ... on Party { name cases { name courts { name judges { name } } } } } }`,
	}
	for name, query := range queries {
		sumBefore, countBefore := roundTrips(t, baseURL)
		var out json.RawMessage
		ask(t, baseURL, query, nil, &out)
		if len(out) < 50 {
			t.Errorf("%s: a suspiciously small answer %s", name, out)
		}
		// The server records a request just after answering it.
		sum, count := roundTrips(t, baseURL)
		for wait := 0; count == countBefore && wait < 50; wait++ {
			time.Sleep(20 * time.Millisecond)
			sum, count = roundTrips(t, baseURL)
		}
		if count != countBefore+1 {
			t.Fatalf("%s: /metrics counted %v requests, want 1", name, count-countBefore)
		}
		want := 2.0
		if oneTrip[name] {
			want = 1
		}
		if trips := sum - sumBefore; trips > want {
			t.Errorf("%s cost %v graph round trips, want at most %v", name, trips, want)
		} else {
			t.Logf("%s: %v round trips", name, trips)
		}
	}
}

// TestQFirstPagesMatchWholeLists checks the first pages that the prefetch
// reads alone (an unfiltered connection asking only for `first`) against
// the pages cut from whole lists: the same query with empty filters reads
// whole lists and must answer exactly the same.
func TestQFirstPagesMatchWholeLists(t *testing.T) {
	baseURL := pagingServer(t)
	const query = `query($s: SupportFilter, $a: ArgumentFilter, $c: CaseFilter) { parties(first: 100) { nodes { name
		supportersConnection(first: 1, filter: $s) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } nodes { id via supporter { name } } }
		supportsConnection(first: 2, filter: $s) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id supported { name } } } }
		argumentsConnection(first: 1, filter: $a) { totalCount pageInfo { hasNextPage } nodes { claim } }
		casesConnection(first: 1, filter: $c) { totalCount pageInfo { hasNextPage } nodes { name
			supportersConnection(first: 1, filter: $s) { totalCount pageInfo { hasNextPage } nodes { id supporter { name } } }
			argumentsConnection(first: 2, filter: $a) { totalCount pageInfo { hasNextPage } nodes { claim by { name } } } } } } } }`
	var paged, whole json.RawMessage
	ask(t, baseURL, query, nil, &paged)
	ask(t, baseURL, query, map[string]any{"s": map[string]any{}, "a": map[string]any{}, "c": map[string]any{}}, &whole)
	if string(paged) != string(whole) {
		t.Fatalf("first pages read alone differ from pages of whole lists:\nalone %s\nwhole %s", paged, whole)
	}
	var parsed struct {
		Parties struct {
			Nodes []struct {
				SupportersConnection connectionPage
				SupportsConnection   connectionPage
			}
		}
	}
	if err := json.Unmarshal(paged, &parsed); err != nil {
		t.Fatal(err)
	}
	cut := 0
	for _, p := range parsed.Parties.Nodes {
		if p.SupportersConnection.PageInfo.HasNextPage || p.SupportsConnection.PageInfo.HasNextPage {
			cut++
		}
	}
	if cut == 0 {
		t.Fatal("no page was cut short: the test compares nothing")
	}
}

package neo4jstore_test

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/amicus-graph/amicus/facts"
	"github.com/amicus-graph/amicus/loader"
	"github.com/amicus-graph/amicus/neo4jstore"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// batchCorpus is a set of documents that agree and disagree with each
// other: the example articles (several about the same companies and
// courts), the dispute with its sides the other way round, a court named
// only by place, the same article twice, and an article whose facts
// change, so that it is replaced.
func batchCorpus(t *testing.T) []facts.Document {
	t.Helper()
	files, err := filepath.Glob("../examples/articles/*")
	if err != nil || len(files) == 0 {
		t.Fatalf("no example articles: %v", err)
	}
	var docs []facts.Document
	l := &loader.Loader{}
	for _, file := range files {
		doc, err := l.Document(context.Background(), file)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, doc)
	}
	first := dispute().doc
	changed := dispute().doc
	changed.Rulings[0].Summary = "dismissed the challenge to the export ban"
	docs = append(docs, first, placeOnly().doc, swappedSides().doc, first, changed, placeOnly().doc)
	return docs
}

// swappedSides is an article about the dispute that calls the ministry
// side A and Northwind side B.
func swappedSides() *builder {
	b := newBuilder("The ministry defends its ban",
		"The Ministry of Trade defended its export ban against Northwind.",
		"The ministry argues that exporters must be licensed.")
	b.doc.Cases = []facts.Case{{Name: "Ministry of Trade v. Northwind", Confidence: 0.7, Evidence: b.ev("The Ministry of Trade defended its export ban against Northwind.")}}
	b.doc.Parties = []facts.Party{
		{Name: "Ministry of Trade", Kind: facts.KindGovernment, Aliases: []string{"the ministry"}, Case: "Ministry of Trade v. Northwind", Side: facts.SideA, Confidence: 0.9, Evidence: b.ev("The Ministry of Trade")},
		{Name: "Northwind", Kind: facts.KindCompany, Case: "Ministry of Trade v. Northwind", Side: facts.SideB, Confidence: 0.9, Evidence: b.ev("Northwind.")},
	}
	b.doc.Arguments = []facts.Argument{{By: "the ministry", Claim: "exporters must be licensed", Confidence: 0.7, Evidence: b.ev("The ministry argues that exporters must be licensed.")}}
	return b
}

// dump is the whole graph as sorted lines, one per node and relationship,
// leaving out only when each article was loaded.
func dump(t *testing.T) []string {
	t.Helper()
	ctx := context.Background()
	var lines []string
	nodes, err := neo4j.ExecuteQuery(ctx, store.Driver(),
		"MATCH (n) RETURN labels(n) AS labels, properties(n) AS props", nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(store.Database()))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range nodes.Records {
		m := r.AsMap()
		props := m["props"].(map[string]any)
		delete(props, "loadedAt")
		lines = append(lines, fmt.Sprintf("node %v %s", m["labels"], canonical(props)))
	}
	rels, err := neo4j.ExecuteQuery(ctx, store.Driver(),
		"MATCH (a)-[r]->(b) RETURN a.id AS from, type(r) AS type, b.id AS to, properties(r) AS props", nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(store.Database()))
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rels.Records {
		m := r.AsMap()
		lines = append(lines, fmt.Sprintf("rel %v -%v-> %v %s", m["from"], m["type"], m["to"], canonical(m["props"].(map[string]any))))
	}
	sort.Strings(lines)
	return lines
}

// canonical prints properties in key order.
func canonical(props map[string]any) string {
	keys := make([]string, 0, len(props))
	for k := range props {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%s=%#v", k, props[k]))
	}
	return "{" + strings.Join(parts, " ") + "}"
}

func statuses(results []facts.LoadResult) []string {
	var out []string
	for _, r := range results {
		out = append(out, fmt.Sprintf("%s %s %v", r.ArticleID, r.Status, r.Facts))
	}
	return out
}

func TestBatchWriteMatchesOneByOne(t *testing.T) {
	ctx := context.Background()
	docs := batchCorpus(t)

	wipe(t)
	var oneByOne []facts.LoadResult
	for _, doc := range docs {
		oneByOne = append(oneByOne, write(t, doc))
	}
	want := dump(t)

	for _, size := range []int{len(docs), 5} {
		wipe(t)
		var batched []facts.LoadResult
		for start := 0; start < len(docs); start += size {
			end := min(start+size, len(docs))
			results, err := store.WriteDocuments(ctx, docs[start:end])
			if err != nil {
				t.Fatal(err)
			}
			batched = append(batched, results...)
		}
		if got, want := strings.Join(statuses(batched), "\n"), strings.Join(statuses(oneByOne), "\n"); got != want {
			t.Errorf("batches of %d: results differ from loading one by one:\n%s\nwant\n%s", size, got, want)
		}
		got := dump(t)
		if len(got) != len(want) {
			t.Errorf("batches of %d: %d nodes and relationships, one by one %d", size, len(got), len(want))
		}
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("batches of %d: the graph differs from loading one by one; first difference:\n got %s\nwant %s", size, got[i], want[i])
			}
		}
	}
	var statusSeen = map[facts.LoadStatus]bool{}
	for _, r := range oneByOne {
		statusSeen[r.Status] = true
	}
	if !statusSeen[facts.LoadAdded] || !statusSeen[facts.LoadReplaced] || !statusSeen[facts.LoadUnchanged] {
		t.Fatalf("the corpus should add, replace and leave articles unchanged: %v", statusSeen)
	}
}

func TestBatchReloadAddsNothing(t *testing.T) {
	ctx := context.Background()
	docs := batchCorpus(t)
	wipe(t)
	if _, err := store.WriteDocuments(ctx, docs); err != nil {
		t.Fatal(err)
	}
	nodes, rels := count(t)
	before := dump(t)
	// The last version of each article, as the graph now holds it.
	latest := map[string]facts.Document{}
	var order []string
	for _, doc := range docs {
		id := facts.ArticleID(doc.Article.Text)
		if _, ok := latest[id]; !ok {
			order = append(order, id)
		}
		latest[id] = doc
	}
	var again []facts.Document
	for _, id := range order {
		again = append(again, latest[id])
	}
	results, err := store.WriteDocuments(ctx, again)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range results {
		if r.Status != facts.LoadUnchanged || len(r.Facts) != 0 {
			t.Errorf("document %d reloaded: %+v, want unchanged", i, r)
		}
	}
	if n, r := count(t); n != nodes || r != rels {
		t.Fatalf("reloading changed the graph: %d nodes %d relationships, before %d %d", n, r, nodes, rels)
	}
	if after := dump(t); strings.Join(after, "\n") != strings.Join(before, "\n") {
		t.Fatal("reloading changed the graph's properties")
	}
}

func TestBatchRejectsInvalidDocumentsAndWritesTheOthers(t *testing.T) {
	ctx := context.Background()
	wipe(t)
	good := dispute().doc
	bad := placeOnly().doc
	bad.Article.Source = "reviewed/ruritania.json"
	bad.Parties[0].Evidence[0].Quote = "not in the article"
	other := swappedSides().doc
	results, err := store.WriteDocuments(ctx, []facts.Document{good, bad, other})
	var invalid *neo4jstore.InvalidDocumentsError
	if !errors.As(err, &invalid) || len(invalid.Documents) != 1 || invalid.Documents[0].Index != 1 {
		t.Fatalf("want one invalid document at index 1, got %v", err)
	}
	if !strings.Contains(err.Error(), "reviewed/ruritania.json") || facts.ErrorCode(err) != facts.ECodeInvalid {
		t.Fatalf("the error should name the source and be invalid input: %v (%s)", err, facts.ErrorCode(err))
	}
	if results[0].Status != facts.LoadAdded || results[1].Status != "" || results[2].Status != facts.LoadAdded {
		t.Fatalf("results: %v", statuses(results))
	}
	res, err := neo4j.ExecuteQuery(ctx, store.Driver(), "MATCH (a:Article) RETURN count(a) AS n", nil,
		neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(store.Database()))
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := res.Records[0].Get("n"); n != int64(2) {
		t.Fatalf("%v articles in the graph, want the 2 valid ones", n)
	}
}

// TestBatchPlansSeekOnAnEmptyGraph checks what keepPlan relies on: the
// plan Neo4j makes for each batch statement on an empty graph, which it
// then keeps however large the graph grows, finds nodes through indexes
// and never reads every node of a label.
func TestBatchPlansSeekOnAnEmptyGraph(t *testing.T) {
	wipe(t)
	ctx := context.Background()
	scans := func(statement string) []string {
		res, err := neo4j.ExecuteQuery(ctx, store.Driver(), "EXPLAIN "+statement, nil,
			neo4j.EagerResultTransformer, neo4j.ExecuteQueryWithDatabase(store.Database()))
		if err != nil {
			t.Fatalf("%v\n%s", err, statement)
		}
		var found []string
		var walk func(p neo4j.Plan)
		walk = func(p neo4j.Plan) {
			op := p.Operator()
			if strings.Contains(op, "Scan") || strings.HasPrefix(op, "CartesianProduct") {
				found = append(found, op)
			}
			for _, c := range p.Children() {
				walk(c)
			}
		}
		walk(res.Summary.Plan())
		return found
	}
	statements := neo4jstore.BatchStatements()
	if len(statements) < 15 {
		t.Fatalf("only %d batch statements", len(statements))
	}
	for _, statement := range statements {
		if found := scans(statement); len(found) > 0 {
			t.Errorf("on an empty graph, Neo4j plans %v for\n%s", found, statement)
		}
	}
	// The check sees a scan where there is one.
	if found := scans("CYPHER replan=skip\nMATCH (p:Party) WHERE p.kind = $kind RETURN p.id"); len(found) == 0 {
		t.Error("a query without an index on its property showed no scan")
	}
}

package api

import (
	"context"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/99designs/gqlgen/complexity"
	"github.com/amicus-graph/amicus/graph"
	"github.com/amicus-graph/amicus/graph/generated"
	"github.com/vektah/gqlparser/v2"
)

// cost computes a query's complexity as the server counts it.
func cost(t *testing.T, query string) int {
	t.Helper()
	es := generated.NewExecutableSchema(generated.Config{Resolvers: &graph.Resolver{}, Complexity: fieldCosts()})
	doc, errs := gqlparser.LoadQuery(es.Schema(), query)
	if errs != nil {
		t.Fatalf("%s: %v", query, errs)
	}
	return complexity.Calculate(context.Background(), es, doc.Operations[0], map[string]any{"name": "Microsoft", "id": "case:x", "text": "x", "after": nil})
}

func TestComplexityCosts(t *testing.T) {
	// What the product's own clients ask must pass.
	queries, err := os.ReadFile("../web/static/queries.js")
	if err != nil {
		t.Fatal(err)
	}
	fragment := regexp.MustCompile("(?s)const EVIDENCE = `(.*?)`").FindSubmatch(queries)
	for _, m := range regexp.MustCompile("(?s)export const ([A-Z]+) = `(.*?)`").FindAllSubmatch(queries, -1) {
		query := strings.ReplaceAll(string(m[2]), "${EVIDENCE}", string(fragment[1]))
		if c := cost(t, query); c > ComplexityLimit {
			t.Errorf("the explorer's %s query costs %d, over the limit %d", m[1], c, ComplexityLimit)
		}
	}
	deep := `{ parties(first: 50) { nodes { name supportersConnection(first: 5) { nodes { supporter { name casesConnection(first: 5) { nodes { name rulingsConnection(first: 3) { nodes { summary court { name } evidence { quote article { title } } } } } } } } } } } }`
	if c := cost(t, deep); c > ComplexityLimit {
		t.Errorf("a depth-5 query over 50 parties costs %d, over the limit %d", c, ComplexityLimit)
	}

	// Cost follows page sizes: a bigger page costs more, and asking for
	// 100 of 100 of 100 is refused.
	small := cost(t, `{ parties(first: 5) { nodes { name } } }`)
	big := cost(t, `{ parties(first: 50) { nodes { name } } }`)
	if big <= small {
		t.Errorf("parties(first: 50) costs %d, parties(first: 5) %d: the page size must count", big, small)
	}
	huge := `{ parties(first: 100) { nodes { supportersConnection(first: 100) { nodes { supporter { casesConnection(first: 100) { nodes { name } } } } } } } }`
	if c := cost(t, huge); c <= ComplexityLimit {
		t.Errorf("a query that can return a million items costs only %d", c)
	}
}

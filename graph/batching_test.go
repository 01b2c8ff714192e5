package graph_test

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/amicus-graph/amicus/facts"
	"github.com/amicus-graph/amicus/graph"
	"github.com/amicus-graph/amicus/graph/generated"
)

// countingReader is an in-memory facts.Reader that counts its calls, to
// check that resolvers batch their reads.
type countingReader struct {
	facts.Reader // methods not overridden panic if called
	mu           sync.Mutex
	calls        map[string]int
	parties      []facts.StoredParty
}

func (r *countingReader) count(method string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.calls[method]++
}

func newCountingReader(n int) *countingReader {
	r := &countingReader{calls: map[string]int{}}
	for i := 0; i < n; i++ {
		r.parties = append(r.parties, facts.StoredParty{ID: fmt.Sprintf("party:p%02d", i), Name: fmt.Sprintf("P%02d", i), Kind: facts.KindCompany})
	}
	return r
}

func (r *countingReader) Parties(ctx context.Context, f facts.PartyFilter, page facts.PageRequest) (facts.Page[facts.StoredParty], error) {
	r.count("Parties")
	return facts.Page[facts.StoredParty]{Items: r.parties[:page.First], Total: len(r.parties)}, nil
}

func (r *countingReader) PartiesByID(ctx context.Context, ids []string) (map[string]facts.StoredParty, error) {
	r.count("PartiesByID")
	out := map[string]facts.StoredParty{}
	for _, id := range ids {
		out[id] = facts.StoredParty{ID: id, Name: strings.TrimPrefix(id, "party:"), Kind: facts.KindCompany}
	}
	return out, nil
}

// Every party is backed by two supporters, each with one ground.
func (r *countingReader) SupportsBySupported(ctx context.Context, ids []string) (map[string][]facts.StoredSupport, error) {
	r.count("SupportsBySupported")
	out := map[string][]facts.StoredSupport{}
	for _, id := range ids {
		for j := 0; j < 2; j++ {
			out[id] = append(out[id], facts.StoredSupport{ID: fmt.Sprintf("%s/s%d", id, j), SupporterID: fmt.Sprintf("party:backer%d", j), SupportedID: id})
		}
	}
	return out, nil
}

func (r *countingReader) GroundsBySupport(ctx context.Context, ids []string) (map[string][]facts.StoredArgument, error) {
	r.count("GroundsBySupport")
	out := map[string][]facts.StoredArgument{}
	for _, id := range ids {
		out[id] = []facts.StoredArgument{{ID: id + "/g", Claim: "a reason", ByID: "party:backer0"}}
	}
	return out, nil
}

func (r *countingReader) EvidenceByFact(ctx context.Context, ids []string) (map[string][]facts.StoredEvidence, error) {
	r.count("EvidenceByFact")
	out := map[string][]facts.StoredEvidence{}
	for _, id := range ids {
		out[id] = []facts.StoredEvidence{{ID: id + "/e", Quote: "a quote", ArticleID: "a-1"}}
	}
	return out, nil
}

func (r *countingReader) ArticlesByID(ctx context.Context, ids []string) (map[string]facts.StoredArticle, error) {
	r.count("ArticlesByID")
	out := map[string]facts.StoredArticle{}
	for _, id := range ids {
		out[id] = facts.StoredArticle{ID: id, Title: "an article"}
	}
	return out, nil
}

func TestResolversBatchTheirReads(t *testing.T) {
	reader := newCountingReader(50)
	srv := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: &graph.Resolver{Reader: reader}}))
	srv.AddTransport(transport.POST{})
	h := graph.WithLoaders(reader, srv)

	query := `{ parties(first: 50) { nodes { name supporters { supporter { name } grounds { claim by { name } evidence { quote article { title } } } evidence { quote } } } } }`
	body, _ := json.Marshal(map[string]string{"query": query})
	req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)

	var resp struct {
		Data struct {
			Parties struct {
				Nodes []struct {
					Supporters []struct {
						Grounds []struct{ Claim string }
					}
				}
			}
		}
		Errors []any
	}
	if err := json.Unmarshal(rec.Body.Bytes(), &resp); err != nil || len(resp.Errors) > 0 {
		t.Fatalf("response: %s (%v)", rec.Body.String(), err)
	}
	if n := len(resp.Data.Parties.Nodes); n != 50 || len(resp.Data.Parties.Nodes[49].Supporters[1].Grounds) != 1 {
		t.Fatalf("unexpected answer: %s", rec.Body.String())
	}
	// 50 parties × 2 supports, each with grounds, evidence and articles:
	// read one item at a time this is over 700 reads. Batched, it is a
	// few reads per relation: one per level of the query the relation is
	// asked at, and rarely one more when a level's resolvers straddle a
	// batch window.
	total := 0
	for method, calls := range reader.calls {
		total += calls
		if calls > 6 {
			t.Errorf("%s was called %d times: its reads are not batched", method, calls)
		}
	}
	if total > 24 {
		t.Errorf("%d reads for one request: %v", total, reader.calls)
	}
}

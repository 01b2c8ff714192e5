package graph

import (
	"context"
	"net/http"
	"sync"
	"time"

	"github.com/amicus-graph/amicus/facts"
	"github.com/vikstrous/dataloadgen"
)

// Loaders batch the graph reads of one request: every relation asked for
// by many parent objects of one level of a query is read in one query.
type Loaders struct {
	Party               *dataloadgen.Loader[string, facts.StoredParty]
	Court               *dataloadgen.Loader[string, facts.StoredCourt]
	Case                *dataloadgen.Loader[string, facts.StoredCase]
	Article             *dataloadgen.Loader[string, facts.StoredArticle]
	SupportsBySupported *dataloadgen.Loader[string, []facts.StoredSupport]
	SupportsBySupporter *dataloadgen.Loader[string, []facts.StoredSupport]
	SupportsByCase      *dataloadgen.Loader[string, []facts.StoredSupport]
	ArgumentsByParty    *dataloadgen.Loader[string, []facts.StoredArgument]
	ArgumentsByCase     *dataloadgen.Loader[string, []facts.StoredArgument]
	GroundsBySupport    *dataloadgen.Loader[string, []facts.StoredArgument]
	OpponentsByParty    *dataloadgen.Loader[string, []facts.StoredParty]
	CasesByParty        *dataloadgen.Loader[string, []facts.StoredCase]
	PartiesByCase       *dataloadgen.Loader[string, []facts.CaseParty]
	RulingsByCourt      *dataloadgen.Loader[string, []facts.StoredRuling]
	RulingsByCase       *dataloadgen.Loader[string, []facts.StoredRuling]
	CourtsByCase        *dataloadgen.Loader[string, []facts.StoredCourt]
	JudgesByCourt       *dataloadgen.Loader[string, []facts.StoredJudge]
	CitesByArgument     *dataloadgen.Loader[string, []facts.StoredPrecedent]
	PrecedentsByCase    *dataloadgen.Loader[string, []facts.StoredPrecedent]
	Evidence            *dataloadgen.Loader[string, []facts.StoredEvidence]

	// pages are the first pages of relations a prefetch read alone (see
	// facts.Selection.Limit), by facts.PageKey and the fact's id.
	pagesMu sync.Mutex
	pages   map[string]facts.ListPage
}

// primePages keeps the first pages a prefetch read.
func (l *Loaders) primePages(pages map[string]map[string]facts.ListPage) {
	l.pagesMu.Lock()
	defer l.pagesMu.Unlock()
	if l.pages == nil {
		l.pages = map[string]facts.ListPage{}
	}
	for key, byID := range pages {
		for id, page := range byID {
			l.pages[key+"\x00"+id] = page
		}
	}
}

// firstPage returns the first limit items of relation of the fact with
// this id, and the length of its whole list, when a prefetch read them.
func firstPage[V any](l *Loaders, relation string, limit int, id string) ([]V, int, bool) {
	l.pagesMu.Lock()
	defer l.pagesMu.Unlock()
	page, ok := l.pages[facts.PageKey(relation, limit)+"\x00"+id]
	if !ok {
		return nil, 0, false
	}
	items, ok := page.Items.([]V)
	return items, page.Total, ok
}

// batchWait is how long a loader waits to gather keys into one batch.
const batchWait = 3 * time.Millisecond

// NewLoaders returns fresh loaders reading through r. Make new ones for
// every request: they cache what they read.
func NewLoaders(r facts.Reader) *Loaders {
	return &Loaders{
		Party:               newLoader(r.PartiesByID),
		Court:               newLoader(r.CourtsByID),
		Case:                newLoader(r.CasesByID),
		Article:             newLoader(r.ArticlesByID),
		SupportsBySupported: newLoader(r.SupportsBySupported),
		SupportsBySupporter: newLoader(r.SupportsBySupporter),
		SupportsByCase:      newLoader(r.SupportsByCase),
		ArgumentsByParty:    newLoader(r.ArgumentsByParty),
		ArgumentsByCase:     newLoader(r.ArgumentsByCase),
		GroundsBySupport:    newLoader(r.GroundsBySupport),
		OpponentsByParty:    newLoader(r.OpponentsByParty),
		CasesByParty:        newLoader(r.CasesByParty),
		PartiesByCase:       newLoader(r.PartiesByCase),
		RulingsByCourt:      newLoader(r.RulingsByCourt),
		RulingsByCase:       newLoader(r.RulingsByCase),
		CourtsByCase:        newLoader(r.CourtsByCase),
		JudgesByCourt:       newLoader(r.JudgesByCourt),
		CitesByArgument:     newLoader(r.PrecedentsByArgument),
		PrecedentsByCase:    newLoader(r.PrecedentsByCase),
		Evidence:            newLoader(r.EvidenceByFact),
	}
}

// newLoader makes a loader from a batch read that answers with a map; keys
// absent from the map load as the zero value (no party, an empty list).
func newLoader[V any](read func(context.Context, []string) (map[string]V, error)) *dataloadgen.Loader[string, V] {
	return dataloadgen.NewLoader(func(ctx context.Context, keys []string) ([]V, []error) {
		found, err := read(ctx, keys)
		values := make([]V, len(keys))
		if err != nil {
			errs := make([]error, len(keys))
			for i := range errs {
				errs[i] = err
			}
			return values, errs
		}
		for i, key := range keys {
			values[i] = found[key]
		}
		return values, nil
	}, dataloadgen.WithWait(batchWait), dataloadgen.WithBatchCapacity(500))
}

type loadersKey struct{}

// requestLoaders makes a request's loaders when a resolver first needs
// them, so requests that read no relations make none.
type requestLoaders struct {
	once    sync.Once
	reader  facts.Reader
	loaders *Loaders
}

func (l *requestLoaders) get() *Loaders {
	l.once.Do(func() { l.loaders = NewLoaders(l.reader) })
	return l.loaders
}

// WithLoaders wraps a handler so every request gets its own loaders.
func WithLoaders(r facts.Reader, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, req *http.Request) {
		ctx := context.WithValue(req.Context(), loadersKey{}, &requestLoaders{reader: r})
		next.ServeHTTP(w, req.WithContext(ctx))
	})
}

// loadersFor returns the request's loaders, or fresh ones outside a
// request made through WithLoaders.
func (r *Resolver) loadersFor(ctx context.Context) *Loaders {
	if l, ok := ctx.Value(loadersKey{}).(*requestLoaders); ok {
		return l.get()
	}
	return NewLoaders(r.Reader)
}

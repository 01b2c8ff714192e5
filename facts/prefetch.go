package facts

import (
	"context"
	"fmt"
)

// The API can read, in one graph query, everything a request will ask
// for below a list of facts: Relations says which relation each field of
// the read model follows, a Selection tree says which relations a request
// selected, and a Prefetch holds what was read.

// Relations maps "Type.field" of the read model to the type of what the
// relation leads to. Fields with a connection beside them ("supporters"
// and "supportersConnection") follow the same relation, named without
// "Connection".
var Relations = map[string]string{
	"Party.supporters": "Support",
	"Party.supports":   "Support",
	"Party.arguments":  "Argument",
	"Party.opponents":  "Party",
	"Party.cases":      "Case",
	"Party.evidence":   "Evidence",

	"Case.parties":    "CaseParty",
	"Case.supporters": "Support",
	"Case.arguments":  "Argument",
	"Case.courts":     "Court",
	"Case.rulings":    "Ruling",
	"Case.precedents": "Precedent",
	"Case.evidence":   "Evidence",

	"CaseParty.party": "Party",

	"Court.rulings":  "Ruling",
	"Court.judges":   "Judge",
	"Court.evidence": "Evidence",

	"Precedent.evidence": "Evidence",

	"Support.supporter": "Party",
	"Support.supported": "Party",
	"Support.grounds":   "Argument",
	"Support.case":      "Case",
	"Support.evidence":  "Evidence",

	"Argument.by":       "Party",
	"Argument.case":     "Case",
	"Argument.cites":    "Precedent",
	"Argument.evidence": "Evidence",

	"Ruling.court":    "Court",
	"Ruling.favors":   "Party",
	"Ruling.case":     "Case",
	"Ruling.evidence": "Evidence",

	"Evidence.article": "Article",
}

// Selection is one relation a request selected, with the relations it
// selected below it.
type Selection struct {
	// Field is the relation's field, without "Connection".
	Field string
	// Below are the relations selected on what the field leads to.
	Below []Selection
	// Limit, when above zero, asks for only the first Limit items of the
	// list, in its order, with the length of the whole list: a page the
	// request wants, read without reading the rest. Only relations in
	// PagedRelations may have one.
	Limit int
}

// PagedRelations are the relations whose first page a prefetch can read
// alone: the API pages them in the order the graph gives, without
// reordering or dropping items.
var PagedRelations = map[string]bool{
	"Party.supporters": true,
	"Party.supports":   true,
	"Party.arguments":  true,
	"Party.cases":      true,
	"Case.supporters":  true,
	"Case.arguments":   true,
}

// ListPage is the first items of a relation's list and the length of the
// whole list.
type ListPage struct {
	// Items is a slice typed as the Reader's batch method for the relation
	// gives it.
	Items any
	// Total counts the items of the whole list.
	Total int
}

// PageKey names the pages of relation ("Type.field") limited to limit
// items in Prefetch.Pages.
func PageKey(relation string, limit int) string {
	return fmt.Sprintf("%s#%d", relation, limit)
}

// Prefetch is what one prefetch read: the facts by id, and every
// relation list read, by "Type.field" and then by the id of the fact the
// list belongs to, in the order the Reader's batch methods give.
type Prefetch struct {
	Parties  map[string]StoredParty
	Cases    map[string]StoredCase
	Courts   map[string]StoredCourt
	Articles map[string]StoredArticle
	Lists    map[string]map[string]any
	// Pages holds the relations read with a Limit, by PageKey and then by
	// the id of the fact the list belongs to.
	Pages map[string]map[string]ListPage
}

// NewPrefetch returns an empty Prefetch.
func NewPrefetch() *Prefetch {
	return &Prefetch{
		Parties:  map[string]StoredParty{},
		Cases:    map[string]StoredCase{},
		Courts:   map[string]StoredCourt{},
		Articles: map[string]StoredArticle{},
		Lists:    map[string]map[string]any{},
		Pages:    map[string]map[string]ListPage{},
	}
}

// Prefetcher reads, in one graph round trip, the facts of one type with
// these ids and the relations selected below them.
type Prefetcher interface {
	Prefetch(ctx context.Context, typeName string, ids []string, selections []Selection) (*Prefetch, error)
}

// PartyPrefetcher finds a party by name, as Reader.PartyByName does, and
// reads the relations selected below it in the same graph round trip. The
// party is nil when none matches.
type PartyPrefetcher interface {
	PrefetchPartyByName(ctx context.Context, name string, selections []Selection) (*StoredParty, *Prefetch, error)
}

package graph

import (
	"context"
	"encoding/json"
	"strings"

	"github.com/99designs/gqlgen/graphql"
	"github.com/amicus-graph/amicus/facts"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vikstrous/dataloadgen"
)

// A root field (parties, party, case, cases, courts, precedents, articles,
// node) reads its facts, then reads everything the request selected below
// them in one more graph query (facts.Prefetcher) and primes the
// request's loaders with it, so the field resolvers below find it all
// without asking the graph again: a request costs two graph round trips
// whatever its depth. party(name:) finds the party and reads below it in
// the same query (facts.PartyPrefetcher), and case(id:) finds the case in
// its prefetch: one round trip each. What the prefetch does not cover
// still goes through the loaders: search hits, the results of mutations,
// and the relations below a fact reached by a field that is not a
// relation of the read model.

// prefetchBelow prefetches the relations selected below the facts of
// type t with these ids, found in the selection set of the field being
// resolved: a field that returns the facts themselves, or a connection of
// them when connection is true.
func (r *Resolver) prefetchBelow(ctx context.Context, t string, ids []string, connection bool) error {
	prefetcher, ok := r.Reader.(facts.Prefetcher)
	if !ok || len(ids) == 0 {
		return nil
	}
	below := selectionsBelow(ctx, t, connection)
	if below == nil {
		return nil
	}
	fetched, err := prefetcher.Prefetch(ctx, t, ids, below)
	if err != nil {
		return err
	}
	r.loadersFor(ctx).prime(fetched)
	return nil
}

// partyByName finds the party the party(name:) field asks for. When the
// graph can, it reads the relations selected below the party in the same
// round trip; else it finds the party, then prefetches below it.
func (r *Resolver) partyByName(ctx context.Context, name string) (*facts.StoredParty, error) {
	if prefetcher, ok := r.Reader.(facts.PartyPrefetcher); ok {
		if below := selectionsBelow(ctx, "Party", false); below != nil {
			party, fetched, err := prefetcher.PrefetchPartyByName(ctx, name, below)
			if err != nil || party == nil {
				return nil, err
			}
			r.loadersFor(ctx).prime(fetched)
			return party, nil
		}
	}
	party, err := r.Reader.PartyByName(ctx, name)
	if err != nil || party == nil {
		return party, err
	}
	return party, r.prefetchBelow(ctx, "Party", []string{party.ID}, false)
}

// selectionsBelow reads which relations of type t the field being
// resolved selects below it (below a connection of them when connection
// is true). It is nil when there are none, or more than one prefetch
// should read.
func selectionsBelow(ctx context.Context, t string, connection bool) []facts.Selection {
	fc := graphql.GetFieldContext(ctx)
	if fc == nil || !graphql.HasOperationContext(ctx) {
		return nil
	}
	op := graphql.GetOperationContext(ctx)
	var below []facts.Selection
	if connection {
		below = connectionSelections(op, fc.Field.Selections, t)
	} else {
		below = relationSelections(op, fc.Field.Selections, t)
	}
	if len(below) == 0 || size(below) > MaxPrefetchRelations {
		return nil
	}
	return below
}

// MaxPrefetchRelations caps how many relations one prefetch reads. A
// request that selects more is answered through the loaders, a query per
// relation and level, rather than with one very large query that would
// take Neo4j long to plan.
const MaxPrefetchRelations = 60

// size counts the relations in a selection tree.
func size(selections []facts.Selection) int {
	n := len(selections)
	for _, s := range selections {
		n += size(s.Below)
	}
	return n
}

// relationSelections reads which relations of type t a selection set
// asks for, with what it asks below each.
func relationSelections(op *graphql.OperationContext, set ast.SelectionSet, t string) []facts.Selection {
	var out []facts.Selection
	for _, f := range graphql.CollectFields(op, set, []string{t, "Node"}) {
		field := strings.TrimSuffix(f.Name, "Connection")
		child, ok := facts.Relations[t+"."+field]
		if !ok {
			continue
		}
		var below []facts.Selection
		limit := 0
		if field != f.Name {
			below = connectionSelections(op, f.Selections, child)
			args := f.ArgumentMap(op.Variables)
			if args["filter"] != nil || child == "Ruling" {
				below = append(below, filterNeeds[child]...)
			}
			if facts.PagedRelations[t+"."+field] {
				limit = firstPageSize(args)
			}
		} else {
			below = relationSelections(op, f.Selections, child)
		}
		out = append(out, facts.Selection{Field: field, Below: below, Limit: limit})
	}
	return mergeSelections(out)
}

// firstPageSize is the size of the page a connection's arguments ask for
// when it is the first page, unfiltered (only `first`, or nothing); else
// 0. Arguments out of range give 0 too, and the resolver reports them.
// The size is the one pageArgs.request gives the resolver.
func firstPageSize(args map[string]any) int {
	for _, name := range []string{"after", "last", "before", "filter"} {
		if args[name] != nil {
			return 0
		}
	}
	var page pageArgs
	if first := args["first"]; first != nil {
		var n int64
		switch v := first.(type) {
		case int:
			n = int64(v)
		case int64:
			n = v
		case float64:
			n = int64(v)
		case json.Number:
			var err error
			if n, err = v.Int64(); err != nil {
				return 0
			}
		default:
			return 0
		}
		size := int(n)
		page.first = &size
	}
	req, err := page.request()
	if err != nil {
		return 0
	}
	return req.First
}

// connectionSelections reads the relations asked for on the items of a
// connection of type t: under `nodes` and under `edges { node }`.
func connectionSelections(op *graphql.OperationContext, set ast.SelectionSet, t string) []facts.Selection {
	var out []facts.Selection
	for _, f := range graphql.CollectFields(op, set, []string{t + "Connection"}) {
		switch f.Name {
		case "nodes":
			out = append(out, relationSelections(op, f.Selections, t)...)
		case "edges":
			for _, e := range graphql.CollectFields(op, f.Selections, []string{t + "Edge"}) {
				if e.Name == "node" {
					out = append(out, relationSelections(op, e.Selections, t)...)
				}
			}
		}
	}
	return mergeSelections(out)
}

// filterNeeds are the relations a connection's filters and order read on
// its items (publication days, sides, courts), prefetched with them.
var filterNeeds = map[string][]facts.Selection{
	"Support":  {{Field: "evidence", Below: []facts.Selection{{Field: "article"}}}},
	"Ruling":   {{Field: "evidence", Below: []facts.Selection{{Field: "article"}}}},
	"Evidence": {{Field: "article"}},
	"Argument": {{Field: "case", Below: []facts.Selection{{Field: "parties"}}}},
	"Case": {
		{Field: "parties"}, {Field: "courts"},
		{Field: "evidence", Below: []facts.Selection{{Field: "article"}}},
	},
}

// mergeSelections merges selections of the same relation, so each is
// read once with everything asked below it.
func mergeSelections(in []facts.Selection) []facts.Selection {
	var out []facts.Selection
	at := map[string]int{}
	for _, s := range in {
		i, seen := at[s.Field]
		if !seen {
			at[s.Field] = len(out)
			out = append(out, facts.Selection{Field: s.Field, Below: mergeSelections(s.Below), Limit: s.Limit})
			continue
		}
		out[i].Below = mergeSelections(append(out[i].Below, s.Below...))
		if out[i].Limit != s.Limit {
			out[i].Limit = 0 // asked for twice in different ways: read it whole
		}
	}
	return out
}

// prime fills the loaders with what a prefetch read.
func (l *Loaders) prime(p *facts.Prefetch) {
	for id, v := range p.Parties {
		l.Party.Prime(id, v)
	}
	for id, v := range p.Cases {
		l.Case.Prime(id, v)
	}
	for id, v := range p.Courts {
		l.Court.Prime(id, v)
	}
	for id, v := range p.Articles {
		l.Article.Prime(id, v)
	}
	l.primePages(p.Pages)
	primeLists(l.SupportsBySupported, p.Lists["Party.supporters"])
	primeLists(l.SupportsBySupporter, p.Lists["Party.supports"])
	primeLists(l.ArgumentsByParty, p.Lists["Party.arguments"])
	primeLists(l.OpponentsByParty, p.Lists["Party.opponents"])
	primeLists(l.CasesByParty, p.Lists["Party.cases"])
	primeLists(l.PartiesByCase, p.Lists["Case.parties"])
	primeLists(l.SupportsByCase, p.Lists["Case.supporters"])
	primeLists(l.ArgumentsByCase, p.Lists["Case.arguments"])
	primeLists(l.CourtsByCase, p.Lists["Case.courts"])
	primeLists(l.RulingsByCase, p.Lists["Case.rulings"])
	primeLists(l.PrecedentsByCase, p.Lists["Case.precedents"])
	primeLists(l.RulingsByCourt, p.Lists["Court.rulings"])
	primeLists(l.JudgesByCourt, p.Lists["Court.judges"])
	primeLists(l.GroundsBySupport, p.Lists["Support.grounds"])
	primeLists(l.CitesByArgument, p.Lists["Argument.cites"])
	for _, t := range []string{"Party", "Case", "Court", "Precedent", "Support", "Argument", "Ruling"} {
		primeLists(l.Evidence, p.Lists[t+".evidence"])
	}
}

// primeLists primes a loader keyed by the id of the fact a list belongs to.
func primeLists[V any](l *dataloadgen.Loader[string, V], lists map[string]any) {
	for id, list := range lists {
		if v, ok := list.(V); ok {
			l.Prime(id, v)
		}
	}
}

// ids lists the ids of a page's facts.
func ids[T facts.Node](items []T) []string {
	out := make([]string, len(items))
	for i, item := range items {
		out[i] = item.NodeID()
	}
	return out
}

// nodeType names the schema type of a fact read by id.
func nodeType(n facts.Node) string {
	switch n.(type) {
	case facts.StoredParty:
		return "Party"
	case facts.StoredCase:
		return "Case"
	case facts.StoredCourt:
		return "Court"
	case facts.StoredPrecedent:
		return "Precedent"
	case facts.StoredArticle:
		return "Article"
	case facts.StoredSupport:
		return "Support"
	case facts.StoredArgument:
		return "Argument"
	case facts.StoredRuling:
		return "Ruling"
	}
	return ""
}

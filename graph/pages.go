package graph

import (
	"context"
	"sort"
	"strings"

	"github.com/amicus-graph/amicus/facts"
	"github.com/amicus-graph/amicus/graph/model"
)

// pageArgs are a connection field's paging arguments, as the client sent them.
type pageArgs struct {
	first, last   *int
	after, before *string
}

// request checks the arguments and turns them into a page request with
// the cursors decoded into item ids.
func (a pageArgs) request() (facts.PageRequest, error) {
	var req facts.PageRequest
	switch {
	case a.first != nil && a.last != nil:
		return req, facts.Errorf(facts.ECodeInvalid, "give first or last, not both")
	case a.last != nil:
		req.Last = *a.last
		if req.Last < 1 || req.Last > maxPageSize {
			return req, facts.Errorf(facts.ECodeInvalid, "last must be between 1 and %d", maxPageSize)
		}
	case a.first != nil:
		req.First = *a.first
		if req.First < 1 || req.First > maxPageSize {
			return req, facts.Errorf(facts.ECodeInvalid, "first must be between 1 and %d", maxPageSize)
		}
	default:
		req.First = defaultPageSize
	}
	var err error
	if a.after != nil && *a.after != "" {
		if req.After, err = decodeCursor("after", *a.after); err != nil {
			return req, err
		}
	}
	if a.before != nil && *a.before != "" {
		if req.Before, err = decodeCursor("before", *a.before); err != nil {
			return req, err
		}
	}
	return req, nil
}

// paginate cuts one page out of a whole list held in memory, the way the
// store pages the root lists.
func paginate[T any](items []T, idOf func(T) string, req facts.PageRequest) (facts.Page[T], error) {
	low, high := 0, len(items)
	find := func(id string) int {
		for i, item := range items {
			if idOf(item) == id {
				return i
			}
		}
		return -1
	}
	if req.After != "" {
		i := find(req.After)
		if i < 0 {
			return facts.Page[T]{}, errStaleCursor
		}
		low = i + 1
	}
	if req.Before != "" {
		i := find(req.Before)
		if i < 0 {
			return facts.Page[T]{}, errStaleCursor
		}
		high = i
	}
	high = max(high, low)
	start, stop := low, high
	if req.Last > 0 {
		start = max(low, high-req.Last)
	} else {
		stop = min(high, low+req.First)
	}
	return facts.Page[T]{
		Items:       items[start:stop],
		Total:       len(items),
		HasPrevious: start > 0,
		HasNext:     stop < len(items),
	}, nil
}

// errStaleCursor is the answer to a cursor that names nothing in the list.
var errStaleCursor = facts.Errorf(facts.ECodeInvalid, "the cursor does not point into this list: the item it names is gone or does not pass the filter")

// pageInfo describes a page whose items have these ids.
func pageInfo[T any](p facts.Page[T], idOf func(T) string) *model.PageInfo {
	info := &model.PageInfo{HasNextPage: p.HasNext, HasPreviousPage: p.HasPrevious}
	if n := len(p.Items); n > 0 {
		start, end := encodeCursor(idOf(p.Items[0])), encodeCursor(idOf(p.Items[n-1]))
		info.StartCursor, info.EndCursor = &start, &end
	}
	return info
}

// pageParts makes what every connection type is built of: the page's
// nodes, an edge with a cursor for each, and the page info.
func pageParts[T, E any](p facts.Page[T], idOf func(T) string, edge func(cursor string, node *T) E) ([]T, []E, *model.PageInfo) {
	nodes := nonNil(p.Items)
	edges := make([]E, len(nodes))
	for i := range nodes {
		edges[i] = edge(encodeCursor(idOf(nodes[i])), &nodes[i])
	}
	return nodes, edges, pageInfo(p, idOf)
}

func precedentID(x facts.StoredPrecedent) string { return x.ID }
func supportID(s facts.StoredSupport) string     { return s.ID }
func argumentID(a facts.StoredArgument) string   { return a.ID }
func rulingID(r facts.StoredRuling) string       { return r.ID }
func evidenceID(e facts.StoredEvidence) string   { return e.ID }

// partyConnection builds a page of party items into its connection type.
func partyConnection(p facts.Page[facts.StoredParty]) *model.PartyConnection {
	nodes, edges, info := pageParts(p, partyID, func(cursor string, node *facts.StoredParty) model.PartyEdge {
		return model.PartyEdge{Cursor: cursor, Node: node}
	})
	return &model.PartyConnection{Nodes: nodes, Edges: edges, PageInfo: info, TotalCount: p.Total}
}

// caseConnection builds a page of case items into its connection type.
func caseConnection(p facts.Page[facts.StoredCase]) *model.CaseConnection {
	nodes, edges, info := pageParts(p, caseID, func(cursor string, node *facts.StoredCase) model.CaseEdge {
		return model.CaseEdge{Cursor: cursor, Node: node}
	})
	return &model.CaseConnection{Nodes: nodes, Edges: edges, PageInfo: info, TotalCount: p.Total}
}

// courtConnection builds a page of court items into its connection type.
func courtConnection(p facts.Page[facts.StoredCourt]) *model.CourtConnection {
	nodes, edges, info := pageParts(p, courtID, func(cursor string, node *facts.StoredCourt) model.CourtEdge {
		return model.CourtEdge{Cursor: cursor, Node: node}
	})
	return &model.CourtConnection{Nodes: nodes, Edges: edges, PageInfo: info, TotalCount: p.Total}
}

// precedentConnection builds a page of precedent items into its connection type.
func precedentConnection(p facts.Page[facts.StoredPrecedent]) *model.PrecedentConnection {
	nodes, edges, info := pageParts(p, precedentID, func(cursor string, node *facts.StoredPrecedent) model.PrecedentEdge {
		return model.PrecedentEdge{Cursor: cursor, Node: node}
	})
	return &model.PrecedentConnection{Nodes: nodes, Edges: edges, PageInfo: info, TotalCount: p.Total}
}

// articleConnection builds a page of article items into its connection type.
func articleConnection(p facts.Page[facts.StoredArticle]) *model.ArticleConnection {
	nodes, edges, info := pageParts(p, articleID, func(cursor string, node *facts.StoredArticle) model.ArticleEdge {
		return model.ArticleEdge{Cursor: cursor, Node: node}
	})
	return &model.ArticleConnection{Nodes: nodes, Edges: edges, PageInfo: info, TotalCount: p.Total}
}

// supportConnection builds a page of support items into its connection type.
func supportConnection(p facts.Page[facts.StoredSupport]) *model.SupportConnection {
	nodes, edges, info := pageParts(p, supportID, func(cursor string, node *facts.StoredSupport) model.SupportEdge {
		return model.SupportEdge{Cursor: cursor, Node: node}
	})
	return &model.SupportConnection{Nodes: nodes, Edges: edges, PageInfo: info, TotalCount: p.Total}
}

// argumentConnection builds a page of argument items into its connection type.
func argumentConnection(p facts.Page[facts.StoredArgument]) *model.ArgumentConnection {
	nodes, edges, info := pageParts(p, argumentID, func(cursor string, node *facts.StoredArgument) model.ArgumentEdge {
		return model.ArgumentEdge{Cursor: cursor, Node: node}
	})
	return &model.ArgumentConnection{Nodes: nodes, Edges: edges, PageInfo: info, TotalCount: p.Total}
}

// rulingConnection builds a page of ruling items into its connection type.
func rulingConnection(p facts.Page[facts.StoredRuling]) *model.RulingConnection {
	nodes, edges, info := pageParts(p, rulingID, func(cursor string, node *facts.StoredRuling) model.RulingEdge {
		return model.RulingEdge{Cursor: cursor, Node: node}
	})
	return &model.RulingConnection{Nodes: nodes, Edges: edges, PageInfo: info, TotalCount: p.Total}
}

// evidenceConnection builds a page of evidence items into its connection type.
func evidenceConnection(p facts.Page[facts.StoredEvidence]) *model.EvidenceConnection {
	nodes, edges, info := pageParts(p, evidenceID, func(cursor string, node *facts.StoredEvidence) model.EvidenceEdge {
		return model.EvidenceEdge{Cursor: cursor, Node: node}
	})
	return &model.EvidenceConnection{Nodes: nodes, Edges: edges, PageInfo: info, TotalCount: p.Total}
}

// nonNil makes an empty page's items an empty list rather than null.
func nonNil[T any](items []T) []T {
	if items == nil {
		return []T{}
	}
	return items
}

// text reads an optional string argument.
func text(s *string) string {
	if s == nil {
		return ""
	}
	return strings.TrimSpace(*s)
}

// sideArg reads an optional side argument: "", "A" or "B".
func sideArg(s *string) (string, error) {
	v := strings.ToUpper(text(s))
	if v != "" && v != facts.SideA && v != facts.SideB {
		return "", facts.Errorf(facts.ECodeInvalid, "side must be A or B, not %q", text(s))
	}
	return v, nil
}

// dayRange reads a pair of optional YYYY-MM-DD bounds.
func dayRange(after, before *string) (string, string, error) {
	from, to := text(after), text(before)
	for _, day := range []string{from, to} {
		if day != "" && !facts.ValidDay(day) {
			return "", "", facts.Errorf(facts.ECodeInvalid, "%q is not a day written YYYY-MM-DD", day)
		}
	}
	return from, to, nil
}

// minimum reads an optional minimum confidence.
func minimum(v *float64) (float64, error) {
	if v == nil {
		return 0, nil
	}
	if *v < 0 || *v > 1 {
		return 0, facts.Errorf(facts.ECodeInvalid, "minConfidence must be between 0 and 1")
	}
	return *v, nil
}

// keep returns the items that pass.
func keep[T any](items []T, pass func(T) bool) []T {
	out := make([]T, 0, len(items))
	for _, item := range items {
		if pass(item) {
			out = append(out, item)
		}
	}
	return out
}

// articleDays reads, for each fact id, the publication days of the
// articles quoted as its evidence.
func (r *Resolver) articleDays(ctx context.Context, factIDs []string) (map[string][]string, error) {
	loaders := r.loadersFor(ctx)
	evidence, err := loaders.Evidence.LoadAll(ctx, factIDs)
	if err != nil {
		return nil, err
	}
	var articleIDs []string
	for _, quotes := range evidence {
		for _, e := range quotes {
			articleIDs = append(articleIDs, e.ArticleID)
		}
	}
	articles, err := loaders.Article.LoadAll(ctx, articleIDs)
	if err != nil {
		return nil, err
	}
	dayOf := make(map[string]string, len(articles))
	for _, a := range articles {
		if day, ok := facts.PublicationDay(a.PublishedAt); ok {
			dayOf[a.ID] = day
		}
	}
	days := make(map[string][]string, len(factIDs))
	for i, quotes := range evidence {
		for _, e := range quotes {
			if day := dayOf[e.ArticleID]; day != "" {
				days[factIDs[i]] = append(days[factIDs[i]], day)
			}
		}
	}
	return days, nil
}

// inRange reports whether any of days lies between from and to (either
// may be empty: no bound).
func inRange(days []string, from, to string) bool {
	for _, day := range days {
		if (from == "" || day >= from) && (to == "" || day <= to) {
			return true
		}
	}
	return false
}

// filterSupports applies a SupportFilter.
func (r *Resolver) filterSupports(ctx context.Context, supports []facts.StoredSupport, f *model.SupportFilter) ([]facts.StoredSupport, error) {
	if f == nil {
		return supports, nil
	}
	least, err := minimum(f.MinConfidence)
	if err != nil {
		return nil, err
	}
	from, to, err := dayRange(f.PublishedAfter, f.PublishedBefore)
	if err != nil {
		return nil, err
	}
	via, inCase := strings.ToLower(text(f.Via)), text(f.Case)
	supports = keep(supports, func(s facts.StoredSupport) bool {
		return (via == "" || strings.ToLower(s.Via) == via) && s.Confidence >= least && (inCase == "" || s.CaseID == inCase)
	})
	if from == "" && to == "" {
		return supports, nil
	}
	ids := make([]string, len(supports))
	for i, s := range supports {
		ids[i] = s.ID
	}
	days, err := r.articleDays(ctx, ids)
	if err != nil {
		return nil, err
	}
	return keep(supports, func(s facts.StoredSupport) bool { return inRange(days[s.ID], from, to) }), nil
}

// filterArguments applies an ArgumentFilter.
func (r *Resolver) filterArguments(ctx context.Context, arguments []facts.StoredArgument, f *model.ArgumentFilter) ([]facts.StoredArgument, error) {
	if f == nil {
		return arguments, nil
	}
	least, err := minimum(f.MinConfidence)
	if err != nil {
		return nil, err
	}
	wantSide, err := sideArg(f.Side)
	if err != nil {
		return nil, err
	}
	inCase := text(f.Case)
	arguments = keep(arguments, func(a facts.StoredArgument) bool {
		return a.Confidence >= least && (inCase == "" || a.CaseID == inCase)
	})
	if wantSide == "" {
		return arguments, nil
	}
	caseIDs := make([]string, len(arguments))
	for i, a := range arguments {
		caseIDs[i] = a.CaseID
	}
	sides, err := r.loadersFor(ctx).PartiesByCase.LoadAll(ctx, caseIDs)
	if err != nil {
		return nil, err
	}
	var out []facts.StoredArgument
	for i, a := range arguments {
		for _, cp := range sides[i] {
			if cp.PartyID == a.ByID && cp.Side == wantSide {
				out = append(out, a)
				break
			}
		}
	}
	return out, nil
}

// filterEvidence applies an EvidenceFilter.
func (r *Resolver) filterEvidence(ctx context.Context, quotes []facts.StoredEvidence, f *model.EvidenceFilter) ([]facts.StoredEvidence, error) {
	if f == nil {
		return quotes, nil
	}
	least, err := minimum(f.MinConfidence)
	if err != nil {
		return nil, err
	}
	from, to, err := dayRange(f.PublishedAfter, f.PublishedBefore)
	if err != nil {
		return nil, err
	}
	quotes = keep(quotes, func(e facts.StoredEvidence) bool { return e.Confidence >= least })
	if from == "" && to == "" {
		return quotes, nil
	}
	articleIDs := make([]string, len(quotes))
	for i, e := range quotes {
		articleIDs[i] = e.ArticleID
	}
	articles, err := r.loadersFor(ctx).Article.LoadAll(ctx, articleIDs)
	if err != nil {
		return nil, err
	}
	var out []facts.StoredEvidence
	for i, e := range quotes {
		if day, ok := facts.PublicationDay(articles[i].PublishedAt); ok && inRange([]string{day}, from, to) {
			out = append(out, e)
		}
	}
	return out, nil
}

// filterCases applies a CaseFilter to a list of cases in memory.
func (r *Resolver) filterCases(ctx context.Context, cases []facts.StoredCase, f *model.CaseFilter) ([]facts.StoredCase, error) {
	if f == nil {
		return cases, nil
	}
	from, to, err := dayRange(f.PublishedAfter, f.PublishedBefore)
	if err != nil {
		return nil, err
	}
	contains, party, court := strings.ToLower(text(f.NameContains)), text(f.Party), text(f.Court)
	cases = keep(cases, func(c facts.StoredCase) bool { return strings.Contains(strings.ToLower(c.Name), contains) })
	ids := make([]string, len(cases))
	for i, c := range cases {
		ids[i] = c.ID
	}
	loaders := r.loadersFor(ctx)
	var parties [][]facts.CaseParty
	var courts [][]facts.StoredCourt
	var days map[string][]string
	if party != "" {
		if parties, err = loaders.PartiesByCase.LoadAll(ctx, ids); err != nil {
			return nil, err
		}
	}
	if court != "" {
		if courts, err = loaders.CourtsByCase.LoadAll(ctx, ids); err != nil {
			return nil, err
		}
	}
	if from != "" || to != "" {
		if days, err = r.articleDays(ctx, ids); err != nil {
			return nil, err
		}
	}
	var out []facts.StoredCase
	for i, c := range cases {
		if party != "" && !containsFunc(parties[i], func(cp facts.CaseParty) bool { return cp.PartyID == party }) {
			continue
		}
		if court != "" && !containsFunc(courts[i], func(ct facts.StoredCourt) bool { return ct.ID == court }) {
			continue
		}
		if (from != "" || to != "") && !inRange(days[c.ID], from, to) {
			continue
		}
		out = append(out, c)
	}
	return out, nil
}

// containsFunc reports whether any item passes.
func containsFunc[T any](items []T, pass func(T) bool) bool {
	for _, item := range items {
		if pass(item) {
			return true
		}
	}
	return false
}

// rulingsInDateOrder filters rulings and sorts them by their day: the
// ruling's own date when it is a calendar date, else the earliest
// publication day of the articles reporting it; rulings with no day
// last; ties by id.
func (r *Resolver) rulingsInDateOrder(ctx context.Context, rulings []facts.StoredRuling, f *model.RulingFilter) ([]facts.StoredRuling, error) {
	var least float64
	var court, from, to string
	var err error
	if f != nil {
		if least, err = minimum(f.MinConfidence); err != nil {
			return nil, err
		}
		if from, to, err = dayRange(f.After, f.Before); err != nil {
			return nil, err
		}
		court = text(f.Court)
	}
	rulings = keep(rulings, func(x facts.StoredRuling) bool {
		return x.Confidence >= least && (court == "" || x.CourtID == court)
	})
	ids := make([]string, len(rulings))
	for i, x := range rulings {
		ids[i] = x.ID
	}
	reported, err := r.articleDays(ctx, ids)
	if err != nil {
		return nil, err
	}
	dayOf := make(map[string]string, len(rulings))
	for _, x := range rulings {
		if day, ok := facts.PublicationDay(x.Date); ok {
			dayOf[x.ID] = day
			continue
		}
		for _, day := range reported[x.ID] {
			if dayOf[x.ID] == "" || day < dayOf[x.ID] {
				dayOf[x.ID] = day
			}
		}
	}
	if from != "" || to != "" {
		rulings = keep(rulings, func(x facts.StoredRuling) bool { return dayOf[x.ID] != "" && inRange([]string{dayOf[x.ID]}, from, to) })
	}
	sorted := append([]facts.StoredRuling(nil), rulings...)
	sort.SliceStable(sorted, func(i, j int) bool {
		di, dj := dayOf[sorted[i].ID], dayOf[sorted[j].ID]
		if (di == "") != (dj == "") {
			return di != ""
		}
		if di != dj {
			return di < dj
		}
		return sorted[i].ID < sorted[j].ID
	})
	return sorted, nil
}

// pagedList checks the paging arguments, filters a whole list and
// returns the page asked for, built into a connection.
func pagedList[T, C any](args pageArgs, items []T, filter func([]T) ([]T, error), idOf func(T) string, build func(facts.Page[T]) C) (C, error) {
	var none C
	req, err := args.request()
	if err != nil {
		return none, err
	}
	if items, err = filter(items); err != nil {
		return none, err
	}
	page, err := paginate(items, idOf, req)
	if err != nil {
		return none, err
	}
	return build(page), nil
}

// pagedSupports filters supports and returns the page asked for.
func pagedSupports(ctx context.Context, r *Resolver, supports []facts.StoredSupport, f *model.SupportFilter, args pageArgs) (*model.SupportConnection, error) {
	filter := func(s []facts.StoredSupport) ([]facts.StoredSupport, error) { return r.filterSupports(ctx, s, f) }
	return pagedList(args, supports, filter, supportID, supportConnection)
}

// pagedArguments filters arguments and returns the page asked for.
func pagedArguments(ctx context.Context, r *Resolver, arguments []facts.StoredArgument, f *model.ArgumentFilter, args pageArgs) (*model.ArgumentConnection, error) {
	filter := func(a []facts.StoredArgument) ([]facts.StoredArgument, error) { return r.filterArguments(ctx, a, f) }
	return pagedList(args, arguments, filter, argumentID, argumentConnection)
}

// pagedRulings filters rulings, puts them in date order and returns the
// page asked for.
func pagedRulings(ctx context.Context, r *Resolver, rulings []facts.StoredRuling, f *model.RulingFilter, args pageArgs) (*model.RulingConnection, error) {
	filter := func(x []facts.StoredRuling) ([]facts.StoredRuling, error) { return r.rulingsInDateOrder(ctx, x, f) }
	return pagedList(args, rulings, filter, rulingID, rulingConnection)
}

// pagedEvidence returns a page of the evidence of the fact with this id.
func pagedEvidence(ctx context.Context, r *Resolver, factID string, f *model.EvidenceFilter, args pageArgs) (*model.EvidenceConnection, error) {
	if _, err := args.request(); err != nil {
		return nil, err
	}
	quotes, err := r.loadersFor(ctx).Evidence.Load(ctx, factID)
	if err != nil {
		return nil, err
	}
	filter := func(q []facts.StoredEvidence) ([]facts.StoredEvidence, error) { return r.filterEvidence(ctx, q, f) }
	return pagedList(args, quotes, filter, evidenceID, evidenceConnection)
}

// prefetchedPage returns the page a connection asks for when the request's
// prefetch read it alone (the first page of an unfiltered list: see
// facts.Selection.Limit), so the whole list need not be read.
func prefetchedPage[T any](ctx context.Context, r *Resolver, relation, id string, args pageArgs, unfiltered bool) (facts.Page[T], bool) {
	if !unfiltered || args.after != nil || args.last != nil || args.before != nil {
		return facts.Page[T]{}, false
	}
	req, err := args.request()
	if err != nil {
		return facts.Page[T]{}, false // the whole-list path reports it
	}
	items, total, ok := firstPage[T](r.loadersFor(ctx), relation, req.First, id)
	if !ok {
		return facts.Page[T]{}, false
	}
	return facts.Page[T]{Items: items, Total: total, HasNext: len(items) < total}, true
}

package neo4jstore

import (
	"context"
	"fmt"
	"strings"

	"github.com/amicus-graph/amicus/facts"
)

// A prefetch reads, in one query, the facts with some ids and every
// relation a request selected below them, as far down as it goes. The
// query is made of the constant pieces below: each relation is a COLLECT
// subquery with the same pattern and order as the batch method that reads
// it alone, so a prefetched list is exactly what that method would give.
// Variable names are generated (v1, v2, …); ids are parameters.

// hops are the relations' subqueries: {p} is the variable of the fact the
// relation starts from, {c} the variable of what it leads to.
var hops = map[string]string{
	"Party.supporters": `MATCH ({p})<-[:BACKS]-({c}:Support)-[:BY]->({c}b:Party) WITH {c}, {c}b ORDER BY {c}b.nameLower, {c}.id`,
	"Party.supports":   `MATCH ({p})<-[:BY]-({c}:Support) OPTIONAL MATCH ({c})-[:BACKS]->({c}b:Party) WITH {c}, {c}b ORDER BY {c}b.nameLower, {c}.id`,
	"Party.arguments":  `MATCH ({p})-[:ARGUES]->({c}:Argument) WITH {c}, ` + firstReport + ` AS {c}k ORDER BY {c}k[0], {c}k[1], {c}.id`,
	"Party.opponents": `MATCH ({p})-[{c}m:PARTY_TO]->(:Case)<-[{c}t:PARTY_TO]-({c}:Party) WHERE {c}m.side <> {c}t.side AND {c} <> {p}
WITH DISTINCT {c} ORDER BY {c}.nameLower, {c}.id`,
	"Party.cases":     `MATCH ({p})-[:PARTY_TO]->({c}:Case) WITH DISTINCT {c} ORDER BY {c}.name, {c}.id`,
	"Case.parties":    `MATCH ({p})<-[{c}r:PARTY_TO]-({c}:Party) WITH {c}r, {c} ORDER BY {c}r.side, {c}.nameLower, {c}.id`,
	"Case.supporters": `MATCH ({p})<-[:IN_CASE]-({c}:Support)-[:BY]->({c}b:Party) WITH {c}, {c}b ORDER BY {c}b.nameLower, {c}.id`,
	"Case.arguments": `MATCH ({p})<-[:IN_CASE]-({c}:Argument) WHERE NOT ({c})<-[:ON_GROUNDS]-()
WITH {c}, ` + firstReport + ` AS {c}k ORDER BY {c}k[0], {c}k[1], {c}.id`,
	"Case.courts":        `MATCH ({p})-[:HEARD_IN]->({c}:Court) WITH DISTINCT {c} ORDER BY {c}.name, {c}.id`,
	"Case.rulings":       `MATCH ({p})<-[:IN_CASE]-({c}:Ruling) WITH {c} ORDER BY {c}.summary, {c}.id`,
	"Case.precedents":    `MATCH ({p})-[:CITES]->({c}:Precedent) WITH {c} ORDER BY {c}.name, {c}.id`,
	"CaseParty.party":    ``, // the party is read with its place in the case
	"Court.rulings":      `MATCH ({p})<-[:BY_COURT]-({c}:Ruling) WITH {c} ORDER BY {c}.summary, {c}.id`,
	"Court.judges":       `MATCH ({p})<-[:SITS_ON]-({c}:Judge) WITH {c} ORDER BY {c}.name, {c}.id`,
	"Support.supporter":  `MATCH ({p})-[:BY]->({c}:Party)`,
	"Support.supported":  `MATCH ({p})-[:BACKS]->({c}:Party)`,
	"Support.grounds":    `MATCH ({p})-[:ON_GROUNDS]->({c}:Argument) WITH {c} ORDER BY {c}.claim, {c}.id`,
	"Support.case":       `MATCH ({p})-[:IN_CASE]->({c}:Case)`,
	"Argument.by":        `MATCH ({c}:Party)-[:ARGUES]->({p})`,
	"Argument.case":      `MATCH ({p})-[:IN_CASE]->({c}:Case)`,
	"Argument.cites":     `MATCH ({p})-[:CITES]->({c}:Precedent) WITH {c} ORDER BY {c}.name, {c}.id`,
	"Ruling.court":       `MATCH ({p})-[:BY_COURT]->({c}:Court)`,
	"Ruling.favors":      `MATCH ({p})-[:FAVORS]->({c}:Party)`,
	"Ruling.case":        `MATCH ({p})-[:IN_CASE]->({c}:Case)`,
	"Evidence.article":   `UNWIND [{p}a] AS {c}`, // the article evidenceHop matched
	"Party.evidence":     evidenceHop,
	"Case.evidence":      evidenceHop,
	"Court.evidence":     evidenceHop,
	"Precedent.evidence": evidenceHop,
	"Support.evidence":   evidenceHop,
	"Argument.evidence":  evidenceHop,
	"Ruling.evidence":    evidenceHop,
}

// pagedHops replace hops for a relation read with a Limit where the API
// drops items of the whole list (supports with no supported party): the
// page must be the first items of what the API would keep.
var pagedHops = map[string]string{
	"Party.supports":  `MATCH ({p})<-[:BY]-({c}:Support)-[:BACKS]->({c}b:Party) WITH {c}, {c}b ORDER BY {c}b.nameLower, {c}.id`,
	"Case.supporters": `MATCH ({p})<-[:IN_CASE]-({c}:Support)-[:BY]->({c}b:Party) WHERE ({c})-[:BACKS]->(:Party) WITH {c}, {c}b ORDER BY {c}b.nameLower, {c}.id`,
}

// pageCounts count the whole list of a relation read with a Limit: the
// same rows as its hop (or paged hop), without ordering them.
var pageCounts = map[string]string{
	"Party.supporters": `MATCH ({p})<-[:BACKS]-({c}:Support)-[:BY]->(:Party) RETURN {c}`,
	"Party.supports":   `MATCH ({p})<-[:BY]-({c}:Support)-[:BACKS]->(:Party) RETURN {c}`,
	"Party.arguments":  `MATCH ({p})-[:ARGUES]->({c}:Argument) RETURN {c}`,
	"Party.cases":      `MATCH ({p})-[:PARTY_TO]->({c}:Case) RETURN DISTINCT {c}`,
	"Case.supporters":  `MATCH ({p})<-[:IN_CASE]-({c}:Support)-[:BY]->(:Party) WHERE ({c})-[:BACKS]->(:Party) RETURN {c}`,
	"Case.arguments":   `MATCH ({p})<-[:IN_CASE]-({c}:Argument) WHERE NOT ({c})<-[:ON_GROUNDS]-() RETURN {c}`,
}

// evidenceHop reads a fact's quotes in article order.
const evidenceHop = `MATCH ({p})-[{c}r:EVIDENCED_BY]->({c}:Evidence)-[:FROM]->({c}a:Article) WITH {c}, {c}r, {c}a ORDER BY {c}a.title, {c}a.id, {c}.start`

// firstReport is the title and position of the first quote of argument
// {c}, which orders arguments as the articles report them.
const firstReport = `head(COLLECT { MATCH ({c})-[:EVIDENCED_BY]->(e:Evidence)-[:FROM]->(a:Article) RETURN [a.title, e.start] AS k ORDER BY k[0], k[1] })`

// singular relations lead to at most one fact.
var singular = map[string]bool{
	"Support.supporter": true, "Support.supported": true, "Support.case": true,
	"Argument.by": true, "Argument.case": true,
	"Ruling.court": true, "Ruling.favors": true, "Ruling.case": true,
	"Evidence.article": true,
}

// rootLabels are the labels of the types a prefetch may start from.
var rootLabels = map[string]string{
	"Party": "Party", "Case": "Case", "Court": "Court", "Precedent": "Precedent",
	"Article": "Article", "Support": "Support", "Argument": "Argument", "Ruling": "Ruling",
}

// projection is how a fact of type t held in variable c is read; p is the
// variable of the fact it was reached from, when there is one.
func projection(t, c, p string) string {
	switch t {
	case "Party":
		return c + partyProjection
	case "Case":
		return c + caseProjection
	case "Court":
		return c + courtProjection
	case "Precedent":
		return c + precedentProjection
	case "Article":
		return c + articleProjection
	case "Support":
		return c + supportProjectionOf(c)
	case "Argument":
		return c + argumentProjectionOf(c)
	case "Ruling":
		return c + rulingProjectionOf(c)
	case "Judge":
		return `{id: ` + c + `.id, name: ` + c + `.name, courtId: ` + p + `.id}`
	case "Evidence":
		// Evidence is reached only through evidenceHop, which matched its
		// link to the fact as {c}r and its article as {c}a.
		return evidenceProjection(c, c+"r", c+"a")
	case "CaseParty":
		return `{caseId: ` + p + `.id, partyId: ` + c + `.id, side: ` + c + `r.side}`
	}
	panic("neo4jstore: no projection for " + t)
}

// prefetchQuery builds the query for facts of type t with the selections
// below them.
type prefetchQuery struct {
	vars   int
	params map[string]any
}

func (q *prefetchQuery) fresh() string {
	q.vars++
	return fmt.Sprintf("v%d", q.vars)
}

// read is the projection of a fact of type t in c with, under keys
// "__field", the relations selected below it.
func (q *prefetchQuery) read(t, c, p string, below []facts.Selection) string {
	base := projection(t, c, p)
	var extra []string
	for _, s := range below {
		key := t + "." + s.Field
		child, ok := facts.Relations[key]
		if !ok {
			continue
		}
		if key == "CaseParty.party" {
			// The party is the case party's own variable.
			extra = append(extra, "__party: "+q.read("Party", c, p, s.Below))
			continue
		}
		v := q.fresh()
		if s.Limit > 0 && facts.PagedRelations[key] {
			// The first page and the length of the whole list.
			pattern := hops[key]
			if paged, ok := pagedHops[key]; ok {
				pattern = paged
			}
			vars := strings.NewReplacer("{p}", c, "{c}", v)
			hop := vars.Replace(pattern)
			q.params[v+"limit"] = s.Limit
			extra = append(extra,
				// Every paged hop ends in ORDER BY, so the LIMIT cuts before
				// anything below the items is read.
				"__"+s.Field+": COLLECT { "+hop+" LIMIT $"+v+"limit RETURN "+q.read(child, v, c, s.Below)+" AS item }",
				"__"+s.Field+"__total: COUNT { "+vars.Replace(pageCounts[key])+" }")
			continue
		}
		hop := strings.NewReplacer("{p}", c, "{c}", v).Replace(hops[key])
		extra = append(extra, "__"+s.Field+": COLLECT { "+hop+" RETURN "+q.read(child, v, c, s.Below)+" AS item }")
	}
	if len(extra) == 0 {
		return base
	}
	return strings.TrimSuffix(base, "}") + ", " + strings.Join(extra, ", ") + "}"
}

// Prefetch reads the facts of type t with these ids and every relation
// selected below them, in one graph round trip. The facts themselves are
// in the result too, for the types the API loads by id.
func (s *Store) Prefetch(ctx context.Context, t string, ids []string, below []facts.Selection) (*facts.Prefetch, error) {
	out := facts.NewPrefetch()
	label, ok := rootLabels[t]
	if !ok || len(ids) == 0 || len(below) == 0 {
		return out, nil
	}
	q := &prefetchQuery{params: map[string]any{"ids": ids}}
	root := q.fresh()
	query := `UNWIND $ids AS key MATCH (` + root + `:` + label + ` {id: key}) RETURN key, ` + q.read(t, root, "", below) + ` AS item`
	records, err := s.read(ctx, query, q.params)
	if err != nil {
		return nil, err
	}
	for _, r := range records {
		m := item(r)
		index(out, t, m)
		absorb(out, t, m, below)
	}
	return out, nil
}

// PrefetchPartyByName finds a party as PartyByName does and reads every
// relation selected below it, in one graph round trip. The party is nil
// when none matches.
func (s *Store) PrefetchPartyByName(ctx context.Context, name string, below []facts.Selection) (*facts.StoredParty, *facts.Prefetch, error) {
	out := facts.NewPrefetch()
	q := &prefetchQuery{params: partyByNameParams(name)}
	root := q.fresh()
	// The party is renamed to a fresh variable, so that no name of the
	// lookup is in scope of the relations' subqueries.
	query := partyByName + `
WITH p AS ` + root + `
RETURN ` + q.read("Party", root, "", below) + ` AS item`
	records, err := s.read(ctx, query, q.params)
	if err != nil || len(records) == 0 {
		return nil, out, err
	}
	m := item(records[0])
	party := decodeParty(m)
	index(out, "Party", m)
	absorb(out, "Party", m, below)
	return &party, out, nil
}

// absorb decodes the relations read below fact m of type t into out.
func absorb(out *facts.Prefetch, t string, m map[string]any, below []facts.Selection) {
	id := str(m, "id")
	for _, s := range below {
		key := t + "." + s.Field
		child, ok := facts.Relations[key]
		if !ok {
			continue
		}
		if key == "CaseParty.party" {
			if party, ok := m["__party"].(map[string]any); ok {
				out.Parties[str(party, "id")] = decodeParty(party)
				absorb(out, "Party", party, s.Below)
			}
			continue
		}
		raw, _ := m["__"+s.Field].([]any)
		items := make([]map[string]any, 0, len(raw))
		for _, x := range raw {
			if props, ok := x.(map[string]any); ok {
				items = append(items, props)
			}
		}
		switch {
		case s.Limit > 0 && facts.PagedRelations[key]:
			pageKey := facts.PageKey(key, s.Limit)
			if out.Pages[pageKey] == nil {
				out.Pages[pageKey] = map[string]facts.ListPage{}
			}
			total, _ := m["__"+s.Field+"__total"].(int64)
			out.Pages[pageKey][id] = facts.ListPage{Items: decodeList(child, items), Total: int(total)}
		case !singular[key]:
			if out.Lists[key] == nil {
				out.Lists[key] = map[string]any{}
			}
			out.Lists[key][id] = decodeList(child, items)
		}
		for _, x := range items {
			index(out, child, x)
			childID := str(x, "id")
			if child == "CaseParty" {
				childID = str(x, "partyId")
			}
			if childID != "" {
				absorb(out, child, x, s.Below)
			}
		}
	}
}

// index keeps a fact the API loads by id.
func index(out *facts.Prefetch, t string, m map[string]any) {
	switch t {
	case "Party":
		out.Parties[str(m, "id")] = decodeParty(m)
	case "Case":
		out.Cases[str(m, "id")] = decodeCase(m)
	case "Court":
		out.Courts[str(m, "id")] = decodeCourt(m)
	case "Article":
		out.Articles[str(m, "id")] = decodeArticle(m)
	}
}

// decodeList decodes a relation's list of facts of type t, typed as the
// Reader's batch method for that relation gives it.
func decodeList(t string, items []map[string]any) any {
	switch t {
	case "Party":
		return decodeAll(items, decodeParty)
	case "Case":
		return decodeAll(items, decodeCase)
	case "Court":
		return decodeAll(items, decodeCourt)
	case "Precedent":
		return decodeAll(items, decodePrecedent)
	case "Support":
		return decodeAll(items, decodeSupport)
	case "Argument":
		return decodeAll(items, decodeArgument)
	case "Ruling":
		return decodeAll(items, decodeRuling)
	case "Judge":
		return decodeAll(items, decodeJudge)
	case "Evidence":
		return decodeAll(items, decodeEvidence)
	case "CaseParty":
		return decodeAll(items, decodeCaseParty)
	}
	return nil
}

func decodeAll[T any](items []map[string]any, decode func(map[string]any) T) []T {
	out := make([]T, len(items))
	for i, m := range items {
		out[i] = decode(m)
	}
	return out
}

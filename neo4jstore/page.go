package neo4jstore

import (
	"context"
	"strings"

	"github.com/amicus-graph/amicus/facts"
)

// rootList is one of the lists the API pages through from the top: the
// nodes of one label that pass a filter, in a fixed order. Every part is
// a constant of this file; filter values reach the query only as
// parameters, and a condition whose parameter is empty lets every node
// through.
type rootList struct {
	label      string // the nodes' label
	sortKey    string // what the nodes are sorted by, then by id
	where      string // the filter conditions on n
	projection string // the properties read
}

var (
	partyList = rootList{
		label:   "Party",
		sortKey: "n.nameLower",
		where: `($contains = '' OR n.nameLower CONTAINS $contains
   OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS $contains))
AND ($kind = '' OR n.kind = $kind)
AND ($case = '' OR EXISTS { MATCH (n)-[r:PARTY_TO]->(:Case {id: $case}) WHERE $side = '' OR r.side = $side })
AND ($side = '' OR $case <> '' OR EXISTS { MATCH (n)-[r:PARTY_TO]->(:Case) WHERE r.side = $side })`,
		projection: partyProjection,
	}
	caseList = rootList{
		label:   "Case",
		sortKey: "toLower(n.name)",
		where: `($contains = '' OR toLower(n.name) CONTAINS $contains)
AND ($party = '' OR EXISTS { MATCH (:Party {id: $party})-[:PARTY_TO]->(n) })
AND ($court = '' OR EXISTS { MATCH (n)-[:HEARD_IN]->(:Court {id: $court}) })
AND (($from = '' AND $to = '') OR EXISTS {
  MATCH (n)-[:EVIDENCED_BY]->(:Evidence)-[:FROM]->(a:Article)
  WHERE coalesce(a.publishedOn, '') <> '' AND ($from = '' OR a.publishedOn >= $from) AND ($to = '' OR a.publishedOn <= $to) })`,
		projection: caseProjection,
	}
	courtList = rootList{
		label:   "Court",
		sortKey: "toLower(n.name)",
		where: `($contains = '' OR toLower(n.name) CONTAINS $contains
   OR any(a IN coalesce(n.aliases, []) WHERE toLower(a) CONTAINS $contains))
AND ($level = '' OR n.level = $level)`,
		projection: courtProjection,
	}
	precedentList = rootList{
		label:   "Precedent",
		sortKey: "toLower(n.name)",
		where: `($contains = '' OR toLower(n.name) CONTAINS $contains OR toLower(coalesce(n.citation, '')) CONTAINS $contains)
AND ($kind = '' OR n.kind = $kind)`,
		projection: precedentProjection,
	}
	articleList = rootList{
		label:   "Article",
		sortKey: "toLower(n.title)",
		where: `($publisher = '' OR toLower(coalesce(n.publisher, '')) CONTAINS $publisher)
AND (($from = '' AND $to = '') OR (coalesce(n.publishedOn, '') <> ''
  AND ($from = '' OR n.publishedOn >= $from) AND ($to = '' OR n.publishedOn <= $to)))`,
		projection: articleProjection,
	}
)

// query is the Cypher that reads one page of the list. The whole sorted
// list of matching nodes is gathered to find the cursors and count it;
// only the page is projected.
func (l rootList) query() string {
	return `
MATCH (n:` + l.label + `)
WHERE ` + l.where + `
WITH n ORDER BY ` + l.sortKey + `, n.id
WITH collect(n) AS matching
WITH matching, size(matching) AS total,
     [i IN range(0, size(matching) - 1) WHERE matching[i].id = $after][0] AS afterAt,
     [i IN range(0, size(matching) - 1) WHERE matching[i].id = $before][0] AS beforeAt
WITH matching, total, afterAt, beforeAt,
     CASE WHEN $after = '' THEN 0 ELSE afterAt + 1 END AS low,
     CASE WHEN $before = '' THEN total ELSE beforeAt END AS high
WITH matching, total, afterAt, beforeAt,
     CASE WHEN $last > 0 AND high - $last > low THEN high - $last ELSE low END AS start,
     CASE WHEN $last > 0 OR low + $first >= high THEN high ELSE low + $first END AS stop
RETURN total, start, stop,
       ($after <> '' AND afterAt IS NULL) OR ($before <> '' AND beforeAt IS NULL) AS badCursor,
       [n IN matching[start..stop] | n` + l.projection + `] AS items`
}

// readPage reads one page of list l.
func readPage[T any](ctx context.Context, s *Store, l rootList, params map[string]any, page facts.PageRequest, decode func(map[string]any) T) (facts.Page[T], error) {
	params["after"] = page.After
	params["before"] = page.Before
	params["first"] = page.First
	params["last"] = page.Last
	records, err := s.read(ctx, l.query(), params)
	if err != nil || len(records) == 0 {
		return facts.Page[T]{}, err
	}
	m := records[0].AsMap()
	if bad, _ := m["badCursor"].(bool); bad {
		return facts.Page[T]{}, facts.Errorf(facts.ECodeInvalid, "the cursor does not point into this list: the item it names is gone or does not pass the filter")
	}
	total, start, stop := int(toInt(m["total"])), int(toInt(m["start"])), int(toInt(m["stop"]))
	out := facts.Page[T]{Total: total, HasPrevious: start > 0, HasNext: stop < total}
	items, _ := m["items"].([]any)
	for _, item := range items {
		if props, ok := item.(map[string]any); ok {
			out.Items = append(out.Items, decode(props))
		}
	}
	return out, nil
}

// Parties returns a page of parties in name order.
func (s *Store) Parties(ctx context.Context, f facts.PartyFilter, page facts.PageRequest) (facts.Page[facts.StoredParty], error) {
	return readPage(ctx, s, partyList, map[string]any{
		"contains": strings.ToLower(f.NameContains), "kind": f.Kind, "case": f.Case, "side": f.Side,
	}, page, decodeParty)
}

// Cases returns a page of cases in name order.
func (s *Store) Cases(ctx context.Context, f facts.CaseFilter, page facts.PageRequest) (facts.Page[facts.StoredCase], error) {
	return readPage(ctx, s, caseList, map[string]any{
		"contains": strings.ToLower(f.NameContains), "party": f.Party, "court": f.Court,
		"from": f.PublishedAfter, "to": f.PublishedBefore,
	}, page, decodeCase)
}

// Courts returns a page of courts in name order.
func (s *Store) Courts(ctx context.Context, f facts.CourtFilter, page facts.PageRequest) (facts.Page[facts.StoredCourt], error) {
	return readPage(ctx, s, courtList, map[string]any{
		"contains": strings.ToLower(f.NameContains), "level": f.Level,
	}, page, decodeCourt)
}

// Precedents returns a page of statutes and cases cited, in name order.
func (s *Store) Precedents(ctx context.Context, f facts.PrecedentFilter, page facts.PageRequest) (facts.Page[facts.StoredPrecedent], error) {
	return readPage(ctx, s, precedentList, map[string]any{
		"contains": strings.ToLower(f.NameContains), "kind": f.Kind,
	}, page, decodePrecedent)
}

// Articles returns a page of articles in title order.
func (s *Store) Articles(ctx context.Context, f facts.ArticleFilter, page facts.PageRequest) (facts.Page[facts.StoredArticle], error) {
	return readPage(ctx, s, articleList, map[string]any{
		"publisher": strings.ToLower(f.Publisher), "from": f.PublishedAfter, "to": f.PublishedBefore,
	}, page, decodeArticle)
}

// nodeKinds maps an id's prefix to the query that reads a node of that
// kind and the decoder of its properties.
var nodeKinds = []struct {
	prefix string
	query  string
	decode func(map[string]any) facts.Node
}{
	{"party:", `MATCH (n:Party {id: $id}) RETURN n` + partyProjection + ` AS item`, func(m map[string]any) facts.Node { return decodeParty(m) }},
	{"case:", `MATCH (n:Case {id: $id}) RETURN n` + caseProjection + ` AS item`, func(m map[string]any) facts.Node { return decodeCase(m) }},
	{"court:", `MATCH (n:Court {id: $id}) RETURN n` + courtProjection + ` AS item`, func(m map[string]any) facts.Node { return decodeCourt(m) }},
	{"judge:", `MATCH (j:Judge {id: $id}) RETURN {id: j.id, name: j.name, courtId: [(j)-[:SITS_ON]->(c) | c.id][0]} AS item`,
		func(m map[string]any) facts.Node { return decodeJudge(m) }},
	{"precedent:", `MATCH (n:Precedent {id: $id}) RETURN n` + precedentProjection + ` AS item`, func(m map[string]any) facts.Node { return decodePrecedent(m) }},
	{"argument-", `MATCH (a:Argument {id: $id}) RETURN a` + argumentProjection + ` AS item`, func(m map[string]any) facts.Node { return decodeArgument(m) }},
	{"support-", `MATCH (s:Support {id: $id}) RETURN s` + supportProjection + ` AS item`, func(m map[string]any) facts.Node { return decodeSupport(m) }},
	{"ruling-", `MATCH (r:Ruling {id: $id}) RETURN r` + rulingProjection + ` AS item`, func(m map[string]any) facts.Node { return decodeRuling(m) }},
	{"a-", `MATCH (n:Article {id: $id}) RETURN n` + articleProjection + ` AS item`, func(m map[string]any) facts.Node { return decodeArticle(m) }},
}

// NodeByID reads the fact with this id, whatever its kind, or returns nil
// when there is none.
func (s *Store) NodeByID(ctx context.Context, id string) (facts.Node, error) {
	for _, kind := range nodeKinds {
		if !strings.HasPrefix(id, kind.prefix) {
			continue
		}
		records, err := s.read(ctx, kind.query, map[string]any{"id": id})
		if err != nil || len(records) == 0 {
			return nil, err
		}
		return kind.decode(item(records[0])), nil
	}
	return nil, nil
}

package neo4jstore

import (
	"context"
	"strings"

	"github.com/amicus-graph/amicus/facts"
)

// Projections: the properties each kind of node is read with.
const (
	articleProjection   = `{.id, .title, .publisher, .author, .url, .source, .publishedAt, .extractor}`
	caseProjection      = `{.id, .name, .issue}`
	partyProjection     = `{.id, .name, .kind, .aliases}`
	courtProjection     = `{.id, .name, .level, .place, .aliases}`
	precedentProjection = `{.id, .name, .kind, .citation}`
)

// partyByName finds a party by $lower (a name in lower case) or $id,
// else by an alias equal to $lower, and leaves it in p: at most one row.
// The alias branch runs under an UNWIND of an empty list when a name
// matched: with a WHERE on size(named) instead, the planner scans every
// party and only then filters.
const partyByName = `
OPTIONAL MATCH (named:Party) WHERE named.nameLower = $lower OR named.id = $id
WITH collect(named) AS named
CALL (named) {
  UNWIND named AS p
  RETURN p
  UNION
  UNWIND CASE WHEN size(named) = 0 THEN [true] ELSE [] END AS noneNamed
  MATCH (p:Party) WHERE any(a IN p.aliases WHERE toLower(a) = $lower)
  RETURN p
}
WITH p, (p.nameLower = $lower OR p.id = $id) AS exact, COUNT { (p)-[:EVIDENCED_BY]->() } AS weight
ORDER BY exact DESC, weight DESC, p.nameLower, p.id
LIMIT 1`

// partyByNameQuery reads the party partyByName finds.
const partyByNameQuery = partyByName + `
RETURN p` + partyProjection + ` AS item`

// partyByNameParams are the parameters of partyByName for a name.
func partyByNameParams(name string) map[string]any {
	return map[string]any{"lower": strings.ToLower(strings.TrimSpace(name)), "id": "party:" + facts.Key(name)}
}

// PartyByName finds the party with that name, ignoring case, or else the
// best-evidenced party with that alias. It returns nil when none matches.
// Names and ids are found through their indexes; only a name that is no
// party's name makes it look through every party's aliases.
func (s *Store) PartyByName(ctx context.Context, name string) (*facts.StoredParty, error) {
	records, err := s.read(ctx, partyByNameQuery, partyByNameParams(name))
	if err != nil || len(records) == 0 {
		return nil, err
	}
	party := decodeParty(item(records[0]))
	return &party, nil
}

// PartiesByID reads parties by id.
func (s *Store) PartiesByID(ctx context.Context, ids []string) (map[string]facts.StoredParty, error) {
	return byID(ctx, s, `UNWIND $ids AS key MATCH (n:Party {id: key}) RETURN key, n`+partyProjection+` AS item`, ids, decodeParty)
}

// CourtsByID reads courts by id.
func (s *Store) CourtsByID(ctx context.Context, ids []string) (map[string]facts.StoredCourt, error) {
	return byID(ctx, s, `UNWIND $ids AS key MATCH (n:Court {id: key}) RETURN key, n`+courtProjection+` AS item`, ids, decodeCourt)
}

// CasesByID reads cases by id.
func (s *Store) CasesByID(ctx context.Context, ids []string) (map[string]facts.StoredCase, error) {
	return byID(ctx, s, `UNWIND $ids AS key MATCH (n:Case {id: key}) RETURN key, n`+caseProjection+` AS item`, ids, decodeCase)
}

// ArticlesByID reads articles by id.
func (s *Store) ArticlesByID(ctx context.Context, ids []string) (map[string]facts.StoredArticle, error) {
	return byID(ctx, s, `UNWIND $ids AS key MATCH (n:Article {id: key}) RETURN key, n`+articleProjection+` AS item`, ids, decodeArticle)
}

// supportProjection reads a Support node s with its two parties and case.
var supportProjection = supportProjectionOf("s")

// supportProjectionOf reads a Support node in variable v.
func supportProjectionOf(v string) string {
	return `{.id, .via, .confidence,
   supporterId: [(` + v + `)-[:BY]->(x) | x.id][0],
   supportedId: [(` + v + `)-[:BACKS]->(x) | x.id][0],
   caseId: [(` + v + `)-[:IN_CASE]->(x) | x.id][0]}`
}

// SupportsBySupported lists, per party, the supports it received.
func (s *Store) SupportsBySupported(ctx context.Context, ids []string) (map[string][]facts.StoredSupport, error) {
	return grouped(ctx, s, `
UNWIND $ids AS key
MATCH (:Party {id: key})<-[:BACKS]-(s:Support)-[:BY]->(by:Party)
WITH key, s ORDER BY by.nameLower, s.id
RETURN key, s`+supportProjection+` AS item`, ids, decodeSupport)
}

// SupportsBySupporter lists, per party, the supports it gave.
func (s *Store) SupportsBySupporter(ctx context.Context, ids []string) (map[string][]facts.StoredSupport, error) {
	return grouped(ctx, s, `
UNWIND $ids AS key
MATCH (:Party {id: key})<-[:BY]-(s:Support)
OPTIONAL MATCH (s)-[:BACKS]->(backed:Party)
WITH key, s ORDER BY backed.nameLower, s.id
RETURN key, s`+supportProjection+` AS item`, ids, decodeSupport)
}

// SupportsByCase lists, per case, the supports given in it.
func (s *Store) SupportsByCase(ctx context.Context, ids []string) (map[string][]facts.StoredSupport, error) {
	return grouped(ctx, s, `
UNWIND $ids AS key
MATCH (:Case {id: key})<-[:IN_CASE]-(s:Support)-[:BY]->(by:Party)
WITH key, s ORDER BY by.nameLower, s.id
RETURN key, s`+supportProjection+` AS item`, ids, decodeSupport)
}

// argumentProjection reads an Argument node a with its author and case.
var argumentProjection = argumentProjectionOf("a")

// argumentProjectionOf reads an Argument node in variable v.
func argumentProjectionOf(v string) string {
	return `{.id, .claim, .confidence,
   byId: [(x)-[:ARGUES]->(` + v + `) | x.id][0],
   caseId: [(` + v + `)-[:IN_CASE]->(x) | x.id][0]}`
}

// ArgumentsByParty lists, per party, its arguments (grounds of its
// supports included).
func (s *Store) ArgumentsByParty(ctx context.Context, ids []string) (map[string][]facts.StoredArgument, error) {
	return grouped(ctx, s, `
UNWIND $ids AS key
MATCH (:Party {id: key})-[:ARGUES]->(a:Argument)
CALL { WITH a
  OPTIONAL MATCH (a)-[:EVIDENCED_BY]->(e:Evidence)-[:FROM]->(art:Article)
  RETURN art.title AS title, e.start AS start ORDER BY title, start LIMIT 1 }
WITH key, a ORDER BY title, start, a.id
RETURN key, a`+argumentProjection+` AS item`, ids, decodeArgument)
}

// ArgumentsByCase lists, per case, the arguments made in it.
func (s *Store) ArgumentsByCase(ctx context.Context, ids []string) (map[string][]facts.StoredArgument, error) {
	return grouped(ctx, s, `
UNWIND $ids AS key
MATCH (:Case {id: key})<-[:IN_CASE]-(a:Argument)
WHERE NOT (a)<-[:ON_GROUNDS]-()
CALL { WITH a
  OPTIONAL MATCH (a)-[:EVIDENCED_BY]->(e:Evidence)-[:FROM]->(art:Article)
  RETURN art.title AS title, e.start AS start ORDER BY title, start LIMIT 1 }
WITH key, a ORDER BY title, start, a.id
RETURN key, a`+argumentProjection+` AS item`, ids, decodeArgument)
}

// GroundsBySupport lists, per support, the supporter's grounds.
func (s *Store) GroundsBySupport(ctx context.Context, ids []string) (map[string][]facts.StoredArgument, error) {
	return grouped(ctx, s, `
UNWIND $ids AS key
MATCH (:Support {id: key})-[:ON_GROUNDS]->(a:Argument)
WITH key, a ORDER BY a.claim, a.id
RETURN key, a`+argumentProjection+` AS item`, ids, decodeArgument)
}

// OpponentsByParty lists, per party, the parties on the other side of any
// of its cases.
func (s *Store) OpponentsByParty(ctx context.Context, ids []string) (map[string][]facts.StoredParty, error) {
	return grouped(ctx, s, `
UNWIND $ids AS key
MATCH (p:Party {id: key})-[mine:PARTY_TO]->(:Case)<-[theirs:PARTY_TO]-(o:Party)
WHERE mine.side <> theirs.side AND o <> p
WITH DISTINCT key, o ORDER BY o.nameLower, o.id
RETURN key, o`+partyProjection+` AS item`, ids, decodeParty)
}

// CasesByParty lists, per party, the cases it is a party to.
func (s *Store) CasesByParty(ctx context.Context, ids []string) (map[string][]facts.StoredCase, error) {
	return grouped(ctx, s, `
UNWIND $ids AS key
MATCH (:Party {id: key})-[:PARTY_TO]->(c:Case)
WITH DISTINCT key, c ORDER BY c.name, c.id
RETURN key, c`+caseProjection+` AS item`, ids, decodeCase)
}

// PartiesByCase lists, per case, its parties with their sides.
func (s *Store) PartiesByCase(ctx context.Context, ids []string) (map[string][]facts.CaseParty, error) {
	return grouped(ctx, s, `
UNWIND $ids AS key
MATCH (c:Case {id: key})<-[r:PARTY_TO]-(p:Party)
WITH key, c, r, p ORDER BY r.side, p.nameLower, p.id
RETURN key, {caseId: c.id, partyId: p.id, side: r.side} AS item`, ids, decodeCaseParty)
}

// rulingProjection reads a Ruling node r with its court, party and case.
var rulingProjection = rulingProjectionOf("r")

// rulingProjectionOf reads a Ruling node in variable v.
func rulingProjectionOf(v string) string {
	return `{.id, .summary, .date, .confidence,
   courtId: [(` + v + `)-[:BY_COURT]->(x) | x.id][0],
   favorsId: [(` + v + `)-[:FAVORS]->(x) | x.id][0],
   caseId: [(` + v + `)-[:IN_CASE]->(x) | x.id][0]}`
}

// RulingsByCourt lists, per court, its rulings.
func (s *Store) RulingsByCourt(ctx context.Context, ids []string) (map[string][]facts.StoredRuling, error) {
	return grouped(ctx, s, `
UNWIND $ids AS key
MATCH (:Court {id: key})<-[:BY_COURT]-(r:Ruling)
WITH key, r ORDER BY r.summary, r.id
RETURN key, r`+rulingProjection+` AS item`, ids, decodeRuling)
}

// RulingsByCase lists, per case, its rulings.
func (s *Store) RulingsByCase(ctx context.Context, ids []string) (map[string][]facts.StoredRuling, error) {
	return grouped(ctx, s, `
UNWIND $ids AS key
MATCH (:Case {id: key})<-[:IN_CASE]-(r:Ruling)
WITH key, r ORDER BY r.summary, r.id
RETURN key, r`+rulingProjection+` AS item`, ids, decodeRuling)
}

// CourtsByCase lists, per case, the courts that heard it.
func (s *Store) CourtsByCase(ctx context.Context, ids []string) (map[string][]facts.StoredCourt, error) {
	return grouped(ctx, s, `
UNWIND $ids AS key
MATCH (:Case {id: key})-[:HEARD_IN]->(n:Court)
WITH DISTINCT key, n ORDER BY n.name, n.id
RETURN key, n`+courtProjection+` AS item`, ids, decodeCourt)
}

// JudgesByCourt lists, per court, its judges.
func (s *Store) JudgesByCourt(ctx context.Context, ids []string) (map[string][]facts.StoredJudge, error) {
	return grouped(ctx, s, `
UNWIND $ids AS key
MATCH (c:Court {id: key})<-[:SITS_ON]-(j:Judge)
WITH key, c, j ORDER BY j.name, j.id
RETURN key, {id: j.id, name: j.name, courtId: c.id} AS item`, ids, decodeJudge)
}

// PrecedentsByArgument lists, per argument, what it cites.
func (s *Store) PrecedentsByArgument(ctx context.Context, ids []string) (map[string][]facts.StoredPrecedent, error) {
	return grouped(ctx, s, `
UNWIND $ids AS key
MATCH (:Argument {id: key})-[:CITES]->(n:Precedent)
WITH key, n ORDER BY n.name, n.id
RETURN key, n`+precedentProjection+` AS item`, ids, decodePrecedent)
}

// PrecedentsByCase lists, per case, what was cited in it.
func (s *Store) PrecedentsByCase(ctx context.Context, ids []string) (map[string][]facts.StoredPrecedent, error) {
	return grouped(ctx, s, `
UNWIND $ids AS key
MATCH (:Case {id: key})-[:CITES]->(n:Precedent)
WITH key, n ORDER BY n.name, n.id
RETURN key, n`+precedentProjection+` AS item`, ids, decodePrecedent)
}

// EvidenceByFact lists, per fact, its evidence in article order. A fact
// id may be of any kind, so the fact is looked up under each fact label
// (each a unique-index seek).
func (s *Store) EvidenceByFact(ctx context.Context, ids []string) (map[string][]facts.StoredEvidence, error) {
	return grouped(ctx, s, evidenceByFactQuery, ids, decodeEvidence)
}

// evidenceByFactQuery reads the quotes of the facts with ids $ids, each
// fact looked up under every label of factLabels.
var evidenceByFactQuery = func() string {
	lookups := make([]string, len(factLabels))
	for i, label := range factLabels {
		lookups[i] = "MATCH (f:" + label + " {id: key}) RETURN f"
	}
	return `
UNWIND $ids AS key
CALL (key) {
  ` + strings.Join(lookups, "\n  UNION ") + `
}
MATCH (f)-[r:EVIDENCED_BY]->(e:Evidence)-[:FROM]->(a:Article)
WITH key, e, r, a ORDER BY a.title, a.id, e.start
RETURN key, ` + evidenceProjection("e", "r", "a") + ` AS item`
}()

// evidenceProjection reads the quote in variable e, linked to its fact by
// relationship r (which holds what the quote says of that fact), from
// the article in variable a.
func evidenceProjection(e, r, a string) string {
	return e + `{.id, .quote, .start, .end, note: ` + r + `.note, confidence: ` + r + `.confidence, articleId: ` + a + `.id}`
}

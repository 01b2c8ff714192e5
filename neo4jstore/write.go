package neo4jstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/amicus-graph/amicus/facts"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// WriteDocument writes one article's facts in one write transaction.
// Loading an article whose facts are already in the graph changes nothing;
// loading it with other facts (a reviewed document, a newer extractor)
// replaces what that article said, keeping what other articles said.
func (s *Store) WriteDocument(ctx context.Context, doc facts.Document) (facts.LoadResult, error) {
	results, err := s.WriteDocuments(ctx, []facts.Document{doc})
	var invalid *InvalidDocumentsError
	if errors.As(err, &invalid) {
		return facts.LoadResult{}, invalid.Documents[0].Err
	}
	if err != nil {
		return facts.LoadResult{}, err
	}
	return results[0], nil
}

// factsHash fingerprints everything a document says except where it was
// read from, so the same article read from another path is unchanged.
func factsHash(doc facts.Document) (string, error) {
	doc.Article.Source = ""
	data, err := json.Marshal(doc)
	if err != nil {
		return "", fmt.Errorf("hashing the document: %w", err)
	}
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:]), nil
}

// publicationDay is an article's publication date as YYYY-MM-DD, for
// date filters, or empty when the article gives none that reads as a day.
func publicationDay(publishedAt string) string {
	day, _ := facts.PublicationDay(publishedAt)
	return day
}

// collect runs one statement in tx and returns its records.
func collect(ctx context.Context, tx neo4j.ManagedTransaction, query string, params map[string]any) ([]*neo4j.Record, error) {
	result, err := tx.Run(ctx, query, params)
	if err != nil {
		return nil, err
	}
	return result.Collect(ctx)
}

// run runs one statement in tx and discards its records.
func run(ctx context.Context, tx neo4j.ManagedTransaction, query string, params map[string]any) error {
	result, err := tx.Run(ctx, query, params)
	if err != nil {
		return err
	}
	_, err = result.Consume(ctx)
	return err
}

// removeArticleFacts deletes what one article said: its evidence, its
// mark on relationships, and every fact that no other article supports.
func removeArticleFacts(ctx context.Context, tx neo4j.ManagedTransaction, articleID string) error {
	statements := []string{
		`MATCH (:Article {id: $id})<-[:FROM]-(:Evidence)<-[:EVIDENCED_BY]-(f)
		 WITH DISTINCT f
		 MATCH (f)-[r]-() WHERE $id IN coalesce(r.articles, [])
		 SET r.articles = [x IN r.articles WHERE x <> $id]
		 WITH r WHERE size(r.articles) = 0
		 DELETE r`,
		`MATCH (:Article {id: $id})<-[:FROM]-(e:Evidence)<-[:EVIDENCED_BY]-(f)
		 WITH collect(DISTINCT f) AS facts, collect(DISTINCT e) AS evidence
		 FOREACH (e IN evidence | DETACH DELETE e)
		 WITH facts
		 UNWIND facts AS f
		 WITH f WHERE NOT (f)-[:EVIDENCED_BY]->()
		 DETACH DELETE f`,
	}
	for _, statement := range statements {
		if err := run(ctx, tx, statement, map[string]any{"id": articleID}); err != nil {
			return fmt.Errorf("removing the article's earlier facts: %w", err)
		}
	}
	return nil
}

// markArticle adds the article being written to the `articles` list of
// relationship r, once: the relationship's evidence trail.
const markArticle = `r.articles = CASE WHEN row.article IN coalesce(r.articles, []) THEN r.articles
                   ELSE coalesce(r.articles, []) + row.article END`

// step is one batched write: a query that UNWINDs $rows, each row
// carrying the id of the article it comes from as row.article.
type step struct {
	name  string
	query string
	rows  []map[string]any
}

// plan is a document turned into rows for batched writes, with every name
// resolved to a graph id.
type plan struct {
	doc       facts.Document
	partyIDs  map[string]string // Key of a name or alias -> party id
	flipped   map[string]bool   // case id -> the article's sides are the graph's the other way round
	courtIDs  map[string]string // Key of a name or alias -> court id
	caseIDs   map[string]string // Key of a case name -> case id
	precIDs   map[string]string // Key of a precedent name -> precedent id
	courtRows []map[string]any
	quotes    []map[string]any            // the article's quoted spans, each once
	quoteIDs  map[string]bool             // ids of the spans in quotes
	evidence  map[string][]map[string]any // label -> links from facts to quotes
}

// newPlan resolves the names of doc to graph ids as far as they do not
// depend on the graph's courts and sides: parties (following the merges
// a researcher made), cases and precedents. merged maps a merged party's
// id to the id of the party it was merged into.
func newPlan(doc facts.Document, merged map[string]string) *plan {
	p := &plan{
		doc:      doc,
		partyIDs: map[string]string{},
		courtIDs: map[string]string{},
		caseIDs:  map[string]string{},
		precIDs:  map[string]string{},
		flipped:  map[string]bool{},
		quoteIDs: map[string]bool{},
		evidence: map[string][]map[string]any{},
	}
	for _, party := range doc.Parties {
		id := "party:" + facts.Key(party.Name)
		p.partyIDs[facts.Key(party.Name)] = id
		for _, alias := range party.Aliases {
			if _, taken := p.partyIDs[facts.Key(alias)]; !taken {
				p.partyIDs[facts.Key(alias)] = id
			}
		}
	}
	// Later articles that name a merged party write to the party it was
	// merged into (see MergeParties).
	for key, id := range p.partyIDs {
		if target, ok := merged[id]; ok {
			p.partyIDs[key] = target
		}
	}
	for _, c := range doc.Cases {
		p.caseIDs[facts.Key(c.Name)] = p.caseID(c.Name)
	}
	for _, prec := range doc.Precedents {
		p.precIDs[facts.Key(prec.Name)] = "precedent:" + facts.Key(prec.Name)
	}
	return p
}

// sidePairs are the document's litigants with the case and the side the
// article gives them, before any swap.
func (p *plan) sidePairs() []sidePair {
	var pairs []sidePair
	for _, party := range p.doc.Parties {
		if party.Side != "" && party.Case != "" {
			pairs = append(pairs, sidePair{party: p.party(party.Name), caseID: p.caseIDs[facts.Key(party.Case)], side: party.Side})
		}
	}
	return pairs
}

// caseID identifies a dispute by the parties on its two sides, in either
// order, so two articles about the same dispute share one case.
func (p *plan) caseID(name string) string {
	var sides [2][]string
	for _, party := range p.doc.Parties {
		if facts.Key(party.Case) != facts.Key(name) {
			continue
		}
		i := 0
		if party.Side == facts.SideB {
			i = 1
		}
		sides[i] = append(sides[i], strings.TrimPrefix(p.party(party.Name), "party:"))
	}
	if len(sides[0]) == 0 && len(sides[1]) == 0 {
		return "case:" + facts.Key(name)
	}
	var joined []string
	for _, side := range sides {
		sort.Strings(side)
		joined = append(joined, strings.Join(side, "+"))
	}
	sort.Strings(joined)
	return "case:" + strings.Join(joined, "~v~")
}

// resolveCourts gives each court of the document its graph id. A court the
// article names only by place ("a New York court") is the court already
// known at that place when there is exactly one; a court named in full
// takes over a lone place-only court, which gains the full name.
func (p *plan) resolveCourts(g *graphState) {
	for _, c := range p.doc.Courts {
		id := "court:" + facts.Key(c.Name)
		upgrade := false
		placeKey := facts.Key(c.Place)
		if others := g.courtsAt[placeKey]; placeKey != "" && len(others) == 1 && others[0].id != id {
			other := others[0]
			switch {
			case c.Level == "":
				id = other.id
			case other.level == "":
				id = other.id
				upgrade = true
			}
		}
		p.courtIDs[facts.Key(c.Name)] = id
		for _, alias := range c.Aliases {
			if _, taken := p.courtIDs[facts.Key(alias)]; !taken {
				p.courtIDs[facts.Key(alias)] = id
			}
		}
		aliases := append([]string{c.Name}, c.Aliases...)
		p.courtRows = append(p.courtRows, map[string]any{
			"id": id, "name": c.Name, "level": c.Level, "place": c.Place, "placeKey": placeKey,
			"aliases": dedupe(aliases), "upgrade": upgrade,
		})
		p.addEvidence("Court", id, c.Confidence, c.Evidence)
	}
}

// alignSides keeps a case's sides stable across articles: an article that
// calls side A what the graph already calls side B has its sides swapped.
func (p *plan) alignSides(g *graphState) {
	for _, pair := range p.sidePairs() {
		if side, ok := g.sides[pair.key()]; ok && side != pair.side {
			p.flipped[pair.caseID] = true
		}
	}
}

// side is the graph's name for an article's side of a case.
func (p *plan) side(caseID, side string) string {
	if !p.flipped[caseID] {
		return side
	}
	if side == facts.SideA {
		return facts.SideB
	}
	return facts.SideA
}

func (p *plan) party(name string) string { return p.partyIDs[facts.Key(name)] }
func (p *plan) court(name string) string { return p.courtIDs[facts.Key(name)] }
func (p *plan) caseOf(name string) string {
	if name == "" && len(p.doc.Cases) == 1 {
		return p.caseIDs[facts.Key(p.doc.Cases[0].Name)]
	}
	return p.caseIDs[facts.Key(name)]
}

// addEvidence records the quotes that evidence a fact. A quoted span of
// the article is one Evidence node however many facts it evidences; each
// fact links to it with its own note and confidence.
func (p *plan) addEvidence(label, factID string, confidence float64, evidence []facts.Evidence) {
	for _, e := range evidence {
		id := quoteID(p.doc.Article.ID, e.Start, e.End)
		if !p.quoteIDs[id] {
			p.quoteIDs[id] = true
			p.quotes = append(p.quotes, map[string]any{"id": id, "quote": e.Quote, "start": e.Start, "end": e.End})
		}
		p.evidence[label] = append(p.evidence[label], map[string]any{
			"quote": id, "factId": factID, "note": e.Note, "confidence": confidence,
		})
	}
}

// factLabels are the labels of the facts quotes evidence; queries name a
// fact's label from this list only, never from input.
var factLabels = []string{"Case", "Party", "Court", "Judge", "Precedent", "Argument", "Support", "Ruling"}

// quoteID identifies the span from start to end of an article's text.
func quoteID(articleID string, start, end int) string {
	return facts.ID("evidence", articleID, strconv.Itoa(start), strconv.Itoa(end))
}

// steps lists the batched writes for the plan, in an order in which every
// node exists before a relationship to it is written, and counts the
// facts of each kind the document states.
func (p *plan) steps() ([]step, map[string]int) {
	doc := p.doc
	var cases, parties, judges, precedents, claims, supports, rulings, heard []map[string]any
	counts := map[string]int{}

	for _, c := range doc.Cases {
		id := p.caseIDs[facts.Key(c.Name)]
		cases = append(cases, map[string]any{"id": id, "name": c.Name, "issue": c.Issue})
		p.addEvidence("Case", id, c.Confidence, c.Evidence)
	}
	for _, party := range doc.Parties {
		id := p.party(party.Name)
		caseID := "" // a supporter who is no litigant is party to no case
		if party.Case != "" && party.Side != "" {
			caseID = p.caseIDs[facts.Key(party.Case)]
		}
		parties = append(parties, map[string]any{
			"id": id, "name": party.Name, "nameLower": strings.ToLower(party.Name), "kind": party.Kind,
			"aliases": dedupe(append([]string{party.Name}, party.Aliases...)),
			"case":    caseID, "side": p.side(caseID, party.Side),
		})
		p.addEvidence("Party", id, party.Confidence, party.Evidence)
	}
	for _, j := range doc.Judges {
		id := "judge:" + facts.Key(j.Name)
		judges = append(judges, map[string]any{"id": id, "name": j.Name, "court": p.court(j.Court)})
		p.addEvidence("Judge", id, j.Confidence, j.Evidence)
	}
	for _, prec := range doc.Precedents {
		id := p.precIDs[facts.Key(prec.Name)]
		precedents = append(precedents, map[string]any{
			"id": id, "name": prec.Name, "kind": prec.Kind, "citation": prec.Citation,
			"case": p.caseOf(""),
		})
		p.addEvidence("Precedent", id, prec.Confidence, prec.Evidence)
	}
	for _, a := range doc.Arguments {
		by := p.party(a.By)
		id := facts.ID("argument", by, facts.Key(a.Claim))
		var cites []string
		for _, c := range a.Cites {
			cites = append(cites, p.precIDs[facts.Key(c)])
		}
		claims = append(claims, map[string]any{
			"id": id, "claim": a.Claim, "by": by, "case": p.caseOf(a.Case),
			"cites": cites, "support": "", "confidence": a.Confidence,
		})
		counts["arguments"]++
		p.addEvidence("Argument", id, a.Confidence, a.Evidence)
	}
	for _, s := range doc.Supports {
		supporter, supported, caseID := p.party(s.Supporter), p.party(s.Supported), p.caseOf(s.Case)
		id := facts.ID("support", supporter, supported, caseID)
		supports = append(supports, map[string]any{
			"id": id, "supporter": supporter, "supported": supported, "via": s.Via,
			"case": caseID, "confidence": s.Confidence,
		})
		p.addEvidence("Support", id, s.Confidence, s.Evidence)
		for _, g := range s.Grounds {
			gid := facts.ID("argument", supporter, facts.Key(g.Claim))
			claims = append(claims, map[string]any{
				"id": gid, "claim": g.Claim, "by": supporter, "support": id, "case": caseID,
				"cites": []string{}, "confidence": g.Confidence,
			})
			counts["grounds"]++
			p.addEvidence("Argument", gid, g.Confidence, g.Evidence)
		}
	}
	for _, r := range doc.Rulings {
		court := p.court(r.Court)
		caseID := p.caseOf(r.Case)
		id := facts.ID("ruling", court, caseID, facts.Key(r.Summary))
		rulings = append(rulings, map[string]any{
			"id": id, "court": court, "summary": r.Summary, "date": r.Date,
			"favors": p.party(r.Favors), "case": caseID, "confidence": r.Confidence,
		})
		p.addEvidence("Ruling", id, r.Confidence, r.Evidence)
		if court != "" && caseID != "" {
			heard = append(heard, map[string]any{"case": caseID, "court": court})
		}
	}
	if len(doc.Cases) == 1 {
		for _, row := range p.courtRows {
			heard = append(heard, map[string]any{"case": p.caseOf(""), "court": row["id"]})
		}
	}

	counts["cases"] = len(cases)
	counts["parties"] = len(parties)
	counts["courts"] = len(p.courtRows)
	counts["judges"] = len(judges)
	counts["precedents"] = len(precedents)
	counts["supports"] = len(supports)
	counts["rulings"] = len(rulings)
	for kind, n := range counts {
		if n == 0 {
			delete(counts, kind)
		}
	}

	// Supports come before claims, so that a ground finds its support.
	// Arguments and grounds are one step, in the article's order, so that
	// the first article to state a claim names it, as when loaded alone.
	steps := []step{
		{name: "cases", rows: cases, query: `
UNWIND $rows AS row
MERGE (c:Case {id: row.id})
ON CREATE SET c.name = row.name
SET c.issue = CASE WHEN row.issue <> '' THEN row.issue ELSE c.issue END`},
		{name: "parties", rows: parties, query: `
UNWIND $rows AS row
MERGE (p:Party {id: row.id})
ON CREATE SET p.name = row.name, p.nameLower = row.nameLower, p.kind = row.kind
SET p.aliases = reduce(acc = coalesce(p.aliases, []), a IN row.aliases |
      CASE WHEN a IN acc THEN acc ELSE acc + a END)
WITH p, row WHERE row.case <> ''
MATCH (c:Case {id: row.case})
MERGE (p)-[r:PARTY_TO]->(c)
SET r.side = row.side,
    ` + markArticle},
		{name: "courts", rows: p.courtRows, query: `
UNWIND $rows AS row
MERGE (c:Court {id: row.id})
ON CREATE SET c.name = row.name, c.level = row.level, c.place = row.place, c.placeKey = row.placeKey
SET c.aliases = reduce(acc = coalesce(c.aliases, []), a IN row.aliases |
      CASE WHEN a IN acc THEN acc ELSE acc + a END)
FOREACH (_ IN CASE WHEN row.upgrade THEN [1] ELSE [] END |
  SET c.name = row.name, c.level = row.level)`},
		{name: "hearings", rows: heard, query: `
UNWIND $rows AS row
MATCH (c:Case {id: row.case}), (court:Court {id: row.court})
MERGE (c)-[r:HEARD_IN]->(court)
SET ` + markArticle},
		{name: "judges", rows: judges, query: `
UNWIND $rows AS row
MERGE (j:Judge {id: row.id})
ON CREATE SET j.name = row.name
WITH j, row WHERE row.court <> ''
MATCH (c:Court {id: row.court})
MERGE (j)-[:SITS_ON]->(c)`},
		{name: "precedents", rows: precedents, query: `
UNWIND $rows AS row
MERGE (p:Precedent {id: row.id})
ON CREATE SET p.name = row.name, p.kind = row.kind
SET p.citation = CASE WHEN row.citation <> '' THEN row.citation ELSE p.citation END
WITH p, row WHERE row.case <> ''
MATCH (c:Case {id: row.case})
MERGE (c)-[r:CITES]->(p)
SET ` + markArticle},
		{name: "supports", rows: supports, query: `
UNWIND $rows AS row
MATCH (supporter:Party {id: row.supporter})
MERGE (s:Support {id: row.id})
SET s.via = CASE WHEN row.via <> '' THEN row.via ELSE s.via END,
    s.confidence = CASE WHEN s.confidence > row.confidence THEN s.confidence ELSE row.confidence END
MERGE (s)-[:BY]->(supporter)
WITH s, row, supporter
CALL {
  WITH s, row, supporter
  WITH s, row, supporter WHERE row.supported <> ''
  MATCH (supported:Party {id: row.supported})
  MERGE (s)-[:BACKS]->(supported)
  MERGE (supporter)-[r:SUPPORTS]->(supported)
  SET r.via = s.via,
      ` + markArticle + `
}
WITH s, row WHERE row.case <> ''
MATCH (c:Case {id: row.case})
MERGE (s)-[:IN_CASE]->(c)`},
		{name: "arguments and grounds", rows: claims, query: `
UNWIND $rows AS row
MATCH (by:Party {id: row.by})
MERGE (a:Argument {id: row.id})
ON CREATE SET a.claim = row.claim
SET a.confidence = CASE WHEN a.confidence > row.confidence THEN a.confidence ELSE row.confidence END
MERGE (by)-[:ARGUES]->(a)
FOREACH (pid IN row.cites |
  MERGE (prec:Precedent {id: pid})
  MERGE (a)-[:CITES]->(prec))
FOREACH (sid IN CASE WHEN row.support <> '' THEN [row.support] ELSE [] END |
  MERGE (s:Support {id: sid})
  MERGE (s)-[:ON_GROUNDS]->(a))
WITH a, row WHERE row.case <> ''
MATCH (c:Case {id: row.case})
MERGE (a)-[:IN_CASE]->(c)`},
		{name: "rulings", rows: rulings, query: `
UNWIND $rows AS row
MERGE (r:Ruling {id: row.id})
ON CREATE SET r.summary = row.summary
SET r.date = CASE WHEN row.date <> '' THEN row.date ELSE r.date END,
    r.confidence = CASE WHEN r.confidence > row.confidence THEN r.confidence ELSE row.confidence END
WITH r, row
CALL {
  WITH r, row
  WITH r, row WHERE row.court <> ''
  MATCH (c:Court {id: row.court})
  MERGE (r)-[:BY_COURT]->(c)
}
CALL {
  WITH r, row
  WITH r, row WHERE row.favors <> ''
  MATCH (p:Party {id: row.favors})
  MERGE (r)-[:FAVORS]->(p)
}
WITH r, row WHERE row.case <> ''
MATCH (c:Case {id: row.case})
MERGE (r)-[:IN_CASE]->(c)`},
	}
	// Evidence last, once every fact it belongs to exists; the article was
	// written before every step. First the quoted spans, then each fact's
	// links to them. The label comes from the fixed list below, never from
	// input.
	steps = append(steps, step{name: "quotes", rows: p.quotes, query: `
UNWIND $rows AS row
MATCH (a:Article {id: row.article})
MERGE (e:Evidence {id: row.id})
ON CREATE SET e.quote = row.quote, e.start = row.start, e.end = row.end
MERGE (e)-[:FROM]->(a)`})
	for _, label := range factLabels {
		steps = append(steps, step{name: "evidence for " + label, rows: p.evidence[label], query: `
UNWIND $rows AS row
MATCH (f:` + label + ` {id: row.factId})
MATCH (e:Evidence {id: row.quote})
MERGE (f)-[r:EVIDENCED_BY]->(e)
SET r.note = row.note, r.confidence = row.confidence`})
	}
	return steps, counts
}

// dedupe drops repeated strings (ignoring case), keeping the first.
func dedupe(list []string) []string {
	seen := map[string]bool{}
	var out []string
	for _, s := range list {
		k := strings.ToLower(strings.TrimSpace(s))
		if k == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}

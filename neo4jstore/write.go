package neo4jstore

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/amicus-graph/amicus/facts"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// WriteDocument writes one article's facts in one write transaction.
// Loading an article whose facts are already in the graph changes nothing;
// loading it with other facts (a reviewed document, a newer extractor)
// replaces what that article said, keeping what other articles said.
func (s *Store) WriteDocument(ctx context.Context, doc facts.Document) (facts.LoadResult, error) {
	if doc.Article.ID == "" {
		doc.Article.ID = facts.ArticleID(doc.Article.Text)
	}
	if err := doc.Validate(); err != nil {
		return facts.LoadResult{}, err
	}
	hash, err := factsHash(doc)
	if err != nil {
		return facts.LoadResult{}, err
	}
	session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database, AccessMode: neo4j.AccessModeWrite})
	defer session.Close(ctx)
	result, err := neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) (facts.LoadResult, error) {
		return writeDocument(ctx, tx, doc, hash)
	})
	if err != nil {
		return facts.LoadResult{}, classify(err)
	}
	return result, nil
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

func writeDocument(ctx context.Context, tx neo4j.ManagedTransaction, doc facts.Document, hash string) (facts.LoadResult, error) {
	res := facts.LoadResult{ArticleID: doc.Article.ID, Status: facts.LoadAdded, Facts: map[string]int{}}
	records, err := collect(ctx, tx, "MATCH (a:Article {id: $id}) RETURN a.factsHash AS hash", map[string]any{"id": doc.Article.ID})
	if err != nil {
		return res, err
	}
	if len(records) > 0 {
		if old, _ := records[0].Get("hash"); old == hash {
			res.Status = facts.LoadUnchanged
			return res, nil
		}
		res.Status = facts.LoadReplaced
		if err := removeArticleFacts(ctx, tx, doc.Article.ID); err != nil {
			return res, err
		}
	}
	p, err := newPlan(ctx, tx, doc)
	if err != nil {
		return res, err
	}
	for _, step := range p.steps() {
		if len(step.rows) == 0 {
			continue
		}
		params := map[string]any{"rows": step.rows, "article": doc.Article.ID}
		if err := run(ctx, tx, step.query, params); err != nil {
			return res, fmt.Errorf("writing %s: %w", step.name, err)
		}
		if step.counted {
			res.Facts[step.name] = len(step.rows)
		}
	}
	a := doc.Article
	err = run(ctx, tx, `
MERGE (a:Article {id: $id})
SET a.title = $title, a.publisher = $publisher, a.author = $author, a.url = $url,
    a.source = $source, a.publishedAt = $publishedAt, a.publishedOn = $publishedOn, a.text = $text,
    a.extractor = $extractor, a.factsHash = $hash, a.loadedAt = $loadedAt`,
		map[string]any{
			"id": a.ID, "title": a.Title, "publisher": a.Publisher, "author": a.Author, "url": a.URL,
			"source": a.Source, "publishedAt": a.PublishedAt, "publishedOn": publicationDay(a.PublishedAt), "text": a.Text,
			"extractor": doc.Extractor, "hash": hash, "loadedAt": time.Now().UTC().Format(time.RFC3339),
		})
	return res, err
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
const markArticle = `r.articles = CASE WHEN $article IN coalesce(r.articles, []) THEN r.articles
                   ELSE coalesce(r.articles, []) + $article END`

// step is one batched write: a query that UNWINDs $rows.
type step struct {
	name    string
	query   string
	rows    []map[string]any
	counted bool
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
	evidence  map[string][]map[string]any // label -> evidence rows
}

func newPlan(ctx context.Context, tx neo4j.ManagedTransaction, doc facts.Document) (*plan, error) {
	p := &plan{
		doc:      doc,
		partyIDs: map[string]string{},
		courtIDs: map[string]string{},
		caseIDs:  map[string]string{},
		precIDs:  map[string]string{},
		flipped:  map[string]bool{},
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
	if err := p.followMerges(ctx, tx); err != nil {
		return nil, err
	}
	for _, c := range doc.Cases {
		p.caseIDs[facts.Key(c.Name)] = p.caseID(c.Name)
	}
	for _, prec := range doc.Precedents {
		p.precIDs[facts.Key(prec.Name)] = "precedent:" + facts.Key(prec.Name)
	}
	if err := p.resolveCourts(ctx, tx); err != nil {
		return nil, err
	}
	if err := p.alignSides(ctx, tx); err != nil {
		return nil, err
	}
	return p, nil
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
func (p *plan) resolveCourts(ctx context.Context, tx neo4j.ManagedTransaction) error {
	var places []string
	for _, c := range p.doc.Courts {
		if c.Place != "" {
			places = append(places, facts.Key(c.Place))
		}
	}
	known := map[string][]map[string]any{} // placeKey -> courts in the graph
	if len(places) > 0 {
		records, err := collect(ctx, tx, `
MATCH (c:Court) WHERE c.placeKey IN $places
RETURN c.id AS id, c.placeKey AS placeKey, coalesce(c.level, '') AS level`, map[string]any{"places": places})
		if err != nil {
			return err
		}
		for _, r := range records {
			m := r.AsMap()
			key, _ := m["placeKey"].(string)
			known[key] = append(known[key], m)
		}
	}
	for _, c := range p.doc.Courts {
		id := "court:" + facts.Key(c.Name)
		upgrade := false
		placeKey := facts.Key(c.Place)
		if others := known[placeKey]; placeKey != "" && len(others) == 1 && others[0]["id"] != id {
			other := others[0]
			switch {
			case c.Level == "":
				id = other["id"].(string)
			case other["level"] == "":
				id = other["id"].(string)
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
	return nil
}

// followMerges points the document's parties at the parties a researcher
// merged them into (see MergeParties).
func (p *plan) followMerges(ctx context.Context, tx neo4j.ManagedTransaction) error {
	var ids []string
	for _, id := range p.partyIDs {
		ids = append(ids, id)
	}
	if len(ids) == 0 {
		return nil
	}
	records, err := collect(ctx, tx, `
UNWIND $ids AS id
MATCH (x:MergedParty {id: id})
RETURN id, x.into AS into`, map[string]any{"ids": ids})
	if err != nil {
		return err
	}
	into := map[string]string{}
	for _, r := range records {
		m := r.AsMap()
		into[m["id"].(string)] = m["into"].(string)
	}
	for key, id := range p.partyIDs {
		if target, ok := into[id]; ok {
			p.partyIDs[key] = target
		}
	}
	return nil
}

// alignSides keeps a case's sides stable across articles: an article that
// calls side A what the graph already calls side B has its sides swapped.
func (p *plan) alignSides(ctx context.Context, tx neo4j.ManagedTransaction) error {
	var rows []map[string]any
	for _, party := range p.doc.Parties {
		if party.Side != "" && party.Case != "" {
			rows = append(rows, map[string]any{
				"party": p.party(party.Name), "case": p.caseIDs[facts.Key(party.Case)], "side": party.Side,
			})
		}
	}
	if len(rows) == 0 {
		return nil
	}
	records, err := collect(ctx, tx, `
UNWIND $rows AS row
MATCH (:Party {id: row.party})-[r:PARTY_TO]->(:Case {id: row.case})
RETURN row.case AS case, r.side <> row.side AS opposite`, map[string]any{"rows": rows})
	if err != nil {
		return err
	}
	for _, r := range records {
		m := r.AsMap()
		if opposite, _ := m["opposite"].(bool); opposite {
			p.flipped[m["case"].(string)] = true
		}
	}
	return nil
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

func (p *plan) addEvidence(label, factID string, confidence float64, evidence []facts.Evidence) {
	for _, e := range evidence {
		p.evidence[label] = append(p.evidence[label], map[string]any{
			"id":     facts.ID("evidence", p.doc.Article.ID, factID, strconv.Itoa(e.Start), strconv.Itoa(e.End)),
			"factId": factID, "quote": e.Quote, "start": e.Start, "end": e.End, "note": e.Note,
			"confidence": confidence,
		})
	}
}

// steps lists the batched writes for the plan, in an order in which every
// node exists before a relationship to it is written.
func (p *plan) steps() []step {
	doc := p.doc
	var cases, parties, judges, precedents, arguments, supports, grounds, rulings, heard []map[string]any

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
		arguments = append(arguments, map[string]any{
			"id": id, "claim": a.Claim, "by": by, "case": p.caseOf(a.Case),
			"cites": cites, "confidence": a.Confidence,
		})
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
			grounds = append(grounds, map[string]any{
				"id": gid, "claim": g.Claim, "by": supporter, "support": id, "case": caseID,
				"confidence": g.Confidence,
			})
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

	steps := []step{
		{name: "cases", counted: true, rows: cases, query: `
UNWIND $rows AS row
MERGE (c:Case {id: row.id})
ON CREATE SET c.name = row.name
SET c.issue = CASE WHEN row.issue <> '' THEN row.issue ELSE c.issue END`},
		{name: "parties", counted: true, rows: parties, query: `
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
		{name: "courts", counted: true, rows: p.courtRows, query: `
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
		{name: "judges", counted: true, rows: judges, query: `
UNWIND $rows AS row
MERGE (j:Judge {id: row.id})
ON CREATE SET j.name = row.name
WITH j, row WHERE row.court <> ''
MATCH (c:Court {id: row.court})
MERGE (j)-[:SITS_ON]->(c)`},
		{name: "precedents", counted: true, rows: precedents, query: `
UNWIND $rows AS row
MERGE (p:Precedent {id: row.id})
ON CREATE SET p.name = row.name, p.kind = row.kind
SET p.citation = CASE WHEN row.citation <> '' THEN row.citation ELSE p.citation END
WITH p, row WHERE row.case <> ''
MATCH (c:Case {id: row.case})
MERGE (c)-[r:CITES]->(p)
SET ` + markArticle},
		{name: "arguments", counted: true, rows: arguments, query: `
UNWIND $rows AS row
MATCH (by:Party {id: row.by})
MERGE (a:Argument {id: row.id})
ON CREATE SET a.claim = row.claim
SET a.confidence = CASE WHEN a.confidence > row.confidence THEN a.confidence ELSE row.confidence END
MERGE (by)-[:ARGUES]->(a)
FOREACH (pid IN row.cites |
  MERGE (prec:Precedent {id: pid})
  MERGE (a)-[:CITES]->(prec))
WITH a, row WHERE row.case <> ''
MATCH (c:Case {id: row.case})
MERGE (a)-[:IN_CASE]->(c)`},
		{name: "supports", counted: true, rows: supports, query: `
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
		{name: "grounds", counted: true, rows: grounds, query: `
UNWIND $rows AS row
MATCH (by:Party {id: row.by}), (s:Support {id: row.support})
MERGE (a:Argument {id: row.id})
ON CREATE SET a.claim = row.claim
SET a.confidence = CASE WHEN a.confidence > row.confidence THEN a.confidence ELSE row.confidence END
MERGE (by)-[:ARGUES]->(a)
MERGE (s)-[:ON_GROUNDS]->(a)
WITH a, row WHERE row.case <> ''
MATCH (c:Case {id: row.case})
MERGE (a)-[:IN_CASE]->(c)`},
		{name: "rulings", counted: true, rows: rulings, query: `
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
	// Evidence last, once every fact it belongs to exists. The label comes
	// from the fixed list below, never from input.
	for _, label := range []string{"Case", "Party", "Court", "Judge", "Precedent", "Argument", "Support", "Ruling"} {
		steps = append(steps, step{name: "evidence for " + label, rows: p.evidence[label], query: `
UNWIND $rows AS row
MATCH (f:` + label + ` {id: row.factId})
MERGE (a:Article {id: $article})
MERGE (e:Evidence {id: row.id})
SET e.factId = row.factId, e.quote = row.quote, e.start = row.start, e.end = row.end,
    e.note = row.note, e.confidence = row.confidence
MERGE (f)-[:EVIDENCED_BY]->(e)
MERGE (e)-[:FROM]->(a)`})
	}
	return steps
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

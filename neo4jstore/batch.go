package neo4jstore

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/amicus-graph/amicus/facts"
	"github.com/neo4j/neo4j-go-driver/v5/neo4j"
)

// InvalidDocument is a document of a batch that was not written because
// it is not valid.
type InvalidDocument struct {
	// Index is the document's place in the batch.
	Index int
	// Source is where the document was read from, or its title when the
	// source is not known.
	Source string
	// Err says what is wrong; its code is facts.ECodeInvalid.
	Err error
}

// InvalidDocumentsError reports the documents of a batch that were
// rejected before the write. Every other document of the batch was
// written.
type InvalidDocumentsError struct {
	Documents []InvalidDocument
}

// Error names each rejected document and what is wrong with it.
func (e *InvalidDocumentsError) Error() string {
	var parts []string
	for _, d := range e.Documents {
		parts = append(parts, fmt.Sprintf("%s: %v", d.Source, d.Err))
	}
	return fmt.Sprintf("%d invalid documents were not written: %s", len(e.Documents), strings.Join(parts, "; "))
}

// Unwrap gives the errors of the rejected documents, so that
// facts.ErrorCode finds their code.
func (e *InvalidDocumentsError) Unwrap() []error {
	errs := make([]error, 0, len(e.Documents))
	for _, d := range e.Documents {
		errs = append(errs, d.Err)
	}
	return errs
}

// keepPlan opens every statement of a batch write. Neo4j plans a query
// again whenever the graph has grown or shrunk a lot since it planned it;
// while a large load fills an empty graph, that is every statement several
// times (seven or eight over 10,000 articles, when planning took about a
// fifth of Neo4j's time in these statements).
// These statements find every node through an index (a uniquely
// constrained id, or a court's place), so the plan made on an empty graph
// also suits a large one, and Neo4j is told to keep the first plan.
// TestBatchPlansSeekOnAnEmptyGraph holds them to that.
const keepPlan = "CYPHER replan=skip\n"

// The statements a batch runs besides its steps (see plan.steps), each
// run with keepPlan.
const (
	// storedHashesQuery reads the fingerprint of the facts of each of
	// $ids already in the graph.
	storedHashesQuery = `
UNWIND $ids AS id
MATCH (a:Article {id: id})
RETURN id, coalesce(a.factsHash, '') AS hash`
	// mergesQuery reads which of $ids are parties merged into another.
	mergesQuery = `
UNWIND $ids AS id
MATCH (x:MergedParty {id: id})
RETURN DISTINCT id, x.into AS into`
	// sidesQuery reads the side of each party of $rows in its case.
	sidesQuery = `
UNWIND $rows AS row
MATCH (:Party {id: row.party})-[r:PARTY_TO]->(:Case {id: row.case})
RETURN row.party AS party, row.case AS case, r.side AS side`
	// courtsQuery reads the courts at $places and the courts with $ids.
	courtsQuery = `
MATCH (c:Court) WHERE c.placeKey IN $places
RETURN c.id AS id, coalesce(c.placeKey, '') AS placeKey, coalesce(c.level, '') AS level
UNION
MATCH (c:Court) WHERE c.id IN $ids
RETURN c.id AS id, coalesce(c.placeKey, '') AS placeKey, coalesce(c.level, '') AS level`
	// articlesQuery writes the articles of $rows.
	articlesQuery = `
UNWIND $rows AS row
MERGE (a:Article {id: row.id})
SET a.title = row.title, a.publisher = row.publisher, a.author = row.author, a.url = row.url,
    a.source = row.source, a.publishedAt = row.publishedAt, a.publishedOn = row.publishedOn, a.text = row.text,
    a.extractor = row.extractor, a.factsHash = row.hash, a.loadedAt = row.loadedAt`
)

// validDocument is a document of a batch that passed validation, with its
// place in the batch and the fingerprint of its facts.
type validDocument struct {
	index int
	doc   facts.Document
	hash  string
}

// WriteDocuments writes many articles' facts in one write transaction,
// with a handful of statements for the whole batch: the batch lands whole
// or not at all. The graph ends as if the documents had been written one
// by one with WriteDocument, in order, and each result says what writing
// that document did (added, replaced or unchanged).
//
// Invalid documents are found before anything is written: they are left
// out, the others are written, and the error is an *InvalidDocumentsError
// naming each one by its source. The results then hold a zero LoadResult
// for every document left out.
func (s *Store) WriteDocuments(ctx context.Context, docs []facts.Document) ([]facts.LoadResult, error) {
	results := make([]facts.LoadResult, len(docs))
	var valid []validDocument
	var invalid []InvalidDocument
	for i, doc := range docs {
		if doc.Article.ID == "" {
			doc.Article.ID = facts.ArticleID(doc.Article.Text)
		}
		err := doc.Validate()
		var hash string
		if err == nil {
			hash, err = factsHash(doc)
		}
		if err != nil {
			source := doc.Article.Source
			if source == "" {
				source = fmt.Sprintf("document %d (%q)", i+1, doc.Article.Title)
			}
			invalid = append(invalid, InvalidDocument{Index: i, Source: source, Err: err})
			continue
		}
		valid = append(valid, validDocument{index: i, doc: doc, hash: hash})
	}
	if len(valid) > 0 {
		session := s.driver.NewSession(ctx, neo4j.SessionConfig{DatabaseName: s.database, AccessMode: neo4j.AccessModeWrite})
		defer session.Close(ctx)
		written, err := neo4j.ExecuteWrite(ctx, session, func(tx neo4j.ManagedTransaction) ([]facts.LoadResult, error) {
			return writeBatch(ctx, tx, valid)
		})
		if err != nil {
			return nil, classify(err)
		}
		for i, v := range valid {
			results[v.index] = written[i]
		}
	}
	if len(invalid) > 0 {
		return results, &InvalidDocumentsError{Documents: invalid}
	}
	return results, nil
}

// writeBatch writes docs in tx. New articles are written together in
// runs; an article that replaces one already in the graph (or earlier in
// the batch) has its old facts removed and is written on its own, after
// the articles before it, exactly as when loading one by one.
func writeBatch(ctx context.Context, tx neo4j.ManagedTransaction, docs []validDocument) ([]facts.LoadResult, error) {
	ids := make([]string, 0, len(docs))
	for _, d := range docs {
		ids = append(ids, d.doc.Article.ID)
	}
	records, err := collect(ctx, tx, keepPlan+storedHashesQuery, map[string]any{"ids": ids})
	if err != nil {
		return nil, err
	}
	hashes := map[string]string{} // article id -> fingerprint of the facts in the graph
	for _, r := range records {
		m := r.AsMap()
		hashes[m["id"].(string)] = m["hash"].(string)
	}

	results := make([]facts.LoadResult, len(docs))
	var run []int // indexes into docs of new articles not yet written
	flush := func() error {
		if len(run) == 0 {
			return nil
		}
		err := writeRun(ctx, tx, docs, run, results)
		run = nil
		return err
	}
	for i, d := range docs {
		id := d.doc.Article.ID
		results[i] = facts.LoadResult{ArticleID: id, Status: facts.LoadAdded, Facts: map[string]int{}}
		old, known := hashes[id]
		hashes[id] = d.hash
		switch {
		case known && old == d.hash:
			results[i].Status = facts.LoadUnchanged
		case known:
			results[i].Status = facts.LoadReplaced
			if err := flush(); err != nil {
				return nil, err
			}
			if err := removeArticleFacts(ctx, tx, id); err != nil {
				return nil, err
			}
			run = []int{i}
			if err := flush(); err != nil {
				return nil, err
			}
		default:
			run = append(run, i)
		}
	}
	if err := flush(); err != nil {
		return nil, err
	}
	return results, nil
}

// writeRun writes the documents docs[run...], none of them in the graph
// yet: it reads what their planning needs from the graph in a few
// queries, plans them one after another in memory as if each were written
// before the next is planned, then writes all their rows step by step.
func writeRun(ctx context.Context, tx neo4j.ManagedTransaction, docs []validDocument, run []int, results []facts.LoadResult) error {
	var merged []string
	for _, i := range run {
		for _, party := range docs[i].doc.Parties {
			merged = append(merged, "party:"+facts.Key(party.Name))
		}
	}
	g := &graphState{}
	if err := g.readMerges(ctx, tx, merged); err != nil {
		return err
	}
	plans := make([]*plan, len(run))
	var pairs []sidePair
	var courtIDs, places []string
	for n, i := range run {
		plans[n] = newPlan(docs[i].doc, g.merged)
		pairs = append(pairs, plans[n].sidePairs()...)
		for _, c := range docs[i].doc.Courts {
			courtIDs = append(courtIDs, "court:"+facts.Key(c.Name))
			if c.Place != "" {
				places = append(places, facts.Key(c.Place))
			}
		}
	}
	if err := g.readSides(ctx, tx, pairs); err != nil {
		return err
	}
	if err := g.readCourts(ctx, tx, courtIDs, places); err != nil {
		return err
	}

	var articles []map[string]any
	var steps []step
	loadedAt := time.Now().UTC().Format(time.RFC3339)
	for n, i := range run {
		p := plans[n]
		p.resolveCourts(g)
		p.alignSides(g)
		docSteps, counts := p.steps()
		g.wrote(p)
		id := p.doc.Article.ID
		results[i].Facts = counts
		if steps == nil {
			steps = make([]step, len(docSteps))
			for k, st := range docSteps {
				steps[k] = step{name: st.name, query: st.query}
			}
		}
		for k, st := range docSteps {
			for _, row := range st.rows {
				row["article"] = id
				steps[k].rows = append(steps[k].rows, row)
			}
		}
		a := p.doc.Article
		articles = append(articles, map[string]any{
			"id": a.ID, "title": a.Title, "publisher": a.Publisher, "author": a.Author, "url": a.URL,
			"source": a.Source, "publishedAt": a.PublishedAt, "publishedOn": publicationDay(a.PublishedAt), "text": a.Text,
			"extractor": p.doc.Extractor, "hash": docs[i].hash, "loadedAt": loadedAt,
		})
	}
	err := runStep(ctx, tx, step{name: "articles", rows: articles, query: articlesQuery})
	if err != nil {
		return err
	}
	for _, st := range steps {
		if err := runStep(ctx, tx, st); err != nil {
			return err
		}
	}
	return nil
}

// runStep runs one step over all its rows, if it has any.
func runStep(ctx context.Context, tx neo4j.ManagedTransaction, st step) error {
	if len(st.rows) == 0 {
		return nil
	}
	if err := run(ctx, tx, keepPlan+st.query, map[string]any{"rows": st.rows}); err != nil {
		return fmt.Errorf("writing %s: %w", st.name, err)
	}
	return nil
}

// sidePair is a litigant's side in a case.
type sidePair struct {
	party, caseID, side string
}

func (s sidePair) key() string { return s.party + "\x00" + s.caseID }

// knownCourt is what planning needs to know of a court in the graph.
type knownCourt struct {
	id, placeKey, level string
}

// graphState is the part of the graph that planning an article depends
// on: read once for a run of articles, then kept up to date in memory as
// each article of the run is planned, so that the next one is planned
// against the graph as it will be when its turn comes.
type graphState struct {
	// merged maps a merged party's id to the party it was merged into.
	merged map[string]string
	// sides maps a party and case (sidePair.key) to the party's side.
	sides map[string]string
	// courts are the courts by id; courtsAt the courts by place key.
	courts   map[string]*knownCourt
	courtsAt map[string][]*knownCourt
}

func (g *graphState) readMerges(ctx context.Context, tx neo4j.ManagedTransaction, ids []string) error {
	g.merged = map[string]string{}
	if len(ids) == 0 {
		return nil
	}
	records, err := collect(ctx, tx, keepPlan+mergesQuery, map[string]any{"ids": ids})
	if err != nil {
		return err
	}
	for _, r := range records {
		m := r.AsMap()
		g.merged[m["id"].(string)] = m["into"].(string)
	}
	return nil
}

func (g *graphState) readSides(ctx context.Context, tx neo4j.ManagedTransaction, pairs []sidePair) error {
	g.sides = map[string]string{}
	if len(pairs) == 0 {
		return nil
	}
	seen := map[string]bool{}
	var rows []map[string]any
	for _, pair := range pairs {
		if !seen[pair.key()] {
			seen[pair.key()] = true
			rows = append(rows, map[string]any{"party": pair.party, "case": pair.caseID})
		}
	}
	records, err := collect(ctx, tx, keepPlan+sidesQuery, map[string]any{"rows": rows})
	if err != nil {
		return err
	}
	for _, r := range records {
		m := r.AsMap()
		side, _ := m["side"].(string)
		g.sides[sidePair{party: m["party"].(string), caseID: m["case"].(string)}.key()] = side
	}
	return nil
}

func (g *graphState) readCourts(ctx context.Context, tx neo4j.ManagedTransaction, ids, places []string) error {
	g.courts = map[string]*knownCourt{}
	g.courtsAt = map[string][]*knownCourt{}
	if len(ids) == 0 {
		return nil
	}
	records, err := collect(ctx, tx, keepPlan+courtsQuery, map[string]any{"ids": ids, "places": places})
	if err != nil {
		return err
	}
	for _, r := range records {
		m := r.AsMap()
		g.addCourt(&knownCourt{id: m["id"].(string), placeKey: m["placeKey"].(string), level: m["level"].(string)})
	}
	return nil
}

func (g *graphState) addCourt(c *knownCourt) {
	g.courts[c.id] = c
	if c.placeKey != "" {
		g.courtsAt[c.placeKey] = append(g.courtsAt[c.placeKey], c)
	}
}

// wrote records what writing p changes in the state: the courts it
// creates or upgrades and the sides it sets.
func (g *graphState) wrote(p *plan) {
	for _, row := range p.courtRows {
		id := row["id"].(string)
		court, ok := g.courts[id]
		if !ok {
			court = &knownCourt{id: id, placeKey: row["placeKey"].(string), level: row["level"].(string)}
			g.addCourt(court)
		}
		if row["upgrade"].(bool) {
			court.level = row["level"].(string)
		}
	}
	for _, pair := range p.sidePairs() {
		g.sides[pair.key()] = p.side(pair.caseID, pair.side)
	}
}

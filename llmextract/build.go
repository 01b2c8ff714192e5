package llmextract

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/amicus-graph/amicus/facts"
)

// Rejections counts the facts of a model's answer that were not kept.
type Rejections struct {
	// QuoteNotFound counts facts whose evidence quote is not in the article.
	QuoteNotFound int
	// UnknownReference counts facts, and citations of arguments, that name
	// a party, court, case or precedent the kept facts do not contain; a
	// support's grounds fall with their support and are counted here.
	UnknownReference int
	// Incomplete counts facts missing what they cannot do without (a name,
	// a claim, a summary) or with a kind the format does not know.
	Incomplete int
}

// Total is the number of rejections of every kind.
func (r Rejections) Total() int { return r.QuoteNotFound + r.UnknownReference + r.Incomplete }

// String says what was rejected, without the rejected text.
func (r Rejections) String() string {
	var parts []string
	if r.QuoteNotFound > 0 {
		parts = append(parts, fmt.Sprintf("%d facts whose quotes are not in the article", r.QuoteNotFound))
	}
	if r.UnknownReference > 0 {
		parts = append(parts, fmt.Sprintf("%d that name parties, courts, cases or precedents it does not contain", r.UnknownReference))
	}
	if r.Incomplete > 0 {
		parts = append(parts, fmt.Sprintf("%d that are incomplete", r.Incomplete))
	}
	if len(parts) == 0 {
		return "no facts"
	}
	return strings.Join(parts, ", ")
}

// certainty maps the model's certainty to a confidence. The model's own
// judgement is discounted: a quote proves the text exists, not that the
// model read it right.
var certainty = map[string]float64{"high": 0.8, "medium": 0.6, "low": 0.4}

// defaultConfidence is the confidence of a fact whose certainty the model
// did not give in a known word.
const defaultConfidence = 0.5

func confidence(word string) float64 {
	if c, ok := certainty[strings.ToLower(strings.TrimSpace(word))]; ok {
		return c
	}
	return defaultConfidence
}

// builder turns an answer into a document, keeping only what it can prove.
type builder struct {
	text     string
	doc      facts.Document
	rejected Rejections
	// names of the facts kept so far, by facts.Key, mapped to the index of
	// the fact in its list.
	cases, parties, courts, precedents map[string]int
}

// buildDocument maps a model's answer onto the article, dropping every
// fact it cannot prove. The document it returns passes Validate.
func buildDocument(article facts.Article, a answer) (facts.Document, Rejections) {
	b := &builder{
		text:       article.Text,
		cases:      map[string]int{},
		parties:    map[string]int{},
		courts:     map[string]int{},
		precedents: map[string]int{},
	}
	b.doc = facts.Document{
		Version: facts.FormatVersion,
		Article: article,
		// Lists are never null in the JSON, as with the rule extractor.
		Cases: []facts.Case{}, Parties: []facts.Party{}, Courts: []facts.Court{},
		Judges: []facts.Judge{}, Precedents: []facts.Precedent{}, Arguments: []facts.Argument{},
		Supports: []facts.Support{}, Rulings: []facts.Ruling{},
	}
	for _, c := range a.Cases {
		b.addCase(c)
	}
	for _, p := range a.Parties {
		b.addParty(p)
	}
	for _, c := range a.Courts {
		b.addCourt(c)
	}
	for _, j := range a.Judges {
		b.addJudge(j)
	}
	for _, p := range a.Precedents {
		b.addPrecedent(p)
	}
	for _, arg := range a.Arguments {
		b.addArgument(arg)
	}
	for _, s := range a.Supports {
		b.addSupport(s)
	}
	for _, r := range a.Rulings {
		b.addRuling(r)
	}
	return b.doc, b.rejected
}

// evidence finds quote in the article text. ok is false, and the fact
// should be rejected, when the quote is empty or not there verbatim.
func (b *builder) evidence(quote string) (facts.Evidence, bool) {
	quote = strings.TrimSpace(quote)
	if quote == "" {
		return facts.Evidence{}, false
	}
	at := strings.Index(b.text, quote)
	if at < 0 {
		return facts.Evidence{}, false
	}
	start := utf8.RuneCountInString(b.text[:at])
	return facts.Evidence{Quote: quote, Start: start, End: start + utf8.RuneCountInString(quote)}, true
}

// known reports whether name is empty or names a fact in set, and returns
// the name the document uses for it.
func known(set map[string]int, name string) (string, bool) {
	name = strings.TrimSpace(name)
	if name == "" {
		return "", true
	}
	_, ok := set[facts.Key(name)]
	return name, ok
}

// addEvidence appends e to list unless it is already there.
func addEvidence(list []facts.Evidence, e facts.Evidence) []facts.Evidence {
	for _, have := range list {
		if have.Start == e.Start && have.End == e.End {
			return list
		}
	}
	return append(list, e)
}

// usableName is a name whose key is not empty: "The" or "Inc." name nothing.
func usableName(name string) bool { return facts.Key(name) != "" }

func (b *builder) addCase(c answerCase) {
	name := strings.TrimSpace(c.Name)
	if !usableName(name) {
		b.rejected.Incomplete++
		return
	}
	ev, ok := b.evidence(c.Quote)
	if !ok {
		b.rejected.QuoteNotFound++
		return
	}
	if i, seen := b.cases[facts.Key(name)]; seen {
		b.doc.Cases[i].Evidence = addEvidence(b.doc.Cases[i].Evidence, ev)
		return
	}
	b.cases[facts.Key(name)] = len(b.doc.Cases)
	b.doc.Cases = append(b.doc.Cases, facts.Case{
		Name: name, Issue: strings.TrimSpace(c.Issue), Confidence: confidence(c.Certainty), Evidence: []facts.Evidence{ev},
	})
}

// caseOf resolves a fact's case reference. An empty reference stays empty.
func (b *builder) caseOf(name string) (string, bool) { return known(b.cases, name) }

func (b *builder) addParty(p answerParty) {
	name := strings.TrimSpace(p.Name)
	switch p.Kind {
	case facts.KindCompany, facts.KindGovernment, facts.KindAgency, facts.KindPerson, facts.KindGroup:
	default:
		b.rejected.Incomplete++
		return
	}
	side := strings.TrimSpace(p.Side)
	if !usableName(name) || (side != "" && side != facts.SideA && side != facts.SideB) {
		b.rejected.Incomplete++
		return
	}
	ev, ok := b.evidence(p.Quote)
	if !ok {
		b.rejected.QuoteNotFound++
		return
	}
	caseName, ok := b.caseOf(p.Case)
	if !ok {
		b.rejected.UnknownReference++
		return
	}
	if side != "" && caseName == "" {
		// A side means nothing without its case; with one case in the
		// article it can only be that one.
		if len(b.doc.Cases) == 1 {
			caseName = b.doc.Cases[0].Name
		} else {
			side = ""
		}
	}
	if side == "" {
		caseName = ""
	}
	key := facts.Key(name)
	if i, seen := b.parties[key]; seen {
		b.doc.Parties[i].Evidence = addEvidence(b.doc.Parties[i].Evidence, ev)
		return
	}
	index := len(b.doc.Parties)
	b.parties[key] = index
	var aliases []string
	for _, alias := range p.Aliases {
		alias = strings.TrimSpace(alias)
		if _, taken := b.parties[facts.Key(alias)]; !usableName(alias) || taken {
			continue
		}
		b.parties[facts.Key(alias)] = index
		aliases = append(aliases, alias)
	}
	if aliases == nil {
		aliases = []string{}
	}
	b.doc.Parties = append(b.doc.Parties, facts.Party{
		Name: name, Kind: p.Kind, Aliases: aliases, Case: caseName, Side: side,
		Confidence: confidence(p.Certainty), Evidence: []facts.Evidence{ev},
	})
}

func (b *builder) addCourt(c answerCourt) {
	name := strings.TrimSpace(c.Name)
	if !usableName(name) {
		b.rejected.Incomplete++
		return
	}
	ev, ok := b.evidence(c.Quote)
	if !ok {
		b.rejected.QuoteNotFound++
		return
	}
	key := facts.Key(name)
	if i, seen := b.courts[key]; seen {
		b.doc.Courts[i].Evidence = addEvidence(b.doc.Courts[i].Evidence, ev)
		return
	}
	index := len(b.doc.Courts)
	b.courts[key] = index
	aliases := []string{}
	for _, alias := range c.Aliases {
		alias = strings.TrimSpace(alias)
		if _, taken := b.courts[facts.Key(alias)]; !usableName(alias) || taken {
			continue
		}
		b.courts[facts.Key(alias)] = index
		aliases = append(aliases, alias)
	}
	b.doc.Courts = append(b.doc.Courts, facts.Court{
		Name: name, Aliases: aliases, Level: strings.TrimSpace(c.Level), Place: strings.TrimSpace(c.Place),
		Confidence: confidence(c.Certainty), Evidence: []facts.Evidence{ev},
	})
}

func (b *builder) addJudge(j answerJudge) {
	name := strings.TrimSpace(j.Name)
	if !usableName(name) {
		b.rejected.Incomplete++
		return
	}
	ev, ok := b.evidence(j.Quote)
	if !ok {
		b.rejected.QuoteNotFound++
		return
	}
	court, ok := known(b.courts, j.Court)
	if !ok {
		b.rejected.UnknownReference++
		return
	}
	b.doc.Judges = append(b.doc.Judges, facts.Judge{
		Name: name, Court: court, Confidence: confidence(j.Certainty), Evidence: []facts.Evidence{ev},
	})
}

func (b *builder) addPrecedent(p answerPrecedent) {
	name := strings.TrimSpace(p.Name)
	if !usableName(name) || (p.Kind != facts.PrecedentStatute && p.Kind != facts.PrecedentCase) {
		b.rejected.Incomplete++
		return
	}
	ev, ok := b.evidence(p.Quote)
	if !ok {
		b.rejected.QuoteNotFound++
		return
	}
	key := facts.Key(name)
	if i, seen := b.precedents[key]; seen {
		b.doc.Precedents[i].Evidence = addEvidence(b.doc.Precedents[i].Evidence, ev)
		return
	}
	b.precedents[key] = len(b.doc.Precedents)
	b.doc.Precedents = append(b.doc.Precedents, facts.Precedent{
		Name: name, Kind: p.Kind, Citation: strings.TrimSpace(p.Citation),
		Confidence: confidence(p.Certainty), Evidence: []facts.Evidence{ev},
	})
}

func (b *builder) addArgument(a answerArgument) {
	claim := strings.TrimSpace(a.Claim)
	if claim == "" {
		b.rejected.Incomplete++
		return
	}
	ev, ok := b.evidence(a.Quote)
	if !ok {
		b.rejected.QuoteNotFound++
		return
	}
	by, byKnown := known(b.parties, a.By)
	caseName, caseKnown := b.caseOf(a.Case)
	if by == "" || !byKnown || !caseKnown {
		b.rejected.UnknownReference++
		return
	}
	// A citation of a precedent the answer does not list is dropped; the
	// claim itself is proven by its quote and stays.
	var cites []string
	for _, c := range a.Cites {
		name, ok := known(b.precedents, c)
		if !ok {
			b.rejected.UnknownReference++
			continue
		}
		if name != "" {
			cites = append(cites, name)
		}
	}
	b.doc.Arguments = append(b.doc.Arguments, facts.Argument{
		By: by, Claim: claim, Case: caseName, Cites: cites,
		Confidence: confidence(a.Certainty), Evidence: []facts.Evidence{ev},
	})
}

func (b *builder) addSupport(s answerSupport) {
	ev, ok := b.evidence(s.Quote)
	if !ok {
		// The grounds were given for this support; without it they have
		// nothing to hang on.
		b.rejected.QuoteNotFound++
		b.rejected.UnknownReference += len(s.Grounds)
		return
	}
	supporter, supporterKnown := known(b.parties, s.Supporter)
	supported, supportedKnown := known(b.parties, s.Supported)
	caseName, caseKnown := b.caseOf(s.Case)
	if supporter == "" || !supporterKnown || !supportedKnown || !caseKnown ||
		(supported != "" && facts.Key(supported) == facts.Key(supporter)) {
		b.rejected.UnknownReference += 1 + len(s.Grounds)
		return
	}
	var grounds []facts.Ground
	for _, g := range s.Grounds {
		claim := strings.TrimSpace(g.Claim)
		if claim == "" {
			b.rejected.Incomplete++
			continue
		}
		gev, ok := b.evidence(g.Quote)
		if !ok {
			b.rejected.QuoteNotFound++
			continue
		}
		grounds = append(grounds, facts.Ground{Claim: claim, Confidence: confidence(g.Certainty), Evidence: []facts.Evidence{gev}})
	}
	b.doc.Supports = append(b.doc.Supports, facts.Support{
		Supporter: supporter, Supported: supported, Via: strings.TrimSpace(s.Via), Grounds: grounds, Case: caseName,
		Confidence: confidence(s.Certainty), Evidence: []facts.Evidence{ev},
	})
}

func (b *builder) addRuling(r answerRuling) {
	summary := strings.TrimSpace(r.Summary)
	if summary == "" {
		b.rejected.Incomplete++
		return
	}
	ev, ok := b.evidence(r.Quote)
	if !ok {
		b.rejected.QuoteNotFound++
		return
	}
	court, courtKnown := known(b.courts, r.Court)
	favors, favorsKnown := known(b.parties, r.Favors)
	caseName, caseKnown := b.caseOf(r.Case)
	if !courtKnown || !favorsKnown || !caseKnown {
		b.rejected.UnknownReference++
		return
	}
	b.doc.Rulings = append(b.doc.Rulings, facts.Ruling{
		Court: court, Summary: summary, Date: strings.TrimSpace(r.Date), Favors: favors, Case: caseName,
		Confidence: confidence(r.Certainty), Evidence: []facts.Evidence{ev},
	})
}

package extract

import (
	"strings"

	"github.com/amicus-graph/amicus/facts"
)

// precedent is a statute or case cited in the article.
type precedent struct {
	name, kind, citation string
	aliases              []string
	conf                 float64
	sents                []int
	notes                []string
	// sides of a case citation, to tell the dispute itself from a precedent
	plaintiff, defendant string
}

// Citation patterns, in the spirit of Free Law Project's eyecite.
var (
	// reporter is a law reporter abbreviation in a full case citation.
	reporter = `(?:U\.S\.|S\. ?Ct\.|L\. ?Ed\.(?: ?2d)?|F\.(?: ?2d| ?3d| ?4th)?|F\. ?Supp\.(?: ?2d| ?3d)?|F\. ?App'x|` +
		`F\.R\.D\.|B\.R\.|A\.(?:2d|3d)?|N\.E\.(?:2d|3d)?|N\.Y\.S\.(?:2d|3d)?|N\.Y\.(?:2d|3d)?|P\.(?:2d|3d)?|So\.(?: ?2d| ?3d)?|` +
		`S\.W\.(?:2d|3d)?|S\.E\.(?:2d)?|N\.W\.(?:2d)?|Cal\.(?: ?App\.)?(?: ?\d(?:d|th))?|WL|E\.C\.R\.|ECR|I-?)`
	// fullCitation is "829 F.3d 197 (2d Cir. 2016)" or "340 U.S. 36 (1950)".
	fullCitation = `\d+ ` + reporter + ` (?:\d+|_+)(?:, \d+)?(?: \([^()]{0,40}?\d{4}\))?`
	// partyName is one side of a case name: capitalised words with
	// connectors, and a corporate suffix after a comma.
	partyName = `[A-Z][\w.&'-]*(?: (?:(?:of|the|de|for|and|&|ex rel\.) )*[A-Z][\w.&'-]*)*(?:, (?:Inc|Corp|Co|Ltd|LLC|N\.A)\.?)?`

	caseNameRe = mustCompile(`(` + partyName + `) (?:v\.?|vs\.|versus) (` + partyName + `)(?:,? (` + fullCitation + `))?`)
	// neutralCitation is a European or UK neutral citation.
	neutralCitation = mustCompile(`\b(?:Case C-\d+/\d+|\[\d{4}\] (?:UKSC|EWCA Civ|EWHC|IESC|IEHC|IECA) \d+)`)
	codeSection     = mustCompile(`\b\d+ (?:U\.S\.C\.|C\.F\.R\.)(?: ?§§?| Sec(?:tion|\.)?)? ?\d+[a-z]?(?:\.\d+)*(?:\([a-z0-9]+\))*`)
	statuteName     = mustCompile(`\b(?:(?:[A-Z][A-Za-z'-]*|[A-Z]+)(?: (?:(?:of|and|the|for|on|to|in|&) )*(?:[A-Z][A-Za-z'-]*|\d+|\([A-Z][A-Za-z ]+\)))* )?` +
		// "Charter of Widget Rights of the Union", "Treaty on the Making of
		// …"; a year: "Widget Act 1996", "Act, 2000"
		`(?:(?:Charter|Treaty|Convention|Statute) (?:of|on) (?:the )?[A-Z][A-Za-z'-]*(?: (?:(?:of|the|and) )*[A-Z][A-Za-z'-]*)*|` + statuteHeads + `\b)` +
		`(?: of \d{4}|,? (?:19|20)\d\d\b)?`)
	// lawNumber is a numbered European law or a bill: "Directive
	// 2031/12/EU", "Regulation (EU) 2030/101", "House Bill 77".
	lawNumber = mustCompile(`\b(?:(?:Directive|Regulation) (?:\((?:EU|EC|EEC)\) )?(?:No\.? )?\d{2,4}/\d+(?:/(?:EC|EU|EEC))?|(?:Senate|House|Assembly) Bill (?:No\. )?\d+)`)
	// stateCode is a section of a state's code: "RCW 19.86.020".
	stateCode = mustCompile(`\b(?:ORS|RCW|MCL|NRS|O\.C\.G\.A\.|Gen\. Stat\.) (?:§ ?)?\d+[A-Za-z]?(?:[.-]\d+[A-Za-z]?)*(?:/\d+)?`)
	// stateCodeHints are the literal words every stateCode match holds.
	stateCodeHints = []string{"ORS ", "RCW ", "MCL ", "NRS ", "O.C.G.A. ", "Gen. Stat. "}
	// statuteStopwords open a statute's name only because they open the
	// sentence or a phrase ("Under the Widget Act").
	statuteStopwords = setOf("The", "A", "An", "In", "On", "At", "By", "With", "Under", "For", "From", "To", "Of",
		"And", "But", "Or", "After", "Before", "Since", "While", "Although", "Because", "If", "When", "Despite",
		"Through", "That", "This", "Its", "Their", "His", "Her", "Both", "Neither", "Either", "Citing", "Applying")
	acronymAlias = mustCompile(`^(?:,? or (?:the )?|,? \((?:the )?)([A-Z][A-Za-z]*(?: [A-Z][A-Za-z]+)?)\)?`)
	sectionOf    = mustCompile(`\b(?:(?:Article|article) [IVXLC\d]+, )?(?:Section|section|Article|article) (\d+[a-z]?(?:\([a-z0-9]+\))*) of (?:the )?$`)
	shortID      = mustCompile(`\b[Ii]d\.(?: at \d+)?`)
	supraRe      = mustCompile(`\b([A-Z][\w'-]+), supra\b`)
	ordinalAmend = mustCompile(`\b(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Fourteenth) Amendment\b`)
)

func (d *doc) addPrecedent(p *precedent, si int, start, end int) *precedent {
	name, citation := d.key(p.name), d.key(p.citation)
	for _, q := range d.precedents {
		if d.key(q.name) == name || (p.citation != "" && d.key(q.citation) == citation) {
			if q.citation == "" {
				q.citation = p.citation
			}
			q.addSent(si)
			d.covered = append(d.covered, span{start, end})
			return q
		}
	}
	p.addSent(si)
	d.precedents = append(d.precedents, p)
	d.covered = append(d.covered, span{start, end})
	return p
}

func (p *precedent) addSent(si int) {
	for _, s := range p.sents {
		if s == si {
			return
		}
	}
	p.sents = append(p.sents, si)
}

// findPrecedents finds statutes and case citations.
func (d *doc) findPrecedents() {
	var lastCase *precedent
	for si, s := range d.sents {
		var caseNames [][]int
		// the hints are in lower case: the sentence's flags rule most
		// sentences out at once
		if s.may(caseHints) && mayContain(s.s, caseHints) {
			caseNames = caseNameRe.FindAllStringSubmatchIndex(s.s, -1)
		}
		for _, m := range caseNames {
			plaintiff := trimLeadingStopwords(s.s[m[2]:m[3]])
			defendant := s.s[m[4]:m[5]]
			if plaintiff == "" {
				continue
			}
			name := plaintiff + " v. " + defendant
			cite := ""
			if m[6] >= 0 {
				cite = s.s[m[6]:m[7]]
			}
			p := &precedent{name: name, kind: facts.PrecedentCase, citation: cite, conf: 0.85,
				plaintiff: plaintiff, defendant: defendant}
			if cite != "" {
				p.conf = 0.95
			}
			lastCase = d.addPrecedent(p, si, s.start+m[0], s.start+m[1])
		}
		for _, m := range findAllIf(strings.Contains(s.s, "Case C-") || strings.Contains(s.s, "] "), neutralCitation, s.s) {
			lastCase = d.addPrecedent(&precedent{name: s.s[m[0]:m[1]], kind: facts.PrecedentCase, citation: s.s[m[0]:m[1]], conf: 0.9}, si, s.start+m[0], s.start+m[1])
		}
		for _, m := range findAllIf(strings.Contains(s.s, "U.S.C.") || strings.Contains(s.s, "C.F.R."), codeSection, s.s) {
			c := s.s[m[0]:m[1]]
			d.addPrecedent(&precedent{name: c, kind: facts.PrecedentStatute, citation: c, conf: 0.95}, si, s.start+m[0], s.start+m[1])
		}
		var statutes [][]int
		if mayContain(s.s, statuteHints) {
			statutes = statuteName.FindAllStringIndex(s.s, -1)
		}
		for _, m := range findAllIf(strings.Contains(s.s, "/") || strings.Contains(s.s, " Bill "), lawNumber, s.s) {
			d.addStatute(si, s, m[0], m[1])
		}
		for _, m := range findAllIf(mayContain(s.s, stateCodeHints), stateCode, s.s) {
			c := s.s[m[0]:m[1]]
			d.addPrecedent(&precedent{name: c, kind: facts.PrecedentStatute, citation: c, conf: 0.9}, si, s.start+m[0], s.start+m[1])
		}
		statutes = splitStatuteLists(s.s, statutes)
		for _, m := range statutes {
			from := m[0] + len(s.s[m[0]:m[1]]) - len(trimStatuteStopwords(s.s[m[0]:m[1]]))
			name := s.s[from:m[1]]
			if name == "" || !strings.Contains(name, " ") && !ordinalAmend.MatchString(name) && name != "Constitution" {
				continue
			}
			if d.isCovered(s.start+m[0], s.start+m[1]) || titlesName(s.s[m[1]:]) {
				continue // "the Widget Law Project" is a group, not a law
			}
			if strings.HasSuffix(name, " Constitution") && sectionOf.FindStringIndex(s.s[:from]) == nil {
				continue // "the Widget Constitution" may be a magazine; a cited provision is not
			}
			p := &precedent{name: name, kind: facts.PrecedentStatute, conf: 0.9}
			if sm := sectionOf.FindStringSubmatchIndex(s.s[:from]); sm != nil {
				// "section 79 of the Widget Act": the provision is the precedent
				p.citation = strings.TrimSuffix(strings.TrimSuffix(s.s[sm[0]:from], "the "), " of ")
				p.name = s.s[sm[0]:m[1]]
				p.aliases = []string{name}
			}
			q := d.addPrecedent(p, si, s.start+m[0], s.start+m[1])
			// "the Protecting Online Records Act, or PORA"
			if am := acronymAlias.FindStringSubmatch(s.s[m[1]:]); am != nil {
				alias := am[1]
				if strings.ToUpper(alias) == alias || strings.HasSuffix(alias, " Act") {
					q.aliases = appendUnique(q.aliases, alias)
					end := m[1] + len(am[0])
					d.covered = append(d.covered, span{s.start + m[1], s.start + end})
				}
			}
		}
		// Short forms: "Id." and "X, supra" resolve to an earlier citation.
		if lastCase != nil {
			for _, m := range findAllIf(strings.Contains(s.low, "id."), shortID, s.s) {
				lastCase.addSent(si)
				lastCase.notes = append(lastCase.notes, "'"+s.s[m[0]:m[1]]+"' → "+lastCase.name+": the last full citation before it")
			}
		}
		for _, m := range findAllIf(strings.Contains(s.s, "supra"), supraRe, s.s) {
			m := submatches(s.s, m)
			for _, p := range d.precedents {
				if strings.HasPrefix(p.name, m[1]+" ") {
					p.addSent(si)
					p.notes = append(p.notes, "'"+m[0]+"' → "+p.name)
				}
			}
		}
	}
	// An alias written as a statute on its own ("CLOUD Act") is the same law.
	var kept []*precedent
	for _, p := range d.precedents {
		merged := false
		for _, q := range kept {
			for _, a := range q.aliases {
				if d.key(a) == d.key(p.name) {
					for _, si := range p.sents {
						q.addSent(si)
					}
					merged = true
				}
			}
		}
		if !merged {
			kept = append(kept, p)
		}
	}
	d.precedents = kept
}

// trimLeadingStopwords drops capitalised function words that open a name
// only because they open the sentence ("In Doe v. Globex").
func trimLeadingStopwords(name string) string {
	return trimLeading(name, capitalStoplist)
}

// trimLeading drops the words of stop that open name.
func trimLeading(name string, stop map[string]bool) string {
	for {
		w, rest, ok := strings.Cut(name, " ")
		if !ok || !stop[w] {
			return name
		}
		name = rest
	}
}

func appendUnique(list []string, s string) []string {
	for _, x := range list {
		if x == s {
			return list
		}
	}
	return append(list, s)
}

// trimStatuteStopwords drops function words that open a statute's name
// only because they open the sentence or a phrase, keeping words that
// belong to names ("All Widgets Act").
func trimStatuteStopwords(name string) string {
	return trimLeading(name, statuteStopwords)
}

// splitStatuteLists splits a match that joins two laws with "and" ("the
// Widget Act and Section 7 of the Gadget Act") into its laws.
func splitStatuteLists(s string, ms [][]int) [][]int {
	var out [][]int
	for _, m := range ms {
		text := s[m[0]:m[1]]
		cut := -1
		for i := strings.Index(text, " and "); i >= 0; {
			left := text[:i]
			if statuteEnd.MatchString(left) {
				cut = i
				break
			}
			j := strings.Index(text[i+1:], " and ")
			if j < 0 {
				break
			}
			i += 1 + j
		}
		if cut < 0 {
			out = append(out, m)
			continue
		}
		second := m[0] + cut + len(" and ")
		if strings.HasPrefix(s[second:], "the ") {
			second += len("the ")
		}
		out = append(out, []int{m[0], m[0] + cut}, []int{second, m[1]})
	}
	return out
}

// statuteEnd is the end of a law's name.
var statuteEnd = mustCompile(` ` + statuteHeads + `(?:,? (?:19|20)\d\d)?$`)

// addStatute records the law written at [a, b) of sentence s, named with
// the provision before it when there is one ("Article 15(1) of Directive
// 2002/58/EC").
func (d *doc) addStatute(si int, s sentence, a, b int) {
	if d.isCovered(s.start+a, s.start+b) {
		return
	}
	name := s.s[a:b]
	p := &precedent{name: name, kind: facts.PrecedentStatute, conf: 0.9}
	if sm := sectionOf.FindStringSubmatchIndex(s.s[:a]); sm != nil {
		p.citation = strings.TrimSuffix(strings.TrimSuffix(s.s[sm[0]:a], "the "), " of ")
		p.name = s.s[sm[0]:b]
		p.aliases = []string{name}
	}
	d.addPrecedent(p, si, s.start+a, s.start+b)
}

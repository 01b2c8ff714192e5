package extract

import (
	"slices"
	"strings"

	"github.com/amicus-graph/amicus/facts"
)

// Reported speech whose subject is not a name: a pronoun ("It argued"),
// a possessive ("Their lawyers said"), a plural role ("The plaintiffs
// contend", "The states argued") or a spokesperson ("A company spokesman
// said"). The subject resolves to a litigant, or for plurals to every
// litigant of a group.

// subjectPhraseRe opens a sentence with such a subject and a reporting
// verb; the claim follows the match.
var subjectPhraseRe = mustCompile(`^(?:(?P<pron>It|They|He|She)|(?P<poss>Its|Their|His|Her) (?:lawyers|attorneys|barristers|solicitors|counsel|legal team|lawyer|attorney|spokes(?:man|woman|person)|founders?|office|director|leaders?|chief executive)(?:,[^,]{3,60},)?|` +
	`(?:The|the) (?P<rolesing>[a-z]+) and (?:its|their) co-(?:defendants|plaintiffs|petitioners|respondents|appellants)|` +
	`(?:The|Both) (?P<plural>[a-z-]+s)(?: and (?:its|their) co-(?:defendants|plaintiffs|petitioners|respondents|appellants))?|` +
	`(?:Some|Several|One|Two|Three|Many|Most) of the (?P<someof>[a-z-]+s)|` +
	`(?:(?:A|An|The) (?P<spokes>company|agency|city|state|government|department|bureau|commission|fund|group|firm)|(?P<spokesCap>Company|Agency|City|State|Government|Department|Bureau|Commission|Fund|Group|Firm)) (?:spokes(?:man|woman|person)|lawyers?|attorneys?|officials)|` +
	`(?P<lawyersOf>Lawyers|Attorneys|Counsel) for (?:the )?(?P<plural2>[a-z-]+s))` +
	`(?:, for (?:its|their|his|her) part,)?,? (?:(?:also|again|then|later|had|has|have|previously|repeatedly|further|likewise|similarly|on \w+|last \w+) )*` +
	`(?:argued|argue|argues|contended|contend|contends|maintained|maintain|maintains|insisted|insist|insists|asserted|assert|asserts|countered|counter|counters|responded|respond|responds|alleged|allege|alleges|warned|warn|warns|said|say|says|claimed|claim|claims|wrote|write|writes|told (?:the |a )?(?:[A-Z][a-z]+ )?(?:court|courts|judges?|justices|panel|tribunal|lawmakers|jury)|(?:pointed|point|points|relied|rely|relies|leaned|lean|leans)(?: [a-z]+ly)? (?:to|on)|invoked|invoke|invokes|answered|replied)\b(?: that\b)?`)

// courtWritingRe opens a sentence about a court's writing, whose
// pronoun is the judge.
var courtWritingRe = mustCompile(`\b(?:order|ruling|opinion|judgment|decision|dissent|concurrence)\b`)

// openingClause starts a clause that may open a sentence before its
// subject: "Relying on X, ", "In court papers, ", "On appeal, ".
var openingClause = mustCompile(`^(?:[A-Z][a-z]+ing|In|On|At|During|After|Before|Since|Throughout|Separately|Meanwhile|Earlier|Later)\b`)

// notSpeakers are plural nouns that never stand for litigants.
var notSpeakers = setOf("justices", "judges", "lawmakers", "critics", "experts", "analysts", "observers", "scholars",
	"advocates", "officials", "sources", "others", "observers", "lawyers", "attorneys", "regulators", "legislators",
	"economists", "researchers", "commentators", "opponents", "supporters", "groups", "companies", "firms", "papers",
	"documents", "filings", "rules", "records", "results", "data", "courts", "dissenters", "majority", "briefs", "sides")

// nounAppositive follows a plural noun that a list of names explains;
// otherNounBefore precedes it in "A, B and 14 other <noun>".
var (
	nounAppositive  = mustCompile(`^(?:,| -| —|:) (?:(?:led by|including|among them|such as) (?:[a-z-]+ ){0,3})?`)
	otherNounBefore = mustCompile(`,? and (?:\d+|[a-z]+) other $`)
)

// defendantPlurals and plaintiffPlurals are role words in the plural.
var (
	plaintiffPlurals = setOf("plaintiffs", "petitioners", "appellants", "challengers", "claimants", "applicants", "complainants")
	defendantPlurals = setOf("defendants", "respondents", "appellees")
)

// subjectPhraseArguments finds reported speech in sentence si whose
// subject is a pronoun, a possessive, a plural role or a spokesperson.
func (d *doc) subjectPhraseArguments(si int) []*argument {
	s := d.sents[si]
	text := strings.TrimLeft(s.s, "\"' ")
	m := subjectPhraseRe.FindStringSubmatchIndex(text)
	if m == nil {
		// "Relying on an earlier ruling, they argue …": the subject after
		// an opening clause
		if !openingClause.MatchString(text) {
			return nil
		}
		for from := 0; m == nil; {
			k := strings.Index(text[from:], ", ")
			if k < 0 || from+k > 200 {
				return nil
			}
			from += k + 2
			rest := text[from:]
			if rest == "" || rest[0] < 'a' || rest[0] > 'z' {
				continue
			}
			if courtWritingRe.MatchString(text[:from]) {
				return nil // "In a 48-page order, he wrote …": the judge
			}
			rest = strings.ToUpper(rest[:1]) + rest[1:]
			if m = subjectPhraseRe.FindStringSubmatchIndex(rest); m != nil {
				text = rest
			}
		}
	}
	group := func(name string) string {
		i := subjectPhraseRe.SubexpIndex(name)
		if m[2*i] < 0 {
			return ""
		}
		return text[m[2*i]:m[2*i+1]]
	}
	claim := trimClaim(text[m[1]:])
	if len(claim) < 15 {
		return nil
	}
	var by []*party
	note := ""
	switch {
	case group("pron") != "" || group("poss") != "":
		w := group("pron") + group("poss")
		plural := w == "They" || w == "Their"
		if plural && d.lastPlural.si == si-1 && si > 0 {
			// "The plaintiffs argued … They also said …"
			by = d.lastPlural.by
			d.lastPlural.si = si
			note = sprintf("'%s' → %s: the plural subject of the sentence before", w, joinNames(names(by)))
			break
		}
		p, pj := d.previousSpeaker(si, w == "He" || w == "His" || w == "She" || w == "Her")
		if p == nil {
			return nil
		}
		if plural {
			// the list the sentence before names, else p's whole side
			if by = d.speakerList(pj, p); len(by) < 2 {
				by = d.coLitigants(p)
			}
		} else {
			by = []*party{p}
		}
		note = sprintf("'%s' → %s: the litigant the sentence before is about", w, joinNames(names(by)))
		if plural {
			d.lastPlural.si, d.lastPlural.by = si, by
		}
	case group("someof") != "":
		// "Some of the plaintiffs have invoked …": the side's lead party
		noun := group("someof")
		if ps := d.pluralLitigants(noun); len(ps) > 0 {
			by = ps[:1]
			note = sprintf("'some of the %s' → %s: the lead party of that group", noun, ps[0].name)
		}
	case group("plural") != "" || group("plural2") != "":
		noun := group("plural") + group("plural2")
		by = d.pluralLitigants(noun)
		note = sprintf("'the %s' → %s", noun, joinNames(names(by)))
		d.lastPlural.si, d.lastPlural.by = si, by
	case group("rolesing") != "":
		// "The fund and its co-defendants": the party and its side
		noun := group("rolesing")
		var p *party
		for _, mt := range d.inSentence(si) {
			if mt.role == noun && mt.party != nil {
				p = mt.party
				break
			}
		}
		if p == nil {
			return nil
		}
		by = d.coLitigants(p)
		note = sprintf("'the %s and its co-litigants' → %s", noun, joinNames(names(by)))
	case group("spokes") != "" || group("spokesCap") != "":
		noun := strings.ToLower(group("spokes") + group("spokesCap"))
		p := d.previousOfKind(si, noun)
		if p == nil {
			return nil
		}
		by = []*party{p}
		note = sprintf("'%s' → %s: the litigant the text is about", noun, p.name)
	}
	var out []*argument
	for _, p := range by {
		if p == nil || !p.litigant || p.supporter {
			continue
		}
		out = append(out, &argument{by: p, claim: claim, si: si, conf: 0.65, note: note})
	}
	return out
}

// previousOfKind returns the first litigant, in sentence si or the two
// before it, that a spokesperson's noun fits ("a company spokesman" is
// a company's, "an agency lawyer" an agency's).
func (d *doc) previousOfKind(si int, noun string) *party {
	for j := si; j >= 0 && j >= si-2; j-- {
		for _, mt := range d.inSentence(j) {
			p := d.speaker(mt)
			if p == nil || p.supporter {
				continue
			}
			company := (noun == "company" || noun == "firm") && (p.kind == facts.KindCompany || p.kind == facts.KindGroup)
			if company || strings.Contains(strings.ToLower(p.name), noun) || kindFits(noun, p.kind) {
				return p
			}
		}
	}
	return nil
}

// kindFits reports whether a role noun fits a party kind.
func kindFits(noun, kind string) bool {
	switch noun {
	case "agency", "department", "bureau", "commission":
		return kind == facts.KindAgency || kind == facts.KindGovernment
	case "city", "state", "government":
		return kind == facts.KindGovernment
	case "group", "fund":
		return kind == facts.KindGroup
	}
	return false
}

func names(ps []*party) []string {
	var out []string
	for _, p := range ps {
		out = append(out, p.name)
	}
	return out
}

// previousSpeaker is the first litigant named in the nearest of the two
// sentences before si (or a person litigant, when person is set), and
// that sentence.
func (d *doc) previousSpeaker(si int, person bool) (*party, int) {
	for j := si - 1; j >= 0 && j >= si-2; j-- {
		for _, mt := range d.inSentence(j) {
			p := d.speaker(mt)
			if p == nil || p.supporter {
				continue
			}
			if person && p.kind != facts.KindPerson {
				continue
			}
			return p, j
		}
	}
	return nil, -1
}

// speakerList is the list of litigants that p's first mention in sentence
// si opens ("A, joined by B, sued …" gives A and B).
func (d *doc) speakerList(si int, p *party) []*party {
	ms := d.inSentence(si)
	for k, mt := range ms {
		if mt.party != p {
			continue
		}
		var out []*party
		for _, x := range d.listForward(ms, k) {
			if x.party != nil && x.party.litigant && x.party.side == p.side && !containsParty(out, x.party) {
				out = append(out, x.party)
			}
		}
		return out
	}
	return []*party{p}
}

// pluralLitigants resolves "the plaintiffs", "the states", "the drivers"
// to litigants: by role, by an appositive list elsewhere in the text
// ("two drivers, A and B"), or by kind.
func (d *doc) pluralLitigants(noun string) []*party {
	if notSpeakers[noun] {
		return nil
	}
	var out []*party
	role := roleNone
	switch {
	case plaintiffPlurals[noun]:
		role = rolePlaintiff
	case defendantPlurals[noun]:
		role = roleDefendant
	}
	if role != roleNone {
		for _, p := range d.parties {
			if p.litigant && d.roles[p] == role {
				out = append(out, p)
			}
		}
		return out
	}
	// an appositive list, "<noun>, A, B and C" or "<noun> - A and B", or
	// a list before "and 14 other <noun>"
	for _, loc := range wordIndexes(d.m, noun) {
		si := d.sentenceAt(loc[0])
		if si < 0 {
			continue
		}
		ms := d.inSentence(si)
		var list []*mention
		if g := nounAppositive.FindString(head(d.m[loc[1]:], 60)); g != "" {
			list = d.objectsAfter(ms, loc[1]+len(g)-1)
		} else if om := otherNounBefore.FindStringIndex(tail(d.m[:loc[0]], 30)); om != nil {
			at := loc[0] - (len(tail(d.m[:loc[0]], 30)) - om[0])
			for k := len(ms) - 1; k >= 0; k-- {
				if ms[k].end <= at {
					if ms[k].end == at {
						list = d.listBackFrom(ms, k, true)
					}
					break
				}
			}
		}
		for _, mt := range list {
			if mt.party != nil && mt.party.litigant && !containsParty(out, mt.party) {
				out = append(out, mt.party)
			}
		}
	}
	if len(out) > 0 {
		return out
	}
	// a litigant named by the noun: "the farmers" for the Widget Farmers
	// Union
	capital := strings.ToUpper(noun[:1]) + noun[1:]
	for _, p := range d.parties {
		if p.litigant && slices.Contains(strings.Fields(p.name), capital) {
			out = append(out, p)
		}
	}
	if len(out) == 1 {
		return out
	}
	out = nil
	// by kind: people, or states and cities
	want := facts.KindPerson
	switch noun {
	case "states", "cities", "counties", "governments":
		want = facts.KindGovernment
	case "companies", "firms":
		return nil
	}
	for _, p := range d.parties {
		if p.litigant && p.kind == want && p != d.gov && d.roles[p] == rolePlaintiff {
			out = append(out, p)
		}
	}
	// only when they are all on one side
	for _, p := range out {
		if p.side != out[0].side || p.dispute != out[0].dispute {
			return nil
		}
	}
	return out
}

// coLitigants are p and the litigants on its side of its dispute.
func (d *doc) coLitigants(p *party) []*party {
	out := []*party{p}
	if p.dispute == nil {
		return out
	}
	for _, q := range d.parties {
		if q != p && q.litigant && q.dispute == p.dispute && q.side == p.side {
			out = append(out, q)
		}
	}
	return out
}

// quoteThenSpeakerRe is a quotation followed by its attribution:
// '"…," she said', '"…," the company said in a statement', '"…," said X'.
var quoteThenSpeakerRe = mustCompile(`^"([^"]{10,}?)[,.!?]?" (?:(?P<pron>he|she|it|they) |(?P<who>[^"]{1,60}?) )?(?:said|says|argued|argues|wrote|writes|added|adds|insisted|insists|contended|contends|maintained|maintains|told [a-z ]{1,30})\b`)

// quoteArguments finds a quotation that sentence si attributes after it.
func (d *doc) quoteArguments(si int) []*argument {
	s := d.sents[si]
	if !strings.HasPrefix(s.s, "\"") {
		return nil
	}
	m := quoteThenSpeakerRe.FindStringSubmatchIndex(s.s)
	if m == nil {
		return nil
	}
	claim := trimClaim(s.s[m[2]:m[3]])
	pi := quoteThenSpeakerRe.SubexpIndex("pron")
	var by *party
	note := ""
	if m[2*pi] >= 0 {
		w := s.s[m[2*pi]:m[2*pi+1]]
		if w == "they" {
			return nil
		}
		p, _ := d.previousSpeaker(si, w == "he" || w == "she")
		if p == nil {
			return nil
		}
		by = p
		note = sprintf("'%s' → %s: the litigant the sentence before is about", w, p.name)
	} else {
		// the first litigant named after the quotation
		qend := s.start + m[3]
		for _, mt := range d.inSentence(si) {
			if mt.start < qend {
				continue
			}
			if p := d.speaker(mt); p != nil && !p.supporter {
				by = p
				note = mt.note
				break
			}
		}
		if by == nil {
			return nil
		}
	}
	if !by.litigant || by.supporter {
		return nil
	}
	return []*argument{{by: by, claim: claim, si: si, conf: 0.65, note: note}}
}

// accordingToRe opens a sentence that reports what a party says:
// "According to X, …", "According to X's lawyers, …".
var accordingToRe = mustCompile(`^(?:According to|In the view of|As far as) `)

// inItsView opens a sentence with the view of the party the sentence
// before is about.
var inItsView = mustCompile(`^In (?:its|their) (?:view|telling|account|filings?|brief|complaint), `)

// accordingToArguments finds "According to X, <claim>" and "In its view,
// <claim>" in sentence si.
func (d *doc) accordingToArguments(si int) []*argument {
	s := d.sents[si]
	if m := inItsView.FindStringIndex(s.s); m != nil {
		p, _ := d.previousSpeaker(si, false)
		if p == nil || !p.litigant || p.supporter {
			return nil
		}
		return []*argument{{by: p, claim: trimClaim(s.s[m[1]:]), si: si, conf: 0.6,
			note: "'its' → " + p.name + ": the litigant the sentence before is about"}}
	}
	m := accordingToRe.FindStringIndex(s.s)
	if m == nil {
		return nil
	}
	for _, mt := range d.inSentence(si) {
		if mt.start < s.start+m[1] {
			continue
		}
		p := mt.party
		if p == nil || !p.litigant || p.supporter || mt.start-(s.start+m[1]) > len("the ") {
			return nil
		}
		rest := d.m[mt.end:s.end]
		k := strings.Index(rest, ", ")
		if k < 0 || k > 40 {
			return nil
		}
		return []*argument{{by: p, claim: trimClaim(rest[k+2:]), si: si, conf: 0.65, note: mt.note}}
	}
	return nil
}

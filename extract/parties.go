package extract

import (
	"strings"
	"unicode/utf8"

	"github.com/amicus-graph/amicus/facts"
)

// party is a litigant or a supporter.
type party struct {
	name, kind string
	aliases    []string
	mentions   []*mention
	litigant   bool
	supporter  bool
	side       string
	dispute    *dispute
	conf       float64
	evidence   []int // sentences that show its role
	notes      []string
	opponents  []*party
	// described holds the nouns an appositive gives the party ("Acme, the
	// only licensed clinic in town" → "clinic"), with the quoted phrase.
	described map[string]string
}

// dispute is one case: the parties on side A against those on side B.
type dispute struct {
	name  string
	a, b  []*party
	conf  float64
	sents []int
}

// litigationRule is a phrase that shows who litigates: the mention just
// before it (Subj) and the one just after it (Obj) are litigants, on
// opposite sides when Oppose is set.
type litigationRule struct {
	re               *pattern
	subj, obj, oppos bool
}

// litigationRules are the phrases that make a named organisation a litigant.
var litigationRules = []litigationRule{
	{mustCompile(`^ (?:has |have |had |also |then )*(?:sued|sues|suing|countersued|is suing|are suing)\b`), true, true, true},
	// "the agency accused Globex of …", "the agency alleges that Globex …"
	{mustCompile(`^ (?:has |have |had |also |first )*(?:accused|accuses|accusing|alleges that|alleged that|allege that)\b`), true, true, true},
	// "the agency, which has been fighting Globex"
	{mustCompile(`^,? (?:which|who) (?:has been |have been |had been |is |are |was |were )?(?:fighting|battling|suing|sued|challenging|challenged)\b`), true, true, true},
	{mustCompile(`^ (?:has |had |then |later |also )*(?:took|takes|brought|brings) (?:the|its|their) (?:matter|case|dispute|complaint|fight|issue) (?:to|before) (?:the )?(?:[A-Z][a-z]+ )*(?:[Cc]ourt|[Tt]ribunal)`), true, false, false},
	{mustCompile(`^ (?:has |have |had |also )*(?:defended|defends|is defending) (?:the|its|their) (?:law|ban|statute|rule|rules|regulation|policy|measure|order|program|ordinance|decision)\b`), true, false, false},
	{mustCompile(`^ (?:has |have |had |also |then )*(?:filed|brought|launched|lodged|won|lost) (?:a |an |its |their )?(?:lawsuit|suit|complaint|legal challenge|case|action|antitrust case|appeal) against\b`), true, true, true},
	{mustCompile(`^ (?:is |are |was |were |has been |have been |had been )?(?:battling|fighting|challenging|taking on|defying|suing)\b`), true, true, true},
	{mustCompile(`^ (?:has |have |had |also |again )*(?:battled|fought|challenged|defied|defies)\b`), true, true, true},
	{mustCompile(`^(?:'s)? (?:long-running |legal |court )?(?:fight|dispute|battle|clash|feud|standoff|showdown|case|litigation|lawsuit|war|appeal) (?:with|against)\b`), true, true, true},
	{mustCompile(`^(?:'s)? (?:appeal|lawsuit|suit|legal challenge|challenge|complaint|petition|refusal)\b`), true, false, false},
	{mustCompile(`^ (?:has |have |had |also |again |still )*(?:refus(?:es|ed|ing)|declin(?:es|ed|ing)|fail(?:s|ed|ing)) to (?:comply|hand over|turn over|produce|obey|retrieve)\b`), true, false, false},
	{mustCompile(`^ (?:has |have |had )?(?:been |was |were |is |are )(?:found|held) in contempt\b`), true, false, false},
	{mustCompile(`^ (?:has |have |had |also |then )*(?:appealed|agreed to be held in contempt)\b`), true, false, false},
	{mustCompile(`^ (?:has |have |had |also )*(?:argued|argues|contended|contends|maintained|maintains|insisted|insists|countered|counters|told the (?:court|judges?|justices|panel|tribunal))\b`), true, false, false},
}

// objectRules are phrases after which the next mention is a litigant
// ("ordered X to", "handed X a win", "sided with X").
var objectRules = mustCompile(`\b(?:ordered|compelled|fined|charged|indicted|prosecuted|sued|handed|against|in favou?r of|sided with|dispute with|fight with|battle with|` +
	// "a suit brought by X", "the challenge was filed by X"
	`(?:lawsuit|suit|case|challenge|complaint|action|petition|claim)s? (?:was |were |had been |has been )?(?:filed|brought|launched|lodged) by|` +
	// "a dispute between X and Y"
	`(?:dispute|fight|battle|clash|case) between)\s+$`)

func (d *doc) findParties() {
	// 1. Group named mentions into entities.
	d.indexStems()
	var named []*party
	var namedFacts []*nameFacts // the facts of each named party's name
	for _, mt := range d.mentions {
		if mt.gov || mt.desc {
			continue
		}
		var p *party
		surface := d.nameFacts(mt.surface)
		for i, q := range named {
			if d.sameName(namedFacts[i], surface) || q.kind == facts.KindPerson && isSurnameOf(mt.surface, q.name) {
				p = q
				break
			}
		}
		if p == nil {
			p = &party{name: strings.TrimPrefix(strings.TrimPrefix(mt.surface, "the "), "The "), kind: mt.kind, conf: 0.9}
			named = append(named, p)
			namedFacts = append(namedFacts, d.nameFacts(p.name))
		}
		if p.kind == facts.KindPerson && mt.kind != facts.KindPerson && strings.HasPrefix(p.name, mt.surface+" ") {
			p.kind = mt.kind // "Globex" for "Globex Robotics": no person goes by a first name
		}
		mt.party = p
		p.mentions = append(p.mentions, mt)
		p.aliases = appendUnique(p.aliases, mt.surface)
	}

	d.findAppositives()

	// 2. The government of the dispute, from generic references.
	var govMentions []*mention
	for _, mt := range d.mentions {
		if mt.gov {
			govMentions = append(govMentions, mt)
		}
	}
	if len(govMentions) > 0 {
		name := "government"
		if d.country != "" {
			name = d.country + " government"
		}
		d.gov = &party{name: name, kind: facts.KindGovernment, conf: 0.85}
		for _, mt := range govMentions {
			mt.party = d.gov
			mt.note = "'" + mt.surface + "' → " + name + ": a generic reference to the government side"
			d.gov.mentions = append(d.gov.mentions, mt)
			d.gov.aliases = appendUnique(d.gov.aliases, aliasForm(mt.surface))
		}
		// "United States" as a side of a case name is the government too.
		for _, p := range named {
			if p.name == "United States" {
				d.gov.aliases = appendUnique(d.gov.aliases, p.name)
			}
		}
	}

	// Supporters are never litigants: mark them first.
	d.scanSupports(true)
	d.linkRolesByName(named)
	d.linkDescriptiveEarly()

	// 3. Litigants: named entities in litigation phrases.
	edges := map[[2]*party]bool{}
	for i, mt := range d.mentions {
		if mt.party == nil {
			continue
		}
		s := d.sents[mt.si]
		after := head(d.m[mt.end:s.end], 120) // the rules are anchored at its start
		before := d.m[s.start:mt.start]
		for _, r := range litigationRules {
			if !r.re.MatchString(after) {
				continue
			}
			if r.subj {
				d.markLitigant(mt.party, mt.si)
			}
			if r.obj {
				if next := d.nextMention(i, mt.si); next != nil && next.party != nil && next.party != mt.party {
					d.markLitigant(next.party, mt.si)
					if r.oppos {
						edges[[2]*party{mt.party, next.party}] = true
					}
				}
			}
		}
		if t := tail(before, 40); objectHintSet.in(t) && objectRules.MatchString(t) {
			d.markLitigant(mt.party, mt.si)
		}
	}
	// Case names "X v. Y" whose sides are mentioned elsewhere in the article.
	for _, pr := range d.precedents {
		if pr.kind != facts.PrecedentCase || pr.plaintiff == "" || pr.citation != "" {
			continue // a case cited with its reporter is an earlier decision
		}
		a, b := d.partyNamed(pr.plaintiff, named), d.partyNamed(pr.defendant, named)
		if a != nil && b != nil && a != b && (len(a.mentions) > 0 || a == d.gov) && (len(b.mentions) > 0 || b == d.gov) {
			d.markLitigant(a, pr.sents[0])
			d.markLitigant(b, pr.sents[0])
			edges[[2]*party{a, b}] = true
		}
	}

	fr := d.litigationFrames(named, edges)
	d.roles = fr.role
	d.linkRoles(named, fr, edges)

	// 4. The main party: the named organisation mentioned most, the title
	// counting double, among litigants when there are any.
	var main *party
	best := 0
	for _, p := range named {
		if p.kind == facts.KindPerson && !p.litigant || countryNames[p.name] && !p.litigant {
			continue
		}
		score := len(p.mentions) + 2*strings.Count(d.title, p.name)
		if p.litigant {
			score += 3
		}
		if score > best {
			main, best = p, score
		}
	}
	if main != nil && !main.litigant && best < 3 {
		main = nil
	}
	// A main party that no frame ties to anyone gives way to a dispute
	// the frames found between other parties.
	if main != nil && !d.hasEdge(main, edges, fr.allies) {
		var first *party
		for _, p := range named {
			if p.litigant && d.hasEdge(p, edges, nil) {
				first = p
				break
			}
		}
		if first != nil {
			main = first
		}
	}
	if main != nil && !main.litigant {
		d.markLitigant(main, main.mentions[0].si)
		main.conf = 0.6
		main.notes = append(main.notes, "the organisation the article mentions most")
	}
	if d.gov != nil {
		opposed := false
		for e := range edges {
			if e[0] == main || e[1] == main {
				opposed = true
			}
		}
		// a generic "the government" is not a litigant by default when a
		// named government body is one
		namedGov := false
		for _, p := range named {
			if p.litigant && (p.kind == facts.KindGovernment || p.kind == facts.KindAgency) {
				namedGov = true
			}
		}
		if !opposed && !namedGov && !d.gov.supporter || d.gov.litigant {
			d.gov.litigant = true
			if len(d.gov.evidence) == 0 {
				d.gov.evidence = []int{d.gov.mentions[0].si}
			}
			if main != nil {
				edges[[2]*party{main, d.gov}] = true
			}
		}
	}

	// 5. Sides: the main party is A; opponents alternate.
	d.parties = nil
	if main != nil {
		d.parties = append(d.parties, main)
	}
	if d.gov != nil && d.gov.litigant {
		d.parties = append(d.parties, d.gov)
	}
	for _, p := range named {
		if p != main {
			d.parties = append(d.parties, p)
		}
	}
	assigned := false
	for _, start := range d.parties {
		if !start.litigant || start.side != "" {
			continue
		}
		ds := &dispute{conf: 0.8}
		start.side = facts.SideA
		start.dispute = ds
		queue := []*party{start}
		for len(queue) > 0 {
			p := queue[0]
			queue = queue[1:]
			for e := range edges {
				other := otherEnd(e, p)
				if other == nil || other.side != "" {
					continue
				}
				other.side = opposite(p.side)
				other.dispute = ds
				queue = append(queue, other)
			}
			for e := range fr.allies {
				other := otherEnd(e, p)
				if other == nil || other.side != "" || !other.litigant {
					continue
				}
				other.side = p.side
				other.dispute = ds
				queue = append(queue, other)
			}
		}
		if assigned && countOn(d.parties, ds) < 2 {
			start.side, start.dispute = "", nil
			if d.isPublicBody(start) && d.gov != nil && d.gov.dispute != nil {
				// a public body no frame ties to anyone stands with the
				// government of the dispute ("The bureau insists …")
				start.dispute, start.side = d.gov.dispute, d.gov.side
				start.notes = append(start.notes, "a public body on the side of "+d.gov.name)
				continue
			}
			start.litigant = false
			continue
		}
		assigned = true
		d.cases = append(d.cases, ds)
	}
	for _, p := range d.parties {
		if p.litigant && p.dispute == nil {
			p.litigant = false
		}
	}
	// 6. Descriptive references resolve to a company litigant.
	d.resolveDescriptive()
	for _, ds := range d.cases {
		var an, bn []string
		for _, p := range d.parties {
			if p.dispute != ds {
				continue
			}
			if p.side == facts.SideA {
				an = append(an, p.name)
				ds.a = append(ds.a, p)
			} else {
				bn = append(bn, p.name)
				ds.b = append(ds.b, p)
			}
			for _, si := range p.evidence {
				addInt(&ds.sents, si)
			}
		}
		if len(bn) == 0 {
			ds.name = joinNames(an)
			ds.conf = 0.5
		} else {
			ds.name = joinNames(an) + " v. " + joinNames(bn)
		}
		if len(ds.a) == 0 || len(ds.b) == 0 || ds.a[0].conf < 0.8 {
			ds.conf = 0.6
		}
	}
}

func countOn(ps []*party, ds *dispute) int {
	n := 0
	for _, p := range ps {
		if p.dispute == ds {
			n++
		}
	}
	return n
}

func opposite(side string) string {
	if side == facts.SideA {
		return facts.SideB
	}
	return facts.SideA
}

func joinNames(ns []string) string {
	switch len(ns) {
	case 0:
		return ""
	case 1:
		return ns[0]
	}
	return strings.Join(ns[:len(ns)-1], ", ") + " and " + ns[len(ns)-1]
}

func (d *doc) markLitigant(p *party, si int) {
	if p.supporter {
		return
	}
	p.litigant = true
	addInt(&p.evidence, si)
}

// nextMention returns the first mention after mentions[i] in sentence si.
func (d *doc) nextMention(i, si int) *mention {
	for j := i + 1; j < len(d.mentions) && d.mentions[j].si == si; j++ {
		mt := d.mentions[j]
		if mt.party == nil && mt.desc && modifierBeforeName.MatchString(head(d.m[mt.end:], 60)) {
			continue // "sued the state agriculture secretary, Ann Doe": the name is meant
		}
		return mt
	}
	return nil
}

// modifierBeforeName follows a role noun used as a modifier in a title
// that an appositive name completes ("the state [agriculture secretary],
// Ann Doe").
var modifierBeforeName = mustCompile(`^ [a-z-]+(?: [a-z-]+)?, [A-Z]`)

// partyNamed finds the party a case-name side refers to.
func (d *doc) partyNamed(name string, named []*party) *party {
	if d.gov != nil && (name == "United States" || name == "U.S." || name == "USA" || strings.HasPrefix(name, "United States of America")) {
		return d.gov
	}
	nf := d.nameFacts(name)
	for _, p := range named {
		if d.sameName(d.nameFacts(p.name), nf) || p.kind == facts.KindPerson && isSurnameOf(name, p.name) {
			return p
		}
	}
	return nil
}

// sameName reports whether two names denote one organisation: equal keys,
// or one is the other plus corporate words ("Globex" and "Globex
// Corp"), or one is the acronym of the other, or the other's
// organisation word ("the Commission"). It compares the names' facts
// (see nameFacts), which are worked out once per name.
func (d *doc) sameName(fa, fb *nameFacts) bool {
	if fa.key == "" || fb.key == "" {
		return false
	}
	if fa.key == fb.key {
		return true
	}
	if fb.initials != "" && fb.initials == fa.acronym || fa.initials != "" && fa.initials == fb.acronym {
		return true
	}
	a, b := fa.name, fb.name
	return suffixVariant(a, b) || suffixVariant(b, a) || fb.head != "" && headWordOf(a, fb.head) || fa.head != "" && headWordOf(b, fa.head) ||
		d.brandVariant(a, b) || d.brandVariant(b, a)
}

// nameFacts are what sameName needs to know of a name.
type nameFacts struct {
	name string
	key  string // see key
	// acronym is acronym(name); initials is the name in upper case when
	// it could be initials (see isInitialism), else empty.
	acronym, initials string
	// head is the name without "the" when that is one organisation word
	// ("the Commission"), else empty.
	head string
}

// nameFacts returns the facts of name, working them out once per
// document.
func (d *doc) nameFacts(name string) *nameFacts {
	if f, ok := d.names[name]; ok {
		return f
	}
	f := &nameFacts{name: name, key: d.key(name), acronym: acronym(name)}
	if isInitialism(name) {
		f.initials = strings.ToUpper(name)
	}
	if head := strings.TrimPrefix(strings.TrimPrefix(name, "the "), "The "); strings.IndexByte(head, ' ') < 0 && headWords[head] {
		f.head = head
	}
	if d.names == nil {
		d.names = map[string]*nameFacts{}
	}
	d.names[name] = f
	return f
}

// isInitialism reports whether s could be the initials of a name: one
// word of two to eight letters.
func isInitialism(s string) bool {
	return len(s) > 1 && len(s) <= 8 && !strings.Contains(s, " ")
}

// headWords are agencyWords and groupWords together.
var headWords = func() map[string]bool {
	set := map[string]bool{}
	for _, words := range []map[string]bool{agencyWords, groupWords} {
		for w := range words {
			set[w] = true
		}
	}
	return set
}()

// headWordOf reports whether the organisation word head ends long, or
// long names a body of its kind ("the Commission" for "Fair Trading
// Commission"; "the Board" for "Board of Widget Inspectors").
func headWordOf(long, head string) bool {
	return strings.HasSuffix(long, " "+head) || strings.Contains(long, " "+head+" of ") || strings.HasPrefix(long, head+" of ")
}

// suffixVariant reports whether long is short plus corporate words only
// ("Globex BV" and "Globex").
func suffixVariant(long, short string) bool {
	if len(long) <= len(short) || long[len(short)] != ' ' || !strings.HasPrefix(long, short) {
		return false
	}
	lw, sw := strings.Fields(long), strings.Fields(short)
	if len(sw) == 0 || len(lw) <= len(sw) {
		return false
	}
	for i, w := range sw {
		if lw[i] != w {
			return false
		}
	}
	for _, w := range lw[len(sw):] {
		if !isCorporateWord(w) {
			return false
		}
	}
	return true
}

func isCorporateWord(w string) bool {
	return orgSuffixes[w] || orgSuffixes[strings.TrimSuffix(w, ".")]
}

// brandVariant reports whether long is short plus a few words, with or
// without a corporate suffix ("Globex Robotics Inc.", "Globex Robotics"
// and "Globex"), when no other
// name in the article is short plus other words: "Globex Nordic Ltd" and
// "Globex Iberia Ltd" are two companies.
func (d *doc) brandVariant(long, short string) bool {
	if len(long) <= len(short) || long[len(short)] != ' ' || !strings.HasPrefix(long, short) {
		return false
	}
	lw, sw := strings.Fields(long), strings.Fields(short)
	if len(sw) > 1 {
		// "Widget Row" for "Widget Row Studios": one more word, and no
		// other name goes on from "Widget Row"
		return len(lw) == len(sw)+1 && !isCorporateWord(lw[len(sw)]) && d.onlyNameAfter(short) == long
	}
	// "Globex Robotics Inc.", "Globex Robotics", "Globex Widget Haulers
	// Ltd": up to three more words, no connector among them, a corporate
	// word only last
	if len(lw) > 4 {
		return false
	}
	for i, w := range lw[1:] {
		if isConnector(w) || w == "and" || w == "the" || isCorporateWord(w) && (i == 0 || i+2 < len(lw)) {
			return false
		}
	}
	return len(d.stemNames[sw[0]]) == 1
}

// onlyNameAfter returns the one name of the article that is prefix plus
// more words, or "" when there are none or several.
func (d *doc) onlyNameAfter(prefix string) string {
	found := ""
	for _, mt := range d.mentions {
		if mt.desc || mt.gov || !strings.HasPrefix(mt.surface, prefix+" ") {
			continue
		}
		if found != "" && found != mt.surface {
			return ""
		}
		found = mt.surface
	}
	return found
}

// indexStems records, for every name of two or more words, its second
// word under its first (see brandVariant).
func (d *doc) indexStems() {
	d.stemNames = map[string]map[string]bool{}
	for _, mt := range d.mentions {
		if f := strings.Fields(mt.surface); len(f) >= 2 && !mt.desc && !mt.gov {
			if d.stemNames[f[0]] == nil {
				d.stemNames[f[0]] = map[string]bool{}
			}
			d.stemNames[f[0]][f[1]] = true
		}
	}
}

// key is facts.Key(s), computed once per document.
func (d *doc) key(s string) string {
	k, ok := d.keys[s]
	if !ok {
		if d.keys == nil {
			d.keys = map[string]string{}
		}
		k = facts.Key(s)
		d.keys[s] = k
	}
	return k
}

// acronym is the initials of a multi-word name ("Fair Trading Authority"
// -> "FTA"), ignoring connectors.
func acronym(name string) string {
	var b strings.Builder
	ws := strings.Fields(name)
	if len(ws) < 2 {
		return ""
	}
	for _, w := range ws {
		if isConnector(w) || w == "the" || w == "and" {
			continue
		}
		b.WriteByte(strings.ToUpper(w[:1])[0])
	}
	return b.String()
}

// isASCII reports whether s is ASCII only.
func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// resolveDescriptive links "the company", "the software giant" to the
// nearest company litigant mentioned before it, or the main one.
func (d *doc) resolveDescriptive() {
	var companies []*party
	for _, p := range d.parties {
		if p.litigant && (p.kind == facts.KindCompany || p.kind == facts.KindGroup) {
			companies = append(companies, p)
		}
	}
	for i, mt := range d.mentions {
		if len(companies) == 0 && mt.role == "" {
			continue
		}
		if !mt.desc {
			continue
		}
		if mt.role != "" {
			if mt.party == nil {
				d.resolveRole(mt)
			}
			continue
		}
		var target *party
		head := mt.surface[strings.LastIndexByte(mt.surface, ' ')+1:]
		for _, p := range companies {
			if p.described[head] != "" {
				if target != nil {
					target = nil
					break
				}
				target = p
			}
		}
		if target != nil {
			mt.note = sprintf("'%s' → %s: the litigant the article describes as %q", mt.surface, target.name, target.described[head])
			mt.conf = 0.8
			mt.party = target
			target.mentions = append(target.mentions, mt)
			target.aliases = appendUnique(target.aliases, aliasForm(mt.surface))
			continue
		}
		for j := i - 1; j >= 0; j-- {
			if p := d.mentions[j].party; p != nil && p.litigant && containsParty(companies, p) {
				target = p
				break
			}
		}
		mt.note = "'" + mt.surface + "' → %s: the nearest company litigant named before it"
		mt.conf = 0.7
		if target == nil {
			target = companies[0]
			mt.note = "'" + mt.surface + "' → %s: the main company litigant (none is named before it)"
			mt.conf = 0.6
		}
		mt.note = sprintf(mt.note, target.name)
		mt.party = target
		target.mentions = append(target.mentions, mt)
		target.aliases = appendUnique(target.aliases, aliasForm(mt.surface))
	}
}

// resolveRole links "the fund", "the agency" to the one litigant whose
// name contains the noun or, failing that, the one litigant of the kind
// the noun names.
func (d *doc) resolveRole(mt *mention) {
	var byName, byKind []*party
	for _, p := range d.parties {
		if !p.litigant {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(p.name)) {
			if w == mt.role {
				byName = append(byName, p)
				break
			}
		}
		// "the city" is never a national government: with no litigant
		// named for a city it resolves to nothing.
		switch {
		case agencyRoles[mt.role] && p.kind == facts.KindAgency,
			(mt.role == "state" || mt.role == "county") && p.kind == facts.KindGovernment && !d.isNationalGov(p):
			byKind = append(byKind, p)
		}
	}
	var byDesc []*party
	for _, p := range d.parties {
		if p.litigant && p.described[mt.role] != "" {
			byDesc = append(byDesc, p)
		}
	}
	var target *party
	switch {
	case len(byName) == 0 && len(byDesc) == 1:
		target = byDesc[0]
		mt.note = sprintf("'%s' → %s: the litigant the article describes as %q", mt.surface, target.name, target.described[mt.role])
		mt.conf = 0.8
	case len(byName) == 1:
		target = byName[0]
		mt.note = sprintf("'%s' → %s: the only litigant whose name has the word %q", mt.surface, target.name, mt.role)
		mt.conf = 0.8
	case len(byName) == 0 && len(byKind) == 1:
		target = byKind[0]
		mt.note = sprintf("'%s' → %s: the only litigant of that kind", mt.surface, target.name)
		mt.conf = 0.7
	default:
		return
	}
	mt.party = target
	target.mentions = append(target.mentions, mt)
	target.aliases = appendUnique(target.aliases, aliasForm(mt.surface))
}

// isNationalGov reports whether p is a country's government: the
// dispute's ("U.S. government") or one named by its country ("the Irish
// government").
func (d *doc) isNationalGov(p *party) bool {
	if p == d.gov {
		return true
	}
	c, ok := strings.CutSuffix(p.name, " government")
	return ok && countryTable[strings.TrimPrefix(c, "the ")] != ""
}

func containsParty(ps []*party, p *party) bool {
	for _, x := range ps {
		if x == p {
			return true
		}
	}
	return false
}

// aliasForm writes a sentence-initial "The" in lower case, so "The
// company" and "the company" are one alias.
func aliasForm(s string) string {
	if strings.HasPrefix(s, "The ") {
		return "the " + s[4:]
	}
	return s
}

// isSurnameOf reports whether w is the last word of a person's name of
// two or three words ("Doe" for "Ann Doe").
func isSurnameOf(w, name string) bool {
	if strings.Contains(w, " ") || lastField(name) != w {
		return false
	}
	words := 0
	for range strings.FieldsSeq(name) {
		words++
	}
	return words >= 2 && words <= 4
}

// hasEdge reports whether p is on an edge of edges or allies.
func (d *doc) hasEdge(p *party, edges, allies map[[2]*party]bool) bool {
	for e := range edges {
		if e[0] == p || e[1] == p {
			return true
		}
	}
	for e := range allies {
		if e[0] == p || e[1] == p {
			return true
		}
	}
	return false
}

// otherEnd is the party at the other end of edge e from p, or nil when p
// is not on e.
func otherEnd(e [2]*party, p *party) *party {
	switch p {
	case e[0]:
		return e[1]
	case e[1]:
		return e[0]
	}
	return nil
}

// appositiveRe is a noun phrase set off after a name ("Acme, the only
// licensed clinic in town"): its head is the first of describedNouns
// among its first words.
var appositiveRe = mustCompile(`^, (?:the|a|an) (?:[A-Za-z0-9'-]+ ?){1,6}`)

// describedNouns are the nouns an appositive may give a party: the role
// nouns and the heads of descriptive references.
var describedNouns = func() map[string]bool {
	out := map[string]bool{}
	for _, n := range roleNouns {
		out[n] = true
	}
	for _, n := range descriptiveHeads {
		if !strings.Contains(n, " ") {
			out[n] = true
		}
	}
	return out
}()

// findAppositives records the nouns that appositives give named parties,
// so that "the clinic" can later resolve to the party first introduced as
// "Acme, the only licensed clinic in town".
func (d *doc) findAppositives() {
	for _, mt := range d.mentions {
		if mt.party == nil || mt.gov || mt.desc {
			continue
		}
		s := d.sents[mt.si]
		after := d.m[mt.end:s.end]
		if !strings.HasPrefix(after, ", ") {
			continue
		}
		phrase := appositiveRe.FindString(head(after, 80))
		noun, end := "", 0
		for i, w := range strings.Fields(phrase) {
			end += len(w) + 1
			if i > 0 && describedNouns[w] {
				noun = w
				break
			}
		}
		if noun == "" {
			continue
		}
		desc := strings.TrimPrefix(phrase, ", ")[:end-3]
		if mt.party.described == nil {
			mt.party.described = map[string]string{}
		}
		if _, ok := mt.party.described[noun]; !ok {
			mt.party.described[noun] = desc
		}
	}
}

// linkRolesByName links "the commission" to the one named party whose
// name has that word ("Fair Rates Commission") before litigants are
// decided, so that what the commission does counts for the party. Nouns
// that two named parties share stay unresolved until resolveRole.
func (d *doc) linkRolesByName(named []*party) {
	byRole := map[string]*party{}
	for _, mt := range d.mentions {
		if !mt.desc || mt.role == "" || mt.party != nil {
			continue
		}
		words := strings.Fields(mt.surface)
		p, seen := byRole[mt.role]
		if !seen {
			p = onlyNamedWith(named, mt.role)
			if p == nil && !hasAgency(named) {
				p = onlyAcronymWith(named, mt.role)
			}
			byRole[mt.role] = p
		}
		if p != nil && len(words) == 3 && !strings.Contains(strings.ToLower(p.name), strings.ToLower(words[1])) {
			continue // "the city council" is not the "Widget Council"
		}
		if p == nil {
			continue
		}
		mt.party = p
		mt.conf = 0.75
		mt.note = sprintf("'%s' → %s: the only party named in the article whose name has the word %q", mt.surface, p.name, mt.role)
		p.mentions = append(p.mentions, mt)
		p.aliases = appendUnique(p.aliases, aliasForm(mt.surface))
	}
}

// onlyNamedWith returns the one named organisation whose name has the word
// noun (lower case), or nil when none or several have it.
func onlyNamedWith(named []*party, noun string) *party {
	var found *party
	for _, q := range named {
		if q.kind == facts.KindPerson || q == found {
			continue
		}
		for _, w := range strings.Fields(strings.ToLower(q.name)) {
			if w == noun {
				if found != nil {
					return nil
				}
				found = q
				break
			}
		}
	}
	return found
}

// opposedTail ends a phrase whose object is an opponent ("has been
// fighting ").
var opposedTail = mustCompile(`\b(?:sued|sues|suing|against|fighting|battling|challenging|challenged|fought|battled|taking on|took on|defying|defied)\s+$`)

// opposingHead follows a subject that goes to court against someone
// ("the Denver-based company sued").
var opposingHead = mustCompile(`^ (?:has |have |had |also |then |later )*(?:sued|sues|countersued|challenged|appealed|filed (?:a |an )?(?:suit|lawsuit|complaint|appeal))\b`)

// linkDescriptiveEarly links "the Denver-based company" to the
// company named last before it, within the two sentences before, when that
// company backs no one, so that litigation phrases around the reference
// count (only after a phrase of opposition); resolveDescriptive decides
// the rest once litigants are known.
func (d *doc) linkDescriptiveEarly() {
	for i, mt := range d.mentions {
		if !mt.desc || mt.role != "" || mt.party != nil {
			continue
		}
		if !opposedTail.MatchString(tail(d.m[d.sents[mt.si].start:mt.start], 30)) && !opposingHead.MatchString(head(d.m[mt.end:], 40)) {
			continue // only where a litigation phrase needs it
		}
		for j := i - 1; j >= 0 && d.mentions[j].si >= mt.si-2; j-- {
			p := d.mentions[j].party
			if p == nil || d.mentions[j].desc || d.mentions[j].gov {
				continue
			}
			if p.kind == facts.KindCompany && !p.supporter {
				mt.party = p
				mt.conf = 0.65
				mt.note = sprintf("'%s' → %s: the company named last before it", mt.surface, p.name)
				p.mentions = append(p.mentions, mt)
				p.aliases = appendUnique(p.aliases, aliasForm(mt.surface))
			}
			break
		}
	}
}

// onlyAcronymWith returns the one organisation known only by its initials
// whose initials hold the noun's first letter after the first place, as a
// head noun's would ("the bureau" for "WBX", "the commission" for "WTC"),
// or nil. An agency's role makes the party an agency.
func onlyAcronymWith(named []*party, noun string) *party {
	letter := strings.ToUpper(noun[:1])
	var found *party
	for _, q := range named {
		if !isInitialism(q.name) || strings.ToUpper(q.name) != q.name || len(q.name) > 5 || q.supporter || !strings.Contains(q.name[1:], letter) {
			continue
		}
		if found != nil && found != q {
			return nil
		}
		found = q
	}
	if found != nil && agencyRoles[noun] && found.kind == facts.KindCompany {
		found.kind = facts.KindAgency
	}
	return found
}

// hasAgency reports whether a named party that backs no one is a
// government agency.
func hasAgency(named []*party) bool {
	for _, q := range named {
		if q.kind == facts.KindAgency && !q.supporter {
			return true
		}
	}
	return false
}

// isPublicBody reports whether p is an agency or a government other than
// a country's and the dispute's own.
func (d *doc) isPublicBody(p *party) bool {
	return p != d.gov && (p.kind == facts.KindAgency || p.kind == facts.KindGovernment && !countryNames[p.name])
}

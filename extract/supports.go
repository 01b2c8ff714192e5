package extract

import (
	"slices"
	"strings"

	"github.com/amicus-graph/amicus/facts"
)

// support is one supporter backing (or not saying whom) a party.
type support struct {
	supporter *party
	target    *mention // nil when the article does not say whom
	// targetParty is the party backed when the text names a group ("the
	// plaintiffs"): one support per member.
	targetParty *party
	via         string
	si          int
	conf        float64
	grounds     []ground
	note        string
}

type ground struct {
	claim string
	si    int
	conf  float64
	note  string
}

// supportRule is a phrase that shows support. The supporters are the list
// of names just before the phrase (or, for Passive, after it); the
// supported party is the first mention after the phrase (or, for Passive,
// the one before it). Group "via" names the form of the support; Via is
// the form when the phrase has no such group. Hints are words (lower
// case) one of which the sentence must contain for the rule to apply.
type supportRule struct {
	re      *pattern
	passive bool
	conf    float64
	via     string
	hints   []string
}

const viaWords = `(?P<via>(?:joint |separate |legal |own |short |open )?(?:amicus curiae brief|amicus brief|friend-of-the-court brief|friend of the court brief|amicus curiae|brief|open letter|letter|statement of interest|statement|filing|declaration|comments|observations|submissions))`

var viaHints = []string{"brief", "letter", "statement", "filing", "declaration", "comments", "amicus", "observations", "submissions"}

// supportWindow bounds how far a phrase of support reaches on either side
// of its hint word (see findAround).
const supportWindow = 160

// supportRules are the phrases of support, most explicit first.
var supportRules = []supportRule{
	{re: mustCompile(`\b(?:filed|submitted|lodged|signed|sent|wrote|joined|issued|signed on to|lobbed in|put in|joined in)\s+(?:the (?:court|judges?|justices|panel|tribunal) )?(?:an?\s+|its\s+|their\s+|the\s+|his\s+|her\s+)?(?:own\s+)?` + viaWords + `s?\b`), conf: 0.9, hints: viaHints},
	// "joined 11 other companies in a brief supporting X"
	{re: mustCompile(`\bjoined (?:\d+ |[a-z]+ )?(?:other |more )?(?:[a-z-]+ ){0,2}(?:companies|firms|groups|organi[sz]ations|states|businesses|others) in (?:an?|the|their) (?P<via>(?:joint )?(?:amicus )?brief)`), conf: 0.9, hints: []string{"joined"}},
	// "told the court in a joint filing that …"
	{re: mustCompile(`\b(?:told|urged|asked|warned|reminded) the (?:court|judges?|justices|panel|tribunal) in (?:an?|its|their|the) ` + viaWords + `\b`), conf: 0.8, hints: viaHints},
	// "were admitted as amici and backed X"
	{re: mustCompile(`\b(?:were|was|had been|have been|has been) (?:also )?(?:admitted|allowed|permitted|granted leave) (?:to (?:intervene|take part|appear) )?as (?P<via>amici curiae|amici|amicus curiae|amicus|interveners?|intervenors?)\b`), conf: 0.8, hints: []string{"amic", "interven"}},
	{re: mustCompile(`\bfiled (?:separately|jointly)\b`), conf: 0.85, via: "separate filing", hints: []string{"filed separately", "filed jointly"}},
	{re: mustCompile(`\b(?:(?:was|were) (?:allowed|permitted|invited) to )?(?:took|take|taking) part(?: in [^,.;]{1,60}?)? as (?:an? )?(?P<via>amicus curiae|amicus|friend of the court|intervener)\b|\b(?:participated|appeared|intervened) as (?:an? )?(?P<via2>amicus curiae|amicus|friend of the court|intervener)\b`), conf: 0.75, hints: []string{"amicus", "friend of", "intervene"}},
	// "lent its voice to X", "urged the judges to side with X"
	{re: mustCompile(`\b(?:lent|lends|lend|added|adds|gave|gives) (?:its|their|his|her) (?:voice|support|weight|backing|name|expertise) to\b`), conf: 0.8, hints: []string{"lent", "lend", "added", "adds", "gave", "gives"}},
	{re: mustCompile(`\b(?:urged|urges|asked|asks|called on|calls on|pressed|presses) the (?:court|judges?|justices|panel|tribunal|board|commission) to (?:[a-z]+ ){0,6}?(?:(?:side|rule|find) (?:with|for|in favou?r of)|rule in|find in)\b`), conf: 0.8, hints: []string{"side with", "rule for", "find for", "rule in", "find in"}},
	// "asked the court to let the residents' case go forward"
	{re: mustCompile(`\b(?:urged|urges|asked|asks|called on|calls on) the (?:court|judges?|justices|panel|tribunal) to (?:let|allow)\b`), conf: 0.75, hints: []string{"to let", "to allow"}},
	{re: mustCompile(`\b(?:intervened|intervenes|intervening) (?:in support of|on behalf of|on the side of)\b`), conf: 0.8, via: "intervention", hints: []string{"interven"}},
	{re: mustCompile(`\b(?:threw|throw|thrown|throwing)\s+(?:their|its|his|her)\s+(?:\w+\s+)?weight\s+behind\b`), conf: 0.85, hints: []string{"weight"}},
	{re: mustCompile(`\b(?:backed|backs|backing|sided with|came out in support of|rallied behind|lined up behind|stood behind|stood with|weighed in (?:on the side of|in support of|on behalf of|for)|weighed in on)\b`), conf: 0.85,
		hints: []string{"back", "sided with", "support of", "behind", "stood with", "weighed in"}},
	{re: mustCompile(`\b(?:supported|supports)\s+(?:the\s+)?[A-Z]`), conf: 0.8, hints: []string{"support"}},
	{re: mustCompile(`\b(?:is|was|were|has been|have been|had been)\s+(?:also\s+)?(?:backed|supported|joined)(?:\s+(?:in|at|before)\s+[^,.;]{1,40}?)?\s+by\b`), passive: true, conf: 0.8, hints: []string{"backed by", "supported by", "joined by", " by "}},
}

// pluralOwnerBefore is a group's case just before a passive phrase of
// support: "The residents' challenge, which".
var pluralOwnerBefore = mustCompile(`\b(?:[Tt]he) ([a-z]+s)' (?:challenge|case|suit|lawsuit|appeal|claims?|position|side|petition)(?:,? (?:which|that))?\s*$`)

// relativeGap stands between a supported party and a passive phrase of
// support: nothing, ", which", or a thing of the party's ("Globex's
// defence of the rules, which").
var relativeGap = mustCompile(`^(?:'s? [a-z]+(?: of (?:the |its |their )?[a-z]+)?)?(?:,? (?:which|who))?\s*$`)

// findAlsoDid returns the bounds of alsoDid's match in s; every match
// holds "did", so a text without it is not searched.
func findAlsoDid(s string) []int {
	if !strings.Contains(s, "did") {
		return nil
	}
	return alsoDid.FindStringIndex(s)
}

// alsoDid follows a phrase of support with more supporters: ", as did
// several app makers, including X and Y", "and so did X".
var alsoDid = mustCompile(`^[^;]*?(?:,|;)? (?:as did|and so did|so did)\b`)

// targetPhraseWords are words one of which every match of targetPhrase's
// first branch holds; a match of the second branch is "in" between
// spaces.
var targetPhraseWords = []string{"support", "backing", "behalf", "favo", "side", "siding", "behind", "backed"}

// findTargetPhrase returns the bounds of targetPhrase's match in s,
// running the pattern only when s holds what a match needs.
func findTargetPhrase(s string) []int {
	if !mayContain(s, targetPhraseWords) && strings.TrimSpace(s) != "in" {
		return nil
	}
	return targetPhrase.FindStringIndex(s)
}

// targetPhrase introduces the supported party after the form of support.
var targetPhrase = mustCompile(`^[^.;]{0,60}?\b(?:in support of|supporting|backing|on behalf of|in favou?r of|on the side of|siding with|side with|behind|and (?:also )?(?:backed|supported|sided with))\s+|^\s*in\s+$`)

// possessiveSide is "in Globex's support" or "on Globex's side".
var possessiveSide = mustCompile(`^'s? (?:support|favou?r|defen[cs]e|side|behalf|position|appeal|case|challenge|bid)\b`)

// neitherSide says the support went to no party.
var neitherSide = mustCompile(`\b(?:supported|supporting|backing|backed) neither (?:party|side)\b`)

// refusedSupport marks applicants the court turned away: no support.
var refusedSupport = mustCompile(`(?i)\b(?:refused|denied|rejected|turned down|barred|struck|not allowed|declined)\b[^.]{0,80}\b(?:request|application|bid|motion|leave|attempt|permission|brief)\b|\b(?:request|application|bid|motion|attempt) to (?:file|submit|join|intervene)[^.]{0,80}\b(?:was|were) (?:refused|denied|rejected|turned down)\b`)

// listGapItems matches a run of the pieces that may stand between a list
// of supporters and the phrase of support ("and two other firms",
// ", which …,", " also").
const listGapItems = `(?:,? (?:along with|together with|joined by|as well as|plus|and) (?:\d+|[a-z-]+)?(?: ?[a-z-]+){0,5} (?:other|more)?(?: ?[a-z-]+){0,4}?(?:others|companies|firms|groups|organi[sz]ations|businesses|giants|members|entities|associations|states|countries|governments|providers|makers),?|, (?:joined by|along with|together with|as well as) [^,]{1,80},|, (?:on behalf of|which|who|whose|leading|led by|through|representing|most of them|among them|including|an?|the) [^,]{0,100},|, (?:which|who)| (?:also|too|jointly|each|both|all|have|has|had|separately|later|earlier|recently|then|publicly|themselves|itself|on \w+|last \w+|this \w+))*`

// listGapAt matches a run of list-gap pieces that starts at the beginning
// of a text and runs to its end.
var listGapAt = mustCompile(`^` + listGapItems + `\s*$`)

// listGapFirst are the words that open a list-gap piece, after its comma
// or space.
var listGapFirst = setOf("along", "together", "joined", "as", "plus", "and", "on", "which", "who", "whose",
	"leading", "led", "through", "representing", "most", "among", "including", "a", "an", "the",
	"also", "too", "jointly", "each", "both", "all", "have", "has", "had", "separately", "later",
	"earlier", "recently", "then", "publicly", "themselves", "itself", "last", "this")

// listGapStart returns where the list gap at the end of t begins: the
// first offset from which list-gap pieces run to the end, else where the
// trailing spaces begin. It scans forward and tries the anchored pattern
// only where a piece can open (a comma or space before one of
// listGapFirst), rather than running an unanchored pattern that is
// retried from every offset.
func listGapStart(t string) int {
	end := len(t)
	for end > 0 && isRegexpSpace(t[end-1]) {
		end--
	}
	for p := 0; p < end; p++ {
		c := t[p]
		if c != ',' && c != ' ' {
			continue
		}
		q := p + 1
		if c == ',' && q < len(t) && t[q] == ' ' {
			q++
		}
		r := q
		for r < len(t) && t[r] >= 'a' && t[r] <= 'z' {
			r++
		}
		if !listGapFirst[t[q:r]] {
			continue
		}
		if listGapAt.MatchString(t[p:]) {
			return p
		}
	}
	return end
}

// isRegexpSpace reports whether c is white space in the sense of \s.
func isRegexpSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == '\v'
}

// listSep separates names in a list of supporters.
var listSep = mustCompile(`^(?:,|, and|and|, as well as|as well as)\s*(?:the |The )?$`)

// groundOpeningWords open a ground clause after a comma or at a word.
const groundOpeningWords = `(?:concerned|worried|fearing|fretting|arguing|saying|warning|cautioning|noting|claiming|contending|insisting|maintaining|asserting|stressing|explaining|describing|pointing to|pointing out|citing|because|on the grounds? that|(?:over|amid|out of|with) (?:fears?|concerns?|worries|worry) (?:that|about)|told the (?:court|judges?|justices|panel)|telling (?:the )?(?:court|judges?|justices|panel|tribunal)|urged|urging)\b`

// Grounds: a clause in the same sentence, an opening participle, or the
// next sentence's argument. A same-sentence ground runs from the words
// one of sameSentenceGround finds to the next full stop (see
// groundClause).
var (
	// sameSentenceGround lists the openings of a ground clause, tried one by
	// one (see groundClause): as one alternation the expression is too
	// large for Go's backtracking matcher and runs slower.
	sameSentenceGround = []*pattern{
		// after a comma or at a word: two patterns, so that each finds few
		// places to try (no match can start at both)
		mustCompile(`,\s*` + groundOpeningWords),
		mustCompile(`\b` + groundOpeningWords),
		mustCompile(`; (?:he|she|it|they|the (?:group|groups|companies|coalition|states)|(?:its|their|his|her) (?:lawyers|attorneys|counsel|brief|letter|filing))\s+(?:also )?(?:wrote|warned|argued|said|contended|insisted|maintained|told the (?:court|judges?|justices|panel))\b`),
		mustCompile(`\band (?:also )?(?:argued|said|warned|contended|wrote|insisted) that\b`),
		mustCompile(`, (?:a|an|the) [^,]{1,60} that (?:warned|argued|said|contended)\b`),
		mustCompile(`\bmade (?:submissions|arguments|the case|representations) (?:on|about|that)\b`),
	}
	openingGround      = mustCompile(`^(?:(Realizing|Realising|Recognizing|Recognising|Citing|Mindful of|Aware of|Wary of|Alarmed by|Fearing)\s+|(?:Concerned|Worried|Alarmed|Fearful|Troubled|Arguing|Warning|Believing|Convinced|Noting|Saying|Pointing)\b)([^,]+),`)
	nextSentenceGround = mustCompile(`^(?:In (?:its|their|a|the) (?:joint )?(?:brief|letter|filing|statement), )?(?:It|They|The (?:group|groups|companies|coalition|firms|states)|(?:Its|Their) (?:[a-z]+ )?(?:director|lawyers?|president|head|chief|spokes(?:man|woman|person)|counsel|leader)|[A-Z][\w&.' -]{1,60}?) (?:argued|argues|said|says|wrote|writes|warned|warns|contended|contends|pointed to|point to|cited|cite|noted|note|stressed|stress|told the (?:court|judges?|justices))\b`)
)

// viewOfRe opens a sentence that attributes the sentence before to
// someone: "That, at least, is the view of X".
var viewOfRe = mustCompile(`^(?:That|This|Such)(?:, at least,)? (?:is|was|has been) (?:also )?(?:the (?:view|argument|position|case|message) of|what)\b`)

// scanSupports finds the supports of every sentence. With mark set it only
// marks the supporters (before litigants are decided); otherwise it records
// the supports.
func (d *doc) scanSupports(mark bool) {
	if d.supportGate == nil {
		// the first pass decides which sentences to scan and keeps the
		// matches for the second
		d.supportGate = make([]bool, len(d.sents))
		for si, s := range d.sents {
			d.supportGate[si] = s.may(supportHints) && !(s.may(refusalHints) && refusedSupport.MatchString(s.s))
		}
		d.supportMatches = make([][][][]int, len(d.sents))
		d.subjectLists = map[[2]int][]*mention{}
	}
	for si, s := range d.sents {
		if !d.supportGate[si] {
			continue
		}
		ruleMatches := d.supportMatches[si]
		if ruleMatches == nil {
			ruleMatches = make([][][]int, len(supportRules))
			for ri, rule := range supportRules {
				if s.may(rule.hints) {
					ruleMatches[ri] = findAround(rule.re, s.s, s.low, s.present(rule.hints), supportWindow, supportWindow)
				}
			}
			d.supportMatches[si] = ruleMatches
		}
		var found []*support
		seen := map[*party]bool{}
		for ri, rule := range supportRules {
			for _, mi := range ruleMatches[ri] {
				via := rule.via
				for gi, name := range rule.re.SubexpNames() {
					if (name == "via" || name == "via2") && mi[2*gi] >= 0 {
						via = strings.TrimPrefix(s.s[mi[2*gi]:mi[2*gi+1]], "own ")
					}
				}
				start, end := s.start+mi[0], s.start+mi[1]
				var supporters []*mention
				var target *mention
				if rule.passive {
					target = d.mentionEndingBefore(si, start, relativeGap)
					supporters = d.listAfter(si, end)
					if target == nil && !mark {
						// "The residents' challenge, which is supported by X"
						if pm := pluralOwnerBefore.FindStringSubmatch(tail(d.m[s.start:start], 80)); pm != nil {
							for _, sm := range supporters {
								if sm.party == nil || sm.desc || sm.party.litigant || seen[sm.party] {
									continue
								}
								for _, q := range d.pluralLitigants(pm[1]) {
									found = append(found, &support{supporter: sm.party, targetParty: q, via: via, si: si, conf: 0.65,
										note: sprintf("'the %s' → %s", pm[1], q.name)})
								}
								seen[sm.party] = true
							}
						}
					}
				} else {
					var ok bool
					if supporters, ok = d.subjectLists[[2]int{si, start}]; !ok {
						supporters = d.subjectList(si, start)
						d.subjectLists[[2]int{si, start}] = supporters
					}
					target = d.targetAfter(si, end, s)
					if strings.HasPrefix(s.s[mi[1]-1:], "S") || strings.HasPrefix(rule.re.String(), `\b(?:supported|supports)`) {
						// "supported X": the target starts at the capital
						target = d.mentionAt(si, start+strings.Index(s.s[mi[0]:mi[1]], " ")+1)
					}
				}
				if !rule.passive {
					// ", as did several app makers, including X and Y"
					if m := findAlsoDid(s.s[mi[1]:]); m != nil {
						supporters = append(supporters, d.listAfter(si, end+m[1])...)
					}
				}
				if neitherSide.MatchString(s.s) {
					target = nil
				}
				if len(supporters) == 0 && !rule.passive && !mark {
					// "A group of 154 economists filed a brief"
					if g := d.countedSubject(si, start); g != nil && !seen[g] {
						seen[g] = true
						sup := &support{supporter: g, target: target, via: via, si: si, conf: rule.conf - 0.1, note: "a group the article counts rather than names"}
						if target == nil {
							sup.conf = 0.6
						}
						found = append(found, sup)
					}
				}
				for _, sm := range supporters {
					p := sm.party
					if p == nil || seen[p] || sm.desc {
						continue
					}
					if !mark && (p.litigant || target != nil && target.party == p) {
						continue
					}
					seen[p] = true
					if mark {
						if !p.litigant {
							p.supporter = true
						}
						continue
					}
					sup := &support{supporter: p, target: target, via: via, si: si, conf: rule.conf}
					if target == nil && !rule.passive && !neitherSide.MatchString(s.s) {
						// "backing the plaintiffs": one support per member
						if group, noun := d.pluralTarget(end, s); len(group) > 0 {
							for _, q := range group {
								if q == p {
									continue
								}
								found = append(found, &support{supporter: p, targetParty: q, via: via, si: si, conf: 0.65,
									note: sprintf("'the %s' → %s", noun, joinNames(names(group)))})
							}
							continue
						}
					}
					if target == nil {
						sup.conf = 0.7
					} else if target.desc {
						sup.conf -= 0.1
						sup.note = target.note
					}
					found = append(found, sup)
					// "backed Globex and Initech": every litigant of the list
					if target != nil && !rule.passive {
						for _, more := range d.moreTargets(si, target) {
							if more.party != p {
								found = append(found, &support{supporter: p, target: more, via: via, si: si, conf: sup.conf - 0.05, note: more.note})
							}
						}
					}
				}
			}
		}
		// "Globex drew support from A", "In a brief supporting Globex, A …"
		for _, sup := range d.reverseSupports(si, mark) {
			if !seen[sup.supporter] {
				seen[sup.supporter] = true
				found = append(found, sup)
			}
		}
		if mark || len(found) == 0 {
			continue
		}
		d.addGrounds(si, found)
		d.supports = append(d.supports, found...)
	}
	if !mark {
		d.soDidSupports()
		d.applySideContext()
		d.carryGrounds()
	}
}

// groundClause returns the bounds of the first same-sentence ground in s:
// the words that open it up to the next full stop.
func groundClause(s string) []int {
	var m []int
	for _, p := range sameSentenceGround {
		// the leftmost opening; at the same place, the first listed
		if o := p.FindStringIndex(s); o != nil && (m == nil || o[0] < m[0]) {
			m = o
		}
	}
	if m == nil {
		return nil
	}
	if stop := strings.IndexByte(s[m[1]:], '.'); stop >= 0 {
		m[1] += stop
	} else {
		m[1] = len(s)
	}
	return m
}

// addGrounds gives the supports of sentence si the reasons stated in it or
// in the next sentence.
func (d *doc) addGrounds(si int, found []*support) {
	s := d.sents[si]
	var g *ground
	if m := groundClause(s.s); m != nil && m[0] > 0 {
		claim := strings.TrimLeft(s.s[m[0]:m[1]], ", ")
		g = &ground{claim: trimClaim(claim), si: si, conf: 0.8}
	} else if m := openingGround.FindStringSubmatch(s.s); m != nil {
		claim := strings.TrimSuffix(m[0], ",")
		if m[1] != "" {
			claim = m[2]
		}
		g = &ground{claim: trimClaim(claim), si: si, conf: 0.8}
	} else if si > 0 && d.sents[si-1].para == s.para && viewOfRe.MatchString(s.s) {
		// "Drones save lives. That, at least, is the view of X, which …"
		g = &ground{claim: trimClaim(d.sents[si-1].s), si: si - 1, conf: 0.65,
			note: "the view stated in the sentence before, which this sentence attributes to the supporter"}
	} else if si+1 < len(d.sents) && d.sents[si+1].para == s.para {
		next := d.sents[si+1].s
		if m := nextSentenceGround.FindStringIndex(next); m != nil {
			subj := next[:m[1]]
			related := strings.HasPrefix(subj, "It ") || strings.HasPrefix(subj, "They ") || strings.HasPrefix(subj, "The ") || strings.HasPrefix(subj, "In ") ||
				strings.HasPrefix(subj, "Its ") || strings.HasPrefix(subj, "Their ")
			for _, f := range found {
				if strings.Contains(subj, f.supporter.name) {
					related = true
				}
			}
			if related {
				g = &ground{claim: trimClaim(strings.TrimPrefix(strings.TrimSpace(next[m[1]:]), "that ")), si: si + 1, conf: 0.65,
					note: "the reason given in the sentence after the support"}
			}
		}
	}
	if g == nil {
		return
	}
	for _, f := range found {
		f.grounds = append(f.grounds, *g)
	}
}

// carryGrounds applies an opening clause such as "Realizing the effect on
// U.S. businesses, other companies offered a hand" that names no one to
// the supporters in the next sentences of the paragraph without reasons.
func (d *doc) carryGrounds() {
	for si, s := range d.sents {
		m := openingGround.FindStringSubmatch(s.s)
		if m == nil {
			continue
		}
		hasOwn := false
		for _, sup := range d.supports {
			if sup.si == si {
				hasOwn = true
			}
		}
		if hasOwn {
			continue
		}
		claim := strings.TrimSuffix(m[0], ",")
		if m[1] != "" {
			claim = m[2]
		}
		for _, sup := range d.supports {
			if sup.si > si && sup.si <= si+2 && d.sents[sup.si].para == s.para && len(sup.grounds) == 0 {
				sup.grounds = append(sup.grounds, ground{claim: trimClaim(claim), si: si, conf: 0.6,
					note: "the reason opening an earlier sentence of the paragraph about the same group of supporters"})
			}
		}
	}
}

// subjectList returns the list of names that ends just before byte offset
// pos of sentence si: "Initech, Hooli, and Acme also threw…".
func (d *doc) subjectList(si, pos int) []*mention {
	s := d.sents[si]
	before := d.m[s.start:pos]
	t := tail(before, 160)
	gap := listGapStart(t)
	end := pos - (len(t) - gap)
	var out []*mention
	lo := d.mentionStart[si]
	for i := d.mentionStart[si+1] - 1; i >= lo; i-- {
		mt := d.mentions[i]
		if mt.start >= end {
			continue
		}
		if mt.end != end {
			if len(out) == 0 {
				return d.examplesInGap(si, pos-len(t), pos)
			}
			break
		}
		out = append([]*mention{mt}, out...)
		// the separator before this name
		j := i - 1
		if j < lo {
			break
		}
		sep := d.m[d.mentions[j].end:mt.start]
		if !listSep.MatchString(strings.TrimLeft(sep, " ")) || strings.TrimSpace(sep) == "" && sep != " " {
			break
		}
		end = d.mentions[j].end
	}
	if len(out) == 0 {
		return d.examplesInGap(si, pos-len(t), pos)
	}
	return append(out, d.companionsInGap(si, pos-len(t)+gap, pos)...)
}

// companionRe introduces a co-supporter set off inside the subject:
// "Globex, along with the Widget Council, urged …".
var companionRe = mustCompile(`^, (?:along with|together with|joined by|as well as) (?:the )?$`)

// companionsInGap returns the names that companionRe introduces between
// byte offsets from and to of sentence si.
func (d *doc) companionsInGap(si, from, to int) []*mention {
	var out []*mention
	for _, mt := range d.inSentence(si) {
		if mt.start < from || mt.end > to || mt.desc || mt.gov {
			continue
		}
		lead := tail(d.m[from:mt.start], 20)
		if i := strings.LastIndex(lead, ", "); i >= 0 && companionRe.MatchString(lead[i:]) {
			out = append(out, mt)
		}
	}
	return out
}

// examplesRe opens the named examples of a described group: "More than
// 500 athletes, among them A and B, signed …".
var examplesRe = mustCompile(`, (?:among them|including|such as|led by) (?:the )?`)

// countedGroupRe opens a subject that is a counted group named in
// apposition: "Two industry groups, A and B, …".
var countedGroupRe = mustCompile(`^(?:Two|Three|Four|Five|Several|Both|Many|\d+) [a-z -]{2,40}, (?:the )?`)

// examplesInGap returns the names that a described group's examples list
// between byte offsets from and to of sentence si, when no name stands
// right before the phrase of support.
func (d *doc) examplesInGap(si, from, to int) []*mention {
	if from >= to {
		return nil
	}
	locs := examplesRe.FindAllStringIndex(d.m[from:to], -1)
	if locs == nil {
		if from != d.sents[si].start {
			return nil
		}
		if locs = countedGroupRe.FindAllStringIndex(d.m[from:to], 1); locs == nil {
			return nil
		}
	}
	loc := locs[len(locs)-1]
	var out []*mention
	for _, mt := range d.listAfter(si, from+loc[1]) {
		if mt.end <= to {
			out = append(out, mt)
		}
	}
	// the examples must close the subject: "…, among them A and B, filed"
	if len(out) == 0 || !examplesEnd.MatchString(d.m[out[len(out)-1].end:to]) {
		return nil
	}
	return out
}

// examplesEnd lies between the last example and the phrase of support.
var examplesEnd = mustCompile(`^,?(?: (?:also|too|jointly|each|both|all|have|has|had|separately|later|then))*\s*$`)

// targetAfter returns the supported party's mention after the phrase of
// support that ends at byte offset end.
func (d *doc) targetAfter(si, end int, s sentence) *mention {
	rest := d.m[end:s.end]
	off := 0
	if m := findTargetPhrase(rest); m != nil {
		off = m[1]
	} else if !strings.HasPrefix(rest, " ") {
		return nil
	}
	for _, mt := range d.inSentence(si) {
		if mt.start < end+off {
			continue
		}
		gap := d.m[end+off : mt.start]
		if g := strings.TrimSpace(gap); g == "" || g == "in" || g == "the" {
			if mt.start-end-off <= len(" the ") {
				return mt
			}
		}
		// "in Globex's support", "on Globex's side"
		if possessiveSide.MatchString(d.m[mt.end:s.end]) && len(gap) <= 8 {
			return mt
		}
		return nil
	}
	return nil
}

// moreTargets returns the litigants listed right after a supported
// party's mention ("backing Globex and Initech").
func (d *doc) moreTargets(si int, target *mention) []*mention {
	ms := d.inSentence(si)
	k := slices.Index(ms, target)
	var out []*mention
	for k >= 0 && k+1 < len(ms) && targetListSep.MatchString(d.m[ms[k].end:ms[k+1].start]) {
		k++
		if ms[k].party == nil || !ms[k].party.litigant {
			break
		}
		out = append(out, ms[k])
	}
	return out
}

// targetListSep joins the names of a list of supported parties.
var targetListSep = mustCompile(`^(?:,| and|, and) (?:the )?$`)

// mentionAt returns the mention starting at byte offset pos.
func (d *doc) mentionAt(si, pos int) *mention {
	for _, mt := range d.inSentence(si) {
		if mt.start == pos {
			return mt
		}
	}
	return nil
}

// mentionEndingBefore returns the last mention ending before pos in the
// sentence, when the text between matches gap.
func (d *doc) mentionEndingBefore(si, pos int, re *pattern) *mention {
	ms := d.inSentence(si)
	for i := len(ms) - 1; i >= 0; i-- {
		mt := ms[i]
		if mt.end <= pos {
			if re.MatchString(d.m[mt.end:pos]) {
				return mt
			}
			return nil
		}
	}
	return nil
}

// listAfter returns the list of names that starts just after byte offset
// pos of sentence si ("…was backed by A, B and the C"), or that a
// description introduces ("by a long list of companies, among them A and
// B").
func (d *doc) listAfter(si, pos int) []*mention {
	ms := d.inSentence(si)
	k := 0
	for k < len(ms) && ms[k].start < pos {
		k++
	}
	if k == len(ms) {
		return nil
	}
	gap := trimTitleModifier(d.m[pos:ms[k].start])
	if !listStart.MatchString(gap) {
		return nil
	}
	if k+1 < len(ms) && ms[k+1].kind == facts.KindPerson && titleGap.MatchString(d.m[ms[k].end:ms[k+1].start]) && !listSep.MatchString(strings.TrimSpace(d.m[ms[k].end:ms[k+1].start])) {
		k++ // "Globex co-founder Ann Doe": the person, not the company
	}
	out := []*mention{ms[k]}
	for k+1 < len(ms) && (listSep.MatchString(strings.TrimLeft(d.m[ms[k].end:ms[k+1].start], " ")) && d.m[ms[k].end:ms[k+1].start] != " " || describedListSep.MatchString(d.m[ms[k].end:ms[k+1].start])) {
		k++
		out = append(out, ms[k])
	}
	return out
}

// describedListSep joins two names of a list where the second has a
// short description: ", and the consumer group X", ", as well as rival
// sites including X".
var describedListSep = mustCompile(`^,? (?:and|as well as|plus) (?:the )?(?:[A-Za-z-]+ ){1,3}(?:including |such as |among them )?$`)

// titleModifierEnd is a name and a title that qualify the name after
// them: "Globex co-founder " before "Ann Doe" (see dropTitleModifiers).
var titleModifierEnd = mustCompile(`[A-Z][\w&.'-]*(?: [A-Z][\w&.'-]*){0,3} (?:[a-z][a-z-]* ){0,2}([a-z][a-z-]*) $`)

// trimTitleModifier cuts a title modifier from the end of gap.
func trimTitleModifier(gap string) string {
	if m := titleModifierEnd.FindStringSubmatchIndex(gap); m != nil && titleNouns[gap[m[2]:m[3]]] {
		return gap[:m[0]]
	}
	return gap
}

// titleGap stands between an organisation and the person it titles
// ("Globex co-founder Ann Doe").
var titleGap = mustCompile(`^ (?:[a-z][a-z-]+ ){1,3}$`)

// listStart stands between a phrase and the list of names after it.
var listStart = mustCompile(`^\s*(?:the\s+|The\s+)?$|^[^.;]{0,100}?,? (?:among them|including|such as|led by)\s+(?:the\s+)?$`)

// mentionsAfter returns the named mentions after pos in sentence si.
func (d *doc) mentionsAfter(si, pos int) []*mention {
	var out []*mention
	for _, mt := range d.inSentence(si) {
		if mt.start >= pos && !mt.gov && !mt.desc {
			out = append(out, mt)
		}
	}
	return out
}

// trimClaim tidies a clause used as a claim.
func trimClaim(s string) string {
	s = strings.TrimSpace(s)
	s = strings.TrimRight(s, ".;:\"' ")
	s = strings.TrimLeft(s, "\"' ")
	return s
}

// supportFacts turns the supports into facts.
func (d *doc) supportFacts() []facts.Support {
	out := []facts.Support{}
	for _, s := range d.supports {
		f := facts.Support{Supporter: s.supporter.name, Via: s.via, Confidence: s.conf,
			Evidence: []facts.Evidence{d.evidence(s.si, s.note)}}
		target := s.targetParty
		if target == nil && s.target != nil {
			target = s.target.party
		}
		if target != nil {
			f.Supported = target.name
			if target.dispute != nil {
				f.Case = target.dispute.name
			}
		}
		for _, g := range s.grounds {
			f.Grounds = append(f.Grounds, facts.Ground{Claim: g.claim, Confidence: g.conf,
				Evidence: []facts.Evidence{d.evidence(g.si, g.note)}})
		}
		out = append(out, f)
	}
	return out
}

// pluralGroup is "the plaintiffs" or "the states" after a phrase of support.
var pluralGroup = mustCompile(`^(?:the|The) ([a-z-]+s)\b`)

// pluralTarget returns the litigants of a group named after the phrase
// of support that ends at byte offset end ("filed a brief backing the
// residents"), and the group's noun. A role ("the challengers") stands
// for the side's lead party only.
func (d *doc) pluralTarget(end int, s sentence) ([]*party, string) {
	rest := d.m[end:s.end]
	if m := findTargetPhrase(rest); m != nil {
		rest = rest[m[1]:]
	} else {
		rest = strings.TrimPrefix(rest, " ")
	}
	m := pluralGroup.FindStringSubmatch(rest)
	if m == nil {
		return nil, ""
	}
	group := d.pluralLitigants(m[1])
	if len(group) > 1 && (plaintiffPlurals[m[1]] || defendantPlurals[m[1]]) {
		// "the challengers" names the side by its role: its lead party
		group = group[:1]
	}
	return group, m[1]
}

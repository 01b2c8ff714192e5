package extract

import (
	"regexp"
	"strings"

	"github.com/amicus-graph/amicus/facts"
)

// support is one supporter backing (or not saying whom) a party.
type support struct {
	supporter *party
	target    *mention // nil when the article does not say whom
	via       string
	si        int
	conf      float64
	grounds   []ground
	note      string
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
// the one before it). Group "via" names the form of the support.
type supportRule struct {
	re      *regexp.Regexp
	passive bool
	conf    float64
}

const viaWords = `(?P<via>(?:joint |separate |legal |own )?(?:amicus curiae brief|amicus brief|friend-of-the-court brief|friend of the court brief|amicus curiae|brief|open letter|letter|statement|filing|declaration|comments))`

// supportRules are the phrases of support, most explicit first.
var supportRules = []supportRule{
	{regexp.MustCompile(`\b(?:filed|submitted|lodged|signed|sent|wrote|joined|issued|signed on to)\s+(?:an?\s+|its\s+|their\s+|the\s+|his\s+|her\s+)?(?:own\s+)?` + viaWords + `s?\b`), false, 0.9},
	{regexp.MustCompile(`\b(?:took|take|taking) part as (?:an? )?(?P<via>amicus curiae|amicus|friend of the court)\b|\b(?:participated|appeared|intervened) as (?:an? )?(?P<via2>amicus curiae|amicus|friend of the court)\b`), false, 0.75},
	{regexp.MustCompile(`\b(?:threw|throw|thrown|throwing)\s+(?:their|its|his|her)\s+(?:\w+\s+)?weight\s+behind\b`), false, 0.85},
	{regexp.MustCompile(`\b(?:backed|backs|backing|sided with|came out in support of|rallied behind|lined up behind|stood behind|stood with|weighed in (?:on the side of|in support of|on behalf of|for)|weighed in on)\b`), false, 0.85},
	{regexp.MustCompile(`\b(?:supported|supports)\s+(?:the\s+)?[A-Z]`), false, 0.8},
	{regexp.MustCompile(`\b(?:is|was|were|has been|have been|had been)\s+(?:backed|supported|joined)\s+by\b`), true, 0.8},
}

var onlySpace = regexp.MustCompile(`^\s*$`)

// targetPhrase introduces the supported party after the form of support.
var targetPhrase = regexp.MustCompile(`^[^.;]{0,60}?\b(?:in support of|supporting|backing|on behalf of|in favou?r of|on the side of|siding with|behind)\s+|^\s*in\s+$`)

// possessiveSide is "in Microsoft's support" or "on Microsoft's side".
var possessiveSide = regexp.MustCompile(`^'s (?:support|favou?r|defen[cs]e|side|behalf)\b`)

// neitherSide says the support went to no party.
var neitherSide = regexp.MustCompile(`\b(?:supported|supporting|backing|backed) neither (?:party|side)\b`)

// refusedSupport marks applicants the court turned away: no support.
var refusedSupport = regexp.MustCompile(`(?i)\b(?:refused|denied|rejected|turned down|barred|struck|not allowed|declined)\b[^.]{0,80}\b(?:request|application|bid|motion|leave|attempt|permission|brief)\b|\b(?:request|application|bid|motion|attempt) to (?:file|submit|join|intervene)[^.]{0,80}\b(?:was|were) (?:refused|denied|rejected|turned down)\b`)

// listGap may stand between a list of supporters and the phrase of support.
var listGap = regexp.MustCompile(`(?:,? (?:along with|together with|joined by|as well as|plus|and) (?:\d+|[a-z-]+)?(?: ?[a-z-]+){0,5} (?:other|more)?(?: ?[a-z-]+){0,4}?(?:others|companies|firms|groups|organi[sz]ations|businesses|giants|members|entities|associations|states|countries|governments|providers|makers),?|, (?:on behalf of|which|who)[^,]{0,100},| (?:also|too|jointly|each|both|all|have|has|had|separately|later|earlier|recently|then|themselves|itself|on \w+|last \w+|this \w+))*\s*$`)

// listSep separates names in a list of supporters.
var listSep = regexp.MustCompile(`^(?:,|, and|and|, as well as|as well as)\s*(?:the |The )?$`)

// Grounds: a clause in the same sentence, an opening participle, or the
// next sentence's argument.
var (
	sameSentenceGround = regexp.MustCompile(`(?:,\s*|\b)(?:concerned|worried|fearing|arguing|saying|warning|noting|claiming|contending|insisting|stressing|explaining|because|told the (?:court|judges?|justices|panel)|urged|urging)\b[^.]*`)
	openingGround      = regexp.MustCompile(`^(?:(Realizing|Realising|Recognizing|Recognising|Citing|Mindful of|Aware of|Wary of|Alarmed by|Fearing)\s+|(?:Concerned|Worried|Arguing|Warning|Believing|Convinced|Noting|Saying)\b)([^,]+),`)
	nextSentenceGround = regexp.MustCompile(`^(?:In (?:its|their|a|the) (?:joint )?(?:brief|letter|filing|statement), )?(?:It|They|The (?:group|groups|companies|coalition|firms|states)|[A-Z][\w&.' -]{1,60}?) (?:argued|argues|said|says|wrote|writes|warned|warns|contended|contends|told the (?:court|judges?|justices))\b`)
)

// scanSupports finds the supports of every sentence. With mark set it only
// marks the supporters (before litigants are decided); otherwise it records
// the supports.
func (d *doc) scanSupports(mark bool) {
	for si, s := range d.sents {
		if !mayContain(s.low, supportHints) || mayContain(s.low, refusalHints) && refusedSupport.MatchString(s.s) {
			continue
		}
		var found []*support
		seen := map[*party]bool{}
		for _, rule := range supportRules {
			for _, mi := range rule.re.FindAllStringSubmatchIndex(s.s, -1) {
				via := ""
				for gi, name := range rule.re.SubexpNames() {
					if (name == "via" || name == "via2") && mi[2*gi] >= 0 {
						via = strings.TrimPrefix(s.s[mi[2*gi]:mi[2*gi+1]], "own ")
					}
				}
				start, end := s.start+mi[0], s.start+mi[1]
				var supporters []*mention
				var target *mention
				if rule.passive {
					target = d.mentionEndingBefore(si, start, onlySpace)
					supporters = d.mentionsAfter(si, end)
				} else {
					supporters = d.subjectList(si, start)
					target = d.targetAfter(si, end, s)
					if strings.HasPrefix(s.s[mi[1]-1:], "S") || rule.re.String() == supportRules[4].re.String() {
						// "supported X": the target starts at the capital
						target = d.mentionAt(si, start+strings.Index(s.s[mi[0]:mi[1]], " ")+1)
					}
				}
				if neitherSide.MatchString(s.s) {
					target = nil
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
					if target == nil {
						sup.conf = 0.7
					} else if target.desc {
						sup.conf -= 0.1
						sup.note = target.note
					}
					found = append(found, sup)
				}
			}
		}
		if mark || len(found) == 0 {
			continue
		}
		d.addGrounds(si, found)
		d.supports = append(d.supports, found...)
	}
	if !mark {
		d.carryGrounds()
	}
}

// addGrounds gives the supports of sentence si the reasons stated in it or
// in the next sentence.
func (d *doc) addGrounds(si int, found []*support) {
	s := d.sents[si]
	var g *ground
	if m := sameSentenceGround.FindStringIndex(s.s); m != nil && m[0] > 0 {
		claim := strings.TrimLeft(s.s[m[0]:m[1]], ", ")
		g = &ground{claim: trimClaim(claim), si: si, conf: 0.8}
	} else if m := openingGround.FindStringSubmatch(s.s); m != nil {
		claim := strings.TrimSuffix(m[0], ",")
		if m[1] != "" {
			claim = m[2]
		}
		g = &ground{claim: trimClaim(claim), si: si, conf: 0.8}
	} else if si+1 < len(d.sents) && d.sents[si+1].para == s.para {
		next := d.sents[si+1].s
		if m := nextSentenceGround.FindStringIndex(next); m != nil {
			subj := next[:m[1]]
			related := strings.HasPrefix(subj, "It ") || strings.HasPrefix(subj, "They ") || strings.HasPrefix(subj, "The ") || strings.HasPrefix(subj, "In ")
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
// pos of sentence si: "Apple, AT&T, and Cisco also threw…".
func (d *doc) subjectList(si, pos int) []*mention {
	s := d.sents[si]
	before := d.m[s.start:pos]
	t := tail(before, 160)
	gap := listGap.FindStringIndex(t)
	end := pos - (len(t) - gap[0])
	var out []*mention
	lo := d.mentionStart[si]
	for i := d.mentionStart[si+1] - 1; i >= lo; i-- {
		mt := d.mentions[i]
		if mt.start >= end {
			continue
		}
		if mt.end != end {
			if len(out) == 0 {
				return nil
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
	return out
}

// targetAfter returns the supported party's mention after the phrase of
// support that ends at byte offset end.
func (d *doc) targetAfter(si, end int, s sentence) *mention {
	rest := d.m[end:s.end]
	off := 0
	if m := targetPhrase.FindStringIndex(rest); m != nil {
		off = m[1]
	} else if !strings.HasPrefix(rest, " ") {
		return nil
	}
	for _, mt := range d.inSentence(si) {
		if mt.start < end+off {
			continue
		}
		gap := d.m[end+off : mt.start]
		if strings.TrimSpace(gap) == "" || strings.TrimSpace(gap) == "in" {
			if mt.start-end-off <= 4 {
				return mt
			}
		}
		// "in Microsoft's support", "on Microsoft's side"
		if possessiveSide.MatchString(d.m[mt.end:s.end]) && len(gap) <= 8 {
			return mt
		}
		return nil
	}
	return nil
}

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
func (d *doc) mentionEndingBefore(si, pos int, re *regexp.Regexp) *mention {
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
		if s.target != nil && s.target.party != nil {
			f.Supported = s.target.party.name
			if s.target.party.dispute != nil {
				f.Case = s.target.party.dispute.name
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

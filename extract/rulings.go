package extract

import (
	"regexp"
	"strings"

	"github.com/amicus-graph/amicus/facts"
)

// ruling is a decision of a court.
type ruling struct {
	court   *court
	actor   int // identity of the court or judge mention that decided
	favors  *party
	summary string
	date    string
	si      int
	conf    float64
	note    string
	kind    string // "contempt" for contempt findings, which happen once
}

// Who a ruling favours, by the kind of ruling phrase.
const (
	favorsObject      = "object"     // the party after the verb ("sided with X")
	favorsNotObject   = "notObject"  // its opponent ("ordered X to comply")
	favorsNotSubject  = "notSubject" // the opponent of the party before ("X was found in contempt")
	favorsGovernment  = "government" // the government side ("signed a warrant")
	favorsNotA        = "notA"       // against the challenger ("declined to quash")
	favorsPrevious    = "previous"   // as the ruling it upholds
	favorsStayLifted  = "stayLifted" // the opponent of the party a stay protected
	favorsUnknown     = ""           // the article does not say
	hypotheticalAfter = `(?:would|could|might|may|will|to|should|can|must)(?: not)?(?: then)?(?: be)? $`
)

// rulingPhrases are the verbs of deciding and whom each favours. A court or
// judge must be mentioned before the phrase in the sentence, except for
// phrases with needsCourt false, whose court is the one the article is about.
var rulingPhrases = []struct {
	re         *regexp.Regexp
	favors     string
	needsCourt bool
	kind       string
	hints      []string // words (lower case) one of which the sentence must contain
}{
	{regexp.MustCompile(`\bruled (?:in favou?r of|for)\b`), favorsObject, true, "", []string{"ruled"}},
	{regexp.MustCompile(`\bruled against\b`), favorsNotObject, true, "", []string{"ruled against"}},
	{regexp.MustCompile(`\b(?:sided|agreed) with\b`), favorsObject, true, "", []string{"sided with", "agreed with"}},
	{regexp.MustCompile(`\bhanded (?:\S+ ){1,3}?an? (?:major |big |significant |key |rare |sweeping |partial )?(?:win|victory)\b`), favorsObject, true, "", []string{"handed"}},
	{regexp.MustCompile(`\bhanded (?:\S+ ){1,3}?an? (?:\w+ )?(?:defeat|loss|setback|blow)\b`), favorsNotObject, true, "", []string{"handed"}},
	{regexp.MustCompile(`\b(?:found|held) (?:\S+ ){1,3}?in contempt\b`), favorsNotObject, true, "contempt", []string{"contempt"}},
	{regexp.MustCompile(`\b(?:has been|have been|had been|was|were|is) (?:found|held) in contempt\b`), favorsNotSubject, false, "contempt", []string{"contempt"}},
	{regexp.MustCompile(`\b(?:has been|have been|had been|was|were) ordered to\b`), favorsNotSubject, false, "", []string{"ordered to"}},
	{regexp.MustCompile(`\bordered\b`), favorsNotObject, true, "", []string{"ordered"}},
	{regexp.MustCompile(`\b(?:threw out|tossed out|tossed|dismissed|vacated|rejected|struck down|overturned|reversed|denied)\b`), favorsUnknown, true, "", []string{"threw out", "tossed", "dismissed", "vacated", "rejected", "struck down", "overturned", "reversed", "denied"}},
	{regexp.MustCompile(`\bgranted\b`), favorsUnknown, true, "", []string{"granted"}},
	{regexp.MustCompile(`\b(?:upheld|affirmed)\b`), favorsPrevious, true, "", []string{"upheld", "affirmed"}},
	{regexp.MustCompile(`\b(?:declined|refused) to (?:quash|dismiss|block|stay|overturn|suppress|throw out|halt)\b`), favorsNotA, true, "", []string{"declined to", "refused to"}},
	{regexp.MustCompile(`\b(?:signed|issued|approved|granted) (?:a |the |an )?(?:search )?warrant\b|\bwarrant was issued\b`), favorsGovernment, true, "", []string{"warrant"}},
	{regexp.MustCompile(`\bstay\b[^.;]{0,40}\b(?:is|was) no longer in (?:force|effect)\b|\b(?:stay|injunction)\b[^.;]{0,60}?\b(?:was|were|has been|had been) (?:overturned|lifted|vacated|dissolved)\b|\b(?:that|it) was (?:overturned|lifted|vacated)\b`), favorsStayLifted, false, "", []string{"overturned", "lifted", "vacated", "dissolved", "no longer in"}},
	{regexp.MustCompile(`\b(?:ruled|held|found|concluded|decided) that\b`), favorsUnknown, true, "", []string{"ruled that", "held that", "found that", "concluded that", "decided that"}},
}

// aboutParty refines an unknown favour from the object: "threw out a
// contempt finding against X" favours X, "dismissed X's appeal" its
// opponent, "vacated the ruling in X's favor" its opponent.
var (
	againstObject  = regexp.MustCompile(`^[^,;]{0,60}?\bagainst\s*$`)
	objectsRequest = regexp.MustCompile(`^'s (?:appeal|lawsuit|suit|case|claims?|motion|request|bid|challenge|petition|complaint)\b`)
	inFavorOf      = regexp.MustCompile(`^'s favou?r\b`)
	grantedRequest = regexp.MustCompile(`\bgranted $`)
	awardedTo      = regexp.MustCompile(`\b(?:awarded|granted) to $`)
)

// hypo ends the words before a hypothetical ruling ("would then order").
var hypo = regexp.MustCompile(hypotheticalAfter)

// dateRe finds a date as the article writes it.
var dateRe = regexp.MustCompile(`\b(?:(?:on|last|this|since|in|by) )?((?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.) \d{1,2}(?:, \d{4})?|(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:some |about |nearly |almost |more than )?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|a few|several) (?:days?|weeks?|months?|years?) ago|(?:last|this) (?:week|month|year)|yesterday|earlier this (?:week|month|year))\b`)

func (d *doc) findRulings() {
	var prev *ruling
	for si, s := range d.sents {
		if strings.HasPrefix(s.s, "If ") || strings.HasPrefix(s.s, "\"") || !mayContain(s.low, rulingHints) {
			continue
		}
		type hit struct {
			start, end int
			favors     string
			kind       string
			actor      int
			court      *court
			note       string
		}
		var hits []hit
		for _, rp := range rulingPhrases {
			if !mayContain(s.low, rp.hints) {
				continue
			}
			for _, mi := range rp.re.FindAllStringIndex(s.s, -1) {
				if hypo.MatchString(tail(s.s[:mi[0]], 40)) {
					continue
				}
				start := s.start + mi[0]
				actor, c, note := d.actorBefore(si, start)
				if c == nil {
					if rp.needsCourt {
						continue
					}
					c, note = d.defaultCourt(si, prev)
					if c == nil {
						continue
					}
				}
				hits = append(hits, hit{mi[0], mi[1], rp.favors, rp.kind, actor, c, note})
			}
		}
		// One ruling per deciding mention: merge the phrases of one actor.
		byActor := map[int]*ruling{}
		var order []*ruling
		for _, h := range hits {
			fav, fnote := d.favorsOf(si, s.start+h.start, s.start+h.end, h.favors, prev)
			r := byActor[h.actor]
			if r == nil {
				r = &ruling{court: h.court, actor: h.actor, si: si, conf: 0.85, note: h.note}
				if h.note != "" {
					r.conf = 0.7
				}
				byActor[h.actor] = r
				order = append(order, r)
			}
			if r.favors == nil && fav != nil {
				r.favors = fav
				if fnote != "" {
					r.note = strings.TrimPrefix(r.note+"; "+fnote, "; ")
					r.conf -= 0.1
				}
			}
			if h.kind != "" {
				r.kind = h.kind
			}
			clause := s.s[h.start:]
			if k := strings.Index(clause, "; "); k > 0 {
				clause = clause[:k]
			}
			r.summary = trimClaim(clause)
			r.date = d.dateNear(si, h.start)
		}
		for _, r := range order {
			d.addRuling(r)
			prev = r
		}
	}
}

// addRuling records r unless it repeats a ruling already found: a second
// contempt finding against the same party, or an undated mention of a
// higher court's decision that was already reported.
func (d *doc) addRuling(r *ruling) {
	for _, o := range d.rulings {
		if o.court != r.court || o.favors != r.favors {
			continue
		}
		if r.kind == "contempt" && o.kind == "contempt" {
			return
		}
		if r.date == "" && (r.court.level == "appeals" || r.court.level == "supreme") {
			return
		}
	}
	d.rulings = append(d.rulings, r)
}

// actorBefore returns the court or judge mentioned last before pos in the
// sentence, as an identity, its court and a note.
func (d *doc) actorBefore(si, pos int) (int, *court, string) {
	best, bestStart := -1, -1
	var c *court
	note := ""
	for i, r := range d.courtRefs {
		if r.si == si && r.start < pos && r.start > bestStart && r.court != nil {
			best, bestStart, c, note = i, r.start, r.court, r.note
		}
	}
	for i, jr := range d.judgeRefs {
		if jr.si == si && jr.start < pos && jr.start > bestStart && jr.judge.court != nil {
			best, bestStart, c, note = 10000+i, jr.start, jr.judge.court, ""
		}
	}
	return best, c, note
}

// defaultCourt is the court a ruling whose sentence names none was made
// by: the court of the previous ruling when it is near, else the court
// "the court" would mean.
func (d *doc) defaultCourt(si int, prev *ruling) (*court, string) {
	if prev != nil && si-prev.si <= 3 {
		return prev.court, "the court of the ruling just before"
	}
	if len(d.courts) == 0 {
		return nil, ""
	}
	c, note := d.resolveGenericCourt(&courtRef{si: si, surface: "the court"})
	return c, strings.Replace(note, "'the court'", "no court is named in the sentence", 1)
}

// favorsOf decides whom a ruling phrase at [start, end) favours.
func (d *doc) favorsOf(si, start, end int, rule string, prev *ruling) (*party, string) {
	obj := d.mentionAfter(si, start)
	var subj *mention
	for _, mt := range d.inSentence(si) {
		if mt.end <= start && mt.party != nil && mt.party.litigant {
			subj = mt
		}
	}
	litigant := func(mt *mention) *party {
		if mt == nil || mt.party == nil || !mt.party.litigant {
			return nil
		}
		return mt.party
	}
	switch rule {
	case favorsObject:
		return litigant(obj), ""
	case favorsNotObject:
		return d.opponent(litigant(obj)), ""
	case favorsNotSubject:
		return d.opponent(litigant(subj)), ""
	case favorsGovernment:
		if d.gov != nil && d.gov.litigant {
			return d.gov, ""
		}
	case favorsNotA:
		for _, p := range d.parties {
			if p.side == facts.SideB {
				return p, "refusing the challenger's request favours its opponent"
			}
		}
	case favorsPrevious:
		if prev != nil {
			return prev.favors, "upholding a decision favours whom it favoured"
		}
	case favorsStayLifted:
		s := d.sents[si]
		for _, mt := range d.inSentence(si) {
			if awardedTo.MatchString(tail(d.m[s.start:mt.start], 40)) && litigant(mt) != nil {
				return d.opponent(mt.party), "ending a stay granted to " + mt.party.name + " favours its opponent"
			}
		}
		if prev != nil && prev.favors != nil {
			return prev.favors, "ending the stay of an order favours whom the order favoured"
		}
	case favorsUnknown:
		if obj != nil && litigant(obj) != nil {
			between := d.m[end:obj.start]
			after := d.m[obj.end:d.sents[si].end]
			switch {
			case againstObject.MatchString(between):
				return obj.party, "throwing out something against a party favours it"
			case objectsRequest.MatchString(after):
				if grantedRequest.MatchString(tail(d.m[d.sents[si].start:end], 30) + " ") {
					return obj.party, ""
				}
				return d.opponent(obj.party), "rejecting a party's request favours its opponent"
			case inFavorOf.MatchString(after):
				return d.opponent(obj.party), "undoing a ruling in a party's favour favours its opponent"
			}
		}
	}
	return nil, ""
}

// mentionAfter is the first party mention after pos in sentence si.
func (d *doc) mentionAfter(si, pos int) *mention {
	for _, mt := range d.inSentence(si) {
		if mt.start >= pos && mt.party != nil {
			return mt
		}
	}
	return nil
}

// opponent is the first party on the other side of p's dispute.
func (d *doc) opponent(p *party) *party {
	if p == nil || p.dispute == nil {
		return nil
	}
	for _, q := range d.parties {
		if q.dispute == p.dispute && q.side != "" && q.side != p.side {
			return q
		}
	}
	return nil
}

// dateNear returns the date written nearest to byte offset pos (relative
// to the sentence), or "".
func (d *doc) dateNear(si, pos int) string {
	s := d.sents[si].s
	if !mayContain(s, dateHints) {
		return ""
	}
	best, bestDist := "", 1<<30
	for _, m := range dateRe.FindAllStringSubmatchIndex(s, -1) {
		dist := abs(m[0] - pos)
		if dist < bestDist {
			best, bestDist = s[m[2]:m[3]], dist
		}
	}
	return best
}

func (d *doc) rulingFacts() []facts.Ruling {
	out := []facts.Ruling{}
	for _, r := range d.rulings {
		f := facts.Ruling{Court: r.court.name, Summary: r.summary, Date: r.date, Confidence: r.conf,
			Evidence: []facts.Evidence{d.evidence(r.si, r.note)}}
		if r.favors != nil {
			f.Favors = r.favors.name
			if r.favors.dispute != nil {
				f.Case = r.favors.dispute.name
			}
		} else if len(d.cases) == 1 {
			f.Case = d.cases[0].name
		}
		out = append(out, f)
	}
	return out
}

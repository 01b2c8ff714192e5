package extract

import (
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
	re         *pattern
	favors     string
	needsCourt bool
	kind       string
	hints      []string // words (lower case) one of which the sentence must contain
}{
	{mustCompile(`\bruled (?:in favou?r of|for)\b`), favorsObject, true, "", []string{"ruled"}},
	{mustCompile(`\bruled against\b`), favorsNotObject, true, "", []string{"ruled against"}},
	{mustCompile(`\b(?:sided|agreed) with\b`), favorsObject, true, "", []string{"sided with", "agreed with"}},
	{mustCompile(`\bhanded (?:\S+ ){1,3}?an? (?:major |big |significant |key |rare |sweeping |partial )?(?:win|victory)\b`), favorsObject, true, "", []string{"handed"}},
	{mustCompile(`\bhanded (?:\S+ ){1,3}?an? (?:\w+ )?(?:defeat|loss|setback|blow)\b`), favorsNotObject, true, "", []string{"handed"}},
	{mustCompile(`\b(?:found|held) (?:\S+ ){1,3}?in contempt\b`), favorsNotObject, true, "contempt", []string{"contempt"}},
	{mustCompile(`\b(?:has been|have been|had been|was|were|is) (?:found|held) in contempt\b`), favorsNotSubject, false, "contempt", []string{"contempt"}},
	{mustCompile(`\b(?:has been|have been|had been|was|were) ordered to\b`), favorsNotSubject, false, "", []string{"ordered to"}},
	{mustCompile(`\bordered\b`), favorsNotObject, true, "", []string{"ordered"}},
	{mustCompile(`\b(?:threw out|tossed out|tossed|dismissed|vacated|rejected|struck down|overturned|reversed|denied|set aside|annulled|invalidated|blocked|quashed|revived|reinstated)\b`), favorsUnknown, true, "", []string{"threw out", "tossed", "dismissed", "vacated", "rejected", "struck down", "overturned", "reversed", "denied", "set aside", "annulled", "invalidated", "blocked", "quashed", "revived", "reinstated"}},
	{mustCompile(`\bgranted\b`), favorsUnknown, true, "", []string{"granted"}},
	{mustCompile(`\b(?:upheld|affirmed|reinstated) (?:the|his|her|their|a|an) (?:[a-z-]+ )?(?:conviction|convictions|sentence|guilty verdict)\b`), favorsGovernment, true, "", []string{"conviction", "sentence", "guilty verdict"}},
	{mustCompile(`\b(?:upheld|affirmed)\b`), favorsPrevious, true, "", []string{"upheld", "affirmed"}},
	{mustCompile(`\b(?:declined|refused) to (?:quash|dismiss|block|stay|overturn|suppress|throw out|halt)\b`), favorsNotA, true, "", []string{"declined to", "refused to"}},
	{mustCompile(`\b(?:signed|issued|approved|granted) (?:a |the |an )?(?:search )?warrant\b|\bwarrant was issued\b`), favorsGovernment, true, "", []string{"warrant"}},
	{mustCompile(`\bstay\b[^.;]{0,40}\b(?:is|was) no longer in (?:force|effect)\b|\b(?:stay|injunction)\b[^.;]{0,60}?\b(?:was|were|has been|had been) (?:overturned|lifted|vacated|dissolved)\b|\b(?:that|it) was (?:overturned|lifted|vacated)\b`), favorsStayLifted, false, "", []string{"overturned", "lifted", "vacated", "dissolved", "no longer in"}},
	{mustCompile(`\b(?:ruled|held|found|concluded|decided|ruling|holding|finding|concluding|declaring) that\b`), favorsUnknown, true, "", []string{"ruled that", "held that", "found that", "concluded that", "decided that", "ruling that", "holding that", "finding that", "concluding that", "declaring that"}},
}

// rulingWindow bounds how far a ruling phrase reaches on either side of
// its hint word (see findAround).
const rulingWindow = 160

// aboutParty refines an unknown favour from the object: "threw out a
// contempt finding against X" favours X, "dismissed X's appeal" its
// opponent, "vacated the ruling in X's favor" its opponent.
var (
	againstObject  = mustCompile(`^[^,;]{0,60}?\bagainst\s*$`)
	objectsRequest = mustCompile(`^'s (?:[a-z-]+ ){0,2}(?:appeal|lawsuit|suit|case|claims?|motion|request|bid|challenge|petition|complaint)\b`)
	inFavorOf      = mustCompile(`^'s favou?r\b`)
	grantedRequest = mustCompile(`\bgranted $`)
	// dismissingVerb ends a case; dismissedSuit is the case it ends.
	dismissingVerb = mustCompile(`^(?:threw out|tossed out|tossed|dismissed)$`)
	dismissedSuit  = mustCompile(`^ (?:(?:the|a|an|that|this|their|its|his|her) )?(?:[a-z'-]+ ){0,3}?(?:suit|lawsuit|case|complaint|claims?|charges|challenge|petition|action)s?\b`)
	awardedTo      = mustCompile(`\b(?:awarded|granted) to $`)
)

// hypo ends the words before a hypothetical ruling ("would then order").
var hypo = mustCompile(hypotheticalAfter)

// dateRe finds a date as the article writes it.
var dateRe = mustCompile(`\b(?:(?:on|last|this|since|in|by) )?((?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.) \d{1,2}(?:, \d{4})?|(?:January|February|March|April|May|June|July|August|September|October|November|December) \d{4}|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|(?:some |about |nearly |almost |more than )?(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+|a few|several) (?:days?|weeks?|months?|years?) ago|(?:last|this) (?:week|month|year)|yesterday|earlier this (?:week|month|year)|(?:January|February|March|April|June|July|August|September|October|November|December))\b`)

func (d *doc) findRulings() {
	var prev *ruling
	for si, s := range d.sents {
		if strings.HasPrefix(s.s, "If ") || strings.HasPrefix(s.s, "\"") || !s.may(rulingHints) {
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
			if !s.may(rp.hints) {
				continue
			}
			for _, mi := range findAround(rp.re, s.s, s.low, s.present(rp.hints), rulingWindow, rulingWindow) {
				if hypo.MatchString(tail(s.s[:mi[0]], 40)) || strings.Contains(tail(s.s[:mi[0]], 60), "in which ") {
					continue // hypothetical, or a precedent ("…, in which the court held")
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
			if r.summary != "" {
				continue // the first phrase of the actor says what it did
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
		if p, note := d.favorsFromObject(si, start, end); p != nil {
			return p, note
		}
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
		if p, note := d.favorsOfClause(si, start, end); p != nil {
			return p, note
		}
		if dismissingVerb.MatchString(d.m[start:end]) && dismissedSuit.MatchString(head(d.m[end:d.sents[si].end], 60)) {
			if p := d.firstWithRole(roleDefendant); p != nil {
				return p, "dismissing the suit favours the defendant"
			}
			if p := d.opponent(d.firstWithRole(rolePlaintiff)); p != nil {
				return p, "dismissing the suit favours the plaintiffs' opponent"
			}
		}
		return d.favorsFromObject(si, start, end)
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
	if !dateHintSet.in(s) {
		return ""
	}
	if d.dates == nil {
		d.dates = map[int][][]int{}
	}
	found, ok := d.dates[si]
	if !ok {
		found = findDates(s)
		d.dates[si] = found
	}
	best, bestDist := "", 1<<30
	for _, m := range found {
		dist := abs(m[0] - pos)
		if date := s[m[2]:m[3]]; isMonthOrDay(date) && !strings.HasSuffix(date, "day") && !strings.HasPrefix(s[m[0]:], "in ") {
			continue // a bare month is a date only after "in"
		}
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

// Whom a ruling favours, from what the court did to what ("dismissed the
// lawsuit", "upheld the agency's fine", "blocked the law").
var (
	// rulingObjectRe is the object of a ruling verb: an optional owner
	// (the mention before "'s", checked by the caller) and a head noun.
	rulingObjectRe = mustCompile(`^ (?:(?:the|a|an|that|this|its|their|his|her|both) )?(?:[^ ,;.]+'s )?(?:(?:[$€£]?[0-9][^ ]*|[a-z][a-z-]*|[A-Z][A-Za-z.&'-]*) ){0,4}?` +
		`(lawsuits?|suits?|cases|case|complaints?|claims?|challenges?|petitions?|appeals?|motions?|requests?|bids?|convictions?|fines?|decisions?|orders?|rulings?|laws?|bans?|statutes?|ordinances?|rules|regulations?|polic(?:y|ies)|programs?|approvals?|verdicts?|judgments?|findings?|injunctions?|warrants?|subpoenas?|demands?)\b`)
	rejectVerbs = mustCompile(`^(?:threw out|tossed out|tossed|dismissed|vacated|rejected|struck down|overturned|reversed|denied|set aside|annulled|invalidated|blocked|halted|suspended|quashed|refused|turned down|enjoined)`)
	acceptVerbs = mustCompile(`^(?:upheld|affirmed|granted|revived|reinstated|confirmed|allowed|approved|let)`)
)

// requestHeads are things a party asks for; the rest are measures a party
// made or defends (a fine, a law, a decision).
var requestHeads = setOf("lawsuit", "suit", "case", "complaint", "claim", "challenge", "petition", "appeal",
	"motion", "request", "bid", "demand")

// favorsFromObject decides whom the ruling verb at [start, end) favours
// from its object: rejecting a party's request favours its opponent,
// upholding a party's measure favours the party.
func (d *doc) favorsFromObject(si, start, end int) (*party, string) {
	s := d.sents[si]
	verb := d.m[start:end]
	reject := rejectVerbs.MatchString(verb)
	if !reject && !acceptVerbs.MatchString(verb) {
		return nil, ""
	}
	after := d.m[end:s.end]
	m := rulingObjectRe.FindStringSubmatchIndex(after)
	if m == nil {
		return nil, ""
	}
	head := strings.TrimSuffix(after[m[2]:m[3]], "s")
	if strings.HasSuffix(head, "ie") {
		head = head[:len(head)-2] + "y"
	}
	if head == "case" || head == "cas" {
		head = "case"
	}
	objStart, objEnd := end, end+m[1]
	// the owner: "X's appeal", "the X decision", or "… against X"
	var owner *party
	ownerIsTarget := false
	for _, mt := range d.inSentence(si) {
		if mt.start < objStart || mt.party == nil || !mt.party.litigant {
			continue
		}
		if mt.end <= objEnd {
			owner = mt.party
			continue
		}
		if strings.HasPrefix(d.m[objEnd:mt.start], " against ") && mt.start-objEnd <= len(" against the ") {
			owner, ownerIsTarget = mt.party, true
		}
		if strings.HasPrefix(d.m[objEnd:mt.start], " by ") && mt.start-objEnd <= len(" by the ") {
			owner = mt.party
		}
		break
	}
	request := requestHeads[head]
	if owner == nil {
		switch {
		case request && (head == "lawsuit" || head == "suit" || head == "complaint" || head == "claim" || head == "case" || head == "challenge"):
			owner = d.firstWithRole(rolePlaintiff)
		case head == "injunction" && !reject:
			owner = d.firstWithRole(rolePlaintiff)
			request = true
		case head == "law" || head == "ban" || head == "statute" || head == "ordinance" || head == "program" || head == "policy":
			owner = d.firstWithRole(roleDefendant)
		}
		if owner == nil {
			return nil, ""
		}
	}
	if ownerIsTarget {
		// "upheld a fine against X": the fine's author wins
		if reject {
			return owner, "undoing a measure against a party favours it"
		}
		return d.opponent(owner), "upholding a measure against a party favours its opponent"
	}
	if reject {
		return d.opponent(owner), "rejecting a party's " + head + " favours its opponent"
	}
	return owner, "upholding or granting a party's " + head + " favours it"
}

// firstWithRole is the first litigant the frames gave role or, when none
// has it, the opponent of the first with the other role; nil when the
// frames gave no roles.
func (d *doc) firstWithRole(role int) *party {
	for _, p := range d.parties {
		if p.litigant && p.dispute != nil && d.roles[p] == role {
			return p
		}
	}
	for _, p := range d.parties {
		if p.litigant && p.dispute != nil && d.roles[p] == 3-role {
			return d.opponent(p)
		}
	}
	return nil
}

// Whom a "ruled that …" clause favours: its subject when the clause is
// good for it, the subject's opponent when it is bad for it.
var (
	thatClauseRe = mustCompile(`\b(?:ruled|held|found|concluded|decided|declared|said|ruling|holding|finding|concluding|declaring) that $`)
	// roleClauseRe opens a clause whose subject is a litigation role.
	roleClauseRe = mustCompile(`^ ?(?:the|The) (plaintiffs?|petitioners?|appellants?|challengers?|claimants?|defendants?|respondents?|appellees?)\b`)
	goodForSubj  = mustCompile(`^(?:'s [a-z -]{2,40} (?:was|were|is|are) (?:a )?(?:fair|lawful|legal|valid|protected|reasonable|justified)|,? (?:did not|didn't|had not|has not|does not) (?:break|violate|infringe|breach|abuse)|,? (?:was|were|is|are) (?:entitled|free|right|within its rights)|,? (?:may|can|could) (?:proceed|go forward|continue|press|pursue|sue)|,? had (?:plausibly|adequately|sufficiently) (?:alleged|shown|pleaded)|,? (?:plausibly|adequately) alleges?|,? (?:was|were|is|are) likely to (?:win|succeed|prevail))\b`)
	badForSubj   = mustCompile(`^(?:,? (?:had|has|have) no (?:[a-z]+ )?(?:standing|right|power|authority|case|basis)|,? (?:lacked|lacks|lack) (?:[a-z]+ )?(?:standing|authority|jurisdiction)|,? (?:failed|fails) to|,? (?:had|has|have) not (?:shown|proved|proven|established|alleged)|,? (?:did not|could not|cannot|may not) (?:show|prove|establish|rely|use|force|compel|require|make|demand)|,? (?:had|has) (?:violated|breached|infringed|abused|broken)|,? (?:violated|breached|infringed|abused|broke|flouted|ignored)|,? (?:was|were|is|are) (?:liable|in contempt|not entitled)|,? (?:must|should) (?:pay|stop|cease|comply|hand over|turn over|divest))\b`)
	// badThing ends a clause that condemns a measure ("the law is
	// unconstitutional", "the system is incompatible with EU law").
	badThing = mustCompile(`^[^;]{0,160}? (?:is|was|are|were) (?:likely )?(?:unconstitutional|unlawful|illegal|invalid|incompatible|inconsistent|void|preempted|arbitrary)\b|^[^,;]{0,80}? (?:violates|violated|breaches|breached|infringes|infringed|exceeds|exceeded)\b`)
)

// badThingWords are words one of which every match of badThing holds.
var badThingWords = []string{"unconstitutional", "unlawful", "illegal", "invalid", "incompatible", "inconsistent", "void",
	"preempted", "arbitrary", "violate", "breache", "infringe", "exceed"}

// badThingSet and dateHintSet search for badThingWords and dateHints.
var (
	badThingSet = newWordSet(badThingWords)
	dateHintSet = newWordSet(dateHints)
)

// isBadThing reports whether badThing matches s, running the pattern only
// when s holds one of badThingWords.
func isBadThing(s string) bool {
	return badThingSet.in(s) && badThing.MatchString(s)
}

// favorsOfClause decides whom a ruling favours from the clause after
// "ruled that" ending at byte offset end.
func (d *doc) favorsOfClause(si, start, end int) (*party, string) {
	s := d.sents[si]
	if !thatClauseRe.MatchString(d.m[start:end] + " ") {
		return nil, ""
	}
	clause := d.m[end:s.end]
	if m := roleClauseRe.FindStringSubmatchIndex(clause); m != nil {
		role := rolePlaintiff
		if w := clause[m[2]:m[3]]; strings.HasPrefix(w, "defendant") || strings.HasPrefix(w, "respondent") || strings.HasPrefix(w, "appellee") {
			role = roleDefendant
		}
		if p := d.firstWithRole(role); p != nil {
			rest := clause[m[1]:]
			switch {
			case goodForSubj.MatchString(rest):
				return p, "the ruling's clause is good for the " + clause[m[2]:m[3]]
			case badForSubj.MatchString(rest):
				return d.opponent(p), "the ruling's clause is bad for the " + clause[m[2]:m[3]]
			}
		}
	}
	for _, mt := range d.inSentence(si) {
		if mt.start < end {
			continue
		}
		if mt.start-end > 12 || mt.party == nil || !mt.party.litigant {
			break
		}
		rest := d.m[mt.end:s.end]
		switch {
		case goodForSubj.MatchString(rest):
			return mt.party, "the ruling's clause is good for " + mt.party.name
		case badForSubj.MatchString(rest):
			return d.opponent(mt.party), "the ruling's clause is bad for " + mt.party.name
		case strings.HasPrefix(rest, "'s") && isBadThing(rest):
			return d.opponent(mt.party), "condemning a party's measure favours its opponent"
		}
		return nil, ""
	}
	// "ruled that the law is unconstitutional": the challenger wins
	if isBadThing(clause) {
		if p := d.firstWithRole(rolePlaintiff); p != nil {
			return p, "condemning the measure under challenge favours the challenger"
		}
	}
	return nil, ""
}

// findDates returns the matches of dateRe in s. It runs the pattern only
// on windows around the date words (dateHints), snapped to word
// boundaries and merged, which is much cheaper than scanning the whole
// sentence.
func findDates(s string) [][]int {
	var wins []span
	for _, h := range dateHints {
		for i := 0; ; {
			k := strings.Index(s[i:], h)
			if k < 0 {
				break
			}
			a, b := i+k-32, i+k+len(h)+22
			i += k + len(h)
			if a < 0 {
				a = 0
			}
			for a > 0 && s[a-1] != ' ' {
				a--
			}
			if b > len(s) {
				b = len(s)
			}
			for b < len(s) && s[b] != ' ' {
				b++
			}
			wins = append(wins, span{a, b})
		}
	}
	if len(wins) == 0 {
		return nil
	}
	// merge overlapping windows, in text order
	for i := 1; i < len(wins); i++ {
		for j := i; j > 0 && wins[j].start < wins[j-1].start; j-- {
			wins[j], wins[j-1] = wins[j-1], wins[j]
		}
	}
	merged := wins[:1]
	for _, w := range wins[1:] {
		last := &merged[len(merged)-1]
		if w.start <= last.end {
			if w.end > last.end {
				last.end = w.end
			}
			continue
		}
		merged = append(merged, w)
	}
	var out [][]int
	for _, w := range merged {
		for _, m := range dateRe.FindAllStringSubmatchIndex(s[w.start:w.end], -1) {
			for j := range m {
				if m[j] >= 0 {
					m[j] += w.start
				}
			}
			out = append(out, m)
		}
	}
	return out
}

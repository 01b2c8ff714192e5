package extract

import (
	"sort"
	"strings"

	"github.com/amicus-graph/amicus/facts"
)

// Litigation frames: sentence-level patterns that name who sues whom,
// with lists of co-litigants on either side ("A, B and C sued X and Y",
// "the case brought by A against B", "the plaintiffs - A, B and C -").

// Litigation roles of a party, from the frames.
const (
	roleNone      = 0
	rolePlaintiff = 1 // plaintiff, petitioner, appellant, challenger
	roleDefendant = 2 // defendant, respondent, appellee
)

var (
	// sueEnds are the words sueVerbRe's matches end with (see findNear);
	// byHints, fightHints, tripHints and roleHints gate the other frame
	// patterns (lower case).
	sueEnds    = []string{"sued", "sues", "suing", "countersued", "against", "case", "lawsuit", "suit", "challenge", "litigation", "challenging", "battling", "fighting", "challenged"}
	byHints    = []string{"brought", "filed", "launched", "lodged", "initiated", "suit by", "suits by", "challenge by", "challenges by", "petition by", "petitions by", "appeal by", "appeals by", "claim by", "claims by", "complaint by", "complaints by"}
	fightHints = []string{"fight", "battle", "dispute", "clash", "feud", " war ", " wars ", " row ", " rows ", "tussle", "spat", "standoff", "showdown", "squabble", "wrangle", "scrap", "brawl", "litigation"}
	tripHints  = []string{"to court", "into court", "to the courts", "to trial"}
	// enforceHints are the verbs of an agency punishing someone.
	enforceHints = []string{"fine", "order", "sanction", "penali", "censure"}
	// strikeHints are the verbs of a court undoing or keeping a decision.
	strikeHints = []string{"annul", "quash", "set aside", "sets aside", "struck down", "strikes down", "vacat", "overturn", "invalidat", "upheld", "uphold"}
	roleHints   = []string{"plaintiff", "petitioner", "appellant", "challenger", "claimant", "defendant", "respondent", "appellee"}

	// frameHints gate the frames as a whole: a sentence with none of them
	// is skipped.
	frameHints = append(append([]string{"su", "against", "plaintiff", "defendant", "petitioner", "respondent", "appell", "brought", "filed", "challeng", "claimant", "joined", "interven", "named", "naming", "with", "court", "ask", "urge", "sought", "seek", "moved", "moves", "motion", "accuse", "allege", "charge", "target", "between", "pitting", "fought", "defended", "contested", "litigated", "liable", "granted", "awarded", "appeal", "verdict", "locked", "embroiled", "entangled", "faces", "facing",
		"tribunal"}, strikeHints...), enforceHints...)

	// sueVerbRe is a verb phrase whose subject list sues its object list.
	sueVerbRe = mustCompile(`\b(?:sued|sues|(?:is|are|was|were) (?:also |now |jointly )?suing|countersued|` +
		`(?:filed|brought|launched|lodged|pressed|pursued|initiated|won|lost) (?:[a-z$0-9,.-]+ ){0,4}?(?:lawsuits?|suits?|claims?|complaints?|challenges?|cases?|actions?|petitions?|appeals?|proceedings|rulings?|judgments?|verdicts?|injunctions?)(?: (?:in|at|before|with) (?:the |a )?[A-Za-z.' ]{2,40}?)? against|` +
		`took (?:[a-z]+ )?(?:legal )?action against|(?:had )?(?:lodged|filed|brought|launched|pressed|initiated) against|(?:joined|intervened in) the (?:case|lawsuit|suit|challenge|litigation)|went to court against|` +
		`(?:(?:is|are|was|were|has been|have been) )?(?:challenging|battling|fighting)|challenged)\b`)

	// passiveSueRe follows defendants ("X was sued by Y", "X was named as a
	// defendant"); in the first form the plaintiffs follow "by".
	passiveSueRe = mustCompile(`\b(?:(?:was|were|is|are|has been|have been|had been) (?:also |being )?(?:sued|taken to court) by|(?:was|were|is|are|has been|have been) (?:also )?named (?:as )?(?:a |the |one of the )?(?:co-)?(?:defendants?|respondents?))\b`)

	// bringsCaseRe follows a plaintiff that brought "the case".
	bringsCaseRe = mustCompile(`\b(?:brought|filed|launched|initiated) (?:the|this|that) (?:case|lawsuit|suit|challenge|complaint|action|petition)\b`)

	// askCourtRe follows a litigant that asks the court for something; the
	// request tells its side: a defendant asks to dismiss, a challenger to
	// block.
	askCourtRe     = mustCompile(`\b(?:asked|asks|asking|urged|urges|petitioned|petitions|sought|seeks|seeking|moved|moves|filed a motion) (?:the |a )?(?:(?:[A-Z][a-z.]+ |federal |district |appeals |high |lower )*(?:court|judge|justices|panel|tribunal) )?(?:to|for)\b`)
	askDefenceRe   = mustCompile(`^ (?:(?:dismiss|throw out|toss out|toss|reject|deny|end|strike) (?:the |this |that |a |an |its |their |all |both )?(?:[a-z-]+ )?(?:case|cases|suit|suits|lawsuits?|claims?|complaints?|challenges?|appeals?|petitions?|actions?|charges|indictment)|(?:a |an |the )?(?:dismissal|summary judgment))\b`)
	askChallengeRe = mustCompile(`^ (?:(?:a |an |the )?(?:[a-z]+ )?)?(?:block|halt|stop|strike down|throw out|overturn|invalidate|vacate|set aside|declare|enjoin|order|injunction|preliminary injunction|temporary restraining order|restraining order|damages|force|compel)\b`)

	// suitAccusesRe names defendants: "the suit accuses X of".
	suitAccusesRe = mustCompile(`\b(?:lawsuit|suit|complaint|petition|claim)s?,? (?:[^.;"]{0,80}?, )?(?:accuses|accused|accusing|alleges|alleged|charges|charged|charging|claims|claimed|targets|targeted|targeting|names|named|naming)\b`)

	// betweenRe opens a dispute between two parties ("the case between A
	// and B", "a lawsuit pitting A against B").
	betweenRe = mustCompile(`\b(?:case|cases|dispute|fight|battle|lawsuit|suit|litigation|clash|standoff|feud|showdown|trial|proceedings) (?:between|pitting)\b`)

	// byFrameRe is a suit "brought by" its plaintiffs.
	byFrameRe = mustCompile(`\b(?:(?:lawsuits?|suits?|cases?|challenges?|actions?|claims?|complaints?|petitions?|appeals?),? ` +
		`(?:(?:that|which) (?:was |were |had been |has been )?|(?:was |were |had been |has been ))?(?:brought|filed|launched|lodged|initiated)(?: [a-z0-9,]+){0,4}? by|` +
		`(?:was|were|had been|has been) (?:brought|filed|launched|lodged)(?: [a-z0-9,]+){0,3}? by|` +
		`(?:lawsuits?|suits?|legal challenges?|petitions?|appeals?|claims?|complaints?) by)\b`)

	// namedAsRe names defendants: "named X and Y as defendants", "to sue X".
	namedAsRe     = mustCompile(`\b(?:named|naming|names)\b`)
	asDefendantRe = mustCompile(`^,? as (?:the )?(?:co-)?(?:defendants?|respondents?)\b`)
	toSueRe       = mustCompile(`\bto sue\b`)

	// roleWordRe names a litigation role.
	roleWordRe = mustCompile(`\b(?:[Tt]he |[Bb]oth |[Aa]ll |[Tt]wo |[Tt]hree |[Ff]our |[Ff]ive )?(?:co-)?(plaintiffs?|petitioners?|appellants?|challengers?|claimants?|defendants?|respondents?|appellees?)\b`)

	// listGapRe joins two items of a list of litigants: a comma, "and",
	// an appositive ("Globex, a related fund and Initech"), titles.
	listGapRe = mustCompile(`^(?:'s?)?(?:,? and (?:\d+|[a-z]+)(?: [a-z-]+){1,4} led by (?:the )?|,? (?:and|as well as|along with|together with|joined by) |, |, (?:(?:a|an|its|their|the|two|three|four|several|other) [A-Za-z' -]{2,40}?,? (?:and|as well as|together with|along with) )|,? and (?:two|three|four|several|some|one) of (?:its|their) [A-Za-z' -]{2,40}?, |,? and (?:two|three|four|five|six|\d+|several) [a-z-]+(?: [a-z-]+)?, )` +
		`(?:(?:its|their|his|her) [a-z -]{2,40}?,? (?:(?:the|a|an) (?:[a-z-]+ ){0,3})?|the |its |their |his |her )?(?:[A-Z][a-z]+\.? ){0,3}$`)

	// fightNounRe is a noun of conflict after the first litigant of the
	// sentence ("ending a fight with X"): X is on the other side.
	fightNounRe = mustCompile(`\b(?:(?:legal |court |long-running |bitter |years-long |decade-long )?(?:fight|battle|dispute|clash|feud|war|row|tussle|spat|standoff|showdown|bunfight|squabble|wrangle|scrap|brawl|litigation)s?) (?:with|against)\b`)

	// enforceRe is an agency punishing someone: "fined X", "ordered X".
	enforceRe = mustCompile(`\b(?:fined|fines|ordered|orders|sanctioned|sanctions|penali[sz]ed|penali[sz]es|censured)\b`)
	// ownSuitRe follows the owner of a suit: "X's challenge", "X's
	// lawsuit against"; the match ends with "against" or "to" when an
	// opponent follows.
	ownSuitRe = mustCompile(`^'s? (?:(?:legal|court|antitrust|copyright|patent|privacy|class-action|federal|constitutional) )?(?:challenge|lawsuit|suit|petition|complaint)s?\b(?: (?:against|to))?`)
	// strikeRe is a court undoing or keeping a decision: "annulled a
	// Widget Commission decision", "upheld the department's order".
	strikeRe = mustCompile(`\b(?:annulled|annuls|annul|quashed|quashes|quash|set aside|sets aside|struck down|strikes down|vacated|vacates|vacate|overturned|overturns|overturn|invalidated|invalidates|upheld|upholds|uphold)\b`)
	// courtTripRe drags its object to court ("dragged X back to court").
	courtTripRe   = mustCompile(`\b(?:dragged|dragging|drags|hauled|hauling|hauls|took|taking|takes|taken)\b`)
	toCourtTailRe = mustCompile(`^,? (?:back )?(?:in)?to (?:court|the courts|trial)\b`)

	// decisionTailRe follows the author of a decision under challenge
	// ("an appeal against a 2017 X decision").
	decisionTailRe = mustCompile(`^(?:'s)? (?:decision|ruling|order|fine|finding|determination|regulation|rules?|ban|law|ordinance|policy|approval|permit|listing|designation)\b`)
	decisionGapRe  = mustCompile(`^ (?:a|an|the|its|their) (?:[0-9]{4} )?(?:the )?$`)

	// sideBySideRe allies the subjects of a sentence.
	sideBySideRe = mustCompile(`^(?:'s?)?,? (?:which|who) (?:fought|defended|contested|litigated) the (?:case|lawsuit|suit|claims?|action|appeal)\b`)

	// subjGapRe lies between the last subject and the verb.
	subjGapRe = mustCompile(`^(?:'s?)?(?: in [A-Z][a-z]+(?: [A-Z][a-z]+)?)?(?:,? and (?:\d+|[a-z]+) other [a-z-]+,?)?(?:,? (?:who|which|that)|, (?:which|who) [a-z0-9 ,'-]{1,60}? and|,? ?[-—]|,(?: [a-z0-9-]+){1,8},|,)? (?:(?:has|have|had|is|are|was|were|also|then|jointly|first|later|previously|originally|successfully|unsuccessfully|separately|together|eventually|initially) )*$`)

	// byGapRe lies between "brought by" and the first plaintiff, who may
	// be described ("brought by convicted fraudster X").
	byGapRe = mustCompile(`^ (?:the |a |an |its |their )?(?:[a-z0-9-]+ ){0,3}?(?:[a-z0-9-]+, )?(?:the )?(?:[A-Z][a-z]+\.? ){0,2}$`)

	// claimsAgainstRe names defendants ("their claims against the vendor,
	// X", "a lawsuit against X").
	claimsAgainstRe = mustCompile(`\b(?:claims?|lawsuits?|suits?|complaints?|proceedings|charges|legal action|case|cases|legal challenges?) against\b`)

	// pronounSubjRe is a sentence opening with a personal pronoun subject.
	pronounSubjRe = mustCompile(`^(?:He|She|They) (?:(?:later|also|then|first|had|has|have|eventually|subsequently|jointly) )*$`)

	// facesSuitRe follows a defendant: "faces a lawsuit from", "is the
	// defendant in a suit filed by"; the plaintiffs follow it.
	facesSuitRe = mustCompile(`\b(?:faces|faced|facing|is facing|was facing|is the defendant in|was the defendant in|is a defendant in) (?:a |an |the )?(?:[a-z-]+ ){0,2}(?:lawsuits?|suits?|claims?|complaints?|challenges?|cases?|actions?)(?: (?:brought|filed|launched))? (?:from|by)\b`)

	// whichSuedRe follows a defendant set off by a relative clause whose
	// subject sued it: ", which X sued"; group 1 starts X.
	whichSuedRe = mustCompile(`^, (?:which|whom|who) ()[^,;]{2,80}? (?:had |has |have )?(?:sued|is suing|are suing|took to court|has taken to court)\b`)

	// appealedWonByRe is a challenge to a win of the other side: "appealed
	// a verdict won by".
	appealedWonByRe = mustCompile(`\b(?:appealed|appeals|challenged|challenges|contested|contests) (?:a|an|the) (?:[a-z$0-9,.-]+ ){0,3}?(?:verdict|ruling|judgment|decision|award|injunction|order) (?:won|obtained|secured) by\b`)

	// lockedInRe follows two parties in a dispute with each other.
	lockedInRe = mustCompile(`\b(?:are|were|have been|remain|remained) (?:locked|embroiled|entangled|engaged) in (?:a|an) (?:[a-z-]+ ){0,3}(?:battle|fight|dispute|feud|war|standoff|lawsuit|case)\b`)

	// liableToRe follows a party found liable to another ("found X
	// liable to Y"); subjGapRe lies between X and the phrase.
	liableToRe = mustCompile(`\b(?:was |were |is |are )?(?:held |found )?liable to\b`)

	// grantedToRe gives a party a win; a claim against another may follow.
	grantedToRe = mustCompile(`\b(?:granted|awarded|handed|gave|entered) (?:[a-z-]+ ){0,3}(?:judgment|injunction|win|victory|damages|relief) (?:to|for)\b`)

	// descGapRe lies between "against" and a described name ("against the
	// vendor, X").
	descGapRe = mustCompile(`^ (?:the|its|their|a|an) [a-z -]{2,30}, $`)

	// objGapRe lies between the verb and the first object: nothing, a
	// title ("Judge"), or a short description ("artificial intelligence
	// company").
	objGapRe = mustCompile(`^ (?:the |both |its |their |his |her )?(?:[A-Z][a-z]+\.? ){0,3}$|^ (?:the |an? |its |their )?(?:[a-z-]+ ){0,2}(?:` + strings.Join(descriptionNouns(), "|") + `) $`)
)

// frameParty is the party a mention stands for in a frame: its party, or
// for "the alliance" the one named party whose name has that word.
func (d *doc) frameParty(mt *mention, named []*party) *party {
	if mt.party != nil {
		return mt.party
	}
	if mt.role == "" {
		return nil
	}
	var found *party
	for _, p := range named {
		for _, w := range strings.Fields(strings.ToLower(p.name)) {
			if w == mt.role {
				if found != nil && found != p {
					return nil
				}
				found = p
				break
			}
		}
	}
	return found
}

// listBack returns the list of mentions that ends with ms[k], walking back.
func (d *doc) listBack(ms []*mention, k int) []*mention {
	return d.listBackFrom(ms, k, false)
}

// listBackFrom is listBack when the list's closing "and" may already have
// been seen ("A, B and 14 other states sued").
func (d *doc) listBackFrom(ms []*mention, k int, sawAnd bool) []*mention {
	out := []*mention{ms[k]}
	for j := k - 1; j >= 0; j-- {
		gap := d.m[ms[j].end:ms[j+1].start]
		if !listGapRe.MatchString(gap) && !descriptorGap(gap) {
			break
		}
		hasAnd := andGap(gap)
		if !hasAnd && !sawAnd {
			break
		}
		sawAnd = sawAnd || hasAnd
		out = append(out, ms[j])
	}
	return out
}

// listForward returns the list of mentions that starts with ms[k].
func (d *doc) listForward(ms []*mention, k int) []*mention {
	out := []*mention{ms[k]}
	last := 0 // items up to and including the last "and"-joined one
	for j := k + 1; j < len(ms); j++ {
		gap := d.m[ms[j-1].end:ms[j].start]
		if !listGapRe.MatchString(gap) && !descriptorGap(gap) {
			break
		}
		out = append(out, ms[j])
		if andGap(gap) {
			last = len(out) - 1
		}
	}
	if otherTail.MatchString(head(d.m[out[len(out)-1].end:], 60)) {
		return out // "A, B and nine other states"
	}
	return out[:last+1]
}

// otherTail closes a list with a count of unnamed others: ", and nine
// other states".
var otherTail = mustCompile(`^,? and (?:\d+|[a-z]+) (?:other|more) [a-z-]+`)

// appositiveTail is a description set off after a name: ", a local
// group,".
var appositiveTail = mustCompile(`^, (?:a|an|the|its|their) [^,]{1,60},`)

// subjectsBefore returns the list of mentions that ends just before byte
// offset at, when only subjGapRe text lies between.
func (d *doc) subjectsBefore(ms []*mention, at int) []*mention {
	for k := len(ms) - 1; k >= 0; k-- {
		if ms[k].end > at {
			continue
		}
		gap := d.m[ms[k].end:at]
		if !subjGapRe.MatchString(gap) {
			return nil
		}
		return d.listBackFrom(ms, k, strings.Contains(gap, " and "))
	}
	return nil
}

// objectsAfter returns the list of mentions that starts just after byte
// offset at.
func (d *doc) objectsAfter(ms []*mention, at int) []*mention {
	return d.objectsAfterGap(ms, at, objGapRe)
}

// objectsAfterGap returns the list of mentions that starts after byte
// offset at, when only gap text lies between.
func (d *doc) objectsAfterGap(ms []*mention, at int, gap *pattern) []*mention {
	for k, mt := range ms {
		if mt.start < at {
			continue
		}
		if !gap.MatchString(d.m[at:mt.start]) {
			return nil
		}
		return d.listForward(ms, k)
	}
	return nil
}

// frameResult is what the frames found: litigants with roles, and pairs
// on the same and on opposite sides.
type frameResult struct {
	role   map[*party]int
	allies map[[2]*party]bool
}

// litigationFrames applies the frames to every sentence, marking
// litigants and adding opposition edges and alliances.
func (d *doc) litigationFrames(named []*party, edges map[[2]*party]bool) frameResult {
	fr := frameResult{role: map[*party]int{}, allies: map[[2]*party]bool{}}
	resolve := func(ms []*mention) []*party {
		var out []*party
		for _, mt := range ms {
			if p := d.frameParty(mt, named); p != nil && !p.supporter && !containsParty(out, p) {
				out = append(out, p)
			}
		}
		return out
	}
	mark := func(ps []*party, si, role int) {
		for i, p := range ps {
			d.markLitigant(p, si)
			if role != roleNone && fr.role[p] == roleNone {
				fr.role[p] = role
			}
			if i > 0 {
				fr.allies[[2]*party{ps[0], p}] = true
			}
		}
	}
	oppose := func(a, b []*party) {
		for _, x := range a {
			for _, y := range b {
				if x != y {
					edges[[2]*party{x, y}] = true
				}
			}
		}
	}
	// opposed marks two lists of litigants on opposite sides, in the
	// given roles, when both are known.
	opposed := func(pls, defs []*party, si, plRole, defRole int) {
		if len(pls) == 0 || len(defs) == 0 {
			return
		}
		mark(defs, si, defRole)
		mark(pls, si, plRole)
		oppose(pls, defs)
	}
	for si, s := range d.sents {
		if !s.may(frameHints) {
			continue
		}
		ms := d.inSentence(si)
		if len(ms) == 0 {
			continue
		}
		// "A, B and C sued X and Y"
		for _, vi := range findNear(sueVerbRe, s.s, s.low, s.present(sueEnds), 120) {
			vs, ve := s.start+vi[0], s.start+vi[1]
			subj := resolve(d.subjectsBefore(ms, vs))
			obj := resolve(d.objectsAfter(ms, ve))
			if len(subj) == 0 && si > 0 && pronounSubjRe.MatchString(s.s[:vi[0]]) {
				// "He later brought proceedings against X": the person
				// the sentence before is about
				if strings.HasPrefix(s.s, "They") {
					// the first list of names in the sentence before
					if prev := d.inSentence(si - 1); len(prev) > 0 {
						if ps := resolve(d.listForward(prev, 0)); len(ps) > 0 {
							subj = ps
						}
					}
				} else {
					for _, mt := range d.inSentence(si - 1) {
						if mt.party != nil && mt.kind == facts.KindPerson {
							subj = []*party{mt.party}
							break
						}
					}
				}
			}
			if len(subj) == 0 {
				continue
			}
			verb := s.s[vi[0]:vi[1]]
			if strings.HasPrefix(verb, "joined") || strings.HasPrefix(verb, "intervened") {
				// intervenors: with the defence when they join "to defend"
				role := rolePlaintiff
				if joinDefence.MatchString(s.s[vi[1]:]) {
					role = roleDefendant
				}
				mark(subj, si, role)
				continue
			}
			if strings.HasPrefix(verb, "won") || strings.HasPrefix(verb, "lost") {
				// "won a case against X": the subject litigates, side unknown
				mark(subj, si, roleNone)
			} else {
				mark(subj, si, rolePlaintiff)
			}
			if len(obj) > 0 {
				mark(obj, si, roleDefendant)
				oppose(subj, obj)
			}
		}
		// "X was sued by Y", "X was named as a defendant"
		for _, pi := range findAllIndexIf(s.may(byPassiveHints), passiveSueRe, s.s) {
			defs := resolve(d.subjectsBefore(ms, s.start+pi[0]))
			if len(defs) == 0 {
				continue
			}
			mark(defs, si, roleDefendant)
			if strings.HasSuffix(s.s[pi[0]:pi[1]], " by") {
				if pls := resolve(d.objectsAfterGap(ms, s.start+pi[1], byGapRe)); len(pls) > 0 {
					mark(pls, si, rolePlaintiff)
					oppose(pls, defs)
				}
			}
		}
		// "X asked the court to dismiss", "X sought an injunction"
		for _, ai := range findAllIndexIf(s.may(askHints), askCourtRe, s.s) {
			rest := s.s[ai[1]:]
			role := roleNone
			switch {
			case askDefenceRe.MatchString(rest):
				role = roleDefendant
			case askChallengeRe.MatchString(rest):
				role = rolePlaintiff
			default:
				continue
			}
			mark(resolve(d.subjectsBefore(ms, s.start+ai[0])), si, role)
		}
		// "the suit accuses X of …"
		for _, ai := range findAllIndexIf(s.may(accuseHints), suitAccusesRe, s.s) {
			mark(resolve(d.objectsAfter(ms, s.start+ai[1])), si, roleDefendant)
		}
		// "X faces a lawsuit from Y": Y sues X
		for _, fi := range findAllIndexIf(s.may(facesHints), facesSuitRe, s.s) {
			opposed(resolve(d.objectsAfterGap(ms, s.start+fi[1], byGapRe)), resolve(d.subjectsBefore(ms, s.start+fi[0])), si, rolePlaintiff, roleDefendant)
		}
		// "Y, which X sued in 2021": X sues Y
		for k, mt := range ms {
			rest := head(d.m[mt.end:s.end], 80)
			if !strings.HasPrefix(rest, ", wh") {
				continue
			}
			if wi := whichSuedRe.FindStringSubmatchIndex(rest); wi != nil {
				pls, defs := resolve(d.objectsAfterGap(ms, mt.end+wi[2]-1, objGapRe)), resolve([]*mention{ms[k]})
				if len(defs) > 0 && !containsParty(pls, defs[0]) {
					opposed(pls, defs, si, rolePlaintiff, roleDefendant)
				}
			}
		}
		// "X appealed a verdict won by Y": X against Y
		for _, ai := range findAllIndexIf(s.may(wonByHints), appealedWonByRe, s.s) {
			opposed(resolve(d.subjectsBefore(ms, s.start+ai[0])), resolve(d.objectsAfterGap(ms, s.start+ai[1], byGapRe)), si, roleNone, roleNone)
		}
		// "X and Y are locked in a legal battle": they oppose each other
		if li := findIf(s.may(lockedInHints), lockedInRe, s.s); li != nil {
			if both := resolve(d.subjectsBefore(ms, s.start+li[0])); len(both) == 2 {
				opposed(both[:1], both[1:], si, roleNone, roleNone)
			}
		}
		// "found X liable to Y": X defends against Y
		for _, li := range findAllIndexIf(s.may(liableHints), liableToRe, s.s) {
			opposed(resolve(d.objectsAfterGap(ms, s.start+li[1], byGapRe)), resolve(d.subjectsBefore(ms, s.start+li[0])), si, rolePlaintiff, roleDefendant)
		}
		// "granted judgment to A … on their claim against B": A against B
		for _, gi := range findAllIndexIf(s.may(toHints), grantedToRe, s.s) {
			winners := d.objectsAfterGap(ms, s.start+gi[1], byGapRe)
			if len(winners) == 0 {
				continue
			}
			rest := d.m[winners[len(winners)-1].end:s.end]
			if ci := claimsAgainstRe.FindStringIndex(rest); ci != nil {
				at := winners[len(winners)-1].end + ci[1]
				if losers := resolve(d.objectsAfter(ms, at)); len(losers) > 0 {
					mark(resolve(winners), si, rolePlaintiff)
					mark(losers, si, roleDefendant)
					oppose(resolve(winners), losers)
				}
			}
		}
		// "the case between A and B", "a suit pitting A against B"
		for _, bi := range findAllIndexIf(s.may(betweenHints), betweenRe, s.s) {
			first := d.objectsAfter(ms, s.start+bi[1])
			if len(first) == 0 {
				continue
			}
			if strings.HasSuffix(s.s[bi[0]:bi[1]], "between") {
				if ps := resolve(first); len(ps) == 2 {
					mark(ps[:1], si, roleNone)
					mark(ps[1:], si, roleNone)
					oppose(ps[:1], ps[1:])
				}
				continue
			}
			last := first[len(first)-1]
			if strings.HasPrefix(d.m[last.end:s.end], " against") {
				a, b := resolve(first), resolve(d.objectsAfter(ms, last.end+len(" against")))
				if len(a) > 0 && len(b) > 0 {
					mark(a, si, roleNone)
					mark(b, si, roleNone)
					oppose(a, b)
				}
			}
		}
		// "X, which brought the case"
		for _, bi := range findAllIndexIf(s.may(broughtHints), bringsCaseRe, s.s) {
			mark(resolve(d.subjectsBefore(ms, s.start+bi[0])), si, rolePlaintiff)
		}
		// "the case brought by A against B"
		for _, bi := range findNearIf(s.may(byHints), byFrameRe, s.s, s.low, []string{"by"}, 110) {
			plaintiffs := d.objectsAfterGap(ms, s.start+bi[1], byGapRe)
			subj := resolve(plaintiffs)
			if len(subj) == 0 {
				continue
			}
			mark(subj, si, rolePlaintiff)
			last := plaintiffs[len(plaintiffs)-1]
			skip := 0
			if o := otherTail.FindStringIndex(d.m[last.end:s.end]); o != nil {
				skip = o[1]
			} else if o := appositiveTail.FindStringIndex(d.m[last.end:s.end]); o != nil {
				skip = o[1]
			}
			if rest := d.m[last.end+skip : s.end]; strings.HasPrefix(rest, " against") {
				at := last.end + skip + len(" against")
				obj := resolve(d.objectsAfter(ms, at))
				if len(obj) == 0 {
					obj = resolve(d.decisionAuthor(ms, at, s.end))
				}
				if len(obj) > 0 {
					mark(obj, si, roleDefendant)
					oppose(subj, obj)
				}
			}
		}
		// "the court annulled a Widget Commission decision": whose decision a
		// court reviews defends it
		for _, xi := range findAllIndexIf(s.may(strikeHints) && s.may(courtHints), strikeRe, s.s) {
			if obj := resolve(d.decisionAuthor(ms, s.start+xi[1], s.end)); len(obj) > 0 {
				mark(obj, si, roleDefendant)
			}
		}
		// "ending a fight with X": X opposes the sentence's first litigant
		for _, fi := range findNearIf(s.may(fightHints), fightNounRe, s.s, s.low, []string{"with", "against"}, 60) {
			obj := resolve(d.objectsAfter(ms, s.start+fi[1]))
			if len(obj) == 0 || ms[0].start >= s.start+fi[0] || countryNames[obj[0].name] {
				continue // "a border clash with X" is no lawsuit
			}
			first := d.frameParty(ms[0], named)
			if first == nil || containsParty(obj, first) {
				continue
			}
			mark(obj, si, roleNone)
			oppose([]*party{first}, obj)
		}
		// "X dragged Y back to court"
		for _, ci := range findAllIndexIf(s.may(tripHints), courtTripRe, s.s) {
			list := d.objectsAfter(ms, s.start+ci[1])
			if len(list) == 0 || !toCourtTailRe.MatchString(d.m[list[len(list)-1].end:s.end]) {
				continue
			}
			subj, obj := resolve(d.subjectsBefore(ms, s.start+ci[0])), resolve(list)
			if len(subj) > 0 && len(obj) > 0 {
				mark(subj, si, rolePlaintiff)
				mark(obj, si, roleDefendant)
				oppose(subj, obj)
			}
		}
		// "the Widget Commission fined Gizmo Corp.": an agency's enforcement
		// pits it against the one it punishes
		for _, ei := range findAllIndexIf(s.may(enforceHints), enforceRe, s.s) {
			subj := resolve(d.subjectsBefore(ms, s.start+ei[0]))
			if len(subj) != 1 || !d.isPublicBody(subj[0]) && subj[0] != d.gov {
				continue
			}
			if obj := resolve(d.objectsAfter(ms, s.start+ei[1])); len(obj) > 0 && !containsParty(obj, subj[0]) {
				mark(subj, si, rolePlaintiff)
				mark(obj, si, roleDefendant)
				oppose(subj, obj)
			}
		}
		// "X's challenge to Y", "backed X's lawsuit": X brought it
		for _, mt := range ms {
			pi := ownSuitRe.FindStringIndex(head(d.m[mt.end:s.end], 40))
			if pi == nil {
				continue
			}
			subj := resolve([]*mention{mt})
			if len(subj) == 0 {
				continue
			}
			mark(subj, si, rolePlaintiff)
			if obj := resolve(d.objectsAfter(ms, mt.end+pi[1])); len(obj) > 0 && !containsParty(obj, subj[0]) {
				mark(obj, si, roleDefendant)
				oppose(subj, obj)
			}
		}
		// "A and the B government, which fought the case side by side"
		for k, mt := range ms {
			if sideBySideRe.MatchString(head(d.m[mt.end:s.end], 60)) {
				mark(resolve(d.listBack(ms, k)), si, roleNone)
			}
		}
		// "claims against the vendor, X": X defends
		for _, ci := range findAllIndexIf(s.may(againstHints), claimsAgainstRe, s.s) {
			at := s.start + ci[1]
			list := d.objectsAfter(ms, at)
			if len(list) == 0 {
				list = d.objectsAfterGap(ms, at, descGapRe)
			}
			mark(resolve(list), si, roleDefendant)
		}
		// "named A and B as defendants"; "to sue A"
		if s.may(namedHints) {
			for _, ni := range namedAsRe.FindAllStringIndex(s.s, -1) {
				list := d.objectsAfter(ms, s.start+ni[1])
				if len(list) > 0 && asDefendantRe.MatchString(d.m[list[len(list)-1].end:s.end]) {
					mark(resolve(list), si, roleDefendant)
				}
			}
			for _, ti := range toSueRe.FindAllStringIndex(s.s, -1) {
				mark(resolve(d.objectsAfter(ms, s.start+ti[1])), si, roleDefendant)
			}
		}
		// "the plaintiffs - A, B and C -", "A and B, the defendants,"
		for _, ri := range findAllIf(s.may(roleHints), roleWordRe, s.s) {
			word := s.s[ri[2]:ri[3]]
			role := rolePlaintiff
			if strings.HasPrefix(word, "defendant") || strings.HasPrefix(word, "respondent") || strings.HasPrefix(word, "appellee") {
				role = roleDefendant
			}
			after := s.s[ri[1]:]
			var list []*mention
			if g := appositiveOpen.FindString(after); g != "" {
				list = d.objectsAfter(ms, s.start+ri[1]+len(g)-1)
			}
			if len(list) == 0 {
				// "A and B, the defendants": the list just before
				before := s.s[:ri[0]]
				if strings.HasSuffix(before, ", ") || strings.HasSuffix(before, " - ") {
					at := s.start + ri[0] - 2
					if strings.HasSuffix(before, " - ") {
						at--
					}
					for k := len(ms) - 1; k >= 0; k-- {
						if ms[k].end <= at {
							if ms[k].end == at || d.m[ms[k].end:at] == "'s" {
								list = d.listBack(ms, k)
							}
							break
						}
					}
				}
			}
			if ps := resolve(list); len(ps) > 0 {
				mark(ps, si, role)
			}
		}
		// "The plaintiffs, A and B, allege that X and Y charged …": X and Y
		// defend against the sentence's plaintiffs
		if li := findIf(s.may(allegeHints), allegeThatRe, s.s); li != nil {
			var pls []*party
			for _, mt := range ms {
				if p := d.frameParty(mt, named); p != nil && mt.start < s.start+li[0] && fr.role[p] == rolePlaintiff {
					pls = append(pls, p)
				}
			}
			if defs := resolve(d.objectsAfter(ms, s.start+li[1])); len(pls) > 0 && len(defs) > 0 {
				mark(defs, si, roleDefendant)
				oppose(pls, defs)
			}
		}
	}
	return fr
}

// allegeThatRe introduces what plaintiffs accuse the defendants of.
var allegeThatRe = mustCompile(`\b(?:allege|alleges|alleged|accuse|accuses|accused|claim|claims|claimed) that\b`)

// joinDefence follows "joined the case" when the joiner is a defendant.
var joinDefence = mustCompile(`^ (?:[a-z]+ ){0,3}?(?:to defend|as (?:a |an )?(?:co-)?(?:defendants?|respondents?))\b`)

// appositiveOpen opens a list in apposition after a role word ("the
// plaintiffs, A, B and C" or "the plaintiffs - A and B -"); the match
// ends with the space before the list.
var appositiveOpen = mustCompile(`^(?:,|:| -| --| —| are| were| include| included| (?:were|are) listed as)? `)

// linkRoles ties litigants whose role the frames know but that no edge or
// alliance connects to the others: a group with the same role as another
// joins it, a group with the opposite role opposes it.
func (d *doc) linkRoles(named []*party, fr frameResult, edges map[[2]*party]bool) {
	parent := map[*party]*party{}
	var find func(p *party) *party
	find = func(p *party) *party {
		q, ok := parent[p]
		if !ok || q == p {
			return p
		}
		r := find(q)
		parent[p] = r
		return r
	}
	union := func(a, b *party) { parent[find(a)] = find(b) }
	for e := range edges {
		union(e[0], e[1])
	}
	for e := range fr.allies {
		union(e[0], e[1])
	}
	var first [3]*party // first party of each role, in text order
	for _, p := range named {
		if r := fr.role[p]; r != roleNone && p.litigant && first[r] == nil {
			first[r] = p
		}
	}
	// A group that already opposes someone is a dispute of its own: an
	// article may report two suits ("A sued B. C sued D.").
	disputes := map[*party]bool{}
	for e := range edges {
		disputes[find(e[0])] = true
	}
	for _, p := range named {
		r := fr.role[p]
		if r == roleNone || !p.litigant {
			continue
		}
		if disputes[find(p)] && (first[r] == nil || disputes[find(first[r])]) {
			continue
		}
		if q := first[r]; q != nil && find(q) != find(p) {
			fr.allies[[2]*party{q, p}] = true
			union(p, q)
			continue
		}
		if q := first[3-r]; q != nil && find(q) != find(p) {
			edges[[2]*party{p, q}] = true
			union(p, q)
		}
	}
}

// decisionAuthor returns the mention in "against a 2017 X decision" that
// starts just after byte offset at.
func (d *doc) decisionAuthor(ms []*mention, at, end int) []*mention {
	for _, mt := range ms {
		if mt.start < at {
			continue
		}
		if decisionGapRe.MatchString(d.m[at:mt.start]) && decisionTailRe.MatchString(head(d.m[mt.end:end], 30)) {
			return []*mention{mt}
		}
		return nil
	}
	return nil
}

// andGap reports whether a list gap joins its last item ("and", "as well
// as", "joined by"), not just a comma.
func andGap(gap string) bool {
	return strings.Contains(gap, " and ") || strings.Contains(gap, " with ") || strings.Contains(gap, "as well as") || strings.Contains(gap, "joined by")
}

// findAllIndexIf returns the match indexes of re in s when ok is set.
func findAllIndexIf(ok bool, re *pattern, s string) [][]int {
	if !ok {
		return nil
	}
	return re.FindAllStringIndex(s, -1)
}

// findNearIf is findNear when ok is set.
func findNearIf(ok bool, re *pattern, s, low string, hints []string, before int) [][]int {
	if !ok {
		return nil
	}
	return findNear(re, s, low, hints, before)
}

// notDescriptor are lower-case words that cannot describe the next name
// in a list ("video site X" can, "which sued X" cannot).
var notDescriptor = setOf("is", "are", "was", "were", "be", "been", "has", "have", "had", "said", "says", "say",
	"which", "who", "whom", "whose", "that", "and", "or", "but", "nor", "to", "of", "in", "on", "for", "by", "with",
	"from", "at", "as", "against", "than", "then", "also", "not", "its", "their", "his", "her", "a", "an")

// descriptorGap reports whether gap joins two items of a list where the
// second has a short description: ", video site X", "and the advocacy
// group X". The description is one to three lower-case words, none a
// verb form or function word.
func descriptorGap(gap string) bool {
	g := strings.TrimPrefix(gap, "'s")
	switch {
	case strings.HasPrefix(g, ", and "):
		g = g[len(", and "):]
	case strings.HasPrefix(g, ", "):
		g = g[2:]
	case strings.HasPrefix(g, " and "):
		g = g[len(" and "):]
	default:
		return false
	}
	g = strings.TrimPrefix(g, "the ")
	ws := strings.Fields(g)
	if len(ws) == 0 || len(ws) > 3 || !strings.HasSuffix(g, " ") {
		return false
	}
	for _, w := range ws {
		if w == "" || w[0] < 'a' || w[0] > 'z' || notDescriptor[w] || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.ContainsAny(w, ",;:") {
			return false
		}
	}
	return true
}

// descriptionNouns are the nouns that end a short description before a
// name ("remix app", "record label", "software maker").
func descriptionNouns() []string {
	out := []string{"app", "label", "site", "service", "chain", "brand", "store", "studio", "newspaper", "paper", "outlet", "bank", "lender"}
	for _, n := range descriptiveHeads {
		if !strings.Contains(n, " ") {
			out = append(out, n)
		}
	}
	out = append(out, roleNouns...)
	for n := range titleNouns {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}

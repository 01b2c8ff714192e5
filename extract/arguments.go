package extract

import (
	"strings"

	"github.com/amicus-graph/amicus/facts"
)

// argument is a claim a litigant makes.
type argument struct {
	by    *party
	claim string
	si    int
	conf  float64
	note  string
}

// reportingVerbs introduce what a party argues; the claim follows. The
// confidence says how surely the verb marks a legal argument.
var reportingVerbs = []struct {
	re   *pattern
	conf float64
}{
	{mustCompile(`^(?:'s (?:lawyers|attorneys|barristers|solicitors|counsel|legal team|lawyer|attorney|office|director|chief executive|chief|head|president|general counsel))?(?:, for (?:its|their|his|her) part)?,? (?:has |have |had |also |again |repeatedly |long |previously |further |consistently |on \w+ )*(?:told (?:lawmakers|Congress|senators|legislators|regulators|reporters)|argues|argued|contends|contended|maintains|maintained|insists|insisted|asserts|asserted|alleges|alleged|countered|counters|responded|responds|answered|replied|retorted|told (?:the |a )?(?:[A-Z][a-z]+ )?(?:court|courts|judges?|justices|panel|tribunal))\b(?: [^,.;"]{0,60}?)? that\b`), 0.85},
	{mustCompile(`^(?:'s (?:lawyers|attorneys|barristers|solicitors|counsel|legal team|lawyer|attorney))?,? (?:has |have |had |also |again |heavily |largely |on \w+ )*(?:(?:pointed|points|point|relied|relies|rely|leaned|leans|lean)(?: [a-z]+ly)? (?:to|on)|invoked|invokes)\b`), 0.65},
	{mustCompile(`^(?:'s (?:lawyers|attorneys|barristers|solicitors|counsel|legal team|lawyer|attorney|office))?(?:, for (?:its|their|his|her) part)?,? (?:has |have |had |also |again |repeatedly |long |previously |further |consistently |on \w+ )*(?:argues|argued|contends|contended|maintains|maintained|insists|insisted|countered|counters)\b`), 0.75},
	{mustCompile(`^(?:'s (?:lawyers|attorneys|barristers|solicitors|counsel|spokes(?:person|man|woman)|lawyer|attorney)| spokes(?:person|man|woman))?,? (?:has |have |had |also |again |on \w+ )*(?:called|calls) the (?:ruling|decision|judgment|verdict|order|law|ban|injunction|lawsuit|suit|case|fine|demand|request|subpoena|claims?|policy|program|rules?) `), 0.7},
	{mustCompile(`^(?:'s (?:lawyers|attorneys|barristers|solicitors|counsel|legal team|lawyer|attorney))?,? (?:has |have |had |also |again |repeatedly |long |previously |further |consistently |on \w+ )*(?:argues|argued|contends|contended|maintains|maintained|insists|insisted|countered|counters|told (?:the |a )?(?:court|judges?|justices|panel))\b`), 0.75},
	{mustCompile(`^(?:'s (?:lawyers|attorneys|barristers|solicitors|counsel|spokes(?:person|man|woman)|lawyer|attorney))?,? (?:has |have |had |also |again |on \w+ )*(?:says|said|claims|claimed|wrote|writes|noted|notes|warned|warns|explained|stated)\b(?: (?:in|on) [^,.;"]{0,60}?)? that\b`), 0.7},
	{mustCompile(`^(?:'s (?:lawyers|attorneys|barristers|solicitors|counsel|lawyer|attorney)| spokes(?:person|man|woman))? (?:say|says|said|claim|claims)\b (?:that )?`), 0.65},
	{mustCompile(`^(?:'s)? (?:has |have |had )?(?:taken|takes|took) the (?:position|view|stance) that\b`), 0.8},
	// "the judge sided with Globex, which had argued that …"
	{mustCompile(`^, (?:which|who) (?:had |has |have |also )*(?:argued|argues|contended|contends|maintained|maintains|insisted|insists|said|says|told the (?:court|judges?|justices|panel)) that\b`), 0.75},
	{mustCompile(`^'s (?:position|view|argument|contention|stance|case) (?:is|was|has been|has long been) that\b`), 0.85},
}

// positionPhrase is "its position that …" with the possessor the subject
// of the sentence; relativeSays is ", which it says …".
var (
	positionPhrase = mustCompile(`\b(?:its|their) (?:position|view|argument|contention|stance) that\b|\b(?:insisting|arguing|contending|maintaining) that\b|\btelling (?:the )?(?:court|judges?|justices|panel|jury|tribunal) that\b|\bdenie[sd] (?:the |any |all )?(?:allegations|claims|charges|accusations|wrongdoing),? (?:saying|and said|insisting|arguing) (?:that )?`)
	relativeSays   = mustCompile(`, which (?:it|they) (?:says|said|argues|argued|claims|claimed|contends|contended|maintains|insists)\b`)
	quoteIntro     = mustCompile(`\b(?:explained|said|wrote|argued|stated|put it|told [^,:]{1,30}?)\b[^:]{0,80}:$`)
	quoteVerb      = mustCompile(`^ (?:explained|said|wrote|argued|stated|put it|told)\b`)
	quoteFirst     = mustCompile(`^"[^"]{10,}[,.!?]" (?:(?:the |The )?[^"]{1,40}?) (?:wrote|said|argued|told|contended|added)\b`)
	// feelingOpening and notAnArgument are the openings of a claim that is
	// a reaction, not an argument ("it was disappointed", "they would
	// appeal"), as separate patterns small enough for the backtracking
	// matcher (see isNotAnArgument).
	feelingOpening = mustCompile(`(?i)^(?:it|they|he|she|the company|the government|[\w']+(?: [\w']+){0,3})? ?(?:was |is |were |are |would be |will be |remained |remains )?"?(?:disappointed|pleased|happy|reviewing|weighing|considering|studying|welcomed|welcomes|declined|grateful|confident|glad|proud|satisfied)\b`)
	notAnArgument  = []*pattern{
		mustCompile(`(?i)\b(?:could|would|will|might|may) (?:not |still )?face\b`),
		mustCompile(`(?i)^(?:it|they) (?:would|will|plans? to|intends? to) (?:appeal|review)\b`),
		mustCompile(`(?i)^[\w' ]{0,40}? (?:would|will) (?:comply|study|review|consider|keep|continue|appeal|seek|decide|examine|analy[sz]e|work with|respect|abide by)\b`),
		mustCompile(`(?i)^(?:it|they|he|she|we) (?:was|were|is|are) (?:encouraged|relieved|heartened|thrilled|saddened|dismayed|gratified|delighted)\b`),
	}
	subjectAdverbs  = mustCompile(`^(?: (?:also|again|on \w+|last \w+|this \w+|then|later|earlier|still|now|has|have|had|previously|repeatedly|long|consistently)\b)*$`)
	prepositionTail = mustCompile(`\b(?:at|of|from|with|by|in|to|on|near|about|familiar with)\s+$`)
	// speakerAppositive is a clause between a speaker and its verb.
	speakerAppositive = mustCompile(`^(?:'s)?, (?:which|who|represented by|backed by|joined by|supported by|an?|the|its|their|in|through|via) [^"]{2,}?,`)
	counselBefore     = mustCompile(`(?i)\b(?:lawyers|attorneys|barristers|solicitors|counsel|spokes(?:person|man|woman)|lawyer|attorney) for\s+$`)
)

// counselForRe opens a sentence with a litigant's counsel; counselVerbRe
// is the verb after the litigants it names.
var (
	counselForRe  = mustCompile(`^(?:Lawyers|Attorneys|Barristers|Solicitors|Counsel) (?:for|representing) `)
	counselVerbRe = mustCompile(`^([^,;"]{2,80}?) (?:also |have |had |then )*(?:argued|argue|contended|contend|told the (?:court|judges?|justices|panel|jury|tribunal)|said|say|wrote|maintained|insisted)(?: [^,.;"]{0,40}?)? that\b`)
)

// feelingWords are the words of feeling feelingOpening ends with.
var feelingWords = []string{"disappointed", "pleased", "happy", "reviewing", "weighing", "considering", "studying",
	"welcomed", "welcomes", "declined", "grateful", "confident", "glad", "proud", "satisfied"}

// feelingHints are words one of which a claim that notAnArgument matches
// holds (lower case).
var feelingHints = []string{"disappoint", "pleased", "happy", "review", "weigh", "consider", "study", "studying", "welcome",
	"declined", "grateful", "confident", "glad", "proud", "satisf", "face", "appeal", "comply", "keep", "continue", "seek",
	"decide", "examine", "analy", "work with", "respect", "abide", "encourag", "reliev", "hearten", "thrill", "sadden",
	"dismay", "gratif", "delight"}

// feelingWordSet and feelingHintSet search for feelingWords and
// feelingHints.
var (
	feelingWordSet = newWordSet(feelingWords)
	feelingHintSet = newWordSet(feelingHints)
)

// suitSpeechRe opens what a plaintiffs' filing says: "According to the
// lawsuit, …", "The complaint alleges that …".
var suitSpeechRe = mustCompile(`^(?:According to (?:the|their|its) (?:lawsuit|suit|complaint|petition|claim)s?, |(?:The|Their|Its) (?:lawsuit|suit|complaint|petition) (?:alleges|alleged|says|said|claims|claimed|argues|argued|contends|contended|accuses|accused)(?: that)? )`)

// suitSpeechHints gate suitSpeechRe (lower case).
var suitSpeechHints = []string{"according to the", "according to their", "according to its", "suit ", "complaint ", "petition "}

// circumstance is what may follow a speaker's verb after a quotation: "in
// a statement", "on Monday".
var circumstance = mustCompile(`^(?:in|on|at|last|this|during|after|late|early) [^,;]{0,40}$`)

// butThat follows a statement of feeling with what the party maintains:
// "was disappointed but noted that …".
var butThat = mustCompile(`\b(?:but|and) (?:also )?(?:(?:noted|said|added|insisted|stressed|maintained|predicted|warned) )?that\b|: "`)

// pronounOpening is a personal pronoun that opens a sentence as its
// subject.
var pronounOpening = mustCompile(`^(?:He|She|It|They)\b`)

// coSubjectGap joins two names of one subject list ("Globex and its
// parent Initech").
var coSubjectGap = mustCompile(`^(?:,|, and| and)(?: (?:its|their) [a-z -]{1,30})? $`)

// speaker returns the party that mention mt stands for when it is the
// subject of a reporting verb: a litigant, not "sources at the company".
func (d *doc) speaker(mt *mention) *party {
	if mt == nil || mt.party == nil || !mt.party.litigant {
		return nil
	}
	before := d.m[d.sents[mt.si].start:mt.start]
	before = tail(before, 60)
	if prepositionTail.MatchString(before) && !counselBefore.MatchString(before) {
		return nil
	}
	return mt.party
}

// sentenceSubject is the first litigant mentioned in the sentence before
// byte offset pos: what "it" and "its" refer to.
//
// When the first party named in the sentence is not a litigant (a
// supporter that "filed a brief backing X, arguing that …"), there is no
// litigant subject.
func (d *doc) sentenceSubject(si, pos int) *mention {
	for _, mt := range d.inSentence(si) {
		if mt.start >= pos {
			break
		}
		if mt.party == nil {
			continue
		}
		if d.speaker(mt) != nil && !mt.party.supporter {
			return mt
		}
		if mt.party.supporter || !mt.party.litigant {
			before := tail(d.m[d.sents[si].start:mt.start], 60)
			if !prepositionTail.MatchString(before) {
				return nil
			}
		}
	}
	return nil
}

// isNotAnArgument reports whether feelingOpening or one of the
// notAnArgument openings matches the claim's lead.
func isNotAnArgument(lead string) bool {
	// every match of feelingOpening holds one of feelingWords; the plain
	// search is exact in an ASCII lead (elsewhere case folding reaches
	// beyond ASCII)
	if (!isASCII(lead) || feelingWordSet.in(strings.ToLower(lead))) && feelingOpening.MatchString(lead) {
		return true
	}
	for _, p := range notAnArgument {
		if p.MatchString(lead) {
			return true
		}
	}
	return false
}

func (d *doc) findArguments() {
	seen := map[[2]int]bool{} // party index, sentence
	add := func(a *argument) {
		if a.by == nil {
			return
		}
		if lead := head(a.claim, 120); feelingHintSet.in(strings.ToLower(lead)) && isNotAnArgument(lead) {
			// "it was disappointed but noted that …": the rest is the argument
			m := butThat.FindStringIndex(a.claim)
			if m == nil {
				return
			}
			a.claim = trimClaim(a.claim[m[1]:])
		}
		key := [2]int{d.partyIndex(a.by), a.si}
		if seen[key] {
			return
		}
		seen[key] = true
		d.arguments = append(d.arguments, a)
	}
	for si, s := range d.sents {
		// "X argues that …", "X's lawyers wrote …", "X has taken the position that …"
		reporting := s.may(reportingHints)
		ms := d.inSentence(si)
		for k, mt := range ms {
			if !reporting {
				break
			}
			after := d.m[mt.end:s.end]
			// the patterns are anchored: they only need the words after
			// the mention
			near := head(after, 200)
			// the tests of near that every verb below shares, made once on
			// first need: where " said" follows adverbs only (0: nowhere),
			// and whether an appositive opens near
			adverbsKnown, adverbsEnd := false, 0
			appositiveKnown, appositive := false, false
			for _, v := range reportingVerbs {
				loc := v.re.FindStringIndex(near)
				adv := 0
				if loc == nil {
					// skip adverbs between the subject and the verb:
					// "Globex on Friday also said that"
					if !adverbsKnown {
						adverbsKnown = true
						if k := strings.Index(near, " said"); k > 0 && subjectAdverbs.MatchString(near[:k]) {
							adverbsEnd = k
						}
					}
					if adverbsEnd > 0 {
						adv = adverbsEnd
						loc = v.re.FindStringIndex(near[adverbsEnd:])
					}
				}
				if loc == nil {
					// skip an appositive: "Globex, represented by X, argued"
					// (which may hold commas of its own: "Globex, which was
					// backed by A, B and C, argued")
					if !appositiveKnown {
						appositiveKnown = true
						appositive = speakerAppositive.MatchString(near)
					}
					if appositive {
						for from := 2; loc == nil; {
							k := strings.Index(near[from:], ",")
							if k < 0 {
								break
							}
							from += k + 1
							if loc = v.re.FindStringIndex(near[from:]); loc != nil {
								adv = from
							}
						}
					}
				}
				if loc == nil {
					continue
				}
				by := d.speaker(mt)
				if by == nil {
					break
				}
				claim := after[adv+loc[1]:]
				conf := v.conf
				note := ""
				if mt.desc || mt.gov {
					note = mt.note
					conf -= 0.05
				}
				// a quotation before the verb is the claim itself
				if strings.HasPrefix(s.s, "\"") && quoteFirst.MatchString(s.s) {
					q := s.s[1:strings.Index(s.s[1:], "\"")]
					if rest := trimClaim(claim); rest == "" || circumstance.MatchString(rest) {
						claim = q // '"…," X said in a statement.'
					} else {
						claim = q + "; " + claim
					}
				}
				add(&argument{by: by, claim: trimClaim(claim), si: si, conf: conf, note: note})
				// "Globex and its parent Initech argued": every name of the
				// subject list
				for j := k; j > 0 && coSubjectGap.MatchString(d.m[ms[j-1].end:ms[j].start]); j-- {
					if co := d.speaker(ms[j-1]); co != nil {
						add(&argument{by: co, claim: trimClaim(claim), si: si, conf: conf - 0.05, note: "one of the subjects of the sentence"})
					}
				}
				break
			}
		}
		// "It argued …", "Their lawyers said …", "The plaintiffs contend …"
		if reporting {
			for _, a := range d.subjectPhraseArguments(si) {
				add(a)
			}
		}
		for _, a := range d.quoteArguments(si) {
			add(a)
		}
		// "According to the lawsuit, …", "The complaint alleges that …"
		if m := findIf(s.may(suitSpeechHints), suitSpeechRe, s.s); m != nil {
			for _, p := range d.parties {
				if p.litigant && d.roles[p] == rolePlaintiff && !p.supporter {
					add(&argument{by: p, claim: trimClaim(s.s[m[1]:]), si: si, conf: 0.65, note: "what the plaintiffs' filing says"})
				}
			}
		}
		// "Lawyers for the city and the chief told the court that …"
		if m := counselForRe.FindStringIndex(s.s); m != nil {
			if v := counselVerbRe.FindStringSubmatchIndex(s.s[m[1]:]); v != nil {
				claim := trimClaim(s.s[m[1]+v[1]:])
				for _, mt := range d.inSentence(si) {
					if mt.start < s.start+m[1] || mt.end > s.start+m[1]+v[3] {
						continue
					}
					if mt.party != nil && mt.party.litigant && !mt.party.supporter {
						add(&argument{by: mt.party, claim: claim, si: si, conf: 0.7, note: "counsel for " + mt.surface})
					}
				}
			}
		}
		for _, a := range d.accordingToArguments(si) {
			add(a)
		}
		// "… repeating its position that …", "insisting that …"
		if m := findIf(s.may(positionHints), positionPhrase, s.s); m != nil {
			if pm := pronounOpening.FindString(s.s); pm != "" {
				// "He later sued X, arguing that …": the pronoun's party
				if p, _ := d.previousSpeaker(si, pm != "It" && pm != "They"); p != nil && !p.supporter {
					add(&argument{by: p, claim: trimClaim(s.s[m[1]:]), si: si, conf: 0.7,
						note: sprintf("'%s' → %s: the litigant the sentence before is about", pm, p.name)})
				}
			} else if subj := d.sentenceSubject(si, s.start+m[0]); subj != nil && !subj.party.supporter {
				note := "'its' → " + subj.party.name + ": the subject of the sentence"
				add(&argument{by: subj.party, claim: trimClaim(s.s[m[1]:]), si: si, conf: 0.8, note: note})
			}
		}
		// "…, which it says cannot be accessed …"
		if m := findIf(strings.Contains(s.s, ", which "), relativeSays, s.s); m != nil {
			if subj := d.sentenceSubject(si, s.start+m[0]); subj != nil {
				antecedent := s.s[:m[0]]
				if k := strings.LastIndex(antecedent, " for "); k >= 0 {
					antecedent = antecedent[k+5:]
				}
				note := "'it' → " + subj.party.name + ": the subject of the sentence"
				if subj.note != "" {
					note += "; " + subj.note
				}
				add(&argument{by: subj.party, claim: trimClaim(antecedent + " " + s.s[m[1]:]), si: si, conf: 0.65, note: note})
			}
		}
		// "As the Justice Department explained in a recent letter, …:"
		// followed by a quoted paragraph.
		if strings.HasSuffix(s.s, ":") && quoteIntro.MatchString(s.s) && si+1 < len(d.sents) && strings.HasPrefix(d.sents[si+1].s, "\"") {
			for _, mt := range d.inSentence(si) {
				rest := d.m[mt.end:s.end]
				if by := d.speaker(mt); by != nil && quoteVerb.MatchString(rest) {
					note := "the quotation that the sentence before attributes to " + mt.surface
					if mt.note != "" {
						note += "; " + mt.note
					}
					add(&argument{by: by, claim: trimClaim(d.sents[si+1].s), si: si + 1, conf: 0.7, note: note})
					break
				}
			}
		}
	}
}

func (d *doc) partyIndex(p *party) int {
	for i, q := range d.parties {
		if q == p {
			return i
		}
	}
	if p == d.gov {
		return -1
	}
	return -2
}

func (d *doc) argumentFacts() []facts.Argument {
	out := []facts.Argument{}
	for _, a := range d.arguments {
		f := facts.Argument{By: a.by.name, Claim: a.claim, Confidence: a.conf,
			Evidence: []facts.Evidence{d.evidence(a.si, a.note)}}
		if a.by.dispute != nil {
			f.Case = a.by.dispute.name
		}
		for _, p := range d.precedents {
			if d.isTheDispute(p) {
				continue // not written as a precedent
			}
			for _, si := range p.sents {
				if si == a.si {
					f.Cites = append(f.Cites, p.name)
				}
			}
		}
		out = append(out, f)
	}
	return out
}

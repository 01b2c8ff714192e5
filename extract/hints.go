package extract

import (
	"slices"
	"strings"
)

// Cheap keyword checks that let a sentence skip a family of patterns it
// cannot match: Go's regular expressions scan every position, so running
// dozens of them over every sentence would be slow.

// courtHints, supportHints and rulingHints are words at least one of which
// (in lower case) a sentence must contain for the family to apply.
var (
	namedCourtHints = []string{"court", "circuit", "cjeu", "ecj", "tribunal", "judge"}
	courtHints      = []string{"court", "circuit", "cjeu", "ecj", "judge", "panel", "justices", "magistrate", "tribunal"}
	supportHints    = []string{"brief", "letter", "statement", "filing", "declaration", "comments", "amicus",
		"friend", "weight", "back", "sided", "siding", "support", "rallied", "lined up", "stood", "weighed in", "joined",
		"lent", "lend", "voice", "side with", "rule for", "find for", "rule in", "find in", "interven", "to let", "to allow", "allies"}
	rulingHints = []string{"rul", "sided", "agreed with", "handed", "contempt", "order", "threw out", "toss",
		"dismiss", "vacat", "reject", "struck", "overturn", "revers", "denied", "grant", "upheld", "affirm",
		"declined", "refused", "warrant", "stay", "injunction", "held", "found", "concluded", "decided",
		"set aside", "annul", "invalidat", "block", "quash", "reviv", "reinstat"}
)

// Hints of the citation, statute, date and refusal patterns.
var (
	caseHints    = []string{" v. ", " vs. ", " versus ", " v "}
	statuteHints = []string{"Act", "Amendment", "Code", "Regulation", "Directive", "Convention", "Treaty", "Charter", "Statute", "Ordinance", "Rule", "Constitution", "Clause"}
	// dateHints are case-sensitive: month names and abbreviations, week
	// days ("…day") and relative dates.
	dateHints = []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
		"day", " ago", "last ", "this ", "yesterday", "earlier"}
	refusalHints = []string{"refus", "denied", "reject", "turned down", "barred", "struck", "not allowed", "declined"}
)

// mayContain reports whether lower contains one of the hints.
func mayContain(lower string, hints []string) bool {
	for _, h := range hints {
		if strings.Contains(lower, h) {
			return true
		}
	}
	return false
}

// A wordSet tells whether a text contains one of a fixed list of words,
// as mayContain does, in one pass over the text rather than one search
// per word: at each offset it compares only the words that start with
// the three bytes there (the few shorter words are searched for one by
// one). Long lists of words with common first letters gain the most; a
// few words that start with rare bytes are found quicker one by one.
type wordSet struct {
	short []string          // words shorter than three bytes
	bits  [4096 / 64]uint64 // the tripleSlot bits of the longer words' first three bytes
	slots map[int][]string  // the longer words by tripleSlot
}

// newWordSet returns the wordSet of words.
func newWordSet(words []string) *wordSet {
	w := &wordSet{slots: map[int][]string{}}
	for _, word := range words {
		if len(word) < 3 {
			w.short = append(w.short, word)
			continue
		}
		slot := tripleSlot(word[0], word[1], word[2])
		w.bits[slot/64] |= 1 << (slot % 64)
		w.slots[slot] = append(w.slots[slot], word)
	}
	return w
}

// in reports whether s contains one of the words.
func (w *wordSet) in(s string) bool {
	for _, word := range w.short {
		if strings.Contains(s, word) {
			return true
		}
	}
	for i := 0; i+2 < len(s); i++ {
		slot := tripleSlot(s[i], s[i+1], s[i+2])
		if w.bits[slot/64]&(1<<(slot%64)) == 0 {
			continue
		}
		for _, word := range w.slots[slot] {
			if strings.HasPrefix(s[i:], word) {
				return true
			}
		}
	}
	return false
}

// governmentHints, descriptive heads and mediaHints gate the government,
// descriptive-reference and news-outlet patterns.
var (
	governmentHints = []string{"government", "prosecutors", "justice department", "department of justice", "doj", "solicitor general",
		"administration", "attorney general", "attorneys general", "investigators", "authorities", "officials"}
	mediaHints = []string{"told ", "according to", "reported by", "reporting by", "speaking to", "interview", "quoted by", "confirmed to"}
)

// findAllIf returns the submatch indexes of re in s when ok is set: ok is
// a cheap test that s can match at all.
func findAllIf(ok bool, re *pattern, s string) [][]int {
	if !ok {
		return nil
	}
	return re.FindAllStringSubmatchIndex(s, -1)
}

// reportingHints gate the reporting-verb patterns of arguments.
var reportingHints = []string{"argu", "contend", "rely", "relie", "lean", "point", "invok", "answer", "repl", "respond", "call", "maintain", "insist", "assert", "alleg", "counter", "told", "say",
	"said", "claim", "wrote", "writes", "noted", "notes", "warn", "explain", "stated", "taken the", "takes the",
	"took the", "position", "view", "stance", "contention", "argument", "case"}

// head returns at most the first n bytes of s: anchored patterns only need
// the start of what follows a mention.
func head(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// positionHints gate "its position that", "insisting that"; objectHints
// the words before a litigant object ("ordered X", "sided with X").
var (
	positionHints = []string{"position", "view", "argument", "contention", "stance", "insisting", "arguing", "contending", "maintaining", "telling", "denie"}
	objectHints   = []string{"ordered", "compelled", "fined", "charged", "indicted", "prosecuted", "sued", "handed", "against", "favo", "with", " by", "between"}
)

// objectHintSet searches for objectHints.
var objectHintSet = newWordSet(objectHints)

// findIf returns the index of the first match of re in s when ok is set.
func findIf(ok bool, re *pattern, s string) []int {
	if !ok {
		return nil
	}
	return re.FindStringIndex(s)
}

// findNear runs re only around the words of hints (lower case, matched
// whole-word in low, the lower-case copy of s): on a window from at most
// before bytes ahead of the word (snapped to a word start) to the word's
// end. It suits patterns that end with one of the hint words, such as
// "the software giant": one short window per occurrence instead of the
// whole sentence. Matches are returned in text order, without overlaps.
func findNear(re *pattern, s, low string, hints []string, before int) [][]int {
	var out [][]int
	for _, h := range hints {
		for i := 0; ; {
			k := strings.Index(low[i:], h)
			if k < 0 {
				break
			}
			a, b := i+k, i+k+len(h)
			i = b
			if a > 0 && isWordByte(low[a-1]) || b < len(low) && isWordByte(low[b]) {
				continue
			}
			ws := a - before
			if ws <= 0 {
				ws = 0
			} else {
				for ws < a && low[ws-1] != ' ' {
					ws++
				}
			}
			we := b
			for _, m := range re.FindAllStringSubmatchIndex(s[ws:we], -1) {
				if m[1] != we-ws {
					continue // the match must end with the hint word
				}
				for j := range m {
					if m[j] >= 0 {
						m[j] += ws
					}
				}
				out = append(out, m)
			}
		}
	}
	// text order, first (longest) match kept at each overlap
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && (out[j][0] < out[j-1][0] || out[j][0] == out[j-1][0] && out[j][1] > out[j-1][1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	kept := out[:0]
	for _, m := range out {
		if len(kept) > 0 && m[0] < kept[len(kept)-1][1] {
			continue
		}
		kept = append(kept, m)
	}
	return kept
}

// Hints of the litigation frames that open a clause ("sued by", "brought
// the suit", "between", "asked", "accused").
var (
	byPassiveHints = []string{"sued by", "court by", "named"}
	broughtHints   = []string{"brought th", "filed th", "launched th", "initiated th"}
	betweenHints   = []string{"between", "pitting"}
	askHints       = []string{"ask", "urge", "petition", "sought", "seek", "moved", "moves", "motion"}
	accuseHints    = []string{"accuse", "allege", "charge", "claim", "target", "name"}
	// the words that gate the frames of litigationFrames not listed above
	facesHints    = []string{"faces", "facing", "defendant in"}
	wonByHints    = []string{" by "}
	lockedInHints = []string{" locked in", " embroiled in", " entangled in"}
	liableHints   = []string{"liable to"}
	toHints       = []string{" to "}
	againstHints  = []string{" against"}
	namedHints    = []string{"nam", "to sue"}
	allegeHints   = []string{"allege"}
)

// The hint lists of sentence.may are registered here: every sentence is
// scanned once for all their words (see hintFlags), and a list is then a
// bit mask tested against the sentence's flags. An unregistered list
// falls back to searching the sentence.
var (
	hintWords   []string           // every registered hint, by id
	hintTriples [4096][]int        // hint ids by tripleSlot of their first three bytes
	hintSlots   [4096 / 64]uint64  // the tripleSlots that have hints: a table small enough to stay in cache
	hintShort   []int              // hint ids shorter than three bytes
	hintIDs     = map[string]int{} // id of each hint
	// registered lists by the address of their first hint: a pointer
	// key is quicker to look up than the list's words
	hintRegistry = map[*string]*hintList{}
)

// hintList is a registered hint list: its words, the ids of its hints
// and their bit mask in a sentence's flags.
type hintList struct {
	words []string
	ids   []int
	mask  []uint64
}

// registered returns the registration of hints, or nil when the list is
// not registered.
func registered(hints []string) *hintList {
	if len(hints) == 0 {
		return nil
	}
	l := hintRegistry[&hints[0]]
	if l == nil || len(l.words) != len(hints) {
		return nil // another list that starts in the same place
	}
	return l
}

// init registers the hint lists: the package's own and those of the rule
// tables.
func init() {
	lists := [][]string{namedCourtHints, courtHints, supportHints, rulingHints, refusalHints, caseHints,
		governmentHints, mediaHints, reportingHints, positionHints,
		byHints, fightHints, tripHints, strikeHints, enforceHints, roleHints, frameHints,
		byPassiveHints, broughtHints, betweenHints, askHints, accuseHints,
		facesHints, wonByHints, lockedInHints, liableHints, toHints, againstHints, namedHints, allegeHints,
		descriptiveHeads, roleNounForms, sueEnds, suitSpeechHints, reverseHints}
	for _, nc := range namedCourts {
		lists = append(lists, nc.hints)
	}
	for _, g := range genericCourtRefs {
		lists = append(lists, g.hints)
	}
	for _, r := range supportRules {
		lists = append(lists, r.hints)
	}
	for _, rp := range rulingPhrases {
		lists = append(lists, rp.hints)
	}
	for _, l := range lists {
		for _, h := range l {
			if _, ok := hintIDs[h]; ok {
				continue
			}
			id := len(hintWords)
			hintIDs[h] = id
			hintWords = append(hintWords, h)
			if len(h) < 3 {
				hintShort = append(hintShort, id)
			} else {
				slot := tripleSlot(h[0], h[1], h[2])
				hintTriples[slot] = append(hintTriples[slot], id)
				hintSlots[slot/64] |= 1 << (slot % 64)
			}
		}
	}
	words := (len(hintWords) + 63) / 64
	for _, l := range lists {
		if len(l) == 0 {
			continue
		}
		mask := make([]uint64, words)
		for _, h := range l {
			id := hintIDs[h]
			mask[id/64] |= 1 << (id % 64)
		}
		ids := make([]int, len(l))
		for i, h := range l {
			ids[i] = hintIDs[h]
		}
		if _, ok := hintRegistry[&l[0]]; !ok {
			hintRegistry[&l[0]] = &hintList{words: l, ids: ids, mask: mask}
		}
	}
}

// tripleSlot is the hintTriples slot of hints starting with bytes a, b,
// c.
func tripleSlot(a, b, c byte) int {
	return int((uint(a)*961 + uint(b)*31 + uint(c)) & 4095)
}

// hintWordCount is the number of words of a sentence's hint flags.
func hintWordCount() int { return (len(hintWords) + 63) / 64 }

// hintFlags sets in flags (hintWordCount words, zeroed) a bit for each
// registered hint that low contains: one pass over low, trying at each
// offset only the hints that start with the three bytes there (the few
// shorter hints are searched for one by one).
func hintFlags(flags []uint64, low string) {
	for _, id := range hintShort {
		if strings.Contains(low, hintWords[id]) {
			flags[id/64] |= 1 << (id % 64)
		}
	}
	if len(low) < 3 {
		return
	}
	// the slot of the three bytes from i on, rolled along one byte at a
	// time: a and b are the bytes at i and i+1
	a, b := uint(low[0]), uint(low[1])
	for i := 0; i+2 < len(low); i++ {
		c := uint(low[i+2])
		slot := (a*961 + b*31 + c) & 4095 // tripleSlot
		a, b = b, c
		if hintSlots[slot/64]&(1<<(slot%64)) == 0 {
			continue
		}
		rest := low[i:]
		for _, id := range hintTriples[slot] {
			if strings.HasPrefix(rest, hintWords[id]) {
				flags[id/64] |= 1 << (id % 64)
			}
		}
	}
}

// findAround returns the submatch indexes of re in s like
// FindAllStringSubmatchIndex, but runs re only on windows around the
// hint words in low (lower case, anywhere in a word): from before bytes
// ahead of each hint to after bytes past it, widened to spaces and merged
// when they touch. It suits patterns every match of which holds a hint
// word within those bounds ("Court", "Circuit"); sentences with no hint
// cost one literal search.
func findAround(re *pattern, s, low string, hints []string, before, after int) [][]int {
	if len(low) != len(s) {
		return re.FindAllStringSubmatchIndex(s, -1) // lower case changed the offsets
	}
	var buf [8]span
	wins := buf[:0]
	for _, h := range hints {
		for i := 0; ; {
			k := strings.Index(low[i:], h)
			if k < 0 {
				break
			}
			a, b := i+k, i+k+len(h)
			i = b
			lo, hi := a-before, b+after
			if lo <= 0 {
				lo = 0
			} else {
				for lo > 0 && s[lo-1] != ' ' {
					lo--
				}
			}
			if hi >= len(s) {
				hi = len(s)
			} else {
				for hi < len(s) && s[hi] != ' ' {
					hi++
				}
			}
			wins = append(wins, span{lo, hi})
		}
	}
	if len(wins) == 0 {
		return nil
	}
	if len(wins) == 1 && wins[0].start == 0 && wins[0].end == len(s) {
		return re.FindAllStringSubmatchIndex(s, -1)
	}
	slices.SortFunc(wins, func(a, b span) int { return a.start - b.start })
	merged := wins[:1]
	for _, w := range wins[1:] {
		last := &merged[len(merged)-1]
		if w.start <= last.end {
			last.end = max(last.end, w.end)
			continue
		}
		merged = append(merged, w)
	}
	var out [][]int
	end := 0
	for _, w := range merged {
		for _, m := range re.FindAllStringSubmatchIndex(s[w.start:w.end], -1) {
			if m[0]+w.start < end {
				continue
			}
			for j := range m {
				if m[j] >= 0 {
					m[j] += w.start
				}
			}
			out = append(out, m)
			end = m[1]
		}
	}
	return out
}

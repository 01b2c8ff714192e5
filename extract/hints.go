package extract

import (
	"regexp"
	"strings"
)

// Cheap keyword checks that let a sentence skip a family of patterns it
// cannot match: Go's regular expressions scan every position, so running
// dozens of them over every sentence would be slow.

// courtHints, supportHints and rulingHints are words at least one of which
// (in lower case) a sentence must contain for the family to apply.
var (
	namedCourtHints = []string{"court", "circuit", "cjeu", "ecj"}
	courtHints      = []string{"court", "circuit", "cjeu", "ecj", "judge", "panel", "justices", "magistrate"}
	supportHints    = []string{"brief", "letter", "statement", "filing", "declaration", "comments", "amicus",
		"friend", "weight", "back", "sided", "siding", "support", "rallied", "lined up", "stood", "weighed in", "joined"}
	rulingHints = []string{"rul", "sided", "agreed with", "handed", "contempt", "order", "threw out", "toss",
		"dismiss", "vacat", "reject", "struck", "overturn", "revers", "denied", "grant", "upheld", "affirm",
		"declined", "refused", "warrant", "stay", "injunction", "held", "found", "concluded", "decided"}
)

// Hints of the citation, statute, date and refusal patterns.
var (
	caseHints    = []string{" v. ", " vs. ", " versus "}
	statuteHints = []string{"Act", "Amendment", "Code", "Regulation", "Directive", "Convention", "Treaty", "Charter", "Statute", "Ordinance", "Rule"}
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

// governmentHints, descriptive heads and mediaHints gate the government,
// descriptive-reference and news-outlet patterns.
var (
	governmentHints = []string{"government", "prosecutors", "justice department", "department of justice", "doj",
		"administration", "attorney general", "attorneys general", "investigators", "authorities", "officials"}
	mediaHints = []string{"told ", "according to", "reported by", "reporting by", "speaking to", "interview", "quoted by", "confirmed to"}
)

// findAllIf returns the submatch indexes of re in s when ok is set: ok is
// a cheap test that s can match at all.
func findAllIf(ok bool, re *regexp.Regexp, s string) [][]int {
	if !ok {
		return nil
	}
	return re.FindAllStringSubmatchIndex(s, -1)
}

// reportingHints gate the reporting-verb patterns of arguments.
var reportingHints = []string{"argu", "contend", "maintain", "insist", "assert", "alleg", "counter", "told", "say",
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
	positionHints = []string{"position", "view", "argument", "contention", "stance", "insisting", "arguing", "contending", "maintaining"}
	objectHints   = []string{"ordered", "compelled", "fined", "charged", "indicted", "prosecuted", "sued", "handed", "against", "favo", "with"}
)

// findIf returns the index of the first match of re in s when ok is set.
func findIf(ok bool, re *regexp.Regexp, s string) []int {
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
func findNear(re *regexp.Regexp, s, low string, hints []string, before int) [][]int {
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

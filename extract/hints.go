package extract

import "strings"

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
	dateHints    = []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
		"day", "ago", "last ", "this ", "yesterday", "earlier"}
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

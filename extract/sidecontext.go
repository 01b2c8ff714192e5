package extract

import (
	"strings"
)

// Side context: articles often gather the supporters of one side under a
// sentence that names the side ("The agency has its own allies.", "For
// the city.", "On the insurer's side, …"). A support in that paragraph
// that does not say whom it backs backs that side.

var (
	// sideHeadingRe is a sentence that is only a heading naming a side:
	// "For the city." or "On Globex's side."
	sideHeadingRe = mustCompile(`^(?:For|Backing|Supporting|On the side of) ([^,;:]{2,60}?)\.?$|^On ([^,;:]{2,60}?)(?:'s?)? side\.?$`)
	// sideOpeningRe opens a sentence with the side it is about: "On the
	// government side, …" or "On Globex's side, …".
	sideOpeningRe = mustCompile(`^On (?:the )?([^,;:]{2,60}?)(?:'s?)? side,`)
	// alliesRe says a party has supporters: "The agency has its own
	// allies", "Globex had friends too".
	alliesRe = mustCompile(`^(.{2,60}?) (?:has|had|have|found|drew|attracted|won|enjoyed|enjoys) (?:(?:its|their|his|her) own |plenty of |many |some |powerful |influential |its |their )?(?:allies|backers|supporters|friends|champions)\b`)
)

// sideContext is the party a sentence names as the side that the supports
// after it in its paragraph back.
type sideContext struct {
	party *party
	si    int
}

// sideOf returns the litigant that sentence si names as a side, if any.
func (d *doc) sideOf(si int) *party {
	s := d.sents[si]
	var from, to int
	switch {
	case sideHeadingRe.MatchString(s.s):
		m := sideHeadingRe.FindStringSubmatchIndex(s.s)
		from, to = m[2], m[3]
		if from < 0 {
			from, to = m[4], m[5]
		}
	case sideOpeningRe.MatchString(s.s):
		m := sideOpeningRe.FindStringSubmatchIndex(s.s)
		from, to = m[2], m[3]
	case alliesRe.MatchString(s.s):
		m := alliesRe.FindStringSubmatchIndex(s.s)
		from, to = m[2], m[3]
	default:
		return nil
	}
	for _, mt := range d.inSentence(si) {
		if mt.start < s.start+from || mt.end > s.start+to {
			continue
		}
		if mt.party != nil && (mt.party.litigant || mt.party == d.gov) {
			return mt.party
		}
	}
	return nil
}

// applySideContext gives the supports that name no supported party the
// side that an earlier sentence of their paragraph (or their own opening)
// names.
func (d *doc) applySideContext() {
	var open []*support
	for _, sup := range d.supports {
		if sup.targetParty == nil && (sup.target == nil || sup.target.party == nil) {
			open = append(open, sup)
		}
	}
	if len(open) == 0 {
		return
	}
	ctx := sideContext{si: -1}
	contexts := make([]sideContext, len(d.sents))
	for si, s := range d.sents {
		if ctx.si >= 0 && d.sents[ctx.si].para != s.para {
			ctx = sideContext{si: -1}
		}
		if hasSideWords(s.low) {
			if p := d.sideOf(si); p != nil {
				ctx = sideContext{party: p, si: si}
			}
		}
		contexts[si] = ctx
	}
	for _, sup := range open {
		c := contexts[sup.si]
		if c.party == nil || c.party == sup.supporter || neitherSide.MatchString(d.sents[sup.si].s) {
			continue
		}
		sup.target = nil
		sup.targetParty = c.party
		sup.conf = 0.6
		sup.note = sprintf("backs %s: the paragraph gathers that side's supporters (%q)", c.party.name, head(d.sents[c.si].s, 60))
	}
}

// hasSideWords reports whether a lower-case sentence may name a side.
func hasSideWords(low string) bool {
	return strings.HasPrefix(low, "for ") || strings.HasPrefix(low, "on ") || strings.HasPrefix(low, "backing ") ||
		strings.HasPrefix(low, "supporting ") || strings.Contains(low, "allies") || strings.Contains(low, "backers") ||
		strings.Contains(low, "supporters") || strings.Contains(low, "friends") || strings.Contains(low, "champions")
}

package extract

import (
	"strings"
)

// Supports written from the supported party's side: the party comes
// first and its supporters after ("Globex drew support from A and B",
// "Globex's supporters include A", "Backing Globex were A and B", "In a
// brief supporting Globex, A argued …").

var (
	// drewSupportRe follows the supported party; the supporters follow it.
	drewSupportRe = mustCompile(`\b(?:drew|draws|won|wins|got|gets|received|receives|has|had|have|enjoys|enjoyed|attracted|attracts|picked up|picks up) (?:the )?(?:public |legal |early )?(?:support|backing) (?:of|from) `)
	// supportersIncludeRe follows "X's": X's supporters are listed after it.
	supportersIncludeRe = mustCompile(`^'s? (?:supporters|backers|allies|friends) (?:include|included|including|are|were|have included)(?: such groups as)? `)
	// amongSupportersRe opens a sentence that lists a party's supporters:
	// group 1 holds the party.
	amongSupportersRe = mustCompile(`^Among ((?:the )?[^,]{2,60}?)'s? (?:supporters|backers|allies|friends)(?:,| (?:are|were|is|was)) `)
	// backingWereRe opens an inverted sentence: group 1 holds the party.
	backingWereRe = mustCompile(`^(?:Backing|Supporting|Siding with|Behind) ((?:the )?[^,]{2,60}?),? (?:are|were|is|was|stood|stand) `)
	// frontedBriefRe opens a sentence with the form and the supported party
	// before the supporter: "In a brief supporting Globex, A argued …".
	frontedBriefRe = mustCompile(`^(?:In|With|Through) (?:a|an|its|their|the|one) (?P<via>(?:joint |separate )?(?:amicus curiae brief|amicus brief|friend-of-the-court brief|brief|letter|filing|statement|submission)) (?:supporting|backing|in support of|on behalf of|siding with|for) `)
)

// reverseHints gate the patterns above (lower case).
var reverseHints = []string{"support", "backing", "backers", "allies", "friends", "behind", "siding"}

// reverseSupports finds the supports of sentence si written from the
// supported party's side. With mark set it only marks the supporters.
func (d *doc) reverseSupports(si int, mark bool) []*support {
	s := d.sents[si]
	if !s.may(reverseHints) {
		return nil
	}
	var target *mention
	var listAt int // where the list of supporters starts
	via := ""
	switch {
	case drewSupportRe.MatchString(s.s):
		m := drewSupportRe.FindStringIndex(s.s)
		target = d.mentionEndingBefore(si, s.start+m[0], subjectAdverbGap)
		listAt = s.start + m[1]
	case amongSupportersRe.MatchString(s.s):
		m := amongSupportersRe.FindStringSubmatchIndex(s.s)
		target = d.firstMentionIn(si, s.start+m[2], s.start+m[3])
		listAt = s.start + m[1]
	case backingWereRe.MatchString(s.s):
		m := backingWereRe.FindStringSubmatchIndex(s.s)
		target = d.firstMentionIn(si, s.start+m[2], s.start+m[3])
		listAt = s.start + m[1]
	case frontedBriefRe.MatchString(s.s):
		m := frontedBriefRe.FindStringSubmatchIndex(s.s)
		via = s.s[m[2]:m[3]]
		target = d.mentionAt(si, s.start+m[1])
		if target == nil {
			return nil
		}
		// the supporter is the subject after the phrase's comma
		rest := d.m[target.end:s.end]
		comma := strings.Index(rest, ", ")
		if comma < 0 || comma > 40 {
			return nil
		}
		listAt = target.end + comma + 2
	default:
		for _, mt := range d.inSentence(si) {
			if loc := supportersIncludeRe.FindStringIndex(head(d.m[mt.end:s.end], 60)); loc != nil {
				target, listAt = mt, mt.end+loc[1]
				break
			}
		}
	}
	if target == nil || listAt == 0 {
		return nil
	}
	var out []*support
	for _, sm := range d.listAfter(si, listAt) {
		p := sm.party
		if p == nil || sm.desc || p == target.party || !mark && p.litigant {
			continue
		}
		if mark {
			if !p.litigant {
				p.supporter = true
			}
			continue
		}
		out = append(out, &support{supporter: p, target: target, via: via, si: si, conf: 0.75, note: target.note})
	}
	return out
}

// subjectAdverbGap stands between a subject and its verb.
var subjectAdverbGap = mustCompile(`^(?:,? (?:also|has|have|had|already|quickly|since|then|now))*\s*$`)

// firstMentionIn returns the first mention inside [from, to) of sentence si.
func (d *doc) firstMentionIn(si, from, to int) *mention {
	for _, mt := range d.inSentence(si) {
		if mt.start >= from && mt.end <= to {
			return mt
		}
	}
	return nil
}

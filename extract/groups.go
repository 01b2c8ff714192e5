package extract

import (
	"strings"

	"github.com/amicus-graph/amicus/facts"
)

// Counted groups: supporters that the article does not name one by one
// but counts ("A group of 154 economists filed a brief", "So did 228
// members of Congress"). The group itself is the supporter, named by its
// count and noun.

var (
	// countedWholeRe is a counted group as a whole subject: group 1 is
	// the count, group 2 the noun, group 3 what the members belong to.
	countedWholeRe = mustCompile(`^(?:(?:[Aa]|[Aa]n|[Tt]he) (?:group|coalition|collection|bloc) of )?(?:(?:more than|over|about|nearly|almost|some|at least) )?(\d[\d,]*) ((?:[a-z-]+ ){0,2}[a-z-]+s)(?: (?:of|from) ((?:the )?[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?))?$`)
	// countedStartRe is a counted group at the start of a text,
	// followed by a comma, a clause or a verb.
	countedStartRe = mustCompile(`^(?:(?:[Aa]|[Aa]n|[Tt]he) (?:group|coalition|collection|bloc) of )?(?:(?:more than|over|about|nearly|almost|some|at least) )?(\d[\d,]*) ((?:[a-z-]+ ){0,2}[a-z-]+s)(?: (?:of|from) ((?:the )?[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)?))?(?:,| who\b| which\b| also\b| filed\b| signed\b| urged\b| wrote\b)`)
	// soDidRe opens a sentence that adds supporters to the support of the
	// sentence before: "So did X", "As did X".
	soDidRe = mustCompile(`^(?:So|And so|As) did `)
	// openingAdverbRe opens a sentence before its subject.
	openingAdverbRe = mustCompile(`^(?:Separately|Meanwhile|Similarly|Likewise|Also|In addition|Elsewhere),\s+`)
)

// countedGroup returns the supporter a counted group stands for, or nil
// when text (a subject) is no counted group. Groups of the same name are
// one party.
func (d *doc) countedGroup(si int, text string, whole bool) *party {
	re := countedStartRe
	if whole {
		re = countedWholeRe
	}
	m := re.FindStringSubmatch(text)
	if m == nil || notSpeakers[m[2]] && m[3] == "" && m[2] != "economists" && m[2] != "scientists" {
		return nil
	}
	name := m[1] + " " + m[2]
	if m[3] != "" {
		name += " of " + m[3]
	}
	if d.groups == nil {
		d.groups = map[string]*party{}
	}
	if p := d.groups[name]; p != nil {
		addInt(&p.evidence, si)
		return p
	}
	p := &party{name: name, kind: facts.KindGroup, conf: 0.6, supporter: true, evidence: []int{si},
		notes: []string{"a group the article counts rather than names"}}
	d.groups[name] = p
	return p
}

// countedSubject returns the counted group that is the whole subject
// ending at byte offset pos of sentence si, or nil.
func (d *doc) countedSubject(si, pos int) *party {
	s := d.sents[si]
	subj := d.m[s.start:pos]
	subj = openingAdverbRe.ReplaceAllString(subj, "")
	subj = strings.TrimRight(subj[:listGapStart(subj)], " ,")
	if subj == "" {
		return nil
	}
	return d.countedGroup(si, subj, true)
}

// soDidSupports adds the supports of "So did X" sentences: X backs whom
// the sentence before, in the same paragraph, said its supporters backed.
func (d *doc) soDidSupports() {
	for si, s := range d.sents {
		loc := soDidRe.FindStringIndex(s.s)
		if loc == nil || si == 0 || d.sents[si-1].para != s.para {
			continue
		}
		var prev *support
		for _, sup := range d.supports {
			if sup.si == si-1 {
				prev = sup
			}
		}
		if prev == nil {
			continue
		}
		var supporters []*party
		for _, mt := range d.listAfter(si, s.start+loc[1]) {
			if mt.party != nil && !mt.party.litigant && !mt.desc {
				supporters = append(supporters, mt.party)
			}
		}
		if len(supporters) == 0 {
			if g := d.countedGroup(si, s.s[loc[1]:], false); g != nil {
				supporters = append(supporters, g)
			}
		}
		var found []*support
		for _, p := range supporters {
			if p == prev.supporter {
				continue
			}
			p.supporter = true
			found = append(found, &support{supporter: p, target: prev.target, targetParty: prev.targetParty, via: prev.via,
				si: si, conf: 0.65, note: "'" + strings.TrimSpace(s.s[:loc[1]]) + "' repeats the support of the sentence before"})
		}
		if len(found) > 0 {
			d.addGrounds(si, found)
			d.supports = append(d.supports, found...)
		}
	}
}

package extract

import (
	"sort"

	"github.com/amicus-graph/amicus/facts"
)

// document assembles the facts found.
func (d *doc) document() facts.Document {
	doc := facts.Document{Version: facts.FormatVersion, Extractor: Name,
		Cases: []facts.Case{}, Parties: []facts.Party{}, Courts: []facts.Court{}, Judges: []facts.Judge{},
		Precedents: []facts.Precedent{}}
	for _, c := range d.cases {
		f := facts.Case{Name: c.name, Confidence: c.conf}
		sort.Ints(c.sents)
		for _, si := range c.sents {
			f.Evidence = append(f.Evidence, d.evidence(si, ""))
		}
		doc.Cases = append(doc.Cases, f)
	}
	// Parties: litigants, then supporters.
	emitted := map[*party]bool{}
	emit := func(p *party) {
		if emitted[p] {
			return
		}
		emitted[p] = true
		f := facts.Party{Name: p.name, Kind: p.kind, Aliases: p.aliases, Side: p.side, Confidence: p.conf}
		if f.Aliases == nil {
			f.Aliases = []string{}
		}
		if p.dispute != nil {
			f.Case = p.dispute.name
		}
		ev := p.evidence
		if len(ev) == 0 && len(p.mentions) > 0 {
			ev = []int{p.mentions[0].si}
		}
		for _, si := range ev {
			note := ""
			for _, mt := range p.mentions {
				if mt.si == si && mt.note != "" {
					note = mt.note
					break
				}
			}
			f.Evidence = append(f.Evidence, d.evidence(si, note))
		}
		// resolved references, one evidence each
		for _, mt := range p.mentions {
			if mt.note != "" && !containsInt(ev, mt.si) {
				f.Evidence = append(f.Evidence, d.evidence(mt.si, mt.note))
				ev = append(ev, mt.si)
			}
		}
		doc.Parties = append(doc.Parties, f)
	}
	for _, p := range d.parties {
		if p.litigant {
			emit(p)
		}
	}
	for _, s := range d.supports {
		emit(s.supporter)
	}
	// A supported party that is neither a litigant nor a supporter is
	// still named by the support: it must be a party of the document.
	for _, s := range d.supports {
		if s.target != nil && s.target.party != nil {
			emit(s.target.party)
		}
	}
	for _, c := range d.courts {
		if len(c.sents) == 0 {
			continue
		}
		f := facts.Court{Name: c.name, Aliases: c.aliases, Level: c.level, Place: c.place, Confidence: c.conf}
		if f.Aliases == nil {
			f.Aliases = []string{}
		}
		for _, si := range c.sents {
			note := ""
			for _, r := range d.courtRefs {
				if r.court == c && r.si == si && r.note != "" {
					note = r.note
					break
				}
			}
			f.Evidence = append(f.Evidence, d.evidence(si, note))
		}
		doc.Courts = append(doc.Courts, f)
	}
	for _, j := range d.judges {
		f := facts.Judge{Name: j.name, Confidence: j.conf, Evidence: []facts.Evidence{d.evidence(j.sents[0], j.note)}}
		if j.court != nil {
			f.Court = j.court.name
			if len(j.court.sents) == 0 {
				j.court.sents = []int{j.sents[0]}
				doc.Courts = append(doc.Courts, facts.Court{Name: j.court.name, Aliases: []string{}, Level: j.court.level,
					Place: j.court.place, Confidence: j.court.conf, Evidence: []facts.Evidence{d.evidence(j.sents[0], "the court of judge "+j.name)}})
			}
		}
		doc.Judges = append(doc.Judges, f)
	}
	for _, p := range d.precedents {
		if d.isTheDispute(p) {
			continue
		}
		f := facts.Precedent{Name: p.name, Kind: p.kind, Citation: p.citation, Confidence: p.conf}
		for i, si := range p.sents {
			note := ""
			if i > 0 && i-1 < len(p.notes) {
				note = p.notes[i-1]
			}
			f.Evidence = append(f.Evidence, d.evidence(si, note))
		}
		doc.Precedents = append(doc.Precedents, f)
	}
	doc.Arguments = d.argumentFacts()
	doc.Supports = d.supportFacts()
	doc.Rulings = d.rulingFacts()
	return doc
}

// isTheDispute reports whether a case citation names the article's own
// dispute (both sides are its litigants on opposite sides, and no
// reporter is cited) rather than a precedent.
func (d *doc) isTheDispute(p *precedent) bool {
	if p.kind != facts.PrecedentCase || p.plaintiff == "" || p.citation != "" {
		return false // a reported decision is cited, even one of this dispute's earlier rounds
	}
	a, b := d.partyNamed(p.plaintiff, d.parties), d.partyNamed(p.defendant, d.parties)
	return a != nil && b != nil && a.litigant && b.litigant && a.side != b.side
}

func containsInt(list []int, v int) bool {
	for _, x := range list {
		if x == v {
			return true
		}
	}
	return false
}

package facts

import (
	"fmt"
	"strings"
)

// plural names the lists of a document that references point into.
var plural = map[string]string{"case": "cases", "party": "parties (names and aliases)", "court": "courts (names and aliases)", "precedent": "precedents"}

// Validate checks that a document is complete and consistent: the format
// version is known, the article has text, every evidence quote is the text
// at its offsets, and every reference names a fact of the document. The
// error is an *Error with code ECodeInvalid that says what is wrong and
// where, so a researcher editing a document by hand can fix it.
func (d *Document) Validate() error {
	var problems []string
	add := func(format string, args ...any) { problems = append(problems, fmt.Sprintf(format, args...)) }

	if d.Version != FormatVersion {
		add("version is %d, this build reads version %d", d.Version, FormatVersion)
	}
	if strings.TrimSpace(d.Article.Text) == "" {
		add("article.text is empty")
	}
	if strings.TrimSpace(d.Article.Title) == "" {
		add("article.title is empty")
	}
	if d.Article.ID != "" && d.Article.ID != ArticleID(d.Article.Text) {
		add("article.id %q does not match the article text (remove it, or set it to %q)", d.Article.ID, ArticleID(d.Article.Text))
	}
	text := []rune(d.Article.Text)
	checkEvidence := func(where string, evidence []Evidence) {
		if len(evidence) == 0 {
			add("%s has no evidence", where)
		}
		for i, e := range evidence {
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End {
				add("%s evidence %d: offsets %d..%d are outside the article text (%d characters)", where, i, e.Start, e.End, len(text))
				continue
			}
			if string(text[e.Start:e.End]) != e.Quote {
				add("%s evidence %d: quote is not the article text at %d..%d", where, i, e.Start, e.End)
			}
		}
	}
	checkConfidence := func(where string, c float64) {
		if c < 0 || c > 1 {
			add("%s: confidence %v is outside 0..1", where, c)
		}
	}
	names := func(kind string, list []string) map[string]bool {
		set := map[string]bool{}
		for _, n := range list {
			if strings.TrimSpace(n) == "" {
				add("a %s has an empty name", kind)
			}
			set[Key(n)] = true
		}
		return set
	}

	var caseNames, partyNames, courtNames, precedentNames []string
	for _, c := range d.Cases {
		caseNames = append(caseNames, c.Name)
	}
	for _, p := range d.Parties {
		partyNames = append(partyNames, p.Name)
		partyNames = append(partyNames, p.Aliases...)
	}
	for _, c := range d.Courts {
		courtNames = append(courtNames, c.Name)
		courtNames = append(courtNames, c.Aliases...)
	}
	for _, p := range d.Precedents {
		precedentNames = append(precedentNames, p.Name)
	}
	cases := names("case", caseNames)
	parties := names("party", partyNames)
	courts := names("court", courtNames)
	precedents := names("precedent", precedentNames)
	ref := func(where, kind string, set map[string]bool, name string, optional bool) {
		if name == "" {
			if !optional {
				add("%s names no %s", where, kind)
			}
			return
		}
		if !set[Key(name)] {
			add("%s names %s %q, which is not among the document's %s", where, kind, name, plural[kind])
		}
	}

	for i, c := range d.Cases {
		where := fmt.Sprintf("case %d (%q)", i, c.Name)
		checkEvidence(where, c.Evidence)
		checkConfidence(where, c.Confidence)
	}
	for i, p := range d.Parties {
		where := fmt.Sprintf("party %d (%q)", i, p.Name)
		switch p.Kind {
		case KindCompany, KindGovernment, KindAgency, KindPerson, KindGroup:
		default:
			add("%s: kind %q is not one of company, government, agency, person, group", where, p.Kind)
		}
		if p.Side != "" && p.Side != SideA && p.Side != SideB {
			add("%s: side %q is not A or B", where, p.Side)
		}
		if p.Side != "" && p.Case == "" {
			add("%s has a side but names no case", where)
		}
		ref(where, "case", cases, p.Case, true)
		checkEvidence(where, p.Evidence)
		checkConfidence(where, p.Confidence)
	}
	for i, c := range d.Courts {
		where := fmt.Sprintf("court %d (%q)", i, c.Name)
		checkEvidence(where, c.Evidence)
		checkConfidence(where, c.Confidence)
	}
	for i, j := range d.Judges {
		where := fmt.Sprintf("judge %d (%q)", i, j.Name)
		ref(where, "court", courts, j.Court, true)
		checkEvidence(where, j.Evidence)
		checkConfidence(where, j.Confidence)
	}
	for i, p := range d.Precedents {
		where := fmt.Sprintf("precedent %d (%q)", i, p.Name)
		if p.Kind != PrecedentStatute && p.Kind != PrecedentCase {
			add("%s: kind %q is not statute or case", where, p.Kind)
		}
		checkEvidence(where, p.Evidence)
		checkConfidence(where, p.Confidence)
	}
	for i, a := range d.Arguments {
		where := fmt.Sprintf("argument %d", i)
		if strings.TrimSpace(a.Claim) == "" {
			add("%s has an empty claim", where)
		}
		ref(where, "party", parties, a.By, false)
		ref(where, "case", cases, a.Case, true)
		for _, c := range a.Cites {
			ref(where, "precedent", precedents, c, false)
		}
		checkEvidence(where, a.Evidence)
		checkConfidence(where, a.Confidence)
	}
	for i, s := range d.Supports {
		where := fmt.Sprintf("support %d (%q)", i, s.Supporter)
		ref(where, "party", parties, s.Supporter, false)
		ref(where, "party", parties, s.Supported, true)
		ref(where, "case", cases, s.Case, true)
		if s.Supported != "" && Key(s.Supported) == Key(s.Supporter) {
			add("%s backs itself", where)
		}
		for j, g := range s.Grounds {
			gw := fmt.Sprintf("%s ground %d", where, j)
			if strings.TrimSpace(g.Claim) == "" {
				add("%s has an empty claim", gw)
			}
			checkEvidence(gw, g.Evidence)
			checkConfidence(gw, g.Confidence)
		}
		checkEvidence(where, s.Evidence)
		checkConfidence(where, s.Confidence)
	}
	for i, r := range d.Rulings {
		where := fmt.Sprintf("ruling %d", i)
		if strings.TrimSpace(r.Summary) == "" {
			add("%s has an empty summary", where)
		}
		ref(where, "court", courts, r.Court, true)
		ref(where, "party", parties, r.Favors, true)
		ref(where, "case", cases, r.Case, true)
		checkEvidence(where, r.Evidence)
		checkConfidence(where, r.Confidence)
	}

	if len(problems) == 0 {
		return nil
	}
	const most = 10
	more := ""
	if len(problems) > most {
		more = fmt.Sprintf(" (and %d more)", len(problems)-most)
		problems = problems[:most]
	}
	return Errorf(ECodeInvalid, "%s%s", strings.Join(problems, "; "), more)
}

package extract

import (
	"fmt"
	"strings"
)

var sprintf = fmt.Sprintf

// judge is a named judge.
// judgeRef is one mention of a judge, by full name or surname.
type judgeRef struct {
	span
	si    int
	judge *judge
}

type judge struct {
	name  string
	court *court
	conf  float64
	sents []int
	note  string
}

// nameWord is one word of a person's name: "Doe", "O’Hara", "Ward-Lin",
// "McKay", "Conceição"; nameParticle joins words of a name ("de", "van").
const (
	nameWord     = `(?:\p{Lu}['’]\p{Lu}\p{Ll}+|\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?)(?:-\p{Lu}?\p{Ll}+)*`
	nameParticle = `(?:(?:de|da|do|dos|das|van|von|der|den|del|della|di|du|le|la|bin|al) )*`
)

// judgeTitle matches "U.S. Magistrate Judge Ann Doe III in Chicago",
// "Chief Justice Ann Doe", "Judge Maria Lopez", "Lord Justice Doe".
var judgeTitle = mustCompile(`\b((?:(?:U\.S\.|Chief|Senior|Presiding|Federal|Magistrate|District|Circuit|Bankruptcy|Appeals Court|Supreme Court|High Court|Associate|Acting|Lord|Lady|federal|district|circuit|magistrate|bankruptcy) )*)(Judge|Justice|judge|justice) ((?:` + nameWord + `|\p{Lu}\.)(?: ` + nameParticle + `(?:II|III|IV|Jr\.|Sr\.|` + nameWord + `|\p{Lu}\.))*)(?: (?:in|of) ([A-Z][a-z]+(?: [A-Z][a-z]+)?))?`)

// judgeAppositive matches "Maria Lopez, a U.S. district judge in Chicago".
var judgeAppositive = mustCompile(`\b(` + nameWord + `(?: \p{Lu}\.)?(?: ` + nameParticle + nameWord + `)+), (?:a|the) ((?:(?:U\.S\.|federal|chief|senior|district|circuit|magistrate|bankruptcy|appeals court|state) )*)(judge|justice)(?: (?:in|of|on) ([A-Z][a-z]+(?: [A-Z][a-z]+)?))?`)

// mayBeAppositive reports whether s holds what every match of
// judgeAppositive does: ", a " or ", the " and "judge" or "justice" in
// lower case.
func mayBeAppositive(s string) bool {
	return (strings.Contains(s, ", a ") || strings.Contains(s, ", the ")) &&
		(strings.Contains(s, "judge") || strings.Contains(s, "justice"))
}

// judgeListRe is a list of judges under one plural title: "Justices Ann
// Doe, Bo Rask and Cy Poe"; group 1 is the title, group 2 the list.
var judgeListRe = mustCompile(`\b(Justices|Judges) ((?:` + nameWord + `|\p{Lu}\.)(?: (?:` + nameWord + `|\p{Lu}\.))*(?:(?:,| and|, and) (?:` + nameWord + `|\p{Lu}\.)(?: (?:` + nameWord + `|\p{Lu}\.))*)+)`)

// inOrgName ends in a capitalised word that is no title: a "Justice"
// after it is part of an organisation's name.
var inOrgName = mustCompile(`(?:^|[a-z,;:]\s+)(?:[A-Z][a-z]+ )*([A-Z][a-z]+) $`)

// judgeWords are the words every judge pattern holds.
var judgeWords = []string{"judge", "justice"}

func (d *doc) findJudges() {
	for si, s := range d.sents {
		if !strings.Contains(s.low, "judge") && !strings.Contains(s.low, "justice") {
			continue
		}
		// "Justices Ann Doe, Bo Rask and Cy Poe"
		for _, mi := range findAllIf(strings.Contains(s.s, "Justices ") || strings.Contains(s.s, "Judges "), judgeListRe, s.s) {
			level := "supreme"
			if s.s[mi[2]:mi[3]] == "Judges" {
				level = ""
			}
			for _, name := range splitNameList(s.s[mi[4]:mi[5]]) {
				if first := strings.Fields(name)[0]; capitalStoplist[first] || len(strings.Fields(name)) < 2 {
					continue
				}
				j := d.addJudge(name, si)
				if j.court == nil && level != "" {
					j.court, j.note = d.courtOfLevel(level, si, s.start+mi[0])
				}
			}
			d.covered = append(d.covered, span{s.start + mi[0], s.start + mi[1]})
		}
		for _, re := range []*pattern{judgeTitle, judgeAppositive} {
			if re == judgeAppositive && !mayBeAppositive(s.s) {
				continue
			}
			for _, mi := range findAround(re, s.s, s.low, judgeWords, 120, 120) {
				m := submatches(s.s, mi)
				var prefix, title, name, place string
				if re == judgeTitle {
					prefix, title, name, place = m[1], m[2], m[3], m[4]
				} else {
					name, prefix, title, place = m[1], m[2], m[3], m[4]
				}
				name = strings.TrimSuffix(name, "'s")
				if first := strings.Fields(name)[0]; capitalStoplist[first] || agencyWords[first] || groupWords[first] {
					continue
				}
				if re == judgeTitle && prefix == "" && !strings.Contains(name, " ") && orgBefore(s.s[:mi[0]]) {
					continue // "Renters' Justice Widgetland": an organisation's name
				}
				j := d.addJudge(name, si)
				d.covered = append(d.covered, span{s.start + mi[0], s.start + mi[1]})
				d.judgeRefs = append(d.judgeRefs, judgeRef{span{s.start + mi[0], s.start + mi[1]}, si, j})
				if j.court != nil {
					continue
				}
				// The court: from the title and place, else from context.
				level := courtLevel(prefix + title)
				if strings.EqualFold(title, "justice") && level == "" {
					level = "supreme"
				}
				switch {
				case place != "" && (level == "district" || level == ""):
					c := d.addCourt("U.S. District Court in "+place, "district", place, s.start+mi[0])
					if d.country != "U.S." {
						c.name = "District court in " + place
					}
					c.explicit++
					j.court, j.note = c, "the court of a district judge in "+place
				case level != "":
					j.court, j.note = d.courtOfLevel(level, si, s.start+mi[0])
				}
			}
		}
	}
}

// findSurnames finds later mentions of judges by surname alone.
func (d *doc) findSurnames() {
	for _, j := range d.judges {
		words := strings.Fields(j.name)
		for len(words) > 1 && (words[len(words)-1] == "IV" || words[len(words)-1] == "III" || words[len(words)-1] == "II" || strings.HasSuffix(words[len(words)-1], ".")) {
			words = words[:len(words)-1]
		}
		if len(words) < 2 {
			continue
		}
		surname := words[len(words)-1]
		for si, s := range d.sents {
			for _, mi := range wordIndexes(s.s, surname) {
				if d.isCovered(s.start+mi[0], s.start+mi[1]) {
					continue
				}
				d.covered = append(d.covered, span{s.start + mi[0], s.start + mi[1]})
				d.judgeRefs = append(d.judgeRefs, judgeRef{span{s.start + mi[0], s.start + mi[1]}, si, j})
				addInt(&j.sents, si)
			}
		}
	}
}

func (d *doc) addJudge(name string, si int) *judge {
	for _, j := range d.judges {
		if j.name == name || strings.HasSuffix(j.name, " "+name) {
			addInt(&j.sents, si)
			return j
		}
	}
	j := &judge{name: name, conf: 0.9}
	j.sents = []int{si}
	d.judges = append(d.judges, j)
	return j
}

// courtOfLevel returns the article's court of this level, creating a
// generic one when there is none.
func (d *doc) courtOfLevel(level string, si, pos int) (*court, string) {
	var found []*court
	for _, c := range d.courts {
		if c.level == level {
			found = append(found, c)
		}
	}
	if len(found) >= 1 {
		return found[0], "the article's " + level + " court"
	}
	name := map[string]string{"district": "U.S. District Court", "appeals": "Appeals court", "supreme": "Supreme Court"}[level]
	if name == "" {
		return nil, ""
	}
	if level == "supreme" && d.country != "" {
		name = d.country + " Supreme Court"
	}
	c := d.addCourt(name, level, "", pos)
	c.conf = 0.6
	return c, "a " + level + " judge's court"
}

// finishJudges gives judges without a court the court of their sentence
// or, failing that, the nearest earlier court that is not a supreme court.
func (d *doc) finishJudges() {
	for _, j := range d.judges {
		if j.court != nil {
			continue
		}
		si := j.sents[0]
		if r := d.courtIn(si, d.sents[si].start); r != nil {
			j.court, j.note = r.court, "the court named in the same sentence"
			j.conf = 0.8
			continue
		}
		for k := len(d.courtRefs) - 1; k >= 0; k-- {
			r := d.courtRefs[k]
			if r.si < si && r.court != nil && r.court.level != "supreme" {
				j.court, j.note = r.court, "the nearest court mentioned before"
				j.conf = 0.6
				break
			}
		}
	}
}

// wordIndexes returns the byte ranges of the whole-word occurrences of w
// in s.
func wordIndexes(s, w string) [][2]int {
	var out [][2]int
	for i := 0; i <= len(s)-len(w); {
		k := strings.Index(s[i:], w)
		if k < 0 {
			break
		}
		a, b := i+k, i+k+len(w)
		if (a == 0 || !isWordByte(s[a-1])) && (b == len(s) || !isWordByte(s[b])) {
			out = append(out, [2]int{a, b})
		}
		i = b
	}
	return out
}

func isWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// splitNameList splits "Ann Doe, Bo Rask and Cy Poe" into names.
func splitNameList(list string) []string {
	var out []string
	for _, part := range strings.Split(strings.ReplaceAll(list, " and ", ", "), ",") {
		if name := strings.TrimSpace(part); name != "" {
			out = append(out, name)
		}
	}
	return out
}

// orgBefore reports whether before ends in a capitalised word that is no
// common sentence opener, so that a "Justice" after it belongs to a name.
func orgBefore(before string) bool {
	m := inOrgName.FindStringSubmatch(tail(before, 40))
	return m != nil && !capitalStoplist[m[1]]
}

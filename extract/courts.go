package extract

import (
	"strings"
)

// court is one court of the article.
type court struct {
	name, level, place string
	aliases            []string
	conf               float64
	sents              []int
	explicit           int // mentions that name or describe it, not generic ones
	first              int // byte offset of its first mention
}

// courtRef is one mention of a court, explicit or generic ("the court").
type courtRef struct {
	span
	si       int
	surface  string
	generic  string // "", or the kind of generic reference: see genericCourtRefs
	court    *court
	note     string
	rulingOK bool // the mention can be the subject of a ruling
}

// ordinals normalise circuit numbers: "2nd" -> "Second".
var ordinals = map[string]string{
	"1st": "First", "2nd": "Second", "3rd": "Third", "4th": "Fourth", "5th": "Fifth", "6th": "Sixth",
	"7th": "Seventh", "8th": "Eighth", "9th": "Ninth", "10th": "Tenth", "11th": "Eleventh",
}

const circuitOrdinal = `(?:\d+(?:st|nd|rd|th)|First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|D\.C\.|District of [A-Z][a-z]+|Federal)`

// courtLevels maps words in a court's name to its level.
var courtLevels = []struct {
	re    *pattern
	level string
}{
	{mustCompile(`(?i)\b(?:court of appeals?|appeals? court|appellate|circuit)\b`), "appeals"},
	{mustCompile(`(?i)\bsupreme\b|\bcourt of justice\b|\bjustices\b`), "supreme"},
	{mustCompile(`(?i)\bhigh court\b`), "high"},
	{mustCompile(`(?i)\b(?:district|magistrate|trial|lower)\b`), "district"},
	{mustCompile(`(?i)\bbankruptcy\b`), "bankruptcy"},
	{mustCompile(`(?i)\bchancery\b`), "chancery"},
}

func courtLevel(s string) string {
	for _, l := range courtLevels {
		if l.re.MatchString(s) {
			return l.level
		}
	}
	return ""
}

// namedCourts are patterns for courts named or described in full, in order
// of preference; name builds the court's canonical name and place.
var namedCourts = []struct {
	re   *pattern
	name func(m []string) (name, place string)
	// hints are words (lower case) one of which the sentence must contain.
	hints []string
	// needs are words (as written) one of which every match holds: the
	// pattern runs only around them (see findAround).
	needs []string
}{
	{mustCompile(`\b(?:the )?(?:full )?(?:U\.S\. |United States |federal )?Court of Appeals for the (` + circuitOrdinal + `) Circuit\b`),
		func(m []string) (string, string) { return circuitName(m[1]) }, []string{"court of appeal"}, []string{"Court of Appeals for the"}},
	{mustCompile(`\b(?:the )?(?:full )?(?:U\.S\. )?(` + circuitOrdinal + `) (?:U\.S\. )?Circuit(?: Court of Appeals| Court| Appeals Court| appeals court)?\b`),
		func(m []string) (string, string) { return circuitName(m[1]) }, []string{"circuit"}, []string{"Circuit"}},
	{mustCompile(`\b(?:the )?(?:U\.S\. |United States |federal )?(?:District|Bankruptcy) Court for the ((?:(?:Southern|Northern|Eastern|Western|Central|Middle) )?District of [A-Z][a-z]+(?: [A-Z][a-z]+)?)`),
		func(m []string) (string, string) { return "U.S. District Court for the " + m[1], m[1] }, []string{"court for the"}, []string{"Court for the"}},
	{mustCompile(`\b(?:the )?(?:Court of Justice of the European Union|European Court of Justice|CJEU|ECJ|EU's top court|European Union's top court)`),
		func(m []string) (string, string) { return "Court of Justice of the European Union", "EU" }, []string{"court of justice", "cjeu", "ecj", "top court"}, []string{"Court of Justice", "CJEU", "ECJ", "top court"}},
	{mustCompile(`\b(?:the )?European Court of Human Rights\b`),
		func(m []string) (string, string) { return "European Court of Human Rights", "Europe" }, []string{"human rights"}, []string{"European Court of Human Rights"}},
	{mustCompile(`\b(?:the )?(?:(U\.S\.|US|United States|UK|U\.K\.|[A-Z][a-z]+)(?:'s)? )?(?:state )?Supreme Court(?: of (?:the )?([A-Z][\w.]*(?: [A-Z][\w.]*)*))?`),
		func(m []string) (string, string) {
			place := firstNonEmpty(m[2], m[1])
			return "Supreme Court", place
		}, []string{"supreme court"}, []string{"Supreme Court"}},
	{mustCompile(`\b(?:the )?(?:([A-Z][a-z]+|UK|U\.K\.)(?:'s)? )?High Court(?: of ([A-Z][a-z]+))?`),
		func(m []string) (string, string) { return "High Court", firstNonEmpty(m[2], m[1]) }, []string{"high court"}, []string{"High Court"}},
	// "the U.S. District Court in Springfield"
	{mustCompile(`\b(?:the )?(?:U\.S\.|United States|federal) (District|Bankruptcy) Court (?:in|at) ((?:St\. )?[A-Z][a-z]+(?: [A-Z][a-z]+)?)`),
		func(m []string) (string, string) { return "U.S. " + m[1] + " Court in " + m[2], m[2] }, []string{"court in", "court at"}, []string{"Court"}},
	// Courts known by their judges: "District Judge Ann Doe of the
	// Northern District of Utopia", "a federal judge in Springfield",
	// "Springfield District Judge Ann Doe".
	{mustCompile(`\b(?:District|Magistrate|Bankruptcy) Judge (?:[A-Z][\w.'-]* ){1,3}?of the ((?:(?:Southern|Northern|Eastern|Western|Central|Middle) )?District of [A-Z][a-z]+(?: [A-Z][a-z]+)?)`),
		func(m []string) (string, string) { return "U.S. District Court for the " + m[1], m[1] }, []string{"judge"}, []string{"Judge"}},
	{mustCompile(`\b(?:[Aa]|[Aa]n|[Tt]he) (?:(federal|U\.S\.|district|magistrate|bankruptcy) )+judge in ((?:St\. )?[A-Z][a-z]+(?: [A-Z][a-z]+)?)`),
		func(m []string) (string, string) { return "U.S. District Court in " + m[2], m[2] }, []string{"judge in"}, []string{"judge"}},
	{mustCompile(`\b([A-Z][a-z]+(?: [A-Z][a-z]+)?) District Judge\b`),
		func(m []string) (string, string) {
			if countryTable[m[1]] != "" || capitalStoplist[m[1]] {
				return "", ""
			}
			return m[1] + " District Court", m[1]
		}, []string{"district judge"}, []string{"District Judge"}},
	// Other capitalised names: "Delaware Court of Chancery", "Tokyo District Court".
	{mustCompile(`\b(?:the )?((?:[A-Z][\w.'-]* ){1,3}(?:Court|Tribunal)(?: of (?:[A-Z]\w+ ?){1,3})?|Court of (?:Appeals?|Chancery|Justice|Session|Cassation)(?: (?:of|for) (?:the )?[A-Z][\w.]*(?: [A-Z][\w.]*)*)?)`),
		func(m []string) (string, string) { return otherCourtName(m[1]), "" }, []string{"court", "tribunal"}, []string{"Court", "Tribunal"}},
	// Descriptions: "a district court in Chicago", "a federal court in Oslo".
	{mustCompile(`\b(?:[Aa]|[Aa]n|[Tt]he|[Oo]ne|in) ((?:(?:federal|U\.S\.|US|state|lower|trial|district|appeals|appellate|circuit|bankruptcy|magistrate|high|supreme|criminal|civil|family|county|military|labou?r) )*court) (?:in|of|for) ([A-Z][\w.]*(?: [A-Z][\w.]*)*)`),
		func(m []string) (string, string) {
			if federalTrialCourt.MatchString(m[1]) {
				return "U.S. District Court in " + m[2], m[2] // outside the U.S. "U.S." is dropped
			}
			return capitalize(m[1]) + " in " + m[2], m[2]
		}, []string{"court in", "court of", "court for"}, []string{"court"}},
	// "a Chicago court", "an Oslo federal court".
	{mustCompile(`\b(?:[Aa]|[Aa]n|[Tt]he) ([A-Z][\w.]*(?: [A-Z][\w.]*)*) ((?:(?:federal|state|district|appeals|appellate|bankruptcy|trial|criminal|civil|family|county) ){0,2}court)\b`),
		func(m []string) (string, string) { return m[1] + " " + m[2], m[1] }, []string{" court"}, []string{"court"}},
}

// federalTrialCourt describes a national trial court: "federal court",
// "federal district court".
var federalTrialCourt = mustCompile(`^(?:(?:federal|U\.S\.|US) )+(?:district )?court$`)

// otherCourtName is the name of a court matched by its capitalised words:
// a sentence-initial "The" is no part of it, a bare "Court of Justice" is
// the EU's, and a bare "Court" is no name at all ("" — a generic
// reference, see genericCourtRefs).
func otherCourtName(m string) string {
	name := strings.TrimPrefix(strings.TrimSpace(m), "The ")
	switch name {
	case "Court":
		return ""
	case "Court of Justice":
		return "Court of Justice of the European Union"
	}
	return name
}

// courtWindowBefore and courtWindowAfter bound how far a court's name
// reaches before and after its word "court" or "circuit" (see findAround).
const (
	courtWindowBefore = 100
	courtWindowAfter  = 120
)

// genericCourtRefs are mentions of a court that do not say which: they are
// resolved to a court of the article when that is unambiguous. The kind is
// "appeals", "supreme", "lower" or "any"; judge marks references to a judge.
var genericCourtRefs = []struct {
	re         *pattern
	kind       string
	judge      bool
	createName string // the court to create when the article names none
	hints      []string
}{
	{mustCompile(`(?i)\b(?:an?|the) (?:full |federal |U\.S\. )*(?:appeals|appellate|circuit) court\b|\b(?:an?|the) (?:three-judge )?panel\b`), "appeals", false, "Appeals court", []string{"appeals court", "appellate court", "circuit court", "panel"}},
	{mustCompile(`\b(?:the|The) (?:high|top) court\b|\b(?:the|The|several|Several) justices\b`), "supreme", false, "", []string{"high court", "top court", "justices"}},
	{mustCompile(`\b(?:an?|the|The) (?:lower|trial|district) court\b|\b(?:an?|the) (?:U\.S\. )?magistrate(?: judge)?\b`), "lower", false, "", []string{"lower court", "trial court", "district court", "magistrate"}},
	{mustCompile(`\b(?:an?|the|The) (?:U\.S\.|US|federal) (?:judge|court)\b`), "any", true, "U.S. court", []string{"u.s. judge", "u.s. court", "us judge", "us court", "federal judge", "federal court"}},
	{mustCompile(`\b(?:the|The) (?:judge|court|Court)\b`), "any", true, "", []string{"the judge", "the court"}},
}

// notACourt follows "court" when the word is a modifier ("court order").
var notACourt = mustCompile(`^(?:'s )?(?:order|orders|ruling|rulings|filing|filings|documents?|papers|case|cases|battle|fight|date|hearing|hearings|system|records?|challenge|action|proceedings?|fight|fees|costs|appearance|clerk)\b`)

// courtBefore precedes "court" when it is no court of the article.
var courtBefore = mustCompile(`(?i)(?:contempt of|in contempt of|out of|to take .{0,20} to|the court of public) $`)

func circuitName(ord string) (string, string) {
	if o, ok := ordinals[ord]; ok {
		ord = o
	}
	if place, ok := strings.CutPrefix(ord, "District of "); ok {
		ord = "D." + place[:1] + "." // the circuit goes by its initials
	}
	return ord + " Circuit Court of Appeals", ord + " Circuit"
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s != "" {
			return s
		}
	}
	return ""
}

func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// findCourts finds the article's courts and every mention of them.
func (d *doc) findCourts() {
	for si, s := range d.sents {
		if !s.may(courtHints) {
			continue
		}
		var taken []span
		overlaps := func(a, b int) bool {
			for _, t := range taken {
				if a < t.end && t.start < b {
					return true
				}
			}
			return false
		}
		for _, nc := range namedCourts {
			if !s.may(namedCourtHints) {
				break
			}
			if !s.may(nc.hints) {
				continue
			}
			for _, mi := range findAround(nc.re, s.s, s.s, nc.needs, courtWindowBefore, courtWindowAfter) {
				if overlaps(mi[0], mi[1]) || d.isCovered(s.start+mi[0], s.start+mi[1]) {
					continue
				}
				if notACourt.MatchString(strings.TrimLeft(s.s[mi[1]:], " ")) || courtBefore.MatchString(tail(s.s[:mi[0]], 40)) {
					continue
				}
				m := submatches(s.s, mi)
				name, place := nc.name(m)
				if name == "" {
					continue
				}
				if place != "" && (capitalStoplist[place] || !isPlaceLike(place)) && !strings.Contains(place, "Circuit") && !strings.Contains(place, "District") {
					if strings.Contains(name, " in ") || strings.HasSuffix(name, " court") {
						continue // "the court in Friday's ruling"
					}
				}
				level := courtLevel(m[0])
				if level == "" && strings.Contains(name, "District Court") {
					level = "district" // "a federal judge in Springfield"
				}
				if strings.HasPrefix(name, "Supreme Court") || name == "High Court" {
					switch {
					case place == "":
						place = d.country
						if place != "" {
							name = place + " " + name
						}
					case countryTable[place] != "":
						place = countryTable[place]
						name = place + " " + name
					default:
						name = place + " " + name
					}
					if name == "U.S. Supreme Court" || strings.HasSuffix(name, " Supreme Court") {
						level = "supreme"
					}
				}
				if d.country != "U.S." && strings.HasPrefix(name, "U.S. ") && !strings.HasPrefix(m[0], "U.S.") && !strings.Contains(m[0], " U.S. ") {
					name = strings.TrimPrefix(name, "U.S. ") // "a district judge in Oslo"
				}
				taken = append(taken, span{mi[0], mi[1]})
				c := d.addCourt(name, level, place, s.start+mi[0])
				c.explicit++
				d.courtRefs = append(d.courtRefs, courtRef{span: span{s.start + mi[0], s.start + mi[1]}, si: si,
					surface: s.s[mi[0]:mi[1]], court: c, rulingOK: true})
			}
		}
		for _, g := range genericCourtRefs {
			if !s.may(g.hints) {
				continue
			}
			for _, mi := range findAround(g.re, s.s, s.low, s.present(g.hints), courtWindowBefore, courtWindowAfter) {
				if overlaps(mi[0], mi[1]) || notACourt.MatchString(strings.TrimLeft(s.s[mi[1]:], " ")) || courtBefore.MatchString(tail(s.s[:mi[0]], 40)) {
					continue
				}
				taken = append(taken, span{mi[0], mi[1]})
				d.courtRefs = append(d.courtRefs, courtRef{span: span{s.start + mi[0], s.start + mi[1]}, si: si,
					surface: s.s[mi[0]:mi[1]], generic: g.kind, rulingOK: true})
			}
		}
		for _, t := range taken {
			d.covered = append(d.covered, span{s.start + t.start, s.start + t.end})
		}
	}
}

func submatches(s string, idx []int) []string {
	out := make([]string, len(idx)/2)
	for i := range out {
		if idx[2*i] >= 0 {
			out[i] = s[idx[2*i]:idx[2*i+1]]
		}
	}
	return out
}

// isPlaceLike reports whether a capitalised phrase can be a place.
func isPlaceLike(s string) bool {
	if placeWords[s] || countryTable[s] != "" {
		return true
	}
	for _, w := range strings.Fields(s) {
		if capitalStoplist[w] && w != "New" {
			return false
		}
	}
	return true
}

// mergeDistrictCourts joins a trial court known only by its city ("a
// federal judge in Springfield") to the one trial court named by its
// district ("the Central District of Utopia") when the article has no
// other: the two are one court described twice.
func (d *doc) mergeDistrictCourts() {
	var byCity []*court
	var byDistrict *court
	districts := 0
	for _, c := range d.courts {
		if c.level != "district" {
			continue
		}
		switch {
		case strings.Contains(c.name, " District Court in "):
			byCity = append(byCity, c)
		case strings.Contains(c.name, " for the ") && strings.Contains(c.name, "District of "):
			byDistrict = c
			districts++
		default:
			districts += 2 // another trial court: no merging
		}
	}
	if byDistrict == nil || districts != 1 || len(byCity) != 1 {
		return
	}
	from := byCity[0]
	for i := range d.courtRefs {
		if d.courtRefs[i].court == from {
			d.courtRefs[i].court = byDistrict
			d.courtRefs[i].note = "the article's only trial court named by its district"
		}
	}
	for _, j := range d.judges {
		if j.court == from {
			j.court = byDistrict
		}
	}
	byDistrict.explicit += from.explicit
	if from.first < byDistrict.first {
		byDistrict.first = from.first
	}
	kept := d.courts[:0]
	for _, c := range d.courts {
		if c != from {
			kept = append(kept, c)
		}
	}
	d.courts = kept
}

// addCourt returns the court with this level and place, creating it.
func (d *doc) addCourt(name, level, place string, pos int) *court {
	key := d.key(name)
	for _, c := range d.courts {
		samePlace := place != "" && c.place != "" && (strings.Contains(c.place, place) || strings.Contains(place, c.place))
		if d.key(c.name) == key || samePlace && (c.level == level || c.level == "" && level == "district") {
			if c.level == "" && level == "district" {
				// "a federal court in Chicago" then "a district court in Chicago"
				c.level = level
				c.name = name
			}
			return c
		}
		if samePlace && c.level == "district" && level == "" {
			return c
		}
	}
	c := &court{name: name, level: level, place: place, conf: 0.9, first: pos}
	d.courts = append(d.courts, c)
	return c
}

// resolveCourtRefs links generic court references to a court and records
// every surface form as an alias.
func (d *doc) resolveCourtRefs() {
	for i := range d.courtRefs {
		r := &d.courtRefs[i]
		if r.court == nil {
			r.court, r.note = d.resolveGenericCourt(r)
		}
		if r.court == nil {
			continue
		}
		r.court.aliases = appendUnique(r.court.aliases, strings.TrimSpace(r.surface))
		addInt(&r.court.sents, r.si)
	}
}

// resolveGenericCourt picks the court a generic reference means.
func (d *doc) resolveGenericCourt(r *courtRef) (*court, string) {
	kind := ""
	for _, g := range genericCourtRefs {
		if g.re.MatchString(r.surface) {
			kind = g.kind
			break
		}
	}
	var pick []*court
	for _, c := range d.courts {
		switch kind {
		case "appeals":
			if c.level == "appeals" {
				pick = append(pick, c)
			}
		case "supreme":
			if c.level == "supreme" || c.level == "high" {
				pick = append(pick, c)
			}
		case "lower":
			if c.level == "district" || c.level == "" || c.level == "bankruptcy" {
				pick = append(pick, c)
			}
		default:
			pick = append(pick, c)
		}
	}
	note := "'" + r.surface + "' → %s: "
	switch {
	case len(pick) == 1:
		return pick[0], sprintf(note+"the only such court in the article", pick[0].name)
	case len(pick) == 0:
		for _, g := range genericCourtRefs {
			if g.re.MatchString(r.surface) && g.createName != "" && (kind != "any" || len(d.courts) == 0) {
				c := d.addCourt(g.createName, courtLevel(r.surface), "", r.start)
				c.conf = 0.5
				return c, "'" + r.surface + "': no court is named, so the reference stands for a court of its own"
			}
		}
		return nil, ""
	}
	// Several: a court named in the same sentence, else the most mentioned
	// (ties: the lowest level, which is the court handling the case).
	for _, o := range d.courtRefs {
		if o.si == r.si && o.court != nil && o.generic == "" && containsCourt(pick, o.court) &&
			(!isJudgeRef(r.surface) || o.court.level != "supreme") {
			return o.court, sprintf(note+"the court named in the same sentence", o.court.name)
		}
	}
	best := pick[0]
	for _, c := range pick[1:] {
		if isJudgeRef(r.surface) && best.level == "supreme" && c.level != "supreme" {
			best = c
			continue
		}
		if c.explicit > best.explicit || c.explicit == best.explicit && levelRank(c.level) < levelRank(best.level) {
			best = c
		}
	}
	return best, sprintf(note+"the court the article mentions most, lowest in the hierarchy on a tie", best.name)
}

func isJudgeRef(s string) bool { return strings.Contains(strings.ToLower(s), "judge") }

func containsCourt(cs []*court, c *court) bool {
	for _, x := range cs {
		if x == c {
			return true
		}
	}
	return false
}

func levelRank(level string) int {
	switch level {
	case "district", "bankruptcy", "chancery":
		return 0
	case "":
		return 1
	case "high":
		return 2
	case "appeals":
		return 3
	}
	return 4
}

func addInt(list *[]int, v int) {
	for _, x := range *list {
		if x == v {
			return
		}
	}
	*list = append(*list, v)
}

// courtIn returns the court mentioned in sentence si nearest to byte
// offset pos (absolute), or nil.
func (d *doc) courtIn(si, pos int) *courtRef {
	var best *courtRef
	bestDist := 1 << 30
	for i := range d.courtRefs {
		r := &d.courtRefs[i]
		if r.si != si || r.court == nil {
			continue
		}
		dist := abs(r.start - pos)
		if dist < bestDist {
			best, bestDist = r, dist
		}
	}
	return best
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

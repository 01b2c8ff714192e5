package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/amicus-graph/amicus/facts"
)

// mention is one mention of a party (or possible party) in the text.
type mention struct {
	span            // absolute byte offsets in the folded text
	si      int     // sentence index
	surface string  // the words as written (folded quotes)
	kind    string  // party kind guessed from the name
	gov     bool    // a generic reference to the dispute's government
	desc    bool    // a descriptive reference ("the software giant")
	role    string  // for "the agency", "the city": the role noun, singular
	party   *party  // what it resolves to, once known
	note    string  // how a reference was resolved
	conf    float64 // how sure the resolution is
}

var (
	governmentRe  = mustCompile(`\b` + governmentRefs + `\b`)
	nationalGovRe = mustCompile(`\b` + nationalGovernment + `\b`)
	roleRe        = mustCompile(`\b(?:the|The) (?:[a-z]+ )?(` + strings.Join(roleNouns, "|") + `)\b`)
	descriptiveRe = mustCompile(`\b(?:the|The) (?:(?:[a-z][a-z-]+|[A-Z][a-z]+(?:-based)?|i[A-Z][a-z]+) ){0,2}(?:` + strings.Join(descriptiveHeads, "|") + `)\b`)
	usSignalRe    = mustCompile(usSignals)
	mediaRe       = mustCompile(mediaContext)
	// usAsPartyRe is "the United States" as the object of a phrase of
	// support or opposition: the government as a party, not a place.
	usAsPartyRe = mustCompile(`\b(?:supporting|supported|backing|backed|sided with|siding with|side with|support of|behalf of|favou?r of|against|sued|suing)\s+((?:the )?United States)\b`)
	// countryOwns follows a country that owns a body: "Norway's Fair
	// Trading Board", "France's regulator".
	countryOwns = mustCompile(`^'s? (?:[A-Z]|(?:[a-z]+ )?(?:regulator|government|ministry|courts?|police|parliament|president|prime minister|agency|authorities|officials))`)
	// statePrefix ends in a capitalised name that owns the office after it.
	statePrefix = mustCompile(`(?:^|[^.]\b)([A-Z][a-z]+) $`)
	// capitalStateRe is "the State" written as a party, not a name's part.
	capitalStateRe = mustCompile(`\b((?:the|The) State)(?:'s? |(?: (?:argued|argues|said|says|contended|contends|appealed|maintained|insisted|told|defended)\b|[,.;]))`)
	// groupNounAfter follows initials or a surname that name a union or a
	// family ("the Widget union", "the Doe family").
	groupNounAfter = mustCompile(`^ (union|family)\b`)
	// countedBefore ends in a number: what follows counts several.
	countedBefore = mustCompile(`\b(?:\d+|two|three|four|five|six|seven|eight|nine|ten|dozens of|several|many) $`)
	parenAcronym  = mustCompile(`^ \(([A-Z][A-Za-z&]{1,7})\)`)
	// notDescriptive follows a descriptive noun that is not a reference
	// ("the company that makes", "the group of companies").
	notDescriptive = mustCompile(`^(?:'s)? (?:of|that|which|who|whose)\b`)
)

// findCountry decides which country's government "the government" means.
//
// "Supreme Court" and "Department of Justice" count only when no other
// country qualifies them ("the Irish Supreme Court", "the Supreme Court
// of Ireland", "Ireland's Department of Justice").
func (d *doc) findCountry() {
	if hasUSSignal(d.m) || hasUSSignal(d.title) {
		d.country = "U.S."
	}
}

// usSignalWords are the literal words of usSignals; "<Name>
// administration" is checked apart.
var usSignalWords = []string{"U.S.", "US", "United States", "American", "federal", "Justice Department",
	"Department of Justice", "Congress", "Supreme Court", "Circuit", "District Court", "district court"}

// hasUSSignal reports whether t has one of usSignals that no other country
// qualifies. It scans for literals (with usSignals' word boundaries)
// rather than running the pattern over a whole article.
func hasUSSignal(t string) bool {
	for _, w := range usSignalWords {
		for from := 0; ; {
			i := strings.Index(t[from:], w)
			if i < 0 {
				break
			}
			i += from
			j := i + len(w)
			from = i + 1
			if !wordBoundary(t, i) || !wordBoundary(t, j) {
				continue
			}
			switch w {
			case "Supreme Court", "Department of Justice", "Justice Department":
				if c := countryQualifier(t[:i], t[j:]); c != "" && c != "U.S." {
					continue
				}
			}
			return true
		}
	}
	for from := 0; ; {
		i := strings.Index(t[from:], " administration")
		if i < 0 {
			return false
		}
		i += from
		from = i + 1
		if wordBoundary(t, i+len(" administration")) && usSignalRe.MatchString(tail(t[:i+len(" administration")], 40)) {
			return true
		}
	}
}

// wordBoundary reports whether byte offset i of t is a word boundary in
// the sense of regexp's \b (ASCII word characters).
func wordBoundary(t string, i int) bool {
	before := i > 0 && isWordByte(t[i-1]) && t[i-1] < 0x80
	after := i < len(t) && isWordByte(t[i]) && t[i] < 0x80
	return before != after
}

// countryQualifier returns the country that qualifies a court or
// ministry written between before and after: "Irish " or "Ireland's "
// before it, " of Ireland" or " of the United Kingdom" after it; "" if none.
func countryQualifier(before, after string) string {
	b := strings.TrimSuffix(tail(before, 40), " ")
	b = strings.TrimSuffix(b, "'s")
	b = strings.TrimSuffix(b, "'")
	last := b
	if i := strings.LastIndexByte(b, ' '); i >= 0 {
		last = b[i+1:]
		if j := strings.LastIndexByte(b[:i], ' '); j >= 0 {
			if c := countryTable[b[j+1:]]; c != "" {
				return c // "South Korean"
			}
		} else if c := countryTable[b]; c != "" {
			return c
		}
	}
	if c := countryTable[last]; c != "" {
		return c
	}
	a, ok := strings.CutPrefix(after, " of ")
	if !ok {
		return ""
	}
	a = strings.TrimPrefix(a, "the ")
	// the longest country name of one or two words
	words := strings.SplitN(a, " ", 3)
	if len(words) >= 2 {
		if c := countryTable[words[0]+" "+strings.TrimRight(words[1], ".,;:")]; c != "" {
			return c
		}
	}
	if len(words) >= 1 {
		w := words[0]
		if c := countryTable[w]; c != "" {
			return c
		}
		return countryTable[strings.TrimRight(w, ".,;:")]
	}
	return ""
}

// governmentWindow bounds how far a generic government reference reaches
// on either side of its hint word (see findAround).
const governmentWindow = 60

// findMentions finds every named organisation or person, generic
// government reference and descriptive reference.
func (d *doc) findMentions() {
	var toks [][2]int // the words of a sentence, the same slice for each
	for si, s := range d.sents {
		var taken []span
		add := func(a, b int, mt *mention) {
			if d.isCovered(s.start+a, s.start+b) {
				return
			}
			for _, t := range taken {
				if a < t.end && t.start < b {
					return
				}
			}
			taken = append(taken, span{a, b})
			mt.span = span{s.start + a, s.start + b}
			mt.si = si
			mt.surface = s.s[a:b]
			d.mentions = append(d.mentions, mt)
		}
		hasGov := strings.Contains(s.s, " government")
		for _, mi := range findAllIf(hasGov, nationalGovRe, s.s) {
			country := s.s[mi[2]:mi[3]]
			c := countryTable[country]
			switch {
			case c == "":
				continue
			case c == d.country || d.country == "" && c != "":
				add(mi[0], mi[1], &mention{gov: true, kind: facts.KindGovernment, conf: 0.9})
			default:
				add(mi[0], mi[1], &mention{kind: facts.KindGovernment, conf: 0.9})
			}
		}
		if d.country == "U.S." && strings.Contains(s.s, "United States") {
			// "a brief supporting the United States": the country as a party
			for _, mi := range usAsPartyRe.FindAllStringSubmatchIndex(s.s, -1) {
				if rest := s.s[mi[3]:]; len(rest) > 1 && rest[0] == ' ' && isCapitalised(rest[1:2]) {
					continue // "the United States Court of …"
				}
				add(mi[2], mi[3], &mention{gov: true, kind: facts.KindGovernment, conf: 0.75})
			}
		}
		var govMatches [][]int
		if s.may(governmentHints) {
			govMatches = findAround(governmentRe, s.s, s.low, s.present(governmentHints), governmentWindow, governmentWindow)
		}
		for _, mi := range govMatches {
			if strings.HasPrefix(strings.TrimPrefix(s.s[mi[1]:], "'s"), "s") {
				continue // "governments"
			}
			if sp := statePrefix.FindStringSubmatch(tail(s.s[:mi[0]], 30)); sp != nil && !capitalStoplist[sp[1]] && !strings.HasPrefix(s.s[mi[0]:], "the ") && !strings.HasPrefix(s.s[mi[0]:], "The ") {
				continue // "the Utopia Department of Justice": a state's, not the nation's
			}
			if countedBefore.MatchString(tail(s.s[:mi[0]], 20)) {
				continue // "22 state attorneys general": many governments
			}
			if strings.HasSuffix(s.s[mi[0]:mi[1]], " Administration") && (strings.HasSuffix(s.s[:mi[0]], " and ") || strings.HasSuffix(s.s[:mi[0]], " of ")) {
				continue // "Widget and Gadget Administration": an agency's name
			}
			add(mi[0], mi[1], &mention{gov: true, kind: facts.KindGovernment, conf: 0.8})
		}
		for _, mi := range findNear(descriptiveRe, s.s, s.low, s.present(descriptiveHeads), 50) {
			if notDescriptive.MatchString(s.s[mi[1]:]) || titlesName(s.s[mi[1]:]) {
				continue
			}
			add(mi[0], mi[1], &mention{desc: true, kind: facts.KindCompany, conf: 0.7})
		}
		for _, mi := range findAllIf(strings.Contains(s.s, " State"), capitalStateRe, s.s) {
			// "the State argued": the state party, as in "the state"
			add(mi[2], mi[3], &mention{desc: true, role: "state", kind: facts.KindGroup, conf: 0.7})
		}
		for _, mi := range findNear(roleRe, s.s, s.low, s.present(roleNounForms), 30) {
			if notDescriptive.MatchString(s.s[mi[1]:]) || strings.HasPrefix(s.s[mi[1]:], " of ") || titlesName(s.s[mi[1]:]) {
				continue
			}
			role := strings.TrimSuffix(strings.TrimSuffix(s.s[mi[2]:mi[3]], "s"), "ie")
			if strings.HasSuffix(s.s[mi[2]:mi[3]], "ies") {
				role += "y"
			}
			add(mi[0], mi[1], &mention{desc: true, role: role, kind: facts.KindGroup, conf: 0.7})
		}
		toks = tokens(toks, s.s)
		for _, c := range nameChunks(s.s, toks, d.m) {
			c = stripTitles(c)
			kind := classifyName(c.text, s.s[:c.start], s.s[c.end:])
			if kind == "" {
				continue
			}
			// "the Widget union", "the Doe family": the noun is part of the name
			if m := groupNounAfter.FindStringSubmatch(s.s[c.end:]); m != nil && (isInitialism(c.text) && strings.ToUpper(c.text) == c.text || m[1] == "family" && allTitleWords(strings.Fields(c.text)) && !strings.Contains(c.text, " ")) {
				c.end += len(m[0])
				c.text = s.s[c.start:c.end]
				kind = facts.KindGroup
			}
			if s.may(mediaHints) && mediaRe.MatchString(tail(s.s[:c.start], 40)) {
				continue // "told Reuters": a news outlet
			}
			mt := &mention{kind: kind, conf: 0.9}
			add(c.start, c.end, mt)
			if am := parenAcronym.FindStringSubmatch(s.s[c.end:]); am != nil {
				add(c.end+2, c.end+2+len(am[1]), &mention{kind: kind, conf: 0.9})
			}
		}
	}
	sortMentions(d.mentions)
	d.dropTitleModifiers()
	d.mentionStart = make([]int, len(d.sents)+1)
	k := 0
	for si := range d.sents {
		d.mentionStart[si] = k
		for k < len(d.mentions) && d.mentions[k].si == si {
			k++
		}
	}
	d.mentionStart[len(d.sents)] = k
}

// inSentence returns the mentions of sentence si, in text order.
func (d *doc) inSentence(si int) []*mention {
	return d.mentions[d.mentionStart[si]:d.mentionStart[si+1]]
}

// tail returns at most the last n bytes of s: patterns anchored at the
// end of a prefix only need its end, and scanning all of it would make
// extraction quadratic in the length of a sentence.
func tail(s string, n int) string {
	if len(s) > n {
		return s[len(s)-n:]
	}
	return s
}

// chunk is a run of capitalised words in a sentence.
type chunk struct {
	start, end int
	text       string
}

// nameChunks finds runs of capitalised words of s, whose words toks
// lists (see tokens), joined by "of", "for", "&" or "de", and drops
// common capitalised words that open a sentence. Whether a word occurs in
// lower case in the article, or as initials, is asked of the article's
// text m.
func nameChunks(s string, toks [][2]int, m string) []chunk {
	var out []chunk
	var cur []span
	flush := func() {
		// drop connectors and stop words at the edges
		for len(cur) > 0 && (isConnector(s[cur[0].start:cur[0].end]) || capitalStoplist[s[cur[0].start:cur[0].end]] && !(len(cur) > 1 && s[cur[0].start:cur[0].end] == "New")) {
			cur = cur[1:]
		}
		for len(cur) > 0 && (isConnector(s[cur[len(cur)-1].start:cur[len(cur)-1].end]) || capitalStoplist[s[cur[len(cur)-1].start:cur[len(cur)-1].end]] && !(len(cur) > 1 && agencyWords[s[cur[len(cur)-1].start:cur[len(cur)-1].end]]) && !orgNameGoesOn(s, cur)) {
			cur = cur[:len(cur)-1]
		}
		if len(cur) > 0 {
			c := chunk{start: cur[0].start, end: cur[len(cur)-1].end}
			c.text = s[c.start:c.end]
			out = append(out, c)
		}
		cur = nil
	}
	for i, t := range toks {
		w := s[t[0]:t[1]]
		end := t[1]
		// possessive and sentence-final period
		if strings.HasSuffix(w, "'s") {
			w = w[:len(w)-2]
			end -= 2
		} else if strings.HasSuffix(w, "'") {
			w = w[:len(w)-1]
			end--
		}
		if strings.HasSuffix(w, ".") && !isInitials(strings.TrimSuffix(w, ".")) && !abbreviations[strings.TrimSuffix(w, ".")] {
			w = strings.TrimSuffix(w, ".")
			end--
		}
		sp := span{t[0], end}
		// "WTA - The Widget Trade Association": initials and the name they stand for
		if len(cur) > 0 && s[cur[len(cur)-1].end:t[0]] == " - " && w == "The" && isAllCaps(s[cur[len(cur)-1].start:cur[len(cur)-1].end]) {
			cur = append(cur, sp)
			continue
		}
		// "Society for Widgets & Gadgets": a spaced ampersand joins too
		adjacent := len(cur) > 0 && (s[cur[len(cur)-1].end:t[0]] == " " || s[cur[len(cur)-1].end:t[0]] == " & " && isCapitalised(w))
		// "Lawyers' Committee": a plural possessive inside a name
		if len(cur) > 0 && s[cur[len(cur)-1].end:t[0]] == "' " && strings.HasSuffix(s[:cur[len(cur)-1].end], "s") && isCapitalised(w) {
			cur[len(cur)-1].end++
			adjacent = true
		}
		switch {
		case isCapitalised(w) && !isMonthOrDay(w):
			if i == 0 || len(cur) == 0 && sentenceInitial(s, t[0]) {
				if capitalStoplist[w] || isLowerWordOf(m, strings.ToLower(w)) || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") {
					flush()
					continue
				}
			}
			if !adjacent {
				flush()
			}
			cur = append(cur, sp)
		case isConnector(w) && adjacent:
			cur = append(cur, sp)
		case w == "and" && adjacent && departmentAndGoesOn(s, cur, toks[i+1:]):
			// "Department of Widgets and Gadget Safety"
			cur = append(cur, sp)
		case w == "the" && adjacent && s[cur[len(cur)-1].start:cur[len(cur)-1].end] == "of" && i+1 < len(toks) && isCapitalised(s[toks[i+1][0]:toks[i+1][1]]):
			// "Friends of the Widget Meadow"
			cur = append(cur, sp)
		default:
			flush()
		}
		if sp.end != t[1] {
			if len(cur) > 0 && cur[len(cur)-1] == sp && possessiveInName(s, toks[i+1:]) {
				// "Widget Fishermen's Cooperative": the name goes on
				cur[len(cur)-1].end = t[1]
				continue
			}
			flush() // a possessive ends the name
		}
	}
	flush()
	return mergeAnd(s, out, m)
}

// orgNameGoesOn reports whether the last word of a run of capitalised
// words belongs to an organisation's name even though it is a common
// capitalised word: an organisation word and "of" or "for" come before it
// ("Institute for Fair Wages", "Guild of Widget Pilots Lawyers").
func orgNameGoesOn(s string, cur []span) bool {
	for k := 0; k+2 < len(cur); k++ {
		w := s[cur[k].start:cur[k].end]
		if (groupWords[w] || agencyWords[w]) && isConnector(s[cur[k+1].start:cur[k+1].end]) {
			return true
		}
	}
	return false
}

// possessiveInName reports whether the capitalised words after a
// possessive continue an organisation's name: they follow at once and the
// last of them is an organisation word ("Fishermen's Relief Fund").
func possessiveInName(s string, rest [][2]int) bool {
	n := 0
	last := ""
	for k, t := range rest {
		w := s[t[0]:t[1]]
		if k > 0 && s[rest[k-1][1]:t[0]] != " " || !isCapitalised(w) || strings.HasSuffix(w, "'s") {
			break
		}
		n++
		last = strings.TrimSuffix(w, ".")
		if n == 4 {
			break
		}
	}
	return n > 0 && (groupWords[last] || agencyWords[last] || orgSuffixes[last])
}

// mergeAnd joins two names around "and" when together they are one
// organisation's name: the second ends in an organisation word and the
// first does not ("Widget Makers and Sellers Fund"), or the first
// is "<organisation word> of X" and the second a single word ("College
// of Surgeons and Physicians").
//
// A one-word name and a name ending in an organisation word are joined too
// when the article uses the initials of the whole ("Widget and Gadget
// Board" with "WGB"), or when "the" comes before the one word and the
// name after "and" ends in an agency word ("the Widget and Gadget
// Commission").
func mergeAnd(s string, cs []chunk, m string) []chunk {
	var out []chunk
	for i := 0; i < len(cs); i++ {
		c := cs[i]
		for i+1 < len(cs) && s[c.end:cs[i+1].start] == " and " {
			n := cs[i+1]
			first, second := strings.Fields(c.text), strings.Fields(n.text)
			orgEnd := func(ws []string) bool {
				l := ws[len(ws)-1]
				return groupWords[l] || agencyWords[l] || orgSuffixes[l]
			}
			ofName := false
			for k := 1; k+1 < len(first); k++ {
				if (first[k] == "of" || first[k] == "for") && (groupWords[first[k-1]] || agencyWords[first[k-1]]) {
					ofName = true
				}
			}
			// "Widget Sellers and Makers of America": one trade group
			ofPlace := len(first) >= 2 && !orgEnd(first) && endsOfPlace(second)
			initials := len(first) == 1 && len(second) >= 2 && orgEnd(second) && isUpperWordOf(m, acronym(c.text+" "+n.text))
			// "the Widgets and Exchange Commission": a bare word after "the"
			// is no party's whole name, and the agency's name goes on
			agency := len(first) == 1 && len(second) >= 2 && agencyWords[second[len(second)-1]] &&
				(strings.HasSuffix(s[:c.start], "the ") || strings.HasSuffix(s[:c.start], "The "))
			if !(orgEnd(second) && !orgEnd(first) && len(first) >= 2) && !(ofName && len(second) == 1) && !initials && !ofPlace && !agency {
				break
			}
			c = chunk{start: c.start, end: n.end, text: s[c.start:n.end]}
			i++
		}
		out = append(out, c)
	}
	return out
}

// stripTitles drops the titles and offices before a person's name
// ("County District Attorney Ann Doe", "Republican Senator Ann Doe"):
// the name is the two or three capitalised words after the last title.
func stripTitles(c chunk) chunk {
	words := strings.Fields(c.text)
	last := -1
	for i, w := range words {
		if personTitles[w] || officeWords[w] {
			last = i
		}
	}
	if last < 0 || last >= len(words)-1 || len(words)-last-1 > 3 {
		return c
	}
	rest := words[last+1:]
	if !allTitleWords(rest) && !(len(rest) >= 2 && allTitleWords(rest[:1])) {
		return c
	}
	for _, w := range rest {
		if groupWords[w] || agencyWords[w] || orgSuffixes[w] {
			return c
		}
	}
	off := len(c.text) - len(strings.Join(rest, " "))
	return chunk{start: c.start + off, end: c.end, text: c.text[off:]}
}

// tokens appends to dst[:0] and returns the byte ranges of the words of
// s: a run of letters and digits that may contain "&", "'", "." and "-"
// and may end in "&" or "." ("A&B", "U.S.", "Able-Baker", "Globex's").
func tokens(dst [][2]int, s string) [][2]int {
	isAlnum := func(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' }
	// letterAt is the length of the non-ASCII letter at s[j], or 0
	letterAt := func(j int) int {
		if s[j] < utf8.RuneSelf {
			return 0
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if unicode.IsLetter(r) {
			return n
		}
		return 0
	}
	out := dst[:0]
	for i := 0; i < len(s); {
		first := 1
		if !isAlnum(s[i]) {
			if first = letterAt(i); first == 0 {
				i++
				continue
			}
		}
		j := i + first
		for j < len(s) {
			if isAlnum(s[j]) || s[j] == '&' || s[j] == '\'' || s[j] == '.' || s[j] == '-' {
				j++
				continue
			}
			if n := letterAt(j); n > 0 {
				j += n
				continue
			}
			break
		}
		for j > i+1 && (s[j-1] == '\'' || s[j-1] == '-') {
			j--
		}
		out = append(out, [2]int{i, j})
		i = j
	}
	return out
}

func sentenceInitial(s string, pos int) bool {
	return strings.TrimLeft(s[:pos], " \"'(") == ""
}

// departmentAndGoesOn reports whether an "and" after the run cur joins
// the words after it to a government department's name: the run ends in
// "Department of X" (or Ministry, Office, Bureau, Secretary of X), and
// two or more capitalised words follow that end the name and are not a
// company's ("Department of Widgets and Gadget Safety", not
// "Department of Widgets and Gadget Corp.").
func departmentAndGoesOn(s string, cur []span, next [][2]int) bool {
	k := len(cur)
	if k < 3 || s[cur[k-2].start:cur[k-2].end] != "of" || !departmentWords[s[cur[k-3].start:cur[k-3].end]] {
		return false
	}
	words := 0 // the capitalised words after "and", one space apart
	for words < len(next) && isCapitalised(s[next[words][0]:next[words][1]]) {
		if words > 0 && s[next[words-1][1]:next[words][0]] != " " {
			break
		}
		words++
	}
	if words < 2 || words > 3 {
		return false
	}
	last := strings.TrimRight(s[next[words-1][0]:next[words-1][1]], ".,;:")
	return !orgSuffixes[last] && !orgSuffixes[last+"."]
}

// departmentWords open the names of government departments.
var departmentWords = setOf("Department", "Ministry", "Office", "Bureau", "Secretary", "Secretariat")

func isConnector(w string) bool {
	return w == "of" || w == "for" || w == "&" || w == "de"
}

func isCapitalised(w string) bool {
	for i, r := range w {
		// "iWidget": a lower-case letter then a capital
		if i == 0 && len(w) > 2 && r >= 'a' && r <= 'z' && w[1] >= 'A' && w[1] <= 'Z' && w[2] >= 'a' && w[2] <= 'z' {
			return true
		}
		return unicode.IsUpper(r) || unicode.IsDigit(r) && strings.IndexFunc(w, unicode.IsUpper) > 0
	}
	return false
}

func isMonthOrDay(w string) bool {
	switch strings.TrimSuffix(w, ".") {
	case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
		"January", "February", "March", "April", "June", "July", "August", "September",
		"October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug",
		"Sep", "Sept", "Oct", "Nov", "Dec":
		return true
	}
	return false
}

// isLowerWordOf reports whether w is one of lowerWords(m), without
// building the set: w opens with a lower-case letter, holds letters and
// hyphens only, and is somewhere in m with neither before or after it.
func isLowerWordOf(m, w string) bool {
	inWord := func(r rune) bool { return unicode.IsLetter(r) || r == '-' }
	if first, _ := utf8.DecodeRuneInString(w); w == "" || !unicode.IsLower(first) {
		return false
	}
	for _, r := range w {
		if !inWord(r) {
			return false
		}
	}
	return occursDelimited(m, w, func(i, j int) bool {
		before, _ := utf8.DecodeLastRuneInString(m[:i])
		after, _ := utf8.DecodeRuneInString(m[j:])
		return (i == 0 || !inWord(before)) && (j == len(m) || !inWord(after))
	})
}

// isUpperWordOf reports whether w is one of upperWords(m), without
// building the set: w is two to six capitals, somewhere in m with no
// capital before or after it.
func isUpperWordOf(m, w string) bool {
	isCapital := func(c byte) bool { return 'A' <= c && c <= 'Z' }
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if !isCapital(w[i]) {
			return false
		}
	}
	return occursDelimited(m, w, func(i, j int) bool {
		return (i == 0 || !isCapital(m[i-1])) && (j == len(m) || !isCapital(m[j]))
	})
}

// occursDelimited reports whether w occurs somewhere in m at bytes
// [i, j) that delimited accepts as the ends of a whole word.
func occursDelimited(m, w string, delimited func(i, j int) bool) bool {
	for from := 0; ; {
		k := strings.Index(m[from:], w)
		if k < 0 {
			return false
		}
		i, j := from+k, from+k+len(w)
		if delimited(i, j) {
			return true
		}
		from = i + 1
	}
}

// appendFields appends the fields of s, as strings.Fields splits them, to
// dst: a caller's small array spares the allocation.
func appendFields(dst []string, s string) []string {
	for w := range strings.FieldsSeq(s) {
		dst = append(dst, w)
	}
	return dst
}

// lastField is the last of strings.Fields(s), or "" when there is none,
// found from the end of s.
func lastField(s string) string {
	end := len(s)
	for end > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:end])
		if !unicode.IsSpace(r) {
			break
		}
		end -= n
	}
	start := end
	for start > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:start])
		if unicode.IsSpace(r) {
			break
		}
		start -= n
	}
	return s[start:end]
}

// classifyName guesses what kind of party a capitalised name is, or
// returns "" when it is no party at all (a place, a date, a lawmaker).
func classifyName(name, before, after string) string {
	// split "and"-joined names are handled by the caller; a chunk with "and"
	// is kept only as a group name ("Board of Mines and Quarries").
	var buf [8]string
	words := appendFields(buf[:0], name)
	if len(words) == 0 {
		return ""
	}
	if name == "State" {
		return "" // "the State's regime": the role noun, see capitalStateRe
	}
	if countryNames[name] {
		// a state as a party ("France, Denmark and Spain submitted
		// observations"), but not a place ("stored in Ireland") or an
		// owner ("Ireland's regulator")
		prev := strings.ToLower(lastField(before))
		if placePrepositions[prev] || strings.HasPrefix(after, "-") || countryOwns.MatchString(after) {
			return ""
		}
		return facts.KindGovernment
	}
	if placeWords[name] || countryTable[name] != "" || legislatureWords[name] || capitalStoplist[name] {
		return ""
	}
	hasGroup, hasAgency := hasAny(words, groupWords), hasAny(words, agencyWords)
	if strings.HasSuffix(name, " and") || strings.Contains(name, " and ") && !hasGroup && !hasAgency && !endsOfPlace(words) {
		return ""
	}
	last := words[len(words)-1]
	prevWord := lastField(before)
	suffixed := orgSuffixes[last] || orgSuffixes[strings.TrimSuffix(last, ".")]
	plain := !suffixed && !hasGroup && !hasAgency
	switch {
	case plain && (prevWord == "in" || prevWord == "near") && !strings.HasPrefix(after, "'"):
		// "a court in Oslo", "near Oslo": a place (but "in Globex's
		// support" names a party)
		return ""
	case allOffice(words):
		return facts.KindAgency // "Attorney General": an office, not a person
	case personTitles[prevWord]:
		return facts.KindPerson
	case suffixed:
		return facts.KindCompany
	case hasGroup:
		return facts.KindGroup
	case hasAgency && len(words) > 1:
		return facts.KindAgency
	case last == "government":
		return facts.KindGovernment
	case len(words) >= 3 && governmentUnits[words[0]] && words[1] == "of":
		return facts.KindGovernment // "City of Widgetton", "Commonwealth of Gadgetia"
	case len(words) >= 2 && len(words) <= 3 && allTitleWords(words):
		return facts.KindPerson
	}
	return facts.KindCompany
}

func hasAny(words []string, set map[string]bool) bool {
	for _, w := range words {
		if set[w] {
			return true
		}
	}
	return false
}

// allTitleWords reports whether every word is a plain capitalised word
// ("Maria Lopez"), as a person's name is.
func allTitleWords(words []string) bool {
	for _, w := range words {
		r := []rune(w)
		if len(r) < 2 || !unicode.IsUpper(r[0]) {
			return false
		}
		for _, c := range r[1:] {
			if !unicode.IsLower(c) && c != '\'' {
				return false
			}
		}
	}
	return true
}

func sortMentions(ms []*mention) {
	// insertion sort: mentions arrive nearly sorted
	for i := 1; i < len(ms); i++ {
		for j := i; j > 0 && ms[j].start < ms[j-1].start; j-- {
			ms[j], ms[j-1] = ms[j-1], ms[j]
		}
	}
}

// endsOfPlace reports whether a name of three or more words ends in "of"
// and a country or region ("Makers of America").
func endsOfPlace(words []string) bool {
	n := len(words)
	return n >= 3 && words[n-2] == "of" && (placeWords[words[n-1]] || countryTable[words[n-1]] != "")
}

// titlesName reports whether the text after a descriptive phrase starts
// with a name the phrase titles ("the advocacy group Globex Watch").
func titlesName(after string) bool {
	return len(after) > 1 && after[0] == ' ' && after[1] >= 'A' && after[1] <= 'Z'
}

// titleNouns end the lower-case words between an organisation and the
// person or business it qualifies ("Globex co-founder Ann Doe", "Widget
// maker Globex").
var titleNouns = setOf("maker", "makers", "founder", "co-founder", "executive", "president", "chairman",
	"chairwoman", "chair", "owner", "parent", "unit", "subsidiary", "affiliate", "site", "developer", "creator",
	"publisher", "operator", "boss", "head", "director", "officer", "spokesman", "spokeswoman", "spokesperson",
	"lawyer", "attorney", "counsel", "rival", "giant", "supplier", "partner", "employee", "engineer", "scientist")

// ownerGap stands between a business and the company that owns it,
// named in apposition: "'s Chinese owner, ".
var ownerGap = mustCompile(`^'s (?:[A-Za-z-]+ ){0,2}(?:owner|parent|parent company|holding company|maker|operator|developer|publisher),? (?:the )?$`)

// titleModifierGap is one to three lower-case words between two names.
var titleModifierGap = mustCompile(`^ (?:[a-z][a-z-]* ){0,2}([a-z][a-z-]*) $`)

// dropTitleModifiers removes a name that only qualifies the next one
// ("Widget maker Globex", "Globex co-founder Ann Doe"): the party is the
// second.
func (d *doc) dropTitleModifiers() {
	out := d.mentions[:0]
	for i, mt := range d.mentions {
		if i+1 < len(d.mentions) && !mt.gov && !mt.desc {
			next := d.mentions[i+1]
			if next.si == mt.si && !next.gov && !next.desc {
				if m := titleModifierGap.FindStringSubmatch(d.m[mt.end:next.start]); m != nil && titleNouns[m[1]] {
					continue
				}
				if ownerGap.MatchString(d.m[mt.end:next.start]) {
					continue // "Widgetgram's Chinese owner, Globex": Globex is meant
				}
			}
		}
		out = append(out, mt)
	}
	d.mentions = out
}

// allOffice reports whether every word of a name is a title or an office
// ("Attorney General", "Solicitor General").
func allOffice(words []string) bool {
	for _, w := range words {
		if !personTitles[w] && !officeWords[w] {
			return false
		}
	}
	return len(words) > 0
}

// isAllCaps reports whether w is initials: two to six capital letters.
func isAllCaps(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for i := 0; i < len(w); i++ {
		if w[i] < 'A' || w[i] > 'Z' {
			return false
		}
	}
	return true
}

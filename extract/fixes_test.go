package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/amicus-graph/amicus/facts"
)

// The sentences below are made up for these tests.

func TestCountryQualifiedCourtsAreNotUSSignals(t *testing.T) {
	for _, text := range []string{
		"Brightwave Ltd appealed to the Irish Supreme Court against the government.",
		"Brightwave Ltd appealed to the Supreme Court of Ireland against the government.",
		"Ireland's Department of Justice said the government would defend the order.",
		"The Department of Justice of Ireland backed the government.",
	} {
		if hasUSSignal(text) {
			t.Errorf("%q: a U.S. signal", text)
		}
	}
	for _, text := range []string{
		"Brightwave Ltd appealed to the Supreme Court against the government.",
		"The Department of Justice said the government would appeal.",
		"The U.S. Supreme Court heard the case.",
		"The Justice Department of the United States backed it.",
		"The Lopez administration defended the rule.",
	} {
		if !hasUSSignal(text) {
			t.Errorf("%q: no U.S. signal", text)
		}
	}
	doc, err := Extract(Input{Text: "Brightwave Ltd sued the government in Dublin over a data order.\n\n" +
		"The Irish Supreme Court agreed to hear the appeal, and Ireland's Department of Justice said the government would defend the order."})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range doc.Parties {
		if p.Name == "U.S. government" {
			t.Errorf("an Irish dispute has a U.S. government: %+v", doc.Parties)
		}
	}
}

func TestCityNeedsACityLitigant(t *testing.T) {
	doc, err := Extract(Input{Text: "Brightwave Ltd sued the government over a data order.\n\n" +
		"Prosecutors say the company broke the law. The city said it was not a party to the dispute."})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range doc.Parties {
		if p.Kind == facts.KindGovernment && contains(p.Aliases, "the city") {
			t.Errorf("'the city' resolved to %s", p.Name)
		}
	}
}

// oldListGap is the unanchored pattern listGapStart replaces.
var oldListGap = mustCompile(`(?:` + listGapItems + `)*\s*$`)

func TestListGapStartMatchesPattern(t *testing.T) {
	texts := []string{
		"Brightwave, Solvex and two other software firms",
		"Brightwave, Solvex, and several consumer groups, ",
		"Brightwave, which makes routers for small offices, also",
		"Brightwave and Solvex have jointly",
		"Brightwave, led by its founder, on Monday",
		"Brightwave  ",
		"",
		", the",
		"Brightwave, an online retailer,",
	}
	paths, _ := filepath.Glob(filepath.Join("..", "examples", "articles", "*"))
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		s := string(b)
		for i := 0; i < len(s); i += 29 {
			texts = append(texts, tail(s[:i], 160))
		}
	}
	nontrivial := 0
	for _, text := range texts {
		if strings.TrimRight(text, " ") != text[:listGapStart(text)] {
			nontrivial++
		}
		want := oldListGap.FindStringIndex(text)[0]
		if got := listGapStart(text); got != want {
			t.Errorf("%q: gap at %d, want %d", text, got, want)
		}
	}
	if nontrivial < 20 {
		t.Errorf("only %d of %d texts end in a list gap", nontrivial, len(texts))
	}
}

func TestHintFlagsMatchSearch(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "examples", "articles", "*"))
	n := 0
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		d := newDoc(string(b), "")
		for _, s := range d.sents {
			for _, l := range hintRegistry {
				list := l.words
				want := mayContain(s.low, list)
				if got := s.may(list); got != want {
					t.Errorf("%q in %q: %v, want %v", list, s.low, got, want)
				}
				var present []string
				for _, h := range list {
					if strings.Contains(s.low, h) {
						present = append(present, h)
					}
				}
				if got := s.present(list); !reflect.DeepEqual(got, present) {
					t.Errorf("present %q in %q: %q, want %q", list, s.low, got, present)
				}
				n++
			}
		}
	}
	if n == 0 {
		t.Error("no sentences")
	}
}

func TestFindAroundMatchesFullScan(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join("..", "examples", "articles", "*"))
	more, _ := filepath.Glob(filepath.Join("..", "examples", "heldout", "articles", "*"))
	paths = append(paths, more...)
	type use struct {
		re            *pattern
		hints         []string
		before, after int
		cased         bool // hints as written, not in lower case
	}
	var uses []use
	for _, nc := range namedCourts {
		uses = append(uses, use{nc.re, nc.needs, courtWindowBefore, courtWindowAfter, true})
	}
	for _, r := range supportRules {
		uses = append(uses, use{r.re, r.hints, supportWindow, supportWindow, false})
	}
	for _, g := range genericCourtRefs {
		uses = append(uses, use{g.re, g.hints, courtWindowBefore, courtWindowAfter, false})
	}
	for _, rp := range rulingPhrases {
		uses = append(uses, use{rp.re, rp.hints, rulingWindow, rulingWindow, false})
	}
	uses = append(uses, use{governmentRe, governmentHints, governmentWindow, governmentWindow, false})
	uses = append(uses, use{judgeTitle, judgeWords, 120, 120, false}, use{judgeAppositive, judgeWords, 120, 120, false})
	n := 0
	for _, p := range paths {
		b, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		d := newDoc(string(b), "")
		for _, s := range d.sents {
			for _, u := range uses {
				want := u.re.FindAllStringSubmatchIndex(s.s, -1)
				low := s.low
				if u.cased {
					low = s.s
				}
				got := findAround(u.re, s.s, low, u.hints, u.before, u.after)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("%s in %q: %v, want %v", u.re, s.s, got, want)
				}
				n += len(want)
			}
		}
	}
	if n < 50 {
		t.Errorf("only %d matches", n)
	}
}

func TestSentenceInitialTheCourtIsGeneric(t *testing.T) {
	doc, err := Extract(Input{Text: "Brightwave Ltd appealed to the Supreme Court after losing in the Fourth Circuit.\n\n" +
		"The Court reversed the Fourth Circuit and sent the case back. The Court of Justice was not involved."})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range doc.Courts {
		if strings.HasPrefix(c.Name, "The ") {
			t.Errorf("court %q", c.Name)
		}
	}
	for _, name := range []string{"Court", "The Court"} {
		if got := otherCourtName(name); got != "" {
			t.Errorf("%q named %q", name, got)
		}
	}
	if got := otherCourtName("The Court of Justice"); got != "Court of Justice of the European Union" {
		t.Errorf("bare Court of Justice named %q", got)
	}
	if got := otherCourtName("Tokyo District Court"); got != "Tokyo District Court" {
		t.Errorf("Tokyo District Court named %q", got)
	}
}

func TestLowerWords(t *testing.T) {
	got := lowerWords("Brightwave's data-center plan, über-fast and Zürich-based; x")
	want := map[string]bool{"s": true, "data-center": true, "plan": true, "über-fast": true, "and": true, "x": true}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lowerWords = %v, want %v", got, want)
	}
}

// TestSameNameLikeDefinition checks sameName, which compares facts
// worked out once per name, against its definition on the names
// themselves.
func TestSameNameLikeDefinition(t *testing.T) {
	names := []string{"Federal Trade Commission", "the Federal Trade Commission", "FTC", "ftc", "Ftc", "Trade", "", " ",
		"Bank of America", "BoA", "BA", "Électricité de France", "EDF", "Ötzi Group", "ÖG", "ötzi group",
		"Fair  Trading\tCommission", "the Commission", "The Commission", "Commission", "Board of Widget Inspectors",
		"the Board", "Globex", "Globex Corp", "Globex BV", "Globex Robotics", "Globex Robotics Inc.", "and the of", "1st Street Bank", "1SB"}
	headWord := func(long, short string) bool {
		short = strings.TrimPrefix(strings.TrimPrefix(short, "the "), "The ")
		if strings.IndexByte(short, ' ') >= 0 || !headWords[short] {
			return false
		}
		return strings.HasSuffix(long, " "+short) || strings.Contains(long, " "+short+" of ") || strings.HasPrefix(long, short+" of ")
	}
	d := newDoc("Globex Robotics and Globex sued.", "")
	d.indexStems()
	for _, a := range names {
		for _, b := range names {
			want := false
			switch ka, kb := facts.Key(a), facts.Key(b); {
			case ka == "" || kb == "":
			case ka == kb:
				want = true
			default:
				want = isInitialism(b) && acronym(a) == strings.ToUpper(b) || isInitialism(a) && acronym(b) == strings.ToUpper(a) ||
					suffixVariant(a, b) || suffixVariant(b, a) || headWord(a, b) || headWord(b, a) || d.brandVariant(a, b) || d.brandVariant(b, a)
			}
			if got := d.sameName(d.nameFacts(a), d.nameFacts(b)); got != want {
				t.Errorf("sameName(%q, %q) = %v, want %v", a, b, got, want)
			}
		}
	}
}

// TestSingleSpacedLikeFields checks that a single-spaced text is what
// joining its fields gives.
func TestSingleSpacedLikeFields(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a", "a ", "a b", "a  b", "a\tb", "a\nb", "a\u2028b", "a\u00a0b", "é b", "\xff b", "a b c", "ab  ", "a\x7fb", "a~b"} {
		if plainSingleSpaced(s) && !singleSpaced(s) {
			t.Errorf("%q is plain single-spaced but not single-spaced", s)
		}
		if singleSpaced(s) && strings.Join(strings.Fields(s), " ") != s {
			t.Errorf("%q is single-spaced but its fields join to %q", s, strings.Join(strings.Fields(s), " "))
		}
		if !singleSpaced(s) && strings.Join(strings.Fields(s), " ") == s && s != "" {
			t.Logf("%q is not found single-spaced, though it is", s)
		}
	}
}

// upperWords is the set of all-capital words of two to six letters in the
// text, the initials that organisations go by.
func upperWords(m string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.FieldsFunc(m, func(r rune) bool { return r < 'A' || r > 'Z' }) {
		if len(w) >= 2 && len(w) <= 6 {
			out[w] = true
		}
	}
	return out
}

// lowerWords is the set of words that occur in lower case in the text.
func lowerWords(m string) map[string]bool {
	out := make(map[string]bool, len(m)/32) // a guess at the number of different words
	start := -1                             // the start of the current word, or -1
	for i, r := range m {
		inWord := unicode.IsLetter(r) || r == '-'
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			addLowerWord(out, m[start:i])
			start = -1
		}
	}
	if start >= 0 {
		addLowerWord(out, m[start:])
	}
	return out
}

// addLowerWord records w in set when it starts with a lower-case letter.
func addLowerWord(set map[string]bool, w string) {
	if r, _ := utf8.DecodeRuneInString(w); unicode.IsLower(r) {
		set[w] = true
	}
}

// TestLowerAndUpperWordsOf checks isLowerWordOf and isUpperWordOf against
// the sets of words they stand for.
func TestLowerAndUpperWordsOf(t *testing.T) {
	texts := append(exampleTexts(), "Brightwave's data-center plan, über-fast and Zürich-based; x",
		"FTC and the SEC; FTCX, ABCDEFG AB-CD xAB AB", "é-é ée \xffab ab\xff", "")
	for _, m := range texts {
		lower, upper := lowerWords(m), upperWords(m)
		var queries []string
		for w := range lower {
			queries = append(queries, w)
		}
		for w := range upper {
			queries = append(queries, w)
		}
		for _, w := range strings.FieldsFunc(m, func(r rune) bool { return r == ' ' }) {
			queries = append(queries, w, strings.ToLower(w), strings.Trim(w, ",.;'"), strings.ToLower(strings.Trim(w, ",.;'")))
			if len(w) > 2 {
				queries = append(queries, w[1:], w[:len(w)-1])
			}
		}
		for _, q := range queries {
			if got, want := isLowerWordOf(m, q), lower[q]; got != want {
				t.Fatalf("isLowerWordOf(%q, %q) = %v, want %v", m, q, got, want)
			}
			if got, want := isUpperWordOf(m, q), upper[q]; got != want {
				t.Fatalf("isUpperWordOf(%q, %q) = %v, want %v", m, q, got, want)
			}
		}
	}
}

// TestLastFieldLikeFields checks lastField against strings.Fields.
func TestLastFieldLikeFields(t *testing.T) {
	texts := append(exampleTexts(), "", " ", "a", " a ", "a b\t", "a\u3000b", "a\u3000", "\xe3\x80\x80\x80",
		"x\xe3\xe3\x80\x80", "é ", "\xff", "a \xff", "a\u2028")
	for _, s := range texts {
		want := ""
		if f := strings.Fields(s); len(f) > 0 {
			want = f[len(f)-1]
		}
		if got := lastField(s); got != want {
			t.Fatalf("lastField(%q) = %q, want %q", s, got, want)
		}
	}
}

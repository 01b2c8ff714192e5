package extract

import (
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
)

// TestPatternsMatchLikeRegexp runs every rule's pattern over the pieces
// of every example article, and made-up edge cases, and requires exactly
// the answers of Go's regexp.
func TestPatternsMatchLikeRegexp(t *testing.T) {
	texts := exampleTexts()
	fast := 0
	for _, p := range patterns {
		if p.fast {
			fast++
		}
		for _, s := range texts {
			if got, want := p.FindAllStringSubmatchIndex(s, -1), p.Regexp.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s\non %q:\nall matches %v, regexp %v", p, s, got, want)
			}
			if got, want := p.FindAllStringSubmatchIndex(s, 2), p.Regexp.FindAllStringSubmatchIndex(s, 2); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s\non %q:\ntwo matches %v, regexp %v", p, s, got, want)
			}
			if got, want := p.FindStringSubmatchIndex(s), p.Regexp.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s\non %q:\nfirst match %v, regexp %v", p, s, got, want)
			}
			if got, want := p.MatchString(s), p.Regexp.MatchString(s); got != want {
				t.Fatalf("%s\non %q:\nmatch %v, regexp %v", p, s, got, want)
			}
			if got, want := p.FindStringIndex(s), p.Regexp.FindStringIndex(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s\non %q:\nfirst bounds %v, regexp %v", p, s, got, want)
			}
			if got, want := p.FindAllStringIndex(s, -1), p.Regexp.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s\non %q:\nall bounds %v, regexp %v", p, s, got, want)
			}
		}
	}
	if fast < len(patterns)/4 {
		t.Errorf("only %d of %d patterns use the candidate search", fast, len(patterns))
	}
	t.Logf("%d of %d patterns use the candidate search, checked on %d texts", fast, len(patterns), len(texts))
}

// exampleTexts gathers made-up edge cases and a spread sample of the
// example articles' lines and sentences, some cut inside words.
func exampleTexts() []string {
	texts := []string{
		"", "a", "é", "sued", "xsued", "sued.", "Acme sued Widgetco.", "_sued", "9sued", "ésued", "—sued", "\xffsued",
		"The Widget Tribunal annulled a Gadget Commission decision.",
	}
	paths, _ := filepath.Glob("../examples/*/*.*")
	more, _ := filepath.Glob("../examples/*/articles/*.*")
	for _, path := range append(paths, more...) {
		raw, err := os.ReadFile(path)
		if err != nil || strings.HasSuffix(path, ".json") {
			continue
		}
		text := string(raw)
		for _, line := range strings.Split(text, "\n") {
			if len(line) < 600 {
				texts = append(texts, line)
			}
			for _, part := range strings.SplitAfter(line, ". ") {
				texts = append(texts, part)
				// windows cut inside words and characters
				for _, cut := range []int{1, 2, 7, 30} {
					if cut < len(part) {
						texts = append(texts, part[cut:], part[:len(part)-cut])
					}
				}
			}
		}
	}
	// every one of a spread sample, to keep the test quick
	if step := len(texts) / 1200; step > 1 {
		var sample []string
		for i := 0; i < len(texts); i += step {
			sample = append(sample, texts[i])
		}
		texts = sample
	}
	return texts
}

// TestGroundOpeningsLikeOneAlternation checks that trying the ground
// openings one by one finds what their alternation would.
func TestGroundOpeningsLikeOneAlternation(t *testing.T) {
	var exprs []string
	for _, p := range sameSentenceGround {
		exprs = append(exprs, p.String())
	}
	whole := regexp.MustCompile(strings.Join(exprs, "|"))
	for _, s := range exampleTexts() {
		want := whole.FindStringIndex(s)
		got := groundClause(s)
		if want == nil || got == nil {
			if want != nil || got != nil {
				t.Fatalf("on %q: %v, alternation %v", s, got, want)
			}
			continue
		}
		end := len(s) // the alternation's match runs on to the full stop
		if stop := strings.IndexByte(s[want[1]:], '.'); stop >= 0 {
			end = want[1] + stop
		}
		if got[0] != want[0] || got[1] != end {
			t.Fatalf("on %q: %v, alternation %v up to %d", s, got, want, end)
		}
	}
}

// TestPatternPrefixes checks the byte strings matches must begin with.
func TestPatternPrefixes(t *testing.T) {
	cases := []struct {
		expr     string
		prefixes []string // nil: no prefix list
	}{
		{`\b(?:sued|backed)\b`, []string{"backed", "sued"}},
		{`(?i)\bthe`, []string{"THE", "THe", "ThE", "The", "tHE", "tHe", "thE", "the"}},
		{`(?i)\bsued`, nil}, // "s" folds to the non-ASCII long s too
		{`^(?:'s)?, (?:which|who)`, []string{"'s, whic", "'s, who", ", which", ", who"}},
		{`\bthe [a-z]+ court`, []string{"the "}},
		{`\b(?:[Tt]he|[Aa]n?)\b`, []string{"A", "The", "a", "the"}}, // "A" may be all
		{`\p{Lu}\p{Ll}+`, nil},
		{`[A-Z]\w+`, nil},
	}
	for _, c := range cases {
		p := mustCompile(c.expr)
		var got []string
		if p.prefixes != nil {
			for _, list := range p.prefixes {
				got = append(got, list...)
			}
			sort.Strings(got)
		}
		if !reflect.DeepEqual(got, c.prefixes) {
			t.Errorf("%s: prefixes %q, want %q", c.expr, got, c.prefixes)
		}
	}
}

// TestPatternStartBytes checks which expressions get the candidate search
// and the bytes they may start with.
func TestPatternStartBytes(t *testing.T) {
	cases := []struct {
		expr      string
		fast      bool
		starts    string
		wordStart bool
	}{
		{`\b(?:sued|backed)\b`, true, "sb", true},
		{`(?i)\bsued`, true, "sS", true},
		{`(?:,\s*|\b)(?:warning|saying)`, true, ",ws", false},
		{`^sued`, true, "s", false},
		{`^a|b`, false, "", false},
		{`(?m)^sued`, false, "", false},
		{`(?:sued)?`, false, "", false},
		{`.sued`, false, "", false},
		{`\Bued`, false, "", false},
		{`\p{Lu}\p{Ll}+`, true, "AZ\x80\xff", false},
	}
	for _, c := range cases {
		p := mustCompile(c.expr)
		if p.fast != c.fast {
			t.Errorf("%s: fast %v, want %v", c.expr, p.fast, c.fast)
			continue
		}
		if !c.fast {
			continue
		}
		for _, b := range []byte(c.starts) {
			if !p.first[b] {
				t.Errorf("%s: cannot start with %q", c.expr, b)
			}
		}
		if p.first['q'] {
			t.Errorf("%s: may start with 'q'", c.expr)
		}
		wordStart := true // every first byte needs a word boundary
		for _, b := range []byte(c.starts) {
			if p.boundless[b] {
				wordStart = false
			}
		}
		if wordStart != c.wordStart {
			t.Errorf("%s: word start %v, want %v", c.expr, wordStart, c.wordStart)
		}
	}
	// a word boundary is needed before the bytes that only follow one
	if p := mustCompile(`(?:,\s*|\b)(?:warning|saying)`); p.boundless['w'] || !p.boundless[','] {
		t.Errorf("%s: boundary needed before 'w' %v, before ',' %v", p, !p.boundless['w'], !p.boundless[','])
	}
	// the second byte narrows the candidates
	p := mustCompile(`\b(?:sued|backed)\b`)
	if !p.second['s'].has('u') || p.second['s'].has('a') || !p.second['b'].has('a') {
		t.Errorf("second bytes of %s are wrong", p)
	}
	// and so do the prefixes
	if got := p.candidates("sa su ba bu sue backe sued backed", nil); !reflect.DeepEqual(got, []int{22, 27}) {
		t.Errorf("candidates %v, want [22 27]", got)
	}
	// the plain expression stays available and unchanged
	if p := mustCompile(`\bsued\b`); p.Regexp.String() != regexp.MustCompile(`\bsued\b`).String() {
		t.Errorf("expression changed: %s", p.Regexp)
	}
}

// TestNotAnArgumentLikeOneAlternation checks that trying the
// notAnArgument openings one by one answers as their alternation would.
func TestNotAnArgumentLikeOneAlternation(t *testing.T) {
	exprs := []string{strings.TrimPrefix(feelingOpening.String(), "(?i)")}
	for _, p := range notAnArgument {
		exprs = append(exprs, strings.TrimPrefix(p.String(), "(?i)"))
	}
	whole := regexp.MustCompile("(?i)" + strings.Join(exprs, "|"))
	for _, s := range exampleTexts() {
		for _, lead := range []string{s, head(s, 120)} {
			if got, want := isNotAnArgument(lead), whole.MatchString(lead); got != want {
				t.Fatalf("on %q: %v, alternation %v", lead, got, want)
			}
		}
	}
}

// TestFindAllScanLikeRegexp checks the search of texts with many
// candidates (see findAllScan) on every text, whatever its number of
// candidates: with submatches and bounds only, all matches and two.
func TestFindAllScanLikeRegexp(t *testing.T) {
	texts := append(append([]string(nil), dfaEdgeTexts...), exampleTexts()...)
	for _, p := range patterns {
		if !p.fast || p.anchored {
			continue
		}
		sub := func(s string) func(i int) ([]int, bool) {
			return func(i int) ([]int, bool) { return p.matchAt(s, i), true }
		}
		bounds := func(s string) func(i int) ([]int, bool) {
			return func(i int) ([]int, bool) {
				e, ok := p.endAt(s, i)
				if e < 0 {
					return nil, ok
				}
				return []int{i, e}, ok
			}
		}
		for _, s := range texts {
			for _, n := range []int{-1, 2} {
				if got, ok := p.findAllScan(s, n, sub(s)); ok {
					if want := p.Regexp.FindAllStringSubmatchIndex(s, n); !reflect.DeepEqual(got, want) {
						t.Fatalf("%s\non %q: %d matches %v, regexp %v", p, s, n, got, want)
					}
				}
				if got, ok := p.findAllScan(s, n, bounds(s)); ok {
					if want := p.Regexp.FindAllStringIndex(s, n); !reflect.DeepEqual(got, want) {
						t.Fatalf("%s\non %q: %d bounds %v, regexp %v", p, s, n, got, want)
					}
				}
			}
		}
	}
}

// TestRuneBoundary checks where a byte that continues a character is
// nonetheless where Go's decoding starts a character.
func TestRuneBoundary(t *testing.T) {
	for _, s := range []string{"O’Connor", "\x80\x80\x80\x80\x80", "\xe2\x80x\x80", "é\x80", "\xf0\x9f\x98\x80\x80", "\xc3", "a\xe2\x80\x99\x99"} {
		starts := map[int]bool{}
		for i := range s { // the offsets where decoding starts a character
			starts[i] = true
		}
		for i := 0; i < len(s); i++ {
			if s[i]&0xc0 != 0x80 {
				continue
			}
			if got := runeBoundary(s, i); got != starts[i] {
				t.Errorf("%q at %d: %v, want %v", s, i, got, starts[i])
			}
		}
	}
	// no match starts inside "’", with few candidates or many
	p := mustCompile(`\p{Lu}\p{Ll}+`)
	for _, s := range []string{"O’Connor", strings.Repeat("Mr O’Connor and Zoë Ærø. ", 5)} {
		if got, want := p.FindAllStringSubmatchIndex(s, -1), p.Regexp.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
			t.Errorf("%s on %q: %v, regexp %v", p, s, got, want)
		}
	}
}

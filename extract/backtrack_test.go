package extract

import (
	"fmt"
	"reflect"
	"regexp"
	"testing"
	"unicode/utf8"
)

// TestBacktrackerLikeRegexp checks, for every rule's pattern, that the
// backtracker started at an offset finds the submatches Go's regexp
// finds there: at the start of a text, and after one character, as
// "^(?s:.)(?:expr)" does. It tries every offset of made-up edge cases
// and of a sample of the example texts, cut or not where the dfa says
// every attempt has ended.
func TestBacktrackerLikeRegexp(t *testing.T) {
	texts := append([]string(nil), dfaEdgeTexts...)
	for k, s := range exampleTexts() {
		if k%8 == 0 {
			texts = append(texts, s)
		}
	}
	for _, p := range patterns {
		if p.sub == nil {
			continue
		}
		c := newSubmatchCheck(p)
		for _, s := range texts {
			if diff := c.compare(s); diff != "" {
				t.Fatalf("%s\n%s", p, diff)
			}
		}
	}
}

// submatchCheck compares a pattern's backtracker with Go's regexp.
type submatchCheck struct {
	p       *pattern
	atStart *regexp.Regexp // ^(?:expr)
	inText  *regexp.Regexp // ^(?s:.)(?:expr), one character before the match
}

func newSubmatchCheck(p *pattern) submatchCheck {
	return submatchCheck{p: p,
		atStart: regexp.MustCompile(`^(?:` + p.String() + `)`),
		inText:  regexp.MustCompile(`^(?s:.)(?:` + p.String() + `)`)}
}

// compare runs the backtracker at the start of s and after every offset,
// on the whole rest of s and on the part the dfa says a match can reach,
// and describes the first answer that differs from regexp's, or is "".
func (c submatchCheck) compare(s string) string {
	p := c.p
	if got, want := p.sub.match(s, 0, ctxBegin), c.atStart.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
		return fmt.Sprintf("on %q at the start: %v, regexp %v", s, got, want)
	}
	for i := 0; i < len(s); i++ {
		r, w := utf8.DecodeRuneInString(s[i:])
		want := c.inText.FindStringSubmatchIndex(s[i:])
		if want != nil {
			want[0] = w // the match proper starts after the character
		}
		if got := p.sub.match(s[i:], w, contextOf(r)); !reflect.DeepEqual(got, want) {
			return fmt.Sprintf("on %q after offset %d: %v, regexp %v", s, i, got, want)
		}
		if p.dfa == nil {
			continue
		}
		if found, clip, ok := p.dfa.run(s[i:], w, contextOf(r), false, false); ok && found {
			if got := p.sub.match(s[i:i+clip], w, contextOf(r)); !reflect.DeepEqual(got, want) {
				return fmt.Sprintf("on %q after offset %d, cut at %d: %v, regexp %v", s, i, clip, got, want)
			}
		}
	}
	return ""
}

// TestBacktrackerEdges checks the backtracker on expressions that
// stress what it does differently from Go's regexp: alternations whose
// branches it skips by their next byte, loops that consume nothing,
// assertions, case folding out of ASCII and broken UTF-8.
func TestBacktrackerEdges(t *testing.T) {
	exprs := []string{
		`(a|ab)(c|bcd)(d*)`, `(?:a*)*b`, `(a*)+$`, `(|a)*`, `(?:(a)|b)*`, `x*`, `\b(\w+)\b`, `(?i)(k+)`,
		`(?i)s(t)`, `(é|e)(\p{L}*)`, `(?s)(.)(.)`, `(.?)\B`, `^(?:(a)|(b))+?c`, `(\xff|.)`, `(?m)^(a)$`,
		`(?U)(a+)(a*)`, `((?:ab){2,3}?)(b*)`,
	}
	texts := []string{"", "a", "ab", "abcd", "abcdd", "aab", "bab", "K\u212a k", "\u017ft st", "é e\u0301x", "\xffa", "a\xe2\x80b",
		"x y", "\nab\n", "aaab", "ababab", "abababb", "ac"}
	for _, expr := range exprs {
		c := newSubmatchCheck(mustCompile(expr))
		for _, s := range texts {
			if diff := c.compare(s); diff != "" {
				t.Errorf("%s %s", expr, diff)
			}
		}
	}
}

package extract

import (
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
		atStart := regexp.MustCompile(`^(?:` + p.String() + `)`)
		inText := regexp.MustCompile(`^(?s:.)(?:` + p.String() + `)`)
		for _, s := range texts {
			if got, want := p.sub.match(s, 0, ctxBegin), atStart.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s\non %q at the start: %v, regexp %v", p, s, got, want)
			}
			for i := 0; i < len(s); i++ {
				r, w := utf8.DecodeRuneInString(s[i:])
				want := inText.FindStringSubmatchIndex(s[i:])
				if want != nil {
					want[0] = w // the match proper starts after the character
				}
				if got := p.sub.match(s[i:], w, contextOf(r)); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s\non %q after offset %d: %v, regexp %v", p, s, i, got, want)
				}
				if found, clip, ok := p.dfa.run(s[i:], w, contextOf(r), false, false); ok && found {
					if got := p.sub.match(s[i:i+clip], w, contextOf(r)); !reflect.DeepEqual(got, want) {
						t.Fatalf("%s\non %q after offset %d, cut at %d: %v, regexp %v", p, s, i, clip, got, want)
					}
				}
			}
		}
	}
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
		p := mustCompile(expr)
		atStart := regexp.MustCompile(`^(?:` + expr + `)`)
		inText := regexp.MustCompile(`^(?s:.)(?:` + expr + `)`)
		for _, s := range texts {
			if got, want := p.sub.match(s, 0, ctxBegin), atStart.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
				t.Errorf("%s on %q at the start: %v, regexp %v", expr, s, got, want)
			}
			for i := 0; i < len(s); i++ {
				r, w := utf8.DecodeRuneInString(s[i:])
				want := inText.FindStringSubmatchIndex(s[i:])
				if want != nil {
					want[0] = w
				}
				if got := p.sub.match(s[i:], w, contextOf(r)); !reflect.DeepEqual(got, want) {
					t.Errorf("%s on %q after offset %d: %v, regexp %v", expr, s, i, got, want)
				}
			}
		}
	}
}

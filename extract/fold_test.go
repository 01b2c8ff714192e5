package extract

import (
	"strings"
	"testing"
)

// TestFoldTextLikeMap checks foldText against strings.Map with asciiFold
// on the example texts and on made-up edge cases: text that is all
// ASCII, quotes and dashes at either end, genuine U+FFFD and bytes that
// are not UTF-8.
func TestFoldTextLikeMap(t *testing.T) {
	texts := append([]string{
		"", "a", "plain ASCII text.", "‘quoted’", "“x”", "a—b", "…", "\ufffd", "a\ufffdb", "\xff", "a\xffb", "\xe2\x80",
		"“\xff”", "é—", "—é", "naïve “café” – ok", "x\xe2\x80\x9c",
	}, dfaTexts()...)
	for _, s := range texts {
		if got, want := foldText(s), strings.Map(asciiFold, s); got != want {
			t.Fatalf("on %q: %q, strings.Map %q", s, got, want)
		}
	}
}

// TestLowerTextLikeToLower checks lowerText against strings.ToLower on
// the example texts and on made-up cases: capitals that change length
// when lowered, genuine U+FFFD and bytes that are not UTF-8.
func TestLowerTextLikeToLower(t *testing.T) {
	texts := append([]string{
		"", "A", "abc", "ABC xyz", "Ünïcödé", "İstanbul", "ẞ", "\ufffd", "A\xffB", "\xe2\x80", "Ǆ ǅ ǆ", "K Å",
	}, dfaTexts()...)
	for _, s := range texts {
		if got, want := lowerText(s), strings.ToLower(s); got != want {
			t.Fatalf("on %q: %q, strings.ToLower %q", s, got, want)
		}
	}
}

// TestWordSetsLikeMayContain checks every word set against mayContain,
// on the example texts as they are and lowered, and on made-up cases.
func TestWordSetsLikeMayContain(t *testing.T) {
	lists := map[string][]string{
		"feelingWords": feelingWords, "feelingHints": feelingHints, "objectHints": objectHints,
		"dateHints": dateHints, "badThingWords": badThingWords, "statuteHints": statuteHints,
		"made up": {"ab", "abc", "b", "abcd", "xyz"},
	}
	texts := append([]string{"", "a", "ab", "abc", "xab", "xy", "xyz", "abxyz", "b"}, dfaTexts()...)
	for _, s := range append([]string(nil), texts...) {
		texts = append(texts, strings.ToLower(s))
	}
	for name, words := range lists {
		set := newWordSet(words)
		for _, s := range texts {
			if got, want := set.in(s), mayContain(s, words); got != want {
				t.Fatalf("%s in %q: %v, mayContain %v", name, s, got, want)
			}
		}
	}
}

// TestHeadWordsAreSingleWords checks what headWord relies on: no word of
// agencyWords and groupWords holds a space.
func TestHeadWordsAreSingleWords(t *testing.T) {
	for w := range headWords {
		if strings.Contains(w, " ") || !agencyWords[w] && !groupWords[w] {
			t.Errorf("head word %q", w)
		}
	}
	if len(headWords) < len(agencyWords) {
		t.Errorf("%d head words, fewer than the %d agency words", len(headWords), len(agencyWords))
	}
}

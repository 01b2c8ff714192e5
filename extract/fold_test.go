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

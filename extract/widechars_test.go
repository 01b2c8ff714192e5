package extract

import (
	"testing"
	"unicode/utf8"
)

// TestWideChars checks the conversions between byte and rune offsets
// against tables over every byte and every rune.
func TestWideChars(t *testing.T) {
	for _, s := range []string{"", "a", "plain ASCII", "é", "“Quoted,” she said — twice…", "Zoë v. Ærø", "\U0001F600 emoji \U0001F600", "aé\u00e9b€c\U0001F600d"} {
		w := newWideChars(s)
		if (w == nil) != (utf8.RuneCountInString(s) == len(s)) {
			t.Errorf("%q: list %v, but ASCII is %v", s, w, utf8.RuneCountInString(s) == len(s))
			continue
		}
		if w == nil {
			continue
		}
		// the rune of every byte, continuation bytes that of their character
		runeOf := make([]int, len(s)+1)
		var byteOf []int
		ri := 0
		for bi, r := range s {
			for k := 0; k < utf8.RuneLen(r); k++ {
				runeOf[bi+k] = ri
			}
			byteOf = append(byteOf, bi)
			ri++
		}
		runeOf[len(s)] = ri
		byteOf = append(byteOf, len(s))
		for b, want := range runeOf {
			if got := w.runeAt(b); got != want {
				t.Errorf("%q: byte %d is rune %d, want %d", s, b, got, want)
			}
		}
		for r, want := range byteOf {
			if got := w.byteAt(r); got != want {
				t.Errorf("%q: rune %d is at byte %d, want %d", s, r, got, want)
			}
		}
	}
}

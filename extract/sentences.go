package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// abbreviations end with a period that does not end a sentence when the
// next word is capitalised (but see sentenceStarters). Case matters.
var abbreviations = setOf(
	"Mr", "Mrs", "Ms", "Dr", "Prof", "Sen", "Rep", "Gov", "Gen", "Lt", "Col", "Capt", "Sgt",
	"St", "Jr", "Sr", "Hon", "Rev", "Messrs", "Inc", "Corp", "Co", "Ltd", "Bros", "Assn", "Dept",
	"No", "Nos", "Vol", "v", "vs", "Ct", "Cir", "App", "Supp", "Fed", "Reg", "Stat", "Cong", "Sess",
	"Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
	"Art", "Sec", "art", "sec", "para", "pp", "p", "e.g", "i.e", "al", "cf", "id", "Id",
	"Ave", "Mt", "Ft", "approx", "Calif", "Wash", "Pa", "Va", "Ga", "Fla", "Ill", "Mich",
	"Minn", "Wis", "Tex", "Del", "Conn", "Md", "Mass", "Ariz", "Colo", "Okla", "Ore", "Tenn",
)

// weakAbbreviations are abbreviations that often end a sentence too: they
// end one when the next word is a usual sentence starter.
var weakAbbreviations = setOf("Inc", "Corp", "Co", "Ltd", "Bros", "Jr", "Sr")

// sentenceStarters are words that begin a new sentence after an ambiguous
// period such as the one of "U.S." or "Corp.".
var sentenceStarters = setOf(
	"The", "A", "An", "It", "Its", "He", "She", "They", "We", "I", "This", "That", "These",
	"Those", "But", "And", "In", "On", "At", "As", "If", "When", "While", "After", "Before",
	"Since", "However", "Meanwhile", "There", "Here", "His", "Her", "Their", "Our", "Yet", "So",
)

// span is a range of byte offsets in the folded text.
type span struct{ start, end int }

// splitSentences splits the folded text into sentences, never across a
// paragraph break.
func splitSentences(m string) []span {
	var out []span
	for _, p := range paragraphs(m) {
		out = append(out, splitParagraph(m, p)...)
	}
	return out
}

// paragraphs returns the blank-line separated paragraphs of m.
func paragraphs(m string) []span {
	var out []span
	start := 0
	for start < len(m) {
		i := strings.Index(m[start:], "\n\n")
		end := len(m)
		if i >= 0 {
			end = start + i
		}
		if s := trimSpan(m, span{start, end}); s.end > s.start {
			out = append(out, s)
		}
		if i < 0 {
			break
		}
		start = end + 2
	}
	return out
}

func trimSpan(m string, s span) span {
	for s.start < s.end && isSpaceByte(m[s.start]) {
		s.start++
	}
	for s.end > s.start && isSpaceByte(m[s.end-1]) {
		s.end--
	}
	return s
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\n' || b == '\t' }

func splitParagraph(m string, p span) []span {
	var out []span
	start := p.start
	cut := func(end int) {
		if s := trimSpan(m, span{start, end}); s.end > s.start {
			out = append(out, s)
		}
		start = end
	}
	for i := p.start; i < p.end; i++ {
		c := m[i]
		switch c {
		case '\n':
			// A line break inside a paragraph ends a sentence when the line
			// ends like one; otherwise the text is hard-wrapped.
			prev := strings.TrimRight(m[start:i], " ")
			if prev != "" && strings.ContainsRune(".!?:\"')", rune(prev[len(prev)-1])) {
				cut(i)
			}
		case '.', '!', '?':
			j := i + 1
			for j < p.end && strings.IndexByte(".!?\"')]", m[j]) >= 0 {
				j++
			}
			if j < p.end && !isSpaceByte(m[j]) {
				continue
			}
			if j >= p.end {
				i = j - 1
				continue
			}
			next := nextWord(m[j:p.end])
			if next == "" {
				continue
			}
			r, _ := utf8.DecodeRuneInString(next)
			if unicode.IsLower(r) {
				continue
			}
			if c == '.' && j == i+1 && !endsSentence(m[start:i], next) {
				continue
			}
			cut(j)
			i = j - 1
		}
	}
	cut(p.end)
	return out
}

// nextWord is the first word of s, with opening quotes and brackets kept.
func nextWord(s string) string {
	s = strings.TrimLeft(s, " \n")
	if i := strings.IndexAny(s, " \n"); i >= 0 {
		s = s[:i]
	}
	return s
}

// endsSentence decides whether a period after before ends the sentence,
// given the next word.
func endsSentence(before, next string) bool {
	word := before
	if i := strings.LastIndexAny(before, " \n(\"'"); i >= 0 {
		word = before[i+1:]
	}
	nextBare := strings.TrimLeft(next, "\"'([")
	nextBare = strings.TrimRight(nextBare, ".,;:!?\"')")
	switch {
	case word == "":
		return true
	case weakAbbreviations[word]:
		return sentenceStarters[nextBare]
	case abbreviations[word]:
		return false
	case isInitials(word):
		// "U.S." or "J.": an initial, unless a sentence plainly starts.
		return len(word) > 1 && sentenceStarters[nextBare]
	case len(next) > 0 && next[0] >= '0' && next[0] <= '9' && strings.HasSuffix(word, "U.S"):
		return false
	}
	return true
}

// isInitials reports whether w is one capital letter or dotted capitals
// such as "U.S" or "S.D.N.Y" (the final period already cut off).
func isInitials(w string) bool {
	if w == "" {
		return false
	}
	for _, part := range strings.Split(w, ".") {
		if len(part) != 1 || part[0] < 'A' || part[0] > 'Z' {
			return false
		}
	}
	return true
}

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// clutterLine matches whole lines that scraping leaves behind and that are
// not part of the article.
var clutterLine = mustCompile(`(?i)^(?:` + strings.Join([]string{
	`image:.*`, `photo:.*`, `picture:.*`, `credit:.*`, `\(?(?:file )?photo\)?`,
	`editorial standards`, `advertisement`, `sponsored`, `share this (?:story|article)`,
	`share on \w+`, `read more\b.*`, `related:.*`, `related (?:stories|articles|coverage)`,
	`see also:.*`, `subscribe.*newsletter.*`, `sign up.*newsletter.*`, `click here.*`,
	`(?:story )?continues (?:below|after advertisement)`, `comments?`, `\(?pdf\)?`,
	`\[?embedded content\]?`,
}, "|") + `)$`)

// sourceLine is a trailing "Source: Publisher" line.
var sourceLine = mustCompile(`^(?i:source|via):\s*(.+?)\.?$`)

// bylineLine is a "By X" or "Written by X, Role" line; group 1 is the name.
var bylineLine = mustCompile(`^(?i:(?:written |reported |story )?by)\s+([A-Z][\p{L}.'-]*(?:\s+[A-Z][\p{L}.'-]*){0,3})(?:\s*(?:,|\||-|–|—)\s*.{0,60})?$`)

// reportingCredit is a wire-style "(Reporting by X; Editing by Y)" line.
var reportingCredit = mustCompile(`^\((?i:reporting|additional reporting|writing|editing) by [^)]*\)$`)

// normalized is an article's text after normalisation.
type normalized struct {
	Title, Text, Publisher, Author string
}

// normalize cleans the article text as described in the package comment.
func normalize(in Input) normalized {
	out := normalized{Title: cleanLine(in.Title), Publisher: strings.TrimSpace(in.Publisher), Author: strings.TrimSpace(in.Author)}
	text := strings.ReplaceAll(in.Text, "\r\n", "\n")
	text = strings.ReplaceAll(text, "\r", "\n")

	// Split into paragraphs of cleaned lines.
	var paras [][]string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, cur)
			cur = nil
		}
	}
	for _, line := range strings.Split(text, "\n") {
		line = cleanLine(line)
		if line == "" {
			flush()
			continue
		}
		cur = append(cur, line)
	}
	flush()

	// The title: given, or the first line of a text without one.
	if len(paras) > 0 {
		first := paras[0][0]
		if out.Title == "" && !bylineLine.MatchString(first) {
			out.Title = first
			paras[0] = paras[0][1:]
		} else if foldForMatch(first) == foldForMatch(out.Title) {
			paras[0] = paras[0][1:]
		}
	}

	// Drop clutter, bylines and source lines.
	var kept [][]string
	for pi, p := range paras {
		var lines []string
		for _, line := range p {
			switch {
			case clutterLine.MatchString(line), reportingCredit.MatchString(line):
				continue
			case bylineLine.MatchString(line) && len(line) < 80:
				if out.Author == "" {
					out.Author = strings.TrimSpace(bylineLine.FindStringSubmatch(line)[1])
				}
				continue
			case sourceLine.MatchString(line) && pi >= len(paras)-2 && len(line) < 80:
				if out.Publisher == "" {
					out.Publisher = strings.TrimSpace(sourceLine.FindStringSubmatch(line)[1])
				}
				continue
			}
			lines = append(lines, line)
		}
		if len(lines) > 0 {
			if len(kept) == 0 {
				lines[0] = unglueLogo(lines[0])
			}
			kept = append(kept, lines)
		}
	}
	var b strings.Builder
	b.Grow(len(text)) // the lines are cleaned copies of the text's: seldom longer
	for i, p := range kept {
		if i > 0 {
			b.WriteString("\n\n")
		}
		for j, line := range p {
			if j > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(line)
		}
	}
	out.Text = b.String()
	return out
}

// cleanLine turns odd spaces into plain ones, drops invisible characters,
// folds runs of spaces and trims.
func cleanLine(s string) string {
	if plainSingleSpaced(s) {
		return s // nothing to drop, replace or fold
	}
	s = strings.Map(func(r rune) rune {
		switch {
		case r == '\u200b' || r == '\u200c' || r == '\u200d' || r == '\ufeff' || r == '\u00ad':
			return -1
		case r == '\t' || r == '\u00a0' || r == '\u202f' || r == '\u205f' || r == '\u3000' || (r >= '\u2000' && r <= '\u200a'):
			return ' '
		case unicode.IsControl(r):
			return -1
		}
		return r
	}, s)
	if singleSpaced(s) {
		return s // what joining its fields would give
	}
	return strings.Join(strings.Fields(s), " ")
}

// plainSingleSpaced reports whether s is printable ASCII only, with
// single spaces between other characters.
func plainSingleSpaced(s string) bool {
	prevSpace := true // no space at the start either
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < ' ' || c > '~' || c == ' ' && prevSpace {
			return false
		}
		prevSpace = c == ' '
	}
	return !prevSpace
}

// singleSpaced reports whether the only white space in s is single plain
// spaces between other characters.
func singleSpaced(s string) bool {
	prevSpace := true // no space at the start either
	for _, r := range s {
		space := unicode.IsSpace(r)
		if space && (r != ' ' || prevSpace) {
			return false
		}
		prevSpace = space
	}
	return !prevSpace || s == ""
}

// unglueLogo removes a logo word glued to the first word of a paragraph,
// as in "acmeAcme sued": a lower-case prefix repeated right after it with a
// capital.
func unglueLogo(line string) string {
	i := 0
	for i < len(line) {
		r, size := utf8.DecodeRuneInString(line[i:])
		if !unicode.IsLower(r) && !unicode.IsDigit(r) {
			break
		}
		i += size
	}
	if i < 3 || i >= len(line) {
		return line
	}
	r, _ := utf8.DecodeRuneInString(line[i:])
	if !unicode.IsUpper(r) {
		return line
	}
	// "acmeAcme sued" and "techledgerA federal court": a lower-case run
	// glued to a capital at the start of the body is a logo.
	return line[i:]
}

// asciiFold maps typographic characters to ASCII one rune for one rune, so
// that rune offsets in the folded text are offsets in the original.
func asciiFold(r rune) rune {
	switch r {
	case '‘', '’', '‚', '‛', '′', '`':
		return '\''
	case '“', '”', '„', '‟', '″', '«', '»':
		return '"'
	case '–', '—', '‒', '―', '‐', '‑', '−':
		return '-'
	case '…':
		return '.'
	}
	return r
}

// lowerText returns strings.ToLower(s), lowering runs of ASCII byte by
// byte and decoding only the other characters; strings.ToLower maps
// every character of a text that is not all ASCII. As with
// strings.ToLower, a byte that is not UTF-8 becomes U+FFFD.
func lowerText(s string) string {
	var b strings.Builder
	b.Grow(len(s) + utf8.UTFMax)
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			b.WriteByte(c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		b.WriteRune(unicode.ToLower(r))
		i += w
	}
	return b.String()
}

// asciiFolded marks the ASCII bytes asciiFold changes.
var asciiFolded = func() (set [utf8.RuneSelf]bool) {
	for c := range set {
		set[c] = asciiFold(rune(c)) != rune(c)
	}
	return set
}()

// foldForMatch folds quotes and case for comparing short strings.
func foldForMatch(s string) string {
	return strings.ToLower(foldText(cleanLine(s)))
}

// foldText returns strings.Map(asciiFold, s), copying runs of the ASCII
// bytes asciiFold keeps whole rather than mapping them one by one. As
// with strings.Map, a byte that is not UTF-8 becomes U+FFFD.
func foldText(s string) string {
	var b strings.Builder
	changed := false // b stays empty while nothing has changed
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] < utf8.RuneSelf && !asciiFolded[s[j]] {
			j++
		}
		if changed {
			b.WriteString(s[i:j])
		}
		if j == len(s) {
			break
		}
		r, w := utf8.DecodeRuneInString(s[j:])
		f := asciiFold(r)
		if !changed && (f != r || r == utf8.RuneError && w == 1) {
			changed = true
			b.Grow(len(s) + utf8.UTFMax)
			b.WriteString(s[:j])
		}
		if changed {
			b.WriteRune(f)
		}
		i = j + w
	}
	if !changed {
		return s
	}
	return b.String()
}

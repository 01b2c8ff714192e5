// Package extract is Amicus's rule-based extractor: it reads one news
// article about a legal dispute and returns the facts in it as a
// facts.Document — the parties and their sides, the courts and judges, who
// backed whom and why, what each side argues, what the courts ruled and
// which statutes and cases are cited — each with the sentence it came from.
//
// The rules are tables of generic legal and news language (tables.go):
// litigation verbs, support phrases, reporting verbs, court words, ruling
// verbs, descriptive references such as "the software giant", generic
// government references such as "prosecutors". No rule names a particular
// company, person or case.
//
// Litigants come from litigation frames (frames.go): "A, B and C sued X
// and Y", "the case brought by A against X", "the plaintiffs - A and B -",
// "X was sued by A", "X asked the court to dismiss", "the case between A
// and X"; co-litigants in one list share a side, plaintiffs and
// defendants face each other. Reported speech whose subject is a pronoun,
// a possessive, a plural role ("the plaintiffs", "the states") or a
// quotation's attribution is resolved to litigants in speech.go.
//
// Text normalisation (Article.Text): CRLF becomes LF; no-break and other odd
// spaces become plain spaces and runs of them one space; paragraphs stay
// separated by a blank line; scraped clutter ("Image: …", "Advertisement",
// a logo word glued to the first word) is removed; a "By X" byline becomes
// Author and a trailing "Source: X" line Publisher. When Input.Title is
// empty the first line is the title; the title is never part of the text.
// Typographic quotes are kept; matching uses a copy in which they are folded
// to ASCII rune for rune, so offsets are the same in both.
package extract

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/amicus-graph/amicus/facts"
)

// Name is the value of Document.Extractor for this extractor.
const Name = "rules/1"

// Input is one article's text as read by the loader (HTML and Markdown
// already turned into plain text, paragraphs separated by blank lines).
type Input struct {
	Source, Title, URL, Publisher, Author, PublishedAt, Text string
}

// Extract finds the facts in one article. It is deterministic, uses no
// network and no global mutable state, and is safe for concurrent use.
func Extract(in Input) (facts.Document, error) {
	n := normalize(in)
	if strings.TrimSpace(n.Text) == "" && n.Title == "" {
		return facts.Document{}, facts.Errorf(facts.ECodeInvalid, "the article %q has no text", in.Source)
	}
	d := newDoc(n.Text, n.Title)
	d.run()
	doc := d.document()
	doc.Article = facts.Article{
		ID:          facts.ArticleID(n.Text),
		Title:       n.Title,
		Publisher:   n.Publisher,
		Author:      n.Author,
		URL:         in.URL,
		PublishedAt: in.PublishedAt,
		Source:      in.Source,
		Text:        n.Text,
	}
	return doc, nil
}

// doc is the working state of one extraction.
type doc struct {
	// text is Article.Text as runes when it is not valid UTF-8; else
	// quotable is Article.Text, so that evidence quotes are slices of it,
	// and quoteAt maps a rune offset to its byte offset there (nil when
	// the text is ASCII).
	text     []rune
	quotable string
	quoteAt  *wideChars
	m        string // text folded to ASCII quotes, rune for rune
	title    string // folded title
	// runeAt maps a byte offset of m to a rune offset; nil when m is ASCII.
	runeAt *wideChars
	sents  []sentence

	courts     []*court
	courtRefs  []courtRef
	precedents []*precedent
	mentions   []*mention // every party mention, in text order
	// mentionStart[si] is the index of sentence si's first mention.
	mentionStart []int
	parties      []*party
	gov          *party // the national government of the dispute, if any
	country      string // "U.S." when the article is about the U.S.
	cases        []*dispute
	supports     []*support
	arguments    []*argument
	rulings      []*ruling
	judges       []*judge
	judgeRefs    []judgeRef
	covered      []span                // spans already taken by courts, precedents, dates
	keys         map[string]string     // facts.Key of names, see key
	names        map[string]*nameFacts // see nameFacts
	// roles are the litigation roles the frames found (rolePlaintiff...).
	roles map[*party]int
	// supportGate, supportMatches and subjectLists keep the work of the
	// first support scan for the second: which sentences to scan, the
	// matches of each rule by sentence and rule, the subject lists by
	// sentence and offset.
	dates       map[int][][]int // date matches by sentence, see dateNear
	supportGate []bool
	// stemNames maps the first word of multi-word names to their second
	// words (see brandVariant).
	stemNames map[string]map[string]bool
	// groups are the counted groups of supporters, by name (see
	// countedGroup).
	groups         map[string]*party
	supportMatches [][][][]int // by sentence, then rule
	subjectLists   map[[2]int][]*mention
	// lastPlural is the last plural subject of reported speech ("the
	// plaintiffs", "they") and its sentence, for a following "They".
	lastPlural struct {
		si int
		by []*party
	}
}

// sentence is one sentence of the folded text.
type sentence struct {
	span
	para int
	s    string // m[start:end]
	low  string // s in lower case
	// pairs has a bit for each pair of adjacent bytes in low: a hint
	// whose first two bytes are not there cannot occur (see may).
	pairs *[64]uint64
	// flags has a bit for each registered hint that low contains (see
	// hintFlags).
	flags []uint64
}

// pairBit is the bit of the byte pair (a, b) in a sentence's pairs.
func pairBit(a, b byte) (int, uint64) {
	h := (uint(a)*31 + uint(b)) & 4095
	return int(h >> 6), 1 << (h & 63)
}

// may reports whether the sentence's lower-case text contains one of the
// hints, like mayContain, skipping hints whose first two bytes are not
// adjacent anywhere in it.
//
// A registered list (see hintRegistry) is one test of the sentence's
// flags.
func (s *sentence) may(hints []string) bool {
	if s.flags != nil {
		if l := registered(hints); l != nil {
			for i, m := range l.mask {
				if m&s.flags[i] != 0 {
					return true
				}
			}
			return false
		}
	}
	if s.pairs == nil {
		var p [64]uint64
		for i := 0; i+1 < len(s.low); i++ {
			w, bit := pairBit(s.low[i], s.low[i+1])
			p[w] |= bit
		}
		s.pairs = &p
	}
	for _, h := range hints {
		if len(h) >= 2 {
			w, bit := pairBit(h[0], h[1])
			if s.pairs[w]&bit == 0 {
				continue
			}
		}
		if strings.Contains(s.low, h) {
			return true
		}
	}
	return false
}

// present returns the hints the sentence's lower-case text contains,
// from its flags when they are registered: for findNear, which then
// searches only for those.
func (s *sentence) present(hints []string) []string {
	if s.flags == nil {
		return hints
	}
	l := registered(hints)
	if l == nil {
		return hints
	}
	var out []string
	for i, id := range l.ids {
		if s.flags[id/64]&(1<<(id%64)) != 0 {
			out = append(out, hints[i])
		}
	}
	return out
}

func newDoc(text, title string) *doc {
	d := &doc{}
	d.lastPlural.si = -2
	if utf8.ValidString(text) {
		d.quotable = text
		d.quoteAt = newWideChars(text)
		d.m = foldText(text) // the same as folding the runes below
	} else {
		// the runes of bad bytes are U+FFFD, in m too
		d.text = []rune(text)
		folded := make([]rune, len(d.text))
		for i, r := range d.text {
			folded[i] = asciiFold(r)
		}
		d.m = string(folded)
	}
	d.title = foldText(title)
	d.runeAt = newWideChars(d.m)
	para := 0
	prevEnd := 0
	spans := splitSentences(d.m)
	// one slab for every sentence's hint flags
	words := hintWordCount()
	slab := make([]uint64, words*len(spans))
	d.sents = make([]sentence, 0, len(spans))
	// an ASCII text is lowered once: byte for byte, so its slices are the
	// sentences lowered
	lowered := ""
	if d.runeAt == nil {
		lowered = strings.ToLower(d.m)
	}
	for k, sp := range spans {
		if strings.Contains(d.m[prevEnd:sp.start], "\n\n") {
			para++
		}
		prevEnd = sp.end
		st := sentence{span: sp, para: para, s: d.m[sp.start:sp.end]}
		if d.runeAt == nil {
			st.low = lowered[sp.start:sp.end]
		} else {
			st.low = lowerText(st.s)
		}
		st.flags = slab[k*words : (k+1)*words : (k+1)*words]
		hintFlags(st.flags, st.low)
		d.sents = append(d.sents, st)
	}
	return d
}

// rune converts a byte offset of m into a rune offset of the text.
func (d *doc) rune(b int) int {
	if d.runeAt == nil {
		return b
	}
	return d.runeAt.runeAt(b)
}

// wideChars converts between the byte and rune offsets of a text
// through a list of its characters of more than one byte, which in news
// text are few: between two of them every byte is a character.
type wideChars struct {
	text  string
	bytes []int32 // the byte offset of each character of more than one byte
	runes []int32 // and its rune offset
}

// newWideChars lists the characters of text that take more than one
// byte; it returns nil when there are none.
func newWideChars(text string) *wideChars {
	var w *wideChars
	extra := 0 // the bytes past the first of each character so far
	for i := 0; i < len(text); {
		if text[i] < utf8.RuneSelf {
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(text[i:])
		if size > 1 {
			if w == nil {
				w = &wideChars{text: text}
			}
			w.bytes = append(w.bytes, int32(i))
			w.runes = append(w.runes, int32(i-extra))
			extra += size - 1
		}
		i += size
	}
	return w
}

// runeAt returns the rune offset of the character that byte offset b is
// part of (the number of characters when b is the text's length).
func (w *wideChars) runeAt(b int) int {
	k, found := slices.BinarySearch(w.bytes, int32(b))
	if found {
		return int(w.runes[k])
	}
	if k == 0 {
		return b // no wide character before b
	}
	k-- // the last wide character before b
	start := int(w.bytes[k])
	_, size := utf8.DecodeRuneInString(w.text[start:])
	if b < start+size {
		return int(w.runes[k]) // inside it
	}
	return int(w.runes[k]) + 1 + b - (start + size)
}

// byteAt returns the byte offset of the character at rune offset r (the
// text's length when r is the number of characters).
func (w *wideChars) byteAt(r int) int {
	k, found := slices.BinarySearch(w.runes, int32(r))
	if found {
		return int(w.bytes[k])
	}
	if k == 0 {
		return r
	}
	k--
	start := int(w.bytes[k])
	_, size := utf8.DecodeRuneInString(w.text[start:])
	return start + size + r - int(w.runes[k]) - 1
}

// evidence quotes sentence si.
func (d *doc) evidence(si int, note string) facts.Evidence {
	s := d.sents[si]
	return d.evidenceSpan(s.start, s.end, note)
}

// evidenceSpan quotes the byte range [start, end) of m.
func (d *doc) evidenceSpan(start, end int, note string) facts.Evidence {
	rs, re := d.rune(start), d.rune(end)
	return facts.Evidence{Quote: d.quote(rs, re), Start: rs, End: re, Note: note}
}

// quote returns the text's runes [rs, re) as a string: a slice of the
// text when it is valid UTF-8, which needs no copy.
func (d *doc) quote(rs, re int) string {
	switch {
	case d.text != nil:
		return string(d.text[rs:re])
	case d.quoteAt == nil:
		return d.quotable[rs:re]
	}
	return d.quotable[d.quoteAt.byteAt(rs):d.quoteAt.byteAt(re)]
}

// sentenceAt returns the index of the sentence containing byte offset b.
func (d *doc) sentenceAt(b int) int {
	lo, hi := 0, len(d.sents)-1
	for lo <= hi {
		mid := (lo + hi) / 2
		switch {
		case b < d.sents[mid].start:
			hi = mid - 1
		case b >= d.sents[mid].end:
			lo = mid + 1
		default:
			return mid
		}
	}
	return -1
}

// isCovered reports whether [start, end) overlaps a span already taken.
func (d *doc) isCovered(start, end int) bool {
	for _, c := range d.covered {
		if start < c.end && c.start < end {
			return true
		}
	}
	return false
}

func (d *doc) run() {
	d.findCountry()
	d.findPrecedents()
	d.findCourts()
	d.findJudges()
	d.mergeDistrictCourts()
	d.findSurnames()
	d.findMentions()
	d.findParties()
	d.resolveCourtRefs()
	d.finishJudges()
	d.scanSupports(false)
	d.findArguments()
	d.findRulings()
}

package extract

import (
	"regexp"
	"regexp/syntax"
	"unicode"
	"unicode/utf8"
)

// pattern is a regular expression that finds the same matches as Go's
// regexp, faster when few places in a text can start a match.
//
// Go's regexp tries an unanchored search at every position of the text
// unless the expression starts with a literal. Most of the rules start
// with one of a few words ("\b(?:sued|sues|…)"), so a pattern works out
// from the compiled program which pairs of bytes a match can start with
// and, for short lists of candidates, tries the expression at each
// candidate only. Where the expression opens with a few words, a candidate
// must also begin with one of their first bytes (see matchPrefixes). A
// try asks the dfa whether a match starts there, and only then the
// backtracker for its submatches; both are told what comes before the
// candidate, so that "\b" still sees it. An expression anchored with "^"
// already is tried only when the text's first two bytes allow a match.
type pattern struct {
	*regexp.Regexp // the expression as written, for everything not sped up

	fast     bool          // the candidate search applies
	anchored bool          // every match starts at the start of the text
	first    [256]bool     // bytes a match can start with
	second   *[256]byteSet // bytes that may follow each first byte
	// boundless has the first bytes some match may start with without a
	// word boundary ("\b") before them; a candidate starting with any
	// other byte must follow a word boundary.
	boundless [256]bool
	// prefixes lists, by first byte, the byte strings one of which every
	// match begins with; nil when they would not narrow the search.
	prefixes *[256][]string
	// dfa tells quickly whether and how far a match can run (see dfa);
	// nil when the expression could not be compiled here.
	dfa *dfa
	// ends is the ordered dfa, which finds where a match ends when its
	// submatches are not wanted.
	ends *dfa
	// sub finds the submatches of a match the dfa has found.
	sub *backtracker
}

// patterns are all the package's patterns, for the tests.
var patterns []*pattern

// mustCompile compiles expr as regexp.MustCompile does.
func mustCompile(expr string) *pattern {
	p := &pattern{Regexp: regexp.MustCompile(expr)}
	patterns = append(patterns, p)
	parsed, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return p
	}
	prog, err := syntax.Compile(parsed.Simplify())
	if err != nil {
		return p
	}
	p.dfa = newDFA(prog, false)
	p.ends = p.dfa.orderedTwin()
	p.sub = newBacktracker(prog, 2*(p.NumSubexp()+1))
	if !p.startBytes(prog) {
		return p
	}
	p.fast = true
	p.prefixes = matchPrefixes(prog)
	return p
}

// byteSet is a set of bytes.
type byteSet [4]uint64

func (b *byteSet) add(c byte)      { b[c>>6] |= 1 << (c & 63) }
func (b *byteSet) has(c byte) bool { return b[c>>6]&(1<<(c&63)) != 0 }
func (b *byteSet) addAll()         { *b = byteSet{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)} }
func (b *byteSet) union(o *byteSet) {
	for i := range b {
		b[i] |= o[i]
	}
}

// startBytes fills p.first, p.second, p.boundless and p.anchored from
// prog. It reports false when the candidate search cannot apply: a match
// may be empty or start with any byte, or some matches are anchored with
// "^" and others not.
func (p *pattern) startBytes(prog *syntax.Prog) bool {
	type state struct {
		pc       uint32
		boundary bool // a \b lies on the way here
		begin    bool // a ^ lies on the way here
	}
	seen := map[state]bool{}
	stack := []state{{uint32(prog.Start), false, false}}
	anchored, floating := false, false
	p.second = new([256]byteSet)
	for len(stack) > 0 {
		st := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[st] {
			continue
		}
		seen[st] = true
		inst := &prog.Inst[st.pc]
		switch inst.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, state{inst.Out, st.boundary, st.begin}, state{inst.Arg, st.boundary, st.begin})
		case syntax.InstCapture, syntax.InstNop:
			stack = append(stack, state{inst.Out, st.boundary, st.begin})
		case syntax.InstEmptyWidth:
			op := syntax.EmptyOp(inst.Arg)
			if op&^(syntax.EmptyWordBoundary|syntax.EmptyBeginText) != 0 {
				return false // an assertion the candidate test does not know
			}
			stack = append(stack, state{inst.Out, st.boundary || op&syntax.EmptyWordBoundary != 0, st.begin || op&syntax.EmptyBeginText != 0})
		case syntax.InstFail:
		case syntax.InstRune1, syntax.InstRune:
			var first, next byteSet
			runeStarts(inst, &first)
			nextStarts(prog, inst.Out, &next)
			for c := 0; c < 256; c++ {
				if !first.has(byte(c)) {
					continue
				}
				p.first[c] = true
				if !st.boundary {
					p.boundless[c] = true
				}
				if c >= utf8.RuneSelf {
					p.second[c].addAll() // the next byte goes on the same character
				} else {
					p.second[c].union(&next)
				}
			}
			if st.begin {
				anchored = true
			} else {
				floating = true
			}
		default: // a match, or any character
			return false
		}
	}
	if anchored && floating {
		return false // "^a|b"
	}
	p.anchored = anchored
	return true
}

// nextStarts adds to set the first bytes of what may follow from pc on:
// every byte when the match may end there or take any character.
func nextStarts(prog *syntax.Prog, pc uint32, set *byteSet) {
	complete := eachRuneStep(prog, []uint32{pc}, func(inst *syntax.Inst) bool {
		runeStarts(inst, set)
		return true
	})
	if !complete {
		set.addAll()
	}
}

// eachRuneStep calls visit with every instruction that matches a rune
// and can be reached from pcs without consuming a byte. It stops and
// returns false where the match may end or take any character on the
// way, or when visit returns false.
func eachRuneStep(prog *syntax.Prog, pcs []uint32, visit func(inst *syntax.Inst) bool) bool {
	seen := make([]bool, len(prog.Inst))
	stack := append([]uint32(nil), pcs...)
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if seen[pc] {
			continue
		}
		seen[pc] = true
		inst := &prog.Inst[pc]
		switch inst.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, inst.Arg, inst.Out)
		case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
			stack = append(stack, inst.Out)
		case syntax.InstFail:
		case syntax.InstRune1, syntax.InstRune:
			if !visit(inst) {
				return false
			}
		default: // a match, or any character
			return false
		}
	}
	return true
}

// runeStarts adds to set the first bytes of the runes inst matches: ASCII
// runes exactly, any other rune as every byte from 0x80 up.
func runeStarts(inst *syntax.Inst, set *byteSet) {
	fold := syntax.Flags(inst.Arg)&syntax.FoldCase != 0
	var add func(r rune)
	add = func(r rune) {
		if r >= utf8.RuneSelf {
			for c := 0x80; c < 0x100; c++ {
				set.add(byte(c))
			}
			return
		}
		set.add(byte(r))
		if fold {
			for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
				if f < utf8.RuneSelf {
					set.add(byte(f))
				} else {
					add(f)
				}
			}
		}
	}
	runes := inst.Rune
	if inst.Op == syntax.InstRune1 || len(runes) == 1 {
		add(runes[0])
		return
	}
	for i := 0; i+1 < len(runes); i += 2 {
		lo, hi := runes[i], runes[i+1]
		for r := lo; r <= hi && r < utf8.RuneSelf; r++ {
			add(r)
		}
		if hi >= utf8.RuneSelf {
			add(utf8.RuneSelf)
		}
	}
}

// Limits of the prefix lists (see matchPrefixes): how long a prefix may
// grow, how many prefixes a pattern may keep, and how many different
// bytes a step may branch into.
const (
	maxPrefixLen    = 8
	maxPrefixes     = 64
	maxPrefixBranch = 8
)

// matchPrefixes works out byte strings, one of which every match of prog
// begins with, grouped by their first byte. It follows the program one
// byte at a time: a prefix stops growing where the expression may end,
// takes a non-ASCII character or a class of more than maxPrefixBranch
// bytes, or reaches maxPrefixLen; the growing stops for all when the list
// would pass maxPrefixes. Assertions such as "\b" are passed over, which
// only lets more texts through. The result is nil when the empty string
// is a prefix: the first-byte test already does all it could.
func matchPrefixes(prog *syntax.Prog) *[256][]string {
	type branch struct {
		prefix string
		pcs    []uint32 // where the program goes on after the prefix
	}
	growing := []branch{{"", []uint32{uint32(prog.Start)}}}
	var stopped, best []string
	for len(growing) > 0 {
		var next []branch
		at := map[string]int{} // index in next of each longer prefix
		for _, b := range growing {
			steps, ends := followPrefix(prog, b.pcs)
			if ends || len(b.prefix) == maxPrefixLen {
				stopped = append(stopped, b.prefix)
				continue
			}
			for _, step := range steps {
				longer := b.prefix + string(step.c)
				k, ok := at[longer]
				if !ok {
					k = len(next)
					at[longer] = k
					next = append(next, branch{prefix: longer})
				}
				next[k].pcs = append(next[k].pcs, step.pc)
			}
		}
		if len(stopped)+len(next) > maxPrefixes {
			break // keep the shorter prefixes of the round before
		}
		best = append([]string(nil), stopped...)
		for _, b := range next {
			best = append(best, b.prefix)
		}
		growing = next
	}
	if len(best) == 0 {
		return nil
	}
	byFirst := new([256][]string)
	for _, pre := range best {
		if pre == "" {
			return nil
		}
		byFirst[pre[0]] = append(byFirst[pre[0]], pre)
	}
	return byFirst
}

// prefixStep is one byte a program may consume next, and where it goes on.
type prefixStep struct {
	c  byte
	pc uint32
}

// followPrefix follows the program from pcs over everything that consumes
// no byte and returns the bytes it may consume next; ends is true when
// the match may end there or go on with a character that is not one of a
// few ASCII bytes.
func followPrefix(prog *syntax.Prog, pcs []uint32) (steps []prefixStep, ends bool) {
	complete := eachRuneStep(prog, pcs, func(inst *syntax.Inst) bool {
		bytes, ok := asciiRunes(inst)
		for _, c := range bytes {
			steps = append(steps, prefixStep{c, inst.Out})
		}
		return ok
	})
	if !complete {
		return nil, true
	}
	return steps, false
}

// asciiRunes returns the bytes inst matches when they are all ASCII and
// at most maxPrefixBranch of them (case folding included).
func asciiRunes(inst *syntax.Inst) ([]byte, bool) {
	var set byteSet
	var out []byte
	add := func(r rune) bool {
		if r >= utf8.RuneSelf {
			return false
		}
		if !set.has(byte(r)) {
			set.add(byte(r))
			out = append(out, byte(r))
		}
		return len(out) <= maxPrefixBranch
	}
	runes := inst.Rune
	if inst.Op == syntax.InstRune1 || len(runes) == 1 {
		if !add(runes[0]) {
			return nil, false
		}
		if syntax.Flags(inst.Arg)&syntax.FoldCase != 0 {
			for f := unicode.SimpleFold(runes[0]); f != runes[0]; f = unicode.SimpleFold(f) {
				if !add(f) {
					return nil, false
				}
			}
		}
		return out, true
	}
	for i := 0; i+1 < len(runes); i += 2 {
		if runes[i+1]-runes[i] >= maxPrefixBranch {
			return nil, false
		}
		for r := runes[i]; r <= runes[i+1]; r++ {
			if !add(r) {
				return nil, false
			}
		}
	}
	return out, true
}

// hasPrefixAt reports whether s, from offset i, begins with one of the
// pattern's prefixes (always when it has none).
func (p *pattern) hasPrefixAt(s string, i int) bool {
	if p.prefixes == nil {
		return true
	}
	for _, pre := range p.prefixes[s[i]] {
		// the last byte first: it tells most prefixes apart quickest
		if n := len(pre); len(s)-i >= n && s[i+n-1] == pre[n-1] && s[i:i+n] == pre {
			return true
		}
	}
	return false
}

// maxCandidates is how many candidate starts a text may have for the
// tries at each to beat one scan of the text (see findAllScan).
const maxCandidates = 16

// candidates lists, up to maxCandidates+1, the offsets in s where a
// match could start.
func (p *pattern) candidates(s string, buf []int) []int {
	out := buf[:0]
	for i := p.nextCandidate(s, 0); i >= 0; i = p.nextCandidate(s, i+1) {
		out = append(out, i)
		if len(out) > maxCandidates {
			break
		}
	}
	return out
}

// nextCandidate returns the first offset from i on where a match could
// start, or -1.
func (p *pattern) nextCandidate(s string, i int) int {
	for ; i < len(s); i++ {
		if !p.first[s[i]] || i+1 < len(s) && !p.second[s[i]].has(s[i+1]) {
			continue
		}
		if !p.boundless[s[i]] && i > 0 && regexpWordByte(s[i-1]) == regexpWordByte(s[i]) {
			continue // no word boundary before s[i]
		}
		if !p.hasPrefixAt(s, i) {
			continue
		}
		if s[i]&0xc0 == 0x80 && !runeBoundary(s, i) {
			continue // inside a character, where no match starts
		}
		return i
	}
	return -1
}

// runeBoundary reports whether offset i of s, where a byte that
// continues a character stands, is nonetheless where a character starts
// as Go decodes s from its start: when no valid character that starts in
// the three bytes before reaches past it.
func runeBoundary(s string, i int) bool {
	for j := i - 1; j >= 0 && j >= i-3; j-- {
		if utf8.RuneStart(s[j]) {
			_, w := utf8.DecodeRuneInString(s[j:])
			return j+w <= i
		}
	}
	return true
}

// regexpWordByte reports whether "\b" counts b as part of a word: an
// ASCII letter, digit or underscore (a byte of a longer character never).
func regexpWordByte(b byte) bool {
	return b < utf8.RuneSelf && syntax.IsWordChar(rune(b))
}

// matchAt returns the submatch indexes of a match starting at offset i of
// s, or nil. The dfa first tells whether there is one, and cuts s where
// every attempt has ended, so the backtracker is shown no more than it
// needs.
func (p *pattern) matchAt(s string, i int) []int {
	if i == 0 {
		found, clip, ok := p.dfa.run(s, 0, ctxBegin, false, false)
		if ok {
			if !found {
				return nil
			}
			s = s[:clip]
		}
		return p.sub.match(s, 0, ctxBegin)
	}
	// The match starts after the character that holds the byte before
	// the candidate, as it would after "^(?s:.)" in s[i-1:].
	t := s[i-1:]
	r, w := utf8.DecodeRuneInString(t)
	found, clip, ok := p.dfa.run(t, w, contextOf(r), false, false)
	if ok {
		if !found {
			return nil
		}
		t = t[:clip]
	}
	m := p.sub.match(t, w, contextOf(r))
	if m == nil {
		return nil
	}
	for j := range m {
		if m[j] >= 0 {
			m[j] += i - 1
		}
	}
	m[0] = i // the byte before was taken for context only
	return m
}

// findAll returns up to n (all when n < 0) submatch indexes, as
// FindAllStringSubmatchIndex does; ok is false when s has too many
// candidates and the plain search should run instead.
func (p *pattern) findAll(s string, n int) (out [][]int, ok bool) {
	if !p.fast {
		return nil, false
	}
	if p.NumSubexp() == 0 {
		// the bounds are all there is to find
		if all, ok := p.findAllIndex(s, n); ok {
			return all, true
		}
	}
	if p.anchored {
		// the one match there can be, at the start
		if n != 0 && len(s) > 0 && p.first[s[0]] && (len(s) == 1 || p.second[s[0]].has(s[1])) && p.hasPrefixAt(s, 0) {
			if m := p.matchAt(s, 0); m != nil {
				return [][]int{m}, true
			}
		}
		return nil, true
	}
	return p.findAllAt(s, n, func(i int) ([]int, bool) { return p.matchAt(s, i), true })
}

// endAt returns where the leftmost-first match starting at offset i of s
// ends, or -1, from the ordered dfa alone; ok is false when it cannot
// tell. It tries what matchAt tries, without submatches.
func (p *pattern) endAt(s string, i int) (end int, ok bool) {
	if i == 0 {
		return p.ends.runEnd(s, 0, ctxBegin)
	}
	t := s[i-1:]
	r, w := utf8.DecodeRuneInString(t) // what "(?s:.)" takes
	end, ok = p.ends.runEnd(t, w, contextOf(r))
	if end >= 0 {
		end += i - 1
	}
	return end, ok
}

// findAllIndex returns up to n (all when n < 0) match bounds, as
// FindAllStringIndex does, like findAll but from the ordered dfa alone;
// ok is false when it cannot tell.
func (p *pattern) findAllIndex(s string, n int) (out [][]int, ok bool) {
	if !p.fast || p.ends == nil {
		return nil, false
	}
	if p.anchored {
		if n == 0 {
			return nil, true
		}
		end, ok := p.ends.runEnd(s, 0, ctxBegin)
		if !ok || end < 0 {
			return nil, ok
		}
		return [][]int{{0, end}}, true
	}
	return p.findAllAt(s, n, func(i int) ([]int, bool) {
		e, ok := p.endAt(s, i)
		if e < 0 {
			return nil, ok
		}
		return []int{i, e}, ok
	})
}

// findAllAt finds up to n matches (all when n < 0) by asking try at the
// places a match can start: try tells whether one starts at candidate i
// and returns it, as for findAllScan, to which a text with too many
// candidates goes. ok is false when try cannot tell.
func (p *pattern) findAllAt(s string, n int, try func(i int) (m []int, ok bool)) (out [][]int, ok bool) {
	var buf [maxCandidates + 1]int
	cands := p.candidates(s, buf[:])
	if len(cands) > maxCandidates {
		return p.findAllScan(s, n, try)
	}
	end := 0
	for _, i := range cands {
		if i < end {
			continue
		}
		if n >= 0 && len(out) == n {
			break
		}
		m, ok := try(i)
		if !ok {
			return nil, false
		}
		if m != nil {
			out = append(out, m)
			end = m[1]
		}
	}
	return out, true
}

// findAllScan finds up to n matches (all when n < 0) in a text with too
// many candidates to try each. The dfa, starting a thread at every
// offset from the end of the last match on, finds where the first of
// the next matches ends; the leftmost of them starts at a candidate no
// later than that, and try tells whether one starts at candidate i and
// returns it. ok is false when the dfa or try cannot tell.
func (p *pattern) findAllScan(s string, n int, try func(i int) (m []int, ok bool)) (out [][]int, ok bool) {
	for from := 0; n < 0 || len(out) < n; {
		ctx := uint8(ctxBegin)
		if from > 0 {
			r, _ := utf8.DecodeLastRuneInString(s[:from])
			ctx = contextOf(r)
		}
		found, end, ok := p.dfa.run(s, from, ctx, true, true)
		if !ok {
			return nil, false
		}
		if !found {
			break
		}
		var m []int
		for i := p.nextCandidate(s, from); i >= 0 && i <= end; i = p.nextCandidate(s, i+1) {
			if m, ok = try(i); !ok {
				return nil, false
			}
			if m != nil {
				break
			}
		}
		if m == nil {
			return nil, false // no candidate took the match: leave it to the regexp
		}
		out = append(out, m)
		from = m[1]
	}
	return out, true
}

// first1 returns the submatch indexes of the leftmost match.
func (p *pattern) first1(s string) (m []int, ok bool) {
	all, ok := p.findAll(s, 1)
	if !ok || len(all) == 0 {
		return nil, ok
	}
	return all[0], true
}

// reach prepares s for the plain regexp: found is false when the dfa
// knows s holds no match; otherwise cut is s, shortened where the dfa
// knows every attempt at the leftmost match has ended. all asks for a
// text fit for finding every match: then an unanchored expression's s is
// not shortened.
func (p *pattern) reach(s string, all bool) (cut string, found bool) {
	if p.dfa == nil {
		return s, true
	}
	stop := all && p.dfa.inject
	found, clip, ok := p.dfa.run(s, 0, ctxBegin, p.dfa.inject, stop)
	switch {
	case !ok:
		return s, true
	case !found:
		return "", false
	case stop:
		return s, true
	}
	return s[:clip], true
}

// MatchString reports whether s contains a match. The dfa answers
// alone: at each candidate start when they are few, else over all of s.
func (p *pattern) MatchString(s string) bool {
	if found, ok := p.matchesAtCandidates(s); ok {
		return found
	}
	if p.dfa != nil {
		if found, _, ok := p.dfa.run(s, 0, ctxBegin, p.dfa.inject, true); ok {
			return found
		}
	}
	if m, ok := p.first1(s); ok {
		return m != nil
	}
	return p.Regexp.MatchString(s)
}

// matchesAtCandidates reports whether a match starts at one of the
// candidate starts of s, asking the dfa only; ok is false when the
// candidate search does not apply, s has too many candidates or the dfa
// cannot tell.
func (p *pattern) matchesAtCandidates(s string) (found, ok bool) {
	if !p.fast || p.anchored {
		return false, false
	}
	var buf [maxCandidates + 1]int
	cands := p.candidates(s, buf[:])
	if len(cands) > maxCandidates {
		return false, false
	}
	for _, i := range cands {
		var found, ok bool
		if i == 0 {
			found, _, ok = p.dfa.run(s, 0, ctxBegin, false, true)
		} else {
			// as in matchAt: "(?s:.)" takes the character before
			t := s[i-1:]
			r, w := utf8.DecodeRuneInString(t)
			found, _, ok = p.dfa.run(t, w, contextOf(r), false, true)
		}
		if !ok {
			return false, false
		}
		if found {
			return true, true
		}
	}
	return false, true
}

// FindStringIndex returns the bounds of the leftmost match.
func (p *pattern) FindStringIndex(s string) []int {
	if all, ok := p.findAllIndex(s, 1); ok {
		if len(all) == 0 {
			return nil
		}
		return all[0]
	}
	if m, ok := p.first1(s); ok {
		if m == nil {
			return nil
		}
		return m[:2]
	}
	cut, found := p.reach(s, false)
	if !found {
		return nil
	}
	return p.Regexp.FindStringIndex(cut)
}

// FindStringSubmatchIndex returns the submatch indexes of the leftmost
// match.
func (p *pattern) FindStringSubmatchIndex(s string) []int {
	if m, ok := p.first1(s); ok {
		return m
	}
	cut, found := p.reach(s, false)
	if !found {
		return nil
	}
	return p.Regexp.FindStringSubmatchIndex(cut)
}

// FindStringSubmatch returns the text of the leftmost match and its
// submatches.
func (p *pattern) FindStringSubmatch(s string) []string {
	m, ok := p.first1(s)
	if !ok {
		cut, found := p.reach(s, false)
		if !found {
			return nil
		}
		return p.Regexp.FindStringSubmatch(cut)
	}
	if m == nil {
		return nil
	}
	return submatches(s, m)
}

// FindString returns the text of the leftmost match.
func (p *pattern) FindString(s string) string {
	if m, ok := p.first1(s); ok {
		if m == nil {
			return ""
		}
		return s[m[0]:m[1]]
	}
	cut, found := p.reach(s, false)
	if !found {
		return ""
	}
	return p.Regexp.FindString(cut)
}

// FindAllStringSubmatchIndex returns the submatch indexes of successive
// matches.
func (p *pattern) FindAllStringSubmatchIndex(s string, n int) [][]int {
	if all, ok := p.findAll(s, n); ok {
		return all
	}
	cut, found := p.reach(s, true)
	if !found {
		return nil
	}
	return p.Regexp.FindAllStringSubmatchIndex(cut, n)
}

// FindAllStringIndex returns the bounds of successive matches.
func (p *pattern) FindAllStringIndex(s string, n int) [][]int {
	if all, ok := p.findAllIndex(s, n); ok {
		return all
	}
	all, ok := p.findAll(s, n)
	if !ok {
		cut, found := p.reach(s, true)
		if !found {
			return nil
		}
		return p.Regexp.FindAllStringIndex(cut, n)
	}
	for k, m := range all {
		all[k] = m[:2]
	}
	return all
}

// FindAllString returns the text of successive matches.
func (p *pattern) FindAllString(s string, n int) []string {
	all, ok := p.findAll(s, n)
	if !ok {
		cut, found := p.reach(s, true)
		if !found {
			return nil
		}
		return p.Regexp.FindAllString(cut, n)
	}
	var out []string
	for _, m := range all {
		out = append(out, s[m[0]:m[1]])
	}
	return out
}

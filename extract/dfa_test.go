package extract

import (
	"reflect"
	"regexp"
	"regexp/syntax"
	"sync"
	"testing"
	"unicode/utf8"
)

// dfaEdgeTexts are made-up texts for what assertions and characters the
// example articles rarely show: line breaks, text ends, non-ASCII and
// broken UTF-8.
var dfaEdgeTexts = []string{
	"", "a", "\n", "é", "\xff", "a\nb", "sued\n", "\nsued", "Acme sued Widgetco.\nThe court ruled.",
	"Zoë v. Ærø", "naïve sued é", "x\xe2\x80", "\xe2\x80sued", "the State argued, and the court agreed",
	"It argued that\nthe law", "in\n", "in ", " in", "the judge.", "$",
	"Mr Justice O’Connor and Zoë Ærø", "\x80Ab \xe2\x80Cd \xc3Ef",
}

// dfaTexts are the texts the dfa tests run on.
func dfaTexts() []string {
	return append(append([]string(nil), dfaEdgeTexts...), exampleTexts()...)
}

// TestDFAMatchesLikeRegexp checks, for every rule's pattern, that its dfa
// finds a match exactly where Go's regexp does, and that cutting a text
// where the dfa says every attempt has ended leaves the regexp's answer
// unchanged: for the leftmost match, for all matches, and for the
// anchored tries at each candidate.
func TestDFAMatchesLikeRegexp(t *testing.T) {
	texts := dfaTexts()
	for _, p := range patterns {
		if p.dfa == nil {
			continue
		}
		re := p.Regexp
		// a match at a candidate after the start of a text, as tried one
		// character before it
		inText := regexp.MustCompile(`^(?s:.)(?:` + re.String() + `)`)
		for k, s := range texts {
			found, _, ok := p.dfa.run(s, 0, ctxBegin, p.dfa.inject, true)
			if ok && found != re.MatchString(s) {
				t.Fatalf("%s\non %q: dfa match %v, regexp %v", p, s, found, !found)
			}
			if cut, found := p.reach(s, false); !found {
				if m := re.FindStringSubmatchIndex(s); m != nil {
					t.Fatalf("%s\non %q: dfa finds no match, regexp %v", p, s, m)
				}
			} else if got, want := re.FindStringSubmatchIndex(cut), re.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s\non %q cut to %q: %v, uncut %v", p, s, cut, got, want)
			}
			if cut, found := p.reach(s, true); found {
				if got, want := re.FindAllStringSubmatchIndex(cut, -1), re.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
					t.Fatalf("%s\non %q cut to %q: all %v, uncut %v", p, s, cut, got, want)
				}
			}
			if !p.fast || p.anchored || k%3 != 0 {
				continue // the anchored tries on a third of the texts keep the test quick
			}
			for _, i := range p.candidates(s, nil) {
				if i == 0 {
					continue
				}
				got, want := p.matchAt(s, i), inText.FindStringSubmatchIndex(s[i-1:])
				if want != nil {
					for j := range want {
						if want[j] >= 0 {
							want[j] += i - 1
						}
					}
					want[0] = i
				}
				if !reflect.DeepEqual(got, want) {
					t.Fatalf("%s\non %q at %d: %v, regexp %v", p, s, i, got, want)
				}
			}
		}
	}
}

// TestOrderedDFAEndsLikeRegexp checks, for every rule's pattern, that its
// ordered dfa, started at the start of a text, finds the end of the match
// Go's regexp finds there: the leftmost-first one, not the longest.
func TestOrderedDFAEndsLikeRegexp(t *testing.T) {
	texts := dfaTexts()
	for _, p := range patterns {
		if p.ends == nil {
			continue
		}
		anchored := regexp.MustCompile(`^(?:` + p.String() + `)`)
		for _, s := range texts {
			end, ok := p.ends.runEnd(s, 0, ctxBegin)
			if !ok {
				continue
			}
			want := -1
			if m := anchored.FindStringIndex(s); m != nil {
				want = m[1]
			}
			if end != want {
				t.Fatalf("%s\non %q: ends at %d, regexp at %d", p, s, end, want)
			}
		}
	}
	// the first alternative wins, however long the others run
	p := mustCompile(`a|ab|abc`)
	if end, _ := p.ends.runEnd("abc", 0, ctxBegin); end != 1 {
		t.Errorf("a|ab|abc on abc ends at %d, want 1", end)
	}
	p = mustCompile(`a+?b?`)
	if end, _ := p.ends.runEnd("aab", 0, ctxBegin); end != 1 {
		t.Errorf("a+?b? on aab ends at %d, want 1", end)
	}
}

// TestDFACutsAtDeath checks the clip of a few expressions by hand.
func TestDFACutsAtDeath(t *testing.T) {
	cases := []struct {
		expr   string
		s      string
		found  bool
		clip   int
		inject bool
	}{
		{`^sued`, "sued Acme", true, 5, false},       // the space kills the thread
		{`^sued`, "sues Acme", false, 4, false},      // "s" of "sues" kills it
		{`^sued\b`, "sued", true, 4, false},          // a match at the end
		{`^sued\b`, "sueds", false, 5, false},        // no word boundary
		{`\bsued`, "they sued them", true, 10, true}, // the leftmost match's threads end
		{`a+`, "baaab", true, 5, true},               // "b" ends the run of "a"
		{`x`, "abc", false, 3, true},                 // no match: the whole text
	}
	for _, c := range cases {
		prog := compileProg(t, c.expr)
		d := newDFA(prog, false)
		if d.inject != c.inject {
			t.Errorf("%s: inject %v, want %v", c.expr, d.inject, c.inject)
		}
		found, clip, ok := d.run(c.s, 0, ctxBegin, d.inject, false)
		if !ok || found != c.found || clip != c.clip {
			t.Errorf("%s on %q: found %v clip %d ok %v, want %v %d", c.expr, c.s, found, clip, ok, c.found, c.clip)
		}
	}
}

// TestDFAOutOfStates checks that a dfa out of states says so, and that
// patterns then answer like the regexp still.
func TestDFAOutOfStates(t *testing.T) {
	expr := `\b(?:the|a) [a-z]+ (?:court|judge)\b`
	p := mustCompile(expr)
	p.dfa = newDFA(compileProg(t, expr), false)
	p.dfa.maxStates = 3
	re := regexp.MustCompile(expr)
	unknown := 0
	for _, s := range dfaTexts() {
		if _, _, ok := p.dfa.run(s, 0, ctxBegin, true, true); !ok {
			unknown++
		}
		if got, want := p.FindAllStringSubmatchIndex(s, -1), re.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(got, want) {
			t.Fatalf("on %q: %v, regexp %v", s, got, want)
		}
		if got, want := p.MatchString(s), re.MatchString(s); got != want {
			t.Fatalf("on %q: match %v, regexp %v", s, got, want)
		}
	}
	if unknown == 0 {
		t.Errorf("a dfa of 3 states answered everything")
	}
	if len(p.dfa.states) > 3 {
		t.Errorf("%d states, budget 3", len(p.dfa.states))
	}
}

// TestDFAConcurrent runs a dfa and an ordered dfa from several goroutines
// while they are still making their states: every answer must be the
// regexp's (run with -race to check the tables too).
func TestDFAConcurrent(t *testing.T) {
	expr := `\b(?:sued|suing|backed) (?:[A-Z][a-z]+ ){1,3}(?:in|at)\b`
	prog := compileProg(t, expr)
	d, ends := newDFA(prog, false), newDFA(prog, true)
	re := regexp.MustCompile(expr)
	anchored := regexp.MustCompile(`^(?:` + expr + `)`)
	texts := dfaTexts()
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := range texts {
				s := texts[(k+g*len(texts)/4)%len(texts)]
				found, _, ok := d.run(s, 0, ctxBegin, true, true)
				if ok && found != re.MatchString(s) {
					errs <- s
					return
				}
				for _, i := range []int{0, len(s) / 2} {
					end, ok := ends.runEnd(s[i:], 0, ctxBegin)
					want := -1
					if m := anchored.FindStringIndex(s[i:]); m != nil {
						want = m[1]
					}
					if ok && end != want {
						errs <- s[i:]
						return
					}
				}
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for s := range errs {
		t.Errorf("on %q: a dfa and the regexp disagree", s)
	}
}

// TestDFAClasses checks that bytes share a class only when the program
// cannot tell them apart.
func TestDFAClasses(t *testing.T) {
	d := newDFA(compileProg(t, `\b[a-c]x`), false)
	same := func(a, b byte) bool { return d.class[a] == d.class[b] }
	if !same('a', 'b') || same('a', 'x') || same('a', 'd') || !same('d', 'e') || same('d', ' ') || same(' ', '\n') {
		t.Errorf("classes %v", d.class[:])
	}
	if d.nclass > utf8.RuneSelf {
		t.Errorf("%d classes", d.nclass)
	}
}

// TestASCIIMatches checks the ASCII sets of every character instruction
// of every rule's pattern against runeMatches.
func TestASCIIMatches(t *testing.T) {
	for _, p := range patterns {
		if p.dfa == nil {
			continue
		}
		for i := range p.dfa.prog.Inst {
			inst := &p.dfa.prog.Inst[i]
			switch inst.Op {
			case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			default:
				continue
			}
			set := asciiMatches(inst)
			for c := rune(0); c < utf8.RuneSelf; c++ {
				if got, want := set[c/64]>>(c%64)&1 == 1, runeMatches(inst, c); got != want {
					t.Fatalf("%s: instruction %d on %q: %v, runeMatches %v", p, i, c, got, want)
				}
			}
		}
	}
}

// compileProg compiles expr as Go's regexp does.
func compileProg(t *testing.T, expr string) *syntax.Prog {
	t.Helper()
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	prog, err := syntax.Compile(re.Simplify())
	if err != nil {
		t.Fatal(err)
	}
	return prog
}

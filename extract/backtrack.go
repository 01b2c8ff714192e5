package extract

import (
	"regexp/syntax"
	"sync"
	"unicode/utf8"
)

// A backtracker finds the submatches of the match that starts at a given
// offset of a text, with the answer Go's regexp gives: the first match
// in the order of the expression's preferences (leftmost-first).
//
// It is a depth-first search of the expression's program, the preferred
// branch of each alternation first, that keeps whether it has been at an
// instruction and offset before: a place reached again can only fail
// again, so no work is done twice. Go's regexp does the same for small
// programs but falls back to a slower simulation for programs of more
// than 500 instructions, which several rules have. Here an ASCII
// character is tested with one bit, and a branch is not tried when it
// cannot take the next byte.
//
// Only an instruction that several others lead to can be reached twice
// at one offset, so only those instructions keep their visits. The
// memory for them grows with the text's length, so callers show the
// backtracker only the part of a text a match can reach (see dfa.run).
type backtracker struct {
	prog *syntax.Prog
	inst []btInst
	// lead has, by instruction, the bytes a thread there may consume
	// next (see leadBytes).
	lead []btLead
	rows int // the instructions that keep their visits
	// ncap is the number of submatch indexes: two per group, the whole
	// match included.
	ncap int
}

// btInst is one instruction of the program as the search needs it.
type btInst struct {
	op    syntax.InstOp
	row   int32 // the row of its visits, or -1 when it keeps none
	out   uint32
	arg   uint32
	ascii [2]uint64 // a character instruction's ASCII bytes: bit c%64 of word c/64
}

// btLead is what a thread at an instruction may do next: consume one of
// the bytes of set, or reach a match without consuming any when
// nullable is set.
type btLead struct {
	set      byteSet
	nullable bool
}

// btJob is a place the search goes back to: instruction pc at offset pos,
// or, when restore is set, the old value pos of submatch index pc to put
// back.
type btJob struct {
	pc      uint32
	restore bool
	pos     int
}

// btScratch is the working memory of one search.
type btScratch struct {
	visited []uint64
	jobs    []btJob
	caps    []int
}

var btScratchPool = sync.Pool{New: func() any { return new(btScratch) }}

// newBacktracker returns the backtracker of prog, whose matches have
// ncap submatch indexes.
func newBacktracker(prog *syntax.Prog, ncap int) *backtracker {
	b := &backtracker{prog: prog, inst: make([]btInst, len(prog.Inst)), ncap: ncap}
	// how many instructions lead to each: the start counts as one
	into := make([]int, len(prog.Inst))
	into[prog.Start]++
	for pc := range prog.Inst {
		inst := &prog.Inst[pc]
		switch inst.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			into[inst.Out]++
			into[inst.Arg]++
		case syntax.InstMatch, syntax.InstFail:
		default:
			into[inst.Out]++
		}
	}
	for pc := range prog.Inst {
		inst := &prog.Inst[pc]
		op := inst.Op
		if op == syntax.InstAltMatch {
			op = syntax.InstAlt // the same search; only Go's one-pass matcher tells them apart
		}
		bi := btInst{op: op, row: -1, out: inst.Out, arg: inst.Arg}
		switch op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			bi.ascii = asciiMatches(inst)
		}
		if into[pc] > 1 {
			bi.row = int32(b.rows)
			b.rows++
		}
		b.inst[pc] = bi
	}
	b.lead = leadBytes(prog, b.inst)
	return b
}

// leadBytes works out, for every instruction of prog, the bytes a thread
// there may consume next, passing over branches and assertions (as if
// every assertion held), and whether it may reach a match on the way.
// Any non-ASCII character stands for every byte from 0x80 up. The sets
// are grown from the character instructions (whose ASCII bytes inst
// holds) until no set changes, which also covers loops that consume
// nothing.
func leadBytes(prog *syntax.Prog, inst []btInst) []btLead {
	lead := make([]btLead, len(prog.Inst))
	for pc := range prog.Inst {
		switch prog.Inst[pc].Op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			set := &lead[pc].set
			set[0], set[1] = inst[pc].ascii[0], inst[pc].ascii[1]
			if matchesNonASCII(&prog.Inst[pc]) {
				set[2], set[3] = ^uint64(0), ^uint64(0)
			}
		case syntax.InstMatch:
			lead[pc].nullable = true
		}
	}
	for changed := true; changed; {
		changed = false
		for pc := range prog.Inst {
			in := &prog.Inst[pc]
			l := lead[pc]
			switch in.Op {
			case syntax.InstAlt, syntax.InstAltMatch:
				l.set.union(&lead[in.Out].set)
				l.set.union(&lead[in.Arg].set)
				l.nullable = l.nullable || lead[in.Out].nullable || lead[in.Arg].nullable
			case syntax.InstCapture, syntax.InstNop, syntax.InstEmptyWidth:
				l.set.union(&lead[in.Out].set)
				l.nullable = l.nullable || lead[in.Out].nullable
			default:
				continue
			}
			if l != lead[pc] {
				lead[pc] = l
				changed = true
			}
		}
	}
	return lead
}

// matchesNonASCII reports whether the character instruction inst may
// consume a character outside ASCII: it says yes for any case folding,
// which may lead out of ASCII ("k" to the Kelvin sign).
func matchesNonASCII(inst *syntax.Inst) bool {
	switch inst.Op {
	case syntax.InstRune1:
		return inst.Rune[0] >= utf8.RuneSelf
	case syntax.InstRune:
		if len(inst.Rune) == 0 {
			return false
		}
		if syntax.Flags(inst.Arg)&syntax.FoldCase != 0 {
			return true
		}
		return inst.Rune[len(inst.Rune)-1] >= utf8.RuneSelf
	}
	return true
}

// may reports whether a thread at instruction pc may go on at offset p
// of s: take the byte there, or reach a match.
func (b *backtracker) may(pc uint32, s string, p int) bool {
	l := &b.lead[pc]
	return l.nullable || p < len(s) && l.set.has(s[p])
}

// match returns the submatch indexes of the leftmost-first match that
// starts at offset pos of s, or nil; ctx is the context of the character
// before pos (ctxBegin…). The text ends at the end of s for the
// assertions, as it would for the regexp shown s.
func (b *backtracker) match(s string, pos int, ctx uint8) []int {
	sc := btScratchPool.Get().(*btScratch)
	m := b.search(sc, s, pos, ctx)
	btScratchPool.Put(sc)
	return m
}

// search is match with the working memory sc.
func (b *backtracker) search(sc *btScratch, s string, from int, ctx uint8) []int {
	width := len(s) - from + 1 // the offsets a thread may be at
	words := (b.rows*width + 63) / 64
	if cap(sc.visited) < words {
		sc.visited = make([]uint64, words)
	} else {
		sc.visited = sc.visited[:words]
		clear(sc.visited)
	}
	visited := sc.visited
	insts := b.inst
	if cap(sc.caps) < b.ncap {
		sc.caps = make([]int, b.ncap)
	}
	caps := sc.caps[:b.ncap]
	for i := range caps {
		caps[i] = -1
	}
	caps[0] = from
	jobs := append(sc.jobs[:0], btJob{pc: uint32(b.prog.Start), pos: from})
	for len(jobs) > 0 {
		j := jobs[len(jobs)-1]
		jobs = jobs[:len(jobs)-1]
		if j.restore {
			caps[j.pc] = j.pos
			continue
		}
		// follow one thread until it fails, leaving its other branches
		// and the submatch values to restore on the stack
		pc, p := j.pc, j.pos
	thread:
		for {
			inst := &insts[pc]
			if inst.row >= 0 {
				n := uint(int(inst.row)*width + p - from)
				if visited[n/64]&(1<<(n%64)) != 0 {
					break // been here: it failed then
				}
				visited[n/64] |= 1 << (n % 64)
			}
			switch inst.op {
			case syntax.InstAlt:
				// the preferred branch now, the other later, each
				// only when it can take the next byte
				if b.may(inst.arg, s, p) {
					jobs = append(jobs, btJob{pc: inst.arg, pos: p})
				}
				if !b.may(inst.out, s, p) {
					break thread
				}
				pc = inst.out
			case syntax.InstCapture:
				if int(inst.arg) < len(caps) {
					jobs = append(jobs, btJob{pc: inst.arg, restore: true, pos: caps[inst.arg]})
					caps[inst.arg] = p
				}
				pc = inst.out
			case syntax.InstNop:
				pc = inst.out
			case syntax.InstEmptyWidth:
				if syntax.EmptyOp(inst.arg)&^emptyFlagsAt(s, p, from, ctx) != 0 {
					break thread
				}
				pc = inst.out
			case syntax.InstMatch:
				if len(caps) > 1 {
					caps[1] = p
				}
				sc.jobs = jobs[:0]
				return append([]int(nil), caps...)
			case syntax.InstFail:
				break thread
			default: // a character
				if p >= len(s) {
					break thread
				}
				if c := s[p]; c < utf8.RuneSelf {
					if inst.ascii[c/64]&(1<<(c%64)) == 0 {
						break thread
					}
					p++
				} else {
					r, w := utf8.DecodeRuneInString(s[p:])
					if !runeMatches(&b.prog.Inst[pc], r) {
						break thread
					}
					p += w
				}
				pc = inst.out
			}
		}
	}
	sc.jobs = jobs
	return nil
}

// emptyFlagsAt returns the assertions that hold at offset p of s, where
// the character before offset from has context ctx. Only whether a
// character is an ASCII word character, a line break or nothing matters
// to them, so a byte of a longer character stands for all of it.
func emptyFlagsAt(s string, p, from int, ctx uint8) syntax.EmptyOp {
	before := ctxRune[ctx]
	if p > from {
		before = byteRune(s[p-1])
	}
	after := rune(-1)
	if p < len(s) {
		after = byteRune(s[p])
	}
	return syntax.EmptyOpContext(before, after)
}

// byteRune is b when it is ASCII, else a rune that is neither a word
// character nor a line break, as every character b may be part of is.
func byteRune(b byte) rune {
	if b < utf8.RuneSelf {
		return rune(b)
	}
	return utf8.RuneError
}

package extract

import (
	"regexp/syntax"
	"slices"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// A dfa answers two questions about a compiled expression much faster
// than Go's backtracking and NFA matchers: does a text hold a match, and
// how far into the text can any attempt at a match get. Most tries of a
// rule fail within a few bytes, and a rule that does match need not be
// shown the rest of its sentence (see run).
//
// It is the NFA simulation of the expression's program with its states
// kept: a state is the set of instructions the simulation's threads wait
// at, with what the assertions ("\b", "^", "$") need to know of the
// character before. States and their transitions on ASCII bytes are made
// on first use and kept, so a pattern used on many texts soon runs on
// table lookups alone; a non-ASCII character is worked out each time.
// Only the threads' positions are kept, not their order, which decides
// which of several matches wins: the dfa never picks a match, it only
// tells whether there is one and where every attempt has ended.
//
// A dfa is safe for concurrent use: transitions are read without a lock
// and made under one. The tables hold no pointers, so the garbage
// collector need not walk them. A dfa makes at most maxStates states;
// past that its answers are "unknown" and callers use the regexp alone.
type dfa struct {
	prog *syntax.Prog
	// inject starts a thread at every position (until a match is seen):
	// the expression is not anchored at the start of the text.
	inject bool
	// ordered keeps the threads in the order of their priority and drops
	// those below a thread that reaches a match, as Go's matchers do to
	// find the leftmost-first match: then runEnd finds where that match
	// ends. Without it the threads are a set, which makes fewer states.
	ordered   bool
	class     [utf8.RuneSelf]uint8 // ASCII bytes that every step treats alike share a class
	nclass    int
	maxStates int

	full   atomic.Bool                       // the state budget is spent
	chunks [dfaChunks]atomic.Pointer[dchunk] // the states' tables (see chunkOf)
	starts [4][2]atomic.Uint32               // start transitions by context and injection (0: not made)

	mu     sync.Mutex // guards what follows, and the making of states
	states []dstate
	index  map[uint64]uint32 // state by hash of its key
	seen   []uint32          // closure marks: seen[pc] == mark
	taken  []uint32          // marks of the next state's instructions
	mark   uint32
	stack  []uint32
}

// dchunk holds the tables of a run of states. A transition is 0 while
// unknown, else a step value (see stepValue).
type dchunk struct {
	next    []atomic.Uint32 // by state, then class of the next ASCII byte
	atEnd   []atomic.Uint32 // by state: 0 not known yet, 1 a match ends at the end of the text, 2 none does
	stopped []atomic.Uint32 // by state: the step value of the same threads with no new ones started
}

// dstate is what making transitions needs to know of a state.
type dstate struct {
	pcs     []uint32 // the instructions threads wait at, before following assertions and branches
	ctx     uint8    // what the character before is, for assertions (ctxBegin…)
	inject  bool     // a new thread starts at every position
	matched bool     // a match ended just before the character that led here
}

// A step value names a state and says what run needs at once: bit 0 is
// set when no thread is left and none will start, bit 1 when a match
// ended just before the character that led here; the rest is the state's
// index plus one.
const (
	stepDead    = 1
	stepMatched = 2
)

// stepState returns the index of the state a step value names.
func stepState(v uint32) uint32 { return v>>2 - 1 }

// The contexts a state knows of the character before it.
const (
	ctxBegin   = iota // the start of the text
	ctxNewline        // "\n"
	ctxWord           // an ASCII letter, digit or underscore
	ctxOther          // anything else
)

// maxDFAStates bounds the states one dfa makes. Their tables come in
// chunks of dfaChunk states, made as they are needed.
const (
	maxDFAStates = 4096
	dfaChunk     = 64
	dfaChunks    = maxDFAStates / dfaChunk
)

// dfaSlots counts the transitions all dfas have room for; past
// maxDFASlots (32 MB of tables) no dfa makes more states.
var dfaSlots atomic.Int64

const maxDFASlots = 8 << 20

// chunkOf returns the chunk that holds state id and the state's place in
// it. (Ids stay below maxDFAStates; the modulo only tells the compiler
// that the chunk index is in range.)
func chunkOf(id uint32) (chunk, at uint32) {
	return id / dfaChunk % dfaChunks, id % dfaChunk
}

// ctxRune stands for each context in syntax.EmptyOpContext.
var ctxRune = [...]rune{ctxBegin: -1, ctxNewline: '\n', ctxWord: 'a', ctxOther: ' '}

// contextOf returns the context a character leaves for the next
// position.
func contextOf(r rune) uint8 {
	switch {
	case syntax.IsWordChar(r):
		return ctxWord
	case r == '\n':
		return ctxNewline
	}
	return ctxOther
}

// newDFA returns a dfa for prog, with its threads ordered or not. ASCII
// bytes share a class when every instruction that matches characters
// treats them alike and they leave the same context.
func newDFA(prog *syntax.Prog, ordered bool) *dfa {
	d := emptyDFA(prog, ordered)
	// the ASCII bytes each distinct character instruction matches
	var rows [][2]uint64
	done := map[[2]uint64]bool{}
	for i := range prog.Inst {
		inst := &prog.Inst[i]
		switch inst.Op {
		case syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
		default:
			continue
		}
		row := asciiMatches(inst)
		if !done[row] {
			done[row] = true
			rows = append(rows, row)
		}
	}
	classOf := map[string]uint8{}
	sig := make([]byte, 1+len(rows))
	for c := 0; c < utf8.RuneSelf; c++ {
		sig[0] = contextOf(rune(c))
		for i, row := range rows {
			sig[1+i] = byte(row[c/64] >> (c % 64) & 1)
		}
		id, ok := classOf[string(sig)]
		if !ok {
			id = uint8(len(classOf))
			classOf[string(sig)] = id
		}
		d.class[c] = id
	}
	d.nclass = len(classOf)
	return d
}

// emptyDFA returns a dfa for prog with no byte classes yet.
func emptyDFA(prog *syntax.Prog, ordered bool) *dfa {
	return &dfa{
		prog:      prog,
		inject:    prog.StartCond()&syntax.EmptyBeginText == 0,
		ordered:   ordered,
		maxStates: maxDFAStates,
		index:     map[uint64]uint32{},
		seen:      make([]uint32, len(prog.Inst)),
		taken:     make([]uint32, len(prog.Inst)),
	}
}

// orderedTwin returns a new ordered dfa of d's program, with d's byte
// classes.
func (d *dfa) orderedTwin() *dfa {
	o := emptyDFA(d.prog, true)
	o.class, o.nclass = d.class, d.nclass
	return o
}

// boolByte is 1 for true, 0 for false.
func boolByte(b bool) byte {
	if b {
		return 1
	}
	return 0
}

// asciiMatches returns the set of ASCII bytes (bit c%64 of word c/64)
// the character instruction inst consumes, as runeMatches decides it.
func asciiMatches(inst *syntax.Inst) [2]uint64 {
	var set [2]uint64
	add := func(r rune) {
		if r >= 0 && r < utf8.RuneSelf {
			set[r/64] |= 1 << (r % 64)
		}
	}
	switch inst.Op {
	case syntax.InstRuneAny:
		return [2]uint64{^uint64(0), ^uint64(0)}
	case syntax.InstRuneAnyNotNL:
		return [2]uint64{^uint64(0) &^ (1 << '\n'), ^uint64(0)}
	case syntax.InstRune1:
		add(inst.Rune[0])
	case syntax.InstRune:
		if len(inst.Rune) == 1 {
			// a single character, and its case variants under FoldCase
			r0 := inst.Rune[0]
			add(r0)
			if syntax.Flags(inst.Arg)&syntax.FoldCase != 0 {
				for r := unicode.SimpleFold(r0); r != r0; r = unicode.SimpleFold(r) {
					add(r)
				}
			}
			break
		}
		for i := 0; i+1 < len(inst.Rune); i += 2 {
			for r := inst.Rune[i]; r <= inst.Rune[i+1] && r < utf8.RuneSelf; r++ {
				add(r)
			}
		}
	}
	return set
}

// runeMatches reports whether the character instruction inst consumes
// r, as Go's matchers decide it.
func runeMatches(inst *syntax.Inst, r rune) bool {
	switch inst.Op {
	case syntax.InstRune1:
		return r == inst.Rune[0]
	case syntax.InstRune:
		return inst.MatchRune(r)
	case syntax.InstRuneAny:
		return true
	case syntax.InstRuneAnyNotNL:
		return r != '\n'
	}
	return false
}

// run follows the program over s from offset pos, where ctx is the
// context of the character before pos; inject starts threads at every
// position, else one thread starts at pos. It reports whether a match
// ends somewhere (stopping at the first when stopAtMatch is set), and
// clip: the offset where the last thread died, past the character that
// killed it, or len(s). With inject, threads stop being started once a
// match is seen, so that every match the regexp could choose lies in
// s[:clip], and the regexp's answer on s[:clip] is its answer on s:
// up to clip, every assertion sees the same characters around it. ok is
// false when the dfa has spent its states.
func (d *dfa) run(s string, pos int, ctx uint8, inject, stopAtMatch bool) (found bool, clip int, ok bool) {
	if d.full.Load() {
		return false, 0, false
	}
	v := d.starts[ctx][boolByte(inject)].Load()
	if v == 0 {
		if v = d.start(ctx, inject); v == 0 {
			return false, 0, false
		}
	}
	nclass := uint32(d.nclass)
	for pos < len(s) {
		id := stepState(v)
		var nx uint32
		c := s[pos]
		w := 1
		if c < utf8.RuneSelf {
			cl := uint32(d.class[c])
			k, at := chunkOf(id)
			if nx = d.chunks[k].Load().next[at*nclass+cl].Load(); nx == 0 {
				nx = d.step(id, rune(c), int(cl))
			}
		} else {
			var r rune
			r, w = utf8.DecodeRuneInString(s[pos:])
			nx = d.step(id, r, -1)
		}
		if nx == 0 {
			return false, 0, false
		}
		if nx&stepMatched != 0 {
			found = true
			if stopAtMatch {
				return true, pos, true
			}
			if inject {
				if nx = d.stop(stepState(nx)); nx == 0 {
					return false, 0, false
				}
				inject = false
			}
		}
		pos += w
		v = nx
		if v&stepDead != 0 {
			return found, pos, true
		}
	}
	if !found {
		found = d.matchesAtEnd(stepState(v))
	}
	return found, len(s), true
}

// runEnd follows an ordered dfa over s from offset pos, where ctx is the
// context of the character before pos, with one thread started at pos,
// and returns where the leftmost-first match starting there ends, or -1
// when none does. ok is false when the dfa has spent its states.
func (d *dfa) runEnd(s string, pos int, ctx uint8) (end int, ok bool) {
	if d.full.Load() {
		return -1, false
	}
	v := d.starts[ctx][0].Load()
	if v == 0 {
		if v = d.start(ctx, false); v == 0 {
			return -1, false
		}
	}
	end = -1
	nclass := uint32(d.nclass)
	for pos < len(s) {
		id := stepState(v)
		var nx uint32
		c := s[pos]
		w := 1
		if c < utf8.RuneSelf {
			cl := uint32(d.class[c])
			k, at := chunkOf(id)
			if nx = d.chunks[k].Load().next[at*nclass+cl].Load(); nx == 0 {
				nx = d.step(id, rune(c), int(cl))
			}
		} else {
			var r rune
			r, w = utf8.DecodeRuneInString(s[pos:])
			nx = d.step(id, r, -1)
		}
		if nx == 0 {
			return -1, false
		}
		if nx&stepMatched != 0 {
			end = pos // a later match of a thread above this one wins
		}
		if nx&stepDead != 0 {
			return end, true
		}
		pos += w
		v = nx
	}
	if d.matchesAtEnd(stepState(v)) {
		end = len(s)
	}
	return end, true
}

// start returns the step value of the start state for a context and
// mode, making it when new; 0 when the budget is spent.
func (d *dfa) start(ctx uint8, inject bool) uint32 {
	d.mu.Lock()
	defer d.mu.Unlock()
	slot := &d.starts[ctx][boolByte(inject)]
	if v := slot.Load(); v != 0 {
		return v
	}
	var pcs []uint32
	if !inject {
		pcs = []uint32{uint32(d.prog.Start)}
	}
	v := d.intern(pcs, ctx, inject, false)
	slot.Store(v)
	return v
}

// stop returns the step value of state id's threads with no new ones
// started.
func (d *dfa) stop(id uint32) uint32 {
	k, at := chunkOf(id)
	slot := &d.chunks[k].Load().stopped[at]
	if v := slot.Load(); v != 0 {
		return v
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	st := d.states[id]
	v := d.intern(st.pcs, st.ctx, false, st.matched)
	slot.Store(v)
	return v
}

// step returns the step value of the state after state id on character
// r, and keeps it as the transition of class cl (an ASCII byte's class;
// -1 for none). It returns 0 when the budget is spent.
func (d *dfa) step(id uint32, r rune, cl int) uint32 {
	d.mu.Lock()
	defer d.mu.Unlock()
	var slot *atomic.Uint32
	if cl >= 0 {
		k, at := chunkOf(id)
		slot = &d.chunks[k].Load().next[int(at)*d.nclass+cl]
		if v := slot.Load(); v != 0 {
			return v
		}
	}
	st := d.states[id]
	matched, pcs := d.follow(st, r)
	v := d.intern(pcs, contextOf(r), st.inject, matched)
	if slot != nil {
		slot.Store(v)
	}
	return v
}

// follow runs st's threads (and a new one when st injects) through
// branches and assertions at a position followed by the character r. It
// reports whether a thread reaches a match there, and where the threads
// wait after consuming r: in order of instruction for a set, in order of
// priority for an ordered dfa. The caller holds d.mu.
//
// An ordered dfa follows the threads as Go's NFA adds them: each in
// turn, depth first, the preferred branch of an alternation first, an
// instruction reached before taken no further; the threads below the
// first to reach a match are dropped.
func (d *dfa) follow(st dstate, r rune) (matched bool, next []uint32) {
	flags := syntax.EmptyOpContext(ctxRune[st.ctx], r)
	d.mark++
	if d.mark == 0 { // wrapped: clear the marks
		clear(d.seen)
		clear(d.taken)
		d.mark = 1
	}
	stack := d.stack[:0]
	if st.inject {
		stack = append(stack, uint32(d.prog.Start)) // the lowest priority
	}
	for i := len(st.pcs) - 1; i >= 0; i-- {
		stack = append(stack, st.pcs[i]) // the first on top
	}
	for len(stack) > 0 && !(matched && d.ordered) {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if d.seen[pc] == d.mark {
			continue
		}
		d.seen[pc] = d.mark
		inst := &d.prog.Inst[pc]
		switch inst.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, inst.Arg, inst.Out)
		case syntax.InstCapture, syntax.InstNop:
			stack = append(stack, inst.Out)
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(inst.Arg)&^flags == 0 {
				stack = append(stack, inst.Out)
			}
		case syntax.InstMatch:
			matched = true
		case syntax.InstFail:
		default:
			if runeMatches(inst, r) && d.taken[inst.Out] != d.mark {
				d.taken[inst.Out] = d.mark
				next = append(next, inst.Out)
			}
		}
	}
	d.stack = stack
	if !d.ordered {
		slices.Sort(next)
	}
	return matched, next
}

// matchesAtEnd reports whether one of state id's threads reaches a match
// at the end of the text, working it out once.
func (d *dfa) matchesAtEnd(id uint32) bool {
	k, at := chunkOf(id)
	slot := &d.chunks[k].Load().atEnd[at]
	switch slot.Load() {
	case 1:
		return true
	case 2:
		return false
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	st := d.states[id]
	flags := syntax.EmptyOpContext(ctxRune[st.ctx], -1)
	d.mark++
	if d.mark == 0 {
		clear(d.seen)
		clear(d.taken)
		d.mark = 1
	}
	stack := append(d.stack[:0], st.pcs...)
	if st.inject {
		stack = append(stack, uint32(d.prog.Start))
	}
	matched := false
	for len(stack) > 0 && !matched {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if d.seen[pc] == d.mark {
			continue
		}
		d.seen[pc] = d.mark
		inst := &d.prog.Inst[pc]
		switch inst.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, inst.Arg, inst.Out)
		case syntax.InstCapture, syntax.InstNop:
			stack = append(stack, inst.Out)
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(inst.Arg)&^flags == 0 {
				stack = append(stack, inst.Out)
			}
		case syntax.InstMatch:
			matched = true
		}
	}
	d.stack = stack
	if matched {
		slot.Store(1)
	} else {
		slot.Store(2)
	}
	return matched
}

// intern returns the step value of the state of these threads, making
// the state if it is new; 0 when the budget is spent. The caller holds
// d.mu.
func (d *dfa) intern(pcs []uint32, ctx uint8, inject, matched bool) uint32 {
	key := stateHash(pcs, ctx, inject, matched)
	if id, ok := d.index[key]; ok {
		st := d.states[id]
		if st.ctx == ctx && st.inject == inject && st.matched == matched && slices.Compare(st.pcs, pcs) == 0 {
			return d.stepValue(id)
		}
		// a clash of hashes: the new state goes unindexed
	}
	id := uint32(len(d.states))
	if int(id) >= d.maxStates {
		d.full.Store(true)
		return 0
	}
	if k, at := chunkOf(id); at == 0 {
		n := uint32(dfaChunk)
		if dfaSlots.Add(int64(n)*int64(d.nclass)) > maxDFASlots {
			d.full.Store(true)
			return 0
		}
		d.chunks[k].Store(&dchunk{
			next:    make([]atomic.Uint32, int(n)*d.nclass),
			atEnd:   make([]atomic.Uint32, n),
			stopped: make([]atomic.Uint32, n),
		})
	}
	d.states = append(d.states, dstate{pcs: slices.Clone(pcs), ctx: ctx, inject: inject, matched: matched})
	if _, ok := d.index[key]; !ok {
		d.index[key] = id
	}
	return d.stepValue(id)
}

// stepValue returns the step value of state id.
func (d *dfa) stepValue(id uint32) uint32 {
	st := &d.states[id]
	v := (id + 1) << 2
	if len(st.pcs) == 0 && !st.inject {
		v |= stepDead
	}
	if st.matched {
		v |= stepMatched
	}
	return v
}

// stateHash hashes what tells states apart (FNV-1a).
func stateHash(pcs []uint32, ctx uint8, inject, matched bool) uint64 {
	const prime = 1099511628211
	h := uint64(14695981039346656037)
	h = (h ^ uint64(ctx)) * prime
	h = (h ^ uint64(boolByte(inject))) * prime
	h = (h ^ uint64(boolByte(matched))) * prime
	for _, pc := range pcs {
		h = (h ^ uint64(pc)) * prime
	}
	return h
}

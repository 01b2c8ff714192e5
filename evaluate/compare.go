package evaluate

import (
	"fmt"
	"strings"

	"github.com/amicus-graph/amicus/facts"
)

// Fact types scored by Compare, in the order tables print them.
const (
	TypeParties    = "parties"
	TypeCourts     = "courts"
	TypeJudges     = "judges"
	TypeSupporters = "supporters"
	TypeGrounds    = "grounds"
	TypeArguments  = "arguments"
	TypePrecedents = "precedents"
	TypeRulings    = "rulings"
)

// Types lists every fact type scored, in table order.
var Types = []string{TypeParties, TypeCourts, TypeJudges, TypeSupporters,
	TypeGrounds, TypeArguments, TypePrecedents, TypeRulings}

// Counts are the true positives, false positives and false negatives of one
// fact type.
type Counts struct {
	TP, FP, FN int
}

// Add returns the sum of c and o.
func (c Counts) Add(o Counts) Counts {
	return Counts{c.TP + o.TP, c.FP + o.FP, c.FN + o.FN}
}

// Precision is TP/(TP+FP), or 1 when nothing was extracted.
func (c Counts) Precision() float64 {
	if c.TP+c.FP == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FP)
}

// Recall is TP/(TP+FN), or 1 when the gold has nothing.
func (c Counts) Recall() float64 {
	if c.TP+c.FN == 0 {
		return 1
	}
	return float64(c.TP) / float64(c.TP+c.FN)
}

// F1 is the harmonic mean of precision and recall.
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Band is a range of confidence [Lo, Hi) (Hi inclusive for the last band)
// with how many extracted facts in it were right (TP) and wrong (FP).
type Band struct {
	Lo, Hi float64
	TP, FP int
}

// Precision is the share of facts in the band that were right, or 1 when
// the band is empty.
func (b Band) Precision() float64 {
	if b.TP+b.FP == 0 {
		return 1
	}
	return float64(b.TP) / float64(b.TP+b.FP)
}

// BandEdges are the lower edges of the confidence bands: [0,0.5),
// [0.5,0.8) and [0.8,1].
var BandEdges = []float64{0, 0.5, 0.8}

func newBands() []Band {
	bands := make([]Band, len(BandEdges))
	for i, lo := range BandEdges {
		hi := 1.0
		if i+1 < len(BandEdges) {
			hi = BandEdges[i+1]
		}
		bands[i] = Band{Lo: lo, Hi: hi}
	}
	return bands
}

func bandOf(bands []Band, conf float64) *Band {
	for i := len(bands) - 1; i >= 0; i-- {
		if conf >= bands[i].Lo {
			return &bands[i]
		}
	}
	return &bands[0]
}

// Result is the score of one article.
type Result struct {
	Article string
	// Counts per fact type, keyed by the Type constants.
	Counts map[string]Counts
	// Misses describe gold facts that were not extracted, Extras extracted
	// facts that are not in the gold; each starts with its fact type.
	Misses []string
	Extras []string
	// Bands counts extracted facts that were right and wrong by confidence.
	Bands []Band
}

// names is a set of name keys that all denote one thing.
type names map[string]bool

func (n names) meets(o names) bool {
	for k := range n {
		if o[k] {
			return true
		}
	}
	return false
}

func keysOf(ss ...string) names {
	n := names{}
	for _, s := range ss {
		if k := facts.Key(s); k != "" {
			n[k] = true
		}
	}
	return n
}

// nameBook expands a name to every alias of the entity that bears it.
type nameBook [][]string

func (b nameBook) expand(name string) names {
	k := facts.Key(name)
	if k == "" {
		return names{}
	}
	for _, group := range b {
		if keysOf(group...)[k] {
			return keysOf(group...)
		}
	}
	return keysOf(name)
}

// comparer holds the name books of one document and its gold.
type comparer struct {
	doc, gold nameBook
	res       *Result
}

// Compare scores doc against g.
func Compare(doc facts.Document, g Gold) Result {
	res := Result{Article: g.Article, Counts: map[string]Counts{}, Bands: newBands()}
	if res.Article == "" {
		res.Article = doc.Article.Source
	}
	c := comparer{res: &res}
	for _, p := range doc.Parties {
		c.doc = append(c.doc, append([]string{p.Name}, p.Aliases...))
	}
	for _, ct := range doc.Courts {
		c.doc = append(c.doc, append([]string{ct.Name}, ct.Aliases...))
	}
	for _, p := range g.Parties {
		c.gold = append(c.gold, append([]string{p.Name}, p.Aliases...))
	}
	for _, ct := range g.Courts {
		c.gold = append(c.gold, append([]string{ct.Name}, ct.Aliases...))
	}
	c.parties(doc, g)
	c.courts(doc, g)
	c.judges(doc, g)
	c.supporters(doc, g)
	c.arguments(doc, g)
	c.precedents(doc, g)
	c.rulings(doc, g)
	return res
}

// same reports whether a document name and a gold name denote the same
// thing; two empty names are the same.
func (c *comparer) same(docName, goldName string) bool {
	if strings.TrimSpace(docName) == "" || strings.TrimSpace(goldName) == "" {
		return strings.TrimSpace(docName) == "" && strings.TrimSpace(goldName) == ""
	}
	return c.doc.expand(docName).meets(c.gold.expand(goldName))
}

// pairUp matches gold items to document items one to one: first pairs
// that strong accepts, then pairs that weak accepts. It returns, for each
// gold item, the index of its document item or -1.
func pairUp(nGold, nDoc int, strong, weak func(gi, di int) bool) []int {
	match := make([]int, nGold)
	used := make([]bool, nDoc)
	for i := range match {
		match[i] = -1
	}
	for _, ok := range []func(int, int) bool{strong, weak} {
		if ok == nil {
			continue
		}
		for gi := 0; gi < nGold; gi++ {
			if match[gi] >= 0 {
				continue
			}
			for di := 0; di < nDoc; di++ {
				if !used[di] && ok(gi, di) {
					match[gi], used[di] = di, true
					break
				}
			}
		}
	}
	return match
}

// tally records the outcome of one fact type: counts, misses, extras and
// confidence bands.
func (c *comparer) tally(typ string, match []int, nDoc int, goldDesc func(int) string, docDesc func(int) string, conf func(int) float64) {
	var n Counts
	used := make([]bool, nDoc)
	for gi, di := range match {
		if di >= 0 {
			n.TP++
			used[di] = true
			if conf != nil {
				bandOf(c.res.Bands, conf(di)).TP++
			}
		} else {
			n.FN++
			c.res.Misses = append(c.res.Misses, typ+": "+goldDesc(gi))
		}
	}
	for di := 0; di < nDoc; di++ {
		if !used[di] {
			n.FP++
			c.res.Extras = append(c.res.Extras, typ+": "+docDesc(di))
			if conf != nil {
				bandOf(c.res.Bands, conf(di)).FP++
			}
		}
	}
	c.res.Counts[typ] = c.res.Counts[typ].Add(n)
}

func (c *comparer) parties(doc facts.Document, g Gold) {
	var ps []facts.Party
	for _, p := range doc.Parties {
		if p.Side != "" {
			ps = append(ps, p)
		}
	}
	match := pairUp(len(g.Parties), len(ps),
		func(gi, di int) bool {
			return keysOf(ps[di].Name).meets(keysOf(append([]string{g.Parties[gi].Name}, g.Parties[gi].Aliases...)...)) ||
				keysOf(g.Parties[gi].Name).meets(keysOf(append([]string{ps[di].Name}, ps[di].Aliases...)...))
		},
		func(gi, di int) bool { return c.same(ps[di].Name, g.Parties[gi].Name) })
	c.tally(TypeParties, match, len(ps),
		func(i int) string { return fmt.Sprintf("%s (side %s)", g.Parties[i].Name, g.Parties[i].Side) },
		func(i int) string {
			return fmt.Sprintf("%s (side %s, aliases %s)", ps[i].Name, ps[i].Side, strings.Join(ps[i].Aliases, "; "))
		},
		func(i int) float64 { return ps[i].Confidence })
	// Sides: two gold parties on opposite sides must be on opposite sides
	// in the document too.
	for a := range g.Parties {
		for b := a + 1; b < len(g.Parties); b++ {
			da, db := match[a], match[b]
			if da < 0 || db < 0 {
				continue
			}
			goldSame := g.Parties[a].Side == g.Parties[b].Side
			docSame := ps[da].Side == ps[db].Side
			if goldSame != docSame {
				c.res.Misses = append(c.res.Misses, fmt.Sprintf("%s: %s and %s should be on %s sides", TypeParties,
					g.Parties[a].Name, g.Parties[b].Name, map[bool]string{true: "the same", false: "opposite"}[goldSame]))
			}
		}
	}
}

func (c *comparer) courts(doc facts.Document, g Gold) {
	cs := doc.Courts
	match := pairUp(len(g.Courts), len(cs),
		func(gi, di int) bool {
			return keysOf(cs[di].Name).meets(keysOf(append([]string{g.Courts[gi].Name}, g.Courts[gi].Aliases...)...)) ||
				keysOf(g.Courts[gi].Name).meets(keysOf(append([]string{cs[di].Name}, cs[di].Aliases...)...))
		},
		func(gi, di int) bool { return c.same(cs[di].Name, g.Courts[gi].Name) })
	c.tally(TypeCourts, match, len(cs),
		func(i int) string { return g.Courts[i].Name },
		func(i int) string {
			return fmt.Sprintf("%s (aliases %s)", cs[i].Name, strings.Join(cs[i].Aliases, "; "))
		},
		func(i int) float64 { return cs[i].Confidence })
}

func (c *comparer) judges(doc facts.Document, g Gold) {
	js := doc.Judges
	match := pairUp(len(g.Judges), len(js), nil,
		func(gi, di int) bool { return keysOf(js[di].Name).meets(keysOf(g.Judges[gi].Name)) })
	c.tally(TypeJudges, match, len(js),
		func(i int) string { return fmt.Sprintf("%s (%s)", g.Judges[i].Name, g.Judges[i].Court) },
		func(i int) string { return fmt.Sprintf("%s (%s)", js[i].Name, js[i].Court) },
		func(i int) float64 { return js[i].Confidence })
}

func (c *comparer) supporters(doc facts.Document, g Gold) {
	ss := doc.Supports
	gs := g.Supporters
	match := pairUp(len(gs), len(ss), nil, func(gi, di int) bool {
		return c.same(ss[di].Supporter, gs[gi].Supporter) && c.same(ss[di].Supported, gs[gi].Supports)
	})
	describe := func(sup, supd, via string) string {
		if supd == "" {
			supd = "(side not stated)"
		}
		if via != "" {
			via = " via " + via
		}
		return fmt.Sprintf("%s supports %s%s", sup, supd, via)
	}
	c.tally(TypeSupporters, match, len(ss),
		func(i int) string { return describe(gs[i].Supporter, gs[i].Supports, gs[i].Via) },
		func(i int) string { return describe(ss[i].Supporter, ss[i].Supported, ss[i].Via) },
		func(i int) float64 { return ss[i].Confidence })

	// Grounds: gold supporters with grounds whose matched support has one.
	var n Counts
	used := make([]bool, len(ss))
	for gi, di := range match {
		if di >= 0 {
			used[di] = true
		}
		switch {
		case gs[gi].Grounds == "":
			if di >= 0 && len(ss[di].Grounds) > 0 {
				n.FP++
				c.res.Extras = append(c.res.Extras, fmt.Sprintf("%s: %s: %q", TypeGrounds, gs[gi].Supporter, ss[di].Grounds[0].Claim))
			}
		case di >= 0 && len(ss[di].Grounds) > 0:
			n.TP++
		default:
			n.FN++
			c.res.Misses = append(c.res.Misses, fmt.Sprintf("%s: %s: %q", TypeGrounds, gs[gi].Supporter, gs[gi].Grounds))
		}
	}
	for di, s := range ss {
		if !used[di] && len(s.Grounds) > 0 {
			n.FP++
			c.res.Extras = append(c.res.Extras, fmt.Sprintf("%s: %s: %q", TypeGrounds, s.Supporter, s.Grounds[0].Claim))
		}
	}
	c.res.Counts[TypeGrounds] = c.res.Counts[TypeGrounds].Add(n)
}

// hasEvidence reports whether one of ev quotes the sentence.
func hasEvidence(ev []facts.Evidence, sentence string) bool {
	want := FoldEvidence(sentence)
	for _, e := range ev {
		if FoldEvidence(e.Quote) == want {
			return true
		}
	}
	return false
}

func (c *comparer) arguments(doc facts.Document, g Gold) {
	as := doc.Arguments
	ga := g.Arguments
	match := pairUp(len(ga), len(as), nil, func(gi, di int) bool {
		return c.same(as[di].By, ga[gi].By) && hasEvidence(as[di].Evidence, ga[gi].Evidence)
	})
	c.tally(TypeArguments, match, len(as),
		func(i int) string { return fmt.Sprintf("%s: %q", ga[i].By, ga[i].Evidence) },
		func(i int) string {
			q := ""
			if len(as[i].Evidence) > 0 {
				q = as[i].Evidence[0].Quote
			}
			return fmt.Sprintf("%s: %q", as[i].By, q)
		},
		func(i int) float64 { return as[i].Confidence })
}

func (c *comparer) precedents(doc facts.Document, g Gold) {
	ps := doc.Precedents
	gp := g.Precedents
	match := pairUp(len(gp), len(ps), nil, func(gi, di int) bool {
		return keysOf(ps[di].Name, ps[di].Citation).meets(keysOf(gp[gi].Name, gp[gi].Citation))
	})
	c.tally(TypePrecedents, match, len(ps),
		func(i int) string { return fmt.Sprintf("%s (%s)", gp[i].Name, gp[i].Kind) },
		func(i int) string { return fmt.Sprintf("%s (%s)", ps[i].Name, ps[i].Kind) },
		func(i int) float64 { return ps[i].Confidence })
}

func (c *comparer) rulings(doc facts.Document, g Gold) {
	rs := doc.Rulings
	gr := g.Rulings
	match := pairUp(len(gr), len(rs), nil, func(gi, di int) bool {
		return c.same(rs[di].Court, gr[gi].Court) && c.same(rs[di].Favors, gr[gi].Favors)
	})
	c.tally(TypeRulings, match, len(rs),
		func(i int) string { return fmt.Sprintf("%s for %s: %s", gr[i].Court, orNone(gr[i].Favors), gr[i].What) },
		func(i int) string {
			return fmt.Sprintf("%s for %s: %s", rs[i].Court, orNone(rs[i].Favors), rs[i].Summary)
		},
		func(i int) float64 { return rs[i].Confidence })
}

func orNone(s string) string {
	if s == "" {
		return "no one"
	}
	return s
}

package extract_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/amicus-graph/amicus/evaluate"
	"github.com/amicus-graph/amicus/facts"
)

// seed extracts one seed article and loads its gold, skipping the test
// when the seeds are not beside the repository.
func seed(t *testing.T, prefix string) (facts.Document, evaluate.Gold) {
	t.Helper()
	paths, _ := filepath.Glob(filepath.Join(seedDir, prefix+"_*.txt"))
	if len(paths) != 1 {
		t.Skipf("seed %s not found in %s", prefix, seedDir)
	}
	name := filepath.Base(paths[0])
	g, err := evaluate.LoadGold(filepath.Join(seedGoldDir, strings.TrimSuffix(name, ".txt")+".gold.json"))
	if err != nil {
		t.Fatal(err)
	}
	return extractFile(t, paths[0]), g
}

func findParty(doc facts.Document, name string) *facts.Party {
	for i, p := range doc.Parties {
		if facts.Key(p.Name) == facts.Key(name) {
			return &doc.Parties[i]
		}
	}
	return nil
}

func hasAlias(p *facts.Party, alias string) bool {
	for _, a := range p.Aliases {
		if facts.Key(a) == facts.Key(alias) {
			return true
		}
	}
	return false
}

// checkEvidence verifies every quote against the text offsets.
func checkEvidence(t *testing.T, doc facts.Document) {
	t.Helper()
	text := []rune(doc.Article.Text)
	check := func(what string, ev []facts.Evidence) {
		if len(ev) == 0 {
			t.Errorf("%s has no evidence", what)
		}
		for _, e := range ev {
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End || string(text[e.Start:e.End]) != e.Quote {
				t.Errorf("%s: evidence %d:%d does not quote %q", what, e.Start, e.End, e.Quote)
			}
		}
	}
	for _, x := range doc.Parties {
		check("party "+x.Name, x.Evidence)
	}
	for _, x := range doc.Courts {
		check("court "+x.Name, x.Evidence)
	}
	for _, x := range doc.Judges {
		check("judge "+x.Name, x.Evidence)
	}
	for _, x := range doc.Precedents {
		check("precedent "+x.Name, x.Evidence)
	}
	for _, x := range doc.Arguments {
		check("argument by "+x.By, x.Evidence)
	}
	for _, x := range doc.Supports {
		check("support by "+x.Supporter, x.Evidence)
		for _, g := range x.Grounds {
			check("ground of "+x.Supporter, g.Evidence)
		}
	}
	for _, x := range doc.Rulings {
		check("ruling of "+x.Court, x.Evidence)
	}
	for _, x := range doc.Cases {
		check("case "+x.Name, x.Evidence)
	}
	if doc.Article.ID != facts.ArticleID(doc.Article.Text) {
		t.Errorf("article ID %s is not derived from the text", doc.Article.ID)
	}
}

// checkParties checks the parties bar common to both seeds: the two
// litigants on opposite sides, every gold alias resolved, no stray party.
func checkParties(t *testing.T, doc facts.Document, g evaluate.Gold) {
	t.Helper()
	aliases := map[string][]string{}
	for _, p := range g.Parties {
		aliases[p.Name] = p.Aliases
	}
	ms, gov := findParty(doc, "Microsoft"), findParty(doc, "U.S. government")
	if ms == nil || gov == nil {
		t.Fatalf("parties %v: want Microsoft and U.S. government", doc.Parties)
	}
	if ms.Side == "" || gov.Side == "" || ms.Side == gov.Side {
		t.Errorf("sides: Microsoft %q, U.S. government %q; want opposite sides", ms.Side, gov.Side)
	}
	for name, as := range aliases {
		p := findParty(doc, name)
		if p == nil {
			t.Errorf("no party %s", name)
			continue
		}
		for _, a := range as {
			if !hasAlias(p, a) {
				t.Errorf("%s: alias %q not resolved (aliases %q)", name, a, p.Aliases)
			}
		}
	}
	for _, p := range doc.Parties {
		for _, bad := range []string{"Reuters", "Europe", "Digital Constitution", "European Union", "Ireland"} {
			if facts.Key(p.Name) == facts.Key(bad) {
				t.Errorf("%q is no party", p.Name)
			}
		}
	}
}

// checkArguments: every gold argument found, with few extras.
func checkArguments(t *testing.T, doc facts.Document, g evaluate.Gold) {
	t.Helper()
	r := evaluate.Compare(doc, g)
	n := r.Counts[evaluate.TypeArguments]
	if n.FN > 0 || n.FP > 1 {
		t.Errorf("arguments: %+v; misses %q; extras %q", n, r.Misses, r.Extras)
	}
}

func TestSeed000(t *testing.T) {
	doc, g := seed(t, "000")
	checkEvidence(t, doc)
	checkParties(t, doc, g)
	checkArguments(t, doc, g)
	if len(doc.Courts) != 2 {
		t.Fatalf("courts %+v: want the district court in New York and the Second Circuit", doc.Courts)
	}
	var district, circuit bool
	for _, c := range doc.Courts {
		district = district || c.Level == "district" && c.Place == "New York"
		circuit = circuit || c.Level == "appeals" && c.Place == "Second Circuit"
	}
	if !district || !circuit {
		t.Errorf("courts %+v: want the district court in New York and the Second Circuit", doc.Courts)
	}
	if len(doc.Supports) != 0 {
		t.Errorf("supports %+v: want none", doc.Supports)
	}
	if doc.Article.Publisher != g.Publisher || g.Publisher == "" {
		t.Errorf("publisher %q", doc.Article.Publisher)
	}
}

func TestSeed002(t *testing.T) {
	doc, g := seed(t, "002")
	checkEvidence(t, doc)
	checkParties(t, doc, g)
	checkArguments(t, doc, g)
	if len(doc.Courts) != 1 || facts.Key(doc.Courts[0].Name) != facts.Key("New York court") {
		t.Errorf("courts %+v: want one New York court", doc.Courts)
	}
	if doc.Article.Author != g.Author || g.Author == "" {
		t.Errorf("author %q", doc.Article.Author)
	}

	// Supporters: exactly the gold ones (Verizon, Apple, AT&T, Cisco),
	// each backing Microsoft, via what the gold says, with grounds close
	// to the gold's and the gold evidence sentence.
	gold := map[string]evaluate.GoldSupporter{}
	for _, s := range g.Supporters {
		gold[facts.Key(s.Supporter)] = s
	}
	if len(gold) != 4 || len(doc.Supports) != len(gold) {
		t.Errorf("%d supports, want %d: %+v", len(doc.Supports), len(gold), doc.Supports)
	}
	for _, s := range doc.Supports {
		w, ok := gold[facts.Key(s.Supporter)]
		if !ok {
			t.Errorf("unexpected supporter %q", s.Supporter)
			continue
		}
		if facts.Key(s.Supported) != facts.Key(w.Supports) || s.Via != w.Via {
			t.Errorf("%s supports %q via %q; want %q via %q", s.Supporter, s.Supported, s.Via, w.Supports, w.Via)
		}
		if len(s.Grounds) == 0 || overlap(s.Grounds[0].Claim, w.Grounds) < 0.5 {
			t.Errorf("%s grounds %+v; want ≈ %q", s.Supporter, s.Grounds, w.Grounds)
		}
		if evaluate.FoldEvidence(s.Evidence[0].Quote) != evaluate.FoldEvidence(w.Evidence) {
			t.Errorf("%s evidence %q; want %q", s.Supporter, s.Evidence[0].Quote, w.Evidence)
		}
	}
}

// overlap is the share of the content words of want that got contains.
func overlap(got, want string) float64 {
	words := strings.Fields(strings.ToLower(want))
	have := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(got)) {
		have[strings.Trim(w, ".,")] = true
	}
	n, hit := 0, 0
	for _, w := range words {
		w = strings.Trim(w, ".,")
		if len(w) <= 3 {
			continue
		}
		n++
		if have[w] {
			hit++
		}
	}
	if n == 0 {
		return 1
	}
	return float64(hit) / float64(n)
}

func TestSeedFilesExist(t *testing.T) {
	if _, err := os.Stat(seedDir); err != nil {
		t.Skip("no seeds")
	}
}

package evaluate

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/amicus-graph/amicus/facts"
)

const goldJSON = `{
  "article": "x.txt",
  "parties": [
    {"name": "Globex", "aliases": ["the logistics giant"], "side": "A"},
    {"name": "U.S. government", "aliases": ["prosecutors", "the Justice Department"], "side": "B"}
  ],
  "courts": [{"name": "District court in Chicago", "aliases": ["the court"]}],
  "judges": [{"name": "Maria Lopez", "court": "District court in Chicago"}],
  "cases": ["Globex v. U.S. government"],
  "supporters": [
    {"supporter": "Initech", "supports": "Globex", "via": "amicus brief", "grounds": "cloud investment would suffer", "evidence": "Initech filed a brief."},
    {"supporter": "Hooli", "supports": null, "via": null, "grounds": null, "evidence": "Hooli filed a brief."}
  ],
  "arguments": [{"by": "Globex", "claim": "c", "evidence": "Globex’s  lawyers argued that “the law” is old."}],
  "precedents": [{"name": "Stored Communications Act", "kind": "statute"}],
  "rulings": [{"court": "District court in Chicago", "favors": "U.S. government", "what": "ordered Globex to comply", "date": "March 3"}]
}`

func loadTestGold(t *testing.T) Gold {
	t.Helper()
	path := filepath.Join(t.TempDir(), "x.gold.json")
	if err := os.WriteFile(path, []byte(goldJSON), 0o644); err != nil {
		t.Fatal(err)
	}
	g, err := LoadGold(path)
	if err != nil {
		t.Fatal(err)
	}
	return g
}

func ev(q string) []facts.Evidence { return []facts.Evidence{{Quote: q}} }

func TestLoadGold(t *testing.T) {
	g := loadTestGold(t)
	if g.Supporters[1].Supports != "" || g.Supporters[1].Grounds != "" || len(g.Cases) != 1 || g.Cases[0].Name != "Globex v. U.S. government" {
		t.Errorf("gold %+v", g)
	}
	if _, err := LoadGold(filepath.Join(t.TempDir(), "missing.json")); err == nil {
		t.Error("no error for a missing file")
	}
}

func TestCompare(t *testing.T) {
	g := loadTestGold(t)
	doc := facts.Document{
		Parties: []facts.Party{
			{Name: "Globex Corp.", Aliases: []string{"The logistics giant"}, Side: "A", Confidence: 0.9},
			{Name: "US government", Aliases: []string{"Prosecutors"}, Side: "B", Confidence: 0.9},
			{Name: "Initech", Confidence: 0.9}, // a supporter: not scored as a litigant
			{Name: "Reuters", Side: "B", Confidence: 0.3},
		},
		Courts: []facts.Court{{Name: "District Court in Chicago", Confidence: 0.9}},
		Judges: []facts.Judge{{Name: "Maria Lopez", Confidence: 0.9}},
		Supports: []facts.Support{
			{Supporter: "Initech Inc.", Supported: "the logistics giant", Grounds: []facts.Ground{{Claim: "g"}}, Confidence: 0.9},
			{Supporter: "Hooli", Supported: "Globex", Confidence: 0.6}, // side guessed: wrong
		},
		Arguments: []facts.Argument{
			{By: "Globex", Evidence: ev(`Globex's lawyers argued that "the law" is old.`), Confidence: 0.85},
			{By: "prosecutors", Evidence: ev("Something else."), Confidence: 0.6},
		},
		Precedents: []facts.Precedent{{Name: "the Stored Communications Act", Kind: "statute", Confidence: 0.9}},
		Rulings:    []facts.Ruling{{Court: "the court", Favors: "Prosecutors", Confidence: 0.7}},
	}
	r := Compare(doc, g)
	want := map[string]Counts{
		TypeParties:    {TP: 2, FP: 1},
		TypeCourts:     {TP: 1},
		TypeJudges:     {TP: 1},
		TypeSupporters: {TP: 1, FP: 1, FN: 1},
		TypeGrounds:    {TP: 1},
		TypeArguments:  {TP: 1, FP: 1},
		TypePrecedents: {TP: 1},
		TypeRulings:    {TP: 1},
	}
	for typ, w := range want {
		if r.Counts[typ] != w {
			t.Errorf("%s: %+v, want %+v", typ, r.Counts[typ], w)
		}
	}
	if len(r.Misses) != 1 || !strings.Contains(r.Misses[0], "Hooli supports (side not stated)") {
		t.Errorf("misses %q", r.Misses)
	}
	if len(r.Extras) != 3 {
		t.Errorf("extras %q", r.Extras)
	}
	// bands: the 0.3 party is a wrong fact in the lowest band
	if r.Bands[0].FP != 1 || r.Bands[0].TP != 0 {
		t.Errorf("bands %+v", r.Bands)
	}
}

func TestSidesChecked(t *testing.T) {
	g := loadTestGold(t)
	doc := facts.Document{Parties: []facts.Party{{Name: "Globex", Side: "A"}, {Name: "U.S. government", Side: "A"}}}
	r := Compare(doc, g)
	found := false
	for _, m := range r.Misses {
		found = found || strings.Contains(m, "opposite sides")
	}
	if !found {
		t.Errorf("misses %q", r.Misses)
	}
}

func TestSummaryAndTable(t *testing.T) {
	g := loadTestGold(t)
	r1 := Compare(facts.Document{}, g)
	r2 := Compare(facts.Document{Parties: []facts.Party{{Name: "Globex", Side: "A", Confidence: 0.9}}}, g)
	s := Summarize([]Result{r1, r2})
	if s.Articles != 2 || s.Counts[TypeParties] != (Counts{TP: 1, FN: 3}) {
		t.Errorf("summary %+v", s)
	}
	if p := s.Counts[TypeParties].Precision(); p != 1 {
		t.Errorf("precision %v", p)
	}
	if r := s.Counts[TypeParties].Recall(); r != 0.25 {
		t.Errorf("recall %v", r)
	}
	var b strings.Builder
	if err := FormatTable(&b, s); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"parties", "rulings", "precision", "[0.8,1.0]", "articles: 2"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("table lacks %q:\n%s", want, b.String())
		}
	}
}

func TestFoldEvidence(t *testing.T) {
	if FoldEvidence(" “A”\u00a0 b’s — c ") != `"A" b's - c` {
		t.Errorf("%q", FoldEvidence(" “A”\u00a0 b’s — c "))
	}
}

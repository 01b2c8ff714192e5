package extract_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/amicus-graph/amicus/evaluate"
	"github.com/amicus-graph/amicus/extract"
	"github.com/amicus-graph/amicus/facts"
	"github.com/amicus-graph/amicus/loader"
)

// Paths of the seed articles and of the examples, relative to this package.
const (
	seedDir        = "../../shared/seeds"
	seedGoldDir    = "../../shared/gold"
	exampleDir     = "../examples/articles"
	exampleGoldDir = "../examples/gold"
)

// extractFile runs the extractor on an article file, read (and turned
// into plain text) by the loader.
func extractFile(t testing.TB, path string) facts.Document {
	t.Helper()
	item, err := loader.Read(context.Background(), path)
	if err != nil {
		t.Fatal(err)
	}
	if item.Input == nil {
		t.Fatalf("%s: not an article", path)
	}
	in := *item.Input
	in.Source = filepath.Base(path)
	doc, err := extract.Extract(in)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// scoreDir extracts every article of dir that has a gold file in goldDir.
func scoreDir(t *testing.T, dir, goldDir string) ([]evaluate.Result, bool) {
	golds, _ := filepath.Glob(filepath.Join(goldDir, "*.gold.json"))
	if len(golds) == 0 {
		return nil, false
	}
	var results []evaluate.Result
	for _, gp := range golds {
		g, err := evaluate.LoadGold(gp)
		if err != nil {
			t.Errorf("%s: %v", gp, err)
			continue
		}
		name := g.Article
		if name == "" {
			name = strings.TrimSuffix(filepath.Base(gp), ".gold.json") + ".txt"
		}
		_ = name
		path := filepath.Join(dir, name)
		if _, err := os.Stat(path); err != nil {
			continue
		}
		doc := extractFile(t, path)
		if os.Getenv("AMICUS_DUMP") != "" {
			b, _ := json.MarshalIndent(doc, "", "  ")
			os.WriteFile(filepath.Join(os.Getenv("AMICUS_DUMP"), strings.TrimSuffix(name, filepath.Ext(name))+".json"), b, 0o644)
		}
		r := evaluate.Compare(doc, g)
		results = append(results, r)
		if testing.Verbose() {
			for _, m := range r.Misses {
				t.Logf("%s MISS  %s", name, m)
			}
			for _, e := range r.Extras {
				t.Logf("%s EXTRA %s", name, e)
			}
		}
	}
	return results, len(results) > 0
}

// TestExamples reports scores on the examples corpus; the floors they
// may not fall below are checked through `amicus eval` (eval_test.go).
func TestExamples(t *testing.T) {
	results, ok := scoreDir(t, exampleDir, exampleGoldDir)
	if !ok {
		t.Skip("no examples with gold")
	}
	var b strings.Builder
	evaluate.FormatTable(&b, evaluate.Summarize(results))
	t.Logf("examples:\n%s", b.String())
}

// TestHeldout reports scores on the held-out articles, when there are
// any: articles the rules were not written against.
func TestHeldout(t *testing.T) {
	results, ok := scoreDir(t, "../examples/heldout/articles", "../examples/heldout/gold")
	if !ok {
		t.Skip("no held-out articles with gold")
	}
	var b strings.Builder
	evaluate.FormatTable(&b, evaluate.Summarize(results))
	t.Logf("held-out:\n%s", b.String())
}

// TestSeedScores reports scores on the seeds.
func TestSeedScores(t *testing.T) {
	results, ok := scoreDir(t, seedDir, seedGoldDir)
	if !ok {
		t.Skip("no seeds")
	}
	var b strings.Builder
	evaluate.FormatTable(&b, evaluate.Summarize(results))
	t.Logf("seeds:\n%s", b.String())
}

// BenchmarkExtractCorpus extracts every example article and seed; it
// reports MB/s of article text.
func BenchmarkExtractCorpus(b *testing.B) {
	var inputs []extract.Input
	var size int64
	for _, pattern := range []string{filepath.Join(exampleDir, "*"), filepath.Join(seedDir, "*.txt")} {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			item, err := loader.Read(context.Background(), p)
			if err != nil || item.Input == nil {
				continue
			}
			inputs = append(inputs, *item.Input)
			size += int64(len(item.Input.Text))
		}
	}
	if len(inputs) == 0 {
		b.Skip("no corpus")
	}
	b.SetBytes(size)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		for _, in := range inputs {
			if _, err := extract.Extract(in); err != nil {
				b.Fatal(err)
			}
		}
	}
}

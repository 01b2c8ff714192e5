package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/amicus-graph/amicus/evaluate"
	"github.com/amicus-graph/amicus/loader"
)

// evalCommand runs `amicus eval`: it extracts the facts of every article in
// a directory (with the extractor --extractor names), compares them with
// the hand-made gold annotations, and prints each article's misses and
// extras and a table of scores.
func evalCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("eval", flag.ContinueOnError)
	extractor := extractorFlag(fs)
	goldDir := fs.String("gold", "", "directory of NAME.gold.json files (default: the directory \"gold\" beside DIR; for a folder holding \"articles\" and \"gold\", those two)")
	quiet := fs.Bool("quiet", false, "print only the table of scores")
	var requires multiFlag
	fs.Var(&requires, "require", "fail unless a score reaches a floor, as TYPE.METRIC=VALUE with METRIC precision, recall or f1, e.g. supporters.f1=0.9 (repeatable)")
	dirs, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(dirs) != 1 {
		return usageError{"name one directory of articles"}
	}
	floors, err := parseFloors(requires)
	if err != nil {
		return err
	}
	extractFn, err := chooseExtractor(ctx, *extractor, stderr)
	if err != nil {
		return err
	}
	dir := dirs[0]
	if *goldDir == "" {
		dir, *goldDir = evalFolders(dir)
	}
	sources, errs := loader.Expand([]string{dir})
	if len(errs) > 0 {
		return errors.Join(errs...)
	}
	l := &loader.Loader{Extract: extractFn}
	var results []evaluate.Result
	var unreadable []string
	for _, source := range sources {
		if strings.EqualFold(filepath.Ext(source), ".json") {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(source), filepath.Ext(source))
		goldPath := filepath.Join(*goldDir, name+".gold.json")
		if _, err := os.Stat(goldPath); err != nil {
			fmt.Fprintf(stdout, "%s: no gold annotation at %s, skipped\n", source, goldPath)
			continue
		}
		gold, err := evaluate.LoadGold(goldPath)
		if err != nil {
			return fmt.Errorf("%s: %w", goldPath, err)
		}
		doc, err := l.Document(ctx, source)
		if err != nil {
			fmt.Fprintf(stdout, "%s\n  error   %v\n", filepath.Base(source), err)
			unreadable = append(unreadable, filepath.Base(source))
			continue
		}
		result := evaluate.Compare(doc, gold)
		result.Article = filepath.Base(source)
		results = append(results, result)
		if !*quiet && (len(result.Misses) > 0 || len(result.Extras) > 0) {
			fmt.Fprintf(stdout, "%s\n", result.Article)
			for _, m := range result.Misses {
				fmt.Fprintf(stdout, "  missed  %s\n", m)
			}
			for _, e := range result.Extras {
				fmt.Fprintf(stdout, "  extra   %s\n", e)
			}
		}
	}
	if len(results) == 0 {
		return fmt.Errorf("%s: no article has a gold annotation in %s", dir, *goldDir)
	}
	summary := evaluate.Summarize(results)
	fmt.Fprintf(stdout, "\n%d articles in %s, gold in %s\n\n", summary.Articles, dir, *goldDir)
	if err := evaluate.FormatTable(stdout, summary); err != nil {
		return err
	}
	var failed []string
	for _, f := range floors {
		if got := f.score(summary); got < f.value {
			failed = append(failed, fmt.Sprintf("%s.%s is %.2f, below %.2f", f.kind, f.metric, got, f.value))
		}
	}
	if len(unreadable) > 0 {
		failed = append(failed, fmt.Sprintf("%d articles could not be scored (%s)", len(unreadable), strings.Join(unreadable, ", ")))
	}
	if len(failed) > 0 {
		return fmt.Errorf("%s", strings.Join(failed, "; "))
	}
	return nil
}

// floor is a minimum score given with --require.
type floor struct {
	kind   string // a fact type, or "all"
	metric string // precision, recall or f1
	value  float64
}

func (f floor) score(s evaluate.Summary) float64 {
	counts := s.Counts[f.kind]
	if f.kind == "all" {
		counts = s.Total()
	}
	switch f.metric {
	case "precision":
		return counts.Precision()
	case "recall":
		return counts.Recall()
	}
	return counts.F1()
}

func parseFloors(requires []string) ([]floor, error) {
	known := map[string]bool{"all": true}
	for _, t := range evaluate.Types {
		known[t] = true
	}
	var floors []floor
	for _, r := range requires {
		target, value, ok := strings.Cut(r, "=")
		kind, metric, ok2 := strings.Cut(target, ".")
		v, err := strconv.ParseFloat(value, 64)
		if !ok || !ok2 || err != nil || !known[kind] || (metric != "precision" && metric != "recall" && metric != "f1") {
			return nil, usageError{fmt.Sprintf("--require %q: write TYPE.METRIC=VALUE, TYPE one of %s or all, METRIC precision, recall or f1", r, strings.Join(evaluate.Types, ", "))}
		}
		floors = append(floors, floor{kind: kind, metric: metric, value: v})
	}
	return floors, nil
}

// evalFolders gives where eval reads articles and their gold when
// --gold is not given: a set's folder holding "articles" and "gold" (as
// examples/heldout does) means those two; any other folder is the
// articles, with their gold in the folder "gold" beside it (as beside
// examples/articles).
func evalFolders(dir string) (articles, gold string) {
	isDir := func(path string) bool {
		info, err := os.Stat(path)
		return err == nil && info.IsDir()
	}
	if isDir(filepath.Join(dir, "articles")) && isDir(filepath.Join(dir, "gold")) {
		return filepath.Join(dir, "articles"), filepath.Join(dir, "gold")
	}
	return dir, filepath.Join(filepath.Dir(filepath.Clean(dir)), "gold")
}

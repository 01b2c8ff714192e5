package main

import (
	"strings"
	"testing"
)

// issueTargets are the extraction targets on the dev corpus (issue 3:
// supporters F1 0.9, grounds found for 0.85 of the supporters whose
// grounds the text gives, courts precision and recall 0.9, arguments
// attributed to the right party recall 0.8, precedents recall 0.9). The
// test fails when the rules fall below any of them.
var issueTargets = []string{
	"supporters.f1=0.9",
	"grounds.recall=0.85",
	"courts.precision=0.9",
	"courts.recall=0.9",
	"arguments.recall=0.8",
	"precedents.recall=0.9",
}

// regressionFloors guard the other scores: the dev corpus's scores when
// they were last raised, less 0.03.
var regressionFloors = []string{
	"parties.f1=0.86",
	"judges.f1=0.94",
	"rulings.f1=0.38",
	"all.f1=0.83",
}

// heldOutFloors guard the articles the rules were not tuned on, which
// matter most: what users bring is unseen text.
var heldOutFloors = []string{
	"supporters.f1=0.84",
	"courts.recall=0.89",
	"arguments.recall=0.70",
	"precedents.recall=0.92",
	"all.f1=0.78",
}

// unseenFloors guard the articles written and annotated after the rules'
// last change (examples/unseen): their first scores less 0.03. They are
// far below the dev corpus's, which is the honest measure of how the rules
// do on new text; they may only be raised by changes not made for them.
var unseenFloors = []string{
	"supporters.f1=0.62",
	"courts.recall=0.79",
	"precedents.recall=0.51",
	"all.f1=0.51",
}

// unseen2Floors do the same for examples/unseen2, which replaced
// examples/unseen as the unseen measure once rules were written after
// reading the first set's misses.
var unseen2Floors = []string{
	"supporters.f1=0.60",
	"courts.recall=0.97",
	"precedents.recall=0.77",
	"all.f1=0.60",
}

// unseen3Floors do the same for examples/unseen3, written after rules
// were drawn from the misses on both earlier unseen sets.
var unseen3Floors = []string{
	"supporters.f1=0.64",
	"courts.recall=0.47",
	"precedents.recall=0.72",
	"all.f1=0.57",
}

// TestEvalFloors runs `amicus eval` on each example set with its targets
// and floors, and checks that a floor above the scores fails.
func TestEvalFloors(t *testing.T) {
	for _, set := range []struct {
		name, dir string
		floors    []string
	}{
		{"the dev corpus (targets and regression floors)", "examples/articles", append(append([]string{}, issueTargets...), regressionFloors...)},
		{"the held-out articles", "examples/heldout/articles", heldOutFloors},
		{"the unseen articles", "examples/unseen/articles", unseenFloors},
		{"the second unseen set", "examples/unseen2/articles", unseen2Floors},
		{"the third unseen set", "examples/unseen3/articles", unseen3Floors},
	} {
		args := []string{"eval", set.dir, "--quiet"}
		for _, f := range set.floors {
			args = append(args, "--require", f)
		}
		stdout, stderr, code := amicus(t, args...)
		if code != 0 {
			t.Fatalf("extraction fell below a floor on %s (exit %d):\n%s\n%s", set.name, code, stdout, stderr)
		}
		t.Logf("scores on %s:\n%s", set.name, stdout)
	}

	// A set's folder, holding articles and gold, scores as its articles
	// folder does (the header names the articles folder either way).
	byArticles, stderr, code := amicus(t, "eval", "examples/heldout/articles", "--quiet")
	bySet, setErr, setCode := amicus(t, "eval", "examples/heldout", "--quiet")
	if code != 0 || setCode != 0 || bySet != byArticles {
		t.Errorf("eval of the held-out set's folder (exit %d) differs from eval of its articles (exit %d):\n%s\n%s\n%s\n%s",
			setCode, code, bySet, setErr, byArticles, stderr)
	}

	stdout, stderr, code := amicus(t, "eval", "examples/articles", "--quiet", "--require", "supporters.f1=0.99")
	if code == 0 || !strings.Contains(stdout+stderr, "supporters") {
		t.Errorf("eval with a floor above the scores exited %d:\n%s\n%s", code, stdout, stderr)
	}
}

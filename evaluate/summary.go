package evaluate

import (
	"fmt"
	"io"
	"text/tabwriter"
)

// Summary aggregates the results of many articles.
type Summary struct {
	Articles int
	// Counts per fact type, keyed by the Type constants.
	Counts map[string]Counts
	Bands  []Band
}

// Summarize adds up results.
func Summarize(results []Result) Summary {
	s := Summary{Counts: map[string]Counts{}, Bands: newBands()}
	for _, r := range results {
		s.Articles++
		for t, n := range r.Counts {
			s.Counts[t] = s.Counts[t].Add(n)
		}
		for i := range r.Bands {
			if i < len(s.Bands) {
				s.Bands[i].TP += r.Bands[i].TP
				s.Bands[i].FP += r.Bands[i].FP
			}
		}
	}
	return s
}

// Total is the sum of the counts of every fact type.
func (s Summary) Total() Counts {
	var t Counts
	for _, n := range s.Counts {
		t = t.Add(n)
	}
	return t
}

// FormatTable prints s as a plain text table: one row per fact type with
// its counts, precision, recall and F1, then precision by confidence band.
func FormatTable(w io.Writer, s Summary) error {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintf(tw, "type\tTP\tFP\tFN\tprecision\trecall\tF1\t\n")
	row := func(name string, n Counts) {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%.2f\t%.2f\t%.2f\t\n", name, n.TP, n.FP, n.FN, n.Precision(), n.Recall(), n.F1())
	}
	for _, t := range Types {
		row(t, s.Counts[t])
	}
	row("all", s.Total())
	fmt.Fprintf(tw, "\t\t\t\t\t\t\t\n")
	fmt.Fprintf(tw, "confidence\tTP\tFP\t\tprecision\t\t\t\n")
	for i, b := range s.Bands {
		closing := ")"
		if i == len(s.Bands)-1 {
			closing = "]"
		}
		fmt.Fprintf(tw, "[%.1f,%.1f%s\t%d\t%d\t\t%.2f\t\t\t\n", b.Lo, b.Hi, closing, b.TP, b.FP, b.Precision())
	}
	fmt.Fprintf(tw, "articles: %d\t\t\t\t\t\t\t\n", s.Articles)
	return tw.Flush()
}

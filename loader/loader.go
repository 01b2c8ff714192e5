package loader

import (
	"context"
	"fmt"
	"time"

	"github.com/amicus-graph/amicus/extract"
	"github.com/amicus-graph/amicus/facts"
)

// ExtractFunc finds the facts in one article.
type ExtractFunc func(extract.Input) (facts.Document, error)

// Loader reads articles, extracts their facts and writes them.
type Loader struct {
	// Extract finds facts in article text; extract.Extract by default.
	Extract ExtractFunc
	// Writer writes each article's facts in one transaction.
	Writer facts.Writer
}

// Report is what loading one source did.
type Report struct {
	Source   string
	Title    string
	Result   facts.LoadResult
	Err      error
	Duration time.Duration
}

// Document reads one source and returns its facts, extracting them unless
// the source is already a facts document.
func (l *Loader) Document(ctx context.Context, source string) (facts.Document, error) {
	item, err := Read(ctx, source)
	if err != nil {
		return facts.Document{}, err
	}
	return l.documentOf(item)
}

func (l *Loader) documentOf(item Item) (facts.Document, error) {
	if item.Document != nil {
		return *item.Document, nil
	}
	extractFn := l.Extract
	if extractFn == nil {
		extractFn = extract.Extract
	}
	doc, err := extractFn(*item.Input)
	if err != nil {
		return facts.Document{}, fmt.Errorf("%s: extracting facts: %w", item.Source, err)
	}
	if err := doc.Validate(); err != nil {
		// The extractor's output must always be valid; say so plainly.
		return facts.Document{}, fmt.Errorf("%s: the extractor produced invalid facts (a bug): %w", item.Source, err)
	}
	return doc, nil
}

// LoadInput extracts and writes one article given as text.
func (l *Loader) LoadInput(ctx context.Context, in extract.Input) (facts.LoadResult, error) {
	doc, err := l.documentOf(Item{Source: in.Source, Input: &in})
	if err != nil {
		return facts.LoadResult{}, err
	}
	return l.Writer.WriteDocument(ctx, doc)
}

// LoadSource reads, extracts and writes one source.
func (l *Loader) LoadSource(ctx context.Context, source string) Report {
	start := time.Now()
	report := Report{Source: source}
	doc, err := l.Document(ctx, source)
	if err == nil {
		report.Title = doc.Article.Title
		report.Result, err = l.Writer.WriteDocument(ctx, doc)
		if err != nil {
			err = fmt.Errorf("%s: writing to the graph: %w", source, err)
		}
	}
	report.Err = err
	report.Duration = time.Since(start)
	return report
}

// LoadAll loads every source in turn, calling progress after each one. A
// source that fails is reported and skipped; the others still load. It
// stops early only when ctx is cancelled.
func (l *Loader) LoadAll(ctx context.Context, sources []string, progress func(Report)) []Report {
	reports := make([]Report, 0, len(sources))
	for _, source := range sources {
		if ctx.Err() != nil {
			break
		}
		report := l.LoadSource(ctx, source)
		reports = append(reports, report)
		if progress != nil {
			progress(report)
		}
	}
	return reports
}

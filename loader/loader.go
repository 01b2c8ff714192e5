package loader

import (
	"context"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"time"

	"github.com/amicus-graph/amicus/extract"
	"github.com/amicus-graph/amicus/facts"
	"github.com/amicus-graph/amicus/neo4jstore"
)

// ExtractFunc finds the facts in one article.
type ExtractFunc func(extract.Input) (facts.Document, error)

// Loader reads articles, extracts their facts and writes them.
type Loader struct {
	// Extract finds facts in article text; extract.Extract by default.
	Extract ExtractFunc
	// Writer writes each article's facts in one transaction.
	Writer facts.Writer
	// BatchSize is how many articles LoadAll writes in one transaction;
	// DefaultBatchSize when zero.
	BatchSize int
}

// Report is what loading one source did.
type Report struct {
	Source string
	Title  string
	Result facts.LoadResult
	Err    error
	// Duration is the time spent on this source: Extracting plus Writing.
	Duration time.Duration
	// Extracting is the time spent reading the source and finding its facts.
	Extracting time.Duration
	// Writing is the time spent writing its facts; for an article written
	// in a batch, its share of the batch's write.
	Writing time.Duration
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

// BatchWriter writes many articles' facts in one transaction (see
// neo4jstore.Store.WriteDocuments). A Writer that is also a BatchWriter
// is given LoadAll's articles in batches.
type BatchWriter interface {
	WriteDocuments(ctx context.Context, docs []facts.Document) ([]facts.LoadResult, error)
}

// DefaultBatchSize is how many articles LoadAll writes in one transaction
// when Loader.BatchSize is not set.
const DefaultBatchSize = 500

// extracted is one source read and its facts found, or why not.
type extracted struct {
	report Report
	doc    facts.Document
}

// LoadAll loads every source, calling progress after each one, in the
// order of sources. Sources are read and extracted in parallel, one
// worker per CPU; their facts are written in batches of BatchSize
// articles, one transaction per batch, when the Writer can (see
// BatchWriter), while the next batch is being extracted. A source that
// fails is reported and skipped; the others still load. It stops early
// only when ctx is cancelled.
func (l *Loader) LoadAll(ctx context.Context, sources []string, progress func(Report)) []Report {
	size := l.BatchSize
	if size <= 0 {
		size = DefaultBatchSize
	}
	batches := make(chan []extracted, 1)
	go func() {
		defer close(batches)
		for start := 0; start < len(sources) && ctx.Err() == nil; start += size {
			batches <- l.extractAll(ctx, sources[start:min(start+size, len(sources))])
		}
	}()
	reports := make([]Report, 0, len(sources))
	for batch := range batches {
		if ctx.Err() != nil {
			continue // drain, so the extracting goroutine ends
		}
		l.writeBatch(ctx, batch)
		for _, item := range batch {
			reports = append(reports, item.report)
			if progress != nil {
				progress(item.report)
			}
		}
	}
	return reports
}

// extractAll reads and extracts sources in parallel, keeping their order.
func (l *Loader) extractAll(ctx context.Context, sources []string) []extracted {
	out := make([]extracted, len(sources))
	next := make(chan int)
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), len(sources)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				start := time.Now()
				doc, err := l.Document(ctx, sources[i])
				took := time.Since(start)
				out[i] = extracted{doc: doc, report: Report{Source: sources[i], Title: doc.Article.Title, Err: err, Duration: took, Extracting: took}}
			}
		}()
	}
	for i := range sources {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// writeBatch writes the facts of a batch's extracted sources and fills in
// their reports. When the batch cannot be written as a whole, each
// article is written on its own, so one bad article fails alone.
func (l *Loader) writeBatch(ctx context.Context, batch []extracted) {
	var docs []facts.Document
	var index []int // batch index of each of docs
	for i, item := range batch {
		if item.report.Err == nil {
			docs = append(docs, item.doc)
			index = append(index, i)
		}
	}
	if len(docs) == 0 {
		return
	}
	if bw, ok := l.Writer.(BatchWriter); ok && len(docs) > 1 {
		start := time.Now()
		results, err := bw.WriteDocuments(ctx, docs)
		var invalid *neo4jstore.InvalidDocumentsError
		if err == nil || errors.As(err, &invalid) {
			share := time.Since(start) / time.Duration(len(docs))
			for n, i := range index {
				batch[i].report.Result = results[n]
				batch[i].report.Writing = share
				batch[i].report.Duration = batch[i].report.Extracting + share
			}
			if invalid != nil {
				for _, d := range invalid.Documents {
					r := &batch[index[d.Index]].report
					r.Result = facts.LoadResult{}
					r.Err = fmt.Errorf("%s: writing to the graph: %w", r.Source, d.Err)
				}
			}
			return
		}
	}
	for _, i := range index {
		start := time.Now()
		result, err := l.Writer.WriteDocument(ctx, batch[i].doc)
		r := &batch[i].report
		r.Result = result
		if err != nil {
			r.Err = fmt.Errorf("%s: writing to the graph: %w", r.Source, err)
		}
		r.Writing = time.Since(start)
		r.Duration = r.Extracting + r.Writing
	}
}

// Package loader turns articles into graph facts: it reads article files,
// directories and URLs, has the extractor find the facts in each article,
// and writes each article's facts to the graph in one transaction.
package loader

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/amicus-graph/amicus/extract"
	"github.com/amicus-graph/amicus/facts"
)

// MaxArticleBytes is the largest article file or page read.
const MaxArticleBytes = 20 << 20

// Formats of the files the loader reads.
const (
	FormatText     = "text"
	FormatMarkdown = "markdown"
	FormatHTML     = "html"
	FormatFacts    = "facts" // a facts.Document as JSON, e.g. from `amicus extract`
)

// formatByExtension maps file name endings to formats.
var formatByExtension = map[string]string{
	".txt":      FormatText,
	".text":     FormatText,
	".md":       FormatMarkdown,
	".markdown": FormatMarkdown,
	".html":     FormatHTML,
	".htm":      FormatHTML,
	".json":     FormatFacts,
}

// Item is one article read from a source: either text for the extractor or
// a document of facts ready to write.
type Item struct {
	// Source is the file path or URL read.
	Source string
	Format string
	// Input is set for text, Markdown and HTML sources.
	Input *extract.Input
	// Document is set for facts documents.
	Document *facts.Document
}

// IsURL reports whether a source names an http or https URL.
func IsURL(source string) bool {
	u, err := url.Parse(source)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}

// Expand turns the paths a user gave into the sources to read: a directory
// stands for every article file below it, in name order; files and URLs
// stand for themselves. Paths that cannot be read are reported as errors
// naming them, and the rest are still returned.
func Expand(paths []string) ([]string, []error) {
	var sources []string
	var errs []error
	for _, path := range paths {
		if IsURL(path) {
			sources = append(sources, path)
			continue
		}
		info, err := os.Stat(path)
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", path, cleanPathError(err)))
			continue
		}
		if !info.IsDir() {
			sources = append(sources, path)
			continue
		}
		var found []string
		err = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				errs = append(errs, fmt.Errorf("%s: %w", p, cleanPathError(err)))
				return nil
			}
			if d.IsDir() {
				if p != path && strings.HasPrefix(d.Name(), ".") {
					return fs.SkipDir
				}
				return nil
			}
			if _, ok := formatByExtension[strings.ToLower(filepath.Ext(p))]; ok && !strings.HasPrefix(d.Name(), ".") {
				found = append(found, p)
			}
			return nil
		})
		if err != nil {
			errs = append(errs, fmt.Errorf("%s: %w", path, err))
		}
		if len(found) == 0 {
			errs = append(errs, fmt.Errorf("%s: no article files (.txt, .md, .html, .json) in this directory", path))
		}
		sort.Strings(found)
		sources = append(sources, found...)
	}
	return sources, errs
}

// cleanPathError drops the path from an *fs.PathError: messages name the
// path already.
func cleanPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// Read reads one source: a file or an http(s) URL.
func Read(ctx context.Context, source string) (Item, error) {
	if IsURL(source) {
		return readURL(ctx, source)
	}
	format, ok := formatByExtension[strings.ToLower(filepath.Ext(source))]
	if !ok {
		return Item{}, fmt.Errorf("%s: unknown kind of file %q (expected .txt, .md, .html or .json)", source, filepath.Ext(source))
	}
	f, err := os.Open(source)
	if err != nil {
		return Item{}, fmt.Errorf("%s: %w", source, cleanPathError(err))
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return Item{}, fmt.Errorf("%s: %w", source, cleanPathError(err))
	}
	if info.Size() > MaxArticleBytes {
		return Item{}, fmt.Errorf("%s: the file is %s, over the %s limit for one article", source, sizeText(info.Size()), sizeText(MaxArticleBytes))
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxArticleBytes+1))
	if err != nil {
		return Item{}, fmt.Errorf("%s: %w", source, err)
	}
	return parse(source, format, data, "")
}

// readURL fetches a page and reads it by its content type.
func readURL(ctx context.Context, source string) (Item, error) {
	ctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, source, nil)
	if err != nil {
		return Item{}, fmt.Errorf("%s: %w", source, err)
	}
	req.Header.Set("User-Agent", "amicus-loader/1")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return Item{}, fmt.Errorf("%s: %w", source, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return Item{}, fmt.Errorf("%s: the server answered %s", source, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, MaxArticleBytes+1))
	if err != nil {
		return Item{}, fmt.Errorf("%s: %w", source, err)
	}
	if len(data) > MaxArticleBytes {
		return Item{}, fmt.Errorf("%s: the page is over the %s limit for one article", source, sizeText(MaxArticleBytes))
	}
	format := FormatHTML
	mediaType, _, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	switch {
	case mediaType == "text/markdown" || strings.HasSuffix(strings.ToLower(req.URL.Path), ".md"):
		format = FormatMarkdown
	case mediaType == "text/plain":
		format = FormatText
	case mediaType == "application/json":
		format = FormatFacts
	}
	return parse(source, format, data, source)
}

// parse checks that data is article text and turns it into an Item.
func parse(source, format string, data []byte, pageURL string) (Item, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return Item{}, fmt.Errorf("%s: the file is empty", source)
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return Item{}, fmt.Errorf("%s: the file is binary (it contains NUL bytes), not an article", source)
	}
	if !utf8.Valid(data) {
		return Item{}, fmt.Errorf("%s: the file is not valid UTF-8 text (first bad byte at offset %d)", source, firstInvalid(data))
	}
	data = bytes.TrimPrefix(data, []byte("\uFEFF"))
	item := Item{Source: source, Format: format}
	switch format {
	case FormatFacts:
		doc, err := decodeDocument(data)
		if err != nil {
			return Item{}, fmt.Errorf("%s: %w", source, err)
		}
		if doc.Article.Source == "" {
			doc.Article.Source = source
		}
		item.Document = &doc
	case FormatHTML:
		in, err := htmlInput(data, pageURL)
		if err != nil {
			return Item{}, fmt.Errorf("%s: %w", source, err)
		}
		in.Source = source
		item.Input = &in
	case FormatMarkdown:
		in := markdownInput(string(data))
		in.Source, in.URL = source, pageURL
		item.Input = &in
	default:
		item.Input = &extract.Input{Source: source, URL: pageURL, Text: string(data)}
	}
	if item.Input != nil && strings.TrimSpace(item.Input.Text) == "" {
		return Item{}, fmt.Errorf("%s: no article text found", source)
	}
	return item, nil
}

// decodeDocument reads a facts document strictly: unknown fields are
// mistakes in a hand-edited file, and are reported.
func decodeDocument(data []byte) (facts.Document, error) {
	var doc facts.Document
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&doc); err != nil {
		return doc, fmt.Errorf("not a facts document (as written by `amicus extract`): %v", err)
	}
	if err := doc.Validate(); err != nil {
		return doc, fmt.Errorf("the facts document is not valid: %w", err)
	}
	return doc, nil
}

func firstInvalid(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size == 1 {
			return i
		}
		i += size
	}
	return -1
}

func sizeText(n int64) string {
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

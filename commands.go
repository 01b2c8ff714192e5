package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/amicus-graph/amicus/api"
	"github.com/amicus-graph/amicus/llmextract"
	"github.com/amicus-graph/amicus/loader"
	"github.com/mattn/go-isatty"
	"github.com/schollz/progressbar/v3"
)

// serveCommand runs `amicus serve`.
func serveCommand(ctx context.Context, args []string, stderr io.Writer, logger *slog.Logger) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	var g graphFlags
	g.register(fs)
	addr := fs.String("addr", "127.0.0.1:8080", "address to serve HTTP on")
	var loads multiFlag
	fs.Var(&loads, "load", "load articles from this file, directory or URL before serving (repeatable)")
	offlineAssets := fs.String("offline-assets", "", "serve the playground's GraphiQL and React from this directory instead of a CDN")
	production := fs.Bool("production", false, "turn off introspection and the playground, and refuse to start without AMICUS_TOKEN")
	var corsOrigins multiFlag
	fs.Var(&corsOrigins, "cors-origin", "let browsers on this origin (e.g. https://app.example.org, or *) call the API (repeatable)")
	extractor := extractorFlag(fs)
	memoryLimit := memoryLimitFlag(fs)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(rest) > 0 {
		return usageError{fmt.Sprintf("unexpected argument %q (did you mean --load %s?)", rest[0], rest[0])}
	}
	if err := applyMemoryLimit(*memoryLimit); err != nil {
		return err
	}
	extractFn, err := chooseExtractor(ctx, *extractor, stderr)
	if err != nil {
		return err
	}
	token := os.Getenv("AMICUS_TOKEN")
	if *production && token == "" {
		return errors.New("--production needs AMICUS_TOKEN set: mutations must not be open to anyone")
	}
	// Check the playground's files before anything starts.
	if *offlineAssets != "" {
		if err := api.CheckPlaygroundAssets(*offlineAssets); err != nil {
			return err
		}
	}
	// Claim the HTTP address first, so a busy port fails before Neo4j starts.
	listener, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("cannot listen on %s: %v (choose another with --addr)", *addr, err)
	}
	defer listener.Close()

	conn, err := openGraph(ctx, g, stderr, logger)
	if err != nil {
		return err
	}
	defer conn.Close()
	logger.Info("graph ready", "neo4j", conn.where)
	go func() {
		// Plan the write statements now rather than at the first article.
		warmCtx, cancel := context.WithTimeout(ctx, 2*time.Minute)
		defer cancel()
		if err := conn.store.WarmUp(warmCtx); err != nil {
			logger.Debug("warming up the write path", "error", err)
		}
	}()

	metrics := api.NewMetrics()
	if len(loads) > 0 {
		if failed := loadSources(ctx, conn, loads, extractFn, io.Discard, stderr, metrics.ArticleLoaded); failed > 0 {
			logger.Warn("some articles could not be loaded; serving the rest", "failed", failed)
		}
	}
	if ctx.Err() != nil {
		return nil
	}

	handler, err := api.NewHandler(conn.store, logger, api.Options{
		OfflineAssets: *offlineAssets,
		CORSOrigins:   corsOrigins,
		Metrics:       metrics,
		Load:          (&loader.Loader{Writer: conn.store, Extract: extractFn}).LoadInput,
		Editor:        conn.store,
		Token:         token,
		Production:    *production,
	})
	if err != nil {
		return err
	}
	server := &http.Server{
		Handler:           handler,
		ReadHeaderTimeout: 10 * time.Second,
		BaseContext:       func(net.Listener) context.Context { return context.WithoutCancel(ctx) },
	}
	served := make(chan error, 1)
	go func() { served <- server.Serve(listener) }()
	logger.Info("serving", "graphql", "http://"+listener.Addr().String()+"/query",
		"playground", "http://"+listener.Addr().String()+"/", "explorer", "http://"+listener.Addr().String()+"/explore",
		"bolt", conn.store.URI())

	select {
	case err := <-served:
		return err
	case <-ctx.Done():
	}
	logger.Info("shutting down")
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 15*time.Second)
	defer cancel()
	if err := server.Shutdown(shutdownCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		logger.Warn("HTTP shutdown", "error", err)
	}
	return nil
}

// loadCommand runs `amicus load`.
func loadCommand(ctx context.Context, args []string, stdout, stderr io.Writer, logger *slog.Logger) error {
	fs := flag.NewFlagSet("load", flag.ContinueOnError)
	var g graphFlags
	g.register(fs)
	extractor := extractorFlag(fs)
	paths, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return usageError{"name at least one article file, directory or URL"}
	}
	extractFn, err := chooseExtractor(ctx, *extractor, stderr)
	if err != nil {
		return err
	}
	conn, err := openGraph(ctx, g, stderr, logger)
	if err != nil {
		return err
	}
	defer conn.Close()
	if failed := loadSources(ctx, conn, paths, extractFn, stdout, stderr, nil); failed > 0 {
		return fmt.Errorf("%d of the sources could not be loaded (see above); the others were loaded", failed)
	}
	if ctx.Err() != nil {
		return errors.New("interrupted; the articles loaded before the interruption are in the graph whole")
	}
	return nil
}

// loadSources loads paths into the graph, finding facts with extractFn
// (the rule-based extractor when nil), showing a progress bar on a
// terminal and a line per source otherwise, then a summary. It returns how
// many sources failed. counted, when not nil, is told the outcome of each
// article ("added", "replaced", "unchanged" or "failed").
func loadSources(ctx context.Context, conn *graphConn, paths []string, extractFn loader.ExtractFunc, stdout, stderr io.Writer, counted func(status string)) int {
	sources, errs := loader.Expand(paths)
	for _, err := range errs {
		fmt.Fprintf(stderr, "error: %v\n", err)
	}
	l := &loader.Loader{Writer: conn.store, Extract: extractFn}
	var bar *progressbar.ProgressBar
	if f, ok := stderr.(*os.File); ok && isatty.IsTerminal(f.Fd()) && len(sources) > 1 {
		bar = progressbar.NewOptions(len(sources),
			progressbar.OptionSetWriter(stderr),
			progressbar.OptionSetDescription("loading"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetElapsedTime(true),
			progressbar.OptionClearOnFinish(),
		)
	}
	counts := map[string]int{}
	failed := len(errs)
	if counted == nil {
		counted = func(string) {}
	}
	reports := l.LoadAll(ctx, sources, func(r loader.Report) {
		if r.Err != nil {
			counted("failed")
			failed++
			if bar != nil {
				_ = bar.Clear()
			}
			fmt.Fprintf(stderr, "error: %v\n", r.Err)
		} else {
			counted(string(r.Result.Status))
			counts[string(r.Result.Status)]++
			if bar == nil {
				fmt.Fprintf(stdout, "%-9s %s  %q  %s  %s\n", r.Result.Status, r.Source, r.Title,
					factSummary(r.Result.Facts), r.Duration.Round(time.Millisecond))
			}
		}
		if bar != nil {
			_ = bar.Add(1)
		}
	})
	if bar != nil {
		_ = bar.Finish()
	}
	var parts []string
	for _, status := range []string{"added", "replaced", "unchanged"} {
		if counts[status] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", counts[status], status))
		}
	}
	if failed > 0 {
		parts = append(parts, fmt.Sprintf("%d failed", failed))
	}
	fmt.Fprintf(stdout, "loaded %d of %d sources into %s: %s\n", len(reports)-countErrors(reports), len(sources)+len(errs),
		conn.where, strings.Join(parts, ", "))
	return failed
}

func countErrors(reports []loader.Report) int {
	n := 0
	for _, r := range reports {
		if r.Err != nil {
			n++
		}
	}
	return n
}

// factSummary says how many facts of each kind a load wrote.
func factSummary(counts map[string]int) string {
	if len(counts) == 0 {
		return "(no new facts)"
	}
	var kinds []string
	for kind := range counts {
		kinds = append(kinds, kind)
	}
	sort.Strings(kinds)
	var parts []string
	for _, kind := range kinds {
		parts = append(parts, fmt.Sprintf("%d %s", counts[kind], kind))
	}
	return "(" + strings.Join(parts, ", ") + ")"
}

// extractCommand runs `amicus extract`: it prints one article's facts as
// JSON and touches no graph.
func extractCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("extract", flag.ContinueOnError)
	extractor := extractorFlag(fs)
	files, err := parseFlags(fs, args)
	if err != nil {
		return err
	}
	if len(files) != 1 {
		return usageError{"name exactly one article file or URL"}
	}
	extractFn, err := chooseExtractor(ctx, *extractor, stderr)
	if err != nil {
		return err
	}
	l := &loader.Loader{Extract: extractFn}
	doc, err := l.Document(ctx, files[0])
	if err != nil {
		return err
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

// extractorFlag registers --extractor, which chooses how facts are found.
func extractorFlag(fs *flag.FlagSet) *string {
	return fs.String("extractor", "rules", "how to find facts in articles: rules (built in) or llm (a language model "+
		"at AMICUS_LLM_URL named by AMICUS_LLM_MODEL, with optional AMICUS_LLM_KEY and AMICUS_LLM_TIMEOUT)")
}

// chooseExtractor returns the extract function --extractor names: nil for
// the rule-based extractor, the loader's default. With llm, the facts the
// model could not prove are counted on stderr.
func chooseExtractor(ctx context.Context, name string, stderr io.Writer) (loader.ExtractFunc, error) {
	switch name {
	case "rules":
		return nil, nil
	case "llm":
		cfg, err := llmextract.ConfigFromEnv()
		if err != nil {
			return nil, usageError{err.Error()}
		}
		cfg.Rejected = func(source string, r llmextract.Rejections) {
			fmt.Fprintf(stderr, "llm: %s: rejected %s\n", source, r)
		}
		e, err := llmextract.New(cfg)
		if err != nil {
			return nil, usageError{err.Error()}
		}
		return e.Func(ctx), nil
	}
	return nil, usageError{fmt.Sprintf("--extractor is %q; choose rules or llm", name)}
}

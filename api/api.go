// Package api is Amicus's HTTP face: the GraphQL endpoint, the GraphiQL
// playground, the case explorer and the health check, with the limits
// that make the GraphQL endpoint safe to expose.
package api

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/99designs/gqlgen/graphql/handler"
	"github.com/99designs/gqlgen/graphql/handler/extension"
	"github.com/99designs/gqlgen/graphql/handler/lru"
	"github.com/99designs/gqlgen/graphql/handler/transport"
	"github.com/99designs/gqlgen/graphql/playground"
	"github.com/amicus-graph/amicus/extract"
	"github.com/amicus-graph/amicus/facts"
	"github.com/amicus-graph/amicus/graph"
	"github.com/amicus-graph/amicus/graph/generated"
	"github.com/amicus-graph/amicus/web"
	"github.com/vektah/gqlparser/v2/ast"
	"github.com/vektah/gqlparser/v2/gqlerror"
)

// Limits that keep one request from costing too much.
const (
	// ComplexityLimit caps the cost of a query: a point per field, list
	// fields multiplied by how many items they can return (see complexity.go).
	ComplexityLimit = 100000
	// ParserTokenLimit caps the size of a query document.
	ParserTokenLimit = 10000
	// MaxBodyBytes caps the size of a request body.
	MaxBodyBytes = 1 << 20
	// RequestTimeout caps the time one request may take.
	RequestTimeout = 30 * time.Second
	// DepthLimit caps how deeply a query may nest selections.
	DepthLimit = 12
)

// Error codes a client can act on, in each error's extensions.code.
const (
	CodeBadUserInput     = "BAD_USER_INPUT"
	CodeNotFound         = "NOT_FOUND"
	CodeGraphUnavailable = "GRAPH_UNAVAILABLE"
	CodeInternal         = "INTERNAL_SERVER_ERROR"
)

// Graph is what the API needs of the graph.
type Graph interface {
	facts.Reader
	Ping(ctx context.Context) error
}

// Options change what NewHandler serves.
type Options struct {
	// OfflineAssets, when set, is a directory holding GraphiQL and React
	// as PlaygroundAssets lists them. The playground then loads them from
	// PlaygroundAssetsPath, served from this directory, instead of a CDN,
	// so it works with no internet access.
	OfflineAssets string
	// CORSOrigins are the browser origins allowed to call the API from
	// other sites ("https://app.example.org", or "*" for any).
	CORSOrigins []string
	// Metrics, when set, records requests; it is also served at /metrics.
	Metrics *Metrics
	// Load, when set, serves Mutation.loadArticle.
	Load func(ctx context.Context, in extract.Input) (facts.LoadResult, error)
	// Editor, when set, serves Mutation.mergeParties.
	Editor facts.Editor
	// Token, when set, is required as a bearer token by every mutation.
	Token string
	// Production turns off introspection and the playground.
	Production bool
}

// NewHandler serves the API: POST or GET /query (GraphQL), GET / (the
// GraphiQL playground), GET /explore (the case explorer), GET /healthz
// (200 only when the graph answers) and GET /metrics (Prometheus). It
// fails when the offline assets directory lacks a file or holds the wrong
// version of one.
func NewHandler(g Graph, logger *slog.Logger, opts Options) (http.Handler, error) {
	if logger == nil {
		logger = slog.Default()
	}
	metrics := opts.Metrics
	if metrics == nil {
		metrics = NewMetrics()
	}
	mux := http.NewServeMux()
	query := graph.WithLoaders(g, GraphQL(&graph.Resolver{Reader: g, Load: opts.Load, Editor: opts.Editor}, logger, metrics, opts))
	mux.Handle("/query", http.MaxBytesHandler(withRoundTrips(g, metrics, query), MaxBodyBytes))
	mux.Handle("GET /metrics", metrics.Handler())
	switch {
	case opts.Production:
		// No playground: in production the API is for clients, not for exploring.
	case opts.OfflineAssets != "":
		if err := CheckPlaygroundAssets(opts.OfflineAssets); err != nil {
			return nil, err
		}
		page, assets := offlinePlayground(opts.OfflineAssets)
		mux.Handle("GET /{$}", page)
		mux.Handle("GET "+PlaygroundAssetsPath, assets)
	default:
		mux.Handle("GET /{$}", playground.Handler("Amicus", "/query"))
	}
	explorer := web.Handler()
	mux.Handle("GET /explore", explorer)
	mux.Handle("GET /explore/", explorer)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), 3*time.Second)
		defer cancel()
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := g.Ping(ctx); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte("graph unavailable\n"))
			return
		}
		_, _ = w.Write([]byte("ok\n"))
	})
	return withRequestLog(logger, withCORS(cleanOrigins(opts.CORSOrigins), withTimeout(mux))), nil
}

// GraphQL is the GraphQL endpoint alone.
func GraphQL(resolver *graph.Resolver, logger *slog.Logger, metrics *Metrics, opts Options) http.Handler {
	srv := handler.New(generated.NewExecutableSchema(generated.Config{Resolvers: resolver, Complexity: fieldCosts()}))
	srv.AddTransport(transport.Options{})
	srv.AddTransport(transport.GET{})
	srv.AddTransport(transport.POST{})
	srv.SetQueryCache(lru.New[*ast.QueryDocument](1000))
	srv.SetParserTokenLimit(ParserTokenLimit)
	if !opts.Production {
		srv.Use(extension.Introspection{})
	}
	if opts.Token != "" {
		srv.Use(mutationToken{token: opts.Token})
	}
	srv.Use(depthLimit{max: DepthLimit})
	srv.Use(extension.FixedComplexityLimit(ComplexityLimit))
	srv.Use(extension.AutomaticPersistedQuery{Cache: lru.New[string](1000)})
	srv.Use(observer{metrics: metrics})
	srv.SetErrorPresenter(func(ctx context.Context, err error) *gqlerror.Error {
		return present(ctx, err, logger)
	})
	srv.SetRecoverFunc(func(ctx context.Context, p any) error {
		requestLogger(ctx, logger).ErrorContext(ctx, "panic in a resolver", "panic", p)
		return errors.New("internal error")
	})
	return srv
}

// present turns an error into what the client sees: a message that is
// safe to show and a code to act on. Internal details go to the log only.
func present(ctx context.Context, err error, logger *slog.Logger) *gqlerror.Error {
	gqlErr := graphql.DefaultErrorPresenter(ctx, err)
	var existing *gqlerror.Error
	if errors.As(err, &existing) && existing.Extensions != nil && existing.Extensions["code"] != nil {
		return gqlErr // parser, validation and complexity errors carry their own codes
	}
	code := CodeInternal
	message := "internal error"
	switch facts.ErrorCode(err) {
	case facts.ECodeInvalid:
		code, message = CodeBadUserInput, facts.ErrorMessage(err)
	case facts.ECodeNotFound:
		code, message = CodeNotFound, facts.ErrorMessage(err)
	case facts.ECodeUnavailable:
		code, message = CodeGraphUnavailable, facts.ErrorMessage(err)
	default:
		if errors.Is(err, context.DeadlineExceeded) {
			code, message = CodeGraphUnavailable, "the request took too long"
		} else {
			requestLogger(ctx, logger).ErrorContext(ctx, "graphql request failed", "error", err, "path", gqlErr.Path.String())
		}
	}
	if code == CodeGraphUnavailable {
		requestLogger(ctx, logger).WarnContext(ctx, "graph unavailable", "error", err)
	}
	gqlErr.Message = message
	gqlErr.Extensions = map[string]any{"code": code}
	return gqlErr
}

func withTimeout(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), RequestTimeout)
		defer cancel()
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

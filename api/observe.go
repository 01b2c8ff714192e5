package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/99designs/gqlgen/graphql"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// Metrics are the server's Prometheus metrics, served at GET /metrics.
type Metrics struct {
	registry   *prometheus.Registry
	requests   *prometheus.CounterVec
	latency    *prometheus.HistogramVec
	errors     *prometheus.CounterVec
	roundTrips prometheus.Histogram
	loaded     *prometheus.CounterVec

	mu         sync.Mutex
	operations map[string]bool // operation names seen, to bound the label's values
}

// maxOperationLabels bounds how many operation names get a label of their
// own; further names are counted as "other".
const maxOperationLabels = 200

// NewMetrics makes a fresh set of metrics with Go's runtime metrics.
func NewMetrics() *Metrics {
	m := &Metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "amicus_graphql_requests_total", Help: "GraphQL requests by operation name.",
		}, []string{"operation"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name: "amicus_graphql_request_duration_seconds", Help: "GraphQL request latency by operation name.",
			Buckets: []float64{.001, .0025, .005, .01, .02, .05, .1, .25, .5, 1, 2.5, 5, 10},
		}, []string{"operation"}),
		errors: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "amicus_graphql_errors_total", Help: "GraphQL errors by code.",
		}, []string{"code"}),
		roundTrips: prometheus.NewHistogram(prometheus.HistogramOpts{
			Name: "amicus_graph_round_trips_per_request", Help: "Graph queries made to answer one GraphQL request.",
			Buckets: []float64{0, 1, 2, 3, 5, 8, 13, 21, 34},
		}),
		loaded: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "amicus_articles_loaded_total", Help: "Articles loaded by this process, by outcome (added, replaced, unchanged, failed).",
		}, []string{"status"}),
		operations: map[string]bool{},
	}
	m.registry.MustRegister(m.requests, m.latency, m.errors, m.roundTrips, m.loaded,
		prometheus.NewGoCollector(), prometheus.NewProcessCollector(prometheus.ProcessCollectorOpts{}))
	return m
}

// ArticleLoaded counts one article loaded with the given outcome.
func (m *Metrics) ArticleLoaded(status string) { m.loaded.WithLabelValues(status).Inc() }

// Handler serves the metrics in Prometheus's text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

var operationName = regexp.MustCompile(`^[A-Za-z_][A-Za-z0-9_]{0,63}$`)

// operationLabel is the label for an operation name: the name itself for
// the first names seen, "anonymous" or "other" otherwise.
func (m *Metrics) operationLabel(name string) string {
	if name == "" {
		return "anonymous"
	}
	if !operationName.MatchString(name) {
		return "other"
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if !m.operations[name] {
		if len(m.operations) >= maxOperationLabels {
			return "other"
		}
		m.operations[name] = true
	}
	return name
}

// RoundTripCounter is implemented by graphs that can count the queries
// made for one request.
type RoundTripCounter interface {
	// CountRoundTrips returns a context under which graph queries are
	// counted, and a function that reports the count.
	CountRoundTrips(ctx context.Context) (context.Context, func() int64)
}

// observer is a gqlgen extension that records each response in Metrics.
type observer struct{ metrics *Metrics }

var (
	_ graphql.HandlerExtension    = observer{}
	_ graphql.ResponseInterceptor = observer{}
)

func (observer) ExtensionName() string                   { return "AmicusMetrics" }
func (observer) Validate(graphql.ExecutableSchema) error { return nil }

// InterceptResponse times the response and counts it and its errors.
func (o observer) InterceptResponse(ctx context.Context, next graphql.ResponseHandler) *graphql.Response {
	start := time.Now()
	resp := next(ctx)
	operation := "anonymous"
	if graphql.HasOperationContext(ctx) {
		operation = o.metrics.operationLabel(graphql.GetOperationContext(ctx).OperationName)
	}
	o.metrics.requests.WithLabelValues(operation).Inc()
	o.metrics.latency.WithLabelValues(operation).Observe(time.Since(start).Seconds())
	if resp != nil {
		for _, e := range resp.Errors {
			code, _ := e.Extensions["code"].(string)
			if code == "" {
				code = CodeInternal
			}
			o.metrics.errors.WithLabelValues(code).Inc()
		}
	}
	return resp
}

// withRoundTrips counts the graph queries of each request to /query.
func withRoundTrips(g Graph, m *Metrics, next http.Handler) http.Handler {
	counter, ok := g.(RoundTripCounter)
	if !ok {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, count := counter.CountRoundTrips(r.Context())
		next.ServeHTTP(w, r.WithContext(ctx))
		m.roundTrips.Observe(float64(count()))
	})
}

type loggerKey struct{}

// requestLogger returns the request's logger, which carries its request id.
func requestLogger(ctx context.Context, fallback *slog.Logger) *slog.Logger {
	if l, ok := ctx.Value(loggerKey{}).(*slog.Logger); ok {
		return l
	}
	return fallback
}

var requestIDPattern = regexp.MustCompile(`^[A-Za-z0-9._-]{1,64}$`)

// withRequestLog gives every request an id (the client's X-Request-Id when
// it is sensible, else a new one), returns it in the X-Request-Id header,
// and logs the request when it ends.
func withRequestLog(logger *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		id := r.Header.Get("X-Request-Id")
		if !requestIDPattern.MatchString(id) {
			var b [8]byte
			_, _ = rand.Read(b[:])
			id = hex.EncodeToString(b[:])
		}
		w.Header().Set("X-Request-Id", id)
		l := logger.With("request_id", id)
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		start := time.Now()
		next.ServeHTTP(rec, r.WithContext(context.WithValue(r.Context(), loggerKey{}, l)))
		level := slog.LevelDebug
		if r.URL.Path == "/query" || rec.status >= 500 {
			level = slog.LevelInfo
		}
		l.Log(r.Context(), level, "request", "method", r.Method, "path", r.URL.Path, "status", rec.status,
			"duration", time.Since(start).Round(time.Microsecond))
	})
}

// statusRecorder remembers the status a handler wrote.
type statusRecorder struct {
	http.ResponseWriter
	status int
}

// WriteHeader records the status and writes it.
func (s *statusRecorder) WriteHeader(code int) {
	s.status = code
	s.ResponseWriter.WriteHeader(code)
}

// Unwrap lets http.ResponseController reach the underlying writer.
func (s *statusRecorder) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// withCORS lets browsers on the allowed origins call the API. With no
// allowed origins, no CORS headers are sent and browsers keep to the
// same-origin rule.
func withCORS(origins []string, next http.Handler) http.Handler {
	if len(origins) == 0 {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		origin := r.Header.Get("Origin")
		w.Header().Add("Vary", "Origin")
		if origin != "" && (slices.Contains(origins, origin) || slices.Contains(origins, "*")) {
			w.Header().Set("Access-Control-Allow-Origin", origin)
			w.Header().Set("Access-Control-Allow-Methods", "GET, POST, OPTIONS")
			w.Header().Set("Access-Control-Allow-Headers", "Content-Type, Authorization, X-Request-Id")
			w.Header().Set("Access-Control-Expose-Headers", "X-Request-Id")
			w.Header().Set("Access-Control-Max-Age", "600")
			if r.Method == http.MethodOptions && r.Header.Get("Access-Control-Request-Method") != "" {
				w.WriteHeader(http.StatusNoContent)
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}

// cleanOrigins drops empty entries and trailing slashes from origins.
func cleanOrigins(origins []string) []string {
	var out []string
	for _, o := range origins {
		if o = strings.TrimRight(strings.TrimSpace(o), "/"); o != "" {
			out = append(out, o)
		}
	}
	return out
}

package api

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func TestProductionHidesThePlaygroundAndTheSchema(t *testing.T) {
	for _, production := range []bool{false, true} {
		h, err := NewHandler(nil, nil, Options{Production: production, Token: "secret"})
		if err != nil {
			t.Fatal(err)
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
		if served := rec.Code == http.StatusOK; served == production {
			t.Errorf("production %v: GET / answered %d", production, rec.Code)
		}
		rec = httptest.NewRecorder()
		req := httptest.NewRequest(http.MethodPost, "/query", strings.NewReader(`{"query":"{ __schema { queryType { name } } }"}`))
		req.Header.Set("Content-Type", "application/json")
		h.ServeHTTP(rec, req)
		if introspected := strings.Contains(rec.Body.String(), `"queryType"`); introspected == production {
			t.Errorf("production %v: introspection answered %s", production, rec.Body.String())
		}
		if rec.Header().Get("X-Request-Id") == "" {
			t.Error("no X-Request-Id")
		}
	}
}

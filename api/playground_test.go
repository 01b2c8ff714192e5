package api

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestCheckPlaygroundAssets(t *testing.T) {
	dir := t.TempDir()
	err := CheckPlaygroundAssets(dir)
	if err == nil || !strings.Contains(err.Error(), "missing") || !strings.Contains(err.Error(), "graphiql@4.1.2") {
		t.Errorf("an empty directory: %v", err)
	}
	for _, a := range PlaygroundAssets {
		path := filepath.Join(dir, a.Path())
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte("not the real file"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	err = CheckPlaygroundAssets(dir)
	if err == nil || !strings.Contains(err.Error(), "is not graphiql.min.js from graphiql@4.1.2") {
		t.Errorf("a directory of wrong files: %v", err)
	}
	if _, err := NewHandler(nil, nil, Options{OfflineAssets: dir}); err == nil {
		t.Error("NewHandler accepted wrong offline assets")
	}
}

func TestOfflinePlaygroundPage(t *testing.T) {
	dir := t.TempDir()
	page, assets := offlinePlayground(dir)
	rec := httptest.NewRecorder()
	page.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/", nil))
	body := strings.ReplaceAll(rec.Body.String(), "&#43;", "+") // html/template escapes + in attributes
	for _, a := range PlaygroundAssets {
		url := PlaygroundAssetsPath + a.Package + "/" + a.File
		if !strings.Contains(body, `"`+url+`"`) || !strings.Contains(body, a.Integrity) {
			t.Errorf("the offline playground does not load %s with its integrity hash", url)
		}
	}
	if strings.Contains(body, "cdn.jsdelivr.net/npm/graphiql") || strings.Contains(body, "cdn.jsdelivr.net/npm/react") {
		t.Error("the offline playground still loads GraphiQL or React from a CDN")
	}
	// Only the listed files are served, never anything else in the directory.
	if err := os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{PlaygroundAssetsPath + "secret.txt", PlaygroundAssetsPath + "../secret.txt"} {
		rec := httptest.NewRecorder()
		assets.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
		if rec.Code != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", path, rec.Code)
		}
	}
}

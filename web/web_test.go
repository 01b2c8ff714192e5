package web

import (
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

func get(t *testing.T, path string) (*http.Response, string) {
	t.Helper()
	rec := httptest.NewRecorder()
	Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	resp := rec.Result()
	body, _ := io.ReadAll(resp.Body)
	return resp, string(body)
}

func TestPageAndFiles(t *testing.T) {
	for _, path := range []string{"/explore", "/explore/"} {
		resp, body := get(t, path)
		if resp.StatusCode != http.StatusOK || !strings.Contains(body, `<script type="module" src="/explore/app.js">`) {
			t.Errorf("GET %s: %s\n%.300s", path, resp.Status, body)
		}
		if csp := resp.Header.Get("Content-Security-Policy"); !strings.Contains(csp, "script-src 'self'") {
			t.Errorf("GET %s: Content-Security-Policy %q", path, csp)
		}
	}
	for path, mime := range map[string]string{
		"/explore/app.js":     "text/javascript",
		"/explore/queries.js": "text/javascript",
		"/explore/graph.js":   "text/javascript",
		"/explore/style.css":  "text/css",
	} {
		resp, body := get(t, path)
		if resp.StatusCode != http.StatusOK || !strings.HasPrefix(resp.Header.Get("Content-Type"), mime) || body == "" {
			t.Errorf("GET %s: %s %q", path, resp.Status, resp.Header.Get("Content-Type"))
		}
	}
	if resp, _ := get(t, "/explore/missing.js"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("GET a missing file: %s", resp.Status)
	}
}

// TestNoThirdPartyURLs checks that the page loads nothing from elsewhere,
// so it works with no internet access.
func TestNoThirdPartyURLs(t *testing.T) {
	err := fs.WalkDir(files, "static", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := files.ReadFile(path)
		for _, marker := range []string{"//cdn", "unpkg.com", "jsdelivr", "googleapis", "cdnjs", "@import url("} {
			if strings.Contains(string(data), marker) {
				t.Errorf("%s refers to %q", path, marker)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestAssetBudget keeps the page fast: its files, before any data, stay
// under 200 KB.
func TestAssetBudget(t *testing.T) {
	total := 0
	err := fs.WalkDir(files, "static", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, _ := files.ReadFile(path)
		total += len(data)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if total > 200_000 {
		t.Errorf("the explorer's files weigh %d bytes, over the 200 KB budget", total)
	}
}

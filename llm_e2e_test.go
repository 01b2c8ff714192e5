package main

// End-to-end tests of `--extractor llm`, with an OpenAI-compatible chat
// completions server played by the test.

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/amicus-graph/amicus/facts"
)

// llmArticle is an invented dispute for the language-model tests.
const llmArticle = `Orchard Lane Bakery sues county over zoning fine

Orchard Lane Bakery sued Dunmore County on Tuesday over a fine for its outdoor ovens.

The bakery argued that the fine ignores the Small Kitchens Act.`

// llmAnswer is a model's reply for llmArticle: a case, two parties, a
// precedent and an argument it proves, and one argument whose quote the
// article does not contain.
const llmAnswer = `{
  "cases": [{"name": "Orchard Lane Bakery v. Dunmore County", "issue": "", "certainty": "high",
    "quote": "Orchard Lane Bakery sued Dunmore County on Tuesday over a fine for its outdoor ovens."}],
  "parties": [
    {"name": "Orchard Lane Bakery", "kind": "company", "aliases": ["the bakery"], "case": "Orchard Lane Bakery v. Dunmore County", "side": "A",
     "quote": "Orchard Lane Bakery sued Dunmore County", "certainty": "high"},
    {"name": "Dunmore County", "kind": "government", "aliases": [], "case": "Orchard Lane Bakery v. Dunmore County", "side": "B",
     "quote": "sued Dunmore County on Tuesday", "certainty": "high"}],
  "courts": [], "judges": [],
  "precedents": [{"name": "Small Kitchens Act", "kind": "statute", "citation": "", "quote": "the Small Kitchens Act", "certainty": "high"}],
  "arguments": [
    {"by": "Orchard Lane Bakery", "claim": "the fine ignores the Small Kitchens Act", "case": "Orchard Lane Bakery v. Dunmore County",
     "cites": ["Small Kitchens Act"], "quote": "The bakery argued that the fine ignores the Small Kitchens Act.", "certainty": "high"},
    {"by": "Dunmore County", "claim": "the ovens are a fire hazard", "case": "",
     "cites": [], "quote": "The county said the ovens are a fire hazard.", "certainty": "medium"}],
  "supports": [], "rulings": []
}`

func TestExtractCommandWithLLM(t *testing.T) {
	var requests atomic.Int32
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		var req struct {
			Model          string `json:"model"`
			ResponseFormat struct {
				Type string `json:"type"`
			} `json:"response_format"`
		}
		if r.URL.Path != "/chat/completions" || r.Header.Get("Authorization") != "Bearer cli-key" ||
			json.NewDecoder(r.Body).Decode(&req) != nil || req.Model != "cli-model" || req.ResponseFormat.Type != "json_schema" {
			http.Error(w, "unexpected request", http.StatusBadRequest)
			return
		}
		_ = json.NewEncoder(w).Encode(map[string]any{"choices": []any{map[string]any{
			"finish_reason": "stop", "message": map[string]any{"role": "assistant", "content": llmAnswer}}}})
	}))
	defer server.Close()
	t.Setenv("AMICUS_LLM_URL", server.URL)
	t.Setenv("AMICUS_LLM_MODEL", "cli-model")
	t.Setenv("AMICUS_LLM_KEY", "cli-key")
	file := filepath.Join(t.TempDir(), "bakery.txt")
	if err := os.WriteFile(file, []byte(llmArticle), 0o644); err != nil {
		t.Fatal(err)
	}

	stdout, stderr, code := amicus(t, "extract", "--extractor", "llm", file)
	if code != 0 {
		t.Fatalf("amicus extract --extractor llm exited %d\nstderr:\n%s", code, stderr)
	}
	var doc facts.Document
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil {
		t.Fatalf("stdout is not a facts document: %v\n%s", err, stdout)
	}
	if err := doc.Validate(); err != nil {
		t.Errorf("the document does not validate: %v", err)
	}
	if doc.Extractor != "llm/1:cli-model" || len(doc.Parties) != 2 || len(doc.Arguments) != 1 || len(doc.Precedents) != 1 {
		t.Errorf("extractor %q with %d parties, %d arguments, %d precedents; want llm/1:cli-model, 2, 1, 1",
			doc.Extractor, len(doc.Parties), len(doc.Arguments), len(doc.Precedents))
	}
	if !strings.Contains(stderr, "llm: "+file+": rejected 1 facts whose quotes are not in the article") {
		t.Errorf("stderr does not report the rejected fact:\n%s", stderr)
	}
	if strings.Contains(stderr+stdout, "fire hazard") {
		t.Errorf("the rejected fact's text was printed")
	}
	if requests.Load() != 1 {
		t.Errorf("the server had %d requests, want 1", requests.Load())
	}
}

func TestExtractorLLMNeedsItsSettings(t *testing.T) {
	t.Setenv("AMICUS_LLM_URL", "")
	t.Setenv("AMICUS_LLM_MODEL", "")
	for _, command := range []string{"extract", "load"} {
		_, stderr, code := amicus(t, command, "--extractor", "llm", "examples/articles")
		if code != 2 || !strings.Contains(stderr, "AMICUS_LLM_URL") || !strings.Contains(stderr, "AMICUS_LLM_MODEL") {
			t.Errorf("amicus %s --extractor llm without settings exited %d, stderr:\n%s\nwant a usage error naming both settings", command, code, stderr)
		}
	}
	_, stderr, code := amicus(t, "extract", "--extractor", "oracle", "examples/articles/01_microsoft_dublin_warrant.txt")
	if code != 2 || !strings.Contains(stderr, "rules or llm") {
		t.Errorf("an unknown extractor exited %d, stderr:\n%s", code, stderr)
	}
}

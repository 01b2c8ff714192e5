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

// llmGold annotates llmArticle by hand: the model's answer finds both
// parties, the statute and the bakery's argument, and misses nothing else.
const llmGold = `{"article": "bakery.txt", "title": "Orchard Lane Bakery sues county over zoning fine", "publisher": null, "author": null,
  "case": "Orchard Lane Bakery v. Dunmore County",
  "parties": [
    {"name": "Orchard Lane Bakery", "aliases": ["the bakery"], "side": "A"},
    {"name": "Dunmore County", "aliases": [], "side": "B"}],
  "courts": [], "judges": [], "supporters": [],
  "arguments": [{"by": "Orchard Lane Bakery", "claim": "the fine ignores the Small Kitchens Act",
    "evidence": "The bakery argued that the fine ignores the Small Kitchens Act."}],
  "precedents": [{"name": "Small Kitchens Act", "kind": "statute"}],
  "rulings": []}`

// TestEvalCommandWithLLM scores the language model's extraction against
// gold annotations through `amicus eval --extractor llm`.
func TestEvalCommandWithLLM(t *testing.T) {
	var requests atomic.Int32
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		_ = json.NewEncoder(w).Encode(map[string]any{"choices": []any{map[string]any{
			"finish_reason": "stop", "message": map[string]any{"role": "assistant", "content": llmAnswer}}}})
	}))
	defer server.Close()
	t.Setenv("AMICUS_LLM_URL", server.URL)
	t.Setenv("AMICUS_LLM_MODEL", "eval-model")
	dir := t.TempDir()
	for name, text := range map[string]string{"articles/bakery.txt": llmArticle, "gold/bakery.gold.json": llmGold} {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	stdout, stderr, code := amicus(t, "eval", "--extractor", "llm", "--quiet",
		"--require", "parties.f1=1", "--require", "arguments.f1=1", "--require", "precedents.f1=1", filepath.Join(dir, "articles"))
	if code != 0 {
		t.Fatalf("amicus eval --extractor llm exited %d\nstdout:\n%s\nstderr:\n%s", code, stdout, stderr)
	}
	if !strings.Contains(stderr, "rejected 1 facts") {
		t.Errorf("stderr does not report the rejected fact:\n%s", stderr)
	}
	if requests.Load() != 1 {
		t.Errorf("the model had %d requests, want 1", requests.Load())
	}
	// Without --extractor the rules score the article and the model is
	// not asked.
	stdout, _, _ = amicus(t, "eval", "--quiet", filepath.Join(dir, "articles"))
	if !strings.Contains(stdout, "1 articles in") || requests.Load() != 1 {
		t.Errorf("eval with the rules asked the model (%d requests) or printed:\n%s", requests.Load(), stdout)
	}
}

func TestExtractorLLMNeedsItsSettings(t *testing.T) {
	t.Setenv("AMICUS_LLM_URL", "")
	t.Setenv("AMICUS_LLM_MODEL", "")
	for _, command := range []string{"extract", "load", "eval"} {
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

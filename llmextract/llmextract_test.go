package llmextract

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/amicus-graph/amicus/extract"
	"github.com/amicus-graph/amicus/facts"
)

// sampleTitle and sampleText are an invented dispute. The accented words
// and typographic quotes put multi-byte runes before the quotes, so byte
// and rune offsets differ.
const sampleTitle = "Lamp maker sues Millbrook over lighting rule"

const sampleText = `Harbor Lantern Co., which runs the Café Lumière chain, sued the town of Millbrook on Monday, saying its new lighting ordinance is unconstitutional.

The case, Harbor Lantern v. Millbrook, is before the Marsh County District Court. Judge Ada Quill set a hearing for March 3.

Harbor Lantern argued that the ordinance violates the Fair Signage Act.

The Coastal Merchants Guild filed an amicus brief backing Harbor Lantern, saying the rule would cost small shops “thousands of dollars” a year.

On Friday the court declined to block the ordinance, a win for Millbrook.`

// goodAnswer is what a careful model would answer for the sample.
func goodAnswer() answer {
	return answer{
		Cases: []answerCase{{Name: "Harbor Lantern v. Millbrook", Issue: "whether the lighting ordinance is constitutional",
			Quote: "The case, Harbor Lantern v. Millbrook, is before the Marsh County District Court.", Certainty: "high"}},
		Parties: []answerParty{
			{Name: "Harbor Lantern Co.", Kind: "company", Aliases: []string{"Harbor Lantern", "HLC"}, Case: "Harbor Lantern v. Millbrook", Side: "A",
				Quote: "Harbor Lantern Co., which runs the Café Lumière chain, sued the town of Millbrook on Monday", Certainty: "high"},
			{Name: "Millbrook", Kind: "government", Aliases: []string{}, Case: "Harbor Lantern v. Millbrook", Side: "B",
				Quote: "sued the town of Millbrook on Monday", Certainty: "high"},
			{Name: "Coastal Merchants Guild", Kind: "group", Aliases: []string{}, Case: "", Side: "",
				Quote: "The Coastal Merchants Guild filed an amicus brief backing Harbor Lantern", Certainty: "medium"},
		},
		Courts: []answerCourt{{Name: "Marsh County District Court", Aliases: []string{}, Level: "district", Place: "Marsh County",
			Quote: "is before the Marsh County District Court", Certainty: "high"}},
		Judges: []answerJudge{{Name: "Ada Quill", Court: "Marsh County District Court",
			Quote: "Judge Ada Quill set a hearing for March 3.", Certainty: "high"}},
		Precedents: []answerPrecedent{{Name: "Fair Signage Act", Kind: "statute", Citation: "",
			Quote: "the ordinance violates the Fair Signage Act", Certainty: "high"}},
		Arguments: []answerArgument{{By: "Harbor Lantern", Claim: "the ordinance violates the Fair Signage Act",
			Case: "Harbor Lantern v. Millbrook", Cites: []string{"Fair Signage Act"},
			Quote: "Harbor Lantern argued that the ordinance violates the Fair Signage Act.", Certainty: "high"}},
		Supports: []answerSupport{{Supporter: "Coastal Merchants Guild", Supported: "Harbor Lantern Co.", Via: "amicus brief",
			Case: "Harbor Lantern v. Millbrook",
			Grounds: []answerGround{{Claim: "the rule would cost small shops thousands of dollars a year",
				Quote: "the rule would cost small shops “thousands of dollars” a year", Certainty: "high"}},
			Quote: "The Coastal Merchants Guild filed an amicus brief backing Harbor Lantern", Certainty: "high"}},
		Rulings: []answerRuling{{Court: "Marsh County District Court", Summary: "declined to block the ordinance", Date: "Friday",
			Favors: "Millbrook", Case: "Harbor Lantern v. Millbrook",
			Quote: "On Friday the court declined to block the ordinance, a win for Millbrook.", Certainty: "high"}},
	}
}

// fakeServer is an OpenAI-compatible chat completions server that checks
// each request and plays back a list of replies, the last one repeating.
type fakeServer struct {
	t       *testing.T
	replies []func(w http.ResponseWriter, r *http.Request)

	mu       sync.Mutex
	requests int
	problems []string
}

// completion replies with a chat completion whose message is content.
func completion(content string) func(w http.ResponseWriter, r *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{
			"id": "chatcmpl-1", "object": "chat.completion",
			"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
				"message": map[string]any{"role": "assistant", "content": content}}},
		})
	}
}

// answering replies with a completion carrying a as JSON.
func answering(t *testing.T, a answer) func(w http.ResponseWriter, r *http.Request) {
	data, err := json.Marshal(a)
	if err != nil {
		t.Fatal(err)
	}
	return completion(string(data))
}

// status replies with an error status and body.
func status(code int, body string) func(w http.ResponseWriter, r *http.Request) {
	return func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "0")
		http.Error(w, body, code)
	}
}

func (f *fakeServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	n := f.requests
	f.requests++
	f.mu.Unlock()
	f.check(r)
	f.replies[min(n, len(f.replies)-1)](w, r)
}

// count is how many requests the server has had.
func (f *fakeServer) count() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.requests
}

// check records what is wrong with a request.
func (f *fakeServer) check(r *http.Request) {
	var problems []string
	if r.Method != http.MethodPost || r.URL.Path != "/v1/chat/completions" {
		problems = append(problems, "request is "+r.Method+" "+r.URL.Path)
	}
	if got := r.Header.Get("Authorization"); got != "Bearer test-key" {
		problems = append(problems, "Authorization is "+got)
	}
	var req struct {
		Model    string `json:"model"`
		Messages []struct {
			Role, Content string
		} `json:"messages"`
		ResponseFormat struct {
			Type       string `json:"type"`
			JSONSchema struct {
				Name   string         `json:"name"`
				Strict bool           `json:"strict"`
				Schema map[string]any `json:"schema"`
			} `json:"json_schema"`
		} `json:"response_format"`
	}
	body, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(body, &req); err != nil {
		problems = append(problems, "body is not JSON: "+err.Error())
	}
	if req.Model != "test-model" {
		problems = append(problems, "model is "+req.Model)
	}
	if len(req.Messages) != 2 || req.Messages[0].Role != "system" || req.Messages[1].Role != "user" ||
		!strings.Contains(req.Messages[1].Content, "Judge Ada Quill set a hearing") {
		problems = append(problems, "messages are not a system prompt and the article")
	}
	rf := req.ResponseFormat
	props, _ := rf.JSONSchema.Schema["properties"].(map[string]any)
	if rf.Type != "json_schema" || rf.JSONSchema.Name == "" || !rf.JSONSchema.Strict || props["parties"] == nil || props["supports"] == nil {
		problems = append(problems, "response_format is not a strict JSON schema of the facts")
	}
	f.mu.Lock()
	f.problems = append(f.problems, problems...)
	f.mu.Unlock()
}

// start serves replies and returns an extractor that asks the server.
func start(t *testing.T, cfg Config, replies ...func(w http.ResponseWriter, r *http.Request)) (*Extractor, *fakeServer) {
	t.Helper()
	f := &fakeServer{t: t, replies: replies}
	server := httptest.NewServer(f)
	t.Cleanup(server.Close)
	t.Cleanup(func() {
		f.mu.Lock()
		defer f.mu.Unlock()
		for _, p := range f.problems {
			t.Errorf("bad request: %s", p)
		}
	})
	cfg.URL = server.URL + "/v1/"
	cfg.Model = "test-model"
	cfg.Key = "test-key"
	if cfg.RetryDelay == 0 {
		cfg.RetryDelay = time.Millisecond
	}
	e, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return e, f
}

func sampleInput() extract.Input {
	return extract.Input{Source: "sample.txt", Title: sampleTitle, Text: sampleText}
}

// runeOffset is where quote starts in text, in runes, found rune by rune.
func runeOffset(t *testing.T, text, quote string) int {
	t.Helper()
	r, q := []rune(text), []rune(quote)
	for i := 0; i+len(q) <= len(r); i++ {
		if string(r[i:i+len(q)]) == quote {
			return i
		}
	}
	t.Fatalf("quote %q is not in the text", quote)
	return -1
}

func TestExtractMapsAnswerOntoArticle(t *testing.T) {
	e, f := start(t, Config{}, answering(t, goodAnswer()))
	doc, rejected, err := e.Extract(context.Background(), sampleInput())
	if err != nil {
		t.Fatal(err)
	}
	if rejected.Total() != 0 {
		t.Errorf("rejected %+v, want none", rejected)
	}
	if f.count() != 1 {
		t.Errorf("%d requests, want 1", f.count())
	}
	if err := doc.Validate(); err != nil {
		t.Fatalf("document does not validate: %v", err)
	}
	if doc.Extractor != "llm/1:test-model" || doc.Article.ID != facts.ArticleID(doc.Article.Text) || doc.Article.Title != sampleTitle {
		t.Errorf("extractor %q, article %q %q", doc.Extractor, doc.Article.ID, doc.Article.Title)
	}
	counts := []int{len(doc.Cases), len(doc.Parties), len(doc.Courts), len(doc.Judges), len(doc.Precedents), len(doc.Arguments), len(doc.Supports), len(doc.Rulings)}
	if want := []int{1, 3, 1, 1, 1, 1, 1, 1}; !equalInts(counts, want) {
		t.Errorf("fact counts %v, want %v", counts, want)
	}
	ground := doc.Supports[0].Grounds[0].Evidence[0]
	if want := runeOffset(t, doc.Article.Text, ground.Quote); ground.Start != want || ground.End != want+len([]rune(ground.Quote)) {
		t.Errorf("ground evidence at %d..%d, want %d..%d", ground.Start, ground.End, want, want+len([]rune(ground.Quote)))
	}
	if byteAt := strings.Index(doc.Article.Text, ground.Quote); byteAt == ground.Start {
		t.Errorf("sample text has no multi-byte runes before the ground's quote, so offsets are not tested")
	}
	// "Harbor Lantern" is the party's own name by facts.Key, so it is not
	// kept as an alias; "HLC" is.
	p := doc.Parties[0]
	if p.Name != "Harbor Lantern Co." || p.Side != "A" || p.Case != "Harbor Lantern v. Millbrook" || p.Confidence != certainty["high"] ||
		len(p.Aliases) != 1 || p.Aliases[0] != "HLC" {
		t.Errorf("party 0 is %+v", p)
	}
	if g := doc.Parties[2]; g.Side != "" || g.Case != "" || g.Confidence != certainty["medium"] {
		t.Errorf("supporter party is %+v", g)
	}
	a := doc.Arguments[0]
	if a.By != "Harbor Lantern" || len(a.Cites) != 1 || a.Cites[0] != "Fair Signage Act" {
		t.Errorf("argument is %+v", a)
	}
	r := doc.Rulings[0]
	if r.Court != "Marsh County District Court" || r.Favors != "Millbrook" || r.Date != "Friday" {
		t.Errorf("ruling is %+v", r)
	}
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestExtractRejectsUnprovenFacts(t *testing.T) {
	const fabricated = "Millbrook vowed to appeal all the way to the supreme court."
	a := goodAnswer()
	// A support whose quote is invented: it and its ground go.
	a.Supports = append(a.Supports, answerSupport{Supporter: "Millbrook", Supported: "", Via: "letter",
		Grounds: []answerGround{{Claim: "lights are a nuisance", Quote: "the ordinance", Certainty: "low"}},
		Quote:   fabricated, Certainty: "high"})
	// A ground with an invented quote under a proven support: only it goes.
	a.Supports[0].Grounds = append(a.Supports[0].Grounds, answerGround{Claim: "jobs are at stake", Quote: fabricated, Certainty: "high"})
	// An argument by a party the answer does not list.
	a.Arguments = append(a.Arguments, answerArgument{By: "Lamplighters Union", Claim: "the ordinance is vague",
		Quote: "saying its new lighting ordinance is unconstitutional", Certainty: "medium"})
	// An argument citing an unlisted precedent keeps its proven claim.
	a.Arguments[0].Cites = append(a.Arguments[0].Cites, "Lighting Code of 1911")
	// A paraphrased quote is not verbatim.
	a.Judges[0].Quote = "Judge Ada Quill scheduled a hearing for March 3."
	// A ruling by a court that was never listed.
	a.Rulings = append(a.Rulings, answerRuling{Court: "Supreme Court of Marsh", Summary: "declined to block the ordinance",
		Quote: "the court declined to block the ordinance", Certainty: "high"})

	e, _ := start(t, Config{}, answering(t, a))
	doc, rejected, err := e.Extract(context.Background(), sampleInput())
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(); err != nil {
		t.Fatalf("document does not validate: %v", err)
	}
	want := Rejections{QuoteNotFound: 3, UnknownReference: 4}
	if rejected != want {
		t.Errorf("rejected %+v, want %+v", rejected, want)
	}
	if !strings.Contains(rejected.String(), "3 facts whose quotes are not in the article") {
		t.Errorf("rejections read %q", rejected.String())
	}
	if len(doc.Supports) != 1 || len(doc.Supports[0].Grounds) != 1 {
		t.Errorf("supports %+v, want the proven one with its proven ground", doc.Supports)
	}
	if len(doc.Arguments) != 1 || len(doc.Arguments[0].Cites) != 1 {
		t.Errorf("arguments %+v, want the proven one citing only the listed precedent", doc.Arguments)
	}
	if len(doc.Judges) != 0 || len(doc.Rulings) != 1 || len(doc.Parties) != 3 {
		t.Errorf("judges %d, rulings %d, parties %d; want 0, 1, 3", len(doc.Judges), len(doc.Rulings), len(doc.Parties))
	}
	out, _ := json.Marshal(doc)
	for _, gone := range []string{fabricated, "Lamplighters Union", "Lighting Code of 1911", "scheduled", "jobs are at stake"} {
		if strings.Contains(string(out), gone) {
			t.Errorf("the document still contains %q", gone)
		}
	}
}

func TestExtractRetriesOnceAfterServerError(t *testing.T) {
	e, f := start(t, Config{}, status(http.StatusInternalServerError, "model is loading"), answering(t, goodAnswer()))
	doc, _, err := e.Extract(context.Background(), sampleInput())
	if err != nil {
		t.Fatalf("the retry did not succeed: %v", err)
	}
	if f.count() != 2 || len(doc.Parties) != 3 {
		t.Errorf("%d requests and %d parties, want 2 and 3", f.count(), len(doc.Parties))
	}
}

func TestExtractGivesUpAfterOneRetry(t *testing.T) {
	e, f := start(t, Config{}, status(http.StatusTooManyRequests, "rate limit reached for test-model"))
	_, _, err := e.Extract(context.Background(), sampleInput())
	if err == nil || !strings.Contains(err.Error(), "429") || !strings.Contains(err.Error(), "rate limit reached") {
		t.Errorf("error %v, want the status and the body's start", err)
	}
	if f.count() != 2 {
		t.Errorf("%d requests, want 2", f.count())
	}
}

func TestExtractDoesNotRetryClientErrors(t *testing.T) {
	e, f := start(t, Config{}, status(http.StatusNotFound, `{"error":"model \"test-model\" not found"}`))
	_, _, err := e.Extract(context.Background(), sampleInput())
	if err == nil || !strings.Contains(err.Error(), "404") || !strings.Contains(err.Error(), "not found") {
		t.Errorf("error %v, want the status and the body's start", err)
	}
	if f.count() != 1 {
		t.Errorf("%d requests, want 1", f.count())
	}
}

func TestExtractReportsGarbage(t *testing.T) {
	cases := []struct {
		name  string
		reply func(w http.ResponseWriter, r *http.Request)
		want  string
	}{
		{"content not JSON", completion("Sure! Here are the facts: Harbor Lantern sued Millbrook."), "not facts JSON"},
		{"content empty", completion(""), "answer is empty"},
		{"body not a completion", func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "<html>proxy login</html>") }, "not a chat completion"},
		{"no choices", func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, `{"choices":[]}`) }, "no choices"},
		{"fields of the wrong type", completion(`{"parties": "Harbor Lantern"}`), "not facts JSON"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e, _ := start(t, Config{}, tc.reply)
			_, _, err := e.Extract(context.Background(), sampleInput())
			if err == nil || !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %v, want one saying %q", err, tc.want)
			}
		})
	}
}

func TestExtractTimesOut(t *testing.T) {
	hang := func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	}
	e, _ := start(t, Config{Timeout: 200 * time.Millisecond}, hang)
	began := time.Now()
	_, _, err := e.Extract(context.Background(), sampleInput())
	if err == nil || !strings.Contains(err.Error(), "within 200ms") || !strings.Contains(err.Error(), EnvTimeout) {
		t.Errorf("error %v, want one naming the timeout and %s", err, EnvTimeout)
	}
	if waited := time.Since(began); waited > 5*time.Second {
		t.Errorf("gave up after %s, want soon after the timeout", waited)
	}
}

func TestFuncReportsRejections(t *testing.T) {
	a := goodAnswer()
	a.Courts[0].Quote = "before the Marsh County Superior Court"
	var reported []Rejections
	e, _ := start(t, Config{Rejected: func(source string, r Rejections) {
		if source != "sample.txt" {
			t.Errorf("rejections reported for %q", source)
		}
		reported = append(reported, r)
	}}, answering(t, a))
	doc, err := e.Func(context.Background())(sampleInput())
	if err != nil {
		t.Fatal(err)
	}
	// Without its court, the judge's and the ruling's court references fail.
	if len(reported) != 1 || reported[0] != (Rejections{QuoteNotFound: 1, UnknownReference: 2}) {
		t.Errorf("reported %+v", reported)
	}
	if err := doc.Validate(); err != nil {
		t.Errorf("document does not validate: %v", err)
	}
}

func TestConfigFromEnv(t *testing.T) {
	t.Setenv(EnvURL, "")
	t.Setenv(EnvModel, "")
	t.Setenv(EnvTimeout, "")
	_, err := ConfigFromEnv()
	if err == nil || !strings.Contains(err.Error(), EnvURL) || !strings.Contains(err.Error(), EnvModel) {
		t.Errorf("error %v, want one naming %s and %s", err, EnvURL, EnvModel)
	}
	t.Setenv(EnvURL, "http://localhost:11434/v1")
	t.Setenv(EnvModel, "llama3.1")
	t.Setenv(EnvTimeout, "soon")
	if _, err := ConfigFromEnv(); err == nil || !strings.Contains(err.Error(), EnvTimeout) {
		t.Errorf("error %v, want one naming %s", err, EnvTimeout)
	}
	t.Setenv(EnvTimeout, "90s")
	cfg, err := ConfigFromEnv()
	if err != nil || cfg.Timeout != 90*time.Second || cfg.Model != "llama3.1" {
		t.Errorf("config %+v, error %v", cfg, err)
	}
	if _, err := New(Config{URL: "localhost:11434", Model: "m"}); err == nil || !strings.Contains(err.Error(), "http://") {
		t.Errorf("New accepted a URL without a scheme: %v", err)
	}
}

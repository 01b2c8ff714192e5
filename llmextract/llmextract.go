// Package llmextract is Amicus's optional language-model extractor: it asks
// any server that speaks the OpenAI chat completions protocol (Ollama, vLLM,
// OpenAI, ...) for the facts in one article, and keeps only the facts it can
// prove.
//
// The model is asked for a JSON answer that follows a strict JSON schema
// (schema.go): parties, courts, judges, precedents, arguments, supports with
// grounds and rulings, each with a verbatim quote of the article as its
// evidence. The answer is then checked, not trusted: a fact whose quote is
// not found verbatim in the article text is rejected, and so is a fact that
// names a party, court, case or precedent the answer does not contain. The
// rejections are counted (Rejections) so the user can be told how many facts
// were dropped, without repeating the model's unproven text.
//
// The article text is normalised exactly as the rule-based extractor does
// it, so an article has the same identifier whichever extractor read it.
package llmextract

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/amicus-graph/amicus/extract"
	"github.com/amicus-graph/amicus/facts"
)

// Name is the prefix of Document.Extractor for this extractor; the model's
// name follows it, as in "llm/1:llama3.1".
const Name = "llm/1"

// Environment variables read by ConfigFromEnv.
const (
	EnvURL     = "AMICUS_LLM_URL"
	EnvModel   = "AMICUS_LLM_MODEL"
	EnvKey     = "AMICUS_LLM_KEY"
	EnvTimeout = "AMICUS_LLM_TIMEOUT"
)

// DefaultTimeout is how long one article may take, retry included, when
// Config.Timeout is zero.
const DefaultTimeout = 2 * time.Minute

// DefaultRetryDelay is how long to wait before retrying a request the server
// refused as overloaded or failed, when the server does not say.
const DefaultRetryDelay = 2 * time.Second

// maxRetryDelay caps a server's Retry-After, so a retry never waits longer
// than this.
const maxRetryDelay = 30 * time.Second

// Config says which server and model to ask.
type Config struct {
	// URL is the server's base URL; requests go to URL + "/chat/completions".
	URL string
	// Model is the model name the server knows.
	Model string
	// Key, when set, is sent as a bearer token.
	Key string
	// Timeout bounds the time spent on one article; DefaultTimeout if zero.
	Timeout time.Duration
	// RetryDelay is the wait before the one retry of a request that got 429
	// or a 5xx status without a Retry-After; DefaultRetryDelay if zero.
	RetryDelay time.Duration
	// Client sends the requests; http.DefaultClient if nil.
	Client *http.Client
	// Rejected, when not nil, is told after each article how many of the
	// model's facts were rejected, if any.
	Rejected func(source string, r Rejections)
}

// ConfigFromEnv reads the configuration from AMICUS_LLM_URL,
// AMICUS_LLM_MODEL, AMICUS_LLM_KEY (optional) and AMICUS_LLM_TIMEOUT
// (optional, a Go duration such as "90s"). The error names what is missing
// or wrong.
func ConfigFromEnv() (Config, error) {
	cfg := Config{
		URL:   strings.TrimSpace(os.Getenv(EnvURL)),
		Model: strings.TrimSpace(os.Getenv(EnvModel)),
		Key:   strings.TrimSpace(os.Getenv(EnvKey)),
	}
	var missing []string
	if cfg.URL == "" {
		missing = append(missing, EnvURL+" (the server's base URL, e.g. http://localhost:11434/v1)")
	}
	if cfg.Model == "" {
		missing = append(missing, EnvModel+" (the model name, e.g. llama3.1)")
	}
	if len(missing) > 0 {
		return Config{}, fmt.Errorf("the llm extractor needs %s", strings.Join(missing, " and "))
	}
	if t := strings.TrimSpace(os.Getenv(EnvTimeout)); t != "" {
		d, err := time.ParseDuration(t)
		if err != nil || d <= 0 {
			return Config{}, fmt.Errorf("%s=%q is not a positive duration such as 90s or 5m", EnvTimeout, t)
		}
		cfg.Timeout = d
	}
	return cfg, nil
}

// Extractor asks a language model for an article's facts. It is safe for
// concurrent use.
type Extractor struct {
	cfg      Config
	endpoint string
}

// New returns an Extractor for the configuration, or an error naming the
// setting that is missing or wrong.
func New(cfg Config) (*Extractor, error) {
	if cfg.URL == "" || cfg.Model == "" {
		return nil, fmt.Errorf("the llm extractor needs a server URL (%s) and a model (%s)", EnvURL, EnvModel)
	}
	if !strings.HasPrefix(cfg.URL, "http://") && !strings.HasPrefix(cfg.URL, "https://") {
		return nil, fmt.Errorf("%s=%q is not an http:// or https:// URL", EnvURL, cfg.URL)
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.RetryDelay <= 0 {
		cfg.RetryDelay = DefaultRetryDelay
	}
	if cfg.Client == nil {
		cfg.Client = http.DefaultClient
	}
	return &Extractor{cfg: cfg, endpoint: strings.TrimRight(cfg.URL, "/") + "/chat/completions"}, nil
}

// Func returns the extractor as a function of the loader's shape, whose
// requests end when ctx ends.
func (e *Extractor) Func(ctx context.Context) func(extract.Input) (facts.Document, error) {
	return func(in extract.Input) (facts.Document, error) {
		doc, rejected, err := e.Extract(ctx, in)
		if err == nil && rejected.Total() > 0 && e.cfg.Rejected != nil {
			e.cfg.Rejected(in.Source, rejected)
		}
		return doc, err
	}
}

// Extract asks the model for the facts in one article and returns those
// whose evidence is in the article, with the count of those rejected. The
// returned document passes Validate.
func (e *Extractor) Extract(ctx context.Context, in extract.Input) (facts.Document, Rejections, error) {
	// The rule-based extractor normalises the text and finds the title,
	// author and publisher; its facts are not used.
	base, err := extract.Extract(in)
	if err != nil {
		return facts.Document{}, Rejections{}, err
	}
	ctx, cancel := context.WithTimeout(ctx, e.cfg.Timeout)
	defer cancel()
	content, err := e.complete(ctx, base.Article)
	if err != nil {
		return facts.Document{}, Rejections{}, err
	}
	ans, err := parseAnswer(content)
	if err != nil {
		return facts.Document{}, Rejections{}, err
	}
	doc, rejected := buildDocument(base.Article, ans)
	doc.Extractor = Name + ":" + e.cfg.Model
	return doc, rejected, nil
}

// chatRequest is the body of a chat completions request.
type chatRequest struct {
	Model          string         `json:"model"`
	Messages       []chatMessage  `json:"messages"`
	ResponseFormat responseFormat `json:"response_format"`
	Temperature    float64        `json:"temperature"`
}

type chatMessage struct {
	Role    string `json:"role"`
	Content string `json:"content"`
}

type responseFormat struct {
	Type       string     `json:"type"`
	JSONSchema jsonSchema `json:"json_schema"`
}

type jsonSchema struct {
	Name   string         `json:"name"`
	Strict bool           `json:"strict"`
	Schema map[string]any `json:"schema"`
}

// chatResponse is the part of a chat completions answer we read.
type chatResponse struct {
	Choices []struct {
		Message struct {
			Content string `json:"content"`
			Refusal string `json:"refusal"`
		} `json:"message"`
		FinishReason string `json:"finish_reason"`
	} `json:"choices"`
}

// complete sends the article to the model and returns the answer's text,
// retrying once when the server is overloaded or fails.
func (e *Extractor) complete(ctx context.Context, article facts.Article) (string, error) {
	body, err := json.Marshal(chatRequest{
		Model: e.cfg.Model,
		Messages: []chatMessage{
			{Role: "system", Content: systemPrompt},
			{Role: "user", Content: userMessage(article)},
		},
		ResponseFormat: responseFormat{
			Type:       "json_schema",
			JSONSchema: jsonSchema{Name: schemaName, Strict: true, Schema: answerSchema()},
		},
	})
	if err != nil {
		return "", err
	}
	for attempt := 1; ; attempt++ {
		content, retryAfter, err := e.post(ctx, body)
		if err == nil {
			return content, nil
		}
		if retryAfter < 0 || attempt == 2 {
			return "", e.explain(ctx, err)
		}
		timer := time.NewTimer(retryAfter)
		select {
		case <-ctx.Done():
			timer.Stop()
			return "", e.explain(ctx, err)
		case <-timer.C:
		}
	}
}

// explain turns an ended context into an error that says what happened.
func (e *Extractor) explain(ctx context.Context, err error) error {
	if errors.Is(ctx.Err(), context.DeadlineExceeded) {
		return fmt.Errorf("llm: no answer from %s within %s (set %s to wait longer)", e.endpoint, e.cfg.Timeout, EnvTimeout)
	}
	if ctx.Err() != nil {
		return fmt.Errorf("llm: request to %s cancelled", e.endpoint)
	}
	return err
}

// post sends one request. When it fails in a way worth retrying, retryAfter
// is the wait before the retry; otherwise it is negative.
func (e *Extractor) post(ctx context.Context, body []byte) (content string, retryAfter time.Duration, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, e.endpoint, bytes.NewReader(body))
	if err != nil {
		return "", -1, fmt.Errorf("llm: %v", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	if e.cfg.Key != "" {
		req.Header.Set("Authorization", "Bearer "+e.cfg.Key)
	}
	resp, err := e.cfg.Client.Do(req)
	if err != nil {
		return "", -1, fmt.Errorf("llm: cannot reach %s: %v", e.endpoint, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, 16<<20))
	if err != nil {
		return "", -1, fmt.Errorf("llm: reading the answer from %s: %v", e.endpoint, err)
	}
	if resp.StatusCode != http.StatusOK {
		err := fmt.Errorf("llm: %s answered %s: %s", e.endpoint, resp.Status, excerpt(data))
		if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500 {
			return "", e.retryDelay(resp.Header.Get("Retry-After")), err
		}
		return "", -1, err
	}
	var answer chatResponse
	if err := json.Unmarshal(data, &answer); err != nil {
		return "", -1, fmt.Errorf("llm: %s answered with something that is not a chat completion (%v): %s", e.endpoint, err, excerpt(data))
	}
	if len(answer.Choices) == 0 {
		return "", -1, fmt.Errorf("llm: %s answered with no choices: %s", e.endpoint, excerpt(data))
	}
	choice := answer.Choices[0]
	if choice.Message.Refusal != "" {
		return "", -1, fmt.Errorf("llm: the model refused: %s", excerpt([]byte(choice.Message.Refusal)))
	}
	if choice.FinishReason == "length" {
		return "", -1, fmt.Errorf("llm: the model's answer was cut off at its output limit; use a model with a longer output or a shorter article")
	}
	return choice.Message.Content, 0, nil
}

// retryDelay is the wait before a retry: the server's Retry-After in
// seconds when it gives one, capped, or the configured delay.
func (e *Extractor) retryDelay(retryAfter string) time.Duration {
	if seconds, err := strconv.Atoi(strings.TrimSpace(retryAfter)); err == nil && seconds >= 0 {
		return min(time.Duration(seconds)*time.Second, maxRetryDelay)
	}
	return e.cfg.RetryDelay
}

// excerpt is the start of a body, on one line, for an error message.
func excerpt(data []byte) string {
	const most = 200
	s := strings.Join(strings.Fields(string(data)), " ")
	if s == "" {
		return "(empty body)"
	}
	if r := []rune(s); len(r) > most {
		return string(r[:most]) + "…"
	}
	return s
}

// userMessage is the article as the model is shown it.
func userMessage(a facts.Article) string {
	var b strings.Builder
	if a.Title != "" {
		fmt.Fprintf(&b, "Title: %s\n", a.Title)
	}
	if a.Publisher != "" {
		fmt.Fprintf(&b, "Publisher: %s\n", a.Publisher)
	}
	if a.PublishedAt != "" {
		fmt.Fprintf(&b, "Published: %s\n", a.PublishedAt)
	}
	b.WriteString("\nArticle text (quote evidence from here, exactly):\n\n")
	b.WriteString(a.Text)
	return b.String()
}

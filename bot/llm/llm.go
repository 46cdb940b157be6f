// Package llm summarizes meeting minutes through any OpenAI-compatible
// chat-completions API (OpenAI, Azure-style proxies, a local Ollama, vLLM...).
//
// The document is treated strictly as data: it travels inside delimiters the
// document itself cannot close, the system prompt forbids following anything
// written in it, and nothing in this package acts on the model's output. The
// caller must still display the result escaped.
package llm

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"time"

	openai "github.com/sashabaranov/go-openai"
)

// Defaults applied by New to zero fields of Config.
const (
	// DefaultBaseURL is OpenAI's API; other servers need their own, ending in /v1.
	DefaultBaseURL = "https://api.openai.com/v1"
	// DefaultModel is the model used when Config.Model is empty.
	DefaultModel = "gpt-4o-mini"
	// DefaultTimeout bounds each request when Config.Timeout is zero.
	DefaultTimeout = 60 * time.Second
	// DefaultMaxChunkChars is the document characters per request when Config.MaxChunkChars is zero.
	DefaultMaxChunkChars = 24000
	// DefaultRetryWait is the wait before the one retry when Config.RetryWait is zero.
	DefaultRetryWait = 2 * time.Second
)

const (
	maxParts          = 20      // longer documents are refused rather than billed
	parallelParts     = 3       // part summaries requested at the same time
	maxOutputTokens   = 800     // per call, for ordinary chat models
	maxReasoningToks  = 4000    // per call, for reasoning models (reasoning counts too)
	temperature       = 0.2     // not sent to reasoning models
	maxResponseBytes  = 4 << 20 // cap on a response body read from the server
	minMaxChunkChars  = 500     // smaller MaxChunkChars values are raised to this
	minTimeout        = 10 * time.Millisecond
	maxTitleChars     = 200
	maxErrDetailChars = 200
)

// Config of the summarizer; zero values take defaults.
type Config struct {
	APIKey        string        // OPENAI_API_KEY; may be "" for a local server
	BaseURL       string        // OPENAI_BASE_URL, default "https://api.openai.com/v1"; must include /v1
	Model         string        // OPENAI_MODEL, default "gpt-4o-mini"
	Timeout       time.Duration // per request, default 60s
	MaxChunkChars int           // default 24000 characters of document per request
	RetryWait     time.Duration // wait before the one retry, default 2s (tests set it tiny)
	Commitments   bool          // also ask for the dated commitments (OPENAI_COMMITMENTS), checked by the caller
}

// Usage counts what was sent: Calls is every request attempted, a retried
// one included; the token counts add up the Usage of the successful responses.
type Usage struct{ Calls, PromptTokens, CompletionTokens int }

// Summarizer produces a summary of minutes. Safe for concurrent use.
type Summarizer struct {
	client *openai.Client
	cfg    Config
}

// New returns a Summarizer for cfg, with defaults for its zero fields;
// MaxChunkChars below 500 is raised to 500. It does not contact the server.
func New(cfg Config) *Summarizer {
	if cfg.BaseURL == "" {
		cfg.BaseURL = DefaultBaseURL
	}
	if cfg.Model == "" {
		cfg.Model = DefaultModel
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	cfg.Timeout = max(cfg.Timeout, minTimeout)
	if cfg.MaxChunkChars <= 0 {
		cfg.MaxChunkChars = DefaultMaxChunkChars
	}
	cfg.MaxChunkChars = max(cfg.MaxChunkChars, minMaxChunkChars)
	if cfg.RetryWait <= 0 {
		cfg.RetryWait = DefaultRetryWait
	}
	oc := openai.DefaultConfig(cfg.APIKey)
	oc.BaseURL = cfg.BaseURL
	// The per-call context deadline is the real limit; this is a backstop.
	oc.HTTPClient = limitedDoer{&http.Client{Timeout: cfg.Timeout + time.Second}}
	return &Summarizer{client: openai.NewClientWithConfig(oc), cfg: cfg}
}

// Summarize returns a plain-text summary: the meeting in a few lines, its decisions, and action items per Party with deadlines.
// A long document is split at paragraph boundaries into parts of at most MaxChunkChars, each part summarized, then the part summaries combined in one more call.
// A 429, a 5xx or a timeout is retried once after RetryWait, then reported as an error wrapping ErrUnavailable (message says plainly: "the summary service is busy or unreachable"); a 401/403 wraps ErrRefused ("the summary service refused the API key"); other errors wrap ErrFailed. Errors never contain the API key.
//
// Part summaries are requested up to three at a time. When the part summaries
// together exceed MaxChunkChars (rare: each is a few thousand characters at
// most) they are first combined in groups of at least two, round after round,
// until one final combine call remains. Documents of more than 20 parts are
// refused with ErrFailed before any call. Usage is returned even with an error.
func (s *Summarizer) Summarize(ctx context.Context, title, text string) (string, Usage, error) {
	var u usageCounter
	text = normalize(text)
	if strings.TrimSpace(text) == "" {
		return "", Usage{}, s.newErr(ErrFailed, "the document is empty", nil)
	}
	title = cleanTitle(title)
	parts := splitText(text, s.cfg.MaxChunkChars)
	if len(parts) > maxParts {
		return "", Usage{}, s.newErr(ErrFailed, fmt.Sprintf(
			"the document is too long (%d parts of %d characters, at most %d)",
			len(parts), s.cfg.MaxChunkChars, maxParts), nil)
	}
	if len(parts) == 1 {
		out, err := s.call(ctx, &u, wholeTask, title, parts[0])
		return out, u.get(), err
	}
	sums, err := s.summarizeParts(ctx, &u, title, parts)
	if err != nil {
		return "", u.get(), err
	}
	// Reduce: combine groups of summaries until all fit in one request.
	for {
		groups := groupSummaries(sums, s.cfg.MaxChunkChars)
		if len(groups) == 1 {
			out, err := s.call(ctx, &u, combineTask, title, combineBody(groups[0]))
			return out, u.get(), err
		}
		next := make([]string, 0, len(groups))
		for _, g := range groups {
			if len(g) == 1 { // a last, lone summary goes up unchanged
				next = append(next, g[0])
				continue
			}
			out, err := s.call(ctx, &u, combineTask, title, combineBody(g))
			if err != nil {
				return "", u.get(), err
			}
			next = append(next, out)
		}
		sums = next
	}
}

// summarizeParts summarizes each part, a few at a time; the first error
// cancels the rest and is the one reported.
func (s *Summarizer) summarizeParts(ctx context.Context, u *usageCounter, title string, parts []string) ([]string, error) {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var (
		wg       sync.WaitGroup
		mu       sync.Mutex
		firstErr error
		sem      = make(chan struct{}, parallelParts)
		sums     = make([]string, len(parts))
	)
	for i, p := range parts {
		wg.Go(func() {
			select {
			case sem <- struct{}{}:
				defer func() { <-sem }()
			case <-ctx.Done():
				return
			}
			if ctx.Err() != nil {
				return
			}
			out, err := s.call(ctx, u, partTask(i+1, len(parts)), title, p)
			mu.Lock()
			defer mu.Unlock()
			if err != nil && firstErr == nil {
				firstErr = err
				cancel()
			}
			sums[i] = out
		})
	}
	wg.Wait()
	if firstErr == nil && ctx.Err() != nil {
		firstErr = s.ctxErr(ctx.Err())
	}
	return sums, firstErr
}

// call sends one request, retrying once after RetryWait when the service is
// busy or unreachable, and returns the cleaned and capped reply.
func (s *Summarizer) call(ctx context.Context, u *usageCounter, task, title, body string) (string, error) {
	return s.do(ctx, u, s.request(userMessage(task, title, body)), capOutput)
}

// do sends req, retrying once after RetryWait when the service is busy or
// unreachable, and returns the reply as clean makes it.
func (s *Summarizer) do(ctx context.Context, u *usageCounter, req openai.ChatCompletionRequest, clean func(string) string) (string, error) {
	for attempt := 1; ; attempt++ {
		if err := ctx.Err(); err != nil {
			return "", s.ctxErr(err)
		}
		callCtx, cancel := context.WithTimeout(ctx, s.cfg.Timeout)
		resp, err := s.client.CreateChatCompletion(callCtx, req)
		timedOut := callCtx.Err() == context.DeadlineExceeded
		cancel()
		u.add(resp.Usage, err)
		if err == nil {
			if len(resp.Choices) == 0 {
				return "", s.newErr(ErrFailed, "the summary service sent no answer", nil)
			}
			out := clean(resp.Choices[0].Message.Content)
			if out == "" {
				return "", s.newErr(ErrFailed, "the summary service sent an empty answer", nil)
			}
			return out, nil
		}
		if ctx.Err() != nil { // the caller gave up, not the service
			return "", s.ctxErr(ctx.Err())
		}
		kind, retry, detail := s.classify(err, timedOut)
		if !retry || attempt == 2 {
			if retry {
				detail += ", also after one retry"
			}
			return "", s.newErr(kind, detail, nil)
		}
		t := time.NewTimer(s.cfg.RetryWait)
		select {
		case <-ctx.Done():
			t.Stop()
			return "", s.ctxErr(ctx.Err())
		case <-t.C:
		}
	}
}

// request builds the chat-completion request; reasoning models take neither
// MaxTokens nor a temperature.
func (s *Summarizer) request(user string) openai.ChatCompletionRequest {
	req := openai.ChatCompletionRequest{
		Model: s.cfg.Model,
		Messages: []openai.ChatCompletionMessage{
			{Role: openai.ChatMessageRoleSystem, Content: systemPrompt},
			{Role: openai.ChatMessageRoleUser, Content: user},
		},
	}
	if isReasoningModel(s.cfg.Model) {
		req.MaxCompletionTokens = maxReasoningToks
	} else {
		// max_tokens, though go-openai marks it deprecated: the OpenAI-compatible
		// servers this must also work with (Ollama, vLLM) read only this one.
		req.MaxTokens = maxOutputTokens
		req.Temperature = temperature
	}
	return req
}

func isReasoningModel(model string) bool {
	m := strings.ToLower(model)
	for _, p := range []string{"o1", "o3", "o4", "gpt-5", "gpt-6"} {
		if strings.HasPrefix(m, p) {
			return true
		}
	}
	return false
}

// usageCounter adds up Usage from concurrent calls.
type usageCounter struct {
	mu sync.Mutex
	u  Usage
}

func (c *usageCounter) add(ou openai.Usage, err error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.u.Calls++
	if err == nil {
		c.u.PromptTokens += ou.PromptTokens
		c.u.CompletionTokens += ou.CompletionTokens
	}
}

func (c *usageCounter) get() Usage {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.u
}

// limitedDoer caps how much of a response body is read.
type limitedDoer struct{ c *http.Client }

func (d limitedDoer) Do(req *http.Request) (*http.Response, error) {
	resp, err := d.c.Do(req)
	if err != nil {
		return nil, err
	}
	resp.Body = struct {
		io.Reader
		io.Closer
	}{io.LimitReader(resp.Body, maxResponseBytes), resp.Body}
	return resp, nil
}

package llm

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const secretKey = "sk-distinctive-KEY-9f8e7d6c5b4a3210"

// seen is one request received by the fake server.
type seen struct {
	Method, Path string
	Auth         []string // Authorization header values
	Raw          []byte
	JSON         map[string]any
	Model        string
	System, User string
}

// fakeAPI is a local OpenAI-compatible server. reply answers call n (from 1).
type fakeAPI struct {
	srv   *httptest.Server
	mu    sync.Mutex
	reqs  []seen
	reply func(n int, s seen, w http.ResponseWriter, r *http.Request)
}

func newFakeAPI(t *testing.T, reply func(n int, s seen, w http.ResponseWriter, r *http.Request)) *fakeAPI {
	t.Helper()
	f := &fakeAPI{reply: reply}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		raw, _ := io.ReadAll(r.Body)
		s := seen{Method: r.Method, Path: r.URL.Path, Auth: r.Header.Values("Authorization"), Raw: raw}
		var body struct {
			Model    string `json:"model"`
			Messages []struct{ Role, Content string }
		}
		bad := json.Unmarshal(raw, &body) != nil || json.Unmarshal(raw, &s.JSON) != nil || len(body.Messages) != 2 ||
			body.Messages[0].Role != "system" || body.Messages[1].Role != "user"
		if !bad {
			s.Model, s.System, s.User = body.Model, body.Messages[0].Content, body.Messages[1].Content
		}
		f.mu.Lock()
		f.reqs = append(f.reqs, s)
		n := len(f.reqs)
		f.mu.Unlock()
		if bad {
			t.Errorf("malformed request: %s", raw)
			writeAPIError(w, http.StatusBadRequest, "malformed request")
			return
		}
		f.reply(n, s, w, r)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *fakeAPI) requests() []seen {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]seen(nil), f.reqs...)
}

func (f *fakeAPI) summarizer(key string, mod func(*Config)) *Summarizer {
	cfg := Config{APIKey: key, BaseURL: f.srv.URL + "/v1", Model: "test-model", Timeout: 5 * time.Second, RetryWait: time.Millisecond}
	if mod != nil {
		mod(&cfg)
	}
	return New(cfg)
}

func writeReply(w http.ResponseWriter, content string) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(map[string]any{
		"id": "chatcmpl-1", "object": "chat.completion", "created": 1, "model": "test-model",
		"choices": []any{map[string]any{"index": 0, "finish_reason": "stop",
			"message": map[string]any{"role": "assistant", "content": content}}},
		"usage": map[string]any{"prompt_tokens": 100, "completion_tokens": 20, "total_tokens": 120},
	})
}

func writeAPIError(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"error": map[string]any{"message": msg, "type": "test_error"}})
}

const goodSummary = "Meeting: 12th meeting.\nDecisions:\n- none\nAction items:\n- Party A: report — 1 May"

func okReply(int, seen, http.ResponseWriter, *http.Request) {}

func TestSummarizeSendsOneWellFormedRequest(t *testing.T) {
	f := newFakeAPI(t, func(_ int, _ seen, w http.ResponseWriter, _ *http.Request) {
		writeReply(w, "\n  "+goodSummary+"  \n")
	})
	doc := "Item 1. The Chair opened the meeting.\n\nItem 2. Party A will report by 1 May."
	out, u, err := f.summarizer("test-key", nil).Summarize(context.Background(), "WG-CC 12th meeting", doc)
	if err != nil {
		t.Fatal(err)
	}
	if out != goodSummary {
		t.Errorf("summary = %q, want the trimmed reply", out)
	}
	if u != (Usage{Calls: 1, PromptTokens: 100, CompletionTokens: 20}) {
		t.Errorf("usage = %+v", u)
	}
	reqs := f.requests()
	if len(reqs) != 1 {
		t.Fatalf("%d requests, want 1", len(reqs))
	}
	r := reqs[0]
	if r.Method != http.MethodPost || r.Path != "/v1/chat/completions" {
		t.Errorf("request %s %s", r.Method, r.Path)
	}
	if len(r.Auth) != 1 || r.Auth[0] != "Bearer test-key" {
		t.Errorf("Authorization = %q", r.Auth)
	}
	if r.Model != "test-model" || r.System != systemPrompt {
		t.Errorf("model %q, system prompt changed: %v", r.Model, r.System != systemPrompt)
	}
	wantDoc := "<document>\nTitle: WG-CC 12th meeting\n\n" + doc + "\n</document>"
	if !strings.HasSuffix(r.User, wantDoc) || !strings.HasPrefix(r.User, wholeTask) {
		t.Errorf("user message = %q, want the task then %q", r.User, wantDoc)
	}
	if r.JSON["max_tokens"] != float64(800) || r.JSON["temperature"] != 0.2 || r.JSON["stream"] != false {
		t.Errorf("max_tokens %v, temperature %v, stream %v", r.JSON["max_tokens"], r.JSON["temperature"], r.JSON["stream"])
	}
}

func TestSummarizeWithoutKeySendsNoAuthorizationAndDefaultModel(t *testing.T) {
	f := newFakeAPI(t, func(_ int, _ seen, w http.ResponseWriter, _ *http.Request) { writeReply(w, goodSummary) })
	s := f.summarizer("", func(c *Config) { c.Model = "" })
	if _, _, err := s.Summarize(context.Background(), "", "Some minutes."); err != nil {
		t.Fatal(err)
	}
	r := f.requests()[0]
	if len(r.Auth) != 0 {
		t.Errorf("Authorization sent without a key: %q", r.Auth)
	}
	if r.Model != "gpt-4o-mini" || strings.Contains(r.User, "Title:") {
		t.Errorf("model %q, user %q", r.Model, r.User)
	}
}

func TestSummarizeReasoningModelOmitsTemperature(t *testing.T) {
	f := newFakeAPI(t, func(_ int, _ seen, w http.ResponseWriter, _ *http.Request) { writeReply(w, goodSummary) })
	s := f.summarizer("k", func(c *Config) { c.Model = "gpt-5-mini" })
	if _, _, err := s.Summarize(context.Background(), "", "Some minutes."); err != nil {
		t.Fatal(err)
	}
	j := f.requests()[0].JSON
	_, hasT := j["temperature"]
	_, hasM := j["max_tokens"]
	if hasT || hasM || j["max_completion_tokens"] == nil {
		t.Errorf("reasoning model request: %v", j)
	}
}

var partRE = regexp.MustCompile(`part (\d+) of (\d+)`)

// docBody returns what a user message carries between the delimiters.
func docBody(user string) string {
	i := strings.Index(user, "<document>\n")
	return strings.TrimSuffix(user[i+len("<document>\n"):], "\n</document>")
}

func TestSummarizeLongDocumentSplitsThenCombines(t *testing.T) {
	const maxChars = 1000
	var paras []string
	for i := range 30 { // 30 paragraphs of ~100 characters: 3×maxChars
		paras = append(paras, fmt.Sprintf("P%03d %s", i, strings.Repeat("word ", 19)))
	}
	doc := strings.Join(paras, "\n\n")
	f := newFakeAPI(t, func(_ int, s seen, w http.ResponseWriter, _ *http.Request) {
		if m := partRE.FindStringSubmatch(s.User); m != nil && strings.HasPrefix(s.User, "The document below is part") {
			writeReply(w, "summary-of-part-"+m[1])
			return
		}
		writeReply(w, "final combined summary")
	})
	out, u, err := f.summarizer("k", func(c *Config) { c.MaxChunkChars = maxChars }).
		Summarize(context.Background(), "Long", doc)
	if err != nil {
		t.Fatal(err)
	}
	reqs := f.requests()
	parts := make(map[int]string)
	var combine []seen
	for _, r := range reqs {
		if m := partRE.FindStringSubmatch(r.User); m != nil && strings.HasPrefix(r.User, "The document below is part") {
			i, _ := strconv.Atoi(m[1])
			parts[i] = strings.TrimPrefix(docBody(r.User), "Title: Long\n\n")
		} else {
			combine = append(combine, r)
		}
	}
	n := len(parts)
	if n < 3 || len(combine) != 1 || len(reqs) != n+1 || u.Calls != n+1 || u.PromptTokens != 100*(n+1) {
		t.Fatalf("%d part calls, %d combine calls, %d requests, usage %+v", n, len(combine), len(reqs), u)
	}
	if out != "final combined summary" {
		t.Errorf("summary = %q", out)
	}
	var joined []string
	for i := 1; i <= n; i++ {
		if len([]rune(parts[i])) > maxChars {
			t.Errorf("part %d has %d characters", i, len([]rune(parts[i])))
		}
		joined = append(joined, parts[i])
		if !strings.Contains(combine[0].User, fmt.Sprintf("[Summary %d]\nsummary-of-part-%d", i, i)) {
			t.Errorf("combine call lacks the summary of part %d", i)
		}
	}
	all := strings.Join(joined, "\n\n")
	if strings.Join(strings.Fields(all), " ") != strings.Join(strings.Fields(doc), " ") {
		t.Errorf("the parts in order differ from the document")
	}
	if !strings.HasPrefix(combine[0].User, combineTask) {
		t.Errorf("combine call user message = %q", combine[0].User)
	}
	for i := range 30 {
		if c := strings.Count(all, fmt.Sprintf("P%03d ", i)); c != 1 {
			t.Errorf("paragraph %d reached the server %d times", i, c)
		}
		if strings.Contains(combine[0].User, fmt.Sprintf("P%03d ", i)) {
			t.Errorf("document text leaked into the combine call")
		}
	}
}

func TestSummarizeRetriesAndClassifiesErrors(t *testing.T) {
	cases := []struct {
		name      string
		statuses  []int // per call; 200 answers
		plainBody bool  // a non-JSON error body (RequestError path)
		want      error
		wantCalls int
	}{
		{"429 then success", []int{429, 200}, false, nil, 2},
		{"429 twice", []int{429, 429}, false, ErrUnavailable, 2},
		{"500 twice", []int{500, 500}, false, ErrUnavailable, 2},
		{"502 plain twice", []int{502, 502}, true, ErrUnavailable, 2},
		{"503 then success", []int{503, 200}, true, nil, 2},
		{"401", []int{401}, false, ErrRefused, 1},
		{"403 plain", []int{403}, true, ErrRefused, 1},
		{"400", []int{400}, false, ErrFailed, 1},
		{"404 plain", []int{404}, true, ErrFailed, 1},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := newFakeAPI(t, func(n int, _ seen, w http.ResponseWriter, _ *http.Request) {
				switch st := tc.statuses[n-1]; {
				case st == 200:
					writeReply(w, goodSummary)
				case tc.plainBody:
					http.Error(w, "upstream exploded", st)
				default:
					writeAPIError(w, st, "something went wrong")
				}
			})
			out, u, err := f.summarizer(secretKey, nil).Summarize(context.Background(), "t", "minutes")
			if got := len(f.requests()); got != tc.wantCalls || u.Calls != tc.wantCalls {
				t.Errorf("%d requests, usage %+v, want %d calls", got, u, tc.wantCalls)
			}
			if tc.want == nil {
				if err != nil || out != goodSummary || u.PromptTokens != 100 {
					t.Errorf("got %q, %+v, %v", out, u, err)
				}
				return
			}
			if !errors.Is(err, tc.want) || out != "" {
				t.Fatalf("err = %v, want %v", err, tc.want)
			}
			for _, other := range []error{ErrUnavailable, ErrRefused, ErrFailed} {
				if other != tc.want && errors.Is(err, other) {
					t.Errorf("err %v also wraps %v", err, other)
				}
			}
			if !strings.Contains(err.Error(), tc.want.Error()) || strings.Contains(err.Error(), "upstream exploded") {
				t.Errorf("message %q", err)
			}
		})
	}
	if ErrUnavailable.Error() != "the summary service is busy or unreachable" ||
		ErrRefused.Error() != "the summary service refused the API key" {
		t.Error("sentinel messages changed")
	}
}

func TestSummarizeTimeoutRetriesOnceQuickly(t *testing.T) {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) }) // runs before the server closes
	f := newFakeAPI(t, func(_ int, _ seen, _ http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	})
	start := time.Now()
	_, u, err := f.summarizer("k", func(c *Config) { c.Timeout = 100 * time.Millisecond }).
		Summarize(context.Background(), "t", "minutes")
	elapsed := time.Since(start)
	if !errors.Is(err, ErrUnavailable) || u.Calls != 2 {
		t.Fatalf("err %v, usage %+v", err, u)
	}
	if elapsed < 200*time.Millisecond || elapsed > 2*time.Second {
		t.Errorf("took %v, want two timeouts of 100ms", elapsed)
	}
	if !strings.Contains(err.Error(), "100ms") {
		t.Errorf("message %q does not name the timeout", err)
	}
}

func TestSummarizeUnreachableServer(t *testing.T) {
	f := newFakeAPI(t, okReply)
	s := f.summarizer("k", nil)
	f.srv.Close()
	_, u, err := s.Summarize(context.Background(), "t", "minutes")
	if !errors.Is(err, ErrUnavailable) || u.Calls != 2 {
		t.Fatalf("err %v, usage %+v", err, u)
	}
}

func TestSummarizeCallerCancel(t *testing.T) {
	f := newFakeAPI(t, okReply)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, u, err := f.summarizer("k", nil).Summarize(ctx, "t", "minutes")
	if !errors.Is(err, ErrFailed) || !errors.Is(err, context.Canceled) || u.Calls != 0 || len(f.requests()) != 0 {
		t.Fatalf("err %v, usage %+v", err, u)
	}
}

package bot

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/bot/llm"
	"github.com/ots-customs/wgbot/bot/telegramtest"
)

// TestUploadModelCommitmentsChecked drives the upload path with a local
// OpenAI-compatible server whose model proposes one true commitment the
// rules miss, one they find too, and three it invents (a quote, a date, an
// owner). Only the true ones reach the user, the new one marked as the
// model's.
func TestUploadModelCommitmentsChecked(t *testing.T) {
	t.Parallel()
	const (
		s1 = "The Secretariat will circulate the revised questionnaire by 31 January 2024."
		s2 = "Following the discussion, the revised questionnaire of the Secretariat is expected on 15 February 2024."
	)
	doc := "Minutes of the Working Group\n\nThe meeting was held on 10 January 2024 in Baku.\n\n" + s1 + "\n\n" + s2 + "\n"
	proposals := []map[string]string{
		{"party": "the Secretariat", "task": "circulate the revised questionnaire", "deadline": "2024-01-31", "quote": s1},
		{"party": "Secretariat", "task": "deliver the revised questionnaire", "deadline": "2024-02-15", "quote": s2},
		{"party": "Kazakh side", "task": "pay 1 million", "deadline": "2024-03-01", "quote": "Kazakh side will pay 1 million by 1 March 2024."},
		{"party": "the Secretariat", "task": "circulate", "deadline": "2024-03-31", "quote": s1},
		{"party": "Kyrgyz side", "task": "circulate", "deadline": "2024-01-31", "quote": s1},
	}
	asked := make(chan bool, 4)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var req struct {
			ResponseFormat *struct{ Type string } `json:"response_format"`
		}
		raw, _ := io.ReadAll(r.Body)
		_ = json.Unmarshal(raw, &req)
		content := "Meeting: Working Group, Baku."
		if req.ResponseFormat != nil && req.ResponseFormat.Type == "json_schema" {
			b, _ := json.Marshal(map[string]any{"commitments": proposals})
			content = string(b)
			asked <- true
		}
		answer(w, content, 100)
	}))
	t.Cleanup(srv.Close)
	h := newHarness(t, func(c *Config) {
		c.Summarizer = NewSummarizer(llm.New(llm.Config{APIKey: "sk-test-KEY-123456", BaseURL: srv.URL + "/v1",
			Model: "test-model", Timeout: 5 * time.Second, RetryWait: time.Millisecond, Commitments: true}))
	})
	got := h.upload(telegramtest.Private(memberTR), memberTR, "wg-2024-01-10.txt", "text/plain", []byte(doc), "", 3)
	if len(asked) == 0 {
		t.Fatal("the model was not asked for commitments")
	}
	list := got[1].PlainText()
	mustContain(t, list, "2 decisions found", "by 31 January 2024", "on 15 February 2024", "found by the AI model")
	mustNotContain(t, list, "Kazakh", "Kyrgyz", "1 million", "2024-03-31", "deliver the revised")
	if n := strings.Count(list, "found by the AI model"); n != 1 {
		t.Errorf("%d items marked as the model's, want 1 (the other is the rules' too)", n)
	}
}

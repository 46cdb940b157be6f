package bot

import (
	"context"
	"errors"
	"fmt"

	"github.com/ots-customs/wgbot/bot/llm"
	"github.com/ots-customs/wgbot/handlers"
)

// llmSummarizer adapts llm.Summarizer to handlers.Summarizer, translating
// its errors into the handlers' sentinels.
type llmSummarizer struct{ s *llm.Summarizer }

// NewSummarizer returns s as the handlers' Summarizer; nil gives nil (summaries off).
func NewSummarizer(s *llm.Summarizer) handlers.Summarizer {
	if s == nil {
		return nil
	}
	return llmSummarizer{s}
}

// Summarize calls the model. Its errors wrap handlers.ErrSummaryBusy or
// handlers.ErrSummaryRefused where they apply, and keep llm's redacted text.
func (a llmSummarizer) Summarize(ctx context.Context, title, text string) (string, handlers.SummaryUsage, error) {
	out, u, err := a.s.Summarize(ctx, title, text)
	usage := handlers.SummaryUsage{Calls: u.Calls, PromptTokens: u.PromptTokens, CompletionTokens: u.CompletionTokens}
	switch {
	case err == nil:
		return out, usage, nil
	case errors.Is(err, llm.ErrUnavailable):
		return "", usage, fmt.Errorf("%w: %w", handlers.ErrSummaryBusy, err)
	case errors.Is(err, llm.ErrRefused):
		return "", usage, fmt.Errorf("%w: %w", handlers.ErrSummaryRefused, err)
	}
	return "", usage, err
}

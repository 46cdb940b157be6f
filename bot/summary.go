package bot

import (
	"context"
	"errors"
	"fmt"

	"github.com/ots-customs/wgbot/bot/llm"
	"github.com/ots-customs/wgbot/handlers"
	"github.com/ots-customs/wgbot/handlers/minutes"
)

// llmSummarizer adapts llm.Summarizer to handlers.Summarizer, translating
// its errors into the handlers' sentinels.
type llmSummarizer struct{ s *llm.Summarizer }

// NewSummarizer returns s as the handlers' Summarizer; nil gives nil (summaries off).
// With Config.Commitments it is a handlers.CommitmentFinder too.
func NewSummarizer(s *llm.Summarizer) handlers.Summarizer {
	if s == nil {
		return nil
	}
	if s.CommitmentsOn() {
		return llmCommitments{llmSummarizer{s}}
	}
	return llmSummarizer{s}
}

// llmCommitments also proposes commitments; the handlers check them.
type llmCommitments struct{ llmSummarizer }

// Commitments returns the model's proposals as minutes.Proposal, unverified.
func (a llmCommitments) Commitments(ctx context.Context, title, text string) ([]minutes.Proposal, handlers.SummaryUsage, error) {
	cs, u, err := a.s.Commitments(ctx, title, text)
	usage := handlers.SummaryUsage{Calls: u.Calls, PromptTokens: u.PromptTokens, CompletionTokens: u.CompletionTokens}
	if err != nil {
		return nil, usage, err
	}
	out := make([]minutes.Proposal, len(cs))
	for i, c := range cs {
		out[i] = minutes.Proposal{Party: c.Party, Task: c.Task, Deadline: c.Deadline, Quote: c.Quote}
	}
	return out, usage, nil
}

// counting wraps a Summarizer so that its model calls are counted, keeping
// it a CommitmentFinder when it is one.
func counting(next handlers.Summarizer, m LLMCounter) handlers.Summarizer {
	c := countingSummarizer{next: next, m: m}
	if _, ok := next.(handlers.CommitmentFinder); ok {
		return countingCommitments{c}
	}
	return c
}

// countingCommitments counts the calls of the commitments pass too.
type countingCommitments struct{ countingSummarizer }

func (s countingCommitments) Commitments(ctx context.Context, title, text string) ([]minutes.Proposal, handlers.SummaryUsage, error) {
	out, u, err := s.next.(handlers.CommitmentFinder).Commitments(ctx, title, text)
	countLLM(s.m, u, err)
	return out, u, err
}

var _ handlers.CommitmentFinder = llmCommitments{}

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

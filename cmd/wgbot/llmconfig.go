package main

import (
	"net/url"
	"strings"

	"github.com/ots-customs/wgbot/bot"
	"github.com/ots-customs/wgbot/bot/llm"
	"github.com/ots-customs/wgbot/handlers"
)

// llmConfig is the optional summary service (issue 5): any OpenAI-compatible
// chat-completions API. Summaries are on when APIKey is set.
type llmConfig struct {
	APIKey  string // OPENAI_API_KEY; never logged or printed
	BaseURL string // OPENAI_BASE_URL, "" for OpenAI; must end in /v1 for others
	Model   string // OPENAI_MODEL, "" for the default
	// Commitments is OPENAI_COMMITMENTS: also ask the model for the dated
	// commitments (checked against the text before they are shown). On by default.
	Commitments bool
}

// loadLLM reads OPENAI_API_KEY, OPENAI_BASE_URL and OPENAI_MODEL.
func (c *config) loadLLM(get func(k, def string) string) error {
	c.LLM = llmConfig{APIKey: get("OPENAI_API_KEY", ""), BaseURL: strings.TrimRight(get("OPENAI_BASE_URL", ""), "/"),
		Model: get("OPENAI_MODEL", "")}
	switch v := strings.ToLower(strings.TrimSpace(get("OPENAI_COMMITMENTS", "on"))); v {
	case "on", "true", "yes", "1":
		c.LLM.Commitments = true
	case "off", "false", "no", "0":
	default:
		return &configError{"OPENAI_COMMITMENTS", "must be on or off"}
	}
	if c.LLM.BaseURL != "" {
		if u, err := url.Parse(c.LLM.BaseURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return &configError{"OPENAI_BASE_URL", "must be an http:// or https:// URL, usually ending in /v1 (http://localhost:11434/v1 for Ollama)"}
		}
		if !strings.HasSuffix(c.LLM.BaseURL, "/v1") {
			// go-openai appends "/chat/completions" to the base URL as given:
			// without /v1 most servers answer 404. Some proxies do use
			// another path, so this is a warning, not a refusal.
			c.Warnings = append(c.Warnings, "OPENAI_BASE_URL does not end in /v1 ("+redactURL(c.LLM.BaseURL)+
				"); OpenAI-compatible servers usually expect it, e.g. http://localhost:11434/v1 for Ollama")
		}
	}
	return nil
}

// redactURL is a URL without its user information (a key may hide there).
func redactURL(s string) string {
	u, err := url.Parse(s)
	if err != nil {
		return "(unparsable)"
	}
	u.User = nil
	return u.String()
}

// summarizer is the handlers' Summarizer for these settings, or nil when
// OPENAI_API_KEY is not set (summaries off).
func (l llmConfig) summarizer() handlers.Summarizer {
	if l.APIKey == "" {
		return nil
	}
	return bot.NewSummarizer(llm.New(llm.Config{APIKey: l.APIKey, BaseURL: l.BaseURL, Model: l.Model, Commitments: l.Commitments}))
}

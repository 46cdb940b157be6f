package main

import (
	"errors"
	"testing"
)

func TestLLMSettings(t *testing.T) {
	t.Parallel()
	c, err := loadConfig(env("TELEGRAM_BOT_TOKEN", goodToken))
	if err != nil || c.LLM.summarizer() != nil {
		t.Fatalf("without OPENAI_API_KEY summaries are off: %v", err)
	}
	c, err = loadConfig(env("TELEGRAM_BOT_TOKEN", goodToken, "OPENAI_API_KEY", "sk-x", "OPENAI_BASE_URL", "http://localhost:11434/v1/", "OPENAI_MODEL", "llama3"))
	if err != nil || c.LLM.BaseURL != "http://localhost:11434/v1" || c.LLM.Model != "llama3" || c.LLM.summarizer() == nil {
		t.Fatalf("config %+v, %v", c.LLM.BaseURL, err)
	}
	_, err = loadConfig(env("TELEGRAM_BOT_TOKEN", goodToken, "OPENAI_API_KEY", "sk-x", "OPENAI_BASE_URL", "localhost:11434"))
	var ce *configError
	if !errors.As(err, &ce) || ce.setting != "OPENAI_BASE_URL" {
		t.Errorf("bad OPENAI_BASE_URL: %v", err)
	}
}

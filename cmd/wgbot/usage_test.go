package main

import (
	"bytes"
	"context"
	"errors"
	"strings"
	"testing"
)

// help and version print and return at once: no token is needed and the bot
// does not start (with the token set, starting would dial Telegram).
func TestHelpAndVersionDoNotStartTheBot(t *testing.T) {
	t.Parallel()
	getenv := env("TELEGRAM_BOT_TOKEN", goodToken, "TELEGRAM_API_URL", "http://127.0.0.1:1")
	for _, args := range [][]string{{"help"}, {"--help"}, {"-h"}} {
		var out bytes.Buffer
		if err := run(context.Background(), args, getenv, &out, &out); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if !strings.Contains(out.String(), "Usage:") || !strings.Contains(out.String(), "wgbot extract FILE") {
			t.Errorf("%v printed %q", args, out.String())
		}
	}
	for _, args := range [][]string{{"version"}, {"--version"}} {
		var out bytes.Buffer
		if err := run(context.Background(), args, getenv, &out, &out); err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		if !strings.HasPrefix(out.String(), "wgbot dev (go") {
			t.Errorf("%v printed %q", args, out.String())
		}
	}
	var out bytes.Buffer
	err := run(context.Background(), []string{"--hlep"}, getenv, &out, &out)
	var ce *configError
	if !errors.As(err, &ce) || !strings.Contains(err.Error(), `unknown command "--hlep"; run wgbot help`) {
		t.Errorf("a mistyped argument: %v", err)
	}
}

// A base URL without /v1 works but is warned about, without any password in it.
func TestBaseURLWithoutV1IsWarned(t *testing.T) {
	t.Parallel()
	c, err := loadConfig(env("TELEGRAM_BOT_TOKEN", goodToken, "OPENAI_API_KEY", "sk-x", "OPENAI_BASE_URL", "http://user:secret@localhost:11434"))
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Warnings) != 1 || !strings.Contains(c.Warnings[0], "does not end in /v1") || strings.Contains(c.Warnings[0], "secret") {
		t.Errorf("warnings %q", c.Warnings)
	}
	c, _ = loadConfig(env("TELEGRAM_BOT_TOKEN", goodToken, "OPENAI_API_KEY", "sk-x", "OPENAI_BASE_URL", "http://localhost:11434/v1"))
	if len(c.Warnings) != 0 {
		t.Errorf("a /v1 URL warned: %q", c.Warnings)
	}
}

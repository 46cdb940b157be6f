package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A malformed .env must not print the secrets that follow the bad line.
func TestDotenvErrorHidesSecrets(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"bad name":     "WEBHOOK-SECRET=abc\nTELEGRAM_BOT_TOKEN=123456789:AAHsecretsecretsecret\nREDIS_URL=redis://:hunter2@db:6379/0\n",
		"open quote":   "TELEGRAM_BOT_TOKEN=\"123456789:AAHsecretsecretsecret\nREDIS_URL=redis://:hunter2@db:6379/0\n",
		"bad name end": "TELEGRAM_BOT_TOKEN=123456789:AAHsecretsecretsecret\nOPENAI API-KEY=sk-hunter2\n",
	} {
		path := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".env")
		if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		err := loadDotenv(path)
		if err == nil {
			t.Errorf("%s: want an error", name)
			continue
		}
		for _, secret := range []string{"AAHsecret", "hunter2"} {
			if strings.Contains(err.Error(), secret) {
				t.Errorf("%s: the error shows a secret: %v", name, err)
			}
		}
		if !strings.Contains(err.Error(), path) {
			t.Errorf("%s: the error should name the file: %v", name, err)
		}
	}
	if err := loadDotenv(filepath.Join(dir, "missing.env")); err != nil {
		t.Errorf("a missing .env is no error: %v", err)
	}
}

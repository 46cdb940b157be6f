package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

const goodToken = "123456:SECRET-abcdef"

func env(kv ...string) func(string) string {
	m := map[string]string{}
	for i := 0; i+1 < len(kv); i += 2 {
		m[kv[i]] = kv[i+1]
	}
	return func(k string) string { return m[k] }
}

func TestConfigErrorsNameTheSetting(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name    string
		getenv  func(string) string
		setting string
	}{
		{"no token", env(), "TELEGRAM_BOT_TOKEN"},
		{"bad token", env("TELEGRAM_BOT_TOKEN", "SECRET-no-colon"), "TELEGRAM_BOT_TOKEN"},
		{"bad api url", env("TELEGRAM_BOT_TOKEN", goodToken, "TELEGRAM_API_URL", "ftp://x"), "TELEGRAM_API_URL"},
		{"rate too high", env("TELEGRAM_BOT_TOKEN", goodToken, "TELEGRAM_MAX_RATE", "1001"), "TELEGRAM_MAX_RATE"},
		{"rate not a number", env("TELEGRAM_BOT_TOKEN", goodToken, "TELEGRAM_MAX_RATE", "fast"), "TELEGRAM_MAX_RATE"},
		{"bad redis url", env("TELEGRAM_BOT_TOKEN", goodToken, "REDIS_URL", "postgres://x"), "REDIS_URL"},
		{"bad admin", env("TELEGRAM_BOT_TOKEN", goodToken, "ADMIN_IDS", "12, bob"), "ADMIN_IDS"},
		{"negative admin", env("TELEGRAM_BOT_TOKEN", goodToken, "ADMIN_IDS", "-5"), "ADMIN_IDS"},
		{"bad zone", env("TELEGRAM_BOT_TOKEN", goodToken, "TIMEZONE", "Mars/Olympus"), "TIMEZONE"},
		{"bad level", env("TELEGRAM_BOT_TOKEN", goodToken, "LOG_LEVEL", "loud"), "LOG_LEVEL"},
		{"bad format", env("TELEGRAM_BOT_TOKEN", goodToken, "LOG_FORMAT", "xml"), "LOG_FORMAT"},
		{"bad leads", env("TELEGRAM_BOT_TOKEN", goodToken, "ALERT_LEAD_DAYS", "14,seven"), "ALERT_LEAD_DAYS"},
		{"negative lead", env("TELEGRAM_BOT_TOKEN", goodToken, "ALERT_LEAD_DAYS", "-1"), "ALERT_LEAD_DAYS"},
		{"bad time", env("TELEGRAM_BOT_TOKEN", goodToken, "ALERT_TIME", "25:00"), "ALERT_TIME"},
		{"bad chat", env("TELEGRAM_BOT_TOKEN", goodToken, "ALERT_CHAT_ID", "my group"), "ALERT_CHAT_ID"},
		{"bad public url", env("TELEGRAM_BOT_TOKEN", goodToken, "HTTP_ADDR", ":8081", "PUBLIC_URL", "wg.example.org"), "PUBLIC_URL"},
		{"public url without http", env("TELEGRAM_BOT_TOKEN", goodToken, "PUBLIC_URL", "https://wg.example.org"), "PUBLIC_URL"},
		{"bad http addr", env("TELEGRAM_BOT_TOKEN", goodToken, "HTTP_ADDR", "8081"), "HTTP_ADDR"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errOut bytes.Buffer
			err := run(context.Background(), nil, c.getenv, &out, &errOut)
			var ce *configError
			if !errors.As(err, &ce) || ce.setting != c.setting {
				t.Fatalf("want a config error naming %s, got %v", c.setting, err)
			}
			all := err.Error() + out.String() + errOut.String()
			if strings.Contains(all, "SECRET") || strings.Contains(all, "\n") {
				t.Errorf("the message must be one line without the token: %q", all)
			}
		})
	}
}

func TestConfigDefaults(t *testing.T) {
	t.Parallel()
	c, err := loadConfig(env("TELEGRAM_BOT_TOKEN", goodToken, "ADMIN_IDS", " 11 ,22,"))
	if err != nil {
		t.Fatal(err)
	}
	if c.APIURL != "https://api.telegram.org" || c.RedisURL != "" || c.Deploy.DataDir != "data" ||
		c.RedisPrefix != "wgbot:" || c.Location.String() != "Europe/Istanbul" || len(c.Admins) != 2 ||
		fmt.Sprint(c.Alerts.Leads) != "[14 7 1 0]" || c.Alerts.Hour != 9 || c.Alerts.Minute != 0 || c.MaxRate != 30 {
		t.Errorf("defaults: %+v", c)
	}
}

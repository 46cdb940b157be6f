package main

import (
	"fmt"
	"log/slog"
	"net/url"
	"strconv"
	"strings"
	"time"
	_ "time/tzdata" // a bare container still knows Europe/Istanbul

	"github.com/ots-customs/wgbot/handlers"
)

// config is every setting of wgbot, read from the environment (see .env.example).
type config struct {
	Token       string
	APIURL      string
	MaxRate     int // TELEGRAM_MAX_RATE: messages a second, all chats together
	RedisURL    string
	RedisPrefix string
	Admins      []int64
	Location    *time.Location
	LogLevel    slog.Level
	LogFormat   string
	Alerts      handlers.AlertPolicy
	AlertChatID int64
	AccessRetry time.Duration // ACCESS_RETRY_DAYS: how long a rejected user waits to ask again
	LLM         llmConfig     // summaries of uploaded minutes; off without OPENAI_API_KEY
	Deploy      deployConfig  // store, webhook and metrics (deploy.go)
	WebApp      webAppConfig  // the Mini App (webappconfig.go)
	// Warnings are settings that work but look wrong; run logs them.
	Warnings []string
}

// configError names the setting that is wrong; main prints it on one line and exits 2.
type configError struct{ setting, problem string }

func (e *configError) Error() string { return e.setting + ": " + e.problem }

// loadConfig reads and checks every setting. The token's value never appears in an error.
func loadConfig(getenv func(string) string) (config, error) {
	get := func(k, def string) string {
		if v := strings.TrimSpace(getenv(k)); v != "" {
			return v
		}
		return def
	}
	c := config{
		Token:       get("TELEGRAM_BOT_TOKEN", ""),
		APIURL:      strings.TrimRight(get("TELEGRAM_API_URL", "https://api.telegram.org"), "/"),
		RedisURL:    get("REDIS_URL", ""), // none: the embedded store in DATA_DIR
		RedisPrefix: get("REDIS_PREFIX", "wgbot:"),
		LogFormat:   get("LOG_FORMAT", "text"),
	}
	if c.Token == "" {
		return c, &configError{"TELEGRAM_BOT_TOKEN", "is required: in Telegram, send /newbot to @BotFather (https://t.me/BotFather) and it gives you one; to try the bot without a token, run `wgbot console`"}
	}
	if id, secret, ok := strings.Cut(c.Token, ":"); !ok || secret == "" || !isDigits(id) {
		return c, &configError{"TELEGRAM_BOT_TOKEN", "does not look like a bot token (digits, a colon, then letters)"}
	}
	if u, err := url.Parse(c.APIURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return c, &configError{"TELEGRAM_API_URL", "must be an http:// or https:// URL"}
	}
	rate, err := strconv.Atoi(get("TELEGRAM_MAX_RATE", "30"))
	if err != nil || rate < 1 || rate > 1000 {
		return c, &configError{"TELEGRAM_MAX_RATE", "must be a number of messages a second from 1 to 1000 (30 unless the bot has paid broadcasts)"}
	}
	c.MaxRate = rate
	if u, err := url.Parse(c.RedisURL); c.RedisURL != "" && (err != nil || (u.Scheme != "redis" && u.Scheme != "rediss")) {
		return c, &configError{"REDIS_URL", "must be a redis:// or rediss:// URL"}
	}
	for _, f := range strings.Split(getenv("ADMIN_IDS"), ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		id, err := strconv.ParseInt(f, 10, 64)
		if err != nil || id <= 0 {
			return c, &configError{"ADMIN_IDS", fmt.Sprintf("%q is not a Telegram user id (a positive number)", f)}
		}
		c.Admins = append(c.Admins, id)
	}
	loc, err := time.LoadLocation(get("TIMEZONE", "Europe/Istanbul"))
	if err != nil {
		return c, &configError{"TIMEZONE", fmt.Sprintf("%q is not an IANA time zone such as Europe/Istanbul", getenv("TIMEZONE"))}
	}
	c.Location = loc
	if err := c.LogLevel.UnmarshalText([]byte(get("LOG_LEVEL", "info"))); err != nil {
		return c, &configError{"LOG_LEVEL", "must be debug, info, warn or error"}
	}
	if c.LogFormat != "text" && c.LogFormat != "json" {
		return c, &configError{"LOG_FORMAT", "must be text or json"}
	}
	if err := c.loadAlerts(get); err != nil {
		return c, err
	}
	days, err := strconv.Atoi(get("ACCESS_RETRY_DAYS", "7"))
	if err != nil || days < 0 || days > 365 {
		return c, &configError{"ACCESS_RETRY_DAYS", "must be a number of days from 0 to 365"}
	}
	c.AccessRetry = time.Duration(days) * 24 * time.Hour
	if err := c.loadLLM(get); err != nil {
		return c, err
	}
	if err := c.loadDeploy(get); err != nil {
		return c, err
	}
	if err := c.loadWebApp(get); err != nil {
		return c, err
	}
	return c, nil
}

// loadAlerts reads ALERT_LEAD_DAYS ("14,7,1,0"), ALERT_TIME ("09:00") and ALERT_CHAT_ID.
func (c *config) loadAlerts(get func(k, def string) string) error {
	seen := map[int]bool{}
	for _, f := range strings.Split(get("ALERT_LEAD_DAYS", "14,7,1,0"), ",") {
		n, err := strconv.Atoi(strings.TrimSpace(f))
		if err != nil || n < 0 || n > 365 {
			return &configError{"ALERT_LEAD_DAYS", fmt.Sprintf("%q is not a number of days from 0 to 365", strings.TrimSpace(f))}
		}
		if !seen[n] {
			seen[n] = true
			c.Alerts.Leads = append(c.Alerts.Leads, n)
		}
	}
	at, err := time.Parse("15:04", get("ALERT_TIME", "09:00"))
	if err != nil {
		return &configError{"ALERT_TIME", "must be a local time of day such as 09:00"}
	}
	c.Alerts.Hour, c.Alerts.Minute = at.Hour(), at.Minute()
	if v := get("ALERT_CHAT_ID", ""); v != "" {
		id, err := strconv.ParseInt(v, 10, 64)
		if err != nil || id == 0 {
			return &configError{"ALERT_CHAT_ID", "must be a Telegram chat id such as -1001234567890"}
		}
		c.AlertChatID = id
	}
	return nil
}

func isDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return s != ""
}

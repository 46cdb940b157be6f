package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/ots-customs/wgbot/storage"
)

// deployConfig is how this instance is deployed: where it keeps its data,
// how Telegram reaches it, where it serves health and metrics.
type deployConfig struct {
	DataDir       string // DATA_DIR: the embedded store's directory when REDIS_URL is unset
	WebhookURL    string // WEBHOOK_URL: webhook mode when set
	WebhookSecret string // WEBHOOK_SECRET: required in webhook mode; never logged
	ListenAddr    string // LISTEN_ADDR: webhook, health and metrics in webhook mode
	MetricsAddr   string // METRICS_ADDR: health and metrics in polling mode ("" for none)
	HTTPAddr      string // HTTP_ADDR: calendar feeds in polling mode ("" for none)
	PublicURL     string // PUBLIC_URL: where the operator's proxy exposes the bot's HTTP server
}

// loadDeploy reads DATA_DIR, WEBHOOK_URL, WEBHOOK_SECRET, LISTEN_ADDR and METRICS_ADDR.
func (c *config) loadDeploy(get func(k, def string) string) error {
	d := deployConfig{DataDir: filepath.Clean(get("DATA_DIR", "./data")), WebhookURL: get("WEBHOOK_URL", ""),
		WebhookSecret: get("WEBHOOK_SECRET", ""), ListenAddr: get("LISTEN_ADDR", ":8080"), MetricsAddr: get("METRICS_ADDR", "")}
	if d.WebhookURL != "" {
		u, err := url.Parse(d.WebhookURL)
		if err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "" {
			return &configError{"WEBHOOK_URL", "must be the https:// URL at which Telegram reaches this bot (http:// only for a local Bot API server)"}
		}
		if d.WebhookSecret == "" {
			return &configError{"WEBHOOK_SECRET", "is required with WEBHOOK_URL: 1 to 256 characters A-Z, a-z, 0-9, _ and -"}
		}
		if len(d.WebhookSecret) > 256 || strings.Trim(d.WebhookSecret,
			"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != "" {
			return &configError{"WEBHOOK_SECRET", "must be 1 to 256 characters A-Z, a-z, 0-9, _ and - (Telegram's rule)"}
		}
	}
	d.HTTPAddr, d.PublicURL = get("HTTP_ADDR", ""), strings.TrimSuffix(get("PUBLIC_URL", ""), "/")
	if d.PublicURL != "" {
		u, err := url.Parse(d.PublicURL)
		if err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "" || u.RawQuery != "" {
			return &configError{"PUBLIC_URL", "must be the https:// address at which your proxy serves this bot, such as https://wgbot.example.org"}
		}
		if d.WebhookURL == "" && d.HTTPAddr == "" {
			return &configError{"PUBLIC_URL", "needs the bot to serve HTTP: set HTTP_ADDR (polling mode) or WEBHOOK_URL"}
		}
	}
	for name, addr := range map[string]string{"LISTEN_ADDR": d.ListenAddr, "METRICS_ADDR": d.MetricsAddr, "HTTP_ADDR": d.HTTPAddr} {
		if addr == "" {
			continue
		}
		if _, _, err := net.SplitHostPort(addr); err != nil {
			return &configError{name, "must be host:port or :port, such as :8080"}
		}
	}
	c.Deploy = d
	return nil
}

// boltPath is the embedded store's file.
func (d deployConfig) boltPath() string { return filepath.Join(d.DataDir, "wgbot.db") }

// closer is a store that can be closed.
type closer interface {
	storage.Store
	Close() error
}

// openStore opens Redis when REDIS_URL is set, else the embedded store in
// DATA_DIR, and checks that it answers.
func openStore(ctx context.Context, cfg config, log *slog.Logger) (closer, error) {
	if cfg.RedisURL == "" {
		s, err := storage.OpenBolt(cfg.Deploy.boltPath(), storage.BoltOptions{})
		if err != nil {
			return nil, err
		}
		log.Info("keeping data in the embedded store", "file", s.Path())
		return s, nil
	}
	s, err := storage.OpenRedis(cfg.RedisURL, storage.RedisOptions{Prefix: cfg.RedisPrefix})
	if err != nil {
		return nil, &configError{"REDIS_URL", err.Error()}
	}
	if err := s.Ping(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("redis at REDIS_URL does not answer: %w", err)
	}
	// Keys written by a release before the key-value layer (layout 1).
	if err := s.Upgrade(ctx); err != nil {
		s.Close()
		return nil, fmt.Errorf("upgrade the keys in Redis: %w", err)
	}
	return s, nil
}

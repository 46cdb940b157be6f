package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/ots-customs/wgbot/bot"
	"github.com/ots-customs/wgbot/bot/console"
	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/storage"
)

// Where the console keeps its data unless DATA_DIR or REDIS_PREFIX say
// otherwise: apart from a real bot's, so that trying it changes nothing there.
const (
	consoleDataDir     = "./console-data"
	consoleRedisPrefix = "wgbot-console:"
)

// runConsole is `wgbot console`: the real bot, its handlers and its store,
// against a Bot API server on loopback, with the terminal as the chat. It
// needs no token and no network.
func runConsole(ctx context.Context, args []string, getenv func(string) string, stdin io.Reader, stdout io.Writer) error {
	fs := flag.NewFlagSet("console", flag.ContinueOnError)
	fs.SetOutput(stdout)
	fs.Usage = func() {
		fmt.Fprintln(stdout, "usage: wgbot console\n\nRuns the bot in this terminal, without Telegram; :help inside lists its commands.")
	}
	if err := fs.Parse(args); err != nil {
		return &configError{"wgbot console", err.Error()}
	}
	clock := console.NewClock(nil)
	srv := telegramtest.Start(telegramtest.WithClock(clock.Now))
	defer srv.Close()
	cfg, err := loadConfig(consoleEnv(getenv, srv))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(cfg.Deploy.DataDir, 0o700); err != nil {
		return fmt.Errorf("create %s: %w", cfg.Deploy.DataDir, err)
	}
	// The bot's log would mix with the chat: it goes to a file.
	logFile, err := os.OpenFile(filepath.Join(cfg.Deploy.DataDir, "console.log"), os.O_CREATE|os.O_WRONLY|os.O_APPEND, 0o600)
	if err != nil {
		return err
	}
	defer logFile.Close()
	log := slog.New(slog.NewTextHandler(logFile, &slog.HandlerOptions{Level: cfg.LogLevel}))
	storage.SetLogger(log)

	var store closer
	if cfg.RedisURL == "" {
		// The embedded store's expiries follow the console's clock too.
		store, err = storage.OpenBolt(cfg.Deploy.boltPath(), storage.BoltOptions{Now: clock.Now})
		if err == nil {
			fmt.Fprintf(stdout, "wgbot console: data in %s, the bot's log in %s\n", cfg.Deploy.boltPath(), logFile.Name())
		}
	} else {
		store, err = openStore(ctx, cfg, log)
		if err == nil {
			fmt.Fprintf(stdout, "wgbot console: data in Redis at REDIS_URL under %q (expiries there follow Redis's own clock), the bot's log in %s\n", cfg.RedisPrefix, logFile.Name())
		}
	}
	if err != nil {
		return err
	}
	defer store.Close()
	if data, loaded, err := loadTashkent(ctx, store); err != nil {
		return err
	} else if loaded {
		fmt.Fprintf(stdout, "Loaded the Agreed Minutes of Tashkent, 11 December 2023: %d meetings, %d tasks.\n", len(data.Meetings), len(data.Tasks))
	}
	admins := cfg.Admins
	if len(admins) == 0 {
		admins = []int64{console.MadeUpAdmin}
	}
	watched, handled := console.Watch(store)
	botCtx, stopBot := context.WithCancel(ctx)
	defer stopBot()
	b, err := bot.New(botCtx, bot.Config{Token: cfg.Token, APIURL: cfg.APIURL, Admins: admins, Location: cfg.Location,
		Now: clock.Now, After: clock.After, Logger: log, Alerts: cfg.Alerts, AlertChatID: cfg.AlertChatID,
		Summarizer: cfg.LLM.summarizer()}, watched)
	if err != nil {
		return err
	}
	stopped := make(chan error, 1)
	go func() { stopped <- b.Run(botCtx) }()

	terminal := isTerminal(os.Stdin) && isTerminal(os.Stdout) && stdin == os.Stdin && stdout == os.Stdout
	c := console.New(console.Config{Server: srv, Handled: handled, Clock: clock, Admins: cfg.Admins,
		Location: cfg.Location, In: stdin, Out: stdout, Terminal: terminal,
		HistoryFile: filepath.Join(cfg.Deploy.DataDir, "console_history"),
		Color:       isTerminal(os.Stdout) && stdout == os.Stdout && getenv("NO_COLOR") == "",
		FilesDir:    filepath.Join(cfg.Deploy.DataDir, "files")})
	runErr := c.Run(ctx)
	stopBot()
	if err := <-stopped; runErr == nil {
		runErr = err
	}
	return runErr
}

// consoleEnv is the environment of the bot in the console: the local Bot
// API and its token, polling, no metrics port, and data apart from a real
// bot's unless DATA_DIR or REDIS_PREFIX are set.
func consoleEnv(getenv func(string) string, srv *telegramtest.Server) func(string) string {
	return func(k string) string {
		switch k {
		case "TELEGRAM_BOT_TOKEN":
			return srv.Token()
		case "TELEGRAM_API_URL":
			return srv.URL()
		case "WEBHOOK_URL", "WEBHOOK_SECRET", "METRICS_ADDR":
			return ""
		case "DATA_DIR":
			if v := getenv(k); v != "" {
				return v
			}
			return consoleDataDir
		case "REDIS_PREFIX":
			if v := getenv(k); v != "" {
				return v
			}
			return consoleRedisPrefix
		}
		return getenv(k)
	}
}

// isTerminal reports whether f is a terminal (a character device).
func isTerminal(f *os.File) bool {
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

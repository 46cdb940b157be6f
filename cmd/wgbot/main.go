// Command wgbot runs the Telegram bot of the OTS Working Group on Customs
// Cooperation. Settings come from the environment and from a .env file in the
// working directory (which never overrides what the environment sets).
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"os"
	"os/signal"
	"syscall"

	"github.com/joho/godotenv"

	"github.com/ots-customs/wgbot/bot"
	"github.com/ots-customs/wgbot/storage"
	"github.com/ots-customs/wgbot/storage/seed"
)

func main() {
	if err := loadDotenv(".env"); err != nil {
		fmt.Fprintln(os.Stderr, "wgbot:", err)
		os.Exit(2)
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "wgbot:", err)
		var ce *configError
		if errors.As(err, &ce) {
			os.Exit(2)
		}
		os.Exit(1)
	}
}

// loadDotenv reads a .env file, if there is one, into the environment. Its
// parse errors quote the file from the bad line on, secrets included
// (`unexpected character "-" in variable name near "...TELEGRAM_BOT_TOKEN=..."`),
// so they are reported without the file's content.
func loadDotenv(path string) error {
	err := godotenv.Load(path)
	var pe *fs.PathError
	switch {
	case err == nil || errors.Is(err, fs.ErrNotExist):
		return nil
	case errors.As(err, &pe):
		return fmt.Errorf("%s: %w", path, err)
	}
	return fmt.Errorf("%s: cannot be parsed: each line must be NAME=value, with NAME of letters, digits and _ (its content is not shown: it holds secrets)", path)
}

// run is the whole program, so tests can start it with their own environment.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "extract" { // needs no token, Redis or network (issue 5)
		return extract(args[1:], stdout)
	}
	if len(args) > 0 && args[0] == "migrate" { // needs no token (issue 6)
		return migrate(ctx, args[1:], getenv, stdout)
	}
	if len(args) > 0 && args[0] == "report" { // reads the store; needs no token (issue 15)
		return reportCmd(ctx, args[1:], getenv, stdout)
	}
	if len(args) > 0 && args[0] == "console" { // the bot in the terminal, no token (issue 11)
		return runConsole(ctx, args[1:], getenv, os.Stdin, stdout)
	}
	if len(args) > 0 { // help, version, or a mistake: none of them starts the bot
		return subcommand(args, stdout)
	}
	cfg, err := loadConfig(getenv)
	if err != nil {
		return err
	}
	var handler slog.Handler = slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: cfg.LogLevel})
	if cfg.LogFormat == "json" {
		handler = slog.NewJSONHandler(stderr, &slog.HandlerOptions{Level: cfg.LogLevel})
	}
	log := slog.New(handler)
	storage.SetLogger(log)
	for _, w := range cfg.Warnings {
		log.Warn(w)
	}

	store, err := openStore(ctx, cfg, log) // Redis, or the embedded store in DATA_DIR
	if err != nil {
		return err
	}
	defer store.Close()
	data, loaded, err := loadTashkent(ctx, store)
	if err != nil {
		return err
	}
	if loaded {
		log.Info("loaded the built-in Tashkent minutes", "meetings", len(data.Meetings), "tasks", len(data.Tasks))
	}
	b, err := bot.New(ctx, bot.Config{Token: cfg.Token, APIURL: cfg.APIURL, Admins: cfg.Admins,
		Location: cfg.Location, Logger: log, Alerts: cfg.Alerts, AlertChatID: cfg.AlertChatID, AccessRetry: cfg.AccessRetry, MaxRate: cfg.MaxRate,
		Summarizer: cfg.LLM.summarizer(), WebhookURL: cfg.Deploy.WebhookURL, WebhookSecret: cfg.Deploy.WebhookSecret,
		ListenAddr: cfg.Deploy.ListenAddr, MetricsAddr: cfg.Deploy.MetricsAddr,
		HTTPAddr: cfg.Deploy.HTTPAddr, PublicURL: cfg.Deploy.PublicURL,
		WebAppShortName: cfg.WebApp.ShortName, WebAppMaxAge: cfg.WebApp.MaxAge}, store)
	if err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wgbot @%s is running; press Ctrl+C to stop\n", b.Username())
	return b.Run(ctx)
}

// loadTashkent loads the built-in Tashkent data unless a seed was loaded
// before; it reports whether it did.
func loadTashkent(ctx context.Context, store storage.Store) (storage.Seed, bool, error) {
	data, err := seed.Tashkent()
	if err != nil {
		return data, false, err
	}
	loaded, err := store.LoadSeed(ctx, data)
	return data, loaded, err
}

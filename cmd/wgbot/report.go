package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/ots-customs/wgbot/handlers"
	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/handlers/report"
	"github.com/ots-customs/wgbot/storage"
)

const reportUsage = "usage: wgbot report [--format docx|xlsx|pdf|all] [--meeting M] [--lang en|ru|tr|az|kk|ky|uz|uz-Cyrl|hu] [--as-of YYYY-MM-DD] -o FILE"

// reportCmd is `wgbot report`: the implementation report written from the
// configured store (REDIS_URL, or DATA_DIR's embedded store), without
// Telegram. --format all (the default) writes FILE.docx, FILE.xlsx and
// FILE.pdf at once.
func reportCmd(ctx context.Context, args []string, getenv func(string) string, stdout io.Writer) error {
	fs := flag.NewFlagSet("report", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "all", "docx, xlsx, pdf or all")
	meeting := fs.String("meeting", "", "meeting id (wg12), a word of its place or name (Tashkent), or all; default: the latest")
	lang := fs.String("lang", "en", "language of the report")
	asOfText := fs.String("as-of", "", "the report's date, YYYY-MM-DD; default: today in TIMEZONE")
	out := fs.String("o", "", "the file to write")
	if err := fs.Parse(args); err != nil || fs.NArg() != 0 || *out == "" {
		return &configError{"report", reportUsage}
	}
	formats := []string{strings.ToLower(*format)}
	if formats[0] == "all" {
		formats = handlers.ReportFormats
	} else if _, ok := handlers.ReportFiles[formats[0]]; !ok {
		return &configError{"report", fmt.Sprintf("--format %q: choose docx, xlsx, pdf or all", *format)}
	}
	if _, ok := i18n.Parse(*lang); !ok {
		return &configError{"report", fmt.Sprintf("--lang %q: choose a language of the bot: en, ru, tr, az, kk, ky, uz, uz-Cyrl or hu", *lang)}
	}
	get := func(k, def string) string {
		if v := strings.TrimSpace(getenv(k)); v != "" {
			return v
		}
		return def
	}
	loc, err := time.LoadLocation(get("TIMEZONE", "Europe/Istanbul"))
	if err != nil {
		return &configError{"TIMEZONE", fmt.Sprintf("%q is not an IANA time zone such as Europe/Istanbul", getenv("TIMEZONE"))}
	}
	asOf := storage.DateOf(time.Now().In(loc))
	if *asOfText != "" {
		if asOf, err = storage.ParseDate(*asOfText); err != nil {
			return &configError{"report", fmt.Sprintf("--as-of %q: give a date as 2024-05-01", *asOfText)}
		}
	}
	store, err := openReportStore(ctx, get)
	if err != nil {
		return err
	}
	defer store.Close()
	rep, err := handlers.BuildReport(ctx, store, *meeting, asOf, loc, *lang)
	switch {
	case errors.Is(err, handlers.ErrUnknownMeeting):
		return fmt.Errorf("report: no meeting matches %q: %w", *meeting, knownMeetings(ctx, store))
	case errors.Is(err, report.ErrLanguage):
		return &configError{"report", err.Error()}
	case err != nil:
		return err
	}
	for _, f := range formats {
		data, err := handlers.WriteReport(rep, f)
		if err != nil {
			return err
		}
		path := *out
		if len(formats) > 1 || filepath.Ext(path) == "" {
			path = strings.TrimSuffix(path, "."+f) + "." + f
		}
		if err := os.WriteFile(path, data, 0o644); err != nil {
			return fmt.Errorf("report: %w", err)
		}
		fmt.Fprintf(stdout, "wrote %s (%d decisions)\n", path, len(rep.Rows()))
	}
	return nil
}

// knownMeetings is an error listing the meetings to choose from.
func knownMeetings(ctx context.Context, store storage.Store) error {
	ms, err := store.Meetings(ctx)
	if err != nil {
		return err
	}
	if len(ms) == 0 {
		return errors.New("the store holds no meetings; start the bot once to load the built-in Tashkent minutes")
	}
	var ids []string
	for _, m := range ms {
		ids = append(ids, m.ID+" ("+m.Short+", "+m.Place+")")
	}
	return errors.New("the meetings are " + strings.Join(ids, ", ") + ", or all")
}

// openReportStore opens the store the bot is configured with. The embedded
// store's file is locked while the bot runs: then the report comes from /report.
func openReportStore(ctx context.Context, get func(k, def string) string) (closer, error) {
	cfg := config{RedisURL: get("REDIS_URL", ""), RedisPrefix: get("REDIS_PREFIX", "wgbot:")}
	cfg.Deploy.DataDir = filepath.Clean(get("DATA_DIR", "./data"))
	s, err := openStore(ctx, cfg, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if errors.Is(err, storage.ErrLocked) {
		return nil, fmt.Errorf("%w; stop the bot, or ask it for the report with /report", err)
	}
	return s, err
}

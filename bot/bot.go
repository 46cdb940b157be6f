// Package bot is wgbot's runtime: it connects the handlers to Telegram through
// go-telegram/bot (aliased tgbot), polls for updates without losing any,
// orders them per chat, recovers panics, and sends replies.
package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"

	tgbot "github.com/go-telegram/bot"

	"github.com/ots-customs/wgbot/handlers"
	"github.com/ots-customs/wgbot/storage"
)

// Config is what the runtime needs; cmd/wgbot fills it from the environment.
type Config struct {
	Token    string
	APIURL   string // Bot API server, e.g. https://api.telegram.org
	Admins   []int64
	Location *time.Location
	Now      func() time.Time // nil: time.Now
	// Sleep waits for the rate limiter and retries; nil: a timer. Tests that
	// run on a virtual clock pass one that advances it.
	Sleep func(context.Context, time.Duration) error
	// Alerts is when deadline alerts fire; zero: 14, 7, 1 and 0 days before, at 09:00.
	Alerts handlers.AlertPolicy
	// AccessRetry is how long a rejected user waits before asking again;
	// zero: 7 days.
	AccessRetry time.Duration
	// AlertChatID, when set, is subscribed to every task's alerts at start.
	AlertChatID int64
	// After is the alert loop's timer; nil: time.After. Tests drive it.
	After func(time.Duration) <-chan time.Time
	// BoardAfter is the status board's debounce timer (board.go); nil: time.After.
	BoardAfter func(time.Duration) <-chan time.Time
	Logger     *slog.Logger
	// PollTimeout is the long-polling wait; default 50 s. Tests shorten it.
	PollTimeout time.Duration
	// OnHandled, when set, is called with each update's id once the bot is
	// done with it (handled, dropped as a redelivery, or ignored); tests wait on it.
	OnHandled func(updateID int64)
	// MaxRate is TELEGRAM_MAX_RATE, messages a second in all; 0: 30.
	MaxRate int
	// Concurrency bounds how many chats are served at once; default 16.
	Concurrency int
	// HTTPClient is the transport to Telegram; default has a timeout above PollTimeout.
	HTTPClient *http.Client
	// Summarizer summarizes uploaded minutes (NewSummarizer); nil: summaries are off.
	Summarizer handlers.Summarizer
	// WebhookURL, when set, switches to webhook mode (webhook.go): Telegram
	// POSTs updates there, with WebhookSecret in a header, and the bot serves
	// them on ListenAddr (default ":8080") with /healthz, /readyz and /metrics.
	WebhookURL    string
	WebhookSecret string
	ListenAddr    string
	// MetricsAddr, in polling mode, serves /healthz, /readyz and /metrics; "" for none.
	MetricsAddr string
	// HTTPAddr, in polling mode, serves the calendar feeds (and /healthz,
	// /readyz, /metrics) behind the operator's proxy at PublicURL; "" for none.
	HTTPAddr string
	// PublicURL is where the operator's proxy exposes this bot's HTTP server
	// (webhook mode, or HTTPAddr), for calendar subscription links; "": no links.
	PublicURL string
	// WebAppShortName is the Mini App's short name at @BotFather, for t.me
	// links to it from groups; WebAppMaxAge bounds the age of its initData
	// (zero: one hour). The app is served at PublicURL/app/ (webapp.go).
	WebAppShortName string
	WebAppMaxAge    time.Duration
}

// Bot is a running wgbot.
type Bot struct {
	cfg      Config
	store    storage.Store
	tg       *tgbot.Bot
	h        *handlers.Bot
	d        *dispatcher
	gate     *pollGate
	send     *sender
	log      *slog.Logger
	username string
	// handle answers a request; it is h.Handle except in the benchmark of the bare runtime.
	handle  func(context.Context, *handlers.Request) error
	serve   handlerFunc // handle inside the middleware chain (middleware.go)
	metrics *Metrics
	jobs    sync.WaitGroup // background jobs (runBackground)
	// boardKick wakes the board loop after a change to the tasks (board.go).
	boardKick chan struct{}
	unkept    unkeptNotes // who was told that the inbox is down (unkept.go)
}

// New connects to the Bot API (getMe) and prepares the bot. It fails when the
// token is refused or the server cannot be reached; the error never holds the token.
func New(ctx context.Context, cfg Config, store storage.Store) (*Bot, error) {
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.PollTimeout <= 0 {
		cfg.PollTimeout = 50 * time.Second
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Sleep == nil {
		cfg.Sleep = sleepCtx
	}
	if cfg.After == nil {
		cfg.After = time.After
	}
	if cfg.Concurrency <= 0 {
		cfg.Concurrency = 16
	}
	if cfg.HTTPClient == nil {
		// Every request goes to one host, from up to Concurrency workers
		// and the poller at once; with net/http's default of two idle
		// connections per host, the rest would be closed and dialled again
		// on every reply (a TLS handshake each, against Telegram).
		t := http.DefaultTransport.(*http.Transport).Clone()
		t.MaxIdleConnsPerHost = cfg.Concurrency + 2
		cfg.HTTPClient = &http.Client{Timeout: cfg.PollTimeout + 10*time.Second, Transport: t}
	}
	b := &Bot{cfg: cfg, store: store, log: cfg.Logger, metrics: newMetrics()}
	if cfg.Summarizer != nil {
		cfg.Summarizer = counting(cfg.Summarizer, b.metrics)
	}
	b.d = newDispatcher(cfg.Concurrency, b.handleUpdate)

	offset, err := store.Offset(ctx)
	if err != nil {
		return nil, fmt.Errorf("read polling offset: %w", err)
	}
	gate := &pollGate{next: b.metrics.client(wholeBodies{shortEchoes{cfg.HTTPClient}}), now: cfg.Now, log: b.log, metrics: b.metrics}
	b.gate = gate
	gate.unkept = b.tellUnkept
	opts := []tgbot.Option{
		tgbot.WithServerURL(cfg.APIURL),
		tgbot.WithHTTPClient(cfg.PollTimeout, gate),
		tgbot.WithSkipGetMe(), // we call getMe ourselves, to keep the token out of its error
		tgbot.WithNotAsyncHandlers(),
		tgbot.WithWorkers(1),
		tgbot.WithDefaultHandler(b.receive),
		tgbot.WithErrorsHandler(b.libraryError),
		tgbot.WithAllowedUpdates(tgbot.AllowedUpdates{"message", "callback_query", "my_chat_member"}),
	}
	if offset > 0 {
		opts = append(opts, tgbot.WithInitialOffset(offset))
	}
	tg, err := tgbot.New(cfg.Token, opts...)
	if err != nil {
		return nil, errors.New("telegram client: " + redact(err.Error(), cfg.Token))
	}
	b.tg = tg
	me, err := tg.GetMe(ctx)
	if err != nil {
		return nil, errors.New("telegram getMe (is TELEGRAM_BOT_TOKEN right and TELEGRAM_API_URL reachable?): " + redact(err.Error(), cfg.Token))
	}
	b.username = me.Username
	b.send = newSender(tg, cfg.Now, yieldingSleep(cfg.Sleep), cfg.MaxRate)
	b.boardKick = make(chan struct{}, 1)
	b.h = handlers.New(handlers.Deps{Store: boardWatch{Store: store, kick: b.kickBoards}, Sender: b.send, Now: cfg.Now, Location: cfg.Location,
		Admins: cfg.Admins, BotUsername: me.Username, BotName: me.FirstName, Alerts: cfg.Alerts, AccessRetry: cfg.AccessRetry,
		Files:      &fileGetter{tg: tg, client: &http.Client{Transport: cfg.HTTPClient.Transport}, token: cfg.Token},
		Summarizer: cfg.Summarizer, Background: b.runBackground, Log: b.log, PublicURL: cfg.PublicURL,
		AppURL: b.appURL(), AppShortName: cfg.WebAppShortName})
	b.handle = b.h.Handle
	b.serve = b.pipeline()
	return b, nil
}

// Username is the bot's Telegram username.
func (b *Bot) Username() string { return b.username }

// Run serves updates until ctx is cancelled, then waits for the handlers in
// flight to finish and records the offset. It returns nil on a clean stop.
func (b *Bot) Run(ctx context.Context) error {
	defer b.jobs.Wait() // a summary being written still reaches its reader
	if b.cfg.WebhookURL != "" {
		return b.runWebhook(ctx)
	}
	if b.cfg.MetricsAddr != "" {
		srv, err := b.serveHTTP(b.cfg.MetricsAddr, b.opsMux("", nil))
		if err != nil {
			return fmt.Errorf("METRICS_ADDR: %w", err)
		}
		defer srv.stop()
	}
	if b.cfg.HTTPAddr != "" { // the calendar feeds (issue 15) and the Mini App (issue 16)
		srv, err := b.serveHTTP(b.cfg.HTTPAddr, b.opsMux("", nil))
		if err != nil {
			return fmt.Errorf("HTTP_ADDR: %w", err)
		}
		defer srv.stop()
	}
	if err := b.registerMenu(ctx); err != nil {
		b.log.Warn("could not register the command menu", "err", redactErr(err, b.cfg.Token))
	}
	b.setAppMenu(ctx)
	// A webhook left set would make every getUpdates fail with 409.
	if _, err := b.tg.DeleteWebhook(ctx, &tgbot.DeleteWebhookParams{}); err != nil {
		b.log.Warn("could not delete a webhook", "err", redactErr(err, b.cfg.Token))
	}
	in, err := b.newIntake(pollingInstance)
	if err != nil {
		return err
	}
	b.metrics.watchInbox(in.inbox)
	b.d.handle = in.handleClaimed
	b.gate.inbox = in.inbox
	// What the last run left (a crash, a stop, a webhook run) goes first.
	in.sweep(ctx, inboxVisibility)
	b.log.Info("wgbot is polling for updates", "bot", b.username)
	var loops sync.WaitGroup
	loops.Go(func() { b.alertLoop(ctx) })
	loops.Go(func() { b.boardLoop(ctx) })
	loops.Go(func() { in.sweepLoop(ctx) })
	b.tg.Start(ctx)
	loops.Wait()
	// The updates queued are handled to the end; those the library still
	// held are in the inbox, for the next start.
	b.d.wait()
	if kept := b.gate.kept.Load(); kept > 0 {
		saveCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if err := b.store.SetOffset(saveCtx, kept); err != nil {
			b.log.Warn("could not record the polling offset at shutdown", "err", err)
		}
	}
	b.log.Info("wgbot stopped")
	return nil
}

// libraryError routes the library's errors to slog, without the token.
func (b *Bot) libraryError(err error) {
	if errors.Is(err, context.Canceled) {
		return
	}
	b.log.Warn("telegram", "err", redactErr(err, b.cfg.Token))
}

package bot

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

// Webhook mode. Telegram POSTs each update to WEBHOOK_URL; the handler keeps
// the raw update in the store's inbox before it answers 200, so an update
// Telegram considers delivered survives a crash of this process. The update
// is then queued on this instance's dispatcher (the same per-chat ordering and
// handler as polling). Before handling, an instance claims the update in the
// store; after, the handled mark removes it from the inbox. A sweep offers
// again what no instance finished: left by a crash, or by a store failure.
const (
	// maxWebhookBody bounds a request body; Telegram's updates are a few KB.
	maxWebhookBody = 1 << 20
	// inboxVisibility is how long an update put in the inbox (or offered by a
	// sweep) belongs to the instance that took it before a sweep offers it again.
	inboxVisibility = 60 * time.Second
	// inboxSweep is how often each instance looks for such updates.
	inboxSweep = 5 * time.Second
	// inboxMaxAge drops an update that could not be handled for a day, as
	// Telegram itself gives up on undelivered updates after a day.
	inboxMaxAge = 24 * time.Hour
	// claimTTL outlives handlerTimeout, so a claim ends only after its
	// handler did or its instance died.
	claimTTL = 2 * handlerTimeout
	// secretHeader carries WEBHOOK_SECRET on each of Telegram's requests.
	secretHeader = "X-Telegram-Bot-Api-Secret-Token"
)

// allowedUpdates are the update types the bot asks for, in both modes.
var allowedUpdates = []string{"message", "callback_query", "my_chat_member"}

// webhook is the state of webhook mode.
type webhook struct {
	*intake
	secret [sha256.Size]byte
}

func (b *Bot) newWebhook() (*webhook, error) {
	if b.cfg.WebhookSecret == "" {
		return nil, errors.New("webhook mode needs a secret token")
	}
	// Several instances may share the store: each names itself at random.
	var nonce [8]byte
	_, _ = rand.Read(nonce[:])
	in, err := b.newIntake(hex.EncodeToString(nonce[:]))
	if err != nil {
		return nil, err
	}
	return &webhook{intake: in, secret: sha256.Sum256([]byte(b.cfg.WebhookSecret))}, nil
}

// ServeHTTP receives one update from Telegram.
func (wh *webhook) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	b := wh.b
	status := http.StatusOK
	defer func() { b.metrics.webhook.WithLabelValues(strconv.Itoa(status)).Inc() }()
	fail := func(code int, msg string) {
		status = code
		http.Error(w, msg, code)
	}
	// Hashing both sides makes the comparison constant-time whatever their lengths.
	got := sha256.Sum256([]byte(r.Header.Get(secretHeader)))
	if subtle.ConstantTimeCompare(got[:], wh.secret[:]) != 1 {
		// Never log the header's value: it may be a near miss of the secret.
		b.log.Warn("webhook request refused: missing or wrong secret token",
			"remote", r.RemoteAddr, "header_present", r.Header.Get(secretHeader) != "")
		fail(http.StatusUnauthorized, "unauthorized")
		return
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxWebhookBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			b.log.Warn("webhook request refused: body too large", "remote", r.RemoteAddr, "limit", maxWebhookBody)
			fail(http.StatusRequestEntityTooLarge, "request body too large")
			return
		}
		fail(http.StatusBadRequest, "could not read the body")
		return
	}
	var upd models.Update
	if err := json.Unmarshal(body, &upd); err != nil || upd.ID <= 0 {
		b.log.Warn("webhook request refused: not an update", "remote", r.RemoteAddr, "bytes", len(body))
		fail(http.StatusBadRequest, "malformed update")
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), 5*time.Second)
	defer cancel()
	now := b.cfg.Now()
	added, err := wh.inbox.InboxPut(ctx, upd.ID, body, now, now.Add(inboxVisibility))
	if err != nil {
		// Not kept: Telegram delivers it again later.
		b.log.Error("could not keep a webhook update; Telegram will retry", "update", upd.ID, "err", err)
		b.metrics.storageError("inbox", err)
		fail(http.StatusServiceUnavailable, "storage unavailable")
		return
	}
	w.WriteHeader(http.StatusOK)
	if added {
		b.d.enqueue(context.WithoutCancel(r.Context()), &upd)
	}
}

// webhookPath is the path part of WEBHOOK_URL, where the handler listens.
func webhookPath(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil || u.Scheme != "https" && u.Scheme != "http" || u.Host == "" {
		return "", fmt.Errorf("WEBHOOK_URL must be an https:// URL")
	}
	return u.EscapedPath(), nil
}

// runWebhook is Run in webhook mode: it serves Telegram's updates, health and
// metrics on ListenAddr, registers the webhook, and runs the alert loop and
// the inbox sweep until ctx ends; then it stops taking requests and lets the
// handlers in flight finish.
func (b *Bot) runWebhook(ctx context.Context) error {
	wh, err := b.newWebhook()
	if err != nil {
		return err
	}
	path, err := webhookPath(b.cfg.WebhookURL)
	if err != nil {
		return err
	}
	b.metrics.watchInbox(wh.inbox)
	// Nothing was queued yet: from now on every update is claimed first.
	b.d.handle = wh.handleClaimed
	if err := b.registerMenu(ctx); err != nil {
		b.log.Warn("could not register the command menu", "err", redactErr(err, b.cfg.Token))
	}
	b.setAppMenu(ctx)
	// What a previous run left: handled before any new update.
	wh.sweep(ctx, inboxVisibility)
	srv, err := b.serveHTTP(b.listenAddr(), b.opsMux(path, wh))
	if err != nil {
		return fmt.Errorf("LISTEN_ADDR: %w", err)
	}
	if _, err := b.tg.SetWebhook(ctx, &tgbot.SetWebhookParams{URL: b.cfg.WebhookURL, SecretToken: b.cfg.WebhookSecret,
		AllowedUpdates: allowedUpdates, MaxConnections: 40}); err != nil {
		srv.stop()
		return errors.New("telegram setWebhook: " + redact(redact(err.Error(), b.cfg.Token), b.cfg.WebhookSecret))
	}
	b.log.Info("wgbot is receiving updates by webhook", "bot", b.username, "path", path)
	var loops sync.WaitGroup
	loops.Go(func() { b.alertLoop(ctx) })
	loops.Go(func() { b.boardLoop(ctx) })
	loops.Go(func() { wh.sweepLoop(ctx) })
	<-ctx.Done()
	srv.stop() // no new updates; the ones answered are in the inbox and queued
	loops.Wait()
	b.d.wait()
	b.log.Info("wgbot stopped")
	return nil
}

// listenAddr is LISTEN_ADDR, ":8080" when unset.
func (b *Bot) listenAddr() string {
	if b.cfg.ListenAddr == "" {
		return ":8080"
	}
	return b.cfg.ListenAddr
}

// Metrics returns the bot's metrics, for an LLM adapter to count its calls
// (LLMCounter) when it is not used through Config.Summarizer.
func (b *Bot) Metrics() *Metrics { return b.metrics }

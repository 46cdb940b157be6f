package bot

import (
	"context"
	"time"

	"github.com/ots-customs/wgbot/storage"
)

// alertPoll is the longest the alert loop sleeps: it also notices alerts
// that another instance scheduled, and leases that ran out.
const alertPoll = 30 * time.Second

// alertLoop delivers due alerts (and ends idle conversations) until ctx ends. Every instance of the bot may
// run it: claiming in the store is atomic, so each alert goes out once.
func (b *Bot) alertLoop(ctx context.Context) {
	if b.cfg.AlertChatID != 0 {
		b.ensureAlertChat(ctx)
	}
	for {
		wait := alertPoll
		if n, err := b.h.DeliverDueAlerts(ctx); err != nil {
			b.log.Warn("alert delivery failed; will retry", "err", redactErr(err, b.cfg.Token))
			b.metrics.storageError("alerts", err)
		} else if n > 0 {
			b.log.Info("alerts sent", "count", n)
			b.metrics.alerts.Add(float64(n))
		}
		// Nominations left alone for a day end with a message; the same loop
		// serves, since it already wakes at least every alertPoll.
		if err := b.h.ExpireConversations(ctx); err != nil {
			b.log.Warn("could not end idle conversations", "err", redactErr(err, b.cfg.Token))
		}
		if next, err := b.store.NextAlert(ctx); err == nil && !next.IsZero() {
			wait = min(wait, max(next.Sub(b.cfg.Now()), 10*time.Millisecond))
		}
		wait = b.digestRound(ctx, wait)
		select {
		case <-ctx.Done():
			return
		case <-b.cfg.After(wait):
		}
	}
}

// ensureAlertChat subscribes ALERT_CHAT_ID to every task once.
func (b *Bot) ensureAlertChat(ctx context.Context) {
	subs, err := b.store.Subscriptions(ctx)
	if err != nil {
		b.log.Warn("could not read subscriptions", "err", err)
		return
	}
	for _, s := range subs {
		if s.ChatID == b.cfg.AlertChatID {
			return
		}
	}
	s := storage.Subscription{ChatID: b.cfg.AlertChatID, Title: "ALERT_CHAT_ID", Since: b.cfg.Now()}
	if err := b.store.Subscribe(ctx, s); err != nil {
		b.log.Warn("could not subscribe ALERT_CHAT_ID", "err", err)
		return
	}
	if err := b.h.ScheduleChat(ctx, s); err != nil {
		b.log.Warn("could not schedule alerts for ALERT_CHAT_ID", "err", err)
	}
}

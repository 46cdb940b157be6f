package bot

import (
	"context"
	"encoding/json"
	"errors"
	"strconv"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/ots-customs/wgbot/storage"
)

// intake is the one way in, for polling and webhooks alike: every update is
// first kept in the store's inbox (poll.go keeps each getUpdates batch,
// webhook.go each POST), then handed to the per-chat workers (dispatch.go),
// which claim it, handle it and finish it. A sweep offers again what no
// worker finished in time: left by a crash or a stop, or by a store failure.
type intake struct {
	b        *Bot
	inbox    storage.Inbox
	instance string // names this process in claims
}

// pollingInstance names the poller in claims. Telegram lets one process poll
// a bot at a time, so a poller that starts after a crash takes over the
// claims of the one that died at once, instead of waiting for them to expire.
const pollingInstance = "poll"

func (b *Bot) newIntake(instance string) (*intake, error) {
	inbox, ok := b.store.(storage.Inbox)
	if !ok {
		return nil, errors.New("the store has no inbox (Redis and the embedded store have one)")
	}
	return &intake{b: b, inbox: inbox, instance: instance}, nil
}

// sweepLoop sweeps every inboxSweep until ctx ends.
func (wh *intake) sweepLoop(ctx context.Context) {
	t := time.NewTicker(inboxSweep)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			wh.sweep(ctx, 0)
		}
	}
}

// handleClaimed handles an update of the inbox if no other instance does.
func (wh *intake) handleClaimed(ctx context.Context, upd *models.Update) {
	b := wh.b
	if late := lateFinishOf(ctx); late.pending() && late.fin.UpdateID == upd.ID {
		// This update again (the sweep offered it while its last run was
		// ending): that run's finish, which holds the same token, must not
		// release the claim this run is about to take.
		late.flush(ctx)
	}
	token := wh.instance + ":" + strconv.FormatInt(upd.ID, 10)
	// The poller claimed what its batch put kept (poll.go); the rest is claimed here.
	ok := wh.instance == pollingInstance && b.gate != nil && b.gate.takeClaim(upd.ID)
	var err error
	if !ok {
		claimCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
		ok, err = wh.inbox.ClaimUpdate(claimCtx, upd.ID, token, claimTTL)
		cancel()
	}
	if err != nil {
		b.log.Warn("could not claim an update; it will be offered again", "update", upd.ID, "err", err)
		b.metrics.storageError("claim", err)
		return
	}
	if !ok {
		b.log.Debug("another instance is handling the update", "update", upd.ID)
		return
	}
	fin := &finishing{updateID: upd.ID}
	b.handleUpdate(context.WithValue(ctx, finishKey{}, fin), upd)
	done := storage.Finish{UpdateID: upd.ID, Token: token, Handled: fin.handled}
	late := lateFinishOf(ctx)
	late.flush(ctx) // the last update's, if this one read no session
	if late != nil {
		late.hold(wh, done) // for the chat's next update, or the worker's flush
		return
	}
	wh.finish(ctx, done)
}

// sweep queues the updates of the inbox that no instance finished in time;
// horizon is how far ahead of now it looks (at start: everything).
func (wh *intake) sweep(ctx context.Context, horizon time.Duration) {
	b := wh.b
	for ctx.Err() == nil {
		now := b.cfg.Now()
		items, err := wh.inbox.InboxDue(ctx, now.Add(horizon), now.Add(inboxVisibility), now.Add(-inboxMaxAge), 100)
		if err != nil {
			if ctx.Err() == nil {
				b.log.Warn("could not read the webhook inbox", "err", err)
				b.metrics.storageError("inbox", err)
			}
			return
		}
		for _, it := range items {
			var upd models.Update
			if err := json.Unmarshal(it.Raw, &upd); err != nil {
				b.log.Warn("dropping an unreadable update from the inbox", "update", it.UpdateID)
				continue
			}
			b.d.enqueue(ctx, &upd)
		}
		if len(items) > 0 {
			b.log.Info("took over updates left in the inbox", "count", len(items))
		}
		if len(items) < 100 {
			return
		}
	}
}

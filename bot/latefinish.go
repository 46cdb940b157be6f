package bot

import (
	"context"
	"time"

	"github.com/ots-customs/wgbot/handlers"
	"github.com/ots-customs/wgbot/storage"
)

// lateFinish is the finish of a chat's last update, held by the chat's
// worker while it takes up the chat's next update, so that the finish goes
// to the store with that update's session read: one round trip per update
// instead of two (storage.FinishingSession). It goes on its own when no
// next update is at hand, when the worker must wait for a slot, and before
// a next update that reads no session could send anything. So the next
// update never reaches Telegram before the last one is finished, and a
// crash still repeats at most the one reply in flight in each chat.
//
// Only its worker touches it, one update after another: it needs no lock.
type lateFinish struct {
	fin storage.Finish
	in  *intake // who finishes it; nil: nothing is held
}

type lateFinishKey struct{}

// lateFinishOf is the holder of the worker handling ctx's update, or nil.
func lateFinishOf(ctx context.Context) *lateFinish {
	l, _ := ctx.Value(lateFinishKey{}).(*lateFinish)
	return l
}

func (l *lateFinish) pending() bool { return l != nil && l.in != nil }

// hold keeps fin to go with the next update's session.
func (l *lateFinish) hold(in *intake, fin storage.Finish) { l.fin, l.in = fin, in }

// take hands the held finish over to whoever sends it.
func (l *lateFinish) take() (*intake, storage.Finish) {
	in, fin := l.in, l.fin
	l.in, l.fin = nil, storage.Finish{}
	return in, fin
}

// flush sends the held finish on its own, if one is held.
func (l *lateFinish) flush(ctx context.Context) {
	if l.pending() {
		in, fin := l.take()
		in.finish(ctx, fin)
	}
}

// finish ends an update's handling in the store, in a round trip of its own.
func (wh *intake) finish(ctx context.Context, fin storage.Finish) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	wh.finished(fin, wh.inbox.FinishUpdate(ctx, fin.UpdateID, fin.Token, fin.Handled))
}

// finished reports a finish that was sent, alone or with a session.
func (wh *intake) finished(fin storage.Finish, err error) {
	b := wh.b
	if err != nil {
		// The update stays in the inbox; the handled mark drops it when offered again.
		b.log.Warn("could not finish an update", "update", fin.UpdateID, "err", err)
		b.metrics.storageError("finish", err)
	}
	if b.cfg.OnHandled != nil {
		b.cfg.OnHandled(fin.UpdateID)
	}
}

// session reads r's session, with the finish of the chat's last update
// when its worker holds one.
func (b *Bot) session(ctx context.Context, r *handlers.Request) (storage.Session, error) {
	late := lateFinishOf(ctx)
	if fs, ok := b.store.(storage.FinishingSession); ok && late.pending() {
		in, fin := late.take()
		s, finished, err := fs.FinishThenSession(ctx, fin, r.UpdateID, r.User.ID, r.Chat.ID)
		in.finished(fin, finished)
		return s, err
	}
	late.flush(ctx)
	return b.store.Session(ctx, r.UpdateID, r.User.ID, r.Chat.ID)
}

package bot

import (
	"context"
	"sync"
	"testing"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/storage"
)

// sessionWatch is the real store, noting at each session read whether the
// update before it is already finished: the handler, and so any reply,
// comes only after the read returns.
type sessionWatch struct {
	*storage.Redis
	probe    storage.Store // its own connection: its reads are not the bot's round trips
	mu       sync.Mutex
	unmarked []int64 // updates read while the one before was not yet marked
	reads    int
}

func (w *sessionWatch) note(ctx context.Context, updateID int64) {
	prev, err := w.probe.Session(ctx, updateID-1, 0, 0)
	w.mu.Lock()
	defer w.mu.Unlock()
	w.reads++
	if err != nil || !prev.Seen {
		w.unmarked = append(w.unmarked, updateID)
	}
}

func (w *sessionWatch) Session(ctx context.Context, u, user, chat int64) (storage.Session, error) {
	s, err := w.Redis.Session(ctx, u, user, chat)
	w.note(ctx, u)
	return s, err
}

func (w *sessionWatch) FinishThenSession(ctx context.Context, fin storage.Finish, u, user, chat int64) (storage.Session, error, error) {
	s, finished, err := w.Redis.FinishThenSession(ctx, fin, u, user, chat)
	w.note(ctx, u)
	return s, finished, err
}

// The updates of one chat queued behind each other: each is finished (marked
// handled, out of the inbox) before the next is answered, so a crash repeats
// at most the reply in flight; the finish travels with the next update's
// session, one round trip per update; and the last one is finished although
// no update follows it.
func TestEachUpdateIsFinishedBeforeTheNextIsAnswered(t *testing.T) {
	t.Parallel()
	h := prepare(t, nil)
	probe, err := storage.OpenRedis(h.redisURL, storage.RedisOptions{Prefix: h.prefix})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { probe.Close() })
	watch := &sessionWatch{Redis: h.store, probe: probe}
	h.botStore = watch
	h.start(fastSends)
	chat := telegramtest.Private(memberTR)
	first := h.tg.SendText(chat, memberTR, "/help") // the bot is idle: nothing before it
	h.waitHandled(t, first)
	const n = 12
	trips := h.store.RoundTrips()
	var last int64
	for range n {
		last = h.tg.SendText(chat, memberTR, "/deadlines")
	}
	h.waitHandled(t, last)
	msgs := h.tg.WaitMessages(t, chat.ID, n+1)
	for i, m := range msgs[1:] {
		mustContain(t, m.PlainText(), "Open deadlines")
		if i > 0 && m.MessageID <= msgs[i].MessageID {
			t.Fatalf("reply %d came before reply %d", i+1, i)
		}
	}
	watch.mu.Lock()
	if watch.reads != n+1 || len(watch.unmarked) != 1 || watch.unmarked[0] != first {
		t.Errorf("%d session reads; read before the previous update was finished: %v (want only the first, %d)",
			watch.reads, watch.unmarked, first)
	}
	watch.mu.Unlock()
	if got := h.store.RoundTrips() - trips; got > n+n/2 {
		t.Errorf("%d round trips for %d updates of one chat, want about one each", got, n)
	}
	if waiting, err := h.store.InboxLen(t.Context()); err != nil || waiting != 0 {
		t.Errorf("%d updates left in the inbox (%v)", waiting, err)
	}
	if s, _ := h.store.Session(t.Context(), last, 0, 0); !s.Seen {
		t.Error("the last update is not marked handled")
	}
}

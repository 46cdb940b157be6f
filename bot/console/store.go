package console

import (
	"context"
	"sync"

	"github.com/ots-customs/wgbot/storage"
)

// Handled learns from the store when the bot has finished an update: the
// runtime marks an update handled after its replies were sent, so the
// console can show the whole answer before it prompts again.
type Handled struct {
	mu      sync.Mutex
	done    map[int64]bool
	changed chan struct{}
}

// Watch wraps store so that Handled hears of every MarkHandled. The wrapper
// keeps the store's inbox (webhook and inbox sweeps) when it has one.
func Watch(store storage.Store) (storage.Store, *Handled) {
	h := &Handled{done: map[int64]bool{}, changed: make(chan struct{})}
	w := watched{Store: store, h: h}
	if inbox, ok := store.(storage.Inbox); ok {
		return watchedInbox{watched: w, Inbox: inbox}, h
	}
	return w, h
}

type watched struct {
	storage.Store
	h *Handled
}

type watchedInbox struct {
	watched
	storage.Inbox
}

// MarkHandled records the mark, then tells the console.
func (w watched) MarkHandled(ctx context.Context, updateID int64) error {
	err := w.Store.MarkHandled(ctx, updateID)
	w.h.markDone(updateID)
	return err
}

// markDone records that updateID was handled and wakes the waiters.
func (h *Handled) markDone(updateID int64) {
	h.mu.Lock()
	h.done[updateID] = true
	close(h.changed)
	h.changed = make(chan struct{})
	h.mu.Unlock()
}

// FinishUpdate finishes the update in the store, then tells the console
// when it was handled: the bot marks an update of its inbox handled in the
// same step.
func (w watchedInbox) FinishUpdate(ctx context.Context, updateID int64, token string, handled bool) error {
	err := w.Inbox.FinishUpdate(ctx, updateID, token, handled)
	if handled {
		w.h.markDone(updateID)
	}
	return err
}

// Wait blocks until updateID was handled or ctx ends; it reports which.
func (h *Handled) Wait(ctx context.Context, updateID int64) bool {
	for {
		h.mu.Lock()
		ok, changed := h.done[updateID], h.changed
		if ok {
			delete(h.done, updateID)
		}
		h.mu.Unlock()
		if ok {
			return true
		}
		select {
		case <-changed:
		case <-ctx.Done():
			return false
		}
	}
}

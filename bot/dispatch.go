package bot

import (
	"context"
	"sync"
	"time"

	"github.com/go-telegram/bot/models"
)

// dispatcher is the per-chat workers: the updates of one chat are handled
// one after another in the order Telegram sent them, while different chats
// run side by side (at most `limit` at once). A worker that waits (a 429's
// retry_after, a group's rate limit) gives its slot back while it waits, so
// that a waiting chat never holds another. Every update it is given is
// already kept in the store's inbox (poll.go, webhook.go): what it holds in
// memory may be lost in a crash, and is offered again by the inbox's sweep.
type dispatcher struct {
	handle func(context.Context, *models.Update)
	sem    chan struct{}

	mu      sync.Mutex
	queues  map[int64][]*models.Update
	running sync.WaitGroup
}

func newDispatcher(limit int, handle func(context.Context, *models.Update)) *dispatcher {
	return &dispatcher{handle: handle, sem: make(chan struct{}, limit), queues: map[int64][]*models.Update{}}
}

// enqueue queues upd behind earlier updates of its chat. It never blocks.
func (d *dispatcher) enqueue(ctx context.Context, upd *models.Update) {
	key := chatKey(upd)
	d.mu.Lock()
	q, busy := d.queues[key]
	d.queues[key] = append(q, upd)
	if !busy {
		d.running.Add(1)
		go d.drain(context.WithoutCancel(ctx), key)
	}
	d.mu.Unlock()
}

// drain handles a chat's queue until it is empty. Handlers get a context that
// is not cancelled at shutdown, so the ones in flight finish their replies.
func (d *dispatcher) drain(ctx context.Context, key int64) {
	defer d.running.Done()
	late := &lateFinish{} // latefinish.go
	ctx = context.WithValue(context.WithValue(ctx, slotKey{}, d.sem), lateFinishKey{}, late)
	for {
		d.mu.Lock()
		q := d.queues[key]
		if len(q) == 0 && late.pending() {
			// Finished while the chat is still this worker's: an update
			// that comes meanwhile waits for it, instead of starting a
			// worker of its own that could reply first.
			d.mu.Unlock()
			late.flush(ctx)
			continue
		}
		if len(q) == 0 {
			delete(d.queues, key)
			d.mu.Unlock()
			return
		}
		upd := q[0]
		d.queues[key] = q[1:]
		d.mu.Unlock()

		select {
		case d.sem <- struct{}{}:
		default: // the last update's finish does not wait for a slot
			late.flush(ctx)
			d.sem <- struct{}{}
		}
		d.handle(ctx, upd)
		<-d.sem
	}
}

// wait blocks until every queue was drained.
func (d *dispatcher) wait() { d.running.Wait() }

// slotKey marks the context of a worker that holds a slot of the dispatcher.
type slotKey struct{}

// yieldingSleep is sleep with the calling worker's slot given back for the
// wait and taken again after it.
func yieldingSleep(sleep func(context.Context, time.Duration) error) func(context.Context, time.Duration) error {
	return func(ctx context.Context, d time.Duration) error {
		sem, _ := ctx.Value(slotKey{}).(chan struct{})
		if sem == nil {
			return sleep(ctx, d)
		}
		<-sem
		defer func() { sem <- struct{}{} }()
		return sleep(ctx, d)
	}
}

// chatKey orders updates by chat; updates without a chat go by sender.
func chatKey(u *models.Update) int64 {
	switch {
	case u.Message != nil:
		return u.Message.Chat.ID
	case u.EditedMessage != nil:
		return u.EditedMessage.Chat.ID
	case u.CallbackQuery != nil:
		if m := u.CallbackQuery.Message.Message; m != nil {
			return m.Chat.ID
		}
		if m := u.CallbackQuery.Message.InaccessibleMessage; m != nil {
			return m.Chat.ID
		}
		return u.CallbackQuery.From.ID
	case u.MyChatMember != nil:
		return u.MyChatMember.Chat.ID
	}
	return 0
}

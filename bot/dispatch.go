package bot

import (
	"context"
	"sync"

	"github.com/go-telegram/bot/models"
)

// dispatcher runs updates so that those of one chat are handled one after
// another in the order Telegram sent them, while different chats run side by
// side (at most `limit` at once). It also counts the updates of the batch in
// flight, so the poller can hold the next getUpdates (which confirms the batch
// to Telegram) until every update of this batch was handled.
type dispatcher struct {
	handle func(context.Context, *models.Update)
	sem    chan struct{}

	mu       sync.Mutex
	idle     *sync.Cond
	queues   map[int64][]*models.Update
	pending  int   // updates received and not yet handled
	batchMax int64 // highest update id received
	running  sync.WaitGroup
}

func newDispatcher(limit int, handle func(context.Context, *models.Update)) *dispatcher {
	d := &dispatcher{handle: handle, sem: make(chan struct{}, limit), queues: map[int64][]*models.Update{}}
	d.idle = sync.NewCond(&d.mu)
	return d
}

// expect is told by the poller how many updates a getUpdates answer carried,
// before the library hands them over one by one.
func (d *dispatcher) expect(n int, maxID int64) {
	d.mu.Lock()
	d.pending += n
	d.batchMax = max(d.batchMax, maxID)
	d.mu.Unlock()
}

// enqueue queues upd behind earlier updates of its chat. It never blocks.
// Updates that arrive without a poller's count (webhook mode) count here.
func (d *dispatcher) enqueue(ctx context.Context, upd *models.Update, counted bool) {
	key := chatKey(upd)
	d.mu.Lock()
	if !counted {
		d.pending++
	}
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
	for {
		d.mu.Lock()
		q := d.queues[key]
		if len(q) == 0 {
			delete(d.queues, key)
			d.mu.Unlock()
			return
		}
		upd := q[0]
		d.queues[key] = q[1:]
		d.mu.Unlock()

		d.sem <- struct{}{}
		d.handle(ctx, upd)
		<-d.sem

		d.mu.Lock()
		d.pending--
		if d.pending == 0 {
			d.idle.Broadcast()
		}
		d.mu.Unlock()
	}
}

// waitIdle blocks until every update received so far was handled, or ctx ends.
// It returns the highest update id handled, and whether all were.
func (d *dispatcher) waitIdle(ctx context.Context) (int64, bool) {
	stop := context.AfterFunc(ctx, func() {
		d.mu.Lock()
		d.idle.Broadcast()
		d.mu.Unlock()
	})
	defer stop()
	d.mu.Lock()
	defer d.mu.Unlock()
	for d.pending > 0 && ctx.Err() == nil {
		d.idle.Wait()
	}
	return d.batchMax, d.pending == 0
}

// forgetUndelivered drops the count of updates that were announced by expect
// but never enqueued (the library drops what it holds when its context ends),
// so that a later Run does not wait for them for ever. Call it only when no
// handler runs and nothing can be enqueued; acked is the highest update id up
// to which all were handled.
func (d *dispatcher) forgetUndelivered(acked int64) {
	d.mu.Lock()
	defer d.mu.Unlock()
	d.pending, d.batchMax = 0, acked
}

// wait blocks until every running handler returned.
func (d *dispatcher) wait() { d.running.Wait() }

// settled reports the highest update id received and whether all were handled.
func (d *dispatcher) settled() (int64, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	return d.batchMax, d.pending == 0
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
		return u.CallbackQuery.From.ID
	case u.MyChatMember != nil:
		return u.MyChatMember.Chat.ID
	}
	return 0
}

package storage

import (
	"context"
	"errors"
	"slices"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// txGroup runs the transactions that callers bring while one is on its way
// to Redis as one MULTI/EXEC, in one round trip: a group commit. Every
// update costs a transaction (the finish of the one before it and its own
// session, FinishThenSession), one per chat side by side; on a busy bot a
// round trip cost the bot and Redis more than the commands in it (a socket
// write and read on each side, BenchmarkFinishThenSession), and now several
// chats share one. An idle bot sends each at once, as before: a caller
// waits only for a trip already on its way.
//
// Only transactions that are safe to run twice may come here, as for
// idempotentTx, and each caller judges its own commands' outcomes: a
// command that fails as it runs (WRONGTYPE) fails only its caller's. One
// that Redis refuses to queue (a full Redis refuses a write) aborts the
// whole trip, as it did its own transaction; every caller's finish writes
// alike, so each would have been refused anyway.
type txGroup struct {
	rdb     *redis.Client
	timeout time.Duration // bounds a trip, its retry included

	mu       sync.Mutex
	queue    []*txCall
	inFlight int // trips on their way, each sent by a leader
}

type txCall struct {
	fill  func(redis.Pipeliner) error
	err   error         // the trip's error, for its caller to judge
	wake  chan struct{} // the trip ran, or the lead is handed over (batch)
	batch []*txCall     // set before wake: the trip this caller is to send
	taken bool          // in a trip's batch: its commands may go out
}

// maxGroup bounds the transactions of one trip, and so its size.
const maxGroup = 32

// maxInFlight is how many trips may be on their way at once: one trip at a
// time left the bot waiting on Redis while it had CPU to spare.
const maxInFlight = 2

// errTripFailed is the outcome of a trip whose sender failed hard.
var errTripFailed = errors.New("storage: the transaction's trip failed")

// do runs fill's commands in a MULTI/EXEC, with those of the callers that
// come while a trip is on its way.
func (g *txGroup) do(ctx context.Context, fill func(redis.Pipeliner) error) error {
	c := &txCall{fill: fill, wake: make(chan struct{}, 1)}
	g.mu.Lock()
	g.queue = append(g.queue, c)
	if g.inFlight < maxInFlight {
		g.inFlight++
		batch := g.takeLocked()
		g.mu.Unlock()
		g.send(ctx, batch)
		return c.err
	}
	g.mu.Unlock()
	select {
	case <-c.wake:
	case <-ctx.Done():
		g.mu.Lock()
		if !c.taken { // nothing of it was sent: it may leave
			g.queue = slices.DeleteFunc(g.queue, func(q *txCall) bool { return q == c })
			g.mu.Unlock()
			return ctx.Err()
		}
		g.mu.Unlock()
		<-c.wake // in a trip already, which g.timeout bounds: a finish is not left halfway
	}
	if c.batch != nil {
		g.send(ctx, c.batch)
	}
	return c.err
}

// takeLocked takes the calls waiting for a trip, at most maxGroup.
func (g *txGroup) takeLocked() []*txCall {
	n := min(len(g.queue), maxGroup)
	batch := g.queue[:n:n]
	for _, c := range batch {
		c.taken = true
	}
	g.queue = append([]*txCall(nil), g.queue[n:]...)
	return batch
}

// send runs a batch of calls as one trip, then hands the calls that came
// meanwhile to the first of them, to send as the next trip.
func (g *txGroup) send(ctx context.Context, batch []*txCall) {
	err := errTripFailed
	defer func() { // also when the trip panics: nobody is left waiting
		for _, c := range batch {
			c.err = err
			c.wake <- struct{}{} // never blocks: a call is woken at most twice, lead then result
		}
		g.mu.Lock()
		if len(g.queue) == 0 {
			g.inFlight--
			g.mu.Unlock()
			return
		}
		next := g.takeLocked()
		g.mu.Unlock()
		next[0].batch = next
		next[0].wake <- struct{}{}
	}()
	// The trip serves every caller in it: the leader's leaving (a stop)
	// must not cut the others' short. Its own deadline bounds it instead.
	tripCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), g.timeout)
	defer cancel()
	err = idempotentTx(tripCtx, g.rdb, func(p redis.Pipeliner) error {
		for _, c := range batch {
			if err := c.fill(p); err != nil {
				return err
			}
		}
		return nil
	})
}

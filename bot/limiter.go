package bot

import (
	"context"
	"sync"
	"time"
)

// Telegram's published limits for bots, and our share of them for alerts.
const (
	// defaultPerSecond is messages a second, all chats together, unless
	// TELEGRAM_MAX_RATE says more (bots with paid broadcasts); background
	// messages leave room for one reply every second.
	defaultPerSecond = 30
	groupPerMinute   = 20 // messages a minute in one group
	chatInterval     = time.Second
	// slack widens every window a little: Telegram counts when a message
	// arrives, we count when it leaves, and the two clocks disagree by the
	// network's jitter.
	slack = 25 * time.Millisecond
)

// limiter keeps every outgoing message within Telegram's limits. Replies to
// users go first: a background message (an alert) waits while a reply waits,
// and may use all but one a second of the global budget.
type limiter struct {
	now       func() time.Time
	sleep     func(context.Context, time.Duration) error
	perSecond int // replies and alerts together; alerts get one less

	mu        sync.Mutex
	global    []time.Time           // sends in the last second
	groups    map[int64][]time.Time // sends to each group in the last minute
	lastAlert map[int64]time.Time   // last background send to each chat
	replies   int                   // replies waiting for a slot
}

func newLimiter(now func() time.Time, sleep func(context.Context, time.Duration) error, perSecond int) *limiter {
	if perSecond <= 0 {
		perSecond = defaultPerSecond
	}
	return &limiter{now: now, sleep: sleep, perSecond: perSecond, groups: map[int64][]time.Time{}, lastAlert: map[int64]time.Time{}}
}

// wait blocks until a message to chatID may go out, then counts it as sent.
func (l *limiter) wait(ctx context.Context, chatID int64, background bool) error {
	if !background {
		l.mu.Lock()
		l.replies++
		l.mu.Unlock()
		defer func() {
			l.mu.Lock()
			l.replies--
			l.mu.Unlock()
		}()
	}
	for {
		l.mu.Lock()
		now := l.now()
		at := l.readyLocked(chatID, background, now)
		if !at.After(now) && !(background && l.replies > 0) {
			l.recordLocked(chatID, background, now)
			l.mu.Unlock()
			return nil
		}
		l.mu.Unlock()
		d := at.Sub(now)
		if d <= 0 {
			d = 5 * time.Millisecond // a reply is waiting: let it go first
		}
		if err := l.sleep(ctx, d); err != nil {
			return err
		}
	}
}

// readyAt says when a message to chatID could go out, judged at now (one
// reading of the clock for a whole comparison of chats).
func (l *limiter) readyAt(chatID int64, background bool, now time.Time) time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.readyLocked(chatID, background, now)
}

func (l *limiter) readyLocked(chatID int64, background bool, now time.Time) time.Time {
	at := now
	l.global = prune(l.global, now.Add(-time.Second-slack))
	budget := l.perSecond
	if background && budget > 1 {
		budget--
	}
	if n := len(l.global); n >= budget {
		at = later(at, l.global[n-budget].Add(time.Second+slack))
	}
	if chatID < 0 {
		g := prune(l.groups[chatID], now.Add(-time.Minute-slack))
		l.groups[chatID] = g
		if len(g) >= groupPerMinute {
			at = later(at, g[len(g)-groupPerMinute].Add(time.Minute+slack))
		}
	}
	if background {
		if last, ok := l.lastAlert[chatID]; ok {
			at = later(at, last.Add(chatInterval+slack))
		}
	}
	return at
}

func (l *limiter) recordLocked(chatID int64, background bool, now time.Time) {
	l.global = append(l.global, now)
	if chatID < 0 {
		l.groups[chatID] = append(l.groups[chatID], now)
	}
	if background {
		l.lastAlert[chatID] = now
	}
}

// prune drops the times not after cutoff; ts is in time order.
func prune(ts []time.Time, cutoff time.Time) []time.Time {
	i := 0
	for i < len(ts) && !ts[i].After(cutoff) {
		i++
	}
	if i == 0 {
		return ts
	}
	return append(ts[:0], ts[i:]...)
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

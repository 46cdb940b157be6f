package console

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Clock is the bot's clock in the console: the real time moved by an offset
// that :time changes. The bot reads it through bot.Config.Now and After (the
// alert loop's timer) and the embedded store through BoltOptions.Now, so a
// jump reaches the handlers, the alerts and the expiries alike.
type Clock struct {
	real func() time.Time

	mu     sync.Mutex
	offset time.Duration
	jumped chan struct{} // closed and replaced at every jump: wakes After
	rounds chan struct{} // closed and replaced whenever After is called
}

// NewClock returns a clock that reads real (time.Now when nil) until moved.
func NewClock(real func() time.Time) *Clock {
	if real == nil {
		real = time.Now
	}
	return &Clock{real: real, jumped: make(chan struct{}), rounds: make(chan struct{})}
}

// Now is the bot's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.real().Add(c.offset)
}

// After fires after d of real time, or at once when the clock jumps, so that
// the alert loop sees at once what a jump made due.
func (c *Clock) After(d time.Duration) <-chan time.Time {
	c.mu.Lock()
	jumped := c.jumped
	close(c.rounds) // the caller finished a round: tell AwaitRound
	c.rounds = make(chan struct{})
	c.mu.Unlock()
	out := make(chan time.Time, 1)
	go func() {
		t := time.NewTimer(d)
		defer t.Stop()
		select {
		case <-t.C:
		case <-jumped:
		}
		out <- c.Now()
	}()
	return out
}

// Set moves the clock to t and returns a channel closed when the alert loop
// next waits, that is, when it has delivered what the jump made due.
func (c *Clock) Set(t time.Time) <-chan struct{} {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.offset = t.Sub(c.real())
	close(c.jumped)
	c.jumped = make(chan struct{})
	return c.rounds
}

// parseWhen reads the argument of :time against now in loc: "+14d", "+3h",
// "+90m", "-1d", "2024-03-01", "2024-03-01 09:00" or "now" (back to real
// time, which real gives).
func parseWhen(arg string, now, real time.Time, loc *time.Location) (time.Time, error) {
	arg = strings.TrimSpace(arg)
	if arg == "now" {
		return real, nil
	}
	if arg != "" && (arg[0] == '+' || arg[0] == '-') {
		unit := arg[len(arg)-1]
		n, err := strconv.Atoi(arg[1 : len(arg)-1])
		if err == nil && n >= 0 {
			if arg[0] == '-' {
				n = -n
			}
			switch unit {
			case 'd':
				return now.AddDate(0, 0, n), nil
			case 'h':
				return now.Add(time.Duration(n) * time.Hour), nil
			case 'm':
				return now.Add(time.Duration(n) * time.Minute), nil
			}
		}
	}
	for _, layout := range []string{"2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.ParseInLocation(layout, arg, loc); err == nil {
			if layout == "2006-01-02" { // a date alone keeps the time of day
				n := now.In(loc)
				t = time.Date(t.Year(), t.Month(), t.Day(), n.Hour(), n.Minute(), n.Second(), 0, loc)
			}
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a time: write +14d, +3h, +30m, 2024-03-01, \"2024-03-01 09:00\" or now", arg)
}

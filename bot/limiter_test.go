package bot

import (
	"context"
	"testing"
	"time"
)

// TELEGRAM_MAX_RATE: the global budget is the setting, and alerts leave one
// message a second of it for replies.
func TestLimiterRateIsTheSetting(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		perSecond, replies, alerts int
	}{{0, 30, 29}, {30, 30, 29}, {1000, 1000, 999}} {
		for _, background := range []bool{false, true} {
			clock := &testClock{now: fixedNow()}
			l := newLimiter(clock.Now, clock.Sleep, c.perSecond)
			start := clock.Now()
			n := 0
			for clock.Now().Equal(start) {
				if err := l.wait(context.Background(), int64(n+1), background); err != nil {
					t.Fatal(err)
				}
				if clock.Now().Equal(start) {
					n++
				}
			}
			want := c.replies
			if background {
				want = c.alerts
			}
			if n != want {
				t.Errorf("TELEGRAM_MAX_RATE=%d, background %v: %d messages in the first instant, want %d", c.perSecond, background, n, want)
			}
			if waited := clock.Now().Sub(start); waited < time.Second {
				t.Errorf("the next message went out after %v", waited)
			}
		}
	}
}

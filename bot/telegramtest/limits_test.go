package telegramtest

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

type fakeClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *fakeClock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }

func (c *fakeClock) Advance(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

func retryAfter(err error) int {
	var tm *tgbot.TooManyRequestsError
	if errors.As(err, &tm) {
		return tm.RetryAfter
	}
	return 0
}

func TestRateLimits(t *testing.T) {
	clock := &fakeClock{now: time.Unix(1_700_000_000, 0)}
	srv := New(t, WithRateLimits(), WithClock(clock.Now))
	b := newClient(t, srv)
	send := func(chat int64) error {
		_, err := b.SendMessage(context.Background(), &tgbot.SendMessageParams{ChatID: chat, Text: "x"})
		return err
	}

	// Per chat: one message per second.
	if err := send(alice.ID); err != nil {
		t.Fatal(err)
	}
	clock.Advance(300 * time.Millisecond)
	if got := retryAfter(send(alice.ID)); got != 1 {
		t.Fatalf("second message in a second: retry_after %d, want 1", got)
	}
	clock.Advance(700 * time.Millisecond)
	if err := send(alice.ID); err != nil {
		t.Fatalf("after a second: %v", err)
	}

	// Per group: 20 messages per minute.
	for i := 0; i < 20; i++ {
		clock.Advance(time.Second)
		if err := send(-42); err != nil {
			t.Fatalf("group message %d: %v", i, err)
		}
	}
	clock.Advance(time.Second)
	if got := retryAfter(send(-42)); got != 40 {
		t.Fatalf("21st group message: retry_after %d, want 40", got)
	}

	// Global: 30 messages per second.
	clock.Advance(time.Minute)
	for i := int64(0); i < 30; i++ {
		if err := send(5000 + i); err != nil {
			t.Fatalf("global message %d: %v", i, err)
		}
	}
	if got := retryAfter(send(6000)); got != 1 {
		t.Fatalf("31st message in a second: retry_after %d, want 1", got)
	}
	if srv.TooMany() != 3 {
		t.Fatalf("TooMany = %d, want 3", srv.TooMany())
	}
	if d := srv.Messages(alice.ID); len(d) != 2 || !d[1].At.Equal(clock.Now().Add(-time.Minute-21*time.Second)) {
		t.Fatalf("alice messages %+v", d)
	}
}

func TestGetUpdatesFailureIsRetriedByClient(t *testing.T) {
	srv := New(t)
	srv.FailNext("getUpdates", 0, 1, 502, 0, "")
	startBot(t, srv, func(ctx context.Context, b *tgbot.Bot, u *models.Update) {
		b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: u.Message.Chat.ID, Text: "ok"})
	})
	srv.SendText(Private(alice), alice, "hi")
	srv.WaitMessages(t, alice.ID, 1)
	if srv.Calls("getUpdates") < 2 {
		t.Fatalf("getUpdates calls = %d", srv.Calls("getUpdates"))
	}
}

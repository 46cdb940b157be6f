package bot

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/bot/telegramtest"
)

// A waiting chat must never delay another. These tests make one chat wait
// for as long as the test wants (a 429, a group's rate limit, a download
// that does not end), then time a private reply in real time: it must come
// within 2 s. Before the one ingestion path, the poller held the next
// getUpdates until the waiting chat was done, so the reply never came.

// heldSleep is the virtual clock's Sleep, except that a wait of 5 s or more
// (a retry_after of 30, a group's minute) blocks until the test releases it.
type heldSleep struct {
	clock   *testClock
	release chan struct{}
	waiting atomic.Int32
}

func (s *heldSleep) Sleep(ctx context.Context, d time.Duration) error {
	if d < 5*time.Second {
		return s.clock.Sleep(ctx, d)
	}
	s.waiting.Add(1)
	defer s.waiting.Add(-1)
	select {
	case <-s.release:
	case <-ctx.Done():
		return ctx.Err()
	}
	s.clock.Advance(d)
	return nil
}

// startHeld starts the bot with a heldSleep, released before the bot stops.
func startHeld(t testing.TB, h *harness, opts ...harnessOption) *heldSleep {
	s := &heldSleep{clock: h.clock, release: make(chan struct{})}
	h.start(append([]harnessOption{func(c *Config) { c.Sleep = s.Sleep }}, opts...)...)
	t.Cleanup(func() { close(s.release) }) // runs before the harness's shutdown
	return s
}

func waitUntil(t testing.TB, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(2 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting until %s", what)
		}
	}
}

// replyWithin asks text in a private chat and fails unless the reply comes
// within limit of real time.
func replyWithin(t *testing.T, h *harness, from telegramtest.User, text, want string, limit time.Duration) {
	t.Helper()
	chat := telegramtest.Private(from)
	before := len(h.tg.Messages(chat.ID))
	start := time.Now()
	h.tg.SendText(chat, from, text)
	for len(h.tg.Messages(chat.ID)) == before {
		if time.Since(start) > limit {
			t.Fatalf("no reply to a private %s within %v while another chat waits", text, limit)
		}
		time.Sleep(2 * time.Millisecond)
	}
	mustContain(t, h.tg.Messages(chat.ID)[before].PlainText(), want)
	t.Logf("private %s answered in %v", text, time.Since(start).Round(time.Millisecond))
}

// Finding 5: a group waiting out a 429 with retry_after 30 does not delay a
// private /help.
func TestGroupWaitingOutA429DoesNotDelayAPrivateReply(t *testing.T) {
	t.Parallel()
	h := prepare(t, nil)
	enableGroup(t, h)
	s := startHeld(t, h)
	h.tg.FailNext("sendMessage", wgGroup.ID, 1, http.StatusTooManyRequests, 30, "")
	h.tg.SendText(wgGroup, memberTR, "/deadlines")
	waitUntil(t, "the group waits out its 429", func() bool { return s.waiting.Load() > 0 })
	replyWithin(t, h, memberKZ, "/help", "/deadlines", 2*time.Second)
}

// Issue 17, flood 6: 25 messages at once in an enabled group; 20 replies go
// out, the rest wait for the group's 20-a-minute limit; a private /start
// sent meanwhile is answered within 2 s.
func TestGroupAtItsRateLimitDoesNotDelayAPrivateReply(t *testing.T) {
	t.Parallel()
	h := prepare(t, nil)
	enableGroup(t, h)
	s := startHeld(t, h)
	for range 25 {
		h.tg.SendText(wgGroup, stranger, "/deadlines")
	}
	waitUntil(t, "the group waits for its limit", func() bool { return s.waiting.Load() > 0 })
	if n := len(h.tg.Messages(wgGroup.ID)); n != 20 {
		t.Errorf("%d replies in the group before its limit, want 20", n)
	}
	replyWithin(t, h, memberKZ, "/start", "Working Group", 2*time.Second)
}

// heldDownloads is a transport whose file downloads do not finish until
// released: an upload that takes as long as the test wants to read. Released,
// the download fails, so that the test does not wait for the minutes to be
// read to the end (which is the extractor's own benchmark).
type heldDownloads struct {
	release chan struct{}
	reading atomic.Int32
}

func (d *heldDownloads) RoundTrip(req *http.Request) (*http.Response, error) {
	if strings.Contains(req.URL.Path, "/file/bot") {
		d.reading.Add(1)
		select {
		case <-d.release:
			return nil, errors.New("the test stopped the download")
		case <-req.Context().Done():
			return nil, req.Context().Err()
		}
	}
	return http.DefaultTransport.RoundTrip(req)
}

// Issue 17, flood 5: another chat's 5 MB upload being read does not delay a
// private reply.
func TestUploadBeingReadDoesNotDelayAPrivateReply(t *testing.T) {
	t.Parallel()
	h := prepare(t, nil)
	dl := &heldDownloads{release: make(chan struct{})}
	h.start(func(c *Config) { c.HTTPClient = &http.Client{Transport: dl} })
	var once sync.Once
	t.Cleanup(func() { once.Do(func() { close(dl.release) }) })
	big := bytes.Repeat([]byte("The Parties shall submit their comments by 1 March 2024. "), 5<<20/57)
	h.tg.SendDocument(telegramtest.Private(memberTR), memberTR, "minutes.txt", "text/plain", big, "")
	waitUntil(t, "the upload is being read", func() bool { return dl.reading.Load() > 0 })
	replyWithin(t, h, memberKZ, "/help", "/deadlines", 2*time.Second)
	once.Do(func() { close(dl.release) })
}

// A worker waiting out a 429 gives its place back: even with one chat served
// at a time, a private /help is answered while a group waits.
func TestWaitingChatGivesBackItsPlace(t *testing.T) {
	t.Parallel()
	h := prepare(t, nil)
	enableGroup(t, h)
	s := startHeld(t, h, func(c *Config) { c.Concurrency = 1 })
	h.tg.FailNext("sendMessage", wgGroup.ID, 1, http.StatusTooManyRequests, 30, "")
	h.tg.SendText(wgGroup, memberTR, "/deadlines")
	waitUntil(t, "the group waits out its 429", func() bool { return s.waiting.Load() > 0 })
	replyWithin(t, h, memberKZ, "/help", "/deadlines", 2*time.Second)
}

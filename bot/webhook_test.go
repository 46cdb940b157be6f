package bot

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/bot/telegramtest"
)

const hookSecret = "s3cret-Token_1"

// syncBuffer is a log sink the test can read while the bot writes to it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func freeAddr(t *testing.T) string {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// webhookMode runs the bot in webhook mode on a free port, logging to logs.
func webhookMode(t *testing.T, addr *string, logs io.Writer) harnessOption {
	*addr = freeAddr(t)
	return func(c *Config) {
		c.WebhookURL = "https://bot.example.org/tg/hook"
		c.WebhookSecret = hookSecret
		c.ListenAddr = *addr
		if logs != nil {
			c.Logger = slog.New(slog.NewTextHandler(logs, nil))
		}
	}
}

// waitUp waits for /healthz on addr.
func waitUp(t *testing.T, addr string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if resp, err := http.Get("http://" + addr + "/healthz"); err == nil {
			resp.Body.Close()
			if resp.StatusCode == 200 {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("nothing answers /healthz on %s", addr)
}

// post delivers body to the webhook as Telegram would, with secret.
func post(t *testing.T, addr, secret string, body []byte) int {
	t.Helper()
	req, _ := http.NewRequest("POST", "http://"+addr+"/tg/hook", bytes.NewReader(body))
	req.Header.Set("Content-Type", "application/json")
	if secret != "" {
		req.Header.Set(secretHeader, secret)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	return resp.StatusCode
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

func TestWebhookRequests(t *testing.T) {
	t.Parallel()
	var addr string
	logs := &syncBuffer{}
	h := newHarness(t, webhookMode(t, &addr, logs))
	waitUp(t, addr)
	// The bot listens first and registers the webhook right after.
	for i := 0; i < 500 && h.tg.Webhook() == ""; i++ {
		time.Sleep(10 * time.Millisecond)
	}
	if got := h.tg.Webhook(); got != "https://bot.example.org/tg/hook" {
		t.Errorf("webhook set to %q", got)
	}
	u := memberTR
	id := h.tg.SendText(telegramtest.Private(u), u, "/help")
	raw := h.tg.RawUpdate(id)

	for _, tc := range []struct {
		name, secret string
		body         []byte
		want         int
	}{
		{"no secret", "", raw, 401},
		{"wrong secret", "wrong-guess-123", raw, 401},
		{"secret with a suffix", hookSecret + "x", raw, 401},
		{"oversized body", hookSecret, append([]byte(`{"update_id":1,"message":{"text":"`), bytes.Repeat([]byte("a"), 2<<20)...), 413},
		{"malformed JSON", hookSecret, []byte(`{"update_id":`), 400},
		{"not an update", hookSecret, []byte(`{"hello":"world"}`), 400},
	} {
		if got := post(t, addr, tc.secret, tc.body); got != tc.want {
			t.Errorf("%s: status %d, want %d", tc.name, got, tc.want)
		}
	}
	if l := logs.String(); !strings.Contains(l, "missing or wrong secret") || strings.Contains(l, "wrong-guess-123") {
		t.Errorf("refusals must be logged without the header's value:\n%s", l)
	}
	if n := len(h.tg.Messages(u.ID)); n != 0 {
		t.Fatalf("refused requests were answered: %d messages", n)
	}
	// The same update twice (Telegram retrying, or two instances): one answer.
	for range 2 {
		if got := post(t, addr, hookSecret, raw); got != 200 {
			t.Fatalf("good update: status %d", got)
		}
	}
	h.tg.WaitMessages(t, u.ID, 1)
	time.Sleep(300 * time.Millisecond)
	if got := post(t, addr, hookSecret, raw); got != 200 {
		t.Fatalf("redelivery after handling: status %d", got)
	}
	time.Sleep(300 * time.Millisecond)
	if n := len(h.tg.Messages(u.ID)); n != 1 {
		t.Errorf("one update delivered three times got %d answers", n)
	}
	if n, err := h.store.InboxLen(t.Context()); err != nil || n != 0 {
		t.Errorf("inbox holds %d after handling (%v)", n, err)
	}
	// Operations.
	if code, body := get(t, "http://"+addr+"/readyz"); code != 200 {
		t.Errorf("/readyz = %d %s", code, body)
	}
	code, metrics := get(t, "http://"+addr+"/metrics")
	if code != 200 {
		t.Fatalf("/metrics = %d", code)
	}
	for end := time.Now().Add(5 * time.Second); !strings.Contains(metrics, `command="/help"`) && time.Now().Before(end); {
		time.Sleep(20 * time.Millisecond)
		_, metrics = get(t, "http://"+addr+"/metrics")
	}
	for _, want := range []string{`wgbot_updates_total{command="/help",outcome="ok"} 1`,
		`wgbot_webhook_requests_total{status="401"} 3`, `wgbot_webhook_requests_total{status="413"} 1`,
		`wgbot_telegram_requests_total{method="sendMessage",status="200"}`, `wgbot_handler_seconds_bucket{command="/help"`,
		`wgbot_inbox_updates 0`} {
		if !strings.Contains(metrics, want) {
			t.Errorf("/metrics lacks %s", want)
		}
	}
}

// TestWebhookTakesOverTheInbox: an instance answered 200 and died before
// handling; the next instance to start handles what it left.
func TestWebhookTakesOverTheInbox(t *testing.T) {
	t.Parallel()
	h := prepare(t, nil)
	u := memberKZ
	now := h.clock.Now()
	for _, text := range []string{"/help", "/mytasks"} {
		id := h.tg.SendText(telegramtest.Private(u), u, text)
		if ok, err := h.store.InboxPut(t.Context(), id, h.tg.RawUpdate(id), now, now.Add(time.Minute)); !ok || err != nil {
			t.Fatal(ok, err)
		}
	}
	var addr string
	h.start(webhookMode(t, &addr, nil))
	got := h.tg.WaitMessages(t, u.ID, 2)
	if !strings.Contains(got[0].PlainText(), "/mytasks") {
		t.Errorf("first reply is not /help's: %q", got[0].PlainText())
	}
	waitUp(t, addr)
	deadline := time.Now().Add(5 * time.Second)
	for n, _ := h.store.InboxLen(t.Context()); n != 0; n, _ = h.store.InboxLen(t.Context()) {
		if time.Now().After(deadline) {
			t.Fatalf("inbox still holds %d", n)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestWebhookTwoInstances runs two instances on one Redis behind a "load
// balancer" that delivers every update to both (the worst case of Telegram
// retrying through a balancer): each update is answered once.
func TestWebhookTwoInstances(t *testing.T) {
	t.Parallel()
	h := prepare(t, nil)
	var addr1, addr2 string
	h.start(webhookMode(t, &addr1, nil))
	second := &harness{t: t, tg: h.tg, store: h.store, botStore: h.store, clock: h.clock, tick: make(chan time.Time)}
	second.start(webhookMode(t, &addr2, nil))
	waitUp(t, addr1)
	waitUp(t, addr2)

	const chats, perChat = 6, 8
	var ids []int64
	users := make([]telegramtest.User, chats)
	for i := range users {
		users[i] = telegramtest.User{ID: int64(7000 + i), FirstName: fmt.Sprint("user", i)}
	}
	for j := 0; j < perChat; j++ {
		for _, u := range users {
			ids = append(ids, h.tg.SendText(telegramtest.Private(u), u, "/help"))
		}
	}
	var wg sync.WaitGroup
	for i, id := range ids {
		raw := h.tg.RawUpdate(id)
		first, other := addr1, addr2
		if i%2 == 1 {
			first, other = addr2, addr1
		}
		if got := post(t, first, hookSecret, raw); got != 200 {
			t.Fatalf("update %d: %d", id, got)
		}
		wg.Go(func() { _ = post(t, other, hookSecret, raw) })
	}
	wg.Wait()
	for _, u := range users {
		h.tg.WaitMessages(t, u.ID, perChat)
	}
	time.Sleep(500 * time.Millisecond)
	total := 0
	for _, u := range users {
		n := len(h.tg.Messages(u.ID))
		if n != perChat {
			t.Errorf("chat %d: %d answers to %d updates", u.ID, n, perChat)
		}
		total += n
	}
	t.Logf("%d updates, each delivered to both instances: %d answers", len(ids), total)
}

// TestMetricsAddrInPollingMode serves health and metrics beside polling.
func TestMetricsAddrInPollingMode(t *testing.T) {
	t.Parallel()
	addr := freeAddr(t)
	h := newHarness(t, func(c *Config) { c.MetricsAddr = addr })
	waitUp(t, addr)
	reply := h.ask(telegramtest.Private(stranger), stranger, "/nosuchcommand").PlainText()
	// The count lands when the handler returns, just after its reply.
	var body string
	for end := time.Now().Add(5 * time.Second); time.Now().Before(end); time.Sleep(20 * time.Millisecond) {
		if _, body = get(t, "http://"+addr+"/metrics"); strings.Contains(body, `command="other"`) {
			break
		}
	}
	if !strings.Contains(body, `wgbot_updates_total{command="other",outcome="ok"} 1`) {
		t.Errorf("unknown commands share one label; the reply was %q; metrics:\n%s", reply, grepLines(body, "wgbot_updates_total"))
	}
	if code, _ := get(t, "http://"+addr+"/readyz"); code != 200 {
		t.Errorf("/readyz = %d", code)
	}
	// A store that does not answer makes the bot not ready (after the cache).
	dead := newFaultyStore(t, h.store).dead
	b := &Bot{store: dead, tg: h.bot.tg, metrics: newMetrics()}
	if err := b.ready(context.Background()); err == nil || strings.Contains(err.Error(), "127.0.0.1") {
		t.Errorf("ready with a dead store: %v (and the reason must not leak addresses)", err)
	}
}

func grepLines(s, sub string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// TestPollingDrainsTheInbox: updates a webhook run left are handled when the
// bot comes back in polling mode.
func TestPollingDrainsTheInbox(t *testing.T) {
	t.Parallel()
	h := prepare(t, nil)
	u := memberTR
	now := h.clock.Now()
	id := h.tg.SendText(telegramtest.Private(u), u, "/help")
	raw := h.tg.RawUpdate(id)
	if _, err := h.store.InboxPut(t.Context(), id, raw, now, now.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	h.start()
	h.tg.WaitMessages(t, u.ID, 1)
	time.Sleep(300 * time.Millisecond)
	if n := len(h.tg.Messages(u.ID)); n != 1 {
		t.Errorf("%d answers to one update in the inbox and in getUpdates", n)
	}
	if n, _ := h.store.InboxLen(t.Context()); n != 0 {
		t.Errorf("inbox holds %d", n)
	}
}

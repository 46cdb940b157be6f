package bot

import (
	"context"
	"io"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/storage"
	"github.com/ots-customs/wgbot/storage/redistest"
	"github.com/ots-customs/wgbot/storage/seed"
)

// quietRedis drops go-redis's own log lines: the Redis-down test would print
// a dial failure for every command.
type quietRedis struct{}

func (quietRedis) Printf(context.Context, string, ...any) {}

func TestMain(m *testing.M) {
	redis.SetLogger(quietRedis{})
	code := m.Run()
	redistest.Stop()
	os.Exit(code)
}

// People of the tests. The Secretariat's administrators are in ADMIN_IDS.
var (
	admin    = telegramtest.User{ID: 1001, FirstName: "Aida", LastName: "Secretariat", Username: "aida"}
	admin2   = telegramtest.User{ID: 1002, FirstName: "Bora", Username: "bora"}
	memberTR = telegramtest.User{ID: 2001, FirstName: "Ahmet", LastName: "Yılmaz", Username: "ahmet"}
	memberKZ = telegramtest.User{ID: 2002, FirstName: "Ерлан", Username: "erlan"}
	stranger = telegramtest.User{ID: 3001, FirstName: "Sam", Username: "sam"}
	wgGroup  = telegramtest.Group(-100500, "OTS Customs WG")
)

// istanbul is the zone of the tests; today is 20 January 2024 there.
var istanbul, _ = time.LoadLocation("Europe/Istanbul")

func fixedNow() time.Time { return time.Date(2024, 1, 20, 10, 0, 0, 0, istanbul) }

// testClock is the virtual time of a test: the bot's clock, the rate
// limiter's sleeps (which advance it instead of waiting) and the local Bot API
// server's rate accounting all read it.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.now
}

func (c *testClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = t
}

func (c *testClock) Advance(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(d)
}

func (c *testClock) Sleep(ctx context.Context, d time.Duration) error {
	c.Advance(d)
	return ctx.Err()
}

// harness is a running bot against a local Bot API server and a real Redis.
type harness struct {
	clock *testClock
	// tick drives the alert loop; tests deliver alerts by calling deliver.
	tick  chan time.Time
	t     testing.TB
	tg    *telegramtest.Server
	store *storage.Redis
	// redisURL and prefix open another connection to the same data.
	redisURL, prefix string
	// botStore is what the bot uses: the store itself, or a wrapper that fails.
	botStore storage.Store
	bot      *Bot
	stop     context.CancelFunc
	done     chan error

	mu      sync.Mutex
	handled map[int64]bool // updates the bot is done with (Config.OnHandled)
}

func (h *harness) noteHandled(id int64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.handled == nil {
		h.handled = map[int64]bool{}
	}
	h.handled[id] = true
}

// waitHandled waits until the bot is done with update id: replied, answered
// and marked. (Telegram's confirmation says only that the update is kept.)
func (h *harness) waitHandled(t testing.TB, id int64) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		h.mu.Lock()
		done := h.handled[id]
		h.mu.Unlock()
		if done {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("update %d was not handled within 10 s", id)
		}
		time.Sleep(2 * time.Millisecond)
	}
}

type harnessOption func(*Config)

// newHarness starts the bot on the Tashkent data with two administrators and
// two members (TR and KZ).
func newHarness(t *testing.T, opts ...harnessOption) *harness {
	t.Helper()
	h := prepare(t, nil)
	h.start(opts...)
	return h
}

// prepare sets up the server and the store, loading data (the Tashkent data
// when nil) and the two members, without starting the bot.
func prepare(t testing.TB, data *storage.Seed, tgOpts ...telegramtest.Option) *harness {
	t.Helper()
	srv, prefix := redistest.Start(t)
	store, err := storage.OpenRedis(srv.URL(), storage.RedisOptions{Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	ctx := context.Background()
	if data == nil {
		tashkent, err := seed.Tashkent()
		if err != nil {
			t.Fatal(err)
		}
		data = &tashkent
	}
	if _, err := store.LoadSeed(ctx, *data); err != nil {
		t.Fatal(err)
	}
	for _, m := range []storage.Member{
		{UserID: memberTR.ID, Name: "Ahmet Yılmaz", Username: "ahmet", Party: storage.Turkiye},
		{UserID: memberKZ.ID, Name: "Ерлан", Username: "erlan", Party: storage.Kazakhstan},
	} {
		if err := store.PutMember(ctx, m); err != nil {
			t.Fatal(err)
		}
	}
	clock := &testClock{now: fixedNow()}
	tgOpts = append([]telegramtest.Option{telegramtest.WithClock(clock.Now)}, tgOpts...)
	return &harness{t: t, tg: telegramtest.New(t, tgOpts...), store: store, botStore: store, redisURL: srv.URL(), prefix: prefix,
		clock: clock, tick: make(chan time.Time)}
}

// start runs a new bot process over the same server and store.
func (h *harness) start(opts ...harnessOption) {
	h.t.Helper()
	// The alert loop runs one round at start, then waits on h.tick for ever:
	// start returns once that round is over, so that it cannot race with the
	// rounds a test runs itself.
	looped := make(chan struct{}, 1)
	cfg := Config{Token: h.tg.Token(), APIURL: h.tg.URL(), Admins: []int64{admin.ID, admin2.ID},
		Location: istanbul, Now: h.clock.Now, Sleep: h.clock.Sleep, PollTimeout: 2 * time.Second, Logger: testLogger(),
		After: func(time.Duration) <-chan time.Time {
			select {
			case looped <- struct{}{}:
			default:
			}
			return h.tick
		}}
	cfg.OnHandled = h.noteHandled
	for _, o := range opts {
		o(&cfg)
	}
	ctx, cancel := context.WithCancel(context.Background())
	b, err := New(ctx, cfg, h.botStore)
	if err != nil {
		h.t.Fatal(err)
	}
	h.bot, h.stop, h.done = b, cancel, make(chan error, 1)
	go func() { h.done <- b.Run(ctx) }()
	h.t.Cleanup(h.shutdown)
	if cfg.WebhookURL == "" { // webhook tests run their own loops
		select {
		case <-looped:
		case <-time.After(10 * time.Second):
			h.t.Fatal("the alert loop did not finish its first round")
		}
	}
}

// shutdown stops the bot as SIGTERM would and waits for it.
func (h *harness) shutdown() {
	if h.stop == nil {
		return
	}
	h.stop()
	select {
	case err := <-h.done:
		if err != nil {
			h.t.Errorf("Run: %v", err)
		}
	case <-time.After(10 * time.Second):
		h.t.Error("the bot did not stop within 10 s")
	}
	h.stop = nil
}

// ask sends text as user in chat and returns the text of the next reply.
func (h *harness) ask(chat telegramtest.Chat, from telegramtest.User, text string) telegramtest.Sent {
	h.t.Helper()
	before := len(h.tg.Messages(chat.ID))
	h.tg.SendText(chat, from, text)
	return h.tg.WaitMessages(h.t, chat.ID, before+1)[before]
}

// silent sends text and checks that the bot handled it without a word to chat.
func (h *harness) silent(chat telegramtest.Chat, from telegramtest.User, text string) {
	h.t.Helper()
	before := len(h.tg.Messages(chat.ID))
	id := h.tg.SendText(chat, from, text)
	h.waitHandled(h.t, id)
	if got := h.tg.Messages(chat.ID); len(got) != before {
		h.t.Errorf("%q: want no reply, got %q", text, got[len(got)-1].PlainText())
	}
}

// press presses the button of msg with data and waits until the bot is done
// with the press (its replies sent, the press answered).
func (h *harness) press(chat telegramtest.Chat, from telegramtest.User, msg telegramtest.Sent, data string) {
	h.t.Helper()
	if !hasButton(msg, data) {
		h.t.Fatalf("message %q has no button %q", msg.PlainText(), data)
	}
	h.waitHandled(h.t, h.tg.SendCallback(chat, from, msg.MessageID, data))
}

func hasButton(msg telegramtest.Sent, data string) bool {
	if msg.ReplyMarkup == nil {
		return false
	}
	for _, row := range msg.ReplyMarkup.InlineKeyboard {
		for _, b := range row {
			if b.CallbackData == data {
				return true
			}
		}
	}
	return false
}

func mustContain(t *testing.T, got string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(got, w) {
			t.Errorf("reply lacks %q:\n%s", w, got)
		}
	}
}

func mustNotContain(t *testing.T, got string, bad ...string) {
	t.Helper()
	for _, w := range bad {
		if strings.Contains(got, w) {
			t.Errorf("reply must not contain %q:\n%s", w, got)
		}
	}
}

func testLogger() *slog.Logger {
	if testing.Verbose() {
		return slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}

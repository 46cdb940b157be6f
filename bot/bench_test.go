package bot

import (
	"context"
	"os"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/handlers"
	"github.com/ots-customs/wgbot/storage"
)

// benchChats is how many chats send commands at once in the benchmarks:
// 8, or WGBOT_BENCH_CHATS. The bot answers each chat's updates in order, one
// at a time, so fewer chats leave it fewer to answer side by side; the bare
// library takes every update at once, in any order.
var benchChats = func() int {
	if n, err := strconv.Atoi(os.Getenv("WGBOT_BENCH_CHATS")); err == nil && n > 0 {
		return n
	}
	return 8
}()

// BenchmarkDeadlines measures /deadlines handled per second end to end: the
// real client polls the local Bot API server, the bot reads Redis and replies.
func BenchmarkDeadlines(b *testing.B) { benchCommand(b, "/deadlines") }

// BenchmarkMyTasks is the same for /mytasks.
func BenchmarkMyTasks(b *testing.B) { benchCommand(b, "/mytasks") }

// fastSends is TELEGRAM_MAX_RATE=1000: the benchmarks measure the bot's own
// cost, not Telegram's 30 messages a second.
func fastSends(c *Config) { c.MaxRate = 1000 }

func benchCommand(b *testing.B, command string) {
	h := prepare(b, nil)
	h.start(fastSends)
	users := benchUsers(h)
	trips := h.store.RoundTrips()
	pushAndWait(b, h.tg, users, command)
	b.ReportMetric(float64(h.store.RoundTrips()-trips)/float64(b.N), "redis-trips/op")
}

// BenchmarkBareLibrary is the floor set by the library itself: a default
// handler that only replies "ok", through the same client and server.
func BenchmarkBareLibrary(b *testing.B) {
	tg := telegramtest.New(b)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	client, err := tgbot.New(tg.Token(), tgbot.WithServerURL(tg.URL()), tgbot.WithSkipGetMe(),
		tgbot.WithDefaultHandler(func(ctx context.Context, bot *tgbot.Bot, u *models.Update) {
			_, _ = bot.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: u.Message.Chat.ID, Text: "ok"})
		}))
	if err != nil {
		b.Fatal(err)
	}
	go client.Start(ctx)
	users := make([]telegramtest.User, benchChats)
	for i := range users {
		users[i] = telegramtest.User{ID: int64(9000 + i), FirstName: "bench"}
	}
	pushAndWait(b, tg, users, "/ok")
}

func benchUsers(h *harness) []telegramtest.User {
	users := make([]telegramtest.User, benchChats)
	for i := range users {
		users[i] = memberTR
		users[i].ID = int64(7000 + i)
		users[i].LanguageCode = "en" // as real users have: recorded once, in the warm-up
		m := storage.Member{UserID: users[i].ID, Name: "Bench", Party: storage.Turkiye}
		if err := h.store.PutMember(context.Background(), m); err != nil {
			panic(err)
		}
	}
	return users
}

// pushAndWait sends b.N commands spread over the users' chats and waits for
// every reply.
func pushAndWait(b *testing.B, tg *telegramtest.Server, users []telegramtest.User, text string) {
	b.Helper()
	// Warm up connections outside the timer.
	for _, u := range users {
		tg.SendText(telegramtest.Private(u), u, text)
	}
	for _, u := range users {
		tg.WaitMessages(b, u.ID, 1)
	}
	want := make([]int, len(users))
	for i := range want {
		want[i] = 1
	}
	b.ResetTimer()
	start, cpu := time.Now(), processCPU()
	for i := 0; i < b.N; i++ {
		u := users[i%len(users)]
		want[i%len(users)]++
		tg.SendText(telegramtest.Private(u), u, text)
	}
	for i, u := range users {
		tg.WaitMessages(b, u.ID, want[i])
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "updates/s")
	b.ReportMetric(float64((processCPU()-cpu).Microseconds())/float64(b.N), "cpu-µs/op")
}

// processCPU is the CPU time this process used so far, in user and kernel
// mode: the bot, the client and the local Bot API server together. Per
// update it is steadier than the rate when other work shares the machine.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkBareRuntime is wgbot's own runtime (ordering, the poll gate, the
// session look-up and the handled mark in Redis) around a handler that only
// replies "ok": the cost of the commands themselves is the gap to it.
func BenchmarkBareRuntime(b *testing.B) {
	h := prepare(b, nil)
	h.start(fastSends)
	h.bot.handle = func(ctx context.Context, r *handlers.Request) error {
		return h.bot.send.Send(ctx, handlers.Message{ChatID: r.Chat.ID, Text: "ok"})
	}
	users := benchUsers(h)
	pushAndWait(b, h.tg, users, "/ok")
}

// BenchmarkAlerts1000 delivers 1,000 alerts across 50 group chats through the
// local Bot API server, which enforces Telegram's limits and answers 429 when
// they are broken. It runs in real time (about 35 s): use -benchtime=1x.
// The limits allow no less than 999/30 = 33.3 s for 1,000 messages.
func BenchmarkAlerts1000(b *testing.B) {
	const groups, perGroup = 50, 20
	// Every task falls due today, alerting on the day at midnight: all due now.
	today := time.Now().In(istanbul)
	midnight := time.Date(today.Year(), today.Month(), today.Day(), 0, 0, 0, 0, istanbul)
	var tasks []storage.Task
	for i := 0; i < perGroup; i++ {
		tt := silkRoad
		tt.Title = "Benchmark task " + strconv.Itoa(i)
		tt.Deadline = dayDeadline(today.Year(), today.Month(), today.Day())
		tasks = append(tasks, tt)
	}
	for n := 0; n < b.N; n++ {
		h := prepare(b, alertSeed(tasks...), telegramtest.WithRateLimits(), telegramtest.WithClock(time.Now))
		h.start(func(c *Config) {
			c.Now, c.Sleep = time.Now, nil
			c.Alerts = handlers.AlertPolicy{Leads: []int{0}}
		})
		ctx := context.Background()
		for g := 0; g < groups; g++ {
			chat := int64(-1000 - g)
			if err := h.store.Subscribe(ctx, storage.Subscription{ChatID: chat, Title: "group"}); err != nil {
				b.Fatal(err)
			}
			for i := range tasks {
				if err := h.store.ScheduleAlert(ctx, int64(i+1), chat, midnight); err != nil {
					b.Fatal(err)
				}
			}
		}
		start := time.Now()
		// The alert loop of the bot may take a share; count what Telegram got.
		sent := func() int { return h.tg.Calls("sendMessage") - h.tg.TooMany() }
		for sent() < groups*perGroup {
			t0 := time.Now()
			got, err := h.bot.h.DeliverDueAlerts(ctx)
			if err != nil {
				b.Fatalf("after %d sent: %v", sent(), err)
			}
			b.Logf("round: %d alerts in %v", got, time.Since(t0))
			if got == 0 && sent() < groups*perGroup {
				b.Fatalf("delivered %d of %d, then nothing; %d answers 429", sent(), groups*perGroup, h.tg.TooMany())
			}
		}
		took := time.Since(start)
		minimum := time.Duration(groups*perGroup-1) * time.Second / defaultPerSecond
		b.ReportMetric(took.Seconds(), "s-total")
		b.ReportMetric(minimum.Seconds(), "s-minimum")
		b.ReportMetric(float64(h.tg.TooMany()), "429s")
		b.ReportMetric(100*(took.Seconds()/minimum.Seconds()-1), "%-over-minimum")
		h.shutdown()
	}
}

// BenchmarkHelpIdle is the latency of a private /help on an idle bot; its
// p99 is the yardstick of BenchmarkHelpWhileGroupWaits.
func BenchmarkHelpIdle(b *testing.B) { benchHelpLatency(b, false) }

// BenchmarkHelpWhileGroupWaits is the same /help while a group waits out a
// 429 with retry_after 30 (held for the whole benchmark).
func BenchmarkHelpWhileGroupWaits(b *testing.B) { benchHelpLatency(b, true) }

func benchHelpLatency(b *testing.B, groupWaits bool) {
	h := prepare(b, nil)
	if err := h.store.SetGroupEnabled(context.Background(), wgGroup.ID, true); err != nil {
		b.Fatal(err)
	}
	s := startHeld(b, h, fastSends)
	if groupWaits {
		h.tg.FailNext("sendMessage", wgGroup.ID, 1, 429, 30, "")
		h.tg.SendText(wgGroup, memberTR, "/deadlines")
		waitUntil(b, "the group waits out its 429", func() bool { return s.waiting.Load() > 0 })
	}
	chat := telegramtest.Private(memberKZ)
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		n := len(h.tg.Messages(chat.ID))
		start := time.Now()
		h.tg.SendText(chat, memberKZ, "/help")
		h.tg.WaitMessages(b, chat.ID, n+1)
		lat = append(lat, time.Since(start))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)*99/100].Microseconds())/1000, "p99-ms")
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
}

// BenchmarkBareRuntimeLongReply is BenchmarkBareRuntime with a reply as long
// as a page of /deadlines (1.2 KB of HTML, eight buttons): what sending it
// costs the client and the local server, apart from drawing it.
func BenchmarkBareRuntimeLongReply(b *testing.B) {
	h := prepare(b, nil)
	h.start(fastSends)
	text := "<b>Open deadlines</b>, as of 10 January 2024\n\n" + strings.Repeat("📅 <b>by 1 March 2024</b> (in 51 days)\n#1 Submit the renewed concept of the Silk Road\n🇹🇷 TR\n\n", 8)
	var rows [][]handlers.Button
	for range 8 {
		rows = append(rows, []handlers.Button{{Text: "#1 Submit the renewed concept of the Silk", Data: "task:1"}})
	}
	h.bot.handle = func(ctx context.Context, r *handlers.Request) error {
		return h.bot.send.Send(ctx, handlers.Message{ChatID: r.Chat.ID, Text: text, Buttons: rows})
	}
	pushAndWait(b, h.tg, benchUsers(h), "/ok")
}

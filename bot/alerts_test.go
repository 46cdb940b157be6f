package bot

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/handlers"
	"github.com/ots-customs/wgbot/storage"
)

// alertSeed is one meeting with the tasks given, for alert tests.
func alertSeed(tasks ...storage.Task) *storage.Seed {
	for i := range tasks {
		tasks[i].ID = int64(i + 1)
		tasks[i].MeetingID = "wg1"
	}
	return &storage.Seed{Version: "alerts", Tasks: tasks, Meetings: []storage.Meeting{{ID: "wg1", Title: "WG",
		Date: storage.Date{Year: 2023, Month: 12, Day: 11}, Agenda: []storage.AgendaItem{{Number: "1", Title: "x"}}}}}
}

func dayDeadline(y int, m time.Month, d int) storage.Deadline {
	date := storage.Date{Year: y, Month: m, Day: d}
	return storage.Deadline{Due: date, Precision: storage.PrecisionDay, Text: "by " + date.Long()}
}

var silkRoad = storage.Task{Title: "Submit the renewed Silk Road concept", Parties: []storage.Party{storage.Turkiye},
	Deadline: dayDeadline(2024, 3, 1)}

var techConditions = storage.Task{Title: "Views on the Technical Conditions", Parties: storage.StateParties,
	Deadline: dayDeadline(2024, 4, 1)}

// deliver runs one round of alert delivery, as the alert loop does.
func (h *harness) deliver() int {
	h.t.Helper()
	n, err := h.bot.h.DeliverDueAlerts(context.Background())
	if err != nil {
		h.t.Fatalf("DeliverDueAlerts: %v", err)
	}
	return n
}

// at sets the virtual clock to a local time in Istanbul.
func (h *harness) at(y int, m time.Month, d, hh, mm int) {
	h.clock.Set(time.Date(y, m, d, hh, mm, 0, 0, istanbul))
}

func subscribeGroup(t *testing.T, h *harness) {
	t.Helper()
	mustContain(t, h.ask(wgGroup, admin, "/subscribe").PlainText(),
		"This group will receive deadline alerts 14, 7 and 1 days before each deadline, and on the day itself, at 09:00 (Europe/Istanbul)")
}

func alertsIn(h *harness, chat int64) []string {
	var out []string
	for _, m := range h.tg.Messages(chat) {
		if strings.Contains(m.Text, "Deadline") {
			out = append(out, m.PlainText())
		}
	}
	return out
}

func TestAlertsFireAtEachLeadTimeOnce(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(silkRoad))
	h.start()
	subscribeGroup(t, h)
	steps := []struct {
		at   time.Time
		want string // "" for no alert
	}{
		{time.Date(2024, 2, 16, 8, 59, 0, 0, istanbul), ""},
		{time.Date(2024, 2, 16, 9, 0, 0, 0, istanbul), "Deadline in 14 days"},
		{time.Date(2024, 2, 16, 18, 0, 0, 0, istanbul), ""},
		{time.Date(2024, 2, 23, 9, 30, 0, 0, istanbul), "Deadline in 7 days"},
		{time.Date(2024, 2, 29, 9, 0, 0, 0, istanbul), "Deadline tomorrow"},
		{time.Date(2024, 3, 1, 9, 0, 0, 0, istanbul), "Deadline today"},
		{time.Date(2024, 3, 2, 9, 0, 0, 0, istanbul), "Deadline missed yesterday"},
		{time.Date(2024, 3, 9, 9, 0, 0, 0, istanbul), ""},
	}
	for _, s := range steps {
		before := len(alertsIn(h, wgGroup.ID))
		h.clock.Set(s.at)
		h.deliver()
		got := alertsIn(h, wgGroup.ID)
		switch {
		case s.want == "" && len(got) != before:
			t.Errorf("%v: unexpected alert %q", s.at, got[len(got)-1])
		case s.want != "" && len(got) != before+1:
			t.Errorf("%v: want one alert %q, got %d new", s.at, s.want, len(got)-before)
		case s.want != "":
			mustContain(t, got[len(got)-1], s.want, "Submit the renewed Silk Road concept", "🇹🇷 TR", "by 1 March 2024")
		}
	}
	last := h.tg.Messages(wgGroup.ID)
	if m := last[len(last)-1]; m.ReplyMarkup == nil || m.ReplyMarkup.InlineKeyboard[0][0].URL != "https://t.me/"+h.tg.BotUsername()+"?start=task_1" {
		t.Error("a group alert should carry a button that opens the task in a private chat")
	}
}

func TestAlertTimeZoneAndMonthDeadline(t *testing.T) {
	t.Parallel()
	tashkent, _ := time.LoadLocation("Asia/Tashkent") // two hours ahead of Istanbul
	january := storage.Task{Title: "Convene the experts' meeting", Parties: []storage.Party{storage.Secretariat},
		Deadline: storage.Deadline{Due: storage.Date{Year: 2024, Month: 1, Day: 31}, Precision: storage.PrecisionMonth, Text: "in January 2024"}}
	h := prepare(t, alertSeed(january))
	h.start(func(c *Config) { c.Location = tashkent })
	subscribeGroup2(t, h, "Asia/Tashkent")
	// A month falls due on its last day: the 7-day alert is on 24 January.
	h.clock.Set(time.Date(2024, 1, 24, 8, 59, 0, 0, tashkent)) // 06:59 in Istanbul
	h.deliver()
	if n := len(alertsIn(h, wgGroup.ID)); n != 0 {
		t.Fatalf("alert before 09:00 Tashkent time")
	}
	h.clock.Set(time.Date(2024, 1, 24, 9, 0, 0, 0, tashkent))
	h.deliver()
	got := alertsIn(h, wgGroup.ID)
	if len(got) != 1 {
		t.Fatalf("want the 7-day alert of the month deadline, got %q", got)
	}
	mustContain(t, got[0], "Deadline in 7 days", "in January 2024")
	h.clock.Set(time.Date(2024, 1, 30, 9, 0, 0, 0, tashkent))
	h.deliver()
	mustContain(t, alertsIn(h, wgGroup.ID)[1], "Deadline tomorrow")
}

func subscribeGroup2(t *testing.T, h *harness, zone string) {
	t.Helper()
	mustContain(t, h.ask(wgGroup, admin, "/subscribe").PlainText(), "at 09:00 ("+zone+")")
}

func TestDoneTaskStopsAlertingPartyByParty(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(techConditions))
	h.start()
	subscribeGroup(t, h)
	h.at(2024, 3, 18, 9, 0) // 14 days before
	h.deliver()
	mustContain(t, alertsIn(h, wgGroup.ID)[0], "Waiting for AZ, KZ, KG, TR, UZ, HU")

	tr := telegramtest.Private(memberTR)
	reply := h.ask(tr, memberTR, "/done 1 Note 2024/17")
	mustContain(t, reply.PlainText(), "Noted: 🇹🇷 Türkiye submitted its part of task 1", "1 of 6 Parties submitted; waiting for AZ, KZ, KG, UZ, HU")
	mustContain(t, h.ask(tr, memberTR, "/done 1").PlainText(), "had already submitted")
	mustContain(t, h.ask(telegramtest.Private(memberTR), memberTR, "/deadlines").PlainText(), "1 of 6 Parties submitted; waiting for AZ, KZ, KG, UZ, HU")

	h.at(2024, 3, 25, 9, 0) // 7 days before
	h.deliver()
	mustContain(t, alertsIn(h, wgGroup.ID)[1], "1 of 6 Parties submitted; waiting for AZ, KZ, KG, UZ, HU")

	// Every other Party submits: the task stops alerting.
	ctx := context.Background()
	for _, p := range []storage.Party{storage.Azerbaijan, storage.Kazakhstan, storage.Kyrgyzstan, storage.Uzbekistan, storage.Hungary} {
		m := storage.Member{UserID: 6000 + int64(len(p)) + int64(p[0]), Name: string(p), Party: p}
		if err := h.store.PutMember(ctx, m); err != nil {
			t.Fatal(err)
		}
		u := telegramtest.User{ID: m.UserID, FirstName: string(p)}
		h.ask(telegramtest.Private(u), u, "/done 1")
	}
	last := h.tg.Messages(6000 + int64(len("HU")) + int64('H'))
	mustContain(t, last[len(last)-1].PlainText(), "Every responsible Party has now submitted")
	for _, d := range []int{31, 1} {
		if d == 1 {
			h.at(2024, 4, 1, 9, 0)
		} else {
			h.at(2024, 3, 31, 9, 0)
		}
		h.deliver()
	}
	if n := len(alertsIn(h, wgGroup.ID)); n != 2 {
		t.Errorf("a done task kept alerting: %d alerts", n)
	}
	// The history says who and when; the Secretariat confirms from the task view.
	// (The Secretariat's chat also gets a notice of each submission, in any order.)
	h.tg.SendText(telegramtest.Private(admin), admin, "/task 1")
	view := messageWith(t, h, admin.ID, "Latest changes")
	mustContain(t, view.PlainText(), "📨 🇹🇷 Türkiye: submitted on 18 March 2024 (Note 2024/17)", "📅 by 1 April 2024 (submitted on ", "Latest changes", "HU open → submitted")
	h.press(telegramtest.Private(admin), admin, view, "st:c:1:TR")
	waitFor(t, h, func() bool {
		t1, _ := h.store.Task(ctx, 1)
		return t1.StatusOf(storage.Turkiye).State == storage.StateConfirmed
	})
}

func TestEditedDeadlineReschedulesAndStaleSendsNothing(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(silkRoad))
	h.start()
	subscribeGroup(t, h)
	adm := telegramtest.Private(admin)
	mustContain(t, h.ask(adm, admin, "/edittask 1 date 1 May 2024").PlainText(), "Task 1 changed: deadline by 1 May 2024")
	h.at(2024, 2, 16, 9, 0) // the old 14-day alert
	h.deliver()
	if n := len(alertsIn(h, wgGroup.ID)); n != 0 {
		t.Fatalf("an alert for the old deadline went out")
	}
	h.at(2024, 4, 17, 9, 0)
	h.deliver()
	mustContain(t, alertsIn(h, wgGroup.ID)[0], "Deadline in 14 days", "by 1 May 2024")

	// A task whose deadline had passed when it was added: no stream of reminders.
	mustContain(t, h.ask(adm, admin, "/addtask UZ 2024-01-10 Old business").PlainText(), "Added task 2")
	for _, day := range []int{18, 19, 20, 25} {
		h.at(2024, 4, day, 9, 0)
		h.deliver()
	}
	for _, a := range alertsIn(h, wgGroup.ID) {
		mustNotContain(t, a, "Old business")
	}
}

func TestCatchUpSendsOnlyTheLatestMissedAlert(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(silkRoad))
	h.start()
	subscribeGroup(t, h)
	h.shutdown()
	h.at(2024, 2, 24, 12, 0) // the bot was down for the 14- and 7-day alerts
	h.start()
	h.deliver()
	got := alertsIn(h, wgGroup.ID)
	if len(got) != 1 {
		t.Fatalf("want one catch-up alert, got %q", got)
	}
	mustContain(t, got[0], "Deadline in 6 days") // the 7-day alert, sent a day late
	h.at(2024, 2, 29, 9, 0)
	h.deliver()
	mustContain(t, alertsIn(h, wgGroup.ID)[1], "Deadline tomorrow")
}

// TestLateAlertIsWordedByTheDaysLeft: an alert sent late (the bot was down,
// or its clock jumped) says the days actually left, in its heading as in
// the line below, not the lead time it was scheduled for; each still goes
// out once.
func TestLateAlertIsWordedByTheDaysLeft(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(silkRoad)) // due Friday 1 March 2024
	h.start()
	subscribeGroup(t, h)
	late := func(y int, m time.Month, d, hh int, want, wrong string) {
		t.Helper()
		h.shutdown()
		h.at(y, m, d, hh, 0)
		before := len(alertsIn(h, wgGroup.ID))
		h.start() // its first round sends the catch-up alert
		h.deliver()
		got := alertsIn(h, wgGroup.ID)
		if len(got) != before+1 {
			t.Fatalf("%d %s %d: want one late alert, got %q", d, m, y, got[before:])
		}
		mustContain(t, got[before], want)
		if strings.Contains(got[before], wrong) {
			t.Errorf("a late alert is worded by its lead time (%q):\n%s", wrong, got[before])
		}
	}
	// The 14-day alert (16 February, 09:00) sent on 18 February.
	late(2024, 2, 18, 12, "Deadline in 12 days\nSubmit the renewed Silk Road concept\n📅 by 1 March 2024 (in 12 days)", "14 days")
	// The 1-day alert (29 February) sent on the deadline day before its own alert.
	late(2024, 3, 1, 8, "Deadline today\nSubmit the renewed Silk Road concept\n📅 by 1 March 2024 (due today)", "tomorrow")
	// The alert of the day after (2 March) sent on 4 March.
	late(2024, 3, 4, 12, "Deadline missed\n", "yesterday")
	h.at(2024, 3, 20, 9, 0)
	if n := h.deliver(); n != 0 {
		t.Errorf("%d more alerts after the last one", n)
	}
}

func TestCrashedInstanceAlertIsSentOnceAfterItsLease(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(silkRoad))
	h.start()
	subscribeGroup(t, h)
	h.at(2024, 2, 16, 9, 0)
	// An instance claims the alert and dies before sending it.
	claimed, err := h.store.ClaimDueAlerts(context.Background(), h.clock.Now(), 2*time.Minute, 10)
	if err != nil || len(claimed) != 1 {
		t.Fatalf("claim: %v %v", claimed, err)
	}
	h.deliver()
	if n := len(alertsIn(h, wgGroup.ID)); n != 0 {
		t.Fatal("an alert claimed by another instance went out before its lease ended")
	}
	h.clock.Advance(5*time.Minute + time.Second)
	h.deliver()
	h.deliver()
	if got := alertsIn(h, wgGroup.ID); len(got) != 1 {
		t.Fatalf("want the alert once after the lease, got %d", len(got))
	}
}

func TestTwoInstancesSendEachAlertOnce(t *testing.T) {
	t.Parallel()
	var tasks []storage.Task
	for i := 0; i < 30; i++ {
		tt := silkRoad
		tt.Title = "Task " + string(rune('A'+i%26)) + string(rune('a'+i/26))
		tasks = append(tasks, tt)
	}
	h := prepare(t, alertSeed(tasks...))
	h.start()
	subscribeGroup(t, h)
	other := handlers.New(handlers.Deps{Store: h.store, Sender: h.bot.send, Now: h.clock.Now, Location: istanbul})
	h.at(2024, 2, 16, 9, 0)
	var wg sync.WaitGroup
	for _, hb := range []*handlers.Bot{h.bot.h, other} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := hb.DeliverDueAlerts(context.Background()); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if got := alertsIn(h, wgGroup.ID); len(got) != 30 {
		t.Fatalf("two instances sent %d alerts for 30 due", len(got))
	}
}

func TestAlertDeliveryHandles429And500And403(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(silkRoad))
	h.start()
	subscribeGroup(t, h)
	private := telegramtest.Private(memberTR)
	mustContain(t, h.ask(private, memberTR, "/subscribe").PlainText(), "alerts for the tasks of 🇹🇷 Türkiye")
	h.tg.FailNext("sendMessage", wgGroup.ID, 1, 429, 3, "")
	h.tg.FailNext("sendMessage", memberTR.ID, 1, 500, 0, "")
	h.at(2024, 2, 16, 9, 0)
	start := h.clock.Now()
	if n := h.deliver(); n != 2 {
		t.Fatalf("delivered %d, want 2 after a 429 and a 500", n)
	}
	if waited := h.clock.Now().Sub(start); waited < 3*time.Second {
		t.Errorf("the sender waited %v, less than retry_after", waited)
	}
	if len(alertsIn(h, wgGroup.ID)) != 1 || len(alertsIn(h, memberTR.ID)) != 1 {
		t.Fatal("want one alert in each chat")
	}
	// The bot is removed from the group: the subscription ends and the administrators hear of it.
	h.tg.FailNext("sendMessage", wgGroup.ID, 1, 403, 0, "Forbidden: bot was kicked from the group chat")
	h.at(2024, 2, 23, 9, 0)
	h.deliver()
	mustContain(t, lastMessage(h, admin.ID).PlainText(), "I was removed from OTS Customs WG", "/subscribe")
	subs, _ := h.store.Subscriptions(context.Background())
	if len(subs) != 1 || subs[0].ChatID != memberTR.ID {
		t.Errorf("subscriptions after 403: %+v", subs)
	}
}

func TestAlertsRespectTelegramLimits(t *testing.T) {
	t.Parallel()
	var tasks []storage.Task
	for i := 0; i < 45; i++ {
		tt := silkRoad
		tt.Title = "Task number " + strings.Repeat("I", i%7+1)
		tasks = append(tasks, tt)
	}
	h := prepare(t, alertSeed(tasks...), telegramtest.WithRateLimits())
	h.start()
	subscribeGroup(t, h)
	h.at(2024, 2, 16, 9, 0)
	start := h.clock.Now()
	if n := h.deliver(); n != 45 {
		t.Fatalf("delivered %d of 45", n)
	}
	if h.tg.TooMany() != 0 {
		t.Errorf("%d answers 429: the limits were broken", h.tg.TooMany())
	}
	// 45 messages in one group at 20 a minute: the last goes out after two minutes.
	if took := h.clock.Now().Sub(start); took < 2*time.Minute || took > 2*time.Minute+10*time.Second {
		t.Errorf("45 alerts to one group took %v of virtual time, want just over 2 minutes", took)
	}
	// A reply to a user is not held behind the alerts.
	mustContain(t, h.ask(telegramtest.Private(memberTR), memberTR, "/help").PlainText(), "/deadlines")
}

// A send that fails for good (here four 500s in a row) gives the alert back
// for a retry a minute later; the retry must still send it.
func TestFailedAlertIsSentOnRetry(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(silkRoad))
	h.start()
	subscribeGroup(t, h)
	h.tg.FailNext("sendMessage", wgGroup.ID, 4, 500, 0, "")
	h.at(2024, 2, 16, 9, 0)
	if n, err := h.bot.h.DeliverDueAlerts(context.Background()); n != 0 || err == nil {
		t.Fatalf("first round: sent %d, err %v; want 0 and an error", n, err)
	}
	h.clock.Advance(2 * time.Minute)
	h.deliver()
	got := alertsIn(h, wgGroup.ID)
	if len(got) != 1 {
		t.Fatalf("the failed 14-day alert was not retried: %q", got)
	}
	mustContain(t, got[0], "Deadline in 14 days")
	h.at(2024, 2, 23, 9, 0)
	h.deliver()
	if got := alertsIn(h, wgGroup.ID); len(got) != 2 || !strings.Contains(got[1], "Deadline in 7 days") {
		t.Fatalf("after the retry: %q", got)
	}
}

// beforeBulk runs a hook just before alerts go out: what an administrator does
// while another instance is sending alerts it claimed.
type beforeBulk struct {
	*sender
	hook func()
}

func (s beforeBulk) SendBulk(ctx context.Context, msgs []handlers.Message, done func(int, error)) {
	if s.hook != nil {
		s.hook()
	}
	s.sender.SendBulk(ctx, msgs, done)
}

// A deadline brought forward while its alert is claimed and being sent: the
// completion of the old alert must not push the new schedule back to the old
// deadline's next alert time.
func TestDeadlineMovedWhileAlertClaimed(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(silkRoad))
	h.start()
	subscribeGroup(t, h)
	adm := telegramtest.Private(admin)
	other := handlers.New(handlers.Deps{Store: h.store, Now: h.clock.Now, Location: istanbul,
		Sender: beforeBulk{sender: h.bot.send, hook: func() {
			mustContain(t, h.ask(adm, admin, "/edittask 1 date 20 February 2024").PlainText(), "Task 1 changed")
		}}})
	h.at(2024, 2, 16, 9, 0) // the old deadline's 14-day alert
	if n, err := other.DeliverDueAlerts(context.Background()); n != 1 || err != nil {
		t.Fatalf("DeliverDueAlerts: %d, %v", n, err)
	}
	h.at(2024, 2, 19, 9, 0) // the new deadline's 1-day alert
	h.deliver()
	got := alertsIn(h, wgGroup.ID)
	if len(got) != 2 {
		t.Fatalf("want the 1-day alert of the new deadline, got %q", got)
	}
	mustContain(t, got[1], "Deadline tomorrow", "by 20 February 2024")
}

// migratingGroup answers every alert to one group as Telegram does once the
// group became a supergroup.
type migratingGroup struct {
	*sender
	from, to int64
}

func (s migratingGroup) SendBulk(ctx context.Context, msgs []handlers.Message, done func(int, error)) {
	for i, m := range msgs {
		if m.ChatID == s.from {
			done(i, &handlers.ChatMigratedError{NewChatID: s.to})
			continue
		}
		s.sender.SendBulk(ctx, []handlers.Message{m}, func(_ int, err error) { done(i, err) })
	}
}

// A subscribed group that became a supergroup keeps getting the alerts of
// every task in its new chat, not only of the task whose alert found out.
func TestMigratedGroupKeepsAllAlerts(t *testing.T) {
	t.Parallel()
	second := silkRoad
	second.Title = "Second task of the same day"
	h := prepare(t, alertSeed(silkRoad, second))
	h.start()
	subscribeGroup(t, h)
	const super = -1009999
	other := handlers.New(handlers.Deps{Store: h.store, Now: h.clock.Now, Location: istanbul,
		Sender: migratingGroup{sender: h.bot.send, from: wgGroup.ID, to: super}})
	h.at(2024, 2, 16, 9, 0)
	if _, err := other.DeliverDueAlerts(context.Background()); err != nil {
		t.Fatal(err)
	}
	h.deliver() // the alerts go again at once, in the new chat
	if got := alertsIn(h, super); len(got) != 2 {
		t.Errorf("want both 14-day alerts again in the supergroup, got %q", got)
	}
	h.at(2024, 2, 23, 9, 0)
	h.deliver()
	got := alertsIn(h, super)
	n := 0
	for _, a := range got {
		if strings.Contains(a, "Deadline in 7 days") {
			n++
		}
	}
	if n != 2 {
		t.Errorf("want the 7-day alerts of both tasks in the supergroup, got %q", got)
	}
}

// stopMidRound is the sender, except that the round is stopped (as SIGTERM
// stops it) right after the first alert went out.
type stopMidRound struct {
	*sender
	cancel context.CancelFunc
}

func (s stopMidRound) SendBulk(ctx context.Context, msgs []handlers.Message, done func(int, error)) {
	s.sender.SendBulk(ctx, msgs, func(i int, err error) {
		s.cancel()
		done(i, err)
	})
}

// Finding 8: an alert sent just before a stop is recorded as sent (on a
// context the stop does not cancel), so it does not go out again.
func TestStopMidRoundRecordsWhatWasSent(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(silkRoad))
	h.start()
	subscribeGroup(t, h)
	ctx, cancel := context.WithCancel(context.Background())
	other := handlers.New(handlers.Deps{Store: h.store, Now: h.clock.Now, Location: istanbul,
		Sender: stopMidRound{sender: h.bot.send, cancel: cancel}})
	h.at(2024, 2, 16, 9, 0)
	if n, err := other.DeliverDueAlerts(ctx); n != 1 || err != nil {
		t.Fatalf("delivered %d (%v), want 1 alert recorded", n, err)
	}
	h.at(2024, 2, 16, 9, 30) // well past the lease of the round
	h.deliver()
	if got := alertsIn(h, wgGroup.ID); len(got) != 1 {
		t.Errorf("the alert sent before the stop went out %d times: %q", len(got), got)
	}
}

package bot

import (
	"context"
	"strconv"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/storage"
)

// TestAlertChatIDIsSubscribedAtStart: ALERT_CHAT_ID works as if an
// administrator had sent /subscribe there, once, however often the bot starts.
func TestAlertChatIDIsSubscribedAtStart(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(silkRoad))
	withChat := func(c *Config) { c.AlertChatID = wgGroup.ID }
	h.start(withChat)
	ctx := context.Background()
	waitFor(t, h, func() bool {
		subs, err := h.store.Subscriptions(ctx)
		return err == nil && len(subs) == 1 && subs[0].ChatID == wgGroup.ID
	})
	h.shutdown()
	h.start(withChat)
	h.at(2024, 2, 16, 9, 0)
	h.deliver()
	got := alertsIn(h, wgGroup.ID)
	if len(got) != 1 {
		t.Fatalf("want one alert in ALERT_CHAT_ID, got %d", len(got))
	}
	mustContain(t, got[0], "Deadline in 14 days", "Submit the renewed Silk Road concept")
	if subs, _ := h.store.Subscriptions(ctx); len(subs) != 1 {
		t.Errorf("a restart subscribed ALERT_CHAT_ID again: %+v", subs)
	}
}

// TestDoneWithAFile: a member closes their part by sending the document with
// the caption /done ID; the task records the file as the reference.
func TestDoneWithAFile(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	h.tg.SendDocument(chat, memberTR, "Note 2024-112 concept.pdf", "application/pdf", []byte("%PDF-1.4"), "/done 1")
	reply := h.tg.WaitMessages(t, chat.ID, 1)[0]
	mustContain(t, reply.PlainText(), "Noted: 🇹🇷 Türkiye submitted its part of task 1")
	view := h.ask(chat, memberTR, "/task 1")
	mustContain(t, view.PlainText(), "📨 🇹🇷 Türkiye: submitted on 20 January 2024 (file: Note 2024-112 concept.pdf)")
}

// TestAlertsStopForWhoIsNoLongerAMember: a private subscription left by a
// member removed some other way (before removal ended subscriptions, or by
// hand) gets nothing and is ended at the next alert.
func TestAlertsStopForWhoIsNoLongerAMember(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(silkRoad))
	h.start()
	chat := telegramtest.Private(memberTR)
	mustContain(t, h.ask(chat, memberTR, "/subscribe").PlainText(), "alerts for the tasks of 🇹🇷 Türkiye")
	ctx := context.Background()
	if _, err := h.store.RemoveMember(ctx, memberTR.ID); err != nil {
		t.Fatal(err)
	}
	h.at(2024, 2, 16, 9, 0)
	h.deliver()
	if got := alertsIn(h, memberTR.ID); len(got) != 0 {
		t.Errorf("a former member got %q", got)
	}
	if subs, _ := h.store.Subscriptions(ctx); len(subs) != 0 {
		t.Errorf("the former member's subscription is still there: %+v", subs)
	}
}

// TestOneRoundStaysWithinItsLease: a group with more due alerts than it can
// take in a few minutes gets them over several rounds, none twice.
func TestOneRoundStaysWithinItsLease(t *testing.T) {
	t.Parallel()
	var tasks []storage.Task
	for i := 0; i < 70; i++ {
		tt := silkRoad
		tt.Title = "Task " + strconv.Itoa(i)
		tasks = append(tasks, tt)
	}
	h := prepare(t, alertSeed(tasks...), telegramtest.WithRateLimits())
	h.start()
	subscribeGroup(t, h)
	h.at(2024, 2, 16, 9, 0)
	start := h.clock.Now()
	if n := h.deliver(); n != 60 {
		t.Fatalf("first round sent %d, want 60", n)
	}
	if took := h.clock.Now().Sub(start); took > 4*time.Minute {
		t.Errorf("a round took %v of virtual time, longer than is safe within the lease", took)
	}
	if n := h.deliver(); n != 10 {
		t.Fatalf("second round sent %d, want the 10 left", n)
	}
	if got := alertsIn(h, wgGroup.ID); len(got) != 70 || h.tg.TooMany() != 0 {
		t.Errorf("%d alerts, %d answers 429", len(got), h.tg.TooMany())
	}
}

// TestExtendedDeadlineAlertsAgain: alerts already sent for the old deadline
// do not stand in for the alerts of the new one.
func TestExtendedDeadlineAlertsAgain(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(silkRoad))
	h.start()
	subscribeGroup(t, h)
	h.at(2024, 2, 16, 9, 0)
	h.deliver()
	h.at(2024, 2, 23, 9, 0)
	h.deliver()
	if n := len(alertsIn(h, wgGroup.ID)); n != 2 {
		t.Fatalf("want the 14- and 7-day alerts of 1 March, got %d", n)
	}
	mustContain(t, h.ask(telegramtest.Private(admin), admin, "/edittask 1 date 1 May 2024").PlainText(), "Task 1 changed")
	for _, day := range []struct {
		m    time.Month
		d    int
		want string
	}{{4, 17, "Deadline in 14 days"}, {4, 24, "Deadline in 7 days"}} {
		h.at(2024, day.m, day.d, 9, 0)
		h.deliver()
		got := alertsIn(h, wgGroup.ID)
		mustContain(t, got[len(got)-1], day.want, "by 1 May 2024")
	}
	if n := len(alertsIn(h, wgGroup.ID)); n != 4 {
		t.Errorf("want 4 alerts in all, got %d", n)
	}
}

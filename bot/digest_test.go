package bot

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/storage"
)

// digestSeed: two tasks of Türkiye, one due within 30 days of Monday
// 22 January 2024 and one later, and one of Kazakhstan only.
func digestSeed() *storage.Seed {
	return alertSeed(
		storage.Task{Title: "Send the <transit> statistics", Parties: []storage.Party{storage.Turkiye}, Deadline: dayDeadline(2024, 2, 1)},
		storage.Task{Title: "Submit the renewed Silk Road concept", Parties: []storage.Party{storage.Turkiye}, Deadline: dayDeadline(2024, 6, 1)},
		storage.Task{Title: "Send the KZ customs statistics", Parties: []storage.Party{storage.Kazakhstan}, Deadline: dayDeadline(2024, 2, 5)},
	)
}

func (h *harness) deliverDigests() int {
	h.t.Helper()
	n, err := h.bot.h.DeliverDueDigests(context.Background())
	if err != nil {
		h.t.Fatalf("DeliverDueDigests: %v", err)
	}
	return n
}

// digestsIn are the digests a chat received.
func digestsIn(h *harness, chatID int64) []telegramtest.Sent {
	var out []telegramtest.Sent
	for _, m := range h.tg.Messages(chatID) {
		if m.Method == "sendMessage" && strings.Contains(m.PlainText(), "Weekly digest,") {
			out = append(out, m)
		}
	}
	return out
}

// TestDigestByTextArrivesOnceAWeek: "/digest monday 09:00" is confirmed in
// words; the alert loop, woken at Monday 09:00 virtual time, sends one
// digest with the Party's tasks; not again that week (also after a restart);
// again the next Monday; /digest off stops it.
func TestDigestByTextArrivesOnceAWeek(t *testing.T) {
	t.Parallel()
	h := prepare(t, digestSeed())
	h.start()
	chat := telegramtest.Private(memberTR)
	// Saturday 20 January 2024, 10:00 in Istanbul.
	reply := h.ask(chat, memberTR, "/digest monday 09:00").PlainText()
	mustContain(t, reply, "Every Monday at 09:00 (Europe/Istanbul) you will get the open tasks of 🇹🇷 Türkiye",
		"The first one: Monday 22 January 2024, 09:00.")

	h.at(2024, 1, 22, 8, 59)
	if n := h.deliverDigests(); n != 0 {
		t.Fatalf("a digest went out a minute early (%d)", n)
	}
	// The loop itself, woken by its timer at 09:00.
	h.at(2024, 1, 22, 9, 0)
	before := len(h.tg.Messages(chat.ID))
	h.tick <- h.clock.Now()
	got := h.tg.WaitMessages(t, chat.ID, before+1)[before]
	text := got.PlainText()
	mustContain(t, text, "Weekly digest, 22 January 2024", "🇹🇷 Türkiye",
		"Due in the next 30 days", "#1 Send the <transit> statistics", "by 1 February 2024", "in 10 days",
		"Other open tasks", "#2 Submit the renewed Silk Road concept", "by 1 June 2024")
	if strings.Contains(text, "KZ customs") {
		t.Errorf("another Party's task in Türkiye's digest:\n%s", text)
	}
	if !strings.Contains(got.Text, "&lt;transit&gt;") {
		t.Errorf("a title is not escaped for HTML: %q", got.Text)
	}
	if !hasButton(got, "task:1") || !hasButton(got, "task:2") {
		t.Errorf("each task needs an open button: %+v", got.ReplyMarkup)
	}

	// A second round at once (another instance, or the loop again) sends nothing.
	if n := h.deliverDigests(); n != 0 {
		t.Errorf("a second digest in the same week (%d)", n)
	}
	h.shutdown()
	h.start() // runs a round at once
	h.at(2024, 1, 22, 12, 0)
	h.deliverDigests()
	if n := len(digestsIn(h, chat.ID)); n != 1 {
		t.Errorf("after a restart: %d digests this week, want 1", n)
	}

	h.at(2024, 1, 29, 9, 1)
	if n := h.deliverDigests(); n != 1 {
		t.Errorf("next Monday: %d digests, want 1", n)
	}
	// Moving the day later in the same week does not send a second one.
	mustContain(t, h.ask(chat, memberTR, "/digest thursday 09:00").PlainText(), "Every Thursday at 09:00")
	h.at(2024, 2, 1, 9, 0)
	if n := h.deliverDigests(); n != 0 {
		t.Errorf("a second digest in the week of 29 January after moving the day (%d)", n)
	}
	mustContain(t, h.ask(chat, memberTR, "/digest off").PlainText(), "Your weekly digest is stopped")
	h.at(2024, 2, 5, 9, 0)
	if n := h.deliverDigests(); n != 0 || len(digestsIn(h, chat.ID)) != 2 {
		t.Errorf("a digest after /digest off (%d, %d in all)", n, len(digestsIn(h, chat.ID)))
	}
}

// TestDigestByButtons: /digest shows the setting with day and time buttons;
// pressing them saves and confirms in words.
func TestDigestByButtons(t *testing.T) {
	t.Parallel()
	h := prepare(t, digestSeed())
	h.start()
	chat := telegramtest.Private(memberTR)
	view := h.ask(chat, memberTR, "/digest")
	mustContain(t, view.PlainText(), "You get no weekly digest yet", "/digest monday 09:00", "Europe/Istanbul")
	wed := h.pressNext(chat, memberTR, view, "dg:d:3")
	mustContain(t, wed.PlainText(), "Every Wednesday at 09:00 (Europe/Istanbul) you will get the open tasks of 🇹🇷 Türkiye")
	five := h.pressNext(chat, memberTR, wed, "dg:t:17")
	mustContain(t, five.PlainText(), "Every Wednesday at 17:00 (Europe/Istanbul)", "The first one: Wednesday 24 January 2024, 17:00.")
	d, err := h.store.Digest(context.Background(), memberTR.ID)
	if err != nil || d.Weekday != time.Wednesday || d.Hour != 17 || d.Minute != 0 || d.Party != storage.Turkiye {
		t.Fatalf("stored %+v %v", d, err)
	}
	off := h.pressNext(chat, memberTR, five, "dg:off")
	mustContain(t, off.PlainText(), "Your weekly digest is stopped", "You get no weekly digest yet")
	if _, err := h.store.Digest(context.Background(), memberTR.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("the digest is still stored after Stop: %v", err)
	}

	// An administrator without a Party gets every Party's tasks.
	adm := telegramtest.Private(admin)
	mustContain(t, h.ask(adm, admin, "/digest wed 8:30").PlainText(), "Every Wednesday at 08:30 (Europe/Istanbul) you will get every open task of every Party")
	h.at(2024, 1, 24, 8, 30)
	if n := h.deliverDigests(); n != 1 {
		t.Fatalf("admin digest: %d", n)
	}
	text := digestsIn(h, admin.ID)[0].PlainText()
	mustContain(t, text, "All Parties", "#1 Send", "#3 Send the KZ customs statistics", "🇰🇿")
}

// TestDigestRefusesBadInput: each bad setting gets a reason and an example
// and changes nothing.
func TestDigestRefusesBadInput(t *testing.T) {
	t.Parallel()
	h := prepare(t, digestSeed())
	h.start()
	chat := telegramtest.Private(memberTR)
	for in, want := range map[string]string{
		"/digest someday 09:00": "I did not understand “someday”",
		"/digest monday":        "At what time?",
		"/digest 09:00":         "Which day?",
		"/digest monday 25:00":  "I did not understand “25:00”",
	} {
		mustContain(t, h.ask(chat, memberTR, in).PlainText(), want, "For example: /digest monday 09:00")
	}
	if _, err := h.store.Digest(context.Background(), memberTR.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("bad input saved a digest: %v", err)
	}
	mustContain(t, h.ask(chat, memberTR, "/digest off").PlainText(), "You had no weekly digest")
	h.ask(wgGroup, admin, "/enable")
	mustContain(t, h.ask(wgGroup, memberTR, "/digest monday 09:00").PlainText(), "in a private chat with me")
	if _, err := h.store.Digest(context.Background(), memberTR.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("/digest in a group saved a digest: %v", err)
	}
}

// TestDigestStopsForRemovedMemberAndStaleSlots: a removed member gets no
// digest; a slot missed by more than a day is skipped, not sent late.
func TestDigestStopsForRemovedMemberAndStaleSlots(t *testing.T) {
	t.Parallel()
	h := prepare(t, digestSeed())
	h.start()
	kz := telegramtest.Private(memberKZ)
	mustContain(t, h.ask(kz, memberKZ, "/digest monday 09:00").PlainText(), "Every Monday at 09:00")
	tr := telegramtest.Private(memberTR)
	mustContain(t, h.ask(tr, memberTR, "/digest monday 09:00").PlainText(), "Every Monday at 09:00")

	chat := telegramtest.Private(admin)
	ask := h.ask(chat, admin, "/remove 2002")
	h.pressNext(chat, admin, ask, "rm:y:2002")

	h.at(2024, 1, 23, 9, 1) // a day and a minute late
	if n := h.deliverDigests(); n != 0 {
		t.Errorf("a stale digest went out (%d)", n)
	}
	h.at(2024, 1, 29, 9, 0)
	if n := h.deliverDigests(); n != 1 {
		t.Errorf("want only Türkiye's digest, got %d", n)
	}
	if got := digestsIn(h, memberKZ.ID); len(got) != 0 {
		t.Errorf("a removed member got a digest: %q", got[0].PlainText())
	}
	if _, err := h.store.Digest(context.Background(), memberKZ.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("the removed member's digest is still stored: %v", err)
	}
}

// TestLateDigestIsHeadedWithTheDayItIsSent: a digest sent late (the bot was
// down at its slot) is headed with the day it goes out, in the member's
// time zone, and counts the days left from that day.
func TestLateDigestIsHeadedWithTheDayItIsSent(t *testing.T) {
	t.Parallel()
	h := prepare(t, digestSeed())
	h.start()
	kz := telegramtest.Private(memberKZ)
	mustContain(t, h.ask(kz, memberKZ, "/digest monday 09:00").PlainText(), "Every Monday at 09:00 (Asia/Almaty)")
	h.shutdown()
	// Monday 22 January, 23:30 in Istanbul: already Tuesday 01:30 in Almaty.
	h.at(2024, 1, 22, 23, 30)
	h.start() // its first round sends the missed digest
	h.deliverDigests()
	got := digestsIn(h, memberKZ.ID)
	if len(got) != 1 {
		t.Fatalf("want the missed digest once, got %d", len(got))
	}
	text := got[0].PlainText()
	mustContain(t, text, "Weekly digest, 23 January 2024", "by 5 February 2024 (in 13 days)")
	if strings.Contains(text, "22 January") {
		t.Errorf("a late digest is headed with its slot's day:\n%s", text)
	}
}

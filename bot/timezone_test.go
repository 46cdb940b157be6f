package bot

import (
	"testing"
	"time"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/storage"
)

// exchange is a task of Türkiye and Kazakhstan due on 15 April 2024: its
// 7-day alert is on 8 April at 09:00, in each member's own zone.
var exchange = storage.Task{Title: "Exchange the lists of authorised economic operators",
	Parties: []storage.Party{storage.Turkiye, storage.Kazakhstan}, Deadline: dayDeadline(2024, 4, 15)}

func utc(y int, m time.Month, d, hh, mm int) time.Time {
	return time.Date(y, m, d, hh, mm, 0, 0, time.UTC)
}

// Each member's private alerts come at 09:00 where they are: the Kazakh
// member's at 09:00 in Astana (UTC+5 since March 2024, 04:00 UTC), the
// Turkish member's at 09:00 in Ankara (06:00 UTC); once each, also across
// a restart.
func TestPrivateAlertsAtEachMembersOwnNine(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(exchange))
	h.start()
	h.clock.Set(utc(2024, 4, 2, 12, 0)) // after the 14-day alert
	tr, kz := telegramtest.Private(memberTR), telegramtest.Private(memberKZ)
	mustContain(t, h.ask(kz, memberKZ, "/subscribe").PlainText(), "at 09:00 (Asia/Almaty)")
	mustContain(t, h.ask(tr, memberTR, "/subscribe").PlainText(), "at 09:00 (Europe/Istanbul)")

	steps := []struct {
		at     time.Time
		kz, tr int // alerts each has received by then
	}{
		{utc(2024, 4, 8, 3, 59), 0, 0},
		{utc(2024, 4, 8, 4, 0), 1, 0}, // 09:00 in Astana
		{utc(2024, 4, 8, 5, 59), 1, 0},
		{utc(2024, 4, 8, 6, 0), 1, 1}, // 09:00 in Ankara
		{utc(2024, 4, 8, 7, 0), 1, 1},
	}
	for _, s := range steps {
		h.clock.Set(s.at)
		h.deliver()
		if got := alertsIn(h, kz.ID); len(got) != s.kz {
			t.Errorf("%v: the Kazakh member has %d alerts, want %d", s.at, len(got), s.kz)
		}
		if got := alertsIn(h, tr.ID); len(got) != s.tr {
			t.Errorf("%v: the Turkish member has %d alerts, want %d", s.at, len(got), s.tr)
		}
	}
	mustContain(t, alertsIn(h, kz.ID)[0], "Deadline in 7 days", "Exchange the lists")

	// A restart sends nothing again; the next alert (1 day before) comes at
	// each one's 09:00 as well.
	h.shutdown()
	h.start()
	h.deliver()
	if k, r := len(alertsIn(h, kz.ID)), len(alertsIn(h, tr.ID)); k != 1 || r != 1 {
		t.Fatalf("after a restart: %d and %d alerts, want 1 and 1", k, r)
	}
	h.clock.Set(utc(2024, 4, 14, 4, 0))
	h.deliver()
	if k, r := len(alertsIn(h, kz.ID)), len(alertsIn(h, tr.ID)); k != 2 || r != 1 {
		t.Fatalf("14 April 09:00 in Astana: %d and %d alerts, want 2 and 1", k, r)
	}
}

// /timezone shows the zone with a button per capital, takes a button, an
// IANA name in any case, a capital or a Party, refuses anything else with
// the reason, and "default" goes back to the Party's capital.
func TestTimezoneCommand(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	kz := telegramtest.Private(memberKZ)
	view := h.ask(kz, memberKZ, "/timezone")
	mustContain(t, view.PlainText(), "at 09:00, Asia/Almaty time (UTC+", "capital of 🇰🇿 Kazakhstan")
	for _, zone := range []string{"Asia/Baku", "Asia/Almaty", "Asia/Bishkek", "Europe/Istanbul", "Asia/Tashkent", "Europe/Budapest"} {
		if !hasButton(view, "tz:"+zone) {
			t.Errorf("no button for %s", zone)
		}
	}
	h.press(kz, memberKZ, view, "tz:Europe/Budapest")
	msgs := h.tg.Messages(kz.ID)
	edited := msgs[len(msgs)-1]
	if edited.Method != "editMessageText" {
		t.Fatalf("the press sent a %s; want the picker edited", edited.Method)
	}
	mustContain(t, edited.PlainText(), "Time zone saved", "Europe/Budapest time", "You chose it; the default is Asia/Almaty")
	if !hasButton(edited, "tz:-") {
		t.Error("no button back to the default")
	}

	bad := h.ask(kz, memberKZ, "/timezone UTC+5").PlainText()
	mustContain(t, bad, "I do not know the time zone “UTC+5”, so nothing was changed", "IANA")
	mustContain(t, h.ask(kz, memberKZ, "/timezone").PlainText(), "Europe/Budapest time")
	mustContain(t, h.ask(kz, memberKZ, "/timezone Mars/Olympus_Mons").PlainText(), "I do not know the time zone")

	for typed, zone := range map[string]string{"asia/tashkent": "Asia/Tashkent", "Астана": "Asia/Almaty", "Bakı": "Asia/Baku",
		"Türkiye": "Europe/Istanbul", "america/new_york": "America/New_York"} {
		mustContain(t, h.ask(kz, memberKZ, "/timezone "+typed).PlainText(), "Time zone saved", zone+" time")
	}
	back := h.ask(kz, memberKZ, "/timezone default").PlainText()
	mustContain(t, back, "Asia/Almaty time", "capital of 🇰🇿 Kazakhstan")
	mustContain(t, h.ask(kz, memberKZ, "/help").PlainText(), "/timezone [zone]")
}

// A group keeps TIMEZONE until an administrator there sets another; a
// member may not, and is told why.
func TestGroupTimezoneIsTheAdministrators(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(exchange))
	h.start()
	h.clock.Set(utc(2024, 4, 2, 12, 0)) // after the 14-day alert
	h.ask(wgGroup, admin, "/enable")
	subscribeGroup(t, h)
	mustContain(t, h.ask(wgGroup, admin, "/timezone").PlainText(), "Europe/Istanbul time", "the bot's time zone")
	mustContain(t, h.ask(wgGroup, memberKZ, "/timezone Asia/Almaty").PlainText(), "Only the Secretariat's administrators")
	mustContain(t, h.ask(wgGroup, admin, "/timezone Asia/Baku").PlainText(), "Time zone saved", "Asia/Baku time")
	// Setting a zone in the group is not setting one's own.
	mustContain(t, h.ask(telegramtest.Private(admin), admin, "/timezone").PlainText(), "Europe/Istanbul time", "OTS Secretariat in Istanbul")

	h.clock.Set(utc(2024, 4, 8, 4, 59)) // 08:59 in Baku
	h.deliver()
	if n := len(alertsIn(h, wgGroup.ID)); n != 0 {
		t.Fatalf("%d alerts before 09:00 in Baku", n)
	}
	h.clock.Set(utc(2024, 4, 8, 5, 0))
	h.deliver()
	if n := len(alertsIn(h, wgGroup.ID)); n != 1 {
		t.Fatalf("%d alerts at 09:00 in Baku, want 1", n)
	}
}

// A member who moves east on the morning of an alert, after its new hour
// but before its old one, gets it at once, and once.
func TestTimezoneChangeKeepsTheDayAlert(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(exchange))
	h.start()
	h.clock.Set(utc(2024, 4, 2, 12, 0)) // after the 14-day alert
	tr := telegramtest.Private(memberTR)
	h.ask(tr, memberTR, "/subscribe")
	h.clock.Set(utc(2024, 4, 8, 5, 30)) // 08:30 in Ankara, 10:30 in Tashkent
	h.deliver()
	mustContain(t, h.ask(tr, memberTR, "/timezone Asia/Tashkent").PlainText(), "Asia/Tashkent time")
	h.deliver()
	if n := len(alertsIn(h, tr.ID)); n != 1 {
		t.Fatalf("%d alerts after the move, want the day's one at once", n)
	}
	h.clock.Set(utc(2024, 4, 8, 6, 0)) // the old hour
	h.deliver()
	if n := len(alertsIn(h, tr.ID)); n != 1 {
		t.Fatalf("%d alerts at the old hour, want still 1", n)
	}
	// The next one is at 09:00 in Tashkent (04:00 UTC).
	h.clock.Set(utc(2024, 4, 14, 3, 59))
	h.deliver()
	h.clock.Set(utc(2024, 4, 14, 4, 0))
	h.deliver()
	if got := alertsIn(h, tr.ID); len(got) != 2 {
		t.Fatalf("%d alerts by 09:00 in Tashkent on 14 April, want 2", len(got))
	} else {
		mustContain(t, got[1], "Deadline tomorrow")
	}
}

// The zone data in use knows that Kazakhstan moved to UTC+5 on 1 March 2024.
func TestKazakhstanIsUTCPlusFiveSinceMarch2024(t *testing.T) {
	t.Parallel()
	almaty, err := time.LoadLocation("Asia/Almaty")
	if err != nil {
		t.Fatal(err)
	}
	for at, want := range map[time.Time]int{utc(2024, 2, 28, 12, 0): 6, utc(2024, 3, 2, 12, 0): 5, utc(2026, 7, 1, 12, 0): 5} {
		if _, off := at.In(almaty).Zone(); off != want*3600 {
			t.Errorf("Asia/Almaty at %v is UTC%+d; want UTC+%d", at, off/3600, want)
		}
	}
}

// A member's weekly digest comes at the day and time they chose in their
// own zone, and follows /timezone: once that week, however the zone moves.
func TestDigestInTheMembersZone(t *testing.T) {
	t.Parallel()
	h := prepare(t, digestSeed())
	h.start()
	kz := telegramtest.Private(memberKZ)
	h.clock.Set(utc(2024, 3, 3, 12, 0)) // Sunday 3 March 2024
	mustContain(t, h.ask(kz, memberKZ, "/digest monday 09:00").PlainText(), "09:00 (Asia/Almaty)")
	mustContain(t, h.ask(kz, memberKZ, "/digest").PlainText(), "Times are in Asia/Almaty, your time zone")
	h.clock.Set(utc(2024, 3, 4, 3, 59)) // 08:59 in Astana
	h.deliverDigests()
	if n := len(digestsIn(h, kz.ID)); n != 0 {
		t.Fatalf("%d digests before 09:00 in Astana", n)
	}
	h.clock.Set(utc(2024, 3, 4, 4, 0))
	h.deliverDigests()
	if n := len(digestsIn(h, kz.ID)); n != 1 {
		t.Fatalf("%d digests at 09:00 in Astana, want 1", n)
	}
	// Moving west the same morning does not bring a second digest that week.
	h.ask(kz, memberKZ, "/timezone Europe/Budapest")
	h.clock.Set(utc(2024, 3, 4, 8, 0)) // 09:00 in Budapest
	h.deliverDigests()
	if n := len(digestsIn(h, kz.ID)); n != 1 {
		t.Fatalf("%d digests after moving west, want still 1", n)
	}
	h.clock.Set(utc(2024, 3, 11, 7, 59))
	h.deliverDigests()
	if n := len(digestsIn(h, kz.ID)); n != 1 {
		t.Fatalf("%d digests before 09:00 in Budapest the next Monday, want 1", n)
	}
	h.clock.Set(utc(2024, 3, 11, 8, 0)) // the next Monday, 09:00 in Budapest
	h.deliverDigests()
	if n := len(digestsIn(h, kz.ID)); n != 2 {
		t.Fatalf("%d digests by 09:00 in Budapest the next Monday, want 2", n)
	}
}

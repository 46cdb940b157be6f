package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/storage"
)

// The "Reading…" note becomes the result instead of staying behind.
func TestReadingNoteBecomesTheResult(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	got := h.upload(chat, memberTR, tashkentFile, "text/plain", tashkentMinutes(t), "", 2)
	mustContain(t, got[0].PlainText(), "📄 Reading "+tashkentFile+"…")
	if got[1].Method != "editMessageText" || got[1].MessageID != got[0].MessageID {
		t.Fatalf("the result is a %s of message %d, want an edit of the note %d", got[1].Method, got[1].MessageID, got[0].MessageID)
	}
	mustContain(t, got[1].PlainText(), "Decisions with deadlines in "+tashkentFile)
	bad := h.upload(chat, memberTR, "notes.txt", "text/plain", nil, "", 2)
	if bad[1].Method != "editMessageText" {
		t.Errorf("a refusal is a new %s; want the note edited", bad[1].Method)
	}
	mustContain(t, bad[1].PlainText(), "notes.txt is empty")
}

// A submitted or confirmed task is not "overdue", however old its deadline.
func TestSubmittedTaskIsNotOverdue(t *testing.T) {
	t.Parallel()
	h := newHarness(t, func(c *Config) {
		c.Now = func() time.Time { return fixedNow().AddDate(2, 0, 0) } // January 2026
	})
	tr := telegramtest.Private(memberTR)
	mustContain(t, h.ask(tr, memberTR, "/task 1").PlainText(), "overdue by 1 year and 11 months")
	mustContain(t, h.ask(tr, memberTR, "/done 1 Note 2024/17").PlainText(), "Noted")
	view := h.ask(tr, memberTR, "/task 1").PlainText()
	mustContain(t, view, "📅 by 1 March 2024 (submitted on 20 January 2026)", "🇹🇷 Türkiye: submitted on 20 January 2026 (Note 2024/17)")
	mustNotContain(t, view, "overdue")
	all := h.ask(tr, memberTR, "/deadlines all").PlainText()
	mustContain(t, all, "#1 Submit the renewed concept")
	for _, line := range strings.Split(all, "\n") {
		if strings.Contains(line, "#1 Submit the renewed") {
			mustContain(t, line, "submitted on 20 January 2026")
		}
	}
	// Durations in one style: years and months, never "23 months" beside "2 years".
	mustNotContain(t, all, "23 months", "22 months")
}

// Alerts are "on the day", and a second /subscribe says it is already on.
func TestSubscribeWords(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	tr := telegramtest.Private(memberTR)
	first := h.ask(tr, memberTR, "/subscribe").PlainText()
	mustContain(t, first, "14, 7 and 1 days before each deadline, and on the day itself, at 09:00")
	mustNotContain(t, first, "on the day before")
	second := h.ask(tr, memberTR, "/subscribe").PlainText()
	mustContain(t, second, "Alerts are already on in this chat", "/unsubscribe stops them")
}

// In a group the bot calls itself by its Telegram name, and /help lists only
// what works there.
func TestGroupWords(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	mustContain(t, h.ask(wgGroup, admin, "/enable").PlainText(), "WG Test Bot is enabled in this group")
	help := h.ask(wgGroup, memberTR, "/help").PlainText()
	mustContain(t, help, "/deadlines", "/task")
	mustNotContain(t, help, "/start", "/forgetme", "/nominate", "/cancel", "wgbot")
	mustContain(t, h.ask(telegramtest.Private(memberTR), memberTR, "/start").PlainText(), "WG Test Bot keeps the agenda")
}

// Administrators are named by name, also one who has no member record.
func TestDecisionsNameTheAdministrator(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(stranger)
	intro := h.ask(chat, stranger, "/start")
	h.press(chat, stranger, intro, "join")
	pick := h.tg.WaitMessages(t, chat.ID, 2)[1]
	h.press(chat, stranger, pick, "join:UZ")
	waitFor(t, h, func() bool { return len(h.tg.Messages(admin2.ID)) > 0 })
	note := h.tg.Messages(admin2.ID)[0]
	h.press(telegramtest.Private(admin2), admin2, note, "acc:n:3001")
	decided := waitLast(t, h, admin2.ID, "Rejected by")
	mustContain(t, decided.PlainText(), "Rejected by Bora")
	mustNotContain(t, decided.PlainText(), "1002", "administrator 10")
	audit := h.ask(telegramtest.Private(admin), admin, "/audit").PlainText()
	mustContain(t, audit, "Bora rejected the access request of Sam")
}

// Deep links open what they name; group replies that send people to a
// private chat carry a button that opens it.
func TestDeepLinksAndTheWayToAPrivateChat(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	mustContain(t, h.ask(chat, memberTR, "/start task_4").PlainText(), "Task 4:")
	mustContain(t, h.ask(chat, memberTR, "/start deadlines").PlainText(), "Open deadlines")
	mustContain(t, h.ask(chat, memberTR, "/start nominate").PlainText(), "New nomination for 🇹🇷 Türkiye", "Step 1 of 6")
	mustContain(t, h.ask(chat, memberTR, "/cancel").PlainText(), "cancelled")
	mustContain(t, h.ask(chat, memberTR, "/start task_x").PlainText(), "WG Test Bot keeps the agenda") // not a link: the welcome
	// A stranger's link is refused as the command would be.
	mustContain(t, h.ask(telegramtest.Private(stranger), stranger, "/start deadlines").PlainText(), "members only")

	enableGroup(t, h)
	got := h.ask(wgGroup, memberTR, "/nominate")
	mustContain(t, got.PlainText(), "private chat")
	if got.ReplyMarkup == nil || got.ReplyMarkup.InlineKeyboard[0][0].URL != "https://t.me/"+h.bot.Username()+"?start=nominate" {
		t.Fatalf("no button to the private chat: %+v", got.ReplyMarkup)
	}
	mustContain(t, got.ReplyMarkup.InlineKeyboard[0][0].Text, "Open my private chat (WG Test Bot)")
}

// The Secretariat nominates for any Party without changing its own.
func TestAdministratorNominatesForAnyParty(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(admin)
	ask := h.ask(chat, admin, "/nominate")
	mustContain(t, ask.PlainText(), "For which Party do you nominate someone?")
	form := h.pressNext(chat, admin, ask, "nomp:KZ")
	mustContain(t, form.PlainText(), "New nomination for 🇰🇿 Kazakhstan", "Step 1 of 6")
	mustContain(t, h.ask(chat, admin, "/cancel").PlainText(), "cancelled")
	summary := h.ask(chat, admin, "/nominate UZ Dilshod Karimov; Expert; dilshod@customs.uz; +998 71 120 76 01")
	mustContain(t, summary.PlainText(), "Please check the nomination", "Dilshod Karimov", "+998 71 120 76 01")
	h.pressNext(chat, admin, summary, "nom:ok")
	cs, _ := h.store.Contacts(context.Background())
	if len(cs) != 1 || cs[0].Party != storage.Uzbekistan {
		t.Fatalf("contacts %+v", cs)
	}
	if m, err := h.store.Member(context.Background(), admin.ID); err == nil && m.Party != "" {
		t.Errorf("the administrator's own Party changed to %s", m.Party)
	}
}

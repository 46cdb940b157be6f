package bot

import (
	"testing"
	"time"

	"github.com/ots-customs/wgbot/bot/telegramtest"
)

// requestAccess runs a stranger's "Request access" for Uzbekistan and
// returns the notices both administrators got.
func requestAccess(t *testing.T, h *harness) (a, b telegramtest.Sent) {
	t.Helper()
	chat := telegramtest.Private(stranger)
	intro := h.ask(chat, stranger, "/start")
	pick := h.pressNext(chat, stranger, intro, "join")
	h.press(chat, stranger, pick, "join:UZ")
	a = messageWith(t, h, admin.ID, "Access request")
	b = messageWith(t, h, admin2.ID, "Access request")
	return a, b
}

// While a request is pending, nothing offers "Request access" again.
func TestPendingRequestIsRecognisedEverywhere(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(stranger)
	requestAccess(t, h)
	for _, text := range []string{"/deadlines", "/start", "/help", "hello"} {
		got := h.ask(chat, stranger, text)
		mustContain(t, got.PlainText(), "Your request for 🇺🇿 Uzbekistan is already with the Secretariat")
		if hasButton(got, "join") {
			t.Errorf("%s offers Request access again", text)
		}
	}
}

// A rejected stranger waits ACCESS_RETRY_DAYS (7 by default) to ask again,
// and the administrators are not notified meanwhile.
func TestRejectedStrangerWaits(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(stranger)
	note, _ := requestAccess(t, h)
	h.press(telegramtest.Private(admin), admin, note, "acc:n:3001")
	mustContain(t, messageWith(t, h, chat.ID, "not approved").PlainText(), "you can ask again from 27 January 2024")
	got := h.ask(chat, stranger, "/start")
	mustContain(t, got.PlainText(), "You can ask again from 27 January 2024")
	if hasButton(got, "join") {
		t.Error("a rejected stranger is offered Request access at once")
	}
	notices := len(h.tg.Messages(admin2.ID))
	h.pressed(chat, stranger, got.MessageID, "join") // an old button
	mustContain(t, lastEditOf(t, h, chat.ID, got.MessageID).PlainText(), "You can ask again from 27 January 2024")
	if n := len(h.tg.Messages(admin2.ID)); n != notices {
		t.Errorf("the administrators were notified again: %d messages", n-notices)
	}
	h.clock.Advance(8 * 24 * time.Hour)
	again := h.ask(chat, stranger, "/start")
	if !hasButton(again, "join") {
		t.Fatalf("after the wait no Request access: %q", again.PlainText())
	}
}

// Two administrators decide from different copies of one notice: the other
// copy is edited at once, and a late press is told who decided.
func TestEveryCopyOfANoticeIsEdited(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	noteA, noteB := requestAccess(t, h)
	h.press(telegramtest.Private(admin), admin, noteA, "acc:y:3001")
	var edited telegramtest.Sent
	waitFor(t, h, func() bool {
		edited = lastEditOf(t, h, admin2.ID, noteB.MessageID)
		return edited.Method == "editMessageText"
	})
	mustContain(t, edited.PlainText(), "Approved by Aida Secretariat")
	if edited.ReplyMarkup != nil && len(edited.ReplyMarkup.InlineKeyboard) > 0 {
		t.Errorf("the other copy still offers buttons: %+v", edited.ReplyMarkup)
	}
	late := h.pressed(telegramtest.Private(admin2), admin2, noteB.MessageID, "acc:n:3001")
	mustContain(t, late.Text, "already decided", "Aida Secretariat")

	// A nomination decided from /nominations edits the first notices too.
	tr := telegramtest.Private(memberTR)
	summary := h.ask(tr, memberTR, "/nominate Gizem Asma Şenel; Trade Expert; gizem@example.org; +90 312 204 75 00")
	h.press(tr, memberTR, summary, "nom:ok")
	first := messageWith(t, h, admin2.ID, "Nomination #1")
	adm2 := telegramtest.Private(admin2)
	msgs := h.askN(adm2, admin2, "/nominations", 2)
	h.press(adm2, admin2, msgs[1], "ctc:n:1")
	waitFor(t, h, func() bool {
		return lastEditOf(t, h, admin2.ID, first.MessageID).Method == "editMessageText" &&
			lastEditOf(t, h, admin.ID, messageWith(t, h, admin.ID, "Nomination #1").MessageID).Method == "editMessageText"
	})
	mustContain(t, lastEditOf(t, h, admin2.ID, first.MessageID).PlainText(), "Rejected by Bora")
}

package bot

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/storage"
)

// askN sends text and returns the next n messages the bot sends to chat.
func (h *harness) askN(chat telegramtest.Chat, from telegramtest.User, text string, n int) []telegramtest.Sent {
	h.t.Helper()
	before := len(h.tg.Messages(chat.ID))
	h.tg.SendText(chat, from, text)
	return h.tg.WaitMessages(h.t, chat.ID, before+n)[before : before+n]
}

// shareN shares a contact card and returns the next n messages to chat.
func (h *harness) shareN(chat telegramtest.Chat, from telegramtest.User, phone string, userID int64, n int) []telegramtest.Sent {
	h.t.Helper()
	before := len(h.tg.Messages(chat.ID))
	h.tg.SendContact(chat, from, phone, from.FirstName, userID)
	return h.tg.WaitMessages(h.t, chat.ID, before+n)[before : before+n]
}

// nominationTo answers the guided nomination up to the step named, and
// returns the message that asks it.
func nominationTo(t *testing.T, h *harness, step string) telegramtest.Sent {
	t.Helper()
	chat := telegramtest.Private(memberTR)
	msg := h.ask(chat, memberTR, "/nominate")
	answers := []struct{ step, text string }{
		{"name", "Ayşe Öztürk"}, {"position", "Expert"}, {"org", "Ministry of Trade"},
		{"email", "ayse@trade.gov.tr"}, {"phone", "+90 312 449 12 34"}, {"username", "ayse_oz"},
	}
	for _, a := range answers {
		if a.step == step {
			return msg
		}
		if a.step == "phone" {
			msg = h.askN(chat, memberTR, a.text, 2)[1]
			continue
		}
		msg = h.ask(chat, memberTR, a.text)
	}
	mustContain(t, msg.PlainText(), "Please check the nomination")
	if step == "summary" {
		return msg
	}
	// "edit": correcting the position from the summary.
	return h.pressNext(chat, memberTR, msg, "nom:edit:position")
}

func formGone(t *testing.T, h *harness, user int64) {
	t.Helper()
	if _, err := h.store.Conversation(context.Background(), user); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("the form is still open: %v", err)
	}
}

// Every step of the nomination takes /cancel, the word "cancel" and the
// Cancel button, and after it nothing typed is taken as an answer.
func TestNominationCancelAtEveryStep(t *testing.T) {
	t.Parallel()
	chat := telegramtest.Private(memberTR)
	for _, step := range []string{"name", "position", "org", "email", "phone", "username", "summary", "edit"} {
		for _, how := range []string{"/cancel", "cancel", "button"} {
			t.Run(step+"/"+how, func(t *testing.T) {
				t.Parallel()
				h := newHarness(t)
				ask := nominationTo(t, h, step)
				var got telegramtest.Sent
				switch {
				case how != "button":
					got = h.ask(chat, memberTR, how)
				case step == "phone": // the phone step's Cancel is on the keyboard under the typing field
					if ask.Keyboard == nil || !keyboardHas(ask, "✖️ Cancel") {
						t.Fatalf("the phone step has no Cancel key: %+v", ask.Keyboard)
					}
					got = h.ask(chat, memberTR, "✖️ Cancel")
				default:
					got = h.pressNext(chat, memberTR, ask, "nom:cancel")
				}
				mustContain(t, got.PlainText(), "The nomination was cancelled. Nothing was sent.")
				formGone(t, h, memberTR.ID)
				after := h.ask(chat, memberTR, "Ayşe Öztürk").PlainText()
				mustNotContain(t, after, "Step ", "Please check")
				if n, _ := h.store.Contacts(context.Background()); len(n) != 0 {
					t.Errorf("a cancelled nomination left %d contacts", len(n))
				}
			})
		}
	}
}

func keyboardHas(m telegramtest.Sent, label string) bool {
	if m.Keyboard == nil {
		return false
	}
	for _, row := range m.Keyboard.Keyboard {
		for _, b := range row {
			if b.Text == label {
				return true
			}
		}
	}
	return false
}

// A command in the middle of a form leaves it with a note, then runs; what
// is typed afterwards is not an answer of the form.
func TestCommandInTheMiddleOfAForm(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	nominationTo(t, h, "position")
	got := h.askN(chat, memberTR, "/deadlines", 2)
	mustContain(t, got[0].PlainText(), "You left the nomination form; nothing was sent.")
	if !got[0].RemoveKeyboard {
		t.Error("leaving the form should take its keyboard away")
	}
	mustContain(t, got[1].PlainText(), "Open deadlines")
	formGone(t, h, memberTR.ID)
	mustNotContain(t, h.ask(chat, memberTR, "what are my deadlines?").PlainText(), "Step 3 of 6", "organization")
	// Without a form, /cancel says there is none.
	mustContain(t, h.ask(chat, memberTR, "/cancel").PlainText(), "There is no form open")
	// /nominate itself resumes rather than leaves.
	nominationTo(t, h, "email")
	mustContain(t, h.ask(chat, memberTR, "/nominate").PlainText(), "You have a nomination in progress", "Step 4 of 6")
}

// The phone step offers "Share my phone"; a shared card fills the phone, at
// the phone step or earlier.
func TestSharedContactFillsThePhone(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	ask := nominationTo(t, h, "phone")
	mustContain(t, ask.PlainText(), "Step 5 of 6", "For example +90 312 449 10 00", "📱 Share my phone")
	if ask.Keyboard == nil || len(ask.Keyboard.Keyboard) == 0 || !ask.Keyboard.Keyboard[0][0].RequestContact {
		t.Fatalf("the phone step has no Share my phone key: %+v", ask.Keyboard)
	}
	got := h.shareN(chat, memberTR, "903124491234", memberTR.ID, 2) // Telegram sends it without "+"
	mustContain(t, got[0].PlainText(), "📱 Phone: +90 312 449 12 34")
	mustContain(t, got[1].PlainText(), "Step 6 of 6")
	summary := h.ask(chat, memberTR, "ayse_oz")
	mustContain(t, summary.PlainText(), "Please check the nomination", "+90 312 449 12 34")

	// A card shared at the first step keeps its number; the phone is not asked.
	h2 := newHarness(t)
	h2.ask(chat, memberTR, "/nominate")
	card := h2.shareN(chat, memberTR, "+998 71 120 76 00", 0, 1)[0]
	mustContain(t, card.PlainText(), "I took the phone from the card: +998 71 120 76 00", "Step 1 of 6")
	h2.ask(chat, memberTR, "Ayşe Öztürk")
	h2.ask(chat, memberTR, "Expert")
	h2.ask(chat, memberTR, "Ministry of Trade")
	mustContain(t, h2.ask(chat, memberTR, "ayse@trade.gov.tr").PlainText(), "Step 6 of 6")
	// Outside a form a card is answered, not ignored.
	kz := telegramtest.Private(memberKZ)
	mustContain(t, h.shareN(kz, memberKZ, "+7 7172 71 80 00", 0, 1)[0].PlainText(), "only inside a form")
}

// The Uzbek examples are for Uzbek members; a Turkish member sees Turkish ones.
func TestNominationExamplesMatchTheParty(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	email := nominationTo(t, h, "email").PlainText()
	mustContain(t, email, "name@ticaret.gov.tr")
	mustNotContain(t, email, "gov.uz")
	mustContain(t, h.ask(telegramtest.Private(memberTR), memberTR, "ayse at trade").PlainText(), "name@ticaret.gov.tr")
	kz := telegramtest.Private(memberKZ)
	h.ask(kz, memberKZ, "/nominate")
	h.ask(kz, memberKZ, "Ерлан Әбілов")
	h.ask(kz, memberKZ, "Expert")
	h.ask(kz, memberKZ, "State Revenue Committee")
	mustContain(t, h.ask(kz, memberKZ, "erlan@kgd.gov.kz").PlainText(), "+7 7172")
}

// An administrator's contact edit takes /cancel, a command, and a card.
func TestContactEditForm(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	approveViaBot(t, h, memberTR, "Ayşe Öztürk; Expert; ayse@trade.gov.tr; +90 312 449 12 34")
	chat := telegramtest.Private(admin)
	startEdit := func() {
		menu := h.ask(chat, admin, "/contacts")
		fields := h.pressNext(chat, admin, menu, "cte:1")
		ask := h.pressNext(chat, admin, fields, "cte:1:phone")
		mustContain(t, ask.PlainText(), "Send the new Phone of contact #1")
	}
	startEdit()
	mustContain(t, h.ask(chat, admin, "/cancel").PlainText(), "The edit of contact #1 was cancelled. Nothing was changed.")
	formGone(t, h, admin.ID)
	startEdit()
	got := h.askN(chat, admin, "/members", 2)
	mustContain(t, got[0].PlainText(), "You left the edit of contact #1; nothing was changed.")
	formGone(t, h, admin.ID)
	startEdit()
	done := h.shareN(chat, admin, "905321112233", 0, 1)[0]
	mustContain(t, done.PlainText(), "Contact #1", "+90 532 111 22 33")
	if c, _ := h.store.Contact(context.Background(), 1); !strings.HasPrefix(c.Phone, "+90532") {
		t.Errorf("the card did not set the phone: %q", c.Phone)
	}
}

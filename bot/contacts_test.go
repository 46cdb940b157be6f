package bot

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/storage"
)

// pressNext presses a button of msg and returns the next message (or edit) in chat.
func (h *harness) pressNext(chat telegramtest.Chat, from telegramtest.User, msg telegramtest.Sent, data string) telegramtest.Sent {
	h.t.Helper()
	before, answered := len(h.tg.Messages(chat.ID)), len(h.tg.Callbacks())
	h.press(chat, from, msg, data)
	next := h.tg.WaitMessages(h.t, chat.ID, before+1)[before]
	// The press is answered once its handler returned: wait for that too.
	waitFor(h.t.(*testing.T), h, func() bool { return len(h.tg.Callbacks()) > answered })
	return next
}

// lastCallback waits for the answer to the latest button press and returns it.
func lastCallback(t *testing.T, h *harness, n int) telegramtest.Sent {
	t.Helper()
	waitFor(t, h, func() bool { return len(h.tg.Callbacks()) >= n })
	cs := h.tg.Callbacks()
	return cs[len(cs)-1]
}

// Typed by the member: HTML, an ampersand, emoji and right-to-left text.
const (
	ayseName     = "Ayşe Öztürk-Şahin"
	ayseTricky   = "Head of <b>Risk</b> & Analysis 🚀 قسم المخاطر"
	ayseOrg      = "Ministry of Trade of the Republic of Türkiye"
	ayseEmail    = "ayse@trade.gov.tr"
	aysePhone    = "+90 312 999 88 77" // as people read it; stored as +903129998877
	ayseUsername = "ayse_oz"
)

// nominateAyse runs the whole guided flow as memberTR, with a wrong answer at
// every step and a correction from the summary, and returns the summary.
func nominateAyse(t *testing.T, h *harness) telegramtest.Sent {
	t.Helper()
	chat := telegramtest.Private(memberTR)
	got := h.ask(chat, memberTR, "/nominate")
	mustContain(t, got.PlainText(), "New nomination for 🇹🇷 Türkiye", "Step 1 of 6", "full name")
	if !hasButton(got, "nom:cancel") {
		t.Error("no Cancel button at step 1")
	}
	mustContain(t, h.ask(chat, memberTR, "A").PlainText(), "Name must be 2 to 100 characters", "Step 1 of 6")
	mustContain(t, h.ask(chat, memberTR, "Bob <b>").PlainText(), "only letters", "Step 1 of 6")
	mustContain(t, h.ask(chat, memberTR, "  Ayşe   Öztürk-Şahin ").PlainText(), "Step 2 of 6", "position")
	mustContain(t, h.ask(chat, memberTR, "x").PlainText(), "Position must be 2 to 200", "Step 2 of 6")
	org := h.ask(chat, memberTR, ayseTricky)
	mustContain(t, org.PlainText(), "Step 3 of 6", "organization")
	if org.ReplyMarkup == nil || org.ReplyMarkup.InlineKeyboard[0][0].Text != ayseOrg {
		t.Fatalf("the default organization button is missing: %+v", org.ReplyMarkup)
	}
	email := h.pressNext(chat, memberTR, org, "nom:org")
	mustContain(t, email.PlainText(), "Step 4 of 6", "e-mail")
	mustContain(t, h.ask(chat, memberTR, "ayse at trade").PlainText(), "not an e-mail address", "Step 4 of 6")
	mustContain(t, h.ask(chat, memberTR, "ayse@Trade.GOV.TR").PlainText(), "Step 5 of 6", "phone")
	mustContain(t, h.ask(chat, memberTR, "312 123 45 67").PlainText(), "international form", "Step 5 of 6")
	mustContain(t, h.ask(chat, memberTR, "+90 312 12").PlainText(), "8 to 15 digits", "Step 5 of 6")
	phone := h.askN(chat, memberTR, "+90 (312) 123-45-67", 2)
	mustContain(t, phone[0].PlainText(), "📱 Phone: +90 312 123 45 67")
	if !phone[0].RemoveKeyboard {
		t.Error("the note after the phone step does not take its keyboard away")
	}
	mustContain(t, phone[1].PlainText(), "Step 6 of 6", "Telegram username")
	mustContain(t, h.ask(chat, memberTR, "ab").PlainText(), "5 to 32", "Step 6 of 6")
	summary := h.ask(chat, memberTR, "@"+ayseUsername)
	mustContain(t, summary.PlainText(), "Please check the nomination", ayseName, ayseTricky, ayseOrg,
		ayseEmail, "+90 312 123 45 67", "@"+ayseUsername)

	// Correct the phone from the summary.
	ask := h.pressNext(chat, memberTR, summary, "nom:edit:phone")
	mustContain(t, ask.PlainText(), "Step 5 of 6", "Now: +90 312 123 45 67")
	summary = h.askN(chat, memberTR, "0090 312 999 88 77", 2)[1]
	mustContain(t, summary.PlainText(), "Please check the nomination", aysePhone)
	mustNotContain(t, summary.PlainText(), "+90 312 123 45 67")
	return summary
}

func TestNominateGuidedFlowApproveAndList(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	summary := nominateAyse(t, h)
	sent := h.pressNext(chat, memberTR, summary, "nom:ok")
	mustContain(t, sent.PlainText(), "Nomination #1 was sent to the Secretariat", ayseTricky)

	note := h.tg.WaitMessages(t, admin.ID, 1)[0]
	mustContain(t, note.PlainText(), "Nomination #1 for 🇹🇷 Türkiye", "from Ahmet Yılmaz (@ahmet)", ayseName, ayseTricky,
		ayseOrg, ayseEmail, aysePhone, "@"+ayseUsername)
	h.tg.WaitMessages(t, admin2.ID, 1)
	decided := h.pressNext(telegramtest.Private(admin), admin, note, "ctc:y:1")
	mustContain(t, decided.PlainText(), "Approved by")
	mustContain(t, waitLast(t, h, chat.ID, "was approved").PlainText(), "Your nomination of "+ayseName+" (#1) was approved")

	list := h.ask(chat, memberTR, "/contacts")
	mustContain(t, list.PlainText(), "Working Group contacts (1)", "🇹🇷 Türkiye", ayseName, ayseTricky, ayseOrg, ayseEmail, aysePhone)
	mustNotContain(t, list.PlainText(), "#1") // ids and buttons are for administrators
	if list.ReplyMarkup != nil {
		t.Error("a member's /contacts has buttons")
	}
	mustContain(t, h.ask(telegramtest.Private(memberKZ), memberKZ, "/contacts TR").PlainText(), "contacts of 🇹🇷 Türkiye (1)", ayseName)
	mustContain(t, h.ask(telegramtest.Private(memberKZ), memberKZ, "/contacts kazakh").PlainText(), "No contacts of 🇰🇿 Kazakhstan")
	unknown := h.ask(telegramtest.Private(memberKZ), memberKZ, "/contacts Narnia")
	mustContain(t, unknown.PlainText(), "don't recognise “Narnia” as a Party")
	byButton := h.pressNext(telegramtest.Private(memberKZ), memberKZ, unknown, "ctp:TR")
	mustContain(t, byButton.PlainText(), ayseName)

	// The second administrator presses Reject later: told, nothing changes.
	other := h.tg.Messages(admin2.ID)[0]
	n := len(h.tg.Callbacks())
	h.press(telegramtest.Private(admin2), admin2, other, "ctc:n:1")
	mustContain(t, lastCallback(t, h, n+1).Text, "already decided: approved")
	if c, _ := h.store.Contact(context.Background(), 1); c.Status != storage.ContactApproved {
		t.Errorf("status after a late reject: %s", c.Status)
	}
}

// waitLast waits until the last message in chat contains want.
func waitLast(t *testing.T, h *harness, chatID int64, want string) telegramtest.Sent {
	t.Helper()
	waitFor(t, h, func() bool {
		ms := h.tg.Messages(chatID)
		return len(ms) > 0 && strings.Contains(ms[len(ms)-1].PlainText(), want)
	})
	return lastMessage(h, chatID)
}

func TestNominateOneMessageRejectAndDuplicate(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberKZ)
	bad := h.ask(chat, memberKZ, "/nominate X; ; erlan@; 7172")
	mustContain(t, bad.PlainText(), "could not take this nomination", "Name must be 2 to 100", "Position must be 2 to 200",
		"not an e-mail address", "international form")
	mustContain(t, h.ask(chat, memberKZ, "/nominate only; three; parts").PlainText(), "/nominate Full Name; Position; e-mail; phone")

	summary := h.ask(chat, memberKZ, "/nominate Ерлан Әбілов; Deputy Chairman; Erlan@KGD.gov.kz; +7 (7172) 71-80-00")
	mustContain(t, summary.PlainText(), "Please check the nomination", "Ерлан Әбілов", "Deputy Chairman",
		"State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan", "Erlan@kgd.gov.kz", "+7 7172 71 80 00")
	mustContain(t, h.ask(chat, memberKZ, "hello?").PlainText(), "use the buttons")
	h.pressNext(chat, memberKZ, summary, "nom:ok")
	note := h.tg.WaitMessages(t, admin.ID, 1)[0]
	h.pressNext(telegramtest.Private(admin), admin, note, "ctc:n:1")
	mustContain(t, waitLast(t, h, chat.ID, "not approved").PlainText(), "Your nomination of Ерлан Әбілов (#1) was not approved")
	mustContain(t, h.ask(chat, memberKZ, "/contacts").PlainText(), "No contacts have been approved yet")

	// A rejected e-mail may be nominated again; a pending one may not.
	again := h.ask(chat, memberKZ, "/nominate Ерлан Әбілов; Deputy Chairman; erlan@kgd.gov.kz; +7 7172 718000")
	h.pressNext(chat, memberKZ, again, "nom:ok")
	dup := h.ask(chat, memberKZ, "/nominate Другой Человек; Expert; ERLAN@kgd.gov.kz; +7 7172 718001")
	dupReply := h.pressNext(chat, memberKZ, dup, "nom:ok")
	mustContain(t, dupReply.PlainText(), "ERLAN@kgd.gov.kz is already nominated (#2, pending)", "Please check the nomination")
	// Correct the e-mail from the summary, then confirm.
	mustContain(t, h.pressNext(chat, memberKZ, dupReply, "nom:edit:email").PlainText(), "Step 4 of 6", "Now: ERLAN@kgd.gov.kz")
	fixed := h.ask(chat, memberKZ, "other@kgd.gov.kz")
	mustContain(t, h.pressNext(chat, memberKZ, fixed, "nom:ok").PlainText(), "Nomination #3 was sent") // the refused duplicate used no number
}

func TestNominateCancelRestartAndExpiry(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	start := h.ask(chat, memberTR, "/nominate")
	mustContain(t, h.pressNext(chat, memberTR, start, "nom:cancel").PlainText(), "nomination was cancelled")
	mustContain(t, h.ask(chat, memberTR, "Ayşe Öztürk").PlainText(), "I answer commands")
	// The Cancel button of an ended conversation is stale.
	h.press(chat, memberTR, start, "nom:cancel")
	mustContain(t, lastCallback(t, h, 2).Text, "out of date")

	// Restart of the bot in the middle of a flow.
	h.ask(chat, memberTR, "/nominate")
	mustContain(t, h.ask(chat, memberTR, "Ayşe Öztürk").PlainText(), "Step 2 of 6")
	h.shutdown()
	h.start()
	mustContain(t, h.ask(chat, memberTR, "Analyst").PlainText(), "Step 3 of 6")
	mustContain(t, h.ask(chat, memberTR, "/nominate").PlainText(), "nomination in progress", "Step 3 of 6")

	// Another member starts later and is not expired with the first.
	kz := telegramtest.Private(memberKZ)
	h.clock.Advance(20 * time.Hour)
	h.ask(kz, memberKZ, "/nominate")

	// Left alone for a day: ended with a message.
	h.clock.Advance(5 * time.Hour)
	before := len(h.tg.Messages(chat.ID))
	if err := h.bot.h.ExpireConversations(context.Background()); err != nil {
		t.Fatal(err)
	}
	msgs := h.tg.WaitMessages(t, chat.ID, before+1)
	mustContain(t, msgs[before].PlainText(), "Your nomination was not finished and has been cancelled after a day; send /nominate to start again.")
	if _, err := h.store.Conversation(context.Background(), memberTR.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("state after expiry: %v", err)
	}
	mustContain(t, h.ask(chat, memberTR, "Ministry").PlainText(), "I answer commands")
	mustContain(t, h.ask(kz, memberKZ, "Ерлан Әбілов").PlainText(), "Step 2 of 6")
	// Running it again (as a second instance would) tells nobody twice.
	n := len(h.tg.Messages(chat.ID))
	if err := h.bot.h.ExpireConversations(context.Background()); err != nil {
		t.Fatal(err)
	}
	h.ask(kz, memberKZ, "/help")
	if len(h.tg.Messages(chat.ID)) != n {
		t.Error("an expired conversation was announced twice")
	}
}

func TestNominationTwoAdministratorsAtOnce(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	summary := h.ask(chat, memberTR, "/nominate Ayşe Öztürk; Analyst; ayse@trade.gov.tr; +90 312 123 45 67")
	h.pressNext(chat, memberTR, summary, "nom:ok")
	noteA := h.tg.WaitMessages(t, admin.ID, 1)[0]
	noteB := h.tg.WaitMessages(t, admin2.ID, 1)[0]
	callbacks := len(h.tg.Callbacks())
	verdictsBefore := len(h.tg.Messages(chat.ID))
	var wg sync.WaitGroup
	wg.Go(func() { h.tg.SendCallback(telegramtest.Private(admin), admin, noteA.MessageID, "ctc:y:1") })
	wg.Go(func() { h.tg.SendCallback(telegramtest.Private(admin2), admin2, noteB.MessageID, "ctc:n:1") })
	wg.Wait()
	waitFor(t, h, func() bool { return len(h.tg.Callbacks()) >= callbacks+2 })
	decided := 0
	for _, c := range h.tg.Callbacks()[callbacks:] {
		if c.Text == "" {
			decided++
		} else {
			mustContain(t, c.Text, "already decided")
		}
	}
	waitFor(t, h, func() bool { return len(h.tg.Messages(chat.ID)) > verdictsBefore })
	if verdicts := len(h.tg.Messages(chat.ID)) - verdictsBefore; decided != 1 || verdicts != 1 {
		t.Fatalf("want exactly one decision and one verdict; decisions %d, verdicts %d", decided, verdicts)
	}
	c, _ := h.store.Contact(context.Background(), 1)
	log, _ := h.store.AuditLog(context.Background(), 10)
	if c.Status == storage.ContactPending || len(log) != 2 {
		t.Errorf("status %s, audit %+v", c.Status, log)
	}
}

func TestForgedAndStaleContactButtons(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	chat := telegramtest.Private(memberTR)
	summary := h.ask(chat, memberTR, "/nominate Ayşe Öztürk; Analyst; ayse@trade.gov.tr; +90 312 123 45 67")
	h.pressNext(chat, memberTR, summary, "nom:ok")
	// A member forges the approve button of a real nomination, and the
	// withdraw button of someone else's; a stranger presses conversation buttons.
	kz := telegramtest.Private(memberKZ)
	msg := h.ask(kz, memberKZ, "/help")
	for _, data := range []string{"ctc:y:1", "ctr:y:1", "cte:1:email", "ctw:1", "nom:ok", "nom:edit:name", "ctc:y:x"} {
		h.waitHandled(t, h.tg.SendCallback(kz, memberKZ, msg.MessageID, data))
	}
	sc := telegramtest.Private(stranger)
	smsg := h.ask(sc, stranger, "/start")
	h.waitHandled(t, h.tg.SendCallback(sc, stranger, smsg.MessageID, "nom:ok"))
	h.waitHandled(t, h.tg.SendCallback(sc, stranger, smsg.MessageID, "ctw:1"))
	cbs := h.tg.Callbacks()
	for _, c := range cbs[len(cbs)-9:] {
		if !strings.Contains(c.Text, "out of date or not meant for you") && !strings.Contains(c.Text, "members only") {
			t.Errorf("forged button answered %q", c.Text)
		}
	}
	if c, err := h.store.Contact(ctx, 1); err != nil || c.Status != storage.ContactPending || c.Email != "ayse@trade.gov.tr" {
		t.Errorf("a forged button changed the nomination: %+v, %v", c, err)
	}

	// The nominator withdraws; an administrator's late Approve is told so.
	list := h.ask(chat, memberTR, "/mynominations")
	mustContain(t, list.PlainText(), "Your nominations", "#1 · Ayşe Öztürk · ayse@trade.gov.tr · pending")
	mustContain(t, h.pressNext(chat, memberTR, list, "ctw:1").PlainText(), "Nomination #1 (Ayşe Öztürk) was withdrawn")
	note := h.tg.WaitMessages(t, admin.ID, 1)[0]
	h.press(telegramtest.Private(admin), admin, note, "ctc:y:1")
	mustContain(t, lastCallback(t, h, len(cbs)+2).Text, "withdrawn by its nominator")
	h.press(chat, memberTR, list, "ctw:1")
	mustContain(t, lastCallback(t, h, len(cbs)+3).Text, "can no longer be withdrawn: it is withdrawn")
}

func TestContactsPrivacy(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	c, err := h.store.Nominate(ctx, storage.Contact{Party: storage.Turkiye, FullName: "Ayşe Öztürk", Position: "Analyst",
		Organization: "Ministry of Trade", Email: "ayse@trade.gov.tr", Phone: "+903121234567", NominatedBy: memberTR.ID})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := h.store.DecideContact(ctx, c.ID, true, admin.ID, fixedNow()); err != nil {
		t.Fatal(err)
	}
	h.silent(wgGroup, memberTR, "/contacts") // not enabled: silent
	h.ask(wgGroup, admin, "/enable")
	for _, who := range []telegramtest.User{memberTR, admin, stranger} {
		got := h.ask(wgGroup, who, "/contacts")
		mustContain(t, got.PlainText(), "private chat")
		mustNotContain(t, got.PlainText(), "Ayşe", "ayse@", "+90")
	}
	mustContain(t, h.ask(wgGroup, memberTR, "/nominate Ayşe; x; y; z").PlainText(), "private chat")
	mustContain(t, h.ask(wgGroup, admin, "/export").PlainText(), "private chat")
	for _, m := range h.tg.Messages(wgGroup.ID) {
		if len(m.Document) > 0 {
			t.Error("a file was posted in the group")
		}
	}
	got := h.ask(telegramtest.Private(stranger), stranger, "/contacts")
	mustContain(t, got.PlainText(), "members only")
	mustNotContain(t, got.PlainText(), "Ayşe")
	mustContain(t, h.ask(telegramtest.Private(stranger), stranger, "/nominate").PlainText(), "members only")
	mustContain(t, h.ask(telegramtest.Private(memberTR), memberTR, "/export").PlainText(), "Only the Secretariat")
	mustContain(t, h.ask(telegramtest.Private(memberTR), memberTR, "/audit").PlainText(), "Only the Secretariat")
}

package bot

import (
	"context"
	"sync"
	"testing"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/storage"
)

func TestStrangerRequestsAccessAndIsApproved(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(stranger)
	intro := h.ask(chat, stranger, "/deadlines")
	mustContain(t, intro.PlainText(), "for Working Group members only", "Request access")
	mustNotContain(t, intro.PlainText(), "Silk Road")

	h.press(chat, stranger, intro, "join")
	msgs := h.tg.WaitMessages(t, chat.ID, 2)
	pick := msgs[len(msgs)-1]
	mustContain(t, pick.PlainText(), "Which Party do you represent?")
	h.press(chat, stranger, pick, "join:UZ")
	waitFor(t, h, func() bool { return len(h.tg.Messages(admin.ID)) > 0 && len(h.tg.Messages(admin2.ID)) > 0 })
	mustContain(t, lastMessage(h, chat.ID).PlainText(), "sent to the Secretariat", "🇺🇿 Uzbekistan")

	req := h.tg.Messages(admin.ID)[0]
	mustContain(t, req.PlainText(), "Access request", "Sam (@sam)", "Party: 🇺🇿 Uzbekistan")
	mustNotContain(t, req.PlainText(), "3001") // people by name; ids are for logs
	h.press(telegramtest.Private(admin), admin, req, "acc:y:3001")
	approved := h.tg.WaitMessages(t, chat.ID, 4)[3]
	mustContain(t, approved.PlainText(), "Your access was approved. You represent 🇺🇿 Uzbekistan")
	mustContain(t, h.ask(chat, stranger, "/mytasks").PlainText(), "Open tasks of 🇺🇿 Uzbekistan")

	// The second administrator presses later: told who decided, nothing changes.
	other := h.tg.Messages(admin2.ID)[0]
	h.press(telegramtest.Private(admin2), admin2, other, "acc:n:3001")
	waitFor(t, h, func() bool { return len(h.tg.Callbacks()) >= 4 })
	last := h.tg.Callbacks()[len(h.tg.Callbacks())-1]
	mustContain(t, last.Text, "already decided: approved")
	if m, err := h.store.Member(context.Background(), stranger.ID); err != nil || m.Party != storage.Uzbekistan {
		t.Errorf("member after a late reject: %+v, %v", m, err)
	}
}

func TestTwoAdministratorsDecideAtOnce(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	if _, _, err := h.store.RequestAccess(ctx, storage.AccessRequest{UserID: stranger.ID, Name: "Sam", Party: storage.Hungary}); err != nil {
		t.Fatal(err)
	}
	reqA := h.ask(telegramtest.Private(admin), admin, "/requests")
	reqA = h.tg.WaitMessages(t, admin.ID, 2)[1]
	h.ask(telegramtest.Private(admin2), admin2, "/requests")
	reqB := h.tg.WaitMessages(t, admin2.ID, 2)[1]
	var wg sync.WaitGroup
	wg.Add(2)
	go func() {
		defer wg.Done()
		h.tg.SendCallback(telegramtest.Private(admin), admin, reqA.MessageID, "acc:y:3001")
	}()
	go func() {
		defer wg.Done()
		h.tg.SendCallback(telegramtest.Private(admin2), admin2, reqB.MessageID, "acc:n:3001")
	}()
	wg.Wait()
	verdicts := h.tg.WaitMessages(t, stranger.ID, 1)
	waitFor(t, h, func() bool { return len(h.tg.Callbacks()) >= 2 })
	var toasts []string
	for _, c := range h.tg.Callbacks() {
		toasts = append(toasts, c.Text)
	}
	decided := 0
	for _, s := range toasts {
		if s == "" {
			decided++
		}
	}
	if decided != 1 || len(verdicts) != 1 {
		t.Fatalf("want exactly one decision and one verdict to the user; toasts %q, verdicts %d", toasts, len(verdicts))
	}
	r, _ := h.store.AccessRequest(ctx, stranger.ID)
	_, err := h.store.Member(ctx, stranger.ID)
	if (r.Status == storage.RequestApproved) != (err == nil) {
		t.Errorf("request %s but member lookup err=%v", r.Status, err)
	}
}

func TestForgedAndStaleButtonsChangeNothing(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	if _, _, err := h.store.RequestAccess(ctx, storage.AccessRequest{UserID: stranger.ID, Name: "Sam", Party: storage.Hungary}); err != nil {
		t.Fatal(err)
	}
	// A member forges the approve button of a real request.
	chat := telegramtest.Private(memberTR)
	msg := h.ask(chat, memberTR, "/help")
	for _, data := range []string{"acc:y:3001", "rm:y:2002", "iam:XX", "agenda:nope", "garbage", "acc:y:notanumber"} {
		h.waitHandled(t, h.tg.SendCallback(chat, memberTR, msg.MessageID, data))
	}
	for _, c := range h.tg.Callbacks() {
		mustContain(t, c.Text, "out of date or not meant for you")
		if c.Raw["show_alert"] != "true" {
			t.Errorf("refusal of a button should be an alert: %+v", c.Raw)
		}
	}
	if r, _ := h.store.AccessRequest(ctx, stranger.ID); r.Status != storage.RequestPending {
		t.Errorf("forged approve changed the request to %s", r.Status)
	}
	if _, err := h.store.Member(ctx, memberKZ.ID); err != nil {
		t.Errorf("forged remove removed a member: %v", err)
	}
}

func TestAdministratorRemovesMember(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(admin)
	list := h.ask(chat, admin, "/members")
	mustContain(t, list.PlainText(), "Members (2)", "🇹🇷 TR · Ahmet Yılmaz (@ahmet) · 2001", "🇰🇿 KZ · Ерлан (@erlan) · 2002")
	h.press(chat, admin, list, "rm:2002")
	ask := h.tg.WaitMessages(t, chat.ID, 2)[1]
	mustContain(t, ask.PlainText(), "Remove Ерлан (@erlan) from the members?")
	h.press(chat, admin, ask, "rm:y:2002")
	mustContain(t, h.tg.WaitMessages(t, memberKZ.ID, 1)[0].PlainText(), "Your access to WG Test Bot was removed")
	mustContain(t, h.ask(telegramtest.Private(memberKZ), memberKZ, "/deadlines").PlainText(), "members only")
	mustContain(t, h.ask(chat, admin, "/remove 2002").PlainText(), "User 2002 is not a member.")
	mustContain(t, h.ask(chat, admin, "/remove bob").PlainText(), "Use /remove followed by a user id")
	mustContain(t, h.ask(telegramtest.Private(memberTR), memberTR, "/members").PlainText(), "Only the Secretariat's administrators")
}

func TestHTMLAndEmojiInNamesAppearAsTyped(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	weird := telegramtest.User{ID: 3999, FirstName: "<b>Bob</b> & Co 🚀", LastName: "עברית", Username: "bob"}
	chat := telegramtest.Private(weird)
	intro := h.ask(chat, weird, "/start")
	h.press(chat, weird, intro, "join")
	pick := h.tg.WaitMessages(t, chat.ID, 2)[1]
	h.press(chat, weird, pick, "join:KG")
	req := h.tg.WaitMessages(t, admin.ID, 1)[0]
	mustContain(t, req.PlainText(), "<b>Bob</b> & Co 🚀 עברית (@bob)")
	if req.ParseMode != "HTML" {
		t.Errorf("parse mode %q", req.ParseMode)
	}
}

func TestGroups(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	// Not enabled: silent to everyone but an administrator's /enable.
	h.silent(wgGroup, stranger, "/deadlines")
	h.silent(wgGroup, memberTR, "/deadlines@wgbot_test_bot")
	h.silent(wgGroup, memberTR, "/enable")
	mustContain(t, h.ask(wgGroup, admin, "/enable@wgbot_test_bot").PlainText(), "enabled in this group")

	got := h.ask(wgGroup, stranger, "/deadlines@wgbot_test_bot")
	mustContain(t, got.PlainText(), "Open deadlines")
	if got.ReplyToMessageID == 0 {
		t.Error("in a group the bot should reply to the command")
	}
	mustContain(t, h.ask(wgGroup, stranger, "/agenda").PlainText(), "Agenda:")
	mustContain(t, h.ask(wgGroup, stranger, "/mytasks").PlainText(), "private chat")
	mustContain(t, h.ask(wgGroup, memberTR, "/mytasks").PlainText(), "Open tasks of 🇹🇷 Türkiye")
	mustContain(t, h.ask(wgGroup, admin, "/members").PlainText(), "private chat")
	h.silent(wgGroup, stranger, "/deadlines@SomeOtherBot")
	h.silent(wgGroup, stranger, "good morning colleagues")
	h.silent(wgGroup, stranger, "/unknowncommand")
	// A command after Cyrillic and Turkish text is not a command; one at the start is.
	h.silent(wgGroup, stranger, "Привет, görüşürüz /deadlines")
	mustContain(t, h.ask(telegramtest.Private(admin), admin, "/enable").PlainText(), "Send /enable in the group chat")
	mustContain(t, h.ask(wgGroup, admin, "/disable").PlainText(), "disabled in this group")
	h.silent(wgGroup, stranger, "/deadlines")
}

func waitFor(t *testing.T, h *harness, cond func() bool) {
	t.Helper()
	for range 200 {
		if cond() {
			return
		}
		// A round trip through the bot: everything sent before it was handled.
		probe := telegramtest.User{ID: 1, FirstName: "probe"}
		h.waitHandled(t, h.tg.SendText(telegramtest.Private(probe), probe, "probe"))
	}
	t.Fatal("condition not met")
}

func lastMessage(h *harness, chatID int64) telegramtest.Sent {
	ms := h.tg.Messages(chatID)
	return ms[len(ms)-1]
}

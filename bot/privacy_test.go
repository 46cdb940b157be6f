package bot

import (
	"context"
	"log/slog"
	"strconv"
	"strings"
	"testing"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/storage"
)

// A removed member must stop receiving the Working Group's tasks in private:
// once a stranger, they could not even /unsubscribe.
func TestRemovedMemberGetsNoMoreAlerts(t *testing.T) {
	t.Parallel()
	kzTask := storage.Task{Title: "Send the KZ customs statistics", Parties: []storage.Party{storage.Kazakhstan},
		Deadline: dayDeadline(2024, 3, 1)}
	h := prepare(t, alertSeed(kzTask))
	h.start()
	kz := telegramtest.Private(memberKZ)
	mustContain(t, h.ask(kz, memberKZ, "/subscribe").PlainText(), "You will receive alerts for the tasks of")

	chat := telegramtest.Private(admin)
	ask := h.ask(chat, admin, "/remove 2002")
	h.pressNext(chat, admin, ask, "rm:y:2002")
	mustContain(t, h.tg.WaitMessages(t, memberKZ.ID, 2)[1].PlainText(), "Your access to WG Test Bot was removed")
	subs, err := h.store.Subscriptions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range subs {
		if s.ChatID == memberKZ.ID {
			t.Errorf("the removed member's private subscription is still there: %+v", s)
		}
	}

	h.at(2024, 2, 16, 9, 0)
	h.deliver()
	if got := alertsIn(h, memberKZ.ID); len(got) != 0 {
		t.Errorf("a removed member received alerts: %q", got)
	}
}

func TestForgetMeEndsPrivateAlerts(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(silkRoad))
	h.start()
	chat := telegramtest.Private(memberTR)
	mustContain(t, h.ask(chat, memberTR, "/subscribe").PlainText(), "You will receive alerts for the tasks of")
	ask := h.ask(chat, memberTR, "/forgetme")
	mustContain(t, ask.PlainText(), "your deadline alerts here")
	mustContain(t, h.pressNext(chat, memberTR, ask, "fgt:y").PlainText(), "your membership", "your deadline alerts in this chat")

	h.at(2024, 2, 16, 9, 0)
	h.deliver()
	if got := alertsIn(h, memberTR.ID); len(got) != 0 {
		t.Errorf("alerts after /forgetme: %q", got)
	}
	subs, err := h.store.Subscriptions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range subs {
		if s.ChatID == memberTR.ID {
			t.Errorf("subscription with the user's name kept after /forgetme: %+v", s)
		}
	}
}

// A long task text in Cyrillic (or with many "&") is a line of more than 4096
// bytes inside <i>: /task must still answer, in parts Telegram accepts.
func TestLongTaskTextIsShownInValidParts(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(admin)
	text := strings.Repeat("Жалоба & ответ ", 190) // 2850 runes, over 5000 bytes escaped
	added := h.ask(chat, admin, "/addtask TR 2024-03-01 "+text)
	mustContain(t, added.PlainText(), "Added task")
	id := strings.Fields(strings.TrimPrefix(added.PlainText(), "✅ Added task "))[0]
	id = strings.TrimSuffix(id, ":")

	before := len(h.tg.Messages(chat.ID))
	h.waitHandled(t, h.tg.SendText(chat, admin, "/task "+id))
	got := h.tg.Messages(chat.ID)[before:]
	var all strings.Builder
	for _, m := range got {
		all.WriteString(m.PlainText())
	}
	mustNotContain(t, all.String(), "Sorry")
	mustContain(t, all.String(), "Task "+id, "Status")
	if n := strings.Count(all.String(), "Жалоба & ответ"); n < 190 {
		t.Errorf("the task text is not shown whole: %d of 190 phrases", n)
	}
}

// Logs hold ids and action names: not the name of a file, which often names a person.
func TestFailedDownloadLogsNoFileName(t *testing.T) {
	t.Parallel()
	logs := &syncBuffer{}
	h := newHarness(t, func(c *Config) { c.Logger = slog.New(slog.NewTextHandler(logs, nil)) })
	chat := telegramtest.Private(memberTR)
	h.tg.FailNext("getFile", 0, 1, 400, 0, "Bad Request: wrong file_id")
	h.waitHandled(t, h.tg.SendDocument(chat, memberTR, "Passport Ivanov Ivan.pdf", "application/pdf", []byte("%PDF-1.4"), ""))
	mustContain(t, lastMessage(h, chat.ID).PlainText(), "Sorry")
	mustContain(t, logs.String(), "handler failed")
	mustNotContain(t, logs.String(), "Ivanov")
}

// A toast is plain text: an administrator's name appears as typed, not as HTML.
func TestLateDecisionToastShowsNameAsTyped(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	if err := h.store.PutMember(ctx, storage.Member{UserID: admin.ID, Name: "Aida & O'Brien", Party: storage.Secretariat}); err != nil {
		t.Fatal(err)
	}
	if _, _, err := h.store.RequestAccess(ctx, storage.AccessRequest{UserID: stranger.ID, Name: "Sam", Party: storage.Hungary}); err != nil {
		t.Fatal(err)
	}
	if _, err := h.store.DecideAccess(ctx, stranger.ID, true, admin.ID, fixedNow()); err != nil {
		t.Fatal(err)
	}
	chat := telegramtest.Private(admin2)
	msg := h.ask(chat, admin2, "/help")
	h.waitHandled(t, h.tg.SendCallback(chat, admin2, msg.MessageID, "acc:n:3001"))
	toast := lastCallback(t, h, 1)
	mustContain(t, toast.Text, "already decided: approved by Aida & O'Brien")
}

// sentRecords lists the stored records of delivered alerts that match.
func sentRecords(t *testing.T, h *harness, match func(string) bool) []string {
	t.Helper()
	snap, err := h.store.Export(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, k := range snap.Queues.Sent {
		if match(k) {
			out = append(out, k)
		}
	}
	return out
}

// Finding 8: the records of alerts sent to a private chat (they hold the
// user's id) go with /forgetme, and a deleted task's records go with it.
func TestSentAlertRecordsArePruned(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(silkRoad))
	h.start()
	chat := telegramtest.Private(memberTR)
	subscribeGroup(t, h)
	mustContain(t, h.ask(chat, memberTR, "/subscribe").PlainText(), "You will receive alerts")
	h.at(2024, 2, 16, 9, 0)
	h.deliver()
	mine := func(k string) bool { return strings.Contains(k, ":"+strconv.FormatInt(memberTR.ID, 10)+":") }
	if len(sentRecords(t, h, mine)) == 0 {
		t.Fatal("no record of the alert sent to the member: the test proves nothing")
	}
	ask := h.ask(chat, memberTR, "/forgetme")
	h.pressNext(chat, memberTR, ask, "fgt:y")
	if got := sentRecords(t, h, mine); len(got) != 0 {
		t.Errorf("records with the user's id kept after /forgetme: %q", got)
	}
	task1 := func(k string) bool { return strings.HasPrefix(k, "1:") }
	if len(sentRecords(t, h, task1)) == 0 {
		t.Fatal("no record of the group's alert: the test proves nothing")
	}
	adm := telegramtest.Private(admin)
	h.pressNext(adm, admin, h.ask(adm, admin, "/deltask 1"), "del:y:1")
	if got := sentRecords(t, h, task1); len(got) != 0 {
		t.Errorf("records of a deleted task kept: %q", got)
	}
}

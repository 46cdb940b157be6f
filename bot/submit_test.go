package bot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/storage"
)

// messageWith waits for a message to chat containing want and returns it.
func messageWith(t *testing.T, h *harness, chatID int64, want string) telegramtest.Sent {
	t.Helper()
	var found telegramtest.Sent
	waitFor(t, h, func() bool {
		for _, m := range h.tg.Messages(chatID) {
			if strings.Contains(m.PlainText(), want) {
				found = m
				return true
			}
		}
		return false
	})
	if found.Method == "" {
		t.Fatalf("no message to %d contains %q", chatID, want)
	}
	return found
}

// documentTo waits for the first file sent to a chat.
func documentTo(t *testing.T, h *harness, chatID int64) telegramtest.Sent {
	t.Helper()
	var file telegramtest.Sent
	waitFor(t, h, func() bool {
		for _, m := range h.tg.Messages(chatID) {
			if m.Method == "sendDocument" {
				file = m
				return true
			}
		}
		return false
	})
	return file
}

func partState(t *testing.T, h *harness, id int64, p storage.Party) storage.PartyStatus {
	t.Helper()
	task, err := h.store.Task(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return task.StatusOf(p)
}

// A mis-tap under /mytasks: the button says what it does, asks once, and
// Undo takes it back; the list is edited in place both times.
func TestSubmitAsksAndAMisTapIsUndone(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	list := h.ask(chat, memberTR, "/mytasks")
	if list.ReplyMarkup == nil || !strings.HasPrefix(list.ReplyMarkup.InlineKeyboard[0][0].Text, "📨 Submitted: #") {
		t.Fatalf("the first button does not say what it does: %+v", list.ReplyMarkup)
	}
	label := list.ReplyMarkup.InlineKeyboard[0][0].Text
	data := list.ReplyMarkup.InlineKeyboard[0][0].CallbackData // sub:a:<id>:TR
	idText := strings.Split(data, ":")[2]
	id, _ := parseID(idText)
	ask := h.pressNext(chat, memberTR, list, data)
	mustContain(t, ask.PlainText(), "Record that 🇹🇷 Türkiye has submitted its part of task "+idText, "send me its reference")
	if st := partState(t, h, id, storage.Turkiye); st.State != storage.StateOpen {
		t.Fatalf("asking recorded already: %s", st.State)
	}
	done := h.pressNext(chat, memberTR, ask, "sub:y:"+idText+":TR")
	mustContain(t, done.PlainText(), "Noted: 🇹🇷 Türkiye submitted its part of task "+idText, "Undo within 15 minutes")
	if done.Method != "editMessageText" || done.MessageID != ask.MessageID {
		t.Errorf("the question was not edited into the answer: %s of %d", done.Method, done.MessageID)
	}
	edited := lastEditOf(t, h, chat.ID, list.MessageID)
	mustNotContain(t, edited.PlainText(), "#"+idText+" ")
	if hasButton(edited, data) {
		t.Errorf("the list still offers %s; label was %q", data, label)
	}
	notice := messageWith(t, h, admin.ID, "submitted its part of task "+idText)
	mustContain(t, notice.PlainText(), "🇹🇷 Türkiye submitted its part of task "+idText, "Reported by Ahmet Yılmaz (@ahmet)")
	if !hasButton(notice, "st:c:"+idText+":TR") || !hasButton(notice, "st:o:"+idText+":TR") {
		t.Errorf("the Secretariat's notice cannot decide: %+v", notice.ReplyMarkup)
	}

	// The mis-tap is undone.
	undo := buttonData(done, "sub:u:")
	h.pressed(chat, memberTR, done.MessageID, undo)
	undone := lastEditOf(t, h, chat.ID, done.MessageID)
	mustContain(t, undone.PlainText(), "Undone: 🇹🇷 Türkiye's part of task "+idText, "is open again")
	if st := partState(t, h, id, storage.Turkiye); st.State != storage.StateOpen {
		t.Errorf("after Undo the part is %s", st.State)
	}
	if !hasButton(lastEditOf(t, h, chat.ID, list.MessageID), data) {
		t.Error("after Undo the list does not offer the task again")
	}
	mustContain(t, messageWith(t, h, admin.ID, "took back its submission").PlainText(), "🇹🇷 Türkiye took back its submission of task "+idText)

	// Undo is for a while only.
	ask = h.pressNext(chat, memberTR, list, data)
	done = h.pressNext(chat, memberTR, ask, "sub:y:"+idText+":TR")
	h.clock.Advance(16 * time.Minute)
	ans := h.pressed(chat, memberTR, done.MessageID, buttonData(done, "sub:u:"))
	mustContain(t, ans.Text, "Undo is possible for 15 minutes", "Secretariat to reopen")
	if st := partState(t, h, id, storage.Turkiye); st.State != storage.StateSubmitted {
		t.Errorf("a late Undo changed the part to %s", st.State)
	}
	// Cancel at the question records nothing.
	h2 := newHarness(t)
	list = h2.ask(chat, memberTR, "/mytasks")
	ask = h2.pressNext(chat, memberTR, list, data)
	mustContain(t, h2.pressNext(chat, memberTR, ask, "sub:n:"+idText+":TR").PlainText(), "Cancelled. Nothing was recorded.")
	if st := partState(t, h2, id, storage.Turkiye); st.State != storage.StateOpen {
		t.Errorf("Cancel recorded %s", st.State)
	}
}

func parseID(s string) (int64, bool) {
	var n int64
	for _, r := range s {
		n = n*10 + int64(r-'0')
	}
	return n, n > 0
}

// lastEditOf is the latest version of message id in chat.
func lastEditOf(t *testing.T, h *harness, chatID int64, id int) telegramtest.Sent {
	t.Helper()
	var last telegramtest.Sent
	for _, m := range h.tg.Messages(chatID) {
		if m.MessageID == id {
			last = m
		}
	}
	return last
}

// A typed reference confirms the submission with it.
func TestSubmitWithATypedReference(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	view := h.ask(chat, memberTR, "/task 1")
	ask := h.pressNext(chat, memberTR, view, "sub:a:1:TR")
	mustContain(t, ask.PlainText(), "task 1")
	mustContain(t, h.ask(chat, memberTR, "\x07").PlainText(), "control characters")
	done := h.ask(chat, memberTR, "Note 2024/17")
	mustContain(t, done.PlainText(), "Noted: 🇹🇷 Türkiye submitted its part of task 1", "Reference: Note 2024/17")
	if st := partState(t, h, 1, storage.Turkiye); st.State != storage.StateSubmitted || st.Ref != "Note 2024/17" {
		t.Errorf("status %+v", st)
	}
	mustContain(t, messageWith(t, h, admin2.ID, "Reference: Note 2024/17").PlainText(), "🇹🇷 Türkiye submitted its part of task 1")
}

// A file sent with /done reaches the Secretariat, is confirmed from the
// notice, opens from /task, and the member is told of the decision.
func TestSecretariatGetsTheFileAndConfirmsFromTheNotice(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	content := []byte("Note 2024-117: the Turkish side's views")
	h.tg.SendDocument(chat, memberTR, "TR-note-2024-117.txt", "text/plain", content, "/done 1")
	mustContain(t, messageWith(t, h, chat.ID, "Noted").PlainText(), "Reference: file: TR-note-2024-117.txt")

	file := documentTo(t, h, admin.ID)
	if file.DocumentName != "TR-note-2024-117.txt" || string(file.Document) != string(content) {
		t.Fatalf("the Secretariat got %q (%q)", file.DocumentName, file.Document)
	}
	mustContain(t, file.PlainText(), "The file 🇹🇷 Türkiye sent with task 1")
	notice := messageWith(t, h, admin.ID, "submitted its part of task 1")
	adm := telegramtest.Private(admin)
	view := h.pressNext(adm, admin, notice, "st:c:1:TR")
	mustContain(t, view.PlainText(), "🇹🇷 Türkiye: confirmed by the Secretariat")
	if st := partState(t, h, 1, storage.Turkiye); st.State != storage.StateConfirmed || st.By != admin.ID {
		t.Errorf("status %+v", st)
	}
	mustContain(t, messageWith(t, h, chat.ID, "The Secretariat confirmed").PlainText(),
		"✅ The Secretariat confirmed 🇹🇷 Türkiye's part of task 1", "Aida Secretariat")

	// The second administrator's copy: deciding again shows where it stands.
	notice2 := messageWith(t, h, admin2.ID, "submitted its part of task 1")
	mustContain(t, h.pressed(telegramtest.Private(admin2), admin2, notice2.MessageID, "st:c:1:TR").Text, "decided already")
	mustContain(t, lastEditOf(t, h, admin2.ID, notice2.MessageID).PlainText(), "confirmed by the Secretariat")

	// The file opens from /task.
	task := h.ask(adm, admin, "/task 1")
	open := buttonData(task, "file:1:TR")
	if open == "" {
		t.Fatalf("/task offers no file: %+v", task.ReplyMarkup)
	}
	before := h.tg.Calls("sendDocument")
	h.press(adm, admin, task, open)
	waitFor(t, h, func() bool { return h.tg.Calls("sendDocument") > before })
	// Reopened from the view: the member is told.
	reopen := h.ask(adm, admin, "/task 1")
	h.press(adm, admin, reopen, "st:o:1:TR")
	mustContain(t, messageWith(t, h, chat.ID, "reopened").PlainText(), "The Secretariat reopened 🇹🇷 Türkiye's part of task 1")
}

// Members hear of a new task for their Party and of a deadline that moved.
func TestMembersAreToldOfNewTasksAndMovedDeadlines(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	adm := telegramtest.Private(admin)
	mustContain(t, h.ask(adm, admin, "/addtask TR 1.6.2024 Send the list of border posts").PlainText(), "Added task")
	news := messageWith(t, h, memberTR.ID, "A new task for")
	mustContain(t, news.PlainText(), "A new task for 🇹🇷 Türkiye", "Send the list of border posts", "by 1 June 2024")
	if len(h.tg.Messages(memberKZ.ID)) != 0 {
		t.Errorf("the KZ member heard of a TR task: %q", h.tg.Messages(memberKZ.ID)[0].PlainText())
	}
	mustContain(t, h.ask(adm, admin, "/edittask 1 date 1 May 2024").PlainText(), "Task 1 changed")
	moved := messageWith(t, h, memberTR.ID, "deadline of task 1 moved")
	mustContain(t, moved.PlainText(), "Now: by 1 May 2024")
}

// In a group no typed reference is awaited (the next group message is not
// read as one), so the question must not invite the member to type it
// there: it says how to give a reference instead.
func TestSubmitAskInAGroupDoesNotAwaitATypedReference(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	enableGroup(t, h)
	list := h.ask(wgGroup, memberTR, "/mytasks")
	data := buttonData(list, "sub:a:")
	idText := strings.Split(data, ":")[2]
	ask := h.pressNext(wgGroup, memberTR, list, data)
	mustContain(t, ask.PlainText(), "Record that 🇹🇷 Türkiye has submitted its part of task "+idText, "/done "+idText)
	mustNotContain(t, ask.PlainText(), "send me its reference")
}

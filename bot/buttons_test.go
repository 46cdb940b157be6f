package bot

import (
	"context"
	"fmt"
	"strconv"
	"sync/atomic"
	"testing"

	"github.com/go-telegram/bot/models"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/storage"
)

// writeFaults is the real store, except that task writes can be made to fail
// as an unreachable Redis does, and reading one task can be made to panic.
type writeFaults struct {
	storage.Store
	storage.Inbox
	fail  atomic.Bool
	panic atomic.Bool
}

func (f *writeFaults) UpdateTask(ctx context.Context, id int64, change func(*storage.Task) error) (storage.Task, error) {
	if f.fail.Load() {
		return storage.Task{}, fmt.Errorf("update task %d: %w", id, storage.ErrUnavailable)
	}
	return f.Store.UpdateTask(ctx, id, change)
}

func (f *writeFaults) DeleteTask(ctx context.Context, id int64) (bool, error) {
	if f.fail.Load() {
		return false, fmt.Errorf("delete task %d: %w", id, storage.ErrUnavailable)
	}
	return f.Store.DeleteTask(ctx, id)
}

func (f *writeFaults) Task(ctx context.Context, id int64) (storage.Task, error) {
	if f.panic.Load() {
		panic("test panic in Task")
	}
	return f.Store.Task(ctx, id)
}

// faultyHarness is a running bot whose store's task writes can be broken.
func faultyHarness(t *testing.T) (*harness, *writeFaults) {
	h := prepare(t, nil)
	f := &writeFaults{Store: h.store, Inbox: h.store}
	h.botStore = f
	h.start()
	return h, f
}

// pressed presses data under msg and returns the one answer to that query,
// failing when the query was answered more or less than once.
func (h *harness) pressed(chat telegramtest.Chat, from telegramtest.User, msgID int, data string) telegramtest.Sent {
	h.t.Helper()
	id := h.tg.SendCallback(chat, from, msgID, data)
	h.waitHandled(h.t, id)
	return h.onlyAnswer(len(h.tg.Callbacks()))
}

// onlyAnswer checks that the latest query got exactly one answer: every
// answer the server accepted is recorded, and it accepts one per query.
func (h *harness) onlyAnswer(n int) telegramtest.Sent {
	h.t.Helper()
	cs := h.tg.Callbacks()
	if len(cs) != n || n == 0 {
		h.t.Fatalf("want %d answers, got %d", n, len(cs))
	}
	if calls := h.tg.Calls("answerCallbackQuery"); calls != n {
		h.t.Errorf("answerCallbackQuery called %d times for %d presses", calls, n)
	}
	return cs[n-1]
}

// sharedTask is a task of the Tashkent data that every state Party shares.
func sharedTask(t *testing.T, h *harness) string {
	t.Helper()
	tasks, err := h.store.Tasks(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, task := range tasks {
		if task.Involves(storage.Turkiye) && task.Involves(storage.Kazakhstan) && task.Involves(storage.Uzbekistan) {
			return strconv.FormatInt(task.ID, 10)
		}
	}
	t.Fatal("no task shared by TR, KZ and UZ")
	return ""
}

func enableGroup(t *testing.T, h *harness) {
	t.Helper()
	if err := h.store.SetGroupEnabled(context.Background(), wgGroup.ID, true); err != nil {
		t.Fatal(err)
	}
}

// Finding 1: a KZ member pressing the TR button under /task in a group must
// not mark anything, and must be told why.
func TestButtonCannotMarkAnotherParty(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	enableGroup(t, h)
	id := sharedTask(t, h)
	view := h.ask(wgGroup, memberTR, "/task "+id)
	if !hasButton(view, "sub:a:"+id+":TR") {
		t.Fatalf("the TR member's view lacks its button: %+v", view.ReplyMarkup)
	}
	before := len(h.tg.Messages(wgGroup.ID))
	ans := h.pressed(wgGroup, memberKZ, view.MessageID, "sub:a:"+id+":TR")
	mustContain(t, ans.Text, "Only members for 🇹🇷 Türkiye or the Secretariat can change its part")
	mustContain(t, h.pressed(wgGroup, memberKZ, view.MessageID, "sub:y:"+id+":TR").Text, "Only members for 🇹🇷 Türkiye")
	ans = h.pressed(wgGroup, memberKZ, view.MessageID, "done:"+id+":TR")
	mustContain(t, ans.Text, "Only members for 🇹🇷 Türkiye or the Secretariat can change its part")
	// A button of the old form, naming no Party, is refused too.
	mustContain(t, h.pressed(wgGroup, memberKZ, view.MessageID, "done:"+id).Text, "out of date")
	n, _ := strconv.ParseInt(id, 10, 64)
	task, err := h.store.Task(context.Background(), n)
	if err != nil {
		t.Fatal(err)
	}
	for p, st := range task.Status {
		if st.State != storage.StateOpen {
			t.Errorf("%s is %s after a KZ member pressed TR's button", p, st.State)
		}
	}
	if got := len(h.tg.Messages(wgGroup.ID)); got != before {
		t.Errorf("the group got %d messages after refused presses", got-before)
	}
	// The TR member's own press asks, then records; the KZ member's view offers no TR button.
	ans = h.pressed(wgGroup, memberTR, view.MessageID, "sub:a:"+id+":TR")
	if ans.Text != "" {
		t.Errorf("TR's own press answered %q", ans.Text)
	}
	ask := h.tg.WaitMessages(t, wgGroup.ID, before+1)[before]
	mustContain(t, ask.PlainText(), "Record that 🇹🇷 Türkiye has submitted its part of task "+id)
	h.pressed(wgGroup, memberTR, ask.MessageID, "sub:y:"+id+":TR")
	mustContain(t, h.tg.WaitMessages(t, wgGroup.ID, before+2)[before+1].PlainText(), "Noted: 🇹🇷 Türkiye submitted its part of task "+id)
	kzView := h.ask(wgGroup, memberKZ, "/task "+id)
	if hasButton(kzView, "sub:a:"+id+":TR") {
		t.Error("the KZ member's view offers TR's button")
	}
	if !hasButton(kzView, "sub:a:"+id+":KZ") {
		t.Error("the KZ member's view lacks its own button")
	}
}

// Finding 1, /mytasks: its "📨 #N" buttons name the Party they are for.
func TestMyTasksButtonsNameTheParty(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	enableGroup(t, h)
	list := h.ask(wgGroup, memberTR, "/mytasks")
	if !hasButton(list, "sub:a:1:TR") {
		t.Fatalf("/mytasks lacks sub:a:1:TR: %+v", list.ReplyMarkup)
	}
	mustContain(t, h.pressed(wgGroup, memberKZ, list.MessageID, "sub:a:1:TR").Text, "Only members for 🇹🇷 Türkiye")
	task, _ := h.store.Task(context.Background(), 1)
	if st := task.StatusOf(storage.Kazakhstan).State; st != storage.StateOpen {
		t.Errorf("KZ is %s", st)
	}
}

// Administrators may set any Party's part, recorded as theirs.
func TestAdministratorMarksAnyParty(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	adm := telegramtest.Private(admin)
	id := sharedTask(t, h)
	view := h.ask(adm, admin, "/task "+id)
	if !hasButton(view, "sub:a:"+id+":UZ") {
		t.Fatalf("an administrator's view lacks sub:a:%s:UZ: %+v", id, view.ReplyMarkup)
	}
	h.pressed(adm, admin, view.MessageID, "sub:a:"+id+":UZ")
	h.pressed(adm, admin, view.MessageID, "sub:y:"+id+":UZ")
	n, _ := strconv.ParseInt(id, 10, 64)
	task, _ := h.store.Task(context.Background(), n)
	if st := task.StatusOf(storage.Uzbekistan); st.State != storage.StateSubmitted || st.By != admin.ID {
		t.Errorf("UZ status %+v, want submitted by %d", st, admin.ID)
	}
}

// Finding 3: a button whose store write fails tells the presser so, in its
// one answer (before, the answer had been spent on an empty toast).
func TestButtonFailureIsTheAnswer(t *testing.T) {
	t.Parallel()
	h, f := faultyHarness(t)
	chat := telegramtest.Private(memberTR)
	view := h.ask(chat, memberTR, "/task 1")
	f.fail.Store(true)
	ans := h.pressed(chat, memberTR, view.MessageID, "sub:y:1:TR")
	mustContain(t, ans.Text, "storage is unavailable")
	if ans.Raw["show_alert"] != "true" {
		t.Error("a failure is a toast, not an alert")
	}
	// A handler that still answers through the sender (deleting a task) too.
	adm := telegramtest.Private(admin)
	ask := h.ask(adm, admin, "/deltask 2")
	n := len(h.tg.Callbacks())
	id := h.tg.SendCallback(adm, admin, ask.MessageID, "del:y:2")
	h.waitHandled(t, id)
	mustContain(t, h.onlyAnswer(n+1).Text, "storage is unavailable")
}

// A panic in a button's handler is answered once, with the apology.
func TestButtonPanicIsAnswered(t *testing.T) {
	t.Parallel()
	h, f := faultyHarness(t)
	chat := telegramtest.Private(memberTR)
	list := h.ask(chat, memberTR, "/deadlines")
	f.panic.Store(true)
	mustContain(t, h.pressed(chat, memberTR, list.MessageID, "task:1").Text, "because of an error on my side")
}

// Finding 4: a button under a message too old for the bot is answered.
func TestButtonUnderInaccessibleMessageIsAnswered(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	id := h.tg.SendUpdate(models.Update{CallbackQuery: &models.CallbackQuery{
		ID: "old-1", From: models.User{ID: memberTR.ID, FirstName: memberTR.FirstName},
		Message: models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeInaccessibleMessage,
			InaccessibleMessage: &models.InaccessibleMessage{Chat: models.Chat{ID: chat.ID, Type: "private"}, MessageID: 7}},
		Data: "done:1:TR"}})
	h.waitHandled(t, id)
	ans := h.onlyAnswer(1)
	if ans.CallbackQueryID != "old-1" {
		t.Fatalf("answered %q", ans.CallbackQueryID)
	}
	mustContain(t, ans.Text, "too old for its buttons")
	task, _ := h.store.Task(context.Background(), 1)
	if st := task.StatusOf(storage.Turkiye).State; st != storage.StateOpen {
		t.Errorf("TR is %s after a press under an old message", st)
	}
}

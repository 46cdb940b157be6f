package bot

import (
	"context"
	"testing"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/storage"
)

// Issue 17, cases 1 and 2: a year no deadline can have is refused in every
// way a date is typed, and nothing is stored or erased.
func TestImplausibleDatesAreRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(admin)
	ctx := context.Background()
	before, err := h.store.Tasks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range []string{
		"/addtask TR 0000-03-01 Submit the concept",
		"/addtask TR 0001-01-01 Submit the concept",
		"/addtask TR 1.3.0001 Submit the concept",
		"/addtask TR 1 March 1999 Submit the concept",
		"/addtask TR 2101-01-01 Submit the concept",
	} {
		got := h.ask(chat, admin, text).PlainText()
		mustContain(t, got, "deadlines fall between the years 2000 and 2100", "Nothing was changed")
		mustNotContain(t, got, "Added task")
	}
	mustContain(t, h.ask(chat, admin, "/addtask TR 30.02.2024 Submit the concept").PlainText(), "That day does not exist")
	after, err := h.store.Tasks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(before) {
		t.Fatalf("refused dates stored tasks: %d before, %d after", len(before), len(after))
	}

	for _, text := range []string{"/edittask 1 date 0000-01-01", "/edittask 1 date 0001-01-01", "/edittask 1 date March 0"} {
		got := h.ask(chat, admin, text).PlainText()
		mustContain(t, got, "between the years 2000 and 2100")
		mustNotContain(t, got, "Task 1 changed")
	}
	task, err := h.store.Task(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if task.Deadline.Due.String() != "2024-03-01" {
		t.Fatalf("task 1's deadline became %q, want it kept as 2024-03-01", task.Deadline.Due)
	}
	mustContain(t, h.ask(chat, admin, "/task 1").PlainText(), "by 1 March 2024")

	// Numeric dates, day first, as the Parties write them.
	mustContain(t, h.ask(chat, admin, "/edittask 1 date 15.04.2024").PlainText(), "Task 1 changed: deadline by 15 April 2024")
	// Only "none", asked for in words, makes a dated task undated.
	mustContain(t, h.ask(chat, admin, "/edittask 1 date none").PlainText(), "Task 1 changed: no deadline any more")
	task, err = h.store.Task(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !task.Deadline.IsZero() {
		t.Fatalf("after 'date none' task 1 still has the deadline %q", task.Deadline.Due)
	}
}

// Issue 17, case 3: a title or text of control characters, or of invisible
// characters only, is refused with the reason, and the task keeps its words.
func TestInvisibleTitlesAreRefused(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(admin)
	ctx := context.Background()
	original, err := h.store.Task(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct{ text, want string }{
		{"/edittask 1 title \x00\x07", "control characters"},
		{"/edittask 1 title Submit\x1b[2J the concept", "control characters"},
		{"/edittask 1 text \u200b\u200b\u200d", "shows nothing"},
		{"/edittask 1 title \u3164", "shows nothing"},
		{"/addtask TR 2024-03-01 \u200b\u2060", "shows nothing"},
		{"/addtask TR 2024-03-01 Bell\x07", "control characters"},
	}
	for _, c := range cases {
		got := h.ask(chat, admin, c.text).PlainText()
		mustContain(t, got, c.want, "Nothing was changed")
		mustNotContain(t, got, "Task 1 changed", "Added task")
	}
	task, err := h.store.Task(ctx, 1)
	if err != nil {
		t.Fatal(err)
	}
	if task.Title != original.Title || task.Text != original.Text {
		t.Fatalf("task 1 changed to %q / %q", task.Title, task.Text)
	}
	all, err := h.store.Tasks(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, tk := range all {
		if p := storage.CheckText(tk.Title, false); p != "" {
			t.Errorf("task %d stored with a title that is %s", tk.ID, p)
		}
	}
}

// Issue 17, case 4: a private chat is never silent, whoever the command names.
func TestCommandForAnotherBotInPrivate(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	for _, u := range []telegramtest.User{stranger, memberTR} {
		chat := telegramtest.Private(u)
		got := h.ask(chat, u, "/start@OtherBot").PlainText()
		mustContain(t, got, "/start@OtherBot is addressed to another bot", "send /start without the @ part")
		got = h.ask(chat, u, "/deadlines@OtherBot all").PlainText()
		mustContain(t, got, "/deadlines@OtherBot is addressed to another bot", "send /deadlines")
	}
	// Our own name still runs the command.
	mustContain(t, h.ask(telegramtest.Private(memberTR), memberTR, "/deadlines@"+h.bot.Username()).PlainText(), "Open deadlines")
	// In a group a command for another bot is that bot's business.
	h.silent(wgGroup, memberTR, "/deadlines@OtherBot")
}

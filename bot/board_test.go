package bot

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// boardTimer drives the board loop's debounce: the loop says when it starts
// waiting, and waits until the test fires.
type boardTimer struct {
	waiting chan struct{}
	fire    chan time.Time
}

func newBoardTimer() *boardTimer {
	return &boardTimer{waiting: make(chan struct{}, 64), fire: make(chan time.Time)}
}

func (bt *boardTimer) option(c *Config) {
	c.BoardAfter = func(time.Duration) <-chan time.Time {
		bt.waiting <- struct{}{}
		return bt.fire
	}
}

// flush waits until a change has woken the loop, then ends its wait.
func (bt *boardTimer) flush(t *testing.T) {
	t.Helper()
	select {
	case <-bt.waiting:
	case <-time.After(10 * time.Second):
		t.Fatal("no change woke the board loop")
	}
	select {
	case bt.fire <- time.Time{}:
	case <-time.After(10 * time.Second):
		t.Fatal("the board loop did not wait for its timer")
	}
}

// boardSeed: ten tasks of Türkiye, the first overdue on 20 January 2024,
// and one of every state Party.
func boardSeed() *storage.Seed {
	var tasks []storage.Task
	tasks = append(tasks, storage.Task{Title: "Send the list of <border> posts & crossings", Parties: []storage.Party{storage.Turkiye},
		Deadline: dayDeadline(2024, 1, 10)})
	for i := 2; i <= 10; i++ {
		tasks = append(tasks, storage.Task{Title: fmt.Sprintf("Submit note %d", i), Parties: []storage.Party{storage.Turkiye},
			Deadline: dayDeadline(2024, 3, i)})
	}
	tasks = append(tasks, techConditions)
	return alertSeed(tasks...)
}

func edits(h *harness, chatID int64) []telegramtest.Sent {
	var out []telegramtest.Sent
	for _, m := range h.tg.Messages(chatID) {
		if m.Method == "editMessageText" {
			out = append(out, m)
		}
	}
	return out
}

// postBoard sends /board as admin in chat (topic 0: none) and returns the
// board once the bot is done with the command (pinned and stored).
func postBoard(t *testing.T, h *harness, chat telegramtest.Chat, topic int) telegramtest.Sent {
	t.Helper()
	before := len(h.tg.Messages(chat.ID))
	var id int64
	if topic != 0 {
		id = h.tg.SendTopicText(chat, admin, topic, "/board")
	} else {
		id = h.tg.SendText(chat, admin, "/board")
	}
	h.waitHandled(t, id)
	return h.tg.WaitMessages(t, chat.ID, before+1)[before]
}

func storedBoard(t *testing.T, h *harness, chatID int64) storage.Board {
	t.Helper()
	bd, err := h.store.Board(context.Background(), chatID)
	if err != nil {
		t.Fatalf("board of %d: %v", chatID, err)
	}
	return bd
}

// TestBoard: /board posts the open tasks and pins them; a burst of ten
// submissions is one edit; a restarted bot still edits, and shows what
// changed while it was down; a deleted board is posted anew; a second /board
// replaces the first.
func TestBoard(t *testing.T) {
	t.Parallel()
	h := prepare(t, boardSeed())
	enableGroup(t, h)
	bt := newBoardTimer()
	h.start(bt.option)

	board := postBoard(t, h, wgGroup, 0)
	mustContain(t, board.PlainText(), "📋 Open tasks — as of 20 January 2024",
		"#1 · by 10 January 2024 · Send the list of <border> posts & crossings\nTR🔴",
		"#2 · by 2 March 2024 · Submit note 2\nTR⚪",
		"#11 · by 1 April 2024 · Views on the Technical Conditions\nAZ⚪ KZ⚪ KG⚪ TR⚪ UZ⚪",
		"✅ confirmed · 📨 submitted · ⚪ open · 🔴 overdue")
	if got := h.tg.Pinned(wgGroup.ID); got != board.MessageID {
		t.Fatalf("pinned %d, want the board %d", got, board.MessageID)
	}
	if bd := storedBoard(t, h, wgGroup.ID); bd.MessageID != board.MessageID || bd.ThreadID != 0 {
		t.Fatalf("stored board %+v, want message %d", bd, board.MessageID)
	}

	// Ten submissions in a row: one edit, showing all ten.
	tr := telegramtest.Private(memberTR)
	for i := 1; i <= 10; i++ {
		mustContain(t, h.ask(tr, memberTR, "/done "+strconv.Itoa(i)+" Note 2024/"+strconv.Itoa(i)).PlainText(), "Noted")
	}
	bt.flush(t)
	waitFor(t, h, func() bool { return len(edits(h, wgGroup.ID)) >= 1 })
	got := edits(h, wgGroup.ID)
	if len(got) != 1 {
		t.Fatalf("%d edits for a burst of ten submissions, want 1", len(got))
	}
	mustContain(t, got[0].PlainText(), "#1 · by 10 January 2024 · Send the list of <border> posts & crossings\nTR📨",
		"#10 · by 10 March 2024 · Submit note 10\nTR📨", "AZ⚪ KZ⚪ KG⚪ TR⚪ UZ⚪")
	if got[0].MessageID != board.MessageID {
		t.Errorf("edited message %d, want the board %d", got[0].MessageID, board.MessageID)
	}
	// A change that leaves the text as it is sends nothing.
	if _, err := h.bot.h.RefreshBoards(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := len(edits(h, wgGroup.ID)); n != 1 {
		t.Errorf("%d edits after a refresh with nothing new, want 1", n)
	}

	// Restart: a change made while the bot was down is shown at start, and
	// the new bot edits the same message on the next change.
	h.shutdown()
	if _, err := h.store.UpdateTask(context.Background(), 11, func(t *storage.Task) error {
		t.Title = "Views on the Technical Conditions (revised)"
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	h.start(bt.option)
	waitFor(t, h, func() bool { return len(edits(h, wgGroup.ID)) == 2 })
	mustContain(t, edits(h, wgGroup.ID)[1].PlainText(), "Views on the Technical Conditions (revised)")
	mustContain(t, h.ask(wgGroup, admin, "/edittask 11 title Views on the Technical Conditions, second round").PlainText(), "Task 11 changed")
	bt.flush(t)
	waitFor(t, h, func() bool { return len(edits(h, wgGroup.ID)) == 3 })
	last := edits(h, wgGroup.ID)[2]
	mustContain(t, last.PlainText(), "Views on the Technical Conditions, second round")
	if last.MessageID != board.MessageID {
		t.Errorf("after a restart the bot edited %d, want the board %d", last.MessageID, board.MessageID)
	}

	// Someone deletes the board: the next change posts a new one and pins it.
	h.tg.DeleteByUser(wgGroup.ID, board.MessageID)
	before := len(h.tg.Messages(wgGroup.ID))
	h.press(wgGroup, admin, h.ask(wgGroup, admin, "/deltask 2"), "del:y:2")
	bt.flush(t)
	// The loop stores the new board last, after posting and pinning it.
	waitFor(t, h, func() bool { return storedBoard(t, h, wgGroup.ID).MessageID != board.MessageID })
	var reposted telegramtest.Sent
	for _, m := range h.tg.Messages(wgGroup.ID)[before:] {
		if m.Method == "sendMessage" && strings.HasPrefix(m.PlainText(), "📋 Open tasks") {
			reposted = m
		}
	}
	mustNotContain(t, reposted.PlainText(), "Submit note 2\n")
	if got := h.tg.Pinned(wgGroup.ID); got != reposted.MessageID {
		t.Errorf("pinned %d, want the new board %d", got, reposted.MessageID)
	}
	if bd := storedBoard(t, h, wgGroup.ID); bd.MessageID != reposted.MessageID {
		t.Errorf("stored board message %d, want %d", bd.MessageID, reposted.MessageID)
	}

	// A second /board replaces the first: only the new one is kept and pinned.
	second := postBoard(t, h, wgGroup, 0)
	mustContain(t, second.PlainText(), "📋 Open tasks")
	if bd := storedBoard(t, h, wgGroup.ID); bd.MessageID != second.MessageID {
		t.Errorf("stored board %d, want the second %d", bd.MessageID, second.MessageID)
	}
	if got := h.tg.Pinned(wgGroup.ID); got != second.MessageID {
		t.Errorf("pinned %d, want the second board %d", got, second.MessageID)
	}
	if n := h.tg.Calls("unpinChatMessage"); n != 1 {
		t.Errorf("%d unpin calls, want 1 (the old board)", n)
	}
	if boards, err := h.store.Boards(context.Background()); err != nil || len(boards) != 1 {
		t.Errorf("boards %+v (%v), want one", boards, err)
	}
}

// TestBoardRefusals: a member may not post a board, a group that is not
// enabled gets none, and a bot that may not pin still keeps its board.
func TestBoardRefusals(t *testing.T) {
	t.Parallel()
	h := prepare(t, boardSeed())
	h.start(newBoardTimer().option)
	mustContain(t, h.ask(wgGroup, admin, "/board").PlainText(), "This group is not enabled yet", "/enable")
	enableGroup(t, h)
	refusal := h.ask(wgGroup, memberTR, "/board").PlainText()
	mustNotContain(t, refusal, "Open tasks")
	if _, err := h.store.Board(context.Background(), wgGroup.ID); err == nil {
		t.Fatalf("a refused /board stored a board (reply %q)", refusal)
	}
	mustContain(t, refusal, "administrators")

	h.tg.FailNext("pinChatMessage", wgGroup.ID, 1, 400, 0, "Bad Request: not enough rights to manage pinned messages in the chat")
	before := len(h.tg.Messages(wgGroup.ID))
	h.waitHandled(t, h.tg.SendText(wgGroup, admin, "/board"))
	msgs := h.tg.WaitMessages(t, wgGroup.ID, before+2)[before:]
	mustContain(t, msgs[0].PlainText(), "📋 Open tasks")
	mustContain(t, msgs[1].PlainText(), "may not pin it", "right to pin messages")
	if bd := storedBoard(t, h, wgGroup.ID); bd.MessageID != msgs[0].MessageID {
		t.Errorf("stored board %d, want %d", bd.MessageID, msgs[0].MessageID)
	}
}

// TestBoardInForumTopic: /board sent in a topic is posted there, remembered
// with its topic, and a re-post after deletion goes to the same topic.
func TestBoardInForumTopic(t *testing.T) {
	t.Parallel()
	h := prepare(t, boardSeed())
	if err := h.store.SetGroupEnabled(context.Background(), wgForum.ID, true); err != nil {
		t.Fatal(err)
	}
	bt := newBoardTimer()
	h.start(bt.option)
	const topic = 77
	board := postBoard(t, h, wgForum, topic)
	mustContain(t, board.PlainText(), "📋 Open tasks")
	if board.Raw["message_thread_id"] != "77" {
		t.Errorf("the board went to topic %q, want 77", board.Raw["message_thread_id"])
	}
	if bd := storedBoard(t, h, wgForum.ID); bd.ThreadID != topic || bd.MessageID != board.MessageID {
		t.Errorf("stored board %+v, want topic 77, message %d", bd, board.MessageID)
	}
	h.tg.DeleteByUser(wgForum.ID, board.MessageID)
	h.ask(telegramtest.Private(memberTR), memberTR, "/done 3")
	bt.flush(t)
	waitFor(t, h, func() bool { return storedBoard(t, h, wgForum.ID).MessageID != board.MessageID })
	again := lastMessage(h, wgForum.ID)
	if again.Method != "sendMessage" || again.Raw["message_thread_id"] != "77" {
		t.Errorf("re-posted board: %s to topic %q, want sendMessage to 77", again.Method, again.Raw["message_thread_id"])
	}
	mustContain(t, again.PlainText(), "Submit note 3\nTR📨")
}

// TestBoardFollowsTheGroupsLanguage: when an administrator sets the group's
// language, the pinned board is redrawn in it, without waiting for a task
// to change.
func TestBoardFollowsTheGroupsLanguage(t *testing.T) {
	needLanguage(t, i18n.Russian)
	t.Parallel()
	h := prepare(t, boardSeed())
	enableGroup(t, h)
	bt := newBoardTimer()
	h.start(bt.option)
	board := postBoard(t, h, wgGroup, 0)
	mustContain(t, board.PlainText(), "📋 Open tasks")

	menu := h.ask(wgGroup, admin, "/language")
	h.press(wgGroup, admin, menu, "lang:ru")
	bt.flush(t)
	want := plain(i18n.Russian.T("BoardTitle", i18n.Russian.Date(time.Date(2024, 1, 20, 0, 0, 0, 0, time.UTC))))
	waitFor(t, h, func() bool {
		for _, e := range edits(h, wgGroup.ID) {
			if e.MessageID == board.MessageID && strings.Contains(e.PlainText(), want) {
				return true
			}
		}
		return false
	})
}

package bot

import (
	"context"
	"fmt"
	"net"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// faultyStore is the real store, except that it can be switched to a Redis
// that does not answer (a closed port) or made to panic when tasks are read.
type faultyStore struct {
	storage.Store
	// The inbox keeps answering: the failures are those of the reads and
	// writes after an update was kept.
	storage.Inbox
	dead  storage.Store
	down  atomic.Bool
	panic atomic.Bool
}

func newFaultyStore(t *testing.T, s storage.Store) *faultyStore {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close() // nothing listens there any more
	dead, err := storage.OpenRedis("redis://"+addr+"/0", storage.RedisOptions{Timeout: 200e6})
	if err != nil {
		t.Fatal(err)
	}
	return &faultyStore{Store: s, Inbox: s.(storage.Inbox), dead: dead}
}

func (f *faultyStore) pick() storage.Store {
	if f.down.Load() {
		return f.dead
	}
	return f.Store
}

func (f *faultyStore) Session(ctx context.Context, u, user, chat int64) (storage.Session, error) {
	return f.pick().Session(ctx, u, user, chat)
}

func (f *faultyStore) FinishThenSession(ctx context.Context, fin storage.Finish, u, user, chat int64) (storage.Session, error, error) {
	return f.pick().(storage.FinishingSession).FinishThenSession(ctx, fin, u, user, chat)
}

func (f *faultyStore) Tasks(ctx context.Context) ([]storage.Task, error) {
	if f.panic.Load() {
		panic("test panic in Tasks")
	}
	return f.pick().Tasks(ctx)
}

func (f *faultyStore) ReadTasks(ctx context.Context, read func(string, []storage.Task) error) error {
	if f.panic.Load() {
		panic("test panic in ReadTasks")
	}
	return f.pick().ReadTasks(ctx, read)
}

func (f *faultyStore) Meetings(ctx context.Context) ([]storage.Meeting, error) {
	return f.pick().Meetings(ctx)
}

func (f *faultyStore) MarkHandled(ctx context.Context, id int64) error {
	return f.pick().MarkHandled(ctx, id)
}

func (f *faultyStore) SetOffset(ctx context.Context, id int64) error {
	return f.pick().SetOffset(ctx, id)
}

func TestRedisDownThenBack(t *testing.T) {
	t.Parallel()
	h := prepare(t, nil)
	f := newFaultyStore(t, h.store)
	h.botStore = f
	h.start()
	chat := telegramtest.Private(memberTR)
	f.down.Store(true)
	mustContain(t, h.ask(chat, memberTR, "/deadlines").PlainText(), "The bot's storage is unavailable, try again shortly.")
	h.silent(wgGroup, memberTR, "/deadlines") // a group's state is unknown: say nothing there
	f.down.Store(false)
	mustContain(t, h.ask(chat, memberTR, "/deadlines").PlainText(), "Open deadlines")
}

func TestPanicIsRecovered(t *testing.T) {
	t.Parallel()
	h := prepare(t, nil)
	f := newFaultyStore(t, h.store)
	h.botStore = f
	h.start()
	chat := telegramtest.Private(memberTR)
	f.panic.Store(true)
	mustContain(t, h.ask(chat, memberTR, "/deadlines").PlainText(), "Sorry, I could not finish that")
	f.panic.Store(false)
	mustContain(t, h.ask(chat, memberTR, "/deadlines").PlainText(), "Open deadlines")
}

func TestCleanRestartLosesNothingAndRepeatsNothing(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	mustContain(t, h.ask(chat, memberTR, "/agenda").PlainText(), "Agenda")
	h.shutdown()
	// Sent while the bot is down.
	h.tg.SendText(chat, memberTR, "/iam KZ")
	h.tg.SendText(chat, memberTR, "/mytasks")
	h.tg.SendText(telegramtest.Private(memberKZ), memberKZ, "/help")
	h.start()
	msgs := h.tg.WaitMessages(t, chat.ID, 3)
	mustContain(t, msgs[1].PlainText(), "Your request to represent 🇰🇿 Kazakhstan was sent")
	mustContain(t, msgs[2].PlainText(), "Open tasks of 🇹🇷 Türkiye")
	h.tg.WaitMessages(t, memberKZ.ID, 1)
	h.shutdown()
	h.start()
	h.waitHandled(t, h.tg.SendText(chat, memberTR, "/help"))
	if n := len(h.tg.Messages(chat.ID)); n != 4 {
		t.Errorf("after two restarts the chat has %d messages, want 4 (no repeats)", n)
	}
	if n := len(h.tg.Messages(memberKZ.ID)); n != 1 {
		t.Errorf("KZ got %d replies, want 1", n)
	}
}

func TestRedeliveredUpdateIsDropped(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	first := h.ask(chat, memberTR, "/help")
	// A crash after handling, before Telegram heard of it: the previous process
	// marked the next update handled, and Telegram delivers it again.
	next := h.tg.SendText(chat, memberTR, "/agenda")
	h.waitHandled(t, next)
	if err := h.store.MarkHandled(context.Background(), next+1); err != nil {
		t.Fatal(err)
	}
	h.silent(chat, memberTR, "/deadlines")
	if got := h.tg.Messages(chat.ID); len(got) != 2 || got[0].MessageID != first.MessageID {
		t.Errorf("want the /help and /agenda replies only, got %d messages", len(got))
	}
}

func TestRepliesKeepTheOrderOfEachChat(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	tasks := []string{"3", "1", "7", "2", "9", "4", "1", "8", "5", "6"}
	for _, id := range tasks {
		h.tg.SendText(telegramtest.Private(memberTR), memberTR, "/task "+id)
		h.tg.SendText(telegramtest.Private(memberKZ), memberKZ, "/task "+id)
	}
	for _, user := range []telegramtest.User{memberTR, memberKZ} {
		msgs := h.tg.WaitMessages(t, user.ID, len(tasks))
		for i, id := range tasks {
			if !strings.HasPrefix(msgs[i].PlainText(), "Task "+id+":") {
				t.Fatalf("%s: reply %d is %q, want task %s", user.FirstName, i, msgs[i].PlainText(), id)
			}
		}
	}
}

// A list of 120 long tasks is paged: every page fits one message, and Next
// reaches every task (the splitting of one long reply is split_test.go's).
func TestLongListIsPaged(t *testing.T) {
	t.Parallel()
	data := storage.Seed{Version: "long", Meetings: []storage.Meeting{{ID: "wg1", Title: "WG", Date: storage.Date{Year: 2024, Month: 1, Day: 1},
		Agenda: []storage.AgendaItem{{Number: "1", Title: "x"}}}}}
	for i := 1; i <= 120; i++ {
		data.Tasks = append(data.Tasks, storage.Task{ID: int64(i), MeetingID: "wg1",
			Title:   fmt.Sprintf("Task %03d <&> %s", i, strings.Repeat("word ", 20)),
			Parties: []storage.Party{storage.Turkiye},
			Deadline: storage.Deadline{Due: storage.Date{Year: 2024, Month: 2, Day: 1 + i%28},
				Precision: storage.PrecisionDay, Text: "by soon"}})
	}
	h := prepare(t, &data)
	h.start()
	chat := telegramtest.Private(memberTR)
	page := h.ask(chat, memberTR, "/deadlines")
	var all strings.Builder
	for n := 1; ; n++ {
		if len(page.Text) > 4096 {
			t.Errorf("page %d has %d bytes", n, len(page.Text))
		}
		all.WriteString(page.PlainText() + "\n")
		next := buttonData(page, "pg:dl:o:"+strconv.Itoa(n))
		if next == "" {
			mustContain(t, page.PlainText(), fmt.Sprintf("(page %d of %d)", n, n))
			break
		}
		page = h.pressNext(chat, memberTR, page, next)
	}
	for i := 1; i <= 120; i++ {
		if !strings.Contains(all.String(), fmt.Sprintf("Task %03d <&>", i)) {
			t.Fatalf("task %d missing from the pages", i)
		}
	}
}

// inboxDownStore is the real store whose inbox cannot keep updates, as when
// Redis is down while polling.
type inboxDownStore struct {
	*faultyStore
	inboxDown atomic.Bool
}

func (f *inboxDownStore) InboxPut(ctx context.Context, id int64, raw []byte, now, visible time.Time) (bool, error) {
	if f.inboxDown.Load() {
		return f.dead.(storage.Inbox).InboxPut(ctx, id, raw, now, visible)
	}
	return f.faultyStore.InboxPut(ctx, id, raw, now, visible)
}

// While polling, a batch the inbox cannot keep is asked for again until it
// can: the member is told once, at once, that the store is down, and then
// gets the real answer when it is back.
func TestInboxDownWhilePollingTellsOnceThenAnswers(t *testing.T) {
	t.Parallel()
	h := prepare(t, nil)
	f := &inboxDownStore{faultyStore: newFaultyStore(t, h.store)}
	h.botStore = f
	h.start()
	chat := telegramtest.Private(memberTR)
	f.inboxDown.Store(true)
	before := len(h.tg.Messages(chat.ID))
	h.tg.SendText(chat, memberTR, "/deadlines")
	msgs := h.tg.WaitMessages(t, chat.ID, before+1)
	mustContain(t, msgs[before].PlainText(), "The bot's storage is unavailable")
	h.tg.SendText(wgGroup, memberTR, "/deadlines") // groups are not told
	// The library asks again after a growing pause (100 ms first): the note
	// must not be repeated meanwhile. Let it ask three times more.
	for polls := h.tg.Calls("getUpdates"); h.tg.Calls("getUpdates") < polls+3; {
		time.Sleep(20 * time.Millisecond)
	}
	if n := len(h.tg.Messages(chat.ID)); n != before+1 {
		t.Fatalf("%d messages after the batch was refused twice, want only the one note", n-before)
	}
	f.inboxDown.Store(false)
	msgs = h.tg.WaitMessages(t, chat.ID, before+2)
	mustContain(t, msgs[before+1].PlainText(), "Open deadlines")
}

// TestStoreDownToldInTheUsersTelegramLanguage: when the store does not
// answer, the user's choice cannot be read, but the language of their
// Telegram is in the update: a Russian user is told in Russian, not English.
func TestStoreDownToldInTheUsersTelegramLanguage(t *testing.T) {
	needLanguage(t, i18n.Russian)
	t.Parallel()
	h := prepare(t, nil)
	f := newFaultyStore(t, h.store)
	h.botStore = f
	h.start()
	user := memberTR
	user.LanguageCode = "ru"
	chat := telegramtest.Private(user)
	f.down.Store(true)
	mustContain(t, h.ask(chat, user, "/deadlines").PlainText(), plain(i18n.Russian.T("StorageDown")))
}

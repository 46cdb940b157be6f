package storagetest

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/storage"
)

// featureTests are the checks of the parts of the contract added after the
// first release: tasks and their per-Party status, alerts exactly once,
// contacts and conversations, imports, and the webhook inbox.
func featureTests() []struct {
	name string
	fn   func(t *testing.T, s storage.Store)
} {
	return []struct {
		name string
		fn   func(t *testing.T, s storage.Store)
	}{
		{"TaskLifecycle", testTaskLifecycle},
		{"NoticeCopies", testNoticeCopies},
		{"NominationNumbersDoNotSkip", testNominationNumbersDoNotSkip},
		{"TaskStatusPerParty", testTaskStatusPerParty},
		{"AlertsExactlyOnce", testAlertsExactlyOnce},
		{"AlertLeaseExpires", testAlertLeaseExpires},
		{"AlertRescheduledWhileClaimed", testAlertRescheduledWhileClaimed},
		{"Subscriptions", testSubscriptions},
		{"Contacts", testContacts},
		{"ContactRace", testContactRace},
		{"ForgetUser", testForgetUserConformance},
		{"Conversations", testConversations},
		{"Imports", testImports},
		{"UploadExpires", testUploadExpires},
		{"Inbox", testInbox},
		{"InboxClaimOnce", testInboxClaimOnce},
		{"FinishThenSession", testFinishThenSession},
	}
}

func newTask(title string, parties ...storage.Party) storage.Task {
	return storage.Task{MeetingID: "m1", Title: title, Parties: parties}
}

func testTaskLifecycle(t *testing.T, s storage.Store) {
	c := ctx(t)
	a := must(s.AddTask(c, newTask("First", storage.Turkiye)))(t)
	b := must(s.AddTask(c, newTask("Second", storage.Uzbekistan, storage.Hungary)))(t)
	if a.ID == 0 || b.ID <= a.ID {
		t.Fatalf("ids %d, %d: want fresh increasing ids", a.ID, b.ID)
	}
	if _, err := s.AddTask(c, storage.Task{Title: " "}); !errors.Is(err, storage.ErrInvalid) {
		t.Errorf("AddTask without title: %v, want ErrInvalid", err)
	}
	mine := errors.New("mine")
	if _, err := s.UpdateTask(c, a.ID, func(t *storage.Task) error { t.Title = "Changed"; return mine }); err != mine {
		t.Errorf("UpdateTask error = %v, want the change's own error untouched", err)
	}
	if got := must(s.Task(c, a.ID))(t); got.Title != "First" {
		t.Errorf("a failed change was stored: %q", got.Title)
	}
	if _, err := s.UpdateTask(c, 9999, func(*storage.Task) error { return nil }); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("UpdateTask of no task: %v", err)
	}
	got := must(s.UpdateTask(c, a.ID, func(t *storage.Task) error { t.Title = "Renamed"; t.ID = 77; return nil }))(t)
	if got.ID != a.ID || got.Title != "Renamed" || must(s.Task(c, a.ID))(t).Title != "Renamed" {
		t.Errorf("UpdateTask = %+v", got)
	}
	for i := range 3 {
		ok(t, s.RecordStatus(c, a.ID, storage.StatusChange{Party: storage.Turkiye, To: storage.StateSubmitted, By: int64(i), At: day(2024, 1, 1+i, 0)}))
	}
	h := must(s.History(c, a.ID, 2))(t)
	if len(h) != 2 || h[0].By != 2 || h[1].By != 1 {
		t.Errorf("History latest first, 2: %+v", h)
	}
	if !must(s.DeleteTask(c, a.ID))(t) || must(s.DeleteTask(c, a.ID))(t) {
		t.Error("DeleteTask: want true then false")
	}
	if h := must(s.History(c, a.ID, 10))(t); len(h) != 0 {
		t.Errorf("history outlived its task: %+v", h)
	}
	if _, err := s.Task(c, a.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("deleted task: %v", err)
	}
	// Concurrent changes of one task all land.
	var wg sync.WaitGroup
	for i := range 10 {
		wg.Go(func() {
			_, err := s.UpdateTask(c, b.ID, func(t *storage.Task) error { t.Text += fmt.Sprint(i % 10); return nil })
			if err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if n := len(must(s.Task(c, b.ID))(t).Text); n != 10 {
		t.Errorf("10 concurrent changes left %d", n)
	}
}

func testTaskStatusPerParty(t *testing.T, s storage.Store) {
	c := ctx(t)
	task := must(s.AddTask(c, newTask("Joint", storage.Turkiye, storage.Uzbekistan)))(t)
	at := day(2024, 2, 1, 9)
	must(s.UpdateTask(c, task.ID, func(t *storage.Task) error {
		t.Status = map[storage.Party]storage.PartyStatus{storage.Turkiye: {State: storage.StateSubmitted, Ref: "note 12", By: 5, At: at}}
		return nil
	}))(t)
	got := must(s.Task(c, task.ID))(t)
	if st := got.StatusOf(storage.Turkiye); st.State != storage.StateSubmitted || st.Ref != "note 12" || !st.At.Equal(at) {
		t.Errorf("TR status %+v", st)
	}
	if st := got.StatusOf(storage.Uzbekistan); st.State != storage.StateOpen {
		t.Errorf("UZ status %+v", st)
	}
	if out := got.Outstanding(); !slices.Equal(out, []storage.Party{storage.Uzbekistan}) {
		t.Errorf("outstanding %v", out)
	}
}

func testAlertsExactlyOnce(t *testing.T, s storage.Store) {
	c := ctx(t)
	now := day(2024, 3, 1, 9)
	for task := int64(1); task <= 6; task++ {
		ok(t, s.ScheduleAlert(c, task, -100, now.Add(-time.Duration(task)*time.Minute)))
	}
	ok(t, s.ScheduleAlert(c, 7, -100, now.Add(time.Hour))) // not due
	var mu sync.Mutex
	claimed := map[int64]storage.DueAlert{}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			got, err := s.ClaimDueAlerts(c, now, 2*time.Minute, 2)
			if err != nil {
				t.Error(err)
				return
			}
			mu.Lock()
			defer mu.Unlock()
			for _, a := range got {
				if _, dup := claimed[a.TaskID]; dup {
					t.Errorf("alert of task %d claimed twice", a.TaskID)
				}
				claimed[a.TaskID] = a
			}
		})
	}
	wg.Wait()
	if len(claimed) != 6 {
		t.Fatalf("claimed %d alerts, want the 6 due", len(claimed))
	}
	if a := claimed[3]; a.ChatID != -100 || !a.At.Equal(now.Add(-3*time.Minute)) || a.Token == "" {
		t.Errorf("claim %+v", a)
	}
	next := must(s.NextAlert(c))(t)
	if !next.Equal(now.Add(2 * time.Minute)) {
		t.Errorf("NextAlert = %v, want the end of the leases", next)
	}
	ok(t, s.CompleteAlert(c, claimed[1], []string{"7", "1"}, now.Add(24*time.Hour)))
	if err := s.CompleteAlert(c, claimed[1], []string{"7"}, time.Time{}); !errors.Is(err, storage.ErrLeaseLost) {
		t.Errorf("second completion: %v, want ErrLeaseLost", err)
	}
	if !must(s.AlertSent(c, 1, -100, "7"))(t) || !must(s.AlertSent(c, 1, -100, "1"))(t) || must(s.AlertSent(c, 1, -100, "0"))(t) {
		t.Error("AlertSent does not match the completed leads")
	}
	ok(t, s.ReleaseAlert(c, claimed[2], now.Add(time.Minute)))
	if got := must(s.ClaimDueAlerts(c, now.Add(time.Minute), time.Minute, 10))(t); len(got) != 1 || got[0].TaskID != 2 {
		t.Errorf("released alert claimed again: %+v", got)
	} else {
		ok(t, s.CompleteAlert(c, got[0], []string{"0"}, time.Time{}))
	}
	ok(t, s.UnscheduleAlert(c, 7, -100))
	for _, task := range []int64{3, 4, 5, 6} {
		ok(t, s.CompleteAlert(c, claimed[task], []string{"0"}, time.Time{}))
	}
	if got := must(s.ClaimDueAlerts(c, now.Add(30*24*time.Hour), time.Minute, 10))(t); len(got) != 1 || got[0].TaskID != 1 {
		t.Errorf("only task 1's next alert is left: %+v", got)
	}
}

func testAlertLeaseExpires(t *testing.T, s storage.Store) {
	c := ctx(t)
	now := day(2024, 3, 1, 9)
	ok(t, s.ScheduleAlert(c, 1, 5, now))
	first := must(s.ClaimDueAlerts(c, now, time.Minute, 10))(t)
	if len(first) != 1 {
		t.Fatalf("claimed %d", len(first))
	}
	if got := must(s.ClaimDueAlerts(c, now.Add(30*time.Second), time.Minute, 10))(t); len(got) != 0 {
		t.Errorf("claimed during the lease: %+v", got)
	}
	again := must(s.ClaimDueAlerts(c, now.Add(2*time.Minute), time.Minute, 10))(t)
	if len(again) != 1 || !again[0].At.Equal(now) || again[0].Token == first[0].Token {
		t.Fatalf("after the lease: %+v", again)
	}
	if err := s.CompleteAlert(c, first[0], nil, time.Time{}); !errors.Is(err, storage.ErrLeaseLost) {
		t.Errorf("completion of the lost claim: %v", err)
	}
	ok(t, s.CompleteAlert(c, again[0], []string{"14"}, time.Time{}))
	if next := must(s.NextAlert(c))(t); !next.IsZero() {
		t.Errorf("NextAlert = %v, want none", next)
	}
}

func testSubscriptions(t *testing.T, s storage.Store) {
	c := ctx(t)
	since := day(2024, 1, 2, 3)
	ok(t, s.Subscribe(c, storage.Subscription{ChatID: 5, Party: storage.Turkiye, By: 5, Since: since}))
	ok(t, s.Subscribe(c, storage.Subscription{ChatID: -100, Title: "WG", By: 1, Since: since}))
	subs := must(s.Subscriptions(c))(t)
	if len(subs) != 2 || subs[0].ChatID != -100 || subs[1].Party != storage.Turkiye || !subs[1].Since.Equal(since) {
		t.Errorf("Subscriptions = %+v", subs)
	}
	if !must(s.Unsubscribe(c, 5))(t) || must(s.Unsubscribe(c, 5))(t) {
		t.Error("Unsubscribe: want true then false")
	}
}

func contact(party storage.Party, name, email string, by int64) storage.Contact {
	return storage.Contact{Party: party, FullName: name, Position: "Expert", Organization: "Customs",
		Email: email, Phone: "+998712345678", NominatedBy: by, Nominated: day(2024, 1, 5, 10)}
}

func testContacts(t *testing.T, s storage.Store) {
	c := ctx(t)
	at := day(2024, 1, 6, 10)
	a := must(s.Nominate(c, contact(storage.Uzbekistan, "Aziz", "aziz@customs.uz", 10)))(t)
	if a.ID == 0 || a.Status != storage.ContactPending {
		t.Fatalf("Nominate = %+v", a)
	}
	other, err := s.Nominate(c, contact(storage.Turkiye, "Bora", "AZIZ@customs.uz", 11))
	if !errors.Is(err, storage.ErrDuplicateEmail) || other.ID != a.ID {
		t.Errorf("duplicate e-mail: %v, %+v", err, other)
	}
	if _, err := s.WithdrawContact(c, a.ID, 99, at); !errors.Is(err, storage.ErrNotYours) {
		t.Errorf("withdraw by another: %v", err)
	}
	got := must(s.DecideContact(c, a.ID, true, 1, at))(t)
	if got.Status != storage.ContactApproved || got.DecidedBy != 1 {
		t.Errorf("approved: %+v", got)
	}
	if _, err := s.DecideContact(c, a.ID, false, 2, at); !errors.Is(err, storage.ErrAlreadyDecided) {
		t.Errorf("second decision: %v", err)
	}
	edited := must(s.EditContact(c, a.ID, storage.FieldEmail, "new@customs.uz", 1, at))(t)
	if edited.Email != "new@customs.uz" {
		t.Errorf("edit: %+v", edited)
	}
	var fe *storage.FieldError
	if _, err := s.EditContact(c, a.ID, storage.FieldPhone, "12", 1, at); !errors.As(err, &fe) {
		t.Errorf("bad phone: %v", err)
	}
	// The old e-mail is free again, the new one is taken.
	b := must(s.Nominate(c, contact(storage.Turkiye, "Bora", "aziz@customs.uz", 11)))(t)
	if _, err := s.Nominate(c, contact(storage.Turkiye, "Cem", "new@customs.uz", 11)); !errors.Is(err, storage.ErrDuplicateEmail) {
		t.Errorf("the edited e-mail is not held: %v", err)
	}
	must(s.WithdrawContact(c, b.ID, 11, at))(t)
	must(s.Nominate(c, contact(storage.Turkiye, "Cem", "aziz@customs.uz", 11)))(t) // withdrawn frees it
	cs := must(s.Contacts(c))(t)
	if len(cs) != 3 || cs[0].Party != storage.Turkiye {
		t.Errorf("Contacts = %+v", cs)
	}
	removed := must(s.RemoveContact(c, a.ID, 1, at))(t)
	if removed.ID != a.ID {
		t.Errorf("RemoveContact returned %+v", removed)
	}
	if _, err := s.Contact(c, a.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("removed contact: %v", err)
	}
	if _, err := s.RemoveContact(c, a.ID, 1, at); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("removing twice: %v", err)
	}
	log := must(s.AuditLog(c, 100))(t)
	var actions []string
	for _, e := range log {
		actions = append(actions, e.Action)
	}
	want := []string{storage.AuditRemoved, storage.AuditNominated, storage.AuditWithdrawn, storage.AuditNominated,
		storage.AuditEdited, storage.AuditApproved, storage.AuditNominated}
	if !slices.Equal(actions, want) {
		t.Errorf("audit %v, want %v", actions, want)
	}
	ok(t, s.Audit(c, storage.AuditEntry{At: at, By: 1, Action: storage.AuditMemberRemoved, Member: 7}))
	if l := must(s.AuditLog(c, 1))(t); len(l) != 1 || l[0].Member != 7 {
		t.Errorf("AuditLog(1) = %+v", l)
	}
}

func testContactRace(t *testing.T, s storage.Store) {
	c := ctx(t)
	a := must(s.Nominate(c, contact(storage.Kazakhstan, "Erlan", "erlan@kgd.kz", 10)))(t)
	var wins atomic.Int32
	var wg sync.WaitGroup
	for i := range 6 {
		wg.Go(func() {
			_, err := s.DecideContact(c, a.ID, i%2 == 0, int64(i), day(2024, 1, 7, 0))
			switch {
			case err == nil:
				wins.Add(1)
			case !errors.Is(err, storage.ErrAlreadyDecided):
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if wins.Load() != 1 {
		t.Errorf("%d decisions stood, want 1", wins.Load())
	}
	// Racing nominations of one e-mail: one holds it.
	var made atomic.Int32
	for i := range 6 {
		wg.Go(func() {
			_, err := s.Nominate(c, contact(storage.Hungary, "Gabor", "gabor@nav.hu", int64(20+i)))
			if err == nil {
				made.Add(1)
			} else if !errors.Is(err, storage.ErrDuplicateEmail) {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if made.Load() != 1 {
		t.Errorf("%d nominations of one e-mail, want 1", made.Load())
	}
}

func testForgetUserConformance(t *testing.T, s storage.Store) {
	c := ctx(t)
	at := day(2024, 1, 8, 0)
	const user = 500
	ok(t, s.PutMember(c, storage.Member{UserID: user, Name: "Leaving", Party: storage.Azerbaijan}))
	ok(t, s.PutConversation(c, storage.Conversation{UserID: user, Step: "name", Updated: time.Now()}))
	self := contact(storage.Azerbaijan, "Leaving", "me@customs.az", user)
	self.TelegramUserID = user
	mine := must(s.Nominate(c, self))(t)
	pending := must(s.Nominate(c, contact(storage.Azerbaijan, "Other", "other@customs.az", user)))(t)
	kept := must(s.Nominate(c, contact(storage.Azerbaijan, "Kept", "kept@customs.az", user)))(t)
	must(s.DecideContact(c, kept.ID, true, 1, at))(t)
	f := must(s.ForgetUser(c, user, "", at))(t)
	if !f.Member || !f.Conversation || !slices.Equal(f.Contacts, []int64{mine.ID}) ||
		!slices.Equal(f.Nominations, []int64{pending.ID}) || !slices.Equal(f.Unlinked, []int64{kept.ID}) {
		t.Errorf("Forgotten = %+v", f)
	}
	if k := must(s.Contact(c, kept.ID))(t); k.NominatedBy != 0 || k.Status != storage.ContactApproved {
		t.Errorf("kept contact %+v", k)
	}
	if _, err := s.Member(c, user); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("member after forget: %v", err)
	}
	// Their e-mails are free again.
	must(s.Nominate(c, contact(storage.Azerbaijan, "New", "me@customs.az", 1)))(t)
	if f := must(s.ForgetUser(c, user, "", at))(t); !f.Empty() {
		t.Errorf("second forget: %+v", f)
	}
}

func testConversations(t *testing.T, s storage.Store) {
	c := ctx(t)
	old := time.Now().Add(-2 * time.Hour)
	for i, u := range []int64{1, 2, 3} {
		ok(t, s.PutConversation(c, storage.Conversation{UserID: u, Step: "email", Updated: old.Add(time.Duration(i) * time.Minute)}))
	}
	got := must(s.Conversation(c, 2))(t)
	if got.Step != "email" || !got.Updated.Equal(old.Add(time.Minute)) {
		t.Errorf("Conversation = %+v", got)
	}
	ok(t, s.PutConversation(c, storage.Conversation{UserID: 1, Step: "phone", Updated: time.Now()})) // active again
	idle := must(s.IdleConversations(c, time.Now().Add(-time.Hour), 10))(t)
	if !slices.Equal(idle, []int64{2, 3}) {
		t.Errorf("IdleConversations = %v", idle)
	}
	var ends atomic.Int32
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			conv, ended, err := s.EndIdleConversation(c, 2, time.Now().Add(-time.Hour))
			if err != nil {
				t.Error(err)
			}
			if ended {
				ends.Add(1)
				if conv.Step != "email" {
					t.Errorf("ended conversation %+v", conv)
				}
			}
		})
	}
	wg.Wait()
	if ends.Load() != 1 {
		t.Errorf("%d callers ended one conversation", ends.Load())
	}
	if _, ended, _ := s.EndIdleConversation(c, 1, time.Now().Add(-time.Hour)); ended {
		t.Error("ended an active conversation")
	}
	if !must(s.EndConversation(c, 3))(t) || must(s.EndConversation(c, 3))(t) {
		t.Error("EndConversation: want true then false")
	}
	if _, err := s.Conversation(c, 3); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("ended conversation: %v", err)
	}
}

func testImports(t *testing.T, s storage.Store) {
	c := ctx(t)
	u := storage.Upload{ID: "up1", FileName: "minutes.pdf", Title: "13th WG", Tasks: []storage.Task{newTask("From minutes", storage.Turkiye)}, By: 1, At: day(2024, 4, 1, 0)}
	ok(t, s.PutUpload(c, u, time.Hour))
	sameJSON(t, "upload", must(s.GetUpload(c, "up1"))(t), u)
	if _, err := s.GetUpload(c, "nope"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("GetUpload of none: %v", err)
	}
	var created atomic.Int32
	var wg sync.WaitGroup
	for i := range 5 {
		wg.Go(func() {
			_, made, err := s.ClaimImport(c, storage.Import{ID: "up1", Title: "13th WG", By: int64(i), At: day(2024, 4, 2, 0)})
			if err != nil {
				t.Error(err)
			}
			if made {
				created.Add(1)
			}
		})
	}
	wg.Wait()
	if created.Load() != 1 {
		t.Errorf("%d claims of one import", created.Load())
	}
	ok(t, s.PutImport(c, storage.Import{ID: "up0", Title: "older", At: day(2024, 3, 1, 0)}))
	imp := must(s.GetImport(c, "up1"))(t)
	imp.Undone, imp.UndoneBy = true, 9
	ok(t, s.PutImport(c, imp))
	list := must(s.ListImports(c))(t)
	if len(list) != 2 || list[0].ID != "up1" || !list[0].Undone {
		t.Errorf("ListImports = %+v", list)
	}
	ok(t, s.AddMeeting(c, storage.Meeting{ID: "wg13", Title: "13th WG", Date: date(t, "2024-04-01")}))
	if ms := must(s.Meetings(c))(t); len(ms) != 1 || ms[0].ID != "wg13" {
		t.Errorf("Meetings = %+v", ms)
	}
	if !must(s.DeleteMeeting(c, "wg13"))(t) || must(s.DeleteMeeting(c, "wg13"))(t) {
		t.Error("DeleteMeeting: want true then false")
	}
}

func testUploadExpires(t *testing.T, s storage.Store) {
	c := ctx(t)
	ok(t, s.PutUpload(c, storage.Upload{ID: "brief"}, 100*time.Millisecond))
	must(s.GetUpload(c, "brief"))(t)
	time.Sleep(250 * time.Millisecond)
	if _, err := s.GetUpload(c, "brief"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("expired upload: %v", err)
	}
}

func inboxOf(t *testing.T, s storage.Store) storage.Inbox {
	in, ok := s.(storage.Inbox)
	if !ok {
		t.Skip("this store has no webhook inbox")
	}
	return in
}

func testInbox(t *testing.T, s storage.Store) {
	in := inboxOf(t, s)
	c := ctx(t)
	now := time.Now()
	raw := []byte(`{"update_id":10}`)
	if !must(in.InboxPut(c, 10, raw, now, now.Add(time.Minute)))(t) {
		t.Fatal("first put refused")
	}
	if must(in.InboxPut(c, 10, raw, now, now.Add(time.Minute)))(t) {
		t.Error("a redelivery was kept twice")
	}
	ok(t, s.MarkHandled(c, 11))
	if must(in.InboxPut(c, 11, raw, now, now))(t) {
		t.Error("a handled update was kept")
	}
	must(in.InboxPut(c, 12, []byte(`{"update_id":12}`), now, now.Add(-time.Second)))(t)
	if n := must(in.InboxLen(c))(t); n != 2 {
		t.Errorf("InboxLen = %d", n)
	}
	due := must(in.InboxDue(c, now, now.Add(time.Minute), now.Add(-time.Hour), 10))(t)
	if len(due) != 1 || due[0].UpdateID != 12 || string(due[0].Raw) != `{"update_id":12}` {
		t.Fatalf("InboxDue = %+v", due)
	}
	if again := must(in.InboxDue(c, now, now.Add(time.Minute), now.Add(-time.Hour), 10))(t); len(again) != 0 {
		t.Errorf("offered twice within its visibility: %+v", again)
	}
	later := must(in.InboxDue(c, now.Add(2*time.Minute), now.Add(3*time.Minute), now.Add(-time.Hour), 10))(t)
	if len(later) != 2 || later[0].UpdateID != 10 {
		t.Errorf("both offered later, oldest first: %+v", later)
	}
	// Finishing without the handled mark keeps the update; with it, drops it.
	ok(t, in.FinishUpdate(c, 12, "tok", false))
	if n := must(in.InboxLen(c))(t); n != 2 {
		t.Errorf("unhandled update dropped: %d left", n)
	}
	ok(t, s.MarkHandled(c, 12))
	ok(t, in.FinishUpdate(c, 12, "tok", false))
	if n := must(in.InboxLen(c))(t); n != 1 {
		t.Errorf("handled update kept: %d left", n)
	}
	// An update that waited for a day is dropped.
	if got := must(in.InboxDue(c, now.Add(48*time.Hour), now.Add(49*time.Hour), now.Add(24*time.Hour), 10))(t); len(got) != 0 {
		t.Errorf("expired update offered: %+v", got)
	}
	if n := must(in.InboxLen(c))(t); n != 0 {
		t.Errorf("expired update kept: %d", n)
	}
	// Finishing as handled marks the update in the same step and drops it;
	// a second run (a retry whose first reply was lost) changes nothing.
	must(in.InboxPut(c, 13, []byte(`{"update_id":13}`), now, now))(t)
	for range 2 {
		ok(t, in.FinishUpdate(c, 13, "tok", true))
		if n := must(in.InboxLen(c))(t); n != 0 {
			t.Errorf("update finished as handled kept: %d left", n)
		}
		if sess := must(s.Session(c, 13, 0, 0))(t); !sess.Seen {
			t.Error("update finished as handled is not marked handled")
		}
	}
}

// The finish of one update and the session of the next: the finish is done
// (marked, released, dropped from the inbox) and the session is the next
// update's, not the finished one's.
func testFinishThenSession(t *testing.T, s storage.Store) {
	in := inboxOf(t, s)
	fs, canFinish := s.(storage.FinishingSession)
	if !canFinish {
		t.Fatal("the store cannot finish an update with the next session")
	}
	c := ctx(t)
	now := time.Now()
	for _, u := range []int64{30, 31} {
		must(in.InboxPut(c, u, []byte(fmt.Sprintf(`{"update_id":%d}`, u)), now, now))(t)
	}
	if !must(in.ClaimUpdate(c, 30, "poll:30", time.Minute))(t) {
		t.Fatal("claim")
	}
	ok(t, s.PutMember(c, storage.Member{UserID: 77, Name: "Aysel", Party: storage.Azerbaijan}))
	for range 2 { // the second is a retry whose first reply was lost
		sess, finished, err := fs.FinishThenSession(c, storage.Finish{UpdateID: 30, Token: "poll:30", Handled: true}, 31, 77, 0)
		ok(t, finished)
		ok(t, err)
		if sess.Seen || sess.Member == nil || sess.Member.Party != storage.Azerbaijan {
			t.Errorf("the next update's session: %+v", sess)
		}
		if n := must(in.InboxLen(c))(t); n != 1 {
			t.Errorf("%d updates wait, want the next one only", n)
		}
	}
	if !must(s.Session(c, 30, 0, 0))(t).Seen {
		t.Error("the finished update is not marked handled")
	}
	if !must(in.ClaimUpdate(c, 30, "other", time.Minute))(t) {
		t.Error("the finished update's claim was not released")
	}
	// Finished unhandled (its session failed), it stays to be offered again.
	_, finished, err := fs.FinishThenSession(c, storage.Finish{UpdateID: 31, Token: "x"}, 32, 0, 0)
	ok(t, finished)
	ok(t, err)
	if n := must(in.InboxLen(c))(t); n != 1 {
		t.Errorf("an update finished unhandled left the inbox: %d wait", n)
	}
}

func testInboxClaimOnce(t *testing.T, s storage.Store) {
	in := inboxOf(t, s)
	c := ctx(t)
	var wins atomic.Int32
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Go(func() {
			got, err := in.ClaimUpdate(c, 20, fmt.Sprint("instance-", i), time.Minute)
			if err != nil {
				t.Error(err)
			}
			if got {
				wins.Add(1)
			}
		})
	}
	wg.Wait()
	if wins.Load() != 1 {
		t.Fatalf("%d claims of one update", wins.Load())
	}
	first := must(in.ClaimUpdate(c, 21, "a", time.Minute))(t)
	again := must(in.ClaimUpdate(c, 21, "a", time.Minute))(t)
	if !first || !again {
		t.Error("the holder's own claim again must succeed (a retried SET NX)")
	}
	ok(t, in.FinishUpdate(c, 21, "b", false)) // not b's: stays
	if must(in.ClaimUpdate(c, 21, "c", time.Minute))(t) {
		t.Error("a claim released by another token")
	}
	ok(t, in.FinishUpdate(c, 21, "a", false))
	if !must(in.ClaimUpdate(c, 21, "c", time.Minute))(t) {
		t.Error("a released claim could not be taken")
	}
	if !must(in.ClaimUpdate(c, 22, "a", 50*time.Millisecond))(t) {
		t.Fatal("claim")
	}
	time.Sleep(150 * time.Millisecond)
	if !must(in.ClaimUpdate(c, 22, "b", time.Minute))(t) {
		t.Error("an expired claim could not be taken")
	}
}

// An alert scheduled again while it is claimed (its task's deadline changed)
// keeps the earlier time when the claim completes; a later one does not win
// over the completion's next time either.
func testAlertRescheduledWhileClaimed(t *testing.T, s storage.Store) {
	c := ctx(t)
	now := day(2024, 2, 16, 9)
	for _, task := range []int64{1, 2} {
		ok(t, s.ScheduleAlert(c, task, -100, now))
	}
	claimed := must(s.ClaimDueAlerts(c, now, 5*time.Minute, 10))(t)
	if len(claimed) != 2 {
		t.Fatalf("claimed %d", len(claimed))
	}
	ok(t, s.ScheduleAlert(c, 1, -100, day(2024, 2, 19, 9))) // brought forward
	ok(t, s.ScheduleAlert(c, 2, -100, day(2024, 4, 17, 9))) // pushed back
	for _, a := range claimed {
		ok(t, s.CompleteAlert(c, a, []string{"14"}, day(2024, 2, 23, 9)))
	}
	if next := must(s.NextAlert(c))(t); !next.Equal(day(2024, 2, 19, 9)) {
		t.Errorf("NextAlert = %v, want the rescheduled earlier time", next)
	}
	got := must(s.ClaimDueAlerts(c, day(2024, 2, 23, 9), time.Minute, 10))(t)
	if len(got) != 2 || got[0].TaskID != 1 || !got[0].At.Equal(day(2024, 2, 19, 9)) ||
		got[1].TaskID != 2 || !got[1].At.Equal(day(2024, 2, 23, 9)) {
		t.Errorf("after completion: %+v", got)
	}
}

// The copies of a notice come back in order, per key.
func testNoticeCopies(t *testing.T, s storage.Store) {
	c := ctx(t)
	if got := must(s.Notices(c, "acc:1"))(t); len(got) != 0 {
		t.Fatalf("an unknown notice has copies: %+v", got)
	}
	want := []storage.NoticeCopy{{ChatID: 1001, MessageID: 7}, {ChatID: 1002, MessageID: 9}}
	for _, n := range want {
		if err := s.AddNotice(c, "acc:1", n); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.AddNotice(c, "ctc:1", storage.NoticeCopy{ChatID: 1001, MessageID: 8}); err != nil {
		t.Fatal(err)
	}
	got := must(s.Notices(c, "acc:1"))(t)
	if len(got) != 2 || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("copies %+v, want %+v", got, want)
	}
}

// A nomination refused as a duplicate uses no number (issue 10: "nomination
// numbers skip").
func testNominationNumbersDoNotSkip(t *testing.T, s storage.Store) {
	c := ctx(t)
	a := must(s.Nominate(c, contact(storage.Uzbekistan, "Aziz", "aziz@customs.uz", 10)))(t)
	for range 3 {
		if _, err := s.Nominate(c, contact(storage.Turkiye, "Bora", "AZIZ@customs.uz", 11)); !errors.Is(err, storage.ErrDuplicateEmail) {
			t.Fatalf("duplicate: %v", err)
		}
	}
	if b := must(s.Nominate(c, contact(storage.Turkiye, "Bora", "bora@trade.gov.tr", 11)))(t); b.ID != a.ID+1 {
		t.Errorf("after refused duplicates the next nomination is #%d, want #%d", b.ID, a.ID+1)
	}
}

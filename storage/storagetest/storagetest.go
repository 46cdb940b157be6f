// Package storagetest is the conformance suite of the storage.Store contract.
// It is written once against the interface so that every backend (Redis, and
// any embedded one added later) runs the very same checks:
//
//	func TestConformance(t *testing.T) {
//		storagetest.Run(t, func(t *testing.T) storage.Store { return openFresh(t) })
//	}
package storagetest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/storage"
	"github.com/ots-customs/wgbot/storage/seed"
)

// Run runs every check of the Store contract as a parallel subtest. open must
// return a fresh, empty store of its own (a unique prefix, a temporary file...)
// and arrange for it to be closed with t.Cleanup.
func Run(t *testing.T, open func(t *testing.T) storage.Store) {
	t.Helper()
	tests := []struct {
		name string
		fn   func(t *testing.T, s storage.Store)
	}{
		{"Ping", testPing},
		{"EmptyStore", testEmptyStore},
		{"LoadSeedOnce", testLoadSeedOnce},
		{"LoadSeedKeepsEdits", testLoadSeedKeepsEdits},
		{"MeetingsLatestFirst", testMeetingsLatestFirst},
		{"TasksSoonestFirst", testTasksSoonestFirst},
		{"TaskNotFound", testTaskNotFound},
		{"Session", testSession},
		{"Offset", testOffset},
		{"OffsetConcurrent", testOffsetConcurrent},
		{"Members", testMembers},
		{"RemoveMember", testRemoveMember},
		{"RequestAccessDedupe", testRequestAccessDedupe},
		{"DecideApprove", testDecideApprove},
		{"DecideReject", testDecideReject},
		{"DecideTwice", testDecideTwice},
		{"DecideConcurrent", testDecideConcurrent},
		{"DecideWithoutRequest", testDecideWithoutRequest},
		{"PendingRequests", testPendingRequests},
		{"TextRoundTrip", testTextRoundTrip},
		{"ResultsAreCopies", testResultsAreCopies},
	}
	tests = append(tests, featureTests()...)  // features.go
	tests = append(tests, recordTests()...)   // records.go (issue 15)
	tests = append(tests, settingsTests()...) // settings.go (issue 13)
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.fn(t, open(t))
		})
	}
}

// ctx bounds every call of a check, so a hanging backend fails the test
// instead of the whole binary's timeout.
func ctx(t *testing.T) context.Context {
	c, cancel := context.WithTimeout(t.Context(), 20*time.Second)
	t.Cleanup(cancel)
	return c
}

// must returns v, failing the test when err is set: must(s.Tasks(ctx))(t).
func must[T any](v T, err error) func(t *testing.T) T {
	return func(t *testing.T) T {
		t.Helper()
		if err != nil {
			t.Fatalf("unexpected error: %v", err)
		}
		return v
	}
}

func ok(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("unexpected error: %v", err)
	}
}

// day is a fixed instant in UTC; stores keep times, and Equal compares them.
func day(y int, m time.Month, d, hour int) time.Time {
	return time.Date(y, m, d, hour, 0, 0, 0, time.UTC)
}

func date(t *testing.T, s string) storage.Date {
	t.Helper()
	d, err := storage.ParseDate(s)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// sameJSON compares two values by their JSON form: what a store keeps, and what
// must come back, independent of nil-vs-empty slices or time locations.
func sameJSON(t *testing.T, what string, got, want any) {
	t.Helper()
	g, err := json.Marshal(got)
	if err != nil {
		t.Fatal(err)
	}
	w, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	if string(g) != string(w) {
		// Show where they part, not two pages of JSON.
		i := 0
		for i < len(g) && i < len(w) && g[i] == w[i] {
			i++
		}
		from := max(0, i-120)
		t.Errorf("%s differs at byte %d:\n got …%s…\nwant …%s…", what, i,
			g[from:min(len(g), i+120)], w[from:min(len(w), i+120)])
	}
}

func tashkent(t *testing.T) storage.Seed {
	t.Helper()
	s, err := seed.Tashkent()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func sortedTasks(ts []storage.Task) []storage.Task {
	out := slices.Clone(ts)
	storage.SortByDeadline(out)
	return out
}

func taskIDs(ts []storage.Task) []int64 {
	ids := make([]int64, len(ts))
	for i, t := range ts {
		ids[i] = t.ID
	}
	return ids
}

func testPing(t *testing.T, s storage.Store) {
	ok(t, s.Ping(ctx(t)))
}

func testEmptyStore(t *testing.T, s storage.Store) {
	c := ctx(t)
	if ms := must(s.Meetings(c))(t); len(ms) != 0 {
		t.Errorf("Meetings of an empty store: %d", len(ms))
	}
	if ts := must(s.Tasks(c))(t); len(ts) != 0 {
		t.Errorf("Tasks of an empty store: %d", len(ts))
	}
	if ms := must(s.Members(c))(t); len(ms) != 0 {
		t.Errorf("Members of an empty store: %d", len(ms))
	}
	if rs := must(s.PendingRequests(c))(t); len(rs) != 0 {
		t.Errorf("PendingRequests of an empty store: %d", len(rs))
	}
	if _, err := s.Member(c, 1); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("Member of an empty store: %v, want ErrNotFound", err)
	}
	if _, err := s.AccessRequest(c, 1); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("AccessRequest of an empty store: %v, want ErrNotFound", err)
	}
}

func testLoadSeedOnce(t *testing.T, s storage.Store) {
	c := ctx(t)
	sd := tashkent(t)
	loaded := must(s.LoadSeed(c, sd))(t)
	if !loaded {
		t.Fatal("first LoadSeed reported false")
	}
	sameJSON(t, "tasks after LoadSeed", must(s.Tasks(c))(t), sortedTasks(sd.Tasks))
	if ms := must(s.Meetings(c))(t); len(ms) != len(sd.Meetings) {
		t.Errorf("%d meetings after LoadSeed, want %d", len(ms), len(sd.Meetings))
	}
	for _, want := range sd.Tasks {
		sameJSON(t, fmt.Sprintf("task %d", want.ID), must(s.Task(c, want.ID))(t), want)
	}

	// The same seed again, and a changed one: neither is loaded.
	if must(s.LoadSeed(c, sd))(t) {
		t.Error("second LoadSeed of the same seed reported true")
	}
	changed := tashkent(t)
	changed.Version += "-changed"
	changed.Tasks[0].Title = "Overwritten"
	changed.Tasks = append(changed.Tasks, storage.Task{ID: 999, MeetingID: "wg12", Title: "Extra",
		Parties: []storage.Party{storage.Turkiye}})
	changed.Meetings[0].Title = "Overwritten"
	if must(s.LoadSeed(c, changed))(t) {
		t.Error("LoadSeed of a newer seed over a loaded one reported true")
	}
	sameJSON(t, "tasks after second LoadSeed", must(s.Tasks(c))(t), sortedTasks(sd.Tasks))
	if _, err := s.Task(c, 999); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("task of the second seed: %v, want ErrNotFound", err)
	}
	for _, m := range must(s.Meetings(c))(t) {
		if m.Title == "Overwritten" {
			t.Errorf("meeting %s overwritten by a second LoadSeed", m.ID)
		}
	}
}

func testLoadSeedKeepsEdits(t *testing.T, s storage.Store) {
	c := ctx(t)
	sd := tashkent(t)
	kept := storage.Member{UserID: 10, Name: "Kept", Party: storage.Uzbekistan}
	gone := storage.Member{UserID: 11, Name: "Gone", Party: storage.Kazakhstan}
	ok(t, s.PutMember(c, kept))
	ok(t, s.PutMember(c, gone))
	if !must(s.LoadSeed(c, sd))(t) {
		t.Fatal("first LoadSeed reported false")
	}
	if !must(s.RemoveMember(c, gone.UserID))(t) {
		t.Fatal("RemoveMember of an existing member reported false")
	}
	kept.Name = "Kept, renamed"
	ok(t, s.PutMember(c, kept))

	if must(s.LoadSeed(c, sd))(t) {
		t.Error("second LoadSeed reported true")
	}
	sameJSON(t, "members after second LoadSeed", must(s.Members(c))(t), []storage.Member{kept})
	if _, err := s.Member(c, gone.UserID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("removed member after second LoadSeed: %v, want ErrNotFound", err)
	}
	sameJSON(t, "tasks after second LoadSeed", must(s.Tasks(c))(t), sortedTasks(sd.Tasks))
}

func testMeetingsLatestFirst(t *testing.T, s storage.Store) {
	c := ctx(t)
	meeting := func(id, d string, order int) storage.Meeting {
		return storage.Meeting{ID: id, Title: "Meeting " + id, Short: id, Date: date(t, d), Place: "Baku",
			Agenda: []storage.AgendaItem{{Number: "1", Title: "Opening"}}, Order: order}
	}
	sd := storage.Seed{Version: "test", Meetings: []storage.Meeting{
		meeting("sameday-low", "2023-12-11", 1),
		meeting("older", "2022-01-05", 9),
		meeting("newest", "2024-06-01", 0),
		meeting("sameday-high", "2023-12-11", 2),
		meeting("oldest", "2021-12-31", 0),
		meeting("prev-year-end", "2023-12-10", 5),
	}}
	if !must(s.LoadSeed(c, sd))(t) {
		t.Fatal("LoadSeed reported false")
	}
	var got []string
	for _, m := range must(s.Meetings(c))(t) {
		got = append(got, m.ID)
	}
	want := []string{"newest", "sameday-high", "sameday-low", "prev-year-end", "older", "oldest"}
	if !slices.Equal(got, want) {
		t.Errorf("Meetings order %v, want latest first %v", got, want)
	}
}

func testTasksSoonestFirst(t *testing.T, s storage.Store) {
	c := ctx(t)
	task := func(id int64, due string) storage.Task {
		tk := storage.Task{ID: id, MeetingID: "m", Title: fmt.Sprintf("Task %d", id),
			Parties: []storage.Party{storage.Turkiye}}
		if due != "" {
			tk.Deadline = storage.Deadline{Due: date(t, due), Precision: storage.PrecisionDay, Text: "by " + due}
		}
		return tk
	}
	sd := storage.Seed{Version: "test",
		Meetings: []storage.Meeting{{ID: "m", Title: "M", Date: date(t, "2023-12-11"),
			Agenda: []storage.AgendaItem{{Number: "1", Title: "x"}}}},
		Tasks: []storage.Task{
			task(5, ""), task(1, "2024-03-01"), task(2, ""), task(3, "2023-12-31"),
			task(4, "2024-03-01"), task(6, "2024-02-29"), task(7, "2025-01-01"),
		}}
	if !must(s.LoadSeed(c, sd))(t) {
		t.Fatal("LoadSeed reported false")
	}
	got := taskIDs(must(s.Tasks(c))(t))
	want := []int64{3, 6, 1, 4, 7, 2, 5}
	if !slices.Equal(got, want) {
		t.Errorf("Tasks order %v, want soonest deadline first, undated last %v", got, want)
	}
}

func testTaskNotFound(t *testing.T, s storage.Store) {
	c := ctx(t)
	if _, err := s.Task(c, 42); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("Task in an empty store: %v, want ErrNotFound", err)
	}
	if !must(s.LoadSeed(c, tashkent(t)))(t) {
		t.Fatal("LoadSeed reported false")
	}
	for _, id := range []int64{0, -1, 1000000} {
		_, err := s.Task(c, id)
		if !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("Task(%d): %v, want ErrNotFound", id, err)
		}
		if errors.Is(err, storage.ErrUnavailable) {
			t.Errorf("Task(%d): a missing task must not look like an outage: %v", id, err)
		}
	}
}

func testSession(t *testing.T, s storage.Store) {
	c := ctx(t)
	const user, other, group, otherGroup = 7, 8, -1001234567890, -42
	got := must(s.Session(c, 100, user, group))(t)
	if got.Seen || got.Member != nil || got.GroupEnabled {
		t.Errorf("Session of an empty store: %+v, want zero", got)
	}

	ok(t, s.MarkHandled(c, 100))
	if !must(s.Session(c, 100, user, group))(t).Seen {
		t.Error("update 100 not Seen after MarkHandled")
	}
	if must(s.Session(c, 101, user, group))(t).Seen {
		t.Error("update 101 Seen though only 100 was handled")
	}
	ok(t, s.MarkHandled(c, 100)) // a redelivery marked twice is fine
	if !must(s.Session(c, 100, user, user))(t).Seen {
		t.Error("update 100 not Seen after a second MarkHandled")
	}

	m := storage.Member{UserID: user, Name: "Ayşe", Username: "ayse", Party: storage.Turkiye,
		ApprovedBy: 1, Since: day(2024, 1, 2, 10)}
	ok(t, s.PutMember(c, m))
	got = must(s.Session(c, 102, user, user))(t)
	if got.Member == nil {
		t.Fatal("Session Member nil for a member")
	}
	sameJSON(t, "Session Member", *got.Member, m)
	if !got.Member.Since.Equal(m.Since) {
		t.Errorf("Member.Since %v, want %v", got.Member.Since, m.Since)
	}
	if got := must(s.Session(c, 102, other, other))(t); got.Member != nil {
		t.Errorf("Session Member %+v for a stranger, want nil", *got.Member)
	}

	ok(t, s.SetGroupEnabled(c, group, true))
	if !must(s.Session(c, 103, user, group))(t).GroupEnabled {
		t.Error("group not enabled after SetGroupEnabled(true)")
	}
	if must(s.Session(c, 103, user, otherGroup))(t).GroupEnabled {
		t.Error("another group enabled")
	}
	if must(s.Session(c, 103, user, user))(t).GroupEnabled {
		t.Error("a private chat (positive id) reported as an enabled group")
	}
	ok(t, s.SetGroupEnabled(c, group, true)) // enabling twice is fine
	ok(t, s.SetGroupEnabled(c, otherGroup, true))
	ok(t, s.SetGroupEnabled(c, group, false))
	if must(s.Session(c, 104, user, group))(t).GroupEnabled {
		t.Error("group still enabled after SetGroupEnabled(false)")
	}
	if !must(s.Session(c, 104, user, otherGroup))(t).GroupEnabled {
		t.Error("disabling one group disabled another")
	}
	ok(t, s.SetGroupEnabled(c, group, false)) // disabling a disabled group is fine
}

func testOffset(t *testing.T, s storage.Store) {
	c := ctx(t)
	if got := must(s.Offset(c))(t); got != 0 {
		t.Fatalf("Offset of an empty store %d, want 0", got)
	}
	for _, step := range []struct{ set, want int64 }{
		{10, 10}, {5, 10}, {10, 10}, {0, 10}, {11, 11}, {-3, 11}, {987654321012, 987654321012}, {987654321011, 987654321012},
	} {
		ok(t, s.SetOffset(c, step.set))
		if got := must(s.Offset(c))(t); got != step.want {
			t.Errorf("after SetOffset(%d): Offset %d, want %d", step.set, got, step.want)
		}
	}
}

func testOffsetConcurrent(t *testing.T, s storage.Store) {
	c := ctx(t)
	var wg sync.WaitGroup
	for i := int64(1); i <= 40; i++ {
		wg.Go(func() {
			if err := s.SetOffset(c, 1000+(i*7)%40); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if got := must(s.Offset(c))(t); got != 1039 {
		t.Errorf("Offset after concurrent SetOffset %d, want the highest, 1039", got)
	}
}

func testMembers(t *testing.T, s storage.Store) {
	c := ctx(t)
	members := []storage.Member{
		{UserID: 1, Name: "Zeynep", Party: storage.Turkiye},
		{UserID: 2, Name: "Bakhtiyor", Party: storage.Uzbekistan},
		{UserID: 3, Name: "Ali", Party: storage.Turkiye},
		{UserID: 4, Name: "Admin"}, // no Party yet
		{UserID: 5, Name: "Elnur", Party: storage.Azerbaijan},
		{UserID: 6, Name: "Aidana", Party: storage.Kazakhstan},
		{UserID: 7, Name: "Secretary", Party: storage.Secretariat},
		{UserID: 8, Name: "Bence", Party: storage.Hungary},
		{UserID: 9, Name: "Azamat", Party: storage.Kyrgyzstan},
	}
	for _, m := range members {
		ok(t, s.PutMember(c, m))
	}
	got := must(s.Members(c))(t)
	if len(got) != len(members) {
		t.Fatalf("%d members, want %d", len(got), len(members))
	}
	sorted := slices.IsSortedFunc(got, func(a, b storage.Member) int {
		if a.Party != b.Party {
			if a.Party < b.Party {
				return -1
			}
			return 1
		}
		switch {
		case a.Name < b.Name:
			return -1
		case a.Name > b.Name:
			return 1
		}
		return 0
	})
	if !sorted {
		t.Errorf("Members not sorted by Party then name: %v", got)
	}
	var turkish []string
	for _, m := range got {
		if m.Party == storage.Turkiye {
			turkish = append(turkish, m.Name)
		}
	}
	if want := []string{"Ali", "Zeynep"}; !slices.Equal(turkish, want) {
		t.Errorf("Türkiye's members %q, want %q", turkish, want)
	}
	if got[0].UserID != 4 {
		t.Errorf("first member %+v, want the one without a Party", got[0])
	}

	// PutMember replaces.
	ok(t, s.PutMember(c, storage.Member{UserID: 3, Name: "Ali Veli", Party: storage.Uzbekistan}))
	got = must(s.Members(c))(t)
	if len(got) != len(members) {
		t.Fatalf("%d members after replacing one, want %d", len(got), len(members))
	}
	m := must(s.Member(c, 3))(t)
	if m.Name != "Ali Veli" || m.Party != storage.Uzbekistan {
		t.Errorf("replaced member %+v", m)
	}
}

func testRemoveMember(t *testing.T, s storage.Store) {
	c := ctx(t)
	if must(s.RemoveMember(c, 5))(t) {
		t.Error("RemoveMember of a stranger reported true")
	}
	ok(t, s.PutMember(c, storage.Member{UserID: 5, Name: "E", Party: storage.Azerbaijan}))
	ok(t, s.PutMember(c, storage.Member{UserID: 6, Name: "F", Party: storage.Azerbaijan}))
	if !must(s.RemoveMember(c, 5))(t) {
		t.Error("RemoveMember of a member reported false")
	}
	if must(s.RemoveMember(c, 5))(t) {
		t.Error("second RemoveMember reported true")
	}
	if _, err := s.Member(c, 5); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("removed member: %v, want ErrNotFound", err)
	}
	if got := must(s.Session(c, 1, 5, 5))(t); got.Member != nil {
		t.Error("Session still shows the removed member")
	}
	if got := must(s.Members(c))(t); len(got) != 1 || got[0].UserID != 6 {
		t.Errorf("Members after RemoveMember: %+v", got)
	}
}

func testRequestAccessDedupe(t *testing.T, s storage.Store) {
	c := ctx(t)
	first := storage.AccessRequest{UserID: 5, Name: "Aigerim", Username: "aigerim", Party: storage.Kazakhstan,
		Requested: day(2024, 2, 1, 9)}
	got, created := must2(t)(s.RequestAccess(c, first))
	if !created {
		t.Fatal("first RequestAccess not created")
	}
	if got.Status != storage.RequestPending || got.Party != storage.Kazakhstan || got.Name != first.Name ||
		!got.Requested.Equal(first.Requested) {
		t.Errorf("created request %+v", got)
	}

	second := storage.AccessRequest{UserID: 5, Name: "Someone else", Party: storage.Turkiye,
		Requested: day(2024, 2, 2, 9)}
	got, created = must2(t)(s.RequestAccess(c, second))
	if created {
		t.Error("second pending RequestAccess created")
	}
	if got.Name != first.Name || got.Party != first.Party || !got.Requested.Equal(first.Requested) ||
		got.Status != storage.RequestPending {
		t.Errorf("second RequestAccess returned %+v, want the existing one", got)
	}
	stored := must(s.AccessRequest(c, 5))(t)
	if stored.Name != first.Name || stored.Party != first.Party {
		t.Errorf("stored request %+v, want the first", stored)
	}
	if n := len(must(s.PendingRequests(c))(t)); n != 1 {
		t.Errorf("%d pending requests, want 1", n)
	}

	// A caller cannot smuggle in a decided request: it is recorded as pending.
	sneaky := storage.AccessRequest{UserID: 6, Name: "Sneaky", Party: storage.Turkiye,
		Status: storage.RequestApproved, Requested: day(2024, 2, 3, 9)}
	got, created = must2(t)(s.RequestAccess(c, sneaky))
	if !created || got.Status != storage.RequestPending {
		t.Errorf("RequestAccess with Status approved: created %v, %+v; want a pending request", created, got)
	}
	if _, err := s.Member(c, 6); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("RequestAccess made a member: %v", err)
	}

	// After a decision, a new request can be made.
	must(s.DecideAccess(c, 5, false, 99, day(2024, 2, 4, 9)))(t)
	third := storage.AccessRequest{UserID: 5, Name: "Aigerim", Party: storage.Kyrgyzstan, Requested: day(2024, 2, 5, 9)}
	got, created = must2(t)(s.RequestAccess(c, third))
	if !created {
		t.Fatal("RequestAccess after a rejection not created")
	}
	if got.Party != storage.Kyrgyzstan || got.Status != storage.RequestPending || got.DecidedBy != 0 {
		t.Errorf("new request %+v", got)
	}
	if latest := must(s.AccessRequest(c, 5))(t); latest.Party != storage.Kyrgyzstan || latest.Status != storage.RequestPending {
		t.Errorf("AccessRequest after a new request %+v, want the latest", latest)
	}
	must(s.DecideAccess(c, 5, true, 99, day(2024, 2, 6, 9)))(t)
	if m := must(s.Member(c, 5))(t); m.Party != storage.Kyrgyzstan {
		t.Errorf("member approved from the second request has Party %q, want KG", m.Party)
	}
}

// must2 unpacks RequestAccess results.
func must2(t *testing.T) func(storage.AccessRequest, bool, error) (storage.AccessRequest, bool) {
	return func(r storage.AccessRequest, created bool, err error) (storage.AccessRequest, bool) {
		t.Helper()
		if err != nil {
			t.Fatalf("RequestAccess: %v", err)
		}
		return r, created
	}
}

func request(t *testing.T, s storage.Store, userID int64, p storage.Party, at time.Time) storage.AccessRequest {
	t.Helper()
	r, created := must2(t)(s.RequestAccess(ctx(t), storage.AccessRequest{UserID: userID,
		Name: fmt.Sprintf("User %d", userID), Username: fmt.Sprintf("user%d", userID), Party: p, Requested: at}))
	if !created {
		t.Fatalf("request of %d not created", userID)
	}
	return r
}

func testDecideApprove(t *testing.T, s storage.Store) {
	c := ctx(t)
	request(t, s, 5, storage.Uzbekistan, day(2024, 3, 1, 8))
	at := day(2024, 3, 2, 12)
	got := must(s.DecideAccess(c, 5, true, 99, at))(t)
	if got.Status != storage.RequestApproved || got.DecidedBy != 99 || !got.Decided.Equal(at) || got.Party != storage.Uzbekistan {
		t.Errorf("approved request %+v", got)
	}
	m := must(s.Member(c, 5))(t)
	want := storage.Member{UserID: 5, Name: "User 5", Username: "user5", Party: storage.Uzbekistan, ApprovedBy: 99, Since: at}
	sameJSON(t, "approved member", m, want)
	if stored := must(s.AccessRequest(c, 5))(t); stored.Status != storage.RequestApproved || stored.DecidedBy != 99 {
		t.Errorf("stored request after approval %+v", stored)
	}
	if n := len(must(s.PendingRequests(c))(t)); n != 0 {
		t.Errorf("%d pending requests after approval, want 0", n)
	}
}

func testDecideReject(t *testing.T, s storage.Store) {
	c := ctx(t)
	request(t, s, 5, storage.Hungary, day(2024, 3, 1, 8))
	at := day(2024, 3, 2, 12)
	got := must(s.DecideAccess(c, 5, false, 98, at))(t)
	if got.Status != storage.RequestRejected || got.DecidedBy != 98 || !got.Decided.Equal(at) {
		t.Errorf("rejected request %+v", got)
	}
	if _, err := s.Member(c, 5); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("member after rejection: %v, want ErrNotFound", err)
	}
	if stored := must(s.AccessRequest(c, 5))(t); stored.Status != storage.RequestRejected {
		t.Errorf("stored request after rejection %+v", stored)
	}
	if n := len(must(s.PendingRequests(c))(t)); n != 0 {
		t.Errorf("%d pending requests after rejection, want 0", n)
	}
}

func testDecideTwice(t *testing.T, s storage.Store) {
	c := ctx(t)
	first := day(2024, 3, 2, 12)

	// Approved, then rejected: the approval stands.
	request(t, s, 5, storage.Turkiye, day(2024, 3, 1, 8))
	must(s.DecideAccess(c, 5, true, 90, first))(t)
	got, err := s.DecideAccess(c, 5, false, 91, first.Add(time.Hour))
	if !errors.Is(err, storage.ErrAlreadyDecided) {
		t.Fatalf("second decision: %v, want ErrAlreadyDecided", err)
	}
	if got.Status != storage.RequestApproved || got.DecidedBy != 90 || !got.Decided.Equal(first) {
		t.Errorf("second decision returned %+v, want the request as first decided", got)
	}
	if _, err := s.Member(c, 5); err != nil {
		t.Errorf("member after a late rejection: %v", err)
	}

	// Rejected, then approved: the rejection stands and no member appears.
	request(t, s, 6, storage.Turkiye, day(2024, 3, 1, 8))
	must(s.DecideAccess(c, 6, false, 90, first))(t)
	got, err = s.DecideAccess(c, 6, true, 91, first.Add(time.Hour))
	if !errors.Is(err, storage.ErrAlreadyDecided) {
		t.Fatalf("second decision: %v, want ErrAlreadyDecided", err)
	}
	if got.Status != storage.RequestRejected || got.DecidedBy != 90 || !got.Decided.Equal(first) {
		t.Errorf("second decision returned %+v, want the request as first decided", got)
	}
	if _, err := s.Member(c, 6); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("member after a late approval of a rejected request: %v, want ErrNotFound", err)
	}
	// The same decision twice is also "already decided".
	if _, err := s.DecideAccess(c, 6, false, 90, first); !errors.Is(err, storage.ErrAlreadyDecided) {
		t.Errorf("repeated rejection: %v, want ErrAlreadyDecided", err)
	}
}

func testDecideConcurrent(t *testing.T, s storage.Store) {
	const deciders = 20
	for round := range 5 {
		c := ctx(t)
		user := int64(100 + round)
		request(t, s, user, storage.Azerbaijan, day(2024, 4, 1, round))
		type result struct {
			by  int64
			req storage.AccessRequest
			err error
		}
		results := make([]result, deciders)
		start := make(chan struct{})
		var wg sync.WaitGroup
		for i := range deciders {
			wg.Go(func() {
				<-start
				by := int64(1000 + i)
				r, err := s.DecideAccess(c, user, i%2 == 0, by, day(2024, 4, 2, i))
				results[i] = result{by, r, err}
			})
		}
		close(start)
		wg.Wait()

		var winners []result
		for _, r := range results {
			switch {
			case r.err == nil:
				winners = append(winners, r)
			case !errors.Is(r.err, storage.ErrAlreadyDecided):
				t.Errorf("round %d: decider %d: %v, want nil or ErrAlreadyDecided", round, r.by, r.err)
			}
		}
		if len(winners) != 1 {
			t.Fatalf("round %d: %d decisions succeeded, want exactly 1", round, len(winners))
		}
		w := winners[0]
		approved := (w.by-1000)%2 == 0
		wantStatus := storage.RequestRejected
		if approved {
			wantStatus = storage.RequestApproved
		}
		if w.req.Status != wantStatus || w.req.DecidedBy != w.by {
			t.Errorf("round %d: winner %d returned %+v", round, w.by, w.req)
		}
		for _, r := range results {
			if r.err != nil && (r.req.Status != wantStatus || r.req.DecidedBy != w.by) {
				t.Errorf("round %d: loser %d got %s by %d, want the winner's %s by %d",
					round, r.by, r.req.Status, r.req.DecidedBy, wantStatus, w.by)
			}
		}
		stored := must(s.AccessRequest(c, user))(t)
		if stored.Status != wantStatus || stored.DecidedBy != w.by {
			t.Errorf("round %d: stored %s by %d, want %s by %d", round, stored.Status, stored.DecidedBy, wantStatus, w.by)
		}
		m, err := s.Member(c, user)
		switch {
		case approved && err != nil:
			t.Errorf("round %d: winner approved but Member: %v", round, err)
		case approved && (m.ApprovedBy != w.by || m.Party != storage.Azerbaijan):
			t.Errorf("round %d: member %+v, want approved by %d for AZ", round, m, w.by)
		case !approved && !errors.Is(err, storage.ErrNotFound):
			t.Errorf("round %d: winner rejected but Member: %+v, %v", round, m, err)
		}
	}
}

func testDecideWithoutRequest(t *testing.T, s storage.Store) {
	c := ctx(t)
	for _, approve := range []bool{true, false} {
		if _, err := s.DecideAccess(c, 77, approve, 1, day(2024, 1, 1, 0)); !errors.Is(err, storage.ErrNotFound) {
			t.Errorf("DecideAccess(approve=%v) without a request: %v, want ErrNotFound", approve, err)
		}
	}
	if _, err := s.Member(c, 77); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("DecideAccess without a request made a member: %v", err)
	}
	if _, err := s.AccessRequest(c, 77); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("DecideAccess without a request made a request: %v", err)
	}
}

func testPendingRequests(t *testing.T, s storage.Store) {
	c := ctx(t)
	request(t, s, 1, storage.Turkiye, day(2024, 5, 3, 0))
	request(t, s, 2, storage.Uzbekistan, day(2024, 5, 1, 0))
	request(t, s, 3, storage.Kazakhstan, day(2024, 5, 2, 0))
	request(t, s, 4, storage.Hungary, day(2024, 4, 30, 0)) // oldest, but decided
	request(t, s, 5, storage.Azerbaijan, day(2024, 4, 29, 0))
	must(s.DecideAccess(c, 4, true, 9, day(2024, 5, 4, 0)))(t)
	must(s.DecideAccess(c, 5, false, 9, day(2024, 5, 4, 0)))(t)

	var got []int64
	for _, r := range must(s.PendingRequests(c))(t) {
		if r.Status != storage.RequestPending {
			t.Errorf("PendingRequests lists %d with status %s", r.UserID, r.Status)
		}
		got = append(got, r.UserID)
	}
	if want := []int64{2, 3, 1}; !slices.Equal(got, want) {
		t.Errorf("PendingRequests %v, want oldest first %v", got, want)
	}
}

// texts are what members and minutes really contain, and what breaks naive
// escaping: HTML (the bot sends HTML), emoji sequences, right-to-left scripts,
// Cyrillic and Turkish letters, combining marks and JSON's awkward characters.
var texts = []string{
	`<b>Bold</b> & <i>"quoted"</i> <a href="https://x.y/?a=1&b=2">link</a> <script>alert('x')</script> &amp; &lt;`,
	"Emoji: 🇹🇷🇺🇿🇰🇿🇰🇬🇦🇿🇭🇺 👩🏽‍💻 ❤️ 🏛",
	"العربية: الأمانة العامة لمنظمة الدول التركية",
	"עברית: שלום עולם",
	"Mixed \u200fRTL\u200e mark \u202bembedding\u202c",
	"Қазақстан Республикасы, Кыргыз Республикасы, Ёжик ЪЬ",
	"Türkiye İstanbul ığüşöç IĞÜŞÖÇ, Oʻzbekiston Gʻ, Azərbaycan",
	"Decomposed: Tu\u0308rkiye, e\u0301",
	"Line\nbreaks\r\nand\ttabs, quotes \" ' ` \\ backslash, \u2028\u2029, \x00nul",
	"Lua-looking: {'ok'} [[x]] %s %d nil pending",
}

func testTextRoundTrip(t *testing.T, s storage.Store) {
	c := ctx(t)
	for i, text := range texts {
		user := int64(i + 1)
		m := storage.Member{UserID: user, Name: text, Username: text, Party: storage.Turkiye}
		ok(t, s.PutMember(c, m))
		if got := must(s.Member(c, user))(t); got.Name != text || got.Username != text {
			t.Errorf("member %d: name %q, want %q", user, got.Name, text)
		}
		if got := must(s.Session(c, user, user, user))(t); got.Member == nil || got.Member.Name != text {
			t.Errorf("Session member %d does not round-trip %q", user, text)
		}

		requester := int64(1000 + i)
		r, _ := must2(t)(s.RequestAccess(c, storage.AccessRequest{UserID: requester, Name: text,
			Username: text, Party: storage.Kazakhstan, Requested: day(2024, 1, 1, i)}))
		if r.Name != text {
			t.Errorf("request %d: name %q, want %q", requester, r.Name, text)
		}
		if got := must(s.AccessRequest(c, requester))(t); got.Name != text {
			t.Errorf("stored request %d: name %q, want %q", requester, got.Name, text)
		}
		must(s.DecideAccess(c, requester, true, 1, day(2024, 1, 2, 0)))(t)
		if got := must(s.Member(c, requester))(t); got.Name != text || got.Username != text {
			t.Errorf("approved member %d: name %q, want %q", requester, got.Name, text)
		}
	}
	for _, m := range must(s.Members(c))(t) {
		if !slices.Contains(texts, m.Name) {
			t.Errorf("Members lists name %q, not one stored", m.Name)
		}
	}

	sd := storage.Seed{Version: texts[0]}
	for i, text := range texts {
		sd.Meetings = append(sd.Meetings, storage.Meeting{ID: fmt.Sprintf("m%d", i), Title: text, Short: text,
			Date: date(t, "2023-12-11"), Place: text, Order: i,
			Agenda: []storage.AgendaItem{{Number: "1", Title: text, Subitems: []string{text}}},
			Participants: []storage.Delegation{{Party: storage.Turkiye, Organization: text,
				People: []string{text}}}})
		sd.Tasks = append(sd.Tasks, storage.Task{ID: int64(i + 1), MeetingID: "m0", Title: text, Text: text,
			Source: text, Parties: []storage.Party{storage.Turkiye},
			Deadline: storage.Deadline{Due: date(t, "2024-03-01"), Precision: storage.PrecisionDay, Text: text},
			Status:   map[storage.Party]storage.PartyStatus{storage.Turkiye: {State: storage.StateSubmitted, Ref: text}}})
	}
	if !must(s.LoadSeed(c, sd))(t) {
		t.Fatal("LoadSeed reported false")
	}
	for _, want := range sd.Tasks {
		got := must(s.Task(c, want.ID))(t)
		sameJSON(t, fmt.Sprintf("task %d", want.ID), got, want)
		if got.Title != want.Title || got.Text != want.Text || got.Status[storage.Turkiye].Ref != want.Title {
			t.Errorf("task %d does not round-trip %q", want.ID, want.Title)
		}
	}
	meetings := must(s.Meetings(c))(t)
	if len(meetings) != len(sd.Meetings) {
		t.Fatalf("%d meetings, want %d", len(meetings), len(sd.Meetings))
	}
	for _, got := range meetings {
		i := slices.IndexFunc(sd.Meetings, func(m storage.Meeting) bool { return m.ID == got.ID })
		if i < 0 {
			t.Errorf("unknown meeting %q", got.ID)
			continue
		}
		sameJSON(t, "meeting "+got.ID, got, sd.Meetings[i])
	}
}

// testResultsAreCopies checks that a caller changing what a store returned
// (a task's Status map, its Parties, a meeting's agenda) changes nothing stored,
// including in any cache a backend keeps.
func testResultsAreCopies(t *testing.T, s storage.Store) {
	c := ctx(t)
	sd := tashkent(t)
	if !must(s.LoadSeed(c, sd))(t) {
		t.Fatal("LoadSeed reported false")
	}
	want := sortedTasks(sd.Tasks)
	for range 2 { // twice: a cache may be filled by the first call
		ts := must(s.Tasks(c))(t)
		for i := range ts {
			ts[i].Title = "changed"
			if len(ts[i].Parties) > 0 {
				ts[i].Parties[0] = "XX"
			}
			if ts[i].Status == nil {
				ts[i].Status = map[storage.Party]storage.PartyStatus{}
			}
			ts[i].Status[storage.Turkiye] = storage.PartyStatus{State: storage.StateConfirmed}
		}
		one := must(s.Task(c, want[0].ID))(t)
		one.Parties[0] = "XX"
		sameJSON(t, "tasks after changing returned ones", must(s.Tasks(c))(t), want)
		sameJSON(t, "task after changing a returned one", must(s.Task(c, want[0].ID))(t), want[0])
	}
	ms := must(s.Meetings(c))(t)
	for i := range ms {
		ms[i].Agenda[0].Title = "changed"
	}
	for _, m := range must(s.Meetings(c))(t) {
		if m.Agenda[0].Title == "changed" {
			t.Errorf("meeting %s changed through a returned value", m.ID)
		}
	}
}

package storagetest

import (
	"errors"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/storage"
)

// recordTests check the calendars', boards' and digests' records (issue 15).
func recordTests() []struct {
	name string
	fn   func(t *testing.T, s storage.Store)
} {
	return []struct {
		name string
		fn   func(t *testing.T, s storage.Store)
	}{
		{"CalendarTokens", testCalendarTokens},
		{"CalendarEventSequences", testCalendarEventSequences},
		{"Boards", testBoards},
		{"Digests", testDigests},
		{"DigestClaims", testDigestClaims},
		{"SubscriptionThread", testSubscriptionThread},
	}
}

func testCalendarTokens(t *testing.T, s storage.Store) {
	c := ctx(t)
	if _, err := s.CalendarTokenUser(c, "nothing"); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("unknown token: %v, want ErrNotFound", err)
	}
	if must(s.HasCalendarToken(c, 7))(t) {
		t.Error("a token before any was set")
	}
	ok(t, s.SetCalendarToken(c, 7, "hash-a"))
	if !must(s.HasCalendarToken(c, 7))(t) {
		t.Error("no token after SetCalendarToken")
	}
	ok(t, s.SetCalendarToken(c, 8, "hash-b"))
	if u := must(s.CalendarTokenUser(c, "hash-a"))(t); u != 7 {
		t.Fatalf("hash-a is %d's, want 7's", u)
	}
	// A reset ends the old token at once.
	ok(t, s.SetCalendarToken(c, 7, "hash-c"))
	if _, err := s.CalendarTokenUser(c, "hash-a"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("the replaced token still works: %v", err)
	}
	if u := must(s.CalendarTokenUser(c, "hash-c"))(t); u != 7 {
		t.Errorf("hash-c is %d's", u)
	}
	if u := must(s.CalendarTokenUser(c, "hash-b"))(t); u != 8 {
		t.Errorf("another user's token changed: %d", u)
	}
	if !must(s.DeleteCalendarToken(c, 7))(t) || must(s.DeleteCalendarToken(c, 7))(t) {
		t.Error("DeleteCalendarToken should report the token once")
	}
	if _, err := s.CalendarTokenUser(c, "hash-c"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("a deleted token still works: %v", err)
	}
}

func testCalendarEventSequences(t *testing.T, s storage.Store) {
	c := ctx(t)
	t0 := day(2024, time.January, 1, 9)
	ev := must(s.SyncCalendarEvents(c, map[int64]string{1: "a", 2: "b"}, t0))(t)
	if ev[1].Sequence != 0 || !ev[1].Changed.Equal(t0) || ev[2].Fingerprint != "b" {
		t.Fatalf("first sync %+v", ev)
	}
	t1 := t0.Add(time.Hour)
	ev = must(s.SyncCalendarEvents(c, map[int64]string{1: "a", 2: "b2"}, t1))(t)
	if ev[1].Sequence != 0 || !ev[1].Changed.Equal(t0) {
		t.Errorf("an unchanged event moved: %+v", ev[1])
	}
	if ev[2].Sequence != 1 || !ev[2].Changed.Equal(t1) {
		t.Errorf("a changed event: %+v, want sequence 1 changed at %v", ev[2], t1)
	}
	ev = must(s.SyncCalendarEvents(c, map[int64]string{2: "b3"}, t1.Add(time.Hour)))(t)
	if ev[2].Sequence != 2 || len(ev) != 1 {
		t.Errorf("third version: %+v", ev)
	}
}

func testBoards(t *testing.T, s storage.Store) {
	c := ctx(t)
	if _, err := s.Board(c, -100); !errors.Is(err, storage.ErrNotFound) {
		t.Fatalf("no board: %v", err)
	}
	b := storage.Board{ChatID: -100, ThreadID: 3, MessageID: 55, Shown: "h", Dirty: true, DirtyAt: day(2024, 1, 2, 3), By: 1}
	ok(t, s.PutBoard(c, b))
	ok(t, s.PutBoard(c, storage.Board{ChatID: -200, MessageID: 9}))
	sameJSON(t, "board", must(s.Board(c, -100))(t), b)
	if got := must(s.Boards(c))(t); len(got) != 2 || got[0].ChatID != -200 || got[1].ChatID != -100 {
		t.Errorf("boards %+v, want by chat id", got)
	}
	if !must(s.DeleteBoard(c, -100))(t) || must(s.DeleteBoard(c, -100))(t) {
		t.Error("DeleteBoard should report the board once")
	}
	if got := must(s.Boards(c))(t); len(got) != 1 {
		t.Errorf("after delete: %+v", got)
	}
}

func testDigests(t *testing.T, s storage.Store) {
	c := ctx(t)
	d := storage.Digest{UserID: 5, Party: storage.Kazakhstan, Weekday: time.Friday, Hour: 17, Minute: 30, Zone: "Asia/Almaty"}
	ok(t, s.PutDigest(c, d))
	sameJSON(t, "digest", must(s.Digest(c, 5))(t), d)
	d.Last = day(2024, 1, 5, 17)
	ok(t, s.PutDigest(c, d))
	if got := must(s.Digests(c))(t); len(got) != 1 || !got[0].Last.Equal(d.Last) {
		t.Errorf("digests %+v", got)
	}
	if !must(s.DeleteDigest(c, 5))(t) {
		t.Error("DeleteDigest found nothing")
	}
	if _, err := s.Digest(c, 5); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("deleted digest: %v", err)
	}
}

func testSubscriptionThread(t *testing.T, s storage.Store) {
	c := ctx(t)
	ok(t, s.Subscribe(c, storage.Subscription{ChatID: -300, ThreadID: 12, By: 1, Since: day(2024, 1, 1, 9)}))
	subs := must(s.Subscriptions(c))(t)
	if len(subs) != 1 || subs[0].ThreadID != 12 {
		t.Errorf("subscription %+v, want its forum topic 12 kept", subs)
	}
}

// testDigestClaims: a week's digest is claimed by one token; a retry by the
// same token holds, another token waits for the lease; once sent nobody
// claims that week again; a later week is claimed afresh; release gives back.
func testDigestClaims(t *testing.T, s storage.Store) {
	c := ctx(t)
	now := time.Date(2024, 1, 22, 6, 0, 0, 0, time.UTC)
	step := func(name string, got bool, err error, want bool) {
		t.Helper()
		if err != nil || got != want {
			t.Errorf("%s: %v %v, want %v", name, got, err, want)
		}
	}
	ok, err := s.ClaimDigest(c, 7, "2024-01-22", "a", now, time.Minute)
	step("first claim", ok, err, true)
	ok, err = s.ClaimDigest(c, 7, "2024-01-22", "a", now, time.Minute)
	step("same token again", ok, err, true)
	ok, err = s.ClaimDigest(c, 7, "2024-01-22", "b", now.Add(30*time.Second), time.Minute)
	step("other token, live lease", ok, err, false)
	ok, err = s.ClaimDigest(c, 7, "2024-01-22", "b", now.Add(2*time.Minute), time.Minute)
	step("other token, lease over", ok, err, true)
	if err := s.CompleteDigest(c, 7, "2024-01-22", "a"); !errors.Is(err, storage.ErrLeaseLost) {
		t.Errorf("complete by the token that lost the lease: %v", err)
	}
	if err := s.CompleteDigest(c, 7, "2024-01-22", "b"); err != nil {
		t.Fatal(err)
	}
	if err := s.CompleteDigest(c, 7, "2024-01-22", "b"); err != nil {
		t.Errorf("complete twice (a retry): %v", err)
	}
	ok, err = s.ClaimDigest(c, 7, "2024-01-22", "c", now.Add(time.Hour), time.Minute)
	step("claim of a sent week", ok, err, false)
	ok, err = s.ClaimDigest(c, 7, "2024-01-15", "c", now.Add(time.Hour), time.Minute)
	step("claim of an earlier week", ok, err, false)
	ok, err = s.ClaimDigest(c, 7, "2024-01-29", "c", now.Add(7*24*time.Hour), time.Minute)
	step("next week", ok, err, true)
	if err := s.ReleaseDigest(c, 7, "2024-01-29", "c"); err != nil {
		t.Fatal(err)
	}
	ok, err = s.ClaimDigest(c, 7, "2024-01-29", "d", now.Add(7*24*time.Hour), time.Minute)
	step("claim after release", ok, err, true)
	// Deleting the digest forgets its claims too.
	if err := s.PutDigest(c, storage.Digest{UserID: 7, Weekday: time.Monday, Hour: 9}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DeleteDigest(c, 7); err != nil {
		t.Fatal(err)
	}
	ok, err = s.ClaimDigest(c, 7, "2024-01-29", "e", now.Add(7*24*time.Hour), time.Minute)
	step("claim after the digest was deleted", ok, err, true)
}

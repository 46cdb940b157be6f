package storage

import (
	"errors"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/storage/redistest"
)

// openRedisWithPrefix opens a store on a test Redis, with the prefix of its
// keys, for tests that look at the keys themselves.
func openRedisWithPrefix(t *testing.T) (*Redis, string) {
	t.Helper()
	srv, prefix := redistest.Start(t)
	s, err := OpenRedis(srv.URL(), RedisOptions{Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s, prefix
}

// A completed claim leaves its token behind (so that completeAlert is safe
// to run twice); deleting the task removes it with the sent records.
func TestRedisDeletedTaskLeavesNoAlertState(t *testing.T) {
	t.Parallel()
	s, prefix := openRedisWithPrefix(t)
	ctx := t.Context()
	task, err := s.AddTask(ctx, Task{Title: "T", Parties: []Party{Turkiye}})
	if err != nil {
		t.Fatal(err)
	}
	at := time.Now().Add(-time.Minute)
	if err := s.ScheduleAlert(ctx, task.ID, -100, at); err != nil {
		t.Fatal(err)
	}
	due, err := s.ClaimDueAlerts(ctx, time.Now(), time.Minute, 5)
	if err != nil || len(due) != 1 {
		t.Fatalf("claim: %v %v", due, err)
	}
	if err := s.CompleteAlert(ctx, due[0], []string{"7"}, time.Time{}); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.rdb.HLen(ctx, prefix+"alerts:token").Result(); n != 1 {
		t.Fatalf("the completed claim's token: %d entries, want 1", n)
	}
	if _, err := s.DeleteTask(ctx, task.ID); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.rdb.HLen(ctx, prefix+"alerts:token").Result(); n != 0 {
		t.Errorf("tokens left after the task was deleted: %d", n)
	}
	if n, _ := s.rdb.SCard(ctx, prefix+"alerts:sent").Result(); n != 0 {
		t.Errorf("sent records left after the task was deleted: %d", n)
	}
}

// The hot path's budget, counted by the round-trip hook: a session is one
// round trip, a write-only transaction one command, the tasks of a session's
// version none, the end of an update one script call.
func TestRedisHotPathRoundTrips(t *testing.T) {
	t.Parallel()
	s, _ := openRedisWithPrefix(t)
	ctx := t.Context()
	if _, err := s.AddTask(ctx, Task{Title: "T", Parties: []Party{Turkiye}}); err != nil {
		t.Fatal(err)
	}
	if err := s.PutMember(ctx, Member{UserID: 7, Name: "A", Party: Turkiye}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Tasks(ctx); err != nil { // fills the cache
		t.Fatal(err)
	}
	cost := func(what string, want int64, call func() error) {
		t.Helper()
		before := s.RoundTrips()
		if err := call(); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		if got := s.RoundTrips() - before; got != want {
			t.Errorf("%s: %d round trips, want %d", what, got, want)
		}
	}
	var sess Session
	cost("Session", 1, func() (err error) { sess, err = s.Session(ctx, 1, 7, -100); return })
	cost("Tasks of the session's version", 0, func() error { _, err := s.Tasks(WithSession(ctx, sess)); return err })
	cost("Conversation the session read", 0, func() error {
		_, err := s.Conversation(WithSession(ctx, sess), 7)
		if errors.Is(err, ErrNotFound) {
			return nil
		}
		return err
	})
	cost("MarkHandled", 1, func() error { return s.MarkHandled(ctx, 1) })
	cost("PutMember", 1, func() error { return s.PutMember(ctx, Member{UserID: 8, Name: "B"}) })
	cost("FinishUpdate", 1, func() error { return s.FinishUpdate(ctx, 1, "tok", true) })
	cost("FinishThenSession", 1, func() (err error) {
		_, finished, err := s.FinishThenSession(ctx, Finish{UpdateID: 2, Token: "tok", Handled: true}, 3, 7, -100)
		return errors.Join(finished, err)
	})
}

// A Redis that lost its scripts (a restart, SCRIPT FLUSH) cannot run the
// finish script inside the session's pipeline (the finish of an update
// not handled now, here a redelivery): it then runs on its own, loading
// the script, and the session read is good.
func TestFinishThenSessionAfterScriptFlush(t *testing.T) {
	t.Parallel()
	s, _ := openRedisWithPrefix(t)
	ctx := t.Context()
	if err := s.PutMember(ctx, Member{UserID: 7, Name: "A", Party: Turkiye}); err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if _, err := s.InboxPut(ctx, 40, []byte(`{"update_id":40}`), now, now); err != nil {
		t.Fatal(err)
	}
	if ok, err := s.ClaimUpdate(ctx, 40, "tok", time.Minute); err != nil || !ok {
		t.Fatal("claim", err)
	}
	if err := s.MarkHandled(ctx, 40); err != nil { // handled before: this run was a redelivery
		t.Fatal(err)
	}
	if err := s.rdb.ScriptFlush(ctx).Err(); err != nil {
		t.Fatal(err)
	}
	sess, finished, err := s.FinishThenSession(ctx, Finish{UpdateID: 40, Token: "tok"}, 41, 7, 0)
	if err != nil || finished != nil {
		t.Fatal(err, finished)
	}
	if sess.Member == nil || sess.Member.Name != "A" || sess.Seen {
		t.Errorf("the session after the flush: %+v", sess)
	}
	if n, _ := s.InboxLen(ctx); n != 0 {
		t.Errorf("the redelivered update is still in the inbox (%d waiting)", n)
	}
	if ok, err := s.ClaimUpdate(ctx, 40, "other", time.Minute); err != nil || !ok {
		t.Errorf("the finish did not release the claim (%v)", err)
	}
}

package storage

import (
	"testing"
	"time"

	"github.com/ots-customs/wgbot/storage/redistest"
)

// A completed claim leaves its token behind (so that completeAlert is safe
// to run twice); deleting the task removes it with the sent records.
func TestRedisDeletedTaskLeavesNoAlertState(t *testing.T) {
	t.Parallel()
	srv, prefix := redistest.Start(t)
	s, err := OpenRedis(srv.URL(), RedisOptions{Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
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

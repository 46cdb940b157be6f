package storage_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/storage"
)

func TestRedisUploadsExpire(t *testing.T) {
	t.Parallel()
	s := openRedis(t)
	ctx := t.Context()
	d, _ := storage.ParseDate("2023-12-11")
	up := storage.Upload{ID: "u1", FileName: "m.txt", Title: "WG", Date: d, By: 7, At: time.Unix(100, 0).UTC(),
		Tasks: []storage.Task{{Title: "T", Parties: []storage.Party{storage.Turkiye}}}, Guessed: []int{0}}
	if err := s.PutUpload(ctx, up, 150*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	got, err := s.GetUpload(ctx, "u1")
	if err != nil || got.Title != "WG" || got.Date != d || len(got.Tasks) != 1 || len(got.Guessed) != 1 {
		t.Fatalf("GetUpload = %+v, %v", got, err)
	}
	time.Sleep(300 * time.Millisecond) // Redis expires keys itself; nothing else to wait on
	if _, err := s.GetUpload(ctx, "u1"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("expired upload: %v, want ErrNotFound", err)
	}
}

func TestRedisImports(t *testing.T) {
	t.Parallel()
	s := openRedis(t)
	ctx := t.Context()
	if _, err := s.GetImport(ctx, "nope"); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("GetImport of nothing: %v", err)
	}
	m := storage.Meeting{ID: "imp-a", Title: "WG 13"}
	if err := s.AddMeeting(ctx, m); err != nil {
		t.Fatal(err)
	}
	if ms, _ := s.Meetings(ctx); len(ms) != 1 || ms[0].Title != "WG 13" {
		t.Errorf("meetings %+v", ms)
	}

	// Two confirmations at once: exactly one claims the import.
	var wg sync.WaitGroup
	wins := make(chan int64, 8)
	for i := range 8 {
		wg.Go(func() {
			_, created, err := s.ClaimImport(ctx, storage.Import{ID: "a", MeetingID: "imp-a", By: int64(i), At: time.Unix(200, 0)})
			if err != nil {
				t.Error(err)
			}
			if created {
				wins <- int64(i)
			}
		})
	}
	wg.Wait()
	close(wins)
	if len(wins) != 1 {
		t.Fatalf("%d claims won", len(wins))
	}
	imp, err := s.GetImport(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	imp.TaskIDs = []int64{4, 5}
	if err := s.PutImport(ctx, imp); err != nil {
		t.Fatal(err)
	}
	if err := s.PutImport(ctx, storage.Import{ID: "b", At: time.Unix(300, 0)}); err != nil {
		t.Fatal(err)
	}
	all, err := s.ListImports(ctx)
	if err != nil || len(all) != 2 || all[0].ID != "b" || len(all[1].TaskIDs) != 2 {
		t.Errorf("ListImports = %+v, %v", all, err)
	}
	if ok, err := s.DeleteMeeting(ctx, "imp-a"); !ok || err != nil {
		t.Errorf("DeleteMeeting = %v, %v", ok, err)
	}
	if ok, _ := s.DeleteMeeting(ctx, "imp-a"); ok {
		t.Error("second DeleteMeeting reported a meeting")
	}
}

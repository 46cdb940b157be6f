package storage_test

import (
	"context"
	"testing"

	"github.com/ots-customs/wgbot/storage"
	"github.com/ots-customs/wgbot/storage/redistest"
	"github.com/ots-customs/wgbot/storage/seed"
)

// BenchmarkHotPath is what each /deadlines costs the store: the session,
// the tasks (from the cache while their version holds), finishing the update.
func BenchmarkHotPath(b *testing.B) {
	srv, prefix := redistest.Start(b)
	s, err := storage.OpenRedis(srv.URL(), storage.RedisOptions{Prefix: prefix})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	ctx := context.Background()
	data, _ := seed.Tashkent()
	if _, err := s.LoadSeed(ctx, data); err != nil {
		b.Fatal(err)
	}
	if err := s.PutMember(ctx, storage.Member{UserID: 7, Name: "A", Party: storage.Turkiye}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		var n int64
		for pb.Next() {
			n++
			sess, err := s.Session(ctx, n, 7, 7)
			if err != nil {
				b.Fatal(err)
			}
			if _, err := s.Tasks(storage.WithSession(ctx, sess)); err != nil {
				b.Fatal(err)
			}
			if err := s.FinishUpdate(ctx, n, "t", true); err != nil {
				b.Fatal(err)
			}
		}
	})
}

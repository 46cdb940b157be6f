package storage_test

import (
	"context"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/ots-customs/wgbot/storage"
	"github.com/ots-customs/wgbot/storage/redistest"
	"github.com/ots-customs/wgbot/storage/seed"
)

// BenchmarkHotPath is what each /deadlines costs the store: the session,
// the tasks (from the cache while their version holds), finishing the update.
func BenchmarkHotPath(b *testing.B) {
	s, _ := benchStore(b)
	ctx := context.Background()
	data, _ := seed.Tashkent()
	if _, err := s.LoadSeed(ctx, data); err != nil {
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

// BenchmarkFinishThenSession is the one round trip each update of a busy
// chat costs: the finish of the update before it and its own session. It
// reports the Redis server's CPU per update beside the client's, since both
// share the bot's machine.
func BenchmarkFinishThenSession(b *testing.B) {
	s, url := benchStore(b)
	ctx := context.Background()
	const base = 1 << 40 // update ids of their own, apart from other runs'
	serverCPU := func() time.Duration { return redisCPU(b, url) }
	cpu, own := serverCPU(), processCPU()
	b.ReportAllocs()
	b.ResetTimer()
	for n := range int64(b.N) {
		u := base + n
		if _, _, err := s.FinishThenSession(ctx, storage.Finish{UpdateID: u, Token: "t", Handled: true}, u+1, 7, 7); err != nil {
			b.Fatal(err)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64((processCPU()-own).Microseconds())/float64(b.N), "cpu-µs/op")
	b.ReportMetric(float64((serverCPU()-cpu).Microseconds())/float64(b.N), "redis-cpu-µs/op")
}

// redisCPU is the CPU time the Redis server at url used so far.
func redisCPU(tb testing.TB, url string) time.Duration {
	o, err := redis.ParseURL(url)
	if err != nil {
		tb.Fatal(err)
	}
	rdb := redis.NewClient(o)
	defer rdb.Close()
	info, err := rdb.Info(context.Background(), "cpu").Result()
	if err != nil {
		tb.Fatal(err)
	}
	var total float64
	for line := range strings.SplitSeq(info, "\r\n") {
		k, v, _ := strings.Cut(line, ":")
		if k == "used_cpu_sys" || k == "used_cpu_user" {
			s, _ := strconv.ParseFloat(v, 64)
			total += s
		}
	}
	return time.Duration(total * float64(time.Second))
}

// processCPU is the CPU time this process used so far, in user and kernel mode.
func processCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// benchStore is a store on a Redis of the benchmark's own, with member 7
// (of Türkiye) in it, and the URL of that Redis.
func benchStore(b *testing.B) (*storage.Redis, string) {
	srv, prefix := redistest.Start(b)
	s, err := storage.OpenRedis(srv.URL(), storage.RedisOptions{Prefix: prefix})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	if err := s.PutMember(context.Background(), storage.Member{UserID: 7, Name: "A", Party: storage.Turkiye}); err != nil {
		b.Fatal(err)
	}
	return s, srv.URL()
}

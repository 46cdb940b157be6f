package storage_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"os/exec"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/ots-customs/wgbot/storage"
	"github.com/ots-customs/wgbot/storage/redistest"
	"github.com/ots-customs/wgbot/storage/storagetest"
)

// openRedis is a fresh store on the test binary's redis-server, under a prefix
// of its own.
func openRedis(t *testing.T) storage.Store {
	t.Helper()
	srv, prefix := redistest.Start(t)
	s, err := storage.OpenRedis(srv.URL(), storage.RedisOptions{Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestRedisConformance(t *testing.T) {
	storagetest.Run(t, openRedis)
}

// exercise calls every writing method once, so that every kind of key exists.
func exercise(t *testing.T, s storage.Store) {
	t.Helper()
	ctx := t.Context()
	at := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	d, _ := storage.ParseDate("2024-03-01")
	sd := storage.Seed{Version: "v1",
		Meetings: []storage.Meeting{{ID: "m1", Title: "M", Date: d, Agenda: []storage.AgendaItem{{Number: "1", Title: "x"}}}},
		Tasks:    []storage.Task{{ID: 3, MeetingID: "m1", Title: "T", Parties: []storage.Party{storage.Turkiye}}}}
	steps := []error{
		func() error { _, err := s.LoadSeed(ctx, sd); return err }(),
		s.MarkHandled(ctx, 77),
		s.SetOffset(ctx, 77),
		s.PutMember(ctx, storage.Member{UserID: 1, Name: "A", Party: storage.Turkiye}),
		func() error {
			_, _, err := s.RequestAccess(ctx, storage.AccessRequest{UserID: 2, Name: "B", Party: storage.Uzbekistan, Requested: at})
			return err
		}(),
		func() error { _, err := s.DecideAccess(ctx, 2, true, 1, at); return err }(),
		s.SetGroupEnabled(ctx, -100, true),
		func() error { _, err := s.Session(ctx, 78, 1, -100); return err }(),
	}
	for i, err := range steps {
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
}

// TestRedisKeysUnderPrefix checks that every key the store writes starts with
// its prefix. It works in a database no other test uses, so KEYS * sees only
// this store's keys.
func TestRedisKeysUnderPrefix(t *testing.T) {
	for _, tc := range []struct {
		name, prefix string
		db           int
	}{
		{"Given", "", 9}, // filled from redistest below
		{"Default", "", 10},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv, prefix := redistest.Start(t)
			want := prefix
			opt := storage.RedisOptions{Prefix: prefix}
			if tc.name == "Default" {
				opt.Prefix, want = "", "wgbot:"
			}
			url := fmt.Sprintf("redis://%s/%d", srv.Addr, tc.db)
			s, err := storage.OpenRedis(url, opt)
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { _ = s.Close() })
			raw := redis.NewClient(&redis.Options{Addr: srv.Addr, DB: tc.db})
			t.Cleanup(func() { _ = raw.Close() })
			ctx := t.Context()
			if err := raw.FlushDB(ctx).Err(); err != nil {
				t.Fatal(err)
			}

			exercise(t, s)

			all, err := raw.Keys(ctx, "*").Result()
			if err != nil {
				t.Fatal(err)
			}
			prefixed, err := raw.Keys(ctx, want+"*").Result()
			if err != nil {
				t.Fatal(err)
			}
			slices.Sort(all)
			slices.Sort(prefixed)
			for _, k := range all {
				if !strings.HasPrefix(k, want) {
					t.Errorf("key %q does not start with the prefix %q", k, want)
				}
			}
			if !slices.Equal(all, prefixed) {
				t.Errorf("KEYS * = %q, KEYS %s* = %q", all, want, prefixed)
			}
			for _, suffix := range []string{"members", "requests", "group:enabled", "meetings", "tasks", "task:seq",
				"seed", "offset", "upd:77"} {
				if !slices.Contains(all, want+suffix) {
					t.Errorf("key %q missing; keys: %q", want+suffix, all)
				}
			}
			// A handled update is remembered longer than Telegram redelivers (24 h), not forever.
			ttl, err := raw.TTL(ctx, want+"upd:77").Result()
			if err != nil {
				t.Fatal(err)
			}
			if ttl <= 24*time.Hour || ttl > 7*24*time.Hour {
				t.Errorf("TTL of a handled update %v, want between 24 h and a week", ttl)
			}
		})
	}
}

// freePort returns a port nothing listens on (right now).
func freePort(t *testing.T) int {
	t.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port
}

// everyMethod calls each method of the Store once.
func everyMethod(s storage.Store) map[string]func(ctx context.Context) error {
	at := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	return map[string]func(ctx context.Context) error{
		"Ping":        s.Ping,
		"LoadSeed":    func(ctx context.Context) error { _, err := s.LoadSeed(ctx, storage.Seed{Version: "v"}); return err },
		"Session":     func(ctx context.Context) error { _, err := s.Session(ctx, 1, 2, -3); return err },
		"MarkHandled": func(ctx context.Context) error { return s.MarkHandled(ctx, 1) },
		"Offset":      func(ctx context.Context) error { _, err := s.Offset(ctx); return err },
		"SetOffset":   func(ctx context.Context) error { return s.SetOffset(ctx, 5) },
		"Meetings":    func(ctx context.Context) error { _, err := s.Meetings(ctx); return err },
		"Tasks":       func(ctx context.Context) error { _, err := s.Tasks(ctx); return err },
		"Task":        func(ctx context.Context) error { _, err := s.Task(ctx, 1); return err },
		"Member":      func(ctx context.Context) error { _, err := s.Member(ctx, 1); return err },
		"PutMember": func(ctx context.Context) error {
			return s.PutMember(ctx, storage.Member{UserID: 1, Name: "A"})
		},
		"Members":      func(ctx context.Context) error { _, err := s.Members(ctx); return err },
		"RemoveMember": func(ctx context.Context) error { _, err := s.RemoveMember(ctx, 1); return err },
		"RequestAccess": func(ctx context.Context) error {
			_, _, err := s.RequestAccess(ctx, storage.AccessRequest{UserID: 1, Name: "A", Requested: at})
			return err
		},
		"AccessRequest":   func(ctx context.Context) error { _, err := s.AccessRequest(ctx, 1); return err },
		"DecideAccess":    func(ctx context.Context) error { _, err := s.DecideAccess(ctx, 1, true, 2, at); return err },
		"PendingRequests": func(ctx context.Context) error { _, err := s.PendingRequests(ctx); return err },
		"SetGroupEnabled": func(ctx context.Context) error { return s.SetGroupEnabled(ctx, -3, true) },
	}
}

// assertUnavailable calls every method (in parallel) against a store whose
// Redis is gone and checks each fails with ErrUnavailable within limit, well
// before the caller's 3 s deadline, and without leaking secret.
func assertUnavailable(t *testing.T, s storage.Store, secret string, limit time.Duration) {
	t.Helper()
	t.Run("Unavailable", func(t *testing.T) {
		for name, call := range everyMethod(s) {
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				ctx, cancel := context.WithTimeout(t.Context(), 3*time.Second)
				defer cancel()
				start := time.Now()
				err := call(ctx)
				took := time.Since(start)
				t.Logf("%v after %v", err, took.Round(time.Millisecond))
				switch {
				case err == nil:
					t.Fatalf("succeeded with Redis down")
				case !errors.Is(err, storage.ErrUnavailable):
					t.Errorf("%v, want an error wrapping ErrUnavailable", err)
				case errors.Is(err, storage.ErrNotFound):
					t.Errorf("an outage reported as not found: %v", err)
				}
				if errors.Is(err, context.DeadlineExceeded) || took >= 3*time.Second {
					t.Errorf("ran into the caller's 3 s deadline (%v): %v", took, err)
				} else if took > limit {
					t.Errorf("took %v to report Redis down, want %v at most", took, limit)
				}
				if secret != "" && strings.Contains(err.Error(), secret) {
					t.Errorf("error %q contains the password", err)
				}
			})
		}
	})
}

func TestRedisDown(t *testing.T) {
	t.Parallel()
	const secret = "s3cret"
	url := fmt.Sprintf("redis://:%s@127.0.0.1:%d/0", secret, freePort(t))
	s, err := storage.OpenRedis(url, storage.RedisOptions{Prefix: "down:", Timeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatalf("OpenRedis must not fail when Redis is down: %v", err)
	}
	t.Cleanup(func() { _ = s.Close() })
	assertUnavailable(t, s, secret, time.Second)
}

// TestRedisHung points the store at a server that accepts connections but never
// answers: the 300 ms Timeout, not the caller's deadline, must end every call.
func TestRedisHung(t *testing.T) {
	t.Parallel()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var conns []net.Conn
	var mu sync.Mutex
	go func() {
		for {
			c, err := l.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
			go func() { _, _ = io.Copy(io.Discard, c) }()
		}
	}()
	t.Cleanup(func() {
		_ = l.Close()
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			_ = c.Close()
		}
	})
	const secret = "s3cret"
	s, err := storage.OpenRedis(fmt.Sprintf("redis://:%s@%s/0", secret, l.Addr()),
		storage.RedisOptions{Prefix: "hung:", Timeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	// A pipelined Session takes about 1.3 s here (go-redis retries the
	// pipeline's handshake); single commands about 0.3 s.
	assertUnavailable(t, s, secret, 2*time.Second)
}

func TestOpenRedisBadURL(t *testing.T) {
	t.Parallel()
	for _, url := range []string{
		"http://:s3cret@127.0.0.1:6379/0",
		"redis://:s3cret@127.0.0.1:6379/notadb",
		"redis://:s3cret@127.0.0.1:notaport/0",
		"",
	} {
		s, err := storage.OpenRedis(url, storage.RedisOptions{})
		if err == nil {
			_ = s.Close()
			t.Errorf("OpenRedis(%q) succeeded", url)
			continue
		}
		if strings.Contains(err.Error(), "s3cret") {
			t.Errorf("OpenRedis(%q): error %q contains the password", url, err)
		}
	}
}

// ownServer is a redis-server this test starts and kills itself, on a fixed port.
type ownServer struct {
	t    *testing.T
	bin  string
	port int
	dir  string
	cmd  *exec.Cmd
}

func (o *ownServer) start() {
	o.t.Helper()
	cmd := exec.Command(o.bin, "--port", fmt.Sprint(o.port), "--bind", "127.0.0.1",
		"--save", "", "--appendonly", "no", "--dir", o.dir, "--daemonize", "no", "--loglevel", "warning")
	cmd.Stdout, cmd.Stderr = nil, nil
	if err := cmd.Start(); err != nil {
		o.t.Fatalf("start redis-server: %v", err)
	}
	o.cmd = cmd
	addr := fmt.Sprintf("127.0.0.1:%d", o.port)
	deadline := time.Now().Add(5 * time.Second)
	for time.Now().Before(deadline) {
		if c, err := net.DialTimeout("tcp", addr, 200*time.Millisecond); err == nil {
			_ = c.SetDeadline(time.Now().Add(time.Second))
			_, _ = c.Write([]byte("PING\r\n"))
			line, _ := bufio.NewReader(c).ReadString('\n')
			_ = c.Close()
			if strings.HasPrefix(line, "+PONG") {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	o.kill()
	o.t.Fatalf("redis-server on port %d did not become ready", o.port)
}

func (o *ownServer) kill() {
	if o.cmd == nil {
		return
	}
	_ = o.cmd.Process.Kill()
	_ = o.cmd.Wait()
	o.cmd = nil
}

// TestRedisRecovers kills Redis under a live store and starts it again on the
// same port: the same store object must work again without being reopened.
func TestRedisRecovers(t *testing.T) {
	t.Parallel()
	redistest.Start(t) // skips (or fails under WGBOT_REQUIRE_REDIS) without redis-server
	bin, err := exec.LookPath("redis-server")
	if err != nil {
		if os.Getenv(redistest.RequireEnv) != "" {
			t.Fatal(err)
		}
		t.Skipf("SKIPPED, NO REDIS: %v", err)
	}
	o := &ownServer{t: t, bin: bin, port: freePort(t), dir: t.TempDir()}
	o.start()
	t.Cleanup(o.kill)

	s, err := storage.OpenRedis(fmt.Sprintf("redis://127.0.0.1:%d/0", o.port),
		storage.RedisOptions{Prefix: "recover:", Timeout: 300 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	ctx := t.Context()
	at := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	if err := s.PutMember(ctx, storage.Member{UserID: 1, Name: "Before"}); err != nil {
		t.Fatal(err)
	}
	// Load the scripts into the first server's cache.
	if _, _, err := s.RequestAccess(ctx, storage.AccessRequest{UserID: 2, Name: "B", Requested: at}); err != nil {
		t.Fatal(err)
	}

	o.kill()
	assertUnavailable(t, s, "", time.Second)

	o.start()
	restarted := time.Now()
	deadline := restarted.Add(10 * time.Second)
	for {
		pctx, cancel := context.WithTimeout(ctx, time.Second)
		err := s.Ping(pctx)
		cancel()
		if err == nil {
			t.Logf("store answered again %v after Redis restarted", time.Since(restarted).Round(time.Millisecond))
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("store did not recover within 10 s after Redis came back: %v", err)
		}
		time.Sleep(50 * time.Millisecond)
	}
	// The new server is empty and has no scripts cached: writes, reads and
	// scripted operations must all work on the same store object.
	if err := s.PutMember(ctx, storage.Member{UserID: 1, Name: "After", Party: storage.Turkiye}); err != nil {
		t.Fatalf("PutMember after recovery: %v", err)
	}
	if m, err := s.Member(ctx, 1); err != nil || m.Name != "After" {
		t.Fatalf("Member after recovery: %+v, %v", m, err)
	}
	if _, created, err := s.RequestAccess(ctx, storage.AccessRequest{UserID: 2, Name: "B", Party: storage.Hungary,
		Requested: at}); err != nil || !created {
		t.Fatalf("RequestAccess after recovery: created %v, %v", created, err)
	}
	if r, err := s.DecideAccess(ctx, 2, true, 1, at); err != nil || r.Status != storage.RequestApproved {
		t.Fatalf("DecideAccess after recovery: %+v, %v", r, err)
	}
	if err := s.SetOffset(ctx, 9); err != nil {
		t.Fatalf("SetOffset after recovery: %v", err)
	}
	if loaded, err := s.LoadSeed(ctx, storage.Seed{Version: "v"}); err != nil || !loaded {
		t.Fatalf("LoadSeed after recovery: %v, %v", loaded, err)
	}
}

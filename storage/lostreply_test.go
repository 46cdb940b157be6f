package storage

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/storage/redistest"
)

// lossyProxy sits between the client and Redis on loopback. Armed, it lets
// the next script call (EVALSHA or EVAL) or transaction (EXEC) reach Redis, waits for Redis's
// reply, and then drops the connection instead of passing the reply on: the
// command ran, the client saw EOF, and go-redis runs it again on a new
// connection, as it does in production after a network failure.
type lossyProxy struct {
	ln      net.Listener
	target  string
	armed   atomic.Bool
	dropped atomic.Int32
	// marker, when set, is what an armed proxy waits for instead of a
	// script or a transaction (a plain pipeline's command, upper case).
	marker atomic.Pointer[string]
	wg     sync.WaitGroup
}

func startLossyProxy(t *testing.T, target string) *lossyProxy {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	p := &lossyProxy{ln: ln, target: target}
	p.wg.Add(1)
	go p.serve()
	t.Cleanup(func() { ln.Close(); p.wg.Wait() })
	return p
}

func (p *lossyProxy) serve() {
	defer p.wg.Done()
	for {
		c, err := p.ln.Accept()
		if err != nil {
			return
		}
		s, err := net.Dial("tcp", p.target)
		if err != nil {
			c.Close()
			continue
		}
		var dropNext atomic.Bool
		p.wg.Add(2)
		go func() { // client to Redis
			defer p.wg.Done()
			buf := make([]byte, 64<<10)
			for {
				n, err := c.Read(buf)
				if n > 0 {
					up := bytes.ToUpper(buf[:n])
					match := bytes.Contains(up, []byte("EVALSHA")) || bytes.Contains(up, []byte("\r\nEVAL\r\n")) ||
						bytes.Contains(up, []byte("\r\nEXEC\r\n"))
					if m := p.marker.Load(); m != nil {
						match = bytes.Contains(up, []byte(*m))
					}
					if match && p.armed.CompareAndSwap(true, false) {
						dropNext.Store(true)
					}
					if _, werr := s.Write(buf[:n]); werr != nil {
						break
					}
				}
				if err != nil {
					break
				}
			}
			s.Close()
		}()
		go func() { // Redis to client
			defer p.wg.Done()
			buf := make([]byte, 64<<10)
			for {
				n, err := s.Read(buf)
				if n > 0 {
					if dropNext.Load() {
						p.dropped.Add(1)
						break // the reply is lost with the connection
					}
					if _, werr := c.Write(buf[:n]); werr != nil {
						break
					}
				}
				if err != nil {
					break
				}
			}
			c.Close()
			s.Close()
		}()
	}
}

// A script that ran but whose reply was lost is run again by the client; the
// second run must report what the first did.
func TestScriptsSafeToRunTwice(t *testing.T) {
	t.Parallel()
	srv, prefix := redistest.Start(t)
	target := strings.TrimPrefix(srv.URL(), "redis://")
	if i := strings.IndexByte(target, '/'); i >= 0 {
		target = target[:i]
	}
	proxy := startLossyProxy(t, target)
	s, err := OpenRedis("redis://"+proxy.ln.Addr().String()+"/0", RedisOptions{Prefix: prefix, Timeout: 2 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	at := time.Date(2024, 1, 20, 10, 0, 0, 123456789, time.UTC)
	// Load every script first, so that the call under test is one EVALSHA.
	if _, _, err := s.RequestAccess(ctx, AccessRequest{UserID: 99, Name: "warm", Party: Turkiye, Requested: at}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.DecideAccess(ctx, 99, true, 1, at); err != nil {
		t.Fatal(err)
	}
	if _, _, err := s.ClaimImport(ctx, Import{ID: "warm", Title: "warm"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.InboxPut(ctx, 900, []byte(`{"update_id":900}`), at, at); err != nil {
		t.Fatal(err)
	}
	for _, task := range []int64{1, 2} {
		if err := s.ScheduleAlert(ctx, task, -100, at); err != nil {
			t.Fatal(err)
		}
	}
	due, err := s.ClaimDueAlerts(ctx, at.Add(time.Minute), time.Hour, 10)
	if err != nil || len(due) != 2 {
		t.Fatalf("claim: %v, %v", due, err)
	}
	if err := s.CompleteAlert(ctx, due[0], []string{"warm"}, time.Time{}); err != nil {
		t.Fatal(err)
	}

	lose := func(name string, call func() error) {
		t.Helper()
		before := proxy.dropped.Load()
		proxy.armed.Store(true)
		if err := call(); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if proxy.dropped.Load() == before {
			t.Fatalf("%s: the proxy lost no reply; the test proves nothing", name)
		}
	}

	lose("RequestAccess", func() error {
		req, created, err := s.RequestAccess(ctx, AccessRequest{UserID: 7, Name: "Ayşe", Party: Kazakhstan, Requested: at})
		if err == nil && (!created || req.Status != RequestPending) {
			t.Errorf("RequestAccess after a lost reply: created %v, %+v (the administrators would not be told)", created, req)
		}
		return err
	})
	lose("DecideAccess", func() error {
		req, err := s.DecideAccess(ctx, 7, true, 1, at)
		if err == nil && req.Status != RequestApproved {
			t.Errorf("DecideAccess after a lost reply: %+v", req)
		}
		return err
	})
	lose("InboxPut", func() error {
		kept, err := s.InboxPut(ctx, 901, []byte(`{"update_id":901}`), at, at)
		if err == nil && !kept {
			t.Error("InboxPut after a lost reply: reported a redelivery (the webhook would drop a kept update)")
		}
		return err
	})
	if kept, err := s.InboxPut(ctx, 901, []byte(`{"update_id":901}`), at, at); err != nil || kept {
		t.Errorf("Telegram's redelivery of a kept update: kept %v, %v", kept, err)
	}
	lose("CompleteAlert", func() error {
		err := s.CompleteAlert(ctx, due[1], []string{"7"}, time.Time{})
		if errors.Is(err, ErrLeaseLost) {
			t.Error("CompleteAlert after a lost reply: lease lost (the alert loop would warn of a lost alert it sent)")
			return nil
		}
		return err
	})
	if sent, err := s.AlertSent(ctx, due[1].TaskID, -100, "7"); err != nil || !sent {
		t.Errorf("the completed alert is not recorded as sent: %v, %v", sent, err)
	}
	if err := s.CompleteAlert(ctx, due[1], []string{"7"}, time.Time{}); !errors.Is(err, ErrLeaseLost) {
		t.Errorf("a second completion of one claim: %v, want ErrLeaseLost", err)
	}
	lose("ClaimImport", func() error {
		imp, created, err := s.ClaimImport(ctx, Import{ID: "abc", Title: "12th meeting", At: at})
		if err == nil && (!created || imp.Title != "12th meeting") {
			t.Errorf("ClaimImport after a lost reply: created %v (no tasks would be added, Undo would have nothing)", created)
		}
		return err
	})

	// The finish of a handled update is plain commands in the next update's
	// session pipeline: run again after a lost reply, it ends as once.
	if err := s.PutMember(ctx, Member{UserID: 7, Name: "Ayşe", Party: Kazakhstan}); err != nil {
		t.Fatal(err)
	}
	for _, u := range []int64{902, 903} {
		if _, err := s.InboxPut(ctx, u, []byte(fmt.Sprintf(`{"update_id":%d}`, u)), at, at); err != nil {
			t.Fatal(err)
		}
	}
	if ok, err := s.ClaimUpdate(ctx, 902, "poll:902", time.Minute); err != nil || !ok {
		t.Fatalf("claim: %v %v", ok, err)
	}
	exec := "\r\nEXEC\r\n"
	proxy.marker.Store(&exec)
	lose("FinishThenSession", func() error {
		sess, finished, err := s.FinishThenSession(ctx, Finish{UpdateID: 902, Token: "poll:902", Handled: true}, 903, 7, 0)
		if finished != nil {
			return finished
		}
		if err == nil && (sess.Seen || sess.Member == nil || sess.Member.Party != Kazakhstan) {
			t.Errorf("the next update's session after a lost reply: %+v", sess)
		}
		return err
	})
	proxy.marker.Store(nil)
	if mark, err := s.Session(ctx, 902, 0, 0); err != nil || !mark.Seen {
		t.Errorf("the finished update is not marked handled: %v", err)
	}
	if kept, err := s.rdb.HExists(ctx, queueKeys{prefix}.inbox(), "902").Result(); err != nil || kept {
		t.Errorf("the finished update is still in the inbox (%v)", err)
	}
	if kept, err := s.rdb.HExists(ctx, queueKeys{prefix}.inbox(), "903").Result(); err != nil || !kept {
		t.Errorf("the next update left the inbox with the finish (%v)", err)
	}
}

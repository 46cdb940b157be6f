package storage

import (
	"context"
	"errors"
	"net"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
)

// heldTrips holds the first transactions sent to Redis (hold of them) until
// release is closed, so that the callers after them must wait for a trip;
// n counts the transactions.
type heldTrips struct {
	n       atomic.Int64
	hold    int64
	release chan struct{}
}

func (h *heldTrips) DialHook(next redis.DialHook) redis.DialHook {
	return func(ctx context.Context, network, addr string) (net.Conn, error) { return next(ctx, network, addr) }
}

func (h *heldTrips) ProcessHook(next redis.ProcessHook) redis.ProcessHook { return next }

func (h *heldTrips) ProcessPipelineHook(next redis.ProcessPipelineHook) redis.ProcessPipelineHook {
	return func(ctx context.Context, cmds []redis.Cmder) error {
		if len(cmds) == 0 || cmds[0].Name() != "multi" {
			return next(ctx, cmds) // a new connection's setup
		}
		if h.n.Add(1) <= h.hold {
			<-h.release
		}
		return next(ctx, cmds)
	}
}

// Chats that finish an update while trips are on their way share the next
// trip, and each gets its own outcome: its own session, its own finish, and
// one caller's refused read fails nobody else's.
func TestConcurrentTransactionsShareATrip(t *testing.T) {
	t.Parallel()
	s, prefix := openRedisWithPrefix(t)
	ctx := t.Context()
	const callers = 10
	const broken = 1005 // its conversation key is a hash: GET answers WRONGTYPE
	for i := range callers {
		if err := s.PutMember(ctx, Member{UserID: int64(1000 + i), Name: "M" + strconv.Itoa(i), Party: Turkiye}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.rdb.HSet(ctx, prefix+"conv:"+strconv.Itoa(broken), "x", "y").Err(); err != nil {
		t.Fatal(err)
	}
	held := &heldTrips{hold: maxInFlight, release: make(chan struct{})}
	s.rdb.AddHook(held)

	type outcome struct {
		sess          Session
		finished, err error
	}
	out := make([]outcome, callers)
	var wg sync.WaitGroup
	call := func(i int) {
		wg.Go(func() {
			user := int64(1000 + i)
			sess, finished, err := s.FinishThenSession(ctx, Finish{UpdateID: int64(100 + i), Token: "t", Handled: true}, int64(200+i), user, user)
			out[i] = outcome{sess, finished, err}
		})
	}
	// Two callers fill the held trips; the rest, the broken one among them,
	// must wait and go together.
	call(0)
	call(1)
	waitFor(t, "the held trips", func() bool { return held.n.Load() == maxInFlight })
	for i := 2; i < callers; i++ {
		call(i)
	}
	waitFor(t, "the callers to queue", func() bool { return queuedCalls(s) == callers-maxInFlight })
	close(held.release)
	wg.Wait()

	if got, want := held.n.Load(), int64(maxInFlight+1); got != want {
		t.Errorf("%d callers took %d round trips, want %d (%d held, then one for the rest)", callers, got, want, maxInFlight)
	}
	for i, o := range out {
		user := int64(1000 + i)
		if o.finished != nil {
			t.Errorf("caller %d: finish failed: %v", i, o.finished)
		}
		if n, err := s.rdb.Exists(ctx, prefix+"upd:"+strconv.Itoa(100+i)).Result(); err != nil || n != 1 {
			t.Errorf("caller %d: update %d not marked handled (%d, %v)", i, 100+i, n, err)
		}
		if user == broken {
			if !containsWrongType(o.err) {
				t.Errorf("caller %d: session error %v, want WRONGTYPE", i, o.err)
			}
			continue
		}
		if o.err != nil {
			t.Errorf("caller %d: session failed: %v", i, o.err)
		} else if o.sess.Member == nil || o.sess.Member.UserID != user {
			t.Errorf("caller %d: session holds member %+v, want user %d", i, o.sess.Member, user)
		}
	}
}

func containsWrongType(err error) bool {
	var re redis.Error
	return errors.As(err, &re) && redis.HasErrorPrefix(err, "WRONGTYPE")
}

// A caller that leaves while it waits for a trip is taken out of the queue:
// nothing of it is sent, and it hears why.
func TestQueuedTransactionLeavesOnCancel(t *testing.T) {
	t.Parallel()
	s, prefix := openRedisWithPrefix(t)
	held := &heldTrips{hold: maxInFlight, release: make(chan struct{})}
	s.rdb.AddHook(held)
	var wg sync.WaitGroup
	for i := range maxInFlight {
		wg.Go(func() {
			_, _, _ = s.FinishThenSession(t.Context(), Finish{UpdateID: int64(300 + i), Token: "t", Handled: true}, 0, 1, 1)
		})
	}
	waitFor(t, "the held trips", func() bool { return held.n.Load() == maxInFlight })
	ctx, cancel := context.WithCancel(t.Context())
	left := make(chan error, 1)
	go func() {
		_, finished, err := s.FinishThenSession(ctx, Finish{UpdateID: 399, Token: "t", Handled: true}, 0, 1, 1)
		left <- errors.Join(finished, err)
	}()
	waitFor(t, "the caller to queue", func() bool { return queuedCalls(s) == 1 })
	cancel()
	if err := <-left; !errors.Is(err, context.Canceled) {
		t.Errorf("the caller that left heard %v, want context.Canceled", err)
	}
	if n := queuedCalls(s); n != 0 {
		t.Errorf("%d calls still queued", n)
	}
	close(held.release)
	wg.Wait()
	if n, err := s.rdb.Exists(context.Background(), prefix+"upd:399").Result(); err != nil || n != 0 {
		t.Errorf("the finish of the caller that left ran (%d, %v)", n, err)
	}
	if n := held.n.Load(); n != maxInFlight {
		t.Errorf("%d trips, want the %d held only", n, maxInFlight)
	}
}

func queuedCalls(s *Redis) int {
	g := s.kv.(*redisKV).group
	g.mu.Lock()
	defer g.mu.Unlock()
	return len(g.queue)
}

// waitFor waits for goroutines of the test to reach a state (not for a schedule).
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); !cond(); time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("waited 10 s for %s", what)
		}
	}
}

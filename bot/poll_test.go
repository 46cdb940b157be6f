package bot

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/bot/telegramtest"
)

// stopAfterBatch is a transport that cancels a Run right after the first
// getUpdates answer that carries updates, before the library hands them over:
// the library then drops some of the updates the poller already counted.
type stopAfterBatch struct {
	mu     sync.Mutex
	cancel context.CancelFunc
}

func (s *stopAfterBatch) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := http.DefaultTransport.RoundTrip(req)
	if err != nil || !strings.HasSuffix(req.URL.Path, "/getUpdates") {
		return resp, err
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	resp.Body = io.NopCloser(bytes.NewReader(body))
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cancel != nil && bytes.Contains(body, []byte(`"update_id"`)) {
		s.cancel()
		s.cancel = nil
	}
	return resp, nil
}

// A Run stopped while the library held updates the poller had counted must
// leave the bot able to run again in the same process: the next Run gets
// those updates again and answers each update once.
func TestRunAgainAfterStopMidBatch(t *testing.T) {
	t.Parallel()
	h := prepare(t, nil)
	chat := telegramtest.Private(memberTR)
	const n = 20
	var last int64
	for range n {
		last = h.tg.SendText(chat, memberTR, "/help")
	}
	tr := &stopAfterBatch{}
	cfg := Config{Token: h.tg.Token(), APIURL: h.tg.URL(), Admins: []int64{admin.ID, admin2.ID},
		Location: istanbul, Now: h.clock.Now, Sleep: h.clock.Sleep, PollTimeout: 2 * time.Second, Logger: testLogger(),
		After: func(time.Duration) <-chan time.Time { return h.tick }, HTTPClient: &http.Client{Transport: tr},
		OnHandled: h.noteHandled}
	b, err := New(context.Background(), cfg, h.store)
	if err != nil {
		t.Fatal(err)
	}
	run := func(ctx context.Context) chan error {
		done := make(chan error, 1)
		go func() { done <- b.Run(ctx) }()
		return done
	}
	wait := func(done chan error) {
		t.Helper()
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("Run: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("Run did not stop within 10 s")
		}
	}
	ctx1, cancel1 := context.WithCancel(context.Background())
	defer cancel1()
	tr.mu.Lock()
	tr.cancel = cancel1
	tr.mu.Unlock()
	wait(run(ctx1))

	ctx2, cancel2 := context.WithCancel(context.Background())
	done := run(ctx2)
	h.tg.WaitMessages(t, chat.ID, n)
	h.waitHandled(t, last)
	cancel2()
	wait(done)
	if got := len(h.tg.Messages(chat.ID)); got != n {
		t.Errorf("%d replies to %d updates", got, n)
	}
	if off, err := h.store.Offset(context.Background()); err != nil || off != last {
		t.Errorf("offset %d (%v), want %d", off, err, last)
	}
}

package bot

import (
	"context"
	"errors"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/ots-customs/wgbot/handlers"
)

// readyTTL is how long a readiness answer is reused: probes every second
// must not turn into a getMe and a Redis PING every second per prober.
const readyTTL = 5 * time.Second

// readiness checks that the store and Telegram answer, remembering the answer
// for readyTTL.
type readiness struct {
	check func(ctx context.Context) error
	now   func() time.Time

	mu      sync.Mutex
	at      time.Time
	lastErr error
}

func (r *readiness) get(ctx context.Context) error {
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.at.IsZero() && r.now().Sub(r.at) < readyTTL {
		return r.lastErr
	}
	ctx, cancel := context.WithTimeout(ctx, 3*time.Second)
	defer cancel()
	r.lastErr, r.at = r.check(ctx), r.now()
	return r.lastErr
}

// ready checks the store (Ping) and the Bot API (getMe).
func (b *Bot) ready(ctx context.Context) error {
	if err := b.store.Ping(ctx); err != nil {
		b.metrics.storageError("ping", err)
		return errors.New("storage does not answer")
	}
	if _, err := b.tg.GetMe(ctx); err != nil {
		return errors.New("telegram does not answer")
	}
	return nil
}

// opsMux is the HTTP surface of the bot: health, readiness and metrics, and
// the webhook when webhook is not nil.
//
//	GET  /healthz     200 while the process runs
//	GET  /readyz      200 when the store and Telegram answer (cached 5 s), else 503
//	GET  /metrics     Prometheus metrics
//	POST {path}       Telegram's updates (webhook mode)
func (b *Bot) opsMux(webhookPath string, webhook http.Handler) *http.ServeMux {
	rd := &readiness{check: b.ready, now: time.Now}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		_, _ = w.Write([]byte("ok\n"))
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		if err := rd.get(r.Context()); err != nil {
			w.WriteHeader(http.StatusServiceUnavailable)
			_, _ = w.Write([]byte(err.Error() + "\n"))
			return
		}
		_, _ = w.Write([]byte("ready\n"))
	})
	mux.Handle("GET /metrics", b.metrics.Handler())
	if b.cfg.PublicURL != "" {
		mux.Handle("GET "+handlers.CalendarPath, b.h.CalendarFeed()) // calendar subscriptions (issue 15)
	}
	b.mountApp(mux) // the Mini App (issue 16), when PUBLIC_URL is set
	if webhook != nil {
		if webhookPath == "" || webhookPath == "/" {
			webhookPath = "/{$}"
		}
		mux.Handle("POST "+webhookPath, webhook)
	}
	return mux
}

// opsServer serves handler on addr until stop is called. It returns the
// address it listens on (useful with port 0).
type opsServer struct {
	srv  *http.Server
	done chan struct{}
}

func (b *Bot) serveHTTP(addr string, handler http.Handler) (*opsServer, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	s := &opsServer{done: make(chan struct{}), srv: &http.Server{Handler: handler,
		ReadHeaderTimeout: 5 * time.Second, ReadTimeout: 15 * time.Second, WriteTimeout: 15 * time.Second,
		IdleTimeout: 90 * time.Second, MaxHeaderBytes: 16 << 10}}
	b.log.Info("serving HTTP", "addr", ln.Addr().String())
	go func() {
		defer close(s.done)
		if err := s.srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
			b.log.Error("HTTP server failed", "err", err)
		}
	}()
	return s, nil
}

// stop stops accepting requests and waits (up to 10 s) for those in flight.
func (s *opsServer) stop() {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = s.srv.Shutdown(ctx)
	<-s.done
}

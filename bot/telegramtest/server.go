// Package telegramtest provides an in-process fake of the Telegram Bot API
// for tests that drive the real github.com/go-telegram/bot client.
//
// A test starts a Server with New, points the client at it with
// tgbot.WithServerURL(srv.URL()) and srv.Token(), pushes updates
// (SendText, SendCallback, SendDocument, SendUpdate) and inspects what the
// bot did (Sent, Messages, WaitMessages, Calls, Commands, Callbacks).
// Failures can be injected with FailNext and Telegram-like rate limits can be
// enforced with WithRateLimits.
//
//	srv := telegramtest.New(t)
//	b, _ := tgbot.New(srv.Token(), tgbot.WithServerURL(srv.URL()), tgbot.WithDefaultHandler(h))
//	go b.Start(ctx) // cancel ctx before the test ends
//	srv.SendText(telegramtest.Private(u), u, "/start")
//	msgs := srv.WaitMessages(t, u.ID, 1)
//
// go-telegram/bot runs handlers in goroutines and confirms an update as soon
// as it is queued, so wait for the bot's effects (WaitMessages), not for
// WaitHandled, and let handlers tolerate a context cancelled at test end.
// getUpdates long polls are capped at 1 s of real time.
package telegramtest

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
)

const (
	defaultToken       = "123456:TEST-token"
	botID              = 123456
	botUsername        = "wgbot_test_bot"
	botFirstName       = "WG Test Bot"
	maxPollWait        = time.Second
	defaultWaitTimeout = 10 * time.Second
)

// Option configures a Server created by New.
type Option func(*config)

type config struct {
	token       string
	now         func() time.Time
	latency     time.Duration
	rateLimits  bool
	waitTimeout time.Duration
}

// WithClock sets the clock used for message dates and rate-limit accounting.
// Long-poll waits and WaitMessages timeouts always use real time.
func WithClock(now func() time.Time) Option {
	return func(c *config) { c.now = now }
}

// WithLatency delays every API request by d before it is handled (default 0).
func WithLatency(d time.Duration) Option {
	return func(c *config) { c.latency = d }
}

// WithRateLimits enables Telegram-like flood limits for sendMessage and
// sendDocument: 1 message per second per chat, 20 messages per minute per
// group and 30 messages per second overall. A call that breaks a limit gets
// 429 with parameters.retry_after (seconds, rounded up) and is counted by
// Server.TooMany.
func WithRateLimits() Option {
	return func(c *config) { c.rateLimits = true }
}

// WithToken changes the only bot token the server accepts (default
// "123456:TEST-token"). Requests with another token get 401 Unauthorized.
func WithToken(token string) Option {
	return func(c *config) { c.token = token }
}

// WithWaitTimeout changes the safety-net timeout of WaitMessages and
// WaitHandled (default 10 s of real time).
func WithWaitTimeout(d time.Duration) Option {
	return func(c *config) { c.waitTimeout = d }
}

// Server is a fake Telegram Bot API server backed by net/http/httptest.
// All methods are safe for concurrent use.
type Server struct {
	srv       *httptest.Server
	cfg       config
	done      chan struct{}
	closeOnce sync.Once

	mu      sync.Mutex
	changed chan struct{} // closed and replaced on every state change

	nextUpdateID   int64
	nextMessageID  int
	nextFileID     int
	nextCallbackID int

	updates   []pendingUpdate
	confirmed int64 // every update_id <= confirmed was confirmed by an offset

	chats     map[int64]Chat
	messages  map[msgKey]*storedMessage
	pinned    map[int64]int          // chat -> pinned message id (topics.go)
	menus     map[int64]MenuButton   // chat (0: the default) -> menu button (menubutton.go)
	files     map[string]*storedFile // by file_id
	filePaths map[string]*storedFile // by file_path
	queries   map[string]bool        // known callback_query ids

	sent     []Sent
	byChat   map[int64][]int // indexes into sent of the messages to each chat
	calls    map[string]int
	commands []models.BotCommand
	scoped   map[string][]models.BotCommand // by scope (scopeKey), for getMyCommands
	profile  map[string]string              // "description@ru", "short_description@" ...
	// memberStatus is what getChatMember says of a user in a chat
	// ("administrator", "creator"); "member" when not set.
	memberStatus map[[2]int64]string
	failures     []*failure
	tooMany      int
	webhook      string
	rate         rateState
}

// New starts a fake Bot API server; it is closed by t.Cleanup.
func New(t testing.TB, opts ...Option) *Server {
	t.Helper()
	s := Start(opts...)
	t.Cleanup(s.Close)
	return s
}

// Start starts a Bot API server on loopback outside a test (wgbot console);
// the caller must Close it.
func Start(opts ...Option) *Server {
	cfg := config{token: defaultToken, now: time.Now, waitTimeout: defaultWaitTimeout}
	for _, o := range opts {
		o(&cfg)
	}
	s := &Server{
		cfg:       cfg,
		done:      make(chan struct{}),
		changed:   make(chan struct{}),
		chats:     map[int64]Chat{},
		messages:  map[msgKey]*storedMessage{},
		files:     map[string]*storedFile{},
		filePaths: map[string]*storedFile{},
		queries:   map[string]bool{},
		calls:     map[string]int{},
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serveHTTP))
	return s
}

// Close stops the server; it may be called more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		close(s.done) // wake long polls so Close does not wait for them
		s.srv.Close()
	})
}

// URL returns the base URL to pass to tgbot.WithServerURL.
func (s *Server) URL() string { return s.srv.URL }

// Token returns the bot token tests should give the client.
func (s *Server) Token() string { return s.cfg.token }

// BotUsername returns the username getMe reports for the bot.
func (s *Server) BotUsername() string { return botUsername }

func (s *Server) now() time.Time { return s.cfg.now() }

// broadcast wakes every waiter; callers hold s.mu.
func (s *Server) broadcast() {
	close(s.changed)
	s.changed = make(chan struct{})
}

func botUser() *models.User {
	return &models.User{ID: botID, IsBot: true, FirstName: botFirstName, Username: botUsername}
}

func (s *Server) serveHTTP(w http.ResponseWriter, r *http.Request) {
	if rest, ok := strings.CutPrefix(r.URL.Path, "/file/bot"); ok {
		s.serveFile(w, rest)
		return
	}
	rest, ok := strings.CutPrefix(r.URL.Path, "/bot")
	if !ok {
		writeError(w, &apiError{code: http.StatusNotFound, description: "Not Found"})
		return
	}
	token, method, _ := strings.Cut(rest, "/")
	method = strings.TrimPrefix(method, "test/")
	if token != s.cfg.token {
		writeError(w, &apiError{code: http.StatusUnauthorized, description: "Unauthorized"})
		return
	}
	h, known := handlers[method]
	s.mu.Lock()
	s.calls[method]++
	s.mu.Unlock()
	if !known {
		writeError(w, &apiError{code: http.StatusNotFound, description: "Not Found: method not found"})
		return
	}
	if s.cfg.latency > 0 {
		select {
		case <-time.After(s.cfg.latency):
		case <-r.Context().Done():
			return
		}
	}
	req, err := parseRequest(r, method)
	if err != nil {
		writeError(w, badRequest("can't parse request: "+err.Error()))
		return
	}
	s.mu.Lock()
	if f := s.takeFailure(method, req.chatID); f != nil {
		s.mu.Unlock()
		writeError(w, f)
		return
	}
	s.mu.Unlock()

	var result any
	var apiErr *apiError
	if method == "getUpdates" {
		result, apiErr = s.getUpdates(req)
	} else {
		s.mu.Lock()
		result, apiErr = h(s, req)
		s.broadcast()
		s.mu.Unlock()
	}
	if apiErr == errCanceled {
		return
	}
	if apiErr != nil {
		writeError(w, apiErr)
		return
	}
	writeResult(w, result)
}

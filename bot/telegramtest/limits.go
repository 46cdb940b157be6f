package telegramtest

import (
	"net/http"
	"time"
)

type failure struct {
	method     string
	chatID     int64
	left       int
	code       int
	retryAfter int
	desc       string
}

// FailNext makes the next n calls of method (only those to chatID unless it
// is 0) fail with the given error code. An empty description gets a
// Telegram-like default, e.g. "Too Many Requests: retry after 3" for 429 or
// "Forbidden: bot was blocked by the user" for 403. Rules are consumed in
// the order they were added.
func (s *Server) FailNext(method string, chatID int64, n int, code int, retryAfter int, description string) {
	if description == "" {
		description = defaultDescription(code, retryAfter)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.failures = append(s.failures, &failure{method: method, chatID: chatID, left: n, code: code, retryAfter: retryAfter, desc: description})
}

func defaultDescription(code, retryAfter int) string {
	switch code {
	case http.StatusTooManyRequests:
		return tooManyRequests(retryAfter).description
	case http.StatusForbidden:
		return "Forbidden: bot was blocked by the user"
	case http.StatusBadRequest:
		return "Bad Request: chat not found"
	case http.StatusUnauthorized:
		return "Unauthorized"
	case http.StatusNotFound:
		return "Not Found"
	case http.StatusConflict:
		return "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running"
	default:
		return http.StatusText(code)
	}
}

// takeFailure consumes a matching FailNext rule; callers hold s.mu.
func (s *Server) takeFailure(method string, chatID int64) *apiError {
	for i, f := range s.failures {
		if f.method != method || (f.chatID != 0 && f.chatID != chatID) {
			continue
		}
		f.left--
		if f.left <= 0 {
			s.failures = append(s.failures[:i], s.failures[i+1:]...)
		}
		return &apiError{code: f.code, description: f.desc, retryAfter: f.retryAfter}
	}
	return nil
}

const (
	perChatInterval = time.Second
	groupWindow     = time.Minute
	groupLimit      = 20
	globalWindow    = time.Second
	globalLimit     = 30
)

type rateState struct {
	lastPerChat map[int64]time.Time
	group       map[int64][]time.Time
	global      []time.Time
}

// checkRate applies WithRateLimits to a message about to be sent to chat
// and, if allowed, accounts for it; callers hold s.mu.
func (s *Server) checkRate(chatID int64) *apiError {
	if !s.cfg.rateLimits {
		return nil
	}
	rs := &s.rate
	if rs.lastPerChat == nil {
		rs.lastPerChat = map[int64]time.Time{}
		rs.group = map[int64][]time.Time{}
	}
	now := s.now()
	var wait time.Duration
	if last, ok := rs.lastPerChat[chatID]; ok {
		wait = max(wait, last.Add(perChatInterval).Sub(now))
	}
	rs.global = prune(rs.global, now.Add(-globalWindow))
	if len(rs.global) >= globalLimit {
		wait = max(wait, rs.global[len(rs.global)-globalLimit].Add(globalWindow).Sub(now))
	}
	isGroup := s.chatModel(chatID).Type != "private"
	if isGroup {
		rs.group[chatID] = prune(rs.group[chatID], now.Add(-groupWindow))
		if g := rs.group[chatID]; len(g) >= groupLimit {
			wait = max(wait, g[len(g)-groupLimit].Add(groupWindow).Sub(now))
		}
	}
	if wait > 0 {
		s.tooMany++
		return tooManyRequests(int((wait + time.Second - 1) / time.Second))
	}
	rs.lastPerChat[chatID] = now
	rs.global = append(rs.global, now)
	if isGroup {
		rs.group[chatID] = append(rs.group[chatID], now)
	}
	return nil
}

// prune drops times at or before cutoff from the sorted slice ts.
func prune(ts []time.Time, cutoff time.Time) []time.Time {
	i := 0
	for i < len(ts) && !ts[i].After(cutoff) {
		i++
	}
	return ts[i:]
}

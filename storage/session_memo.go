package storage

import (
	"context"
	"sync"
)

// convMemo is the conversation state a Session read along with the rest, so
// that the handlers' Conversation call for the same user costs no second
// round trip. The store's own writes keep it current for the rest of the
// update; it lives only as long as the update's context.
type convMemo struct {
	mu     sync.Mutex
	userID int64  // set once, before the memo is shared
	raw    []byte // JSON as stored; nil when the user has none
	stale  bool
}

type convMemoKey struct{}

// WithSession returns a context that lets the store answer, from what s
// read, what the handling of the same update asks again: the tasks (while
// their version is unchanged) and the sender's conversation state.
func WithSession(ctx context.Context, s Session) context.Context {
	ctx = WithTasksVersion(ctx, s.TasksVersion)
	if s.conv != nil {
		ctx = context.WithValue(ctx, convMemoKey{}, s.conv)
	}
	return ctx
}

// memoFor is the memo of userID's conversation in ctx, or nil.
func memoFor(ctx context.Context, userID int64) *convMemo {
	m, _ := ctx.Value(convMemoKey{}).(*convMemo)
	if m == nil || m.userID != userID {
		return nil
	}
	return m
}

// get returns the remembered state, whether there is one, and whether the
// memo can still answer (false after a write whose outcome is unknown).
func (m *convMemo) get() (raw []byte, found, valid bool) {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.raw, m.raw != nil, !m.stale
}

// remember records the outcome of a write of userID's conversation in
// ctx's memo: raw on success, nil for a deletion; err makes the next read go
// to the store.
func remember(ctx context.Context, userID int64, raw []byte, err error) {
	m := memoFor(ctx, userID)
	if m == nil {
		return
	}
	m.mu.Lock()
	if err != nil {
		m.stale = true
	} else {
		m.raw = raw
	}
	m.mu.Unlock()
}

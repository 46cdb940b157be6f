package storage

import (
	"context"
	"time"
)

// NoticeCopy is one copy of a notice the bot sent: the same request,
// nomination or submission goes to every administrator, each in their chat.
type NoticeCopy struct {
	ChatID    int64 `json:"chat"`
	MessageID int   `json:"msg"`
}

// NoticeTTL is how long the copies of a notice are remembered: long after
// it is decided, an old copy is no longer worth editing.
const NoticeTTL = 30 * 24 * time.Hour

// NoticeStore remembers where the copies of each notice are, so that all of
// them can be edited when one is decided. A key names the subject
// ("acc:2001", "ctc:12", "sub:4:TR").
type NoticeStore interface {
	// AddNotice remembers one more copy of the notice key.
	AddNotice(ctx context.Context, key string, c NoticeCopy) error
	// Notices lists the copies of key, in the order they were added; none
	// when the key is unknown or its copies expired.
	Notices(ctx context.Context, key string) ([]NoticeCopy, error)
}

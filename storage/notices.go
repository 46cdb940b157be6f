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

// bNotices holds the copies of each notice, for NoticeTTL after the last was added.
var bNotices = newBucket(bucket{name: "notices", redis: "notices:", strings: true, expiring: true}) // key -> []NoticeCopy

// AddNotice appends a copy of a notice and renews its expiry.
func (s *store) AddNotice(ctx context.Context, key string, c NoticeCopy) error {
	return s.kv.update(ctx, "add notice "+key, func(tx kvTx) error {
		list, _, err := getJSON[[]NoticeCopy](tx, bNotices, key)
		if err != nil {
			return err
		}
		raw, err := encode(append(list, c), "notice "+key)
		if err != nil {
			return err
		}
		return tx.putUntil(bNotices, key, raw, s.now().Add(NoticeTTL))
	})
}

// Notices lists the copies of a notice.
func (s *store) Notices(ctx context.Context, key string) ([]NoticeCopy, error) {
	r := getOf(bNotices, key)
	if err := s.kv.view(ctx, "notices "+key, r); err != nil || r.val == nil {
		return nil, err
	}
	return decode[[]NoticeCopy](r.val, "notice "+key)
}

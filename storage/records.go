package storage

import (
	"context"
	"fmt"
	"strconv"
	"time"
)

// The records of the calendars, boards and digests (issue 15).
var (
	bCalToken = newBucket(bucket{name: "rec:caltoken", redis: "rec:caltoken"}) // SHA-256 of a calendar token (hex) -> user id
	bCalOwner = newBucket(bucket{name: "rec:calowner", redis: "rec:calowner"}) // user id -> the hash of their token
	bCalEvent = newBucket(bucket{name: "rec:calevent", redis: "rec:calevent"}) // task id -> CalendarEvent
	bBoard    = newBucket(bucket{name: "rec:board", redis: "rec:board"})       // chat id -> Board
	bDigest   = newBucket(bucket{name: "rec:digest", redis: "rec:digest"})     // user id -> Digest
)

// CalendarEvent is what the calendar feed remembers of a task's event, so
// that SEQUENCE rises and DTSTAMP moves exactly when the event changes.
type CalendarEvent struct {
	TaskID      int64     `json:"task"`
	Fingerprint string    `json:"fp"`  // a digest of what the event shows
	Sequence    int       `json:"seq"` // 0 for the first version
	Changed     time.Time `json:"changed"`
}

// Board is the live status board of a group: the pinned message the bot edits.
type Board struct {
	ChatID    int64 `json:"chat"`
	ThreadID  int   `json:"thread,omitempty"` // the forum topic it is in; 0 for none
	MessageID int   `json:"message"`
	// Shown is a digest of the text last put in the message, so an edit that
	// would change nothing is not sent.
	Shown string `json:"shown,omitempty"`
	// Dirty is set when something the board shows changed and the message
	// was not yet edited (the edit waits to coalesce a burst of changes).
	Dirty    bool      `json:"dirty,omitempty"`
	DirtyAt  time.Time `json:"dirty_at,omitzero"`
	EditedAt time.Time `json:"edited_at,omitzero"`
	By       int64     `json:"by"`
}

// Digest is a member's weekly digest: their Party's open tasks and what falls
// due in the next 30 days, each week on a day at a time.
type Digest struct {
	UserID  int64        `json:"user"`
	Party   Party        `json:"party,omitempty"` // "" for an administrator's digest of every task
	Weekday time.Weekday `json:"weekday"`
	Hour    int          `json:"hour"`
	Minute  int          `json:"minute"`
	Zone    string       `json:"zone,omitempty"` // IANA zone of Hour:Minute; "" for the deployment's
	// Last is when the latest digest was sent (zero: never).
	Last time.Time `json:"last,omitzero"`
	// Since is when the member set this day and time: a slot before it is not sent.
	Since time.Time `json:"since,omitzero"`
}

// CalendarStore keeps the calendar subscription tokens (only their hashes)
// and the versions of the calendar's events.
type CalendarStore interface {
	// SetCalendarToken makes hash the user's only calendar token, ending the
	// one they had, in one atomic step.
	SetCalendarToken(ctx context.Context, userID int64, hash string) error
	// CalendarTokenUser returns whose token hash is, or an error wrapping ErrNotFound.
	CalendarTokenUser(ctx context.Context, hash string) (int64, error)
	// HasCalendarToken reports whether the user has a calendar token.
	HasCalendarToken(ctx context.Context, userID int64) (bool, error)
	// DeleteCalendarToken ends a user's token; it reports whether there was one.
	DeleteCalendarToken(ctx context.Context, userID int64) (bool, error)
	// SyncCalendarEvents compares each task's fingerprint with the one
	// stored: a new event starts at sequence 0, a changed one gets the next
	// sequence, both changed at now. It returns the events of every task given.
	SyncCalendarEvents(ctx context.Context, fingerprints map[int64]string, now time.Time) (map[int64]CalendarEvent, error)
}

// BoardStore keeps the live boards of groups.
type BoardStore interface {
	PutBoard(ctx context.Context, b Board) error
	// Board returns a group's board or an error wrapping ErrNotFound.
	Board(ctx context.Context, chatID int64) (Board, error)
	// Boards lists every board by chat id.
	Boards(ctx context.Context) ([]Board, error)
	// DeleteBoard removes a group's board; it reports whether there was one.
	DeleteBoard(ctx context.Context, chatID int64) (bool, error)
}

// DigestStore keeps the members' weekly digests.
type DigestStore interface {
	PutDigest(ctx context.Context, d Digest) error
	// Digest returns a user's digest setting or an error wrapping ErrNotFound.
	Digest(ctx context.Context, userID int64) (Digest, error)
	// Digests lists every digest by user id.
	Digests(ctx context.Context) ([]Digest, error)
	// DeleteDigest stops a user's digest; it reports whether there was one.
	DeleteDigest(ctx context.Context, userID int64) (bool, error)
}

// SetCalendarToken makes hash the user's only calendar token, ending the
// one they had, in one transaction.
func (s *store) SetCalendarToken(ctx context.Context, userID int64, hash string) error {
	return s.kv.update(ctx, "set calendar token of "+id(userID), func(tx kvTx) error {
		old, had, err := tx.get(bCalOwner, id(userID))
		if err != nil {
			return err
		}
		if had && string(old) != hash {
			if err := tx.del(bCalToken, string(old)); err != nil {
				return err
			}
		}
		if err := tx.put(bCalToken, hash, []byte(id(userID))); err != nil {
			return err
		}
		return tx.put(bCalOwner, id(userID), []byte(hash))
	})
}

// CalendarTokenUser returns whose token hash is.
func (s *store) CalendarTokenUser(ctx context.Context, hash string) (int64, error) {
	r := getOf(bCalToken, hash)
	if err := s.kv.view(ctx, "calendar token", r); err != nil {
		return 0, err
	}
	if r.val == nil {
		return 0, fmt.Errorf("storage: calendar token: %w", ErrNotFound)
	}
	return strconv.ParseInt(string(r.val), 10, 64)
}

// HasCalendarToken reports whether the user has a calendar token.
func (s *store) HasCalendarToken(ctx context.Context, userID int64) (bool, error) {
	r := getOf(bCalOwner, id(userID))
	err := s.kv.view(ctx, "calendar token of "+id(userID), r)
	return r.val != nil, err
}

// DeleteCalendarToken ends a user's token.
func (s *store) DeleteCalendarToken(ctx context.Context, userID int64) (bool, error) {
	var had bool
	err := s.kv.update(ctx, "delete calendar token of "+id(userID), func(tx kvTx) error {
		old, found, err := tx.get(bCalOwner, id(userID))
		if had = found; err != nil || !found {
			return err
		}
		if err := tx.del(bCalToken, string(old)); err != nil {
			return err
		}
		return tx.del(bCalOwner, id(userID))
	})
	return had, err
}

// SyncCalendarEvents writes only the events that changed. Two instances
// syncing at once compute the same result from the same tasks, and the
// transaction runs again for the one that lost.
func (s *store) SyncCalendarEvents(ctx context.Context, fps map[int64]string, now time.Time) (map[int64]CalendarEvent, error) {
	var out map[int64]CalendarEvent
	err := s.kv.update(ctx, "sync calendar events", func(tx kvTx) error {
		out = map[int64]CalendarEvent{}
		pairs, err := tx.scan(bCalEvent, "")
		if err != nil {
			return err
		}
		stored, err := decodePairs[CalendarEvent](pairs, bCalEvent)
		if err != nil {
			return err
		}
		byTask := map[int64]CalendarEvent{}
		for _, e := range stored {
			byTask[e.TaskID] = e
		}
		for task, fp := range fps {
			e, ok := byTask[task]
			switch {
			case !ok:
				e = CalendarEvent{TaskID: task, Fingerprint: fp, Changed: now.UTC()}
			case e.Fingerprint != fp:
				e = CalendarEvent{TaskID: task, Fingerprint: fp, Sequence: e.Sequence + 1, Changed: now.UTC()}
			default:
				out[task] = e
				continue
			}
			if err := putJSON(tx, bCalEvent, id(task), e); err != nil {
				return err
			}
			out[task] = e
		}
		return nil
	})
	return out, err
}

// PutBoard implements BoardStore.
func (s *store) PutBoard(ctx context.Context, b Board) error {
	return putOne(ctx, s.kv, bBoard, id(b.ChatID), b)
}

// Board implements BoardStore.
func (s *store) Board(ctx context.Context, chatID int64) (Board, error) {
	return one[Board](ctx, s.kv, bBoard, id(chatID))
}

// Boards implements BoardStore: by chat id.
func (s *store) Boards(ctx context.Context) ([]Board, error) {
	return allByNumber[Board](ctx, s.kv, bBoard)
}

// DeleteBoard implements BoardStore.
func (s *store) DeleteBoard(ctx context.Context, chatID int64) (bool, error) {
	return delOne(ctx, s.kv, bBoard, id(chatID))
}

// PutDigest implements DigestStore.
func (s *store) PutDigest(ctx context.Context, d Digest) error {
	return putOne(ctx, s.kv, bDigest, id(d.UserID), d)
}

// Digest implements DigestStore.
func (s *store) Digest(ctx context.Context, userID int64) (Digest, error) {
	return one[Digest](ctx, s.kv, bDigest, id(userID))
}

// Digests implements DigestStore: by user id.
func (s *store) Digests(ctx context.Context) ([]Digest, error) {
	return allByNumber[Digest](ctx, s.kv, bDigest)
}

// DeleteDigest stops a user's digest and forgets the week last sent.
func (s *store) DeleteDigest(ctx context.Context, userID int64) (bool, error) {
	var had bool
	err := s.kv.update(ctx, "delete digest "+id(userID), func(tx kvTx) error {
		var err error
		if _, had, err = tx.get(bDigest, id(userID)); err != nil {
			return err
		}
		if err := tx.del(bDigest, id(userID)); err != nil {
			return err
		}
		return tx.del(bDigestClaim, id(userID))
	})
	return had, err
}

// allByNumber decodes every entry of a bucket keyed by decimal ids, by id.
func allByNumber[T any](ctx context.Context, kv kvStore, b *bucket) ([]T, error) {
	r := scanOf(b, "")
	if err := kv.view(ctx, "list "+b.name, r); err != nil {
		return nil, err
	}
	return decodePairs[T](byNumber(r.pairs), b)
}

package storage

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"time"
)

// Records of the calendars, boards and digests (issue 15). Each is plain
// keyed JSON, kept the same way in both backends (a Redis hash, a bbolt
// bucket per kind), so its rules are written once here over recordStore and
// a migration copies every kind without knowing it.
const (
	kindCalToken = "caltoken" // SHA-256 of a calendar token (hex) -> user id
	kindCalOwner = "calowner" // user id -> the hash of their token
	kindCalEvent = "calevent" // task id -> CalendarEvent
	kindBoard    = "board"    // chat id -> Board
	kindDigest   = "digest"   // user id -> Digest
)

// recordKinds lists every kind, for export and import.
var recordKinds = []string{kindCalToken, kindCalOwner, kindCalEvent, kindBoard, kindDigest, kindDigestClaim,
	kindUserSettings, kindChatSettings, kindTelegramLang} // settings.go

// recordOp is one write of an atomic batch: a put, or a delete when del.
type recordOp struct {
	kind, key string
	val       []byte
	del       bool
}

// recordStore is what each backend provides for the records above.
type recordStore interface {
	recordGet(ctx context.Context, kind, key string) ([]byte, bool, error)
	recordAll(ctx context.Context, kind string) (map[string][]byte, error)
	// recordApply runs ops in one atomic step.
	recordApply(ctx context.Context, op string, ops []recordOp) error
}

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

func putOp(kind, key string, v any) (recordOp, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return recordOp{}, fmt.Errorf("storage: encode %s %s: %w", kind, key, err)
	}
	return recordOp{kind: kind, key: key, val: b}, nil
}

func recordOne[T any](ctx context.Context, rs recordStore, kind, key string) (T, error) {
	var v T
	raw, ok, err := rs.recordGet(ctx, kind, key)
	if err != nil {
		return v, err
	}
	if !ok {
		return v, fmt.Errorf("storage: %s %s: %w", kind, key, ErrNotFound)
	}
	if err := json.Unmarshal(raw, &v); err != nil {
		return v, fmt.Errorf("storage: decode %s %s: %w", kind, key, err)
	}
	return v, nil
}

func recordList[T any](ctx context.Context, rs recordStore, kind string) ([]T, error) {
	all, err := rs.recordAll(ctx, kind)
	if err != nil {
		return nil, err
	}
	keys := slices.Collect(maps.Keys(all))
	// Keys are decimal ids: order them as numbers.
	slices.SortFunc(keys, func(a, b string) int {
		x, _ := strconv.ParseInt(a, 10, 64)
		y, _ := strconv.ParseInt(b, 10, 64)
		return cmp.Compare(x, y)
	})
	out := make([]T, 0, len(keys))
	for _, k := range keys {
		var v T
		if err := json.Unmarshal(all[k], &v); err != nil {
			return nil, fmt.Errorf("storage: decode %s %s: %w", kind, k, err)
		}
		out = append(out, v)
	}
	return out, nil
}

func recordDelete(ctx context.Context, rs recordStore, kind, key string) (bool, error) {
	_, ok, err := rs.recordGet(ctx, kind, key)
	if err != nil || !ok {
		return false, err
	}
	return true, rs.recordApply(ctx, "delete "+kind+" "+key, []recordOp{{kind: kind, key: key, del: true}})
}

// deleteDigest ends a user's digest and forgets the week last sent.
func deleteDigest(ctx context.Context, rs recordStore, userID int64) (bool, error) {
	_, had, err := rs.recordGet(ctx, kindDigest, id(userID))
	if err != nil {
		return false, err
	}
	return had, rs.recordApply(ctx, "delete digest "+id(userID), []recordOp{
		{kind: kindDigest, key: id(userID), del: true}, {kind: kindDigestClaim, key: id(userID), del: true}})
}

func setCalendarToken(ctx context.Context, rs recordStore, userID int64, hash string) error {
	old, had, err := rs.recordGet(ctx, kindCalOwner, id(userID))
	if err != nil {
		return err
	}
	ops := []recordOp{
		{kind: kindCalToken, key: hash, val: []byte(id(userID))},
		{kind: kindCalOwner, key: id(userID), val: []byte(hash)},
	}
	if had && string(old) != hash {
		ops = append([]recordOp{{kind: kindCalToken, key: string(old), del: true}}, ops...)
	}
	return rs.recordApply(ctx, "set calendar token of "+id(userID), ops)
}

func calendarTokenUser(ctx context.Context, rs recordStore, hash string) (int64, error) {
	raw, ok, err := rs.recordGet(ctx, kindCalToken, hash)
	if err != nil {
		return 0, err
	}
	if !ok {
		return 0, fmt.Errorf("storage: calendar token: %w", ErrNotFound)
	}
	return strconv.ParseInt(string(raw), 10, 64)
}

func hasCalendarToken(ctx context.Context, rs recordStore, userID int64) (bool, error) {
	_, had, err := rs.recordGet(ctx, kindCalOwner, id(userID))
	return had, err
}

func deleteCalendarToken(ctx context.Context, rs recordStore, userID int64) (bool, error) {
	old, had, err := rs.recordGet(ctx, kindCalOwner, id(userID))
	if err != nil || !had {
		return false, err
	}
	return true, rs.recordApply(ctx, "delete calendar token of "+id(userID), []recordOp{
		{kind: kindCalToken, key: string(old), del: true}, {kind: kindCalOwner, key: id(userID), del: true}})
}

// syncCalendarEvents writes only the events that changed. Two instances
// syncing at once compute the same result from the same tasks, so the last
// write wins harmlessly.
func syncCalendarEvents(ctx context.Context, rs recordStore, fps map[int64]string, now time.Time) (map[int64]CalendarEvent, error) {
	stored, err := recordList[CalendarEvent](ctx, rs, kindCalEvent)
	if err != nil {
		return nil, err
	}
	byTask := map[int64]CalendarEvent{}
	for _, e := range stored {
		byTask[e.TaskID] = e
	}
	out := map[int64]CalendarEvent{}
	var ops []recordOp
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
		op, err := putOp(kindCalEvent, id(task), e)
		if err != nil {
			return nil, err
		}
		ops = append(ops, op)
		out[task] = e
	}
	if len(ops) > 0 {
		if err := rs.recordApply(ctx, "sync calendar events", ops); err != nil {
			return nil, err
		}
	}
	return out, nil
}

func putRecord(ctx context.Context, rs recordStore, kind, key string, v any) error {
	op, err := putOp(kind, key, v)
	if err != nil {
		return err
	}
	return rs.recordApply(ctx, "put "+kind+" "+key, []recordOp{op})
}

// exportRecords reads every record of every kind, for a Snapshot.
func exportRecords(ctx context.Context, rs recordStore) (map[string]map[string]string, error) {
	out := map[string]map[string]string{}
	for _, kind := range recordKinds {
		all, err := rs.recordAll(ctx, kind)
		if err != nil {
			return nil, err
		}
		if len(all) == 0 {
			continue
		}
		m := map[string]string{}
		for k, v := range all {
			m[k] = string(v)
		}
		out[kind] = m
	}
	if len(out) == 0 {
		return nil, nil
	}
	return out, nil
}

// importOps are the writes that put a Snapshot's records back.
func importOps(recs map[string]map[string]string) []recordOp {
	var ops []recordOp
	for kind, m := range recs {
		for k, v := range m {
			ops = append(ops, recordOp{kind: kind, key: k, val: []byte(v)})
		}
	}
	return ops
}

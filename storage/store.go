// Package storage holds the Working Group's records (Parties, meetings, tasks,
// members, contacts...), the Store contract the bot keeps them behind, and
// its two backends: Redis (redis.go) and an embedded bbolt file (bolt.go).
// It knows nothing of Telegram.
//
// The rules of every kind of record are written once, in the file of that
// kind (member.go, task.go, contacts.go, settings.go...), against a small
// transactional key-value interface (kv.go) that each backend implements
// (kv_redis.go, kv_bolt.go). The alert queue and the update inbox are behind
// a second small interface (queues.go): Redis keeps them in its own
// structures (sorted sets and Lua scripts, queues_redis.go), the embedded
// store over its key space (queues_kv.go).
//
// What a method returns is the caller's: slices, maps and structs are
// copies, and changing them changes nothing stored or cached.
package storage

import (
	"context"
	"errors"
	"time"
)

// Errors of the Store contract. Implementations wrap them with the operation.
var (
	// ErrNotFound: the record asked for does not exist.
	ErrNotFound = errors.New("not found")
	// ErrUnavailable: the backing store did not answer in time or refused; the
	// request may succeed if retried shortly. Users are told exactly that.
	ErrUnavailable = errors.New("storage unavailable")
	// ErrAlreadyDecided: an access request was decided before this decision.
	ErrAlreadyDecided = errors.New("already decided")
	// ErrLeaseLost: a claimed alert was claimed again by another instance.
	ErrLeaseLost = errors.New("alert lease lost")
)

// Session is what the bot must know about an update before it handles it,
// fetched in one round trip.
type Session struct {
	Seen         bool    // the update was handled before (a redelivery after a crash)
	Member       *Member // nil for a user who is not a member
	GroupEnabled bool    // the chat is a group in which an administrator ran /enable
	// TasksVersion identifies the state of the tasks when the session was read.
	// Passing it on with WithTasksVersion lets the store answer Tasks from
	// memory, without a round trip, while nothing changed.
	TasksVersion string
	// User and Chat are the settings of the sender and of the group (issue
	// 13); zero when none was chosen (Chat always, in a private chat).
	User, Chat Settings
	// TelegramLanguage is the language_code last recorded for the sender.
	TelegramLanguage string
	// conv is the sender's conversation state, when the store read it with
	// the rest (WithSession hands it on).
	conv *convMemo
}

type tasksVersionKey struct{}

// WithTasksVersion returns a context that tells the store which version of
// the tasks this request may see (the one its Session read).
func WithTasksVersion(ctx context.Context, v string) context.Context {
	if v == "" {
		return ctx
	}
	return context.WithValue(ctx, tasksVersionKey{}, v)
}

func tasksVersion(ctx context.Context) string {
	v, _ := ctx.Value(tasksVersionKey{}).(string)
	return v
}

// store implements Store once for both backends, over their key spaces and
// queues; Redis and Bolt embed it.
type store struct {
	queues                  // the alert queue and the inbox (queues.go)
	kv     kvStore          // every record (kv.go)
	now    func() time.Time // the clock of expiry times
	cache  taskCache        // decoded tasks of one tasks version (task.go)
}

// Ping checks that the backend answers.
func (s *store) Ping(ctx context.Context) error { return s.kv.ping(ctx) }

// Seed is the data that ships with the bot, loaded once into an empty store.
type Seed struct {
	Version  string    `json:"version"`
	Meetings []Meeting `json:"meetings"`
	Tasks    []Task    `json:"tasks"`
}

// Store keeps the bot's data. Every method is safe for concurrent use, bounded
// by ctx, and returns an error wrapping ErrUnavailable when the backend cannot
// be reached.
type Store interface {
	TaskStore
	AlertStore
	ImportStore
	ContactStore
	CalendarStore // records.go (issue 15)
	BoardStore
	DigestStore
	DigestClaims
	NoticeStore
	SettingsStore // settings.go (issue 13)

	// Ping checks that the backend answers.
	Ping(ctx context.Context) error

	// LoadSeed stores seed unless a seed was loaded before; it reports whether
	// it loaded it. Later edits are never overwritten.
	LoadSeed(ctx context.Context, seed Seed) (bool, error)

	// Session returns, in one round trip, whether updateID was handled, the
	// member userID (if any), whether chatID is an enabled group, and the
	// settings of both.
	Session(ctx context.Context, updateID, userID, chatID int64) (Session, error)
	// MarkHandled records that updateID was handled, so a redelivery is dropped.
	MarkHandled(ctx context.Context, updateID int64) error
	// Offset returns the last update id of the last fully handled batch (0 if none).
	Offset(ctx context.Context) (int64, error)
	// SetOffset records id as the last update of a fully handled batch; it never moves back.
	SetOffset(ctx context.Context, id int64) error

	// Meetings returns every meeting, latest first.
	Meetings(ctx context.Context) ([]Meeting, error)
	// Tasks returns every task, soonest deadline first.
	Tasks(ctx context.Context) ([]Task, error)
	// ReadTasks calls read with every task, soonest deadline first, and
	// their version, without copying: read must not change or keep them.
	ReadTasks(ctx context.Context, read func(version string, tasks []Task) error) error
	// Task returns one task or an error wrapping ErrNotFound.
	Task(ctx context.Context, id int64) (Task, error)

	// Member returns the member userID or an error wrapping ErrNotFound.
	Member(ctx context.Context, userID int64) (Member, error)
	// PutMember creates or replaces a member.
	PutMember(ctx context.Context, m Member) error
	// Members returns every member, by Party then name.
	Members(ctx context.Context) ([]Member, error)
	// RemoveMember deletes a member; it reports whether there was one.
	RemoveMember(ctx context.Context, userID int64) (bool, error)

	// RequestAccess records a pending request. When the user already has a
	// pending request it is returned unchanged with created false.
	RequestAccess(ctx context.Context, r AccessRequest) (AccessRequest, bool, error)
	// AccessRequest returns a user's latest request or an error wrapping ErrNotFound.
	AccessRequest(ctx context.Context, userID int64) (AccessRequest, error)
	// DecideAccess approves or rejects a pending request atomically; approving
	// creates the member. A request decided before gives ErrAlreadyDecided and
	// the request as it was decided.
	DecideAccess(ctx context.Context, userID int64, approve bool, by int64, at time.Time) (AccessRequest, error)
	// PendingRequests lists pending requests, oldest first.
	PendingRequests(ctx context.Context) ([]AccessRequest, error)

	// SetGroupEnabled enables or disables the bot in a group chat.
	SetGroupEnabled(ctx context.Context, chatID int64, enabled bool) error
}

package storage

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"
)

// Snapshot is every record of a store, in a form both backends read and
// write: `wgbot migrate` exports one store and imports it into another.
// Expiring records carry their expiry time. Lists are in a fixed order, so
// two snapshots of the same data compare equal (see Digest).
type Snapshot struct {
	Seed       string `json:"seed"`
	Offset     int64  `json:"offset"`
	TaskSeq    int64  `json:"task_seq"`
	ContactSeq int64  `json:"contact_seq"`

	Meetings []Meeting                `json:"meetings"`
	Tasks    []Task                   `json:"tasks"`
	History  map[int64][]StatusChange `json:"history"` // latest first
	Members  []Member                 `json:"members"`
	Requests []AccessRequest          `json:"requests"`
	Groups   []int64                  `json:"groups"`

	Subscriptions []Subscription  `json:"subscriptions"`
	Alerts        []SnapshotAlert `json:"alerts"` // claimed alerts come back due at their time
	AlertsSent    []string        `json:"alerts_sent"`

	Contacts      []Contact              `json:"contacts"`
	Emails        map[string]int64       `json:"emails"`
	Conversations []SnapshotConversation `json:"conversations"`
	Audit         []AuditEntry           `json:"audit"` // latest first

	Imports []Import         `json:"imports"`
	Uploads []SnapshotUpload `json:"uploads"`

	Handled map[int64]time.Time `json:"handled"` // update id -> when its mark expires
	Inbox   []SnapshotInbox     `json:"inbox"`

	// Records are the calendars', boards' and digests' records (records.go):
	// kind -> key -> JSON.
	Records map[string]map[string]string `json:"records,omitempty"`
}

// SnapshotAlert is the next alert of a task in a chat.
type SnapshotAlert struct {
	TaskID int64     `json:"task"`
	ChatID int64     `json:"chat"`
	At     time.Time `json:"at"`
}

// SnapshotConversation is a conversation's idle entry and, while it lasts, its state.
type SnapshotConversation struct {
	UserID  int64         `json:"user"`
	Idle    time.Time     `json:"idle"`
	State   *Conversation `json:"state,omitempty"` // nil when expired
	Expires time.Time     `json:"expires,omitzero"`
}

// SnapshotUpload is an upload waiting for import.
type SnapshotUpload struct {
	Upload  Upload    `json:"upload"`
	Expires time.Time `json:"expires"`
}

// SnapshotInbox is a webhook update not yet handled.
type SnapshotInbox struct {
	UpdateID int64           `json:"update"`
	Raw      json.RawMessage `json:"raw"`
	Visible  time.Time       `json:"visible"`
	Born     time.Time       `json:"born"`
}

// Migrator is a store that can be copied whole: Redis and Bolt.
type Migrator interface {
	Store
	// Export reads every record. Run it with the bot stopped.
	Export(ctx context.Context) (*Snapshot, error)
	// Import writes every record of snap into this store, which must be
	// empty (ErrNotEmpty otherwise), in one atomic step.
	Import(ctx context.Context, snap *Snapshot) error
}

// ErrNotEmpty: the target of an import already holds data.
var ErrNotEmpty = errors.New("the target store is not empty")

// Empty reports whether the snapshot holds no data at all.
func (s *Snapshot) Empty() bool {
	return s.Seed == "" && s.Offset == 0 && s.TaskSeq == 0 && s.ContactSeq == 0 && len(s.Meetings) == 0 &&
		len(s.Tasks) == 0 && len(s.Members) == 0 && len(s.Requests) == 0 && len(s.Groups) == 0 &&
		len(s.Subscriptions) == 0 && len(s.Alerts) == 0 && len(s.Contacts) == 0 && len(s.Conversations) == 0 &&
		len(s.Audit) == 0 && len(s.Imports) == 0 && len(s.Uploads) == 0 && len(s.Inbox) == 0 && len(s.Records) == 0
}

// Counts summarises a snapshot for people: records of each kind.
func (s *Snapshot) Counts() string {
	return fmt.Sprintf("%d meetings, %d tasks, %d members, %d access requests, %d groups, %d subscriptions, "+
		"%d scheduled alerts, %d contacts, %d conversations, %d audit entries, %d imports, %d uploads, %d waiting updates",
		len(s.Meetings), len(s.Tasks), len(s.Members), len(s.Requests), len(s.Groups), len(s.Subscriptions),
		len(s.Alerts), len(s.Contacts), len(s.Conversations), len(s.Audit), len(s.Imports), len(s.Uploads), len(s.Inbox))
}

// Digest is the snapshot as JSON without its expiry times (which each backend
// keeps to its own precision) and handled marks: two stores hold the same data
// when their digests are equal.
func (s *Snapshot) Digest() string {
	c := *s
	c.Handled = nil
	c.Conversations = slices.Clone(s.Conversations)
	for i := range c.Conversations {
		c.Conversations[i].Expires = time.Time{}
	}
	c.Uploads = slices.Clone(s.Uploads)
	for i := range c.Uploads {
		c.Uploads[i].Expires = time.Time{}
	}
	b, _ := json.Marshal(&c)
	return string(b)
}

// normalize puts every list of a snapshot in its fixed order.
func (s *Snapshot) normalize() {
	slices.SortFunc(s.Meetings, func(a, b Meeting) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(s.Tasks, func(a, b Task) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(s.Members, func(a, b Member) int { return cmp.Compare(a.UserID, b.UserID) })
	slices.SortFunc(s.Requests, func(a, b AccessRequest) int { return cmp.Compare(a.UserID, b.UserID) })
	slices.Sort(s.Groups)
	slices.SortFunc(s.Subscriptions, func(a, b Subscription) int { return cmp.Compare(a.ChatID, b.ChatID) })
	slices.SortFunc(s.Alerts, func(a, b SnapshotAlert) int {
		return cmp.Or(cmp.Compare(a.TaskID, b.TaskID), cmp.Compare(a.ChatID, b.ChatID))
	})
	slices.Sort(s.AlertsSent)
	slices.SortFunc(s.Contacts, func(a, b Contact) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(s.Conversations, func(a, b SnapshotConversation) int { return cmp.Compare(a.UserID, b.UserID) })
	slices.SortFunc(s.Imports, func(a, b Import) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(s.Uploads, func(a, b SnapshotUpload) int { return cmp.Compare(a.Upload.ID, b.Upload.ID) })
	slices.SortFunc(s.Inbox, func(a, b SnapshotInbox) int { return cmp.Compare(a.UpdateID, b.UpdateID) })
	if s.History == nil {
		s.History = map[int64][]StatusChange{}
	}
	if s.Emails == nil {
		s.Emails = map[string]int64{}
	}
	if s.Handled == nil {
		s.Handled = map[int64]time.Time{}
	}
}

// Copy copies every record of from into to (which must be empty), then reads
// to back and checks it holds the same data. It returns what was copied.
func Copy(ctx context.Context, from, to Migrator) (*Snapshot, error) {
	snap, err := from.Export(ctx)
	if err != nil {
		return nil, fmt.Errorf("read the source: %w", err)
	}
	if err := to.Import(ctx, snap); err != nil {
		return nil, fmt.Errorf("write the target: %w", err)
	}
	got, err := to.Export(ctx)
	if err != nil {
		return nil, fmt.Errorf("read the target back: %w", err)
	}
	if got.Digest() != snap.Digest() {
		return nil, errors.New("storage: the copy differs from the source")
	}
	return snap, nil
}

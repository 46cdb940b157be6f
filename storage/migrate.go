package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
)

// Snapshot is every record of a store, in a form both backends read and
// write: `wgbot migrate` exports one store and imports it into another. It is
// the key space, bucket by bucket, and the queues; a migration needs to know
// no kind of record.
type Snapshot struct {
	// Buckets holds each bucket's entries by key.
	Buckets map[string][]SnapshotEntry `json:"buckets"`
	Queues  *queueDump                 `json:"queues"`
}

// SnapshotEntry is one entry of the key space.
type SnapshotEntry struct {
	Key   string    `json:"key"`
	Value string    `json:"value"`          // as stored: JSON, a number, or ""
	Until time.Time `json:"until,omitzero"` // when an expiring entry stops existing
}

// Migrator is a store that can be copied whole: Redis and Bolt.
type Migrator interface {
	Store
	// Export reads every record. Run it with the bot stopped.
	Export(ctx context.Context) (*Snapshot, error)
	// Import writes every record of snap into this store, which must be
	// empty (ErrNotEmpty otherwise).
	Import(ctx context.Context, snap *Snapshot) error
}

// ErrNotEmpty: the target of an import already holds data.
var ErrNotEmpty = errors.New("the target store is not empty")

// Export reads the whole key space in one view, then the queues.
func (s *store) Export(ctx context.Context) (*Snapshot, error) {
	reads := make([]*kvRead, len(buckets))
	for i, b := range buckets {
		reads[i] = scanOf(b, "")
	}
	if err := s.kv.view(ctx, "export", reads...); err != nil {
		return nil, err
	}
	snap := &Snapshot{Buckets: map[string][]SnapshotEntry{}}
	for _, r := range reads {
		for _, p := range r.pairs {
			if r.b == bMeta && p.key == metaLayout {
				continue // the target keeps its own
			}
			e := SnapshotEntry{Key: p.key, Value: string(p.val)}
			if r.b.expiring {
				e.Until = p.until.UTC()
			}
			snap.Buckets[r.b.name] = append(snap.Buckets[r.b.name], e)
		}
	}
	q, err := s.queues.dumpQueues(ctx)
	if err != nil {
		return nil, err
	}
	slices.SortFunc(q.Alerts, func(a, b queuedAlert) int { return strings.Compare(a.Member, b.Member) })
	slices.Sort(q.Sent)
	slices.SortFunc(q.Inbox, func(a, b queuedItem) int { return int(min(max(a.UpdateID-b.UpdateID, -1), 1)) })
	snap.Queues = q
	return snap, nil
}

// Import writes a snapshot into this empty store: the key space in one
// transaction, then the queues.
func (s *store) Import(ctx context.Context, snap *Snapshot) error {
	cur, err := s.Export(ctx)
	if err != nil {
		return err
	}
	if !cur.Empty() {
		return ErrNotEmpty
	}
	byName := map[string]*bucket{}
	for _, b := range buckets {
		byName[b.name] = b
	}
	err = s.kv.update(ctx, "import", func(tx kvTx) error {
		for name, entries := range snap.Buckets {
			b, ok := byName[name]
			if !ok {
				return fmt.Errorf("storage: the snapshot holds an unknown bucket %q", name)
			}
			for _, e := range entries {
				var err error
				if b.expiring {
					err = tx.putUntil(b, e.Key, []byte(e.Value), e.Until)
				} else {
					err = tx.put(b, e.Key, []byte(e.Value))
				}
				if err != nil {
					return err
				}
			}
		}
		return nil
	})
	s.cache.invalidate()
	if err != nil {
		return err
	}
	if snap.Queues != nil {
		return s.queues.loadQueues(ctx, snap.Queues)
	}
	return nil
}

// Empty reports whether the snapshot holds no data at all (handled marks,
// which only dedupe Telegram's redeliveries, do not count).
func (s *Snapshot) Empty() bool {
	for name, es := range s.Buckets {
		if len(es) > 0 && name != bHandled.name {
			return false
		}
	}
	return s.Queues == nil || s.Queues.empty()
}

// Count returns how many entries the bucket named holds.
func (s *Snapshot) Count(name string) int { return len(s.Buckets[name]) }

// Counts summarises a snapshot for people: entries of each bucket.
func (s *Snapshot) Counts() string {
	var parts []string
	names := []string{"tasks", "members", "meetings", "requests", "contacts"} // the ones people look for, first
	for _, b := range buckets {
		if b != bMeta && !slices.Contains(names, b.name) {
			names = append(names, b.name)
		}
	}
	for _, name := range names {
		if n := len(s.Buckets[name]); n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n, name))
		}
	}
	if q := s.Queues; q != nil {
		parts = append(parts, fmt.Sprintf("%d scheduled alerts", len(q.Alerts)), fmt.Sprintf("%d sent alerts", len(q.Sent)),
			fmt.Sprintf("%d waiting updates", len(q.Inbox)))
	}
	return strings.Join(parts, ", ")
}

// Digest is the snapshot as JSON without its expiry times (which each backend
// keeps to its own precision): two stores hold the same data when their
// digests are equal.
func (s *Snapshot) Digest() string {
	c := Snapshot{Buckets: map[string][]SnapshotEntry{}, Queues: s.Queues}
	for name, es := range s.Buckets {
		es = slices.Clone(es)
		for i := range es {
			es[i].Until = time.Time{}
		}
		c.Buckets[name] = es
	}
	b, _ := json.Marshal(&c)
	return string(b)
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

package storage

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Bolt is the Store in one bbolt file: the embedded default for a single
// instance, used when REDIS_URL is not set. Every method runs in one bbolt
// transaction, so every change is atomic, and a committed change is on disk
// (bbolt syncs the file at each commit): a crash, even kill -9, loses at most
// the change in flight and never leaves half of one. bbolt locks the file, so
// a second process on the same file cannot open it.
//
// It keeps the same key space as Redis (kv_bolt.go), one bucket per kind of
// record; the entries that expire carry their expiry time, checked when
// read. The queues are buckets of their own, kept by the same transactions
// (queues_kv.go).
type Bolt struct {
	*store
	db   *bolt.DB
	path string
}

var (
	_ Store    = (*Bolt)(nil)
	_ Inbox    = (*Bolt)(nil)
	_ Migrator = (*Bolt)(nil)
)

// ErrLocked: another process holds the embedded store's file.
var ErrLocked = errors.New("the file is in use by another process")

// BoltOptions tune the embedded store; zero values take the defaults.
type BoltOptions struct {
	// Timeout is how long Open waits for another process to release the
	// file; default 1 s.
	Timeout time.Duration
	// Now is the clock of expiry times; nil: time.Now.
	Now func() time.Time
}

// OpenBolt opens (creating it and its directory if needed) the store in the
// file at path. When another process has the file open it fails after
// opt.Timeout with an error wrapping ErrLocked that names the file.
func OpenBolt(path string, opt BoltOptions) (*Bolt, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = time.Second
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("storage: create the data directory: %w", err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: opt.Timeout})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, fmt.Errorf("storage: another wgbot is using %s: %w", path, ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	kv := &boltKV{db: db, now: opt.Now}
	q := &kvQueues{kv: kv, now: opt.Now}
	err = upgradeBolt(db, opt.Now)
	if err == nil {
		err = kv.open()
	}
	if err == nil {
		err = q.pruneClaims(context.Background())
	}
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("storage: prepare %s: %w", path, err)
	}
	return &Bolt{store: &store{kv: kv, queues: q, now: opt.Now}, db: db, path: path}, nil
}

// Close closes the file, releasing its lock.
func (s *Bolt) Close() error { return s.db.Close() }

// Path is the file of the store.
func (s *Bolt) Path() string { return s.path }

package storage

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"
)

// The key space. Every record of the bot is an entry (key -> bytes) of one
// bucket; the rules of each kind of record are written once, in this
// package, against the small transactional interface below (kvStore), which
// each backend implements in its own file (kv_redis.go, kv_bolt.go). What
// needs a backend's own structures (the alert queue, the update inbox) is
// behind a second interface (queues.go).
//
// A new kind of record is one file: its bucket (newBucket), its type, its
// interface (embedded in Store) and its rules, as methods of *store over
// s.kv; and its conformance tests in storagetest. Export, import, migration
// and both backends carry every bucket without knowing it (settings.go is
// an example).

// bucket is one kind of record. Its name is the bbolt bucket; redis says
// how Redis keeps it.
type bucket struct {
	name string
	// redis is the Redis key of the hash holding the bucket, or, with
	// strings, the prefix of one Redis string per entry (so that an entry can
	// expire on its own). No other key may start with a strings prefix: a
	// scan of the bucket would read it.
	redis   string
	strings bool
	// expiring entries carry an expiry time (put with until); a read never
	// sees an entry past it. Only strings buckets expire.
	expiring bool
	// keys lists the entries of a strings bucket without a prefix of its own
	// (meta), which Redis cannot scan for.
	keys []string
}

// buckets lists every bucket, in the order a migration copies them.
var buckets []*bucket

// newBucket declares a bucket; each record file declares its own.
func newBucket(b bucket) *bucket {
	p := &b
	buckets = append(buckets, p)
	return p
}

// bMeta holds single values: the seed's version, the polling offset, the
// counters. In Redis each is a string key of its own, as before.
var bMeta = newBucket(bucket{name: "meta", redis: "", strings: true,
	keys: []string{metaSeed, metaOffset, metaTaskSeq, metaTasksVer, metaContactSeq, metaAuditSeq, metaLayout}})

// The entries of bMeta.
const (
	metaSeed       = "seed"        // version of the loaded seed
	metaOffset     = "offset"      // last update id of a fully handled batch
	metaTaskSeq    = "task:seq"    // last task id given
	metaTasksVer   = "tasks:ver"   // raised by every write to the tasks
	metaContactSeq = "contact:seq" // last contact id given
	metaAuditSeq   = "audit:seq"   // last audit entry number
	metaLayout     = "layout"      // the layout of the key space (upgrade.go)
)

// kvPair is one entry of a scan; until is its expiry in an expiring bucket
// (zero elsewhere).
type kvPair struct {
	key   string
	val   []byte
	until time.Time
}

// kvRead is one read of a view: the entry key of b, or with scan every entry
// whose key starts with key. The view fills in the result.
type kvRead struct {
	b     *bucket
	key   string
	scan  bool
	val   []byte   // get: the value, nil when absent
	pairs []kvPair // scan: the entries, by key
}

func getOf(b *bucket, key string) *kvRead     { return &kvRead{b: b, key: key} }
func scanOf(b *bucket, prefix string) *kvRead { return &kvRead{b: b, key: prefix, scan: true} }

// kvStore is what a backend implements for the records.
type kvStore interface {
	// view does every read at once: one pipelined round trip on Redis, in
	// order; one read transaction on bbolt.
	view(ctx context.Context, op string, reads ...*kvRead) error
	// update runs fn in a read-write transaction: on Redis under WATCH of
	// every key fn read, its writes in one MULTI/EXEC, fn run again when
	// another writer changed a key it read; on bbolt in db.Update. fn must
	// not have effects outside tx. An error fn returns is returned as is and
	// nothing is written.
	update(ctx context.Context, op string, fn func(tx kvTx) error) error
	// ping checks that the backend answers.
	ping(ctx context.Context) error
}

// kvTx is the transaction an update's fn works in. Reads see the
// transaction's own writes.
type kvTx interface {
	get(b *bucket, key string) ([]byte, bool, error)
	// scan returns the entries whose key starts with prefix, by key.
	scan(b *bucket, prefix string) ([]kvPair, error)
	put(b *bucket, key string, val []byte) error
	// putUntil puts an entry of an expiring bucket that stops existing at until.
	putUntil(b *bucket, key string, val []byte, until time.Time) error
	del(b *bucket, key string) error
	// incr raises the counter key by one and returns it (1 for the first).
	incr(b *bucket, key string) (int64, error)
}

// errBackend marks an error of the backend itself (a lost connection, a
// full disk) that a transaction's method returned: update wraps it in
// ErrUnavailable, while any other error of fn is the caller's and is
// returned as is.
type errBackend struct{ err error }

func (e errBackend) Error() string { return e.err.Error() }

func backendErr(err error) error {
	if err == nil {
		return nil
	}
	return errBackend{err}
}

// fnError sorts the error of an update's fn: the backend's become
// ErrUnavailable, the caller's stay as they are.
func fnError(op string, err error) error {
	var be errBackend
	if errors.As(err, &be) {
		return fmt.Errorf("storage: %s: %w: %w", op, ErrUnavailable, be.err)
	}
	return err
}

// decode unmarshals a stored JSON value, naming what it is on failure.
func decode[T any](raw []byte, what string) (T, error) {
	var v T
	if err := json.Unmarshal(raw, &v); err != nil {
		return v, fmt.Errorf("storage: decode %s: %w", what, err)
	}
	return v, nil
}

func encode(v any, what string) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, fmt.Errorf("storage: encode %s: %w", what, err)
	}
	return b, nil
}

// putJSON encodes v and puts it.
func putJSON(tx kvTx, b *bucket, key string, v any) error {
	raw, err := encode(v, b.name+" "+key)
	if err != nil {
		return err
	}
	return tx.put(b, key, raw)
}

// getJSON reads and decodes one entry; found is false when absent.
func getJSON[T any](tx kvTx, b *bucket, key string) (T, bool, error) {
	var v T
	raw, found, err := tx.get(b, key)
	if err != nil || !found {
		return v, false, err
	}
	v, err = decode[T](raw, b.name+" "+key)
	return v, true, err
}

// one reads and decodes one entry, or gives ErrNotFound.
func one[T any](ctx context.Context, kv kvStore, b *bucket, key string) (T, error) {
	var v T
	r := getOf(b, key)
	if err := kv.view(ctx, "get "+b.name+" "+key, r); err != nil {
		return v, err
	}
	if r.val == nil {
		return v, fmt.Errorf("storage: %s %s: %w", b.name, key, ErrNotFound)
	}
	return decode[T](r.val, b.name+" "+key)
}

// all reads and decodes every entry of a bucket, by key.
func all[T any](ctx context.Context, kv kvStore, b *bucket) ([]T, error) {
	r := scanOf(b, "")
	if err := kv.view(ctx, "list "+b.name, r); err != nil {
		return nil, err
	}
	return decodePairs[T](r.pairs, b)
}

func decodePairs[T any](pairs []kvPair, b *bucket) ([]T, error) {
	out := make([]T, 0, len(pairs))
	for _, p := range pairs {
		v, err := decode[T](p.val, b.name+" "+p.key)
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}

// byNumber orders pairs whose keys are decimal ids as numbers.
func byNumber(pairs []kvPair) []kvPair {
	slices.SortFunc(pairs, func(a, b kvPair) int {
		x, _ := strconv.ParseInt(a.key, 10, 64)
		y, _ := strconv.ParseInt(b.key, 10, 64)
		return cmp.Compare(x, y)
	})
	return pairs
}

// putOne encodes v and puts it in a transaction of its own.
func putOne(ctx context.Context, kv kvStore, b *bucket, key string, v any) error {
	return kv.update(ctx, "put "+b.name+" "+key, func(tx kvTx) error { return putJSON(tx, b, key, v) })
}

// delOne deletes an entry and reports whether it was there.
func delOne(ctx context.Context, kv kvStore, b *bucket, key string) (bool, error) {
	var was bool
	err := kv.update(ctx, "delete "+b.name+" "+key, func(tx kvTx) error {
		_, found, err := tx.get(b, key)
		if err != nil || !found {
			was = false
			return err
		}
		was = true
		return tx.del(b, key)
	})
	return was, err
}

func id(n int64) string { return strconv.FormatInt(n, 10) }

func parseID(s string) int64 { n, _ := strconv.ParseInt(s, 10, 64); return n }

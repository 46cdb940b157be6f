package storage

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
)

// boltKV is the key space in a bbolt file: one bucket per bucket. An entry
// of an expiring bucket is kept in an envelope with its expiry time, which
// every read checks against the clock; expired entries are pruned from
// time to time, as Redis drops them.
type boltKV struct {
	db   *bolt.DB
	now  func() time.Time
	puts atomic.Int64 // expiring puts, to prune every pruneEvery
}

// pruneEvery is how many expiring puts pass between two prunes.
const pruneEvery = 1024

// boltEnvelope is an entry of an expiring bucket.
type boltEnvelope struct {
	Exp int64           `json:"exp"` // unix ms
	V   json.RawMessage `json:"v"`
}

func (k *boltKV) ping(ctx context.Context) error {
	return k.view(ctx, "ping", getOf(bMeta, metaSeed))
}

// open prunes what expired while the bot was stopped.
func (k *boltKV) open() error { return k.prune() }

// prune deletes the expired entries of every expiring bucket.
func (k *boltKV) prune() error {
	now := k.now().UnixMilli()
	return k.db.Update(func(tx *bolt.Tx) error {
		for _, b := range buckets {
			if !b.expiring {
				continue
			}
			bk := tx.Bucket([]byte(b.name))
			if bk == nil {
				continue
			}
			var old [][]byte
			_ = bk.ForEach(func(key, v []byte) error {
				var e boltEnvelope
				if json.Unmarshal(v, &e) != nil || e.Exp <= now {
					old = append(old, bytes.Clone(key))
				}
				return nil
			})
			for _, key := range old {
				if err := bk.Delete(key); err != nil {
					return err
				}
			}
		}
		return nil
	})
}

func (k *boltKV) check(ctx context.Context, op string) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("storage: %s: %w: %w", op, ErrUnavailable, err)
	}
	return nil
}

func (k *boltKV) view(ctx context.Context, op string, reads ...*kvRead) error {
	if err := k.check(ctx, op); err != nil {
		return err
	}
	err := k.db.View(func(btx *bolt.Tx) error {
		t := &boltTx{kv: k, tx: btx, now: k.now().UnixMilli()}
		for _, rd := range reads {
			if rd.scan {
				pairs, err := t.scan(rd.b, rd.key)
				if err != nil {
					return err
				}
				rd.pairs = pairs
				continue
			}
			v, _, err := t.get(rd.b, rd.key)
			if err != nil {
				return err
			}
			rd.val = v
		}
		return nil
	})
	if err != nil {
		return fnError(op, backendErr(err))
	}
	return nil
}

// update runs fn in db.Update: bbolt runs one writer at a time, so nothing
// is retried.
func (k *boltKV) update(ctx context.Context, op string, fn func(tx kvTx) error) error {
	if err := k.check(ctx, op); err != nil {
		return err
	}
	var fnErr error
	expiring := false
	err := k.db.Update(func(btx *bolt.Tx) error {
		t := &boltTx{kv: k, tx: btx, now: k.now().UnixMilli()}
		if fnErr = fn(t); fnErr != nil {
			return fnErr
		}
		expiring = t.expiring
		return nil
	})
	if fnErr != nil {
		return fnError(op, fnErr)
	}
	if err != nil {
		return fmt.Errorf("storage: %s: %w: %w", op, ErrUnavailable, err)
	}
	if expiring && k.puts.Add(1)%pruneEvery == 0 {
		_ = k.prune()
	}
	return nil
}

type boltTx struct {
	kv       *boltKV
	tx       *bolt.Tx
	now      int64
	expiring bool // an expiring entry was put
}

// bucket returns b's bucket, created on the first write; nil (empty) when a
// read finds none.
func (t *boltTx) bucket(b *bucket) (*bolt.Bucket, error) {
	if bk := t.tx.Bucket([]byte(b.name)); bk != nil || !t.tx.Writable() {
		return bk, nil
	}
	bk, err := t.tx.CreateBucket([]byte(b.name))
	return bk, backendErr(err)
}

// live returns an entry's value, unwrapped from its envelope in an expiring
// bucket; nil when absent or expired.
func (t *boltTx) live(b *bucket, v []byte) []byte {
	if v == nil || !b.expiring {
		return bytes.Clone(v)
	}
	var e boltEnvelope
	if json.Unmarshal(v, &e) != nil || e.Exp <= t.now {
		return nil
	}
	return bytes.Clone(e.V)
}

func (t *boltTx) get(b *bucket, key string) ([]byte, bool, error) {
	bk, err := t.bucket(b)
	if err != nil || bk == nil {
		return nil, false, err
	}
	v := t.live(b, bk.Get([]byte(key)))
	return v, v != nil, nil
}

func (t *boltTx) scan(b *bucket, prefix string) ([]kvPair, error) {
	bk, err := t.bucket(b)
	out := []kvPair{}
	if err != nil || bk == nil {
		return out, err
	}
	c := bk.Cursor()
	p := []byte(prefix)
	for key, v := c.Seek(p); key != nil && bytes.HasPrefix(key, p); key, v = c.Next() {
		lv := t.live(b, v)
		if lv == nil {
			continue
		}
		pair := kvPair{key: string(key), val: lv}
		if b.expiring {
			var e boltEnvelope
			_ = json.Unmarshal(v, &e)
			pair.until = time.UnixMilli(e.Exp)
		}
		out = append(out, pair)
	}
	return out, nil
}

func (t *boltTx) put(b *bucket, key string, val []byte) error {
	if b.expiring {
		return fmt.Errorf("storage: bucket %s expires: put with until", b.name)
	}
	bk, err := t.bucket(b)
	if err != nil {
		return err
	}
	if val == nil {
		val = []byte{}
	}
	return backendErr(bk.Put([]byte(key), val))
}

func (t *boltTx) putUntil(b *bucket, key string, val []byte, until time.Time) error {
	if !b.expiring {
		return fmt.Errorf("storage: bucket %s does not expire", b.name)
	}
	if !json.Valid(val) {
		return errors.New("storage: an expiring entry must be JSON")
	}
	bk, err := t.bucket(b)
	if err != nil {
		return err
	}
	raw, err := json.Marshal(boltEnvelope{Exp: until.UnixMilli(), V: val})
	if err != nil {
		return err
	}
	t.expiring = true
	return backendErr(bk.Put([]byte(key), raw))
}

func (t *boltTx) del(b *bucket, key string) error {
	bk, err := t.bucket(b)
	if err != nil {
		return err
	}
	return backendErr(bk.Delete([]byte(key)))
}

func (t *boltTx) incr(b *bucket, key string) (int64, error) {
	raw, _, err := t.get(b, key)
	if err != nil {
		return 0, err
	}
	n := parseID(string(raw)) + 1
	return n, t.put(b, key, []byte(id(n)))
}

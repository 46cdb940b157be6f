package storage

import (
	"context"
	"errors"
	"time"

	"github.com/redis/go-redis/v9"
	bolt "go.etcd.io/bbolt"
)

var (
	_ CalendarStore = (*Redis)(nil)
	_ BoardStore    = (*Redis)(nil)
	_ DigestStore   = (*Redis)(nil)
	_ CalendarStore = (*Bolt)(nil)
	_ BoardStore    = (*Bolt)(nil)
	_ DigestStore   = (*Bolt)(nil)
)

// Redis keeps each kind of record in one hash (keys.record).

func (r *Redis) recordGet(ctx context.Context, kind, key string) ([]byte, bool, error) {
	v, err := r.rdb.HGet(ctx, r.keys.record(kind), key).Bytes()
	if errors.Is(err, redis.Nil) {
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fail("get "+kind+" "+key, err)
	}
	return v, true, nil
}

func (r *Redis) recordAll(ctx context.Context, kind string) (map[string][]byte, error) {
	m, err := r.rdb.HGetAll(ctx, r.keys.record(kind)).Result()
	if err != nil {
		return nil, fail("list "+kind, err)
	}
	out := make(map[string][]byte, len(m))
	for k, v := range m {
		out[k] = []byte(v)
	}
	return out, nil
}

// recordApply runs ops in one MULTI/EXEC; each op is a plain HSET or HDEL,
// so running the batch twice (a retry after a lost reply) gives the same state.
func (r *Redis) recordApply(ctx context.Context, op string, ops []recordOp) error {
	_, err := r.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		for _, o := range ops {
			if o.del {
				p.HDel(ctx, r.keys.record(o.kind), o.key)
			} else {
				p.HSet(ctx, r.keys.record(o.kind), o.key, o.val)
			}
		}
		return nil
	})
	if err != nil {
		return fail(op, err)
	}
	return nil
}

// Bolt keeps each kind of record in a bucket of its own, created on first write.

func recordBucket(kind string) []byte { return []byte("rec:" + kind) }

func (s *Bolt) recordGet(ctx context.Context, kind, key string) ([]byte, bool, error) {
	var out []byte
	err := s.view(ctx, "get "+kind+" "+key, func(tx *bolt.Tx) error {
		if b := tx.Bucket(recordBucket(kind)); b != nil {
			if v := b.Get([]byte(key)); v != nil {
				out = append([]byte(nil), v...)
			}
		}
		return nil
	})
	return out, out != nil, err
}

func (s *Bolt) recordAll(ctx context.Context, kind string) (map[string][]byte, error) {
	out := map[string][]byte{}
	err := s.view(ctx, "list "+kind, func(tx *bolt.Tx) error { return boltRecordsOf(tx, kind, out) })
	return out, err
}

func boltRecordsOf(tx *bolt.Tx, kind string, out map[string][]byte) error {
	b := tx.Bucket(recordBucket(kind))
	if b == nil {
		return nil
	}
	return b.ForEach(func(k, v []byte) error {
		out[string(k)] = append([]byte(nil), v...)
		return nil
	})
}

func (s *Bolt) recordApply(ctx context.Context, op string, ops []recordOp) error {
	return s.update(ctx, op, func(tx *bolt.Tx) error { return boltApplyRecords(tx, ops) })
}

func boltApplyRecords(tx *bolt.Tx, ops []recordOp) error {
	for _, o := range ops {
		b, err := tx.CreateBucketIfNotExists(recordBucket(o.kind))
		if err != nil {
			return err
		}
		if o.del {
			err = b.Delete([]byte(o.key))
		} else {
			err = b.Put([]byte(o.key), o.val)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// boltExportRecords reads every record inside an export's transaction.
func boltExportRecords(tx *bolt.Tx) map[string]map[string]string {
	out := map[string]map[string]string{}
	for _, kind := range recordKinds {
		all := map[string][]byte{}
		_ = boltRecordsOf(tx, kind, all)
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
		return nil
	}
	return out
}

// The contracts, once for both backends: Redis and Bolt embed
// recordMethods, which keeps the rules of each record kind above the three
// record methods a backend implements (recordStore).

// recordMethods implements CalendarStore, BoardStore and DigestStore over a
// backend's recordStore.
type recordMethods struct{ rs recordStore }

// SetCalendarToken implements CalendarStore.
func (m recordMethods) SetCalendarToken(ctx context.Context, userID int64, hash string) error {
	return setCalendarToken(ctx, m.rs, userID, hash)
}

// CalendarTokenUser implements CalendarStore.
func (m recordMethods) CalendarTokenUser(ctx context.Context, hash string) (int64, error) {
	return calendarTokenUser(ctx, m.rs, hash)
}

// HasCalendarToken implements CalendarStore.
func (m recordMethods) HasCalendarToken(ctx context.Context, userID int64) (bool, error) {
	return hasCalendarToken(ctx, m.rs, userID)
}

// DeleteCalendarToken implements CalendarStore.
func (m recordMethods) DeleteCalendarToken(ctx context.Context, userID int64) (bool, error) {
	return deleteCalendarToken(ctx, m.rs, userID)
}

// SyncCalendarEvents implements CalendarStore.
func (m recordMethods) SyncCalendarEvents(ctx context.Context, fps map[int64]string, now time.Time) (map[int64]CalendarEvent, error) {
	return syncCalendarEvents(ctx, m.rs, fps, now)
}

// PutBoard implements BoardStore.
func (m recordMethods) PutBoard(ctx context.Context, b Board) error {
	return putRecord(ctx, m.rs, kindBoard, id(b.ChatID), b)
}

// Board implements BoardStore.
func (m recordMethods) Board(ctx context.Context, chatID int64) (Board, error) {
	return recordOne[Board](ctx, m.rs, kindBoard, id(chatID))
}

// Boards implements BoardStore.
func (m recordMethods) Boards(ctx context.Context) ([]Board, error) {
	return recordList[Board](ctx, m.rs, kindBoard)
}

// DeleteBoard implements BoardStore.
func (m recordMethods) DeleteBoard(ctx context.Context, chatID int64) (bool, error) {
	return recordDelete(ctx, m.rs, kindBoard, id(chatID))
}

// PutDigest implements DigestStore.
func (m recordMethods) PutDigest(ctx context.Context, d Digest) error {
	return putRecord(ctx, m.rs, kindDigest, id(d.UserID), d)
}

// Digest implements DigestStore.
func (m recordMethods) Digest(ctx context.Context, userID int64) (Digest, error) {
	return recordOne[Digest](ctx, m.rs, kindDigest, id(userID))
}

// Digests implements DigestStore.
func (m recordMethods) Digests(ctx context.Context) ([]Digest, error) {
	return recordList[Digest](ctx, m.rs, kindDigest)
}

// DeleteDigest implements DigestStore.
func (m recordMethods) DeleteDigest(ctx context.Context, userID int64) (bool, error) {
	return deleteDigest(ctx, m.rs, userID)
}

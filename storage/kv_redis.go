package storage

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// redisKV is the key space on Redis: a bucket is one hash (field = key), or
// for a strings bucket one string key per entry, so that it can expire.
type redisKV struct {
	rdb    *redis.Client
	prefix string
	group  *txGroup // the transactions of concurrent callers, one trip each round
}

// physical returns the Redis key and hash field of an entry ("" field for a
// strings bucket).
func (r *redisKV) physical(b *bucket, key string) (string, string) {
	if b.strings {
		return r.prefix + b.redis + key, ""
	}
	return r.prefix + b.redis, key
}

func (r *redisKV) ping(ctx context.Context) error {
	if err := r.rdb.Ping(ctx).Err(); err != nil {
		return fail("ping", err)
	}
	return nil
}

// view reads in one pipeline: one round trip whatever it holds. Redis runs
// the reads in order, so each sees writes at least as new as the one before
// it saw (Tasks reads the version first: the tasks read are never older
// than it). A scan of a strings bucket cannot be part of it (SCAN walks the
// whole key space): only a migration scans those.
func (r *redisKV) view(ctx context.Context, op string, reads ...*kvRead) error {
	_, err := r.viewAfter(ctx, op, nil, reads...)
	return err
}

// pipelineStep is commands of a caller's own at the head of a view's
// pipeline: add queues them and returns what checks their outcome once the
// pipeline ran. tx runs the whole pipeline as one MULTI/EXEC, so that
// Redis refusing one command (a full Redis refuses writes) runs none.
type pipelineStep struct {
	add func(ctx context.Context, p redis.Pipeliner) (check func() error)
	tx  bool
}

// viewAfter is view with step run first, in the same round trip. The
// step's outcome (stepErr) and the reads' (err) are judged apart: a step
// that failed does not fail reads that succeeded.
func (r *redisKV) viewAfter(ctx context.Context, op string, step *pipelineStep, reads ...*kvRead) (stepErr, err error) {
	type pending struct {
		rd  *kvRead
		str *redis.StringCmd
		all *redis.MapStringStringCmd
	}
	ps := make([]pending, 0, len(reads))
	for _, rd := range reads {
		if rd.scan && rd.b.strings {
			pairs, err := r.scanStrings(ctx, rd.b, rd.key)
			if err != nil {
				err = fail(op, err)
				if step != nil {
					return err, err // the step did not run either
				}
				return nil, err
			}
			rd.pairs = pairs
		}
	}
	var checkStep func() error
	fill := func(p redis.Pipeliner) error {
		ps = ps[:0]
		if step != nil {
			checkStep = step.add(ctx, p)
		}
		for _, rd := range reads {
			k, f := r.physical(rd.b, rd.key)
			switch {
			case rd.scan && rd.b.strings:
			case rd.scan:
				ps = append(ps, pending{rd: rd, all: p.HGetAll(ctx, k)})
			case rd.b.strings:
				ps = append(ps, pending{rd: rd, str: p.Get(ctx, k)})
			default:
				ps = append(ps, pending{rd: rd, str: p.HGet(ctx, k, f)})
			}
		}
		return nil
	}
	if step != nil && step.tx {
		err = r.group.do(ctx, fill) // a tx step is idempotent, and so are reads
	} else {
		_, err = r.rdb.Pipelined(ctx, fill)
	}
	if errors.Is(err, errTripFailed) { // no command of it was run or answered
		return fail(op, err), fail(op, err)
	}
	if checkStep != nil {
		// The pipeline's error is the first of any command's: the step's
		// own is for checkStep, and each read's is read below.
		stepErr, err = checkStep(), nil
	}
	if err != nil && !errors.Is(err, redis.Nil) {
		return stepErr, fail(op, err)
	}
	for _, p := range ps {
		if p.all != nil {
			if err := p.all.Err(); err != nil {
				return stepErr, fail(op, err)
			}
			p.rd.pairs = hashPairs(p.all.Val(), p.rd.key)
			continue
		}
		b, err := p.str.Bytes()
		switch {
		case errors.Is(err, redis.Nil):
			p.rd.val = nil
		case err != nil: // WRONGTYPE and the like: not an absent entry
			return stepErr, fail(op, err)
		default:
			p.rd.val = b
		}
	}
	return stepErr, nil
}

// idempotentTx runs fill as one MULTI/EXEC, and once more when its reply
// was lost: go-redis does not run a transaction again (it may have run), as
// it does a pipeline. Only a transaction that is safe to run twice may come
// here.
func idempotentTx(ctx context.Context, rdb *redis.Client, fill func(redis.Pipeliner) error) error {
	_, err := rdb.TxPipelined(ctx, fill)
	if lostReply(ctx, err) {
		_, err = rdb.TxPipelined(ctx, fill)
	}
	return err
}

// lostReply reports an error of the connection, not of Redis: the reply
// of what was sent is lost, and the caller still has time to try again.
func lostReply(ctx context.Context, err error) bool {
	var reply redis.Error
	return err != nil && !errors.As(err, &reply) && ctx.Err() == nil
}

// hashPairs are a hash's fields that start with prefix, by field.
func hashPairs(m map[string]string, prefix string) []kvPair {
	out := make([]kvPair, 0, len(m))
	for f, v := range m {
		if strings.HasPrefix(f, prefix) {
			out = append(out, kvPair{key: f, val: []byte(v)})
		}
	}
	slices.SortFunc(out, func(a, b kvPair) int { return strings.Compare(a.key, b.key) })
	return out
}

// scanStrings reads every entry of a strings bucket whose key starts with prefix.
func (r *redisKV) scanStrings(ctx context.Context, b *bucket, prefix string) ([]kvPair, error) {
	var keys []string
	if b.redis == "" { // meta: no prefix of its own, its keys are listed
		for _, k := range b.keys {
			if strings.HasPrefix(k, prefix) {
				keys = append(keys, k)
			}
		}
	} else {
		iter := r.rdb.Scan(ctx, 0, globEscape(r.prefix+b.redis+prefix)+"*", 500).Iterator()
		for iter.Next(ctx) {
			keys = append(keys, strings.TrimPrefix(iter.Val(), r.prefix+b.redis))
		}
		if err := iter.Err(); err != nil {
			return nil, err
		}
	}
	slices.Sort(keys)
	var out []kvPair
	for _, k := range keys {
		var get *redis.StringCmd
		var ttl *redis.DurationCmd
		_, err := r.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
			get, ttl = p.Get(ctx, r.prefix+b.redis+k), p.PTTL(ctx, r.prefix+b.redis+k)
			return nil
		})
		if errors.Is(err, redis.Nil) {
			continue // expired meanwhile
		}
		if err != nil {
			return nil, err
		}
		pair := kvPair{key: k, val: []byte(get.Val())}
		if d := ttl.Val(); b.expiring && d > 0 {
			pair.until = time.Now().Add(d)
		}
		out = append(out, pair)
	}
	return out, nil
}

func globEscape(s string) string {
	var b strings.Builder
	for _, c := range s {
		if strings.ContainsRune(`*?[]\`, c) {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// updateAttempts bounds how often an update runs again after another writer
// changed what it read; between attempts it waits a random while that grows,
// so that writers contending for one key (a counter) take turns.
const updateAttempts = 20

// backoff waits before attempt (0 for the first), up to about 100 ms.
func backoff(ctx context.Context, attempt int) {
	if attempt == 0 {
		return
	}
	d := time.Duration(rand.Int64N(int64(time.Millisecond) << min(attempt, 7)))
	select {
	case <-ctx.Done():
	case <-time.After(d):
	}
}

// update runs fn under WATCH. A transaction that only writes (MarkHandled,
// PutMember) is tried first without a connection of its own:
// it costs one command, or one MULTI/EXEC for several writes. In one that
// reads, each key read costs a WATCH and the read, and the writes one
// MULTI/EXEC.
func (r *redisKV) update(ctx context.Context, op string, fn func(tx kvTx) error) error {
	blind := &redisTx{ctx: ctx, kv: r, writes: map[string]*redisWrite{}}
	err := fn(blind)
	var be errBackend
	switch {
	case errors.As(err, &be) && be.err == errNeedsRead:
		// It reads: run it again under WATCH.
	case err != nil:
		return fnError(op, err)
	default:
		return r.writeBlind(ctx, op, blind)
	}
	for attempt := range updateAttempts {
		backoff(ctx, attempt)
		err := r.rdb.Watch(ctx, func(tx *redis.Tx) error {
			t := &redisTx{ctx: ctx, kv: r, tx: tx, watched: map[string]bool{}, writes: map[string]*redisWrite{}}
			if err := fn(t); err != nil {
				return errFn{err}
			}
			if len(t.order) == 0 {
				return nil
			}
			_, err := tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
				for _, k := range t.order {
					_ = t.writes[k].apply(ctx, p)
				}
				return nil
			})
			return err
		})
		var fe errFn
		switch {
		case err == nil:
			return nil
		case errors.Is(err, redis.TxFailedErr):
			continue
		case errors.As(err, &fe):
			return fnError(op, fe.err)
		}
		return fail(op, err)
	}
	return fmt.Errorf("storage: %s: %w: too many concurrent changes", op, ErrUnavailable)
}

// errNeedsRead stops the first, connectionless run of an update at its first read.
var errNeedsRead = errors.New("the transaction reads")

// writeBlind applies the writes of a transaction that read nothing.
func (r *redisKV) writeBlind(ctx context.Context, op string, t *redisTx) error {
	var err error
	switch len(t.order) {
	case 0:
		return nil
	case 1:
		err = t.writes[t.order[0]].apply(ctx, r.rdb)
	default:
		_, err = r.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
			for _, k := range t.order {
				_ = t.writes[k].apply(ctx, p)
			}
			return nil
		})
	}
	if err != nil {
		return fail(op, err)
	}
	return nil
}

// errFn carries the error of an update's fn out of go-redis's Watch.
type errFn struct{ err error }

func (e errFn) Error() string { return e.err.Error() }

// redisWrite is the last write of one entry in a transaction.
type redisWrite struct {
	key, field string
	val        []byte // nil: delete
	ttl        time.Duration
}

// apply sends the write (queued, on a pipeline); its error is the command's.
func (w *redisWrite) apply(ctx context.Context, p redis.Cmdable) error {
	switch {
	case w.field == "" && w.val == nil:
		return p.Del(ctx, w.key).Err()
	case w.field == "":
		return p.Set(ctx, w.key, w.val, w.ttl).Err()
	case w.val == nil:
		return p.HDel(ctx, w.key, w.field).Err()
	default:
		return p.HSet(ctx, w.key, w.field, w.val).Err()
	}
}

type redisTx struct {
	ctx     context.Context
	kv      *redisKV
	tx      *redis.Tx
	watched map[string]bool
	writes  map[string]*redisWrite // by key + "\x00" + field
	order   []string
}

func (t *redisTx) watch(key string) error {
	if t.tx == nil {
		return backendErr(errNeedsRead)
	}
	if t.watched[key] {
		return nil
	}
	if err := t.tx.Watch(t.ctx, key).Err(); err != nil {
		return backendErr(err)
	}
	t.watched[key] = true
	return nil
}

func (t *redisTx) get(b *bucket, key string) ([]byte, bool, error) {
	k, f := t.kv.physical(b, key)
	if w, ok := t.writes[k+"\x00"+f]; ok {
		return w.val, w.val != nil, nil
	}
	if err := t.watch(k); err != nil {
		return nil, false, err
	}
	var v []byte
	var err error
	if b.strings {
		v, err = t.tx.Get(t.ctx, k).Bytes()
	} else {
		v, err = t.tx.HGet(t.ctx, k, f).Bytes()
	}
	if errors.Is(err, redis.Nil) {
		return nil, false, nil
	}
	return v, err == nil, backendErr(err)
}

func (t *redisTx) scan(b *bucket, prefix string) ([]kvPair, error) {
	if t.tx == nil {
		return nil, backendErr(errNeedsRead)
	}
	var pairs []kvPair
	if b.strings {
		var err error
		if pairs, err = t.kv.scanStrings(t.ctx, b, prefix); err != nil {
			return nil, backendErr(err)
		}
		// Watched after reading: a change between the read and the WATCH is
		// not caught. No rule scans a strings bucket in an update (only
		// migrations read them, with the bot stopped).
		for _, p := range pairs {
			if err := t.watch(t.kv.prefix + b.redis + p.key); err != nil {
				return nil, err
			}
		}
	} else {
		k := t.kv.prefix + b.redis
		if err := t.watch(k); err != nil {
			return nil, err
		}
		m, err := t.tx.HGetAll(t.ctx, k).Result()
		if err != nil {
			return nil, backendErr(err)
		}
		pairs = hashPairs(m, prefix)
	}
	// The transaction's own writes.
	byKey := map[string][]byte{}
	for _, p := range pairs {
		byKey[p.key] = p.val
	}
	for _, w := range t.writes {
		k, ok := t.entryOf(b, w)
		if !ok || !strings.HasPrefix(k, prefix) {
			continue
		}
		if w.val == nil {
			delete(byKey, k)
		} else {
			byKey[k] = w.val
		}
	}
	out := make([]kvPair, 0, len(byKey))
	for k, v := range byKey {
		out = append(out, kvPair{key: k, val: v})
	}
	slices.SortFunc(out, func(a, b kvPair) int { return strings.Compare(a.key, b.key) })
	return out, nil
}

// entryOf returns the bucket key of a write, when it is one of b's.
func (t *redisTx) entryOf(b *bucket, w *redisWrite) (string, bool) {
	if b.strings {
		if w.field != "" || !strings.HasPrefix(w.key, t.kv.prefix+b.redis) {
			return "", false
		}
		return strings.TrimPrefix(w.key, t.kv.prefix+b.redis), true
	}
	return w.field, w.field != "" && w.key == t.kv.prefix+b.redis
}

func (t *redisTx) write(b *bucket, key string, val []byte, ttl time.Duration) {
	k, f := t.kv.physical(b, key)
	id := k + "\x00" + f
	if _, ok := t.writes[id]; !ok {
		t.order = append(t.order, id)
	}
	t.writes[id] = &redisWrite{key: k, field: f, val: val, ttl: ttl}
}

func (t *redisTx) put(b *bucket, key string, val []byte) error {
	if val == nil {
		val = []byte{}
	}
	t.write(b, key, val, 0)
	return nil
}

func (t *redisTx) putUntil(b *bucket, key string, val []byte, until time.Time) error {
	if !b.expiring {
		return fmt.Errorf("storage: bucket %s does not expire", b.name)
	}
	ttl := time.Until(until)
	if ttl <= 0 {
		t.write(b, key, nil, 0)
		return nil
	}
	if val == nil {
		val = []byte{}
	}
	t.write(b, key, val, ttl)
	return nil
}

func (t *redisTx) del(b *bucket, key string) error {
	t.write(b, key, nil, 0)
	return nil
}

func (t *redisTx) incr(b *bucket, key string) (int64, error) {
	raw, _, err := t.get(b, key)
	if err != nil {
		return 0, err
	}
	n := parseID(string(raw)) + 1
	t.write(b, key, []byte(id(n)), 0)
	return n, nil
}

// fail wraps a Redis error: redis.Nil becomes ErrNotFound, everything else
// (timeouts, refused connections, LOADING...) becomes ErrUnavailable.
func fail(op string, err error) error {
	if errors.Is(err, redis.Nil) {
		return fmt.Errorf("storage: %s: %w", op, ErrNotFound)
	}
	return fmt.Errorf("storage: %s: %w: %w", op, ErrUnavailable, err)
}

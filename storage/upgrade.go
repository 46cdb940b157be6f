package storage

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
	bolt "go.etcd.io/bbolt"
)

// The layout of the key space. Layout 1 is the release before the key-value
// layer, where each backend kept some kinds its own way; layout 2 is one key
// space for both (kv.go). A store is upgraded in place, once, in one
// transaction: bbolt when it opens, Redis by Upgrade (wgbot calls it at
// start). testdata/layout-v1 holds a store of each backend written by layout 1.
const layout = "2"

// upgradeBolt brings a bbolt file of layout 1 to layout 2: the audit log's
// keys become decimal entry numbers (they were bbolt sequence numbers,
// 8 bytes), and a handled mark holds its expiry time in an envelope (it
// held when the update was handled).
func upgradeBolt(db *bolt.DB, now func() time.Time) error {
	return db.Update(func(tx *bolt.Tx) error {
		meta, err := tx.CreateBucketIfNotExists([]byte(bMeta.name))
		if err != nil {
			return err
		}
		if string(meta.Get([]byte(metaLayout))) == layout {
			return nil
		}
		if audit := tx.Bucket([]byte(bAudit.name)); audit != nil {
			var keys, vals [][]byte
			_ = audit.ForEach(func(k, v []byte) error {
				keys, vals = append(keys, append([]byte(nil), k...)), append(vals, append([]byte(nil), v...))
				return nil
			})
			var n int64
			for i, k := range keys {
				if len(k) != 8 {
					continue // already a number
				}
				n = max(n, int64(binary.BigEndian.Uint64(k)))
				if err := audit.Delete(k); err != nil {
					return err
				}
				if err := audit.Put([]byte(auditKey(int64(binary.BigEndian.Uint64(k)))), vals[i]); err != nil {
					return err
				}
			}
			if n > 0 {
				if err := meta.Put([]byte(metaAuditSeq), []byte(id(n))); err != nil {
					return err
				}
			}
		}
		if handled := tx.Bucket([]byte(bHandled.name)); handled != nil {
			type mark struct{ k, v []byte }
			var marks []mark
			_ = handled.ForEach(func(k, v []byte) error {
				if !json.Valid(v) || v[0] != '{' { // layout 1: unix ms of when handled
					marks = append(marks, mark{append([]byte(nil), k...), append([]byte(nil), v...)})
				}
				return nil
			})
			for _, m := range marks {
				exp := time.UnixMilli(parseID(string(m.v))).Add(handledTTL)
				if !exp.After(now()) {
					if err := handled.Delete(m.k); err != nil {
						return err
					}
					continue
				}
				raw, _ := json.Marshal(boltEnvelope{Exp: exp.UnixMilli(), V: json.RawMessage("1")})
				if err := handled.Put(m.k, raw); err != nil {
					return err
				}
			}
		}
		return meta.Put([]byte(metaLayout), []byte(layout))
	})
}

// Upgrade brings the store's keys of layout 1 to layout 2, in one
// MULTI/EXEC under WATCH, so that of two instances starting at once one
// upgrades and the other finds it done: the enabled groups (a set) become a
// hash, each task's history (a list) a field of one hash, the audit log (a
// list) numbered entries, the conversations' last activity (a sorted set) a
// hash, each notice's copies (a list) one JSON string with the list's TTL.
func (r *Redis) Upgrade(ctx context.Context) error {
	kv := r.store.kv.(*redisKV)
	p := kv.prefix
	layoutKey := p + metaLayout
	for range updateAttempts {
		err := r.rdb.Watch(ctx, func(tx *redis.Tx) error {
			cur, err := tx.Get(ctx, layoutKey).Result()
			if err != nil && !errors.Is(err, redis.Nil) {
				return err
			}
			if cur == layout {
				return nil
			}
			var writes []func(redis.Pipeliner)
			var old []string
			if typ, _ := tx.Type(ctx, p+"groups").Result(); typ == "set" {
				gs, err := tx.SMembers(ctx, p+"groups").Result()
				if err != nil {
					return err
				}
				for _, g := range gs {
					writes = append(writes, func(q redis.Pipeliner) { q.HSet(ctx, p+bGroups.redis, g, "") })
				}
				old = append(old, p+"groups")
			}
			hist, err := scanKeys(ctx, tx, p+"task:", ":history")
			if err != nil {
				return err
			}
			for _, k := range hist {
				raw, err := tx.LRange(ctx, k, 0, -1).Result()
				if err != nil {
					return err
				}
				list := "[" + strings.Join(raw, ",") + "]" // latest first, as the bucket keeps it
				task := strings.TrimSuffix(strings.TrimPrefix(k, p+"task:"), ":history")
				writes = append(writes, func(q redis.Pipeliner) { q.HSet(ctx, p+bHistory.redis, task, list) })
				old = append(old, k)
			}
			if typ, _ := tx.Type(ctx, p+"audit").Result(); typ == "list" {
				raw, err := tx.LRange(ctx, p+"audit", 0, -1).Result()
				if err != nil {
					return err
				}
				n := int64(len(raw))
				for i, e := range raw { // latest first: the last is number 1
					k := auditKey(n - int64(i))
					writes = append(writes, func(q redis.Pipeliner) { q.HSet(ctx, p+bAudit.redis, k, e) })
				}
				writes = append(writes, func(q redis.Pipeliner) { q.Set(ctx, p+metaAuditSeq, n, 0) })
				old = append(old, p+"audit")
			}
			if typ, _ := tx.Type(ctx, p+"conv:idle").Result(); typ == "zset" {
				zs, err := tx.ZRangeWithScores(ctx, p+"conv:idle", 0, -1).Result()
				if err != nil {
					return err
				}
				for _, z := range zs {
					m, ms := z.Member.(string), id(int64(z.Score))
					writes = append(writes, func(q redis.Pipeliner) { q.HSet(ctx, p+bConvIdle.redis, m, ms) })
				}
				old = append(old, p+"conv:idle")
			}
			notices, err := scanKeys(ctx, tx, p+"notice:", "")
			if err != nil {
				return err
			}
			for _, k := range notices {
				raw, err := tx.LRange(ctx, k, 0, -1).Result()
				if err != nil {
					return err
				}
				ttl, err := tx.PTTL(ctx, k).Result()
				if err != nil {
					return err
				}
				if ttl <= 0 {
					ttl = NoticeTTL
				}
				list, nk := "["+strings.Join(raw, ",")+"]", p+bNotices.redis+strings.TrimPrefix(k, p+"notice:")
				writes = append(writes, func(q redis.Pipeliner) { q.Set(ctx, nk, list, ttl) })
				old = append(old, k)
			}
			_, err = tx.TxPipelined(ctx, func(q redis.Pipeliner) error {
				for _, w := range writes {
					w(q)
				}
				if len(old) > 0 {
					q.Del(ctx, old...)
				}
				q.Set(ctx, layoutKey, layout, 0)
				return nil
			})
			return err
		}, layoutKey)
		if errors.Is(err, redis.TxFailedErr) {
			continue
		}
		if err != nil {
			return fail("upgrade the layout", err)
		}
		return nil
	}
	return fmt.Errorf("storage: upgrade the layout: %w: too many concurrent changes", ErrUnavailable)
}

// scanKeys lists the keys that start with prefix and end with suffix.
func scanKeys(ctx context.Context, tx *redis.Tx, prefix, suffix string) ([]string, error) {
	var out []string
	iter := tx.Scan(ctx, 0, globEscape(prefix)+"*"+globEscape(suffix), 500).Iterator()
	for iter.Next(ctx) {
		out = append(out, iter.Val())
	}
	return out, iter.Err()
}

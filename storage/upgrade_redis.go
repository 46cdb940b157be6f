package storage

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/redis/go-redis/v9"
)

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
			// A store of layout 1 has one of these (its histories and notices
			// go with tasks and requests); a new one has none and needs no
			// SCAN of a Redis that may hold many other keys.
			var keys1 []string
			for _, k := range []string{"seed", "tasks", "members", "requests", "groups", "audit", "conv:idle", "offset"} {
				keys1 = append(keys1, p+k)
			}
			n, err := tx.Exists(ctx, keys1...).Result()
			if err != nil {
				return err
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
			var hist, notices []string
			if n > 0 {
				if hist, err = scanKeys(ctx, tx, p+"task:", ":history"); err != nil {
					return err
				}
				if notices, err = scanKeys(ctx, tx, p+"notice:", ""); err != nil {
					return err
				}
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

package storage

import (
	"context"
	"errors"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/storage/redistest"
)

// The suite of the key-value layer itself, run against both backends' kvStore.

var (
	tHash    = &bucket{name: "kvtest", redis: "kvtest"}
	tExpires = &bucket{name: "kvtestexp", redis: "kvtestexp:", strings: true, expiring: true}
)

func kvBackends(t *testing.T) map[string]func(t *testing.T) (kvStore, *time.Time) {
	return map[string]func(t *testing.T) (kvStore, *time.Time){
		"Redis": func(t *testing.T) (kvStore, *time.Time) {
			srv, prefix := redistest.Start(t)
			r, err := OpenRedis(srv.URL(), RedisOptions{Prefix: prefix})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { r.Close() })
			now := time.Now()
			return r.kv, &now
		},
		"Bolt": func(t *testing.T) (kvStore, *time.Time) {
			now := time.Now()
			s, err := OpenBolt(filepath.Join(t.TempDir(), "kv.db"), BoltOptions{Now: func() time.Time { return now }})
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { s.Close() })
			return s.kv, &now
		},
	}
}

func TestKV(t *testing.T) {
	for name, open := range kvBackends(t) {
		t.Run(name, func(t *testing.T) {
			ctx := context.Background()
			kv, now := open(t)
			put := func(key, val string) {
				t.Helper()
				if err := kv.update(ctx, "put", func(tx kvTx) error { return tx.put(tHash, key, []byte(val)) }); err != nil {
					t.Fatal(err)
				}
			}
			put("b:2", "two")
			put("b:1", "one")
			put("a:1", "other")
			put("empty", "")

			// A view reads several entries and scans at once.
			g, miss, e, sc := getOf(tHash, "b:1"), getOf(tHash, "nope"), getOf(tHash, "empty"), scanOf(tHash, "b:")
			if err := kv.view(ctx, "view", g, miss, e, sc); err != nil {
				t.Fatal(err)
			}
			if string(g.val) != "one" || miss.val != nil || e.val == nil || len(e.val) != 0 {
				t.Errorf("get: %q, missing %v, empty %v", g.val, miss.val, e.val)
			}
			if len(sc.pairs) != 2 || sc.pairs[0].key != "b:1" || string(sc.pairs[1].val) != "two" {
				t.Errorf("scan by prefix, by key: %+v", sc.pairs)
			}

			// An update sees its own writes, in get and in scan. (fn may run
			// more than once: what the last run saw counts.)
			var own, deleted bool
			var ownVal string
			var ps []kvPair
			err := kv.update(ctx, "own", func(tx kvTx) error {
				if err := tx.put(tHash, "b:3", []byte("three")); err != nil {
					return err
				}
				if err := tx.del(tHash, "b:1"); err != nil {
					return err
				}
				v, ok, err := tx.get(tHash, "b:3")
				if err != nil {
					return err
				}
				own, ownVal = ok, string(v)
				if _, ok, err = tx.get(tHash, "b:1"); err != nil {
					return err
				}
				deleted = !ok
				ps, err = tx.scan(tHash, "b:")
				return err
			})
			if err != nil {
				t.Fatal(err)
			}
			if !own || ownVal != "three" || !deleted {
				t.Errorf("get own write: %v %q; own delete gone: %v", own, ownVal, deleted)
			}
			if len(ps) != 2 || ps[0].key != "b:2" || ps[1].key != "b:3" {
				t.Errorf("scan with own writes: %+v", ps)
			}

			// An error of fn is returned as is, and nothing is written.
			mine := errors.New("mine")
			err = kv.update(ctx, "fail", func(tx kvTx) error {
				_ = tx.put(tHash, "b:9", []byte("no"))
				return mine
			})
			if err != mine {
				t.Errorf("fn's error: %v", err)
			}
			if r := getOf(tHash, "b:9"); kv.view(ctx, "v", r) != nil || r.val != nil {
				t.Error("a failed update wrote")
			}

			// Counters: concurrent increments each get their own number.
			var wg sync.WaitGroup
			for range 8 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for range 5 {
						if err := kv.update(ctx, "incr", func(tx kvTx) error { _, err := tx.incr(tHash, "seq"); return err }); err != nil {
							t.Error(err)
						}
					}
				}()
			}
			wg.Wait()
			if r := getOf(tHash, "seq"); kv.view(ctx, "v", r) != nil || string(r.val) != "40" {
				t.Errorf("counter after 40 increments: %q", r.val)
			}

			// Expiring entries stop existing at their time.
			err = kv.update(ctx, "exp", func(tx kvTx) error {
				if err := tx.putUntil(tExpires, "soon", []byte(`"x"`), now.Add(time.Hour)); err != nil {
					return err
				}
				return tx.putUntil(tExpires, "gone", []byte(`"y"`), now.Add(-time.Second))
			})
			if err != nil {
				t.Fatal(err)
			}
			soon, gone, all := getOf(tExpires, "soon"), getOf(tExpires, "gone"), scanOf(tExpires, "")
			if err := kv.view(ctx, "v", soon, gone, all); err != nil {
				t.Fatal(err)
			}
			if string(soon.val) != `"x"` || gone.val != nil || len(all.pairs) != 1 {
				t.Errorf("expiring: %q, %q, %+v", soon.val, gone.val, all.pairs)
			}
			if u := all.pairs[0].until; u.Before(now.Add(59*time.Minute)) || u.After(now.Add(61*time.Minute)) {
				t.Errorf("until of an expiring entry: %v", u)
			}
		})
	}
}

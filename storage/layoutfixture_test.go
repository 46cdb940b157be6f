package storage_test

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/ots-customs/wgbot/storage"
	"github.com/ots-customs/wgbot/storage/redistest"
)

// The layout fixture is a store written by the release before the key-value
// layer (layout 1): testdata/layout-v1 holds a Redis dump (redis.json) and a
// bbolt file (wgbot.db), both filled by fillFixture. The upgrade tests open
// them with the current code.

// fixtureDir is where the fixture of the first layout lives.
const fixtureDir = "testdata/layout-v1"

// dumpedKey is one Redis key of a dump, its prefix cut off.
type dumpedKey struct {
	Key    string            `json:"key"`
	Type   string            `json:"type"`
	TTLms  int64             `json:"ttl_ms,omitempty"` // remaining when dumped; 0: none
	String string            `json:"string,omitempty"`
	Hash   map[string]string `json:"hash,omitempty"`
	Set    []string          `json:"set,omitempty"`
	ZSet   []redis.Z         `json:"zset,omitempty"`
	List   []string          `json:"list,omitempty"`
}

// fixtureInfo says when the fixture was written, so that a test can set the
// embedded store's clock to that moment (its expiry times are absolute).
type fixtureInfo struct {
	Written time.Time `json:"written"`
	Commit  string    `json:"commit"`
}

// fillFixture is fill plus the records fill leaves out.
func fillFixture(t *testing.T, s storage.Store) {
	fill(t, s)
	ctx := t.Context()
	steps := []error{
		s.AddNotice(ctx, "acc:3", storage.NoticeCopy{ChatID: 1, MessageID: 10}),
		s.AddNotice(ctx, "acc:3", storage.NoticeCopy{ChatID: 4, MessageID: 11}),
		func() error {
			_, err := s.ClaimDigest(ctx, 2, "2024-W04", "tok", time.Now(), time.Hour)
			return err
		}(),
		s.RecordStatus(ctx, 2, storage.StatusChange{Party: storage.Uzbekistan, To: storage.StateSubmitted, By: 3, At: time.Now().UTC().Truncate(time.Millisecond)}),
	}
	for i, err := range steps {
		if err != nil {
			t.Fatalf("fixture step %d: %v", i, err)
		}
	}
}

// TestWriteLayoutFixture writes the fixture; it runs only when asked
// (WGBOT_WRITE_FIXTURE=1), and was run once with the release of layout 1.
func TestWriteLayoutFixture(t *testing.T) {
	if os.Getenv("WGBOT_WRITE_FIXTURE") == "" {
		t.Skip("set WGBOT_WRITE_FIXTURE=1 to write testdata/layout-v1 (with the code of that layout)")
	}
	ctx := t.Context()
	info := fixtureInfo{Written: time.Now().UTC(), Commit: os.Getenv("WGBOT_FIXTURE_COMMIT")}
	_ = os.Remove(filepath.Join(fixtureDir, "wgbot.db"))
	db, err := storage.OpenBolt(filepath.Join(fixtureDir, "wgbot.db"), storage.BoltOptions{})
	if err != nil {
		t.Fatal(err)
	}
	fillFixture(t, db)
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}

	srv, prefix := redistest.Start(t)
	s, err := storage.OpenRedis(srv.URL(), storage.RedisOptions{Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	fillFixture(t, s)
	opt, _ := redis.ParseURL(srv.URL())
	raw := redis.NewClient(opt)
	defer raw.Close()
	dump, err := dumpPrefix(ctx, raw, prefix)
	if err != nil {
		t.Fatal(err)
	}
	write := func(name string, v any) {
		b, err := json.MarshalIndent(v, "", " ")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(fixtureDir, name), append(b, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("redis.json", dump)
	write("info.json", info)
}

// dumpPrefix reads every key under prefix, with its type and TTL.
func dumpPrefix(ctx context.Context, raw *redis.Client, prefix string) ([]dumpedKey, error) {
	keys, err := raw.Keys(ctx, prefix+"*").Result()
	if err != nil {
		return nil, err
	}
	slices.Sort(keys)
	var out []dumpedKey
	for _, k := range keys {
		d := dumpedKey{Key: strings.TrimPrefix(k, prefix)}
		if d.Type, err = raw.Type(ctx, k).Result(); err != nil {
			return nil, err
		}
		if ttl, _ := raw.PTTL(ctx, k).Result(); ttl > 0 {
			d.TTLms = ttl.Milliseconds()
		}
		switch d.Type {
		case "string":
			d.String, err = raw.Get(ctx, k).Result()
		case "hash":
			d.Hash, err = raw.HGetAll(ctx, k).Result()
		case "set":
			d.Set, err = raw.SMembers(ctx, k).Result()
			slices.Sort(d.Set)
		case "zset":
			d.ZSet, err = raw.ZRangeWithScores(ctx, k, 0, -1).Result()
		case "list":
			d.List, err = raw.LRange(ctx, k, 0, -1).Result()
		}
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// restoreDump writes a dump under prefix, each key with its TTL.
func restoreDump(ctx context.Context, raw *redis.Client, prefix string, dump []dumpedKey) error {
	for _, d := range dump {
		k := prefix + d.Key
		var err error
		switch d.Type {
		case "string":
			err = raw.Set(ctx, k, d.String, 0).Err()
		case "hash":
			err = raw.HSet(ctx, k, d.Hash).Err()
		case "set":
			err = raw.SAdd(ctx, k, toAny(d.Set)...).Err()
		case "zset":
			err = raw.ZAdd(ctx, k, d.ZSet...).Err()
		case "list":
			err = raw.RPush(ctx, k, toAny(d.List)...).Err()
		}
		if err == nil && d.TTLms > 0 {
			err = raw.PExpire(ctx, k, time.Duration(d.TTLms)*time.Millisecond).Err()
		}
		if err != nil {
			return err
		}
	}
	return nil
}

func toAny(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}

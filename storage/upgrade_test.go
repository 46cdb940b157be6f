package storage_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/ots-customs/wgbot/storage"
	"github.com/ots-customs/wgbot/storage/redistest"
)

// checkFixture checks, through the Store contract, that a store upgraded
// from the layout-1 fixture holds what fillFixture wrote, and works on.
func checkFixture(t *testing.T, s storage.Store) {
	t.Helper()
	ctx := t.Context()
	if ms, err := s.Members(ctx); err != nil || len(ms) != 2 {
		t.Errorf("members: %d, %v", len(ms), err)
	}
	if ts, err := s.Tasks(ctx); err != nil || len(ts) < 10 {
		t.Errorf("tasks: %d, %v", len(ts), err)
	}
	if h, err := s.History(ctx, 1, 10); err != nil || len(h) != 2 || h[0].To != storage.StateConfirmed {
		t.Errorf("history of task 1 (latest first): %+v, %v", h, err)
	}
	if h, err := s.History(ctx, 2, 10); err != nil || len(h) != 1 {
		t.Errorf("history of task 2: %+v, %v", h, err)
	}
	audit, err := s.AuditLog(ctx, 10)
	if err != nil || len(audit) != 3 || audit[0].Action != storage.AuditMemberApproved || audit[2].Action != storage.AuditNominated {
		t.Errorf("audit log (latest first): %+v, %v", audit, err)
	}
	if sess, err := s.Session(ctx, 500, 2, -100); err != nil || !sess.Seen || sess.Member == nil || !sess.GroupEnabled {
		t.Errorf("session: %+v, %v", sess, err)
	}
	if c, err := s.Conversation(ctx, 2); err != nil || c.Step != "email" {
		t.Errorf("conversation: %+v, %v", c, err)
	}
	if idle, err := s.IdleConversations(ctx, time.Now().Add(time.Hour), 10); err != nil || len(idle) != 1 || idle[0] != 2 {
		t.Errorf("idle conversations: %v, %v", idle, err)
	}
	if ns, err := s.Notices(ctx, "acc:3"); err != nil || len(ns) != 2 || ns[1].MessageID != 11 {
		t.Errorf("notices: %+v, %v", ns, err)
	}
	if u, err := s.GetUpload(ctx, "u1"); err != nil || u.FileName != "m.pdf" {
		t.Errorf("upload: %+v, %v", u, err)
	}
	if b, err := s.Board(ctx, -100); err != nil || b.MessageID != 42 {
		t.Errorf("board: %+v, %v", b, err)
	}
	if c, err := s.Contacts(ctx); err != nil || len(c) != 1 {
		t.Errorf("contacts: %+v, %v", c, err)
	}
	if subs, err := s.Subscriptions(ctx); err != nil || len(subs) != 1 {
		t.Errorf("subscriptions: %+v, %v", subs, err)
	}
	if ok, err := s.AlertSent(ctx, 2, -100, "14"); err != nil || !ok {
		t.Errorf("alert sent: %v, %v", ok, err)
	}
	// The store works on: numbers go on from the old ones.
	if err := s.Audit(ctx, storage.AuditEntry{At: time.Now(), By: 1, Action: storage.AuditMemberRemoved, Member: 9}); err != nil {
		t.Fatal(err)
	}
	if audit, _ := s.AuditLog(ctx, 10); len(audit) != 4 || audit[0].Action != storage.AuditMemberRemoved {
		t.Errorf("audit after a new entry: %+v", audit)
	}
	c, err := s.Nominate(ctx, storage.Contact{Party: storage.Hungary, FullName: "Béla", Email: "b@nav.gov.hu", NominatedBy: 2, Nominated: time.Now()})
	if err != nil || c.ID != 2 {
		t.Errorf("nomination after the upgrade: %+v, %v", c, err)
	}
	if err := s.SetGroupEnabled(ctx, -100, false); err != nil {
		t.Fatal(err)
	}
	if sess, _ := s.Session(ctx, 1, 2, -100); sess.GroupEnabled {
		t.Error("a group disabled after the upgrade is still enabled")
	}
}

func fixtureWritten(t *testing.T) time.Time {
	raw, err := os.ReadFile(filepath.Join(fixtureDir, "info.json"))
	if err != nil {
		t.Fatal(err)
	}
	var info fixtureInfo
	if err := json.Unmarshal(raw, &info); err != nil {
		t.Fatal(err)
	}
	return info.Written
}

// TestUpgradeBoltLayout1 opens a bbolt file written by layout 1.
func TestUpgradeBoltLayout1(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join(fixtureDir, "wgbot.db"))
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "wgbot.db")
	if err := os.WriteFile(path, raw, 0o600); err != nil {
		t.Fatal(err)
	}
	written := fixtureWritten(t)
	clock := func() time.Time { return written.Add(time.Minute) } // its expiry times are absolute
	s, err := storage.OpenBolt(path, storage.BoltOptions{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	checkFixture(t, s)
	s.Close()
	again, err := storage.OpenBolt(path, storage.BoltOptions{Now: clock}) // upgraded once
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	if a, err := again.AuditLog(t.Context(), 10); err != nil || len(a) != 5 { // 3 old, the entry checkFixture added, the nomination's
		t.Errorf("audit after reopening: %d, %v", len(a), err)
	}
}

// TestUpgradeRedisLayout1 restores the Redis dump of layout 1 and upgrades it.
func TestUpgradeRedisLayout1(t *testing.T) {
	t.Parallel()
	raw, err := os.ReadFile(filepath.Join(fixtureDir, "redis.json"))
	if err != nil {
		t.Fatal(err)
	}
	var dump []dumpedKey
	if err := json.Unmarshal(raw, &dump); err != nil {
		t.Fatal(err)
	}
	srv, prefix := redistest.Start(t)
	opt, _ := redis.ParseURL(srv.URL())
	rc := redis.NewClient(opt)
	defer rc.Close()
	ctx := t.Context()
	if err := restoreDump(ctx, rc, prefix, dump); err != nil {
		t.Fatal(err)
	}
	s, err := storage.OpenRedis(srv.URL(), storage.RedisOptions{Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := s.Upgrade(ctx); err != nil {
		t.Fatal(err)
	}
	if err := s.Upgrade(ctx); err != nil { // a second instance finds it done
		t.Fatal(err)
	}
	checkFixture(t, s)
	for _, old := range []string{"groups", "audit", "conv:idle", "notice:acc:3", "task:1:history"} {
		if n, _ := rc.Exists(ctx, prefix+old).Result(); n != 0 {
			t.Errorf("the key %s of layout 1 is still there", old)
		}
	}
	// The upgraded store copies to bbolt and back: the same key space.
	db, err := storage.OpenBolt(filepath.Join(t.TempDir(), "wgbot.db"), storage.BoltOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := storage.Copy(ctx, s, db); err != nil {
		t.Fatalf("copy of the upgraded store: %v", err)
	}
}

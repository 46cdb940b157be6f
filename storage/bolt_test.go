package storage_test

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/storage"
	"github.com/ots-customs/wgbot/storage/storagetest"
)

// openBolt is a fresh embedded store in a file of the test's own.
func openBolt(t *testing.T) storage.Store {
	t.Helper()
	s, err := storage.OpenBolt(filepath.Join(t.TempDir(), "data", "wgbot.db"), storage.BoltOptions{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = s.Close() })
	return s
}

func TestBoltConformance(t *testing.T) {
	storagetest.Run(t, openBolt)
}

// TestBoltSecondOpenerRefused checks bbolt's file lock: a second store on the
// same file fails quickly with a message naming the file. (bbolt's flock is
// per open file description, so two opens in one process conflict too.)
func TestBoltSecondOpenerRefused(t *testing.T) {
	t.Parallel()
	path := filepath.Join(t.TempDir(), "wgbot.db")
	first, err := storage.OpenBolt(path, storage.BoltOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer first.Close()
	start := time.Now()
	second, err := storage.OpenBolt(path, storage.BoltOptions{Timeout: 200 * time.Millisecond})
	if err == nil {
		second.Close()
		t.Fatal("a second store opened the same file")
	}
	if !errors.Is(err, storage.ErrLocked) || !strings.Contains(err.Error(), "another wgbot is using "+path) {
		t.Errorf("error = %v; want ErrLocked naming %s", err, path)
	}
	if took := time.Since(start); took > 2*time.Second {
		t.Errorf("refusal took %v", took)
	}
	first.Close()
	again, err := storage.OpenBolt(path, storage.BoltOptions{})
	if err != nil {
		t.Fatalf("reopen after close: %v", err)
	}
	again.Close()
}

// TestBoltExpiryOnRead checks what Redis does with TTLs: a conversation's
// state and an upload stop existing at their stored expiry time, and a handled
// mark stops deduplicating after 48 hours.
func TestBoltExpiryOnRead(t *testing.T) {
	t.Parallel()
	now := time.Date(2024, 1, 20, 10, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	s, err := storage.OpenBolt(filepath.Join(t.TempDir(), "wgbot.db"), storage.BoltOptions{Now: clock})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	ctx := t.Context()
	if err := s.PutConversation(ctx, storage.Conversation{UserID: 7, Step: "email", Updated: now}); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkHandled(ctx, 99); err != nil {
		t.Fatal(err)
	}
	now = now.Add(storage.ConversationIdle + 30*time.Minute)
	if _, err := s.Conversation(ctx, 7); err != nil {
		t.Fatalf("conversation gone before its expiry: %v", err)
	}
	now = now.Add(time.Hour)
	if _, err := s.Conversation(ctx, 7); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("expired conversation: %v", err)
	}
	// Its idle entry is still there, as in Redis: the expiry loop ends it.
	c, ended, err := s.EndIdleConversation(ctx, 7, now)
	if err != nil || !ended || c.Step != "" {
		t.Errorf("EndIdleConversation = %+v, %v, %v", c, ended, err)
	}
	if sess, _ := s.Session(ctx, 99, 1, 1); !sess.Seen {
		t.Error("a mark younger than 48 hours is not seen")
	}
	now = now.Add(24 * time.Hour)
	if sess, _ := s.Session(ctx, 99, 1, 1); sess.Seen {
		t.Error("a mark older than 48 hours is still seen")
	}
}

package storage_test

import (
	"errors"
	"path/filepath"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/storage"
	"github.com/ots-customs/wgbot/storage/redistest"
	"github.com/ots-customs/wgbot/storage/seed"
)

// fill writes a record of every kind through the Store contract.
func fill(t *testing.T, s storage.Store) {
	t.Helper()
	ctx := t.Context()
	at := time.Now().Add(-time.Hour).Truncate(time.Millisecond).UTC()
	data, err := seed.Tashkent()
	if err != nil {
		t.Fatal(err)
	}
	in := s.(storage.Inbox)
	steps := []error{
		func() error { _, err := s.LoadSeed(ctx, data); return err }(),
		s.MarkHandled(ctx, 500), s.SetOffset(ctx, 500),
		s.PutMember(ctx, storage.Member{UserID: 1, Name: "Aida", Party: storage.Secretariat, Since: at}),
		func() error {
			_, _, err := s.RequestAccess(ctx, storage.AccessRequest{UserID: 2, Name: "Bora", Party: storage.Turkiye, Requested: at})
			return err
		}(),
		func() error { _, err := s.DecideAccess(ctx, 2, true, 1, at); return err }(),
		func() error {
			_, _, err := s.RequestAccess(ctx, storage.AccessRequest{UserID: 3, Name: "Cem", Party: storage.Uzbekistan, Requested: at})
			return err
		}(),
		s.SetGroupEnabled(ctx, -100, true),
		func() error {
			_, err := s.AddTask(ctx, storage.Task{MeetingID: "x", Title: "Added", Parties: []storage.Party{storage.Hungary}, Created: at})
			return err
		}(),
		s.RecordStatus(ctx, 1, storage.StatusChange{Party: storage.Turkiye, To: storage.StateSubmitted, By: 2, At: at}),
		s.RecordStatus(ctx, 1, storage.StatusChange{Party: storage.Turkiye, To: storage.StateConfirmed, By: 1, At: at}),
		s.Subscribe(ctx, storage.Subscription{ChatID: -100, Title: "WG", By: 1, Since: at}),
		s.ScheduleAlert(ctx, 1, -100, at.Add(48*time.Hour)),
		s.ScheduleAlert(ctx, 2, -100, at),
		func() error {
			got, err := s.ClaimDueAlerts(ctx, time.Now(), time.Minute, 1) // one claimed alert in flight
			if err == nil && len(got) == 1 {
				err = s.CompleteAlert(ctx, got[0], []string{"14", "7"}, at.Add(24*time.Hour))
			}
			return err
		}(),
		func() error {
			c, err := s.Nominate(ctx, storage.Contact{Party: storage.Turkiye, FullName: "Ahmet", Email: "a@ticaret.gov.tr", NominatedBy: 2, Nominated: at})
			if err == nil {
				_, err = s.DecideContact(ctx, c.ID, true, 1, at)
			}
			return err
		}(),
		s.PutConversation(ctx, storage.Conversation{UserID: 2, Step: "email", Updated: at}),
		s.Audit(ctx, storage.AuditEntry{At: at, By: 1, Action: storage.AuditMemberApproved, Member: 2}),
		s.PutUpload(ctx, storage.Upload{ID: "u1", FileName: "m.pdf", At: at}, time.Hour),
		func() error {
			_, _, err := s.ClaimImport(ctx, storage.Import{ID: "u0", Title: "Old", At: at})
			return err
		}(),
		s.AddMeeting(ctx, storage.Meeting{ID: "x", Title: "Imported"}),
		func() error {
			_, err := in.InboxPut(ctx, 501, []byte(`{"update_id":501}`), at, at.Add(time.Minute))
			return err
		}(),
		// Calendars, boards and digests (issue 15).
		s.SetCalendarToken(ctx, 2, "5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8"),
		func() error { _, err := s.SyncCalendarEvents(ctx, map[int64]string{1: "a", 2: "b"}, at); return err }(),
		s.PutBoard(ctx, storage.Board{ChatID: -100, ThreadID: 7, MessageID: 42, Shown: "x", By: 1}),
		s.PutDigest(ctx, storage.Digest{UserID: 2, Party: storage.Turkiye, Weekday: time.Monday, Hour: 9, Last: at}),
		// Settings (issue 13).
		func() error {
			_, err := s.UpdateUserSettings(ctx, 2, func(st *storage.Settings) { st.Language = "tr"; st.TimeZone = "Europe/Istanbul" })
			return err
		}(),
		func() error {
			_, err := s.UpdateChatSettings(ctx, -100, func(st *storage.Settings) { st.Language = "ru" })
			return err
		}(),
		s.SetTelegramLanguage(ctx, 3, "uz"),
	}
	for i, err := range steps {
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
}

// TestMigrateBoltRedisBolt copies a full embedded store to Redis and back,
// and checks that every record made the round trip.
func TestMigrateBoltRedisBolt(t *testing.T) {
	t.Parallel()
	ctx := t.Context()
	src := openBolt(t).(*storage.Bolt)
	fill(t, src)
	srv, prefix := redistest.Start(t)
	rdb, err := storage.OpenRedis(srv.URL(), storage.RedisOptions{Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	defer rdb.Close()
	snap, err := storage.Copy(ctx, src, rdb)
	if err != nil {
		t.Fatalf("to Redis: %v", err)
	}
	if len(snap.Tasks) < 10 || len(snap.Contacts) != 1 || len(snap.Conversations) != 1 || len(snap.Inbox) != 1 ||
		len(snap.Alerts) != 2 || len(snap.AlertsSent) != 2 || len(snap.Handled) != 1 || len(snap.Uploads) != 1 {
		t.Errorf("snapshot misses records: %s, %d sent, %d marks", snap.Counts(), len(snap.AlertsSent), len(snap.Handled))
	}
	// The copy works as a store: sessions, conversations, alerts.
	if sess, err := rdb.Session(ctx, 500, 2, -100); err != nil || !sess.Seen || sess.Member == nil || !sess.GroupEnabled ||
		sess.User.Language != "tr" || sess.Chat.Language != "ru" {
		t.Errorf("session on the copy: %+v, %v", sess, err)
	}
	if c, err := rdb.Conversation(ctx, 2); err != nil || c.Step != "email" {
		t.Errorf("conversation on the copy: %+v, %v", c, err)
	}
	if err := rdb.Import(ctx, snap); !errors.Is(err, storage.ErrNotEmpty) {
		t.Errorf("import into a full store: %v", err)
	}
	back, err := storage.OpenBolt(filepath.Join(t.TempDir(), "back.db"), storage.BoltOptions{})
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	if _, err := storage.Copy(ctx, rdb, back); err != nil {
		t.Fatalf("back from Redis: %v", err)
	}
	a, _ := src.Export(ctx)
	b, _ := back.Export(ctx)
	if a.Digest() != b.Digest() {
		t.Errorf("the round trip changed the data:\n%s\n%s", a.Digest(), b.Digest())
	}
	if n, _ := back.AuditLog(ctx, 10); len(n) != 3 || n[0].Action != storage.AuditMemberApproved {
		t.Errorf("audit order after the round trip: %+v", n)
	}
}

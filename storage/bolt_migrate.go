package storage

import (
	"context"
	"encoding/json"
	"strconv"
	"time"

	bolt "go.etcd.io/bbolt"
)

var _ Migrator = (*Bolt)(nil)

// Export reads every record in one read transaction.
func (s *Bolt) Export(ctx context.Context) (*Snapshot, error) {
	snap := &Snapshot{}
	err := s.view(ctx, "export", func(tx *bolt.Tx) error {
		var err error
		snap.Seed = string(tx.Bucket(bMeta).Get([]byte("seed")))
		snap.Offset = getInt(tx, bMeta, "offset")
		snap.TaskSeq = getInt(tx, bMeta, "task:seq")
		snap.ContactSeq = getInt(tx, bMeta, "contact:seq")
		if snap.Meetings, err = allJSON[Meeting](tx, bMeetings); err != nil {
			return err
		}
		if snap.Tasks, err = allJSON[Task](tx, bTasks); err != nil {
			return err
		}
		snap.History = map[int64][]StatusChange{}
		if err := tx.Bucket(bHistory).ForEach(func(k, v []byte) error {
			var h []StatusChange
			n, _ := strconv.ParseInt(string(k), 10, 64)
			if err := json.Unmarshal(v, &h); err != nil {
				return keep{err}
			}
			snap.History[n] = h
			return nil
		}); err != nil {
			return err
		}
		if snap.Members, err = allJSON[Member](tx, bMembers); err != nil {
			return err
		}
		if snap.Requests, err = allJSON[AccessRequest](tx, bRequests); err != nil {
			return err
		}
		snap.Groups = []int64{}
		_ = tx.Bucket(bGroups).ForEach(func(k, _ []byte) error {
			n, _ := strconv.ParseInt(string(k), 10, 64)
			snap.Groups = append(snap.Groups, n)
			return nil
		})
		if snap.Subscriptions, err = allJSON[Subscription](tx, bSubs); err != nil {
			return err
		}
		snap.Alerts = []SnapshotAlert{}
		if err := tx.Bucket(bAlerts).ForEach(func(k, v []byte) error {
			var a boltAlert
			if err := json.Unmarshal(v, &a); err != nil {
				return keep{err}
			}
			task, chat := splitMember(string(k))
			at := a.LeaseAt
			if a.Due != nil {
				at = *a.Due
			}
			snap.Alerts = append(snap.Alerts, SnapshotAlert{TaskID: task, ChatID: chat, At: time.UnixMilli(at).UTC()})
			return nil
		}); err != nil {
			return err
		}
		snap.AlertsSent = []string{}
		_ = tx.Bucket(bSent).ForEach(func(k, _ []byte) error { snap.AlertsSent = append(snap.AlertsSent, string(k)); return nil })
		if snap.Contacts, err = allJSON[Contact](tx, bContacts); err != nil {
			return err
		}
		snap.Emails = map[string]int64{}
		_ = tx.Bucket(bEmails).ForEach(func(k, v []byte) error {
			n, _ := strconv.ParseInt(string(v), 10, 64)
			snap.Emails[string(k)] = n
			return nil
		})
		snap.Conversations = []SnapshotConversation{}
		if err := tx.Bucket(bConvIdle).ForEach(func(k, v []byte) error {
			user, _ := strconv.ParseInt(string(k), 10, 64)
			idle, _ := strconv.ParseInt(string(v), 10, 64)
			sc := SnapshotConversation{UserID: user, Idle: time.UnixMilli(idle).UTC()}
			var e expiring
			if found, _ := getJSON(tx, bConv, string(k), &e); found && s.now().UnixMilli() < e.Exp {
				var c Conversation
				if err := json.Unmarshal(e.V, &c); err != nil {
					return keep{err}
				}
				sc.State, sc.Expires = &c, time.UnixMilli(e.Exp).UTC()
			}
			snap.Conversations = append(snap.Conversations, sc)
			return nil
		}); err != nil {
			return err
		}
		snap.Audit = []AuditEntry{}
		c := tx.Bucket(bAudit).Cursor()
		for k, v := c.Last(); k != nil; k, v = c.Prev() {
			var e AuditEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return keep{err}
			}
			snap.Audit = append(snap.Audit, e)
		}
		if snap.Imports, err = allJSON[Import](tx, bImports); err != nil {
			return err
		}
		snap.Uploads = []SnapshotUpload{}
		if err := tx.Bucket(bUploads).ForEach(func(k, v []byte) error {
			var u Upload
			var e expiring
			if found, err := s.getExpiring(tx, bUploads, string(k), &u); err != nil || !found {
				return err
			}
			_ = json.Unmarshal(v, &e)
			snap.Uploads = append(snap.Uploads, SnapshotUpload{Upload: u, Expires: time.UnixMilli(e.Exp).UTC()})
			return nil
		}); err != nil {
			return err
		}
		snap.Handled = map[int64]time.Time{}
		_ = tx.Bucket(bHandled).ForEach(func(k, v []byte) error {
			n, _ := strconv.ParseInt(string(k), 10, 64)
			at, _ := strconv.ParseInt(string(v), 10, 64)
			if exp := time.UnixMilli(at).Add(handledTTL); exp.After(s.now()) {
				snap.Handled[n] = exp.UTC()
			}
			return nil
		})
		snap.Records = boltExportRecords(tx)
		snap.Inbox = []SnapshotInbox{}
		return tx.Bucket(bInbox).ForEach(func(k, v []byte) error {
			var it boltInboxItem
			if err := json.Unmarshal(v, &it); err != nil {
				return keep{err}
			}
			n, _ := strconv.ParseInt(string(k), 10, 64)
			snap.Inbox = append(snap.Inbox, SnapshotInbox{UpdateID: n, Raw: it.Raw,
				Visible: time.UnixMilli(it.Visible).UTC(), Born: time.UnixMilli(it.Born).UTC()})
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	snap.normalize()
	return snap, nil
}

// Import writes a snapshot into this empty store in one transaction.
func (s *Bolt) Import(ctx context.Context, snap *Snapshot) error {
	cur, err := s.Export(ctx)
	if err != nil {
		return err
	}
	if !cur.Empty() {
		return ErrNotEmpty
	}
	return s.update(ctx, "import", func(tx *bolt.Tx) error {
		meta := tx.Bucket(bMeta)
		if snap.Seed != "" {
			if err := meta.Put([]byte("seed"), []byte(snap.Seed)); err != nil {
				return err
			}
		}
		for k, n := range map[string]int64{"offset": snap.Offset, "task:seq": snap.TaskSeq, "contact:seq": snap.ContactSeq} {
			if n != 0 {
				if err := putInt(tx, bMeta, k, n); err != nil {
					return err
				}
			}
		}
		put := func(b []byte, k string, v any) {
			if err == nil {
				err = putJSON(tx, b, k, v)
			}
		}
		for _, m := range snap.Meetings {
			put(bMeetings, m.ID, m)
		}
		for _, t := range snap.Tasks {
			put(bTasks, id(t.ID), t)
		}
		for task, h := range snap.History {
			put(bHistory, id(task), h)
		}
		for _, m := range snap.Members {
			put(bMembers, id(m.UserID), m)
		}
		for _, r := range snap.Requests {
			put(bRequests, id(r.UserID), r)
		}
		for _, sub := range snap.Subscriptions {
			put(bSubs, id(sub.ChatID), sub)
		}
		for _, a := range snap.Alerts {
			put(bAlerts, alertMember(a.TaskID, a.ChatID), boltAlert{Due: unixMS(a.At)})
		}
		for _, c := range snap.Contacts {
			put(bContacts, id(c.ID), c)
		}
		for _, c := range snap.Conversations {
			if err == nil {
				err = putInt(tx, bConvIdle, id(c.UserID), c.Idle.UnixMilli())
			}
			if c.State != nil && err == nil {
				err = s.putExpiring(tx, bConv, id(c.UserID), c.State, c.Expires)
			}
		}
		for _, imp := range snap.Imports {
			put(bImports, imp.ID, imp)
		}
		for _, u := range snap.Uploads {
			if err == nil {
				err = s.putExpiring(tx, bUploads, u.Upload.ID, u.Upload, u.Expires)
			}
		}
		for _, it := range snap.Inbox {
			put(bInbox, id(it.UpdateID), boltInboxItem{Visible: it.Visible.UnixMilli(), Born: it.Born.UnixMilli(), Raw: it.Raw})
		}
		if err != nil {
			return err
		}
		for _, g := range snap.Groups {
			if err := tx.Bucket(bGroups).Put([]byte(id(g)), []byte{}); err != nil {
				return err
			}
		}
		for _, k := range snap.AlertsSent {
			if err := tx.Bucket(bSent).Put([]byte(k), []byte{}); err != nil {
				return err
			}
		}
		for k, v := range snap.Emails {
			if err := tx.Bucket(bEmails).Put([]byte(k), []byte(id(v))); err != nil {
				return err
			}
		}
		for n, exp := range snap.Handled {
			if err := putInt(tx, bHandled, id(n), exp.Add(-handledTTL).UnixMilli()); err != nil {
				return err
			}
		}
		// Audit is latest first; the log appends, so oldest first.
		for i := len(snap.Audit) - 1; i >= 0; i-- {
			if err := boltAudit(tx, snap.Audit[i]); err != nil {
				return err
			}
		}
		return boltApplyRecords(tx, importOps(snap.Records))
	})
}

// splitMember parses "task:chat".
func splitMember(m string) (int64, int64) {
	for i := 0; i < len(m); i++ {
		if m[i] == ':' {
			a, _ := strconv.ParseInt(m[:i], 10, 64)
			b, _ := strconv.ParseInt(m[i+1:], 10, 64)
			return a, b
		}
	}
	return 0, 0
}

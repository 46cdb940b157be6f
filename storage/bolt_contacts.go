package storage

import (
	"cmp"
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

var _ ContactStore = (*Bolt)(nil)
var _ ImportStore = (*Bolt)(nil)

// expiring wraps a value that Redis would keep with a TTL: Exp is when it
// stops existing (unix ms), checked on every read.
type expiring struct {
	Exp int64           `json:"exp"`
	V   json.RawMessage `json:"v"`
}

// getExpiring decodes a live value into v; found is false when absent or expired.
func (s *Bolt) getExpiring(tx *bolt.Tx, bucket []byte, key string, v any) (bool, error) {
	var e expiring
	found, err := getJSON(tx, bucket, key, &e)
	if err != nil || !found || s.now().UnixMilli() >= e.Exp {
		return false, err
	}
	if err := json.Unmarshal(e.V, v); err != nil {
		return true, keep{fmt.Errorf("storage: decode %s %s: %w", bucket, key, err)}
	}
	return true, nil
}

func (s *Bolt) putExpiring(tx *bolt.Tx, bucket []byte, key string, v any, exp time.Time) error {
	raw, err := json.Marshal(v)
	if err != nil {
		return keep{fmt.Errorf("storage: encode %s %s: %w", bucket, key, err)}
	}
	return putJSON(tx, bucket, key, expiring{Exp: exp.UnixMilli(), V: raw})
}

// Conversation returns a user's conversation unless its state expired.
func (s *Bolt) Conversation(ctx context.Context, userID int64) (Conversation, error) {
	op := "get conversation " + id(userID)
	var c Conversation
	err := s.view(ctx, op, func(tx *bolt.Tx) error {
		found, err := s.getExpiring(tx, bConv, id(userID), &c)
		if err == nil && !found {
			return notFound(op)
		}
		return err
	})
	return c, err
}

// PutConversation stores a conversation, kept for convTTL, and its last activity.
func (s *Bolt) PutConversation(ctx context.Context, c Conversation) error {
	return s.update(ctx, "put conversation "+id(c.UserID), func(tx *bolt.Tx) error {
		if err := s.putExpiring(tx, bConv, id(c.UserID), c, s.now().Add(convTTL)); err != nil {
			return err
		}
		return putInt(tx, bConvIdle, id(c.UserID), c.Updated.UnixMilli())
	})
}

// EndConversation deletes a conversation.
func (s *Bolt) EndConversation(ctx context.Context, userID int64) (bool, error) {
	var was bool
	err := s.update(ctx, "end conversation "+id(userID), func(tx *bolt.Tx) error {
		var c Conversation
		found, _ := s.getExpiring(tx, bConv, id(userID), &c)
		was = found
		if _, err := boltDel(tx, bConv, id(userID)); err != nil {
			return err
		}
		_, err := boltDel(tx, bConvIdle, id(userID))
		return err
	})
	return was, err
}

// IdleConversations lists users idle since before, longest idle first.
func (s *Bolt) IdleConversations(ctx context.Context, before time.Time, limit int) ([]int64, error) {
	type idle struct {
		user string
		at   int64
	}
	var all []idle
	err := s.view(ctx, "idle conversations", func(tx *bolt.Tx) error {
		return tx.Bucket(bConvIdle).ForEach(func(k, v []byte) error {
			at, _ := strconv.ParseInt(string(v), 10, 64)
			if at <= before.UnixMilli() {
				all = append(all, idle{string(k), at})
			}
			return nil
		})
	})
	if err != nil {
		return nil, err
	}
	slices.SortFunc(all, func(a, b idle) int {
		if c := cmp.Compare(a.at, b.at); c != 0 {
			return c
		}
		return strings.Compare(a.user, b.user)
	})
	out := []int64{}
	for _, it := range all[:min(max(limit, 0), len(all))] {
		n, err := strconv.ParseInt(it.user, 10, 64)
		if err != nil {
			return out, fmt.Errorf("storage: malformed conversation member %q", it.user)
		}
		out = append(out, n)
	}
	return out, nil
}

// EndIdleConversation ends a conversation if still idle since before.
func (s *Bolt) EndIdleConversation(ctx context.Context, userID int64, before time.Time) (Conversation, bool, error) {
	c := Conversation{UserID: userID}
	ended := false
	err := s.update(ctx, "end idle conversation "+id(userID), func(tx *bolt.Tx) error {
		v := tx.Bucket(bConvIdle).Get([]byte(id(userID)))
		if v == nil {
			return nil
		}
		if at, _ := strconv.ParseInt(string(v), 10, 64); at > before.UnixMilli() {
			return nil
		}
		var got Conversation
		if found, err := s.getExpiring(tx, bConv, id(userID), &got); found && err == nil {
			c = got
		}
		ended = true
		if _, err := boltDel(tx, bConv, id(userID)); err != nil {
			return err
		}
		_, err := boltDel(tx, bConvIdle, id(userID))
		return err
	})
	return c, ended && err == nil, err
}

// boltAudit appends entries to the capped audit log, in tx.
func boltAudit(tx *bolt.Tx, entries ...AuditEntry) error {
	b := tx.Bucket(bAudit)
	for _, e := range entries {
		n, err := b.NextSequence()
		if err != nil {
			return err
		}
		raw, err := json.Marshal(e)
		if err != nil {
			return keep{fmt.Errorf("storage: encode audit entry: %w", err)}
		}
		if err := b.Put(binary.BigEndian.AppendUint64(nil, n), raw); err != nil {
			return err
		}
	}
	// Keep the latest AuditMax: drop from the oldest end.
	c := b.Cursor()
	var n int
	for k, _ := c.Last(); k != nil; k, _ = c.Prev() {
		n++
	}
	for k, _ := c.First(); k != nil && n > AuditMax; k, _ = c.Next() {
		if err := c.Delete(); err != nil {
			return err
		}
		n--
	}
	return nil
}

// boltPutContact writes a contact (or deletes it when c is nil), keeps the e-mail
// index and appends e to the audit log, like the Redis script: drop is the
// e-mail key to release, claim the one to take ("" for none). A claim held by
// another existing contact gives ErrDuplicateEmail and that contact.
func boltPutContact(tx *bolt.Tx, cid int64, c *Contact, drop, claim string, e AuditEntry) (Contact, error) {
	var other Contact
	if claim != "" {
		if holder := tx.Bucket(bEmails).Get([]byte(claim)); holder != nil && string(holder) != id(cid) {
			if found, err := getJSON(tx, bContacts, string(holder), &other); err != nil {
				return other, err
			} else if found {
				return other, keep{fmt.Errorf("%w (contact %d)", ErrDuplicateEmail, other.ID)}
			}
		}
	}
	if drop != "" && string(tx.Bucket(bEmails).Get([]byte(drop))) == id(cid) {
		if err := tx.Bucket(bEmails).Delete([]byte(drop)); err != nil {
			return other, err
		}
	}
	if claim != "" {
		if err := tx.Bucket(bEmails).Put([]byte(claim), []byte(id(cid))); err != nil {
			return other, err
		}
	}
	var err error
	if c == nil {
		err = tx.Bucket(bContacts).Delete([]byte(id(cid)))
	} else {
		err = putJSON(tx, bContacts, id(cid), c)
	}
	if err != nil {
		return other, err
	}
	return other, boltAudit(tx, e)
}

// dupErr adds the operation to a duplicate e-mail error.
func dupErr(op string, err error) error {
	if errors.Is(err, ErrDuplicateEmail) {
		return fmt.Errorf("storage: %s: %w", op, err)
	}
	return err
}

// Nominate stores a new pending contact.
func (s *Bolt) Nominate(ctx context.Context, c Contact) (Contact, error) {
	var other Contact
	err := s.update(ctx, "nominate", func(tx *bolt.Tx) error {
		n, err := nextID(tx, "contact:seq")
		if err != nil {
			return err
		}
		c.ID, c.Status = n, ContactPending
		entry := AuditEntry{At: c.Nominated, By: c.NominatedBy, Action: AuditNominated, Contact: c.ID}
		other, err = boltPutContact(tx, c.ID, &c, "", EmailKey(c.Email), entry)
		return err
	})
	if errors.Is(err, ErrDuplicateEmail) {
		return other, dupErr("nominate", err)
	}
	return c, err
}

// change reads contact cid, lets fn change it (or delete it: remove), and
// writes it back with its audit entry, all in one transaction.
func (s *Bolt) change(ctx context.Context, op string, cid int64, fn contactChange) (Contact, error) {
	op += " contact " + id(cid)
	var old, out, other Contact
	err := s.update(ctx, op, func(tx *bolt.Tx) error {
		old = Contact{}
		found, err := getJSON(tx, bContacts, id(cid), &old)
		if err != nil {
			return err
		}
		if !found {
			return notFound(op)
		}
		c := old
		e, remove, err := fn(&c)
		if err != nil {
			if errors.Is(err, ErrAlreadyDecided) || errors.Is(err, ErrNotYours) {
				return keep{fmt.Errorf("storage: %s: %w", op, err)}
			}
			return keep{err}
		}
		oldKey, newKey := EmailKey(old.Email), EmailKey(c.Email)
		oldActive, newActive := old.Status.Active(), !remove && c.Status.Active()
		drop, claim := "", ""
		if oldActive && (!newActive || oldKey != newKey) {
			drop = oldKey
		}
		if newActive && (!oldActive || oldKey != newKey) {
			claim = newKey
		}
		var write *Contact
		if !remove {
			write = &c
		}
		other, err = boltPutContact(tx, cid, write, drop, claim, e)
		out = c
		if remove {
			out = old
		}
		return err
	})
	switch {
	case errors.Is(err, ErrDuplicateEmail):
		return other, dupErr(op, err)
	case err != nil:
		if errors.Is(err, ErrNotFound) {
			return Contact{}, err
		}
		return old, err
	}
	return out, nil
}

// Contact returns one contact.
func (s *Bolt) Contact(ctx context.Context, cid int64) (Contact, error) {
	return boltOne[Contact](ctx, s, bContacts, id(cid), "get contact "+id(cid))
}

// Contacts returns every contact by Party, name and id.
func (s *Bolt) Contacts(ctx context.Context) ([]Contact, error) {
	var cs []Contact
	err := s.view(ctx, "list contacts", func(tx *bolt.Tx) (err error) { cs, err = allJSON[Contact](tx, bContacts); return })
	if err != nil {
		return nil, err
	}
	SortContacts(cs)
	return cs, nil
}

// DecideContact approves or rejects a pending contact once.
func (s *Bolt) DecideContact(ctx context.Context, cid int64, approve bool, by int64, at time.Time) (Contact, error) {
	return s.change(ctx, "decide", cid, decideRule(cid, approve, by, at))
}

// WithdrawContact withdraws a pending contact for its nominator.
func (s *Bolt) WithdrawContact(ctx context.Context, cid int64, by int64, at time.Time) (Contact, error) {
	return s.change(ctx, "withdraw", cid, withdrawRule(cid, by, at))
}

// EditContact sets one field of an approved contact.
func (s *Bolt) EditContact(ctx context.Context, cid int64, f Field, value string, by int64, at time.Time) (Contact, error) {
	return s.change(ctx, "edit", cid, editRule(cid, f, value, by, at))
}

// RemoveContact deletes a contact.
func (s *Bolt) RemoveContact(ctx context.Context, cid int64, by int64, at time.Time) (Contact, error) {
	return s.change(ctx, "remove", cid, removeRule(cid, by, at))
}

// ForgetUser deletes what is held about a user in one transaction.
func (s *Bolt) ForgetUser(ctx context.Context, userID int64, username string, at time.Time) (Forgotten, error) {
	var out Forgotten
	err := s.update(ctx, "forget user "+id(userID), func(tx *bolt.Tx) error {
		out = Forgotten{}
		cs, err := allJSON[Contact](tx, bContacts)
		if err != nil {
			return err
		}
		slices.SortFunc(cs, func(a, b Contact) int { return cmp.Compare(a.ID, b.ID) })
		out.Member = tx.Bucket(bMembers).Get([]byte(id(userID))) != nil
		out.AccessRequest = tx.Bucket(bRequests).Get([]byte(id(userID))) != nil
		if b := tx.Bucket(recordBucket(kindUserSettings)); b != nil {
			out.Settings = b.Get([]byte(id(userID))) != nil
		}
		var conv Conversation
		out.Conversation, _ = s.getExpiring(tx, bConv, id(userID), &conv)
		var entries []AuditEntry
		for _, c := range cs {
			switch {
			case c.About(userID, username):
				out.Contacts = append(out.Contacts, c.ID)
			case c.NominatedBy == userID && c.Status == ContactPending:
				out.Nominations = append(out.Nominations, c.ID)
			case c.NominatedBy == userID:
				out.Unlinked = append(out.Unlinked, c.ID)
				c.NominatedBy = 0
				if err := putJSON(tx, bContacts, id(c.ID), c); err != nil {
					return err
				}
				continue
			default:
				continue
			}
			if err := tx.Bucket(bContacts).Delete([]byte(id(c.ID))); err != nil {
				return err
			}
			if c.Status.Active() {
				if err := tx.Bucket(bEmails).Delete([]byte(EmailKey(c.Email))); err != nil {
					return err
				}
			}
			entries = append(entries, AuditEntry{At: at, By: userID, Action: AuditForgotten, Contact: c.ID})
		}
		for _, b := range [][]byte{bMembers, bRequests, bConv, bConvIdle} {
			if err := tx.Bucket(b).Delete([]byte(id(userID))); err != nil {
				return err
			}
		}
		if err := boltApplyRecords(tx, forgetSettingsOps(userID)); err != nil {
			return err
		}
		if out.Member {
			entries = append(entries, AuditEntry{At: at, By: userID, Action: AuditMemberForgotten, Member: userID})
		}
		return boltAudit(tx, entries...)
	})
	return out, err
}

// Audit appends an entry to the capped audit log.
func (s *Bolt) Audit(ctx context.Context, e AuditEntry) error {
	return s.update(ctx, "audit", func(tx *bolt.Tx) error { return boltAudit(tx, e) })
}

// AuditLog returns the latest n entries.
func (s *Bolt) AuditLog(ctx context.Context, n int) ([]AuditEntry, error) {
	if n <= 0 {
		return nil, nil
	}
	out := []AuditEntry{}
	err := s.view(ctx, "audit log", func(tx *bolt.Tx) error {
		c := tx.Bucket(bAudit).Cursor()
		for k, v := c.Last(); k != nil && len(out) < n; k, v = c.Prev() {
			var e AuditEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return keep{fmt.Errorf("storage: decode audit entry: %w", err)}
			}
			out = append(out, e)
		}
		return nil
	})
	return out, err
}

// PutUpload keeps u until ttl has passed.
func (s *Bolt) PutUpload(ctx context.Context, u Upload, ttl time.Duration) error {
	return s.update(ctx, "put upload "+u.ID, func(tx *bolt.Tx) error {
		// Expired uploads are dropped here, so the bucket does not grow.
		var old []string
		_ = tx.Bucket(bUploads).ForEach(func(k, v []byte) error {
			var e expiring
			if json.Unmarshal(v, &e) == nil && s.now().UnixMilli() >= e.Exp {
				old = append(old, string(k))
			}
			return nil
		})
		for _, k := range old {
			if err := tx.Bucket(bUploads).Delete([]byte(k)); err != nil {
				return err
			}
		}
		return s.putExpiring(tx, bUploads, u.ID, u, s.now().Add(ttl))
	})
}

// GetUpload returns a kept upload unless it expired.
func (s *Bolt) GetUpload(ctx context.Context, uploadID string) (Upload, error) {
	op := "get upload " + uploadID
	var u Upload
	err := s.view(ctx, op, func(tx *bolt.Tx) error {
		found, err := s.getExpiring(tx, bUploads, uploadID, &u)
		if err == nil && !found {
			return notFound(op)
		}
		return err
	})
	return u, err
}

// AddMeeting stores a meeting.
func (s *Bolt) AddMeeting(ctx context.Context, m Meeting) error {
	return s.update(ctx, "add meeting "+m.ID, func(tx *bolt.Tx) error { return putJSON(tx, bMeetings, m.ID, m) })
}

// DeleteMeeting removes a meeting.
func (s *Bolt) DeleteMeeting(ctx context.Context, meetingID string) (bool, error) {
	var was bool
	err := s.update(ctx, "delete meeting "+meetingID, func(tx *bolt.Tx) (err error) { was, err = boltDel(tx, bMeetings, meetingID); return })
	return was, err
}

// ClaimImport creates imp unless an import with its id exists.
func (s *Bolt) ClaimImport(ctx context.Context, imp Import) (Import, bool, error) {
	got, created := imp, false
	err := s.update(ctx, "claim import "+imp.ID, func(tx *bolt.Tx) error {
		found, err := getJSON(tx, bImports, imp.ID, &got)
		if err != nil || found {
			return err
		}
		created, got = true, imp
		return putJSON(tx, bImports, imp.ID, imp)
	})
	return got, created && err == nil, err
}

// PutImport creates or replaces an import record.
func (s *Bolt) PutImport(ctx context.Context, imp Import) error {
	return s.update(ctx, "put import "+imp.ID, func(tx *bolt.Tx) error { return putJSON(tx, bImports, imp.ID, imp) })
}

// GetImport returns one import record.
func (s *Bolt) GetImport(ctx context.Context, importID string) (Import, error) {
	return boltOne[Import](ctx, s, bImports, importID, "get import "+importID)
}

// ListImports returns every import, latest first.
func (s *Bolt) ListImports(ctx context.Context) ([]Import, error) {
	var all []Import
	err := s.view(ctx, "list imports", func(tx *bolt.Tx) (err error) { all, err = allJSON[Import](tx, bImports); return })
	if err != nil {
		return nil, err
	}
	sortImports(all)
	return all, nil
}

// AddNotice appends a copy of a notice and renews its expiry.
func (s *Bolt) AddNotice(ctx context.Context, key string, c NoticeCopy) error {
	return s.update(ctx, "add notice "+key, func(tx *bolt.Tx) error {
		var list []NoticeCopy
		if _, err := s.getExpiring(tx, bNotices, key, &list); err != nil {
			return err
		}
		return s.putExpiring(tx, bNotices, key, append(list, c), s.now().Add(NoticeTTL))
	})
}

// Notices lists the copies of a notice.
func (s *Bolt) Notices(ctx context.Context, key string) ([]NoticeCopy, error) {
	var list []NoticeCopy
	err := s.view(ctx, "notices "+key, func(tx *bolt.Tx) error {
		_, err := s.getExpiring(tx, bNotices, key, &list)
		return err
	})
	return list, err
}

package storage

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// boltQueues is the alert queue and the inbox in the bbolt file: buckets of
// their own, each step one transaction (so every step is atomic and, with no
// reply to lose, runs once).
type boltQueues struct {
	db *bolt.DB
	kv *boltKV // for the clock and the handled marks
}

// The buckets of the queues.
var (
	qAlerts = []byte("alerts") // "task:chat" -> boltAlert
	qSent   = []byte("sent")   // "task:chat:fire" -> ""
	qInbox  = []byte("inbox")  // update id -> boltInboxItem
	qClaims = []byte("claims") // update id -> boltClaim
)

func (s *boltQueues) open() error {
	return s.db.Update(func(tx *bolt.Tx) error {
		for _, b := range [][]byte{qAlerts, qSent, qInbox, qClaims} {
			if _, err := tx.CreateBucketIfNotExists(b); err != nil {
				return err
			}
		}
		// Claims left by a crashed handler, long expired.
		limit := s.kv.now().Add(-handledTTL).UnixMilli()
		var old [][]byte
		_ = tx.Bucket(qClaims).ForEach(func(k, v []byte) error {
			var c boltClaim
			if json.Unmarshal(v, &c) != nil || c.Exp < limit {
				old = append(old, slices.Clone(k))
			}
			return nil
		})
		for _, k := range old {
			if err := tx.Bucket(qClaims).Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
}

// qkeep carries an error of the contract (ErrLeaseLost) out of a transaction
// untouched; any other error is bbolt's and wraps ErrUnavailable.
type qkeep struct{ err error }

func (k qkeep) Error() string { return k.err.Error() }

func (s *boltQueues) run(ctx context.Context, op string, write bool, fn func(tx *bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("storage: %s: %w: %w", op, ErrUnavailable, err)
	}
	var err error
	if write {
		err = s.db.Update(fn)
	} else {
		err = s.db.View(fn)
	}
	var k qkeep
	switch {
	case err == nil:
		return nil
	case errors.As(err, &k):
		return k.err
	}
	return fmt.Errorf("storage: %s: %w: %w", op, ErrUnavailable, err)
}

func (s *boltQueues) update(ctx context.Context, op string, fn func(tx *bolt.Tx) error) error {
	return s.run(ctx, op, true, fn)
}

func (s *boltQueues) view(ctx context.Context, op string, fn func(tx *bolt.Tx) error) error {
	return s.run(ctx, op, false, fn)
}

// qget decodes the value of key in bucket into v; found is false when absent.
func qget(tx *bolt.Tx, bucket []byte, key string, v any) (bool, error) {
	raw := tx.Bucket(bucket).Get([]byte(key))
	if raw == nil {
		return false, nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return true, qkeep{fmt.Errorf("storage: decode %s %s: %w", bucket, key, err)}
	}
	return true, nil
}

func qput(tx *bolt.Tx, bucket []byte, key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return qkeep{fmt.Errorf("storage: encode %s %s: %w", bucket, key, err)}
	}
	return tx.Bucket(bucket).Put([]byte(key), b)
}

// handled reports whether updateID carries a live handled mark (bHandled).
func (s *boltQueues) handled(tx *bolt.Tx, updateID int64) bool {
	_, found, _ := (&boltTx{kv: s.kv, tx: tx, now: s.kv.now().UnixMilli()}).get(bHandled, id(updateID))
	return found
}

// forgetTaskAlerts deletes the sent records of a task.
func (s *boltQueues) forgetTaskAlerts(ctx context.Context, taskID int64) error {
	return s.update(ctx, "forget sent alerts of task "+id(taskID), func(tx *bolt.Tx) error {
		_, err := forgetSentTx(tx, func(k string) bool { return strings.HasPrefix(k, id(taskID)+":") })
		return err
	})
}

// dumpQueues reads the queues in one read transaction.
func (s *boltQueues) dumpQueues(ctx context.Context) (*queueDump, error) {
	d := &queueDump{Alerts: []queuedAlert{}, Sent: []string{}, Inbox: []queuedItem{}}
	err := s.view(ctx, "export queues", func(tx *bolt.Tx) error {
		err := tx.Bucket(qAlerts).ForEach(func(k, v []byte) error {
			var a boltAlert
			if err := json.Unmarshal(v, &a); err != nil {
				return qkeep{err}
			}
			at := a.LeaseAt
			if a.Due != nil {
				at = *a.Due
			}
			d.Alerts = append(d.Alerts, queuedAlert{Member: string(k), At: time.UnixMilli(at).UTC()})
			return nil
		})
		if err != nil {
			return err
		}
		_ = tx.Bucket(qSent).ForEach(func(k, _ []byte) error { d.Sent = append(d.Sent, string(k)); return nil })
		return tx.Bucket(qInbox).ForEach(func(k, v []byte) error {
			var it boltInboxItem
			if err := json.Unmarshal(v, &it); err != nil {
				return qkeep{err}
			}
			d.Inbox = append(d.Inbox, queuedItem{UpdateID: parseID(string(k)), Raw: it.Raw,
				Visible: time.UnixMilli(it.Visible).UTC(), Born: time.UnixMilli(it.Born).UTC()})
			return nil
		})
	})
	return d, err
}

// loadQueues writes a dump in one transaction.
func (s *boltQueues) loadQueues(ctx context.Context, d *queueDump) error {
	return s.update(ctx, "import queues", func(tx *bolt.Tx) error {
		for _, a := range d.Alerts {
			if err := qput(tx, qAlerts, a.Member, boltAlert{Due: unixMS(a.At)}); err != nil {
				return err
			}
		}
		for _, k := range d.Sent {
			if err := tx.Bucket(qSent).Put([]byte(k), []byte{}); err != nil {
				return err
			}
		}
		for _, it := range d.Inbox {
			if err := qput(tx, qInbox, id(it.UpdateID), boltInboxItem{Visible: it.Visible.UnixMilli(), Born: it.Born.UnixMilli(), Raw: it.Raw}); err != nil {
				return err
			}
		}
		return nil
	})
}

// boltAlert is the alert state of one (task, chat), as Redis keeps it in two
// sorted sets: queued (Due set) and claimed (Token set, until LeaseEnd; LeaseAt
// is the due time the claim took, which an expired lease goes back to).
type boltAlert struct {
	Due      *int64 `json:"due,omitempty"` // unix ms
	Token    string `json:"token,omitempty"`
	LeaseEnd int64  `json:"lease_end,omitempty"`
	LeaseAt  int64  `json:"lease_at,omitempty"`
}

func (a boltAlert) empty() bool { return a.Due == nil && a.Token == "" }

func putAlert(tx *bolt.Tx, member string, a boltAlert) error {
	if a.empty() {
		return tx.Bucket(qAlerts).Delete([]byte(member))
	}
	return qput(tx, qAlerts, member, a)
}

func unixMS(t time.Time) *int64 { n := t.UnixMilli(); return &n }

// ScheduleAlert sets the next alert of a task in a chat.
func (s *boltQueues) ScheduleAlert(ctx context.Context, taskID, chatID int64, at time.Time) error {
	m := alertMember(taskID, chatID)
	return s.update(ctx, "schedule alert", func(tx *bolt.Tx) error {
		var a boltAlert
		if _, err := qget(tx, qAlerts, m, &a); err != nil {
			return err
		}
		a.Due = unixMS(at)
		return putAlert(tx, m, a)
	})
}

// UnscheduleAlert removes the pending alert of a task in a chat.
func (s *boltQueues) UnscheduleAlert(ctx context.Context, taskID, chatID int64) error {
	m := alertMember(taskID, chatID)
	return s.update(ctx, "unschedule alert", func(tx *bolt.Tx) error {
		var a boltAlert
		if _, err := qget(tx, qAlerts, m, &a); err != nil {
			return err
		}
		a.Due = nil
		return putAlert(tx, m, a)
	})
}

// ClaimDueAlerts claims alerts due at now for lease, in one transaction:
// expired leases go back to the queue at their due time first.
func (s *boltQueues) ClaimDueAlerts(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]DueAlert, error) {
	claim := newClaim()
	nowMS := now.UnixMilli()
	var out []DueAlert
	err := s.update(ctx, "claim alerts", func(tx *bolt.Tx) error {
		type item struct {
			member string
			a      boltAlert
		}
		var all []item
		err := tx.Bucket(qAlerts).ForEach(func(k, v []byte) error {
			var a boltAlert
			if _, err := qget(tx, qAlerts, string(k), &a); err != nil {
				return err
			}
			all = append(all, item{string(k), a})
			return nil
		})
		if err != nil {
			return err
		}
		var due []item
		for _, it := range all {
			if it.a.Token != "" && it.a.LeaseEnd <= nowMS {
				if it.a.Due == nil {
					at := it.a.LeaseAt
					it.a.Due = &at
				}
				it.a.Token, it.a.LeaseEnd, it.a.LeaseAt = "", 0, 0
				if err := putAlert(tx, it.member, it.a); err != nil {
					return err
				}
			}
			if it.a.Due != nil && *it.a.Due <= nowMS {
				due = append(due, it)
			}
		}
		slices.SortFunc(due, func(x, y item) int {
			if c := cmp.Compare(*x.a.Due, *y.a.Due); c != 0 {
				return c
			}
			return strings.Compare(x.member, y.member)
		})
		for i, it := range due[:min(limit, len(due))] {
			at := *it.a.Due
			tok := claim + "-" + strconv.Itoa(i+1) + ":" + strconv.FormatInt(at, 10)
			it.a.Due, it.a.Token, it.a.LeaseEnd, it.a.LeaseAt = nil, tok, now.Add(lease).UnixMilli(), at
			if err := putAlert(tx, it.member, it.a); err != nil {
				return err
			}
			task, chat, _ := strings.Cut(it.member, ":")
			taskID, err1 := strconv.ParseInt(task, 10, 64)
			chatID, err2 := strconv.ParseInt(chat, 10, 64)
			if err1 != nil || err2 != nil {
				return qkeep{fmt.Errorf("storage: malformed alert %q", it.member)}
			}
			out = append(out, DueAlert{TaskID: taskID, ChatID: chatID, At: time.UnixMilli(at), Token: tok})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if out == nil {
		out = []DueAlert{}
	}
	return out, nil
}

// endClaim runs fn on a claimed alert if the claim still holds.
func (s *boltQueues) endClaim(ctx context.Context, op string, a DueAlert, fn func(tx *bolt.Tx, st *boltAlert) error) error {
	m := alertMember(a.TaskID, a.ChatID)
	return s.update(ctx, op, func(tx *bolt.Tx) error {
		var st boltAlert
		if _, err := qget(tx, qAlerts, m, &st); err != nil {
			return err
		}
		if st.Token == "" || st.Token != a.Token {
			return qkeep{fmt.Errorf("storage: %s %s: %w", op, m, ErrLeaseLost)}
		}
		st.Token, st.LeaseEnd, st.LeaseAt = "", 0, 0
		if err := fn(tx, &st); err != nil {
			return err
		}
		return putAlert(tx, m, st)
	})
}

// CompleteAlert records leads as done and schedules next (if not zero).
func (s *boltQueues) CompleteAlert(ctx context.Context, a DueAlert, fires []string, next time.Time) error {
	return s.endClaim(ctx, "complete alert", a, func(tx *bolt.Tx, st *boltAlert) error {
		for _, f := range fires {
			if err := tx.Bucket(qSent).Put([]byte(alertMember(a.TaskID, a.ChatID)+":"+f), []byte{}); err != nil {
				return err
			}
		}
		// An alert scheduled again while claimed (its task changed) keeps the earlier time.
		if !next.IsZero() && (st.Due == nil || next.UnixMilli() < *st.Due) {
			st.Due = unixMS(next)
		}
		return nil
	})
}

// ReleaseAlert puts a claimed alert back in the queue for retry.
func (s *boltQueues) ReleaseAlert(ctx context.Context, a DueAlert, retry time.Time) error {
	return s.endClaim(ctx, "release alert", a, func(_ *bolt.Tx, st *boltAlert) error {
		st.Due = unixMS(retry)
		return nil
	})
}

// AlertSent reports whether a lead's alert was delivered (or skipped) in a chat.
func (s *boltQueues) AlertSent(ctx context.Context, taskID, chatID int64, fire string) (bool, error) {
	var ok bool
	err := s.view(ctx, "alert sent", func(tx *bolt.Tx) error {
		ok = tx.Bucket(qSent).Get([]byte(alertMember(taskID, chatID)+":"+fire)) != nil
		return nil
	})
	return ok, err
}

// NextAlert returns the earliest due time in the queue or end of a lease.
func (s *boltQueues) NextAlert(ctx context.Context) (time.Time, error) {
	var next int64
	found := false
	err := s.view(ctx, "next alert", func(tx *bolt.Tx) error {
		return tx.Bucket(qAlerts).ForEach(func(k, v []byte) error {
			var a boltAlert
			if _, err := qget(tx, qAlerts, string(k), &a); err != nil {
				return err
			}
			for _, t := range []*int64{a.Due, func() *int64 {
				if a.Token == "" {
					return nil
				}
				return &a.LeaseEnd
			}()} {
				if t != nil && (!found || *t < next) {
					next, found = *t, true
				}
			}
			return nil
		})
	})
	if err != nil || !found {
		return time.Time{}, err
	}
	return time.UnixMilli(next), nil
}

// ForgetSentAlerts deletes the sent records of a chat.
func (s *boltQueues) ForgetSentAlerts(ctx context.Context, chatID int64) (int, error) {
	var n int
	err := s.update(ctx, "forget sent alerts", func(tx *bolt.Tx) (err error) {
		n, err = forgetSentTx(tx, func(k string) bool {
			_, rest, _ := strings.Cut(k, ":")
			return strings.HasPrefix(rest, id(chatID)+":")
		})
		return err
	})
	return n, err
}

// forgetSentTx deletes the sent records ("task:chat:fire") that match.
func forgetSentTx(tx *bolt.Tx, match func(key string) bool) (int, error) {
	var doomed [][]byte
	_ = tx.Bucket(qSent).ForEach(func(k, _ []byte) error {
		if match(string(k)) {
			doomed = append(doomed, append([]byte(nil), k...))
		}
		return nil
	})
	for _, k := range doomed {
		if err := tx.Bucket(qSent).Delete(k); err != nil {
			return 0, err
		}
	}
	return len(doomed), nil
}

// boltInboxItem is a webhook update waiting in the embedded store.
type boltInboxItem struct {
	Visible int64           `json:"visible"` // unix ms
	Born    int64           `json:"born"`    // unix ms
	Raw     json.RawMessage `json:"raw"`
}

// boltClaim is the claim of one update.
type boltClaim struct {
	Token string `json:"token"`
	Exp   int64  `json:"exp"` // unix ms
}

// InboxPut keeps a webhook update unless it waits already or was handled.
func (s *boltQueues) InboxPut(ctx context.Context, updateID int64, raw []byte, now, visible time.Time) (bool, error) {
	added := false
	err := s.update(ctx, "inbox put "+id(updateID), func(tx *bolt.Tx) error {
		if s.handled(tx, updateID) || tx.Bucket(qInbox).Get([]byte(id(updateID))) != nil {
			return nil
		}
		added = true
		return qput(tx, qInbox, id(updateID), boltInboxItem{Visible: visible.UnixMilli(), Born: now.UnixMilli(), Raw: raw})
	})
	return added && err == nil, err
}

// InboxPutBatch keeps a getUpdates batch and claims it in one transaction.
func (s *boltQueues) InboxPutBatch(ctx context.Context, items []InboxItem, now, visible time.Time, claimPrefix string, ttl time.Duration) ([]bool, error) {
	kept := make([]bool, len(items))
	err := s.update(ctx, "inbox put of "+strconv.Itoa(len(items))+" updates", func(tx *bolt.Tx) error {
		clear(kept) // bbolt may run the function again
		for i, it := range items {
			if s.handled(tx, it.UpdateID) || tx.Bucket(qInbox).Get([]byte(id(it.UpdateID))) != nil {
				continue
			}
			if err := qput(tx, qInbox, id(it.UpdateID), boltInboxItem{Visible: visible.UnixMilli(), Born: now.UnixMilli(), Raw: it.Raw}); err != nil {
				return err
			}
			claim := boltClaim{Token: claimPrefix + ":" + id(it.UpdateID), Exp: s.kv.now().Add(ttl).UnixMilli()}
			if err := qput(tx, qClaims, id(it.UpdateID), claim); err != nil {
				return err
			}
			kept[i] = true
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return kept, nil
}

// InboxDue offers the updates whose handler did not finish in time.
func (s *boltQueues) InboxDue(ctx context.Context, now, next, expired time.Time, limit int) ([]InboxItem, error) {
	out := []InboxItem{}
	err := s.update(ctx, "inbox due", func(tx *bolt.Tx) error {
		type item struct {
			id int64
			it boltInboxItem
		}
		var due []item
		var old []string
		err := tx.Bucket(qInbox).ForEach(func(k, v []byte) error {
			var it boltInboxItem
			n, err := strconv.ParseInt(string(k), 10, 64)
			if err != nil || json.Unmarshal(v, &it) != nil || it.Born < expired.UnixMilli() {
				old = append(old, string(k))
				return nil
			}
			if it.Visible <= now.UnixMilli() {
				due = append(due, item{n, it})
			}
			return nil
		})
		if err != nil {
			return err
		}
		for _, k := range old {
			if err := tx.Bucket(qInbox).Delete([]byte(k)); err != nil {
				return err
			}
		}
		slices.SortFunc(due, func(a, b item) int {
			if c := cmp.Compare(a.it.Visible, b.it.Visible); c != 0 {
				return c
			}
			return cmp.Compare(id(a.id), id(b.id))
		})
		for _, d := range due[:min(max(limit, 0), len(due))] {
			d.it.Visible = next.UnixMilli()
			if err := qput(tx, qInbox, id(d.id), d.it); err != nil {
				return err
			}
			out = append(out, InboxItem{UpdateID: d.id, Raw: []byte(d.it.Raw)})
		}
		return nil
	})
	return out, err
}

// ClaimUpdate takes the right to handle an update for ttl.
func (s *boltQueues) ClaimUpdate(ctx context.Context, updateID int64, token string, ttl time.Duration) (bool, error) {
	ok := false
	err := s.update(ctx, "claim update "+id(updateID), func(tx *bolt.Tx) error {
		var c boltClaim
		found, err := qget(tx, qClaims, id(updateID), &c)
		if err != nil {
			return err
		}
		if found && c.Token != token && c.Exp > s.kv.now().UnixMilli() {
			return nil
		}
		ok = true
		return qput(tx, qClaims, id(updateID), boltClaim{Token: token, Exp: s.kv.now().Add(ttl).UnixMilli()})
	})
	return ok && err == nil, err
}

// FinishUpdate releases a claim and drops a handled update from the inbox.
func (s *boltQueues) FinishUpdate(ctx context.Context, updateID int64, token string) error {
	return s.update(ctx, "finish update "+id(updateID), func(tx *bolt.Tx) error {
		var c boltClaim
		if found, _ := qget(tx, qClaims, id(updateID), &c); found && c.Token == token {
			if err := tx.Bucket(qClaims).Delete([]byte(id(updateID))); err != nil {
				return err
			}
		}
		if s.handled(tx, updateID) {
			return tx.Bucket(qInbox).Delete([]byte(id(updateID)))
		}
		return nil
	})
}

// InboxLen counts the waiting updates.
func (s *boltQueues) InboxLen(ctx context.Context) (int, error) {
	n := 0
	err := s.view(ctx, "inbox length", func(tx *bolt.Tx) error {
		n = tx.Bucket(qInbox).Stats().KeyN
		return nil
	})
	return n, err
}

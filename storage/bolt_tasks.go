package storage

import (
	"cmp"
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
)

// AddTask stores t under the next task id.
func (s *Bolt) AddTask(ctx context.Context, t Task) (Task, error) {
	if err := t.Validate(); err != nil {
		return t, err
	}
	err := s.update(ctx, "add task", func(tx *bolt.Tx) error {
		n, err := nextID(tx, "task:seq")
		if err != nil {
			return err
		}
		t.ID = n
		return putJSON(tx, bTasks, id(n), t)
	})
	return t, err
}

// UpdateTask changes one task in one transaction; bbolt runs one writer at a
// time, so there is nothing to retry.
func (s *Bolt) UpdateTask(ctx context.Context, taskID int64, change func(*Task) error) (Task, error) {
	op := "update task " + id(taskID)
	var out Task
	err := s.update(ctx, op, func(tx *bolt.Tx) error {
		var t Task
		found, err := getJSON(tx, bTasks, id(taskID), &t)
		if err != nil {
			return err
		}
		if !found {
			return notFound(op)
		}
		if err := change(&t); err != nil {
			return keep{err}
		}
		if err := t.Validate(); err != nil {
			return keep{err}
		}
		t.ID = taskID
		out = t
		return putJSON(tx, bTasks, id(taskID), t)
	})
	return out, err
}

// DeleteTask removes a task and its history.
func (s *Bolt) DeleteTask(ctx context.Context, taskID int64) (bool, error) {
	var was bool
	err := s.update(ctx, "delete task "+id(taskID), func(tx *bolt.Tx) (err error) {
		if was, err = boltDel(tx, bTasks, id(taskID)); err != nil {
			return err
		}
		if _, err = boltDel(tx, bHistory, id(taskID)); err != nil {
			return err
		}
		_, err = forgetSentTx(tx, func(k string) bool { return strings.HasPrefix(k, id(taskID)+":") })
		return err
	})
	return was, err
}

// ForgetSentAlerts deletes the sent records of a chat.
func (s *Bolt) ForgetSentAlerts(ctx context.Context, chatID int64) (int, error) {
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
	_ = tx.Bucket(bSent).ForEach(func(k, _ []byte) error {
		if match(string(k)) {
			doomed = append(doomed, append([]byte(nil), k...))
		}
		return nil
	})
	for _, k := range doomed {
		if err := tx.Bucket(bSent).Delete(k); err != nil {
			return 0, err
		}
	}
	return len(doomed), nil
}

// RecordStatus prepends to a task's history, keeping the latest maxHistory.
func (s *Bolt) RecordStatus(ctx context.Context, taskID int64, c StatusChange) error {
	return s.update(ctx, "record status of task "+id(taskID), func(tx *bolt.Tx) error {
		var h []StatusChange
		if _, err := getJSON(tx, bHistory, id(taskID), &h); err != nil {
			return err
		}
		h = append([]StatusChange{c}, h...)
		if len(h) > maxHistory {
			h = h[:maxHistory]
		}
		return putJSON(tx, bHistory, id(taskID), h)
	})
}

// History returns up to n status changes, latest first.
func (s *Bolt) History(ctx context.Context, taskID int64, n int) ([]StatusChange, error) {
	var h []StatusChange
	err := s.view(ctx, "history of task "+id(taskID), func(tx *bolt.Tx) error {
		_, err := getJSON(tx, bHistory, id(taskID), &h)
		return err
	})
	if n < 0 {
		n = 0
	}
	if h == nil {
		h = []StatusChange{}
	}
	return h[:min(n, len(h))], err
}

// Subscribe creates or replaces a chat's subscription.
func (s *Bolt) Subscribe(ctx context.Context, sub Subscription) error {
	return s.update(ctx, "subscribe "+id(sub.ChatID), func(tx *bolt.Tx) error { return putJSON(tx, bSubs, id(sub.ChatID), sub) })
}

// Unsubscribe ends a chat's subscription.
func (s *Bolt) Unsubscribe(ctx context.Context, chatID int64) (bool, error) {
	var was bool
	err := s.update(ctx, "unsubscribe "+id(chatID), func(tx *bolt.Tx) (err error) { was, err = boltDel(tx, bSubs, id(chatID)); return })
	return was, err
}

// Subscriptions lists the subscribed chats by chat id.
func (s *Bolt) Subscriptions(ctx context.Context) ([]Subscription, error) {
	var subs []Subscription
	err := s.view(ctx, "list subscriptions", func(tx *bolt.Tx) (err error) { subs, err = allJSON[Subscription](tx, bSubs); return })
	sortSubscriptions(subs)
	return subs, err
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
		return tx.Bucket(bAlerts).Delete([]byte(member))
	}
	return putJSON(tx, bAlerts, member, a)
}

func unixMS(t time.Time) *int64 { n := t.UnixMilli(); return &n }

// ScheduleAlert sets the next alert of a task in a chat.
func (s *Bolt) ScheduleAlert(ctx context.Context, taskID, chatID int64, at time.Time) error {
	m := alertMember(taskID, chatID)
	return s.update(ctx, "schedule alert", func(tx *bolt.Tx) error {
		var a boltAlert
		if _, err := getJSON(tx, bAlerts, m, &a); err != nil {
			return err
		}
		a.Due = unixMS(at)
		return putAlert(tx, m, a)
	})
}

// UnscheduleAlert removes the pending alert of a task in a chat.
func (s *Bolt) UnscheduleAlert(ctx context.Context, taskID, chatID int64) error {
	m := alertMember(taskID, chatID)
	return s.update(ctx, "unschedule alert", func(tx *bolt.Tx) error {
		var a boltAlert
		if _, err := getJSON(tx, bAlerts, m, &a); err != nil {
			return err
		}
		a.Due = nil
		return putAlert(tx, m, a)
	})
}

// ClaimDueAlerts claims alerts due at now for lease, in one transaction:
// expired leases go back to the queue at their due time first.
func (s *Bolt) ClaimDueAlerts(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]DueAlert, error) {
	var nonce [8]byte
	_, _ = rand.Read(nonce[:])
	claim := hex.EncodeToString(nonce[:])
	nowMS := now.UnixMilli()
	var out []DueAlert
	err := s.update(ctx, "claim alerts", func(tx *bolt.Tx) error {
		type item struct {
			member string
			a      boltAlert
		}
		var all []item
		err := tx.Bucket(bAlerts).ForEach(func(k, v []byte) error {
			var a boltAlert
			if _, err := getJSON(tx, bAlerts, string(k), &a); err != nil {
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
				return keep{fmt.Errorf("storage: malformed alert %q", it.member)}
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
func (s *Bolt) endClaim(ctx context.Context, op string, a DueAlert, fn func(tx *bolt.Tx, st *boltAlert) error) error {
	m := alertMember(a.TaskID, a.ChatID)
	return s.update(ctx, op, func(tx *bolt.Tx) error {
		var st boltAlert
		if _, err := getJSON(tx, bAlerts, m, &st); err != nil {
			return err
		}
		if st.Token == "" || st.Token != a.Token {
			return keep{fmt.Errorf("storage: %s %s: %w", op, m, ErrLeaseLost)}
		}
		st.Token, st.LeaseEnd, st.LeaseAt = "", 0, 0
		if err := fn(tx, &st); err != nil {
			return err
		}
		return putAlert(tx, m, st)
	})
}

// CompleteAlert records leads as done and schedules next (if not zero).
func (s *Bolt) CompleteAlert(ctx context.Context, a DueAlert, fires []string, next time.Time) error {
	return s.endClaim(ctx, "complete alert", a, func(tx *bolt.Tx, st *boltAlert) error {
		for _, f := range fires {
			if err := tx.Bucket(bSent).Put([]byte(alertMember(a.TaskID, a.ChatID)+":"+f), []byte{}); err != nil {
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
func (s *Bolt) ReleaseAlert(ctx context.Context, a DueAlert, retry time.Time) error {
	return s.endClaim(ctx, "release alert", a, func(_ *bolt.Tx, st *boltAlert) error {
		st.Due = unixMS(retry)
		return nil
	})
}

// AlertSent reports whether a lead's alert was delivered (or skipped) in a chat.
func (s *Bolt) AlertSent(ctx context.Context, taskID, chatID int64, fire string) (bool, error) {
	var ok bool
	err := s.view(ctx, "alert sent", func(tx *bolt.Tx) error {
		ok = tx.Bucket(bSent).Get([]byte(alertMember(taskID, chatID)+":"+fire)) != nil
		return nil
	})
	return ok, err
}

// NextAlert returns the earliest due time in the queue or end of a lease.
func (s *Bolt) NextAlert(ctx context.Context) (time.Time, error) {
	var next int64
	found := false
	err := s.view(ctx, "next alert", func(tx *bolt.Tx) error {
		return tx.Bucket(bAlerts).ForEach(func(k, v []byte) error {
			var a boltAlert
			if _, err := getJSON(tx, bAlerts, string(k), &a); err != nil {
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

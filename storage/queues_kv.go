package storage

import (
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// kvQueues is the alert queue and the inbox over a key space, each step one
// update transaction. The embedded store uses it: in a bbolt file a
// transaction is all a queue needs (and, with no reply to lose, each runs
// once). Redis has its own (queues_redis.go), on sorted sets, so that a claim
// does not read the whole queue.
type kvQueues struct {
	kv  kvStore
	now func() time.Time
}

// The buckets of the queues. They are not part of the key space a migration
// copies (buckets): a migration copies the queues through dumpQueues.
var (
	qAlerts = &bucket{name: "alerts"} // "task:chat" -> queuedState
	qSent   = &bucket{name: "sent"}   // "task:chat:fire" -> ""
	qInbox  = &bucket{name: "inbox"}  // update id -> inboxEntry
	qClaims = &bucket{name: "claims"} // update id -> updateClaim
)

// queuedState is the alert state of one (task, chat), as Redis keeps it in
// two sorted sets: queued (Due set) and claimed (Token set, until LeaseEnd;
// LeaseAt is the due time the claim took, which an expired lease goes back to).
type queuedState struct {
	Due      *int64 `json:"due,omitempty"` // unix ms
	Token    string `json:"token,omitempty"`
	LeaseEnd int64  `json:"lease_end,omitempty"`
	LeaseAt  int64  `json:"lease_at,omitempty"`
}

// inboxEntry is an update waiting in the inbox.
type inboxEntry struct {
	Visible int64           `json:"visible"` // unix ms
	Born    int64           `json:"born"`    // unix ms
	Raw     json.RawMessage `json:"raw"`
}

// updateClaim is the claim of one update.
type updateClaim struct {
	Token string `json:"token"`
	Exp   int64  `json:"exp"` // unix ms
}

func unixMS(t time.Time) *int64 { n := t.UnixMilli(); return &n }

func putAlertState(tx kvTx, member string, a queuedState) error {
	if a.Due == nil && a.Token == "" {
		return tx.del(qAlerts, member)
	}
	return putJSON(tx, qAlerts, member, a)
}

// alertStates reads every alert state, by member.
func alertStates(tx kvTx) (map[string]queuedState, []string, error) {
	pairs, err := tx.scan(qAlerts, "")
	if err != nil {
		return nil, nil, err
	}
	out, members := map[string]queuedState{}, make([]string, 0, len(pairs))
	for _, p := range pairs {
		a, err := decode[queuedState](p.val, "alert "+p.key)
		if err != nil {
			return nil, nil, err
		}
		out[p.key], members = a, append(members, p.key)
	}
	return out, members, nil
}

// setDue changes the due time of one alert (nil: none).
func (q *kvQueues) setDue(ctx context.Context, op, member string, due *int64) error {
	return q.kv.update(ctx, op, func(tx kvTx) error {
		a, _, err := getJSON[queuedState](tx, qAlerts, member)
		if err != nil {
			return err
		}
		a.Due = due
		return putAlertState(tx, member, a)
	})
}

// ScheduleAlert sets the next alert of a task in a chat.
func (q *kvQueues) ScheduleAlert(ctx context.Context, taskID, chatID int64, at time.Time) error {
	return q.setDue(ctx, "schedule alert", alertMember(taskID, chatID), unixMS(at))
}

// UnscheduleAlert removes the pending alert of a task in a chat.
func (q *kvQueues) UnscheduleAlert(ctx context.Context, taskID, chatID int64) error {
	return q.setDue(ctx, "unschedule alert", alertMember(taskID, chatID), nil)
}

// ClaimDueAlerts claims alerts due at now for lease, in one transaction:
// expired leases go back to the queue at their due time first.
func (q *kvQueues) ClaimDueAlerts(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]DueAlert, error) {
	claim, nowMS := newClaim(), now.UnixMilli()
	var out []DueAlert
	err := q.kv.update(ctx, "claim alerts", func(tx kvTx) error {
		out = []DueAlert{}
		states, members, err := alertStates(tx)
		if err != nil {
			return err
		}
		var due []string
		for _, m := range members {
			a := states[m]
			if a.Token != "" && a.LeaseEnd <= nowMS {
				if a.Due == nil {
					at := a.LeaseAt
					a.Due = &at
				}
				a.Token, a.LeaseEnd, a.LeaseAt = "", 0, 0
				states[m] = a
				if err := putAlertState(tx, m, a); err != nil {
					return err
				}
			}
			if a.Due != nil && *a.Due <= nowMS {
				due = append(due, m)
			}
		}
		slices.SortFunc(due, func(x, y string) int {
			return cmp.Or(cmp.Compare(*states[x].Due, *states[y].Due), strings.Compare(x, y))
		})
		for i, m := range due[:min(max(limit, 0), len(due))] {
			a := states[m]
			at := *a.Due
			tok := claim + "-" + strconv.Itoa(i+1) + ":" + strconv.FormatInt(at, 10)
			a.Due, a.Token, a.LeaseEnd, a.LeaseAt = nil, tok, now.Add(lease).UnixMilli(), at
			if err := putAlertState(tx, m, a); err != nil {
				return err
			}
			task, chat, _ := strings.Cut(m, ":")
			taskID, err1 := strconv.ParseInt(task, 10, 64)
			chatID, err2 := strconv.ParseInt(chat, 10, 64)
			if err1 != nil || err2 != nil {
				return fmt.Errorf("storage: malformed alert %q", m)
			}
			out = append(out, DueAlert{TaskID: taskID, ChatID: chatID, At: time.UnixMilli(at), Token: tok})
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// endClaim runs fn on a claimed alert if the claim still holds.
func (q *kvQueues) endClaim(ctx context.Context, op string, a DueAlert, fn func(tx kvTx, st *queuedState) error) error {
	m := alertMember(a.TaskID, a.ChatID)
	return q.kv.update(ctx, op, func(tx kvTx) error {
		st, _, err := getJSON[queuedState](tx, qAlerts, m)
		if err != nil {
			return err
		}
		if st.Token == "" || st.Token != a.Token {
			return fmt.Errorf("storage: %s %s: %w", op, m, ErrLeaseLost)
		}
		st.Token, st.LeaseEnd, st.LeaseAt = "", 0, 0
		if err := fn(tx, &st); err != nil {
			return err
		}
		return putAlertState(tx, m, st)
	})
}

// CompleteAlert records leads as done and schedules next (if not zero).
func (q *kvQueues) CompleteAlert(ctx context.Context, a DueAlert, fires []string, next time.Time) error {
	return q.endClaim(ctx, "complete alert", a, func(tx kvTx, st *queuedState) error {
		for _, f := range fires {
			if err := tx.put(qSent, alertMember(a.TaskID, a.ChatID)+":"+f, nil); err != nil {
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
func (q *kvQueues) ReleaseAlert(ctx context.Context, a DueAlert, retry time.Time) error {
	return q.endClaim(ctx, "release alert", a, func(_ kvTx, st *queuedState) error {
		st.Due = unixMS(retry)
		return nil
	})
}

// AlertSent reports whether a lead's alert was delivered (or skipped) in a chat.
func (q *kvQueues) AlertSent(ctx context.Context, taskID, chatID int64, fire string) (bool, error) {
	r := getOf(qSent, alertMember(taskID, chatID)+":"+fire)
	err := q.kv.view(ctx, "alert sent", r)
	return r.val != nil, err
}

// NextAlert returns the earliest due time in the queue or end of a lease.
func (q *kvQueues) NextAlert(ctx context.Context) (time.Time, error) {
	r := scanOf(qAlerts, "")
	if err := q.kv.view(ctx, "next alert", r); err != nil {
		return time.Time{}, err
	}
	var next int64
	found := false
	for _, p := range r.pairs {
		a, err := decode[queuedState](p.val, "alert "+p.key)
		if err != nil {
			return time.Time{}, err
		}
		times := []*int64{a.Due}
		if a.Token != "" {
			times = append(times, &a.LeaseEnd)
		}
		for _, t := range times {
			if t != nil && (!found || *t < next) {
				next, found = *t, true
			}
		}
	}
	if !found {
		return time.Time{}, nil
	}
	return time.UnixMilli(next), nil
}

// ForgetSentAlerts deletes the sent records of a chat.
func (q *kvQueues) ForgetSentAlerts(ctx context.Context, chatID int64) (int, error) {
	return q.forgetSent(ctx, "", func(k string) bool {
		_, rest, _ := strings.Cut(k, ":")
		return strings.HasPrefix(rest, id(chatID)+":")
	})
}

// forgetTaskAlerts deletes the sent records of a task.
func (q *kvQueues) forgetTaskAlerts(ctx context.Context, taskID int64) error {
	_, err := q.forgetSent(ctx, id(taskID)+":", func(string) bool { return true })
	return err
}

// forgetSent deletes the sent records ("task:chat:fire") under prefix that match.
func (q *kvQueues) forgetSent(ctx context.Context, prefix string, match func(key string) bool) (int, error) {
	n := 0
	err := q.kv.update(ctx, "forget sent alerts", func(tx kvTx) error {
		pairs, err := tx.scan(qSent, prefix)
		n = 0
		for _, p := range pairs {
			if err == nil && match(p.key) {
				err = tx.del(qSent, p.key)
				n++
			}
		}
		return err
	})
	return n, err
}

// waits reports whether an update waits in the inbox or was handled.
func waits(tx kvTx, updateID int64) (bool, error) {
	for _, b := range []*bucket{bHandled, qInbox} {
		if _, found, err := tx.get(b, id(updateID)); err != nil || found {
			return found, err
		}
	}
	return false, nil
}

// InboxPut keeps a webhook update unless it waits already or was handled.
func (q *kvQueues) InboxPut(ctx context.Context, updateID int64, raw []byte, now, visible time.Time) (bool, error) {
	kept, err := q.InboxPutBatch(ctx, []InboxItem{{UpdateID: updateID, Raw: raw}}, now, visible, "", 0)
	return err == nil && kept[0], err
}

// InboxPutBatch keeps a getUpdates batch and claims it in one transaction
// (with no claimPrefix, it claims nothing: InboxPut).
func (q *kvQueues) InboxPutBatch(ctx context.Context, items []InboxItem, now, visible time.Time, claimPrefix string, ttl time.Duration) ([]bool, error) {
	kept := make([]bool, len(items))
	err := q.kv.update(ctx, "inbox put of "+strconv.Itoa(len(items))+" updates", func(tx kvTx) error {
		clear(kept) // the transaction may run again
		for i, it := range items {
			if w, err := waits(tx, it.UpdateID); err != nil || w {
				if err != nil {
					return err
				}
				continue
			}
			if err := putJSON(tx, qInbox, id(it.UpdateID), inboxEntry{Visible: visible.UnixMilli(), Born: now.UnixMilli(), Raw: it.Raw}); err != nil {
				return err
			}
			if claimPrefix != "" {
				claim := updateClaim{Token: claimPrefix + ":" + id(it.UpdateID), Exp: q.now().Add(ttl).UnixMilli()}
				if err := putJSON(tx, qClaims, id(it.UpdateID), claim); err != nil {
					return err
				}
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
func (q *kvQueues) InboxDue(ctx context.Context, now, next, expired time.Time, limit int) ([]InboxItem, error) {
	var out []InboxItem
	err := q.kv.update(ctx, "inbox due", func(tx kvTx) error {
		out = []InboxItem{}
		pairs, err := tx.scan(qInbox, "")
		if err != nil {
			return err
		}
		type item struct {
			id int64
			it inboxEntry
		}
		var due []item
		for _, p := range pairs {
			var it inboxEntry
			n, err := strconv.ParseInt(p.key, 10, 64)
			if err != nil || json.Unmarshal(p.val, &it) != nil || it.Born < expired.UnixMilli() {
				if err := tx.del(qInbox, p.key); err != nil { // failed for a day, or unreadable
					return err
				}
				continue
			}
			if it.Visible <= now.UnixMilli() {
				due = append(due, item{n, it})
			}
		}
		slices.SortFunc(due, func(a, b item) int {
			return cmp.Or(cmp.Compare(a.it.Visible, b.it.Visible), cmp.Compare(id(a.id), id(b.id)))
		})
		for _, d := range due[:min(max(limit, 0), len(due))] {
			d.it.Visible = next.UnixMilli()
			if err := putJSON(tx, qInbox, id(d.id), d.it); err != nil {
				return err
			}
			out = append(out, InboxItem{UpdateID: d.id, Raw: []byte(d.it.Raw)})
		}
		return nil
	})
	return out, err
}

// ClaimUpdate takes the right to handle an update for ttl.
func (q *kvQueues) ClaimUpdate(ctx context.Context, updateID int64, token string, ttl time.Duration) (bool, error) {
	ok := false
	err := q.kv.update(ctx, "claim update "+id(updateID), func(tx kvTx) error {
		c, found, err := getJSON[updateClaim](tx, qClaims, id(updateID))
		if ok = false; err != nil || (found && c.Token != token && c.Exp > q.now().UnixMilli()) {
			return err
		}
		ok = true
		return putJSON(tx, qClaims, id(updateID), updateClaim{Token: token, Exp: q.now().Add(ttl).UnixMilli()})
	})
	return ok && err == nil, err
}

// FinishUpdate marks an update handled when asked, releases its claim and
// drops a handled update from the inbox, in one transaction.
func (q *kvQueues) FinishUpdate(ctx context.Context, updateID int64, token string, handled bool) error {
	return q.kv.update(ctx, "finish update "+id(updateID), func(tx kvTx) error {
		if handled {
			if err := tx.putUntil(bHandled, id(updateID), []byte("1"), q.now().Add(handledTTL)); err != nil {
				return err
			}
		}
		if c, found, _ := getJSON[updateClaim](tx, qClaims, id(updateID)); found && c.Token == token {
			if err := tx.del(qClaims, id(updateID)); err != nil {
				return err
			}
		}
		if _, handled, err := tx.get(bHandled, id(updateID)); err != nil || !handled {
			return err
		}
		return tx.del(qInbox, id(updateID))
	})
}

// InboxLen counts the waiting updates.
func (q *kvQueues) InboxLen(ctx context.Context) (int, error) {
	r := scanOf(qInbox, "")
	err := q.kv.view(ctx, "inbox length", r)
	return len(r.pairs), err
}

// pruneClaims drops the claims left by a crashed handler, long expired.
func (q *kvQueues) pruneClaims(ctx context.Context) error {
	limit := q.now().Add(-handledTTL).UnixMilli()
	return q.kv.update(ctx, "prune update claims", func(tx kvTx) error {
		pairs, err := tx.scan(qClaims, "")
		for _, p := range pairs {
			var c updateClaim
			if err == nil && (json.Unmarshal(p.val, &c) != nil || c.Exp < limit) {
				err = tx.del(qClaims, p.key)
			}
		}
		return err
	})
}

// dumpQueues reads the queues in one view.
func (q *kvQueues) dumpQueues(ctx context.Context) (*queueDump, error) {
	d := &queueDump{Alerts: []queuedAlert{}, Sent: []string{}, Inbox: []queuedItem{}}
	alerts, sent, inbox := scanOf(qAlerts, ""), scanOf(qSent, ""), scanOf(qInbox, "")
	if err := q.kv.view(ctx, "export queues", alerts, sent, inbox); err != nil {
		return nil, err
	}
	for _, p := range alerts.pairs {
		a, err := decode[queuedState](p.val, "alert "+p.key)
		if err != nil {
			return nil, err
		}
		at := a.LeaseAt // claimed alerts come back due at their time
		if a.Due != nil {
			at = *a.Due
		}
		d.Alerts = append(d.Alerts, queuedAlert{Member: p.key, At: time.UnixMilli(at).UTC()})
	}
	for _, p := range sent.pairs {
		d.Sent = append(d.Sent, p.key)
	}
	for _, p := range inbox.pairs {
		it, err := decode[inboxEntry](p.val, "inbox "+p.key)
		if err != nil {
			return nil, err
		}
		d.Inbox = append(d.Inbox, queuedItem{UpdateID: parseID(p.key), Raw: it.Raw,
			Visible: time.UnixMilli(it.Visible).UTC(), Born: time.UnixMilli(it.Born).UTC()})
	}
	return d, nil
}

// loadQueues writes a dump in one transaction.
func (q *kvQueues) loadQueues(ctx context.Context, d *queueDump) error {
	return q.kv.update(ctx, "import queues", func(tx kvTx) error {
		for _, a := range d.Alerts {
			if err := putJSON(tx, qAlerts, a.Member, queuedState{Due: unixMS(a.At)}); err != nil {
				return err
			}
		}
		for _, k := range d.Sent {
			if err := tx.put(qSent, k, nil); err != nil {
				return err
			}
		}
		for _, it := range d.Inbox {
			e := inboxEntry{Visible: it.Visible.UnixMilli(), Born: it.Born.UnixMilli(), Raw: it.Raw}
			if err := putJSON(tx, qInbox, id(it.UpdateID), e); err != nil {
				return err
			}
		}
		return nil
	})
}

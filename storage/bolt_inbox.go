package storage

import (
	"cmp"
	"context"
	"encoding/json"
	"strconv"
	"time"

	"slices"

	bolt "go.etcd.io/bbolt"
)

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
func (s *Bolt) InboxPut(ctx context.Context, updateID int64, raw []byte, now, visible time.Time) (bool, error) {
	added := false
	err := s.update(ctx, "inbox put "+id(updateID), func(tx *bolt.Tx) error {
		if s.handled(tx, updateID) || tx.Bucket(bInbox).Get([]byte(id(updateID))) != nil {
			return nil
		}
		added = true
		return putJSON(tx, bInbox, id(updateID), boltInboxItem{Visible: visible.UnixMilli(), Born: now.UnixMilli(), Raw: raw})
	})
	return added && err == nil, err
}

var _ InboxBatch = (*Bolt)(nil)

// InboxPutBatch keeps a getUpdates batch and claims it in one transaction.
func (s *Bolt) InboxPutBatch(ctx context.Context, items []InboxItem, now, visible time.Time, claimPrefix string, ttl time.Duration) ([]bool, error) {
	kept := make([]bool, len(items))
	err := s.update(ctx, "inbox put of "+strconv.Itoa(len(items))+" updates", func(tx *bolt.Tx) error {
		clear(kept) // bbolt may run the function again
		for i, it := range items {
			if s.handled(tx, it.UpdateID) || tx.Bucket(bInbox).Get([]byte(id(it.UpdateID))) != nil {
				continue
			}
			if err := putJSON(tx, bInbox, id(it.UpdateID), boltInboxItem{Visible: visible.UnixMilli(), Born: now.UnixMilli(), Raw: it.Raw}); err != nil {
				return err
			}
			claim := boltClaim{Token: claimPrefix + ":" + id(it.UpdateID), Exp: s.now().Add(ttl).UnixMilli()}
			if err := putJSON(tx, bClaims, id(it.UpdateID), claim); err != nil {
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
func (s *Bolt) InboxDue(ctx context.Context, now, next, expired time.Time, limit int) ([]InboxItem, error) {
	out := []InboxItem{}
	err := s.update(ctx, "inbox due", func(tx *bolt.Tx) error {
		type item struct {
			id int64
			it boltInboxItem
		}
		var due []item
		var old []string
		err := tx.Bucket(bInbox).ForEach(func(k, v []byte) error {
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
			if err := tx.Bucket(bInbox).Delete([]byte(k)); err != nil {
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
			if err := putJSON(tx, bInbox, id(d.id), d.it); err != nil {
				return err
			}
			out = append(out, InboxItem{UpdateID: d.id, Raw: []byte(d.it.Raw)})
		}
		return nil
	})
	return out, err
}

// ClaimUpdate takes the right to handle an update for ttl.
func (s *Bolt) ClaimUpdate(ctx context.Context, updateID int64, token string, ttl time.Duration) (bool, error) {
	ok := false
	err := s.update(ctx, "claim update "+id(updateID), func(tx *bolt.Tx) error {
		var c boltClaim
		found, err := getJSON(tx, bClaims, id(updateID), &c)
		if err != nil {
			return err
		}
		if found && c.Token != token && c.Exp > s.now().UnixMilli() {
			return nil
		}
		ok = true
		return putJSON(tx, bClaims, id(updateID), boltClaim{Token: token, Exp: s.now().Add(ttl).UnixMilli()})
	})
	return ok && err == nil, err
}

// FinishUpdate releases a claim and drops a handled update from the inbox.
func (s *Bolt) FinishUpdate(ctx context.Context, updateID int64, token string, handled bool) error {
	return s.update(ctx, "finish update "+id(updateID), func(tx *bolt.Tx) error {
		if handled {
			if err := putInt(tx, bHandled, id(updateID), s.now().UnixMilli()); err != nil {
				return err
			}
		}
		var c boltClaim
		if found, _ := getJSON(tx, bClaims, id(updateID), &c); found && c.Token == token {
			if err := tx.Bucket(bClaims).Delete([]byte(id(updateID))); err != nil {
				return err
			}
		}
		if s.handled(tx, updateID) {
			return tx.Bucket(bInbox).Delete([]byte(id(updateID)))
		}
		return nil
	})
}

// InboxLen counts the waiting updates.
func (s *Bolt) InboxLen(ctx context.Context) (int, error) {
	n := 0
	err := s.view(ctx, "inbox length", func(tx *bolt.Tx) error {
		n = tx.Bucket(bInbox).Stats().KeyN
		return nil
	})
	return n, err
}

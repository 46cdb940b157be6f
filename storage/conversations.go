package storage

import (
	"context"
	"fmt"
	"slices"
	"time"
)

// The conversations that nominate contacts (ContactStore).

var (
	// bConv holds each user's conversation, for convTTL after its last change.
	bConv = newBucket(bucket{name: "conv", redis: "conv:", strings: true, expiring: true}) // user id -> Conversation
	// bConvIdle holds when each conversation last saw activity, also once its
	// state expired, so that the expiry loop can tell the user.
	bConvIdle = newBucket(bucket{name: "convidle", redis: "convidle"}) // user id -> unix ms
)

// convTTL bounds how long a conversation's state is kept: its idle limit,
// plus time for ExpireConversations to tell the user before the state goes.
const convTTL = ConversationIdle + time.Hour

// Conversation returns a user's conversation unless its state expired;
// the update's Session read it already when it can answer.
func (s *store) Conversation(ctx context.Context, userID int64) (Conversation, error) {
	if m := memoFor(ctx, userID); m != nil {
		if raw, found, valid := m.get(); valid {
			if !found {
				return Conversation{}, fmt.Errorf("storage: conversation %d: %w", userID, ErrNotFound)
			}
			return decode[Conversation](raw, "conversation "+id(userID))
		}
	}
	return one[Conversation](ctx, s.kv, bConv, id(userID))
}

// PutConversation stores a conversation, kept for convTTL, and its last activity.
func (s *store) PutConversation(ctx context.Context, c Conversation) error {
	raw, err := encode(c, "conversation")
	if err != nil {
		return err
	}
	err = s.kv.update(ctx, "put conversation "+id(c.UserID), func(tx kvTx) error {
		if err := tx.putUntil(bConv, id(c.UserID), raw, s.now().Add(convTTL)); err != nil {
			return err
		}
		return tx.put(bConvIdle, id(c.UserID), []byte(id(c.Updated.UnixMilli())))
	})
	remember(ctx, c.UserID, raw, err)
	return err
}

// EndConversation deletes a conversation.
func (s *store) EndConversation(ctx context.Context, userID int64) (bool, error) {
	var was bool
	err := s.kv.update(ctx, "end conversation "+id(userID), func(tx kvTx) error {
		var err error
		if _, was, err = tx.get(bConv, id(userID)); err != nil {
			return err
		}
		if err := tx.del(bConv, id(userID)); err != nil {
			return err
		}
		return tx.del(bConvIdle, id(userID))
	})
	remember(ctx, userID, nil, err)
	return was, err
}

// IdleConversations lists users idle since before, longest idle first.
func (s *store) IdleConversations(ctx context.Context, before time.Time, limit int) ([]int64, error) {
	r := scanOf(bConvIdle, "")
	if err := s.kv.view(ctx, "idle conversations", r); err != nil {
		return nil, err
	}
	type idle struct{ user, at int64 }
	var idles []idle
	for _, p := range r.pairs {
		if at := parseID(string(p.val)); at <= before.UnixMilli() {
			idles = append(idles, idle{parseID(p.key), at})
		}
	}
	slices.SortFunc(idles, func(a, b idle) int {
		if a.at != b.at {
			return int(min(max(a.at-b.at, -1), 1))
		}
		return int(min(max(a.user-b.user, -1), 1))
	})
	out := []int64{}
	for _, it := range idles[:min(max(limit, 0), len(idles))] {
		out = append(out, it.user)
	}
	return out, nil
}

// EndIdleConversation ends a conversation if still idle since before; of two
// callers only one ends it.
func (s *store) EndIdleConversation(ctx context.Context, userID int64, before time.Time) (Conversation, bool, error) {
	c := Conversation{UserID: userID}
	ended := false
	err := s.kv.update(ctx, "end idle conversation "+id(userID), func(tx kvTx) error {
		c, ended = Conversation{UserID: userID}, false
		v, found, err := tx.get(bConvIdle, id(userID))
		if err != nil || !found || parseID(string(v)) > before.UnixMilli() {
			return err
		}
		// Its content does not matter once it ended: an undecodable state is dropped.
		if got, found, err := getJSON[Conversation](tx, bConv, id(userID)); err == nil && found {
			c = got
		} else if _, ok := err.(errBackend); ok {
			return err
		}
		ended = true
		if err := tx.del(bConv, id(userID)); err != nil {
			return err
		}
		return tx.del(bConvIdle, id(userID))
	})
	return c, ended && err == nil, err
}

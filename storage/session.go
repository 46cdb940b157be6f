package storage

import (
	"context"
	"fmt"
	"time"
)

// The updates handled, the polling offset and the enabled groups: what the
// bot reads before each update.

var (
	// bHandled marks an update handled (Redis: "upd:ID" with a TTL), for
	// longer than Telegram may redeliver it.
	bHandled = newBucket(bucket{name: "handled", redis: "upd:", strings: true, expiring: true})
	// bGroups holds the groups in which an administrator ran /enable: chat id -> "".
	bGroups = newBucket(bucket{name: "groups", redis: "group:enabled"})
)

// handledTTL outlives Telegram's own 24 hours of keeping an unconfirmed update.
const handledTTL = 48 * time.Hour

// Session reads what handling an update needs in one view: one pipelined
// round trip on Redis.
func (s *store) Session(ctx context.Context, updateID, userID, chatID int64) (Session, error) {
	return s.session(ctx, updateID, userID, chatID, func(reads ...*kvRead) error {
		return s.kv.view(ctx, "session", reads...)
	})
}

// FinishThenSession is FinishUpdate and Session in one pipeline on Redis,
// the finish first. The embedded store has no round trip to save and does
// one after the other.
func (s *store) FinishThenSession(ctx context.Context, fin Finish, updateID, userID, chatID int64) (sess Session, finished, err error) {
	kv, pipelined := s.kv.(*redisKV)
	q, native := s.queues.(*redisQueues)
	if !pipelined || !native {
		finished = s.FinishUpdate(ctx, fin.UpdateID, fin.Token, fin.Handled)
		sess, err = s.Session(ctx, updateID, userID, chatID)
		return sess, finished, err
	}
	sess, err = s.session(ctx, updateID, userID, chatID, func(reads ...*kvRead) error {
		var err error
		finished, err = kv.viewAfter(ctx, "session", q.finishStep(fin), reads...)
		return err
	})
	return sess, finished, err
}

// session reads a Session through view, which reads its reads in one view.
func (s *store) session(ctx context.Context, updateID, userID, chatID int64, view func(reads ...*kvRead) error) (Session, error) {
	var out Session
	seen, member, ver := getOf(bHandled, id(updateID)), getOf(bMembers, id(userID)), getOf(bMeta, metaTasksVer)
	reads := append(make([]*kvRead, 0, 8), seen, member, ver)
	// The sender's conversation comes along, for the handlers' Conversation
	// (session_memo.go).
	var conv *kvRead
	if userID != 0 {
		conv = getOf(bConv, id(userID))
		reads = append(reads, conv)
	}
	var group *kvRead
	if chatID < 0 {
		group = getOf(bGroups, id(chatID))
		reads = append(reads, group)
	}
	settings, applySettings := sessionSettings(userID, chatID) // settings.go
	reads = append(reads, settings...)
	if err := view(reads...); err != nil {
		return out, err
	}
	if err := applySettings(&out); err != nil {
		return out, err
	}
	out.Seen = seen.val != nil
	out.TasksVersion = string(ver.val)
	if conv != nil {
		out.conv = &convMemo{userID: userID, raw: conv.val}
	}
	if member.val != nil {
		m, err := decode[Member](member.val, "member "+id(userID))
		if err != nil {
			return out, err
		}
		out.Member = &m
	}
	out.GroupEnabled = group != nil && group.val != nil
	return out, nil
}

// MarkHandled records updateID for longer than Telegram may redeliver it.
func (s *store) MarkHandled(ctx context.Context, updateID int64) error {
	return s.kv.update(ctx, "mark update handled", func(tx kvTx) error {
		return tx.putUntil(bHandled, id(updateID), []byte("1"), s.now().Add(handledTTL))
	})
}

// Offset returns the stored polling offset.
func (s *store) Offset(ctx context.Context) (int64, error) {
	r := getOf(bMeta, metaOffset)
	err := s.kv.view(ctx, "get offset", r)
	return parseID(string(r.val)), err
}

// SetOffset raises the stored offset to id; it never lowers it, so two
// instances or a late writer cannot make the bot replay old updates.
func (s *store) SetOffset(ctx context.Context, updateID int64) error {
	return s.kv.update(ctx, "set offset", func(tx kvTx) error {
		cur, _, err := tx.get(bMeta, metaOffset)
		if err != nil || parseID(string(cur)) >= updateID {
			return err
		}
		return tx.put(bMeta, metaOffset, []byte(id(updateID)))
	})
}

// SetGroupEnabled enables or disables the bot in a group.
func (s *store) SetGroupEnabled(ctx context.Context, chatID int64, enabled bool) error {
	return s.kv.update(ctx, fmt.Sprintf("enable group %d", chatID), func(tx kvTx) error {
		if enabled {
			return tx.put(bGroups, id(chatID), nil)
		}
		return tx.del(bGroups, id(chatID))
	})
}

// LoadSeed stores seed once, in one transaction: a crash halfway leaves
// nothing behind, and a seed loaded before (and edited since) stays.
func (s *store) LoadSeed(ctx context.Context, seed Seed) (bool, error) {
	loaded := false
	err := s.kv.update(ctx, "load seed", func(tx kvTx) error {
		loaded = false
		if _, found, err := tx.get(bMeta, metaSeed); err != nil || found {
			return err
		}
		var maxID int64
		for _, m := range seed.Meetings {
			if err := putJSON(tx, bMeetings, m.ID, m); err != nil {
				return err
			}
		}
		for _, t := range seed.Tasks {
			if err := putJSON(tx, bTasks, id(t.ID), t); err != nil {
				return err
			}
			maxID = max(maxID, t.ID)
		}
		seq, _, err := tx.get(bMeta, metaTaskSeq)
		if err != nil {
			return err
		}
		if parseID(string(seq)) < maxID {
			if err := tx.put(bMeta, metaTaskSeq, []byte(id(maxID))); err != nil {
				return err
			}
		}
		if _, err := tx.incr(bMeta, metaTasksVer); err != nil {
			return err
		}
		loaded = true
		return tx.put(bMeta, metaSeed, []byte(seed.Version))
	})
	s.cache.invalidate()
	return loaded && err == nil, err
}

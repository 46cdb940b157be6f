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

	"github.com/redis/go-redis/v9"
)

// convTTL bounds how long Redis keeps a conversation's state: its idle limit,
// plus time for ExpireConversations to tell the user before the state goes.
const convTTL = ConversationIdle + time.Hour

// Conversation returns a user's conversation.
func (r *Redis) Conversation(ctx context.Context, userID int64) (Conversation, error) {
	var c Conversation
	var b []byte
	var err error
	if raw, found, ok := r.memoConversation(ctx, userID); ok {
		if b = raw; !found {
			err = redis.Nil
		}
	} else {
		b, err = r.rdb.Get(ctx, r.keys.conv(userID)).Bytes()
	}
	if err != nil {
		return c, fail("get conversation "+id(userID), err)
	}
	if err := json.Unmarshal(b, &c); err != nil {
		return c, fmt.Errorf("storage: decode conversation %d: %w", userID, err)
	}
	return c, nil
}

// memoConversation is the state the update's Session read, when it can answer.
func (r *Redis) memoConversation(ctx context.Context, userID int64) (raw []byte, found, ok bool) {
	m := memoFor(ctx, userID)
	if m == nil {
		return nil, false, false
	}
	raw, found, ok = m.get()
	return raw, found, ok
}

// PutConversation stores a conversation and its last activity in one transaction.
func (r *Redis) PutConversation(ctx context.Context, c Conversation) error {
	b, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("storage: encode conversation: %w", err)
	}
	_, err = r.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.Set(ctx, r.keys.conv(c.UserID), b, convTTL)
		p.ZAdd(ctx, r.keys.convIdle(), redis.Z{Score: float64(c.Updated.UnixMilli()), Member: id(c.UserID)})
		return nil
	})
	if err != nil {
		remember(ctx, c.UserID, nil, err)
		return fail("put conversation "+id(c.UserID), err)
	}
	remember(ctx, c.UserID, b, nil)
	return nil
}

// EndConversation deletes a conversation.
func (r *Redis) EndConversation(ctx context.Context, userID int64) (bool, error) {
	var del *redis.IntCmd
	_, err := r.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		del = p.Del(ctx, r.keys.conv(userID))
		p.ZRem(ctx, r.keys.convIdle(), id(userID))
		return nil
	})
	if err != nil {
		remember(ctx, userID, nil, err)
		return false, fail("end conversation "+id(userID), err)
	}
	remember(ctx, userID, nil, nil)
	return del.Val() == 1, nil
}

// IdleConversations lists users idle since before, longest idle first.
func (r *Redis) IdleConversations(ctx context.Context, before time.Time, limit int) ([]int64, error) {
	ids, err := r.rdb.ZRangeByScore(ctx, r.keys.convIdle(), &redis.ZRangeBy{Min: "-inf",
		Max: strconv.FormatInt(before.UnixMilli(), 10), Count: int64(limit)}).Result()
	if err != nil {
		return nil, fail("idle conversations", err)
	}
	out := make([]int64, 0, len(ids))
	for _, s := range ids {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			return out, fmt.Errorf("storage: malformed conversation member %q", s)
		}
		out = append(out, n)
	}
	return out, nil
}

// endIdle ends a conversation that is still idle.
// KEYS[1] idle zset, KEYS[2] conversation. ARGV[1] user id, ARGV[2] idle-since bound (ms).
// Returns {1, JSON or ""} when ended, {0} when active again or gone.
var endIdle = redis.NewScript(`
local s = redis.call('ZSCORE', KEYS[1], ARGV[1])
if not s or tonumber(s) > tonumber(ARGV[2]) then return {0} end
local v = redis.call('GET', KEYS[2]) or ''
redis.call('ZREM', KEYS[1], ARGV[1])
redis.call('DEL', KEYS[2])
return {1, v}
`)

// EndIdleConversation ends a conversation if still idle since before.
func (r *Redis) EndIdleConversation(ctx context.Context, userID int64, before time.Time) (Conversation, bool, error) {
	c := Conversation{UserID: userID}
	res, err := endIdle.Run(ctx, r.rdb, []string{r.keys.convIdle(), r.keys.conv(userID)}, userID, before.UnixMilli()).Slice()
	if err != nil {
		return c, false, fail("end idle conversation "+id(userID), err)
	}
	if res[0].(int64) == 0 {
		return c, false, nil
	}
	if s, _ := res[1].(string); s != "" {
		if err := json.Unmarshal([]byte(s), &c); err != nil {
			return Conversation{UserID: userID}, true, nil // ended; its content does not matter now
		}
	}
	return c, true, nil
}

// putContact writes a contact if it is still as read, keeps the e-mail index
// and appends to the audit log, atomically.
// KEYS[1] contacts hash, KEYS[2] e-mail index, KEYS[3] audit list.
// ARGV[1] id, ARGV[2] JSON as read ("" for a new contact), ARGV[3] new JSON
// ("" to delete), ARGV[4] e-mail key to drop from the index (""), ARGV[5]
// e-mail key to claim (""), ARGV[6] audit entry JSON, ARGV[7] audit cap.
// Returns {"ok"}, {"missing"}, {"changed"} (not as read) or {"dup", JSON of
// the contact holding the e-mail}.
// A run repeated after its reply was lost finds its own write: {"ok"}.
var putContact = redis.NewScript(`
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if ARGV[3] ~= '' and cur == ARGV[3] then return {'ok'} end
if ARGV[2] == '' then
  if cur then return {'changed'} end
else
  if not cur then return {'missing'} end
  if cur ~= ARGV[2] then return {'changed'} end
end
if ARGV[5] ~= '' then
  local holder = redis.call('HGET', KEYS[2], ARGV[5])
  if holder and holder ~= ARGV[1] then
    local other = redis.call('HGET', KEYS[1], holder)
    if other then return {'dup', other} end
  end
end
if ARGV[4] ~= '' and redis.call('HGET', KEYS[2], ARGV[4]) == ARGV[1] then
  redis.call('HDEL', KEYS[2], ARGV[4])
end
if ARGV[5] ~= '' then redis.call('HSET', KEYS[2], ARGV[5], ARGV[1]) end
if ARGV[3] == '' then redis.call('HDEL', KEYS[1], ARGV[1])
else redis.call('HSET', KEYS[1], ARGV[1], ARGV[3]) end
redis.call('LPUSH', KEYS[3], ARGV[6])
redis.call('LTRIM', KEYS[3], 0, tonumber(ARGV[7]) - 1)
return {'ok'}
`)

// Nominate stores a new pending contact.
func (r *Redis) Nominate(ctx context.Context, c Contact) (Contact, error) {
	n, err := r.rdb.Incr(ctx, r.keys.contactSeq()).Result()
	if err != nil {
		return c, fail("nominate", err)
	}
	c.ID, c.Status = n, ContactPending
	b, err := json.Marshal(c)
	if err != nil {
		return c, fmt.Errorf("storage: encode contact: %w", err)
	}
	entry := AuditEntry{At: c.Nominated, By: c.NominatedBy, Action: AuditNominated, Contact: c.ID}
	other, err := r.runPut(ctx, "nominate", c.ID, "", string(b), "", EmailKey(c.Email), entry)
	if errors.Is(err, ErrDuplicateEmail) {
		// The number was not used: give it back unless a later nomination
		// took the next one already, so that numbers do not skip.
		if rerr := giveBackID.Run(ctx, r.rdb, []string{r.keys.contactSeq()}, n).Err(); rerr != nil && !errors.Is(rerr, redis.Nil) {
			return other, fail("nominate", rerr)
		}
		return other, err
	}
	return c, err
}

// giveBackID lowers a sequence by one if it still stands at the id given.
// KEYS[1] the sequence; ARGV[1] the id that was not used. Returns nothing.
// Safe to run twice: the second run finds the sequence lowered already.
var giveBackID = redis.NewScript(`
if redis.call('GET', KEYS[1]) == ARGV[1] then redis.call('DECR', KEYS[1]) end
return nil
`)

// runPut runs putContact and turns its answer into an error.
func (r *Redis) runPut(ctx context.Context, op string, cid int64, was, now, drop, claim string, e AuditEntry) (Contact, error) {
	var other Contact
	ej, err := json.Marshal(e)
	if err != nil {
		return other, fmt.Errorf("storage: encode audit entry: %w", err)
	}
	k := r.keys
	res, err := putContact.Run(ctx, r.rdb, []string{k.contacts(), k.contactEmails(), k.audit()},
		cid, was, now, drop, claim, ej, AuditMax).StringSlice()
	if err != nil {
		return other, fail(op, err)
	}
	switch res[0] {
	case "missing":
		return other, fmt.Errorf("storage: %s: %w", op, ErrNotFound)
	case "changed":
		return other, errChanged
	case "dup":
		if err := json.Unmarshal([]byte(res[1]), &other); err != nil {
			return other, fmt.Errorf("storage: decode contact: %w", err)
		}
		return other, fmt.Errorf("storage: %s: %w (contact %d)", op, ErrDuplicateEmail, other.ID)
	}
	return other, nil
}

var errChanged = errors.New("contact changed")

// changeAttempts bounds how often a change is retried on a concurrent change.
const changeAttempts = 5

// change reads contact cid, lets fn change it (or delete it by returning
// remove), and writes it back only if nobody changed it in between; else it
// reads it again. An error from fn is returned with the contact as read.
func (r *Redis) change(ctx context.Context, op string, cid int64, fn contactChange) (Contact, error) {
	op += " contact " + id(cid)
	for range changeAttempts {
		raw, err := r.rdb.HGet(ctx, r.keys.contacts(), id(cid)).Result()
		if err != nil {
			return Contact{}, fail(op, err)
		}
		var old Contact
		if err := json.Unmarshal([]byte(raw), &old); err != nil {
			return old, fmt.Errorf("storage: decode contact %d: %w", cid, err)
		}
		c := old
		e, remove, err := fn(&c)
		if err != nil {
			if errors.Is(err, ErrAlreadyDecided) || errors.Is(err, ErrNotYours) {
				return old, fmt.Errorf("storage: %s: %w", op, err)
			}
			return old, err
		}
		now := ""
		if !remove {
			b, err := json.Marshal(c)
			if err != nil {
				return old, fmt.Errorf("storage: encode contact: %w", err)
			}
			now = string(b)
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
		other, err := r.runPut(ctx, op, cid, raw, now, drop, claim, e)
		switch {
		case errors.Is(err, errChanged):
			continue
		case errors.Is(err, ErrDuplicateEmail):
			return other, err
		case err != nil:
			return old, err
		}
		if remove {
			return old, nil
		}
		return c, nil
	}
	return Contact{}, fmt.Errorf("storage: %s: %w: the contact kept changing", op, ErrUnavailable)
}

// Contact returns one contact.
func (r *Redis) Contact(ctx context.Context, cid int64) (Contact, error) {
	return getOne[Contact](ctx, r, r.keys.contacts(), id(cid), "contact "+id(cid))
}

// Contacts returns every contact by Party, name and id.
func (r *Redis) Contacts(ctx context.Context) ([]Contact, error) {
	cs, err := getAll[Contact](ctx, r, r.keys.contacts(), "contacts")
	if err != nil {
		return nil, err
	}
	SortContacts(cs)
	return cs, nil
}

// SortContacts orders contacts by Party in display order, then name, then id.
func SortContacts(cs []Contact) {
	order := map[Party]int{}
	for i, p := range parties {
		order[p.Code] = i
	}
	slices.SortFunc(cs, func(a, b Contact) int {
		oa, okA := order[a.Party]
		ob, okB := order[b.Party]
		if !okA {
			oa = len(parties)
		}
		if !okB {
			ob = len(parties)
		}
		if c := cmp.Compare(oa, ob); c != 0 {
			return c
		}
		if c := strings.Compare(a.FullName, b.FullName); c != 0 {
			return c
		}
		return cmp.Compare(a.ID, b.ID)
	})
}

// DecideContact approves or rejects a pending contact once.
func (r *Redis) DecideContact(ctx context.Context, cid int64, approve bool, by int64, at time.Time) (Contact, error) {
	return r.change(ctx, "decide", cid, decideRule(cid, approve, by, at))
}

// WithdrawContact withdraws a pending contact for its nominator.
func (r *Redis) WithdrawContact(ctx context.Context, cid int64, by int64, at time.Time) (Contact, error) {
	return r.change(ctx, "withdraw", cid, withdrawRule(cid, by, at))
}

// EditContact sets one field of an approved contact.
func (r *Redis) EditContact(ctx context.Context, cid int64, f Field, value string, by int64, at time.Time) (Contact, error) {
	return r.change(ctx, "edit", cid, editRule(cid, f, value, by, at))
}

// RemoveContact deletes a contact.
func (r *Redis) RemoveContact(ctx context.Context, cid int64, by int64, at time.Time) (Contact, error) {
	return r.change(ctx, "remove", cid, removeRule(cid, by, at))
}

// ForgetUser deletes what is held about a user in one transaction, watching
// the contacts so that a contact changed meanwhile is considered again.
func (r *Redis) ForgetUser(ctx context.Context, userID int64, username string, at time.Time) (Forgotten, error) {
	k := r.keys
	var out Forgotten
	fn := func(tx *redis.Tx) error {
		out = Forgotten{}
		all, err := tx.HGetAll(ctx, k.contacts()).Result()
		if err != nil {
			return err
		}
		cs, err := decodeAll[Contact](all, "contacts")
		if err != nil {
			return err
		}
		slices.SortFunc(cs, func(a, b Contact) int { return cmp.Compare(a.ID, b.ID) })
		member, err := tx.HExists(ctx, k.members(), id(userID)).Result()
		if err != nil {
			return err
		}
		request, err := tx.HExists(ctx, k.requests(), id(userID)).Result()
		if err != nil {
			return err
		}
		conv, err := tx.Exists(ctx, k.conv(userID)).Result()
		if err != nil {
			return err
		}
		settings, err := tx.HExists(ctx, k.record(kindUserSettings), id(userID)).Result()
		if err != nil {
			return err
		}
		out.Member, out.AccessRequest, out.Conversation, out.Settings = member, request, conv == 1, settings
		var entries []any
		audit := func(e AuditEntry) {
			b, _ := json.Marshal(e)
			entries = append(entries, b)
		}
		type write struct {
			c      Contact
			remove bool
		}
		var writes []write
		for _, c := range cs {
			switch {
			case c.About(userID, username):
				out.Contacts = append(out.Contacts, c.ID)
				writes = append(writes, write{c, true})
			case c.NominatedBy == userID && c.Status == ContactPending:
				out.Nominations = append(out.Nominations, c.ID)
				writes = append(writes, write{c, true})
			case c.NominatedBy == userID:
				out.Unlinked = append(out.Unlinked, c.ID)
				c.NominatedBy = 0
				writes = append(writes, write{c, false})
			}
		}
		_, err = tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
			p.HDel(ctx, k.members(), id(userID))
			p.HDel(ctx, k.requests(), id(userID))
			p.Del(ctx, k.conv(userID))
			p.ZRem(ctx, k.convIdle(), id(userID))
			for _, o := range forgetSettingsOps(userID) {
				p.HDel(ctx, k.record(o.kind), o.key)
			}
			for _, w := range writes {
				if w.remove {
					p.HDel(ctx, k.contacts(), id(w.c.ID))
					// The index is consistent with the contacts we watched.
					if w.c.Status.Active() {
						p.HDel(ctx, k.contactEmails(), EmailKey(w.c.Email))
					}
					audit(AuditEntry{At: at, By: userID, Action: AuditForgotten, Contact: w.c.ID})
					continue
				}
				b, err := json.Marshal(w.c)
				if err != nil {
					return err
				}
				p.HSet(ctx, k.contacts(), id(w.c.ID), b)
			}
			if out.Member {
				audit(AuditEntry{At: at, By: userID, Action: AuditMemberForgotten, Member: userID})
			}
			if len(entries) > 0 {
				p.LPush(ctx, k.audit(), entries...)
				p.LTrim(ctx, k.audit(), 0, AuditMax-1)
			}
			return nil
		})
		return err
	}
	for range changeAttempts {
		err := r.rdb.Watch(ctx, fn, k.contacts())
		if errors.Is(err, redis.TxFailedErr) {
			continue
		}
		remember(ctx, userID, nil, err)
		if err != nil {
			return out, fail("forget user "+id(userID), err)
		}
		return out, nil
	}
	return out, fmt.Errorf("storage: forget user %d: %w: the contacts kept changing", userID, ErrUnavailable)
}

// Audit appends an entry to the capped audit log.
func (r *Redis) Audit(ctx context.Context, e AuditEntry) error {
	b, err := json.Marshal(e)
	if err != nil {
		return fmt.Errorf("storage: encode audit entry: %w", err)
	}
	_, err = r.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.LPush(ctx, r.keys.audit(), b)
		p.LTrim(ctx, r.keys.audit(), 0, AuditMax-1)
		return nil
	})
	if err != nil {
		return fail("audit", err)
	}
	return nil
}

// AuditLog returns the latest n entries.
func (r *Redis) AuditLog(ctx context.Context, n int) ([]AuditEntry, error) {
	if n <= 0 {
		return nil, nil
	}
	raw, err := r.rdb.LRange(ctx, r.keys.audit(), 0, int64(n)-1).Result()
	if err != nil {
		return nil, fail("audit log", err)
	}
	out := make([]AuditEntry, 0, len(raw))
	for _, s := range raw {
		var e AuditEntry
		if err := json.Unmarshal([]byte(s), &e); err != nil {
			return out, fmt.Errorf("storage: decode audit entry: %w", err)
		}
		out = append(out, e)
	}
	return out, nil
}

// AddNotice appends a copy of a notice and renews the list's TTL.
func (r *Redis) AddNotice(ctx context.Context, key string, c NoticeCopy) error {
	b, err := json.Marshal(c)
	if err != nil {
		return fmt.Errorf("storage: encode notice: %w", err)
	}
	_, err = r.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		p.RPush(ctx, r.keys.notices(key), b)
		p.Expire(ctx, r.keys.notices(key), NoticeTTL)
		return nil
	})
	if err != nil {
		return fail("add notice "+key, err)
	}
	return nil
}

// Notices lists the copies of a notice.
func (r *Redis) Notices(ctx context.Context, key string) ([]NoticeCopy, error) {
	raw, err := r.rdb.LRange(ctx, r.keys.notices(key), 0, -1).Result()
	if err != nil {
		return nil, fail("notices "+key, err)
	}
	out := make([]NoticeCopy, 0, len(raw))
	for _, s := range raw {
		var c NoticeCopy
		if err := json.Unmarshal([]byte(s), &c); err != nil {
			return nil, fmt.Errorf("storage: decode notice %s: %w", key, err)
		}
		out = append(out, c)
	}
	return out, nil
}

package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

var _ Migrator = (*Redis)(nil)

// Export reads every key of this store's prefix. It is not one atomic read:
// run it with the bot stopped.
func (r *Redis) Export(ctx context.Context) (*Snapshot, error) {
	k := r.keys
	snap := &Snapshot{}
	str := func(key string) (string, error) {
		v, err := r.rdb.Get(ctx, key).Result()
		if errors.Is(err, redis.Nil) {
			return "", nil
		}
		return v, err
	}
	num := func(key string) (int64, error) {
		v, err := str(key)
		if err != nil || v == "" {
			return 0, err
		}
		return strconv.ParseInt(v, 10, 64)
	}
	var err error
	if snap.Seed, err = str(k.seed()); err != nil {
		return nil, fail("export", err)
	}
	if snap.Offset, err = num(k.offset()); err != nil {
		return nil, fail("export", err)
	}
	if snap.TaskSeq, err = num(k.taskSeq()); err != nil {
		return nil, fail("export", err)
	}
	if snap.ContactSeq, err = num(k.contactSeq()); err != nil {
		return nil, fail("export", err)
	}
	if snap.Meetings, err = getAll[Meeting](ctx, r, k.meetings(), "meetings"); err != nil {
		return nil, err
	}
	if snap.Tasks, err = getAll[Task](ctx, r, k.tasks(), "tasks"); err != nil {
		return nil, err
	}
	snap.History = map[int64][]StatusChange{}
	for _, t := range snap.Tasks {
		h, err := r.History(ctx, t.ID, maxHistory)
		if err != nil {
			return nil, err
		}
		if len(h) > 0 {
			snap.History[t.ID] = h
		}
	}
	if snap.Members, err = getAll[Member](ctx, r, k.members(), "members"); err != nil {
		return nil, err
	}
	if snap.Requests, err = getAll[AccessRequest](ctx, r, k.requests(), "requests"); err != nil {
		return nil, err
	}
	groups, err := r.rdb.SMembers(ctx, k.groups()).Result()
	if err != nil {
		return nil, fail("export groups", err)
	}
	snap.Groups = []int64{}
	for _, g := range groups {
		n, _ := strconv.ParseInt(g, 10, 64)
		snap.Groups = append(snap.Groups, n)
	}
	if snap.Subscriptions, err = getAll[Subscription](ctx, r, k.subs(), "subscriptions"); err != nil {
		return nil, err
	}
	due, err := r.rdb.ZRangeWithScores(ctx, k.alertsDue(), 0, -1).Result()
	if err != nil {
		return nil, fail("export alerts", err)
	}
	snap.Alerts = []SnapshotAlert{}
	seen := map[string]bool{}
	for _, z := range due {
		m := z.Member.(string)
		task, chat := splitMember(m)
		seen[m] = true
		snap.Alerts = append(snap.Alerts, SnapshotAlert{TaskID: task, ChatID: chat, At: time.UnixMilli(int64(z.Score)).UTC()})
	}
	tokens, err := r.rdb.HGetAll(ctx, k.alertsToken()).Result()
	if err != nil {
		return nil, fail("export alerts", err)
	}
	for m, tok := range tokens { // claimed alerts come back due at their time
		if seen[m] {
			continue
		}
		_, at, _ := strings.Cut(tok, ":")
		ms, _ := strconv.ParseInt(at, 10, 64)
		task, chat := splitMember(m)
		snap.Alerts = append(snap.Alerts, SnapshotAlert{TaskID: task, ChatID: chat, At: time.UnixMilli(ms).UTC()})
	}
	if snap.AlertsSent, err = r.rdb.SMembers(ctx, k.alertsSent()).Result(); err != nil {
		return nil, fail("export alerts", err)
	}
	if snap.Contacts, err = getAll[Contact](ctx, r, k.contacts(), "contacts"); err != nil {
		return nil, err
	}
	emails, err := r.rdb.HGetAll(ctx, k.contactEmails()).Result()
	if err != nil {
		return nil, fail("export e-mails", err)
	}
	snap.Emails = map[string]int64{}
	for e, v := range emails {
		n, _ := strconv.ParseInt(v, 10, 64)
		snap.Emails[e] = n
	}
	idle, err := r.rdb.ZRangeWithScores(ctx, k.convIdle(), 0, -1).Result()
	if err != nil {
		return nil, fail("export conversations", err)
	}
	snap.Conversations = []SnapshotConversation{}
	for _, z := range idle {
		user, _ := strconv.ParseInt(z.Member.(string), 10, 64)
		sc := SnapshotConversation{UserID: user, Idle: time.UnixMilli(int64(z.Score)).UTC()}
		raw, ttl, err := r.withTTL(ctx, k.conv(user))
		if err != nil {
			return nil, fail("export conversations", err)
		}
		if raw != nil {
			var c Conversation
			if err := json.Unmarshal(raw, &c); err != nil {
				return nil, fmt.Errorf("storage: decode conversation %d: %w", user, err)
			}
			sc.State, sc.Expires = &c, ttl
		}
		snap.Conversations = append(snap.Conversations, sc)
	}
	if snap.Audit, err = r.AuditLog(ctx, AuditMax); err != nil {
		return nil, err
	}
	if snap.Audit == nil {
		snap.Audit = []AuditEntry{}
	}
	if snap.Imports, err = getAll[Import](ctx, r, k.imports(), "imports"); err != nil {
		return nil, err
	}
	snap.Uploads = []SnapshotUpload{}
	err = r.scan(ctx, k.upload(""), func(key string) error {
		raw, exp, err := r.withTTL(ctx, key)
		if err != nil || raw == nil {
			return err
		}
		var u Upload
		if err := json.Unmarshal(raw, &u); err != nil {
			return fmt.Errorf("storage: decode upload: %w", err)
		}
		snap.Uploads = append(snap.Uploads, SnapshotUpload{Upload: u, Expires: exp})
		return nil
	})
	if err != nil {
		return nil, fail("export uploads", err)
	}
	snap.Handled = map[int64]time.Time{}
	err = r.scan(ctx, k.handled(0)[:len(k.handled(0))-1], func(key string) error {
		n, err := strconv.ParseInt(key[len(k.handled(0))-1:], 10, 64)
		if err != nil {
			return nil
		}
		ttl, err := r.rdb.PTTL(ctx, key).Result()
		if err != nil || ttl <= 0 {
			return err
		}
		snap.Handled[n] = time.Now().Add(ttl).UTC()
		return nil
	})
	if err != nil {
		return nil, fail("export handled marks", err)
	}
	inbox, err := r.rdb.HGetAll(ctx, k.inbox()).Result()
	if err != nil {
		return nil, fail("export inbox", err)
	}
	snap.Inbox = []SnapshotInbox{}
	for m, raw := range inbox {
		n, _ := strconv.ParseInt(m, 10, 64)
		vis, _ := r.rdb.ZScore(ctx, k.inboxQueue(), m).Result()
		born, _ := r.rdb.ZScore(ctx, k.inboxBorn(), m).Result()
		snap.Inbox = append(snap.Inbox, SnapshotInbox{UpdateID: n, Raw: json.RawMessage(raw),
			Visible: time.UnixMilli(int64(vis)).UTC(), Born: time.UnixMilli(int64(born)).UTC()})
	}
	if snap.Records, err = exportRecords(ctx, r); err != nil {
		return nil, err
	}
	snap.normalize()
	return snap, nil
}

// withTTL reads a string key and when it expires; raw is nil when absent.
func (r *Redis) withTTL(ctx context.Context, key string) ([]byte, time.Time, error) {
	var get *redis.StringCmd
	var ttl *redis.DurationCmd
	_, err := r.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		get = p.Get(ctx, key)
		ttl = p.PTTL(ctx, key)
		return nil
	})
	if errors.Is(err, redis.Nil) {
		return nil, time.Time{}, nil
	}
	if err != nil {
		return nil, time.Time{}, err
	}
	raw, _ := get.Bytes()
	exp := time.Time{}
	if d := ttl.Val(); d > 0 {
		exp = time.Now().Add(d).UTC()
	}
	return raw, exp, nil
}

// scan calls fn for every key that starts with prefix.
func (r *Redis) scan(ctx context.Context, prefix string, fn func(key string) error) error {
	pattern := globEscape(prefix) + "*"
	iter := r.rdb.Scan(ctx, 0, pattern, 500).Iterator()
	for iter.Next(ctx) {
		if err := fn(iter.Val()); err != nil {
			return err
		}
	}
	return iter.Err()
}

func globEscape(s string) string {
	var b strings.Builder
	for _, c := range s {
		if strings.ContainsRune(`*?[]\`, c) {
			b.WriteByte('\\')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// Import writes a snapshot into this empty prefix in one MULTI/EXEC.
func (r *Redis) Import(ctx context.Context, snap *Snapshot) error {
	cur, err := r.Export(ctx)
	if err != nil {
		return err
	}
	if !cur.Empty() {
		return ErrNotEmpty
	}
	k := r.keys
	var encErr error
	enc := func(v any) []byte {
		b, err := json.Marshal(v)
		if err != nil && encErr == nil {
			encErr = err
		}
		return b
	}
	now := time.Now()
	_, err = r.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		if snap.Seed != "" {
			p.Set(ctx, k.seed(), snap.Seed, 0)
		}
		for key, n := range map[string]int64{k.offset(): snap.Offset, k.taskSeq(): snap.TaskSeq, k.contactSeq(): snap.ContactSeq} {
			if n != 0 {
				p.Set(ctx, key, n, 0)
			}
		}
		for _, m := range snap.Meetings {
			p.HSet(ctx, k.meetings(), m.ID, enc(m))
		}
		for _, t := range snap.Tasks {
			p.HSet(ctx, k.tasks(), id(t.ID), enc(t))
		}
		p.Incr(ctx, k.tasksVer())
		for task, h := range snap.History {
			for _, c := range h {
				p.RPush(ctx, k.history(task), enc(c))
			}
		}
		for _, m := range snap.Members {
			p.HSet(ctx, k.members(), id(m.UserID), enc(m))
		}
		for _, rq := range snap.Requests {
			p.HSet(ctx, k.requests(), id(rq.UserID), enc(rq))
		}
		for _, g := range snap.Groups {
			p.SAdd(ctx, k.groups(), id(g))
		}
		for _, s := range snap.Subscriptions {
			p.HSet(ctx, k.subs(), id(s.ChatID), enc(s))
		}
		for _, a := range snap.Alerts {
			p.ZAdd(ctx, k.alertsDue(), redis.Z{Score: float64(a.At.UnixMilli()), Member: alertMember(a.TaskID, a.ChatID)})
		}
		for _, s := range snap.AlertsSent {
			p.SAdd(ctx, k.alertsSent(), s)
		}
		for _, c := range snap.Contacts {
			p.HSet(ctx, k.contacts(), id(c.ID), enc(c))
		}
		for e, n := range snap.Emails {
			p.HSet(ctx, k.contactEmails(), e, id(n))
		}
		for _, c := range snap.Conversations {
			p.ZAdd(ctx, k.convIdle(), redis.Z{Score: float64(c.Idle.UnixMilli()), Member: id(c.UserID)})
			if c.State != nil && c.Expires.After(now) {
				p.Set(ctx, k.conv(c.UserID), enc(c.State), c.Expires.Sub(now))
			}
		}
		for _, e := range snap.Audit {
			p.RPush(ctx, k.audit(), enc(e))
		}
		for _, imp := range snap.Imports {
			p.HSet(ctx, k.imports(), imp.ID, enc(imp))
		}
		for _, u := range snap.Uploads {
			if u.Expires.After(now) {
				p.Set(ctx, k.upload(u.Upload.ID), enc(u.Upload), u.Expires.Sub(now))
			}
		}
		for n, exp := range snap.Handled {
			if exp.After(now) {
				p.Set(ctx, k.handled(n), 1, exp.Sub(now))
			}
		}
		for _, it := range snap.Inbox {
			p.HSet(ctx, k.inbox(), id(it.UpdateID), []byte(it.Raw))
			p.ZAdd(ctx, k.inboxQueue(), redis.Z{Score: float64(it.Visible.UnixMilli()), Member: id(it.UpdateID)})
			p.ZAdd(ctx, k.inboxBorn(), redis.Z{Score: float64(it.Born.UnixMilli()), Member: id(it.UpdateID)})
		}
		for _, o := range importOps(snap.Records) {
			p.HSet(ctx, k.record(o.kind), o.key, o.val)
		}
		return encErr
	})
	r.cache.invalidate()
	if encErr != nil {
		return fmt.Errorf("storage: encode: %w", encErr)
	}
	if err != nil {
		return fail("import", err)
	}
	return nil
}

package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"sync/atomic"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// Bolt is the Store in one bbolt file: the embedded default for a single
// instance, used when REDIS_URL is not set. Every method runs in one bbolt
// transaction, so every change is atomic, and a committed change is on disk
// (bbolt syncs the file at each commit): a crash, even kill -9, loses at most
// the change in flight and never leaves half of one. bbolt locks the file, so
// a second process on the same file cannot open it.
//
// It keeps the same records as Redis, as JSON, one bucket per Redis key; the
// keys Redis lets expire (handled marks, conversation state, uploads) carry
// their expiry time, checked when read.
type Bolt struct {
	recordMethods // calendar tokens, boards, digests: records.go
	db            *bolt.DB
	path          string
	now           func() time.Time
	marks         atomic.Int64 // MarkHandled calls, to prune old marks now and then
}

var (
	_ Store = (*Bolt)(nil)
	_ Inbox = (*Bolt)(nil)
)

// ErrLocked: another process holds the embedded store's file.
var ErrLocked = errors.New("the file is in use by another process")

// BoltOptions tune the embedded store; zero values take the defaults.
type BoltOptions struct {
	// Timeout is how long Open waits for another process to release the
	// file; default 1 s.
	Timeout time.Duration
	// Now is the clock of expiry times; nil: time.Now.
	Now func() time.Time
}

// Bucket names. Ids are decimal strings, as in Redis.
var (
	bMeta      = []byte("meta")     // seed, offset, task:seq, contact:seq
	bMembers   = []byte("members")  // user id -> Member
	bRequests  = []byte("requests") // user id -> AccessRequest
	bGroups    = []byte("groups")   // chat id -> ""
	bMeetings  = []byte("meetings") // meeting id -> Meeting
	bTasks     = []byte("tasks")    // task id -> Task
	bHistory   = []byte("history")  // task id -> []StatusChange, latest first
	bSubs      = []byte("subs")     // chat id -> Subscription
	bAlerts    = []byte("alerts")   // "task:chat" -> boltAlert
	bSent      = []byte("sent")     // "task:chat:lead" -> ""
	bContacts  = []byte("contacts") // contact id -> Contact
	bEmails    = []byte("emails")   // EmailKey -> contact id
	bConv      = []byte("conv")     // user id -> expiring Conversation
	bConvIdle  = []byte("convidle") // user id -> last activity (unix ms)
	bAudit     = []byte("audit")    // 8-byte sequence -> AuditEntry
	bUploads   = []byte("uploads")  // upload id -> expiring Upload
	bImports   = []byte("imports")  // import id -> Import
	bHandled   = []byte("handled")  // update id -> when handled (unix ms)
	bInbox     = []byte("inbox")    // update id -> boltInboxItem
	bClaims    = []byte("claims")   // update id -> expiring token
	bNotices   = []byte("notices")  // notice key -> expiring []NoticeCopy
	allBuckets = [][]byte{bMeta, bMembers, bRequests, bGroups, bMeetings, bTasks, bHistory, bSubs, bAlerts,
		bSent, bContacts, bEmails, bConv, bConvIdle, bAudit, bUploads, bImports, bHandled, bInbox, bClaims, bNotices}
)

// OpenBolt opens (creating it and its directory if needed) the store in the
// file at path. When another process has the file open it fails after
// opt.Timeout with an error wrapping ErrLocked that names the file.
func OpenBolt(path string, opt BoltOptions) (*Bolt, error) {
	if opt.Timeout <= 0 {
		opt.Timeout = time.Second
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("storage: create the data directory: %w", err)
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: opt.Timeout})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, fmt.Errorf("storage: another wgbot is using %s: %w", path, ErrLocked)
	}
	if err != nil {
		return nil, fmt.Errorf("storage: open %s: %w", path, err)
	}
	s := &Bolt{db: db, path: path, now: opt.Now}
	s.recordMethods = recordMethods{rs: s}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range allBuckets {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = s.pruneHandled()
	}
	if err != nil {
		_ = db.Close()
		return nil, fmt.Errorf("storage: prepare %s: %w", path, err)
	}
	return s, nil
}

// Close closes the file, releasing its lock.
func (s *Bolt) Close() error { return s.db.Close() }

// Path is the file of the store.
func (s *Bolt) Path() string { return s.path }

// keep carries an error of the contract (ErrNotFound, a caller's own error...)
// out of a transaction, which it rolls back, untouched by boltFail.
type keep struct{ err error }

func (k keep) Error() string { return k.err.Error() }

// view and update run fn in a read or write transaction, after checking ctx.
// Errors of bbolt itself (a full disk, a closed store) wrap ErrUnavailable.
func (s *Bolt) view(ctx context.Context, op string, fn func(tx *bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("storage: %s: %w: %w", op, ErrUnavailable, err)
	}
	return boltFail(op, s.db.View(fn))
}

func (s *Bolt) update(ctx context.Context, op string, fn func(tx *bolt.Tx) error) error {
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("storage: %s: %w: %w", op, ErrUnavailable, err)
	}
	return boltFail(op, s.db.Update(fn))
}

func boltFail(op string, err error) error {
	var k keep
	switch {
	case err == nil:
		return nil
	case errors.As(err, &k):
		return k.err
	}
	return fmt.Errorf("storage: %s: %w: %w", op, ErrUnavailable, err)
}

func notFound(op string) error { return keep{fmt.Errorf("storage: %s: %w", op, ErrNotFound)} }

// getJSON decodes the value of key in bucket into v; found is false when absent.
func getJSON(tx *bolt.Tx, bucket []byte, key string, v any) (bool, error) {
	raw := tx.Bucket(bucket).Get([]byte(key))
	if raw == nil {
		return false, nil
	}
	if err := json.Unmarshal(raw, v); err != nil {
		return true, keep{fmt.Errorf("storage: decode %s %s: %w", bucket, key, err)}
	}
	return true, nil
}

func putJSON(tx *bolt.Tx, bucket []byte, key string, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return keep{fmt.Errorf("storage: encode %s %s: %w", bucket, key, err)}
	}
	return tx.Bucket(bucket).Put([]byte(key), b)
}

// allJSON decodes every value of a bucket.
func allJSON[T any](tx *bolt.Tx, bucket []byte) ([]T, error) {
	var out []T
	err := tx.Bucket(bucket).ForEach(func(k, raw []byte) error {
		var v T
		if err := json.Unmarshal(raw, &v); err != nil {
			return keep{fmt.Errorf("storage: decode %s %s: %w", bucket, k, err)}
		}
		out = append(out, v)
		return nil
	})
	if out == nil {
		out = []T{}
	}
	return out, err
}

func getInt(tx *bolt.Tx, bucket []byte, key string) int64 {
	n, _ := strconv.ParseInt(string(tx.Bucket(bucket).Get([]byte(key))), 10, 64)
	return n
}

func putInt(tx *bolt.Tx, bucket []byte, key string, n int64) error {
	return tx.Bucket(bucket).Put([]byte(key), []byte(id(n)))
}

// nextID raises the counter key of the meta bucket and returns it.
func nextID(tx *bolt.Tx, key string) (int64, error) {
	n := getInt(tx, bMeta, key) + 1
	return n, putInt(tx, bMeta, key, n)
}

// Ping checks that the file can be read.
func (s *Bolt) Ping(ctx context.Context) error {
	return s.view(ctx, "ping", func(tx *bolt.Tx) error {
		if tx.Bucket(bMeta) == nil {
			return errors.New("the store has no meta bucket")
		}
		return nil
	})
}

// LoadSeed stores seed once, in one transaction.
func (s *Bolt) LoadSeed(ctx context.Context, seed Seed) (bool, error) {
	loaded := false
	err := s.update(ctx, "load seed", func(tx *bolt.Tx) error {
		if tx.Bucket(bMeta).Get([]byte("seed")) != nil {
			return nil
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
		if getInt(tx, bMeta, "task:seq") < maxID {
			if err := putInt(tx, bMeta, "task:seq", maxID); err != nil {
				return err
			}
		}
		loaded = true
		return tx.Bucket(bMeta).Put([]byte("seed"), []byte(seed.Version))
	})
	return loaded && err == nil, err
}

// Session reads what handling an update needs in one read transaction.
func (s *Bolt) Session(ctx context.Context, updateID, userID, chatID int64) (Session, error) {
	var out Session
	err := s.view(ctx, "session", func(tx *bolt.Tx) error {
		out.Seen = s.handled(tx, updateID)
		var m Member
		found, err := getJSON(tx, bMembers, id(userID), &m)
		if err != nil {
			return err
		}
		if found {
			out.Member = &m
		}
		if chatID < 0 {
			out.GroupEnabled = tx.Bucket(bGroups).Get([]byte(id(chatID))) != nil
		}
		return boltSessionSettings(tx, &out, userID, chatID)
	})
	return out, err
}

// handled reports whether updateID was marked within handledTTL.
func (s *Bolt) handled(tx *bolt.Tx, updateID int64) bool {
	v := tx.Bucket(bHandled).Get([]byte(id(updateID)))
	if v == nil {
		return false
	}
	at, _ := strconv.ParseInt(string(v), 10, 64)
	return s.now().Sub(time.UnixMilli(at)) < handledTTL
}

// MarkHandled records updateID; marks older than handledTTL are pruned from
// time to time.
func (s *Bolt) MarkHandled(ctx context.Context, updateID int64) error {
	err := s.update(ctx, "mark update handled", func(tx *bolt.Tx) error {
		return putInt(tx, bHandled, id(updateID), s.now().UnixMilli())
	})
	if err == nil && s.marks.Add(1)%1024 == 0 {
		_ = s.pruneHandled()
	}
	return err
}

func (s *Bolt) pruneHandled() error {
	limit := s.now().Add(-handledTTL).UnixMilli()
	return s.db.Update(func(tx *bolt.Tx) error {
		var old [][]byte
		_ = tx.Bucket(bHandled).ForEach(func(k, v []byte) error {
			if at, _ := strconv.ParseInt(string(v), 10, 64); at < limit {
				old = append(old, slices.Clone(k))
			}
			return nil
		})
		for _, k := range old {
			if err := tx.Bucket(bHandled).Delete(k); err != nil {
				return err
			}
		}
		// Claims left by a crashed handler, long expired.
		old = old[:0]
		_ = tx.Bucket(bClaims).ForEach(func(k, v []byte) error {
			var c boltClaim
			if json.Unmarshal(v, &c) != nil || c.Exp < limit {
				old = append(old, slices.Clone(k))
			}
			return nil
		})
		for _, k := range old {
			if err := tx.Bucket(bClaims).Delete(k); err != nil {
				return err
			}
		}
		return nil
	})
}

// Offset returns the stored polling offset.
func (s *Bolt) Offset(ctx context.Context) (int64, error) {
	var n int64
	err := s.view(ctx, "get offset", func(tx *bolt.Tx) error { n = getInt(tx, bMeta, "offset"); return nil })
	return n, err
}

// SetOffset raises the stored offset; it never lowers it.
func (s *Bolt) SetOffset(ctx context.Context, updateID int64) error {
	return s.update(ctx, "set offset", func(tx *bolt.Tx) error {
		if updateID > getInt(tx, bMeta, "offset") {
			return putInt(tx, bMeta, "offset", updateID)
		}
		return nil
	})
}

// Meetings returns every meeting, latest first.
func (s *Bolt) Meetings(ctx context.Context) ([]Meeting, error) {
	var ms []Meeting
	err := s.view(ctx, "list meetings", func(tx *bolt.Tx) (err error) { ms, err = allJSON[Meeting](tx, bMeetings); return })
	if err != nil {
		return nil, err
	}
	sortMeetings(ms)
	return ms, nil
}

// Tasks returns every task, soonest deadline first; each call decodes anew,
// so callers may change what they get.
func (s *Bolt) Tasks(ctx context.Context) ([]Task, error) {
	var ts []Task
	err := s.view(ctx, "list tasks", func(tx *bolt.Tx) (err error) { ts, err = allJSON[Task](tx, bTasks); return })
	if err != nil {
		return nil, err
	}
	SortByDeadline(ts)
	return ts, nil
}

// Task returns one task.
func (s *Bolt) Task(ctx context.Context, taskID int64) (Task, error) {
	return boltOne[Task](ctx, s, bTasks, id(taskID), "get task "+id(taskID))
}

func boltOne[T any](ctx context.Context, s *Bolt, bucket []byte, key, op string) (T, error) {
	var v T
	err := s.view(ctx, op, func(tx *bolt.Tx) error {
		found, err := getJSON(tx, bucket, key, &v)
		if err == nil && !found {
			return notFound(op)
		}
		return err
	})
	return v, err
}

// Member returns one member.
func (s *Bolt) Member(ctx context.Context, userID int64) (Member, error) {
	return boltOne[Member](ctx, s, bMembers, id(userID), "get member "+id(userID))
}

// PutMember creates or replaces a member.
func (s *Bolt) PutMember(ctx context.Context, m Member) error {
	return s.update(ctx, "put member "+id(m.UserID), func(tx *bolt.Tx) error { return putJSON(tx, bMembers, id(m.UserID), m) })
}

// Members returns every member by Party, then name.
func (s *Bolt) Members(ctx context.Context) ([]Member, error) {
	var ms []Member
	err := s.view(ctx, "list members", func(tx *bolt.Tx) (err error) { ms, err = allJSON[Member](tx, bMembers); return })
	if err != nil {
		return nil, err
	}
	sortMembers(ms)
	return ms, nil
}

// boltDel deletes key from bucket and reports whether it was there.
func boltDel(tx *bolt.Tx, bucket []byte, key string) (bool, error) {
	b := tx.Bucket(bucket)
	if b.Get([]byte(key)) == nil {
		return false, nil
	}
	return true, b.Delete([]byte(key))
}

// RemoveMember deletes a member.
func (s *Bolt) RemoveMember(ctx context.Context, userID int64) (bool, error) {
	var was bool
	err := s.update(ctx, "remove member "+id(userID), func(tx *bolt.Tx) (err error) {
		was, err = boltDel(tx, bMembers, id(userID))
		return
	})
	return was, err
}

// RequestAccess records a pending request unless one is pending already.
func (s *Bolt) RequestAccess(ctx context.Context, req AccessRequest) (AccessRequest, bool, error) {
	req.Status = RequestPending
	out, created := req, false
	err := s.update(ctx, "request access", func(tx *bolt.Tx) error {
		var cur AccessRequest
		found, err := getJSON(tx, bRequests, id(req.UserID), &cur)
		if err != nil {
			return err
		}
		if found && cur.Status == RequestPending {
			out = cur
			return nil
		}
		created = true
		return putJSON(tx, bRequests, id(req.UserID), req)
	})
	return out, created && err == nil, err
}

// AccessRequest returns a user's latest request.
func (s *Bolt) AccessRequest(ctx context.Context, userID int64) (AccessRequest, error) {
	return boltOne[AccessRequest](ctx, s, bRequests, id(userID), "get request "+id(userID))
}

// DecideAccess decides a pending request; of two racing decisions the first
// transaction wins and the second finds it decided.
func (s *Bolt) DecideAccess(ctx context.Context, userID int64, approve bool, by int64, at time.Time) (AccessRequest, error) {
	op := "decide request " + id(userID)
	var req AccessRequest
	err := s.update(ctx, op, func(tx *bolt.Tx) error {
		req = AccessRequest{}
		found, err := getJSON(tx, bRequests, id(userID), &req)
		if err != nil {
			return err
		}
		if !found {
			return notFound(op)
		}
		if req.Status != RequestPending {
			return keep{fmt.Errorf("storage: %s: %w", op, ErrAlreadyDecided)}
		}
		req.Status, req.DecidedBy, req.Decided = RequestRejected, by, at
		if approve {
			req.Status = RequestApproved
			m := Member{UserID: req.UserID, Name: req.Name, Username: req.Username, Party: req.Party, ApprovedBy: by, Since: at}
			if err := putJSON(tx, bMembers, id(userID), m); err != nil {
				return err
			}
		}
		return putJSON(tx, bRequests, id(userID), req)
	})
	return req, err
}

// PendingRequests lists pending requests, oldest first.
func (s *Bolt) PendingRequests(ctx context.Context) ([]AccessRequest, error) {
	var all []AccessRequest
	err := s.view(ctx, "list requests", func(tx *bolt.Tx) (err error) { all, err = allJSON[AccessRequest](tx, bRequests); return })
	if err != nil {
		return nil, err
	}
	pending := pendingOldestFirst(all)
	return pending, nil
}

// SetGroupEnabled enables or disables the bot in a group.
func (s *Bolt) SetGroupEnabled(ctx context.Context, chatID int64, enabled bool) error {
	return s.update(ctx, "enable group "+id(chatID), func(tx *bolt.Tx) error {
		if enabled {
			return tx.Bucket(bGroups).Put([]byte(id(chatID)), []byte{})
		}
		return tx.Bucket(bGroups).Delete([]byte(id(chatID)))
	})
}

package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"time"

	"github.com/redis/go-redis/v9"
)

// handledTTL outlives Telegram's own 24 hours of keeping an unconfirmed update.
const handledTTL = 48 * time.Hour

// Redis is the Store on a Redis server.
type Redis struct {
	recordMethods // calendar tokens, boards, digests: records.go
	rdb           *redis.Client
	keys          keys
	trips         *roundTrips
	cache         taskCache
}

var _ Store = (*Redis)(nil)

// RedisOptions tune the connection; zero values take the defaults.
type RedisOptions struct {
	Prefix  string        // every key starts with it; default "wgbot:"
	Timeout time.Duration // bound on dialing and on each command; default 2s
}

// OpenRedis connects to the Redis at url ("redis://host:port/db", "rediss://...").
// It does not fail when Redis is down: the first command does, and the client
// reconnects by itself when Redis is back. The error never contains the URL's password.
func OpenRedis(url string, opt RedisOptions) (*Redis, error) {
	o, err := redis.ParseURL(url)
	if err != nil {
		return nil, fmt.Errorf("storage: REDIS_URL is not a redis:// or rediss:// URL")
	}
	if opt.Prefix == "" {
		opt.Prefix = "wgbot:"
	}
	if opt.Timeout <= 0 {
		opt.Timeout = 2 * time.Second
	}
	o.DialTimeout = opt.Timeout
	// One dial per attempt: go-redis otherwise dials five times, each bounded by
	// DialTimeout, 100 ms apart, so a down Redis took five Timeouts per attempt
	// to report instead of one.
	o.DialerRetries = 1
	o.ReadTimeout = opt.Timeout
	o.WriteTimeout = opt.Timeout
	o.PoolTimeout = opt.Timeout
	o.ContextTimeoutEnabled = true
	// One retry: a command that is not idempotent (INCR, a script) should not run
	// three times behind the user's back when a reply is lost.
	o.MaxRetries = 1
	r := &Redis{rdb: redis.NewClient(o), keys: keys{opt.Prefix}, trips: &roundTrips{}}
	r.recordMethods = recordMethods{rs: r}
	r.rdb.AddHook(r.trips)
	return r, nil
}

// Close closes the connections.
func (r *Redis) Close() error { return r.rdb.Close() }

// fail wraps a Redis error: redis.Nil becomes ErrNotFound, everything else
// (timeouts, refused connections, LOADING...) becomes ErrUnavailable.
func fail(op string, err error) error {
	if errors.Is(err, redis.Nil) {
		return fmt.Errorf("storage: %s: %w", op, ErrNotFound)
	}
	return fmt.Errorf("storage: %s: %w: %w", op, ErrUnavailable, err)
}

// Ping checks that Redis answers.
func (r *Redis) Ping(ctx context.Context) error {
	if err := r.rdb.Ping(ctx).Err(); err != nil {
		return fail("ping", err)
	}
	return nil
}

// loadSeed writes the seed only when no seed was loaded before.
// KEYS[1] seed marker, KEYS[2] meetings hash, KEYS[3] tasks hash, KEYS[4] task
// sequence, KEYS[5] tasks version.
// ARGV[1] version, ARGV[2] highest seed task id, then pairs: kind ("m"/"t"), id, JSON.
// Returns 1 when loaded, 0 when a seed was there already.
var loadSeed = redis.NewScript(`
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
for i = 3, #ARGV, 3 do
  if ARGV[i] == 'm' then redis.call('HSET', KEYS[2], ARGV[i+1], ARGV[i+2])
  else redis.call('HSET', KEYS[3], ARGV[i+1], ARGV[i+2]) end
end
local seq = tonumber(redis.call('GET', KEYS[4]) or '0')
if seq < tonumber(ARGV[2]) then redis.call('SET', KEYS[4], ARGV[2]) end
redis.call('SET', KEYS[1], ARGV[1])
redis.call('INCR', KEYS[5])
return 1
`)

// LoadSeed stores seed once, atomically: a crash halfway leaves nothing behind.
func (r *Redis) LoadSeed(ctx context.Context, seed Seed) (bool, error) {
	var maxID int64
	args := []any{seed.Version, 0}
	for _, m := range seed.Meetings {
		b, err := json.Marshal(m)
		if err != nil {
			return false, fmt.Errorf("storage: encode meeting %s: %w", m.ID, err)
		}
		args = append(args, "m", m.ID, b)
	}
	for _, t := range seed.Tasks {
		b, err := json.Marshal(t)
		if err != nil {
			return false, fmt.Errorf("storage: encode task %d: %w", t.ID, err)
		}
		args = append(args, "t", id(t.ID), b)
		maxID = max(maxID, t.ID)
	}
	args[1] = maxID
	k := r.keys
	n, err := loadSeed.Run(ctx, r.rdb, []string{k.seed(), k.meetings(), k.tasks(), k.taskSeq(), k.tasksVer()}, args...).Int()
	r.cache.invalidate()
	if err != nil {
		return false, fail("load seed", err)
	}
	return n == 1, nil
}

// Session fetches what handling an update needs in one pipelined round trip.
func (r *Redis) Session(ctx context.Context, updateID, userID, chatID int64) (Session, error) {
	var s Session
	pipe := r.rdb.Pipeline()
	seen := pipe.Exists(ctx, r.keys.handled(updateID))
	member := pipe.HGet(ctx, r.keys.members(), id(userID))
	ver := pipe.Get(ctx, r.keys.tasksVer())
	user := pipe.HGet(ctx, r.keys.record(kindUserSettings), id(userID))
	tgLang := pipe.HGet(ctx, r.keys.record(kindTelegramLang), id(userID))
	var conv *redis.StringCmd
	if userID != 0 {
		conv = pipe.Get(ctx, r.keys.conv(userID))
	}
	var group *redis.BoolCmd
	var chat *redis.StringCmd
	if chatID < 0 {
		group = pipe.SIsMember(ctx, r.keys.groups(), id(chatID))
		chat = pipe.HGet(ctx, r.keys.record(kindChatSettings), id(chatID))
	}
	if _, err := pipe.Exec(ctx); err != nil && !errors.Is(err, redis.Nil) {
		return s, fail("session", err)
	}
	s.Seen = seen.Val() == 1
	s.TasksVersion = ver.Val()
	if conv != nil {
		s.conv = &convMemo{userID: userID}
		if b, err := conv.Bytes(); err == nil {
			s.conv.raw = b
		}
	}
	if b, err := member.Bytes(); err == nil {
		var m Member
		if err := json.Unmarshal(b, &m); err != nil {
			return s, fmt.Errorf("storage: decode member %d: %w", userID, err)
		}
		s.Member = &m
	}
	if group != nil {
		s.GroupEnabled = group.Val()
	}
	var err error
	if s.User, err = decodeSettings([]byte(user.Val()), user.Err() == nil, "user settings"); err != nil {
		return s, err
	}
	if chat != nil {
		if s.Chat, err = decodeSettings([]byte(chat.Val()), chat.Err() == nil, "chat settings"); err != nil {
			return s, err
		}
	}
	s.TelegramLanguage = tgLang.Val()
	return s, nil
}

// MarkHandled records updateID for longer than Telegram may redeliver it.
func (r *Redis) MarkHandled(ctx context.Context, updateID int64) error {
	if err := r.rdb.Set(ctx, r.keys.handled(updateID), 1, handledTTL).Err(); err != nil {
		return fail("mark update handled", err)
	}
	return nil
}

// Offset returns the stored polling offset.
func (r *Redis) Offset(ctx context.Context) (int64, error) {
	n, err := r.rdb.Get(ctx, r.keys.offset()).Int64()
	if errors.Is(err, redis.Nil) {
		return 0, nil
	}
	if err != nil {
		return 0, fail("get offset", err)
	}
	return n, nil
}

// setMax sets KEYS[1] to ARGV[1] unless it already holds a larger number.
var setMax = redis.NewScript(`
local cur = tonumber(redis.call('GET', KEYS[1]) or '0')
if tonumber(ARGV[1]) > cur then redis.call('SET', KEYS[1], ARGV[1]) return 1 end
return 0
`)

// SetOffset raises the stored offset to id; it never lowers it, so two
// instances or a late writer cannot make the bot replay old updates.
func (r *Redis) SetOffset(ctx context.Context, updateID int64) error {
	if err := setMax.Run(ctx, r.rdb, []string{r.keys.offset()}, updateID).Err(); err != nil && !errors.Is(err, redis.Nil) {
		return fail("set offset", err)
	}
	return nil
}

// Meetings returns every meeting, latest first.
func (r *Redis) Meetings(ctx context.Context) ([]Meeting, error) {
	ms, err := getAll[Meeting](ctx, r, r.keys.meetings(), "meetings")
	if err != nil {
		return nil, err
	}
	sortMeetings(ms)
	return ms, nil
}

// Tasks returns every task, soonest deadline first. While the tasks version
// in Redis is unchanged it costs one small round trip and no decoding: the
// commands that list tasks are the most frequent ones. Callers must treat the
// returned tasks as read-only (their maps and slices are shared).
func (r *Redis) Tasks(ctx context.Context) ([]Task, error) {
	hint := tasksVersion(ctx)
	if ts, ok := r.cache.get(hint); ok {
		return ts, nil // the session of this request saw this version
	}
	// Without a session's version, a small GET first may spare the transfer;
	// with one that is not cached, the tasks changed: read them at once.
	if hint == "" {
		ver, err := r.rdb.Get(ctx, r.keys.tasksVer()).Result()
		if err != nil && !errors.Is(err, redis.Nil) {
			return nil, fail("tasks version", err)
		}
		if ts, ok := r.cache.get(ver); ok {
			return ts, nil
		}
	}
	var verCmd *redis.StringCmd
	var allCmd *redis.MapStringStringCmd
	_, err := r.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		verCmd = p.Get(ctx, r.keys.tasksVer())
		allCmd = p.HGetAll(ctx, r.keys.tasks())
		return nil
	})
	if err != nil && !errors.Is(err, redis.Nil) {
		return nil, fail("list tasks", err)
	}
	ts, err := decodeAll[Task](allCmd.Val(), "tasks")
	if err != nil {
		return nil, err
	}
	SortByDeadline(ts)
	r.cache.put(verCmd.Val(), ts)
	return slices.Clone(ts), nil
}

// Task returns one task.
func (r *Redis) Task(ctx context.Context, taskID int64) (Task, error) {
	return getOne[Task](ctx, r, r.keys.tasks(), id(taskID), "task "+id(taskID))
}

// Member returns one member.
func (r *Redis) Member(ctx context.Context, userID int64) (Member, error) {
	return getOne[Member](ctx, r, r.keys.members(), id(userID), "member "+id(userID))
}

// PutMember creates or replaces a member.
func (r *Redis) PutMember(ctx context.Context, m Member) error {
	b, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("storage: encode member: %w", err)
	}
	if err := r.rdb.HSet(ctx, r.keys.members(), id(m.UserID), b).Err(); err != nil {
		return fail("put member "+id(m.UserID), err)
	}
	return nil
}

// Members returns every member by Party, then name.
func (r *Redis) Members(ctx context.Context) ([]Member, error) {
	ms, err := getAll[Member](ctx, r, r.keys.members(), "members")
	if err != nil {
		return nil, err
	}
	sortMembers(ms)
	return ms, nil
}

// RemoveMember deletes a member.
func (r *Redis) RemoveMember(ctx context.Context, userID int64) (bool, error) {
	n, err := r.rdb.HDel(ctx, r.keys.members(), id(userID)).Result()
	if err != nil {
		return false, fail("remove member "+id(userID), err)
	}
	return n == 1, nil
}

// requestAccess stores a request unless a pending one exists.
// KEYS[1] requests hash. ARGV[1] user id, ARGV[2] request JSON.
// Returns the stored JSON and 1 when created, or the existing JSON and 0.
// The JSON (with its random Claim) is the caller's token: a run
// repeated after its reply was lost finds its own request and says created.
var requestAccess = redis.NewScript(`
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if cur == ARGV[2] then return {cur, 1} end
if cur then
  local r = cjson.decode(cur)
  if r.status == 'pending' then return {cur, 0} end
end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return {ARGV[2], 1}
`)

// RequestAccess records a pending request unless one is pending already.
func (r *Redis) RequestAccess(ctx context.Context, req AccessRequest) (AccessRequest, bool, error) {
	req.Status, req.Claim = RequestPending, newClaim()
	b, err := json.Marshal(req)
	if err != nil {
		return req, false, fmt.Errorf("storage: encode request: %w", err)
	}
	res, err := requestAccess.Run(ctx, r.rdb, []string{r.keys.requests()}, req.UserID, b).Slice()
	if err != nil {
		return req, false, fail("request access", err)
	}
	var got AccessRequest
	if err := json.Unmarshal([]byte(res[0].(string)), &got); err != nil {
		return req, false, fmt.Errorf("storage: decode request: %w", err)
	}
	return got, res[1].(int64) == 1, nil
}

// AccessRequest returns a user's latest request.
func (r *Redis) AccessRequest(ctx context.Context, userID int64) (AccessRequest, error) {
	return getOne[AccessRequest](ctx, r, r.keys.requests(), id(userID), "request "+id(userID))
}

// decideAccess decides a pending request once.
// KEYS[1] requests hash, KEYS[2] members hash. ARGV[1] user id, ARGV[2] decided
// request JSON, ARGV[3] member JSON or "" when rejecting, ARGV[4] the pending
// request JSON the decision was built from.
// Returns {"ok", JSON} when decided now, {"decided", JSON} when decided before,
// {"missing"} when there is no request, {"changed"} when the pending request is
// no longer the one read (decided and requested anew in between). A run
// repeated after its reply was lost finds its own decision: {"ok", JSON}.
var decideAccess = redis.NewScript(`
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if not cur then return {'missing'} end
if cur == ARGV[2] then return {'ok', cur} end
if cjson.decode(cur).status ~= 'pending' then return {'decided', cur} end
if cur ~= ARGV[4] then return {'changed'} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
if ARGV[3] ~= '' then redis.call('HSET', KEYS[2], ARGV[1], ARGV[3]) end
return {'ok', ARGV[2]}
`)

// decideAttempts bounds how often DecideAccess rereads a request that changed
// between reading it and deciding it.
const decideAttempts = 5

// DecideAccess decides a pending request; exactly one of two racing decisions stands.
// The decision is built from the request as read and applied only if that very
// request is still the pending one, so a request decided and made anew in
// between is never overwritten with the old one's data.
func (r *Redis) DecideAccess(ctx context.Context, userID int64, approve bool, by int64, at time.Time) (AccessRequest, error) {
	op := "decide request " + id(userID)
	var req AccessRequest
	for range decideAttempts {
		raw, err := r.rdb.HGet(ctx, r.keys.requests(), id(userID)).Result()
		if err != nil {
			return req, fail(op, err)
		}
		req = AccessRequest{}
		if err := json.Unmarshal([]byte(raw), &req); err != nil {
			return req, fmt.Errorf("storage: decode request %d: %w", userID, err)
		}
		if req.Status != RequestPending {
			return req, fmt.Errorf("storage: %s: %w", op, ErrAlreadyDecided)
		}
		req.Status, req.DecidedBy, req.Decided = RequestRejected, by, at
		var memberJSON []byte
		if approve {
			req.Status = RequestApproved
			memberJSON, err = json.Marshal(Member{UserID: req.UserID, Name: req.Name, Username: req.Username,
				Party: req.Party, ApprovedBy: by, Since: at})
			if err != nil {
				return req, fmt.Errorf("storage: encode member: %w", err)
			}
		}
		reqJSON, err := json.Marshal(req)
		if err != nil {
			return req, fmt.Errorf("storage: encode request: %w", err)
		}
		res, err := decideAccess.Run(ctx, r.rdb, []string{r.keys.requests(), r.keys.members()},
			userID, reqJSON, string(memberJSON), raw).StringSlice()
		if err != nil {
			return req, fail(op, err)
		}
		switch res[0] {
		case "missing":
			return req, fmt.Errorf("storage: %s: %w", op, ErrNotFound)
		case "decided":
			var was AccessRequest
			if err := json.Unmarshal([]byte(res[1]), &was); err != nil {
				return req, fmt.Errorf("storage: decode request: %w", err)
			}
			return was, fmt.Errorf("storage: %s: %w", op, ErrAlreadyDecided)
		case "changed":
			continue
		}
		return req, nil
	}
	return req, fmt.Errorf("storage: %s: %w: the request kept changing", op, ErrUnavailable)
}

// PendingRequests lists pending requests, oldest first.
func (r *Redis) PendingRequests(ctx context.Context) ([]AccessRequest, error) {
	all, err := getAll[AccessRequest](ctx, r, r.keys.requests(), "requests")
	if err != nil {
		return nil, err
	}
	pending := pendingOldestFirst(all)
	return pending, nil
}

// SetGroupEnabled enables or disables the bot in a group.
func (r *Redis) SetGroupEnabled(ctx context.Context, chatID int64, enabled bool) error {
	var err error
	if enabled {
		err = r.rdb.SAdd(ctx, r.keys.groups(), id(chatID)).Err()
	} else {
		err = r.rdb.SRem(ctx, r.keys.groups(), id(chatID)).Err()
	}
	if err != nil {
		return fail("enable group "+id(chatID), err)
	}
	return nil
}

func getOne[T any](ctx context.Context, r *Redis, key, field, op string) (T, error) {
	var v T
	b, err := r.rdb.HGet(ctx, key, field).Bytes()
	if err != nil {
		return v, fail("get "+op, err)
	}
	if err := json.Unmarshal(b, &v); err != nil {
		return v, fmt.Errorf("storage: decode %s: %w", op, err)
	}
	return v, nil
}

func getAll[T any](ctx context.Context, r *Redis, key, op string) ([]T, error) {
	m, err := r.rdb.HGetAll(ctx, key).Result()
	if err != nil {
		return nil, fail("list "+op, err)
	}
	return decodeAll[T](m, op)
}

func decodeAll[T any](m map[string]string, op string) ([]T, error) {
	out := make([]T, 0, len(m))
	for field, raw := range m {
		var v T
		if err := json.Unmarshal([]byte(raw), &v); err != nil {
			return nil, fmt.Errorf("storage: decode %s %s: %w", op, field, err)
		}
		out = append(out, v)
	}
	return out, nil
}

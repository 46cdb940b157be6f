package storage

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// redisQueues is the alert queue and the inbox on Redis.
type redisQueues struct {
	rdb *redis.Client
	k   queueKeys
}

// queueKeys names the Redis keys of the queues, under the store's prefix.
type queueKeys struct{ prefix string }

// alertsDue is the queue: member "task:chat", score the unix time (ms) it falls due.
func (k queueKeys) alertsDue() string { return k.prefix + "alerts:due" }

// alertsLease holds claimed alerts: member "task:chat", score when the lease ends.
func (k queueKeys) alertsLease() string { return k.prefix + "alerts:lease" }

// alertsToken maps a claimed member to the token of its claim ("done:" token once completed).
func (k queueKeys) alertsToken() string { return k.prefix + "alerts:token" }

// alertsSent is a set of "task:chat:fire" delivered or skipped.
func (k queueKeys) alertsSent() string { return k.prefix + "alerts:sent" }

func (k queueKeys) inbox() string      { return k.prefix + "inbox" }      // hash: update id -> raw update JSON
func (k queueKeys) inboxQueue() string { return k.prefix + "inbox:q" }    // zset: update id, score when offered again (unix ms)
func (k queueKeys) inboxBorn() string  { return k.prefix + "inbox:born" } // zset: update id, score when first put (unix ms)
func (k queueKeys) inboxTok() string   { return k.prefix + "inbox:tok" }  // hash: update id -> token of the put that kept it
func (k queueKeys) claim(updateID int64) string { // string with TTL: token of the instance handling the update
	return k.prefix + "claim:" + id(updateID)
}

// handled is the mark of bHandled, which the inbox scripts read.
func (k queueKeys) handled(updateID int64) string { return k.prefix + bHandled.redis + id(updateID) }

// ScheduleAlert sets the next alert of a task in a chat.
func (r *redisQueues) ScheduleAlert(ctx context.Context, taskID, chatID int64, at time.Time) error {
	err := r.rdb.ZAdd(ctx, r.k.alertsDue(), redis.Z{Score: float64(at.UnixMilli()), Member: alertMember(taskID, chatID)}).Err()
	if err != nil {
		return fail("schedule alert", err)
	}
	return nil
}

// UnscheduleAlert removes the pending alert of a task in a chat.
func (r *redisQueues) UnscheduleAlert(ctx context.Context, taskID, chatID int64) error {
	if err := r.rdb.ZRem(ctx, r.k.alertsDue(), alertMember(taskID, chatID)).Err(); err != nil {
		return fail("unschedule alert", err)
	}
	return nil
}

// claimAlerts moves due alerts into the lease set.
// Safe to run twice: a repeated run claims what is due then, under a new
// token per alert; the alerts of the lost reply wait out their lease and
// are claimed again, so none is lost (at worst sent once more, late).
// KEYS[1] due zset, KEYS[2] lease zset, KEYS[3] token hash.
// ARGV[1] now (unix ms), ARGV[2] lease end (unix ms), ARGV[3] limit, ARGV[4] claim id.
// First every expired lease goes back to the queue at its original time.
// Returns a flat list: member, due time (ms), token, ...
var claimAlerts = redis.NewScript(`
local expired = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1])
for _, m in ipairs(expired) do
  local v = redis.call('HGET', KEYS[3], m)
  local at = ARGV[1]
  if v then at = string.match(v, ':(%d+)$') or ARGV[1] end
  redis.call('ZREM', KEYS[2], m)
  redis.call('HDEL', KEYS[3], m)
  if not redis.call('ZSCORE', KEYS[1], m) then redis.call('ZADD', KEYS[1], at, m) end
end
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'WITHSCORES', 'LIMIT', 0, tonumber(ARGV[3]))
local out = {}
for i = 1, #due, 2 do
  local m, at = due[i], due[i+1]
  local tok = ARGV[4] .. '-' .. ((i+1)/2) .. ':' .. at
  redis.call('ZREM', KEYS[1], m)
  redis.call('ZADD', KEYS[2], ARGV[2], m)
  redis.call('HSET', KEYS[3], m, tok)
  table.insert(out, m) table.insert(out, at) table.insert(out, tok)
end
return out
`)

// ClaimDueAlerts claims alerts due at now for lease.
func (r *redisQueues) ClaimDueAlerts(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]DueAlert, error) {
	k := r.k
	res, err := claimAlerts.Run(ctx, r.rdb, []string{k.alertsDue(), k.alertsLease(), k.alertsToken()},
		now.UnixMilli(), now.Add(lease).UnixMilli(), limit, newClaim()).StringSlice()
	if err != nil && !errors.Is(err, redis.Nil) {
		return nil, fail("claim alerts", err)
	}
	out := make([]DueAlert, 0, len(res)/3)
	for i := 0; i+2 < len(res); i += 3 {
		task, chat, ok := strings.Cut(res[i], ":")
		taskID, err1 := strconv.ParseInt(task, 10, 64)
		chatID, err2 := strconv.ParseInt(chat, 10, 64)
		ms, err3 := strconv.ParseFloat(res[i+1], 64)
		if !ok || err1 != nil || err2 != nil || err3 != nil {
			return out, fmt.Errorf("storage: malformed alert %q", res[i])
		}
		out = append(out, DueAlert{TaskID: taskID, ChatID: chatID, At: time.UnixMilli(int64(ms)), Token: res[i+2]})
	}
	return out, nil
}

// completeAlert ends a claim if it still holds.
// KEYS[1] due, KEYS[2] lease, KEYS[3] token, KEYS[4] sent set.
// ARGV[1] member, ARGV[2] token, ARGV[3] next due (ms) or "",
// An alert scheduled again while claimed (its task changed) keeps the earlier time.
// ARGV[4] is the nonce of this call (random), ARGV[5..] the fires.
// Returns 1, or 0 when the claim was lost. The token stays behind as
// "done:" .. nonce (until the next claim of the alert replaces it), so a run
// repeated after its reply was lost finds its own completion and returns 1,
// while a second completion of the same claim finds it lost.
var completeAlert = redis.NewScript(`
local tok = redis.call('HGET', KEYS[3], ARGV[1])
if tok == 'done:' .. ARGV[4] then return 1 end
if tok ~= ARGV[2] then return 0 end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HSET', KEYS[3], ARGV[1], 'done:' .. ARGV[4])
for i = 5, #ARGV do redis.call('SADD', KEYS[4], ARGV[1] .. ':' .. ARGV[i]) end
if ARGV[3] ~= '' then
  local cur = redis.call('ZSCORE', KEYS[1], ARGV[1])
  if not cur or tonumber(ARGV[3]) < tonumber(cur) then redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1]) end
end
return 1
`)

// CompleteAlert records leads as done and schedules next (if not zero).
func (r *redisQueues) CompleteAlert(ctx context.Context, a DueAlert, fires []string, next time.Time) error {
	nextArg := ""
	if !next.IsZero() {
		nextArg = strconv.FormatInt(next.UnixMilli(), 10)
	}
	args := []any{alertMember(a.TaskID, a.ChatID), a.Token, nextArg, newClaim()}
	for _, f := range fires {
		args = append(args, f)
	}
	k := r.k
	n, err := completeAlert.Run(ctx, r.rdb, []string{k.alertsDue(), k.alertsLease(), k.alertsToken(), k.alertsSent()}, args...).Int()
	if err != nil {
		return fail("complete alert", err)
	}
	if n == 0 {
		return fmt.Errorf("storage: complete alert %s: %w", alertMember(a.TaskID, a.ChatID), ErrLeaseLost)
	}
	return nil
}

// releaseAlert gives a claim back. KEYS as completeAlert without the sent set;
// ARGV[1] member, ARGV[2] token, ARGV[3] retry time (ms).
// A run repeated after its reply was lost finds the alert back in the queue
// at the retry time, and returns 1.
var releaseAlert = redis.NewScript(`
local tok = redis.call('HGET', KEYS[3], ARGV[1])
if tok ~= ARGV[2] then
  if (not tok or string.sub(tok, 1, 5) == 'done:') and redis.call('ZSCORE', KEYS[1], ARGV[1]) == ARGV[3] then return 1 end
  return 0
end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
return 1
`)

// ReleaseAlert puts a claimed alert back in the queue for retry.
func (r *redisQueues) ReleaseAlert(ctx context.Context, a DueAlert, retry time.Time) error {
	k := r.k
	n, err := releaseAlert.Run(ctx, r.rdb, []string{k.alertsDue(), k.alertsLease(), k.alertsToken()},
		alertMember(a.TaskID, a.ChatID), a.Token, retry.UnixMilli()).Int()
	if err != nil {
		return fail("release alert", err)
	}
	if n == 0 {
		return fmt.Errorf("storage: release alert %s: %w", alertMember(a.TaskID, a.ChatID), ErrLeaseLost)
	}
	return nil
}

// ForgetSentAlerts deletes the sent records of a chat.
func (r *redisQueues) ForgetSentAlerts(ctx context.Context, chatID int64) (int, error) {
	return r.forgetSent(ctx, "*:"+id(chatID)+":*")
}

// forgetTaskAlerts deletes the sent records of a task.
// The tokens its completed claims left behind ("done:...") go too.
func (r *redisQueues) forgetTaskAlerts(ctx context.Context, taskID int64) error {
	if _, err := r.forgetSent(ctx, id(taskID)+":*"); err != nil {
		return err
	}
	iter := r.rdb.HScan(ctx, r.k.alertsToken(), 0, id(taskID)+":*", 500).Iterator()
	var done []string
	for iter.Next(ctx) {
		field := iter.Val()
		if !iter.Next(ctx) {
			break
		}
		if strings.HasPrefix(iter.Val(), "done:") {
			done = append(done, field)
		}
	}
	if err := iter.Err(); err != nil {
		return fail("forget alert tokens", err)
	}
	if len(done) > 0 {
		if err := r.rdb.HDel(ctx, r.k.alertsToken(), done...).Err(); err != nil {
			return fail("forget alert tokens", err)
		}
	}
	return nil
}

// forgetSent deletes the sent records that match pattern. SSCAN and SREM are
// each safe to run twice.
func (r *redisQueues) forgetSent(ctx context.Context, pattern string) (int, error) {
	var cursor uint64
	n := 0
	for {
		keys, next, err := r.rdb.SScan(ctx, r.k.alertsSent(), cursor, pattern, 500).Result()
		if err != nil {
			return n, fail("forget sent alerts", err)
		}
		if len(keys) > 0 {
			members := make([]any, len(keys))
			for i, k := range keys {
				members[i] = k
			}
			removed, err := r.rdb.SRem(ctx, r.k.alertsSent(), members...).Result()
			if err != nil {
				return n, fail("forget sent alerts", err)
			}
			n += int(removed)
		}
		if cursor = next; cursor == 0 {
			return n, nil
		}
	}
}

// AlertSent reports whether a lead's alert was delivered (or skipped) in a chat.
func (r *redisQueues) AlertSent(ctx context.Context, taskID, chatID int64, fire string) (bool, error) {
	ok, err := r.rdb.SIsMember(ctx, r.k.alertsSent(), alertMember(taskID, chatID)+":"+fire).Result()
	if err != nil {
		return false, fail("alert sent", err)
	}
	return ok, nil
}

// NextAlert returns the earliest due time in the queue or in a lease.
func (r *redisQueues) NextAlert(ctx context.Context) (time.Time, error) {
	var due, lease *redis.ZSliceCmd
	_, err := r.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		due = p.ZRangeWithScores(ctx, r.k.alertsDue(), 0, 0)
		lease = p.ZRangeWithScores(ctx, r.k.alertsLease(), 0, 0)
		return nil
	})
	if err != nil {
		return time.Time{}, fail("next alert", err)
	}
	var next time.Time
	for _, zs := range [][]redis.Z{due.Val(), lease.Val()} {
		if len(zs) == 1 {
			t := time.UnixMilli(int64(zs[0].Score))
			if next.IsZero() || t.Before(next) {
				next = t
			}
		}
	}
	return next, nil
}

// inboxPut keeps an update unless it waits already or was handled.
// KEYS[1] inbox hash, KEYS[2] queue zset, KEYS[3] born zset, KEYS[4] handled
// mark, KEYS[5] put tokens hash.
// ARGV[1] update id, ARGV[2] raw JSON, ARGV[3] now (ms), ARGV[4] visible
// (ms), ARGV[5] the token of this put (random per call).
// Returns 1 when kept, 0 for a redelivery. Telegram's redelivery carries the
// same JSON, so the token tells a run repeated after its reply was lost
// (which finds its own token and returns 1) from a redelivery.
var inboxPut = redis.NewScript(`
if redis.call('HGET', KEYS[5], ARGV[1]) == ARGV[5] then return 1 end
if redis.call('EXISTS', KEYS[4]) == 1 then return 0 end
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
redis.call('HSET', KEYS[5], ARGV[1], ARGV[5])
return 1
`)

// InboxPut keeps a webhook update in one atomic script.
func (r *redisQueues) InboxPut(ctx context.Context, updateID int64, raw []byte, now, visible time.Time) (bool, error) {
	k := r.k
	n, err := inboxPut.Run(ctx, r.rdb, []string{k.inbox(), k.inboxQueue(), k.inboxBorn(), k.handled(updateID), k.inboxTok()},
		updateID, raw, now.UnixMilli(), visible.UnixMilli(), newClaim()).Int()
	if err != nil {
		return false, fail("inbox put "+id(updateID), err)
	}
	return n == 1, nil
}

// inboxDue offers due updates and pushes their visibility to next.
// KEYS[1] inbox hash, KEYS[2] queue zset, KEYS[3] born zset, KEYS[4] put
// tokens. ARGV[1] now, ARGV[2] next, ARGV[3] expired (all ms), ARGV[4] limit.
// Returns a flat list: id, raw, ... A run repeated after its reply was lost
// finds the updates it offered made visible at next, and offers none of
// them again: the sweep a minute later does.
var inboxDue = redis.NewScript(`
for _, m in ipairs(redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', '(' .. ARGV[3])) do
  redis.call('HDEL', KEYS[1], m) redis.call('ZREM', KEYS[2], m) redis.call('ZREM', KEYS[3], m)
  redis.call('HDEL', KEYS[4], m)
end
local out = {}
for _, m in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[4]))) do
  local raw = redis.call('HGET', KEYS[1], m)
  if raw then
    redis.call('ZADD', KEYS[2], ARGV[2], m)
    table.insert(out, m) table.insert(out, raw)
  else
    redis.call('ZREM', KEYS[2], m) redis.call('ZREM', KEYS[3], m)
  end
end
return out
`)

// InboxDue offers the updates whose handler did not finish in time.
func (r *redisQueues) InboxDue(ctx context.Context, now, next, expired time.Time, limit int) ([]InboxItem, error) {
	k := r.k
	res, err := inboxDue.Run(ctx, r.rdb, []string{k.inbox(), k.inboxQueue(), k.inboxBorn(), k.inboxTok()},
		now.UnixMilli(), next.UnixMilli(), expired.UnixMilli(), limit).StringSlice()
	if err != nil && !errors.Is(err, redis.Nil) {
		return nil, fail("inbox due", err)
	}
	out := make([]InboxItem, 0, len(res)/2)
	for i := 0; i+1 < len(res); i += 2 {
		n, err := strconv.ParseInt(res[i], 10, 64)
		if err != nil {
			return out, fmt.Errorf("storage: malformed inbox member %q", res[i])
		}
		out = append(out, InboxItem{UpdateID: n, Raw: []byte(res[i+1])})
	}
	return out, nil
}

// claimUpdate sets the claim unless another token holds it. A retried SET NX
// whose first reply was lost finds its own token and still succeeds.
// KEYS[1] claim. ARGV[1] token, ARGV[2] ttl (ms). Returns 1 when held.
var claimUpdate = redis.NewScript(`
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
if redis.call('GET', KEYS[1]) == ARGV[1] then return 1 end
return 0
`)

// ClaimUpdate takes the right to handle an update for ttl.
func (r *redisQueues) ClaimUpdate(ctx context.Context, updateID int64, token string, ttl time.Duration) (bool, error) {
	n, err := claimUpdate.Run(ctx, r.rdb, []string{r.k.claim(updateID)}, token, ttl.Milliseconds()).Int()
	if err != nil {
		return false, fail("claim update "+id(updateID), err)
	}
	return n == 1, nil
}

// finishUpdate marks an update handled when asked, releases its claim and
// drops a handled update from the inbox. The bot runs it for updates it did
// not handle now (a redelivery, a store failure); finishHandled does the
// common case without a script.
// KEYS[1] claim, KEYS[2] handled mark, KEYS[3] inbox, KEYS[4] queue, KEYS[5]
// born, KEYS[6] put tokens. ARGV[1] update id, ARGV[2] token, ARGV[3] "1" to
// mark it handled, ARGV[4] the mark's lifetime (ms).
// Returns 1. Safe to run twice: each step only brings the keys to the same
// end state (a repeated run finds the claim gone and the update dropped).
var finishUpdate = redis.NewScript(`
if ARGV[3] == '1' then redis.call('SET', KEYS[2], 1, 'PX', ARGV[4]) end
if redis.call('GET', KEYS[1]) == ARGV[2] then redis.call('DEL', KEYS[1]) end
if redis.call('EXISTS', KEYS[2]) == 1 then
  redis.call('HDEL', KEYS[3], ARGV[1]) redis.call('ZREM', KEYS[4], ARGV[1]) redis.call('ZREM', KEYS[5], ARGV[1])
  redis.call('HDEL', KEYS[6], ARGV[1])
end
return 1
`)

// FinishUpdate ends the handling of an update.
func (r *redisQueues) FinishUpdate(ctx context.Context, updateID int64, token string, handled bool) error {
	f := Finish{UpdateID: updateID, Token: token, Handled: handled}
	if handled {
		err := idempotentTx(ctx, r.rdb, func(p redis.Pipeliner) error {
			r.finishHandled(ctx, p, f)
			return nil
		})
		if err != nil {
			return fail("finish update "+id(updateID), err)
		}
		return nil
	}
	keys, args := r.finishArgs(f)
	if err := finishUpdate.Run(ctx, r.rdb, keys, args...).Err(); err != nil {
		return fail("finish update "+id(updateID), err)
	}
	return nil
}

// finishHandled is finishUpdate for an update handled now, in plain
// commands: a script call cost Redis three times the work of its steps,
// and this is once per update. Once the mark is set the claim guards
// nothing (whoever claims the update next finds it handled and drops it),
// so it is deleted without comparing the token. The steps go in one
// MULTI/EXEC: a full Redis refuses the mark but would still run the
// deletes, and the update would leave the inbox unmarked. Each step is
// idempotent, so a run repeated after a lost reply ends as one run.
func (r *redisQueues) finishHandled(ctx context.Context, p redis.Pipeliner, f Finish) []redis.Cmder {
	k, u := r.k, id(f.UpdateID)
	return []redis.Cmder{
		p.Set(ctx, k.handled(f.UpdateID), 1, handledTTL),
		p.Del(ctx, k.claim(f.UpdateID)),
		p.HDel(ctx, k.inbox(), u),
		p.ZRem(ctx, k.inboxQueue(), u),
		p.ZRem(ctx, k.inboxBorn(), u),
		p.HDel(ctx, k.inboxTok(), u),
	}
}

func (r *redisQueues) finishArgs(f Finish) ([]string, []any) {
	k := r.k
	mark := "0"
	if f.Handled {
		mark = "1"
	}
	return []string{k.claim(f.UpdateID), k.handled(f.UpdateID), k.inbox(), k.inboxQueue(), k.inboxBorn(), k.inboxTok()},
		[]any{f.UpdateID, f.Token, mark, handledTTL.Milliseconds()}
}

// finishStep is FinishUpdate as the head of a view's pipeline. A pipeline
// cannot load a script it lacks (after a restart or a SCRIPT FLUSH of Redis):
// then the finish runs again on its own, which loads it.
func (r *redisQueues) finishStep(f Finish) *pipelineStep {
	return &pipelineStep{tx: f.Handled, add: func(ctx context.Context, p redis.Pipeliner) func() error {
		if f.Handled {
			cmds := r.finishHandled(ctx, p, f)
			return func() error {
				for _, c := range cmds {
					if err := c.Err(); err != nil {
						return fail("finish update "+id(f.UpdateID), err)
					}
				}
				return nil
			}
		}
		keys, args := r.finishArgs(f)
		cmd := finishUpdate.EvalSha(ctx, p, keys, args...)
		return func() error {
			err := cmd.Err()
			if redis.HasErrorPrefix(err, "NOSCRIPT") {
				return r.FinishUpdate(ctx, f.UpdateID, f.Token, f.Handled)
			}
			if err != nil {
				return fail("finish update "+id(f.UpdateID), err)
			}
			return nil
		}
	}}
}

// InboxLen counts the waiting updates.
func (r *redisQueues) InboxLen(ctx context.Context) (int, error) {
	n, err := r.rdb.HLen(ctx, r.k.inbox()).Result()
	if err != nil {
		return 0, fail("inbox length", err)
	}
	return int(n), nil
}

// inboxPutBatch is inboxPut over a batch, with the claim of each kept update.
// KEYS[1] inbox hash, KEYS[2] queue, KEYS[3] born, then per update its
// handled mark and its claim. ARGV[1] now, ARGV[2] visible, ARGV[3] claim
// prefix, ARGV[4] ttl (ms), then per update its id and raw JSON.
// Returns one 1 (kept) or 0 (a redelivery) per update.
var inboxPutBatch = redis.NewScript(`
local out = {}
for i = 0, (#ARGV - 4) / 2 - 1 do
  local uid, raw = ARGV[5 + 2 * i], ARGV[6 + 2 * i]
  local mark, claim = KEYS[4 + 2 * i], KEYS[5 + 2 * i]
  local kept = 0
  if redis.call('EXISTS', mark) == 0 and redis.call('HSETNX', KEYS[1], uid, raw) == 1 then
    redis.call('ZADD', KEYS[2], ARGV[2], uid)
    redis.call('ZADD', KEYS[3], ARGV[1], uid)
    redis.call('SET', claim, ARGV[3] .. ':' .. uid, 'PX', ARGV[4])
    kept = 1
  end
  table.insert(out, kept)
end
return out
`)

// InboxPutBatch keeps a getUpdates batch and claims it in one script call.
func (r *redisQueues) InboxPutBatch(ctx context.Context, items []InboxItem, now, visible time.Time, claimPrefix string, ttl time.Duration) ([]bool, error) {
	k := r.k
	keys := make([]string, 0, 3+2*len(items))
	keys = append(keys, k.inbox(), k.inboxQueue(), k.inboxBorn())
	args := make([]any, 0, 4+2*len(items))
	args = append(args, now.UnixMilli(), visible.UnixMilli(), claimPrefix, ttl.Milliseconds())
	for _, it := range items {
		keys = append(keys, k.handled(it.UpdateID), k.claim(it.UpdateID))
		args = append(args, it.UpdateID, it.Raw)
	}
	res, err := inboxPutBatch.Run(ctx, r.rdb, keys, args...).Int64Slice()
	if err != nil {
		return nil, fail(fmt.Sprintf("inbox put of %d updates", len(items)), err)
	}
	kept := make([]bool, len(items))
	for i := range kept {
		kept[i] = i < len(res) && res[i] == 1
	}
	return kept, nil
}

// dumpQueues reads the queues (not atomically: run it with the bot stopped).
func (r *redisQueues) dumpQueues(ctx context.Context) (*queueDump, error) {
	k := r.k
	d := &queueDump{Alerts: []queuedAlert{}, Inbox: []queuedItem{}}
	due, err := r.rdb.ZRangeWithScores(ctx, k.alertsDue(), 0, -1).Result()
	if err != nil {
		return nil, fail("export alerts", err)
	}
	seen := map[string]bool{}
	for _, z := range due {
		m := z.Member.(string)
		seen[m] = true
		d.Alerts = append(d.Alerts, queuedAlert{Member: m, At: time.UnixMilli(int64(z.Score)).UTC()})
	}
	tokens, err := r.rdb.HGetAll(ctx, k.alertsToken()).Result()
	if err != nil {
		return nil, fail("export alerts", err)
	}
	for m, tok := range tokens { // claimed alerts come back due at their time
		if seen[m] || strings.HasPrefix(tok, "done:") {
			continue
		}
		_, at, _ := strings.Cut(tok, ":")
		d.Alerts = append(d.Alerts, queuedAlert{Member: m, At: time.UnixMilli(parseID(at)).UTC()})
	}
	if d.Sent, err = r.rdb.SMembers(ctx, k.alertsSent()).Result(); err != nil {
		return nil, fail("export alerts", err)
	}
	inbox, err := r.rdb.HGetAll(ctx, k.inbox()).Result()
	if err != nil {
		return nil, fail("export inbox", err)
	}
	for m, raw := range inbox {
		vis, _ := r.rdb.ZScore(ctx, k.inboxQueue(), m).Result()
		born, _ := r.rdb.ZScore(ctx, k.inboxBorn(), m).Result()
		d.Inbox = append(d.Inbox, queuedItem{UpdateID: parseID(m), Raw: []byte(raw),
			Visible: time.UnixMilli(int64(vis)).UTC(), Born: time.UnixMilli(int64(born)).UTC()})
	}
	return d, nil
}

// loadQueues writes a dump in one MULTI/EXEC.
func (r *redisQueues) loadQueues(ctx context.Context, d *queueDump) error {
	k := r.k
	_, err := r.rdb.TxPipelined(ctx, func(p redis.Pipeliner) error {
		for _, a := range d.Alerts {
			p.ZAdd(ctx, k.alertsDue(), redis.Z{Score: float64(a.At.UnixMilli()), Member: a.Member})
		}
		for _, s := range d.Sent {
			p.SAdd(ctx, k.alertsSent(), s)
		}
		for _, it := range d.Inbox {
			p.HSet(ctx, k.inbox(), id(it.UpdateID), []byte(it.Raw))
			p.ZAdd(ctx, k.inboxQueue(), redis.Z{Score: float64(it.Visible.UnixMilli()), Member: id(it.UpdateID)})
			p.ZAdd(ctx, k.inboxBorn(), redis.Z{Score: float64(it.Born.UnixMilli()), Member: id(it.UpdateID)})
		}
		return nil
	})
	if err != nil {
		return fail("import queues", err)
	}
	return nil
}

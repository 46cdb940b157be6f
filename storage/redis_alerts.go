package storage

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// newClaim is a random token that tells one writer's value from another's.
func newClaim() string {
	var nonce [8]byte
	_, _ = rand.Read(nonce[:])
	return hex.EncodeToString(nonce[:])
}

func alertMember(taskID, chatID int64) string { return id(taskID) + ":" + id(chatID) }

// Subscribe creates or replaces a chat's subscription.
func (r *Redis) Subscribe(ctx context.Context, s Subscription) error {
	b, err := json.Marshal(s)
	if err != nil {
		return fmt.Errorf("storage: encode subscription: %w", err)
	}
	if err := r.rdb.HSet(ctx, r.keys.subs(), id(s.ChatID), b).Err(); err != nil {
		return fail("subscribe "+id(s.ChatID), err)
	}
	return nil
}

// Unsubscribe ends a chat's subscription.
func (r *Redis) Unsubscribe(ctx context.Context, chatID int64) (bool, error) {
	n, err := r.rdb.HDel(ctx, r.keys.subs(), id(chatID)).Result()
	if err != nil {
		return false, fail("unsubscribe "+id(chatID), err)
	}
	return n == 1, nil
}

// Subscriptions lists the subscribed chats by chat id.
func (r *Redis) Subscriptions(ctx context.Context) ([]Subscription, error) {
	subs, err := getAll[Subscription](ctx, r, r.keys.subs(), "subscriptions")
	if err != nil {
		return nil, err
	}
	sortSubscriptions(subs)
	return subs, nil
}

// ScheduleAlert sets the next alert of a task in a chat.
func (r *Redis) ScheduleAlert(ctx context.Context, taskID, chatID int64, at time.Time) error {
	err := r.rdb.ZAdd(ctx, r.keys.alertsDue(), redis.Z{Score: float64(at.UnixMilli()), Member: alertMember(taskID, chatID)}).Err()
	if err != nil {
		return fail("schedule alert", err)
	}
	return nil
}

// UnscheduleAlert removes the pending alert of a task in a chat.
func (r *Redis) UnscheduleAlert(ctx context.Context, taskID, chatID int64) error {
	if err := r.rdb.ZRem(ctx, r.keys.alertsDue(), alertMember(taskID, chatID)).Err(); err != nil {
		return fail("unschedule alert", err)
	}
	return nil
}

// claimAlerts moves due alerts into the lease set.
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
func (r *Redis) ClaimDueAlerts(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]DueAlert, error) {
	var nonce [8]byte
	_, _ = rand.Read(nonce[:])
	k := r.keys
	res, err := claimAlerts.Run(ctx, r.rdb, []string{k.alertsDue(), k.alertsLease(), k.alertsToken()},
		now.UnixMilli(), now.Add(lease).UnixMilli(), limit, hex.EncodeToString(nonce[:])).StringSlice()
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
// ARGV[1] member, ARGV[2] token, ARGV[3] next due (ms) or "", ARGV[4..] leads.
// An alert scheduled again while claimed (its task changed) keeps the earlier time.
// Returns 1, or 0 when the claim was lost. A run repeated after its reply was
// lost reports the claim lost (ErrLeaseLost): the alert was recorded as sent
// all the same, which is what the caller's warning then says.
var completeAlert = redis.NewScript(`
if redis.call('HGET', KEYS[3], ARGV[1]) ~= ARGV[2] then return 0 end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
for i = 4, #ARGV do redis.call('SADD', KEYS[4], ARGV[1] .. ':' .. ARGV[i]) end
if ARGV[3] ~= '' then
  local cur = redis.call('ZSCORE', KEYS[1], ARGV[1])
  if not cur or tonumber(ARGV[3]) < tonumber(cur) then redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1]) end
end
return 1
`)

// CompleteAlert records leads as done and schedules next (if not zero).
func (r *Redis) CompleteAlert(ctx context.Context, a DueAlert, fires []string, next time.Time) error {
	nextArg := ""
	if !next.IsZero() {
		nextArg = strconv.FormatInt(next.UnixMilli(), 10)
	}
	args := []any{alertMember(a.TaskID, a.ChatID), a.Token, nextArg}
	for _, f := range fires {
		args = append(args, f)
	}
	k := r.keys
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
  if not tok and redis.call('ZSCORE', KEYS[1], ARGV[1]) == ARGV[3] then return 1 end
  return 0
end
redis.call('ZREM', KEYS[2], ARGV[1])
redis.call('HDEL', KEYS[3], ARGV[1])
redis.call('ZADD', KEYS[1], ARGV[3], ARGV[1])
return 1
`)

// ReleaseAlert puts a claimed alert back in the queue for retry.
func (r *Redis) ReleaseAlert(ctx context.Context, a DueAlert, retry time.Time) error {
	k := r.keys
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
func (r *Redis) ForgetSentAlerts(ctx context.Context, chatID int64) (int, error) {
	return r.forgetSent(ctx, "*:"+id(chatID)+":*")
}

// forgetSent deletes the sent records that match pattern. SSCAN and SREM are
// each safe to run twice.
func (r *Redis) forgetSent(ctx context.Context, pattern string) (int, error) {
	var cursor uint64
	n := 0
	for {
		keys, next, err := r.rdb.SScan(ctx, r.keys.alertsSent(), cursor, pattern, 500).Result()
		if err != nil {
			return n, fail("forget sent alerts", err)
		}
		if len(keys) > 0 {
			members := make([]any, len(keys))
			for i, k := range keys {
				members[i] = k
			}
			removed, err := r.rdb.SRem(ctx, r.keys.alertsSent(), members...).Result()
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
func (r *Redis) AlertSent(ctx context.Context, taskID, chatID int64, fire string) (bool, error) {
	ok, err := r.rdb.SIsMember(ctx, r.keys.alertsSent(), alertMember(taskID, chatID)+":"+fire).Result()
	if err != nil {
		return false, fail("alert sent", err)
	}
	return ok, nil
}

// NextAlert returns the earliest due time in the queue or in a lease.
func (r *Redis) NextAlert(ctx context.Context) (time.Time, error) {
	var due, lease *redis.ZSliceCmd
	_, err := r.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		due = p.ZRangeWithScores(ctx, r.keys.alertsDue(), 0, 0)
		lease = p.ZRangeWithScores(ctx, r.keys.alertsLease(), 0, 0)
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

package storage

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/redis/go-redis/v9"
)

var _ Inbox = (*Redis)(nil)

// inboxPut keeps an update unless it waits already or was handled.
// KEYS[1] inbox hash, KEYS[2] queue zset, KEYS[3] born zset, KEYS[4] handled mark.
// ARGV[1] update id, ARGV[2] raw JSON, ARGV[3] now (ms), ARGV[4] visible (ms).
// Returns 1 when kept, 0 for a redelivery. A run repeated after its reply
// was lost cannot be told from Telegram's redelivery: it reports 0 and the
// update, kept all the same, is offered by the sweep a minute later.
var inboxPut = redis.NewScript(`
if redis.call('EXISTS', KEYS[4]) == 1 then return 0 end
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[2]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[4], ARGV[1])
redis.call('ZADD', KEYS[3], ARGV[3], ARGV[1])
return 1
`)

// InboxPut keeps a webhook update in one atomic script.
func (r *Redis) InboxPut(ctx context.Context, updateID int64, raw []byte, now, visible time.Time) (bool, error) {
	k := r.keys
	n, err := inboxPut.Run(ctx, r.rdb, []string{k.inbox(), k.inboxQueue(), k.inboxBorn(), k.handled(updateID)},
		updateID, raw, now.UnixMilli(), visible.UnixMilli()).Int()
	if err != nil {
		return false, fail("inbox put "+id(updateID), err)
	}
	return n == 1, nil
}

// inboxDue offers due updates and pushes their visibility to next.
// KEYS as inboxPut without the mark. ARGV[1] now, ARGV[2] next, ARGV[3]
// expired (all ms), ARGV[4] limit. Returns a flat list: id, raw, ...
var inboxDue = redis.NewScript(`
for _, m in ipairs(redis.call('ZRANGEBYSCORE', KEYS[3], '-inf', '(' .. ARGV[3])) do
  redis.call('HDEL', KEYS[1], m) redis.call('ZREM', KEYS[2], m) redis.call('ZREM', KEYS[3], m)
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
func (r *Redis) InboxDue(ctx context.Context, now, next, expired time.Time, limit int) ([]InboxItem, error) {
	k := r.keys
	res, err := inboxDue.Run(ctx, r.rdb, []string{k.inbox(), k.inboxQueue(), k.inboxBorn()},
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
func (r *Redis) ClaimUpdate(ctx context.Context, updateID int64, token string, ttl time.Duration) (bool, error) {
	n, err := claimUpdate.Run(ctx, r.rdb, []string{r.keys.claim(updateID)}, token, ttl.Milliseconds()).Int()
	if err != nil {
		return false, fail("claim update "+id(updateID), err)
	}
	return n == 1, nil
}

// finishUpdate marks an update handled when asked, releases its claim and
// drops a handled update from the inbox. Safe to run twice: each step only
// brings the keys to the same end state.
// KEYS[1] claim, KEYS[2] handled mark, KEYS[3] inbox, KEYS[4] queue, KEYS[5] born.
// ARGV[1] update id, ARGV[2] token, ARGV[3] "1" to mark it handled, ARGV[4]
// the mark's lifetime (ms). Returns 1.
var finishUpdate = redis.NewScript(`
if ARGV[3] == '1' then redis.call('SET', KEYS[2], 1, 'PX', ARGV[4]) end
if redis.call('GET', KEYS[1]) == ARGV[2] then redis.call('DEL', KEYS[1]) end
if redis.call('EXISTS', KEYS[2]) == 1 then
  redis.call('HDEL', KEYS[3], ARGV[1]) redis.call('ZREM', KEYS[4], ARGV[1]) redis.call('ZREM', KEYS[5], ARGV[1])
end
return 1
`)

// FinishUpdate ends the handling of an update.
func (r *Redis) FinishUpdate(ctx context.Context, updateID int64, token string, handled bool) error {
	k := r.keys
	mark := "0"
	if handled {
		mark = "1"
	}
	err := finishUpdate.Run(ctx, r.rdb, []string{k.claim(updateID), k.handled(updateID), k.inbox(), k.inboxQueue(), k.inboxBorn()},
		updateID, token, mark, handledTTL.Milliseconds()).Err()
	if err != nil {
		return fail("finish update "+id(updateID), err)
	}
	return nil
}

// InboxLen counts the waiting updates.
func (r *Redis) InboxLen(ctx context.Context) (int, error) {
	n, err := r.rdb.HLen(ctx, r.keys.inbox()).Result()
	if err != nil {
		return 0, fail("inbox length", err)
	}
	return int(n), nil
}

var _ InboxBatch = (*Redis)(nil)

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
func (r *Redis) InboxPutBatch(ctx context.Context, items []InboxItem, now, visible time.Time, claimPrefix string, ttl time.Duration) ([]bool, error) {
	k := r.keys
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

package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

var _ ImportStore = (*Redis)(nil)

// PutUpload keeps u as one JSON string that expires after ttl.
func (r *Redis) PutUpload(ctx context.Context, u Upload, ttl time.Duration) error {
	b, err := json.Marshal(u)
	if err != nil {
		return fmt.Errorf("storage: encode upload: %w", err)
	}
	if err := r.rdb.Set(ctx, r.keys.upload(u.ID), b, ttl).Err(); err != nil {
		return fail("put upload "+u.ID, err)
	}
	return nil
}

// GetUpload returns a kept upload.
func (r *Redis) GetUpload(ctx context.Context, uploadID string) (Upload, error) {
	var u Upload
	b, err := r.rdb.Get(ctx, r.keys.upload(uploadID)).Bytes()
	if err != nil {
		return u, fail("get upload "+uploadID, err)
	}
	if err := json.Unmarshal(b, &u); err != nil {
		return u, fmt.Errorf("storage: decode upload %s: %w", uploadID, err)
	}
	return u, nil
}

// AddMeeting stores a meeting in the meetings hash.
func (r *Redis) AddMeeting(ctx context.Context, m Meeting) error {
	b, err := json.Marshal(m)
	if err != nil {
		return fmt.Errorf("storage: encode meeting %s: %w", m.ID, err)
	}
	if err := r.rdb.HSet(ctx, r.keys.meetings(), m.ID, b).Err(); err != nil {
		return fail("add meeting "+m.ID, err)
	}
	return nil
}

// DeleteMeeting removes a meeting from the meetings hash.
func (r *Redis) DeleteMeeting(ctx context.Context, meetingID string) (bool, error) {
	n, err := r.rdb.HDel(ctx, r.keys.meetings(), meetingID).Result()
	if err != nil {
		return false, fail("delete meeting "+meetingID, err)
	}
	return n == 1, nil
}

// claimImport sets a hash field unless it exists.
// KEYS[1] imports hash. ARGV[1] import id, ARGV[2] import JSON.
// Returns {stored JSON, 1} when created, {existing JSON, 0} otherwise; a run
// repeated after its reply was lost finds its own JSON and says created.
var claimImport = redis.NewScript(`
local cur = redis.call('HGET', KEYS[1], ARGV[1])
if cur == ARGV[2] then return {cur, 1} end
if cur then return {cur, 0} end
redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
return {ARGV[2], 1}
`)

// ClaimImport creates imp unless an import with its id exists, atomically.
func (r *Redis) ClaimImport(ctx context.Context, imp Import) (Import, bool, error) {
	imp.Claim = newClaim()
	b, err := json.Marshal(imp)
	if err != nil {
		return imp, false, fmt.Errorf("storage: encode import: %w", err)
	}
	res, err := claimImport.Run(ctx, r.rdb, []string{r.keys.imports()}, imp.ID, b).Slice()
	if err != nil {
		return imp, false, fail("claim import "+imp.ID, err)
	}
	raw, _ := res[0].(string)
	created, _ := res[1].(int64)
	var got Import
	if err := json.Unmarshal([]byte(raw), &got); err != nil {
		return imp, false, fmt.Errorf("storage: decode import %s: %w", imp.ID, err)
	}
	return got, created == 1, nil
}

// PutImport creates or replaces an import record.
func (r *Redis) PutImport(ctx context.Context, imp Import) error {
	b, err := json.Marshal(imp)
	if err != nil {
		return fmt.Errorf("storage: encode import: %w", err)
	}
	if err := r.rdb.HSet(ctx, r.keys.imports(), imp.ID, b).Err(); err != nil {
		return fail("put import "+imp.ID, err)
	}
	return nil
}

// GetImport returns one import record.
func (r *Redis) GetImport(ctx context.Context, importID string) (Import, error) {
	return getOne[Import](ctx, r, r.keys.imports(), importID, "import "+importID)
}

// ListImports returns every import, latest first.
func (r *Redis) ListImports(ctx context.Context) ([]Import, error) {
	all, err := getAll[Import](ctx, r, r.keys.imports(), "imports")
	if err != nil {
		return nil, err
	}
	sortImports(all)
	return all, nil
}

package storage

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
	bolt "go.etcd.io/bbolt"
)

// kindDigestClaim keeps, per user, the week whose digest was claimed or sent.
const kindDigestClaim = "digestclaim"

// DigestClaim is the state of a user's digest for one week: claimed by
// Token until Until, or Sent. One record per user: a later week replaces it.
type DigestClaim struct {
	Week  string    `json:"week"` // an opaque key that sorts by time (the bot uses the ISO week, 2024-W04)
	Token string    `json:"token"`
	Until time.Time `json:"until,omitzero"`
	Sent  bool      `json:"sent,omitempty"`
}

// DigestClaims makes each week's digest go out once across instances and
// restarts, like the alert queue: claim with a token, then complete or release.
type DigestClaims interface {
	// ClaimDigest claims user's digest of week for token until now+lease. It
	// reports true when token holds the claim (new, or held already: a retry is
	// safe); false when the week was sent or another live claim holds it.
	ClaimDigest(ctx context.Context, userID int64, week, token string, now time.Time, lease time.Duration) (bool, error)
	// CompleteDigest marks the week sent; ErrLeaseLost when token no longer holds it.
	CompleteDigest(ctx context.Context, userID int64, week, token string) error
	// ReleaseDigest gives a claim back to be tried again (a failed send).
	ReleaseDigest(ctx context.Context, userID int64, week, token string) error
}

var (
	_ DigestClaims = (*Redis)(nil)
	_ DigestClaims = (*Bolt)(nil)
)

// claimStep is one step of a claim's life: given the stored claim (nil: none)
// it returns the claim to store (nil: delete) and whether the step holds.
type claimStep func(old *DigestClaim) (next *DigestClaim, ok bool)

func claimStepFor(week, token string, now time.Time, lease time.Duration) claimStep {
	return func(old *DigestClaim) (*DigestClaim, bool) {
		mine := &DigestClaim{Week: week, Token: token, Until: now.Add(lease)}
		switch {
		case old == nil || old.Week < week:
			return mine, true
		case old.Week > week: // a later week was already scheduled: this one is over
			return old, false
		case old.Token == token:
			return old, !old.Sent
		case old.Sent || old.Until.After(now):
			return old, false
		}
		return mine, true // the other instance's lease ran out
	}
}

func completeStep(week, token string) claimStep {
	return func(old *DigestClaim) (*DigestClaim, bool) {
		if old == nil || old.Week != week || old.Token != token {
			return old, false
		}
		done := *old
		done.Sent, done.Until = true, time.Time{}
		return &done, true
	}
}

func releaseStep(week, token string) claimStep {
	return func(old *DigestClaim) (*DigestClaim, bool) {
		if old == nil || old.Week != week || old.Token != token || old.Sent {
			return old, false
		}
		return nil, true
	}
}

func decodeClaim(raw []byte) (*DigestClaim, error) {
	if raw == nil {
		return nil, nil
	}
	var c DigestClaim
	if err := json.Unmarshal(raw, &c); err != nil {
		return nil, fmt.Errorf("storage: decode digest claim: %w", err)
	}
	return &c, nil
}

// ClaimDigest implements DigestClaims.
func (r *Redis) ClaimDigest(ctx context.Context, userID int64, week, token string, now time.Time, lease time.Duration) (bool, error) {
	return r.digestStep(ctx, userID, "claim digest", claimStepFor(week, token, now, lease))
}

// CompleteDigest implements DigestClaims.
func (r *Redis) CompleteDigest(ctx context.Context, userID int64, week, token string) error {
	return leaseLost(r.digestStep(ctx, userID, "complete digest", completeStep(week, token)))
}

// ReleaseDigest implements DigestClaims.
func (r *Redis) ReleaseDigest(ctx context.Context, userID int64, week, token string) error {
	_, err := r.digestStep(ctx, userID, "release digest", releaseStep(week, token))
	return err
}

// digestStep runs step under WATCH, so that of two instances stepping at
// once only one writes; the other reads the new claim and tries again.
func (r *Redis) digestStep(ctx context.Context, userID int64, op string, step claimStep) (bool, error) {
	key, field := r.keys.record(kindDigestClaim), id(userID)
	for range 10 {
		var ok bool
		err := r.rdb.Watch(ctx, func(tx *redis.Tx) error {
			raw, err := tx.HGet(ctx, key, field).Bytes()
			if errors.Is(err, redis.Nil) {
				raw, err = nil, nil
			}
			if err != nil {
				return err
			}
			old, err := decodeClaim(raw)
			if err != nil {
				return err
			}
			next, granted := step(old)
			ok = granted
			_, err = tx.TxPipelined(ctx, func(p redis.Pipeliner) error {
				if next == nil {
					p.HDel(ctx, key, field)
					return nil
				}
				b, _ := json.Marshal(next)
				p.HSet(ctx, key, field, b)
				return nil
			})
			return err
		}, key)
		if errors.Is(err, redis.TxFailedErr) {
			continue
		}
		if err != nil {
			return false, fail(op, err)
		}
		return ok, nil
	}
	return false, fail(op, redis.TxFailedErr)
}

// ClaimDigest implements DigestClaims.
func (s *Bolt) ClaimDigest(ctx context.Context, userID int64, week, token string, now time.Time, lease time.Duration) (bool, error) {
	return s.digestStep(ctx, userID, "claim digest", claimStepFor(week, token, now, lease))
}

// CompleteDigest implements DigestClaims.
func (s *Bolt) CompleteDigest(ctx context.Context, userID int64, week, token string) error {
	return leaseLost(s.digestStep(ctx, userID, "complete digest", completeStep(week, token)))
}

// ReleaseDigest implements DigestClaims.
func (s *Bolt) ReleaseDigest(ctx context.Context, userID int64, week, token string) error {
	_, err := s.digestStep(ctx, userID, "release digest", releaseStep(week, token))
	return err
}

func (s *Bolt) digestStep(ctx context.Context, userID int64, op string, step claimStep) (bool, error) {
	var ok bool
	err := s.update(ctx, op, func(tx *bolt.Tx) error {
		b, err := tx.CreateBucketIfNotExists(recordBucket(kindDigestClaim))
		if err != nil {
			return err
		}
		old, err := decodeClaim(b.Get([]byte(id(userID))))
		if err != nil {
			return err
		}
		next, granted := step(old)
		ok = granted
		if next == nil {
			return b.Delete([]byte(id(userID)))
		}
		raw, _ := json.Marshal(next)
		return b.Put([]byte(id(userID)), raw)
	})
	return ok, err
}

func leaseLost(ok bool, err error) error {
	if err == nil && !ok {
		return ErrLeaseLost
	}
	return err
}

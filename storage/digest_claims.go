package storage

import (
	"context"
	"time"
)

// bDigestClaim keeps, per user, the week whose digest was claimed or sent.
var bDigestClaim = newBucket(bucket{name: "rec:digestclaim", redis: "rec:digestclaim"}) // user id -> DigestClaim

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

// ClaimDigest implements DigestClaims.
func (s *store) ClaimDigest(ctx context.Context, userID int64, week, token string, now time.Time, lease time.Duration) (bool, error) {
	return s.digestStep(ctx, userID, "claim digest", claimStepFor(week, token, now, lease))
}

// CompleteDigest implements DigestClaims.
func (s *store) CompleteDigest(ctx context.Context, userID int64, week, token string) error {
	return leaseLost(s.digestStep(ctx, userID, "complete digest", completeStep(week, token)))
}

// ReleaseDigest implements DigestClaims.
func (s *store) ReleaseDigest(ctx context.Context, userID int64, week, token string) error {
	_, err := s.digestStep(ctx, userID, "release digest", releaseStep(week, token))
	return err
}

// digestStep runs step in one transaction, so that of two instances
// stepping at once only one writes; the other's runs again on the new claim.
// Each step compares the stored token with its own, so a run repeated
// after its reply was lost gives the same answer.
func (s *store) digestStep(ctx context.Context, userID int64, op string, step claimStep) (bool, error) {
	var ok bool
	err := s.kv.update(ctx, op, func(tx kvTx) error {
		old, found, err := getJSON[DigestClaim](tx, bDigestClaim, id(userID))
		if err != nil {
			return err
		}
		var cur *DigestClaim
		if found {
			cur = &old
		}
		next, granted := step(cur)
		ok = granted
		if next == nil {
			return tx.del(bDigestClaim, id(userID))
		}
		return putJSON(tx, bDigestClaim, id(userID), next)
	})
	return ok, err
}

func leaseLost(ok bool, err error) error {
	if err == nil && !ok {
		return ErrLeaseLost
	}
	return err
}

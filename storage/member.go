package storage

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"time"
)

// Member is a Telegram user approved to use the bot, speaking for one Party.
type Member struct {
	UserID     int64     `json:"user_id"`
	Name       string    `json:"name"`               // Telegram display name when approved
	Username   string    `json:"username,omitempty"` // without "@"
	Party      Party     `json:"party,omitempty"`    // empty until chosen (administrators)
	ApprovedBy int64     `json:"approved_by,omitempty"`
	Since      time.Time `json:"since,omitzero"`
}

// RequestStatus is where an access request stands.
type RequestStatus string

// The states of an access request; only a pending one can be decided.
const (
	RequestPending  RequestStatus = "pending"
	RequestApproved RequestStatus = "approved"
	RequestRejected RequestStatus = "rejected"
)

// AccessRequest is a stranger's request to become a member for a Party, or,
// with From set, a member's request to speak for another Party. Approving
// either makes the user a member for Party.
type AccessRequest struct {
	UserID    int64         `json:"user_id"`
	Name      string        `json:"name"`
	Username  string        `json:"username,omitempty"`
	Party     Party         `json:"party"`
	From      Party         `json:"from,omitempty"` // the member's Party until approved; "" for a stranger
	Status    RequestStatus `json:"status"`
	Requested time.Time     `json:"requested"`
	DecidedBy int64         `json:"decided_by,omitempty"`
	Decided   time.Time     `json:"decided,omitzero"`
	// Claim is random, set by the store that last wrote the request (when it
	// was made, when it was decided), so that a
	// write repeated after its reply was lost knows itself from another's.
	Claim string `json:"claim,omitempty"`
}

var (
	bMembers  = newBucket(bucket{name: "members", redis: "members"})   // user id -> Member
	bRequests = newBucket(bucket{name: "requests", redis: "requests"}) // user id -> the user's latest AccessRequest
)

// Member returns one member.
func (s *store) Member(ctx context.Context, userID int64) (Member, error) {
	return one[Member](ctx, s.kv, bMembers, id(userID))
}

// PutMember creates or replaces a member.
func (s *store) PutMember(ctx context.Context, m Member) error {
	return putOne(ctx, s.kv, bMembers, id(m.UserID), m)
}

// Members returns every member by Party, then name.
func (s *store) Members(ctx context.Context) ([]Member, error) {
	ms, err := all[Member](ctx, s.kv, bMembers)
	if err != nil {
		return nil, err
	}
	sortMembers(ms)
	return ms, nil
}

// RemoveMember deletes a member.
func (s *store) RemoveMember(ctx context.Context, userID int64) (bool, error) {
	return delOne(ctx, s.kv, bMembers, id(userID))
}

// RequestAccess records a pending request unless one is pending already.
// The request carries a random Claim: a transaction whose reply was lost,
// run again, finds its own request and still says created, so the
// administrators are told.
func (s *store) RequestAccess(ctx context.Context, req AccessRequest) (AccessRequest, bool, error) {
	req.Status, req.Claim = RequestPending, newClaim()
	out, created := req, false
	err := twice(func() error {
		return s.kv.update(ctx, "request access", func(tx kvTx) error {
			out, created = req, false
			cur, found, err := getJSON[AccessRequest](tx, bRequests, id(req.UserID))
			if err != nil {
				return err
			}
			switch {
			case found && cur.Claim == req.Claim:
				created = true
				return nil
			case found && cur.Status == RequestPending:
				out = cur
				return nil
			}
			created = true
			return putJSON(tx, bRequests, id(req.UserID), req)
		})
	})
	return out, created && err == nil, err
}

// AccessRequest returns a user's latest request.
func (s *store) AccessRequest(ctx context.Context, userID int64) (AccessRequest, error) {
	return one[AccessRequest](ctx, s.kv, bRequests, id(userID))
}

// DecideAccess decides a pending request; of two racing decisions exactly one
// stands, and the other finds it decided. A decision repeated after its reply
// was lost finds itself (the same decider, time and status) and stands.
func (s *store) DecideAccess(ctx context.Context, userID int64, approve bool, by int64, at time.Time) (AccessRequest, error) {
	op := "decide request " + id(userID)
	var req AccessRequest
	status := RequestRejected
	if approve {
		status = RequestApproved
	}
	mine := newClaim()
	err := twice(func() error {
		return s.kv.update(ctx, op, func(tx kvTx) error {
			cur, found, err := getJSON[AccessRequest](tx, bRequests, id(userID))
			if err != nil {
				return err
			}
			req = cur
			if !found {
				return fmt.Errorf("storage: %s: %w", op, ErrNotFound)
			}
			if cur.Status != RequestPending {
				if cur.Claim == mine {
					return nil // this very decision, run again
				}
				return fmt.Errorf("storage: %s: %w", op, ErrAlreadyDecided)
			}
			req.Status, req.DecidedBy, req.Decided, req.Claim = status, by, at, mine
			if approve {
				m := Member{UserID: req.UserID, Name: req.Name, Username: req.Username, Party: req.Party, ApprovedBy: by, Since: at}
				if err := putJSON(tx, bMembers, id(userID), m); err != nil {
					return err
				}
			}
			return putJSON(tx, bRequests, id(userID), req)
		})
	})
	return req, err
}

// PendingRequests lists pending requests, oldest first.
func (s *store) PendingRequests(ctx context.Context) ([]AccessRequest, error) {
	rs, err := all[AccessRequest](ctx, s.kv, bRequests)
	if err != nil {
		return nil, err
	}
	return pendingOldestFirst(rs), nil
}

// twice runs a transaction again when the backend failed: the
// transactions given to it compare the stored record's Claim with their own,
// so a run whose reply was lost (it wrote, the caller saw an error) is
// recognised by the second run and reported as done.
func twice(run func() error) error {
	err := run()
	if errors.Is(err, ErrUnavailable) {
		err = run()
	}
	return err
}

// newClaim is a random token that tells one writer's value from another's.
func newClaim() string {
	var nonce [8]byte
	_, _ = rand.Read(nonce[:])
	return hex.EncodeToString(nonce[:])
}

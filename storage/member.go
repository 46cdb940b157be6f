package storage

import "time"

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
	// Claim is random, set by the store that wrote the request, so that a
	// write repeated after its reply was lost knows itself from another's.
	Claim string `json:"claim,omitempty"`
}

package storage

import (
	"context"
	"time"
)

// Inbox keeps webhook updates between the moment Telegram delivered them and
// the moment they were handled, so that an update acknowledged with HTTP 200
// is not lost when the process stops, and several instances on one store
// answer each update once. Redis and the embedded store implement it; the
// bot needs it in webhook mode only.
//
// The life of an update: Put (before answering Telegram), then on whichever
// instance runs it: ClaimUpdate, handle, FinishUpdate (which marks it handled
// in the same step, or MarkHandled before it). An entry
// whose handler died is offered again by Due once its visibility time passed.
type Inbox interface {
	// InboxPut keeps raw (the update's JSON) under updateID, to be offered by
	// InboxDue from visible on. It reports false, keeping nothing, when the
	// update is already waiting or was handled (a redelivery).
	InboxPut(ctx context.Context, updateID int64, raw []byte, now, visible time.Time) (bool, error)
	// InboxDue returns up to limit updates whose visibility time is at or
	// before now, oldest first, and makes each visible again only at next, so
	// that two sweeps do not offer the same update at once. Updates first put
	// before expired are dropped, not returned (they failed for a day).
	InboxDue(ctx context.Context, now, next, expired time.Time, limit int) ([]InboxItem, error)
	// ClaimUpdate takes the exclusive right to handle updateID for ttl; it
	// reports false when another holder has it. token proves the claim.
	ClaimUpdate(ctx context.Context, updateID int64, token string, ttl time.Duration) (bool, error)
	// FinishUpdate releases the claim token holds and, when the update was
	// marked handled, removes it from the inbox. handled marks it first, as
	// MarkHandled would, in the same step: one round trip less per update.
	// An update not marked handled stays, to be offered again by InboxDue.
	// Running it twice does what running it once did.
	FinishUpdate(ctx context.Context, updateID int64, token string, handled bool) error
	// InboxLen returns how many updates are waiting.
	InboxLen(ctx context.Context) (int, error)
}

// Finish names the end of one update's handling: what FinishUpdate is given.
type Finish struct {
	UpdateID int64
	Token    string
	Handled  bool
}

// FinishingSession ends one update and begins the next of the same chat in
// one round trip on Redis: the bot handles a chat's updates one after
// another, and the finish of one and the session of the next were two trips
// back to back. Redis and the embedded store implement it.
type FinishingSession interface {
	// FinishThenSession does FinishUpdate for fin, then Session. finished
	// is the finish's outcome, as FinishUpdate would return it; err the
	// session's. One does not fail the other: the next update goes ahead
	// when only the last one's finish failed.
	FinishThenSession(ctx context.Context, fin Finish, updateID, userID, chatID int64) (s Session, finished, err error)
}

// InboxItem is an update waiting in the inbox.
type InboxItem struct {
	UpdateID int64
	Raw      []byte
}

// InboxBatch keeps a whole getUpdates batch in one round trip and claims,
// in the same step, what it kept: the poller that keeps a batch is the one
// that handles it, so a separate claim per update is waste. Redis and the
// embedded store implement it.
type InboxBatch interface {
	// InboxPutBatch does InboxPut for each item, atomically, and claims each
	// update it kept for ttl under the token claimPrefix + ":" + its id (the
	// token ClaimUpdate would be given). kept[i] reports items[i] as InboxPut
	// would. A run repeated after its reply was lost reports false for all:
	// those updates are then claimed one by one, with the same token, which
	// the claim they already carry lets through.
	InboxPutBatch(ctx context.Context, items []InboxItem, now, visible time.Time, claimPrefix string, ttl time.Duration) (kept []bool, err error)
}

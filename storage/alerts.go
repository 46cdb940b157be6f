package storage

import (
	"context"
	"time"
)

// Subscription is a chat that receives deadline alerts: a group for every
// task, or a member's private chat for the tasks of one Party.
type Subscription struct {
	ChatID int64  `json:"chat_id"`
	Party  Party  `json:"party,omitempty"` // "" for every task
	Title  string `json:"title,omitempty"` // the group's title, for administrators
	// ThreadID is the forum topic of a supergroup the alerts go to (0: the General topic).
	ThreadID int       `json:"thread_id,omitempty"`
	By       int64     `json:"by"`
	Since    time.Time `json:"since"`
}

// Covers reports whether alerts about t go to this subscription.
func (s Subscription) Covers(t *Task) bool { return s.Party == "" || t.Involves(s.Party) }

// DueAlert is an alert claimed from the queue: the next alert of one task for
// one chat fell due at At. Token proves the claim when completing it.
type DueAlert struct {
	TaskID int64
	ChatID int64
	At     time.Time
	Token  string
}

// AlertStore keeps subscriptions and the time-ordered queue of due alerts.
// The queue holds the next alert of each (task, chat); claiming is atomic, so
// two instances never claim the same alert, and an alert claimed by an
// instance that died is claimed again once its lease has passed.
type AlertStore interface {
	Subscribe(ctx context.Context, s Subscription) error
	// Unsubscribe ends a chat's subscription; it reports whether there was one.
	Unsubscribe(ctx context.Context, chatID int64) (bool, error)
	Subscriptions(ctx context.Context) ([]Subscription, error)

	alertQueue
}

// alertQueue is the queue of AlertStore, which each backend keeps natively (queues.go).
type alertQueue interface {
	// ScheduleAlert sets when the next alert of a task in a chat falls due,
	// replacing what was scheduled for that pair.
	ScheduleAlert(ctx context.Context, taskID, chatID int64, at time.Time) error
	// UnscheduleAlert removes the pending alert of a task in a chat.
	UnscheduleAlert(ctx context.Context, taskID, chatID int64) error
	// ClaimDueAlerts takes up to limit alerts due at now, oldest first, for
	// lease; alerts whose earlier lease expired are claimed again.
	ClaimDueAlerts(ctx context.Context, now time.Time, lease time.Duration, limit int) ([]DueAlert, error)
	// CompleteAlert ends a claim: it records the fires (opaque keys chosen by
	// the caller, e.g. a lead time and the deadline it was for) as delivered (or
	// skipped) and schedules next, or nothing when next is zero; when the alert
	// was scheduled again while claimed, the earlier of the two times stays. A claim that
	// was lost (its lease passed and another instance took it) gives ErrLeaseLost.
	CompleteAlert(ctx context.Context, a DueAlert, fires []string, next time.Time) error
	// ReleaseAlert gives a claim back to be tried again at retry.
	ReleaseAlert(ctx context.Context, a DueAlert, retry time.Time) error
	// AlertSent reports whether a fire (as given to CompleteAlert) of a task was delivered to a chat.
	AlertSent(ctx context.Context, taskID, chatID int64, fire string) (bool, error)
	// ForgetSentAlerts deletes the records of alerts delivered in chatID (a
	// user's private chat, at /forgetme); DeleteTask deletes a task's own.
	// It returns how many it deleted.
	ForgetSentAlerts(ctx context.Context, chatID int64) (int, error)
	// NextAlert returns when the earliest alert falls due (zero when none).
	NextAlert(ctx context.Context) (time.Time, error)
}

var bSubs = newBucket(bucket{name: "subs", redis: "subs"}) // chat id -> Subscription

// Subscribe creates or replaces a chat's subscription.
func (s *store) Subscribe(ctx context.Context, sub Subscription) error {
	return putOne(ctx, s.kv, bSubs, id(sub.ChatID), sub)
}

// Unsubscribe ends a chat's subscription.
func (s *store) Unsubscribe(ctx context.Context, chatID int64) (bool, error) {
	return delOne(ctx, s.kv, bSubs, id(chatID))
}

// Subscriptions lists the subscribed chats by chat id.
func (s *store) Subscriptions(ctx context.Context) ([]Subscription, error) {
	subs, err := all[Subscription](ctx, s.kv, bSubs)
	if err != nil {
		return nil, err
	}
	sortSubscriptions(subs)
	return subs, nil
}

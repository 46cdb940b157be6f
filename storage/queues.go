package storage

import (
	"context"
	"encoding/json"
	"time"
)

// queues is what stays native in each backend: the alert queue (on Redis
// sorted sets, claimed and completed by Lua scripts) and the update inbox.
// Every script is documented as asynq documents its own (KEYS, ARGV, the
// result) and is safe to run twice: go-redis runs a script again when its
// reply was lost, so each compares what is stored with the caller's token.
type queues interface {
	alertQueue // the queue of AlertStore (alerts.go)
	// forgetTaskAlerts deletes the sent records of a deleted task.
	forgetTaskAlerts(ctx context.Context, taskID int64) error

	Inbox
	InboxBatch

	// dumpQueues reads the queues for a migration, loadQueues writes them
	// into empty ones.
	dumpQueues(ctx context.Context) (*queueDump, error)
	loadQueues(ctx context.Context, d *queueDump) error
}

// queueDump is the content of the queues, in a form both backends read and write.
type queueDump struct {
	Alerts []queuedAlert `json:"alerts"` // claimed alerts come back due at their time
	Sent   []string      `json:"sent"`   // "task:chat:fire" delivered or skipped
	Inbox  []queuedItem  `json:"inbox"`
}

// queuedAlert is the next alert of a task in a chat.
type queuedAlert struct {
	Member string    `json:"member"` // "task:chat"
	At     time.Time `json:"at"`
}

// queuedItem is an update waiting in the inbox.
type queuedItem struct {
	UpdateID int64           `json:"update"`
	Raw      json.RawMessage `json:"raw"`
	Visible  time.Time       `json:"visible"`
	Born     time.Time       `json:"born"`
}

func (d *queueDump) empty() bool { return len(d.Alerts) == 0 && len(d.Sent) == 0 && len(d.Inbox) == 0 }

func alertMember(taskID, chatID int64) string { return id(taskID) + ":" + id(chatID) }

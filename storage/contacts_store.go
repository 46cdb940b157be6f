package storage

import (
	"context"
	"time"
)

// ContactStore keeps the Working Group's contacts, the conversations that
// nominate them and the audit log of changes to contacts and memberships.
// Every change to a contact writes its audit entry in the same atomic step.
// Errors wrap ErrUnavailable when the backend cannot be reached.
type ContactStore interface {
	// Conversation returns userID's conversation or an error wrapping ErrNotFound.
	Conversation(ctx context.Context, userID int64) (Conversation, error)
	// PutConversation stores c and records c.Updated as its last activity.
	PutConversation(ctx context.Context, c Conversation) error
	// EndConversation deletes userID's conversation; it reports whether there was one.
	EndConversation(ctx context.Context, userID int64) (bool, error)
	// IdleConversations returns up to limit users whose conversation saw no
	// activity since before, longest idle first.
	IdleConversations(ctx context.Context, before time.Time, limit int) ([]int64, error)
	// EndIdleConversation deletes userID's conversation if it is still idle
	// since before, atomically, and returns it (its Step is "" when its state
	// had already expired). ended is false when it was active again or gone:
	// of two callers, only one ends a conversation.
	EndIdleConversation(ctx context.Context, userID int64, before time.Time) (c Conversation, ended bool, err error)

	// Nominate stores c as a new pending contact under a fresh id. An e-mail
	// held by a pending or approved contact gives ErrDuplicateEmail and that contact.
	Nominate(ctx context.Context, c Contact) (Contact, error)
	// Contact returns one contact or an error wrapping ErrNotFound.
	Contact(ctx context.Context, id int64) (Contact, error)
	// Contacts returns every contact, whatever its status, by Party (in
	// display order), then name, then id.
	Contacts(ctx context.Context) ([]Contact, error)
	// DecideContact approves or rejects a pending contact; exactly one of two
	// racing decisions stands. A contact no longer pending gives
	// ErrAlreadyDecided and the contact as it is.
	DecideContact(ctx context.Context, id int64, approve bool, by int64, at time.Time) (Contact, error)
	// WithdrawContact withdraws a pending contact on behalf of its nominator
	// by: ErrNotYours for someone else, ErrAlreadyDecided when not pending.
	WithdrawContact(ctx context.Context, id int64, by int64, at time.Time) (Contact, error)
	// EditContact sets field f of an approved contact to value (validated
	// here: *FieldError). ErrDuplicateEmail when the e-mail is another's;
	// ErrAlreadyDecided when the contact is not approved.
	EditContact(ctx context.Context, id int64, f Field, value string, by int64, at time.Time) (Contact, error)
	// RemoveContact deletes a contact of any status and returns it.
	RemoveContact(ctx context.Context, id int64, by int64, at time.Time) (Contact, error)

	// ForgetUser deletes, in one atomic step, what is held about a user: the
	// member record, the conversation, the access request, every contact
	// about them (Contact.About) and their pending nominations; approved
	// contacts they nominated lose their nominator. It records the erasure in
	// the audit log by id only.
	ForgetUser(ctx context.Context, userID int64, username string, at time.Time) (Forgotten, error)

	// Audit appends e to the audit log (a capped list of AuditMax entries).
	Audit(ctx context.Context, e AuditEntry) error
	// AuditLog returns the latest n entries, latest first.
	AuditLog(ctx context.Context, n int) ([]AuditEntry, error)
}

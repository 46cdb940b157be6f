package storage

import "time"

// contactChange is one rule applied to a stored contact inside a backend's
// atomic step: it changes c (or refuses with an error), says what to write to
// the audit trail, and whether to delete the contact. Both stores apply the
// same rules, so they cannot drift apart.
type contactChange func(c *Contact) (e AuditEntry, remove bool, err error)

// decideRule approves or rejects a pending contact.
func decideRule(cid int64, approve bool, by int64, at time.Time) contactChange {
	return func(c *Contact) (AuditEntry, bool, error) {
		if c.Status != ContactPending {
			return AuditEntry{}, false, ErrAlreadyDecided
		}
		c.Status, c.DecidedBy, c.Decided = ContactRejected, by, at
		action := AuditRejected
		if approve {
			c.Status, action = ContactApproved, AuditApproved
		}
		return AuditEntry{At: at, By: by, Action: action, Contact: cid}, false, nil
	}
}

// withdrawRule lets the nominator withdraw a pending contact.
func withdrawRule(cid int64, by int64, at time.Time) contactChange {
	return func(c *Contact) (AuditEntry, bool, error) {
		if c.NominatedBy != by {
			return AuditEntry{}, false, ErrNotYours
		}
		if c.Status != ContactPending {
			return AuditEntry{}, false, ErrAlreadyDecided
		}
		c.Status, c.DecidedBy, c.Decided = ContactWithdrawn, by, at
		return AuditEntry{At: at, By: by, Action: AuditWithdrawn, Contact: cid}, false, nil
	}
}

// editRule sets one field of an approved contact.
func editRule(cid int64, f Field, value string, by int64, at time.Time) contactChange {
	return func(c *Contact) (AuditEntry, bool, error) {
		if c.Status != ContactApproved {
			return AuditEntry{}, false, ErrAlreadyDecided
		}
		if err := c.Set(f, value); err != nil {
			return AuditEntry{}, false, err
		}
		c.EditedBy, c.Edited = by, at
		return AuditEntry{At: at, By: by, Action: AuditEdited, Contact: cid, Field: f}, false, nil
	}
}

// removeRule deletes a contact whatever its state.
func removeRule(cid int64, by int64, at time.Time) contactChange {
	return func(*Contact) (AuditEntry, bool, error) {
		return AuditEntry{At: at, By: by, Action: AuditRemoved, Contact: cid}, true, nil
	}
}

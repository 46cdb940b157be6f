package storage

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
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

var (
	bContacts = newBucket(bucket{name: "contacts", redis: "contacts"}) // contact id -> Contact
	// bEmails indexes the e-mails held by pending and approved contacts.
	bEmails = newBucket(bucket{name: "emails", redis: "contact:emails"}) // EmailKey -> contact id
)

// writeContact writes a contact (or deletes it when c is nil), keeps the
// e-mail index and appends e to the audit log: drop is the e-mail key to
// release, claim the one to take ("" for none). A claim held by another
// existing contact gives ErrDuplicateEmail and that contact.
func writeContact(tx kvTx, cid int64, c *Contact, drop, claim string, e AuditEntry) (Contact, error) {
	var other Contact
	if claim != "" {
		holder, held, err := tx.get(bEmails, claim)
		if err != nil {
			return other, err
		}
		if held && string(holder) != id(cid) {
			o, found, err := getJSON[Contact](tx, bContacts, string(holder))
			if err != nil {
				return other, err
			}
			if found {
				return o, fmt.Errorf("%w (contact %d)", ErrDuplicateEmail, o.ID)
			}
		}
	}
	if drop != "" {
		holder, _, err := tx.get(bEmails, drop)
		if err != nil {
			return other, err
		}
		if string(holder) == id(cid) {
			if err := tx.del(bEmails, drop); err != nil {
				return other, err
			}
		}
	}
	if claim != "" {
		if err := tx.put(bEmails, claim, []byte(id(cid))); err != nil {
			return other, err
		}
	}
	var err error
	if c == nil {
		err = tx.del(bContacts, id(cid))
	} else {
		err = putJSON(tx, bContacts, id(cid), c)
	}
	if err != nil {
		return other, err
	}
	return other, appendAudit(tx, e)
}

// Nominate stores a new pending contact. A duplicate e-mail writes nothing,
// so the number is not used and the next nomination gets it.
func (s *store) Nominate(ctx context.Context, c Contact) (Contact, error) {
	var other Contact
	err := s.kv.update(ctx, "nominate", func(tx kvTx) error {
		n, err := tx.incr(bMeta, metaContactSeq)
		if err != nil {
			return err
		}
		c.ID, c.Status = n, ContactPending
		entry := AuditEntry{At: c.Nominated, By: c.NominatedBy, Action: AuditNominated, Contact: c.ID}
		other, err = writeContact(tx, c.ID, &c, "", EmailKey(c.Email), entry)
		return err
	})
	if errors.Is(err, ErrDuplicateEmail) {
		return other, fmt.Errorf("storage: nominate: %w", err)
	}
	return c, err
}

// change reads contact cid, lets fn change it (or delete it: remove), and
// writes it back with its audit entry, all in one transaction.
func (s *store) change(ctx context.Context, op string, cid int64, fn contactChange) (Contact, error) {
	op += " contact " + id(cid)
	var old, out, other Contact
	err := s.kv.update(ctx, op, func(tx kvTx) error {
		var found bool
		var err error
		if old, found, err = getJSON[Contact](tx, bContacts, id(cid)); err != nil {
			return err
		}
		if !found {
			return fmt.Errorf("storage: %s: %w", op, ErrNotFound)
		}
		c := old
		e, remove, err := fn(&c)
		if err != nil {
			if errors.Is(err, ErrAlreadyDecided) || errors.Is(err, ErrNotYours) {
				return fmt.Errorf("storage: %s: %w", op, err)
			}
			return err
		}
		oldKey, newKey := EmailKey(old.Email), EmailKey(c.Email)
		oldActive, newActive := old.Status.Active(), !remove && c.Status.Active()
		drop, claim := "", ""
		if oldActive && (!newActive || oldKey != newKey) {
			drop = oldKey
		}
		if newActive && (!oldActive || oldKey != newKey) {
			claim = newKey
		}
		var write *Contact
		if !remove {
			write = &c
		}
		other, err = writeContact(tx, cid, write, drop, claim, e)
		out = c
		if remove {
			out = old
		}
		return err
	})
	switch {
	case errors.Is(err, ErrDuplicateEmail):
		return other, fmt.Errorf("storage: %s: %w", op, err)
	case errors.Is(err, ErrNotFound):
		return Contact{}, err
	case err != nil:
		return old, err
	}
	return out, nil
}

// Contact returns one contact.
func (s *store) Contact(ctx context.Context, cid int64) (Contact, error) {
	return one[Contact](ctx, s.kv, bContacts, id(cid))
}

// Contacts returns every contact by Party, name and id.
func (s *store) Contacts(ctx context.Context) ([]Contact, error) {
	cs, err := all[Contact](ctx, s.kv, bContacts)
	if err != nil {
		return nil, err
	}
	SortContacts(cs)
	return cs, nil
}

// SortContacts orders contacts by Party in display order, then name, then id.
func SortContacts(cs []Contact) {
	order := map[Party]int{}
	for i, p := range parties {
		order[p.Code] = i
	}
	rank := func(p Party) int {
		if o, ok := order[p]; ok {
			return o
		}
		return len(parties)
	}
	slices.SortFunc(cs, func(a, b Contact) int {
		return cmp.Or(cmp.Compare(rank(a.Party), rank(b.Party)), strings.Compare(a.FullName, b.FullName), cmp.Compare(a.ID, b.ID))
	})
}

// DecideContact approves or rejects a pending contact once.
func (s *store) DecideContact(ctx context.Context, cid int64, approve bool, by int64, at time.Time) (Contact, error) {
	return s.change(ctx, "decide", cid, decideRule(cid, approve, by, at))
}

// WithdrawContact withdraws a pending contact for its nominator.
func (s *store) WithdrawContact(ctx context.Context, cid int64, by int64, at time.Time) (Contact, error) {
	return s.change(ctx, "withdraw", cid, withdrawRule(cid, by, at))
}

// EditContact sets one field of an approved contact.
func (s *store) EditContact(ctx context.Context, cid int64, f Field, value string, by int64, at time.Time) (Contact, error) {
	return s.change(ctx, "edit", cid, editRule(cid, f, value, by, at))
}

// RemoveContact deletes a contact.
func (s *store) RemoveContact(ctx context.Context, cid int64, by int64, at time.Time) (Contact, error) {
	return s.change(ctx, "remove", cid, removeRule(cid, by, at))
}

// ForgetUser deletes what is held about a user in one transaction.
func (s *store) ForgetUser(ctx context.Context, userID int64, username string, at time.Time) (Forgotten, error) {
	var out Forgotten
	err := s.kv.update(ctx, "forget user "+id(userID), func(tx kvTx) error {
		out = Forgotten{}
		pairs, err := tx.scan(bContacts, "")
		if err != nil {
			return err
		}
		cs, err := decodePairs[Contact](pairs, bContacts)
		if err != nil {
			return err
		}
		slices.SortFunc(cs, func(a, b Contact) int { return cmp.Compare(a.ID, b.ID) })
		for _, h := range []struct {
			b   *bucket
			was *bool
		}{{bMembers, &out.Member}, {bRequests, &out.AccessRequest}, {bConv, &out.Conversation}} {
			if _, *h.was, err = tx.get(h.b, id(userID)); err != nil {
				return err
			}
		}
		var entries []AuditEntry
		for _, c := range cs {
			switch {
			case c.About(userID, username):
				out.Contacts = append(out.Contacts, c.ID)
			case c.NominatedBy == userID && c.Status == ContactPending:
				out.Nominations = append(out.Nominations, c.ID)
			case c.NominatedBy == userID:
				out.Unlinked = append(out.Unlinked, c.ID)
				c.NominatedBy = 0
				if err := putJSON(tx, bContacts, id(c.ID), c); err != nil {
					return err
				}
				continue
			default:
				continue
			}
			if err := tx.del(bContacts, id(c.ID)); err != nil {
				return err
			}
			if c.Status.Active() {
				if err := tx.del(bEmails, EmailKey(c.Email)); err != nil {
					return err
				}
			}
			entries = append(entries, AuditEntry{At: at, By: userID, Action: AuditForgotten, Contact: c.ID})
		}
		for _, b := range []*bucket{bMembers, bRequests, bConv, bConvIdle} {
			if err := tx.del(b, id(userID)); err != nil {
				return err
			}
		}
		if out.Settings, err = forgetSettings(tx, userID); err != nil { // settings.go
			return err
		}
		if out.Member {
			entries = append(entries, AuditEntry{At: at, By: userID, Action: AuditMemberForgotten, Member: userID})
		}
		return appendAudit(tx, entries...)
	})
	remember(ctx, userID, nil, err)
	return out, err
}

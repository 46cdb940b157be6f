package handlers

import (
	"context"
	"slices"

	"github.com/ots-customs/wgbot/storage"
)

// nominations lists the pending nominations, oldest first, each with its
// Approve / Reject buttons: for an administrator who missed the notice.
func (b *Bot) nominations(ctx context.Context, r *Request) error {
	all, err := b.Store.Contacts(ctx)
	if err != nil {
		return err
	}
	pending := slices.DeleteFunc(all, func(c storage.Contact) bool { return c.Status != storage.ContactPending })
	if len(pending) == 0 {
		return b.reply(ctx, r, txtNoPendingNominations)
	}
	slices.SortFunc(pending, func(a, c storage.Contact) int { return a.Nominated.Compare(c.Nominated) })
	if err := b.reply(ctx, r, sprintf(txtPendingNominations, len(pending))); err != nil {
		return err
	}
	for _, c := range pending {
		if err := b.sendNotice(ctx, contactKey(c.ID), Message{ChatID: r.Chat.ID, Text: b.nominationText(c, b.nominatorLabel(ctx, c.NominatedBy)),
			Buttons: [][]Button{decideContactButtons(c.ID)}}); err != nil {
			return err
		}
	}
	return nil
}

// nominatorLabel names who nominated: their member name (never their id).
func (b *Bot) nominatorLabel(ctx context.Context, userID int64) string {
	// A missing or unreadable member record still leaves the id to go by.
	m, err := b.Store.Member(ctx, userID)
	if err != nil || m.Name == "" {
		return txtAuditFormer
	}
	return userLabel(m.Name, m.Username)
}

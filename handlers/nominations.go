package handlers

import (
	"context"
	"slices"

	"github.com/ots-customs/wgbot/handlers/i18n"
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
		return b.reply(ctx, r, r.Lang.T(txtNoPendingNominations))
	}
	slices.SortFunc(pending, func(a, c storage.Contact) int { return a.Nominated.Compare(c.Nominated) })
	if err := b.reply(ctx, r, r.Lang.T(txtPendingNominations, len(pending))); err != nil {
		return err
	}
	for _, c := range pending {
		if err := b.sendNotice(ctx, contactKey(c.ID), Message{ChatID: r.Chat.ID, Text: b.nominationText(r.Lang, c, b.nominatorLabel(ctx, r.Lang, c.NominatedBy)),
			Buttons: [][]Button{decideContactButtons(r.Lang, c.ID)}}); err != nil {
			return err
		}
	}
	return nil
}

// nominatorLabel names who nominated: their member name (never their id).
func (b *Bot) nominatorLabel(ctx context.Context, l i18n.Lang, userID int64) string {
	// A missing or unreadable member record still leaves the id to go by.
	m, err := b.Store.Member(ctx, userID)
	if err != nil || m.Name == "" {
		return l.T(txtAuditFormer)
	}
	return userLabel(l, m.Name, m.Username)
}

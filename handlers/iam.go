package handlers

import (
	"context"
	"strings"

	"github.com/ots-customs/wgbot/storage"
)

func (b *Bot) iam(ctx context.Context, r *Request) error {
	if r.Args == "" {
		return b.reply(ctx, r, txtChooseParty, partyButtons("iam:")...)
	}
	p, ok := storage.ParseParty(r.Args)
	if !ok {
		return b.reply(ctx, r, sprintf(txtIamUnknown, echo(r.Args)), partyButtons("iam:")...)
	}
	if err := b.setParty(ctx, r, p); err != nil {
		return err
	}
	return b.reply(ctx, r, sprintf(txtIamSet, p.Label()))
}

func (b *Bot) iamButton(ctx context.Context, r *Request) (Answer, error) {
	p := storage.Party(strings.TrimPrefix(r.Callback.Data, "iam:"))
	if !p.Valid() {
		return stale, nil
	}
	if err := b.setParty(ctx, r, p); err != nil {
		return Answer{}, err
	}
	if err := b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID, Text: sprintf(txtIamSet, p.Label())}); err != nil {
		return Answer{}, err
	}
	r.Member.Party = p
	return Answer{}, b.mytasks(ctx, r)
}

// setParty records the Party r speaks for. Administrators get a member record
// on first use; a member who changes Party is reported to the administrators,
// since the Party decides whose tasks they close.
func (b *Bot) setParty(ctx context.Context, r *Request, p storage.Party) error {
	m := storage.Member{UserID: r.User.ID, Name: r.User.Name, Username: r.User.Username, Since: b.Now()}
	if r.Member != nil {
		m = *r.Member
	}
	old := m.Party
	m.Party = p
	if err := b.Store.PutMember(ctx, m); err != nil {
		return err
	}
	if old != p {
		_ = b.record(ctx, r.User.ID, storage.AuditMemberParty, m.UserID) // audit (issue 3), best effort
	}
	r.Member = &m
	if r.Role != Admin && old != "" && old != p {
		return b.notifyAdmins(ctx, sprintf(txtIamChanged, userLabel(m.Name, m.Username), old.Label(), p.Label()))
	}
	return nil
}

package handlers

import (
	"context"
	"strings"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// A member speaks for the Party the Secretariat approved. /iam asks to
// change it: the request goes to the administrators like an access request
// (with the same Approve / Reject buttons, and in /requests), and until one
// of them approves, the member keeps their Party. Administrators, who may set
// any Party's status anyway, choose their own Party at once.

func (b *Bot) iam(ctx context.Context, r *Request) error {
	if r.Args == "" {
		return b.reply(ctx, r, r.Lang.T(txtChooseParty), iamButtons(r.Lang)...)
	}
	p, ok := storage.ParseParty(r.Args)
	if !ok {
		return b.reply(ctx, r, r.Lang.T(txtIamUnknown, echo(r.Args)), iamButtons(r.Lang)...)
	}
	text, err := b.claimParty(ctx, r, p)
	if err != nil {
		return err
	}
	return b.reply(ctx, r, text)
}

// iamCancel is the data of the picker's Cancel button (after "iam:"): the
// picker is a step of the /iam request, and every step offers a way out.
const iamCancel storage.Party = "x"

// iamButtons are the Parties to pick from, and Cancel.
func iamButtons(l i18n.Lang) [][]Button {
	return append(partyButtons(l, "iam:"), []Button{{Text: l.T(txtBtnNomCancel), Data: "iam:" + string(iamCancel)}})
}

func (b *Bot) iamButton(ctx context.Context, r *Request) (Answer, error) {
	p := storage.Party(strings.TrimPrefix(r.Callback.Data, "iam:"))
	if p == iamCancel {
		text := r.Lang.T(txtIamNoChange)
		if r.Member != nil && r.Member.Party.Valid() {
			text = r.Lang.T(txtIamCancelled, partyLabel(r.Lang, r.Member.Party))
		}
		return Answer{Edit: &Message{Text: text}}, nil
	}
	if !p.Valid() {
		return stale(r.Lang), nil
	}
	had := r.Member != nil && r.Member.Party.Valid()
	text, err := b.claimParty(ctx, r, p)
	if err != nil {
		return Answer{}, err
	}
	if err := b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID, Text: text}); err != nil {
		return Answer{}, err
	}
	if r.Role == Admin && !had {
		// An administrator who just chose a Party asked for their tasks.
		return Answer{}, b.mytasks(ctx, r)
	}
	return Answer{}, nil
}

// claimParty sets an administrator's Party, or files a member's request to
// change theirs, and says what happened.
func (b *Bot) claimParty(ctx context.Context, r *Request, p storage.Party) (string, error) {
	if r.Role == Admin {
		return r.Lang.T(txtIamSet, partyLabel(r.Lang, p)), b.setOwnParty(ctx, r, p)
	}
	if r.Member == nil {
		return r.Lang.T(txtIamStrangers), nil
	}
	if r.Member.Party == p {
		return r.Lang.T(txtIamSame, partyLabel(r.Lang, p)), nil
	}
	req, created, err := b.Store.RequestAccess(ctx, storage.AccessRequest{UserID: r.User.ID,
		Name: r.Member.Name, Username: r.Member.Username, Party: p, From: r.Member.Party, Requested: b.Now()})
	if err != nil {
		return "", err
	}
	if !created {
		return r.Lang.T(txtIamPending, partyLabel(r.Lang, req.Party), partyLabel(r.Lang, r.Member.Party)), nil
	}
	if err := b.notifyAdminsKeyed(ctx, accessKey(req.UserID), requestNotice(req)); err != nil {
		return "", err
	}
	return r.Lang.T(txtIamRequested, partyLabel(r.Lang, p), partyLabel(r.Lang, r.Member.Party)), nil
}

// setOwnParty records the Party an administrator speaks for; they get a
// member record on first use.
func (b *Bot) setOwnParty(ctx context.Context, r *Request, p storage.Party) error {
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
		b.record(ctx, r.User.ID, storage.AuditMemberParty, m.UserID)
	}
	r.Member = &m
	return nil
}

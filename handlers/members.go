package handlers

import (
	"context"
	"strconv"
	"strings"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// maxMemberButtons keeps the keyboard of /members usable on a phone.
const maxMemberButtons = 30

func (b *Bot) members(ctx context.Context, r *Request) error {
	ms, err := b.Store.Members(ctx)
	if err != nil {
		return err
	}
	if len(ms) == 0 {
		return b.reply(ctx, r, r.Lang.T(txtNoMembers))
	}
	lines := []string{r.Lang.T(txtMembersHeader, len(ms))}
	var rows [][]Button
	for _, m := range ms {
		party := r.Lang.T(txtNoParty)
		if m.Party != "" {
			party = m.Party.Short()
		}
		role := ""
		if b.IsAdmin(m.UserID) {
			role = r.Lang.T(txtAdminTag)
		}
		lines = append(lines, party+" · "+userLabel(r.Lang, m.Name, m.Username)+" · <code>"+strconv.FormatInt(m.UserID, 10)+"</code>"+role)
		if !b.IsAdmin(m.UserID) && len(rows) < maxMemberButtons {
			rows = append(rows, []Button{{Text: r.Lang.T(txtBtnRemoveName, m.Name), Data: "rm:" + strconv.FormatInt(m.UserID, 10)}})
		}
	}
	return b.reply(ctx, r, strings.Join(lines, "\n"), rows...)
}

func (b *Bot) remove(ctx context.Context, r *Request) error {
	id, err := strconv.ParseInt(strings.TrimPrefix(r.Args, "@"), 10, 64)
	if err != nil {
		return b.reply(ctx, r, r.Lang.T(txtRemoveUsage))
	}
	m, err := b.Store.Member(ctx, id)
	if err != nil {
		if isNotFound(err) {
			return b.reply(ctx, r, r.Lang.T(txtNotAMember, id))
		}
		return err
	}
	return b.reply(ctx, r, r.Lang.T(txtRemoveAsk, userLabel(r.Lang, m.Name, m.Username)), confirmRemove(r.Lang, id))
}

func confirmRemove(l i18n.Lang, id int64) []Button {
	s := strconv.FormatInt(id, 10)
	return []Button{{Text: l.T(txtBtnRemove), Data: "rm:y:" + s}, {Text: l.T(txtBtnCancel), Data: "rm:n:" + s}}
}

// removeButton: "rm:<id>" asks, "rm:y:<id>" removes, "rm:n:<id>" cancels.
func (b *Bot) removeButton(ctx context.Context, r *Request) error {
	id, v, ok := parseIDButton(r.Callback.Data)
	if !ok {
		return b.Sender.AnswerCallback(ctx, r.Callback.ID, r.Lang.T(txtStaleButton), true)
	}
	if err := b.Sender.AnswerCallback(ctx, r.Callback.ID, "", false); err != nil {
		return err
	}
	if v == verbNo {
		return b.cancelled(ctx, r)
	}
	m, err := b.Store.Member(ctx, id)
	if err != nil {
		if isNotFound(err) {
			return b.reply(ctx, r, r.Lang.T(txtNotAMember, id))
		}
		return err
	}
	if v == verbAsk {
		return b.reply(ctx, r, r.Lang.T(txtRemoveAsk, userLabel(r.Lang, m.Name, m.Username)), confirmRemove(r.Lang, id))
	}
	// The alerts of the member's private chat go with the membership (an
	// administrator keeps them: ADMIN_IDS, not the record, gives that role).
	// Ended first: a failure here leaves the member as they were.
	if !b.IsAdmin(id) {
		if _, err := b.endPrivateAlerts(ctx, id); err != nil {
			return err
		}
	}
	removed, err := b.Store.RemoveMember(ctx, id)
	if err != nil {
		return err
	}
	if !removed {
		return b.reply(ctx, r, r.Lang.T(txtNotAMember, id))
	}
	_ = b.record(ctx, r.User.ID, storage.AuditMemberRemoved, id) // audit (issue 3), best effort
	if err := b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID,
		Text: r.Lang.T(txtRemoved, userLabel(r.Lang, m.Name, m.Username))}); err != nil {
		return err
	}
	// Telling the removed user is a courtesy; they may have blocked the bot.
	l := b.langOf(ctx, id) // theirs, not the administrator's
	_ = b.Sender.Send(ctx, Message{ChatID: id, Text: l.T(txtYouWereRemoved, b.name(l))})
	return nil
}

// endPrivateAlerts ends the deadline alerts of a user's private chat, whose
// id is the user's, and reports whether it had any: a former member must not
// go on receiving the Working Group's tasks, and could not /unsubscribe.
func (b *Bot) endPrivateAlerts(ctx context.Context, userID int64) (bool, error) {
	tasks, err := b.Store.Tasks(ctx)
	if err != nil {
		return false, err
	}
	removed, err := b.Store.Unsubscribe(ctx, userID)
	if err != nil || !removed {
		return removed, err
	}
	for _, t := range tasks {
		if err := b.Store.UnscheduleAlert(ctx, t.ID, userID); err != nil {
			return true, err
		}
	}
	return true, nil
}

func (b *Bot) enable(ctx context.Context, r *Request) error {
	if r.GroupEnabled {
		return b.reply(ctx, r, r.Lang.T(txtAlreadyEnabled, b.name(r.Lang)))
	}
	if err := b.Store.SetGroupEnabled(ctx, r.Chat.ID, true); err != nil {
		return err
	}
	return b.reply(ctx, r, r.Lang.T(txtGroupEnabled, b.name(r.Lang)))
}

func (b *Bot) disable(ctx context.Context, r *Request) error {
	if err := b.Store.SetGroupEnabled(ctx, r.Chat.ID, false); err != nil {
		return err
	}
	return b.reply(ctx, r, r.Lang.T(txtGroupDisabled, b.name(r.Lang)))
}

func isNotFound(err error) bool { return errorsIs(err, storage.ErrNotFound) }

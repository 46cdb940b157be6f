package handlers

import (
	"context"
	"strconv"
	"strings"
)

// forgetme handles /forgetme: it asks to confirm ("fgt:y" / "fgt:n").
func (b *Bot) forgetme(ctx context.Context, r *Request) error {
	if !r.Chat.Private {
		return b.replyGoPrivate(ctx, r, r.Lang.T(txtForgetPrivate), "")
	}
	return b.reply(ctx, r, r.Lang.T(txtForgetAsk), []Button{{Text: r.Lang.T(txtBtnForget), Data: "fgt:y"}, {Text: r.Lang.T(txtBtnCancel), Data: "fgt:n"}})
}

// forgetButton deletes what the bot holds about the user who presses it.
func (b *Bot) forgetButton(ctx context.Context, r *Request) error {
	if !r.Chat.Private || (r.Callback.Data != "fgt:y" && r.Callback.Data != "fgt:n") {
		return b.Sender.AnswerCallback(ctx, r.Callback.ID, r.Lang.T(txtStaleButton), true)
	}
	if err := b.Sender.AnswerCallback(ctx, r.Callback.ID, "", false); err != nil {
		return err
	}
	if r.Callback.Data == "fgt:n" {
		return b.cancelled(ctx, r)
	}
	// The private subscription holds the user's id and name; it ends first, so
	// that a failure leaves everything as it was.
	alerts, err := b.endPrivateAlerts(ctx, r.User.ID)
	if err != nil {
		return err
	}
	extras, err := b.forgetCalendarAndDigest(ctx, r.Lang, r.User.ID) // issue 15
	if err != nil {
		return err
	}
	// The records of alerts sent to the private chat hold the user's id.
	sent, err := b.Store.ForgetSentAlerts(ctx, r.User.ID)
	if err != nil {
		return err
	}
	alerts = alerts || sent > 0
	f, err := b.Store.ForgetUser(ctx, r.User.ID, r.User.Username, b.Now())
	if err != nil {
		return err
	}
	if f.Empty() && !alerts && len(extras) == 0 {
		return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID, Text: r.Lang.T(txtForgetNothing)})
	}
	var lines []string
	if f.Member {
		lines = append(lines, r.Lang.T(txtForgotMember))
	}
	if f.AccessRequest {
		lines = append(lines, r.Lang.T(txtForgotRequest))
	}
	if f.Settings {
		lines = append(lines, r.Lang.T(txtForgotSettings))
	}
	if f.Conversation {
		lines = append(lines, r.Lang.T(txtForgotConversation))
	}
	if alerts {
		lines = append(lines, r.Lang.T(txtForgotAlerts))
	}
	lines = append(lines, extras...)
	if len(f.Contacts) > 0 {
		lines = append(lines, r.Lang.T(txtForgotContacts, ids(f.Contacts)))
	}
	if len(f.Nominations) > 0 {
		lines = append(lines, r.Lang.T(txtForgotNominations, ids(f.Nominations)))
	}
	if len(f.Unlinked) > 0 {
		lines = append(lines, r.Lang.T(txtForgotUnlinked, ids(f.Unlinked)))
	}
	text := r.Lang.T(txtForgetDone) + "\n• " + strings.Join(lines, "\n• ")
	if b.IsAdmin(r.User.ID) {
		text += "\n\n" + r.Lang.T(txtForgetAdmin)
	}
	return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID, Text: text})
}

func ids(ns []int64) string {
	s := make([]string, len(ns))
	for i, n := range ns {
		s[i] = "#" + strconv.FormatInt(n, 10)
	}
	return strings.Join(s, ", ")
}

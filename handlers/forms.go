package handlers

import (
	"context"
	"strings"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// What every conversation (the nomination, an administrator's contact edit)
// shares: /cancel, the Cancel button and the word "cancel" end it; any other
// command leaves it with a short note and then runs; a shared contact card
// gives the phone.

// cancelCmd handles /cancel.
func (b *Bot) cancelCmd(ctx context.Context, r *Request) error {
	if !r.Chat.Private {
		return b.reply(ctx, r, r.Lang.T(txtNoForm))
	}
	c, err := b.Store.Conversation(ctx, r.User.ID)
	if isNotFound(err) || (err == nil && b.idle(c)) {
		return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Text: r.Lang.T(txtNoForm), Keyboard: &ReplyKeyboard{Remove: true}})
	}
	if err != nil {
		return err
	}
	return b.endForm(ctx, r, c, cancelledText(r.Lang, c))
}

// endForm ends c and tells the user text, taking away a keyboard the form showed.
func (b *Bot) endForm(ctx context.Context, r *Request, c storage.Conversation, text string) error {
	if _, err := b.Store.EndConversation(ctx, r.User.ID); err != nil {
		return err
	}
	return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Text: text, Keyboard: &ReplyKeyboard{Remove: true}})
}

func cancelledText(l i18n.Lang, c storage.Conversation) string {
	if c.Submit != nil {
		return l.T(txtSubmitCancelled)
	}
	if c.EditContact != 0 {
		return l.T(txtEditCancelled, c.EditContact)
	}
	return l.T(txtNomCancelled)
}

// leaveForm ends r's open form before another command runs, with a short
// note, so that a command is never taken as an answer. /cancel ends the form
// itself, /nominate resumes the nomination and /forgetme deletes it.
func (b *Bot) leaveForm(ctx context.Context, r *Request) error {
	if !r.Chat.Private || r.Role == Stranger || r.Command == "cancel" || r.Command == "forgetme" {
		return nil // /forgetme deletes the form with everything else
	}
	c, err := b.Store.Conversation(ctx, r.User.ID)
	switch {
	case isNotFound(err):
		return nil
	case err != nil:
		return err
	case r.Command == "nominate" && c.EditContact == 0 && c.Submit == nil && r.Args == "":
		return nil
	case b.idle(c), c.Submit != nil: // a waiting submission is not a form: it just is not recorded
		_, err := b.Store.EndConversation(ctx, r.User.ID)
		return err
	}
	text := r.Lang.T(txtLeftNomination)
	if c.EditContact != 0 {
		text = r.Lang.T(txtLeftEdit, c.EditContact)
	}
	return b.endForm(ctx, r, c, text)
}

// isCancelWord reports whether a message typed in a form means "cancel":
// the word itself or the label of the keyboard's Cancel button, in any case,
// folded the Turkish way (storage.Fold: "iptal", "IPTAL", "İPTAL" and, typed
// on a Turkish keyboard, "ıptal" alike).
func isCancelWord(l i18n.Lang, text string) bool {
	t := storage.Fold(strings.TrimSpace(text))
	label := l.T(txtBtnNomCancel)
	return t == "cancel" || t == storage.Fold(label) || t == storage.Fold(strings.TrimSpace(strings.TrimPrefix(label, "✖️")))
}

// sharedPhone is a contact card's number in international form: Telegram
// sends it with or without the "+".
func sharedPhone(s string) string {
	s = strings.TrimSpace(s)
	if s != "" && !strings.HasPrefix(s, "+") {
		s = "+" + s
	}
	return s
}

// phoneKeyboard is the keyboard of a step that asks for a phone: share my
// own number, back to the summary when correcting, cancel.
func phoneKeyboard(l i18n.Lang, c storage.Conversation) *ReplyKeyboard {
	k := &ReplyKeyboard{SharePhone: l.T(txtBtnSharePhone)}
	if c.Editing {
		k.Texts = append(k.Texts, l.T(txtBtnNomBack))
	}
	k.Texts = append(k.Texts, l.T(txtBtnNomCancel))
	return k
}

// ask sends the question of c's step, after lead when lead is not empty.
// The phone step carries the keyboard with "Share my phone" (Telegram
// allows no inline buttons next to it); the others their inline buttons.
func (b *Bot) ask(ctx context.Context, r *Request, c storage.Conversation, lead string) error {
	text, buttons := b.prompt(r.Lang, c)
	if lead != "" {
		text = lead + "\n\n" + text
	}
	if c.Step == string(storage.FieldPhone) && c.EditContact == 0 {
		return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Text: text, Keyboard: phoneKeyboard(r.Lang, c)})
	}
	return b.reply(ctx, r, text, buttons...)
}

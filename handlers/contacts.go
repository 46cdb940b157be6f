package handlers

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// Contacts hold personal data: they are shown to members and administrators
// only, in private chats only. Buttons: "ctc:y|n:<id>" decide a nomination,
// "ctw:<id>" withdraws one, "ctp:<party>" lists a Party, "cte:<id>[:<field>]"
// edits and "ctr:[y:|n:]<id>" removes an approved contact.

// maxContactButtons keeps the keyboard of /contacts usable on a phone.
const maxContactButtons = 30

// contactCard shows a contact's fields, escaped.
func contactCard(c storage.Contact) string {
	lines := []string{"<b>" + esc(c.FullName) + "</b>", esc(c.Position), esc(c.Organization),
		"✉️ " + esc(c.Email), "📞 " + esc(formatPhone(c.Phone))}
	if c.Username != "" {
		lines = append(lines, "💬 @"+esc(c.Username))
	}
	return strings.Join(lines, "\n")
}

// shownValue is a field as people read it: phones grouped the country's way.
func shownValue(c storage.Contact, f storage.Field) string {
	if f == storage.FieldPhone {
		return formatPhone(c.Phone)
	}
	return c.Get(f)
}

// contacts handles /contacts [party].
func (b *Bot) contacts(ctx context.Context, r *Request) error {
	if !r.Chat.Private {
		return b.replyGoPrivate(ctx, r, r.Lang.T(txtContactsPrivate), "contacts")
	}
	var only storage.Party
	if r.Args != "" {
		p, ok := storage.ParseParty(r.Args)
		if !ok {
			return b.reply(ctx, r, r.Lang.T(txtContactsUnknownParty, echo(r.Args)), partyButtons(r.Lang, "ctp:")...)
		}
		only = p
	}
	return b.listContacts(ctx, r, only)
}

func (b *Bot) contactsPartyButton(ctx context.Context, r *Request) error {
	p := storage.Party(strings.TrimPrefix(r.Callback.Data, "ctp:"))
	if !p.Valid() || !r.Chat.Private {
		return b.Sender.AnswerCallback(ctx, r.Callback.ID, r.Lang.T(txtStaleButton), true)
	}
	if err := b.Sender.AnswerCallback(ctx, r.Callback.ID, "", false); err != nil {
		return err
	}
	return b.listContacts(ctx, r, p)
}

// listContacts sends the approved contacts (of one Party when only is set),
// grouped by Party; administrators get Edit and Remove buttons.
func (b *Bot) listContacts(ctx context.Context, r *Request, only storage.Party) error {
	all, err := b.Store.Contacts(ctx)
	if err != nil {
		return err
	}
	var lines []string
	var rows [][]Button
	var party storage.Party
	n := 0
	for _, c := range all {
		if c.Status != storage.ContactApproved || (only != "" && c.Party != only) {
			continue
		}
		if n == 0 || c.Party != party {
			party = c.Party
			lines = append(lines, "", "<b>"+esc(partyLabel(r.Lang, party))+"</b>")
		}
		n++
		card := contactCard(c)
		if r.Role == Admin {
			card += "\n#" + strconv.FormatInt(c.ID, 10)
			if len(rows) < maxContactButtons {
				s := strconv.FormatInt(c.ID, 10)
				rows = append(rows, []Button{{Text: "✏️ #" + s + " " + c.FullName, Data: "cte:" + s},
					{Text: "🗑 #" + s, Data: "ctr:" + s}})
			}
		}
		lines = append(lines, card, "")
	}
	if n == 0 {
		if only != "" {
			return b.reply(ctx, r, r.Lang.T(txtNoContactsParty, partyLabel(r.Lang, only)))
		}
		return b.reply(ctx, r, r.Lang.T(txtNoContacts))
	}
	head := r.Lang.T(txtContactsHeader, n)
	if only != "" {
		head = r.Lang.T(txtContactsPartyHeader, partyLabel(r.Lang, only), n)
	}
	return b.reply(ctx, r, head+"\n"+strings.TrimRight(strings.Join(lines, "\n"), "\n"), rows...)
}

// decideContactButton handles "ctc:y:<id>" and "ctc:n:<id>"; exactly one
// administrator's decision stands, the others are told who decided.
func (b *Bot) decideContactButton(ctx context.Context, r *Request) error {
	cid, v, ok := parseIDButton(r.Callback.Data)
	if !ok || v == verbAsk {
		return b.Sender.AnswerCallback(ctx, r.Callback.ID, r.Lang.T(txtStaleButton), true)
	}
	approve := v == verbYes
	b.rememberAdmin(ctx, r)
	c, err := b.Store.DecideContact(ctx, cid, approve, r.User.ID, b.Now())
	switch {
	case isNotFound(err):
		return b.Sender.AnswerCallback(ctx, r.Callback.ID, r.Lang.T(txtNomGone), true)
	case errors.Is(err, storage.ErrAlreadyDecided):
		note := r.Lang.T(txtNomAlreadyDecided, statusWord(r.Lang, c.Status), b.adminName(ctx, c.DecidedBy, r))
		if c.Status == storage.ContactWithdrawn {
			note = r.Lang.T(txtNomWasWithdrawn)
		}
		if err := b.Sender.AnswerCallback(ctx, r.Callback.ID, plainToast(note), true); err != nil {
			return err
		}
		return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID,
			Text: r.Lang.T(txtNomDecidedHead, c.ID, partyLabel(r.Lang, c.Party)) + "\n\n" + note})
	case err != nil:
		return err
	}
	if err := b.Sender.AnswerCallback(ctx, r.Callback.ID, "", false); err != nil {
		return err
	}
	admin := b.adminName(ctx, r.User.ID, r)
	verdict, tell := txtRequestRejected, txtNomYouRejected
	if approve {
		verdict, tell = txtRequestApproved, txtNomYouApproved
	}
	decided := func(l i18n.Lang) string {
		return l.T(txtNomDecidedHead, c.ID, partyLabel(l, c.Party)) + "\n\n" + contactCard(c) + "\n\n" + l.T(verdict, admin)
	}
	if err := b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID, Text: decided(r.Lang)}); err != nil {
		return err
	}
	if err := b.decidedEverywhere(ctx, r, contactKey(c.ID), decided); err != nil {
		return err
	}
	if c.NominatedBy != 0 && c.NominatedBy != r.User.ID {
		// The nominator may have blocked the bot; the decision stands anyway.
		l := b.langOf(ctx, c.NominatedBy)
		_ = b.Sender.Send(ctx, Message{ChatID: c.NominatedBy, Text: l.T(tell, esc(c.FullName), c.ID)})
	}
	return nil
}

// plainToast turns a short HTML text into the plain text a toast shows.
func plainToast(s string) string {
	r := strings.NewReplacer("<b>", "", "</b>", "", "&lt;", "<", "&gt;", ">", "&amp;", "&", "&#34;", `"`, "&#39;", "'")
	return r.Replace(s)
}

// mynominations lists the user's nominations, with Withdraw buttons for the pending ones.
func (b *Bot) mynominations(ctx context.Context, r *Request) error {
	if !r.Chat.Private {
		return b.replyGoPrivate(ctx, r, r.Lang.T(txtNomPrivate), "mynominations")
	}
	all, err := b.Store.Contacts(ctx)
	if err != nil {
		return err
	}
	lines := []string{r.Lang.T(txtMyNomsHeader)}
	var rows [][]Button
	for _, c := range all {
		if c.NominatedBy != r.User.ID {
			continue
		}
		s := strconv.FormatInt(c.ID, 10)
		lines = append(lines, "#"+s+" · "+esc(c.FullName)+" · "+esc(c.Email)+" · "+statusWord(r.Lang, c.Status))
		if c.Status == storage.ContactPending && len(rows) < maxContactButtons {
			rows = append(rows, []Button{{Text: r.Lang.T(txtBtnWithdraw, s, c.FullName), Data: "ctw:" + s}})
		}
	}
	if len(lines) == 1 {
		return b.reply(ctx, r, r.Lang.T(txtMyNomsNone))
	}
	return b.reply(ctx, r, strings.Join(lines, "\n"), rows...)
}

// withdrawButton handles "ctw:<id>" for the nominator of a pending nomination.
func (b *Bot) withdrawButton(ctx context.Context, r *Request) error {
	cid, v, ok := parseIDButton(r.Callback.Data)
	if !ok || v != verbAsk || !r.Chat.Private {
		return b.Sender.AnswerCallback(ctx, r.Callback.ID, r.Lang.T(txtStaleButton), true)
	}
	c, err := b.Store.WithdrawContact(ctx, cid, r.User.ID, b.Now())
	switch {
	case isNotFound(err), errors.Is(err, storage.ErrNotYours):
		return b.Sender.AnswerCallback(ctx, r.Callback.ID, r.Lang.T(txtStaleButton), true)
	case errors.Is(err, storage.ErrAlreadyDecided):
		return b.Sender.AnswerCallback(ctx, r.Callback.ID, r.Lang.T(txtWithdrawTooLate, c.ID, plainToast(statusWord(r.Lang, c.Status))), true)
	case err != nil:
		return err
	}
	if err := b.Sender.AnswerCallback(ctx, r.Callback.ID, "", false); err != nil {
		return err
	}
	if err := b.reply(ctx, r, r.Lang.T(txtWithdrawn, c.ID, esc(c.FullName))); err != nil {
		return err
	}
	if err := b.decidedEverywhere(ctx, r, contactKey(c.ID), func(l i18n.Lang) string {
		return l.T(txtNomDecidedHead, c.ID, partyLabel(l, c.Party)) + "\n\n" + l.T(txtNomWasWithdrawn)
	}); err != nil {
		return err
	}
	return b.notifyAdmins(ctx, textNotice(func(l i18n.Lang) string { return l.T(txtNomWithdrawnAdmin, c.ID, partyLabel(l, c.Party)) }))
}

// editContactCmd handles /editcontact ID field value.
func (b *Bot) editContactCmd(ctx context.Context, r *Request) error {
	fs := strings.Fields(r.Args)
	if len(fs) < 3 {
		return b.reply(ctx, r, r.Lang.T(txtEditContactUsage))
	}
	cid, err := strconv.ParseInt(strings.TrimPrefix(fs[0], "#"), 10, 64)
	f, ok := parseField(fs[1])
	if err != nil || !ok {
		return b.reply(ctx, r, r.Lang.T(txtEditContactUsage))
	}
	rest := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(r.Args), fs[0]))
	value := strings.TrimSpace(strings.TrimPrefix(rest, fs[1]))
	return b.applyEdit(ctx, r, cid, f, value)
}

// applyEdit sets a field of an approved contact and says how it went.
func (b *Bot) applyEdit(ctx context.Context, r *Request, cid int64, f storage.Field, value string) error {
	c, err := b.Store.EditContact(ctx, cid, f, value, r.User.ID, b.Now())
	var fe *storage.FieldError
	switch {
	case isNotFound(err):
		return b.reply(ctx, r, r.Lang.T(txtNoSuchContact, cid))
	case errors.Is(err, storage.ErrAlreadyDecided):
		return b.reply(ctx, r, r.Lang.T(txtContactNotApproved, cid))
	case errors.Is(err, storage.ErrDuplicateEmail):
		return b.reply(ctx, r, r.Lang.T(txtNomDuplicate, echo(value), c.ID, statusWord(r.Lang, c.Status)))
	case errors.As(err, &fe):
		return b.reply(ctx, r, "⚠️ "+fieldProblem(r.Lang, err, partyOf(r))+" "+r.Lang.T(txtNothingChanged))
	case err != nil:
		return err
	}
	return b.reply(ctx, r, r.Lang.T(txtContactEdited, cid, fieldLabel(r.Lang, f))+"\n\n"+contactCard(c))
}

// editButton: "cte:<id>" offers the fields; "cte:<id>:<field>" asks for the value.
func (b *Bot) editButton(ctx context.Context, r *Request) error {
	parts := strings.Split(r.Callback.Data, ":")
	var cid int64
	var err error
	if len(parts) >= 2 {
		cid, err = strconv.ParseInt(parts[1], 10, 64)
	}
	if len(parts) < 2 || len(parts) > 3 || err != nil {
		return b.Sender.AnswerCallback(ctx, r.Callback.ID, r.Lang.T(txtStaleButton), true)
	}
	c, err := b.Store.Contact(ctx, cid)
	if isNotFound(err) || (err == nil && c.Status != storage.ContactApproved) {
		return b.Sender.AnswerCallback(ctx, r.Callback.ID, r.Lang.T(txtNoSuchContact, cid), true)
	}
	if err != nil {
		return err
	}
	if err := b.Sender.AnswerCallback(ctx, r.Callback.ID, "", false); err != nil {
		return err
	}
	s := strconv.FormatInt(cid, 10)
	if len(parts) == 2 {
		var rows [][]Button
		for i := 0; i < len(storage.Fields); i += 3 {
			var row []Button
			for _, f := range storage.Fields[i:min(i+3, len(storage.Fields))] {
				row = append(row, Button{Text: fieldLabel(r.Lang, f), Data: "cte:" + s + ":" + string(f)})
			}
			rows = append(rows, row)
		}
		return b.reply(ctx, r, r.Lang.T(txtEditWhich, cid)+"\n\n"+contactCard(c), rows...)
	}
	f := storage.Field(parts[2])
	if _, ok := parseField(string(f)); !ok {
		return b.reply(ctx, r, r.Lang.T(txtStaleButton))
	}
	conv := storage.Conversation{UserID: r.User.ID, Step: string(f), EditContact: cid, Updated: b.Now()}
	if err := b.Store.PutConversation(ctx, conv); err != nil {
		return err
	}
	return b.reply(ctx, r, r.Lang.T(txtEditAsk, fieldLabel(r.Lang, f), cid, echo(shownValue(c, f))), cancelRow(r.Lang))
}

// editContactText takes the value an administrator typed for an edit.
func (b *Bot) editContactText(ctx context.Context, r *Request, c storage.Conversation) error {
	if r.Role != Admin {
		_, err := b.Store.EndConversation(ctx, r.User.ID)
		return err
	}
	if _, err := storage.Normalize(storage.Field(c.Step), r.Text); err != nil {
		return b.reply(ctx, r, "⚠️ "+fieldProblem(r.Lang, err, partyOf(r))+"\n"+r.Lang.T(txtEditAgain, fieldLabel(r.Lang, storage.Field(c.Step))), cancelRow(r.Lang))
	}
	if _, err := b.Store.EndConversation(ctx, r.User.ID); err != nil {
		return err
	}
	return b.applyEdit(ctx, r, c.EditContact, storage.Field(c.Step), r.Text)
}

// removeContactCmd handles /removecontact ID: it asks to confirm.
func (b *Bot) removeContactCmd(ctx context.Context, r *Request) error {
	cid, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(r.Args), "#"), 10, 64)
	if err != nil {
		return b.reply(ctx, r, r.Lang.T(txtRemoveContactUsage))
	}
	return b.askRemoveContact(ctx, r, cid)
}

func (b *Bot) askRemoveContact(ctx context.Context, r *Request, cid int64) error {
	c, err := b.Store.Contact(ctx, cid)
	if isNotFound(err) {
		return b.reply(ctx, r, r.Lang.T(txtNoSuchContact, cid))
	}
	if err != nil {
		return err
	}
	s := strconv.FormatInt(cid, 10)
	return b.reply(ctx, r, r.Lang.T(txtRemoveContactAsk, cid)+"\n\n"+contactCard(c),
		[]Button{{Text: r.Lang.T(txtBtnRemove), Data: "ctr:y:" + s}, {Text: r.Lang.T(txtBtnCancel), Data: "ctr:n:" + s}})
}

// removeContactButton: "ctr:<id>" asks, "ctr:y:<id>" removes, "ctr:n:<id>" cancels.
func (b *Bot) removeContactButton(ctx context.Context, r *Request) error {
	cid, v, ok := parseIDButton(r.Callback.Data)
	if !ok {
		return b.Sender.AnswerCallback(ctx, r.Callback.ID, r.Lang.T(txtStaleButton), true)
	}
	if err := b.Sender.AnswerCallback(ctx, r.Callback.ID, "", false); err != nil {
		return err
	}
	switch v {
	case verbAsk:
		return b.askRemoveContact(ctx, r, cid)
	case verbNo:
		return b.cancelled(ctx, r)
	}
	c, err := b.Store.RemoveContact(ctx, cid, r.User.ID, b.Now())
	if isNotFound(err) {
		return b.reply(ctx, r, r.Lang.T(txtNoSuchContact, cid))
	}
	if err != nil {
		return err
	}
	return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID,
		Text: r.Lang.T(txtContactRemoved, cid, esc(c.FullName))})
}

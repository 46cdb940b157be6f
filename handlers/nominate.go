package handlers

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// The guided nomination. Its state is a storage.Conversation, read from the
// store on every message and button, so it survives a restart of the bot.
// Buttons: "nom:cancel", "nom:org" (the default organization), "nom:skip" (no
// Telegram username), "nom:edit:<field>", "nom:back" (to the summary), "nom:ok".

// partyOf is the Party r speaks for, or "".
func partyOf(r *Request) storage.Party {
	if r.Member != nil {
		return r.Member.Party
	}
	return ""
}

// nominate handles /nominate and /nominate Name; Position; e-mail; phone[; @username].
func (b *Bot) nominate(ctx context.Context, r *Request) error {
	if !r.Chat.Private {
		return b.replyGoPrivate(ctx, r, r.Lang.T(txtNomPrivate), "nominate")
	}
	party := partyOf(r)
	if r.Role == Admin {
		// The Secretariat nominates for any Party: "/nominate KZ" (and
		// "/nominate KZ Name; ..."), or a Party chosen from the buttons.
		code, rest, _ := strings.Cut(r.Args, " ")
		if p, ok := storage.ParseParty(code); ok && !strings.Contains(code, ";") {
			party, r.Args = p, strings.TrimSpace(rest)
		} else if r.Args == "" || party == "" {
			return b.reply(ctx, r, r.Lang.T(txtNomWhichParty), partyButtons(r.Lang, "nomp:")...)
		}
	}
	if party == "" {
		return b.reply(ctx, r, r.Lang.T(txtNomNeedParty))
	}
	if r.Args != "" {
		return b.nominateOneMessage(ctx, r, party)
	}
	if c, err := b.Store.Conversation(ctx, r.User.ID); err == nil && c.EditContact == 0 && c.Submit == nil && !b.idle(c) {
		c.Updated = b.Now()
		return b.saveAndAsk(ctx, r, c, r.Lang.T(txtNomResume))
	} else if err != nil && !isNotFound(err) {
		return err
	}
	c := storage.Conversation{UserID: r.User.ID, Step: string(storage.FieldName), Updated: b.Now(),
		Draft: storage.Contact{Party: party, NominatedBy: r.User.ID}}
	return b.saveAndAsk(ctx, r, c, r.Lang.T(txtNomStart, partyLabel(r.Lang, party)))
}

// nominateOneMessage reads the fields from /nominate's arguments and goes
// straight to the summary, or says every field that is wrong.
func (b *Bot) nominateOneMessage(ctx context.Context, r *Request, party storage.Party) error {
	parts := strings.Split(r.Args, ";")
	if len(parts) < 4 || len(parts) > 5 {
		return b.reply(ctx, r, r.Lang.T(txtNomUsage))
	}
	fields := []storage.Field{storage.FieldName, storage.FieldPosition, storage.FieldEmail, storage.FieldPhone, storage.FieldUsername}
	d := storage.Contact{Party: party, NominatedBy: r.User.ID, Organization: party.CustomsAdministration()}
	var problems []string
	for i, p := range parts {
		if err := d.Set(fields[i], p); err != nil {
			problems = append(problems, fieldProblem(r.Lang, err, party))
		}
	}
	if len(problems) > 0 {
		return b.reply(ctx, r, r.Lang.T(txtNomOneMsgBad)+"\n• "+strings.Join(problems, "\n• ")+"\n\n"+r.Lang.T(txtNomUsage))
	}
	if d.Organization == "" {
		d.Organization = partyLabel(r.Lang, party)
	}
	c := storage.Conversation{UserID: r.User.ID, Step: storage.StepSummary, Draft: d, Updated: b.Now()}
	return b.saveAndAsk(ctx, r, c, "")
}

// idle reports whether c was left alone for longer than a conversation lives.
func (b *Bot) idle(c storage.Conversation) bool {
	return b.Now().Sub(c.Updated) > storage.ConversationIdle
}

// converse routes a plain text message or a shared contact card in a private
// chat to the user's conversation; handled is false when there is none.
func (b *Bot) converse(ctx context.Context, r *Request) (handled bool, err error) {
	if r.Role == Stranger || r.Document != nil || (r.Text == "" && r.SharedPhone == "") {
		return false, nil
	}
	c, err := b.Store.Conversation(ctx, r.User.ID)
	if isNotFound(err) {
		return false, nil
	}
	if err != nil {
		return true, err
	}
	if b.idle(c) {
		if _, err := b.Store.EndConversation(ctx, r.User.ID); err != nil {
			return true, err
		}
		return true, b.reply(ctx, r, expiredText(r.Lang, c))
	}
	if r.SharedPhone == "" && isCancelWord(r.Lang, r.Text) {
		return true, b.endForm(ctx, r, c, cancelledText(r.Lang, c))
	}
	if c.Submit != nil {
		if r.SharedPhone != "" {
			return false, nil
		}
		return true, b.submitReference(ctx, r, c)
	}
	f := storage.Field(c.Step)
	if r.SharedPhone != "" && (f == storage.FieldPhone || c.EditContact != 0) {
		r.Text = sharedPhone(r.SharedPhone)
	}
	if c.EditContact != 0 {
		return true, b.editContactText(ctx, r, c)
	}
	if r.SharedPhone != "" && f != storage.FieldPhone {
		// A card shared at another step: keep its number for the phone step.
		if err := c.Draft.Set(storage.FieldPhone, sharedPhone(r.SharedPhone)); err != nil {
			return true, b.ask(ctx, r, c, "⚠️ "+fieldProblem(r.Lang, err, c.Draft.Party))
		}
		c.Updated = b.Now()
		if err := b.Store.PutConversation(ctx, c); err != nil {
			return true, err
		}
		return true, b.ask(ctx, r, c, r.Lang.T(txtNomPhoneFromCard, esc(formatPhone(c.Draft.Phone))))
	}
	if c.Step == storage.StepSummary {
		text, buttons := b.prompt(r.Lang, c)
		return true, b.reply(ctx, r, r.Lang.T(txtNomUseButtons)+"\n\n"+text, buttons...)
	}
	if f == storage.FieldPhone && c.Editing && strings.TrimSpace(r.Text) == r.Lang.T(txtBtnNomBack) {
		if err := b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Text: r.Lang.T(txtNomBackToSummary), Keyboard: &ReplyKeyboard{Remove: true}}); err != nil {
			return true, err
		}
		c.Step, c.Editing, c.Updated = storage.StepSummary, false, b.Now()
		return true, b.saveAndAsk(ctx, r, c, "")
	}
	if t := strings.TrimSpace(r.Text); f == storage.FieldUsername && (t == "-" || strings.EqualFold(t, "skip")) {
		c.Draft.Username = ""
	} else if err := c.Draft.Set(f, r.Text); err != nil {
		return true, b.ask(ctx, r, c, "⚠️ "+fieldProblem(r.Lang, err, c.Draft.Party))
	}
	if f == storage.FieldPhone { // the keyboard of the phone step goes
		if err := b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Text: r.Lang.T(txtNomPhoneNoted, esc(formatPhone(c.Draft.Phone))),
			Keyboard: &ReplyKeyboard{Remove: true}}); err != nil {
			return true, err
		}
	}
	return true, b.advance(ctx, r, c)
}

// advance moves c to its next step, saves it and asks for it.
func (b *Bot) advance(ctx context.Context, r *Request, c storage.Conversation) error {
	i := slices.Index(storage.Fields, storage.Field(c.Step))
	switch {
	case c.Editing || i < 0 || i == len(storage.Fields)-1:
		c.Step, c.Editing = storage.StepSummary, false
	default:
		c.Step = string(storage.Fields[i+1])
		if c.Step == string(storage.FieldPhone) && c.Draft.Phone != "" && i+2 < len(storage.Fields) {
			c.Step = string(storage.Fields[i+2]) // a shared card gave it already
		}
	}
	c.Updated = b.Now()
	return b.saveAndAsk(ctx, r, c, "")
}

// saveAndAsk stores the conversation, answers the pressed button if there is
// one, and asks the question of its step, after lead when lead is not empty.
func (b *Bot) saveAndAsk(ctx context.Context, r *Request, c storage.Conversation, lead string) error {
	if err := b.Store.PutConversation(ctx, c); err != nil {
		return err
	}
	if r.Callback != nil {
		if err := b.Sender.AnswerCallback(ctx, r.Callback.ID, "", false); err != nil {
			return err
		}
	}
	return b.ask(ctx, r, c, lead)
}

func cancelRow(l i18n.Lang) []Button {
	return []Button{{Text: l.T(txtBtnNomCancel), Data: "nom:cancel"}}
}

// prompt is the question of c's step, with its buttons.
func (b *Bot) prompt(l i18n.Lang, c storage.Conversation) (string, [][]Button) {
	d := c.Draft
	if c.Step == storage.StepSummary {
		return l.T(txtNomSummary) + "\n\n" + contactCard(d) + "\n\n" + l.T(txtNomSummaryHint), summaryButtons(l)
	}
	f := storage.Field(c.Step)
	n := slices.Index(storage.Fields, f) + 1
	var text string
	var rows [][]Button
	switch f {
	case storage.FieldName:
		text = l.T(txtNomAskName)
	case storage.FieldPosition:
		text = l.T(txtNomAskPosition)
	case storage.FieldOrganization:
		text = l.T(txtNomAskOrg)
		if org := d.Party.CustomsAdministration(); org != "" {
			rows = append(rows, []Button{{Text: org, Data: "nom:org"}})
		}
	case storage.FieldEmail:
		text = l.T(txtNomAskEmail, emailExample(d.Party))
	case storage.FieldPhone:
		text = l.T(txtNomAskPhone, phoneExample(d.Party))
	case storage.FieldUsername:
		text = l.T(txtNomAskUsername)
		rows = append(rows, []Button{{Text: l.T(txtBtnNomSkip), Data: "nom:skip"}})
	}
	text = l.T(txtNomStep, n, len(storage.Fields)) + " " + text
	if c.Editing {
		if cur := shownValue(d, f); cur != "" {
			text += "\n" + l.T(txtNomCurrent, esc(cur))
		}
		rows = append(rows, []Button{{Text: l.T(txtBtnNomBack), Data: "nom:back"}})
	}
	return text, append(rows, cancelRow(l))
}

func summaryButtons(l i18n.Lang) [][]Button {
	edit := func(f storage.Field) Button {
		return Button{Text: "✏️ " + fieldLabel(l, f), Data: "nom:edit:" + string(f)}
	}
	return [][]Button{
		{{Text: l.T(txtBtnNomConfirm), Data: "nom:ok"}},
		{edit(storage.FieldName), edit(storage.FieldPosition), edit(storage.FieldOrganization)},
		{edit(storage.FieldEmail), edit(storage.FieldPhone), edit(storage.FieldUsername)},
		cancelRow(l),
	}
}

// nomButton handles the buttons of a nomination in progress. A button that
// does not fit the conversation's step (or no conversation) changes nothing.
func (b *Bot) nomButton(ctx context.Context, r *Request) error {
	stale := func() error { return b.Sender.AnswerCallback(ctx, r.Callback.ID, r.Lang.T(txtStaleButton), true) }
	if !r.Chat.Private {
		return stale()
	}
	c, err := b.Store.Conversation(ctx, r.User.ID)
	if isNotFound(err) {
		return stale()
	}
	if err != nil {
		return err
	}
	action := strings.TrimPrefix(r.Callback.Data, "nom:")
	if action == "cancel" {
		if _, err := b.Store.EndConversation(ctx, r.User.ID); err != nil {
			return err
		}
		if err := b.Sender.AnswerCallback(ctx, r.Callback.ID, "", false); err != nil {
			return err
		}
		if c.Step == string(storage.FieldPhone) { // a new message, to take the phone keyboard away
			return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Text: cancelledText(r.Lang, c), Keyboard: &ReplyKeyboard{Remove: true}})
		}
		return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID, Text: cancelledText(r.Lang, c)})
	}
	if c.EditContact != 0 || c.Submit != nil || b.idle(c) {
		return stale()
	}
	step := storage.Field(c.Step)
	switch {
	case action == "org" && step == storage.FieldOrganization && c.Draft.Party.CustomsAdministration() != "":
		c.Draft.Organization = c.Draft.Party.CustomsAdministration()
	case action == "skip" && step == storage.FieldUsername:
		c.Draft.Username = ""
	case action == "back" && c.Editing:
		c.Step = storage.StepSummary
	case strings.HasPrefix(action, "edit:") && c.Step == storage.StepSummary:
		f := storage.Field(strings.TrimPrefix(action, "edit:"))
		if !slices.Contains(storage.Fields, f) {
			return stale()
		}
		c.Step, c.Editing, c.Updated = string(f), true, b.Now()
		return b.saveAndAsk(ctx, r, c, "")
	case action == "ok" && c.Step == storage.StepSummary:
		return b.confirmNomination(ctx, r, c)
	default:
		return stale()
	}
	return b.advance(ctx, r, c) // it answers the button
}

// confirmNomination files the nomination and tells the administrators.
func (b *Bot) confirmNomination(ctx context.Context, r *Request, c storage.Conversation) error {
	d := c.Draft
	for _, f := range storage.Fields[:5] {
		if d.Get(f) == "" { // a hand-made or damaged state: ask again
			c.Step, c.Editing = string(f), true
			return b.saveAndAsk(ctx, r, c, "")
		}
	}
	d.NominatedBy, d.Nominated = r.User.ID, b.Now()
	d.TelegramUserID = 0
	if d.Username != "" && strings.EqualFold(d.Username, r.User.Username) {
		d.TelegramUserID = r.User.ID // the member nominates themselves
	}
	saved, err := b.Store.Nominate(ctx, d)
	if errors.Is(err, storage.ErrDuplicateEmail) {
		if err := b.Sender.AnswerCallback(ctx, r.Callback.ID, "", false); err != nil {
			return err
		}
		text, buttons := b.prompt(r.Lang, c)
		return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Text: r.Lang.T(txtNomDuplicate, esc(d.Email),
			saved.ID, statusWord(r.Lang, saved.Status)) + "\n\n" + text, Buttons: buttons})
	}
	if err != nil {
		return err
	}
	if _, err := b.Store.EndConversation(ctx, r.User.ID); err != nil {
		return err
	}
	if err := b.Sender.AnswerCallback(ctx, r.Callback.ID, "", false); err != nil {
		return err
	}
	if err := b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID,
		Text: r.Lang.T(txtNomSent, saved.ID) + "\n\n" + contactCard(saved)}); err != nil {
		return err
	}
	return b.notifyAdminsKeyed(ctx, contactKey(saved.ID), func(l i18n.Lang) (string, [][]Button) {
		return b.nominationText(l, saved, userLabel(l, r.User.Name, r.User.Username)), [][]Button{decideContactButtons(l, saved.ID)}
	})
}

func (b *Bot) nominationText(l i18n.Lang, c storage.Contact, nominator string) string {
	return l.T(txtNomAdminNew, c.ID, partyLabel(l, c.Party), nominator) + "\n\n" + contactCard(c)
}

func decideContactButtons(l i18n.Lang, cid int64) []Button {
	s := strconv.FormatInt(cid, 10)
	return []Button{{Text: l.T(txtBtnApprove), Data: "ctc:y:" + s}, {Text: l.T(txtBtnReject), Data: "ctc:n:" + s}}
}

// expiredText is what a user is told when their conversation ended unfinished.
func expiredText(l i18n.Lang, c storage.Conversation) string {
	if c.Submit != nil {
		return l.T(txtSubmitExpired, c.Submit.Task)
	}
	if c.EditContact != 0 {
		return l.T(txtEditExpired, c.EditContact)
	}
	return l.T(txtNomExpired)
}

// ExpireConversations ends every conversation left alone for longer than
// storage.ConversationIdle and tells its user. Each is ended once even when
// several instances run it at once. It returns the first error met; the
// conversations it could not reach are tried again on the next call.
func (b *Bot) ExpireConversations(ctx context.Context) error {
	before := b.Now().Add(-storage.ConversationIdle)
	const batch = 100
	var first error
	for {
		ids, err := b.Store.IdleConversations(ctx, before, batch)
		if err != nil {
			return err
		}
		ended := 0
		for _, uid := range ids {
			c, ok, err := b.Store.EndIdleConversation(ctx, uid, before)
			if err != nil {
				return err
			}
			if !ok {
				continue
			}
			ended++
			// The user may have blocked the bot; the state is gone all the same.
			if err := b.Sender.Send(ctx, Message{ChatID: uid, Text: expiredText(b.langOf(ctx, uid), c)}); err != nil && first == nil {
				first = err
			}
		}
		if len(ids) < batch || ended == 0 {
			return first
		}
	}
}

// fieldLabel names a field for buttons and messages.
func fieldLabel(l i18n.Lang, f storage.Field) string {
	switch f {
	case storage.FieldName:
		return l.T(txtFldName)
	case storage.FieldPosition:
		return l.T(txtFldPosition)
	case storage.FieldOrganization:
		return l.T(txtFldOrg)
	case storage.FieldEmail:
		return l.T(txtFldEmail)
	case storage.FieldPhone:
		return l.T(txtFldPhone)
	case storage.FieldUsername:
		return l.T(txtFldUsername)
	}
	return string(f)
}

// fieldProblem says what is wrong with a value, for the user.
func fieldProblem(l i18n.Lang, err error, p storage.Party) string {
	var fe *storage.FieldError
	if !errors.As(err, &fe) {
		return l.T(txtBadValue)
	}
	switch {
	case fe.Problem == storage.NoVisible:
		return l.T(txtTextInvisible, fieldLabel(l, fe.Field))
	case fe.Field == storage.FieldName && fe.Problem == storage.BadChars:
		return l.T(txtBadNameChars)
	case fe.Field == storage.FieldName:
		return l.T(txtBadLength, l.T(txtFldName), storage.NameMin, storage.NameMax)
	case (fe.Field == storage.FieldPosition || fe.Field == storage.FieldOrganization) && fe.Problem == storage.BadChars:
		return l.T(txtBadTextChars, fieldLabel(l, fe.Field))
	case fe.Field == storage.FieldPosition || fe.Field == storage.FieldOrganization:
		return l.T(txtBadLength, fieldLabel(l, fe.Field), storage.TextMin, storage.TextMax)
	case fe.Field == storage.FieldEmail:
		return l.T(txtBadEmail, emailExample(p))
	case fe.Field == storage.FieldPhone && fe.Problem == storage.NoIntl:
		return l.T(txtBadPhoneIntl)
	case fe.Field == storage.FieldPhone && fe.Problem == storage.BadChars:
		return l.T(txtBadPhoneChars)
	case fe.Field == storage.FieldPhone:
		return l.T(txtBadPhoneDigits, storage.PhoneMinDigits, storage.PhoneMax)
	case fe.Field == storage.FieldUsername:
		return l.T(txtBadUsername, storage.UsernameMin, storage.UsernameMax)
	}
	return l.T(txtBadValue)
}

// parseField reads a field name as administrators type it.
func parseField(s string) (storage.Field, bool) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "name", "fullname", "full_name":
		return storage.FieldName, true
	case "position", "title":
		return storage.FieldPosition, true
	case "org", "organization", "organisation":
		return storage.FieldOrganization, true
	case "email", "e-mail", "mail":
		return storage.FieldEmail, true
	case "phone", "tel", "telephone":
		return storage.FieldPhone, true
	case "username", "telegram", "tg":
		return storage.FieldUsername, true
	}
	return "", false
}

func statusWord(l i18n.Lang, s storage.ContactStatus) string {
	switch s {
	case storage.ContactPending:
		return l.T(txtStatusPending)
	case storage.ContactApproved:
		return l.T(txtStatusApproved)
	case storage.ContactRejected:
		return l.T(txtStatusRejected)
	case storage.ContactWithdrawn:
		return l.T(txtStatusWithdrawn)
	}
	return esc(string(s))
}

// nomPartyButton handles an administrator's "nomp:<Party>": the guided
// nomination starts for that Party.
func (b *Bot) nomPartyButton(ctx context.Context, r *Request) (Answer, error) {
	p := storage.Party(strings.TrimPrefix(r.Callback.Data, "nomp:"))
	if !p.Valid() {
		return stale(r.Lang), nil
	}
	c := storage.Conversation{UserID: r.User.ID, Step: string(storage.FieldName), Updated: b.Now(),
		Draft: storage.Contact{Party: p, NominatedBy: r.User.ID}}
	if err := b.Store.PutConversation(ctx, c); err != nil {
		return Answer{}, err
	}
	text, buttons := b.prompt(r.Lang, c)
	return Answer{Edit: &Message{Text: r.Lang.T(txtNomStart, partyLabel(r.Lang, p)) + "\n\n" + text, Buttons: buttons}}, nil
}

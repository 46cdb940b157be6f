package handlers

import (
	"context"
	"strconv"
	"strings"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// Answer is what a pressed button shows. The runtime answers the callback
// query once, after the handler returned: with Text (a toast, or an alert
// when Alert is set), or with the reply for the handler's error instead.
type Answer struct {
	Text  string // "" just stops the spinner
	Alert bool   // an alert the user must dismiss, not a toast
	// Edit, when set, replaces the message under the button (its ChatID and
	// Edit are filled in); Send, when set, is a new message to the chat.
	Edit *Message
	Send *Message
}

// IsZero reports whether a says nothing at all.
func (a Answer) IsZero() bool { return a == Answer{} }

// toast and alert are the common answers.
func toast(text string) Answer { return Answer{Text: text} }
func alert(text string) Answer { return Answer{Text: text, Alert: true} }

// stale is the answer to a button whose data is not (or no longer) valid.
func stale(l i18n.Lang) Answer { return alert(l.T(txtStaleButton)) }

// ButtonFunc handles a pressed button and returns what its presser sees.
// An error it returns is logged by the runtime, and the presser gets the
// error's reply (ReplyForError) as an alert in place of the answer.
type ButtonFunc func(ctx context.Context, r *Request) (Answer, error)

// Subject says whom a button's data names, so that one check (mayPress)
// refuses a presser who may not act on it before any handler runs.
type Subject int

// The subjects of buttons.
const (
	// NoSubject: the button acts for its presser only (their own request,
	// their own view), or on something the access level already restricts.
	NoSubject Subject = iota
	// PartySubject: the data ends in a Party code ("done:12:TR"); only an
	// administrator or a member who speaks for that Party may press it.
	PartySubject
)

// ButtonRoute is one family of inline buttons: the prefix of their data, who
// may press them where (the access levels of commands), whom the data names,
// and the handler.
type ButtonRoute struct {
	Prefix  string
	Access  Access
	Subject Subject
	Press   ButtonFunc
}

// buttonTable declares every button of the bot. Adding a family is one line:
// its prefix, its access, its subject and its handler. The data of a button
// is at most 64 bytes (Telegram's limit): "prefix:" and short ids.
//
//	agenda:<meeting>            a meeting's agenda              anyone reading
//	iam:<Party>                 ask to speak for a Party        members
//	iamd:y|n:<user>             approve or reject that change   administrators, private
//	join[:<Party>]              a stranger asks for access      anyone
//	acc:y|n:<user>              approve or reject access        administrators, private
//	rm:[y|n:]<user>             remove a member                 administrators, private
//	imp:, impu:                 import minutes, undo an import  administrators
//	task:<id>                   show a task                     anyone reading
//	done:<id>:<Party>           (older lists) asks, like sub:a  that Party or administrators
//	st:c|o:<id>:<Party>         confirm or reopen a Party's part administrators
//	del:[y|n:]<id>              delete a task                   administrators
//	nom:, ctw:, ctp:            nominations and contacts        members
//	ctc:, cte:, ctr:            decide, edit, remove contacts   administrators, private
//	fgt:y|n                     forget me                       anyone
//	nomp:<Party>                nominate for that Party         administrators, private
//	pg:my:<n>, pg:dl:o|a:<n>    page n of /mytasks, /deadlines  anyone reading
//	sub:a|y|n:<id>:<Party>      ask, record, cancel a submission that Party or administrators
//	sub:u:<id>:<list>:<Party>   undo it (for a while)           that Party or administrators
//	file:<id>:<Party>           the file sent with it           that Party or administrators
//	cmd:<command>               run the command meant (a typo)  as the command
//	dg:d:<weekday>|t:<hour>|off set or stop the weekly digest   members
//	tz:<IANA zone>|-            set the chat's time zone        members in private, administrators in groups
//	lang:<tag>                  choose one's (or a group's) language anyone (a group: its administrators)
func (b *Bot) buttonTable() []ButtonRoute {
	return []ButtonRoute{
		{Prefix: "agenda:", Access: ReadOnly, Press: legacy(b.agendaButton)},
		{Prefix: "iam:", Access: Members, Press: b.iamButton},
		{Prefix: "join", Access: Anyone, Press: b.joinButton},
		{Prefix: "acc:", Access: AdminPrivate, Press: b.decideButton},
		{Prefix: "rm:", Access: AdminPrivate, Press: legacy(b.removeButton)},
		{Prefix: "imp:", Access: AdminAnywhere, Press: legacy(b.importButton)},
		{Prefix: "impu:", Access: AdminPrivate, Press: legacy(b.undoButton)},
		{Prefix: "task:", Access: ReadOnly, Press: b.taskButton},
		{Prefix: "done:", Access: Members, Subject: PartySubject, Press: b.doneButton},
		{Prefix: "st:", Access: AdminAnywhere, Subject: PartySubject, Press: b.statusButton},
		{Prefix: "del:", Access: AdminAnywhere, Press: legacy(b.delButton)},
		// Contacts (issue 3).
		{Prefix: "nom:", Access: Members, Press: legacy(b.nomButton)},
		{Prefix: "ctc:", Access: AdminPrivate, Press: legacy(b.decideContactButton)},
		{Prefix: "ctw:", Access: Members, Press: legacy(b.withdrawButton)},
		{Prefix: "ctp:", Access: Members, Press: legacy(b.contactsPartyButton)},
		{Prefix: "cte:", Access: AdminPrivate, Press: legacy(b.editButton)},
		{Prefix: "ctr:", Access: AdminPrivate, Press: legacy(b.removeContactButton)},
		{Prefix: "fgt:", Access: Anyone, Press: legacy(b.forgetButton)},
		// Lists (issue 10).
		{Prefix: "pg:", Access: ReadOnly, Press: b.pageButton},
		{Prefix: "nomp:", Access: AdminPrivate, Press: b.nomPartyButton},
		{Prefix: "sub:", Access: Members, Subject: PartySubject, Press: b.submitPress},
		{Prefix: "file:", Access: Members, Subject: PartySubject, Press: b.filePress},
		{Prefix: "cmd:", Access: Anyone, Press: b.commandButton},
		{Prefix: "dg:", Access: Members, Press: b.digestButton},
		{Prefix: "tz:", Access: PrivateOrAdminGroup, Press: b.timezoneButton},
		{Prefix: "lang:", Access: Anyone, Press: b.languageButton},
	}
}

// legacy adapts a handler that answers through Sender.AnswerCallback: the
// runtime holds such an answer back and gives it (or the error's reply) once
// the handler returned, so these handlers too answer exactly once.
func legacy(h HandlerFunc) ButtonFunc {
	return func(ctx context.Context, r *Request) (Answer, error) { return Answer{}, h(ctx, r) }
}

// Buttons returns the button table, for the README's check and the runtime's metrics.
func (b *Bot) Buttons() []ButtonRoute { return append([]ButtonRoute(nil), b.buttons...) }

// handleCallback finds the button's family, checks in one place that the
// presser may press it, runs it and shows what it returned. The answer to
// the query itself is left in r.Callback.Answer for the runtime.
func (b *Bot) handleCallback(ctx context.Context, r *Request) error {
	if r.Callback.Inaccessible {
		// The message is too old to edit: nothing the button would show can
		// be shown, so say so rather than act out of sight.
		r.Callback.Answer = alert(r.Lang.T(txtOldButton))
		return nil
	}
	for _, route := range b.buttons {
		if !strings.HasPrefix(r.Callback.Data, route.Prefix) {
			continue
		}
		if refusal, ok := b.mayPress(route, r); !ok {
			r.Callback.Answer = refusal
			return nil
		}
		ans, err := route.Press(ctx, r)
		if err != nil {
			return err
		}
		if ans.Edit != nil {
			m := *ans.Edit
			m.ChatID, m.Edit = r.Chat.ID, r.Callback.MessageID
			if err := b.Sender.Send(ctx, m); err != nil {
				return err
			}
		}
		if ans.Send != nil {
			m := *ans.Send
			if m.ChatID == 0 {
				m.ChatID = r.Chat.ID
			}
			if err := b.Sender.Send(ctx, m); err != nil {
				return err
			}
		}
		if ans.Text != "" { // else what a legacy handler answered stands
			r.Callback.Answer = Answer{Text: ans.Text, Alert: ans.Alert}
		}
		return nil
	}
	r.Callback.Answer = stale(r.Lang)
	return nil
}

// mayPress is the one check of who may press what: the family's access level
// (as for commands), then the subject its data names. When ok is false,
// refusal is the answer: empty in a group that did not enable the bot (the
// spinner stops without a word), otherwise why.
func (b *Bot) mayPress(route ButtonRoute, r *Request) (refusal Answer, ok bool) {
	if ok, silent := allowed(route.Access, r); !ok {
		if silent {
			return Answer{}, false
		}
		return stale(r.Lang), false
	}
	switch route.Subject {
	case PartySubject:
		p, ok := lastParty(r.Callback.Data)
		if !ok {
			return stale(r.Lang), false
		}
		if !mayActFor(r, p) {
			return alert(r.Lang.T(txtNotYourParty, partyLabel(r.Lang, p))), false
		}
	}
	return Answer{}, true
}

// mayActFor reports whether r's sender may change p's status: an
// administrator for any Party, a member only for the Party they speak for.
func mayActFor(r *Request, p storage.Party) bool {
	return r.Role == Admin || (r.Member != nil && r.Member.Party == p)
}

// lastParty reads the Party code that ends a button's data.
func lastParty(data string) (storage.Party, bool) {
	i := strings.LastIndexByte(data, ':')
	p := storage.Party(data[i+1:])
	return p, i >= 0 && p.Valid()
}

// Verb is what a button of the ask-then-confirm kind says: "prefix:ID" asks,
// "prefix:y:ID" does it, "prefix:n:ID" cancels (and for decisions, y and n
// are approve and reject).
type verb int

const (
	verbAsk verb = iota
	verbYes
	verbNo
)

// parseButton reads "prefix:ID", "prefix:y:ID" and "prefix:n:ID". ok is false
// for any other shape, so that a forged or mangled button is refused.
func parseButton(data string) (id string, v verb, ok bool) {
	parts := strings.Split(data, ":")
	switch {
	case len(parts) == 2 && parts[1] != "":
		return parts[1], verbAsk, true
	case len(parts) == 3 && parts[1] == "y" && parts[2] != "":
		return parts[2], verbYes, true
	case len(parts) == 3 && parts[1] == "n" && parts[2] != "":
		return parts[2], verbNo, true
	}
	return "", 0, false
}

// parseIDButton is parseButton for a positive numeric id.
func parseIDButton(data string) (id int64, v verb, ok bool) {
	s, v, ok := parseButton(data)
	if !ok {
		return 0, 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, v, err == nil && n > 0
}

// cancelled replaces the question under a pressed Cancel button.
func (b *Bot) cancelled(ctx context.Context, r *Request) error {
	return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID, Text: r.Lang.T(txtCancelled)})
}

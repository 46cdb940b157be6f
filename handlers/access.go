package handlers

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// joinButton flow: "join" asks for a Party, "join:TR" files the request.
func (b *Bot) joinButton(ctx context.Context, r *Request) (Answer, error) {
	if !r.Chat.Private {
		return alert(r.Lang.T(txtNotInGroup)), nil
	}
	if r.Role != Stranger && r.Member != nil {
		return Answer{}, b.reply(ctx, r, r.Lang.T(txtAlreadyMember, partyLabel(r.Lang, r.Member.Party)))
	}
	if note, err := b.requestStanding(ctx, r); err != nil || note != "" {
		return Answer{Edit: &Message{Text: note}}, err
	}
	code, chosen := strings.CutPrefix(r.Callback.Data, "join:")
	if !chosen {
		return Answer{Edit: &Message{Text: r.Lang.T(txtChooseParty), Buttons: partyButtons(r.Lang, "join:")}}, nil
	}
	p := storage.Party(code)
	if !p.Valid() {
		return stale(r.Lang), nil
	}
	req, created, err := b.Store.RequestAccess(ctx, storage.AccessRequest{UserID: r.User.ID,
		Name: r.User.Name, Username: r.User.Username, Party: p, Requested: b.Now()})
	if err != nil {
		return Answer{}, err
	}
	if !created {
		return Answer{Edit: &Message{Text: r.Lang.T(txtRequestPending, partyLabel(r.Lang, req.Party))}}, nil
	}
	if err := b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID,
		Text: r.Lang.T(txtRequestSent, partyLabel(r.Lang, p))}); err != nil {
		return Answer{}, err
	}
	return Answer{}, b.notifyAdminsKeyed(ctx, accessKey(req.UserID), requestNotice(req))
}

// requestNotice is the notice of req to an administrator, with its buttons.
func requestNotice(req storage.AccessRequest) notice {
	return func(l i18n.Lang) (string, [][]Button) {
		return requestText(l, req), [][]Button{decideButtons(l, req.UserID)}
	}
}

func requestText(l i18n.Lang, req storage.AccessRequest) string {
	if req.From != "" {
		return l.T(txtAdminPartyChange, userLabel(l, req.Name, req.Username), partyLabel(l, req.From), partyLabel(l, req.Party))
	}
	return l.T(txtAdminNewRequest, userLabel(l, req.Name, req.Username), partyLabel(l, req.Party))
}

func decideButtons(l i18n.Lang, userID int64) []Button {
	id := strconv.FormatInt(userID, 10)
	return []Button{{Text: l.T(txtBtnApprove), Data: "acc:y:" + id}, {Text: l.T(txtBtnReject), Data: "acc:n:" + id}}
}

// decideButton handles "acc:y:<user>" and "acc:n:<user>". The store decides a
// request once; an administrator who presses second is told who decided.
func (b *Bot) decideButton(ctx context.Context, r *Request) (Answer, error) {
	userID, v, ok := parseIDButton(r.Callback.Data)
	if !ok || v == verbAsk {
		return stale(r.Lang), nil
	}
	approve := v == verbYes
	b.rememberAdmin(ctx, r)
	req, err := b.Store.DecideAccess(ctx, userID, approve, r.User.ID, b.Now())
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return alert(r.Lang.T(txtRequestGone)), nil
	case errors.Is(err, storage.ErrAlreadyDecided):
		return Answer{Text: plainToast(b.decidedNote(ctx, req, r)), Alert: true,
			Edit: &Message{Text: requestText(r.Lang, req) + "\n\n" + b.decidedLine(ctx, r.Lang, req, r)}}, nil
	case err != nil:
		return Answer{}, err
	}
	decided := func(l i18n.Lang) string { return requestText(l, req) + "\n\n" + b.decidedLine(ctx, l, req, r) }
	action := storage.AuditMemberRejected
	switch {
	case approve && req.From != "":
		action = storage.AuditMemberParty
	case approve:
		action = storage.AuditMemberApproved
	}
	_ = b.record(ctx, r.User.ID, action, userID) // best effort, logged: the decision stands
	if err := b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID, Text: decided(r.Lang)}); err != nil {
		return Answer{}, err
	}
	if err := b.decidedEverywhere(ctx, r, accessKey(userID), decided); err != nil {
		return Answer{}, err
	}
	var tell string
	l := b.langOf(ctx, userID) // the requester's language, not the administrator's
	switch {
	case approve && req.From != "":
		tell = l.T(txtYouPartyChanged, partyLabel(l, req.Party))
	case approve:
		tell = l.T(txtYouApproved, partyLabel(l, req.Party))
	case req.From != "":
		tell = l.T(txtYouPartyKept, partyLabel(l, req.From))
	default:
		again := longDate(l, storage.DateOf(req.Decided.Add(b.AccessRetry).In(b.Location)))
		tell = l.T(txtYouRejected, again)
	}
	return Answer{}, b.Sender.Send(ctx, Message{ChatID: userID, Text: tell})
}

// decidedLine is "✅ Approved by Name" for a decided request.
func (b *Bot) decidedLine(ctx context.Context, l i18n.Lang, req storage.AccessRequest, r *Request) string {
	who := b.adminName(ctx, req.DecidedBy, r)
	if req.Status == storage.RequestApproved {
		return l.T(txtRequestApproved, who)
	}
	return l.T(txtRequestRejected, who)
}

func (b *Bot) decidedNote(ctx context.Context, req storage.AccessRequest, r *Request) string {
	word := map[storage.RequestStatus]i18n.ID{storage.RequestApproved: txtStatusApproved, storage.RequestRejected: txtStatusRejected}[req.Status]
	if word == "" {
		word = txtStatusPending
	}
	return r.Lang.T(txtAlreadyDecided, r.Lang.T(word), b.adminName(ctx, req.DecidedBy, r))
}

// rememberAdmin keeps the name of an administrator who decides something,
// so that later messages can name them ("Approved by Aida"): administrators
// without a Party have no member record otherwise. Best effort.
func (b *Bot) rememberAdmin(ctx context.Context, r *Request) {
	if r.Role != Admin || r.Member != nil || strings.TrimSpace(r.User.Name) == "" {
		return
	}
	_ = b.Store.PutMember(ctx, storage.Member{UserID: r.User.ID, Name: r.User.Name, Username: r.User.Username, Since: b.Now()})
}

// adminName names an administrator by their name: from the administrator
// pressing now (r), else their member record; never by id (ids are for logs
// and the audit detail).
func (b *Bot) adminName(ctx context.Context, id int64, r *Request) string {
	if r != nil && r.User.ID == id && strings.TrimSpace(r.User.Name) != "" {
		return esc(r.User.Name)
	}
	if m, err := b.Store.Member(ctx, id); err == nil && m.Name != "" {
		return esc(m.Name)
	}
	return r.Lang.T(txtAnAdmin)
}

func (b *Bot) requests(ctx context.Context, r *Request) error {
	reqs, err := b.Store.PendingRequests(ctx)
	if err != nil {
		return err
	}
	if len(reqs) == 0 {
		return b.reply(ctx, r, r.Lang.T(txtNoPending))
	}
	if err := b.reply(ctx, r, r.Lang.T(txtPendingHeader)); err != nil {
		return err
	}
	for _, req := range reqs {
		if err := b.sendNotice(ctx, accessKey(req.UserID), Message{ChatID: r.Chat.ID, Text: requestText(r.Lang, req),
			Buttons: [][]Button{decideButtons(r.Lang, req.UserID)}}); err != nil {
			return err
		}
	}
	return nil
}

// requestStanding says where r's access request stands when r may not ask
// again now: pending, or rejected less than AccessRetry ago. "" otherwise.
func (b *Bot) requestStanding(ctx context.Context, r *Request) (string, error) {
	req, err := b.Store.AccessRequest(ctx, r.User.ID)
	switch {
	case isNotFound(err):
		return "", nil
	case err != nil:
		return "", err
	case req.Status == storage.RequestPending:
		return r.Lang.T(txtRequestPending, partyLabel(r.Lang, req.Party)), nil
	case req.Status == storage.RequestRejected && b.Now().Before(req.Decided.Add(b.AccessRetry)):
		again := longDate(r.Lang, storage.DateOf(req.Decided.Add(b.AccessRetry).In(b.Location)))
		return r.Lang.T(txtRejectedWait, again), nil
	}
	return "", nil
}

// strangerReply answers a stranger with text and the "Request access"
// button, or, when they may not ask now, with where their request stands.
func (b *Bot) strangerReply(ctx context.Context, r *Request, text string) error {
	if !r.Chat.Private {
		return b.reply(ctx, r, text)
	}
	note, err := b.requestStanding(ctx, r)
	if err != nil {
		return err
	}
	if note != "" {
		return b.reply(ctx, r, text+"\n\n"+note)
	}
	return b.reply(ctx, r, text, joinButton(r.Lang))
}

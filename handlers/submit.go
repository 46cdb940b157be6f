package handlers

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// Submitting a Party's part of a task (issue 10, item 1). A button says what
// it does ("📨 Submitted: #4 Technical Conditions") and asks once; the member
// confirms, or types a reference, which confirms with it. Undo is offered for
// undoWindow. The Secretariat is told of each submission (the file
// forwarded, when one was sent) and confirms or reopens from that notice;
// the member is told of the decision.
//
// Buttons: "sub:a:<task>:<P>" asks, "sub:y:<task>:<P>" records,
// "sub:n:<task>:<P>" cancels, "sub:u:<task>:<list>:<P>" undoes, and
// "file:<task>:<P>" sends the file of P's submission.

// undoWindow is how long a member may take back a submission themselves;
// after it, the Secretariat reopens it.
const undoWindow = 15 * time.Minute

// submitData is the data of a submission button.
func submitData(verb string, id int64, p storage.Party) string {
	return "sub:" + verb + ":" + strconv.FormatInt(id, 10) + ":" + string(p)
}

// submitPress handles every "sub:" button; mayPress has checked that the
// presser speaks for the Party the data ends in (or is an administrator).
func (b *Bot) submitPress(ctx context.Context, r *Request) (Answer, error) {
	parts := strings.Split(r.Callback.Data, ":")
	if len(parts) < 4 {
		return stale(r.Lang), nil
	}
	id, ok := parseTaskID(parts[2])
	p := storage.Party(parts[len(parts)-1])
	if !ok || !p.Valid() {
		return stale(r.Lang), nil
	}
	switch {
	case parts[1] == "a" && len(parts) == 4:
		return b.askSubmit(ctx, r, id, p)
	case parts[1] == "y" && len(parts) == 4:
		draft := b.submitDraft(ctx, r, id, p)
		if _, err := b.Store.EndConversation(ctx, r.User.ID); err != nil {
			return Answer{}, err
		}
		return Answer{}, b.submit(ctx, r, submission{task: id, party: p, ask: r.Callback.MessageID, list: draft.List})
	case parts[1] == "n" && len(parts) == 4:
		if _, err := b.Store.EndConversation(ctx, r.User.ID); err != nil {
			return Answer{}, err
		}
		return Answer{Edit: &Message{Text: r.Lang.T(txtSubmitCancelled)}}, nil
	case parts[1] == "u" && len(parts) == 5:
		list, _ := strconv.Atoi(parts[3])
		return b.undoSubmit(ctx, r, id, p, list)
	}
	return stale(r.Lang), nil
}

// askSubmit asks once before recording, and waits for a reference or Confirm.
func (b *Bot) askSubmit(ctx context.Context, r *Request, id int64, p storage.Party) (Answer, error) {
	t, err := b.Store.Task(ctx, id)
	if errors.Is(err, storage.ErrNotFound) {
		return alert(r.Lang.T(txtNoSuchTask, strconv.FormatInt(id, 10))), nil
	}
	if err != nil {
		return Answer{}, err
	}
	if !t.Involves(p) {
		return alert(r.Lang.T(txtDoneNotYours, id, partyLabel(r.Lang, p))), nil
	}
	if t.StatusOf(p).State != storage.StateOpen {
		return alert(plainToast(r.Lang.T(txtDoneAlready, partyLabel(r.Lang, p), id))), nil
	}
	text := r.Lang.T(txtSubmitAsk, partyLabel(r.Lang, p), id, esc(t.Title))
	if !r.Chat.Private { // no typed reference is awaited in a group: say how to give one
		text = r.Lang.T(txtSubmitAskGroup, partyLabel(r.Lang, p), id, esc(t.Title), id)
	}
	ask, err := b.sendID(ctx, Message{ChatID: r.Chat.ID, Text: text,
		Buttons: [][]Button{{{Text: r.Lang.T(txtBtnSubmitYes), Data: submitData("y", id, p)}, {Text: r.Lang.T(txtBtnNomCancel), Data: submitData("n", id, p)}}}})
	if err != nil {
		return Answer{}, err
	}
	if r.Chat.Private { // a typed reference is awaited in a private chat only
		c := storage.Conversation{UserID: r.User.ID, Submit: &storage.SubmitDraft{Task: id, Party: p, List: r.Callback.MessageID, Ask: ask},
			Updated: b.Now()}
		if err := b.Store.PutConversation(ctx, c); err != nil {
			return Answer{}, err
		}
	}
	return Answer{}, nil
}

// submitDraft is the user's waiting submission of task id for p, if it is one.
func (b *Bot) submitDraft(ctx context.Context, r *Request, id int64, p storage.Party) storage.SubmitDraft {
	c, err := b.Store.Conversation(ctx, r.User.ID)
	if err != nil || c.Submit == nil || c.Submit.Task != id || c.Submit.Party != p {
		return storage.SubmitDraft{}
	}
	return *c.Submit
}

// submitReference takes the reference typed while a submission waits: it
// is the confirmation, with the reference.
func (b *Bot) submitReference(ctx context.Context, r *Request, c storage.Conversation) error {
	ref := strings.TrimSpace(r.Text)
	if p := storage.CheckText(ref, false); p != "" || ref == "" {
		return b.reply(ctx, r, invalidReply(r.Lang, &storage.FieldError{Field: storage.FieldRef, Problem: storage.BadChars}))
	}
	if _, err := b.Store.EndConversation(ctx, r.User.ID); err != nil {
		return err
	}
	d := c.Submit
	return b.submit(ctx, r, submission{task: d.Task, party: d.Party, ref: shorten(ref, 200), ask: d.Ask, list: d.List})
}

// submission is one Party's part being recorded as submitted.
type submission struct {
	task  int64
	party storage.Party
	ref   string
	doc   *Document // the file sent with /done, if any
	ask   int       // the question to edit into the result; 0: reply anew
	list  int       // the member's list to draw again; 0: none
}

// submit records s, says so (with Undo), draws the member's list again and
// tells the Secretariat.
func (b *Bot) submit(ctx context.Context, r *Request, s submission) error {
	out := Message{ChatID: r.Chat.ID, Edit: s.ask}
	if s.ask == 0 && !r.Chat.Private {
		out.ReplyTo = r.MessageID
	}
	t, err := storage.Task{}, ErrNotAllowed
	if mayChangeStatus(r, s.party, storage.StateSubmitted) { // the rule shared with the app
		t, err = b.setStatusFile(ctx, r, s.task, s.party, storage.StateSubmitted, s.ref, s.doc)
	}
	switch {
	case errors.Is(err, ErrNotAllowed):
		out.Text = r.Lang.T(txtNotYourParty, partyLabel(r.Lang, s.party))
	case errors.Is(err, storage.ErrNotFound):
		out.Text = r.Lang.T(txtNoSuchTask, strconv.FormatInt(s.task, 10))
	case errors.Is(err, errNotResponsible):
		out.Text = r.Lang.T(txtDoneNotYours, s.task, partyLabel(r.Lang, s.party))
	case errors.Is(err, errNoChange):
		out.Text = r.Lang.T(txtDoneAlready, partyLabel(r.Lang, s.party), s.task)
	case err != nil:
		return err
	}
	if out.Text != "" {
		return b.Sender.Send(ctx, out)
	}
	extra := ""
	if t.Done() {
		extra = r.Lang.T(txtDoneAllIn)
	} else if pr := progress(r.Lang, &t); pr != "" {
		extra = "\n" + pr
	}
	if s.ref != "" {
		extra = "\n" + r.Lang.T(txtSubmitRef, esc(r.Lang.Ref(s.ref))) + extra
	}
	out.Text = r.Lang.T(txtDoneOK, partyLabel(r.Lang, s.party), s.task, esc(t.Title), extra) + "\n" + r.Lang.N(txtSubmitUndoHint, int(undoWindow.Minutes()))
	out.Buttons = [][]Button{{{Text: r.Lang.T(txtBtnUndo), Data: "sub:u:" + strconv.FormatInt(s.task, 10) + ":" + strconv.Itoa(s.list) + ":" + string(s.party)}}}
	if err := b.Sender.Send(ctx, out); err != nil {
		return err
	}
	if err := b.redrawList(ctx, r, s.party, s.list); err != nil {
		return err
	}
	return b.tellSecretariat(ctx, r, t, s)
}

// redrawList edits the member's /mytasks message in place after a change.
func (b *Bot) redrawList(ctx context.Context, r *Request, p storage.Party, list int) error {
	if list == 0 {
		return nil
	}
	text, rows, err := b.myTasksList(ctx, r.Lang, p, 0)
	if err != nil {
		return err
	}
	return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: list, Text: text, Buttons: rows})
}

// tellSecretariat sends each administrator (but the one who acted) the
// notice of a submission, with the file, and the buttons that decide it.
func (b *Bot) tellSecretariat(ctx context.Context, r *Request, t storage.Task, s submission) error {
	data := strconv.FormatInt(t.ID, 10) + ":" + string(s.party)
	var first error
	for _, id := range b.Admins {
		if id == r.User.ID {
			continue
		}
		l := b.langOf(ctx, id)
		text := l.T(txtSubmitNotice, partyLabel(l, s.party), t.ID, esc(t.Title), userLabel(l, r.User.Name, r.User.Username))
		if s.ref != "" {
			text += "\n" + l.T(txtSubmitRef, esc(l.Ref(s.ref))) // a file's in the reader's words, not the sender's
		}
		buttons := []Button{{Text: l.T(txtBtnConfirm, string(s.party)), Data: "st:c:" + data},
			{Text: l.T(txtBtnReopen, string(s.party)), Data: "st:o:" + data}}
		if s.doc != nil {
			if err := b.sendFile(ctx, id, s.doc.FileID, l.T(txtSubmitFileCaption, partyLabel(l, s.party), t.ID)); err != nil && first == nil {
				first = err
			}
		}
		if err := b.sendNotice(ctx, submissionKey(t.ID, s.party), Message{ChatID: id, Text: text, Buttons: [][]Button{buttons}}); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// undoSubmit takes a submission back within undoWindow, by the member who
// made it (or an administrator).
func (b *Bot) undoSubmit(ctx context.Context, r *Request, id int64, p storage.Party, list int) (Answer, error) {
	t, err := b.Store.Task(ctx, id)
	if errors.Is(err, storage.ErrNotFound) {
		return alert(r.Lang.T(txtNoSuchTask, strconv.FormatInt(id, 10))), nil
	}
	if err != nil {
		return Answer{}, err
	}
	st := t.StatusOf(p)
	switch {
	case st.State != storage.StateSubmitted:
		return alert(plainToast(r.Lang.T(txtUndoNotSubmitted, partyLabel(r.Lang, p), id))), nil
	case st.By != r.User.ID && r.Role != Admin:
		return alert(r.Lang.T(txtUndoNotYours)), nil
	case b.Now().Sub(st.At) > undoWindow:
		return alert(r.Lang.N(txtUndoTooLate, int(undoWindow.Minutes()))), nil
	}
	if _, err := b.setStatus(ctx, r, id, p, storage.StateOpen, ""); err != nil && !errors.Is(err, errNoChange) {
		return Answer{}, err
	}
	if err := b.redrawList(ctx, r, p, list); err != nil {
		return Answer{}, err
	}
	// The notices of the submission say it was taken back, and offer nothing.
	if err := b.decidedEverywhere(ctx, r, submissionKey(id, p), func(l i18n.Lang) string {
		return l.T(txtUndoAdmins, partyLabel(l, p), id, esc(t.Title))
	}); err != nil {
		return Answer{}, err
	}
	return Answer{Text: r.Lang.T(txtUndoneToast), Edit: &Message{Text: r.Lang.T(txtUndone, partyLabel(r.Lang, p), id, esc(t.Title))}}, nil
}

// tellDecision tells the member who submitted p's part that the Secretariat
// confirmed or reopened it; with no such member, every member of p.
func (b *Bot) tellDecision(ctx context.Context, r *Request, before storage.PartyStatus, t storage.Task, p storage.Party, to storage.State) error {
	admin := b.adminName(ctx, r.User.ID, r)
	text := func(l i18n.Lang) string {
		if to == storage.StateOpen {
			return l.T(txtYourPartReopened, partyLabel(l, p), t.ID, esc(t.Title), admin)
		}
		return l.T(txtYourPartConfirmed, partyLabel(l, p), t.ID, esc(t.Title), admin)
	}
	var to_ []int64
	if before.By != 0 && !b.IsAdmin(before.By) {
		to_ = append(to_, before.By)
	} else {
		ms, err := b.Store.Members(ctx)
		if err != nil {
			return err
		}
		for _, m := range ms {
			if m.Party == p && !b.IsAdmin(m.UserID) {
				to_ = append(to_, m.UserID)
			}
		}
	}
	msgs := make([]Message, len(to_))
	for i, id := range to_ {
		l := b.langOf(ctx, id)
		msgs[i] = Message{ChatID: id, Text: text(l), Buttons: [][]Button{{{Text: l.T(txtBtnOpenTask), Data: "task:" + strconv.FormatInt(t.ID, 10)}}}}
	}
	b.Sender.SendBulk(ctx, msgs, func(int, error) {}) // a member who blocked the bot misses it; the decision stands
	return nil
}

// tellMembers sends news(party) to the members of t's Parties (also of
// those only when only is set), but not to the one who made the change.
func (b *Bot) tellMembers(ctx context.Context, r *Request, t storage.Task, only func(storage.Party) bool, news func(i18n.Lang, storage.Party) string) error {
	ms, err := b.Store.Members(ctx)
	if err != nil {
		return err
	}
	var msgs []Message
	for _, m := range ms {
		if m.UserID == r.User.ID || !t.Involves(m.Party) || (only != nil && !only(m.Party)) {
			continue
		}
		l := b.langOf(ctx, m.UserID)
		msgs = append(msgs, Message{ChatID: m.UserID, Text: news(l, m.Party),
			Buttons: [][]Button{{{Text: l.T(txtBtnOpenTask), Data: "task:" + strconv.FormatInt(t.ID, 10)}}}})
	}
	b.Sender.SendBulk(ctx, msgs, func(int, error) {}) // best effort: the change stands
	return nil
}

// FileIDSender is a Sender that can send a file Telegram already holds, by
// its id: the bot's sender is one.
type FileIDSender interface {
	SendFileID(ctx context.Context, chatID int64, fileID, caption string) error
}

// sendFile sends a file Telegram holds; a Sender that cannot is told nothing.
func (b *Bot) sendFile(ctx context.Context, chatID int64, fileID, caption string) error {
	if s, ok := b.Sender.(FileIDSender); ok {
		return s.SendFileID(ctx, chatID, fileID, caption)
	}
	return nil
}

// filePress handles "file:<task>:<P>": the file of P's submission, sent to
// the presser's chat.
func (b *Bot) filePress(ctx context.Context, r *Request) (Answer, error) {
	parts := strings.Split(r.Callback.Data, ":")
	if len(parts) != 3 {
		return stale(r.Lang), nil
	}
	id, ok := parseTaskID(parts[1])
	p := storage.Party(parts[2])
	if !ok || !p.Valid() {
		return stale(r.Lang), nil
	}
	t, err := b.Store.Task(ctx, id)
	if errors.Is(err, storage.ErrNotFound) {
		return stale(r.Lang), nil
	}
	if err != nil {
		return Answer{}, err
	}
	st := t.StatusOf(p)
	if st.FileID == "" {
		return alert(r.Lang.T(txtNoFile)), nil
	}
	return Answer{}, b.sendFile(ctx, r.Chat.ID, st.FileID, r.Lang.T(txtSubmitFileCaption, partyLabel(r.Lang, p), id))
}

package handlers

import (
	"context"
	"errors"
	"strconv"
	"strings"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// maxTaskButtons keeps keyboards of task lists usable on a phone.
const maxTaskButtons = 20

// parseTaskID reads "3" or "#3".
func parseTaskID(s string) (int64, bool) {
	n, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(s), "#"), 10, 64)
	return n, err == nil && n > 0
}

func (b *Bot) task(ctx context.Context, r *Request) error {
	id, ok := parseTaskID(r.Args)
	if !ok {
		return b.reply(ctx, r, r.Lang.T(txtTaskUsage))
	}
	return b.showTask(ctx, r, id, 0)
}

func (b *Bot) taskButton(ctx context.Context, r *Request) (Answer, error) {
	id, ok := parseTaskID(strings.TrimPrefix(r.Callback.Data, "task:"))
	if !ok {
		return stale(r.Lang), nil
	}
	return Answer{}, b.showTask(ctx, r, id, 0)
}

// showTask sends (or, with edit, replaces) the view of one task: its
// Parties' status, recent history and the buttons this user may press.
func (b *Bot) showTask(ctx context.Context, r *Request, id int64, edit int) error {
	t, err := b.Store.Task(ctx, id)
	if errors.Is(err, storage.ErrNotFound) {
		return b.reply(ctx, r, r.Lang.T(txtNoSuchTask, strconv.FormatInt(id, 10)))
	}
	if err != nil {
		return err
	}
	hist, err := b.Store.History(ctx, id, 5)
	if err != nil {
		return err
	}
	lines := []string{r.Lang.T(txtTaskHeader, t.ID, esc(t.Title))}
	if t.Deadline.IsZero() {
		lines = append(lines, r.Lang.T(txtTaskNoDate))
	} else {
		when := relative(r.Lang, t.Deadline.Due, b.today())
		if t.Done() { // a finished task is not overdue, however old its deadline
			when = submittedOn(r.Lang, &t, b.Location)
		}
		lines = append(lines, r.Lang.T(txtTaskDeadline, esc(deadlineText(r.Lang, t.Deadline)), when))
	}
	if t.Text != "" && t.Text != t.Title {
		lines = append(lines, "", "<i>"+esc(t.Text)+"</i>")
	}
	if t.Source != "" {
		lines = append(lines, r.Lang.T(txtTaskSource, esc(sourceText(r.Lang, t.Source))))
	}
	lines = append(lines, "", r.Lang.T(txtTaskStatus))
	var buttons [][]Button
	for _, p := range t.Parties {
		st := t.StatusOf(p)
		ref := ""
		if st.Ref != "" {
			ref = " (" + esc(st.Ref) + ")"
		}
		on := ""
		if !st.At.IsZero() {
			on = r.Lang.T(txtStateOn, longDate(r.Lang, storage.DateOf(st.At.In(b.Location))))
		}
		switch st.State {
		case storage.StateSubmitted:
			lines = append(lines, r.Lang.T(txtStateSub, partyLabel(r.Lang, p), on, ref))
		case storage.StateConfirmed:
			lines = append(lines, r.Lang.T(txtStateConf, partyLabel(r.Lang, p), on, ref))
		default:
			lines = append(lines, r.Lang.T(txtStateOpen, partyLabel(r.Lang, p)))
		}
		data := strconv.FormatInt(t.ID, 10) + ":" + string(p)
		switch {
		case r.Role == Admin && st.State == storage.StateSubmitted:
			buttons = append(buttons, []Button{{Text: r.Lang.T(txtBtnConfirm, string(p)), Data: "st:c:" + data},
				{Text: r.Lang.T(txtBtnReopen, string(p)), Data: "st:o:" + data}})
		case r.Role == Admin && st.State == storage.StateConfirmed:
			buttons = append(buttons, []Button{{Text: r.Lang.T(txtBtnReopen, string(p)), Data: "st:o:" + data}})
		case st.State == storage.StateOpen && mayActFor(r, p):
			buttons = append(buttons, []Button{submitButton(r.Lang, &t, p)})
		}
		if st.FileID != "" && st.State != storage.StateOpen && mayActFor(r, p) {
			buttons = append(buttons, []Button{{Text: r.Lang.T(txtBtnOpenFile, string(p), shorten(st.FileName, 30)), Data: "file:" + data}})
		}
	}
	if len(hist) > 0 {
		lines = append(lines, "", r.Lang.T(txtTaskHistory))
		for _, h := range hist {
			lines = append(lines, "• "+r.Lang.DateTime(h.At.In(b.Location))+" · "+string(h.Party)+" "+stateWord(r.Lang, h.From)+" → "+stateWord(r.Lang, h.To))
		}
	}
	m := Message{ChatID: r.Chat.ID, Text: strings.Join(lines, "\n"), Buttons: buttons, Edit: edit}
	if edit == 0 && !r.Chat.Private && r.Callback == nil {
		m.ReplyTo = r.MessageID
	}
	return b.Sender.Send(ctx, m)
}

func (b *Bot) done(ctx context.Context, r *Request) error {
	idText, ref, _ := strings.Cut(r.Args, " ")
	// An administrator records any Party's part by naming it
	// ("/done 4 KZ Note 12"), recorded as theirs (issue 9).
	// A member may name their own Party, in any language ("/done 3 Türkiye").
	named, hasNamed := storage.Party(""), false
	if p, rest, ok := cutParty(ref); ok {
		switch {
		case r.Role == Admin:
			named, hasNamed, ref = p, true, rest
		case r.Member != nil && r.Member.Party == p:
			ref = rest
		default:
			return b.reply(ctx, r, r.Lang.T(txtNotYourParty, partyLabel(r.Lang, p)))
		}
	}
	if !hasNamed && (r.Member == nil || !r.Member.Party.Valid()) {
		if r.Role == Admin && idText != "" {
			return b.reply(ctx, r, r.Lang.T(txtDoneAdminUsage))
		}
		return b.reply(ctx, r, r.Lang.T(txtNeedParty), partyButtons(r.Lang, "iam:")...)
	}
	p := named
	if !hasNamed {
		p = r.Member.Party
	}
	if idText == "" {
		tasks, err := b.Store.Tasks(ctx)
		if err != nil {
			return err
		}
		if len(openFor(tasks, p)) == 0 {
			return b.reply(ctx, r, r.Lang.T(txtDoneNothing, partyLabel(r.Lang, p)))
		}
		text, rows := b.myTasksPage(r.Lang, tasks, p, 0)
		return b.reply(ctx, r, text, rows...)
	}
	id, ok := parseTaskID(idText)
	if !ok {
		return b.reply(ctx, r, r.Lang.T(txtDoneUsage))
	}
	ref = strings.TrimSpace(ref)
	if ref == "" && r.Document != nil {
		ref = r.Lang.T(txtFileRef, r.Document.Name)
	}
	if p := storage.CheckText(ref, false); p != "" {
		return b.reply(ctx, r, invalidReply(r.Lang, &storage.FieldError{Field: storage.FieldRef, Problem: p}))
	}
	return b.submit(ctx, r, submission{task: id, party: p, ref: shorten(ref, 200), doc: r.Document})
}

// doneButton handles "done:<task>:<Party>": mayPress has checked that the
// presser speaks for that Party (or is an administrator).
func (b *Bot) doneButton(ctx context.Context, r *Request) (Answer, error) {
	parts := strings.Split(r.Callback.Data, ":")
	if len(parts) != 3 {
		return stale(r.Lang), nil
	}
	id, ok := parseTaskID(parts[1])
	if !ok {
		return stale(r.Lang), nil
	}
	return b.askSubmit(ctx, r, id, storage.Party(parts[2])) // a button of an older list: it asks too
}

// errNoChange stops an UpdateTask that would change nothing.
var errNoChange = errors.New("no change")

// errNotResponsible stops an UpdateTask for a Party that is not responsible.
var errNotResponsible = errors.New("not responsible")

// setStatus changes one Party's state on a task, records who and when, and
// reschedules the task's alerts (a task every Party finished stops alerting).
func (b *Bot) setStatus(ctx context.Context, r *Request, id int64, p storage.Party, to storage.State, ref string) (storage.Task, error) {
	return b.setStatusFile(ctx, r, id, p, to, ref, nil)
}

// setStatusFile is setStatus that also keeps the file sent with a submission.
func (b *Bot) setStatusFile(ctx context.Context, r *Request, id int64, p storage.Party, to storage.State, ref string, doc *Document) (storage.Task, error) {
	var from storage.State
	t, err := b.Store.UpdateTask(ctx, id, func(t *storage.Task) error {
		if !t.Involves(p) {
			return errNotResponsible
		}
		from = t.StatusOf(p).State
		if from == to {
			return errNoChange
		}
		if t.Status == nil {
			t.Status = map[storage.Party]storage.PartyStatus{}
		}
		st := storage.PartyStatus{State: to, Ref: ref, By: r.User.ID, At: b.Now()}
		if to != storage.StateOpen && ref == "" {
			st.Ref = t.Status[p].Ref // confirming keeps the reference given when submitting
		}
		if doc != nil {
			st.FileID, st.FileName = doc.FileID, doc.Name
		} else if to != storage.StateOpen {
			st.FileID, st.FileName = t.Status[p].FileID, t.Status[p].FileName
		}
		t.Status[p] = st
		return nil
	})
	if err != nil {
		return t, err
	}
	if err := b.Store.RecordStatus(ctx, id, storage.StatusChange{Party: p, From: from, To: to, Ref: ref, By: r.User.ID, At: b.Now()}); err != nil {
		return t, err
	}
	return t, b.ScheduleTask(ctx, t)
}

// statusButton handles an administrator's "st:c:<task>:<party>" (confirm)
// and "st:o:<task>:<party>" (reopen).
func (b *Bot) statusButton(ctx context.Context, r *Request) (Answer, error) {
	parts := strings.Split(r.Callback.Data, ":")
	if len(parts) != 4 || (parts[1] != "c" && parts[1] != "o") {
		return stale(r.Lang), nil
	}
	id, ok := parseTaskID(parts[2])
	p := storage.Party(parts[3])
	if !ok || !p.Valid() {
		return stale(r.Lang), nil
	}
	to, word := storage.StateConfirmed, r.Lang.T(txtConfirmed)
	if parts[1] == "o" {
		to, word = storage.StateOpen, r.Lang.T(txtReopened)
	}
	b.rememberAdmin(ctx, r)
	before, err := b.Store.Task(ctx, id)
	if errors.Is(err, storage.ErrNotFound) {
		return stale(r.Lang), nil
	}
	if err != nil {
		return Answer{}, err
	}
	t, err := b.ChangeStatus(ctx, r, id, p, to, "")
	switch {
	case errors.Is(err, storage.ErrNotFound), errors.Is(err, errNotResponsible), errors.Is(err, ErrNotAllowed):
		return stale(r.Lang), nil
	case errors.Is(err, errNoChange):
		// Decided already (from another copy of the notice): show where it stands.
		return toast(r.Lang.T(txtStatusAlready, string(p), id)), b.showTask(ctx, r, id, r.Callback.MessageID)
	case err != nil:
		return Answer{}, err
	}
	if err := b.tellDecided(ctx, r, before.StatusOf(p), t, p, to); err != nil {
		return Answer{}, err
	}
	return toast(r.Lang.T(txtStatusChanged, word, string(p), id)), b.showTask(ctx, r, id, r.Callback.MessageID)
}

// tellDecided tells of an administrator's confirm or reopen of p's part, in
// the chat or in the app: the member who submitted it hears, and every copy
// of the submission's notice to the Secretariat says who decided what.
func (b *Bot) tellDecided(ctx context.Context, r *Request, before storage.PartyStatus, t storage.Task, p storage.Party, to storage.State) error {
	word := txtConfirmed
	if to == storage.StateOpen {
		word = txtReopened
	}
	if err := b.tellDecision(ctx, r, before, t, p, to); err != nil {
		return err
	}
	admin := b.adminName(ctx, r.User.ID, r)
	return b.decidedEverywhere(ctx, r, submissionKey(t.ID, p), func(l i18n.Lang) string {
		return l.T(txtSubmissionDecided, partyLabel(l, p), t.ID, esc(t.Title), strings.ToLower(l.T(word)), admin)
	})
}

// shorten cuts s to n runes with an ellipsis.
func shorten(s string, n int) string {
	rs := []rune(s)
	if len(rs) <= n {
		return s
	}
	return string(rs[:n-1]) + "…"
}

// sourceText is a task's source for a reader of l: the words of /addtask
// are stored once (in English; before, in the adding administrator's
// language) and shown in the reader's; any other source is data, as written.
func sourceText(l i18n.Lang, source string) string {
	for _, in := range i18n.Supported {
		if source == in.T(txtAddedByAdmin) {
			return l.T(txtAddedByAdmin)
		}
	}
	return source
}

package handlers

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// The Mini App (issue 16) reads and changes the same store as the chat,
// through the same rules: this file holds those rules (who may change which
// Party's status, who may edit a task) as functions the chat handlers and
// the app's HTTP API both call, and the app's read-only view of the tasks.

// ErrNotAllowed is returned by ChangeStatus and EditTask when the user may
// not make the change (a member acting for another Party, a member editing).
var ErrNotAllowed = errors.New("not allowed")

// AppRequest resolves the user of a Mini App call as the chat resolves the
// sender of an update: the member record from the store, the role from it
// and ADMIN_IDS. The request is that of a private chat with the user.
func (b *Bot) AppRequest(ctx context.Context, u User) (*Request, error) {
	r := &Request{Chat: Chat{ID: u.ID, Private: true}, User: u}
	m, err := b.Store.Member(ctx, u.ID)
	switch {
	case err == nil:
		r.Member = &m
	case !errors.Is(err, storage.ErrNotFound):
		return nil, err
	}
	r.Role = b.RoleOf(u.ID, r.Member)
	s, err := b.Store.UserSettings(ctx, u.ID)
	if err != nil {
		return nil, err
	}
	r.Lang = RequestLang(r, s, storage.Settings{}) // the page speaks the user's language (issue 13)
	return r, nil
}

// mayRead is who may open the app: whoever may use /deadlines in a private chat.
func mayRead(r *Request) bool {
	ok, _ := allowed(ReadOnly, r)
	return ok
}

// mayChangeStatus is the one rule for moving a Party's part of a task:
// a member submits for the Party they speak for (mayActFor); only an
// administrator confirms or reopens, for any Party.
func mayChangeStatus(r *Request, p storage.Party, to storage.State) bool {
	if !p.Valid() {
		return false
	}
	if r.Role == Admin {
		return true
	}
	return to == storage.StateSubmitted && r.Role == MemberRole && mayActFor(r, p)
}

// mayEditTasks is who may change a task's deadline, Parties or text
// (the access of /edittask).
func mayEditTasks(r *Request) bool { return r.Role == Admin }

// ChangeStatus sets p's part of task id to state to for r's sender, after
// checking mayChangeStatus (ErrNotAllowed), then records and reschedules as
// the chat does. Errors: storage.ErrNotFound, errNotResponsible, errNoChange
// (see Refusal), or the store's.
func (b *Bot) ChangeStatus(ctx context.Context, r *Request, id int64, p storage.Party, to storage.State, ref string) (storage.Task, error) {
	if !mayChangeStatus(r, p, to) {
		return storage.Task{}, ErrNotAllowed
	}
	return b.setStatus(ctx, r, id, p, to, ref)
}

// AppChangeStatus is ChangeStatus for a change made in the app, followed by
// the messages its chat twin sends: a submission's notice to the Secretariat
// (with Confirm / Reopen, its copies recorded), or, for a confirm or reopen,
// the member told and every copy of the notice edited.
func (b *Bot) AppChangeStatus(ctx context.Context, r *Request, id int64, p storage.Party, to storage.State, ref string) (storage.Task, error) {
	before, err := b.Store.Task(ctx, id)
	if err != nil {
		return before, err
	}
	t, err := b.ChangeStatus(ctx, r, id, p, to, ref)
	if err != nil {
		return t, err
	}
	if to == storage.StateSubmitted {
		return t, b.tellSecretariat(ctx, r, t, submission{task: id, party: p, ref: ref})
	}
	return t, b.tellDecided(ctx, r, before.StatusOf(p), t, p, to)
}

// EditTask applies change to task id for an administrator (ErrNotAllowed
// for anyone else) and reschedules its alerts, as /edittask does.
func (b *Bot) EditTask(ctx context.Context, r *Request, id int64, change func(*storage.Task) error) (storage.Task, error) {
	if !mayEditTasks(r) {
		return storage.Task{}, ErrNotAllowed
	}
	t, err := b.Store.UpdateTask(ctx, id, change)
	if err != nil {
		return t, err
	}
	// In /audit like other changes; the edit stands if this fails (logged).
	if err := b.Store.Audit(ctx, storage.AuditEntry{At: b.Now(), By: r.User.ID, Action: storage.AuditTaskEdited, Task: id}); err != nil {
		b.logger().Error("could not write an audit entry", "action", storage.AuditTaskEdited, "by", r.User.ID, "task", id, "err", err)
	}
	return t, b.ScheduleTask(ctx, t)
}

// AppEdit is a change of a task asked for in the app; nil fields stay.
type AppEdit struct {
	Deadline *string  `json:"deadline,omitempty"` // ISO date, "2024-03-01"
	Parties  []string `json:"parties,omitempty"`  // Party codes
	Text     *string  `json:"text,omitempty"`     // the task's text (its title follows, as with /edittask)
}

// ErrBadEdit wraps what is wrong with an AppEdit; its message is for the user.
var ErrBadEdit = errors.New("bad edit")

// change turns e into the change /edittask would make.
func (e AppEdit) change(l i18n.Lang) (func(*storage.Task) error, error) {
	var steps []func(*storage.Task)
	if e.Deadline != nil {
		dl, used, _ := ParseDeadline([]string{strings.TrimSpace(*e.Deadline)})
		if used != 1 {
			return nil, fmt.Errorf("%w: %s", ErrBadEdit, l.T(txtAppBadDate))
		}
		steps = append(steps, func(t *storage.Task) { t.Deadline = dl })
	}
	if e.Parties != nil {
		ps, _, ok := parseParties(strings.Join(e.Parties, ","))
		if !ok {
			return nil, fmt.Errorf("%w: %s", ErrBadEdit, l.T(txtAppBadParties))
		}
		steps = append(steps, func(t *storage.Task) { t.Parties = ps })
	}
	if e.Text != nil {
		text := strings.TrimSpace(*e.Text)
		steps = append(steps, func(t *storage.Task) { t.Title, t.Text = shorten(text, storage.MaxTitleLen), text })
	}
	return func(t *storage.Task) error {
		for _, s := range steps {
			s(t)
		}
		return nil
	}, nil
}

// AppEditTask is EditTask for an edit made in the app.
func (b *Bot) AppEditTask(ctx context.Context, r *Request, id int64, e AppEdit) (storage.Task, error) {
	if !mayEditTasks(r) {
		return storage.Task{}, ErrNotAllowed
	}
	change, err := e.change(r.Lang)
	if err != nil {
		return storage.Task{}, err
	}
	var old storage.Task
	t, err := b.EditTask(ctx, r, id, func(t *storage.Task) error {
		old = *t
		old.Parties = append([]storage.Party(nil), t.Parties...)
		return change(t)
	})
	if err != nil {
		return t, err
	}
	// Members hear of a task newly theirs or a moved deadline, as after /edittask.
	return t, b.tellChange(ctx, r, old, t)
}

// AppBulk is one change to several tasks at once: "confirm" every submitted
// part (or only Party's), or set "deadline" to Date.
type AppBulk struct {
	Tasks  []int64 `json:"tasks"`
	Action string  `json:"action"`
	Party  string  `json:"party,omitempty"`
	Date   string  `json:"date,omitempty"`
}

// maxBulk bounds one bulk change.
const maxBulk = 200

// AppBulkChange applies a bulk change task by task through ChangeStatus and
// EditTask, and returns how many tasks changed. It stops at the first error
// other than "nothing to change" (the tasks before it stay changed: each
// change is its own, recorded like one made in the chat).
func (b *Bot) AppBulkChange(ctx context.Context, r *Request, req AppBulk) (int, error) {
	if !mayEditTasks(r) {
		return 0, ErrNotAllowed
	}
	if len(req.Tasks) == 0 || len(req.Tasks) > maxBulk {
		return 0, fmt.Errorf("%w: %s", ErrBadEdit, r.Lang.T(txtAppBadRequest))
	}
	changed := 0
	for _, id := range req.Tasks {
		switch req.Action {
		case "confirm":
			t, err := b.Store.Task(ctx, id)
			if errors.Is(err, storage.ErrNotFound) {
				continue
			}
			if err != nil {
				return changed, err
			}
			any := false
			for _, p := range t.Parties {
				if t.StatusOf(p).State != storage.StateSubmitted || (req.Party != "" && string(p) != req.Party) {
					continue
				}
				_, err := b.AppChangeStatus(ctx, r, id, p, storage.StateConfirmed, "")
				if errors.Is(err, errNoChange) || errors.Is(err, errNotResponsible) {
					continue
				}
				if err != nil {
					return changed, err
				}
				any = true
			}
			if any {
				changed++
			}
		case "deadline":
			date := req.Date
			if _, err := b.AppEditTask(ctx, r, id, AppEdit{Deadline: &date}); errors.Is(err, storage.ErrNotFound) {
				continue
			} else if err != nil {
				return changed, err
			}
			changed++
		default:
			return changed, fmt.Errorf("%w: %s", ErrBadEdit, r.Lang.T(txtAppBadRequest))
		}
	}
	return changed, nil
}

// Refusal says, in plain text for the app, why a change was refused; ok is
// false for an error that is not a refusal (a failure to log).
func Refusal(l i18n.Lang, err error, id int64, p storage.Party, to storage.State) (text string, ok bool) {
	switch {
	case errors.Is(err, ErrNotAllowed) && p != "" && to == storage.StateSubmitted:
		return l.T(txtAppNotAllowed, partyLabel(l, p)), true
	case errors.Is(err, ErrNotAllowed):
		return l.T(txtAppAdminOnly), true
	case errors.Is(err, storage.ErrNotFound):
		return l.T(txtAppNoTask, id), true
	case errors.Is(err, errNotResponsible):
		return l.T(txtAppNotParty, partyLabel(l, p), id), true
	case errors.Is(err, errNoChange):
		return l.T(txtAppNoChange, partyLabel(l, p), id, AppTexts(l)[string(to)]), true
	case errors.Is(err, ErrBadEdit):
		return strings.TrimPrefix(err.Error(), ErrBadEdit.Error()+": "), true
	case errors.Is(err, storage.ErrInvalid):
		return l.T(txtAppInvalid, strings.TrimPrefix(err.Error(), storage.ErrInvalid.Error()+": ")), true
	case errors.Is(err, storage.ErrUnavailable):
		return l.T(txtAppUnavailable), true
	}
	return "", false
}

// AppView is what the app shows: the tasks with each Party's cell, the
// meetings and Parties to filter by, and who is looking. It holds no
// personal data: no names, no contacts, no user ids.
type AppView struct {
	Today    string       `json:"today"`     // "1 December 2026"
	TodayISO string       `json:"today_iso"` // "2026-12-01"
	Role     string       `json:"role"`      // "admin" or "member"
	Party    string       `json:"party,omitempty"`
	Meetings []AppMeeting `json:"meetings"`
	Parties  []AppParty   `json:"parties"`
	Tasks    []AppTask    `json:"tasks"`
	// Lang and Texts are the user's language and the page's words in it.
	Lang  string            `json:"lang"`
	Texts map[string]string `json:"texts"`
}

// AppMeeting is a meeting to filter by.
type AppMeeting struct {
	ID    string `json:"id"`
	Short string `json:"short"`
}

// AppParty is a column of the matrix.
type AppParty struct {
	Code string `json:"code"`
	Flag string `json:"flag"`
	Name string `json:"name"`
}

// AppTask is one row of the matrix.
type AppTask struct {
	ID       int64     `json:"id"`
	Meeting  string    `json:"meeting"`
	Title    string    `json:"title"`
	Text     string    `json:"text,omitempty"`
	Source   string    `json:"source,omitempty"`
	Deadline string    `json:"deadline,omitempty"` // as written: "by 1 March 2024"
	Due      string    `json:"due,omitempty"`      // ISO
	DueLong  string    `json:"due_long,omitempty"` // "1 March 2024"
	Overdue  bool      `json:"overdue"`
	Cells    []AppCell `json:"cells"`
	Editable bool      `json:"editable"`
	History  []AppStep `json:"history,omitempty"` // only in the view of one task
}

// AppCell is one responsible Party's part of a task, with the actions this
// user may take on it ("submit", "confirm", "reopen").
type AppCell struct {
	Party   string   `json:"party"`
	State   string   `json:"state"`
	Ref     string   `json:"ref,omitempty"`
	On      string   `json:"on,omitempty"` // "2 March 2024": when it was last changed
	Overdue bool     `json:"overdue"`
	Can     []string `json:"can,omitempty"`
}

// AppStep is one status change in a task's history.
type AppStep struct {
	At    string `json:"at"` // "2 Mar 2024 10:15"
	Party string `json:"party"`
	From  string `json:"from"`
	To    string `json:"to"`
	Ref   string `json:"ref,omitempty"`
}

// cellActions lists what r may do with p's part of a task in state st: the
// same choices as the buttons under /task.
func cellActions(r *Request, p storage.Party, st storage.State) []string {
	var can []string
	switch st {
	case storage.StateOpen:
		if mayChangeStatus(r, p, storage.StateSubmitted) {
			can = append(can, "submit")
		}
	case storage.StateSubmitted:
		if mayChangeStatus(r, p, storage.StateConfirmed) {
			can = append(can, "confirm", "reopen")
		}
	case storage.StateConfirmed:
		if mayChangeStatus(r, p, storage.StateOpen) {
			can = append(can, "reopen")
		}
	}
	return can
}

// appTask is the row of t for r.
func (b *Bot) appTask(r *Request, t *storage.Task, today storage.Date) AppTask {
	past := !t.Deadline.IsZero() && today.DaysUntil(t.Deadline.Due) < 0
	row := AppTask{ID: t.ID, Meeting: t.MeetingID, Title: t.Title, Source: sourceText(r.Lang, t.Source), Editable: mayEditTasks(r),
		Overdue: past && !t.Done()}
	if t.Text != t.Title {
		row.Text = t.Text
	}
	if !t.Deadline.IsZero() {
		row.Deadline, row.Due, row.DueLong = deadlineText(r.Lang, t.Deadline), t.Deadline.Due.String(), longDate(r.Lang, t.Deadline.Due)
	}
	for _, p := range t.Parties {
		st := t.StatusOf(p)
		c := AppCell{Party: string(p), State: string(st.State), Ref: st.Ref, Overdue: past && st.State == storage.StateOpen,
			Can: cellActions(r, p, st.State)}
		if !st.At.IsZero() {
			c.On = longDate(r.Lang, storage.DateOf(st.At.In(b.Location)))
		}
		row.Cells = append(row.Cells, c)
	}
	return row
}

// AppView returns the whole view for r; ErrNotAllowed for who may not read.
func (b *Bot) AppView(ctx context.Context, r *Request) (AppView, error) {
	if !mayRead(r) {
		return AppView{}, ErrNotAllowed
	}
	tasks, err := b.Store.Tasks(ctx)
	if err != nil {
		return AppView{}, err
	}
	meetings, err := b.Store.Meetings(ctx)
	if err != nil {
		return AppView{}, err
	}
	today := b.today()
	v := AppView{Today: longDate(r.Lang, today), TodayISO: today.String(), Role: "member", Tasks: []AppTask{},
		Lang: string(r.Lang), Texts: AppTexts(r.Lang)}
	if r.Role == Admin {
		v.Role = "admin"
	}
	if r.Member != nil && r.Member.Party.Valid() {
		v.Party = string(r.Member.Party)
	}
	for _, m := range meetings {
		v.Meetings = append(v.Meetings, AppMeeting{ID: m.ID, Short: m.Short})
	}
	for _, info := range storage.Parties() {
		v.Parties = append(v.Parties, AppParty{Code: string(info.Code), Flag: info.Flag, Name: r.Lang.PartyName(string(info.Code))})
	}
	for i := range tasks {
		v.Tasks = append(v.Tasks, b.appTask(r, &tasks[i], today))
	}
	return v, nil
}

// AppTaskView returns one task with its history for r.
func (b *Bot) AppTaskView(ctx context.Context, r *Request, id int64) (AppTask, error) {
	if !mayRead(r) {
		return AppTask{}, ErrNotAllowed
	}
	t, err := b.Store.Task(ctx, id)
	if err != nil {
		return AppTask{}, err
	}
	hist, err := b.Store.History(ctx, id, 50)
	if err != nil {
		return AppTask{}, err
	}
	row := b.appTask(r, &t, b.today())
	for _, h := range hist {
		row.History = append(row.History, AppStep{At: r.Lang.DateTime(h.At.In(b.Location)), Party: string(h.Party),
			From: string(h.From), To: string(h.To), Ref: h.Ref})
	}
	return row, nil
}

// appButtons is the row that opens the app under a list: a web_app button in
// a private chat, a t.me link to the app in a group (web_app buttons work
// only in private chats). None when the app is not served.
func (b *Bot) appButtons(r *Request) [][]Button {
	switch {
	case b.AppURL == "":
		return nil
	case r.Chat.Private:
		return [][]Button{{{Text: r.Lang.T(txtBtnOpenApp), WebApp: b.AppURL}}}
	case b.AppShortName != "" && b.BotUsername != "":
		return [][]Button{{{Text: r.Lang.T(txtBtnOpenApp), URL: "https://t.me/" + b.BotUsername + "/" + b.AppShortName + "?startapp=matrix"}}}
	}
	return nil
}

// AppMenuText is the label of the chat's menu button that opens the app.
func AppMenuText(l i18n.Lang) string { return l.T(txtMenuApp) }

// ParseState reads a state name of the API ("open", "submitted", "confirmed").
func ParseState(s string) (storage.State, bool) {
	st := storage.State(s)
	return st, slices.Contains([]storage.State{storage.StateOpen, storage.StateSubmitted, storage.StateConfirmed}, st)
}

// AppRef is a reference given in the app, cut as the chat cuts /done's.
func AppRef(s string) string { return shorten(strings.TrimSpace(s), 200) }

// AppReport is the implementation report of meeting (as /report's argument:
// "" for the latest meeting, "all", an id) in format ("docx", "xlsx",
// "pdf") for an administrator (ErrNotAllowed for anyone else), built by the
// same BuildReport and WriteReport as /report. It returns the file's name.
func (b *Bot) AppReport(ctx context.Context, r *Request, meeting, format string) (string, []byte, error) {
	if !mayEditTasks(r) {
		return "", nil, ErrNotAllowed
	}
	name, ok := ReportFiles[format]
	if !ok {
		return "", nil, fmt.Errorf("%w: %s", ErrBadEdit, r.Lang.T(txtAppBadRequest))
	}
	rep, err := BuildReport(ctx, b.Store, meeting, b.today(), b.Location, string(r.Lang))
	if errors.Is(err, ErrUnknownMeeting) {
		return "", nil, fmt.Errorf("%w: %s", ErrBadEdit, r.Lang.T(txtAppNoMeeting, meeting))
	}
	if err != nil {
		return "", nil, err
	}
	data, err := WriteReport(rep, format)
	return name, data, err
}

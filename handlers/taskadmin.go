package handlers

import (
	"context"
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/ots-customs/wgbot/storage"
)

// parseParties reads "TR", "TR,UZ" or "ALL" ("the Parties": the six states).
func parseParties(s string) ([]storage.Party, string, bool) {
	if storage.Fold(s) == "all" {
		return append([]storage.Party(nil), storage.StateParties...), "", true
	}
	var out []storage.Party
	for _, f := range strings.Split(s, ",") {
		f = strings.TrimSpace(f)
		if f == "" {
			continue
		}
		p, ok := storage.ParseParty(f)
		if !ok {
			return nil, f, false
		}
		if !containsParty(out, p) {
			out = append(out, p)
		}
	}
	return out, "", len(out) > 0
}

func containsParty(ps []storage.Party, p storage.Party) bool {
	for _, q := range ps {
		if q == p {
			return true
		}
	}
	return false
}

func (b *Bot) addTask(ctx context.Context, r *Request) error {
	words := strings.Fields(r.Args)
	if len(words) < 2 {
		return b.reply(ctx, r, txtAddUsage)
	}
	parties, bad, ok := parseParties(words[0])
	if !ok {
		if bad == "" {
			bad = words[0]
		}
		return b.reply(ctx, r, sprintf(txtAddBadPty, echo(bad)))
	}
	dl, used, problem := ParseDeadline(words[1:])
	if used == 0 {
		return b.reply(ctx, r, dateRefusal(problem))
	}
	text := strings.Join(words[1+used:], " ")
	if text == "" {
		return b.reply(ctx, r, txtAddNoText)
	}
	t, err := b.Store.AddTask(ctx, storage.Task{Title: shorten(text, storage.MaxTitleLen), Text: text,
		Parties: parties, Deadline: dl, Source: txtAddedByAdmin, Created: b.Now()})
	if errors.Is(err, storage.ErrInvalid) {
		return b.reply(ctx, r, invalidReply(err))
	}
	if err != nil {
		return err
	}
	if err := b.ScheduleTask(ctx, t); err != nil {
		return err
	}
	if err := b.reply(ctx, r, sprintf(txtAdded, t.ID, esc(t.Title), partyList(&t), esc(deadlineText(t.Deadline)))); err != nil {
		return err
	}
	return b.tellNewTask(ctx, r, t)
}

func (b *Bot) editTask(ctx context.Context, r *Request) error {
	words := strings.Fields(r.Args)
	if len(words) < 3 {
		return b.reply(ctx, r, txtEditUsage)
	}
	id, ok := parseTaskID(words[0])
	if !ok {
		return b.reply(ctx, r, txtEditUsage)
	}
	field, value := storage.Fold(words[1]), words[2:]
	var change func(*storage.Task) error
	var what string
	switch field {
	case "date", "deadline":
		if len(value) == 1 && storage.Fold(value[0]) == "none" {
			// The one way to make a dated task undated: asked for in words.
			change, what = func(t *storage.Task) error { t.Deadline = storage.Deadline{}; return nil }, txtChangedNoDeadline
			break
		}
		dl, used, problem := ParseDeadline(value)
		if used == 0 || used != len(value) {
			return b.reply(ctx, r, dateRefusal(problem))
		}
		change, what = func(t *storage.Task) error { t.Deadline = dl; return nil }, sprintf(txtChangedDeadline, esc(dl.Text))
	case "title", "text":
		text := strings.Join(value, " ")
		change, what = func(t *storage.Task) error {
			t.Title, t.Text = shorten(text, storage.MaxTitleLen), text
			return nil
		}, sprintf(txtChangedTitle, esc(shorten(text, 60)))
	case "parties", "party":
		ps, bad, ok := parseParties(strings.Join(value, ","))
		if !ok {
			return b.reply(ctx, r, sprintf(txtAddBadPty, echo(bad)))
		}
		change = func(t *storage.Task) error { t.Parties = ps; return nil }
		tmp := storage.Task{Parties: ps}
		what = sprintf(txtChangedParties, partyList(&tmp))
	default:
		return b.reply(ctx, r, txtEditUsage)
	}
	var old storage.Task
	t, err := b.EditTask(ctx, r, id, func(t *storage.Task) error {
		old = *t
		old.Parties = append([]storage.Party(nil), t.Parties...)
		return change(t)
	})
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return b.reply(ctx, r, sprintf(txtNoSuchTask, strconv.FormatInt(id, 10)))
	case errors.Is(err, storage.ErrInvalid):
		return b.reply(ctx, r, invalidReply(err))
	case err != nil:
		return err
	}
	// EditTask rescheduled the alerts (the rule and the alerts shared with the app).
	if err := b.reply(ctx, r, sprintf(txtEdited, id, what)); err != nil {
		return err
	}
	return b.tellChange(ctx, r, old, t)
}

func (b *Bot) delTask(ctx context.Context, r *Request) error {
	id, ok := parseTaskID(r.Args)
	if !ok {
		return b.reply(ctx, r, txtTaskUsage)
	}
	t, err := b.Store.Task(ctx, id)
	if errors.Is(err, storage.ErrNotFound) {
		return b.reply(ctx, r, sprintf(txtNoSuchTask, strconv.FormatInt(id, 10)))
	}
	if err != nil {
		return err
	}
	s := strconv.FormatInt(id, 10)
	return b.reply(ctx, r, sprintf(txtDelAsk, id, esc(t.Title)),
		[]Button{{Text: txtBtnDelete, Data: "del:y:" + s}, {Text: txtBtnCancel, Data: "del:n:" + s}})
}

func (b *Bot) delButton(ctx context.Context, r *Request) error {
	id, v, ok := parseIDButton(r.Callback.Data)
	if !ok || v == verbAsk {
		return b.Sender.AnswerCallback(ctx, r.Callback.ID, txtStaleButton, true)
	}
	if err := b.Sender.AnswerCallback(ctx, r.Callback.ID, "", false); err != nil {
		return err
	}
	if v == verbNo {
		return b.cancelled(ctx, r)
	}
	if err := b.UnscheduleTask(ctx, id); err != nil {
		return err
	}
	removed, err := b.Store.DeleteTask(ctx, id)
	if err != nil {
		return err
	}
	if !removed {
		return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID, Text: sprintf(txtNoSuchTask, strconv.FormatInt(id, 10))})
	}
	return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID, Text: sprintf(txtDeleted, id)})
}

// invalidReply says why the store refused a task, in words: which field, and
// what to do instead.
func invalidReply(err error) string {
	var fe *storage.FieldError
	if errors.As(err, &fe) {
		label := map[storage.Field]string{storage.FieldTitle: txtFldTitle, storage.FieldText: txtFldText,
			storage.FieldSource: txtFldText, storage.FieldRef: txtFldRef}[fe.Field]
		if label == "" {
			label = fieldLabel(fe.Field)
		}
		switch fe.Problem {
		case storage.BadChars:
			return sprintf(txtTextBadChars, label)
		case storage.NoVisible:
			return sprintf(txtTextInvisible, label)
		}
	}
	return sprintf(txtInvalid, esc(strings.TrimPrefix(err.Error(), storage.ErrInvalid.Error()+": ")))
}

// tellNewTask tells the members of t's Parties that it was added for them.
func (b *Bot) tellNewTask(ctx context.Context, r *Request, t storage.Task) error {
	return b.tellMembers(ctx, r, t, nil, func(p storage.Party) string {
		return sprintf(txtTaskAddedForYou, p.Label(), t.ID, esc(t.Title), esc(b.whenText(t)))
	})
}

// tellChange tells members what an edit changed for them: a task newly
// theirs, or a deadline that moved.
func (b *Bot) tellChange(ctx context.Context, r *Request, old, t storage.Task) error {
	if added := slices.DeleteFunc(slices.Clone(t.Parties), old.Involves); len(added) > 0 {
		only := storage.Task{Parties: added}
		if err := b.tellMembers(ctx, r, only, nil, func(p storage.Party) string {
			return sprintf(txtTaskAddedForYou, p.Label(), t.ID, esc(t.Title), esc(b.whenText(t)))
		}); err != nil {
			return err
		}
	}
	if old.Deadline.Due == t.Deadline.Due && old.Deadline.Text == t.Deadline.Text {
		return nil
	}
	return b.tellMembers(ctx, r, t, old.Involves, func(storage.Party) string {
		return sprintf(txtDeadlineMoved, t.ID, esc(t.Title), esc(b.whenText(t)))
	})
}

// whenText is a task's deadline and how far it is, or "no deadline set".
func (b *Bot) whenText(t storage.Task) string {
	if t.Deadline.IsZero() {
		return txtNoDeadline
	}
	return deadlineText(t.Deadline) + " (" + relative(t.Deadline.Due, b.today()) + ")"
}

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
		return b.reply(ctx, r, r.Lang.T(txtAddUsage))
	}
	parties, bad, ok := parseParties(words[0])
	if !ok {
		if bad == "" {
			bad = words[0]
		}
		return b.reply(ctx, r, r.Lang.T(txtAddBadPty, echo(bad)))
	}
	dl, used, problem := ParseDeadline(words[1:])
	if used == 0 {
		return b.reply(ctx, r, dateRefusal(r.Lang, problem))
	}
	text := strings.Join(words[1+used:], " ")
	if text == "" {
		return b.reply(ctx, r, r.Lang.T(txtAddNoText))
	}
	t, err := b.Store.AddTask(ctx, storage.Task{Title: shorten(text, storage.MaxTitleLen), Text: text,
		Parties: parties, Deadline: dl, Source: i18n.English.T(txtAddedByAdmin), Created: b.Now()}) // the source stored once, shown by sourceText
	if errors.Is(err, storage.ErrInvalid) {
		return b.reply(ctx, r, invalidReply(r.Lang, err))
	}
	if err != nil {
		return err
	}
	if err := b.ScheduleTask(ctx, t); err != nil {
		return err
	}
	if err := b.reply(ctx, r, r.Lang.T(txtAdded, t.ID, esc(t.Title), partyList(r.Lang, &t), esc(deadlineText(r.Lang, t.Deadline)))); err != nil {
		return err
	}
	return b.tellNewTask(ctx, r, t)
}

func (b *Bot) editTask(ctx context.Context, r *Request) error {
	words := strings.Fields(r.Args)
	if len(words) < 3 {
		return b.reply(ctx, r, r.Lang.T(txtEditUsage))
	}
	id, ok := parseTaskID(words[0])
	if !ok {
		return b.reply(ctx, r, r.Lang.T(txtEditUsage))
	}
	field, value := storage.Fold(words[1]), words[2:]
	var change func(*storage.Task) error
	var what string
	switch field {
	case "date", "deadline":
		if len(value) == 1 && storage.Fold(value[0]) == "none" {
			// The one way to make a dated task undated: asked for in words.
			change, what = func(t *storage.Task) error { t.Deadline = storage.Deadline{}; return nil }, r.Lang.T(txtChangedNoDeadline)
			break
		}
		dl, used, problem := ParseDeadline(value)
		if used == 0 || used != len(value) {
			return b.reply(ctx, r, dateRefusal(r.Lang, problem))
		}
		change, what = func(t *storage.Task) error { t.Deadline = dl; return nil }, r.Lang.T(txtChangedDeadline, esc(deadlineText(r.Lang, dl)))
	case "title", "text":
		text := strings.Join(value, " ")
		change, what = func(t *storage.Task) error {
			t.Title, t.Text = shorten(text, storage.MaxTitleLen), text
			return nil
		}, r.Lang.T(txtChangedTitle, esc(shorten(text, 60)))
	case "parties", "party":
		ps, bad, ok := parseParties(strings.Join(value, ","))
		if !ok {
			return b.reply(ctx, r, r.Lang.T(txtAddBadPty, echo(bad)))
		}
		change = func(t *storage.Task) error { t.Parties = ps; return nil }
		tmp := storage.Task{Parties: ps}
		what = r.Lang.T(txtChangedParties, partyList(r.Lang, &tmp))
	default:
		return b.reply(ctx, r, r.Lang.T(txtEditUsage))
	}
	var old storage.Task
	t, err := b.EditTask(ctx, r, id, func(t *storage.Task) error {
		old = *t
		old.Parties = append([]storage.Party(nil), t.Parties...)
		return change(t)
	})
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return b.reply(ctx, r, r.Lang.T(txtNoSuchTask, strconv.FormatInt(id, 10)))
	case errors.Is(err, storage.ErrInvalid):
		return b.reply(ctx, r, invalidReply(r.Lang, err))
	case err != nil:
		return err
	}
	// EditTask rescheduled the alerts (the rule and the alerts shared with the app).
	if err := b.reply(ctx, r, r.Lang.T(txtEdited, id, what)); err != nil {
		return err
	}
	return b.tellChange(ctx, r, old, t)
}

func (b *Bot) delTask(ctx context.Context, r *Request) error {
	id, ok := parseTaskID(r.Args)
	if !ok {
		return b.reply(ctx, r, r.Lang.T(txtTaskUsage))
	}
	t, err := b.Store.Task(ctx, id)
	if errors.Is(err, storage.ErrNotFound) {
		return b.reply(ctx, r, r.Lang.T(txtNoSuchTask, strconv.FormatInt(id, 10)))
	}
	if err != nil {
		return err
	}
	s := strconv.FormatInt(id, 10)
	return b.reply(ctx, r, r.Lang.T(txtDelAsk, id, esc(t.Title)),
		[]Button{{Text: r.Lang.T(txtBtnDelete), Data: "del:y:" + s}, {Text: r.Lang.T(txtBtnCancel), Data: "del:n:" + s}})
}

func (b *Bot) delButton(ctx context.Context, r *Request) error {
	id, v, ok := parseIDButton(r.Callback.Data)
	if !ok || v == verbAsk {
		return b.Sender.AnswerCallback(ctx, r.Callback.ID, r.Lang.T(txtStaleButton), true)
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
		return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID, Text: r.Lang.T(txtNoSuchTask, strconv.FormatInt(id, 10))})
	}
	return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID, Text: r.Lang.T(txtDeleted, id)})
}

// invalidReply says why the store refused a task, in words: which field, and
// what to do instead.
func invalidReply(l i18n.Lang, err error) string {
	var fe *storage.FieldError
	if errors.As(err, &fe) {
		label := map[storage.Field]string{storage.FieldTitle: l.T(txtFldTitle), storage.FieldText: l.T(txtFldText),
			storage.FieldSource: l.T(txtFldText), storage.FieldRef: l.T(txtFldRef)}[fe.Field]
		if label == "" {
			label = fieldLabel(l, fe.Field)
		}
		switch fe.Problem {
		case storage.BadChars:
			return l.T(txtTextBadChars, label)
		case storage.NoVisible:
			return l.T(txtTextInvisible, label)
		}
	}
	return l.T(txtInvalid, esc(strings.TrimPrefix(err.Error(), storage.ErrInvalid.Error()+": ")))
}

// tellNewTask tells the members of t's Parties that it was added for them.
func (b *Bot) tellNewTask(ctx context.Context, r *Request, t storage.Task) error {
	return b.tellMembers(ctx, r, t, nil, func(l i18n.Lang, p storage.Party) string {
		return l.T(txtTaskAddedForYou, partyLabel(l, p), t.ID, esc(t.Title), esc(b.whenText(l, t)))
	})
}

// tellChange tells members what an edit changed for them: a task newly
// theirs, or a deadline that moved.
func (b *Bot) tellChange(ctx context.Context, r *Request, old, t storage.Task) error {
	if added := slices.DeleteFunc(slices.Clone(t.Parties), old.Involves); len(added) > 0 {
		only := storage.Task{Parties: added}
		if err := b.tellMembers(ctx, r, only, nil, func(l i18n.Lang, p storage.Party) string {
			return l.T(txtTaskAddedForYou, partyLabel(l, p), t.ID, esc(t.Title), esc(b.whenText(l, t)))
		}); err != nil {
			return err
		}
	}
	if old.Deadline.Due == t.Deadline.Due && old.Deadline.Text == t.Deadline.Text {
		return nil
	}
	return b.tellMembers(ctx, r, t, old.Involves, func(l i18n.Lang, _ storage.Party) string {
		return l.T(txtDeadlineMoved, t.ID, esc(t.Title), esc(b.whenText(l, t)))
	})
}

// whenText is a task's deadline and how far it is, or "no deadline set".
func (b *Bot) whenText(l i18n.Lang, t storage.Task) string {
	if t.Deadline.IsZero() {
		return l.T(txtNoDeadline)
	}
	return deadlineText(l, t.Deadline) + " (" + relative(l, t.Deadline.Due, b.today()) + ")"
}

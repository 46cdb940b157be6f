package handlers

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"time"

	"github.com/ots-customs/wgbot/storage"
)

// parseParties reads "TR", "TR,UZ" or "ALL" ("the Parties": the six states).
func parseParties(s string) ([]storage.Party, string, bool) {
	if strings.EqualFold(s, "all") {
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

// ParseDeadline reads a deadline at the start of words: "2024-03-01",
// "1 March 2024", "March 2024", "end of 2024", "end of March 2024". It
// returns the deadline and how many words it used (0 when none).
func ParseDeadline(words []string) (storage.Deadline, int) {
	lower := func(n int) []string {
		out := make([]string, 0, n)
		for _, w := range words[:min(n, len(words))] {
			out = append(out, strings.ToLower(strings.Trim(w, ",.")))
		}
		return out
	}
	if len(words) == 0 {
		return storage.Deadline{}, 0
	}
	if t, err := time.Parse(time.DateOnly, words[0]); err == nil {
		d := storage.DateOf(t)
		return storage.Deadline{Due: d, Precision: storage.PrecisionDay, Text: sprintf(txtByDate, d.Long())}, 1
	}
	w := lower(4)
	if len(w) >= 3 && w[0] == "end" && w[1] == "of" {
		if y, ok := year(w[2]); ok {
			return storage.Deadline{Due: storage.Date{Year: y, Month: 12, Day: 31}, Precision: storage.PrecisionYear,
				Text: sprintf(txtByEndOf, w[2])}, 3
		}
		if m, ok := month(w[2]); ok && len(w) >= 4 {
			if y, ok := year(w[3]); ok {
				return monthDeadline(y, m, sprintf(txtByEndOf, m.String()+" "+w[3])), 4
			}
		}
	}
	if len(w) >= 3 {
		if d, err := strconv.Atoi(w[0]); err == nil {
			if m, ok := month(w[1]); ok {
				if y, ok := year(w[2]); ok && d >= 1 && d <= daysIn(y, m) {
					date := storage.Date{Year: y, Month: m, Day: d}
					return storage.Deadline{Due: date, Precision: storage.PrecisionDay, Text: sprintf(txtByDate, date.Long())}, 3
				}
			}
		}
	}
	if len(w) >= 2 {
		if m, ok := month(w[0]); ok {
			if y, ok := year(w[1]); ok {
				return monthDeadline(y, m, sprintf(txtInMonth, m.String()+" "+w[1])), 2
			}
		}
	}
	return storage.Deadline{}, 0
}

func monthDeadline(y int, m time.Month, text string) storage.Deadline {
	return storage.Deadline{Due: storage.Date{Year: y, Month: m, Day: daysIn(y, m)}, Precision: storage.PrecisionMonth, Text: text}
}

func daysIn(y int, m time.Month) int { return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() }

func year(s string) (int, bool) {
	y, err := strconv.Atoi(s)
	return y, err == nil && y >= 2000 && y <= 2100
}

func month(s string) (time.Month, bool) {
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		if s == name || (len(s) >= 3 && strings.HasPrefix(name, s) && len(s) <= len(name)) {
			return m, true
		}
	}
	return 0, false
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
	dl, used := ParseDeadline(words[1:])
	if used == 0 {
		return b.reply(ctx, r, txtAddBadDate)
	}
	text := strings.Join(words[1+used:], " ")
	if text == "" {
		return b.reply(ctx, r, txtAddNoText)
	}
	t, err := b.Store.AddTask(ctx, storage.Task{Title: shorten(text, storage.MaxTitleLen), Text: text,
		Parties: parties, Deadline: dl, Source: txtAddedByAdmin, Created: b.Now()})
	if errors.Is(err, storage.ErrInvalid) {
		return b.reply(ctx, r, sprintf(txtInvalid, esc(err.Error())))
	}
	if err != nil {
		return err
	}
	if err := b.ScheduleTask(ctx, t); err != nil {
		return err
	}
	return b.reply(ctx, r, sprintf(txtAdded, t.ID, esc(t.Title), partyList(&t), esc(deadlineText(t.Deadline))))
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
	field, value := strings.ToLower(words[1]), words[2:]
	var change func(*storage.Task) error
	var what string
	switch field {
	case "date", "deadline":
		dl, used := ParseDeadline(value)
		if used == 0 || used != len(value) {
			return b.reply(ctx, r, txtAddBadDate)
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
	_, err := b.EditTask(ctx, r, id, change) // the rule and the alerts shared with the app
	switch {
	case errors.Is(err, storage.ErrNotFound):
		return b.reply(ctx, r, sprintf(txtNoSuchTask, strconv.FormatInt(id, 10)))
	case errors.Is(err, storage.ErrInvalid):
		return b.reply(ctx, r, sprintf(txtInvalid, esc(err.Error())))
	case err != nil:
		return err
	}
	return b.reply(ctx, r, sprintf(txtEdited, id, what))
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

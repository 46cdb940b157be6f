package handlers

import (
	"context"
	"strings"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// meetingAliases lets users name a meeting the way they speak of it.
var meetingAliases = map[string]string{
	"wg": "wg", "working": "wg", "workinggroup": "wg", "group": "wg",
	"hca": "hca", "heads": "hca", "head": "hca", "hoca": "hca",
}

// findMeeting picks a meeting by id ("wg12"), by kind ("wg", "heads") or, when
// arg is empty, the latest one.
func findMeeting(ms []storage.Meeting, arg string) (storage.Meeting, bool) {
	if arg == "" {
		// Imported minutes may come without an agenda: show the latest that has one.
		for _, m := range ms {
			if len(m.Agenda) > 0 {
				return m, true
			}
		}
		return ms[0], true
	}
	key := storage.Fold(strings.Join(strings.Fields(arg), ""))
	for _, m := range ms {
		if m.ID == key {
			return m, true
		}
	}
	if kind, ok := meetingAliases[key]; ok {
		for _, m := range ms { // latest of that kind
			if strings.HasPrefix(m.ID, kind) {
				return m, true
			}
		}
	}
	return storage.Meeting{}, false
}

func (b *Bot) agenda(ctx context.Context, r *Request) error {
	ms, err := b.Store.Meetings(ctx)
	if err != nil {
		return err
	}
	if len(ms) == 0 {
		return b.reply(ctx, r, r.Lang.T(txtNoMeetings))
	}
	m, ok := findMeeting(ms, r.Args)
	if !ok {
		return b.reply(ctx, r, r.Lang.T(txtUnknownMtg, echo(r.Args)), meetingButtons(r.Lang, ms, "")...)
	}
	return b.reply(ctx, r, agendaText(r.Lang, m), meetingButtons(r.Lang, ms, m.ID)...)
}

func (b *Bot) agendaButton(ctx context.Context, r *Request) error {
	ms, err := b.Store.Meetings(ctx)
	if err != nil {
		return err
	}
	id := strings.TrimPrefix(r.Callback.Data, "agenda:")
	for _, m := range ms {
		if m.ID == id {
			if err := b.Sender.AnswerCallback(ctx, r.Callback.ID, "", false); err != nil {
				return err
			}
			return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID,
				Text: agendaText(r.Lang, m), Buttons: meetingButtons(r.Lang, ms, m.ID)})
		}
	}
	return b.Sender.AnswerCallback(ctx, r.Callback.ID, r.Lang.T(txtStaleButton), true)
}

// agendaText renders an agenda: title, place and date, then the numbered items.
func agendaText(l i18n.Lang, m storage.Meeting) string {
	var sb strings.Builder
	sb.WriteString(l.T(txtAgendaHeader, esc(m.Title), esc(m.Place), longDate(l, m.Date)))
	sb.WriteString("\n")
	for _, it := range m.Agenda {
		sb.WriteString("\n<b>" + esc(it.Number) + ".</b> " + esc(it.Title))
		for _, s := range it.Subitems {
			sb.WriteString("\n    • " + esc(s))
		}
	}
	return sb.String()
}

// meetingButtons offers the other meetings (one button a row, latest first).
func meetingButtons(l i18n.Lang, ms []storage.Meeting, current string) [][]Button {
	var rows [][]Button
	for _, m := range ms {
		if m.ID == current || len(rows) == 4 {
			continue
		}
		label := m.Short
		if label == "" {
			label = m.Title
		}
		rows = append(rows, []Button{{Text: l.T(txtMeetingButton, label+", "+longDate(l, m.Date)), Data: "agenda:" + m.ID}})
	}
	return rows
}

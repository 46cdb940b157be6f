package handlers

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"github.com/ots-customs/wgbot/handlers/report"
	"github.com/ots-customs/wgbot/storage"
)

// historyDepth is how many status changes of a task the report's annex reads
// (the store keeps 200).
const historyDepth = 200

// ErrUnknownMeeting is returned by BuildReport for a meeting it cannot find.
var ErrUnknownMeeting = errors.New("no such meeting")

// ReportFiles names the files of a report, by format.
var ReportFiles = map[string]string{"docx": "wgbot-report.docx", "xlsx": "wgbot-report.xlsx", "pdf": "wgbot-report.pdf"}

// ReportFormats are the formats of a report, in the order /report sends them.
var ReportFormats = []string{"docx", "xlsx", "pdf"}

// WriteReport writes r in format ("docx", "xlsx" or "pdf").
func WriteReport(r report.Report, format string) ([]byte, error) {
	switch format {
	case "docx":
		return report.DOCX(r)
	case "xlsx":
		return report.XLSX(r)
	case "pdf":
		return report.PDF(r)
	}
	return nil, errors.New("report: unknown format " + format)
}

// BuildReport reads what a report needs from store: the meetings which
// meeting names ("" for those of the latest date, as Tashkent's two meetings
// of 11 December 2023; "all"; an id such as "wg12"; or a word of the place or
// name such as "Tashkent"), their tasks and the tasks' histories. It returns
// an error wrapping ErrUnknownMeeting when nothing matches, and
// report.ErrLanguage for a language other than English.
func BuildReport(ctx context.Context, store storage.Store, meeting string, asOf storage.Date, zone *time.Location, lang string) (report.Report, error) {
	meetings, err := store.Meetings(ctx)
	if err != nil {
		return report.Report{}, err
	}
	chosen := chooseMeetings(meetings, meeting)
	if len(chosen) == 0 {
		return report.Report{}, ErrUnknownMeeting
	}
	tasks, err := store.Tasks(ctx)
	if err != nil {
		return report.Report{}, err
	}
	in := report.Input{Meetings: chosen, AsOf: asOf, Zone: zone, Lang: lang, History: map[int64][]storage.StatusChange{}}
	for _, t := range tasks {
		if !slices.ContainsFunc(chosen, func(m storage.Meeting) bool { return m.ID == t.MeetingID }) {
			continue
		}
		in.Tasks = append(in.Tasks, t)
		h, err := store.History(ctx, t.ID, historyDepth)
		if err != nil {
			return report.Report{}, err
		}
		in.History[t.ID] = h
	}
	return report.Build(in)
}

// chooseMeetings picks the meetings a /report argument names, latest first
// as the store lists them, except that meetings held the same day keep the
// minutes' order (the Working Group before the Heads of Customs).
func chooseMeetings(all []storage.Meeting, arg string) []storage.Meeting {
	arg = storage.Fold(strings.TrimSpace(arg))
	var out []storage.Meeting
	for _, m := range all {
		switch {
		case arg == "" && len(all) > 0 && m.Date == all[0].Date,
			arg == "all",
			arg != "" && (storage.Fold(m.ID) == arg || strings.Contains(storage.Fold(m.Place+" "+m.Title+" "+m.Short), arg)):
			out = append(out, m)
		}
	}
	slices.SortStableFunc(out, func(a, b storage.Meeting) int {
		if a.Date == b.Date {
			return a.Order - b.Order
		}
		return a.Date.DaysUntil(b.Date)
	})
	return out
}

// reportCmd handles /report [meeting]: the implementation report as DOCX,
// XLSX and PDF, in the administrator's private chat.
func (b *Bot) reportCmd(ctx context.Context, r *Request) error {
	rep, err := BuildReport(ctx, b.Store, r.Args, b.today(), b.Location, string(r.Lang))
	if errors.Is(err, ErrUnknownMeeting) {
		meetings, err := b.Store.Meetings(ctx)
		if err != nil {
			return err
		}
		var ids []string
		for _, m := range meetings {
			ids = append(ids, "<code>"+esc(m.ID)+"</code> "+esc(m.Short))
		}
		return b.reply(ctx, r, r.Lang.T(txtReportNoMeeting, esc(r.Args), strings.Join(ids, "\n")))
	}
	if err != nil {
		return err
	}
	if len(rep.Rows()) == 0 {
		return b.reply(ctx, r, r.Lang.T(txtReportEmpty, esc(rep.Subject)))
	}
	for _, format := range ReportFormats {
		data, err := WriteReport(rep, format)
		if err != nil {
			return err
		}
		caption := r.Lang.T(reportCaption(format))
		if format == "docx" {
			caption = r.Lang.T(reportCaption(format), esc(shorten(rep.Title, 900)))
		}
		if err := b.Sender.SendDocument(ctx, r.Chat.ID, ReportFiles[format], data, caption); err != nil {
			return err
		}
	}
	return nil
}

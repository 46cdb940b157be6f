package handlers

import (
	"context"
	"strconv"
	"strings"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// longOverdueDays: tasks overdue longer than this are listed in one compact
// block, so that a message stays readable when old minutes were never closed.
const longOverdueDays = 90

func (b *Bot) deadlines(ctx context.Context, r *Request) error {
	args := storage.Fold(r.Args)
	if args != "" && args != "all" {
		return b.reply(ctx, r, r.Lang.T(txtDeadlinesArgs))
	}
	text, rows, err := b.deadlinesList(ctx, r.Lang, args == "all", 0)
	if err != nil {
		return err
	}
	return b.reply(ctx, r, text, append(rows, b.appButtons(r)...)...)
}

// deadlinesPageSize keeps one page of /deadlines to a phone screen or two.
const deadlinesPageSize = 8

// deadlineEntry is one task of /deadlines, with the group it is shown in.
type deadlineEntry struct {
	group string // heading
	text  string
	task  *storage.Task
}

// deadlinesPage renders one page of tasks with deadlines, soonest first, in
// groups: coming up, overdue (with who is waited for), long overdue (one
// line each) and, with all, done; a button per task opens it.
func (b *Bot) deadlinesPage(l i18n.Lang, tasks []storage.Task, all bool, page int) (string, [][]Button) {
	today := b.today()
	var upcoming, overdue, long, done []deadlineEntry
	undated := 0
	for i := range tasks {
		t := &tasks[i]
		switch days := today.DaysUntil(t.Deadline.Due); {
		case t.Deadline.IsZero():
			if !t.Done() {
				undated++
			}
		case t.Done():
			if all {
				done = append(done, deadlineEntry{l.T(txtDoneSection), "✅ " + taskLine(l, t) + " — " + submittedOn(l, t, b.Location), t})
			}
		case days < -longOverdueDays:
			long = append(long, deadlineEntry{"⚫ " + l.N(txtLongOverdue, longOverdueDays), "• " + taskLine(l, t), t})
		case days < 0:
			overdue = append(overdue, deadlineEntry{"🔴 " + l.T(txtOverdue), taskBlock(l, t, today), t})
		default:
			upcoming = append(upcoming, deadlineEntry{l.T(txtUpcoming), taskBlock(l, t, today), t})
		}
	}
	entries := append(append(append(upcoming, overdue...), long...), done...)
	header := txtDeadlinesHeader
	kind := "o"
	if all {
		header, kind = txtAllHeader, "a"
	}
	from, to, page, pages := pageBounds(len(entries), deadlinesPageSize, page)
	head := l.T(header, longDate(l, today))
	if pages > 1 {
		head += " " + l.T(txtPageOf, page+1, pages)
	}
	parts := []string{head}
	if len(entries) == 0 {
		parts = append(parts, l.T(txtNoDeadlines))
	}
	var rows [][]Button
	group := ""
	for _, e := range entries[from:to] {
		sep := "\n\n"
		if strings.HasPrefix(e.text, "• ") || strings.HasPrefix(e.text, "✅ ") {
			sep = "\n"
		}
		if e.group != group {
			group = e.group
			parts = append(parts, e.group+"\n"+e.text)
		} else {
			parts[len(parts)-1] += sep + e.text
		}
		rows = append(rows, []Button{{Text: l.T(txtBtnOpenTaskN, taskRef(e.task), shorten(e.task.Title, 40)),
			Data: "task:" + strconv.FormatInt(e.task.ID, 10)}})
	}
	if undated > 0 && page == pages-1 {
		parts = append(parts, l.N(txtMoreUndated, undated))
	}
	if nav := pageButtons(l, "pg:dl:"+kind+":", page, pages); nav != nil {
		rows = append(rows, nav)
	}
	return strings.Join(parts, "\n\n"), rows
}

// taskLine is the compact form: "Title — 🇹🇷 TR — by 1 March 2024".
func taskLine(l i18n.Lang, t *storage.Task) string {
	return taskRef(t) + " " + esc(t.Title) + " — " + partyList(l, t) + " — " + esc(deadlineText(l, t.Deadline))
}

// taskBlock is the full form: deadline and distance, title, Parties and progress.
func taskBlock(l i18n.Lang, t *storage.Task, today storage.Date) string {
	lines := []string{
		"📅 <b>" + esc(deadlineText(l, t.Deadline)) + "</b> (" + relative(l, t.Deadline.Due, today) + ")",
		taskRef(t) + " " + esc(t.Title),
		partyList(l, t),
	}
	if p := progress(l, t); p != "" {
		lines = append(lines, p)
	}
	return strings.Join(lines, "\n")
}

// taskRef is "#3": the number /task, /done and /edittask take.
func taskRef(t *storage.Task) string { return "#" + strconv.FormatInt(t.ID, 10) }

package handlers

import (
	"context"
	"strconv"
	"strings"

	"github.com/ots-customs/wgbot/storage"
)

// longOverdueDays: tasks overdue longer than this are listed in one compact
// block, so that a message stays readable when old minutes were never closed.
const longOverdueDays = 90

func (b *Bot) deadlines(ctx context.Context, r *Request) error {
	args := strings.ToLower(r.Args)
	if args != "" && args != "all" {
		return b.reply(ctx, r, txtDeadlinesArgs)
	}
	tasks, err := b.Store.Tasks(ctx)
	if err != nil {
		return err
	}
	return b.reply(ctx, r, deadlinesText(tasks, b.today(), args == "all"), b.appButtons(r)...)
}

// deadlinesText renders tasks with deadlines, soonest first, in three groups:
// long overdue (one line each), overdue and coming up (with who is waited for).
func deadlinesText(tasks []storage.Task, today storage.Date, all bool) string {
	var long, overdue, upcoming, done []string
	undated := 0
	for i := range tasks {
		t := &tasks[i]
		if t.Deadline.IsZero() {
			if !t.Done() {
				undated++
			}
			continue
		}
		if t.Done() {
			if all {
				done = append(done, "✅ "+taskLine(t))
			}
			continue
		}
		days := today.DaysUntil(t.Deadline.Due)
		switch {
		case days < -longOverdueDays:
			long = append(long, "• "+taskLine(t))
		case days < 0:
			overdue = append(overdue, taskBlock(t, today))
		default:
			upcoming = append(upcoming, taskBlock(t, today))
		}
	}
	header := txtDeadlinesHeader
	if all {
		header = txtAllHeader
	}
	parts := []string{sprintf(header, today.Long())}
	if len(long)+len(overdue)+len(upcoming)+len(done) == 0 {
		parts = append(parts, txtNoDeadlines)
	}
	if len(upcoming) > 0 {
		parts = append(parts, txtUpcoming+"\n"+strings.Join(upcoming, "\n\n"))
	}
	if len(overdue) > 0 {
		parts = append(parts, "🔴 "+txtOverdue+"\n"+strings.Join(overdue, "\n\n"))
	}
	if len(long) > 0 {
		parts = append(parts, "⚫ "+sprintf(txtLongOverdue, longOverdueDays)+"\n"+strings.Join(long, "\n"))
	}
	if len(done) > 0 {
		parts = append(parts, txtDoneSection+"\n"+strings.Join(done, "\n"))
	}
	if undated > 0 {
		parts = append(parts, sprintf(txtMoreUndated, undated))
	}
	return strings.Join(parts, "\n\n")
}

// taskLine is the compact form: "Title — 🇹🇷 TR — by 1 March 2024".
func taskLine(t *storage.Task) string {
	return taskRef(t) + " " + esc(t.Title) + " — " + partyList(t) + " — " + esc(deadlineText(t.Deadline))
}

// taskBlock is the full form: deadline and distance, title, Parties and progress.
func taskBlock(t *storage.Task, today storage.Date) string {
	lines := []string{
		"📅 <b>" + esc(deadlineText(t.Deadline)) + "</b> (" + relative(t.Deadline.Due, today) + ")",
		taskRef(t) + " " + esc(t.Title),
		partyList(t),
	}
	if p := progress(t); p != "" {
		lines = append(lines, p)
	}
	return strings.Join(lines, "\n")
}

// taskRef is "#3": the number /task, /done and /edittask take.
func taskRef(t *storage.Task) string { return "#" + strconv.FormatInt(t.ID, 10) }

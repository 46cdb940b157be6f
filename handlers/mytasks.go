package handlers

import (
	"context"
	"strconv"
	"strings"

	"github.com/ots-customs/wgbot/storage"
)

func (b *Bot) mytasks(ctx context.Context, r *Request) error {
	if r.Member == nil || !r.Member.Party.Valid() {
		return b.reply(ctx, r, txtWhichParty, partyButtons("iam:")...)
	}
	tasks, err := b.Store.Tasks(ctx)
	if err != nil {
		return err
	}
	rows := doneButtons(tasks, r.Member.Party)
	text := myTasksText(tasks, r.Member.Party, b.today())
	if len(rows) > 0 {
		text += "\n\n" + txtDoneHint
	}
	return b.reply(ctx, r, text, append(rows, b.appButtons(r)...)...)
}

// doneButtons offers "mark submitted" for the Party's open tasks: small
// "📨 #N" buttons, four a row, under a list that shows what each N is.
func doneButtons(tasks []storage.Task, p storage.Party) [][]Button {
	var rows [][]Button
	var row []Button
	n := 0
	for i := range tasks {
		t := &tasks[i]
		if !t.Involves(p) || t.StatusOf(p).State != storage.StateOpen || n == maxTaskButtons {
			continue
		}
		n++
		row = append(row, Button{Text: "📨 " + taskRef(t), Data: "done:" + strconv.FormatInt(t.ID, 10) + ":" + string(p)})
		if len(row) == 4 {
			rows, row = append(rows, row), nil
		}
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

// myTasksText lists the tasks whose part for p is still open, dated first.
func myTasksText(tasks []storage.Task, p storage.Party, today storage.Date) string {
	var blocks []string
	for i := range tasks {
		t := &tasks[i]
		if !t.Involves(p) || t.StatusOf(p).State != storage.StateOpen {
			continue
		}
		when := txtNoDeadline
		if !t.Deadline.IsZero() {
			when = "<b>" + esc(deadlineText(t.Deadline)) + "</b> (" + relative(t.Deadline.Due, today) + ")"
		}
		lines := []string{"📅 " + when, taskRef(t) + " " + esc(t.Title)}
		if len(t.Parties) > 1 {
			lines = append(lines, txtTogetherWith+partyList(t))
		}
		blocks = append(blocks, strings.Join(lines, "\n"))
	}
	if len(blocks) == 0 {
		return sprintf(txtNoMyTasks, p.Label())
	}
	return sprintf(txtMyTasksHeader, p.Label()) + "\n\n" + strings.Join(blocks, "\n\n")
}

// partyButtons offers every Party, two a row; data is prefix + code.
func partyButtons(prefix string) [][]Button {
	var rows [][]Button
	var row []Button
	for _, info := range storage.Parties() {
		row = append(row, Button{Text: info.Flag + " " + info.Name, Data: prefix + string(info.Code)})
		if len(row) == 2 {
			rows = append(rows, row)
			row = nil
		}
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

package handlers

import (
	"context"
	"strconv"
	"strings"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

func (b *Bot) mytasks(ctx context.Context, r *Request) error {
	party, ok := storage.Party(""), false
	if r.Member != nil && r.Member.Party.Valid() {
		party, ok = r.Member.Party, true
	}
	if r.Args != "" {
		// "/mytasks Özbekistan": an administrator looks at any Party's list; a
		// member may name only their own, the one their buttons act for.
		p, known := storage.ParseParty(r.Args)
		switch {
		case !known:
			return b.reply(ctx, r, r.Lang.T(txtMyTasksUnknownParty, echo(r.Args)))
		case r.Role != Admin && !ok:
			return b.reply(ctx, r, r.Lang.T(txtWhichParty), partyButtons(r.Lang, "iam:")...)
		case r.Role != Admin && p != party:
			return b.reply(ctx, r, r.Lang.T(txtMyTasksOtherParty, partyLabel(r.Lang, party), partyLabel(r.Lang, p)))
		}
		party, ok = p, true
	}
	if !ok {
		return b.reply(ctx, r, r.Lang.T(txtWhichParty), partyButtons(r.Lang, "iam:")...)
	}
	text, rows, err := b.myTasksList(ctx, r.Lang, party, 0)
	if err != nil {
		return err
	}
	return b.reply(ctx, r, text, append(rows, b.appButtons(r)...)...)
}

// myTasksPageSize keeps one page of /mytasks to a phone screen or two.
const myTasksPageSize = 6

// openFor lists the tasks whose part for p is open: dated ones soonest
// first, then the undated (the store's order).
func openFor(tasks []storage.Task, p storage.Party) []*storage.Task {
	var out []*storage.Task
	for i := range tasks {
		if t := &tasks[i]; t.Involves(p) && t.StatusOf(p).State == storage.StateOpen {
			out = append(out, t)
		}
	}
	return out
}

// myTasksPage renders one page of p's open tasks: dated tasks one block
// each, undated ones in a single group, a "📨 Submitted: #N Title" button
// per task, and Previous / Next when there is more than one page.
func (b *Bot) myTasksPage(l i18n.Lang, tasks []storage.Task, p storage.Party, page int) (string, [][]Button) {
	open := openFor(tasks, p)
	if len(open) == 0 {
		return l.T(txtNoMyTasks, partyLabel(l, p)), nil
	}
	from, to, page, pages := pageBounds(len(open), myTasksPageSize, page)
	header := l.T(txtMyTasksHeader, partyLabel(l, p))
	if pages > 1 {
		header += " " + l.T(txtPageOf, page+1, pages)
	}
	var blocks, undated []string
	var rows [][]Button
	today := b.today()
	for _, t := range open[from:to] {
		line := taskRef(t) + " " + esc(t.Title)
		if t.Deadline.IsZero() {
			undated = append(undated, "• "+line)
		} else {
			lines := []string{"📅 <b>" + esc(deadlineText(l, t.Deadline)) + "</b> (" + relative(l, t.Deadline.Due, today) + ")", line}
			if len(t.Parties) > 1 {
				lines = append(lines, l.T(txtTogetherWith)+partyList(l, t))
			}
			blocks = append(blocks, strings.Join(lines, "\n"))
		}
		rows = append(rows, []Button{submitButton(l, t, p)})
	}
	if len(undated) > 0 {
		blocks = append(blocks, l.T(txtNoDeadlineGroup)+"\n"+strings.Join(undated, "\n"))
	}
	text := header + "\n\n" + strings.Join(blocks, "\n\n") + "\n\n" + l.T(txtDoneHint)
	if nav := pageButtons(l, "pg:my:", page, pages); nav != nil {
		rows = append(rows, nav)
	}
	return text, rows
}

// submitButton says what it does: "📨 Submitted: #4 Technical Conditions".
func submitButton(l i18n.Lang, t *storage.Task, p storage.Party) Button {
	return Button{Text: l.T(txtBtnSubmitted, taskRef(t), shorten(t.Title, 40)),
		Data: "sub:a:" + strconv.FormatInt(t.ID, 10) + ":" + string(p)}
}

// pageBounds clamps page to the pages there are and returns the slice of
// items it shows.
func pageBounds(n, size, page int) (from, to, clamped, pages int) {
	pages = max(1, (n+size-1)/size)
	page = min(max(page, 0), pages-1)
	return page * size, min(n, (page+1)*size), page, pages
}

// pageButtons is the "◀️ Previous" / "Next ▶️" row, nil for a single page.
func pageButtons(l i18n.Lang, prefix string, page, pages int) []Button {
	if pages < 2 {
		return nil
	}
	var row []Button
	if page > 0 {
		row = append(row, Button{Text: l.T(txtBtnPrevious), Data: prefix + strconv.Itoa(page-1)})
	}
	if page < pages-1 {
		row = append(row, Button{Text: l.T(txtBtnNext), Data: prefix + strconv.Itoa(page+1)})
	}
	return row
}

// pageButton handles "pg:my:<page>" and "pg:dl:o|a:<page>": the list is
// drawn again at that page, in the same message.
func (b *Bot) pageButton(ctx context.Context, r *Request) (Answer, error) {
	parts := strings.Split(r.Callback.Data, ":")
	page, err := strconv.Atoi(parts[len(parts)-1])
	if err != nil || len(parts) < 3 {
		return stale(r.Lang), nil
	}
	var text string
	var rows [][]Button
	switch {
	case parts[1] == "my" && len(parts) == 3:
		if r.Member == nil || !r.Member.Party.Valid() {
			return stale(r.Lang), nil
		}
		text, rows, err = b.myTasksList(ctx, r.Lang, r.Member.Party, page)
	case parts[1] == "dl" && len(parts) == 4 && (parts[2] == "o" || parts[2] == "a"):
		text, rows, err = b.deadlinesList(ctx, r.Lang, parts[2] == "a", page)
	default:
		return stale(r.Lang), nil
	}
	if err != nil {
		return Answer{}, err
	}
	return Answer{Edit: &Message{Text: text, Buttons: rows}}, nil
}

// partyButtons offers every Party, two a row; data is prefix + code.
func partyButtons(l i18n.Lang, prefix string) [][]Button {
	var rows [][]Button
	var row []Button
	for _, info := range storage.Parties() {
		row = append(row, Button{Text: partyLabel(l, info.Code), Data: prefix + string(info.Code)})
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

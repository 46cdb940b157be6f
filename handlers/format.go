package handlers

import (
	"fmt"
	"html"
	"strings"
	"time"

	"github.com/ots-customs/wgbot/storage"
)

// esc escapes user and document content for Telegram's HTML parse mode.
func esc(s string) string { return html.EscapeString(s) }

// userLabel names a user for administrators: "Name (@user)".
func userLabel(name, username string) string {
	s := esc(name)
	if s == "" {
		s = txtNoName
	}
	if username != "" {
		s += " (@" + esc(username) + ")"
	}
	return s
}

// unit is a word with its singular and plural forms, from texts.go.
type unit struct{ one, many string }

// plural picks "1 day" or "3 days".
func plural(n int, one, many string) string {
	if n == 1 || n == -1 {
		return fmt.Sprintf("%d %s", n, one)
	}
	return fmt.Sprintf("%d %s", n, many)
}

// count is plural with a unit of texts.go: count(3, unitDay) is "3 days".
func count(n int, u unit) string { return plural(n, u.one, u.many) }

// span says a number of days the way people do, in one style everywhere:
// days up to about three months, then months, then years and months ("1 year and
// 11 months", "2 years"), so that 23 months never stands next to 2 years.
func span(days int) string {
	if days < 100 {
		return count(days, unitDay)
	}
	months := int(float64(days)/30.437 + 0.5)
	if months < 12 {
		return count(months, unitMonth)
	}
	y, m := months/12, months%12
	if m == 0 {
		return count(y, unitYear)
	}
	return count(y, unitYear) + txtAnd + count(m, unitMonth)
}

// relative says how far due is from today: "today", "tomorrow", "in 5 days",
// "overdue by 3 days".
func relative(due, today storage.Date) string {
	d := today.DaysUntil(due)
	switch {
	case d == 0:
		return txtDueToday
	case d == 1:
		return txtDueTomorrow
	case d > 1:
		return sprintf(txtDueIn, span(d))
	case d == -1:
		return sprintf(txtPartyOverdueDays, count(1, unitDay))
	}
	return fmt.Sprintf(txtPartyOverdueDays, span(-d))
}

// submittedOn is when the last responsible Party submitted (or had its part
// confirmed): what a finished task shows instead of "overdue".
func submittedOn(t *storage.Task, loc *time.Location) string {
	var last time.Time
	for _, p := range t.Parties {
		if at := t.StatusOf(p).At; at.After(last) {
			last = at
		}
	}
	if last.IsZero() {
		return txtAllSubmitted
	}
	return sprintf(txtSubmittedOn, storage.DateOf(last.In(loc)).Long())
}

// partyList is "🇹🇷 TR, 🇺🇿 UZ", or "all Parties" when every state Party is bound.
func partyList(t *storage.Task) string {
	if t.AllStates() && len(t.Parties) == len(storage.StateParties) {
		return txtAllParties
	}
	parts := make([]string, len(t.Parties))
	for i, p := range t.Parties {
		parts[i] = p.Short()
	}
	return strings.Join(parts, ", ")
}

// progress is "3 of 6 Parties submitted; waiting for KZ, KG, HU" for a task
// that binds several Parties and has some submissions; otherwise "".
func progress(t *storage.Task) string {
	out := t.Outstanding()
	if len(t.Parties) < 2 || len(out) == len(t.Parties) || len(out) == 0 {
		return ""
	}
	codes := make([]string, len(out))
	for i, p := range out {
		codes[i] = string(p)
	}
	return fmt.Sprintf("%d of %d Parties submitted; waiting for %s",
		len(t.Parties)-len(out), len(t.Parties), strings.Join(codes, ", "))
}

// deadlineText is the deadline as the minutes wrote it, or its date.
func deadlineText(d storage.Deadline) string {
	if d.Text != "" {
		return d.Text
	}
	return sprintf(txtByDate, d.Due.Long())
}

// maxEcho bounds how much of a user's own text a reply repeats back.
const maxEcho = 40

// echo is a user's text to repeat in a reply: shortened and escaped.
func echo(s string) string {
	r := []rune(strings.TrimSpace(s))
	if len(r) > maxEcho {
		return esc(string(r[:maxEcho])) + "…"
	}
	return esc(string(r))
}

package handlers

import (
	"html"
	"strings"
	"time"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// esc escapes user and document content for Telegram's HTML parse mode.
func esc(s string) string { return html.EscapeString(s) }

// userLabel names a user for administrators: "Name (@user)".
func userLabel(l i18n.Lang, name, username string) string {
	s := esc(name)
	if s == "" {
		s = l.T(txtNoName)
	}
	if username != "" {
		s += " (@" + esc(username) + ")"
	}
	return s
}

// count is n of a unit of texts.go in l: count(l, 3, unitDay) is "3 days".
func count(l i18n.Lang, n int, u i18n.ID) string { return l.N(u, n) }

// partyLabel is "🇹🇷 Türkiye" in l, or the bare code for an unknown Party.
func partyLabel(l i18n.Lang, p storage.Party) string {
	if info, ok := p.Info(); ok {
		return info.Flag + " " + l.PartyName(string(info.Code))
	}
	return string(p)
}

// longDate is d as people write it in l: "1 March 2024", "1 марта 2024 г.".
func longDate(l i18n.Lang, d storage.Date) string {
	if d.IsZero() {
		return ""
	}
	return l.Date(time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC))
}

// span says a number of days the way people do, in one style everywhere:
// days up to about three months, then months, then years and months ("1 year and
// 11 months", "2 years"), so that 23 months never stands next to 2 years.
func span(l i18n.Lang, days int) string {
	if days < 100 {
		return count(l, days, unitDay)
	}
	months := int(float64(days)/30.437 + 0.5)
	if months < 12 {
		return count(l, months, unitMonth)
	}
	y, m := months/12, months%12
	if m == 0 {
		return count(l, y, unitYear)
	}
	return count(l, y, unitYear) + l.T(txtAnd) + count(l, m, unitMonth)
}

// relative says how far due is from today: "today", "tomorrow", "in 5 days",
// "overdue by 3 days".
func relative(l i18n.Lang, due, today storage.Date) string {
	d := today.DaysUntil(due)
	switch {
	case d == 0:
		return l.T(txtDueToday)
	case d == 1:
		return l.T(txtDueTomorrow)
	case d > 1:
		return l.T(txtDueIn, span(l, d))
	case d == -1:
		return l.T(txtPartyOverdueDays, count(l, 1, unitDay))
	}
	return l.T(txtPartyOverdueDays, span(l, -d))
}

// submittedOn is when the last responsible Party submitted (or had its part
// confirmed): what a finished task shows instead of "overdue".
func submittedOn(l i18n.Lang, t *storage.Task, loc *time.Location) string {
	var last time.Time
	for _, p := range t.Parties {
		if at := t.StatusOf(p).At; at.After(last) {
			last = at
		}
	}
	if last.IsZero() {
		return l.T(txtAllSubmitted)
	}
	return l.T(txtSubmittedOn, longDate(l, storage.DateOf(last.In(loc))))
}

// partyList is "🇹🇷 TR, 🇺🇿 UZ", or "all Parties" when every state Party is bound.
func partyList(l i18n.Lang, t *storage.Task) string {
	if t.AllStates() && len(t.Parties) == len(storage.StateParties) {
		return l.T(txtAllParties)
	}
	parts := make([]string, len(t.Parties))
	for i, p := range t.Parties {
		parts[i] = p.Short()
	}
	return strings.Join(parts, ", ")
}

// progress is "3 of 6 Parties submitted; waiting for KZ, KG, HU" for a task
// that binds several Parties and has some submissions; otherwise "".
func progress(l i18n.Lang, t *storage.Task) string {
	out := t.Outstanding()
	if len(t.Parties) < 2 || len(out) == len(t.Parties) || len(out) == 0 {
		return ""
	}
	codes := make([]string, len(out))
	for i, p := range out {
		codes[i] = string(p)
	}
	return l.T("Progress", len(t.Parties)-len(out), len(t.Parties), strings.Join(codes, ", "))
}

// deadlineText is the deadline as the minutes wrote it, or, for one typed
// in the bot, in l ("by 1 March 2024", "by the end of March 2024").
func deadlineText(l i18n.Lang, d storage.Deadline) string {
	if d.Text != "" {
		return d.Text
	}
	return l.Deadline(d.Due.In(time.UTC), string(d.Precision))
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

// stateWord is a Party's state in l: "open", "submitted", "confirmed".
func stateWord(l i18n.Lang, s storage.State) string { return l.T(i18n.ID("app." + string(s))) }

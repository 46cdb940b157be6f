// Package calendar writes the deadlines of tasks as an iCalendar file
// (RFC 5545) for phones and calendar apps: one all-day event per deadline.
// It is pure: tasks and their event versions in, bytes out.
package calendar

import (
	"crypto/sha256"
	"encoding/hex"
	"strconv"
	"strings"
	"time"

	ics "github.com/arran4/golang-ical"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// RefreshInterval is how often a subscribed calendar app should fetch the feed again.
const RefreshInterval = "PT6H"

// Event is one task's deadline as the calendar shows it.
type Event struct {
	Task    storage.Task
	Version storage.CalendarEvent // its sequence and when it last changed
}

// UID is the stable identifier of a task's event: a calendar app that
// fetches the feed again updates the event instead of adding another.
func UID(taskID int64) string { return "task-" + strconv.FormatInt(taskID, 10) + "@wgbot.ots-customs" }

// Summary is the event's title: "#2 Submit proposals and views ... (AZ, KZ)".
func Summary(t storage.Task) string {
	return "#" + strconv.FormatInt(t.ID, 10) + " " + t.Title + " (" + codes(t.Outstanding()) + ")"
}

// Description is the event's text in l: the deadline as the minutes wrote
// it (in their language) with its date, and each Party's status.
func Description(l i18n.Lang, t storage.Task) string {
	d := t.Deadline.Due
	date := l.Date(time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC))
	said := t.Deadline.Text // as the minutes wrote it, in their language
	if said == "" {
		said = l.Deadline(d.In(time.UTC), string(t.Deadline.Precision)) // typed in the bot
	}
	lines := []string{l.T("app.deadline") + ": " + said + " (" + date + ")"}
	for _, p := range t.Parties {
		lines = append(lines, l.PartyName(string(p))+" ("+string(p)+"): "+l.T(i18n.ID("app."+string(t.StatusOf(p).State))))
	}
	if t.Source != "" {
		lines = append(lines, t.Source)
	}
	return strings.Join(lines, "\n")
}

// Fingerprint is a digest of everything an event shows: when it changes, the
// event's SEQUENCE must rise.
func Fingerprint(t storage.Task) string {
	// In English whatever the reader's language: the event changes when the
	// task does, not when another subscriber with another language fetches.
	h := sha256.Sum256([]byte(Summary(t) + "\x00" + Description(i18n.English, t) + "\x00" + t.Deadline.Due.String()))
	return hex.EncodeToString(h[:12])
}

func codes(ps []storage.Party) string {
	s := make([]string, len(ps))
	for i, p := range ps {
		s[i] = string(p)
	}
	return strings.Join(s, ", ")
}

// ICS writes the events as a calendar called name. Each is an all-day event
// on its deadline (VALUE=DATE, DTEND the next day, as RFC 5545 makes DTEND
// exclusive): a month or a year deadline falls on its last day, as the store
// keeps it. Dates need no time zone, so there is no VTIMEZONE. Lines end in CRLF.
func ICS(l i18n.Lang, name string, events []Event) []byte {
	cal := ics.NewCalendarFor("OTS Customs WG//wgbot")
	cal.SetMethod(ics.MethodPublish)
	cal.SetName(name)
	cal.SetXWRCalName(name)
	cal.SetRefreshInterval(RefreshInterval) // golang-ical adds VALUE=DURATION
	cal.SetXPublishedTTL(RefreshInterval)
	for _, e := range events {
		t := e.Task
		if t.Deadline.IsZero() {
			continue
		}
		ev := cal.AddEvent(UID(t.ID))
		ev.SetDtStampTime(e.Version.Changed.UTC())
		ev.SetSequence(e.Version.Sequence)
		day := t.Deadline.Due.In(time.UTC)
		ev.SetAllDayStartAt(day)
		ev.SetAllDayEndAt(day.AddDate(0, 0, 1))
		ev.SetSummary(Summary(t))
		ev.SetDescription(Description(l, t))
		ev.SetTimeTransparency(ics.TransparencyTransparent)
	}
	return []byte(cal.Serialize(ics.WithNewLineWindows))
}

// Package report builds the Secretariat's implementation report of the
// decisions of a meeting (who was asked to do what, and how far each Party
// is) and writes it as DOCX, XLSX and PDF. It reads storage records and knows
// nothing of Telegram or of any backend, so the bot's /report and the
// command line `wgbot report` write the same files.
package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// Status is the state of one Party's part of a decision on the report's date.
type Status string

// The statuses of a cell of the matrix. NotConcerned is a Party the decision
// does not bind.
const (
	Open         Status = "open"
	Overdue      Status = "overdue"
	Submitted    Status = "submitted"
	Confirmed    Status = "confirmed"
	NotConcerned Status = ""
)

// Statuses are the statuses a bound Party can have, in the order the report counts them.
var Statuses = []Status{Open, Overdue, Submitted, Confirmed}

// Input is what a report is made of.
type Input struct {
	Meetings []storage.Meeting // the meetings reported on, in the order they are shown
	Tasks    []storage.Task    // their decisions (tasks of other meetings are ignored)
	// History holds each task's status changes (any order); it dates the
	// cells and fills the annex.
	History map[int64][]storage.StatusChange
	AsOf    storage.Date   // the report's date: later changes are not counted
	Zone    *time.Location // where AsOf is a day; nil is UTC
	Lang    string         // a language of the bot ("" is English)
}

// Cell is one Party's status on one decision.
type Cell struct {
	Status Status
	Date   storage.Date // when it was submitted or confirmed
	Ref    string       // the reference given with /done
}

// Row is one decision of the matrix.
type Row struct {
	Task  storage.Task
	Cells map[storage.Party]Cell
}

// Outstanding reports whether some Party bound by the decision has not yet submitted.
func (r Row) Outstanding() bool {
	for _, c := range r.Cells {
		if c.Status == Open || c.Status == Overdue {
			return true
		}
	}
	return false
}

// Section is one meeting's decisions.
type Section struct {
	Meeting storage.Meeting
	Rows    []Row
}

// LogEntry is one change of status, for the annex.
type LogEntry struct {
	At      time.Time
	TaskID  int64
	Meeting string
	Party   storage.Party
	From    storage.State
	To      storage.State
	Ref     string
}

// Report is the model all three formats are written from.
type Report struct {
	Words    Words
	Lang     i18n.Lang // of Words, the dates and the Parties' names
	Title    string    // "Implementation of the decisions of ..., as of 1 December 2026"
	Subject  string    // the meetings named, without the date
	AsOf     storage.Date
	Parties  []storage.Party // the columns: every Party, in the minutes' order
	Sections []Section
	Log      []LogEntry // oldest first
}

// ErrLanguage is returned for a language the bot does not speak.
var ErrLanguage = fmt.Errorf("report: not a language of the bot (en, ru, tr, az, kk, ky, uz, uz-Cyrl, hu)")

// Build works out every cell of the report. It returns ErrLanguage for a
// language the bot does not speak.
func Build(in Input) (Report, error) {
	l, ok := i18n.Parse(cmp.Or(in.Lang, "en"))
	if !ok {
		return Report{}, ErrLanguage
	}
	w := wordsIn(l)
	zone := in.Zone
	if zone == nil {
		zone = time.UTC
	}
	// Changes made on the report's date count; later ones do not.
	cutoff := in.AsOf.In(zone).AddDate(0, 0, 1)
	rep := Report{Words: w, Lang: l, AsOf: in.AsOf}
	for _, p := range storage.Parties() {
		rep.Parties = append(rep.Parties, p.Code)
	}
	names := make([]string, 0, len(in.Meetings))
	for _, m := range in.Meetings {
		sec := Section{Meeting: m}
		for _, t := range in.Tasks {
			if t.MeetingID != m.ID {
				continue
			}
			hist := in.History[t.ID]
			sec.Rows = append(sec.Rows, Row{Task: t, Cells: cells(t, hist, in.AsOf, cutoff, zone)})
			for _, c := range hist {
				if c.At.Before(cutoff) {
					rep.Log = append(rep.Log, LogEntry{At: c.At, TaskID: t.ID, Meeting: m.ID, Party: c.Party, From: c.From, To: c.To, Ref: c.Ref})
				}
			}
		}
		slices.SortStableFunc(sec.Rows, func(a, b Row) int { return cmp.Compare(a.Task.ID, b.Task.ID) })
		rep.Sections = append(rep.Sections, sec)
		names = append(names, m.Title)
	}
	slices.SortStableFunc(rep.Log, func(a, b LogEntry) int {
		return cmp.Or(a.At.Compare(b.At), cmp.Compare(a.TaskID, b.TaskID))
	})
	rep.Subject = joinNames(names, w.And)
	if len(in.Meetings) > 0 {
		m := in.Meetings[0]
		rep.Subject += ", " + m.Place + ", " + rep.Date(m.Date)
	}
	rep.Title = fmt.Sprintf(w.Title, rep.Subject, rep.Date(in.AsOf))
	return rep, nil
}

// cells works out each bound Party's status as it stood at cutoff: the last
// change before it in the history, or the recorded status when it is not
// later than the cutoff (a record from before histories were kept).
func cells(t storage.Task, hist []storage.StatusChange, asOf storage.Date, cutoff time.Time, zone *time.Location) map[storage.Party]Cell {
	out := map[storage.Party]Cell{}
	for _, p := range t.Parties {
		st := t.StatusOf(p)
		cell := Cell{Status: Open}
		if st.State != storage.StateOpen && (st.At.IsZero() || st.At.Before(cutoff)) {
			cell = Cell{Status: fromState(st.State), Ref: st.Ref}
			if !st.At.IsZero() {
				cell.Date = storage.DateOf(st.At.In(zone))
			}
		} else {
			var last *storage.StatusChange
			for i := range hist {
				c := &hist[i]
				if c.Party == p && c.At.Before(cutoff) && (last == nil || c.At.After(last.At)) {
					last = c
				}
			}
			if last != nil && last.To != storage.StateOpen {
				cell = Cell{Status: fromState(last.To), Ref: last.Ref, Date: storage.DateOf(last.At.In(zone))}
			}
		}
		// A confirmation keeps the reference the Party gave when it submitted.
		if cell.Ref == "" && cell.Status != Open {
			for _, c := range hist {
				if c.Party == p && c.Ref != "" && c.At.Before(cutoff) {
					cell.Ref = c.Ref
				}
			}
		}
		if cell.Status == Open && !t.Deadline.IsZero() && t.Deadline.Due.Before(asOf) {
			cell.Status = Overdue
		}
		out[p] = cell
	}
	return out
}

func fromState(s storage.State) Status {
	switch s {
	case storage.StateSubmitted:
		return Submitted
	case storage.StateConfirmed:
		return Confirmed
	}
	return Open
}

func joinNames(names []string, and string) string {
	switch len(names) {
	case 0:
		return ""
	case 1:
		return "the " + names[0]
	}
	return "the " + strings.Join(names[:len(names)-1], ", the ") + and + "the " + names[len(names)-1]
}

// Outstanding returns the decisions some Party has not yet submitted, by meeting.
func (r Report) Outstanding() []Section { return r.filter(true) }

// Implemented returns the decisions every bound Party has submitted, by meeting.
func (r Report) Implemented() []Section { return r.filter(false) }

func (r Report) filter(outstanding bool) []Section {
	var out []Section
	for _, s := range r.Sections {
		f := Section{Meeting: s.Meeting}
		for _, row := range s.Rows {
			if row.Outstanding() == outstanding {
				f.Rows = append(f.Rows, row)
			}
		}
		if len(f.Rows) > 0 {
			out = append(out, f)
		}
	}
	return out
}

// Rows returns every decision of the report, meeting by meeting.
func (r Report) Rows() []Row {
	var out []Row
	for _, s := range r.Sections {
		out = append(out, s.Rows...)
	}
	return out
}

// ByStatus counts the cells of each status (a decision binding three Parties counts three times).
func (r Report) ByStatus() map[Status]int {
	n := map[Status]int{}
	for _, row := range r.Rows() {
		for _, c := range row.Cells {
			n[c.Status]++
		}
	}
	return n
}

// ByParty counts, for each Party, the decisions binding it in each status.
func (r Report) ByParty() map[storage.Party]map[Status]int {
	n := map[storage.Party]map[Status]int{}
	for _, row := range r.Rows() {
		for p, c := range row.Cells {
			if n[p] == nil {
				n[p] = map[Status]int{}
			}
			n[p][c.Status]++
		}
	}
	return n
}

// CellText is how a cell reads in a table: "submitted 3 March 2024, note 12/345".
func (r Report) CellText(c Cell) string {
	if c.Status == NotConcerned {
		return r.Words.NotConcerned
	}
	s := r.Words.Status[c.Status]
	if !c.Date.IsZero() {
		s += " " + r.Date(c.Date)
	}
	if c.Ref != "" {
		s += ", " + c.Ref
	}
	return s
}

// DeadlineText is the deadline as the minutes wrote it, with its date.
func (r Report) DeadlineText(t storage.Task) string {
	if t.Deadline.IsZero() {
		return r.Words.NoDeadline
	}
	if t.Deadline.Text != "" {
		return t.Deadline.Text + " (" + r.Date(t.Deadline.Due) + ")" // as written, in the minutes' language
	}
	return r.Lang.Deadline(t.Deadline.Due.In(time.UTC), string(t.Deadline.Precision))
}

// PartyName is "Türkiye (TR)" in the report's language.
func (r Report) PartyName(p storage.Party) string {
	if info, ok := p.Info(); ok {
		return r.Lang.PartyName(string(info.Code)) + " (" + string(p) + ")"
	}
	return string(p)
}

// Date is d as the report's language writes it: "1 March 2024".
func (r Report) Date(d storage.Date) string {
	if d.IsZero() {
		return ""
	}
	return r.Lang.Date(time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC))
}

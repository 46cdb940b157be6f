package storage

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Precision says how exactly the minutes fix a deadline.
type Precision string

// The precisions a deadline can have. A month or a year falls due on its last day.
const (
	PrecisionDay     Precision = "day"
	PrecisionMonth   Precision = "month"
	PrecisionQuarter Precision = "quarter"
	PrecisionYear    Precision = "year"
)

// Deadline is when a task falls due, kept as the minutes wrote it.
type Deadline struct {
	Due       Date      `json:"due"`       // the last day on which the task is on time
	Precision Precision `json:"precision"` // how exactly the text fixes it
	Text      string    `json:"text"`      // as written: "by 1 March 2024", "by the end of 2023"
}

// IsZero reports whether the task has no deadline.
func (d Deadline) IsZero() bool { return d.Due.IsZero() }

// State is how far one Party is with its part of a task.
type State string

// The states of a Party's part of a task.
const (
	StateOpen      State = "open"      // not yet submitted
	StateSubmitted State = "submitted" // the Party says it is done
	StateConfirmed State = "confirmed" // the Secretariat confirmed it
)

// PartyStatus is one responsible Party's progress on a task.
type PartyStatus struct {
	State State     `json:"state"`
	Ref   string    `json:"ref,omitempty"` // a note number or link given when submitting
	By    int64     `json:"by,omitempty"`  // Telegram user id of who changed it last
	At    time.Time `json:"at,omitzero"`
	// FileID is Telegram's id of the file sent with the submission, so that
	// the Secretariat can open it from /task; FileName is its name.
	FileID   string `json:"file_id,omitempty"`
	FileName string `json:"file_name,omitempty"`
}

// Task is a decision of the minutes that gives work to one or more Parties.
type Task struct {
	ID        int64    `json:"id"`
	MeetingID string   `json:"meeting_id"`
	Title     string   `json:"title"`          // one line: "Submit the renewed Silk Road concept"
	Text      string   `json:"text,omitempty"` // the decision as the minutes word it
	Parties   []Party  `json:"parties"`        // who must act; "the Parties" is all six
	Deadline  Deadline `json:"deadline,omitzero"`
	Source    string   `json:"source,omitempty"` // where it stands: "WG minutes, item 3"
	// Status holds every responsible Party's progress; a Party missing from it is open.
	Status  map[Party]PartyStatus `json:"status,omitempty"`
	Created time.Time             `json:"created,omitzero"`
}

// Validation limits of a task.
const (
	MaxTitleLen = 300
	MaxTextLen  = 3000
	// MinYear and MaxYear bound a deadline: a year outside is a typing slip.
	MinYear, MaxYear = 2000, 2100
)

// PlausibleYear reports whether y can be the year of a deadline.
func PlausibleYear(y int) bool { return y >= MinYear && y <= MaxYear }

// ErrInvalid is wrapped by every validation error; its message says what is wrong.
var ErrInvalid = errors.New("invalid")

// Validate checks a task before it is stored. The error wraps ErrInvalid.
func (t *Task) Validate() error {
	switch {
	case strings.TrimSpace(t.Title) == "":
		return fmt.Errorf("%w: task has no title", ErrInvalid)
	case utf8.RuneCountInString(t.Title) > MaxTitleLen:
		return fmt.Errorf("%w: task title longer than %d characters", ErrInvalid, MaxTitleLen)
	case utf8.RuneCountInString(t.Text) > MaxTextLen:
		return fmt.Errorf("%w: task text longer than %d characters", ErrInvalid, MaxTextLen)
	case len(t.Parties) == 0:
		return fmt.Errorf("%w: task has no responsible Party", ErrInvalid)
	case !t.Deadline.Due.IsZero() && !PlausibleYear(t.Deadline.Due.Year),
		t.Deadline.Due.IsZero() && (t.Deadline.Due.Month != 0 || t.Deadline.Due.Day != 0):
		// Year 0 would read as "no deadline": a typed "0000-03-01" must not
		// quietly erase one.
		return fmt.Errorf("%w: deadline outside the years %d to %d", ErrInvalid, MinYear, MaxYear)
	}
	for _, f := range []struct {
		field     Field
		value     string
		multiline bool
	}{{FieldTitle, t.Title, false}, {FieldText, t.Text, true}, {FieldSource, t.Source, false}} {
		if p := CheckText(f.value, f.multiline); p != "" {
			return fmt.Errorf("%w: task %s: %w", ErrInvalid, f.field, &FieldError{Field: f.field, Problem: p})
		}
	}
	for p, st := range t.Status {
		if pr := CheckText(st.Ref, false); pr != "" {
			return fmt.Errorf("%w: reference of %s: %w", ErrInvalid, p, &FieldError{Field: FieldRef, Problem: pr})
		}
	}
	for _, p := range t.Parties {
		if !p.Valid() {
			return fmt.Errorf("%w: unknown Party %q", ErrInvalid, p)
		}
	}
	return nil
}

// StatusOf returns p's progress on t (open when nothing was recorded).
func (t *Task) StatusOf(p Party) PartyStatus {
	if s, ok := t.Status[p]; ok && s.State != "" {
		return s
	}
	return PartyStatus{State: StateOpen}
}

// Outstanding lists the responsible Parties that have not submitted, in t.Parties order.
func (t *Task) Outstanding() []Party {
	var out []Party
	for _, p := range t.Parties {
		if t.StatusOf(p).State == StateOpen {
			out = append(out, p)
		}
	}
	return out
}

// Done reports whether every responsible Party has submitted its part.
func (t *Task) Done() bool { return len(t.Outstanding()) == 0 }

// Involves reports whether p is responsible for t.
func (t *Task) Involves(p Party) bool { return slices.Contains(t.Parties, p) }

// AllStates reports whether t binds every state Party ("the Parties").
func (t *Task) AllStates() bool {
	for _, p := range StateParties {
		if !t.Involves(p) {
			return false
		}
	}
	return true
}

// SortByDeadline orders tasks soonest deadline first; tasks without one go last, by id.
func SortByDeadline(tasks []Task) {
	slices.SortStableFunc(tasks, func(a, b Task) int {
		switch {
		case a.Deadline.IsZero() && b.Deadline.IsZero():
			return int(a.ID - b.ID)
		case a.Deadline.IsZero():
			return 1
		case b.Deadline.IsZero():
			return -1
		}
		if d := b.Deadline.Due.DaysUntil(a.Deadline.Due); d != 0 {
			return d
		}
		return int(a.ID - b.ID)
	})
}

package storage

import (
	"context"
	"fmt"
	"time"
)

// Meeting is one meeting whose Agreed Minutes the bot knows.
type Meeting struct {
	ID     string       `json:"id"`    // short and stable: "wg12", "hca9"
	Title  string       `json:"title"` // "12th Meeting of the Working Group on Customs Cooperation"
	Short  string       `json:"short"` // button label: "Working Group (12th)"
	Date   Date         `json:"date"`
	Place  string       `json:"place"`
	Agenda []AgendaItem `json:"agenda"`
	// Participants lists the delegations as the minutes give them.
	Participants []Delegation `json:"participants,omitempty"`
	// Order breaks ties between meetings held on the same day: the higher one is "latest".
	Order int `json:"order"`
}

// AgendaItem is one numbered item of a meeting's agenda.
type AgendaItem struct {
	Number   string   `json:"number"`
	Title    string   `json:"title"`
	Subitems []string `json:"subitems,omitempty"`
}

// Delegation is the part of a list of participants from one Party.
type Delegation struct {
	Party        Party    `json:"party"`
	Organization string   `json:"organization"`
	People       []string `json:"people"`
}

// Date is a calendar day without a time or zone: deadlines in the minutes are days,
// and which instant a day starts depends on the configured zone.
type Date struct {
	Year  int        `json:"-"`
	Month time.Month `json:"-"`
	Day   int        `json:"-"`
}

// ParseDate reads an ISO date ("2024-03-01").
func ParseDate(s string) (Date, error) {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("storage: parse date %q: %w", s, err)
	}
	return DateOf(t), nil
}

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// IsZero reports whether d is unset.
func (d Date) IsZero() bool { return d.Year == 0 }

// In returns the first instant of d in loc.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, loc)
}

// String is the ISO form "2024-03-01".
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// Long is the form the minutes use: "1 March 2024".
func (d Date) Long() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%d %s %d", d.Day, d.Month, d.Year)
}

// DaysUntil returns how many days lie from d until e (negative when e is before d).
func (d Date) DaysUntil(e Date) int {
	a := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
	b := time.Date(e.Year, e.Month, e.Day, 12, 0, 0, 0, time.UTC)
	return int(b.Sub(a).Hours() / 24)
}

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.DaysUntil(e) > 0 }

// MarshalText writes the ISO form, so Dates read well in JSON and in the data file.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads the ISO form; an empty text is the zero Date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

var bMeetings = newBucket(bucket{name: "meetings", redis: "meetings"}) // meeting id -> Meeting

// Meetings returns every meeting, latest first.
func (s *store) Meetings(ctx context.Context) ([]Meeting, error) {
	ms, err := all[Meeting](ctx, s.kv, bMeetings)
	if err != nil {
		return nil, err
	}
	sortMeetings(ms)
	return ms, nil
}

// AddMeeting stores a meeting, replacing one with the same id.
func (s *store) AddMeeting(ctx context.Context, m Meeting) error {
	return putOne(ctx, s.kv, bMeetings, m.ID, m)
}

// DeleteMeeting removes a meeting.
func (s *store) DeleteMeeting(ctx context.Context, meetingID string) (bool, error) {
	return delOne(ctx, s.kv, bMeetings, meetingID)
}

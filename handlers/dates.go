package handlers

import (
	"strconv"
	"strings"
	"time"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// DateProblem says why words that look like a date were refused.
type DateProblem int

// The reasons a date is refused.
const (
	DateOK         DateProblem = iota
	DateUnreadable             // no date at the start of the words
	DateOutOfRange             // a year before 2000 or after 2100
	DateNoSuchDay              // 30 February, month 13
)

// ParseDeadline reads a deadline at the start of words, however it is typed:
// ISO ("2024-03-01"), numeric, day first ("1.3.2024", "01/03/2024",
// "1-3-2024"), or written ("1 March 2024", "March 1, 2024", "March 2024",
// "end of 2024", "end of March 2024"). Every form obeys the same range
// (storage.MinYear to storage.MaxYear). It returns the deadline and how many
// words it used, or 0 words and why it refused them.
func ParseDeadline(words []string) (storage.Deadline, int, DateProblem) {
	// A typed deadline keeps no words (Deadline.Text): each reader is shown
	// it in their own language (deadlineText); only minutes' words are kept.
	if len(words) == 0 {
		return storage.Deadline{}, 0, DateUnreadable
	}
	if y, m, d, ok := numericDate(words[0]); ok {
		dl, p := dayDeadline(y, m, d)
		return dl, used(p, 1), p
	}
	w := make([]string, 0, 4)
	for _, x := range words[:min(4, len(words))] {
		w = append(w, storage.Fold(strings.Trim(x, ",.")))
	}
	if len(w) >= 3 && w[0] == "end" && w[1] == "of" {
		if y, ok := number(w[2]); ok {
			if !storage.PlausibleYear(y) {
				return storage.Deadline{}, 0, DateOutOfRange
			}
			return storage.Deadline{Due: storage.Date{Year: y, Month: 12, Day: 31}, Precision: storage.PrecisionYear}, 3, DateOK
		}
		if m, ok := month(w[2]); ok && len(w) >= 4 {
			if y, ok := number(w[3]); ok {
				if !storage.PlausibleYear(y) {
					return storage.Deadline{}, 0, DateOutOfRange
				}
				return monthDeadline(y, m), 4, DateOK
			}
		}
	}
	if len(w) >= 3 { // 1 March 2024
		if d, ok := number(strings.TrimSuffix(strings.TrimSuffix(w[0], "st"), "th")); ok {
			if m, ok := month(w[1]); ok {
				if y, ok := number(w[2]); ok {
					dl, p := dayDeadline(y, m, d)
					return dl, used(p, 3), p
				}
			}
		}
		if m, ok := month(w[0]); ok { // March 1, 2024
			if d, ok := number(w[1]); ok {
				if y, ok := number(w[2]); ok {
					dl, p := dayDeadline(y, m, d)
					return dl, used(p, 3), p
				}
			}
		}
	}
	if len(w) >= 2 {
		if m, ok := month(w[0]); ok {
			if y, ok := number(w[1]); ok {
				if !storage.PlausibleYear(y) {
					return storage.Deadline{}, 0, DateOutOfRange
				}
				return monthDeadline(y, m), 2, DateOK
			}
		}
	}
	if dl, n, p, ok := writtenDate(words); ok {
		return dl, n, p
	}
	return storage.Deadline{}, 0, DateUnreadable
}

// numericDate reads "2024-03-01" (year first) or "1.3.2024", "01/03/2024",
// "1-3-2024" (day first, as every Party writes dates). It does not check the
// ranges.
func numericDate(s string) (y int, m time.Month, d int, ok bool) {
	s = strings.TrimRight(s, ",.")
	sep := strings.IndexAny(s, "-./")
	if sep < 0 {
		return 0, 0, 0, false
	}
	parts := strings.Split(s, s[sep:sep+1])
	if len(parts) != 3 {
		return 0, 0, 0, false
	}
	n := make([]int, 3)
	for i, p := range parts {
		v, ok := number(p)
		if !ok {
			return 0, 0, 0, false
		}
		n[i] = v
	}
	switch {
	case len(parts[0]) == 4 && len(parts[2]) <= 2:
		return n[0], time.Month(n[1]), n[2], true
	case len(parts[2]) == 4 && len(parts[0]) <= 2:
		return n[2], time.Month(n[1]), n[0], true
	}
	return 0, 0, 0, false
}

// dayDeadline checks a calendar day and makes it a deadline.
func dayDeadline(y int, m time.Month, d int) (storage.Deadline, DateProblem) {
	switch {
	case !storage.PlausibleYear(y):
		return storage.Deadline{}, DateOutOfRange
	case m < time.January || m > time.December || d < 1 || d > daysIn(y, m):
		return storage.Deadline{}, DateNoSuchDay
	}
	date := storage.Date{Year: y, Month: m, Day: d}
	return storage.Deadline{Due: date, Precision: storage.PrecisionDay}, DateOK
}

func used(p DateProblem, n int) int {
	if p != DateOK {
		return 0
	}
	return n
}

// dateRefusal is the reply to a refused date.
func dateRefusal(l i18n.Lang, p DateProblem) string {
	switch p {
	case DateOutOfRange:
		return l.T(txtDateOutOfRange, storage.MinYear, storage.MaxYear)
	case DateNoSuchDay:
		return l.T(txtDateNoSuchDay)
	}
	return l.T(txtAddBadDate)
}

func monthDeadline(y int, m time.Month) storage.Deadline {
	return storage.Deadline{Due: storage.Date{Year: y, Month: m, Day: daysIn(y, m)}, Precision: storage.PrecisionMonth}
}

func daysIn(y int, m time.Month) int { return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day() }

// number reads a short run of ASCII digits (no sign, no spaces).
func number(s string) (int, bool) {
	if s == "" || len(s) > 4 {
		return 0, false
	}
	for _, r := range s {
		if r < '0' || r > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

func month(s string) (time.Month, bool) {
	for m := time.January; m <= time.December; m++ {
		name := storage.Fold(m.String())
		if s == name || (len(s) >= 3 && strings.HasPrefix(name, s) && len(s) <= len(name)) {
			return m, true
		}
	}
	return 0, false
}

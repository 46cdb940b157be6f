package minutes

import (
	"regexp"
	"strconv"
	"time"
)

// shortYearLineRe is a line that is only a date with a two-digit year, as
// a team's notes title themselves: "# 22nd Jan 25", "Minutes 3 March 24",
// "Jan 22, 25". The day must stand apart from the year (an ordinal or
// the day before the month, or a comma after it): "Jan 25" alone is the
// 25th of January, no year.
var shortYearLineRe = regexp.MustCompile(`(?m)^[#*\s]*(?:(?:Minutes|Notes|Meeting)\s*(?:of\s+|[-–:]\s*)?)?(?:(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?P<m>` + capMonth + `)|(?P<m2>` + capMonth + `)\s+(?P<d2>\d{1,2})(?:st|nd|rd|th)?,)\s+'?(?P<y>\d{2})[\s*]*$`)

var shortYearGroup = groupIndex(shortYearLineRe)

// shortYearHeading reads such a line of the head as the meeting's date
// (20YY), when it is among the first lines (a title, not a table's
// cell) and the head has no other date (see meetingContext).
func shortYearHeading(head string) (time.Time, bool) {
	if len(head) > 400 {
		head = head[:400]
	}
	m := shortYearLineRe.FindStringSubmatch(head)
	if m == nil {
		return time.Time{}, false
	}
	day, month := m[shortYearGroup["d"]], m[shortYearGroup["m"]]
	if day == "" {
		day, month = m[shortYearGroup["d2"]], m[shortYearGroup["m2"]]
	}
	d, _ := strconv.Atoi(day)
	y, _ := strconv.Atoi(m[shortYearGroup["y"]])
	mo := monthNum(month)
	t := time.Date(2000+y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if mo == 0 || t.Day() != d {
		return time.Time{}, false // "31st Feb 25" is no day
	}
	return t, true
}

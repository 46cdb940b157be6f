package minutes

import (
	"regexp"
	"strings"
	"time"
)

// Informal minutes and action lists give deadlines as weekdays: "John to
// circulate the paper by Friday", "I'll send it by EOB Tuesday". A
// careful reader counts them from the meeting: the first such day after
// it. Without a meeting date they cannot be dated and stay out.

// weekdayRe finds a weekday, with what makes it a deadline before it: a
// deadline preposition, or an end-of-business mark ("EOB-US Friday",
// "end of day Monday").
var weekdayRe = regexp.MustCompile(`(?i)\b(?:(?P<prep>by|before|until|till|no\s+later\s+than|not\s+later\s+than|due(?:\s+date)?\s*:?|deadline\s*:?|on)\s+)?` +
	`(?P<eob>(?:the\s+)?(?:eob|eod|cob|close\s+of\s+business|end\s+of\s+(?:the\s+)?(?:business\s+)?day)(?:[-\s](?:us|uk|eu|cet|utc|gmt|pst|est|japan|jp))?(?:\s+on)?\s+)?` +
	`(?P<clock>` + clockPat + `\s+(?:on\s+)?)?` +
	`(?:(?:the\s+)?(?:next|this|coming|following)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b`)

var weekdayGroup = groupIndex(weekdayRe)

// dateAfterWeekdayRe spots a weekday that only introduces a written date
// ("by Friday, 21 June 2002"): that date is read by findDates.
var dateAfterWeekdayRe = regexp.MustCompile(`^\s*,?\s*(?:the\s+)?(?:\d|` + monthPat + `)`)

// weekdayDates returns the weekday deadlines of an English sentence.
func weekdayDates(s string, ctx dateContext) []dateMatch {
	if !strings.Contains(s, "day") && !strings.Contains(s, "DAY") && !strings.Contains(s, "Day") {
		return nil // every weekday ends in "day"
	}
	var out []dateMatch
	for _, m := range weekdayRe.FindAllStringSubmatchIndex(s, -1) {
		get := func(n string) string {
			i := weekdayGroup[n]
			if m[2*i] < 0 {
				return ""
			}
			return s[m[2*i]:m[2*i+1]]
		}
		if dateAfterWeekdayRe.MatchString(s[m[1]:]) {
			continue
		}
		dm := dateMatch{start: m[0], end: m[1], pstart: m[0], prec: PrecisionDay, prep: get("prep")}
		if wi := weekdayGroup["wd"]; m[2*wi] >= 0 {
			dm.start = m[2*wi]
		}
		switch p := strings.ToLower(strings.Fields(get("prep") + " x")[0]); {
		case p == "on":
			dm.kind = prepNone // "meet on Friday": a day, not a deadline
			if get("eob") != "" {
				dm.kind = prepStrong
			}
		case p != "x" || get("eob") != "":
			dm.kind = prepStrong
		case get("clock") != "":
			continue // "at 10 am on Friday": a time, not a deadline
		default:
			continue // a bare weekday ("Friday's call") is no deadline
		}
		dm.date, dm.ok = ctx.nextWeekday(weekdayNum(strings.ToLower(get("wd"))))
		out = append(out, dm)
	}
	return out
}

// nextWeekday is the first day after the meeting (or after the date of the
// item before, when later) that falls on want; false when the meeting's date
// is unknown.
func (ctx dateContext) nextWeekday(want time.Weekday) (time.Time, bool) {
	if ctx.meeting.IsZero() {
		return time.Time{}, false
	}
	base := ctx.meeting
	if ctx.after.After(base) {
		base = ctx.after
	}
	d := base.AddDate(0, 0, 1)
	for d.Weekday() != want {
		d = d.AddDate(0, 0, 1)
	}
	return d, true
}

func weekdayNum(w string) time.Weekday {
	for i, n := range []string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"} {
		if w == n {
			return time.Weekday(i)
		}
	}
	return time.Sunday
}

// mlWeekdayRe finds Russian and Turkish weekday deadlines: "до пятницы",
// "к понедельнику", "Cuma gününe kadar", "Pazartesiye kadar".
var mlWeekdayRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?P<ph>(?:до|не\s+позднее)\s+(?P<rg>понедельника|вторника|среды|четверга|пятницы|субботы|воскресенья)|к\s+(?P<rd>понедельнику|вторнику|среде|четвергу|пятнице|субботе|воскресенью)|(?P<tw>` + foldI("pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar") + `)(?:['’]?(?:ya|ye|a|e)|\s+` + foldI("gününe") + `|(?:\s+` + foldI("günü") + `)?(?:\s+` + foldI("saat") + `\s*\d{1,2}[.:]\d{2}['’]?\p{L}{0,3}|\s+(?:` + trCloseOfBusiness + `)))\s+` + foldI("kadar") + `)(?:[^\p{L}]|$)`)

var mlWeekdayGroup = groupIndex(mlWeekdayRe)

// mlWeekdayDates returns the Russian and Turkish weekday deadlines of s.
func mlWeekdayDates(s string, ctx dateContext) []dateMatch {
	var out []dateMatch
	for _, m := range mlWeekdayRe.FindAllStringSubmatchIndex(s, -1) {
		if tw := mlWeekdayGroup["tw"]; m[2*tw] >= 0 && trDateBeforeRe.MatchString(s[:m[2*tw]]) {
			continue // "28 Ocak 2022 Cuma günü": the date is read, the weekday only names its day
		}
		var day time.Weekday = -1
		best := 0 // the longest prefix wins: "pazartesi" over "pazar", "cumartesi" over "cuma"
		for _, g := range []string{"rg", "rd", "tw"} {
			i := mlWeekdayGroup[g]
			if m[2*i] < 0 {
				continue
			}
			w := strings.ToLower(s[m[2*i]:m[2*i+1]])
			if g == "tw" {
				w = foldTR(w)
			}
			for prefix, d := range map[string]time.Weekday{"понед": time.Monday, "втор": time.Tuesday, "сред": time.Wednesday, "четв": time.Thursday, "пятн": time.Friday, "субб": time.Saturday, "воскр": time.Sunday,
				"pazartesi": time.Monday, "sali": time.Tuesday, "carsamba": time.Wednesday, "persembe": time.Thursday, "cumartesi": time.Saturday, "cuma": time.Friday, "pazar": time.Sunday} {
				if strings.HasPrefix(w, prefix) && len(prefix) > best {
					day, best = d, len(prefix)
				}
			}
		}
		if day < 0 {
			continue
		}
		ph := mlWeekdayGroup["ph"]
		dm := dateMatch{start: m[2*ph], end: m[2*ph+1], pstart: m[2*ph], prec: PrecisionDay, kind: prepStrong}
		dm.date, dm.ok = ctx.nextWeekday(day)
		out = append(out, dm)
	}
	return out
}

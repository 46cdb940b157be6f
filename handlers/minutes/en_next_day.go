package minutes

import (
	"regexp"
	"strings"
)

// nextDayRe is a deadline on the day after the meeting, the way action
// lists of a call write it: "provide feedback by tomorrow morning", "no
// later than tomorrow (COB)". Only a deadline preposition makes it one:
// "we meet tomorrow" or "tomorrow's vote" is an event.
var nextDayRe = regexp.MustCompile(`(?i)\b(?P<prep>by|before|until|no\s+later\s+than|not\s+later\s+than)\s+(?:(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day\s+|business\s+)?)?(?P<d>tomorrow)(?:\s+(?:morning|noon|midday|afternoon|evening|night|close\s+of\s+business|COB|EOD))?\b`)

// nextDayDates returns those deadlines resolved against the meeting's date;
// without one, "tomorrow" has no day.
func nextDayDates(s string, ctx dateContext) []dateMatch {
	if !strings.Contains(strings.ToLower(s), "tomorrow") {
		return nil
	}
	var out []dateMatch
	for _, m := range nextDayRe.FindAllStringSubmatchIndex(s, 4) {
		dm := dateMatch{start: m[0], end: m[1], pstart: m[0], prep: strings.ToLower(s[m[2]:m[3]]), kind: prepStrong, prec: PrecisionDay}
		if !ctx.meeting.IsZero() {
			dm.date, dm.ok = ctx.meeting.AddDate(0, 0, 1), true
		}
		out = append(out, dm)
	}
	return out
}

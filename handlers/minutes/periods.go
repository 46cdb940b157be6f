package minutes

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Deadlines that name a period rather than a date, read against the
// meeting's date: "by the end of the day" (the meeting's day), "by the end
// of the month" (its month), "over the next two weeks" (two weeks from the
// meeting), "by mid-August" and "by August" (that month, as "by the end of
// August" is), "before September" (the month before). Undated phrases
// ("early next week", "by the next meeting") stay out: no date can be
// given for them.
var periodRe = regexp.MustCompile(`(?i)\b(?:` +
	`(?P<ep>by|before|until|till)\s+(?:the\s+)?end\s+of\s+(?:the|this)\s+(?P<eu>day|month)` +
	`|(?P<lt>later\s+(?:that|this)\s+day|later\s+today|by\s+(?:the\s+end\s+of\s+)?today)` +
	`|(?P<np>over|within|during|in)\s+the\s+(?:next|coming|following)\s+(?P<nn>\d{1,2}|[a-z]+)\s+(?P<nu>days|weeks|months)` +
	`)`)

// monthPeriodRe reads, right after a preposition periodPrepRe found, a
// month without a day: "mid-August", "September", "August 2026".
var monthPeriodRe = regexp.MustCompile(`^(?:the\s+)?(?P<mid>(?i:mid[-\s]?|middle\s+of\s+))?(?P<mm>` + monthPat + `)(?:\s*,?\s*(?P<my>(?:19|20)\d{2}))?`)

// periodPreps introduce a month deadline; prepSpans finds them by plain
// search, which is many times faster than a case-blind pattern.
var periodPreps = []string{"by ", "before ", "until ", "till ", "prior to "}

// prepSpans returns the spans of periodPreps that start a word in s, in
// order, found case-blind by plain comparison (no copy of the sentence).
func prepSpans(s string) [][2]int {
	var out [][2]int
	for i := 0; i < len(s); i++ {
		if i > 0 && isDigitOrLetter(s[i-1]) {
			continue
		}
		switch s[i] | 0x20 {
		case 'b', 'u', 't', 'p':
		default:
			continue
		}
		for _, p := range periodPreps {
			if len(s)-i >= len(p) && strings.EqualFold(s[i:i+len(p)], p) {
				out = append(out, [2]int{i, i + len(p)})
				break
			}
		}
	}
	return out
}

var (
	periodGroup = groupIndex(periodRe)
	orByRe      = regexp.MustCompile(`^,?\s+or\s+(?:by|before|until|on)\b`)
)

// deadlineAfterRe follows a date that names a deadline after it: "before
// the September 1, 2026 contract deadline".
var deadlineAfterRe = regexp.MustCompile(`^,?\s+(?:[\p{L}-]+\s+){0,2}deadline\b`)

// periodDates returns the period deadlines of an English sentence.
func periodDates(s string, ctx dateContext) []dateMatch {
	if ctx.meeting.IsZero() {
		return nil // a period is counted from the meeting
	}
	out := monthPeriods(s, ctx)
	if !periodHint(s) {
		return out
	}
	for _, m := range periodRe.FindAllStringSubmatchIndex(s, -1) {
		get := func(n string) string {
			i := periodGroup[n]
			if m[2*i] < 0 {
				return ""
			}
			return s[m[2*i]:m[2*i+1]]
		}
		dm := dateMatch{start: m[0], end: m[1], pstart: m[0], kind: prepStrong, ok: true, prec: PrecisionDay}
		meet := ctx.meeting
		switch {
		case get("eu") != "":
			dm.prep = get("ep")
			if strings.EqualFold(get("eu"), "month") {
				dm.date, dm.prec = lastOfMonth(meet.Year(), int(meet.Month())), PrecisionMonth
			} else {
				dm.date = meet
			}
		case get("lt") != "":
			if orByRe.MatchString(s[m[1]:]) {
				continue // "later that day or by Monday": the later one is the deadline
			}
			dm.date = meet
		case get("nu") != "":
			n, err := strconv.Atoi(get("nn"))
			if err != nil {
				var ok bool
				if n, ok = numberWords[strings.ToLower(get("nn"))]; !ok {
					continue
				}
			}
			dm.prep = get("np")
			switch strings.ToLower(get("nu")) {
			case "days":
				dm.date = meet.AddDate(0, 0, n)
			case "weeks":
				dm.date = meet.AddDate(0, 0, 7*n)
			default:
				dm.date = meet.AddDate(0, n, 0)
			}
		default:
			continue
		}
		out = append(out, dm)
	}
	return out
}

// deadlineNamed strengthens a date that a deadline noun follows ("before
// the September 1, 2026 contract deadline"): the "the" hid its preposition.
func deadlineNamed(s string, ds []dateMatch) {
	for i, d := range ds {
		if d.kind != prepNone || !deadlineAfterRe.MatchString(s[d.end:]) {
			continue
		}
		before := strings.ToLower(s[:d.start])
		for _, p := range []string{"by the ", "before the ", "ahead of the "} {
			if strings.HasSuffix(before, p) {
				ds[i].kind, ds[i].prep, ds[i].pstart = prepStrong, strings.TrimSuffix(p, " the "), d.start-len(p)
			}
		}
	}
}

// withoutOverlaps drops the period dates a written date already covers.
func withoutOverlaps(dates, periods []dateMatch) []dateMatch {
	for _, p := range periods {
		clash := false
		for _, d := range dates {
			if d.start < p.end && p.start < d.end {
				clash = true
				break
			}
		}
		if !clash {
			dates = append(dates, p)
		}
	}
	return dates
}

// monthPeriods reads "by August", "by mid-August", "before September": a
// month as a deadline, the month before for "before". A month followed by
// a day ("by June 21") is a day, read by findDates.
func monthPeriods(s string, ctx dateContext) []dateMatch {
	var out []dateMatch
	for _, p := range prepSpans(s) {
		w := s[p[1]:min(len(s), p[1]+40)]
		m := monthPeriodRe.FindStringSubmatchIndex(w)
		if m == nil {
			continue
		}
		get := func(n string) string {
			i := monthPeriodGroup[n]
			if m[2*i] < 0 {
				return ""
			}
			return w[m[2*i]:m[2*i+1]]
		}
		if r := strings.TrimLeft(w[m[1]:], " "); len(r) > 0 && r[0] >= '0' && r[0] <= '9' {
			continue // "by June 21"
		}
		mo := monthNum(get("mm"))
		if mo == 0 || (strings.EqualFold(get("mm"), "may") && get("my") == "" && get("mid") == "") {
			continue // "by May" is too often the verb's "may"; it needs a year
		}
		y, ok := yearOf(get("my"), ctx)
		if !ok {
			continue
		}
		prep := normSpace(s[p[0]:p[1]])
		t := lastOfMonth(y, mo)
		if lp := strings.ToLower(prep); (lp == "before" || strings.HasPrefix(lp, "prior")) && get("mid") == "" {
			t = time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1) // the month before
		}
		out = append(out, dateMatch{start: p[0], end: p[1] + m[1], pstart: p[0], prep: prep, kind: prepStrong, ok: true,
			date: rollYear(t, get("my") == "", ctx), prec: PrecisionMonth})
	}
	return out
}

var monthPeriodGroup = groupIndex(monthPeriodRe)

// periodHint is a cheap test that spares most sentences periodRe, which
// is slow for its many alternatives: a period names one of these words.
func periodHint(s string) bool {
	for _, w := range []string{"end of", "later", "today", "next", "coming", "following"} {
		if containsFold(s, w) {
			return true
		}
	}
	return false
}

// containsFold is strings.Contains, blind to the case of ASCII letters.
func containsFold(s, w string) bool {
	for i := 0; i+len(w) <= len(s); i++ {
		if s[i]|0x20 == w[0] && strings.EqualFold(s[i:i+len(w)], w) {
			return true
		}
	}
	return false
}

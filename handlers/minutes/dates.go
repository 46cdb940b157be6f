package minutes

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// monthPat matches English month names and their common abbreviations.
// Full names come first so that leftmost-first alternation prefers them.
const monthPat = `(?i:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?`

// dateRe finds every date-like phrase in one pass. Alternatives are ordered
// from the most to the least specific because Go's alternation is
// leftmost-first: "the end of March 2024" must win over "March 2024".
var dateRe = regexp.MustCompile(`\b(?:` +
	`(?i:the\s+)?(?i:end)\s+(?i:of)\s+(?i:the\s+month\s+of\s+)?(?P<em>` + monthPat + `)(?:\s*,?\s*(?P<emy>\d{4}))?` +
	`|(?i:(?:the\s+)?end\s+of\s+)?(?i:the\s+)?(?P<qn>(?i:first|second|third|fourth|1st|2nd|3rd|4th))\s+(?i:quarter)\s+(?i:of\s+)?(?P<qy>\d{4})` +
	`|(?i:(?:the\s+)?end\s+of\s+)?Q(?P<qq>[1-4])[\s/-]*(?P<qqy>\d{4})` +
	`|(?P<qqy2>\d{4})[\s-]*Q(?P<qq2>[1-4])\b` +
	`|(?i:the\s+)?(?P<hn>(?i:first|second|1st|2nd))\s+(?i:half)\s+(?i:of\s+)?(?P<hy>\d{4})` +
	`|H(?P<hh>[12])[\s/-]*(?P<hhy>\d{4})` +
	`|(?P<mid>(?i:mid))[\s-]*(?P<midy>\d{4})` +
	`|(?i:the\s+)?(?i:end)\s+(?i:of)\s+(?i:the\s+)?(?i:(?:calendar\s+)?year\s+)?(?P<eyy>\d{4})` +
	`|(?P<eyn>(?i:the\s+)?(?i:end)\s+(?i:of)\s+(?i:the|this)\s+(?i:year))` +
	`|(?i:the\s+)?(?P<d>\d{1,2})(?i:st|nd|rd|th)?(?:\s*[-–]\s*(?P<dd>\d{1,2})(?i:st|nd|rd|th)?)?\s+(?i:of\s+)?(?P<m>` + monthPat + `)(?:\s*,?\s*(?P<y>\d{4}))?` +
	`|(?P<m2>` + monthPat + `)\s+(?P<d2>\d{1,2})(?i:st|nd|rd|th)?\b(?:\s*,?\s*(?P<y2>\d{4}))?` +
	`|(?P<m3>` + monthPat + `)\s*,?\s*(?P<y3>\d{4})` +
	`|(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})\b` +
	`|(?P<nd>\d{1,2})[./](?P<nm>\d{1,2})[./](?P<ny>\d{4})` +
	`|(?P<yr>(?:19|20)\d{2})` +
	`)\b`)

// dateGroup maps group names to submatch indexes, computed once.
var dateGroup = func() map[string]int {
	m := map[string]int{}
	for i, n := range dateRe.SubexpNames() {
		if n != "" {
			m[n] = i
		}
	}
	return m
}()

// prepRe finds the preposition in front of a date. It is matched against
// the few bytes before the date, anchored at their end.
var prepRe = regexp.MustCompile(`(?i)(?:^|[\s(,;:—–-])(not\s+later\s+than|no\s+later\s+than|at\s+the\s+latest\s+by|on\s+or\s+before|prior\s+to|in\s+the\s+course\s+of|during\s+the\s+course\s+of|up\s+to|within|during|throughout|until|till|before|by|due(?:\s+date)?\s*:?|deadline\s*:?|in|on|from|since|of|dated|as\s+of|after|for|at)\s*(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s*)?$`)

// prepKind classifies prepositions: strong ones always introduce a
// deadline, weak ones ("in January 2024") only when the verb is not about
// hosting an event, and the rest ("on", "since", "dated") never do.
type prepKind int

const (
	prepNone prepKind = iota
	prepWeak
	prepStrong
)

func classifyPrep(p string) prepKind {
	p = strings.ToLower(strings.Join(strings.Fields(strings.TrimRight(p, ": ")), " "))
	switch p {
	case "not later than", "no later than", "at the latest by", "on or before", "prior to",
		"until", "till", "before", "by", "due", "due date", "deadline", "up to":
		return prepStrong
	case "in the course of", "during the course of", "within", "during", "throughout", "in":
		return prepWeak
	}
	return prepNone
}

// dateMatch is one date phrase found in a sentence.
type dateMatch struct {
	start, end int    // byte span of the date itself
	pstart     int    // start of the preposition, or start if none
	prep       string // preposition as written ("by", "until", ...)
	kind       prepKind
	date       time.Time
	prec       Precision
	ok         bool // date resolved (a year was known)
}

// deadlineText is the phrase as written: preposition plus date.
func (d dateMatch) deadlineText(s string) string {
	return normSpace(s[d.pstart:d.end])
}

// context gives what dates without a year need: the meeting date.
type dateContext struct {
	meeting time.Time // zero when unknown
	year    int       // meeting year, 0 when unknown
}

// findDates returns the date phrases of s, resolved against ctx.
func findDates(s string, ctx dateContext) []dateMatch {
	var out []dateMatch
	for _, m := range dateCandidates(s) {
		start, end := m[0], m[1]
		if start > 0 && (isDigitOrLetter(s[start-1]) || s[start-1] == '-' || s[start-1] == '/' || s[start-1] == '.') {
			continue // inside a number or code such as "2023-1000"
		}
		if end < len(s) && (s[end] == '-' || s[end] == '/') && end+1 < len(s) && s[end+1] >= '0' && s[end+1] <= '9' {
			continue // a range or reference number: "2022-2024", "2023-1000"
		}
		dm := dateMatch{start: start, end: end, pstart: start}
		get := func(name string) string {
			i := dateGroup[name]
			if m[2*i] < 0 {
				return ""
			}
			return s[m[2*i]:m[2*i+1]]
		}
		dm.date, dm.prec, dm.ok = resolveDate(get, ctx)
		lo := start - 40
		if lo < 0 {
			lo = 0
		}
		if pm := prepRe.FindStringSubmatchIndex(s[lo:start]); pm != nil {
			dm.prep = strings.TrimSpace(s[lo+pm[2] : lo+pm[3]])
			dm.pstart = lo + pm[2]
			dm.kind = classifyPrep(dm.prep)
		}
		if get("yr") != "" && dm.kind == prepNone {
			continue // a bare year ("since 2019", "Vision-2040") is never a deadline
		}
		out = append(out, dm)
	}
	return out
}

// allDates is findDates plus the written Russian and Turkish dates and the
// relative deadlines of any of the three languages.
func allDates(s string, ctx dateContext) []dateMatch {
	return append(append(findDates(s, ctx), mlDates(s, ctx)...), relDates(s, ctx)...)
}

// Window margins around digits: no date phrase reaches further from its
// digits than this ("the end of the month of September 2024").
const (
	windowBefore = 48
	windowAfter  = 28
)

// dateCandidates runs dateRe only on windows around digits (and "end of",
// for "the end of the year"). The regexp is large enough that Go runs it
// on its slow NFA engine, and most text has no dates: scanning only the
// windows makes Extract several times faster with the same matches.
func dateCandidates(s string) [][]int {
	var wins [][2]int
	add := func(lo, hi int) {
		lo = max(0, lo-windowBefore)
		for lo > 0 && s[lo-1] != ' ' {
			lo-- // start on a word boundary so \b means what it says
		}
		hi = min(len(s), hi+windowAfter)
		for hi < len(s) && s[hi] != ' ' {
			hi++
		}
		if n := len(wins); n > 0 && lo <= wins[n-1][1] {
			wins[n-1][1] = max(wins[n-1][1], hi)
			return
		}
		wins = append(wins, [2]int{lo, hi})
	}
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			add(i, j)
			i = j
		} else if (s[i] == 'e' || s[i] == 'E') && i+6 <= len(s) && strings.EqualFold(s[i:i+6], "end of") {
			add(i, i+len("end of the year"))
		}
	}
	var out [][]int
	for _, w := range wins {
		for _, m := range dateRe.FindAllStringSubmatchIndex(s[w[0]:w[1]], -1) {
			for k := range m {
				if m[k] >= 0 {
					m[k] += w[0]
				}
			}
			out = append(out, m)
		}
	}
	return out
}

func isDigitOrLetter(b byte) bool {
	return b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// resolveDate turns the captured groups into the last day the phrase
// allows, with its precision. ok is false when no year can be found or the
// date is impossible.
func resolveDate(get func(string) string, ctx dateContext) (time.Time, Precision, bool) {
	year := func(y string) (int, bool) { return yearOf(y, ctx) }
	switch {
	case get("em") != "":
		mo := monthNum(get("em"))
		y, ok := year(get("emy"))
		return rollYear(lastOfMonth(y, mo), get("emy") == "", ctx), PrecisionMonth, ok && mo > 0
	case get("qn") != "":
		y, ok := year(get("qy"))
		q := quarterNum(get("qn"))
		return lastOfMonth(y, q*3), PrecisionQuarter, ok && q > 0
	case get("qq") != "":
		y, ok := year(get("qqy"))
		q, _ := strconv.Atoi(get("qq"))
		return lastOfMonth(y, q*3), PrecisionQuarter, ok
	case get("qq2") != "":
		y, ok := year(get("qqy2"))
		q, _ := strconv.Atoi(get("qq2"))
		return lastOfMonth(y, q*3), PrecisionQuarter, ok
	case get("hn") != "":
		y, ok := year(get("hy"))
		h := 1
		if strings.HasPrefix(strings.ToLower(get("hn")), "s") || get("hn") == "2nd" {
			h = 2
		}
		return lastOfMonth(y, h*6), PrecisionHalf, ok
	case get("hh") != "":
		y, ok := year(get("hhy"))
		h, _ := strconv.Atoi(get("hh"))
		return lastOfMonth(y, h*6), PrecisionHalf, ok
	case get("mid") != "":
		y, ok := year(get("midy"))
		return lastOfMonth(y, 6), PrecisionHalf, ok
	case get("eyy") != "":
		y, ok := year(get("eyy"))
		return time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), PrecisionYear, ok
	case get("eyn") != "":
		y, ok := year("")
		return time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), PrecisionYear, ok
	case get("m") != "":
		d, _ := strconv.Atoi(get("d"))
		if dd := get("dd"); dd != "" {
			d, _ = strconv.Atoi(dd) // a range "14-15 March" ends on its last day
		}
		return dayDate(get("y"), monthNum(get("m")), d, ctx)
	case get("m2") != "":
		d, _ := strconv.Atoi(get("d2"))
		return dayDate(get("y2"), monthNum(get("m2")), d, ctx)
	case get("m3") != "":
		mo := monthNum(get("m3"))
		y, ok := year(get("y3"))
		return lastOfMonth(y, mo), PrecisionMonth, ok && mo > 0
	case get("iy") != "":
		mo, _ := strconv.Atoi(get("im"))
		d, _ := strconv.Atoi(get("id"))
		return dayDate(get("iy"), mo, d, ctx)
	case get("nd") != "":
		// Minutes of European and Central Asian bodies write day first.
		mo, _ := strconv.Atoi(get("nm"))
		d, _ := strconv.Atoi(get("nd"))
		return dayDate(get("ny"), mo, d, ctx)
	case get("yr") != "":
		y, ok := year(get("yr"))
		return time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), PrecisionYear, ok
	}
	return time.Time{}, "", false
}

// yearOf reads a written year, or gives the meeting's year when none is
// written; ok is false when neither is known or the year is implausible.
func yearOf(y string, ctx dateContext) (int, bool) {
	if y == "" {
		return ctx.year, ctx.year != 0
	}
	n, _ := strconv.Atoi(y)
	return n, n >= 1900 && n <= 2200
}

// dayDate validates a day date; a missing year is the meeting's year, or
// the next one when that would put the date before the meeting.
func dayDate(ys string, mo, d int, ctx dateContext) (time.Time, Precision, bool) {
	y := ctx.year
	if ys != "" {
		y, _ = strconv.Atoi(ys)
	}
	if y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 || d > lastOfMonth(y, mo).Day() {
		return time.Time{}, PrecisionDay, false
	}
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	return rollYear(t, ys == "", ctx), PrecisionDay, true
}

// rollYear moves a date whose year was guessed past the meeting date.
func rollYear(t time.Time, guessed bool, ctx dateContext) time.Time {
	if guessed && !ctx.meeting.IsZero() && t.Before(ctx.meeting) {
		if t.Equal(lastOfMonth(t.Year(), int(t.Month()))) {
			return lastOfMonth(t.Year()+1, int(t.Month())) // keeps "end of February" at month end
		}
		return t.AddDate(1, 0, 0)
	}
	return t
}

func lastOfMonth(y, mo int) time.Time {
	return time.Date(y, time.Month(mo)+1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, -1)
}

func monthNum(s string) int {
	s = strings.ToLower(strings.TrimSuffix(s, "."))
	if len(s) < 3 {
		return 0
	}
	switch s[:3] {
	case "jan":
		return 1
	case "feb":
		return 2
	case "mar":
		return 3
	case "apr":
		return 4
	case "may":
		return 5
	case "jun":
		return 6
	case "jul":
		return 7
	case "aug":
		return 8
	case "sep":
		return 9
	case "oct":
		return 10
	case "nov":
		return 11
	case "dec":
		return 12
	}
	return 0
}

func quarterNum(s string) int {
	switch strings.ToLower(s) {
	case "first", "1st":
		return 1
	case "second", "2nd":
		return 2
	case "third", "3rd":
		return 3
	case "fourth", "4th":
		return 4
	}
	return 0
}

// isoDate formats a deadline.
func isoDate(t time.Time) string { return t.Format("2006-01-02") }

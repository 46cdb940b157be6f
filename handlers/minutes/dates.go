package minutes

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
)

// monthPat matches English month names and their common abbreviations.
// Full names come first so that leftmost-first alternation prefers them.
const monthPat = `(?i:january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?`

// The date patterns, ordered from the most to the least specific because
// Go's alternation is leftmost-first: "the end of March 2024" must win over
// "March 2024". They are split by how a phrase begins, a word or a digit,
// so that each half is small enough to match fast.
var (
	dayMonthAlt = `(?i:the\s+)?(?P<d>\d{1,2})(?i:st|nd|rd|th)?(?:\s*[-–]\s*(?P<dd>\d{1,2})(?i:st|nd|rd|th)?)?\s+(?i:of\s+)?(?P<m>` + monthPat + `)(?:\s*,?\s*(?P<y>\d{4}))?`

	// dateWordRe reads the phrases that begin with a word.
	dateWordRe = regexp.MustCompile(`\b(?:` +
		`(?i:the\s+)?(?i:end)\s+(?i:of)\s+(?i:the\s+month\s+of\s+)?(?P<em>` + monthPat + `)(?:\s*,?\s*(?P<emy>\d{4}))?` +
		`|(?i:(?:the\s+)?end\s+of\s+)?(?i:the\s+)?(?P<qn>(?i:first|second|third|fourth|1st|2nd|3rd|4th))\s+(?i:quarter)\s+(?i:of\s+)?(?P<qy>\d{4})` +
		`|(?i:(?:the\s+)?end\s+of\s+)?Q(?P<qq>[1-4])[\s/-]*(?P<qqy>\d{4})` +
		`|(?i:the\s+)?(?P<hn>(?i:first|second|1st|2nd))\s+(?i:half)\s+(?i:of\s+)?(?P<hy>\d{4})` +
		`|H(?P<hh>[12])[\s/-]*(?P<hhy>\d{4})` +
		`|(?P<mid>(?i:mid))[\s-]*(?P<midy>\d{4})` +
		`|(?i:the\s+)?(?i:end)\s+(?i:of)\s+(?i:the\s+)?(?i:(?:calendar\s+)?year\s+)?(?P<eyy>\d{4})` +
		`|(?P<eyn>(?i:the\s+)?(?i:end)\s+(?i:of)\s+(?i:the|this)\s+(?i:year))` +
		`|` + dayMonthAlt +
		`|(?P<m2>` + monthPat + `)\s+(?P<d2>\d{1,2})(?i:st|nd|rd|th)?\b(?:\s*,?\s*(?P<y2>\d{4}))?` +
		`|(?P<m3>` + monthPat + `)\s*,?\s*(?P<y3>\d{4})` +
		`)\b`)

	// dateDigitRe reads the phrases that begin with a digit.
	dateDigitRe = regexp.MustCompile(`\b(?:` +
		`(?P<qqy2>\d{4})[\s-]*Q(?P<qq2>[1-4])\b` +
		`|` + dayMonthAlt +
		`|(?P<iy>\d{4})[-/](?P<im>\d{1,2})(?:-|/)(?P<id>\d{1,2})\b` +
		`|(?P<nd>\d{1,2})(?P<nsep>[./])(?P<nm>\d{1,2})[./](?P<ny>\d{4})` +
		`|(?P<sd>\d{1,2})[./-](?P<sm>\d{1,2})[./-](?P<sy>\d{2})` +
		`|(?P<yr>(?:19|20)\d{2})` +
		`)\b`)
)

// groupIndex maps a pattern's group names to their submatch indexes.
func groupIndex(re *regexp.Regexp) map[string]int {
	m := map[string]int{}
	for i, n := range re.SubexpNames() {
		if n != "" {
			m[n] = i
		}
	}
	return m
}

var (
	dateWordGroups  = groupIndex(dateWordRe)
	dateDigitGroups = groupIndex(dateDigitRe)
)

// preps are the prepositions that can stand in front of a date, longest
// first so that "no later than" wins over "than"-less shorter ones.
var preps = []string{
	"not later than", "no later than", "at the latest by", "during the course of", "in the course of",
	"on or before", "prior to", "due date:", "due date", "deadline:", "up to", "throughout", "deadline",
	"within", "during", "before", "dated", "as of", "until", "since", "after", "due:", "till", "from",
	"due", "for", "by", "in", "on", "of", "at",
}

var weekdays = []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}

// prepBefore finds the preposition that ends just before position start of
// s (a weekday may stand between: "by Friday, 21 June 2002"). It returns
// the preposition's start, or -1. A scan of the few words before the date
// is far cheaper than a pattern run there for each of many dates.
func prepBefore(s string, start int) (int, string) {
	end := start
	for end > 0 && s[end-1] == ' ' {
		end--
	}
	lo := max(0, end-24)
	tail := strings.ToLower(s[lo:end])
	t := strings.TrimRight(tail, ",")
	for _, d := range weekdays {
		if strings.HasSuffix(t, d) && boundaryBefore(t, len(t)-len(d)) {
			t = strings.TrimRight(t[:len(t)-len(d)], " ")
			break
		}
	}
	for _, p := range preps {
		if strings.HasSuffix(t, p) && boundaryBefore(t, len(t)-len(p)) {
			at := lo + len(t) - len(p)
			if p == "on" {
				if cat, cp, ok := clockPrep(s, at); ok {
					return cat, cp // "by 5 pm on Friday 12 April"
				}
			}
			return at, s[at : at+len(p)]
		}
	}
	if eobHint(t) {
		if cat, cp, ok := clockPrep(s, lo+len(t)); ok {
			return cat, cp // "by COB 20 October 2023"
		}
	}
	return -1, ""
}

// boundaryBefore reports whether position i of t starts a word: at the
// start or after a space or punctuation.
func boundaryBefore(t string, i int) bool {
	return i == 0 || strings.IndexByte(" (,;:—–-", t[i-1]) >= 0 || t[i-1] >= 0x80
}

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
	ok         bool   // date resolved (a year was known)
	text       string // the phrase as written, when not s[pstart:end]
}

// deadlineText is the phrase as written: preposition plus date.
func (d dateMatch) deadlineText(s string) string {
	if d.text != "" {
		return d.text
	}
	return normSpace(s[d.pstart:d.end])
}

// context gives what dates without a year need: the meeting date.
type dateContext struct {
	meeting time.Time // zero when unknown
	year    int       // meeting year, 0 when unknown
	after   time.Time // a weekday falls after this day too: the last one of the current list
	// monthFirst: the document writes slash dates month first ("09/20/2024").
	monthFirst bool
}

// findDates returns the date phrases of s, resolved against ctx.
func findDates(s string, ctx dateContext) []dateMatch {
	var out []dateMatch
	for _, c := range dateCandidates(s) {
		m, groups := c.m, c.groups
		start, end := m[0], m[1]
		if start > 0 && (isDigitOrLetter(s[start-1]) || s[start-1] == '-' || s[start-1] == '/' || s[start-1] == '.') {
			continue // inside a number or code such as "2023-1000"
		}
		if end < len(s) && (s[end] == '-' || s[end] == '/') && end+1 < len(s) && s[end+1] >= '0' && s[end+1] <= '9' {
			continue // a range or reference number: "2022-2024", "2023-1000"
		}
		dm := dateMatch{start: start, end: end, pstart: start}
		get := func(name string) string {
			i, ok := groups[name]
			if !ok || m[2*i] < 0 {
				return ""
			}
			return s[m[2*i]:m[2*i+1]]
		}
		dm.date, dm.prec, dm.ok = resolveDate(get, ctx)
		if at, p := prepBefore(s, start); at >= 0 {
			dm.prep, dm.pstart = p, at
			dm.kind = classifyPrep(p)
		}
		if get("yr") != "" && dm.kind == prepNone {
			continue // a bare year ("since 2019", "Vision-2040") is never a deadline
		}
		out = append(out, dm)
	}
	return out
}

// Window margins around digits: no date phrase reaches further from its
// digits than this ("the end of the month of September 2024").
const (
	windowBefore = 48
	windowAfter  = 28
)

// dateCandidates runs the date patterns only on windows around digits (and "end of",
// for "the end of the year"). The regexp is large enough that Go runs it
// on its slow NFA engine, and most text has no dates: scanning only the
// windows makes Extract several times faster with the same matches.
func dateCandidates(s string) []match {
	return matchWindows(s, dateWindows(s), func(s string, p int) (*regexp.Regexp, map[string]int) {
		switch {
		case !dateFirst(s, p):
			return nil, nil
		case s[p] >= '0' && s[p] <= '9':
			return dateDigitRe, dateDigitGroups
		}
		return dateWordRe, dateWordGroups
	})
}

// match is one phrase found by matchWindows, with its pattern's groups.
type match struct {
	m      []int
	groups map[string]int
}

// dateWindows returns the spans of s around digits, "end of" and "конц"
// (Russian "the end of"): every date phrase lies in one of them.
func dateWindows(s string) [][2]int {
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
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			j := i
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				j++
			}
			add(i, j)
			i = j
		case (c == 'e' || c == 'E') && i+6 <= len(s) && strings.EqualFold(s[i:i+6], "end of"):
			add(i, i+len("end of the year"))
		case c == 0xD0 && i+8 <= len(s) && (s[i:i+8] == "конц" || s[i:i+8] == "Конц"):
			add(i, i+len("конца текущего года"))
		}
	}
	return wins
}

// matchWindows finds the matches of re that start at a word start inside
// one of the windows, left to right without overlap, as FindAll would.
// It tries the anchored form of re at each word start rather than running
// re across the window: a large pattern scanned byte by byte costs microseconds
// per byte, while an anchored attempt dies within a few bytes where no
// date starts. That keeps date-dense text (a hostile upload of 60,000 dates)
// fast as well as linear.
// pick chooses the pattern to try at the word at p, or nil: only words that
// can begin a phrase are tried, since each attempt pays for setting up the
// whole pattern.
func matchWindows(s string, wins [][2]int, pick func(s string, p int) (*regexp.Regexp, map[string]int)) []match {
	var out []match
	next := 0
	for _, w := range wins {
		for p := max(w[0], next); p < w[1]; p++ {
			if !wordStart(s, p) {
				continue
			}
			re, groups := pick(s, p)
			if re == nil {
				continue
			}
			m := anchored(re).FindStringSubmatchIndex(s[p:min(len(s), p+maxPhrase)])
			if m == nil {
				continue
			}
			for k := range m {
				if m[k] >= 0 {
					m[k] += p
				}
			}
			out = append(out, match{m, groups})
			next = m[1]
			p = m[1] - 1
		}
	}
	return out
}

// wordAt returns the word starting at p, lower-cased, at most 12 bytes.
func wordAt(s string, p int) string {
	e := p
	for e < len(s) && e-p < 12 {
		c := s[e]
		if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 || c == '-' && e > p) {
			break
		}
		e++
	}
	return strings.ToLower(s[p:e])
}

// dateStarts are the words an English date phrase can begin with.
var dateStarts = map[string]bool{
	"the": true, "end": true, "first": true, "second": true, "third": true, "fourth": true,
	"1st": true, "2nd": true, "3rd": true, "4th": true, "mid": true, "q1": true, "q2": true, "q3": true, "q4": true, "h1": true, "h2": true,
	"january": true, "february": true, "march": true, "april": true, "may": true, "june": true, "july": true,
	"august": true, "september": true, "october": true, "november": true, "december": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true,
}

// dateFirst tells a word that may begin an English date: a number or a word of dateStarts.
func dateFirst(s string, p int) bool {
	w := wordAt(s, p)
	if w == "" {
		return false
	}
	if w[0] >= '0' && w[0] <= '9' {
		return true
	}
	if i := strings.IndexAny(w, "-.,"); i > 0 {
		w = w[:i]
	}
	if w == "the" {
		n := wordAt(s, nextWord(s, p))
		return n != "" && n != "the" && (n[0] >= '0' && n[0] <= '9' || dateStarts[strings.TrimRight(n, ".,")])
	}
	return dateStarts[w]
}

// nextWord returns where the word after the one at p starts (len(s) if none).
func nextWord(s string, p int) int {
	for p < len(s) && s[p] != ' ' {
		p++
	}
	for p < len(s) && s[p] == ' ' {
		p++
	}
	return p
}

// maxPhrase bounds the length of one date or party phrase.
const maxPhrase = 120

// wordStart reports whether a word (ASCII or not) starts at byte p of s.
func wordStart(s string, p int) bool {
	c := s[p]
	if !(c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0xC0) {
		return false
	}
	if p == 0 {
		return true
	}
	b := s[p-1]
	return !(b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= 0x80)
}

var (
	anchoredMu sync.Mutex
	anchoredRe = map[*regexp.Regexp]*regexp.Regexp{}
)

// anchored returns re anchored at the start of the text, compiled once.
func anchored(re *regexp.Regexp) *regexp.Regexp {
	anchoredMu.Lock()
	defer anchoredMu.Unlock()
	a, ok := anchoredRe[re]
	if !ok {
		a = regexp.MustCompile(`^(?:` + re.String() + `)`)
		anchoredRe[re] = a
	}
	return a
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
		if (ctx.monthFirst && get("nsep") == "/") || (mo > 12 && d <= 12) {
			d, mo = mo, d // "09/20/2024": only a date month first, or the document's way
		}
		return dayDate(get("ny"), mo, d, ctx)
	case get("sd") != "":
		// "31-08-06", "08-31-06": a two-digit year. The day comes first, as
		// for four-digit years, unless only the other order is a date.
		a, _ := strconv.Atoi(get("sd"))
		b, _ := strconv.Atoi(get("sm"))
		y, _ := strconv.Atoi(get("sy"))
		y += 2000
		if y > time.Now().Year()+50 {
			y -= 100
		}
		d, mo := a, b
		if mo > 12 && d <= 12 {
			d, mo = b, a
		}
		return dayDate(strconv.Itoa(y), mo, d, ctx)
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

package minutes

import (
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// headSpan bounds how much of a document is searched for the meeting date
// and title: they are stated near the top, and this keeps Meeting cheap.
const headSpan = 20000

// heldRe finds the sentence that states when the meeting took place; the
// date follows it. "dated" (letters, notes) deliberately does not count.
var heldRe = regexp.MustCompile(`(?i)\b(?:held|took\s+place|convened|met|hosted|was\s+opened)\b[^.;\n]{0,200}?\bon\s+(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?`)

// headerDateRe finds a dated heading: "(11 December 2023, Tashkent)" or
// "Date: 14 March 2024".
var headerDateRe = regexp.MustCompile(`(?im)^\s*(?:#+\s*(?:[^\p{L}\p{N}\s(]+\s*)?)?(?:\(\s*|\*+\s*|(?:meeting\s+)?date\s*:\s*)`)

// titleRe finds "12th Meeting of the Working Group on Customs Cooperation".
var titleRe = regexp.MustCompile(`(?i)\b(?:\d{1,3}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|[IVXLC]{1,6})\s+(?:meeting|session)\s+of\s+(?:the\s+)?[\p{L}-]+(?:\s+(?:on|of|for|and|[\p{Lu}][\p{L}-]*))*`)

// Meeting returns a best-effort title (e.g. "12th Meeting of the Working
// Group on Customs Cooperation") and the meeting date (zero if unknown).
// A title naming a Working Group is preferred because those minutes are
// what this package is built for; otherwise the first title wins.
func Meeting(text string, opts Options) (title string, date time.Time) {
	defer func() {
		if recover() != nil {
			title, date = "", time.Time{}
		}
	}()
	head := text
	if len(head) > headSpan {
		head = head[:headSpan]
	}
	head = strings.ReplaceAll(head, "**", "")
	var first string
	for _, m := range titleRe.FindAllString(head, 20) {
		t := cleanTitle(m)
		if t == "" {
			continue
		}
		if first == "" {
			first = t
		}
		if strings.Contains(strings.ToLower(t), "working group") {
			first = t
			break
		}
	}
	return first, meetingContext(text, opts).meeting
}

// cleanTitle cuts what follows the body's name ("... of the OTS held") and
// fixes all-capital headings.
func cleanTitle(t string) string {
	t = normSpace(t)
	lower := strings.ToLower(t)
	if i := strings.Index(lower, " of "); i >= 0 {
		if j := strings.Index(lower[i+4:], " of the "); j >= 0 {
			t = t[:i+4+j]
		}
	}
	for {
		f := strings.Fields(t)
		if len(f) < 4 {
			return ""
		}
		last := strings.ToLower(f[len(f)-1])
		if last != "of" && last != "on" && last != "for" && last != "and" && last != "the" {
			break
		}
		t = strings.Join(f[:len(f)-1], " ")
	}
	if t == strings.ToUpper(t) {
		f := strings.Fields(strings.ToLower(t))
		for i, w := range f {
			if i == 0 || !(w == "of" || w == "on" || w == "for" || w == "and" || w == "the") {
				f[i] = strings.ToUpper(w[:1]) + w[1:]
			}
		}
		t = strings.Join(f, " ")
	}
	return t
}

// meetingContext finds the meeting date: stated in the text ("held on 11
// December 2023"), else taken from the file name, else unknown.
func meetingContext(text string, opts Options) dateContext {
	var ctx dateContext
	if fd, ok := fileNameDate(opts.FileName); ok {
		ctx = fd
	}
	head := text
	if len(head) > headSpan {
		head = head[:headSpan]
	}
	ctx.monthFirst = writesMonthFirst(head)
	best := -1
	var bestDate time.Time
	try := func(locs [][]int) {
		for _, l := range locs {
			if best >= 0 && l[0] > best {
				return
			}
			rest := head[l[1]:]
			if len(rest) > 60 {
				rest = rest[:60]
			}
			ds := findDates(rest, ctx)
			if len(ds) == 0 || ds[0].start != 0 || !ds[0].ok || ds[0].prec != PrecisionDay {
				continue
			}
			best, bestDate = l[0], ds[0].date
			return
		}
	}
	try(heldRe.FindAllStringIndex(head, 50))
	try(headerDateRe.FindAllStringIndex(head, 200))
	if best < 0 && ctx.year == 0 {
		if t, ok := yearlessMeeting(head, ctx); ok {
			best, bestDate = 0, t // "on 19 March", after "the previous summit on 19 December 2011"
		}
	}
	if best < 0 {
		// A note or decision often dates itself in its first lines
		// ("Geneva, 24 August 2009", "от 22 декабря 2015 года").
		top := head
		if len(top) > 400 {
			top = top[:400]
		}
		first := -1
		for _, d := range append(findDates(top, ctx), mlDates(top, ctx)...) {
			if d.ok && d.prec == PrecisionDay && (first < 0 || d.start < first) {
				first, bestDate = d.start, d.date
			}
		}
		if first < 0 && ctx.year == 0 {
			if d, ok := yearlessHeadDate(top, ctx); ok {
				first, bestDate = 0, d // "Ankara’da 3 Mart‘ta imzalanan “2021 Yılı ... Anlaşması”"
			}
		}
		best = first
	}
	if best < 0 && ctx.year == 0 {
		if t, ok := shortYearHeading(head); ok {
			best, bestDate = 0, t // "# 22nd Jan 25"
		}
	}
	if best >= 0 {
		ctx.meeting, ctx.year = bestDate, bestDate.Year()
	}
	return ctx
}

// fileNameDateRe finds "2023-12-11", "2023_12_11", "20231211" or
// "11.12.2023" in a file name.
var fileNameDateRe = regexp.MustCompile(`(?:^|[^0-9])(?:((?:19|20)\d{2})[-_.]?(\d{2})[-_.]?(\d{2})|(\d{2})[-_.](\d{2})[-_.]((?:19|20)\d{2}))(?:[^0-9]|$)`)

var fileNameYearRe = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)\d{2})(?:[^0-9]|$)`)

// fileNameDate reads a meeting date (or at least a year) from a file name.
func fileNameDate(name string) (dateContext, bool) {
	base := filepath.Base(name)
	if m := fileNameDateRe.FindStringSubmatch(base); m != nil {
		y, mo, d := m[1], m[2], m[3]
		if y == "" {
			y, mo, d = m[6], m[5], m[4]
		}
		if t, err := time.Parse("2006-01-02", y+"-"+mo+"-"+d); err == nil {
			return dateContext{meeting: t, year: t.Year()}, true
		}
	}
	if m := fileNameYearRe.FindStringSubmatch(base); m != nil {
		t, _ := time.Parse("2006", m[1])
		return dateContext{year: t.Year()}, true
	}
	return dateContext{}, false
}

var (
	// Capitalised month names only: cheaper, and how minutes write them.
	monthDayRe = regexp.MustCompile(`\b` + capMonth + `\s+\d{1,2}(?:st|nd|rd|th)?\b`)
	dayMonthRe = regexp.MustCompile(`\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?` + capMonth)
)

const capMonth = `(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?`

// writesMonthFirst tells a document that writes slash dates month first,
// as American minutes do: one of them is a date only that way ("09/20/2024"),
// or one is, read that way, a day the document also writes year first
// ("(06/07/2024) Meeting Minutes" and "Recording 2024/06/07"). Otherwise the
// day comes first, as in the minutes of European and Central Asian bodies.
func writesMonthFirst(head string) bool {
	var slashes [][3]int
	ymd := map[[3]int]bool{}
	for _, sep := range []byte{'/', '-'} {
		for _, f := range numberTriples(head, sep) {
			switch {
			case f[0] >= 1900 && f[0] < 2100 && f[1] <= 12 && f[2] <= 31:
				ymd[f] = true // "2024/06/07", "2024-06-07"
			case sep == '/' && f[2] >= 1900 && f[2] < 2100 && f[0] <= 31 && f[1] <= 31:
				slashes = append(slashes, f)
			}
		}
	}
	if len(slashes) == 0 {
		return false
	}
	for _, sl := range slashes {
		a, b, y := sl[0], sl[1], sl[2]
		if (b > 12 && a <= 12) || (a != b && ymd[[3]int{y, a, b}] && !ymd[[3]int{y, b, a}]) {
			return true
		}
	}
	// Still ambiguous ("06/07/2024"): the way the document writes months
	// in words decides, "by June 21" the American way, "21 June" not.
	return len(monthDayRe.FindAllStringIndex(head, 50)) > len(dayMonthRe.FindAllStringIndex(head, 50))
}

// numberTriples returns the numbers of every "n<sep>n<sep>n" in s (at most
// 100), read by hand: a pattern anchored on non-digits is slow on long text.
func numberTriples(s string, sep byte) [][3]int {
	isDigit := func(i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }
	num := func(i int) (int, int) { // the number of 1-4 digits at i, and its end
		j := i
		for isDigit(j) && j-i < 4 {
			j++
		}
		if j == i || isDigit(j) {
			return -1, j
		}
		n, _ := strconv.Atoi(s[i:j])
		return n, j
	}
	var out [][3]int
	for at := 0; len(out) < 100; {
		k := strings.IndexByte(s[at:], sep)
		if k < 0 {
			break
		}
		k += at
		at = k + 1
		st := k
		for isDigit(st-1) && k-st < 4 {
			st--
		}
		if st == k || isDigit(st-1) || (st > 0 && s[st-1] == sep) {
			continue
		}
		a, _ := num(st)
		b, e := num(k + 1)
		if a < 0 || b < 0 || e >= len(s) || s[e] != sep {
			continue
		}
		c, e2 := num(e + 1)
		if c < 0 || (e2 < len(s) && s[e2] == sep) {
			continue
		}
		out = append(out, [3]int{a, b, c})
		at = e2
	}
	return out
}

package minutes

import (
	"regexp"
	"strings"
	"time"
	"unicode"
)

// Russian terms that need more than a date reader: a term that names no
// day ("к следующему заседанию"), one counted from an event that has no
// date yet ("с даты вступления в силу"), working days.

// ruUndatedRe finds Russian terms that name no day: "к следующему
// заседанию", "в кратчайшие сроки", "по мере необходимости".
var ruUndatedRe = regexp.MustCompile(`(?i)(?:^|\s)(?:к|до)\s+(?:следующему|очередному|следующего|очередного|предстоящему|предстоящего)\s+(?:заседани|встреч|совещани|сесси)\p{L}*|в\s+кратчайшие\s+сроки|в\s+оперативном\s+порядке|по\s+мере\s+необходимости|в\s+ближайшее\s+время`)

// ruReason says why a Russian sentence gave nothing, telling an undated
// term from a sentence with no date at all.
func ruReason(s string, ctx dateContext) string {
	why := mlReason(s, ctx, true)
	if why == whyNoDate && ruUndatedRe.MatchString(s) {
		return whyUndated
	}
	return why
}

// ruForeignAnchorRe is a relative term counted from an event other than
// the meeting or the signing of its protocol: "в течение 6 месяцев с даты
// вступления в силу", "в течение 30 дней с даты получения запроса".
var ruForeignAnchorRe = regexp.MustCompile(`(?i)^\s*(?:(?:с|со|от)\s+(?:даты|дня|момента)|после)\s+(\p{L}+)`)

// ruForeignAnchor tells a relative term, followed by rest, whose start is
// not the meeting's day, so that no date can be given for it. A term "с
// даты подписания настоящего Протокола" runs from the meeting, whose
// protocol is signed on its last day.
func ruForeignAnchor(rest string) bool {
	m := ruForeignAnchorRe.FindStringSubmatch(rest)
	if m == nil {
		return false
	}
	switch strings.ToLower(m[1]) {
	case "подписания", "проведения", "заседания", "настоящего":
		return false
	}
	return true
}

// addWorkdays counts n working days (Monday to Friday) after t: "в
// течение 10 рабочих дней".
func addWorkdays(t time.Time, n int) time.Time {
	for n > 0 {
		t = t.AddDate(0, 0, 1)
		if wd := t.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n--
		}
	}
	return t
}

// ruYearTermRe is a whole year given as the term: "в течение 2024 года",
// "в течение 2024 г.". Unlike "в 2024 году", which may only say when
// something happens, it bounds the task.
var ruYearTermRe = regexp.MustCompile(`(?i)(?:^|\s)(в\s+течение\s+)(\d{4})\s*(?:года|г\.)`)

// ruYearTerms returns the year terms of s as deadlines at the year's end.
func ruYearTerms(s string, ctx dateContext) []dateMatch {
	if !strings.Contains(s, "течение") {
		return nil
	}
	var out []dateMatch
	for _, m := range ruYearTermRe.FindAllStringSubmatchIndex(s, -1) {
		y, ok := yearOf(s[m[4]:m[5]], ctx)
		out = append(out, dateMatch{start: m[4], end: m[1], pstart: m[2], prep: "в течение", kind: prepStrong,
			date: time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), prec: PrecisionYear, ok: ok})
	}
	return out
}

// hasCyrillic tells a short text written in Russian, such as a table's
// term cell ("II кв. 2024 г."), too short for language to judge.
func hasCyrillic(s string) bool {
	return strings.ContainsFunc(s, func(r rune) bool { return unicode.Is(unicode.Cyrillic, r) })
}

// ruAbbrevs are Russian abbreviations after which a period does not end
// a sentence: "ст. 5", "п. 3", "см. Приложение", "ул. Навои".
var ruAbbrevs = map[string]bool{"ст": true, "п": true, "пп": true, "см": true, "им": true, "обл": true, "ул": true,
	"тыс": true, "млн": true, "млрд": true, "руб": true, "т.е": true, "т.д": true, "т.п": true, "т.ч": true, "гг": true, "г-н": true, "г-жа": true}

// ruAbbrevDot tells a period that ends a Russian abbreviation w (lower
// case, without the period) in before, the text up to it. "г." is a town
// ("г. Ташкент") unless a year stands before it ("1 марта 2024 г."),
// where the sentence may end.
func ruAbbrevDot(w, before string) bool {
	if w != "г" {
		return ruAbbrevs[w]
	}
	f := strings.Fields(before)
	if len(f) < 2 {
		return true
	}
	y := f[len(f)-2]
	return !(len(y) == 4 && y[0] >= '1' && y[0] <= '2' && strings.Trim(y, "0123456789") == "")
}

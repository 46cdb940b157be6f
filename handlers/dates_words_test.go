package handlers

import (
	"strings"
	"testing"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// Deadlines typed as people write dates in each of the bot's languages
// (issue 13, item 4): the date's words are taken, the title after them is not.
func TestParseDeadlineInEveryLanguage(t *testing.T) {
	t.Parallel()
	cases := []struct {
		lang, in, due, precision string
		used                     int
	}{
		{"ru", "1 марта 2024 г. Представить предложения", "2024-03-01", "day", 4},
		{"ru", "1 марта 2024 года", "2024-03-01", "day", 4},
		{"ru", "15 мая 2024", "2024-05-15", "day", 3},
		{"ru", "март 2024 г.", "2024-03-31", "month", 3},
		{"ru", "1 МАРТА 2024", "2024-03-01", "day", 3},
		{"tr", "1 Mart 2024 Öneri sunulması", "2024-03-01", "day", 3},
		{"tr", "1 EKİM 2024", "2024-10-01", "day", 3},
		{"tr", "1 EKIM 2024", "2024-10-01", "day", 3},
		{"tr", "Ağustos 2024", "2024-08-31", "month", 2},
		{"tr", "15 Kasım 2024 tarihine kadar", "2024-11-15", "day", 3},
		{"az", "1 mart 2024", "2024-03-01", "day", 3},
		{"az", "2024-cü il 1 mart", "2024-03-01", "day", 4},
		{"kk", "2024 жылғы 1 наурыз", "2024-03-01", "day", 4},
		{"kk", "1 қазан 2024", "2024-10-01", "day", 3},
		{"ky", "2024-жылдын 1-марты", "2024-03-01", "day", 2},
		{"ky", "2024-жылдын март айы", "2024-03-31", "month", 3},
		{"uz", "2024-yil 1-mart Taklif", "2024-03-01", "day", 2},
		{"uz", "1 sentabr 2024", "2024-09-01", "day", 3},
		{"uz-Cyrl", "2024-йил 1-март", "2024-03-01", "day", 2},
		{"hu", "2024. március 1. Javaslat", "2024-03-01", "day", 3},
		{"hu", "2024. október", "2024-10-31", "month", 2},
		{"en", "1 Sept 2024", "2024-09-01", "day", 3},
	}
	for _, c := range cases {
		d, used, p := ParseDeadline(strings.Fields(c.in))
		if p != DateOK || used != c.used || d.Due.String() != c.due || string(d.Precision) != c.precision {
			t.Errorf("%s: ParseDeadline(%q) = %s %s, %d words, problem %d; want %s %s, %d words",
				c.lang, c.in, d.Due, d.Precision, used, p, c.due, c.precision, c.used)
		}
	}
	refused := []struct {
		in      string
		problem DateProblem
	}{
		{"31 февраля 2024", DateNoSuchDay},
		{"1 марта 1999", DateOutOfRange},
		{"март", DateUnreadable},            // a month needs a year
		{"1 марта", DateUnreadable},         // so does a day
		{"ма 2024", DateUnreadable},         // too short to be a month: май? март?
		{"Марина 2024", DateUnreadable},     // a name is not a month
		{"2024 отчёт", DateUnreadable},      // a year alone is not a deadline
		{"Mart Nisan 2024", DateUnreadable}, // two months
	}
	for _, c := range refused {
		if d, used, p := ParseDeadline(strings.Fields(c.in)); p != c.problem || used != 0 {
			t.Errorf("ParseDeadline(%q) = %s, %d words, problem %d; want refused with %d", c.in, d.Due, used, p, c.problem)
		}
	}
}

// A typed deadline keeps no words of the language it was typed in: each
// reader sees it in their own (the minutes' words are kept as written).
func TestTypedDeadlineIsShownInTheReadersLanguage(t *testing.T) {
	t.Parallel()
	day, _, _ := ParseDeadline(strings.Fields("1 марта 2024 г."))
	month, _, _ := ParseDeadline(strings.Fields("Mart 2024"))
	cases := []struct {
		lang i18n.Lang
		d    storage.Deadline
		want string
	}{
		{i18n.English, day, "by 1 March 2024"},
		{i18n.Russian, day, "до 1 марта 2024 г."},
		{i18n.Turkish, day, "1 Mart 2024 tarihine kadar"},
		{i18n.English, month, "by the end of March 2024"},
		{i18n.Russian, month, "до конца марта 2024 г."},
	}
	for _, c := range cases {
		if got := deadlineText(c.lang, c.d); got != c.want {
			t.Errorf("%s: %q, want %q", c.lang, got, c.want)
		}
	}
}

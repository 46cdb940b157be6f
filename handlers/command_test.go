package handlers

import (
	"strings"
	"testing"

	"github.com/ots-customs/wgbot/handlers/i18n"
)

func TestParseCommand(t *testing.T) {
	t.Parallel()
	cases := []struct {
		text        string
		cmd, args   string
		forMe, isOK bool
	}{
		{"/deadlines", "deadlines", "", true, true},
		{"/Deadlines all", "deadlines", "all", true, true},
		{"/deadlines@wgbot_test_bot all", "deadlines", "all", true, true},
		{"/deadlines@WGBOT_TEST_BOT", "deadlines", "", true, true},
		{"/deadlines@OtherBot", "deadlines", "", false, true},
		{"  /iam   Turkish side  ", "iam", "Turkish side", true, true},
		{"/iam\nTR", "iam", "TR", true, true},
		{"/nominate Ömer Koç; Advisor; omer@example.org; +90 312 000 00 00", "nominate",
			"Ömer Koç; Advisor; omer@example.org; +90 312 000 00 00", true, true},
		{"Привет /deadlines", "", "", false, false},
		{"hello", "", "", false, false},
		{"/", "", "", false, false},
		{"/ deadlines", "", "", false, false},
		{"/дедлайны", "", "", false, false},
		{"/" + string(make([]byte, 40)), "", "", false, false},
		{"/abcdefghijklmnopqrstuvwxyz0123456789", "", "", false, false},
	}
	for _, c := range cases {
		cmd, args, forMe, ok := ParseCommand(c.text, "wgbot_test_bot")
		if cmd != c.cmd || args != c.args || forMe != c.forMe || ok != c.isOK {
			t.Errorf("ParseCommand(%q) = %q, %q, %v, %v; want %q, %q, %v, %v",
				c.text, cmd, args, forMe, ok, c.cmd, c.args, c.forMe, c.isOK)
		}
	}
}

func TestParseDeadline(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in, due, precision, text string
		used                     int
		problem                  DateProblem
	}{
		{"2024-03-01 rest", "2024-03-01", "day", "by 1 March 2024", 1, DateOK},
		{"1.3.2024 rest", "2024-03-01", "day", "by 1 March 2024", 1, DateOK},
		{"01/03/2024", "2024-03-01", "day", "by 1 March 2024", 1, DateOK},
		{"1-3-2024", "2024-03-01", "day", "by 1 March 2024", 1, DateOK},
		{"1 March 2024 rest", "2024-03-01", "day", "by 1 March 2024", 3, DateOK},
		{"March 1, 2024", "2024-03-01", "day", "by 1 March 2024", 3, DateOK},
		{"29 Feb 2024", "2024-02-29", "day", "by 29 February 2024", 3, DateOK},
		{"March 2024", "2024-03-31", "month", "by the end of March 2024", 2, DateOK},
		{"february 2024", "2024-02-29", "month", "by the end of February 2024", 2, DateOK},
		{"end of 2024", "2024-12-31", "year", "by the end of 2024", 3, DateOK},
		{"end of March 2025", "2025-03-31", "month", "by the end of March 2025", 4, DateOK},
		{"2100-12-31", "2100-12-31", "day", "by 31 December 2100", 1, DateOK},
		{"30 February 2024", "", "", "", 0, DateNoSuchDay},
		{"31.04.2024", "", "", "", 0, DateNoSuchDay},
		{"tomorrow", "", "", "", 0, DateUnreadable},
		{"2024-13-01", "", "", "", 0, DateNoSuchDay},
		{"2024-03", "", "", "", 0, DateUnreadable},
		// The same range for every way of typing (issue 17, cases 1 and 2).
		{"0000-03-01", "", "", "", 0, DateOutOfRange},
		{"0000-01-01", "", "", "", 0, DateOutOfRange},
		{"0001-01-01", "", "", "", 0, DateOutOfRange},
		{"1999-12-31", "", "", "", 0, DateOutOfRange},
		{"2101-01-01", "", "", "", 0, DateOutOfRange},
		{"1.3.0001", "", "", "", 0, DateOutOfRange},
		{"1 March 1", "", "", "", 0, DateOutOfRange},
		{"March 0", "", "", "", 0, DateOutOfRange},
		{"end of 1999", "", "", "", 0, DateOutOfRange},
		{"end of March 2101", "", "", "", 0, DateOutOfRange},
	}
	for _, c := range cases {
		d, used, p := ParseDeadline(strings.Fields(c.in))
		said := ""
		if !d.IsZero() {
			said = deadlineText(i18n.English, d)
		}
		if used != c.used || p != c.problem || d.Due.String() != c.due || string(d.Precision) != c.precision || said != c.text || d.Text != "" {
			t.Errorf("ParseDeadline(%q) = %s %s %q, kept %q (%d words, problem %d); want %s %s %q, nothing kept (%d, %d)",
				c.in, d.Due, d.Precision, said, d.Text, used, p, c.due, c.precision, c.text, c.used, c.problem)
		}
	}
}

func TestParseButton(t *testing.T) {
	t.Parallel()
	cases := []struct {
		data string
		id   string
		v    verb
		ok   bool
	}{
		{"rm:12", "12", verbAsk, true},
		{"rm:y:12", "12", verbYes, true},
		{"rm:n:12", "12", verbNo, true},
		{"rm:x:12", "", 0, false},
		{"rm:y:", "", 0, false},
		{"rm:", "", 0, false},
		{"rm", "", 0, false},
		{"rm:y:12:3", "", 0, false},
	}
	for _, c := range cases {
		id, v, ok := parseButton(c.data)
		if id != c.id || v != c.v || ok != c.ok {
			t.Errorf("parseButton(%q) = %q, %d, %v; want %q, %d, %v", c.data, id, v, ok, c.id, c.v, c.ok)
		}
	}
	if _, _, ok := parseIDButton("rm:y:-4"); ok {
		t.Error("a negative id is not an id")
	}
}

package handlers

import (
	"strings"
	"testing"
	"time"

	"github.com/ots-customs/wgbot/handlers/i18n"
)

// A day of the week typed in any language of the bot, also one named in two
// words (Azerbaijani "bazar ertəsi" is Monday; "bazar" alone is Sunday).
func TestParseDigestTimeInEveryLanguage(t *testing.T) {
	t.Parallel()
	cases := []struct {
		in   string
		day  time.Weekday
		h, m int
	}{
		{"monday 09:00", time.Monday, 9, 0},
		{"понедельник 9:30", time.Monday, 9, 30},
		{"Pazartesi 08:00", time.Monday, 8, 0},
		{"bazar ertəsi 09:00", time.Monday, 9, 0},
		{"09:00 çərşənbə axşamı", time.Tuesday, 9, 0},
		{"cümə axşamı 10:15", time.Thursday, 10, 15},
		{"cümə 10:15", time.Friday, 10, 15},
		{"bazar 07:00", time.Sunday, 7, 0},
		{"hétfő 09:00", time.Monday, 9, 0},
		{"dushanba 09:00", time.Monday, 9, 0},
	}
	for _, c := range cases {
		day, h, m, problem := parseDigestTime(i18n.English, strings.Fields(c.in))
		if problem != "" || day != c.day || h != c.h || m != c.m {
			t.Errorf("parseDigestTime(%q) = %v %02d:%02d %q; want %v %02d:%02d", c.in, day, h, m, problem, c.day, c.h, c.m)
		}
	}
	if _, _, _, problem := parseDigestTime(i18n.English, strings.Fields("bazar ertəsi axşamı 09:00")); problem == "" {
		t.Error("a word after a two-word day was taken silently")
	}
}

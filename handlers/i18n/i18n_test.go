package i18n

import (
	"testing"
	"time"
)

func TestEnglishReads(t *testing.T) {
	if got := English.T("AlreadyMember", "🇹🇷 Türkiye"); got != "You are already a member for 🇹🇷 Türkiye. Try /help." {
		t.Errorf("T = %q", got)
	}
	if got := English.N("unit.Day", 1); got != "1 day" {
		t.Errorf("N(1) = %q", got)
	}
	if got := English.N("unit.Day", 3); got != "3 days" {
		t.Errorf("N(3) = %q", got)
	}
	if got := English.Date(time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC)); got != "1 March 2024" {
		t.Errorf("Date = %q", got)
	}
	if got := Lang("xx").T("party.TR.side"); got != "Turkish side" {
		t.Errorf("unknown language = %q, want English", got)
	}
	if got := English.T("no.such.id"); got != "no.such.id" {
		t.Errorf("missing id = %q", got)
	}
}

func TestParse(t *testing.T) {
	for code, want := range map[string]Lang{"ru": Russian, "en-US": English, "tr-TR": Turkish, "uz": Uzbek,
		"uz-Cyrl": UzbekCyrillic, "uz-Cyrl-UZ": UzbekCyrillic, "uz-Latn": Uzbek, "kk": Kazakh, "ky": Kyrgyz, "az": Azerbaijani, "hu": Hungarian} {
		if got, ok := Parse(code); !ok || got != want {
			t.Errorf("Parse(%q) = %q, %v; want %q", code, got, ok, want)
		}
	}
	for _, code := range []string{"", "de", "pt-br", "zz-!!"} {
		if got, ok := Parse(code); ok {
			t.Errorf("Parse(%q) = %q, want none", code, got)
		}
	}
}

// The weekday goes where each language puts it, not always in front.
func TestWeekdayDateTimeOrder(t *testing.T) {
	at := time.Date(2024, 3, 4, 9, 0, 0, 0, time.UTC) // a Monday
	for l, want := range map[Lang]string{
		English:   "Monday 4 March 2024, 09:00",
		Russian:   "понедельник, 4 марта 2024 г., 09:00",
		Hungarian: "2024. március 4., hétfő 09:00",
	} {
		if got := l.WeekdayDateTime(at); got != want {
			t.Errorf("%s: %q, want %q", l, got, want)
		}
	}
}

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

package i18n_test

import (
	"strings"
	"testing"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// What the bot calls a Party in a language, a member of that language may
// type back: every translation's name and "side" of each Party is read as
// that Party (storage.ParseParty), also in capitals.
func TestPartyNamesShownAreRead(t *testing.T) {
	t.Parallel()
	for _, l := range i18n.Supported {
		for _, info := range storage.Parties() {
			code := string(info.Code)
			for _, shown := range []string{l.PartyName(code), l.PartySide(code)} {
				for _, typed := range []string{shown, upper(shown)} {
					if got, ok := storage.ParseParty(typed); !ok || got != info.Code {
						t.Errorf("%s: %q is read as %q, %v; want %s", l, typed, got, ok, code)
					}
				}
			}
		}
	}
}

// upper capitalises the way a Turkish keyboard does for Turkic languages
// (i -> İ), and plainly otherwise: both must be read.
func upper(s string) string {
	out := []rune{}
	for _, r := range s {
		switch r {
		case 'i':
			out = append(out, 'İ')
		case 'ı':
			out = append(out, 'I')
		default:
			out = append(out, []rune(string(toUpper(r)))...)
		}
	}
	return string(out)
}

func toUpper(r rune) rune { return []rune(strings.ToUpper(string(r)))[0] }

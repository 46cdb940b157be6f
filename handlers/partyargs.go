package handlers

import (
	"strings"

	"github.com/ots-customs/wgbot/storage"
)

// maxPartyWords is the most words a Party's name takes ("Республика
// Казахстан", "the Turkish side", "TDT Sekretaryası", "a török fél").
const maxPartyWords = 3

// cutParty reads a Party named at the start of s in any language ("KZ",
// "Türk tarafı Note 12") and returns it with the rest of s; the longest
// name wins, so "Türkiye Cumhuriyeti" is one Party, not "Türkiye" and a
// reference. ok is false when s does not start with a Party.
func cutParty(s string) (p storage.Party, rest string, ok bool) {
	words := strings.Fields(s)
	for n := min(maxPartyWords, len(words)); n > 0; n-- {
		if p, ok := storage.ParseParty(strings.Join(words[:n], " ")); ok {
			return p, strings.Join(words[n:], " "), true
		}
	}
	return "", s, false
}

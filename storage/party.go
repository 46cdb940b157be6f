package storage

import (
	"strings"
	"unicode"
)

// Party is a participant of the Working Group, identified by a short code
// ("TR", "UZ", ..., "SEC" for the OTS Secretariat).
type Party string

// The Parties of the Working Group on Customs Cooperation.
const (
	Azerbaijan  Party = "AZ"
	Kazakhstan  Party = "KZ"
	Kyrgyzstan  Party = "KG"
	Turkiye     Party = "TR"
	Uzbekistan  Party = "UZ"
	Hungary     Party = "HU"
	Secretariat Party = "SEC"
)

// PartyInfo describes a Party for display and for reading what users type.
type PartyInfo struct {
	Code     Party
	Name     string // "Türkiye"
	Flag     string // "🇹🇷"
	Side     string // "Turkish side", as the minutes write it
	Observer bool   // Hungary is an observer, not a member state
	aliases  []string
}

// parties is ordered as the minutes list the delegations.
var parties = []PartyInfo{
	{Code: Azerbaijan, Name: "Azerbaijan", Flag: "🇦🇿", Side: "Azerbaijani side",
		aliases: []string{"azerbaijani", "azeri", "azerbaycan", "azərbaycan", "азербайджан", "aze"}},
	{Code: Kazakhstan, Name: "Kazakhstan", Flag: "🇰🇿", Side: "Kazakh side",
		aliases: []string{"kazakh", "kazakhstani", "qazaqstan", "kazakistan", "казахстан", "қазақстан", "kaz"}},
	{Code: Kyrgyzstan, Name: "Kyrgyzstan", Flag: "🇰🇬", Side: "Kyrgyz side",
		aliases: []string{"kyrgyz", "kyrgyz republic", "kirgizistan", "kırgızistan", "кыргызстан", "киргизия", "kgz"}},
	{Code: Turkiye, Name: "Türkiye", Flag: "🇹🇷", Side: "Turkish side",
		aliases: []string{"turkey", "turkiye", "türkiye", "turkish", "türk", "турция", "tur"}},
	{Code: Uzbekistan, Name: "Uzbekistan", Flag: "🇺🇿", Side: "Uzbek side",
		aliases: []string{"uzbek", "o'zbekiston", "ozbekiston", "oʻzbekiston", "özbekistan", "узбекистан", "uzb"}},
	{Code: Hungary, Name: "Hungary", Flag: "🇭🇺", Side: "Hungarian side", Observer: true,
		aliases: []string{"hungarian", "magyarország", "magyarorszag", "венгрия", "hun"}},
	{Code: Secretariat, Name: "OTS Secretariat", Flag: "🏛", Side: "the Secretariat",
		aliases: []string{"secretariat", "ots", "ots secretariat", "the secretariat", "sekretariat", "секретариат"}},
}

// StateParties are the six Parties that "the Parties" of the minutes means:
// the five member states and Hungary as observer. The Secretariat is not one of them.
var StateParties = []Party{Azerbaijan, Kazakhstan, Kyrgyzstan, Turkiye, Uzbekistan, Hungary}

// Parties returns every Party in display order.
func Parties() []PartyInfo { return append([]PartyInfo(nil), parties...) }

// Info returns the description of p; ok is false for an unknown code.
func (p Party) Info() (PartyInfo, bool) {
	for _, info := range parties {
		if info.Code == p {
			return info, true
		}
	}
	return PartyInfo{}, false
}

// Valid reports whether p is one of the known Parties.
func (p Party) Valid() bool {
	_, ok := p.Info()
	return ok
}

// Label is "🇹🇷 Türkiye", or the bare code for an unknown Party.
func (p Party) Label() string {
	if info, ok := p.Info(); ok {
		return info.Flag + " " + info.Name
	}
	return string(p)
}

// Short is "🇹🇷 TR", for lists where space is short.
func (p Party) Short() string {
	if info, ok := p.Info(); ok {
		return info.Flag + " " + string(info.Code)
	}
	return string(p)
}

// ParseParty reads what a user types for a Party: a code ("TR"), a name
// ("Türkiye", "Turkey"), an adjective or the minutes' "Turkish side", in any case.
// ok is false when nothing matches.
func ParseParty(s string) (Party, bool) {
	key := partyKey(s)
	if key == "" {
		return "", false
	}
	for _, info := range parties {
		if key == partyKey(string(info.Code)) || key == partyKey(info.Name) || key == partyKey(info.Side) {
			return info.Code, true
		}
		for _, a := range info.aliases {
			if key == partyKey(a) {
				return info.Code, true
			}
		}
	}
	return "", false
}

// partyKey folds case and strips "the", "side" and punctuation so that
// "the Turkish side", "turkish" and "TURKISH SIDE" compare equal.
func partyKey(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.Map(func(r rune) rune {
		if unicode.Is(unicode.Mn, r) {
			// Drop combining marks: "TÜRKİYE" lowers to "türki\u0307ye" and a
			// decomposed "Türkiye" carries U+0308; neither should split the word.
			return -1
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' || r == '\'' || r == 'ʻ' {
			return r
		}
		return ' '
	}, s)
	fields := strings.Fields(s)
	out := fields[:0]
	for i, f := range fields {
		if (f == "the" && i == 0) || (f == "side" && i == len(fields)-1) || (f == "republic" && i == 0) || (f == "of" && i == 1) {
			continue
		}
		out = append(out, f)
	}
	return strings.Join(out, " ")
}

package storage

import (
	"strings"
	"sync"
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

// ParseParty reads what a user types for a Party, in any of the bot's
// languages and any case (folded the Turkish way, see Fold): a code ("TR"), a
// name ("Türkiye", "Turkey", "Турция", "Törökország"), an adjective or the
// minutes' "Turkish side" ("Türk tarafı", "Турецкая сторона", "a török fél").
// ok is false when nothing matches.
func ParseParty(s string) (Party, bool) {
	key := partyKey(s)
	if key == "" {
		return "", false
	}
	p, ok := partyIndex()[key]
	return p, ok
}

// partyKey folds case and accents (FoldLoose) and strips punctuation, the
// articles and the words for "side" and "republic" of every language, so
// that "the Turkish side", "turkish", "TURKISH SIDE" and "Türk tarafı"
// reduce to one adjective.
func partyKey(s string) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' {
			return r
		}
		return ' '
	}, FoldLoose(strings.TrimSpace(s)))
	fields := strings.Fields(s)
	out := fields[:0]
	for i, f := range fields {
		if partyFiller[f] || (i == 0 && len(fields) > 1 && leadingArticle[f]) {
			continue
		}
		out = append(out, f)
	}
	return strings.Join(out, " ")
}

// leadingArticle are words dropped only before another word: Hungarian
// "a"/"az" ("a török fél"), since "AZ" alone is Azerbaijan's code.
var leadingArticle = map[string]bool{"a": true, "az": true}

// partyFiller are the words around a Party's name that do not tell which
// Party it is, already folded: "the", "side", "republic of" in English and
// their like in Russian, Turkish, Azerbaijani, Kazakh, Kyrgyz, Uzbek (both
// scripts) and Hungarian.
var partyFiller = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		"the", "of", "side", "republic", // English
		"сторона", "стороны", "республика", // Russian
		"tarafı", "taraf", "cumhuriyeti", // Turkish
		"tərəfi", "tərəf", "respublikası", // Azerbaijani
		"тарапы", "тарап", "республикасы", // Kazakh
		"тарабы",                                                             // Kyrgyz (республикасы as Kazakh)
		"tomoni", "tomon", "respublikasi", "томони", "томон", "республикаси", // Uzbek
		"fél", "köztársaság", // Hungarian
	} {
		m[FoldLoose(w)] = true
	}
	return m
}()

var (
	indexOnce sync.Once
	index     map[string]Party
)

// partyIndex maps every folded name, adjective and code to its Party.
func partyIndex() map[string]Party {
	indexOnce.Do(func() {
		index = map[string]Party{}
		for _, info := range parties {
			for _, n := range append([]string{string(info.Code), info.Name, info.Side}, append(info.aliases, partyNames[info.Code]...)...) {
				if k := partyKey(n); k != "" {
					index[k] = info.Code
				}
			}
		}
	})
	return index
}

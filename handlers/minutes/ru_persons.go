package minutes

import (
	"regexp"
	"strings"
	"unicode"
)

// A Russian decision often charges an official by title and name: the
// title and its body in the dative, then the surname and initials
// ("Руководителю экспертной группы по ... Лихачеву А.Е. в срок до 3 марта
// направить ..."). The one who must act is the person, as the minutes'
// list of tasks names him. And a charge to the generic bodies of the
// Parties ("соответствующим министерствам и ведомствам Сторон",
// "компетентным органам государств-членов") is the Parties' task.

// ruDativePersonRe is a surname in the dative with its initials:
// "Лихачеву А.Е.", "Петровой И.В.". (Initials first, "А.Е. Лихачеву", are
// split from the name by the sentence reader.)
var ruDativePersonRe = regexp.MustCompile(`(?:^|[\s,])(\p{Lu}\p{Ll}+(?:у|ю|ой))\s+(\p{Lu}\.\s?\p{Lu}\.)(?:[\s,]|$)`)

// ruDativePerson finds the official a sentence opens with: a dative
// person before the sentence's first verb, in a phrase no preposition
// opens ("По предложению Петровой И.В. ..." names who proposed). It
// returns the person in the nominative and where the name ends.
func ruDativePerson(s string, masked []byte) (string, int, bool) {
	f := strings.Fields(s)
	if len(f) == 0 || ruObjectPreps[strings.ToLower(f[0])] || strings.EqualFold(f[0], "до") {
		return "", 0, false
	}
	m := ruDativePersonRe.FindStringSubmatchIndex(s)
	if m == nil || m[0] > 300 || ruVerbBefore(masked[:m[0]]) {
		return "", 0, false
	}
	surname, initials, end := s[m[2]:m[3]], s[m[4]:m[5]], m[5]
	if !ruVerbBefore(masked[end:]) {
		return "", 0, false // no task follows: a mention, not a charge
	}
	return ruReplaceEnding(surname, ruSurnameEndings) + " " + strings.ReplaceAll(initials, " ", ""), end, true
}

// ruPossessorRe ends a charged phrase with the Parties or the member
// states as the owners of generic bodies: "министерствам и ведомствам
// Сторон", "компетентным органам государств – членов".
var ruPossessorRe = regexp.MustCompile(`(?:^|\s)(Сторон|государств\s*[-–—]?\s*членов)$`)

// ruGenericBodyRe opens a charged phrase that names no body, only the
// Parties' own ("соответствующим министерствам", "компетентным органам",
// "уполномоченным ведомствам"); "таможенным службам Сторон" names the
// customs services and stays as written.
var ruGenericBodyRe = regexp.MustCompile(`^(?:соответствующ|компетентн|уполномоченн|заинтересованн|профильн|национальн)\p{L}*\s`)

// ruPartiesBodies names the Parties (or the member states) for a charged
// phrase of generic bodies they own: a word of relevance opens it and no
// capital names a body ("соответствующим министерствам и ведомствам
// Сторон", not "Министерству финансов").
func ruPartiesBodies(np string) (string, bool) {
	m := ruPossessorRe.FindStringSubmatch(np)
	if m == nil || !ruGenericBodyRe.MatchString(np) || strings.IndexFunc(np[:len(np)-len(m[0])], unicode.IsUpper) >= 0 {
		return "", false
	}
	if m[1] == "Сторон" {
		return "the Parties", true
	}
	return "the Member States", true
}

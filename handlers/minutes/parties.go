package minutes

import (
	"regexp"
	"strings"
	"unicode"
)

// partyPat lists the responsible-party phrases minutes use. Longer phrases
// come before the short ones they contain ("the Parties hosting the
// activities" before "the Parties") because alternation is leftmost-first.
var partyRe = regexp.MustCompile(`\b(?:` +
	`(?P<hosting>(?i:the\s+)?(?i:parties)\s+(?i:hosting|organi[sz]ing)\s+(?i:the\s+)?(?i:following\s+)?(?i:activities|events))` +
	`|(?P<custadm>(?i:the\s+)?(?i:customs\s+administrations)\s+(?i:of\s+(?:the\s+)?member\s+states))` +
	`|(?P<sides>(?:(?i:the)\s+)?\p{Lu}\p{L}+(?:\s*,\s*(?:(?i:the)\s+)?\p{Lu}\p{L}+)*(?:\s+(?i:and)\s+(?:(?i:the)\s+)?\p{Lu}\p{L}+)?\s+(?i:sides?|delegations?))` +
	`|(?P<allparties>(?i:all\s+(?:the\s+)?parties))` +
	`|(?P<each>(?i:each\s+(?:party|member\s+state|member|delegation)))` +
	`|(?P<parties>(?i:the\s+)?(?i:contracting\s+)?(?i:parties))` +
	`)\b`)

// partyRe2 continues partyRe: the two are tried in turn at each word, and
// each stays small enough for Go's fast backtracking matcher (at most 500
// instructions), which a single pattern was not.
var partyRe2 = regexp.MustCompile(`\b(?:` +
	`(?P<secretariat>(?i:the\s+)?(?:OTS\s+|WTO\s+|WCO\s+|(?i:technical\s+))?(?i:secretariat))` +
	`|(?P<memberstates>(?i:the\s+|all\s+)?(?i:member\s+states))` +
	`|(?P<members>(?i:the\s+|all\s+)?Members)` +
	`|(?P<body>(?i:the\s+)?(?:Working\s+Group|Committee|Sub-?[Cc]ommittee|Task\s+Force|Bureau|Chair(?:person|man)?)|(?i:the)\s+(?:committee|working\s+group))` +
	`|(?P<delegations>(?i:the\s+|all\s+)?(?i:delegations))` +
	`|(?P<observers>(?i:the\s+|all\s+)?(?i:observers|observer\s+states))` +
	`|(?P<person>(?:Mr|Mrs|Ms|Dr|Prof|H\.E)\.?\s+\p{Lu}[\p{L}'-]*(?:\s+\p{Lu}[\p{L}'-]*){0,2})` +
	`|(?P<self>I|[Ww]e)` + // the note-taker or the team: "I'll do my changes by EOB Tuesday", "we will delete the data by ..."
	`)\b`)

// partyMatch is one party phrase found in a sentence.
type partyMatch struct {
	start, end int
	names      []string // canonical names; two for "Azerbaijani and Uzbek sides"
}

// findParties returns the party phrases in s in order.
func findParties(s string) []partyMatch {
	var out []partyMatch
	for p := 0; p < len(s); p++ {
		if !wordStart(s, p) || !partyFirst(s, p) {
			continue
		}
		in := s[p:min(len(s), p+maxPhrase)]
		for _, re := range []*regexp.Regexp{partyRe, partyRe2} {
			m := anchored(re).FindStringSubmatchIndex(in)
			if m == nil {
				continue
			}
			groups := re.SubexpNames()
			for g := 1; g < len(groups); g++ {
				if m[2*g] < 0 {
					continue
				}
				if groups[g] == "self" && in[m[2*g]:m[2*g+1]] == "I" && romanI(s, p) {
					break // "Annex I will be updated", "Phase I shall end"
				}
				if names := canonicalParty(groups[g], in[m[2*g]:m[2*g+1]]); len(names) > 0 {
					if pm, ok := qualifiedParties(s, partyMatch{start: p + m[0], end: p + m[1], names: names}, groups[g]); ok {
						out = append(out, pm)
					}
				}
				break
			}
			p += m[1] - 1
			break
		}
	}
	return out
}

// romanI tells an "I" at p that numbers what precedes it ("Annex I",
// "Part I"): the word before it is capitalised and not a sentence's end.
func romanI(s string, p int) bool {
	before := strings.TrimRight(s[:p], " ")
	w := before[strings.LastIndexAny(before, " (")+1:]
	return w != "" && unicode.IsUpper(firstRune(w)) && !strings.ContainsAny(w, ".:;!?")
}

// partyStarts are the lower-case words a party phrase can begin with,
// besides a capitalised word before "side(s)".
var partyStarts = map[string]bool{
	"the": true, "all": true, "each": true, "customs": true, "contracting": true, "parties": true,
	"secretariat": true, "ots": true, "wto": true, "wco": true, "technical": true, "member": true, "members": true,
	"working": true, "committee": true, "sub-committee": true, "subcommittee": true, "task": true, "bureau": true,
	"chair": true, "chairman": true, "chairperson": true, "delegations": true, "observers": true, "observer": true,
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "h": true, "i": true, "we": true,
}

// partyFirst tells a word that may begin a party phrase: one of
// partyStarts, or a capitalised word with "side" soon after it ("Turkish
// side", "Azerbaijani and Uzbek sides").
func partyFirst(s string, p int) bool {
	w := wordAt(s, p)
	if i := strings.IndexAny(w, ".,"); i > 0 {
		w = w[:i]
	}
	if w == "the" {
		n := wordAt(s, nextWord(s, p))
		return partyStarts[strings.TrimRight(n, ".,")] || unicode.IsUpper(firstRune(s[nextWord(s, p):]))
	}
	if partyStarts[w] {
		return true
	}
	if r := firstRune(s[p:]); !unicode.IsUpper(r) {
		return false
	}
	// Only capitalised names, commas, "and" and "the" may stand between the
	// word and "side(s)": "Azerbaijani, Kazakh and Uzbek sides".
	var buf [16]token
	near := s[p:min(len(s), p+maxPhrase)]
	for _, t := range tokens(near, buf[:0])[1:] {
		switch w := t.lower(); {
		case w == "side" || w == "sides" || w == "delegation" || w == "delegations":
			return true
		case w == "," || w == "and" || w == "the" || unicode.IsUpper(firstRune(t.word)):
		default:
			return false
		}
	}
	return false
}

// notSide lists capitalised words that can precede "side" without naming
// a delegation ("The other side", "One side").
var notSide = map[string]bool{"the": true, "other": true, "one": true, "each": true, "either": true, "both": true, "this": true, "that": true, "same": true, "all": true}

// A delegation named by its country is that country's side: "Hungarian
// delegation" is reported as "Hungarian side".

// canonicalParty gives the party names as they should be reported. The
// spelling is normalised so that "The Uzbek side" and "Uzbek side", or "the
// OTS Secretariat" and "Secretariat", merge as one party.
func canonicalParty(group, raw string) []string {
	switch group {
	case "hosting":
		return []string{"The Parties hosting the activities"}
	case "custadm":
		return []string{"Customs Administrations of the Member States"}
	case "allparties":
		return []string{"all Parties"}
	case "each":
		f := strings.Fields(raw)
		return []string{"each " + titleWords(f[1:])}
	case "parties":
		return []string{"the Parties"}
	case "secretariat":
		return []string{"the Secretariat"}
	case "memberstates":
		return []string{"the Member States"}
	case "members":
		return []string{"the Members"}
	case "delegations":
		return []string{"the delegations"}
	case "observers":
		return []string{"observers"}
	case "person":
		return []string{normSpace(raw)}
	case "self":
		if raw == "We" {
			return []string{"we"}
		}
		return []string{raw}
	case "body":
		f := strings.Fields(raw)
		if strings.EqualFold(f[0], "the") {
			f = f[1:]
		}
		for i, w := range f {
			f[i] = strings.ToUpper(w[:1]) + w[1:] // "the committee" of the minutes is their Committee
		}
		return []string{"the " + strings.Join(f, " ")}
	case "sides":
		var names []string
		for _, w := range strings.FieldsFunc(raw, func(r rune) bool { return r == ' ' || r == ',' }) {
			lw := strings.ToLower(w)
			if lw == "and" || lw == "the" || lw == "side" || lw == "sides" || lw == "delegation" || lw == "delegations" {
				continue
			}
			if notSide[lw] {
				if strings.HasSuffix(strings.ToLower(raw), "delegations") {
					return canonicalParty("delegations", raw) // "All delegations"
				}
				return nil
			}
			names = append(names, w+" side")
		}
		return names
	}
	return nil
}

func titleWords(f []string) string {
	for i, w := range f {
		if w != "" {
			f[i] = strings.ToUpper(w[:1]) + strings.ToLower(w[1:])
		}
	}
	return strings.Join(f, " ")
}

// objectWords are words that, right before a party, make it an object or a
// complement rather than the subject: "proposal of Hungarian side to host",
// "to be hosted by Turkish side", "submit to the Secretariat".
var objectWords = map[string]bool{
	"of": true, "by": true, "with": true, "from": true, "to": true, "for": true, "on": true,
	"between": true, "among": true, "amongst": true, "at": true, "under": true, "about": true,
	"in": true, "via": true, "through": true, "thank": true, "thanked": true, "than": true,
	"welcomed": true, "appreciated": true, "congratulated": true, "commended": true,
}

// precedingWord returns the lower-cased word just before position i.
func precedingWord(s string, i int) string {
	w := strings.TrimRight(s[:i], " ")
	if k := strings.LastIndexAny(w, " ("); k >= 0 {
		w = w[k+1:]
	}
	return strings.ToLower(strings.Trim(w, ",;:“”\"'"))
}

// acronymInRe reads the inside of a bracket that defines initials: "(TC)",
// "(the "SC")".
var acronymInRe = regexp.MustCompile(`^\s*(?:the\s+)?"?(\p{Lu}{2,6})"?\s*\)`)

// definedAcronyms returns the initials a document defines, "Technical
// Committee (TC)" or "TC (Technical Committee)", which may then act as
// parties ("ACTION - The TC to inform the SC by September 2021"). Only the
// brackets are looked at, so the cost is small whatever the text.
func definedAcronyms(text string) map[string]bool {
	acr := map[string]bool{}
	for i, n := 0, 0; n < 2000; n++ {
		k := strings.IndexByte(text[i:], '(')
		if k < 0 {
			break
		}
		i += k + 1
		before := strings.TrimRight(text[max(0, i-1-40):i-1], " ")
		word := before[strings.LastIndexByte(before, ' ')+1:]
		if m := acronymInRe.FindStringSubmatch(text[i:min(len(text), i+20)]); m != nil {
			if word != "" && unicode.IsUpper(firstRune(word)) {
				acr[m[1]] = true // Technical Committee (TC)
			}
			continue
		}
		after := strings.TrimPrefix(text[i:min(len(text), i+8)], "the ")
		if isInitials(word) && len(after) > 1 && unicode.IsUpper(firstRune(after)) && unicode.IsLower(firstRune(after[1:])) {
			acr[word] = true // TC (Technical Committee)
		}
	}
	for a := range notAcronym {
		delete(acr, a)
	}
	return acr
}

// isInitials reports whether w is two to six capital letters.
func isInitials(w string) bool {
	if len(w) < 2 || len(w) > 6 {
		return false
	}
	for _, c := range []byte(w) {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// notAcronym are capitalised words that look like initials but never act.
var notAcronym = map[string]bool{"NO": true, "OR": true, "AND": true, "THE": true, "PDF": true, "URL": true, "ANNEX": true}

var acronymRe = regexp.MustCompile(`\b(?:[Tt]he\s+)?(\p{Lu}{2,6})\b`)

// findAcronyms returns the defined initials used in s as party phrases.
func findAcronyms(s string, acr map[string]bool) []partyMatch {
	if len(acr) == 0 {
		return nil
	}
	var out []partyMatch
	for _, m := range acronymRe.FindAllStringSubmatchIndex(s, 50) {
		if a := s[m[2]:m[3]]; acr[a] {
			out = append(out, partyMatch{start: m[0], end: m[1], names: []string{"the " + a}})
		}
	}
	return out
}

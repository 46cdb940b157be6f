package minutes

import (
	"regexp"
	"strings"
)

// English rules of issue 14's fifth pass, mended on the calls for comments
// and submissions of a convention secretariat and a team's own notes:
// parties qualified or negated as written, invitations with "may", and
// deadlines that name no one, whose addressees an earlier sentence names.
// The sentence tests are in en_addressees_test.go.

// qualifiedParties keeps a party phrase as it is written when a word
// joined to it changes who is meant. "UNEP parties" are the parties of
// another body, not the Working Group's Parties; "Non-parties" are their
// opposite and must never be read as them. Other hyphenated compounds
// ("third-parties", "counter-parties") name no Party at all.
func qualifiedParties(s string, pm partyMatch, group string) (partyMatch, bool) {
	if group != "parties" || pm.start == 0 || strings.HasPrefix(strings.ToLower(s[pm.start:pm.end]), "the ") {
		return pm, true
	}
	before := s[:pm.start]
	if strings.HasSuffix(before, "-") {
		w := trailingWord(before[:len(before)-1])
		if !strings.EqualFold(w, "non") {
			return pm, false
		}
		pm.start -= len(w) + 1
		pm.names = []string{s[pm.start:pm.end]}
		return pm, true
	}
	if !strings.HasSuffix(before, " ") {
		return pm, true
	}
	w := trailingWord(before[:len(before)-1])
	if isInitials(w) && !notAcronym[w] && !notActor[w] {
		pm.start -= len(w) + 1
		pm.names = []string{normSpace(s[pm.start:pm.end])}
	}
	return pm, true
}

// trailingWord is the run of letters that ends s.
func trailingWord(s string) string {
	i := len(s)
	for i > 0 && (isDigitOrLetter(s[i-1]) || s[i-1] >= 0x80) {
		i--
	}
	return s[i:]
}

// permissiveRe is the "may" of an invitation between a party and its verb:
// "Parties and stakeholders may submit comments ... by 28 June 2021".
var permissiveRe = regexp.MustCompile(`(?i)(?:^|\s)may(?:\s|$)`)

// permittedOnly tells a date that a "may" does not make a deadline: a
// permission lasts "until" a date ("Parties may use the old form until 31
// December 2024"), and only a date to act by is an invitation's deadline.
func permittedOnly(c commitment, d dateMatch) bool {
	if !c.permissive {
		return false
	}
	if d.kind != prepStrong {
		return true
	}
	switch strings.ToLower(normSpace(d.prep)) {
	case "until", "till", "through", "up to", "to":
		return true
	}
	return false
}

// inviteeRe finds a sentence that asks its readers to act: "UNEP parties
// and stakeholders are invited to submit", "Parties may submit", "The
// Secretariat invites Parties to provide".
var inviteeRe = regexp.MustCompile(`(?i)\b(?:are|is)\s+(?:kindly\s+|also\s+|hereby\s+|further\s+)?(?:invited|requested|encouraged|urged|asked|called\s+upon)\s+to\s|\bmay\s+(?:wish\s+to\s+)?\p{Ll}|\b(?:invites?|requests?|urges?|encourages?|calls\s+upon)\s+`)

// askedFromRe names those a body was asked to collect from: "to seek
// information from Governments and others in relation to ...", "invited
// submissions of views from Parties and observers".
var askedFromRe = regexp.MustCompile(`(?i)\b(?:seek|seeking|sought|solicit|soliciting|collect|gather|invite|invited|inviting|request|requested)\s+(?:[\p{L}-]+\s+){0,6}?from\s+`)

// collectVerbs are what a body does to gather what others submit.
var collectVerbs = map[string]bool{"seek": true, "solicit": true, "collect": true, "gather": true, "invite": true, "request": true, "compile": true}

// askedFromStop ends the list of those asked: a preposition, a clause.
var askedFromStop = map[string]bool{"in": true, "on": true, "of": true, "for": true, "by": true, "to": true, "regarding": true, "concerning": true, "with": true, "until": true, "before": true, "about": true, "at": true, "that": true, "which": true, "who": true}

// addressees are whom the document asks to act, read from the sentences
// before the one that names no one ("Kindly send your comments by ...",
// "The deadline for the submission of this information is ..."). The
// readers invited outright, last first, come first; then those a body was
// asked to collect from; then the addressee its heading names. They are
// read only when such a sentence is met, so that other documents pay
// nothing for them.
func (ctx docContext) addressees() []string {
	earlier := ctx.earlier[max(0, len(ctx.earlier)-maxAddresseeScan):]
	for i := len(earlier) - 1; i >= 0; i-- {
		if who := invitees(earlier[i].text, ctx.acronyms); who != nil {
			return who
		}
	}
	for _, sn := range earlier {
		if m := askedFromRe.FindStringIndex(sn.text); m != nil {
			if who := askedFromList(sn.text[m[1]:]); who != nil {
				return who
			}
		}
	}
	if ctx.addressee != "" {
		return []string{ctx.addressee}
	}
	return nil
}

// maxAddresseeScan bounds how many sentences back the addressees are
// looked for, so that a document of many such orders stays linear.
const maxAddresseeScan = 200

// invitees are whom an English sentence invites to act, or nil.
func invitees(s string, acr map[string]bool) []string {
	if language(s) != "en" || !inviteeRe.MatchString(s) {
		return nil
	}
	// "requests the Secretariat to seek information from ...": the
	// Secretariat collects; those it asks are the ones who submit.
	if cms := findCommitments(s, acr); len(cms) > 0 && !collectVerbs[cms[0].verb] {
		return cms[0].parties
	}
	return nil
}

// askedFromList reads "Governments and others in relation to ..." as
// ["Governments", "others"]: at most four names of up to three words,
// each named as the party reader names it, else as written.
func askedFromList(in string) []string {
	var buf [16]token
	var names []string
	var cur []string
	flush := func() {
		if len(cur) > 0 && len(cur) <= 3 {
			n := strings.Join(cur, " ")
			if ps := findParties(n); len(ps) == 1 && ps[0].start == 0 && ps[0].end == len(n) {
				n = ps[0].names[0]
			}
			names = append(names, n)
		}
		cur = nil
	}
	for _, t := range tokens(in, buf[:0]) {
		w := t.lower()
		if w == "." || askedFromStop[w] || len(names) == 4 {
			break
		}
		if w == "," || w == "and" || w == "or" {
			flush()
			continue
		}
		cur = append(cur, t.word)
	}
	flush()
	return names
}

// pleaseRe is an order to the reader: "Please submit your contribution ...",
// "Kindly send your comments ...".
var pleaseRe = regexp.MustCompile(`^(?i:please|kindly)\s+((?:send|submit|provide|return|forward|communicate|transmit|share|upload|complete)\b)`)

// deadlineIsRe is a sentence that states a deadline as a noun and names no
// one: "The deadline for the submission of this information is Friday, 9
// December 2016", "... has now been extended to Sunday, 30 October 2016".
var deadlineIsRe = regexp.MustCompile(`(?i)^(?:the\s+)?(?:new\s+|revised\s+|final\s+)?deadline\s+for\s+(?P<task>(?:the\s+)?(?:submission|receipt|sending|comments|inputs?|responses|replies|nominations|contributions|views|information|proposals|registration)\b[^.;]{0,80}?)\s+(?:is|will\s+be|remains|is\s+now|has\s+(?:now\s+)?been\s+(?:extended|changed|moved|postponed)\s+to)\s+(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?$`)

// deadlineIsDue makes the date right after such a phrase a deadline.
func deadlineIsDue(s string, dates []dateMatch) {
	if !strings.Contains(s, "eadline") {
		return
	}
	for i, d := range dates {
		if d.kind == prepNone && d.ok && deadlineIsRe.MatchString(s[:d.start]) {
			dates[i].kind = prepStrong
		}
	}
}

// addresseeItem reads a deadline that names no one, an order to the reader
// or a deadline stated as a noun, as the task of the document's addressees.
func addresseeItem(s string, d dateMatch, ctx docContext) (Item, bool) {
	if d.kind != prepStrong || !d.ok {
		return Item{}, false
	}
	var task string
	if m := pleaseRe.FindStringSubmatchIndex(s); m != nil && m[1] < d.pstart {
		task = s[m[2]:d.pstart]
	} else if m := deadlineIsRe.FindStringSubmatch(s[:d.start]); m != nil {
		task = m[1]
	} else {
		return Item{}, false
	}
	who := ctx.addressees()
	if who == nil {
		return Item{}, false
	}
	return Item{
		Parties:      append([]string(nil), who...),
		Deadline:     isoDate(d.date),
		Precision:    d.prec,
		DeadlineText: d.deadlineText(s),
		Text:         strings.TrimRight(normSpace(task), " ,"),
		Quote:        strings.TrimSpace(s),
	}, true
}

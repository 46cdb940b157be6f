package minutes

import (
	"regexp"
	"slices"
	"strings"
)

// English rules of issue 14's fourth pass: bodies named in full, times of
// day on a named day, and actions marked done. Each reads other bodies'
// minutes worded differently; the sentence tests are in rules_test.go and
// en_phrasings_test.go.

// clockPat is a time of day as minutes write it in a deadline: "5 pm",
// "17:00", "6:00 PM Central Time", "12.00 hrs (Geneva time)", "noon".
const clockPat = `(?:\d{1,2}[:.]\d{2}(?:\s*(?:[aApP]\.?\s?[mM]\.?|hrs|hours|h))?|\d{1,2}\s*(?:[aApP]\.?\s?[mM]\.?|hrs|hours)|noon|midday|midnight)` +
	`(?:\s+(?:\p{Lu}\p{L}+\s+)?(?:[Tt]ime|CET|CEST|UTC|GMT|EST|EDT|PST|PDT|CST|CDT|MSK|TRT))?(?:\s*\([^()]{1,30}\))?`

// clockThenOnRe is a strong preposition and a time of day just before the
// "on" of a date: "by 5 pm on Friday 12 April". The date is the deadline.
var clockThenOnRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(by|before|until|till|no\s+later\s+than|not\s+later\s+than)\s+` + clockPat + `\s*,?\s*$`)

// clockPrep reads the strong preposition before the time of day that
// precedes the "on" (or "at") at position at of s; ok is false when there
// is none, and the "on" then keeps the date from being a deadline.
func clockPrep(s string, at int) (int, string, bool) {
	lo := max(0, at-64)
	m := clockThenOnRe.FindStringSubmatchIndex(s[lo:at])
	if m == nil {
		return 0, "", false
	}
	return lo + m[2], s[lo+m[2] : lo+m[3]], true
}

// clockDeadlineRe is a time-of-day deadline standing apart from its day:
// "Attendees arriving on Sunday must pick up their badges before 6:00 PM".
var clockDeadlineRe = regexp.MustCompile(`(?i)\b(by|before|until|no\s+later\s+than|not\s+later\s+than)\s+` + clockPat)

// clockDayDates turns a time-of-day deadline into a dated one when the
// sentence names, before the time, a day with "on" (a weekday counted from
// the meeting, or a date): the day the time falls on. The new date stands at
// the time phrase, where the deadline is stated, so that the verb before
// it governs it.
func clockDayDates(s string, dates []dateMatch) []dateMatch {
	if !strings.ContainsAny(s, "0123456789") && !strings.Contains(strings.ToLower(s), "noon") {
		return nil
	}
	m := clockDeadlineRe.FindStringSubmatchIndex(s)
	if m == nil {
		return nil
	}
	var day *dateMatch
	for i := range dates {
		d := &dates[i]
		if d.kind == prepStrong {
			return nil // the sentence has its own deadline
		}
		// The day named last before the time is the one it falls on; a day
		// after it belongs to another clause ("to avoid lines on Monday").
		if d.ok && d.prec == PrecisionDay && d.end <= m[0] && strings.EqualFold(strings.TrimSpace(d.prep), "on") && (day == nil || d.end > day.end) {
			day = d
		}
	}
	if day == nil {
		return nil
	}
	return []dateMatch{{
		start: m[2], end: m[1], pstart: m[2], prep: s[m[2]:m[3]], kind: prepStrong,
		date: day.date, prec: PrecisionDay, ok: true,
		text: normSpace(s[m[2]:m[1]]) + " (" + normSpace(s[day.pstart:day.end]) + ")",
	}}
}

// bodyHeads end the name of a body or an office that acts in minutes:
// "The Expert Group on Risk Management", "The Customs Legislation
// Department of the Commission", "the editors".
const bodyHeads = `(?:Committee|Sub-?[Cc]ommittee|Group|Sub-?[Gg]roup|Department|Directorate|Division|Section|Unit|Office|Commission|Council|Board|Team|Agency|Service|Authority|Ministry|Administration|Panel|Network|Forum|Centre|Center|Institute|Force|Party|Presidency|Collegium|Assembly|Plenary|Registry|Rapporteurs?|Co-?[Cc]hairs|Chairs|Coordinators?|Convenors?|Facilitators?|Editors?|Liaisons?|Executive\s+Secretary|Secretary-General|Director(?:-General)?)`

// lowerHeads are the offices written in lower case after "the": "the
// editors will publish ...", "the co-chairs to issue ...".
const lowerHeads = `(?:editors?|authors?|co-?chairs|chairs|rapporteurs?|convenors?|facilitators?|coordinators?|document\s+shepherd|secretary|organi[sz]ers|moderators?)`

// bodyRe reads such a name where a clause begins: at the start of the
// sentence, after a label ("Action:", "**Follow-up:**") or a decision's
// "that". A qualifier with "on" or "for" stays in the name; "of the X" is
// added by the commitment reader as for any party.
var bodyRe = regexp.MustCompile(`^(?:\*\*[^*]{1,80}:\*\*\s*|[\p{L} ]{1,30}:\s+|.{0,200}?\bthat\s+)?((?:[Tt]he\s+)(?:(?:\p{Lu}[\p{L}'-]*|and|of|on|for)\s+){0,6}?` + bodyHeads +
	`(?:\s+(?:on|for)\s+(?:the\s+)?\p{Lu}[\p{L}-]*(?:\s+(?:and\s+|of\s+|the\s+)?\p{Lu}[\p{L}-]*){0,5})?|[Tt]he\s+` + lowerHeads + `)\b`)

// findBodies returns the named body that begins a clause of s, when it is
// more than a party phrase already found inside it ("The Customs Committee"
// is not "the Committee"); found loses the phrases it covers.
func findBodies(s string, found []partyMatch) ([]partyMatch, []partyMatch) {
	if !strings.Contains(s, "he ") {
		return nil, found
	}
	m := bodyRe.FindStringSubmatchIndex(s)
	if m == nil {
		return nil, found
	}
	b := partyMatch{start: m[2], end: m[3], names: []string{"the " + normSpace(s[m[2]+4:m[3]])}}
	for _, q := range found {
		if q.start <= b.start && b.end <= q.end {
			return nil, found // a party phrase as long: "the Working Group", "The OTS Secretariat"
		}
	}
	inside := func(q partyMatch) bool { return b.start <= q.start && q.end <= b.end }
	return []partyMatch{b}, slices.DeleteFunc(found, inside)
}

// doneMarkRe is an action marked as already done in its own line: "(done)",
// "[DONE]", "- [x]", "Status: completed", "– completed".
var doneMarkRe = regexp.MustCompile(`(?i)[(\[]\s*(?:done|completed|closed|finished|x)\s*[)\]]|\bstatus\s*:\s*(?:done|completed?|closed|finished|resolved)\b|\s[–—-]\s*(?:done|completed|closed)\s*\.?\s*$|\bDONE\b`)

// statusDoneRe is a line that only gives the status of the action before
// it: "Status: completed.", "Done."
var statusDoneRe = regexp.MustCompile(`(?i)^\s*(?:status\s*:\s*)?(?:done|completed?|closed|finished|resolved)\s*\.?\s*$`)

// markedDone tells an action line that says it is done, or is followed by
// a line that says so: nobody has to do it any more.
func markedDone(s, next string) bool {
	return doneMarkRe.MatchString(s) || statusDoneRe.MatchString(next)
}

// ownerTaskRe is an owner field that holds the whole action, "Secretariat
// to circulate the draft": it is read as a commitment, whose party is then
// named as the Working Group's Parties are.
var ownerTaskRe = regexp.MustCompile(`\s(?:to|will|shall)\s+\p{Ll}`)

// nextText is the text of the sentence after i, or "".
func nextText(sents []sentence, i int) string {
	if i+1 < len(sents) {
		return sents[i+1].text
	}
	return ""
}

// meetingHostedRe is a meeting or session of the body itself as the thing
// hosted: "The next meeting will be hosted by Kazakh side in March 2024"
// sets a meeting's date, not a host's deadline.
var meetingHostedRe = regexp.MustCompile(`(?i)\b(?:next|following|subsequent|\d+(?:st|nd|rd|th)|first|second|third|\p{L}+th)\s+(?:meeting|session)\b`)

// participleWords may open the phrase that qualifies a party before its
// modal: "Parties wishing to host ...", "Attendees arriving on Sunday ...",
// "Member States interested in the pilot ...".
var participleWords = map[string]bool{"interested": true, "concerned": true, "involved": true, "willing": true, "able": true, "present": true, "responsible": true}

// maxParticipleWords bounds that phrase.
const maxParticipleWords = 10

// participleTail finds the commitment verb after such a phrase: the first
// modal within a few words, no sentence mark or comma on the way.
func participleTail(in string) (vs, ve int, ok bool) {
	var buf [maxParticipleWords + 8]token
	ts := tokens(in, buf[:0])
	if len(ts) < 3 {
		return 0, 0, false
	}
	w := ts[0].word
	if w != strings.ToLower(w) || !(strings.HasSuffix(w, "ing") && len(w) > 5 && w != "during" && w != "including") && !participleWords[w] {
		return 0, 0, false
	}
	for k := 1; k < len(ts) && k <= maxParticipleWords; k++ {
		if ts[k].word == "." || ts[k].word == "," {
			return 0, 0, false
		}
		if lw := ts[k].lower(); modals[lw] || beWords[lw] {
			if v, ok := modalAt(in, ts, k); ok {
				return v.start, v.end, true
			}
			return 0, 0, false
		}
	}
	return 0, 0, false
}

// qualifiedGroupRe is a group of members named with what sets it apart, as
// an action's label gives it: "OSS Minneapolis Attendees", "Summit
// Participants", "Project Experts".
var qualifiedGroupRe = regexp.MustCompile(`^(?:\p{Lu}[\p{L}-]*\s+){1,3}(?:[Mm]embers|[Aa]ttendees|[Pp]articipants|[Dd]elegates|[Ee]xperts)$`)

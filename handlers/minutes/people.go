package minutes

import (
	"regexp"
	"strings"
)

// Governance minutes name people and groups of members, not Parties:
// "Terence to ensure members are informed ... by September 27th",
// "Terence, Olivier, and Bernard will compile the report by mid-August",
// "Committee members will review the materials ... by Monday". Such a
// subject is read only where a clause begins (the start of a sentence, a
// cell or a list item, or after a bold label "**Follow-up:**"), and only
// when a commitment's modal and verb follow, so that a capitalised word in
// running text never becomes a party.

// personName is one to three capitalised words ("Terence", "Christian
// Taylor", "Terence ‘Tex’ McCutcheon" is not read: nicknames are rare).
const personName = `\p{Lu}[\p{Ll}’'-]+(?:\s+(?:\p{Lu}\.|\p{Lu}[\p{Ll}’'-]+)){0,2}`

// memberGroup is a group of the meeting's own members.
const memberGroup = `(?:[Aa]ll\s+)?(?:(?:[Cc]ommittee|[Bb]oard|[Tt]eam|[Ww]orking\s+[Gg]roup|[Cc]ouncil|TSC|OSC)\s+)?(?:[Mm]embers|[Aa]ttendees|[Pp]articipants)`

var peopleRe = regexp.MustCompile(`^(?:\*\*[^*]{1,80}:\*\*\s*|[^:]{1,60}:\s+)?(` + memberGroup + `|` + personName + `(?:\s*,\s*` + personName + `){0,4}(?:,?\s+(?:and|&)\s+` + personName + `)?)\b`)

// notPeople are capitalised words that begin clauses without naming anyone.
var notPeople = map[string]bool{
	"The": true, "A": true, "An": true, "This": true, "That": true, "These": true, "Those": true, "It": true, "We": true, "They": true,
	"There": true, "He": true, "She": true, "You": true, "Our": true, "Their": true, "His": true,
	"Her": true, "Its": true, "Everyone": true, "Everybody": true, "Nobody": true, "Someone": true,
	"Anyone": true, "All": true, "Each": true, "Some": true, "Many": true, "Most": true, "Few": true,
	"Both": true, "Work": true, "Progress": true, "Discussion": true, "Decision": true, "Action": true,
	"Actions": true, "Next": true, "Plan": true, "Plans": true, "Goal": true, "Target": true, "Time": true,
	"Funds": true, "Projects": true, "Security": true, "Documentation": true, "Meeting": true,
	"Committee": true, "Staff": true, "Who": true, "What": true, "When": true, "Where": true, "Why": true,
	"How": true, "If": true, "Once": true, "After": true, "Before": true, "Also": true, "Then": true,
	"Further": true, "Finally": true, "Please": true, "Note": true, "Status": true, "Update": true,
	"Updates": true, "Voting": true, "Elections": true, "Review": true, "Interviews": true, "Applications": true,
	"Candidates": true, "Results": true, "Payments": true, "Reports": true, "Report": true, "Everything": true,
	"Nothing": true, "Budget": true, "Program": true, "Programme": true, "Policy": true, "Draft": true,
	"Final": true, "Today": true, "Tomorrow": true, "Monday": true, "Tuesday": true, "Wednesday": true,
	"Thursday": true, "Friday": true, "Saturday": true, "Sunday": true, "January": true, "February": true,
	"March": true, "April": true, "May": true, "June": true, "July": true, "August": true,
	"September": true, "October": true, "November": true, "December": true, "Parties": true, "Party": true,
	"Secretariat": true, "Members": false, "Agreed": true, "Decided": true, "Terms": true, "Term": true,
}

var (
	groupRe   = regexp.MustCompile(`^` + memberGroup + `$`)
	nameSepRe = regexp.MustCompile(`\s*,\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+`)
)

// findPeople returns the people or member group that begin s.
func findPeople(s string) []partyMatch {
	m := peopleRe.FindStringSubmatchIndex(s)
	if m == nil {
		return nil
	}
	phrase := s[m[2]:m[3]]
	if groupRe.MatchString(phrase) {
		return []partyMatch{{start: m[2], end: m[3], names: []string{phrase}}}
	}
	var names []string
	for _, part := range nameSepRe.Split(phrase, -1) {
		if part == "" {
			continue
		}
		if first := strings.Fields(part)[0]; notPeople[first] || strings.ToUpper(first) == first {
			return nil // "This will ...", "The TC ..." (initials are read elsewhere)
		}
		names = append(names, part)
	}
	if len(names) == 0 {
		return nil
	}
	return []partyMatch{{start: m[2], end: m[3], names: names}}
}

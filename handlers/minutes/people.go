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
const personName = nameWord + `(?:\s+(?:\p{Lu}\.|` + nameWord + `)){0,2}`

// nameWord is a capitalised word, "McCutcheon" and "DiSarro" too.
const nameWord = `\p{Lu}[\p{Ll}’'-]+(?:\p{Lu}\p{Ll}+)?`

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
	"Secretariat": true, "Consensus": true, "Proposal": true, "Motion": true, "Request": true,
	"Need": true, "Intent": true, "Aim": true, "Objective": true, "Priority": true, "Deadline": true,
	"Option": true, "Recommendation": true, "Suggestion": true, "Invitation": true, "Agreed": true, "Decided": true, "Terms": true, "Term": true,
}

// nounRe tells a capitalised common noun from a name by its ending:
// "Agreement to hold ...", "Consolidation to follow".
var nounRe = regexp.MustCompile(`(?:ment|tion|sion|ness|ity|ship|ism|ing|ure|ance|ency)$`)

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
		if first := strings.Fields(part)[0]; notPeople[first] || strings.ToUpper(first) == first || nounRe.MatchString(first) {
			return nil // "This will ...", "The TC ..." (initials are read elsewhere)
		}
		names = append(names, part)
	}
	if len(names) == 0 {
		return nil
	}
	return []partyMatch{{start: m[2], end: m[3], names: names}}
}

// imperativeVerbs begin action items written as orders, whose owner is
// named in a label before them ("**Committee Members:** Reach out to ...")
// or in brackets after them ("Publish the report by the end of the day
// (Terence McCutcheon).").
var imperativeVerbs = map[string]bool{
	"Reach": true, "Coordinate": true, "Complete": true, "Publish": true, "Distribute": true,
	"Submit": true, "Send": true, "Prepare": true, "Review": true, "Provide": true, "Share": true,
	"Draft": true, "Update": true, "Schedule": true, "Follow": true, "Finalize": true, "Finalise": true,
	"Circulate": true, "Present": true, "Confirm": true, "Organize": true, "Organise": true,
	"Compile": true, "Contact": true, "Write": true, "Create": true, "Ensure": true, "Inform": true,
	"Arrange": true, "Collect": true, "Identify": true, "Propose": true, "Develop": true, "Check": true,
	"Deliver": true, "Upload": true, "Post": true, "Notify": true, "Invite": true, "Approve": true,
	"Evaluate": true, "Draw": true, "Produce": true, "Translate": true, "Nominate": true, "Book": true,
}

var (
	ownerLabelRe   = regexp.MustCompile(`^(?:\*\*)?([^:*]{1,80}?)(?:\*\*)?:\s*(?:\*\*)?\s*(\p{Lu}\p{Ll}+)\b`)
	ownerBracketRe = regexp.MustCompile(`^(\p{Lu}\p{Ll}+)\b.*\(([^()]{2,120})\)\s*[.;]?\s*$`)
)

// imperativeOwner reads an order and the people a label or brackets name
// as its owners. Every name must be a person's or a member group's.
func imperativeOwner(s string) (commitment, bool) {
	if m := ownerLabelRe.FindStringSubmatchIndex(s); m != nil && imperativeVerbs[s[m[4]:m[5]]] {
		if names, ok := ownerNames(s[m[2]:m[3]]); ok {
			return commitment{parties: names, pstart: m[2], verbStart: m[4], verb: strings.ToLower(s[m[4]:m[5]])}, true
		}
	}
	if m := ownerBracketRe.FindStringSubmatchIndex(s); m != nil && imperativeVerbs[s[m[2]:m[3]]] {
		if names, ok := ownerNames(s[m[4]:m[5]]); ok {
			return commitment{parties: names, pstart: m[4], verbStart: m[2], verb: strings.ToLower(s[m[2]:m[3]])}, true
		}
	}
	return commitment{}, false
}

// ownerNames splits "Adam Dean, Christian Taylor" into names, or fails
// when a piece is not a name: "(see Annex 2)", "(M2.2, M2.3)".
func ownerNames(label string) ([]string, bool) {
	label = strings.TrimSpace(label)
	if groupRe.MatchString(label) || qualifiedGroupRe.MatchString(label) {
		return []string{label}, true
	}
	var names []string
	for _, part := range nameSepRe.Split(label, -1) {
		part = strings.TrimSpace(part)
		if !personRe.MatchString(part) || notPeople[strings.Fields(part)[0]] {
			return nil, false
		}
		names = append(names, part)
	}
	return names, len(names) > 0
}

var personRe = regexp.MustCompile(`^` + personName + `$`)

// labelOwnerRe is an action item's label naming its owners in brackets:
// "**Review Tooling Sustainability Applications (All Members):** The
// committee needs to ...".
var labelOwnerRe = regexp.MustCompile(`^(?:\*\*)?[^:()*]{1,80}\(([^()]{2,80})\)(?:\*\*)?:`)

// labelOwners returns the owners such a label names.
func labelOwners(s string) ([]string, bool) {
	m := labelOwnerRe.FindStringSubmatch(s)
	if m == nil {
		return nil, false
	}
	return ownerNames(m[1])
}

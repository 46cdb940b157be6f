package minutes

import (
	"regexp"
	"strings"
	"time"
)

// ownerSuffixRe is an action line whose owner closes it in brackets, as
// secretariats' call notes write them: "Provide input to public comment
// forum by 22 December (all)", "Circulate the draft by 5 May (Lise, Jonathan)".
// Only names (capitalised words) or "all"/"everyone" are owners: "(see
// annex)", "(tbc)" or "(14.00 UTC)" are remarks.
var ownerSuffixRe = regexp.MustCompile(`^(?P<task>.+?)\s*\((?P<own>(?i:all|everyone)|` + ownerName + `(?:\s*(?:,|/|&|\band\b)\s*` + ownerName + `)*)\)\s*\.?$`)

const ownerName = `\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’.-]*){0,2}`

var ownerSplitRe = regexp.MustCompile(`\s*(?:,|/|&|\band\b)\s*`)

// ownerSuffixItem reads such a line, s[at:] being the text after "Action
// item:", when its task has a resolved deadline ("by", "no later than"
// ...) not before the meeting: a meeting "on 30 December (all)" is
// attended, not delivered.
func ownerSuffixItem(s string, at int, dates []dateMatch, meeting time.Time) (Item, bool) {
	m := ownerSuffixRe.FindStringSubmatchIndex(s[at:])
	if m == nil {
		return Item{}, false
	}
	taskStart, taskEnd := at+m[2], at+m[3]
	for _, d := range dates {
		if !d.ok || d.kind != prepStrong || d.date.Before(meeting) || d.pstart < taskStart || d.end > taskEnd {
			continue
		}
		return Item{
			Parties:      ownerSplitRe.Split(s[at+m[4]:at+m[5]], -1),
			Deadline:     isoDate(d.date),
			Precision:    d.prec,
			DeadlineText: d.deadlineText(s),
			Text:         normSpace(strings.TrimRight(s[taskStart:d.pstart]+s[d.end:taskEnd], " .,;")),
			Quote:        strings.TrimSpace(s),
		}, true
	}
	return Item{}, false
}

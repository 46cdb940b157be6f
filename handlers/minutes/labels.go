package minutes

import (
	"regexp"
	"strings"
)

// An action list often gives each task on lines of its own: the task, then
// "Sorumlu: Türk tarafı" and "Termin: 30.04.2024" (or "Owner:" and "Due:",
// "Ответственный:" and "Срок:"), in either order, on one line or several.
var (
	entryOwnerRe = regexp.MustCompile(`(?i)(?:^|[\s.;|])(?:` + foldI("sorumlu", "sorumlusu", "sorumlu taraf", "sorumlu kurum", "sorumlu birim") + `|owners?|responsible|ответственн\p{L}*(?:\s+исполнител\p{L}*)?|исполнител\p{L}*)\s*:\s*`)
	entryDueRe   = regexp.MustCompile(`(?i)(?:^|[\s.;|])(?:` + foldI("termin", "son tarih", "bitiş tarihi", "teslim tarihi", "süre") + `|due(?:\s+date)?|deadline|срок\p{L}*(?:\s+(?:исполнения|выполнения))?)\s*:\s*`)
)

// labelledEntry reads an action entry whose owner and due date are labelled,
// from the sentence s and the two before it (prev, prev2), and returns it
// when s holds the last of the two labels, so that an entry gives one item.
func labelledEntry(prev2, prev, s string, ctx dateContext) (Item, bool) {
	if strings.IndexByte(s, ':') < 0 || !entryOwnerRe.MatchString(s) && !entryDueRe.MatchString(s) {
		return Item{}, false
	}
	for _, parts := range [][]string{{s}, {prev, s}, {prev2, prev, s}} {
		if parts[0] == "" {
			continue
		}
		text := strings.Join(parts, " ")
		o := entryOwnerRe.FindStringIndex(text)
		d := entryDueRe.FindStringIndex(text)
		if o == nil || d == nil {
			continue
		}
		owner := entryValue(text, o[1], d[0])
		due := entryValue(text, d[1], o[0])
		task := strings.Trim(text[:min(o[0], d[0])], " .;:-–—|")
		if task == "" && len(parts) < 3 {
			continue // the task is on a line before
		}
		if entryOwnerRe.MatchString(task) || entryDueRe.MatchString(task) {
			return Item{}, false // the line before is another entry's
		}
		owners := splitOwners(owner)
		if len(owners) == 0 {
			return Item{}, false
		}
		ds := findDates(due, ctx)
		ds = append(append(ds, mlDates(due, ctx)...), trDates(due, ctx)...)
		for _, dm := range ds {
			if !dm.ok || !ctx.meeting.IsZero() && dm.date.Before(ctx.meeting) {
				continue
			}
			return Item{
				Parties:      owners,
				Deadline:     isoDate(dm.date),
				Precision:    dm.prec,
				DeadlineText: normSpace(due[dm.start:dm.end]),
				Text:         normSpace(task),
				Quote:        strings.TrimSpace(text),
			}, true
		}
		return Item{}, false
	}
	return Item{}, false
}

// entryValue is the text of a label from start up to the next label (at
// stop, when after start) or the end, without trailing punctuation.
func entryValue(text string, start, stop int) string {
	end := len(text)
	if stop > start {
		end = stop
	}
	return strings.Trim(text[start:end], " .;|")
}

package minutes

import (
	"regexp"
	"strings"
)

// commitRe matches, right after a party, the words that make it the
// subject of a commitment: "will submit", "to submit" (in requests and
// instructions), "agreed to organize", "is requested to send", with an
// optional "in consultation with X" in between. The verb is captured.
var commitRe = regexp.MustCompile(`^(?:\s*,?\s*(?i:(?:in\s+(?:close\s+)?(?:consultation|cooperation|coordination|conjunction)|together|jointly)\s+with|with\s+the\s+(?:support|assistance)\s+of)\s+[^,.;:]{1,80}?\s*,?)?\s*,?\s*(?i:also\s+|further\s+|kindly\s+|hereby\s+|each\s+|jointly\s+)?` +
	`(?P<modal>(?i:will|shall|would|must|should|` +
	`(?:is|are|was|were)\s+(?:kindly\s+|also\s+)?(?:requested|invited|instructed|expected|encouraged|urged|asked|tasked|mandated|called\s+upon|required)\s+to|` +
	`(?:is|are)\s+to|(?:has|have)\s+(?:agreed|undertaken|committed\s+(?:itself\s+|themselves\s+)?)\s*to|` +
	`(?:agreed|agree|agrees|undertook|undertakes|undertake|committed|commits|decided|decides|resolved|promised|pledged)\s+to|to))` +
	`\s+(?i:also\s+|further\s+|jointly\s+|then\s+|kindly\s+|promptly\s+|collectively\s+)?(?P<verb>[a-z][a-z-]+)`)

// nonVerbs are words that can follow "to" or a modal but are not the main
// verb of an active commitment: "to the Secretariat", "will be convened".
var nonVerbs = map[string]bool{
	"be": true, "the": true, "a": true, "an": true, "their": true, "its": true, "this": true,
	"that": true, "these": true, "those": true, "all": true, "each": true, "his": true,
	"her": true, "our": true, "which": true, "whom": true, "what": true, "it": true, "them": true,
	"have": true, "not": true, "date": true, "any": true,
}

// eventVerbs describe hosting or attending an event; a date after them is
// the event's date, not a deadline ("Hungarian side will host the
// Conference in 2024"). Convening and organising remain commitments.
var eventVerbs = map[string]bool{
	"host": true, "co-host": true, "hold": true, "meet": true, "visit": true, "attend": true,
	"participate": true, "welcome": true, "reconvene": true, "travel": true,
}

// eventRe spots, between a verb and a weakly introduced date, a passive
// event ("to be hosted by Turkish side in February 2024") or the next
// meeting, whose date is not a deadline either.
var eventRe = regexp.MustCompile(`(?i)\b(?:be|been|being|is|are|was|were)\s+(?:co-)?(?:hosted|held|convened|organi[sz]ed|conducted|signed|launched|celebrated|arranged|scheduled)\b|\b(?:next|following|subsequent)\s+(?:meeting|session)\b|\bmeet\s+again\b|\b(?:hosted|held|signed)\s+(?:on|in)\b`)

// commitment is a party acting as the subject of a commitment verb.
type commitment struct {
	parties   []string
	pstart    int // start of the party phrase
	verbStart int // start of the main verb
	verb      string
}

// findCommitments returns the subject-verb commitments of s in order.
func findCommitments(s string) []commitment {
	var out []commitment
	for _, p := range findParties(s) {
		if objectWords[precedingWord(s, p.start)] {
			continue
		}
		m := commitRe.FindStringSubmatchIndex(s[p.end:])
		if m == nil {
			continue
		}
		vi := commitRe.SubexpIndex("verb")
		verb := strings.ToLower(s[p.end+m[2*vi] : p.end+m[2*vi+1]])
		if nonVerbs[verb] {
			continue
		}
		out = append(out, commitment{parties: p.names, pstart: p.start, verbStart: p.end + m[2*vi], verb: verb})
	}
	return out
}

// commitmentsIn turns one sentence into items. lead holds the commitment
// of the sentence that introduced the current list, for bullets that carry
// only a verb ("- to submit comments by 1 May 2024;").
// prev is the previous sentence, which may hold an action entry's task.
func commitmentsIn(sn sentence, prev string, ctx dateContext, lead *commitment) []Item {
	s := sn.text
	dates := findDates(s, ctx)
	if len(dates) == 0 {
		return nil
	}
	if it, ok := actionItem(s, prev, dates); ok {
		return []Item{it}
	}
	var cms []commitment
	var items []Item
	for _, d := range dates {
		if !d.ok || d.kind == prepNone {
			continue
		}
		if !ctx.meeting.IsZero() && d.date.Before(ctx.meeting) {
			continue // a past event, not a deadline
		}
		if cms == nil {
			cms = findCommitments(s)
			if cms == nil {
				cms = []commitment{}
			}
		}
		c, ok := governing(cms, d, lead, sn.bullet)
		if !ok {
			continue
		}
		lo := c.verbStart
		if c.pstart < 0 {
			lo = 0
		}
		if d.kind == prepWeak {
			between := ""
			if lo < d.pstart {
				between = s[lo:d.pstart]
			}
			if eventVerbs[c.verb] || eventRe.MatchString(between) {
				continue
			}
		}
		items = append(items, Item{
			Parties:      append([]string(nil), c.parties...),
			Deadline:     isoDate(d.date),
			Precision:    d.prec,
			DeadlineText: d.deadlineText(s),
			Text:         clauseText(s, c, d),
			Quote:        strings.TrimSpace(s),
		})
	}
	return items
}

// governing picks the commitment a date belongs to: the nearest one whose
// verb comes before the date, else one following a fronted date ("By 1 May
// 2024, the Parties will ..."), else the list's lead-in for a bullet.
func governing(cms []commitment, d dateMatch, lead *commitment, bullet bool) (commitment, bool) {
	var best *commitment
	for i := range cms {
		if cms[i].verbStart < d.pstart {
			best = &cms[i]
		}
	}
	if best != nil {
		return *best, true
	}
	if len(cms) > 0 && d.end <= cms[0].pstart {
		return cms[0], true
	}
	if bullet && lead != nil && len(cms) == 0 {
		c := *lead
		c.pstart, c.verbStart = -1, 0
		return c, true
	}
	return commitment{}, false
}

// clauseText is the commitment without its deadline: from the verb to the
// date phrase, or to the end of the sentence when the date came first.
func clauseText(s string, c commitment, d dateMatch) string {
	start := c.verbStart
	if c.pstart < 0 {
		start = 0 // inherited lead-in: the whole bullet is the commitment
	}
	end := len(s)
	if d.pstart > start {
		end = d.pstart
	}
	t := strings.TrimRight(strings.TrimSpace(s[start:end]), " ,;:.—–-")
	return normSpace(strings.TrimPrefix(t, "to "))
}

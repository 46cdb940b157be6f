package minutes

import (
	"strings"
)

// Proposal is a commitment proposed by a language model: unverified text.
type Proposal struct {
	Party    string // who must act, as the model says the document writes it
	Task     string // what, in the document's words
	Deadline string // ISO date YYYY-MM-DD
	Quote    string // the sentence that states it, as the model copied it
}

// maxProposals bounds how many proposals Confirm looks at.
const maxProposals = 200

// Confirm keeps the proposals the document itself bears out and turns them
// into items marked SourceModel. A proposal is kept only when
//   - its quote is a substring of the document (whitespace normalised, see
//     NormalizeText) of at most one sentence's length;
//   - the deterministic date reader finds in that quote a date equal to the
//     proposed deadline, not before the meeting;
//   - its party is named in that quote (as written, or as the reader names
//     a party it finds there).
//
// Deadline, precision and deadline text come from the reader, the quote and
// party from the document: what the model invents never reaches the item.
func Confirm(text string, opts Options, props []Proposal) []Item {
	norm := NormalizeText(text)
	ctx := meetingContext(text, opts)
	var out []Item
	for i, p := range props {
		if i == maxProposals {
			break
		}
		if it, ok := confirmOne(norm, ctx, p); ok {
			out = append(out, it)
		}
	}
	return out
}

func confirmOne(norm string, ctx dateContext, p Proposal) (Item, bool) {
	q := normSpace(p.Quote)
	if q == "" || len(q) > 2*maxSentence || !strings.Contains(norm, q) {
		return Item{}, false
	}
	var d dateMatch
	found := false
	for _, c := range allDates(q, ctx, language(q)) {
		if c.ok && isoDate(c.date) == strings.TrimSpace(p.Deadline) && (ctx.meeting.IsZero() || !c.date.Before(ctx.meeting)) {
			d, found = c, true
			break
		}
	}
	if !found {
		return Item{}, false
	}
	party, ok := partyIn(q, p.Party)
	if !ok {
		return Item{}, false
	}
	task := normSpace(p.Task)
	if task == "" || !strings.Contains(strings.ToLower(q), strings.ToLower(task)) {
		task = strings.TrimRight(normSpace(q[:d.pstart]), " ,;:") // the quote's own words, up to the date
		if task == "" {
			task = q
		}
	}
	return Item{
		Parties:      []string{party},
		Deadline:     isoDate(d.date),
		Precision:    d.prec,
		DeadlineText: d.deadlineText(q),
		Text:         task,
		Quote:        q,
		Source:       SourceModel,
	}, true
}

// partyIn returns the party of a proposal if the quote names it: one of the
// parties the reader finds in the quote with that name, else the name as
// the quote writes it (compared with the Turkish i's folded).
func partyIn(q, name string) (string, bool) {
	name = normSpace(name)
	if name == "" {
		return "", false
	}
	bare := func(s string) string { return strings.TrimPrefix(foldTR(s), "the ") }
	var found []string
	for _, pm := range findParties(q) {
		found = append(found, pm.names...)
	}
	for _, ru := range []bool{true, false} {
		if ps, _, ok := mlActor(q, ru); ok {
			found = append(found, ps...)
		}
	}
	for _, f := range found {
		if bare(f) == bare(name) {
			return f, true
		}
	}
	if i := strings.Index(foldTR(q), bare(name)); i >= 0 && len(bare(name)) >= 2 {
		return name, true
	}
	return "", false
}

// MergeItems adds the confirmed model items to the rules' items: a model
// item that restates a rules item (the same quote and deadline, or the
// same decision in other words) only marks it as found by both.
func MergeItems(rules, model []Item) []Item {
	out := append([]Item(nil), rules...)
	for i := range out {
		if out[i].Source == "" {
			out[i].Source = SourceRules
		}
	}
	var rest []Item
	for _, m := range model {
		dup := false
		for i := range out {
			if out[i].Quote == m.Quote && out[i].Deadline == m.Deadline {
				out[i].Source = SourceBoth
				dup = true
				break
			}
		}
		if !dup {
			rest = append(rest, m)
		}
	}
	return merge(append(out, rest...))
}

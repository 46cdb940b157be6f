package minutes

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode"
)

// maxExtractInput bounds the text Extract looks at: ReadText returns at
// most 10 MB, and extraction is linear, so the bound only stops absurd input.
const maxExtractInput = maxTextBytes

// Extract returns the dated commitments of the minutes in document order,
// with repeated decisions merged (the same decision is often restated in
// a cover note, the minutes and the protocol). It never panics.
func Extract(text string, opts Options) (items []Item) {
	items, _ = trace(text, opts, false)
	return items
}

// Step is one sentence of a document and what the extractor made of it.
type Step struct {
	Sentence string // the sentence as read, whitespace-normalised
	Reason   string // "taken", or why not
	Items    []Item // what it gave, before repeats are merged
}

// Explain returns, sentence by sentence, why each was or was not taken,
// for `wgbot extract --explain`. It never panics.
func Explain(text string, opts Options) (steps []Step) {
	_, steps = trace(text, opts, true)
	return steps
}

func trace(text string, opts Options, explain bool) (items []Item, steps []Step) {
	defer func() {
		if recover() != nil {
			items, steps = nil, nil // a bug must not take the caller down; nothing is better than garbage
		}
	}()
	if len(text) > maxExtractInput {
		text = text[:maxExtractInput]
	}
	ctx := docContext{dateContext: meetingContext(text, opts), acronyms: definedAcronyms(text)}
	ctx.author, ctx.addressee = authorAddressee(text)
	ctx.received = strings.Contains(text, "eceived") && receivedRe.MatchString(text) // the cheap test spares a 5 MB scan
	ctx.states = trStatesMeet(text)
	sents := ruJoinLabels(splitSentences(text))
	var at []int // sentence index of each item
	var lead *commitment
	var header *tableHeader
	prev, prev2 := "", ""
	for i, sn := range sents {
		var got []Item
		why := ""
		if sn.table {
			if h, ok := parseHeader(sn.text); ok {
				header = h
				why = "a table header"
			} else if header != nil {
				var it Item
				var ok bool
				if it, why, ok = tableRowItem(sn.text, header, ctx.dateContext); ok {
					got = []Item{it}
				} else if why == "" {
					if it, ok = tableCellItem(sn.text, header, ctx.dateContext); ok {
						got, why = []Item{it}, whyTaken
					}
				}
			}
		} else {
			header = nil
		}
		if why == "" && sn.table {
			// A row of a table without an action column ("Discussion |
			// Notes | Actions") holds one statement per cell: each cell,
			// and each list item in it, is read on its own, so that the
			// quote is that cell and one cell's name is not another's party.
			got, why = cellCommitments(sn.text, prev, ctx)
		}
		if why == "" {
			if !sn.bullet {
				lead = nil
				ctx.after = time.Time{}
			}
			ctx.earlier = sents[:i]
			got, why = commitmentsIn(sn, prev, ctx, lead)
			if len(got) == 0 {
				if it, ok := labelledEntry(prev2, prev, sn.text, ctx.dateContext); ok {
					got, why = []Item{it}, whyTaken
				}
			}
			if sn.bullet {
				// A list of weekday deadlines is a schedule: "input by
				// Friday; changes by Tuesday; final version by Friday"
				// means the Friday after that Tuesday.
				for _, d := range weekdayDates(sn.text, ctx.dateContext) {
					if d.ok && d.date.After(ctx.after) {
						ctx.after = d.date
					}
				}
			}
			if !sn.bullet && trLeadLine(sn.text) {
				lead = trLeadIn(sn.text) // "taksitli ödeme seçeneğini talep eden üyelerimizin;"
			} else if sn.colon && !sn.bullet {
				lead = leadIn(sn.text, ctx.acronyms)
			} else if !sn.bullet && lead == nil {
				lead = bodyLead(sn.text) // "The Deputies" above "2. agreed to carry out ..."
			}
		}
		if len(got) > 0 && !sn.table && markedDone(sn.text, nextText(sents, i)) {
			got, why = nil, whyDone
		}
		for k := range got {
			got[k].Source = SourceRules
			if isHosting(got[k].Parties) {
				if hs := hosts(sents, i); len(hs) > 0 {
					got[k].Parties = hs
				}
			}
		}
		items = append(items, got...)
		for range got {
			at = append(at, i)
		}
		if explain {
			steps = append(steps, Step{Sentence: sn.text, Reason: why, Items: got})
		}
		prev2, prev = prev, sn.text
	}
	return merge(items), steps
}

// isHosting tells "The Parties hosting the activities", whose names the
// bullets around the sentence give.
func isHosting(ps []string) bool {
	return len(ps) == 1 && ps[0] == hostingParties
}

// hostingParties is how "the Parties hosting the (following) activities"
// is reported when no host is named near it.
const hostingParties = "The Parties hosting the activities"

// maxHostScan bounds how far hosts looks for the bullets that name hosts.
const maxHostScan = 24

// hosts names the Parties hosting the activities of the list next to
// sentence i: the list after it when it says "the following", else the
// list just before it. Lines between the bullets that name no activity
// (addresses of a note, a page footer) are skipped.
func hosts(sents []sentence, i int) []string {
	var out []string
	add := func(s string) bool {
		loc := hostedRe.FindStringIndex(s)
		if loc == nil {
			return false
		}
		if ps := findParties(s[loc[1]:]); len(ps) > 0 && ps[0].start == 0 {
			for _, n := range ps[0].names {
				if !slices.Contains(out, n) {
					out = append(out, n)
				}
			}
		}
		return true
	}
	if strings.Contains(strings.ToLower(sents[i].text), "following") {
		for j := i + 1; j < len(sents) && j <= i+maxHostScan; j++ {
			if !add(sents[j].text) && sents[j].bullet && len(out) > 0 {
				break // the next bullet is about something else
			}
		}
		return out
	}
	for j := i - 1; j >= 0 && j >= i-maxHostScan; j-- {
		if !add(sents[j].text) && !sents[j].bullet {
			break // the list's lead-in
		}
	}
	return out
}

// authorRe and addresseeRe read who wrote a note and to whom: "Note by the
// secretariat", "NOTIFICATION TO THE PARTIES".
var (
	authorRe    = regexp.MustCompile(`(?i)\b(?:note|message|notification|report)\s+(?:by|from)\s+the\s+(?:secretariat|secretary[- ]general)\b|^\s*(?:the\s+)?[\p{L} ]{0,30}\bsecretariat\s*$`)
	addresseeRe = regexp.MustCompile(`(?i)\bnotification\s+to\s+(?:the\s+)?(?:contracting\s+)?parties\b`)
)

func authorAddressee(text string) (author, addressee string) {
	head := text
	if len(head) > 600 {
		head = head[:600]
	}
	for _, line := range strings.SplitN(head, "\n", 12) {
		if authorRe.MatchString(line) {
			author = "the Secretariat"
			break
		}
	}
	if addresseeRe.MatchString(head) {
		addressee = "the Parties"
	}
	return author, addressee
}

// leadRe recognises a list introduction whose subject commits to what the
// bullets say: "The Parties agreed on the following:", "The Secretariat
// will:". Requests ("The Secretariat kindly requests the following:") do
// not qualify: their bullets name their own subjects.
var leadRe = regexp.MustCompile(`(?i)^[\s,]*(?:\w+\s+){0,2}?(?:agreed|agree|agrees|decided|decides|undertook|undertakes?|will|shall|committed|(?:are|is|were|was)\s+(?:requested|invited|instructed|tasked))\b[^:]*:$`)

// askLeadRe is a decision's request that introduces a list: "Requests the
// Secretariat:", "Invites Parties to:", "Поручить Секретариату:".
var askLeadRe = regexp.MustCompile(`(?i)^(?:\w+\s+){0,3}?(?:requests?|invites?|instructs?|urges?|calls\s+upon|asks?|encourages?|mandates?|directs?|tasks?)$`)

func leadIn(s string, acr map[string]bool) *commitment {
	if language(s) == "ru" {
		return ruLeadIn(s)
	}
	for _, p := range append(findParties(s), findAcronyms(s, acr)...) {
		if rest := strings.TrimSpace(s[p.end:]); (rest == ":" || strings.EqualFold(rest, "to:")) && askLeadRe.MatchString(strings.TrimSpace(s[:p.start])) {
			return &commitment{parties: p.names, pstart: -1}
		}
		if objectWords[precedingWord(s, p.start)] {
			continue
		}
		if leadRe.MatchString(s[p.end:]) {
			return &commitment{parties: p.names, pstart: -1}
		}
		return nil
	}
	return nil
}

// mergeThreshold is the overlap coefficient of content-word stems above
// which two items with the same parties and deadline are one decision.
// Restatements reword ("renovate the concept ... and submit it" against
// "submit the renewed concept"), so the overlap with the shorter text is
// a better guide than the plain Jaccard index.
const mergeThreshold = 0.4

// mergeWindow is how many earlier decisions with the same parties and
// deadline a new item is compared with, and maxStems how large a decision's
// vocabulary may grow: both bound the work per item so that merging stays
// linear in the number of items (restatements are few and near).
const (
	mergeWindow = 8
	maxStems    = 80
)

// merge folds repeated decisions into their first occurrence, keeping its
// quote and position.
func merge(items []Item) []Item {
	out := make([]Item, 0, len(items))
	type group struct {
		at    int
		stems map[string]bool
	}
	byKey := map[string][]*group{}
	for _, it := range items {
		ws := stemSet(it.Text)
		key := it.Deadline + "|" + string(it.Precision) + "|" + partyKey(it.Parties)
		gs := byKey[key]
		if len(gs) > 0 && pleaseRe.MatchString(it.Quote) {
			// "Kindly send your comments by ...": the invitation before, restated to its readers.
			if first := &out[gs[len(gs)-1].at]; first.Source != it.Source && it.Source != "" {
				first.Source = SourceBoth
			}
			continue
		}
		dup := false
		for k := len(gs) - 1; k >= 0 && k >= len(gs)-mergeWindow; k-- {
			g := gs[k]
			if overlap(g.stems, ws) >= mergeThreshold {
				// Grow the group's vocabulary: a third wording often
				// shares more with the second than with the first.
				for w := range ws {
					if len(g.stems) >= maxStems {
						break
					}
					g.stems[w] = true
				}
				if out[g.at].Source != it.Source && it.Source != "" {
					out[g.at].Source = SourceBoth
				}
				dup = true
				break
			}
		}
		if !dup {
			byKey[key] = append(gs, &group{at: len(out), stems: ws})
			out = append(out, it)
		}
	}
	return out
}

// partyKey is the parties in a canonical order, case folded.
func partyKey(ps []string) string {
	x := make([]string, len(ps))
	for i, p := range ps {
		x[i] = strings.ToLower(p)
	}
	sort.Strings(x)
	return strings.Join(x, ";")
}

// stopWords carry no meaning for deciding whether two texts say the same.
var stopWords = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "to": true, "and": true, "or": true, "in": true,
	"on": true, "for": true, "with": true, "by": true, "it": true, "its": true, "their": true,
	"them": true, "this": true, "that": true, "via": true, "be": true, "as": true, "at": true,
	"from": true, "into": true, "further": true, "all": true,
}

// stemSet returns crude stems (first five letters) of the content words;
// that is enough to match "experts'" with "expert" or "meetings" with
// "meeting" without a real stemmer.
func stemSet(s string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if stopWords[w] {
			continue
		}
		if r := []rune(w); len(r) > 5 {
			w = string(r[:5])
		}
		set[w] = true
	}
	return set
}

// overlap is |a∩b| / min(|a|,|b|); two empty texts count as equal.
func overlap(a, b map[string]bool) float64 {
	if len(a) == 0 || len(b) == 0 {
		if len(a) == len(b) {
			return 1
		}
		return 0
	}
	n := 0
	for w := range a {
		if b[w] {
			n++
		}
	}
	m := len(a)
	if len(b) < m {
		m = len(b)
	}
	return float64(n) / float64(m)
}

// cellSepRe cuts a table row into its cells and the list items and
// paragraphs written inside them ("<p>- ...</p>", "\\* ...", "<br>").
var cellSepRe = regexp.MustCompile(`\s*(?:\|(?:\s*[-•]\s)?|</?p>(?:\s*[-•]\s)?|<br\s*/?>|</?li>|</?[ou]l[^>]*>|\\\*|(?:^|\s)[-•]\s)\s*`)

// cellCommitments reads each cell of a table row as a list item.
func cellCommitments(row, prev string, ctx docContext) ([]Item, string) {
	var items []Item
	why := whyNoDate
	for _, loc := range cellSpans(row) {
		cell := row[loc[0]:loc[1]]
		got, w := commitmentsIn(sentence{text: cell, bullet: true}, prev, ctx, nil)
		items = append(items, got...)
		if w != whyNoDate && why != whyTaken {
			why = w
		}
	}
	if len(items) > 0 {
		why = whyTaken
	}
	return items, why
}

// cellSpans returns the spans of the non-empty pieces between separators.
func cellSpans(row string) [][2]int {
	var out [][2]int
	at := 0
	add := func(end int) {
		piece := strings.TrimSpace(row[at:end])
		if piece != "" {
			start := at + strings.Index(row[at:end], piece)
			out = append(out, [2]int{start, start + len(piece)})
		}
	}
	for _, m := range cellSepRe.FindAllStringIndex(row, -1) {
		add(m[0])
		at = m[1]
	}
	add(len(row))
	return out
}

package minutes

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
)

// maxExtractInput bounds the text Extract looks at; minutes are far
// shorter, and the bound keeps hostile input from costing unbounded time.
const maxExtractInput = 2 << 20

// Extract returns the dated commitments of the minutes in document order,
// with repeated decisions merged (the same decision is often restated in
// a cover note, the minutes and the protocol). It never panics.
func Extract(text string, opts Options) (items []Item) {
	defer func() {
		if recover() != nil {
			items = nil // a bug must not take the caller down; nothing is better than garbage
		}
	}()
	if len(text) > maxExtractInput {
		text = text[:maxExtractInput]
	}
	ctx := meetingContext(text, opts)
	var lead *commitment
	var header *tableHeader
	prev := ""
	for _, sn := range splitSentences(text) {
		if sn.table {
			if h, ok := parseHeader(sn.text); ok {
				header = h
				continue
			}
			if header != nil {
				if it, ok := tableRowItem(sn.text, header, ctx); ok {
					items = append(items, it)
					continue
				}
			}
		} else {
			header = nil
		}
		if !sn.bullet {
			lead = nil
		}
		items = append(items, commitmentsIn(sn, prev, ctx, lead)...)
		if sn.colon && !sn.bullet {
			lead = leadIn(sn.text)
		}
		prev = sn.text
	}
	return merge(items)
}

// leadRe recognises a list introduction whose subject commits to what the
// bullets say: "The Parties agreed on the following:", "The Secretariat
// will:". Requests ("The Secretariat kindly requests the following:") do
// not qualify: their bullets name their own subjects.
var leadRe = regexp.MustCompile(`(?i)^[\s,]*(?:\w+\s+){0,2}?(?:agreed|agree|agrees|decided|decides|undertook|undertakes?|will|shall|committed|(?:are|is|were|was)\s+(?:requested|invited|instructed|tasked))\b[^:]*:$`)

func leadIn(s string) *commitment {
	for _, p := range findParties(s) {
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

// merge folds repeated decisions into their first occurrence, keeping its
// quote and position.
func merge(items []Item) []Item {
	out := make([]Item, 0, len(items))
	stems := make([]map[string]bool, 0, len(items))
	for _, it := range items {
		ws := stemSet(it.Text)
		dup := false
		for i, o := range out {
			if o.Deadline == it.Deadline && o.Precision == it.Precision && sameParties(o.Parties, it.Parties) && overlap(stems[i], ws) >= mergeThreshold {
				// Grow the group's vocabulary: a third wording often
				// shares more with the second than with the first.
				for w := range ws {
					stems[i][w] = true
				}
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, it)
			stems = append(stems, ws)
		}
	}
	return out
}

func sameParties(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	x := append([]string(nil), a...)
	y := append([]string(nil), b...)
	sort.Strings(x)
	sort.Strings(y)
	for i := range x {
		if !strings.EqualFold(x[i], y[i]) {
			return false
		}
	}
	return true
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

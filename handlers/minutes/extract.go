package minutes

import (
	"regexp"
	"slices"
	"sort"
	"strings"
)

// commitHeadRe and commitTail match, right after a party, the words that
// make it the subject of a commitment: "will submit", "to submit" (in
// requests and instructions), "agreed to organize", "is requested to
// send", with an optional qualifier ("of EurAsEC"), a second party ("and
// observers") or "in consultation with X" in between. The head is what
// may come between the party and the modal.
var commitHeadRe = regexp.MustCompile(`^(?P<qual>\s+(?:of|to)\s+(?:the\s+)?\p{Lu}[\p{L}-]*(?:\s+(?:of\s+|the\s+)?\p{Lu}[\p{L}-]*){0,5})?` +
	`(?P<conj>\s*,?\s+(?:and|or)\s+(?:the\s+)?(?:other\s+|relevant\s+)?[\p{L}-]+(?:\s+(?:of\s+)?[\p{L}-]+){0,3}?(?:\s+sides?)?)?`)

// consultRe is "in consultation with X" and its kin, which may stand
// between a party and its modal.
var consultRe = regexp.MustCompile(`^\s*,?\s*(?i:(?:in\s+(?:close\s+)?(?:consultation|cooperation|coordination|conjunction)|together|jointly)\s+with|with\s+the\s+(?:support|assistance)\s+of|through|via)\s+`)

// The words of a commitment after its party, read word by word: a pattern
// listing them all was too large for Go's fast matcher and ran at a few
// microseconds per byte.
var (
	preModal  = map[string]bool{"also": true, "further": true, "kindly": true, "hereby": true, "each": true, "jointly": true}
	postModal = map[string]bool{"also": true, "further": true, "jointly": true, "then": true, "kindly": true, "promptly": true, "collectively": true}
	modals    = map[string]bool{"will": true, "shall": true, "would": true, "must": true, "should": true, "'ll": true}
	beWords   = map[string]bool{"is": true, "are": true, "was": true, "were": true}
	askedTo   = map[string]bool{"requested": true, "invited": true, "instructed": true, "expected": true, "encouraged": true, "urged": true, "asked": true, "tasked": true, "mandated": true, "required": true}
	bareTo    = map[string]bool{"requested": true, "invited": true, "instructed": true, "expected": true, "asked": true, "tasked": true, "need": true, "needs": true}
	agreedTo  = map[string]bool{"agreed": true, "agree": true, "agrees": true, "undertook": true, "undertakes": true, "undertake": true, "committed": true, "commits": true, "decided": true, "decides": true, "resolved": true, "promised": true, "pledged": true, "offered": true, "volunteered": true}
)

type token struct {
	start, end int
	word       string // as written; "," or "." for punctuation
}

// lower is a token's word in lower case, without allocating for the
// usual all-lower-case word.
func (t token) lower() string { return strings.ToLower(t.word) }

// tokens splits the start of in into words and punctuation marks, as many
// as out has room for.
func tokens(in string, out []token) []token {
	for i := 0; i < len(in) && len(out) < cap(out); {
		c := in[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n':
			i++
		case c == ',':
			out = append(out, token{i, i + 1, ","})
			i++
		case c == '\'' && strings.HasPrefix(in[i:], "'ll"):
			out = append(out, token{i, i + 3, "'ll"}) // "I'll": the modal will
			i += 3
		case strings.HasPrefix(in[i:], "’ll"):
			out = append(out, token{i, i + len("’ll"), "'ll"})
			i += len("’ll")
		case c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80:
			j := i
			for j < len(in) {
				d := in[j]
				if !(d >= 'a' && d <= 'z' || d >= 'A' && d <= 'Z' || d >= '0' && d <= '9' || d == '-' || d >= 0x80) {
					break
				}
				j++
			}
			out = append(out, token{i, j, in[i:j]})
			i = j
		default:
			out = append(out, token{i, i + 1, "."})
			i++
		}
	}
	return out
}

// modalAt reads, from token k, an optional adverb, a modal ("will", "is
// requested to", "agreed to", "to"), another optional adverb and the verb,
// which must be written in lower case. It returns the verb's token.
func modalAt(in string, ts []token, k int) (token, bool) {
	at := func(i int) string {
		if i < len(ts) {
			return ts[i].lower()
		}
		return ""
	}
	if at(k) == "," {
		k++
	}
	if preModal[at(k)] {
		k++
	}
	w := at(k)
	switch {
	case modals[w]:
		k++
	case beWords[w]:
		k++
		if at(k) == "kindly" || at(k) == "also" {
			k++
		}
		switch {
		case askedTo[at(k)] && at(k+1) == "to":
			k += 2
		case at(k) == "called" && at(k+1) == "upon" && at(k+2) == "to":
			k += 3
		case (w == "is" || w == "are") && at(k) == "to":
			k++
		default:
			return token{}, false
		}
	case w == "has" || w == "have":
		k++
		switch {
		case (at(k) == "agreed" || at(k) == "undertaken") && at(k+1) == "to":
			k += 2
		case at(k) == "committed":
			k++
			if at(k) == "itself" || at(k) == "themselves" {
				k++
			}
			if at(k) != "to" {
				return token{}, false
			}
			k++
		default:
			return token{}, false
		}
	case (bareTo[w] || agreedTo[w]) && at(k+1) == "to":
		k += 2
	case w == "to":
		k++
	case w == "may": // an invitation: "Parties may submit comments by ..." (permittedOnly bounds it)
		k++
		if at(k) == "wish" && at(k+1) == "to" {
			k += 2
		}
	default:
		return token{}, false
	}
	if postModal[at(k)] || lyAdverb(at(k)) {
		k++
	}
	if k >= len(ts) {
		return token{}, false
	}
	v := ts[k]
	raw := in[v.start:v.end]
	if len(raw) < 2 || raw[0] < 'a' || raw[0] > 'z' || strings.Trim(raw, "abcdefghijklmnopqrstuvwxyz-") != "" {
		return token{}, false
	}
	return v, true
}

// commitTail finds the verb of a commitment at the start of in, across an
// "in consultation with X" clause of at most 80 bytes.
func commitTail(in string) (vs, ve int, ok bool) {
	var buf [24]token
	if m := consultRe.FindStringIndex(in); m != nil {
		ts := tokens(in, buf[:0])
		for k := range ts {
			t := ts[k]
			if t.start < m[1] {
				continue
			}
			if t.start-m[1] > 80 || t.word == "." {
				break
			}
			if k == 0 || ts[k-1].start < m[1] {
				continue // the clause names someone first
			}
			if v, ok := modalAt(in, ts, k); ok {
				return v.start, v.end, true
			}
			if t.word == "," {
				break
			}
		}
		return 0, 0, false
	}
	ts := tokens(in, buf[:0:8]) // a modal and its verb are at most seven words
	if v, ok := modalAt(in, ts, 0); ok {
		return v.start, v.end, true
	}
	return 0, 0, false
}

// commitAfter matches the commitment words at the start of in (the text
// after a party). It returns the verb's span and the qualifier and second
// party, each "" when absent.
func commitAfter(in string) (vs, ve int, qual, conj string, ok bool) {
	h := []int{0, 0, -1, -1, -1, -1}
	if t := strings.TrimLeft(in, " ,"); strings.HasPrefix(t, "of ") || strings.HasPrefix(t, "to the ") || strings.HasPrefix(t, "and ") || strings.HasPrefix(t, "or ") {
		h = commitHeadRe.FindStringSubmatchIndex(in)
	}
	for _, off := range []int{h[1], 0} {
		vs, ve, ok := commitTail(in[off:])
		if !ok {
			if off == 0 {
				return 0, 0, "", "", false
			}
			continue
		}
		if off > 0 {
			if h[2] >= 0 {
				qual = in[h[2]:h[3]]
			}
			if h[4] >= 0 {
				conj = in[h[4]:h[5]]
			}
		}
		return off + vs, off + ve, qual, conj, true
	}
	return 0, 0, "", "", false
}

// reportThatRe is a party's own report of what it will do: "Kyrgyz side
// informed that it will finalize ...", "stated that they would send ...".
// The pronoun is the party; its modal and verb are read as a commitment.
var reportThatRe = regexp.MustCompile(`^\s*,?\s+(?:has\s+|have\s+)?(?:informed|stated|confirmed|indicated|announced|reported|declared|assured|explained|mentioned|said|advised|noted|underlined|emphasi[sz]ed)(?:\s+(?:the\s+)?(?:Parties|meeting|participants|Working\s+Group|Secretariat|Committee))?\s+that\s+(?:it|they|he|she|we|(?:his|her|its|their)\s+(?:country|government|delegation|side))\s+`)

// reportedCommitment reads reportThatRe and the modal and verb after it.
func reportedCommitment(in string) (vs, ve int, ok bool) {
	m := reportThatRe.FindStringIndex(in)
	if m == nil {
		return 0, 0, false
	}
	var buf [8]token
	ts := tokens(in[m[1]:], buf[:0:8])
	if len(ts) == 0 || !modals[ts[0].lower()] && ts[0].lower() != "'ll" {
		return 0, 0, false // "informed that it had ..." reports a past act
	}
	v, ok := modalAt(in[m[1]:], ts, 0)
	if !ok {
		return 0, 0, false
	}
	return m[1] + v.start, m[1] + v.end, true
}

// agreedThatRe ends the text before a party that a decision's "that"
// introduces: "It was agreed that", "The meeting decided that".
var agreedThatRe = regexp.MustCompile(`(?i)\b(?:agreed|decided|requested|recommended|proposed|suggested|urged|resolved|concluded)\s+that\s+$`)

// bareVerb reads the verb a decision's subjunctive gives its party: "that
// the Parties submit their comments by ...".
func bareVerb(in string) (vs, ve int, ok bool) {
	var buf [2]token
	ts := tokens(in, buf[:0:2])
	if len(ts) == 0 {
		return 0, 0, false
	}
	t := ts[0]
	w := in[t.start:t.end]
	if len(w) < 3 || w[0] < 'a' || w[0] > 'z' || nonVerbs[w] || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") {
		return 0, 0, false
	}
	return t.start, t.end, true
}

// maxCommitGap bounds how far after its party the verb is looked for.
const maxCommitGap = 240

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
	"hold": true, "meet": true, "visit": true, "attend": true,
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
	// permissive is an invitation's "may": only a date to act by is its deadline.
	permissive bool
}

// findCommitments returns the subject-verb commitments of s in order.
// acr holds the initials the document defines ("Technical Committee (TC)").
func findCommitments(s string, acr map[string]bool) []commitment {
	var out []commitment
	found := append(append(append(findParties(s), findAcronyms(s, acr)...), findCountries(s)...), clauseInitials(s)...)
	for _, pp := range findPeople(s) {
		overlaps := func(q partyMatch) bool { return q.start < pp.end && pp.start < q.end }
		inside := func(q partyMatch) bool {
			return pp.start <= q.start && q.end <= pp.end && q.end-q.start < pp.end-pp.start
		}
		if groupRe.MatchString(s[pp.start:pp.end]) && slices.ContainsFunc(found, inside) {
			// "Committee members" are the members, not "the Committee".
			found = slices.DeleteFunc(found, inside)
		} else if slices.ContainsFunc(found, overlaps) {
			continue // a Party's name is read as the Party, not as a person
		}
		found = append(found, pp)
	}
	bodies, found := findBodies(s, found)
	found = append(append(found, bodies...), findInterested(s)...)
	for _, p := range found {
		if objectWords[precedingWord(s, p.start)] {
			continue
		}
		after := s[p.end:min(len(s), p.end+maxCommitGap)]
		vs, ve, qual, conj, ok := commitAfter(after)
		if !ok {
			vs, ve, ok = reportedCommitment(after)
		}
		if !ok {
			vs, ve, ok = participleTail(after) // "Parties wishing to host the meeting should inform ..."
		}
		if !ok {
			vs, ve, conj, ok = longConj(after) // "parties and all stakeholders to provide ..."
		}
		if !ok && agreedThatRe.MatchString(s[:p.start]) {
			vs, ve, ok = bareVerb(after) // "It was agreed that the Parties submit ..."
		}
		if !ok {
			continue
		}
		verb := strings.ToLower(s[p.end+vs : p.end+ve])
		if nonVerbs[verb] && !(verb == "have" && strings.HasSuffix(strings.TrimRight(s[:p.end+vs], " "), " to")) {
			continue // "will be convened"; but "expected to have the answer ready"
		}
		names := append([]string(nil), p.names...)
		if jp := jointParty(after[:vs]); jp != "" {
			names = append(names, jp) // "the governments jointly with the Collegium"
		}
		if q := normSpace(qual); q != "" && len(names) == 1 && !strings.HasPrefix(q, "to ") {
			names[0] += " " + q // "the member states of EurAsEC"; "Parties to the Convention" are the Parties
		}
		if conj != "" {
			conj = strings.TrimLeft(conj, " ,")
			conj = strings.TrimSpace(conj[strings.IndexByte(conj, ' ')+1:]) // drop "and"/"or"
			if ps := findParties(conj); len(ps) == 1 && ps[0].start == 0 && ps[0].end == len(conj) {
				names = append(names, ps[0].names...)
			} else {
				names = append(names, conj)
			}
		}
		out = append(out, commitment{parties: names, pstart: p.start, verbStart: p.end + vs, verb: verb, permissive: permissiveRe.MatchString(after[:vs])})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].pstart < out[j].pstart })
	// "parties and observers to submit": the second party of a list is
	// already in the first one's names; one verb, one commitment.
	return slices.CompactFunc(out, func(a, b commitment) bool { return a.verbStart == b.verbStart })
}

// docContext is what rules need to know about the whole document.
type docContext struct {
	dateContext
	acronyms  map[string]bool
	author    string     // "the Secretariat" when a note or notification is by one, else ""
	addressee string     // "the Parties" when a notification is addressed to them, else ""
	received  bool       // the document says the submissions asked for have come in
	states    bool       // a Turkish record of a meeting of states (trStatesMeet)
	earlier   []sentence // the sentences before the one read, for its addressees
}

// receivedRe finds a note saying that what was asked for has arrived: "The
// secretariat has received two such submissions", "Two such submissions
// have been received". Such a note reports the invitation; it sets no task.
var receivedRe = regexp.MustCompile(`(?i)\b(?:has|have)\s+(?:been\s+)?received\s+(?:\S+\s+){0,3}?submissions?\b|\bsubmissions?\*?\s+(?:has|have)\s+been\s+received\b`)

// askedBeforeRe finds an active past request just before a party: "the
// SBSTA invited Parties", not "Parties are invited" nor "was requested".
var askedBeforeRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(\p{L}+)\s+(?:invited|requested|urged|asked)\s+$`)

// reportedRequest tells a request the document reports as already answered.
func reportedRequest(s string, c commitment, ctx docContext) bool {
	if !ctx.received || c.pstart < 0 {
		return false
	}
	m := askedBeforeRe.FindStringSubmatch(s[:c.pstart])
	if m == nil {
		return false
	}
	switch strings.ToLower(m[1]) {
	case "is", "are", "was", "were", "be", "been", "being":
		return false
	}
	return true
}

// Reasons a sentence gives no item, for `wgbot extract --explain`.
const (
	whyNoDate     = "no date"
	whyNotDue     = "its dates are not deadlines: on, since, of, dated..."
	whyUnresolved = "a date without a year, and the meeting's year is unknown"
	whyPast       = "the date is before the meeting: a past event"
	whyNoParty    = "no party acts by the date"
	whyEvent      = "the date is of an event (hosted, held, the next meeting)"
	whyYear       = "a bare year after 'in' describes, it sets no deadline"
	whyPastTense  = "a past action, not a commitment"
	whyDone       = "the action is marked done"
	whyTaken      = "taken"
	whyUndated    = "an undated time (early next week, in mid November, by the next meeting): no deadline can be given"
)

// actionMarkRe strips an action-line marker: "ACTION:", "ACTION –", "AP 3:",
// "AI:", "Action item:". What follows is read as a commitment.
var actionMarkRe = regexp.MustCompile(`^(?:ACTIONS?|Actions?|AP|AI|Action\s+items?|Action\s+point)\s*(?:\d+(?:[.-]\d+)*)?\s*[:–—-]\s*`)

// agentPassiveRe finds a task given in the passive with its agent: "workshop
// ... to be hosted by Turkish side in February 2024", "The pilot project will
// be launched by Kazakh side in September 2024", "Comments shall be submitted
// by the Parties by ...". The agent commits to do it; agentPassiveItem checks
// that the word is a participle and that a party follows "by".
var agentPassiveRe = regexp.MustCompile(`(?i)\b(?:to|will|shall|should|must|would|is\s+to|are\s+to)\s+be\s+(?:(?:jointly|further|also|duly|then|first)\s+)?(?:co-)?(?P<verb>\p{L}+)(?P<particle>\s+(?:out|up|over|forward|together))?\s+by\s+`)

// hostedRe finds an activity hosted by a party: "workshop ... to be hosted
// by Turkish side in February 2024" (items.go finds the hosts of a list so).
var hostedRe = regexp.MustCompile(`(?i)\b(?:to|will|shall)\s+be\s+(?:co-)?(?:hosted|organi[sz]ed|conducted|held)\s+by\s+`)

// hostingVerbs hold an activity: the task is to host it.
var hostingVerbs = map[string]bool{"hosted": true, "organized": true, "organised": true, "conducted": true, "held": true}

// irregularParticiples are the participles without -ed a task is given in.
var irregularParticiples = map[string]bool{"sent": true, "made": true, "done": true, "held": true, "given": true,
	"taken": true, "drawn": true, "written": true, "built": true, "run": true, "set": true, "put": true,
	"kept": true, "brought": true, "undertaken": true, "shown": true, "chosen": true, "sought": true, "read": true}

// eventParticiples name a ceremony or a sitting, not a task: "will be
// signed by the Heads of State in December", "considered by the Council at
// its session in May".
var eventParticiples = map[string]bool{"signed": true, "celebrated": true, "attended": true, "chaired": true,
	"considered": true, "discussed": true, "reviewed": true, "addressed": true, "welcomed": true}

// passiveRe finds a deadline in the passive with no agent named: "requests
// should be submitted to the Secretariat by ...". Who must act is read
// from the document: its addressee submits, its author issues.
var passiveRe = regexp.MustCompile(`(?i)\b(?:must|should|shall|will|are\s+to|is\s+to|needs?\s+to)\s+be\s+(?P<verb>submitted|sent|provided|received|transmitted|communicated|forwarded|returned|issued|circulated|published|distributed|made\s+available|prepared)\b`)

// pastRe spots a past or pluperfect action between a verb and a date:
// "had submitted their reports by 8 June 2015".
var pastRe = regexp.MustCompile(`(?i)\b(?:had|has\s+been|have\s+been|were|was)\s+\p{L}+ed\b`)

// inviteRe finds who a sentence invites to act, for the passive sentence
// that follows: "The Secretariat therefore invites Contracting Parties to submit".
var inviteRe = regexp.MustCompile(`(?i)\b(?:invites?|invited|requests?|requested|urges?|calls\s+upon|asks?|encourages?)\s+`)

// commitmentsIn turns one sentence into items. lead holds the commitment
// of the sentence that introduced the current list, for bullets that carry
// only a verb ("- to submit comments by 1 May 2024;").
// prev is the previous sentence, which may hold an action entry's task or
// the party a passive sentence leaves unnamed. The reason says why a
// sentence gave nothing.
func commitmentsIn(sn sentence, prev string, ctx docContext, lead *commitment) ([]Item, string) {
	s := sn.text
	lang := language(s)
	if lang != "en" {
		if its := mlCommitments(sn, ctx.dateContext, lang == "ru", lead); len(its) > 0 {
			return its, whyTaken
		}
		if it, ok := trImpersonal(s, ctx.dateContext); ok && lang == "tr" && ctx.states {
			return []Item{it}, whyTaken
		}
		if lang == "ru" {
			return nil, ruReason(s, ctx.dateContext)
		}
	}
	items, why := enCommitments(sn, prev, ctx, lead)
	if lang == "tr" && len(items) == 0 && why == whyNoDate {
		why = mlReason(s, ctx.dateContext, false) // the English reading knows no Turkish dates
	}
	return items, why
}

// enCommitments reads a sentence by the English rules (also the fallback
// for a Turkish guess, which may be wrong).
func enCommitments(sn sentence, prev string, ctx docContext, lead *commitment) ([]Item, string) {
	s := sn.text
	// English sentences hold no Russian or Turkish written dates.
	dates := append(append(findDates(s, ctx.dateContext), relDates(s, ctx.dateContext)...), weekdayDates(s, ctx.dateContext)...)
	deadlineNamed(s, dates)
	dates = withoutOverlaps(dates, periodDates(s, ctx.dateContext))
	dates = withoutOverlaps(dates, enRelDates(s, ctx.dateContext))
	if next := nextDayDates(s, ctx.dateContext); next != nil {
		dates = withoutOverlaps(next, dates) // "by the end of the day tomorrow" is not the meeting's day
	}
	dates = append(dates, clockDayDates(s, dates)...)
	lastFieldDue(s, dates)
	deadlineIsDue(s, dates)
	if len(dates) == 0 {
		if undatedRe.MatchString(s) {
			return nil, whyUndated
		}
		return nil, whyNoDate
	}
	taskBefore := prev
	if sn.bullet {
		taskBefore = "" // a list item's task is its own: the item before is another one
	}
	if loc := actionMarkRe.FindStringIndex(s); loc != nil {
		if it, ok := ownerSuffixItem(s, loc[1], dates, ctx.meeting); ok {
			return []Item{it}, whyTaken // "Provide input ... by 22 December (all)": the owner closes the line
		}
	}
	if it, ok := actionItem(s, taskBefore, dates); ok {
		return []Item{it}, whyTaken
	}
	if loc := actionMarkRe.FindStringIndex(s); loc != nil {
		// "ACTION – The TC to inform the SC by September 2021": the rest
		// of the line is a commitment; shift the dates with it.
		rest := s[loc[1]:]
		actx := ctx
		actx.acronyms = map[string]bool{}
		for a := range ctx.acronyms {
			actx.acronyms[a] = true
		}
		for _, m := range acronymRe.FindAllStringSubmatch(rest, 5) {
			if !notAcronym[m[1]] {
				actx.acronyms[m[1]] = true // on an action line, initials act
			}
		}
		items, why := commitmentsIn(sentence{text: rest, bullet: true}, prev, actx, lead)
		for i := range items {
			items[i].Quote = strings.TrimSpace(s)
		}
		return items, why
	}
	if it, ok := agentPassiveItem(s, dates, ctx); ok {
		return []Item{it}, whyTaken
	}
	why := whyNotDue
	var cms []commitment
	var items []Item
	for _, d := range dates {
		if d.kind == prepNone {
			continue
		}
		if !d.ok {
			why = whyUnresolved
			continue
		}
		if !ctx.meeting.IsZero() && d.date.Before(ctx.meeting) {
			why = whyPast
			continue
		}
		if d.prec == PrecisionYear && d.kind == prepWeak && strings.EqualFold(d.prep, "in") {
			why = whyYear // "workshops remaining in 2015", "hosted in 2024 in Budapest"
			continue
		}
		if cms == nil {
			cms = findCommitments(s, ctx.acronyms)
			if cms == nil {
				cms = []commitment{}
			}
		}
		if len(cms) > 0 && d.end <= cms[0].pstart && strings.Contains(s[d.end:cms[0].pstart], ";") {
			why = whyNoParty // "Comments are due by 15 November; the editors will ...": another clause's party
			continue
		}
		if lead != nil && lead.verb == bodyLeadVerb && !ownUndertakingRe.MatchString(s) {
			lead = nil // "The Deputies" heading: only "agreed to ..." items are its own tasks
		}
		c, ok := governing(cms, d, lead, sn.bullet)
		if !ok {
			c, ok = imperativeOwner(s)
		}
		if ok && permittedOnly(c, d) {
			why = whyNotDue
			continue
		}
		if !ok {
			if it, ok := addresseeItem(s, d, ctx); ok {
				items = append(items, it) // "Kindly send your comments by ...": the document's addressees
				continue
			}
			if it, ok := passiveItem(s, prev, d, ctx); ok {
				items = append(items, it)
				continue
			}
			if it, ok := nominalItem(sn, d); ok {
				items = append(items, it)
				continue
			}
			if it, ok := fieldsItem(sn, d); ok {
				items = append(items, it) // "Secretariat – circulate the ToR – 31/10/2023", "...: 15 February 2024 (all Parties)"
				continue
			}
			why = whyNoParty
			continue
		}
		lo := c.verbStart
		if c.pstart < 0 {
			lo = 0
		}
		between := ""
		if lo < d.pstart {
			between = s[lo:d.pstart]
		}
		if pastRe.MatchString(between) || reportedRequest(s, c, ctx) {
			why = whyPastTense
			continue
		}
		if d.kind == prepWeak && (eventVerbs[c.verb] || eventRe.MatchString(between) || meetingHostedRe.MatchString(between)) {
			why = whyEvent
			continue
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
	if len(items) > 0 {
		why = whyTaken
		if owners, ok := labelOwners(s); ok {
			for i := range items {
				items[i].Parties = append([]string(nil), owners...) // the label names who acts; the text restates it
			}
		}
	}
	return items, why
}

// mlReason says why a Russian or Turkish sentence gave nothing.
func mlReason(s string, ctx dateContext, ru bool) string {
	lang := "tr"
	if ru {
		lang = "ru"
	}
	ds := allDates(s, ctx, lang)
	if len(ds) == 0 {
		if !ru && trUndatedRe.MatchString(s) {
			return whyUndated // "bir sonraki toplantıya kadar"
		}
		return whyNoDate
	}
	for _, d := range ds {
		if d.kind == prepStrong && d.ok {
			return whyNoParty
		}
	}
	return whyNotDue
}

// agentPassiveItem reads "<task> will be <done> by <party> <date>": the
// party commits to the task ("host <activity>" for a hosted one). A bare
// year ("to be hosted in 2024") is the activity's year, not a date the
// party can be held to, and a date of a sitting ("at its session in May")
// is the sitting's.
func agentPassiveItem(s string, dates []dateMatch, ctx docContext) (Item, bool) {
	if !strings.Contains(s, " be ") && !strings.Contains(s, " BE ") {
		return Item{}, false
	}
	m := agentPassiveRe.FindStringSubmatchIndex(s)
	if m == nil || meetingHostedRe.MatchString(s[:m[0]]) {
		return Item{}, false
	}
	verb := strings.ToLower(s[m[2]:m[3]])
	if eventParticiples[verb] || !(strings.HasSuffix(verb, "ed") || irregularParticiples[verb]) {
		return Item{}, false
	}
	ps := findParties(s[m[1]:])
	if len(ps) == 0 || ps[0].start != 0 {
		return Item{}, false
	}
	pend := m[1] + ps[0].end
	for _, d := range dates {
		if d.start < pend || !d.ok || d.kind == prepNone || d.prec == PrecisionYear && d.kind == prepWeak {
			continue
		}
		if !ctx.meeting.IsZero() && d.date.Before(ctx.meeting) || sittingRe.MatchString(s[pend:d.start]) {
			continue
		}
		task := strings.TrimRight(normSpace(s[:m[0]]), " ,")
		text := "host " + lowerArticle(task)
		if !hostingVerbs[verb] {
			done := verb
			if m[4] >= 0 { // "drawn up"
				done = strings.ToLower(normSpace(s[m[2]:m[5]]))
			}
			text = task + " to be " + done
		}
		return Item{
			Parties:      append([]string(nil), ps[0].names...),
			Deadline:     isoDate(d.date),
			Precision:    d.prec,
			DeadlineText: d.deadlineText(s),
			Text:         text,
			Quote:        strings.TrimSpace(s),
		}, true
	}
	return Item{}, false
}

// lowerArticle lowers a sentence's opening article once a verb goes before
// it: "host the training", not "host The training".
func lowerArticle(s string) string {
	for _, a := range []string{"The ", "A ", "An "} {
		if strings.HasPrefix(s, a) {
			return strings.ToLower(a[:1]) + s[1:]
		}
	}
	return s
}

// sittingRe between an agent and a date makes it the date of a sitting.
var sittingRe = regexp.MustCompile(`(?i)\b(?:meeting|session|sitting|conference|summit|plenary)\b`)

// Action lists often name the task as a noun and its owner in passing:
// "Final version (by me) by EOB-Japan Friday", "Deadline for input from
// assignees EOB-US Friday". agentParenRe and deadlineFromRe find that owner.
var (
	agentParenRe   = regexp.MustCompile(`\((?i:by)\s+(?P<who>[^()]{1,40}?)\s*\)`)
	deadlineFromRe = regexp.MustCompile(`^(?i:(?:the\s+)?deadline\s+for\s+)(?P<task>.+?)\s+(?i:from)\s+(?P<who>(?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+){0,2})\s*[,:]?\s*$`)
)

// nominalItem reads a list item that names a task and its owner without a
// verb. Only short list items are read so: in prose, "(by X)" is as often
// an author or a reference.
func nominalItem(sn sentence, d dateMatch) (Item, bool) {
	s := sn.text
	if d.kind != prepStrong || !d.ok || len(strings.Fields(s)) > 25 {
		return Item{}, false
	}
	before := s[:d.pstart]
	var who, task string
	if ps := findParties(before); len(ps) == 1 && ps[0].start == 0 && strings.Trim(before[ps[0].end:], " -–—:,") == "" && strings.Trim(s[d.end:], " .;") == "" {
		// "Turkish side – by 1 March 2024": an entry of a list of who
		// does the task of its heading by when.
		return Item{
			Parties:      append([]string(nil), ps[0].names...),
			Deadline:     isoDate(d.date),
			Precision:    d.prec,
			DeadlineText: d.deadlineText(s),
			Text:         strings.TrimSpace(s),
			Quote:        strings.TrimSpace(s),
		}, true
	}
	if !sn.bullet {
		return Item{}, false
	}
	if m := deadlineFromRe.FindStringSubmatch(before); m != nil {
		task, who = m[1], m[2]
	} else if m := agentParenRe.FindStringSubmatchIndex(before); m != nil {
		who = before[m[2]:m[3]]
		task = strings.TrimSpace(before[:m[0]] + before[m[1]:])
	}
	if who == "" {
		return Item{}, false
	}
	return Item{
		Parties:      []string{normSpace(who)},
		Deadline:     isoDate(d.date),
		Precision:    d.prec,
		DeadlineText: d.deadlineText(s),
		Text:         strings.TrimRight(normSpace(task), " ,;:"),
		Quote:        strings.TrimSpace(s),
	}, true
}

// passiveItem reads a passive deadline with no agent: the party invited in
// the sentence before, else the document's addressee, submits; the
// document's author issues and circulates.
func passiveItem(s, prev string, d dateMatch, ctx docContext) (Item, bool) {
	if d.kind != prepStrong {
		return Item{}, false
	}
	m := passiveRe.FindStringSubmatchIndex(s)
	if m == nil || m[0] > d.start {
		return Item{}, false
	}
	verb := strings.ToLower(s[m[2]:m[3]])
	var party string
	switch verb {
	case "issued", "circulated", "published", "distributed", "made available", "prepared":
		party = ctx.author
	default:
		if loc := inviteRe.FindStringIndex(prev); loc != nil {
			if ps := findParties(prev[loc[1]:]); len(ps) > 0 && ps[0].start == 0 {
				party = ps[0].names[0]
			}
		}
		if party == "" {
			party = ctx.addressee
		}
	}
	if party == "" {
		return Item{}, false
	}
	return Item{
		Parties:      []string{party},
		Deadline:     isoDate(d.date),
		Precision:    d.prec,
		DeadlineText: d.deadlineText(s),
		Text:         strings.TrimRight(normSpace(s[:d.pstart]), " ,"),
		Quote:        strings.TrimSpace(s),
	}, true
}

// undatedRe finds times that name no day a reminder could be set for:
// "early next week", "in mid november", "by the next meeting", "soon".
// --explain names them, so that a reader sees why such a task is not listed.
var undatedRe = regexp.MustCompile(`(?i)\b(?:(?:early|late|later)\s+(?:next|this|the\s+following)\s+week|next\s+week|the\s+following\s+week|in\s+(?:the\s+)?(?:mid|early|late)[-\s]+` + monthPat + `|(?:by|before|at|until)\s+(?:the\s+)?(?:next|following|upcoming)\s+(?:meeting|session|call)|in\s+the\s+coming\s+(?:weeks|months|days)|as\s+soon\s+as\s+possible|asap)`)

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

// lyVerbs end in "-ly" but are verbs: "will apply", "to reply".
var lyVerbs = map[string]bool{"apply": true, "reply": true, "supply": true, "rely": true, "comply": true, "multiply": true, "ally": true, "rally": true, "tally": true, "fly": true}

// lyAdverb tells an adverb between a modal and its verb: "needs to
// actively drive", "will formally submit".
func lyAdverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && !lyVerbs[w]
}

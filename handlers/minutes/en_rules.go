package minutes

import (
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// English rules of issue 14's fourth pass: bodies named in full, times of
// day on a named day, and actions marked done. Each reads other bodies'
// minutes worded differently; the sentence tests are in rules_test.go and
// en_phrasings_test.go.

// clockPat is a time of day as minutes write it in a deadline: "5 pm",
// "17:00", "6:00 PM Central Time", "12.00 hrs (Geneva time)", "noon".
const clockPat = `(?:\d{1,2}[:.]\d{2}(?:\s*(?:[aApP]\.?\s?[mM]\.?|hrs|hours|h))?|\d{1,2}\s*(?:[aApP]\.?\s?[mM]\.?|hrs|hours)|noon|midday|midnight)` +
	`(?:\s+(?:\p{Lu}\p{L}+\s+)?(?:[Tt]ime|CET|CEST|UTC|GMT|EST|EDT|PST|PDT|CST|CDT|MSK|TRT))?(?:\s*\([^()]{1,30}\))?`

// clockThenOnRe is a strong preposition and a time of day, or the close of
// business, just before a date or its "on": "by 5 pm on Friday 12 April",
// "by COB 20 October 2023", "by close of business on 20 October". The date
// is the deadline.
var clockThenOnRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(by|before|until|till|no\s+later\s+than|not\s+later\s+than)\s+(?:` + clockPat + `|` + eobPat + `)\s*,?\s*$`)

// eobPat is the end of a working day: "COB", "EOB-US", "close of business".
const eobPat = `(?:the\s+)?(?:cob|eob|eod|close\s+of\s+(?:business|play)|end\s+of\s+(?:the\s+)?(?:business\s+|working\s+)?day)(?:[-\s](?:us|uk|eu|cet|utc|gmt|pst|est))?`

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
	onDay := false
	for _, d := range dates {
		if d.kind == prepStrong {
			return nil // the sentence has its own deadline
		}
		onDay = onDay || d.ok && d.prec == PrecisionDay && strings.EqualFold(strings.TrimSpace(d.prep), "on")
	}
	if !onDay {
		return nil
	}
	m := clockDeadlineRe.FindStringSubmatchIndex(s)
	if m == nil {
		return nil
	}
	var day *dateMatch
	for i := range dates {
		// The day named last before the time is the one it falls on; a day
		// after it belongs to another clause ("to avoid lines on Monday").
		if d := &dates[i]; d.ok && d.prec == PrecisionDay && d.end <= m[0] && strings.EqualFold(strings.TrimSpace(d.prep), "on") && (day == nil || d.end > day.end) {
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
const bodyHeads = `(?:Committee|Sub-?[Cc]ommittee|Group|Sub-?[Gg]roup|Department|Directorate|Division|Section|Unit|Office|Commission|Council|Board|Team|Agency|Service|Authority|Authorities|Ministry|Ministries|Administration|Governments?|Panel|Network|Forum|Centre|Center|Institute|Force|Party|Presidency|Collegium|Assembly|Plenary|Registry|Rapporteurs?|Co-?[Cc]hairs|Chairs|Coordinators?|Convenors?|Facilitators?|Editors?|Liaisons?|Executive\s+(?:Secretary|Director)|Secretary[- ]General|Director(?:[- ]General)?)`

// lowerHeads are the offices written in lower case after "the": "the
// editors will publish ...", "the co-chairs to issue ...".
const lowerHeads = `(?:editors?|authors?|co-?chairs|chairs|rapporteurs?|convenors?|facilitators?|coordinators?|document\s+shepherd|secretary|organi[sz]ers|moderators?|governments|(?:competent\s+|national\s+)?authorities|(?:(?:informal|ad\s+hoc|expert|drafting|contact|working|technical|editorial|small|joint|core|steering)\s+){1,3}(?:group|team|subgroup|panel|task\s+force))`

// bodyRe reads such a name where a clause begins: at the start of the
// sentence, after a label ("Action:", "**Follow-up:**") or a decision's
// "that", or as the one a decision asks to act ("instructed the Secretary
// General to report back ..."). A qualifier with "on" or "for" stays in the name; "of the X" is
// added by the commitment reader as for any party.
var (
	bodyRe      = regexp.MustCompile(`^(?:\*\*[^*]{1,80}:\*\*\s*|[\p{L} ]{1,30}:\s+)?(` + bodyPat + `)\b`)
	bodyAfterRe = regexp.MustCompile(`(?:\b(?:that|` + askVerbs + `)|[;:])\s+(` + bodyPat + `)\b`)
)

// bodyPat is the name itself.
const bodyPat = `(?:[Tt]he\s+)(?:(?:\p{Lu}[\p{L}'-]*|and|of|on|for)\s+){0,6}?` + bodyHeads +
	`(?:\s+(?:on|for)\s+(?:the\s+)?\p{Lu}[\p{L}-]*(?:\s+(?:and\s+|of\s+|the\s+)?\p{Lu}[\p{L}-]*){0,5})?|[Tt]he\s+` + lowerHeads

// findBodies returns the named bodies that begin a clause of s, when each
// is more than a party phrase already found inside it ("The Customs
// Committee" is not "the Committee"); found loses the phrases they cover.
func findBodies(s string, found []partyMatch) ([]partyMatch, []partyMatch) {
	if !strings.Contains(s, "he ") && !strings.Contains(s, "Part") {
		return nil, found
	}
	var cands []partyMatch
	named := func(sp []int) partyMatch {
		return partyMatch{start: sp[0], end: sp[1], names: []string{"the " + normSpace(s[sp[0]+4:sp[1]])}}
	}
	if m := bodyRe.FindStringSubmatchIndex(s); m != nil {
		cands = append(cands, named(m[2:4]))
	}
	asks := mayAsk(s)
	if asks || strings.Contains(s, "that") || strings.ContainsAny(s, ";:") {
		for _, m := range bodyAfterRe.FindAllStringSubmatchIndex(s, 8) {
			cands = append(cands, named(m[2:4]))
		}
	}
	if asks {
		cands = append(cands, askedParties(s)...)
	}
	cands = append(cands, statesParties(s)...)
	var out []partyMatch
	for _, b := range cands {
		covered := slices.ContainsFunc(found, func(q partyMatch) bool { return q.start <= b.start && b.end <= q.end })
		if covered || slices.ContainsFunc(out, func(q partyMatch) bool { return q.start == b.start }) {
			continue // a party phrase as long: "the Working Group", "The OTS Secretariat"
		}
		found = slices.DeleteFunc(found, func(q partyMatch) bool { return b.start <= q.start && q.end <= b.end })
		out = append(out, b)
	}
	return out, found
}

// askStems are in every word askVerbs reads, lower-cased.
var askStems = []string{"request", "instruct", "invite", "ask", "urge", "mandate", "encourage", "direct", "call"}

// mayAsk is false when s holds none of askVerbs, so that the regexps built
// on them need not scan a long sentence that cannot match.
func mayAsk(s string) bool {
	return mayFold(s, askStems)
}

// mayFold tells whether a (?i) regexp could find one of the lower-case
// ASCII words in s. Only two runes outside ASCII fold to an ASCII letter,
// the long s and the Kelvin sign; either is reason enough to run it.
func mayFold(s string, words []string) bool {
	if strings.Contains(s, "ſ") || strings.Contains(s, "\u212a") {
		return true
	}
	return slices.ContainsFunc(words, func(w string) bool { return containsFold(s, w) })
}

// askedRe is the one a decision asks to act, named in lower case: "Requests
// the lead country to prepare ...", "urges the international community to
// contribute ...", or two in turn: "Requests the lead country, if one is
// selected, or the Secretariat, if one is not, to prepare ...".
var askedRe = regexp.MustCompile(`\b` + askVerbs + `\s+((?:the|all|each)\s+(?:[\p{Ll}-]+\s+){0,2}?[\p{Ll}-]+)(?:\s*,\s*if\s+[^,;]{1,60},\s*or\s+((?:the\s+)?[\p{L}-]+(?:\s+[\p{L}-]+){0,3}?)\s*,\s*if\s+[^,;]{1,60}(?:,|\s)|\s)\s*to\s+\p{Ll}`)

// askedParties returns those parties; "the lead country, if one is selected,
// or the Secretariat, if one is not" is one phrase naming both.
func askedParties(s string) []partyMatch {
	var out []partyMatch
	for _, m := range askedRe.FindAllStringSubmatchIndex(s, 4) {
		first := s[m[2]:m[3]]
		if nonVerbs[strings.Fields(first)[1]] {
			continue // "requests the a ..." cannot be; "invites all the ..." is read elsewhere
		}
		p := partyMatch{start: m[2], end: m[3], names: []string{normSpace(first)}}
		if m[4] >= 0 {
			second := s[m[4]:m[5]]
			if ps := findParties(second); len(ps) == 1 && ps[0].start == 0 && ps[0].end == len(second) {
				second = ps[0].names[0]
			}
			// The phrase ends with the condition, "if one is not", before
			// its comma: the regexp has matched both, so both are there.
			cond := m[5] + strings.Index(s[m[5]:], "if")
			p.end = cond + strings.IndexAny(s[cond:m[1]], ",")
			if p.end < cond {
				p.end = m[5]
			}
			p.names = append(p.names, normSpace(second))
		}
		out = append(out, p)
	}
	return out
}

// statesPartiesRe is how conventions name their parties, kept as written:
// "States Parties", "each State Party".
var statesPartiesRe = regexp.MustCompile(`\b(?:(?:[Ee]ach|[Aa]ll|[Tt]he)\s+)?States?\s+Part(?:y|ies)\b`)

func statesParties(s string) []partyMatch {
	if !strings.Contains(s, "State") {
		return nil
	}
	var out []partyMatch
	for _, m := range statesPartiesRe.FindAllStringIndex(s, 8) {
		name := normSpace(s[m[0]:m[1]])
		if strings.HasPrefix(name, "The ") {
			name = "the " + name[4:]
		}
		out = append(out, partyMatch{start: m[0], end: m[1], names: []string{name}})
	}
	return out
}

// longConj reads a second party of more words than commitHeadRe's shortest
// reading gives it: "parties and all stakeholders to provide ...".
var conjStartRe = regexp.MustCompile(`^\s*,?\s+(?:and|or)\s+`)

func longConj(in string) (vs, ve int, conj string, ok bool) {
	m := conjStartRe.FindStringIndex(in)
	if m == nil {
		return 0, 0, "", false
	}
	var buf [6]token
	ts := tokens(in[m[1]:], buf[:0])
	for k := 1; k < len(ts) && k <= 4; k++ {
		if ts[k-1].word == "," || ts[k-1].word == "." {
			return 0, 0, "", false
		}
		end := m[1] + ts[k-1].end
		if vs, ve, ok := commitTail(in[end:]); ok {
			return end + vs, end + ve, in[:end], true
		}
	}
	return 0, 0, "", false
}

// bodyLeadRe is the line that names the body whose decisions follow as a
// numbered list: "The Deputies", "The Conference of the Parties", "The
// Committee,". Its items begin with a verb: "2. agreed to carry out ...".
var bodyLeadRe = regexp.MustCompile(`^(?:The|the)\s+(?:\p{Lu}[\p{L}'-]*\s*){1,5}(?:of\s+the\s+(?:\p{Lu}[\p{L}'-]*\s*){1,4})?,?\s*$`)

// ownUndertakingRe is an item in which the body itself undertakes to act.
var ownUndertakingRe = regexp.MustCompile(`(?i)\b(?:agreed|agrees|decided|decides|undertook|undertakes|resolved|resolves|committed)\s+to\s+\p{Ll}`)

// bodyLeadVerb marks a lead-in that is such a heading: its body is the
// party only of items where it undertakes to act itself.
const bodyLeadVerb = "(heading)"

// bodyLead reads such a heading as the lead-in of the list that follows.
func bodyLead(s string) *commitment {
	if len(s) > 80 || !bodyLeadRe.MatchString(s) {
		return nil
	}
	name := strings.TrimRight(normSpace(s), " ,")
	if ps := findParties(name); len(ps) == 1 && ps[0].start == 0 && ps[0].end == len(name) {
		return &commitment{parties: ps[0].names, pstart: -1, verb: bodyLeadVerb}
	}
	return &commitment{parties: []string{"the " + name[4:]}, pstart: -1, verb: bodyLeadVerb}
}

// doneMarkRe is an action marked as already done in its own line: "(done)",
// "[DONE]", "- [x]", "Status: completed", "– completed".
var doneMarkRe = regexp.MustCompile(`(?i)[(\[]\s*(?:done|completed|closed|finished|x)\s*[)\]]|\bstatus\s*:\s*(?:done|completed?|closed|finished|resolved)\b|\s[–—-]\s*(?:done|completed|closed)\s*\.?\s*$|\bDONE\b`)

// statusDoneRe is a line that only gives the status of the action before
// it: "Status: completed.", "Done."
var statusDoneRe = regexp.MustCompile(`(?i)^\s*(?:status\s*:\s*)?(?:done|completed?|closed|finished|resolved)\s*\.?\s*$`)

// doneWords are in every reading of doneMarkRe without a bracket.
var doneWords = []string{"done", "complet", "closed", "status"}

// markedDone tells an action line that says it is done, or is followed by
// a line that says so: nobody has to do it any more.
func markedDone(s, next string) bool {
	mayMark := strings.ContainsAny(s, "([") || mayFold(s, doneWords)
	return mayMark && doneMarkRe.MatchString(s) || statusDoneRe.MatchString(next)
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
// hosted: "The next meeting will be hosted by Kazakh side in March 2024",
// "The 3rd AEO Working Group will be hosted by ..." set a meeting's date,
// not a host's deadline.
var meetingHostedRe = regexp.MustCompile(`(?i)\b(?:next|following|subsequent|\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\p{L}+teenth|\p{L}+ieth)\s+(?:[\p{L}-]+\s+){0,4}?(?:meeting|session|working\s+group|committee|conference|forum|plenary)\b`)

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

// askVerbs are a decision's verbs of request, after which the one asked
// to act is named.
const askVerbs = `(?i:requests?|requested|instructs?|instructed|invites?|invited|asks?|asked|urges?|urged|mandates?|mandated|tasks?|tasked|encourages?|encouraged|directs?|directed|calls\s+upon|called\s+upon)`

// interestedRe is whoever wishes to take part, named by that wish: "those
// interested in the position of Chair of GR-EXT should inform the Chair
// ...". The phrase, as written, is the party.
var interestedRe = regexp.MustCompile(`(?:^|\bthat\s+|[:;]\s*)((?i:those|anyone|all\s+those|whoever)\s+(?:interested|wishing|willing|intending)\b[^,;.()]{0,150}?(?:\s*\([^()]{1,40}\))?)\s+(?:should|shall|must|will|may|are\s+(?:invited|requested|asked)\s+to)\s+\p{Ll}`)

// findInterested returns that party phrase.
func findInterested(s string) []partyMatch {
	if !strings.Contains(s, "hose ") && !strings.Contains(s, "nyone ") && !strings.Contains(s, "hoever ") {
		return nil
	}
	m := interestedRe.FindStringSubmatchIndex(s)
	if m == nil {
		return nil
	}
	return []partyMatch{{start: m[2], end: m[3], names: []string{normSpace(s[m[2]:m[3]])}}}
}

// jointRe is a second party that acts together with the first, "the
// governments jointly with the Collegium ... to work out": both must act.
// "In consultation with" names only someone to be consulted.
var jointRe = regexp.MustCompile(`^\s*,?\s*(?i:jointly|together)\s+with\s+(.+?)\s*,?\s+(?:to|will|shall|should|must|would|is|are|has|have|agreed|undertook)\s+\S*$`)

// jointParty returns the party named by "jointly with" in the words
// between a party and its verb, as the party reader names it.
func jointParty(between string) string {
	m := jointRe.FindStringSubmatch(between)
	if m == nil {
		return ""
	}
	if ps := findParties(m[1]); len(ps) == 1 && ps[0].start == 0 && ps[0].end == len(m[1]) {
		return ps[0].names[0]
	}
	return normSpace(m[1])
}

// yearlessHeldRe is a meeting dated without its year, as news of a summit
// writes it: "took part in the session ... in Moscow on 19 March".
var yearlessHeldRe = regexp.MustCompile(`(?i)\b(?:held|took\s+place|took\s+part\s+in|convened|met|opened)\b[^.;\n]{0,200}?\bon\s+(?:(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+)?(?:(\d{1,2})(?:st|nd|rd|th)?\s+(` + monthPat + `)|(` + monthPat + `)\s+(\d{1,2})(?:st|nd|rd|th)?\b)`)

// pastMarkRe marks a sentence that reports an earlier event: "A relevant
// decision was made at the previous summit on 19 December 2011".
var pastMarkRe = regexp.MustCompile(`(?i)\b(?:previous|last|preceding|earlier)\b`)

// yearlessMeeting dates such a meeting: the first of its day and month
// after every earlier event the document dates in full ("the previous
// summit on 19 December 2011" puts "19 March" in 2012). Without such an
// event the year stays unknown: a later date may be the next meeting's.
func yearlessMeeting(head string, ctx dateContext) (time.Time, bool) {
	m := yearlessHeldRe.FindStringSubmatchIndex(head)
	if m == nil {
		return time.Time{}, false
	}
	if rest := strings.TrimLeft(head[m[1]:], " ,"); len(rest) >= 4 && rest[0] >= '0' && rest[0] <= '9' {
		return time.Time{}, false // the year follows: findDates has read it
	}
	var day, month string
	if m[2] >= 0 {
		day, month = head[m[2]:m[3]], head[m[4]:m[5]] // "19 March"
	} else {
		day, month = head[m[8]:m[9]], head[m[6]:m[7]] // "March 19"
	}
	d, _ := strconv.Atoi(day)
	mo := monthNum(month)
	if d < 1 || d > 31 || mo < 1 {
		return time.Time{}, false
	}
	var latest time.Time
	for _, sn := range splitSentences(head) {
		if !pastMarkRe.MatchString(sn.text) {
			continue
		}
		for _, fd := range findDates(sn.text, ctx) {
			if fd.ok && fd.prec == PrecisionDay && fd.date.After(latest) {
				latest = fd.date
			}
		}
	}
	if latest.IsZero() {
		return time.Time{}, false
	}
	t := time.Date(latest.Year(), time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if !t.After(latest) {
		t = t.AddDate(1, 0, 0)
	}
	return t, true
}

// The Working Group's Parties are named in English minutes by their
// country as often as by their side: "Kazakhstan will submit ...", "The
// delegation of Türkiye undertook to ...", "The Kyrgyz Republic will ...".
// sideOfCountry maps each way of naming them to the side; other countries
// are kept as written ("the Russian Federation").
var sideOfCountry = map[string]string{
	"azerbaijan": "Azerbaijani side", "republic of azerbaijan": "Azerbaijani side",
	"kazakhstan": "Kazakh side", "republic of kazakhstan": "Kazakh side",
	"kyrgyzstan": "Kyrgyz side", "kyrgyz republic": "Kyrgyz side",
	"turkey": "Turkish side", "türkiye": "Turkish side", "turkiye": "Turkish side", "republic of turkey": "Turkish side", "republic of türkiye": "Turkish side",
	"uzbekistan": "Uzbek side", "republic of uzbekistan": "Uzbek side",
	"hungary": "Hungarian side", "turkmenistan": "Turkmen side",
}

// countryNames are the countries and unions whose delegations act in the
// minutes of such bodies, besides the Working Group's own.
const countryNames = `Azerbaijan|Kazakhstan|Kyrgyzstan|Kyrgyz\s+Republic|Turkey|Türkiye|Turkiye|Uzbekistan|Hungary|Turkmenistan|` +
	`Russian\s+Federation|Russia|Belarus|Armenia|Tajikistan|Moldova|Ukraine|Georgia|China|Mongolia|Iran|Afghanistan|Pakistan|India|` +
	`European\s+Union|United\s+States(?:\s+of\s+America)?|United\s+Kingdom|Germany|France|Italy|Spain|Poland|Netherlands|Belgium|Switzerland|Austria|` +
	`Bulgaria|Romania|Greece|Serbia|Lithuania|Latvia|Estonia|Finland|Sweden|Norway|Denmark|Czechia|Czech\s+Republic|Slovakia|Slovenia|Croatia|` +
	`Japan|Korea|Canada|Cuba|Egypt|Morocco|Tunisia|Israel`

// countryRe is a country's name; countryPrefixRe what may stand before
// it: "the", "the delegation of", "the Republic of".
var (
	countryRe       = regexp.MustCompile(`\b(?:` + countryNames + `)\b`)
	countryPrefixRe = regexp.MustCompile(`(?:(?i:the)\s+)?(?:(?i:delegations?|representatives?|delegates?|governments?)\s+of\s+(?:the\s+)?)?(?:(?:Republic|Islamic\s+Republic|People's\s+Republic|Kingdom)\s+of\s+(?:the\s+)?)?(?:(?i:the)\s+)?$`)
)

// findCountries returns the countries named in s as parties; a list
// ("Azerbaijan and Uzbekistan") is one phrase with several names.
func findCountries(s string) []partyMatch {
	if !namesCountry(s) {
		return nil // the pattern is slow; most sentences name no country
	}
	var out []partyMatch
	for _, m := range countryRe.FindAllStringIndex(s, 20) {
		start := m[0]
		if p := countryPrefixRe.FindStringIndex(s[max(0, m[0]-48):m[0]]); p != nil {
			start = max(0, m[0]-48) + p[0]
		}
		name := countryParty(s[start:m[1]])
		if n := len(out); n > 0 && listGlue(s[out[n-1].end:start]) {
			out[n-1].end = m[1]
			out[n-1].names = append(out[n-1].names, name)
			continue
		}
		out = append(out, partyMatch{start: start, end: m[1], names: []string{name}})
	}
	return out
}

// countryParty names a country phrase: the side of a Working Group Party,
// else the phrase as written.
func countryParty(phrase string) string {
	key := strings.ToLower(normSpace(phrase))
	for _, p := range []string{"the ", "delegations of ", "delegation of ", "representatives of ", "representative of ", "delegates of ", "delegate of ", "governments of ", "government of ", "the "} {
		key = strings.TrimPrefix(key, p)
	}
	if side, ok := sideOfCountry[key]; ok {
		return side
	}
	return normSpace(phrase)
}

// listGlue tells the words between two names of one list: ", ", " and ".
func listGlue(between string) bool {
	switch strings.TrimSpace(between) {
	case ",", "and", ", and", "&":
		return true
	}
	return false
}

// clauseInitialsRe is a body named by its initials where a clause begins,
// defined in the document or not: "UNECE and IRU to prepare a joint paper
// by ...", "The EEC will prepare the draft decision ...". Only there, and
// only with a commitment's verb after them, do undefined initials act.
var clauseInitialsRe = regexp.MustCompile(`^(?:[\p{L} ]{1,30}:\s+)?((?:[Tt]he\s+)?\p{Lu}{2,6}(?:\s*(?:,|and|&)\s*(?:the\s+)?\p{Lu}{2,6}){0,3})\s+(?:will|shall|to|is\s+to|are\s+to|agreed\s+to|undertook\s+to)\s+\p{Ll}`)

var initialsRe = regexp.MustCompile(`\p{Lu}{2,6}`)

// clauseInitials returns those initials as parties, "the EEC" as written.
func clauseInitials(s string) []partyMatch {
	m := clauseInitialsRe.FindStringSubmatchIndex(s)
	if m == nil {
		return nil
	}
	var names []string
	for _, w := range initialsRe.FindAllString(s[m[2]:m[3]], -1) {
		if notAcronym[w] || notActor[w] || sideOfCountry[strings.ToLower(w)] != "" {
			return nil
		}
		names = append(names, "the "+w)
	}
	if len(names) == 0 {
		return nil
	}
	return []partyMatch{{start: m[2], end: m[3], names: names}}
}

// enRelRe finds the relative deadlines relRe leaves: counted after the
// meeting ("no later than two weeks after the meeting", "10 days following
// the session") or in working days ("within 10 working days").
var enRelRe = regexp.MustCompile(`(?i)\b(?P<prep>(?:no|not)\s+later\s+than|within|by)?\s*(?P<n>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|fifteen|thirty)\s+(?:\(\d+\)\s+)?(?P<work>(?:working|business)\s+)?(?P<u>days?|weeks?|months?)` +
	`(?:\s+(?:after|following|of|from)\s+(?:the\s+(?:end\s+of\s+the\s+|close\s+of\s+the\s+)?|this\s+)(?:meeting|session|call)\b|\b)`)

var enRelGroup = groupIndex(enRelRe)

// enRelDates reads those deadlines against the meeting's date. A bare
// count ("two weeks") is a deadline only after "within" or with "after the
// meeting"; working days skip Saturdays and Sundays.
func enRelDates(s string, ctx dateContext) []dateMatch {
	if !strings.Contains(s, "working") && !strings.Contains(s, "business") && !strings.Contains(s, " after") && !strings.Contains(s, "following") {
		return nil
	}
	var out []dateMatch
	for _, m := range enRelRe.FindAllStringSubmatchIndex(s, 10) {
		get := func(n string) string {
			i := enRelGroup[n]
			if m[2*i] < 0 {
				return ""
			}
			return strings.ToLower(s[m[2*i]:m[2*i+1]])
		}
		phrase := strings.ToLower(s[m[0]:m[1]])
		counted := strings.HasSuffix(phrase, "meeting") || strings.HasSuffix(phrase, "session") || strings.HasSuffix(phrase, "call")
		if !counted && !(get("prep") == "within" && get("work") != "") {
			continue
		}
		n, err := strconv.Atoi(get("n"))
		if err != nil {
			n = numberWords[get("n")]
		}
		start := m[0]
		for start < len(s) && s[start] == ' ' {
			start++
		}
		dm := dateMatch{start: start, end: m[1], pstart: start, prep: get("prep"), kind: prepStrong, prec: PrecisionDay}
		if !ctx.meeting.IsZero() && n > 0 && n <= 365 {
			switch u := get("u"); {
			case get("work") != "" && strings.HasPrefix(u, "day"):
				dm.date = addWorkingDays(ctx.meeting, n)
			case strings.HasPrefix(u, "day"):
				dm.date = ctx.meeting.AddDate(0, 0, n)
			case strings.HasPrefix(u, "week"):
				dm.date = ctx.meeting.AddDate(0, 0, 7*n)
			default:
				dm.date = ctx.meeting.AddDate(0, n, 0)
			}
			dm.ok = true
		}
		out = append(out, dm)
	}
	return out
}

// addWorkingDays counts n days after t, Saturdays and Sundays left out.
func addWorkingDays(t time.Time, n int) time.Time {
	for n > 0 {
		t = t.AddDate(0, 0, 1)
		if t.Weekday() != time.Saturday && t.Weekday() != time.Sunday {
			n--
		}
	}
	return t
}

// eobHint is a cheap test for a date's tail that may end with the close of
// business or a time after a deadline preposition.
func eobHint(tail string) bool {
	return strings.HasSuffix(tail, "cob") || strings.HasSuffix(tail, "eob") || strings.HasSuffix(tail, "eod") ||
		strings.HasSuffix(tail, "business") || strings.HasSuffix(tail, " day") || strings.HasSuffix(tail, "m") || strings.HasSuffix(tail, "m.")
}

// Action lists written as fields: "Secretariat – circulate the revised ToR –
// 31/10/2023", "Deadline for submission of comments: 15 February 2024 (all
// Parties)". The date is the last field, the owner a field (or a bracket
// after the date) that is a party and nothing else.
var fieldSepRe = regexp.MustCompile(`\s+[–—-]\s+|\s*\|\s*|\s*;\s*`)

// deadlineLabelRe is a label that makes the date after it a deadline:
// "Deadline for submission of comments: 15 February 2024".
var deadlineLabelRe = regexp.MustCompile(`(?i)^\W*(?:the\s+)?deadlines?\s+(?:for|of)\s+[^:;]{1,80}:\s*$`)

// lastFieldDue makes a due date of a bare date that closes a line of such
// fields ("... – 31/10/2023") or follows a deadline's label.
func lastFieldDue(s string, dates []dateMatch) {
	for i, d := range dates {
		if d.kind != prepNone || !d.ok {
			continue
		}
		if deadlineLabelRe.MatchString(s[:d.start]) {
			dates[i].kind, dates[i].pstart = prepStrong, d.start
			continue
		}
		before := strings.TrimRight(s[:d.start], " ")
		after := strings.Trim(s[d.end:], " .;)")
		if after != "" || !(strings.HasSuffix(before, "–") || strings.HasSuffix(before, "—") || strings.HasSuffix(before, " -")) {
			continue
		}
		if len(fieldSepRe.FindAllStringIndex(s[:d.start], 3)) < 2 {
			continue // one dash is a range or an aside, two make fields
		}
		dates[i].kind, dates[i].pstart = prepStrong, d.start
	}
}

// ownerBracketAfterRe is the owner in brackets after the date.
var ownerBracketAfterRe = regexp.MustCompile(`^\s*\(([^()]{2,60})\)\s*[.;]?\s*$`)

// fieldsItem reads such a line: short, a list item or action line, its
// date strong, an owner field that is only a party.
func fieldsItem(sn sentence, d dateMatch) (Item, bool) {
	s := sn.text
	if d.kind != prepStrong || !d.ok || len(strings.Fields(s)) > 30 {
		return Item{}, false
	}
	if m := ownerBracketAfterRe.FindStringSubmatch(s[d.end:]); m != nil {
		if owners := wholeParties(m[1]); owners != nil {
			task := strings.TrimRight(normSpace(s[:d.pstart]), " :,–—-")
			task = strings.TrimPrefix(strings.TrimPrefix(task, "Deadline for "), "deadline for ")
			return Item{Parties: owners, Deadline: isoDate(d.date), Precision: d.prec, DeadlineText: d.deadlineText(s), Text: task, Quote: strings.TrimSpace(s)}, true
		}
	}
	if strings.Trim(s[d.end:], " .;)") != "" {
		return Item{}, false
	}
	head := s[:d.pstart]
	if loc := actionMarkRe.FindStringIndex(head); loc != nil {
		head = head[loc[1]:]
	}
	fields := fieldSepRe.Split(strings.TrimSpace(head), -1)
	var owners []string
	var task []string
	for _, f := range fields {
		if f = strings.Trim(f, " :,"); f == "" {
			continue
		}
		if ps := wholeParties(f); ps != nil && owners == nil {
			owners = ps
			continue
		}
		task = append(task, f)
	}
	if owners == nil || len(task) != 1 {
		return Item{}, false
	}
	return Item{Parties: owners, Deadline: isoDate(d.date), Precision: d.prec, DeadlineText: d.deadlineText(s), Text: task[0], Quote: strings.TrimSpace(s)}, true
}

// wholeParties names the parties of a field that is a party phrase and
// nothing else: "Secretariat", "all Parties", "Kazakh side", "Kazakhstan".
func wholeParties(f string) []string {
	f = strings.TrimSpace(f)
	for _, ps := range [][]partyMatch{findParties(f), findCountries(f)} {
		if len(ps) == 1 && ps[0].start == 0 && ps[0].end == len(f) {
			return ps[0].names
		}
	}
	if names, ok := ownerNames(f); ok && (groupRe.MatchString(f) || len(strings.Fields(names[0])) > 1) {
		return names // "John Smith", "All Members"; a single capitalised word may be a place ("Baku")
	}
	return nil
}

// countryFirst holds the first word of every name in countryNames.
var countryFirst = func() map[string]bool {
	m := map[string]bool{}
	for _, n := range strings.Split(countryNames, "|") {
		m[strings.Split(n, `\s+`)[0]] = true
	}
	return m
}()

// namesCountry tells, by a scan of its capitalised words, whether s may
// name a country of countryNames.
func namesCountry(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'A' || s[i] > 'Z' || (i > 0 && isDigitOrLetter(s[i-1])) {
			continue
		}
		j := i + 1
		for j < len(s) && (isDigitOrLetter(s[j]) || s[j] >= 0x80) {
			j++
		}
		if countryFirst[s[i:j]] {
			return true
		}
		i = j
	}
	return false
}

// notActor are initials that name things, not bodies, and so never act
// where a clause begins: "GDP is to grow by 2 per cent by 2025".
var notActor = map[string]bool{
	"GDP": true, "GNP": true, "VAT": true, "CPI": true, "FDI": true, "TIR": true, "AEO": true, "HS": true, "CN": true,
	"ICT": true, "IT": true, "EDI": true, "API": true, "GPS": true, "CCTV": true, "COVID": true, "ASAP": true, "TBD": true,
	"FAQ": true, "ETA": true, "KPI": true, "NB": true, "PS": true, "USD": true, "EUR": true,
}

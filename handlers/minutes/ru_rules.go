package minutes

import (
	"bytes"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Russian decisions name who must act in a few fixed forms: a dative and
// an infinitive ("Узбекской стороне обеспечить", "Комитету
// государственных доходов ... направить"), a nominative and a future verb
// ("ФТС России направит"), a charge ("Поручить X ..."), an agreement that
// introduces the actor ("Стороны договорились, что Узбекская сторона
// представит"), and an owners' line under the task ("Ответственные: ...").
// This file reads those forms; multilang.go reads the dates.

// ruActorResult is who a Russian sentence says must act. assigned means
// the form itself says the party must act (a charge, an owners' line), so
// no verb need confirm it; past means the actor reports a past act.
type ruActorResult struct {
	parties       []string
	end           int
	assigned, ok  bool
	past, stopped bool
}

// ruAgreedClauseRe ends the lead of an agreement or a report whose
// content names the actor: "Стороны договорились: ...", "Стороны
// договорились, что ...", "Кыргызская сторона сообщила, что ...".
var ruAgreedClauseRe = regexp.MustCompile(`(?i)^[^.:;]{0,80}?(?:договорил\p{L}*|решил\p{L}*|согласил\p{L}*|условил\p{L}*|постановил\p{L}*|отметил\p{L}*|сообщил\p{L}*|проинформировал\p{L}*|информировал\p{L}*|заявил\p{L}*)\s*(?::|,\s*что)\s*`)

// ruOwnersRe is an owners' label: "Ответственные: Узбекская сторона",
// "Ответственный исполнитель – Секретариат ОТГ", "Исполнители: ...".
var ruOwnersRe = regexp.MustCompile(`(?i)(?:^|[\s.;])(?:ответственн\p{L}*(?:\s+исполнител\p{L}*)?|исполнител\p{L}*|отв\.)\s*[:–—-]\s*([^.;]+?)\s*(?:[.;]|\s+срок|$)`)

// ruTermLabelRe is a term's label on its own line: "Срок: до 1 марта
// 2024 г.", "Срок исполнения – IV квартал 2024 г.".
var ruTermLabelRe = regexp.MustCompile(`(?i)^(?:срок\p{L}*(?:\s+(?:исполнения|выполнения|представления|реализации))?|ответственн\p{L}*(?:\s+исполнител\p{L}*)?|исполнител\p{L}*|отв\.)\s*[:–—-]`)

// ruJoinLabels joins a Russian task and the label lines under it (its
// term, its owners) into one sentence, as a secretary reads them: the
// task, who, by when. The lines stand next to each other in the text, so
// the joined sentence is still a substring of the normalised document.
func ruJoinLabels(sents []sentence) []sentence {
	out := sents[:0:0]
	for _, sn := range sents {
		if n := len(out); n > 0 && !sn.table && !out[n-1].table && !out[n-1].colon && sn.text != "" &&
			(sn.text[0] == 0xD0 || sn.text[0] == 0xD1) && ruTermLabelRe.MatchString(sn.text) && language(sn.text+" "+out[n-1].text) == "ru" {
			out[n-1].text += " " + sn.text
			continue
		}
		out = append(out, sn)
	}
	return out
}

// ruActor finds who must act in a Russian sentence. masked is the
// sentence with its date phrases blanked out, so that the words of a date
// ("до 1 марта 2024 г.") can stand between an actor and its verb.
func ruActor(s string, masked []byte) ruActorResult {
	if m := ruOwnersRe.FindStringSubmatchIndex(s); m != nil {
		if owners := ruOwners(s[m[2]:m[3]]); len(owners) > 0 {
			return ruActorResult{parties: owners, end: 0, assigned: true, ok: true}
		}
	}
	if loc := ruAgreedClauseRe.FindStringIndex(s); loc != nil && loc[1] < len(s) {
		// The actor of what was agreed or reported is named after the
		// lead; when none is ("... сообщила, что завершит ..."), the
		// speaker reports its own future act.
		if r := ruActorFrom(s, masked, loc[1]); r.ok || r.stopped {
			return r
		}
		if r := ruActorFrom(s, masked, 0); r.ok && ruFutureFirst(masked[loc[1]:]) {
			r.end = loc[1]
			return r
		}
	}
	return ruActorFrom(s, masked, 0)
}

// ruActorFrom reads the actor of s[at:].
func ruActorFrom(s string, masked []byte, at int) ruActorResult {
	shift := func(r ruActorResult) ruActorResult {
		r.end += at
		return r
	}
	sub, msub := s[at:], masked[at:]
	if ps, e, ok := assignee(sub, true); ok {
		return shift(ruActorResult{parties: ps, end: e, assigned: true, ok: true})
	}
	if m := ruAskRe.FindStringIndex(sub); m != nil {
		// "Просить Правительство Республики Казахстан ... рассмотреть":
		// the party asked is the accusative object.
		if r := ruLeadingActor(sub[m[1]:], msub[m[1]:], true); r.ok {
			r.end += m[1]
			r.assigned = true
			return shift(r)
		}
	}
	if r := ruLeadingActor(sub, msub, false); r.ok || r.stopped {
		return shift(r)
	}
	if p, e, ok := ruDativePerson(sub, msub); ok {
		return shift(ruActorResult{parties: []string{p}, end: e, ok: true}) // "Руководителю ... Лихачеву А.Е. направить"
	}
	if ps, e, ok := ruSideList(sub); ok {
		return shift(ruActorResult{parties: ps, end: e, ok: true})
	}
	if ps, e, ok := mlActor(sub, true); ok && !ruVerbBefore(msub[:e]) {
		for i, p := range ps {
			if m := ruOneSideRe.FindStringSubmatch(p); m != nil {
				ps[i] = ruSideName(m[1]) // "Российской стороне" -> "Российская сторона"
			}
		}
		ps, e = ruMoreParties(sub, ps, e)
		return shift(ruActorResult{parties: ps, end: e, ok: true})
	}
	return ruActorResult{}
}

// ruAndRe joins a further party to the one before: "Секретариату ОТГ и
// Турецкой стороне", "Секретариат ОТГ, Кыргызская сторона".
var ruAndRe = regexp.MustCompile(`^(?:\s+\p{Lu}{2,6})?\s*(?:,|\s+и)\s+`)

// ruMoreParties adds the parties joined to the actor that ends at end.
func ruMoreParties(s string, ps []string, end int) ([]string, int) {
	for len(ps) < 6 {
		m := ruAndRe.FindStringIndex(s[end:])
		if m == nil {
			break
		}
		at := end + m[1]
		pm := ruPartyRe.FindStringIndex(s[at:])
		if pm == nil || strings.TrimSpace(s[at:at+pm[0]]) != "" {
			break
		}
		more, e, ok := mlActor(s[at:], true)
		if !ok {
			break
		}
		for _, p := range more {
			if m := ruOneSideRe.FindStringSubmatch(p); m != nil {
				p = ruSideName(m[1])
			}
			ps = append(ps, p)
		}
		end = at + e
	}
	return ps, end
}

// ruFutureFirst tells a clause that starts with a finite future verb:
// "завершит внутригосударственные процедуры".
func ruFutureFirst(b []byte) bool {
	f := strings.Fields(string(b))
	return len(f) > 0 && ruFinite(strings.ToLower(f[0]))
}

// ruSideAdj is the adjective of a state's side: the Working Group's
// ("Азербайджанской", "Турецкая") or any other ("Российской").
var ruSideAdj = `(?:(?:азербайджанск|казахстанск|казахск|кыргызск|киргизск|турецк|узбекск|венгерск)\p{L}*|\p{L}+ск(?:ая|ой|ую|ие|их|ими|им))`

// ruSideListRe is two or more sides named together: "Азербайджанской и
// Казахстанской сторонам", "Казахстанская, Кыргызская и Узбекская стороны".
var ruSideListRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(` + ruSideAdj + `(?:\s*,\s*` + ruSideAdj + `)*\s+и\s+` + ruSideAdj + `\s+сторон\p{L}*)`)

var ruSideAdjRe = regexp.MustCompile(`(?i)` + ruSideAdj)

// ruOneSideRe is one other state's side: "Российской стороне", "Белорусская
// сторона".
var ruOneSideRe = regexp.MustCompile(`(?i)^(` + ruSideAdj + `)\s+сторон(?:а|е|ой)$`)

// ruSideList reads a list of sides that acts, when it is the sentence's
// first party and no preposition governs it.
func ruSideList(s string) ([]string, int, bool) {
	m := ruSideListRe.FindStringSubmatchIndex(s)
	if m == nil || ruObjectPreps[strings.ToLower(precedingWord(s, m[2]))] || ruPartyRe.MatchString(s[:m[2]]) {
		return nil, 0, false
	}
	var names []string
	for _, a := range ruSideAdjRe.FindAllString(s[m[2]:m[3]], -1) {
		names = append(names, ruSideName(a))
	}
	return names, m[3], len(names) > 1
}

// ruSideName names the side of a state from its adjective in any case:
// one of the Working Group's in English ("Турецкой" -> "Turkish side"),
// another in the Russian nominative ("Российской" -> "Российская сторона").
func ruSideName(adj string) string {
	lo := strings.ToLower(adj)
	for stem, n := range sideNames {
		if strings.HasPrefix(lo, stem) {
			return n + " side"
		}
	}
	return ruReplaceEnding(adj, ruSideAdjEndings) + " сторона"
}

// ruSideAdjEndings give a side's adjective in the nominative singular.
var ruSideAdjEndings = []ruEnding{{"ой", "ая"}, {"ую", "ая"}, {"ими", "ая"}, {"ие", "ая"}, {"их", "ая"}, {"им", "ая"}}

// ruActorHeads are the stems of nouns that name who can act: bodies,
// services, sides, officials. A decision's object ("Проект Плана ...
// направить") or a meeting ("Очередное заседание провести") is not one.
var ruActorHeads = []string{
	"комитет", "департамент", "служб", "орган", "министерств", "ведомств", "комисси", "подкомисси", "управлени",
	"агентств", "администраци", "секретариат", "групп", "совет", "центр", "бюро", "инспекци", "организаци",
	"делегаци", "участник", "член", "эксперт", "председател", "руководител", "банк", "палат", "институт",
	"дирекци", "аппарат", "правительств", "таможн", "штаб", "отдел", "академи", "представител", "координатор",
	"оператор", "платформ", "союз", "суд", "прокуратур", "казначейств", "фонд", "коллеги",
}

// ruTitles are a person's titles: "г-н Иванов И.И.", "г-же Петровой".
var ruTitles = map[string]string{"г-н": "г-н", "г-ну": "г-н", "г-жа": "г-жа", "г-же": "г-жа", "господин": "господин", "господину": "господин", "госпожа": "госпожа", "госпоже": "госпожа"}

// ruLeadingActor reads a body or person that opens the sentence and acts:
// its noun phrase (adjectives, a head that names an actor, the genitive
// words and names that say whose it is), then the verb. With an
// infinitive the phrase is a dative and is given in the nominative; with
// a future verb it is already one. A past verb means a report.
func ruLeadingActor(s string, masked []byte, acc bool) ruActorResult {
	type word struct {
		w          string
		start, end int
	}
	var ws []word
	for i := 0; i < len(s) && len(ws) < 16; {
		for i < len(s) && s[i] == ' ' {
			i++
		}
		j := i
		for j < len(s) && s[j] != ' ' {
			j++
		}
		if j > i {
			ws = append(ws, word{s[i:j], i, j})
		}
		i = j
	}
	head, person := -1, false
	for k, w := range ws {
		lw := strings.ToLower(w.w)
		if _, ok := ruTitles[lw]; ok {
			head, person = k, true
			break
		}
		if ruAbbrev(w.w) || ruActorHead(lw) && !(ruAdjective(lw) && k+1 < len(ws)) {
			head = k // "Центральному таможенному управлению": an adjective first
			break
		}
		if !ruAdjective(lw) || k >= 3 {
			return ruActorResult{}
		}
	}
	if head < 0 {
		return ruActorResult{}
	}
	if strings.ContainsAny(s[:ws[head].end], ",:;()") {
		return ruActorResult{}
	}
	// The head's genitive words and names: "государственных доходов
	// Министерства финансов Республики Казахстан", "России", "И.И.".
	last := head
	for k := head + 1; k < len(ws) && k < head+10; k++ {
		w := ws[k].w
		if masked[ws[k].start] == ' ' {
			break // a date phrase starts
		}
		lw := strings.ToLower(w)
		if strings.ContainsAny(w, ",:;") {
			if cw := strings.TrimRight(w, ",:;"); cw != "" && (ruGenitiveLike(strings.ToLower(cw)) || unicode.IsUpper(firstRune(cw))) {
				last = k
			}
			break
		}
		if (lw == "и" || lw == "–" || lw == "-" || lw == "—") && k+1 < len(ws) && ruGenitiveLike(strings.ToLower(ws[k+1].w)) && !ruInfinitive(strings.ToLower(ws[k+1].w)) {
			continue // "законодательства и правоприменительной практики", "государств – членов"
		}
		if unicode.IsUpper(firstRune(w)) || ruAbbrev(w) || (ruGenitiveLike(lw) && !ruInfinitive(lw) && !ruModal[lw]) {
			last = k
			continue
		}
		break
	}
	end := ws[last].end
	phrase := s[ws[0].start:end]
	if m := ruPartyRe.FindStringSubmatchIndex(phrase); m != nil && m[0] == 0 && m[2*ruPartyRe.SubexpIndex("body")] < 0 {
		return ruActorResult{} // a side, the Parties, the Secretariat: mlActor names them
	}
	// The verb: after the phrase and any date phrase, or after a partner
	// ("совместно с Турецкой стороной").
	rest := strings.Fields(string(masked[end:]))
	for k := 0; k < len(rest) && k < 6; k++ {
		lw := strings.ToLower(strings.Trim(rest[k], ",;:"))
		switch {
		case lw == "совместно" || lw == "с" || lw == "со" || lw == "и" || lw == "также":
			continue
		case ruInfinitive(lw) && acc:
			return ruActorResult{parties: []string{ruAccusativePhrase(s[ws[0].start:end])}, end: end, ok: true}
		case ruInfinitive(lw):
			return ruActorResult{parties: []string{ruNominativePhrase(s[ws[0].start:end], person)}, end: end, ok: true}
		case ruModal[lw] || ruFinite(lw):
			if person {
				return ruActorResult{parties: []string{ruPersonName(s[ws[0].start:end], false)}, end: end, ok: true}
			}
			return ruActorResult{parties: []string{normSpace(phrase)}, end: end, ok: true}
		case ruPast(lw):
			return ruActorResult{past: true, stopped: true}
		case k > 0 && (rest[0] == "совместно" || rest[0] == "с"):
			continue // the partner's name
		}
		return ruActorResult{}
	}
	return ruActorResult{}
}

// ruAbbrev tells an acronym of a body: "ФТС", "КГД", "ЕЭК".
func ruAbbrev(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.Is(unicode.Cyrillic, r) || !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 6
}

func ruActorHead(lw string) bool {
	for _, h := range ruActorHeads {
		if strings.HasPrefix(lw, h) {
			return true
		}
	}
	return false
}

// ruAdjective tells a word with an adjective's ending, in the nominative
// or the dative: "Евразийской", "Таможенным", "Национальному", "Высший".
func ruAdjective(lw string) bool {
	for _, e := range []string{"ой", "ей", "ому", "ему", "ым", "им", "ая", "яя", "ое", "ее", "ые", "ие", "ий", "ый", "ую", "юю"} {
		if strings.HasSuffix(lw, e) && utf8.RuneCountInString(lw) > 3 {
			return true
		}
	}
	return false
}

// ruFinite tells a finite present or future verb: "представит",
// "проведут", "проинформируют", "разошлет".
func ruFinite(lw string) bool {
	if utf8.RuneCountInString(lw) < 5 {
		return false
	}
	for _, e := range []string{"ят", "ут", "ют", "ат", "ит", "ет", "ются", "ятся", "утся", "атся", "ится", "ется"} {
		if strings.HasSuffix(lw, e) {
			return true
		}
	}
	return false
}

// ruPast tells a past verb: "представила", "провел", "завершили".
func ruPast(lw string) bool {
	if utf8.RuneCountInString(lw) < 5 {
		return false
	}
	for _, e := range []string{"ил", "ал", "ял", "ел", "ла", "ли", "ло", "лся", "лась", "лись", "лось"} {
		if strings.HasSuffix(lw, e) {
			return true
		}
	}
	return false
}

// ruNominativePhrase gives a dative noun phrase in the nominative, as a
// secretary lists an actor: the adjectives and the head change, the
// genitive words after the head stay as written. "Евразийской
// экономической комиссии" -> "Евразийская экономическая комиссия",
// "Таможенным службам Сторон" -> "Таможенные службы Сторон".
func ruNominativePhrase(p string, person bool) string {
	if person {
		return ruPersonName(p, true)
	}
	f := strings.Fields(p)
	h := 0
	for h < len(f)-1 && ruAdjective(strings.ToLower(f[h])) {
		h++
	}
	head := f[h]
	lh := strings.ToLower(head)
	plural := strings.HasSuffix(lh, "ам") || strings.HasSuffix(lh, "ям")
	neuter := strings.HasSuffix(lh, "ству") || strings.HasSuffix(lh, "нию")
	masc := !plural && !neuter && (strings.HasSuffix(lh, "у") || strings.HasSuffix(lh, "ю"))
	f[h] = ruHeadNominative(head)
	for i := 0; i < h; i++ {
		f[i] = ruAdjNominative(f[i], plural, neuter, masc)
	}
	return strings.Join(f, " ")
}

// ruEnding is one ending rewrite: a word that ends in from ends in to.
type ruEnding struct{ from, to string }

// ruReplaceEnding rewrites w's ending by the first rule that fits it.
func ruReplaceEnding(w string, rules []ruEnding) string {
	lw := strings.ToLower(w)
	for _, r := range rules {
		if strings.HasSuffix(lw, r.from) {
			return w[:len(w)-len(r.from)] + r.to
		}
	}
	return w
}

// ruHeadEndings turn a dative head noun into the nominative: "Комитету"
// -> "Комитет", "службам" -> "службы", "Министерству" -> "Министерство",
// "управлению" -> "управление", "Председателю" -> "Председатель".
var ruHeadEndings = []ruEnding{
	{"ствам", "ства"}, {"ям", "и"}, {"кам", "ки"}, {"гам", "ги"}, {"хам", "хи"}, {"ам", "ы"},
	{"ству", "ство"}, {"ию", "ие"}, {"ии", "ия"}, {"ю", "ь"}, {"е", "а"}, {"у", ""},
}

// ruAskRe is a request to a party: "Просить Правительство ...".
var ruAskRe = regexp.MustCompile(`(?i)^(?:\d+\.\s*)?просить\s+`)

// ruAccEndings turn an accusative noun phrase's feminine words into the
// nominative ("Евразийскую экономическую комиссию" -> "Евразийская
// экономическая комиссия"); masculine and neuter inanimate nouns are the
// same in both cases ("Правительство", "Комитет").
var ruAccEndings = []ruEnding{{"ую", "ая"}, {"юю", "яя"}, {"ию", "ия"}, {"у", "а"}, {"ю", "я"}}

// ruAccusativePhrase gives an accusative actor in the nominative: the
// adjectives and the head change, the genitive words after it stay.
func ruAccusativePhrase(p string) string {
	f := strings.Fields(p)
	for i, w := range f {
		lw := strings.ToLower(w)
		if ruAdjective(lw) && i < len(f)-1 {
			f[i] = ruReplaceEnding(w, ruAccEndings[:2])
			continue
		}
		if !ruAbbrev(w) {
			f[i] = ruReplaceEnding(w, ruAccEndings[2:])
		}
		break
	}
	return strings.Join(f, " ")
}

// ruHeadNominative gives a dative head noun in the nominative; an acronym
// stays.
func ruHeadNominative(w string) string {
	if ruAbbrev(w) {
		return w
	}
	return ruReplaceEnding(w, ruHeadEndings)
}

// The endings of dative adjectives, by the number and gender of the head
// they agree with, and their nominative.
var (
	ruAdjPlural = []ruEnding{{"ым", "ые"}, {"им", "ие"}}
	ruAdjNeuter = []ruEnding{{"ому", "ое"}, {"ему", "ее"}}
	ruAdjMasc   = []ruEnding{{"ому", "ый"}, {"ему", "ий"}}
	ruAdjFem    = []ruEnding{{"ой", "ая"}, {"ей", "яя"}}
)

// ruAdjNominative turns a dative adjective into the nominative that
// agrees with its head.
func ruAdjNominative(w string, plural, neuter, masc bool) string {
	switch {
	case plural:
		return ruReplaceEnding(w, ruAdjPlural)
	case neuter:
		return ruReplaceEnding(w, ruAdjNeuter)
	case masc:
		return ruReplaceEnding(w, ruAdjMasc)
	}
	return ruReplaceEnding(w, ruAdjFem)
}

// ruSurnameEndings turn a dative surname into the nominative:
// "Иванову" -> "Иванов", "Петровой" -> "Петрова".
var ruSurnameEndings = []ruEnding{{"овой", "ова"}, {"евой", "ева"}, {"иной", "ина"}, {"ому", "ий"}, {"у", ""}}

// ruPersonName gives a person as the minutes list them: the title in
// lower case and, from the dative, the nominative ("Г-ну Иванову И.И." ->
// "г-н Иванов И.И.").
func ruPersonName(p string, dative bool) string {
	f := strings.Fields(p)
	if t, ok := ruTitles[strings.ToLower(f[0])]; ok {
		f[0] = t
	}
	if dative && len(f) > 1 {
		f[1] = ruReplaceEnding(f[1], ruSurnameEndings)
	}
	return strings.Join(f, " ")
}

// ruOwners splits an owners' label into its parties, naming the Working
// Group's Parties as the rest of the package does: "Секретариат ОТГ,
// Турецкая сторона" -> "the Secretariat", "Turkish side".
func ruOwners(list string) []string {
	var out []string
	for _, o := range ruOwnerSepRe.Split(list, -1) {
		if o = strings.Trim(normSpace(o), " ."); o != "" {
			out = append(out, ruCanonicalOwner(o, true)...)
		}
	}
	return out
}

var ruOwnerSepRe = regexp.MustCompile(`\s*(?:,|;|\s+и\s+)\s*`)

// ruCanonicalOwner names an owner written in Russian: a side, a list of
// sides, the Parties, the member states (and, with secretariat, the
// Secretariat) in the Working Group's English form; any other body as
// written. An owner is one name, so the party must be all of it, or it
// and the acronym of its organisation ("Секретариат ОТГ").
func ruCanonicalOwner(o string, secretariat bool) []string {
	if ps, e, ok := ruSideList(o); ok && strings.TrimSpace(o[e:]) == "" {
		return ps
	}
	m := ruPartyRe.FindStringSubmatchIndex(o)
	if m == nil || m[0] != 0 {
		return []string{o}
	}
	for _, g := range []string{"side", "parties", "ms", "sec"} {
		i := ruPartyRe.SubexpIndex(g)
		if m[2*i] < 0 {
			continue
		}
		rest := strings.Fields(o[m[2*i+1]:])
		if len(rest) > 1 || len(rest) == 1 && !ruAbbrev(rest[0]) || g == "sec" && !secretariat && !(len(rest) == 1 && rest[0] == "ОТГ") {
			break // a plain "Секретариат" in a table stays as written; the OTS's is the Secretariat
		}
		ps, _, _ := mlActor(o, true)
		return ps
	}
	return []string{o}
}

// ruTableOwners names the Working Group's sides, Parties and member
// states in a Russian owners' cell; other bodies stay as written.
func ruTableOwners(owners []string) []string {
	var out []string
	for _, o := range owners {
		out = append(out, ruCanonicalOwner(o, false)...)
	}
	return out
}

// ruLeadRe is a Russian line that introduces a list of what a party
// agreed or was charged with: "Стороны договорились:", "Поручить
// Секретариату ОТГ:", "Узбекская сторона обязуется:".
var ruLeadRe = regexp.MustCompile(`(?i)(?:^(?:поручить|рекомендовать|предложить)\s[^:]+|(?:договорил|решил|согласил|условил|постановил|обязал|обязу|взял\p{L}*\s+на\s+себя)\p{L}*(?:\s+\p{L}+){0,2})\s*:$`)

// ruLeadIn reads the party of a Russian list's introduction, for the list
// items that name none ("- до 1 апреля 2024 г. обменяться ...").
func ruLeadIn(s string) *commitment {
	if !ruLeadRe.MatchString(s) {
		return nil
	}
	r := ruActorFrom(s, []byte(s), 0)
	if !r.ok {
		return nil
	}
	return &commitment{parties: r.parties, pstart: -1}
}

// ruFirstVerb is ruVerbRe's first match in b that is not a capitalised
// word: inside a sentence a capital starts a name ("Протокола",
// "Соглашения"), never a verb.
func ruFirstVerb(b []byte) []int {
	off := 0
	for off < len(b) {
		m := ruVerbRe.FindSubmatchIndex(b[off:])
		if m == nil {
			return nil
		}
		w := bytes.TrimLeftFunc(b[off+m[0]:off+m[1]], func(r rune) bool { return !unicode.IsLetter(r) })
		if r, _ := utf8.DecodeRune(w); !unicode.IsUpper(r) {
			for i := range m {
				if m[i] >= 0 {
					m[i] += off
				}
			}
			return m
		}
		off += m[1] // the slice's start is a word's edge for the next match
	}
	return nil
}

// ruVerbBefore tells a party, ending where masked ends, that follows the verb of its
// sentence and so is its object: "разослать его Сторонам", "направить
// Сторонам". The words of dates are blanked out in masked.
func ruVerbBefore(masked []byte) bool {
	for _, w := range strings.Fields(string(masked)) {
		lw := strings.ToLower(strings.Trim(w, ",;:"))
		if lw != "" && unicode.IsLower(firstRune(w)) && (ruInfinitive(lw) || ruFinite(lw)) {
			return true
		}
	}
	return false
}

// ruClauseRe ends one of the coordinated tasks of a Russian sentence: ", а
// Секретариату ОТГ ...", "; Турецкой стороне ...". ", а также" adds to the
// same task and does not end it.
var ruClauseRe = regexp.MustCompile(`(?:,\s+а\s+(?:не\s+позднее\s+|до\s+|к\s+|в\s+)?|;\s+)`)

// ruClauses reads a sentence of several dated tasks, each with its actor
// or, when a clause names none ("..., а до 1 апреля 2024 г. – окончательный
// вариант"), the actor of the clause before. It returns nil for a sentence
// of one task, which the caller reads whole. The quote of each item is the
// whole sentence.
func ruClauses(sn sentence, ctx dateContext, lead *commitment) []Item {
	s := sn.text
	if !strings.Contains(s, ", а ") && !strings.Contains(s, "; ") {
		return nil
	}
	var cuts []int
	for _, m := range ruClauseRe.FindAllStringIndex(s, -1) {
		if !strings.HasPrefix(s[m[0]:], ", а также") {
			cuts = append(cuts, m[0])
		}
	}
	if len(cuts) == 0 {
		return nil
	}
	var items []Item
	start, prev, firstOnly := 0, lead, false
	for k, end := range append(cuts, len(s)) {
		clause := strings.TrimLeft(strings.TrimPrefix(strings.TrimPrefix(s[start:end], ","), ";"), " ")
		clause = strings.TrimPrefix(clause, "а ")
		got := mlCommitments(sentence{text: clause, bullet: true}, ctx, true, prev)
		for _, it := range got {
			it.Quote = strings.TrimSpace(s)
			items = append(items, it)
			prev = &commitment{parties: it.Parties, pstart: -1}
			firstOnly = k == 0
		}
		start = end
	}
	if len(items) == 0 || len(items) == 1 && firstOnly && !ruRecurringRe.MatchString(s) {
		return nil // one task, in the first clause: read the sentence whole, as before
	}
	return items
}

// ruRecurringRe marks a standing, repeated task ("ежегодно, до 1
// февраля, информировать ..."): it has no one deadline to remind of.
var ruRecurringRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:ежегодно|ежеквартально|ежемесячно|еженедельно|каждый\s+год|раз\s+в\s+(?:год|квартал|полугодие|месяц))(?:[^\p{L}]|$)`)

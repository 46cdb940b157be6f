package minutes

import (
	"regexp"
	"strings"
	"time"
	"unicode"
)

// trCommitMoreRe adds to trCommitRe the forms of agreement and need that
// name their actor in the nominative or the genitive: "bildirme hususunda
// mutabık kalmışlardır", "sunması hususunda mutabık kalınmıştır",
// "hazırlamak konusunda anlaşmışlardır", "bildirmeleri kararlaştırılmıştır",
// "sunması gerekmektedir".
var trCommitMoreRe = regexp.MustCompile(`(?i)\p{L}(?:ma|me|mak|mek|mas[ıiİ]|mes[iİ]|malar[ıiİ]|meler[iİ])(?:n[ae]|n[ıiİ])?\s+(?:` + foldI("hususunda", "konusunda") + `)\s+(?:` + foldI("mutabık kal", "mutabakata var", "mutabakat sağlan", "anlaş", "uzlaş", "karar ver", "karar alın", "kararlaştır", "görüş birliğine var") + `)` +
	`|\p{L}(?:mas[ıiİ]|mes[iİ]|malar[ıiİ]|meler[iİ])\s+(?:` + trNeedWords + `)` +
	`|\p{L}(?:malar[ıiİ]|meler[iİ])(?:n[ae]|n[ıiİ])?\s+(?:` + foldI("karar veril", "kararlaştırıl", "istenm", "istendi", "talep edil", "rica edil", "uygun görül", "uygun bulun", "öngörül") + `)`)

// trNeedWords are the finite forms of need after a verbal noun:
// "ödemeleri gerekmektedir", "başvurmaları gerekmekte olup", "gerekir",
// "gerekecektir", and the requests of a notice to its members: "önemle
// rica olunur", "hususu önemle duyurulur". A "-mAsI gereken" qualifies the
// noun after it ("tamamlanması gereken seçimler": the elections that were
// to be completed) and binds no one.
var trNeedWords = foldI("gerekmekte", "gerekir", "gerekecek", "gerekiyor", "gereklidir", "gerekli gör", "zorunlu", "şart") +
	`|(?:` + foldI("hususu") + `\s+)?(?:` + foldI("önemle") + `\s+)?(?:` + foldI("rica olun", "rica ederi", "rica edilir") + `)` +
	`|(?:` + foldI("hususu") + `\s+(?:` + foldI("önemle") + `\s+)?|` + foldI("önemle") + `\s+)` + foldI("duyurulur")

// trDayEnd is what may stand between a date and its "kadar" in a notice:
// the weekday ("28 Ocak 2022 Cuma günü", "28 Ocak 2019 Pazartesi"),
// "tarihinde", and the hour ("saat 17.00'ye"). "mesai bitimine" (close of
// business) is read with "tarihine" in trAfterRe.
var trDayEnd = `(?:\s*,?\s*(?:` + trWeekdays + `)(?:\s+` + foldI("günü") + `)?)?(?:\s+` + foldI("tarihinde", "günü") + `)?(?:\s+` + foldI("saat") + `\s*\d{1,2}[.:]\d{2}(?:['’]\p{L}{1,3})?)?`

// trWeekdays are the Turkish weekdays, the longer name first ("cumartesi"
// before "cuma", "pazartesi" before "pazar").
var trWeekdays = foldI("pazartesi", "salı", "çarşamba", "perşembe", "cumartesi", "cuma", "pazar")

// trDateBeforeRe sees a written date just before a weekday: "28 Ocak 2022",
// "01.02.2024", "15 Mart".
var trDateBeforeRe = regexp.MustCompile(`(?i)(?:\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2,4}|\d{1,2}\s+(?:` + trMonths + `))\s*,?\s*$`)

// trCloseOfBusiness are the ends of a working day a deadline is set to.
var trCloseOfBusiness = foldI("mesai bitimine", "mesai saati bitimine", "mesai sonuna", "mesai saati sonuna")

// trInForce are the words before "kal", "ol", "gir" that make a validity,
// not an act: "yürürlükte kalacağını", "geçerli olacağını".
var trInForce = map[string]bool{"yururlukte": true, "yururluge": true, "yururlukten": true, "gecerli": true, "gecerliligini": true, "gecersiz": true}

// trCommit finds the verb that makes a Turkish sentence a commitment. It
// returns where its word starts and whether it is a verbal noun with a
// possessive ("paylaşması kararlaştırılmıştır"), whose actor is in the
// genitive. A validity ("yürürlükte kalacaktır") is no commitment.
func trCommit(s string) (start int, possessive, ok bool) {
	best := -1
	for _, re := range []*regexp.Regexp{trCommitRe, trCommitMoreRe, trDecisionRe} {
		for _, m := range re.FindAllStringIndex(s, 8) {
			ws := wordStartBefore(s, m[0])
			if trInForce[foldTR(lastWord(s[:ws]))] || trAttributive(s, m[1]) {
				continue
			}
			if best < 0 || ws < best {
				best = ws
			}
			break
		}
	}
	if best < 0 {
		return 0, false, false
	}
	w := foldTR(firstWord(s[best:]))
	for _, p := range []string{"masi", "mesi", "malari", "meleri"} {
		possessive = possessive || strings.Contains(w, p)
	}
	return best, possessive, true
}

// trAttributive tells a bare future participle that qualifies the noun
// after it ("gerçekleştirilecek 8. Uluslararası İpek Yolu Forumu",
// "düzenlenecek toplantı"): a finite verb ends its clause or is joined to
// the next by "ve". end is where a match of trCommitRe ends.
func trAttributive(s string, end int) bool {
	if end < 1 || end > len(s) || s[end-1] != ' ' {
		return false
	}
	w := foldTR(strings.TrimRight(s[wordStartBefore(s, end-1):end-1], " "))
	if !strings.HasSuffix(w, "acak") && !strings.HasSuffix(w, "ecek") {
		return false
	}
	switch foldTR(firstWord(s[end:])) {
	case "ve", "veya", "ancak", "olup", "ise", "":
		return false
	}
	return true
}

// wordStartBefore returns the start of the word that holds position i.
func wordStartBefore(s string, i int) int {
	for i > 0 && s[i-1] != ' ' && s[i-1] != ',' && s[i-1] != '(' && s[i-1] != '\n' {
		i--
	}
	return i
}

func lastWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[len(f)-1], ",;:")
}

func firstWord(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return strings.Trim(f[0], ",;:.")
}

// trActor finds who must act in a Turkish commitment: the genitive
// subject of a verbal noun ("Sekretaryanın ... dağıtması talep
// edilmiştir"), else the agent of a passive ("Türk tarafınca ...
// hazırlanacaktır"), else the nominative subject. A genitive that
// qualifies a noun ("Türk tarafının teklifi üzerine") and an agent of a
// participle ("Türk tarafınca hazırlanan taslak") do not act.
func trActor(s string) ([]string, int, bool) {
	vs, possessive, ok := trCommit(s)
	if !ok {
		return nil, 0, false
	}
	ms := trMentions(s)
	if g, ok := trRelativeSubject(s, ms); ok {
		return append([]string(nil), g.names...), g.end, true
	}
	var gen, agent, nom []trMention
	for _, m := range ms {
		if m.start >= vs || m.modifier {
			continue
		}
		switch m.kase {
		case trGenitive:
			gen = append(gen, m)
		case trAgent:
			agent = append(agent, m)
		case trNominative:
			nom = append(nom, m)
		}
	}
	order := [][]trMention{nom, agent}
	if possessive {
		for _, g := range gen {
			if strings.HasPrefix(s[g.end:], ",") {
				gen = []trMention{g} // "Sekretaryanın, ...": the comma sets off the subject
				break
			}
		}
		if len(gen) > 0 {
			gen = gen[len(gen)-1:]
		}
		order = [][]trMention{gen, agent, nom}
	}
	for _, ms := range order {
		if len(ms) > 0 {
			return append([]string(nil), ms[0].names...), ms[0].end, true
		}
	}
	return nil, 0, false
}

// trRelativeSubject finds a genitive party whose own future act, with its
// deadline, qualifies a noun of the sentence: "Taraflar, Sekretaryanın 1
// Mart 2024 tarihine kadar hazırlayacağı taslağı değerlendirecektir". The
// dated act is the genitive party's; the main verb has no date.
func trRelativeSubject(s string, ms []trMention) (trMention, bool) {
	for _, g := range ms {
		if g.kase != trGenitive {
			continue
		}
		rest := s[g.end:]
		for _, w := range strings.Fields(rest) {
			f := foldTR(strings.Trim(w, ",;.:"))
			if strings.HasSuffix(f, "acagi") || strings.HasSuffix(f, "ecegi") || strings.HasSuffix(f, "acaklari") || strings.HasSuffix(f, "ecekleri") {
				between := foldTR(rest[:strings.Index(rest, w)])
				if strings.Contains(between, "kadar") || strings.Contains(between, "icinde") || strings.Contains(between, "icerisinde") {
					return g, true
				}
				break
			}
			if strings.ContainsAny(w, ",;") {
				break // the clause ends
			}
		}
	}
	return trMention{}, false
}

// trDateRe finds the Turkish date phrases mlDateRe does not: a month after
// its year ("2024 yılı Mart ayı sonuna kadar"), a month without a year
// ("Mart ayı sonuna kadar", "Kasım sonuna kadar", "Aralık ayında"), the end
// of the current year ("bu yılın sonuna kadar", "yıl sonuna kadar") and
// "2024 sonuna kadar".
var trDateRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}\d])(?:` +
	`(?P<ym>\d{4})\s+` + foldI("yılı") + `(?:n[ıiİ]n)?\s+(?P<ymm>` + trMonths + `)(?:\s+(?P<ymw>` + foldI("ayında", "ayı içinde", "ayı içerisinde") + `)|\s+` + foldI("ayı") + `(?:n[ıiİ]n)?)?` +
	`|(?P<cy>` + foldI("bu yılın", "bu yıl", "cari yılın", "cari yıl", "yıl") + `)\s+` + foldI("sonuna") +
	`|(?P<yb>\d{4})\s+` + foldI("sonuna") +
	`|(?P<mo>` + trMonths + `)(?:\s+` + foldI("ayı") + `(?:n[ıiİ]n)?)?\s+` + foldI("sonuna") +
	`|(?P<mw>` + trMonths + `)\s+(?:` + foldI("ayında", "ayı içinde", "ayı içerisinde") + `)` +
	`|(?P<mk>` + trMonths + `)\s+` + foldI("ayına") +
	`)(?:[^\p{L}]|$)`)

var trDateGroup = groupIndex(trDateRe)

// trDates returns the dates of trDateRe, each with its kind: a phrase
// ending in "sonuna" is a deadline when "kadar" follows, "ayında" and
// "ayı içinde" are weak, and a bare "2024 yılı Mart ayı" takes the
// postposition after it.
func trDates(s string, ctx dateContext) []dateMatch {
	if !strings.Contains(s, "onuna") && !strings.Contains(s, "ONUNA") && !strings.Contains(s, "ayı") && !strings.Contains(s, "AYI") && !strings.Contains(s, "ayın") && !strings.Contains(s, "AYIN") {
		return nil // the pattern is slow; every phrase it reads has one of these
	}
	var out []dateMatch
	for _, m := range trDateRe.FindAllStringSubmatchIndex(s, 8) {
		get := func(n string) string {
			i := trDateGroup[n]
			if m[2*i] < 0 {
				return ""
			}
			return s[m[2*i]:m[2*i+1]]
		}
		start, end := m[0], m[1]
		for start < end && !(s[start] >= '0' && s[start] <= '9' || isLetterStart(s[start:])) {
			start++
		}
		for end > start && !isLetterEnd(s[:end]) {
			end--
		}
		dm := dateMatch{start: start, end: end, pstart: start}
		weak := false
		switch {
		case get("ymm") != "":
			y, ok := yearOf(get("ym"), ctx)
			mo := trMonth(get("ymm"))
			dm.date, dm.prec, dm.ok = lastOfMonth(y, mo), PrecisionMonth, ok && mo > 0
			weak = get("ymw") != ""
		case get("cy") != "":
			dm.date, dm.prec, dm.ok = time.Date(ctx.year, 12, 31, 0, 0, 0, 0, time.UTC), PrecisionYear, ctx.year != 0
		case get("yb") != "":
			y, ok := yearOf(get("yb"), ctx)
			dm.date, dm.prec, dm.ok = time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), PrecisionYear, ok
		case get("mo") != "" || get("mw") != "" || get("mk") != "":
			mo := trMonth(get("mo") + get("mw") + get("mk"))
			dm.date = rollYear(lastOfMonth(ctx.year, mo), true, ctx)
			dm.prec, dm.ok = PrecisionMonth, ctx.year != 0 && mo > 0
			weak = get("mw") != ""
		}
		if weak {
			dm.kind = prepWeak
		} else {
			trKind(s, &dm) // "sonuna kadar", "Mart ayı içinde"
		}
		out = append(out, dm)
	}
	return out
}

func isLetterStart(s string) bool {
	for _, r := range s {
		return r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r >= 0x80 && r != 0xa0
	}
	return false
}

func isLetterEnd(s string) bool {
	if s == "" {
		return false
	}
	c := s[len(s)-1]
	return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80
}

// trUndatedRe finds Turkish times that name no day: "bir sonraki
// toplantıya kadar", "önümüzdeki toplantıdan önce", "en kısa sürede".
var trUndatedRe = regexp.MustCompile(`(?i)(?:` + foldI("bir sonraki", "sonraki", "gelecek", "önümüzdeki", "müteakip") + `)\s+(?:` + foldI("toplantı", "oturum", "dönem") + `)\p{L}*\s+(?:` + foldI("kadar", "önce", "dek") + `)|` +
	foldI("en kısa sürede", "en kısa zamanda", "mümkün olan en kısa", "ilerleyen dönemde", "yakın gelecekte"))

// trDecisionRe adds the decision forms "yapılması kararı alındı" and
// "hazırlanması kararına varıldı" to the verbal nouns of trCommitMoreRe.
var trDecisionRe = regexp.MustCompile(`(?i)\p{L}(?:mas[ıiİ]|mes[iİ]|malar[ıiİ]|meler[iİ])\s+(?:` + foldI("kararı alın", "kararı alındı", "kararına varıl", "hususunda karar") + `)`)

// trBeforeEventRe reads, after the date of an event to come, that the task
// is due before it: "24 Mayıs 2018 tarihinde ... gerçekleştirilecek 8.
// Uluslararası İpek Yolu Forumu öncesinde", "15 Mart 2024 tarihinde
// yapılacak toplantıdan önce".
var trBeforeEventRe = regexp.MustCompile(`(?i)^\s*(?:` + foldI("tarihinde", "tarihlerinde") + `|['’](?:da|de|ta|te))?\s+[^;:]{0,100}?\p{L}(?:acak|ecek)\s+(?:\S+\s+){0,6}?(?:` + foldI("öncesinde", "öncesine kadar") + `|\p{L}+(?:dan|den|tan|ten)\s+` + foldI("önce") + `)(?:[^\p{L}]|$)`)

// trBeforeEvent makes the date of an event to come a deadline when the
// sentence says the task is due before the event.
func trBeforeEvent(s string, ds []dateMatch) {
	if !strings.Contains(s, "nce") && !strings.Contains(s, "NCE") {
		return // "öncesinde", "önce"
	}
	for i := range ds {
		d := &ds[i]
		if d.kind != prepNone || !d.ok {
			continue
		}
		if m := trBeforeEventRe.FindStringIndex(s[d.end:]); m != nil {
			d.kind = prepStrong
			d.end += len(strings.TrimRightFunc(s[d.end:d.end+m[1]], func(r rune) bool { return !unicode.IsLetter(r) }))
		}
	}
}

// trStatesWords show, in a Turkish document, that its meeting is one of
// states or their delegations: the Parties, member states or countries,
// delegations, a joint economic commission. Plain substring tests: a
// pattern over the whole text cost a quarter of the extraction time.
var trStatesWords = []string{"araflar", "ARAFLAR", "ye devlet", "YE DEVLET", "ye ülke", "YE ÜLKE", "eyetler", "EYETLER", "elegasyon", "ELEGASYON", "arma Ekonomik", "arma ekonomik", "ARMA EKONOMİK"}

// trStatesMeet tells a Turkish record of a meeting of states, whose
// impersonal decisions ("... çalışma yapılması kararı alındı") bind its
// Parties. A university senate's or a council's do not name them.
func trStatesMeet(text string) bool {
	if len(text) > 200000 {
		text = text[:200000]
	}
	if !strings.ContainsAny(text, "ıİşŞğĞ") {
		return false // not Turkish: one scan instead of thirteen
	}
	for _, w := range trStatesWords {
		if strings.Contains(text, w) {
			return true
		}
	}
	return false
}

// trImpersonal reads an impersonal decision that names no party at all:
// "... 24 Mayıs 2018 tarihinde ... Forumu öncesinde çalışma yapılması
// kararı alındı". In a meeting of states the Parties must act.
func trImpersonal(s string, ctx dateContext) (Item, bool) {
	if _, possessive, ok := trCommit(s); !ok || !possessive {
		return Item{}, false
	}
	for _, m := range trMentions(s) {
		if f := foldTR(s[m.start:m.end]); m.kase != trOblique || strings.HasSuffix(f, "a") || strings.HasSuffix(f, "e") {
			return Item{}, false // a party that acts, or one the act is for ("Taraflara iletilmesi")
		}
	}
	for _, d := range allDates(s, ctx, "tr") {
		if !d.ok || d.kind != prepStrong || !ctx.meeting.IsZero() && d.date.Before(ctx.meeting) {
			continue
		}
		return Item{
			Parties:      []string{"the Parties"},
			Deadline:     isoDate(d.date),
			Precision:    d.prec,
			DeadlineText: d.deadlineText(s),
			Text:         normSpace(strings.TrimRight(strings.TrimSpace(s), " .;")),
			Quote:        strings.TrimSpace(s),
		}, true
	}
	return Item{}, false
}

// trOrdinal tells a Turkish ordinal, which is written with a dot: "8.
// Uluslararası İpek Yolu Forumu", "13. Toplantısı". The dot after a
// number of one to three digits ends no sentence when the sentence so far
// is Turkish (it has a letter only Turkish has).
func trOrdinal(w, sentence string) bool {
	if w == "" || len(w) > 3 || strings.Trim(w, "0123456789") != "" {
		return false
	}
	return strings.ContainsAny(sentence, "ıİşŞğĞ")
}

var digitsRe = regexp.MustCompile(`\d+`)

// yearlessHeadDate reads a document that dates itself in its first lines
// with a day and month only, its year written in the same line: "Ankara’da
// 3 Mart‘ta imzalanan “2021 Yılı ... Anlaşması”". The line must name one
// year only, else the day's year is not known.
func yearlessHeadDate(top string, ctx dateContext) (time.Time, bool) {
	for _, line := range strings.Split(top, "\n") {
		y := ""
		for _, n := range digitsRe.FindAllString(line, 20) {
			if len(n) != 4 || n[:2] != "19" && n[:2] != "20" || n == y {
				continue
			}
			if y != "" {
				return time.Time{}, false // "2020-2021": which year the day is in is not said
			}
			y = n
		}
		if y == "" {
			continue
		}
		c := ctx
		c.year, _ = yearOf(y, ctx)
		for _, d := range append(findDates(line, c), mlDates(line, c)...) {
			if d.ok && d.prec == PrecisionDay && d.date.Year() == c.year && !strings.Contains(line[d.start:d.end], y) {
				return d.date, true
			}
		}
	}
	return time.Time{}, false
}

package minutes

import (
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// Russian and Turkish minutes are read with rules of their own: their
// word order (the verb last in Turkish, the dative actor of Russian
// decisions) does not fit the English subject-verb-date pattern.

// foldI spells a lower-case word list for regexp so that the Turkish
// dotted and dotless i match in either case: Go's (?i) folds 'i' only with
// 'I', so "(?i)türkiye" misses "TÜRKİYE" and "(?i)mayıs" misses "MAYIS".
func foldI(words ...string) string {
	var sb strings.Builder
	for i, w := range words {
		if i > 0 {
			sb.WriteByte('|')
		}
		for _, r := range w {
			switch r {
			case 'i', 'ı', 'İ', 'I':
				sb.WriteString(`[iıIİ]`)
			default:
				sb.WriteString(regexp.QuoteMeta(string(r)))
			}
		}
	}
	return sb.String()
}

// TurkishWords returns a regexp alternation of the lower-case words that,
// under (?i), also matches them written with the Turkish dotted and dotless
// i in either case: "türkiye" matches "TÜRKİYE" and "Türkıye". Callers that
// match minutes text use it instead of a bare (?i).
func TurkishWords(words ...string) string { return foldI(words...) }

var (
	ruMonthGen = `января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря`
	// ruMonthNom is the nominative, read only with a year after it: a
	// dateline such as "28 Февраль 2021" on news and agency pages.
	ruMonthNom  = `январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь`
	ruMonthPrep = `январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре`
	trMonths    = foldI("ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık")
)

// mlDateRe finds Russian and Turkish date phrases. Numeric dates are found
// by dateDigitRe; this adds the written ones.
var mlDateRe = regexp.MustCompile(`(?i)(?:` +
	`(?P<rd>\d{1,2})\s+(?P<rm>` + ruMonthGen + `)(?:\s+(?P<ry>\d{4})\s*(?:года|г\.)?)?` +
	`|(?P<rnd>\d{1,2})\s+(?P<rnm>` + ruMonthNom + `)\s+(?P<rny>\d{4})` +
	`|конц[аеу]\s+(?P<rme>` + ruMonthGen + `)(?:\s+(?P<rmey>\d{4})\s*(?:года|г\.)?)?` +
	`|конц[аеу]\s+(?P<rey>\d{4})\s*(?:года|г\.)?` +
	`|(?P<reyn>конц[аеу]\s+(?:текущего|этого)\s+года)` +
	`|(?P<rq>IV|I{1,3}|первого|второго|третьего|четв[её]ртого|первом|втором|третьем|четв[её]ртом|[1-4])[-\s]*(?:го\s+|м\s+)?(?:квартал\p{L}*|кв\.)\s*(?P<rqy>\d{4})` +
	`|(?P<rh>II|I|первого|второго|первом|втором|[12])[-\s]*(?:го\s+|м\s+)?полугоди\p{L}*\s+(?P<rhy>\d{4})` +
	`|(?P<rmp>` + ruMonthPrep + `)\s+(?P<rmpy>\d{4})` +
	`|(?P<td>\d{1,2})\s+(?P<tm>` + trMonths + `)(?:\s+(?P<ty>\d{4}))?` +
	`|(?P<tyy>\d{4})\s+` + foldI("yılı") + `(?:n[ıi]n)?\s+sonu` +
	`|(?P<tyq>\d{4})\s+` + foldI("yılının") + `\s+(?P<tq>` + foldI("ilk", "birinci", "ikinci", "üçüncü", "dördüncü", "son") + `)\s+çeyre\p{L}*` +
	`|(?P<tyh>\d{4})\s+` + foldI("yılının") + `\s+(?P<th>` + foldI("ilk", "ikinci") + `)\s+yar\p{L}*` +
	`|(?P<tmm>` + trMonths + `)\s+(?P<tmy>\d{4})` +
	`)`)

var mlGroup = groupIndex(mlDateRe)

// ruPrepRe is the Russian preposition before a date, anchored at its end.
var ruPrepRe = regexp.MustCompile(`(?i)(?:^|[\s(,;:—–-])(не\s+позднее|не\s+позже|в\s+срок\s+до|до\s+конца|к\s+концу|до|к|в\s+течение|в|во|с|со|от|на|по|срок\p{L}*(?:\s+(?:исполнения|выполнения|представления|реализации))?\s*[:–—-])\s*$`)

// trAfterRe is the Turkish postposition after a date: "1 Mart 2024
// tarihine kadar", "2023 yılı sonuna kadar", "Şubat 2024'te".
var trAfterRe = regexp.MustCompile(`(?i)^(?:['’]?\p{L}{0,6})?` + trDayEnd + `\s*(?:(?P<strong>(?:` + foldI("tarihine", "tarihe", "gününe", "güne", "ayı sonuna", "sonuna", "ayına", "tarihinden", "tarihten") + `|` + trCloseOfBusiness + `)?\s*(?:` + foldI("kadar", "dek", "değin", "önce") + `)\b)|(?P<weak>` + foldI("ayı içinde", "içinde", "içerisinde", "zarfında") + `)|(?P<none>` + foldI("tarihinde", "tarihli", "tarihinden itibaren", "itibaren", "tarih") + `))`)

// trBeforeRe is "en geç" (at the latest) in front of a Turkish date.
var trBeforeRe = regexp.MustCompile(`(?i)(?:\b` + foldI("en geç") + `|(?:^|\s)(?:` + foldI("termin", "son tarih", "bitiş tarihi", "teslim tarihi") + `)\s*:)\s*$`)

// trLocativeRe sees a date phrase whose last word carries the locative,
// "2024 yılının ilk çeyreğinde" (in the first quarter of 2024).
var trLocativeRe = regexp.MustCompile(`\p{L}(?:nde|nda)$`)

// trSuffixInRe recognises "Şubat 2024'te" (in February 2024).
var trSuffixInRe = regexp.MustCompile(`^['’](?:da|de|ta|te|nda|nde)\b`)

var ruMonthNum = map[string]int{"янв": 1, "фев": 2, "мар": 3, "апр": 4, "мая": 5, "мае": 5, "июн": 6, "май": 5, "июл": 7, "авг": 8, "сен": 9, "окт": 10, "ноя": 11, "дек": 12}

func ruMonth(s string) int {
	r := []rune(strings.ToLower(s))
	if len(r) < 3 {
		return 0
	}
	return ruMonthNum[string(r[:3])]
}

func trMonth(s string) int {
	l := foldTR(s)
	for i, m := range []string{"ocak", "subat", "mart", "nisan", "mayis", "haziran", "temmuz", "agustos", "eylul", "ekim", "kasim", "aralik"} {
		if l == m {
			return i + 1
		}
	}
	return 0
}

// foldTR lower-cases s for comparison, folding the Turkish i's to 'i' and
// the other Turkish letters to their Latin bases.
func foldTR(s string) string {
	return strings.Map(func(r rune) rune {
		r = unicode.TurkishCase.ToLower(r)
		switch r {
		case 'ı':
			return 'i'
		case 'ş':
			return 's'
		case 'ğ':
			return 'g'
		case 'ü':
			return 'u'
		case 'ö':
			return 'o'
		case 'ç':
			return 'c'
		}
		return r
	}, s)
}

// mlDates returns the Russian and Turkish written dates of s, with the
// deadline kind read from the preposition before (Russian) or the
// postposition after (Turkish) the date.
func mlDates(s string, ctx dateContext) []dateMatch {
	var out []dateMatch
	for _, c := range matchWindows(s, dateWindows(s), func(s string, p int) (*regexp.Regexp, map[string]int) {
		if !mlFirst(s, p) {
			return nil, nil
		}
		return mlDateRe, mlGroup
	}) {
		m := c.m
		get := func(n string) string {
			i := mlGroup[n]
			if m[2*i] < 0 {
				return ""
			}
			return s[m[2*i]:m[2*i+1]]
		}
		dm := dateMatch{start: m[0], end: m[1], pstart: m[0]}
		turkish := get("td") != "" || get("tyy") != "" || get("tyq") != "" || get("tyh") != "" || get("tmm") != ""
		dm.date, dm.prec, dm.ok = resolveML(get, ctx)
		if turkish {
			trKind(s, &dm)
		} else {
			ruKind(s, &dm)
		}
		out = append(out, dm)
	}
	return out
}

// ruKind reads the Russian preposition before a date: "до", "не позднее",
// "в срок до" make it a deadline, "в", "в течение" a weak one.
func ruKind(s string, dm *dateMatch) {
	lo := max(0, dm.start-40)
	for lo > 0 && !isRuneStart(s[lo]) {
		lo--
	}
	if pm := ruPrepRe.FindStringSubmatchIndex(s[lo:dm.start]); pm != nil {
		dm.prep = strings.TrimSpace(s[lo+pm[2] : lo+pm[3]])
		dm.pstart = lo + pm[2]
		switch strings.ToLower(strings.Join(strings.Fields(dm.prep), " ")) {
		case "не позднее", "не позже", "в срок до", "до", "к", "до конца", "к концу":
			dm.kind = prepStrong
		case "в течение", "в", "во":
			dm.kind = prepWeak
		default:
			if strings.HasPrefix(strings.ToLower(dm.prep), "срок") {
				dm.kind = prepStrong // "Срок исполнения – IV квартал 2024 г."
			}
		}
	}
}

// mlNumericDates returns the numeric dates of a Russian or Turkish
// sentence ("до 30.04.2024", "15.03.2024 tarihine kadar"), their kind
// read from the preposition or postposition of that language: the English
// reading knows neither "до" nor "kadar".
func mlNumericDates(s string, ctx dateContext, ru bool) []dateMatch {
	ds := findDates(s, ctx)
	for i := range ds {
		d := &ds[i]
		if d.kind != prepNone || d.prep != "" || d.prec == PrecisionYear {
			continue // an English preposition was read ("on 15 May") or a bare year
		}
		d.pstart = d.start
		if ru {
			ruKind(s, d)
		} else {
			trKind(s, d)
		}
	}
	return ds
}

// mlFirst tells a word that may begin a Russian or Turkish date: a number,
// a Cyrillic word, a Roman quarter or a Turkish month.
func mlFirst(s string, p int) bool {
	w := wordAt(s, p)
	if w == "" {
		return false
	}
	switch c := w[0]; {
	case c >= '0' && c <= '9', c == 0xD0, c == 0xD1, c == 'i' || c == 'v':
		return true
	}
	return trMonth(w) > 0
}

func isRuneStart(b byte) bool { return b&0xC0 != 0x80 }

// trKind reads the Turkish postposition of a date and extends the date's
// phrase over it, so that DeadlineText reads "1 Mart 2024 tarihine kadar".
func trKind(s string, dm *dateMatch) {
	rest := s[dm.end:]
	if len(rest) > 60 {
		rest = rest[:60]
		for len(rest) > 0 && !isRuneStart(rest[len(rest)-1]) {
			rest = rest[:len(rest)-1]
		}
	}
	if pm := trAfterRe.FindStringSubmatchIndex(rest); pm != nil {
		switch {
		case pm[2] >= 0:
			dm.kind = prepStrong
			dm.prep = strings.TrimSpace(rest[pm[2]:pm[3]])
			dm.end += pm[3]
		case pm[4] >= 0:
			dm.kind = prepWeak
			dm.end += pm[5]
		}
	} else if trSuffixInRe.MatchString(rest) || trLocativeRe.MatchString(s[dm.start:dm.end]) {
		dm.kind = prepWeak // "Şubat 2024'te", "2024 yılının ilk çeyreğinde"
	}
	lo := max(0, dm.start-20)
	for lo > 0 && !isRuneStart(s[lo]) {
		lo--
	}
	if bm := trBeforeRe.FindStringIndex(s[lo:dm.start]); bm != nil {
		dm.kind = prepStrong
		dm.pstart = lo + bm[0]
	}
}

func resolveML(get func(string) string, ctx dateContext) (time.Time, Precision, bool) {
	year := func(y string) (int, bool) { return yearOf(y, ctx) }
	switch {
	case get("rm") != "":
		d, _ := strconv.Atoi(get("rd"))
		return dayDate(get("ry"), ruMonth(get("rm")), d, ctx)
	case get("rnm") != "":
		d, _ := strconv.Atoi(get("rnd"))
		return dayDate(get("rny"), ruMonth(get("rnm")), d, ctx)
	case get("rme") != "":
		y, ok := year(get("rmey"))
		mo := ruMonth(get("rme"))
		return rollYear(lastOfMonth(y, mo), get("rmey") == "", ctx), PrecisionMonth, ok && mo > 0
	case get("rey") != "":
		y, ok := year(get("rey"))
		return time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), PrecisionYear, ok
	case get("reyn") != "":
		y, ok := year("")
		return time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), PrecisionYear, ok
	case get("rq") != "":
		y, ok := year(get("rqy"))
		q := map[string]int{"i": 1, "ii": 2, "iii": 3, "iv": 4, "первого": 1, "второго": 2, "третьего": 3, "четвертого": 4, "четвёртого": 4,
			"первом": 1, "втором": 2, "третьем": 3, "четвертом": 4, "четвёртом": 4, "1": 1, "2": 2, "3": 3, "4": 4}[strings.ToLower(get("rq"))]
		return lastOfMonth(y, q*3), PrecisionQuarter, ok && q > 0
	case get("rh") != "":
		y, ok := year(get("rhy"))
		h := map[string]int{"первого": 1, "второго": 2, "первом": 1, "втором": 2, "1": 1, "2": 2, "i": 1, "ii": 2}[strings.ToLower(get("rh"))]
		return lastOfMonth(y, h*6), PrecisionHalf, ok && h > 0
	case get("rmp") != "":
		y, ok := year(get("rmpy"))
		mo := ruMonth(get("rmp"))
		return lastOfMonth(y, mo), PrecisionMonth, ok && mo > 0
	case get("tm") != "":
		d, _ := strconv.Atoi(get("td"))
		return dayDate(get("ty"), trMonth(get("tm")), d, ctx)
	case get("tyy") != "":
		y, ok := year(get("tyy"))
		return time.Date(y, 12, 31, 0, 0, 0, 0, time.UTC), PrecisionYear, ok
	case get("tyq") != "":
		y, ok := year(get("tyq"))
		q := map[string]int{"ilk": 1, "birinci": 1, "ikinci": 2, "ucuncu": 3, "dorduncu": 4, "son": 4}[foldTR(get("tq"))]
		return lastOfMonth(y, q*3), PrecisionQuarter, ok && q > 0
	case get("tyh") != "":
		y, ok := year(get("tyh"))
		h := map[string]int{"ilk": 1, "ikinci": 2}[foldTR(get("th"))]
		return lastOfMonth(y, h*6), PrecisionHalf, ok && h > 0
	case get("tmm") != "":
		y, ok := year(get("tmy"))
		mo := trMonth(get("tmm"))
		return lastOfMonth(y, mo), PrecisionMonth, ok && mo > 0
	}
	return time.Time{}, "", false
}

// relRe finds relative deadlines in the three languages: "within two
// months", "a month from now", "в двухмесячный срок", "в течение 30 дней",
// "iki ay içinde".
var relRe = regexp.MustCompile(`(?i)(?:` +
	`\bwithin\s+(?:the\s+next\s+)?(?P<en>\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|thirty|sixty|ninety)\s+(?:\(\d+\)\s+)?(?P<eu>days?|weeks?|months?|years?)\b` +
	`|\b(?P<en2>\d{1,3}|an?|one|two|three|four|six)\s+(?P<eu2>days?|weeks?|months?)\s+from\s+(?:now|today|the\s+(?:date\s+of\s+)?(?:this\s+)?meeting)\b` +
	`|(?:^|\s)в\s+(?P<rn>\d{1,3}-|одно|двух|трех|трёх|четырех|пяти|шести|семи|десяти|пятнадцати|тридцати|)(?P<ru>дневный|недельный|месячный)\s+срок` +
	`|(?:^|\s)в\s+течение\s+(?P<rn2>\d{1,3}|одного|двух|трех|трёх|пяти|шести|десяти|)\s*(?:(?P<rw>рабочих)\s+|календарных\s+)?(?P<ru2>дн\p{L}*|недел\p{L}*|месяц\p{L}*|года|год|лет)` +
	`|(?:^|\s)(?P<tn>\d{1,3}|` + foldI("bir", "iki", "üç", "dört", "beş", "altı", "on", "on beş", "otuz") + `)\s*(?:\(\p{L}+(?:\s\p{L}+)?\)\s*)?(?P<tu>` + foldI("gün", "hafta", "ay", "yıl") + `)\s+(?:` + foldI("içinde", "içerisinde", "zarfında") + `)` +
	`)`)

// relHint is a cheap test for the words every relative deadline has.
func relHint(s string) bool {
	for _, w := range []string{"ithin", "from now", "from today", "from the date", "срок", "течение", "çinde", "çerisinde", "zarfında", "ÇİNDE", "ZARFINDA"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}

var relGroup = groupIndex(relRe)

var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "thirty": 30, "sixty": 60, "ninety": 90,
	"одно": 1, "одного": 1, "двух": 2, "трех": 3, "трёх": 3, "четырех": 4, "пяти": 5, "шести": 6, "семи": 7,
	"десяти": 10, "пятнадцати": 15, "тридцати": 30, "": 1,
	"bir": 1, "iki": 2, "uc": 3, "dort": 4, "bes": 5, "alti": 6, "on": 10, "on bes": 15, "otuz": 30,
}

// relDates returns the relative deadlines of s resolved against the
// meeting date; without a meeting date they cannot be resolved.
func relDates(s string, ctx dateContext) []dateMatch {
	if !relHint(s) {
		return nil // the full pattern is slow; most sentences have none of its words
	}
	var out []dateMatch
	for _, m := range relRe.FindAllStringSubmatchIndex(s, -1) {
		get := func(n string) (string, bool) {
			i := relGroup[n]
			if m[2*i] < 0 {
				return "", false
			}
			return s[m[2*i]:m[2*i+1]], true
		}
		var num, unit string
		for _, g := range [][2]string{{"en", "eu"}, {"en2", "eu2"}, {"rn", "ru"}, {"rn2", "ru2"}, {"tn", "tu"}} {
			if u, ok := get(g[1]); ok {
				num, _ = get(g[0])
				unit = u
				break
			}
		}
		if ruForeignAnchor(s[m[1]:]) {
			continue // counted from an event that has no date yet
		}
		n, err := strconv.Atoi(strings.TrimSuffix(num, "-"))
		if err != nil {
			var ok bool
			if n, ok = numberWords[foldTR(strings.ToLower(num))]; !ok {
				continue
			}
		}
		start := m[0]
		for start < len(s) && s[start] == ' ' {
			start++
		}
		dm := dateMatch{start: start, end: m[1], pstart: start, kind: prepStrong, prec: PrecisionDay}
		if !ctx.meeting.IsZero() {
			u := foldTR(strings.ToLower(unit))
			switch {
			case strings.HasPrefix(u, "дн") && m[2*relGroup["rw"]] >= 0:
				dm.date = addWorkdays(ctx.meeting, n)
			case strings.HasPrefix(u, "day") || strings.HasPrefix(u, "дн") || strings.HasPrefix(u, "gun"):
				dm.date = ctx.meeting.AddDate(0, 0, n)
			case strings.HasPrefix(u, "week") || strings.HasPrefix(u, "недел") || strings.HasPrefix(u, "hafta"):
				dm.date = ctx.meeting.AddDate(0, 0, 7*n)
			case strings.HasPrefix(u, "month") || strings.HasPrefix(u, "месяч") || strings.HasPrefix(u, "месяц") || u == "ay":
				dm.date = ctx.meeting.AddDate(0, n, 0)
			case strings.HasPrefix(u, "year") || u == "yil" || strings.HasPrefix(u, "год") || u == "лет":
				dm.date = ctx.meeting.AddDate(n, 0, 0)
			default:
				continue
			}
			dm.ok = n > 0 && n <= 3650
		}
		out = append(out, dm)
	}
	return out
}

// Russian and Turkish parties. Each pattern names its canonical English
// form when it is one of the Working Group's kinds of party; other bodies
// are kept as written.
// Go's \b knows only ASCII letters, so these patterns mark word edges
// with (?:^|[^\p{L}]) and (?:[^\p{L}]|$) and report their groups' spans.
var ruPartyRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:` +
	`(?P<side>(?P<adj>азербайджанск|казахстанск|казахск|кыргызск|киргизск|турецк|узбекск|венгерск)\p{L}*\s+сторон\p{L}*)` +
	`|(?P<oside>\p{L}+ск\p{L}{2}\s+сторон(?:а|е|ы))` +
	`|(?P<parties>Сторон(?:ы|ам))` +
	`|(?P<ms>государств(?:а|ам)\s*[-–—]?\s*член(?:ы|ам))` +
	`|(?P<sec>(?:исполнительн\p{L}+\s+)?секретариат(?:у)?)` +
	`|(?P<body>(?:рабоч|экспертн)\p{L}+\s+групп\p{L}*|комисси[яи]|коллеги[яи]|министерств[оау]\s+\p{L}+)` +
	`)(?:[^\p{L}]|$)`)

var trPartyRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:` +
	`(?P<side>(?P<adj>` + foldI("azerbaycan", "azeri", "kazakistan", "kazak", "kırgızistan", "kırgız", "türkiye", "türk", "özbekistan", "özbek", "macaristan", "macar") + `)\s+(?:` + foldI("tarafı", "tarafının") + `))` +
	`|(?P<parties>` + foldI("tarafların", "taraflar") + `)` +
	`|(?P<ms>` + foldI("üye devletler") + `)` +
	`|(?P<sec>` + foldI("genel sekreterlik", "sekretarya", "sekreterya", "sekreterlik") + `)` +
	`|(?P<body>` + foldI("çalışma grubu", "komisyon", "kurul") + `)` +
	`)(?:[^\p{L}]|$)`)

var sideNames = map[string]string{
	"азербайджанск": "Azerbaijani", "казахстанск": "Kazakh", "казахск": "Kazakh", "кыргызск": "Kyrgyz",
	"киргизск": "Kyrgyz", "турецк": "Turkish", "узбекск": "Uzbek", "венгерск": "Hungarian",
	"azerbaycan": "Azerbaijani", "azeri": "Azerbaijani", "kazakistan": "Kazakh", "kazak": "Kazakh",
	"kirgizistan": "Kyrgyz", "kirgiz": "Kyrgyz", "turkiye": "Turkish", "turk": "Turkish",
	"ozbekistan": "Uzbek", "ozbek": "Uzbek", "macaristan": "Hungarian", "macar": "Hungarian",
}

// ruObjectPreps make the party that follows them an object.
var ruObjectPreps = map[string]bool{"в": true, "во": true, "с": true, "со": true, "к": true, "от": true, "для": true, "по": true, "на": true, "у": true, "между": true, "перед": true, "через": true, "о": true, "об": true, "при": true, "из": true, "и": true}

// mlActor finds the acting party of a Russian or Turkish sentence: the
// first party not governed by a preposition (Russian) and not in an
// oblique case (Turkish: "Taraflara", "Sekretaryaya" do not match).
func mlActor(s string, ru bool) ([]string, int, bool) {
	re := trPartyRe
	if ru {
		re = ruPartyRe
	}
	names := re.SubexpNames()
	for _, m := range re.FindAllStringSubmatchIndex(s, 8) {
		for g := 1; g < len(names); g++ {
			if m[2*g] < 0 || names[g] == "adj" {
				continue
			}
			start, end := m[2*g], m[2*g+1]
			raw := s[start:end]
			if ru && ruObjectPreps[strings.ToLower(precedingWord(s, start))] {
				break
			}
			switch names[g] {
			case "side":
				ai := re.SubexpIndex("adj")
				adj := foldTR(strings.ToLower(s[m[2*ai]:m[2*ai+1]]))
				if n, ok := sideNames[adj]; ok {
					return []string{n + " side"}, end, true
				}
				return []string{raw}, end, true
			case "parties":
				return []string{"the Parties"}, end, true
			case "ms":
				return []string{"the Member States"}, end, true
			case "sec":
				return []string{"the Secretariat"}, end, true
			default:
				if ru {
					name, e := ruBodyName(s, start, end)
					return []string{name}, e, true
				}
				return []string{normSpace(raw)}, end, true
			}
		}
	}
	return nil, 0, false
}

// ruBodyName reads a Russian body named as the actor from its head noun
// at s[start:end] on: the head and the genitive words that name whose body
// it is ("Коллегии Евразийской экономической комиссии провести ..."), up
// to the task's infinitive, a preposition or punctuation. The head is put
// in the nominative as a secretary lists it; the rest stays as written.
func ruBodyName(s string, start, end int) (string, int) {
	words := strings.Fields(s[start:end])
	head := words[len(words)-1]
	if nom := ruNominativeSingular(head); nom != head {
		words[len(words)-1] = nom
		for i, a := range words[:len(words)-1] { // "рабочей группе" -> "рабочая группа"
			if strings.HasSuffix(a, "ой") || strings.HasSuffix(a, "ей") {
				words[i] = a[:len(a)-len("ой")] + "ая"
			}
		}
	}
	for i := 0; i < 6; i++ {
		rest := s[end:]
		t := strings.TrimLeft(rest, " ")
		if len(t) == len(rest) && len(rest) > 0 {
			break // punctuation, not a space, follows
		}
		w := t
		if j := strings.IndexFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' }); j >= 0 {
			w = t[:j]
		}
		lw := strings.ToLower(w)
		if w == "" || ruAssignStop[lw] || ruObjectPreps[lw] || ruModal[lw] || ruInfinitive(lw) || !ruGenitiveLike(lw) {
			break
		}
		words = append(words, w)
		end += len(rest) - len(t) + len(w)
	}
	return strings.Join(words, " "), end
}

// ruModal are the words of obligation and future that follow an actor:
// they end its name ("Экспертная группа должна ...").
var ruModal = map[string]bool{"должен": true, "должна": true, "должно": true, "должны": true, "может": true, "могут": true, "будет": true, "будут": true, "обязан": true, "обязана": true, "обязаны": true, "вправе": true, "совместно": true, "также": true}

// ruGenitiveLike tells a word that can continue a body's name: an
// adjective or noun in the genitive ("Евразийской", "экономической",
// "комиссии", "дел", "государств").
func ruGenitiveLike(w string) bool {
	for _, e := range []string{"ой", "ей", "ого", "его", "ых", "их", "ии", "и", "ы", "а", "я", "ов", "ев", "дел", "ств"} {
		if strings.HasSuffix(w, e) {
			return true
		}
	}
	return false
}

// ruNominativeSingular turns a singular head noun from the dative into the
// nominative: "Коллегии" -> "Коллегия", "Министерству" -> "Министерство",
// "Секретариату" -> "Секретариат", "группе" -> "группа"; a word already
// in the nominative ("Комиссия") stays.
func ruNominativeSingular(w string) string {
	switch {
	case strings.HasSuffix(w, "ии"):
		return strings.TrimSuffix(w, "и") + "я"
	case strings.HasSuffix(w, "ству"):
		return strings.TrimSuffix(w, "у") + "о"
	case strings.HasSuffix(w, "ию"):
		return strings.TrimSuffix(w, "ю") + "е"
	case strings.HasSuffix(w, "пе"):
		return strings.TrimSuffix(w, "е") + "а"
	case strings.HasSuffix(w, "у"):
		return strings.TrimSuffix(w, "у")
	}
	return w
}

var (
	// ruVerbRe finds the first verb-like word: an infinitive, a future or
	// present form, or a past form (-л, -ла, -ли), which rules the sentence out.
	ruVerbRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])\p{L}{3,}?(?:(?P<inf>ть|ти|чь|ться|тись)|(?P<fut>ят|ут|ют|ат|ит|ет|ются|ятся|утся|атся|ится|ется)|(?P<past>ли|ла|ло|лись|лось|лась))(?:[^\p{L}]|$)`)
	// trCommitRe finds a future, necessitative or decided action: "sunacaktır",
	// "bildirmelidir", "gönderilmesine karar verildi".
	trCommitRe = regexp.MustCompile(`(?i)\p{L}(?:acak|ecek)(?:t[ıiİ]r|lar|ler|lard[ıiİ]r|lerd[iİ]r)?(?:[^\p{L}]|$)|\p{L}(?:mal[ıiİ]|mel[iİ])(?:d[ıiİ]r)?(?:[^\p{L}]|$)|\p{L}(?:mas[ıiİ]|mes[iİ])(?:n[ae]|n[ıiİ])?\s+(?:` + foldI("karar veril", "kararlaştırıl", "istenm", "istendi", "talep edil", "rica edil", "uygun görül", "öngörül") + `)` +
		// "iletmeyi kabul etmişlerdir", "tamamlamayı taahhüt etti": agreed, undertook to
		`|\p{L}(?:may[ıiİ]|mey[iİ])\s+(?:` + foldI("kabul et", "taahhüt et", "üstlen", "kararlaştır") + `)` +
		// "tamamlayacağını bildirmiştir": reports its own future act
		`|\p{L}(?:` + foldI("acağını", "eceğini", "acaklarını", "eceklerini") + `)\s+(?:` + foldI("bildir", "belirt", "ifade et", "teyit et", "taahhüt et", "açıkla") + `)`)
)

// allDates is findDates plus the written Russian and Turkish dates and the
// relative deadlines of any of the three languages.
// lang is the sentence's language (see language): only Russian and
// Turkish numeric dates are read with those languages' prepositions.
func allDates(s string, ctx dateContext, lang string) []dateMatch {
	ds := findDates(s, ctx)
	if lang == "ru" || lang == "tr" {
		ds = mlNumericDates(s, ctx, lang == "ru")
	}
	ds = append(append(ds, mlDates(s, ctx)...), relDates(s, ctx)...)
	if lang == "ru" {
		ds = append(ds, ruYearTerms(s, ctx)...)
	}
	if lang == "ru" || lang == "tr" {
		ds = append(ds, mlWeekdayDates(s, ctx)...)
	}
	if lang == "tr" {
		ds = append(ds, trDates(s, ctx)...)
		trBeforeEvent(s, ds)
	}
	return ds
}

// ruAgreedRe is a party agreeing or undertaking to act, in the past tense
// of the minutes, followed by the infinitive of what it will do:
// "Стороны договорились обменяться", "Азербайджанская сторона обязалась
// представить".
var ruAgreedRe = regexp.MustCompile(`(?i)^[^.;]{0,40}?(?:договорил\p{L}*|согласил\p{L}*|обязал\p{L}*|условил\p{L}*|решил\p{L}*|взял\p{L}*\s+на\s+себя\s+обязательство|приняли\s+решение)\s+(?:[^.;\s]+\s+){0,3}?\p{L}+(?:ть|ти|чь|ться|тись)(?:[^\p{L}]|$)`)

// mlMeetingRe finds a meeting or session in a Russian or Turkish sentence:
// a month after "в" or before "'te" there is the meeting's date.
var mlMeetingRe = regexp.MustCompile(`(?i)заседани|встреч|саммит|сесси|совещани|` + foldI("toplantı", "zirve", "oturum", "forum", "konferans", "kongre"))

// mlCommitments reads one Russian or Turkish sentence.
func mlCommitments(sn sentence, ctx dateContext, ru bool, lead *commitment) []Item {
	s := sn.text
	if ru {
		if its := ruClauses(sn, ctx, lead); its != nil {
			return its // "Сторонам до 1 марта ..., а Секретариату до 1 апреля ..."
		}
		if ruRecurringRe.MatchString(s) {
			return nil // "ежегодно, до 1 февраля": a standing task
		}
	}
	var dates []dateMatch
	lang := "tr"
	if ru {
		lang = "ru"
	}
	var weak []dateMatch
	all := allDates(s, ctx, lang)
	actOn := !ru && trActOnDates(s, all) // "30/09/2021 tarihinde ödemek suretiyle"
	if !ru && trOfferRe.MatchString(s) {
		return nil // an offer's closing date binds no one
	}
	for _, d := range all {
		switch {
		case !d.ok:
		case d.kind == prepStrong:
			dates = append(dates, d)
		case d.kind == prepWeak && d.prec != PrecisionYear:
			weak = append(weak, d)
		}
	}
	if len(dates) == 0 && len(weak) > 0 && !mlMeetingRe.MatchString(s) {
		// "Узбекская сторона проведет семинар в феврале 2024 года", "Özbek
		// tarafı Şubat 2024'te bir çalıştay düzenleyecektir": the activity
		// is the party's commitment, with its month, as in English; a
		// meeting's date is not, nor a bare year ("в 2024 году").
		dates = weak
	}
	if len(dates) == 0 {
		return nil
	}
	var parties []string
	var pend int
	var ok, assigned bool
	var masked []byte
	if ru {
		// Date words ("квартала", "года") look like verbs to the
		// pattern; they are blanked out before the verb is looked for.
		masked = []byte(s)
		for _, d := range dates {
			for i := d.pstart; i < d.end && i < len(masked); i++ {
				masked[i] = ' '
			}
		}
		r := ruActor(s, masked)
		if r.past {
			return nil
		}
		if r.parties == nil && lead != nil && sn.bullet {
			r = ruActorResult{parties: lead.parties, assigned: true, ok: true} // "Стороны договорились:\n- до 1 апреля обменяться ..."
		}
		parties, pend, ok, assigned = r.parties, r.end, r.ok, r.assigned
	} else {
		parties, pend, ok = trActor(s) // the cases of Turkish say who acts
		if !ok {
			parties, pend, ok = assignee(s, ru)
			assigned = ok
		}
		if !ok {
			parties, pend, ok = mlActor(s, ru)
		}
		if !ok && lead != nil && sn.bullet {
			parties, ok = lead.parties, true // "üyelerimizin;\n• İlk taksitini ... ödemesi gerekmektedir"
		}
	}
	if !ok {
		return nil
	}
	if assigned {
		// "Поручить X подготовить", "X tarafından ... tamamlanması": the
		// form itself says the party must act.
	} else if ru {
		vm := ruFirstVerb(masked[pend:])
		if vm == nil || vm[6] >= 0 && !ruAgreedRe.Match(masked[pend:]) {
			return nil // no verb, or a past event
		}
	} else if _, _, ok := trCommit(s); !ok {
		return nil
	}
	if !actOn {
		dates = dates[:1] // one task, its first deadline
	}
	var items []Item
	text := strings.TrimRight(strings.TrimSpace(s[pend:]), " .;")
	for _, d := range dates { // a day an act falls on and the final term are two items
		if !ctx.meeting.IsZero() && d.date.Before(ctx.meeting) {
			continue
		}
		items = append(items, Item{
			Parties:      parties,
			Deadline:     isoDate(d.date),
			Precision:    d.prec,
			DeadlineText: d.deadlineText(s),
			Text:         normSpace(text),
			Quote:        strings.TrimSpace(s),
		})
	}
	return items
}

// ruAssignRe finds the party a decision charges: "Поручить министрам
// иностранных дел ... подготовить". The party is the dative phrase after it.
var ruAssignRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(?:поручить|рекомендовать|предложить)\s+`)

// trAgentRe finds the agent of a Turkish passive or verbal noun: "tekliflerin
// üniversiteler tarafından ... tamamlanması".
var trAgentRe = regexp.MustCompile(`(?i)(?:^|[^\p{L}])(\p{L}+)\s+` + foldI("tarafından") + `\s`)

// trNeedRe finds a verbal noun that states what is required: "tamamlanması
// konusunda", "gönderilmesi gerekmektedir", "sunulması istenmiştir".
var trNeedRe = regexp.MustCompile(`(?i)\p{L}(?:mas[ıi]|mesi)\s+(?:` + foldI("konusunda", "gerek", "istenm", "talep edil", "hususunda", "için") + `)`)

// ruAssignStop ends the charged party: a joint partner, a comma, a
// preposition that starts the task, or the infinitive of the task.
var ruAssignStop = map[string]bool{"совместно": true, "с": true, "со": true, "в": true, "до": true, "не": true, "к": true, "по": true, "при": true, "на": true}

// assignee finds the party a decision charges in Russian ("Поручить X
// ...") or the agent of a Turkish requirement ("X tarafından ...
// tamamlanması konusunda"); the party is given in the nominative, as a
// secretary would list it.
func assignee(s string, ru bool) ([]string, int, bool) {
	if !ru {
		m := trAgentRe.FindStringSubmatchIndex(s)
		if m == nil || !trNeedRe.MatchString(s[m[1]:]) {
			return nil, 0, false
		}
		return []string{s[m[2]:m[3]]}, m[1], true
	}
	m := ruAssignRe.FindStringIndex(s)
	if m == nil {
		return nil, 0, false
	}
	words := strings.Fields(s[m[1]:])
	var np []string
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ",;:"))
		if len(np) > 0 && (ruAssignStop[lw] || ruInfinitive(lw)) {
			break
		}
		np = append(np, strings.TrimRight(w, ",;:"))
		if strings.HasSuffix(w, ",") || len(np) >= 10 {
			break
		}
	}
	if len(np) == 0 {
		return nil, 0, false
	}
	if mm := ruPartyRe.FindStringSubmatchIndex(strings.Join(np, " ")); mm != nil && mm[0] == 0 {
		return nil, 0, false // "Поручить Сторонам", "государствам-членам": the usual rules name them
	}
	// The leading adjectives and the head noun are in the dative; what
	// follows ("иностранных дел", "государств-членов") stays as written.
	if p, ok := ruPartiesBodies(strings.Join(np, " ")); ok {
		return []string{p}, m[1], true // "поручить соответствующим министерствам и ведомствам Сторон"
	}
	h := 0
	for h < len(np)-1 && ruAdjective(strings.ToLower(np[h])) {
		h++
	}
	head := ruNominativePhrase(strings.Join(np[:h+1], " "), false)
	return []string{strings.Join(append([]string{head}, np[h+1:]...), " ")}, m[1], true
}

func ruInfinitive(w string) bool {
	for _, e := range []string{"ть", "ти", "чь", "ться", "тись"} {
		if strings.HasSuffix(w, e) && utf8.RuneCountInString(w) > 4 {
			return true
		}
	}
	return false
}

// language guesses the language of one sentence: "ru" when it has Cyrillic
// letters, "tr" when it has a Turkish date or postposition, else "en".
func language(s string) string {
	cyr := 0
	for _, r := range s {
		if unicode.Is(unicode.Cyrillic, r) {
			cyr++
			if cyr > 3 {
				return "ru"
			}
		}
	}
	for _, w := range trHints {
		if strings.Contains(s, w) {
			return "tr"
		}
	}
	return "en"
}

// trHints are Turkish words of deadlines and commitments, as written in
// running text and in capitals.
var trHints = []string{"kadar", "tarihine", "tarihinde", "içinde", "içerisinde", "en geç", "tarafı", "Taraflar", "taraflar", "yılı", "acaktır", "ecektir",
	"KADAR", "TARİHİNE", "TARAFI", "TARAFLAR"}

package minutes

import (
	"regexp"
	"strings"
)

// A chamber's or association's notice to its members sets its terms in
// three forms the commitment rules alone misread: a line that names who
// the list under it is for ("taksitli ödeme seçeneğini talep eden
// üyelerimizin;"), the day an act falls due inside an obligation ("İlk
// taksitini 30/09/2021 tarihinde ödemek suretiyle ... 28/02/2022 tarihine
// kadar ödemesi gerekmektedir": two dated acts), and an offer's closing
// date that binds nobody ("31/12/2019 tarihine kadar ... peşin ödeyen
// üyelerimiz ... ödemiş sayılacaklardır").

// trLeadLine tells a Turkish line that introduces a list for the party it
// ends with, in the genitive: "Yapılandırmada taksitli ödeme seçeneğini
// talep eden üyelerimizin;", "Türk tarafının:".
func trLeadLine(s string) bool {
	t := strings.TrimSpace(s)
	return (strings.HasSuffix(t, ";") || strings.HasSuffix(t, ":")) && language(t) != "ru" && trLeadIn(t) != nil
}

// trLeadIn reads the party of a Turkish list's introduction: the genitive
// mention that ends the line, the subject of every item under it.
func trLeadIn(s string) *commitment {
	t := strings.TrimRight(strings.TrimSpace(s), ";:")
	ms := trMentions(t)
	if len(ms) == 0 {
		return nil
	}
	m := ms[len(ms)-1]
	if m.kase != trGenitive || strings.TrimSpace(t[m.end:]) != "" {
		return nil
	}
	return &commitment{parties: m.names, pstart: -1}
}

// trActOnRe is a day followed by the act that falls on it, as a verbal
// noun or an infinitive of manner: "30/09/2021 tarihinde ödemek
// suretiyle", "1 Mart 2024 tarihinde teslim edilmesi". A participle after
// the day ("tarihinde yürürlüğe giren", "tarihinde yapılacak toplantı")
// dates an event, not an act due.
var trActOnRe = regexp.MustCompile(`(?i)^(\s*` + foldI("tarihinde") + `)\s+(?:\p{L}+\s+){0,2}?\p{L}+(?:mek|mak|mes[iİ]|mas[ıI]|meler[iİ]|malar[ıI])(?:\s+` + foldI("suretiyle") + `|\s+(?:` + trNeedWords + `)|\s*,)`)

// trNeedInRe is an obligation stated in the sentence: "gerekmektedir",
// "zorunludur".
var trNeedInRe = regexp.MustCompile(`(?i)(?:` + trNeedWords + `)`)

// trActOnDates marks as deadlines the days on which an act of an
// obligation falls ("tarihinde ödemek suretiyle") and tells whether it
// found one; other "tarihinde" dates stay what they are (the day
// something happened or will happen).
func trActOnDates(s string, ds []dateMatch) bool {
	if !trNeedInRe.MatchString(s) {
		return false
	}
	found := false
	for i := range ds {
		d := &ds[i]
		if d.kind != prepNone || !d.ok || d.prec != PrecisionDay {
			continue
		}
		if m := trActOnRe.FindStringSubmatchIndex(s[d.end:]); m != nil {
			d.kind = prepStrong
			d.end += m[3]
			found = true
		}
	}
	return found
}

// trOfferRe is the predicate of an offer or a deeming, which obliges no
// one: "ödemiş sayılacaklardır", "sayılır", "yararlanabilecektir",
// "faydalanabilirler", "indirim uygulanacaktır".
var trOfferRe = regexp.MustCompile(`(?i)(?:` + foldI("sayılır", "sayılacak", "sayılırlar", "yararlanabil", "faydalanabil", "yararlanır", "faydalanır", "indirim uygulan", "indirimden yararlan") + `)\p{L}*\s*[.!]?\s*$`)

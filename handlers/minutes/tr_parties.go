package minutes

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Turkish names its actor by case: the nominative subject of a finite
// verb ("Türk tarafı ... sunacaktır"), the genitive subject of a verbal
// noun ("Kazak tarafının ... sunması kararlaştırılmıştır") and the agent of
// a passive ("Türk tarafınca", "Sekretaryaca", "Ticaret Bakanlığı
// tarafından ... hazırlanacaktır"). Every other case (Taraflara,
// Sekretaryaya, Türk tarafıyla) names someone the action is for or with.
type trCase int

const (
	trOblique trCase = iota
	trNominative
	trGenitive
	trAgent
)

// trMention is one party named in a Turkish sentence, with its case.
type trMention struct {
	start, end int // byte span, the case ending and a following "tarafından" included
	names      []string
	kase       trCase
	modifier   bool // a genitive that qualifies a noun ("Türk tarafının teklifi üzerine")
}

// trWord is a word of a Turkish sentence with its folded form.
type trWord struct {
	start, end int
	raw, fold  string
}

// trWords splits s into words; an apostrophe and its suffix stay in the
// word ("Yılmaz'ın"), a dot after "Sn" too.
func trWords(s string) []trWord {
	var out []trWord
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			i += n
			continue
		}
		j := i
		for j < len(s) {
			r, n := utf8.DecodeRuneInString(s[j:])
			if unicode.IsLetter(r) {
				j += n
				continue
			}
			if (r == '\'' || r == '’') && j+n < len(s) {
				if q, _ := utf8.DecodeRuneInString(s[j+n:]); unicode.IsLetter(q) {
					j += n
					continue
				}
			}
			break
		}
		out = append(out, trWord{start: i, end: j, raw: s[i:j], fold: foldTR(s[i:j])})
		i = j
	}
	return out
}

// trSideCase reads the case ending after "taraf" in a side's name:
// "tarafı", "tarafının", "tarafınca", "tarafından".
func trSideCase(rest string) (trCase, bool) {
	switch rest {
	case "i":
		return trNominative, true
	case "inin":
		return trGenitive, true
	case "inca", "indan":
		return trAgent, true
	}
	return trOblique, false
}

// trEndingCase reads the case ending of a plural or a bare noun:
// "Taraflar", "Tarafların", "Taraflarca"; "Sekretarya", "Sekretaryanın",
// "Sekretaryaca". gen and agent are the endings after a vowel or a
// consonant.
func trEndingCase(rest string, gen, agent []string) trCase {
	if rest == "" {
		return trNominative
	}
	for _, g := range gen {
		if rest == g {
			return trGenitive
		}
	}
	for _, a := range agent {
		if rest == a {
			return trAgent
		}
	}
	return trOblique
}

// trPossCase reads a compound's possessive and case ending: "Bakanlığı",
// "Bakanlığının", "Bakanlığınca", the possessive vowel being one of
// ı, i, u, ü (folded: i, u) or sı, si, su, sü after a vowel. n is the
// length of the possessive, for the name in the nominative.
func trPossCase(rest string) (kase trCase, n int) {
	for _, p := range []string{"si", "su", "i", "u"} {
		if !strings.HasPrefix(rest, p) {
			continue
		}
		switch strings.TrimPrefix(rest, p) {
		case "":
			return trNominative, len(p)
		case "nin", "nun":
			return trGenitive, len(p)
		case "nca", "nce":
			return trAgent, len(p)
		}
		return trOblique, len(p)
	}
	return trOblique, 0
}

// trInstitutionHeads are the head nouns of Turkish institutions' names,
// folded, without their possessive: "Gümrükler Genel Müdürlüğü", "Ticaret
// Bakanlığı", "Yönetim Kurulu", "Çalışma Grubu".
var trInstitutionHeads = []string{
	"bakanlig", "mudurlug", "baskanlig", "kurum", "kurul", "komite", "komisyon", "grub", "merkez",
	"rektorlug", "dekanlig", "universite", "fakulte", "valilig", "belediye", "oda", "birlig", "ajans",
	"idare", "enstitu", "teskilat", "mustesarlig", "kurulus", "konsey", "heyet", "senato", "sekreterlig",
	"ofis", "daire",
}

// trPostpositions follow a noun that they govern: "Taraflar arasında",
// "Türk tarafı ile", "Sekretarya için". A party before one does not act.
var trPostpositions = map[string]bool{
	"arasinda": true, "icin": true, "ile": true, "gibi": true, "hakkinda": true, "adina": true,
	"nezdinde": true, "disinda": true, "haricinde": true,
}

// trUnderOf are the nouns that make the name before them a qualifier of
// circumstance: "Kırgızistan ev sahipliğinde" (hosted by), "Türk tarafı
// başkanlığında" (chaired by), "Sekretarya koordinasyonunda".
var trUnderOf = map[string]bool{
	"sahipliginde": true, "baskanliginda": true, "onderliginde": true, "koordinasyonunda": true,
	"himayesinde": true, "onculugunde": true, "katilimiyla": true, "destegiyle": true, "isbirligiyle": true,
	"esbaskanliginda": true, "gozetiminde": true,
}

// trGovernsGenitive are the postpositions after a genitive's head noun:
// "Türk tarafının teklifi üzerine", "Sekretaryanın notu uyarınca".
var trGovernsGenitive = map[string]bool{
	"uzerine": true, "dogrultusunda": true, "uyarinca": true, "cercevesinde": true, "kapsaminda": true,
	"hakkinda": true, "ile": true, "iliskin": true, "dair": true, "yonelik": true, "icin": true,
	"geregince": true, "nedeniyle": true, "sonucunda": true,
}

// trSentenceAdverbs begin a sentence in capitals without naming a body.
var trSentenceAdverbs = map[string]bool{"ayrica": true, "bu": true, "ancak": true, "buna": true, "bununla": true, "sonuc": true, "diger": true, "ote": true, "ilaveten": true, "karar": true}

// trMentions finds the parties of a Turkish sentence with their cases.
func trMentions(s string) []trMention {
	ws := trWords(s)
	var out []trMention
	for i := 0; i < len(ws); i++ {
		m, last, ok := trMentionAt(s, ws, i)
		if !ok {
			continue
		}
		if last+1 < len(ws) && m.names[0] != "the Secretariat" && strings.HasPrefix(ws[last+1].fold, "sekret") {
			continue // "Türk Devletleri Teşkilatı Sekretaryası" is the Secretariat
		}
		if last+1 < len(ws) {
			next := ws[last+1]
			switch {
			case next.fold == "tarafindan" && m.kase == trNominative:
				m.kase, m.end = trAgent, next.end // "Ticaret Bakanlığı tarafından"
				last++
			case trPostpositions[next.fold] && m.kase != trAgent:
				m.kase = trOblique
			case m.kase == trNominative && (trUnderOf[next.fold] || next.fold == "ev" && last+2 < len(ws) && trUnderOf[ws[last+2].fold]):
				m.kase = trOblique // "Kırgızistan ev sahipliğinde", "Türk tarafı başkanlığında"
			case m.kase == trGenitive && last+2 < len(ws) && trGovernsGenitive[ws[last+2].fold] && !strings.Contains(s[m.end:next.start], ","):
				m.modifier = true
			case m.kase == trGenitive && trRelativeParticiple(next.fold):
				m.modifier = true // "Kazak tarafının sunduğu bilgiler"
			case m.kase == trAgent && trParticiple(next.fold) && last+2 < len(ws):
				m.modifier = true // "Türk tarafınca hazırlanan taslak": the agent of a past act
			}
		}
		out = append(out, m)
		i = last
	}
	return joinTRMentions(s, out)
}

// joinTRMentions joins "Türk tarafı ve Sekretarya", "Türk tarafı ile
// Özbek tarafı": two parties of the same case joined by "ve" or "ile" act
// together.
func joinTRMentions(s string, ms []trMention) []trMention {
	for i := 0; i+1 < len(ms); i++ {
		a, b := ms[i], ms[i+1]
		gap := foldTR(strings.TrimSpace(s[a.end:b.start]))
		if gap != "ve" && gap != "ile" && gap != "," {
			continue
		}
		if a.kase == trOblique && gap == "ile" {
			a.kase = b.kase // "Türk tarafı ile" read as "with" before the second name
		}
		if a.kase == trNominative && gap == "ve" && (b.kase == trAgent || b.kase == trGenitive) {
			a.kase = b.kase // "KEİ Ofisi ve KKTC Maliye Bakanlığınca": one case ending for both
		}
		if a.kase != b.kase {
			continue
		}
		a.names = append(append([]string(nil), a.names...), b.names...)
		a.end = b.end
		ms[i] = a
		ms = append(ms[:i+1], ms[i+2:]...)
		i--
	}
	return ms
}

// trRelativeParticiple tells "sunduğu", "sunacağı", "hazırladıkları".
func trRelativeParticiple(f string) bool {
	for _, e := range []string{"digi", "dugu", "tigi", "tugu", "acagi", "ecegi", "dikleri", "duklari", "diklari", "tikleri", "tuklari", "acaklari", "ecekleri"} {
		if strings.HasSuffix(f, e) {
			return true
		}
	}
	return false
}

// trParticiple tells a subject participle: "hazırlanan", "iletilen".
func trParticiple(f string) bool {
	return utf8.RuneCountInString(f) > 4 && (strings.HasSuffix(f, "an") || strings.HasSuffix(f, "en"))
}

// trMentionAt reads a party starting at word i and returns it with the
// index of its last word.
func trMentionAt(s string, ws []trWord, i int) (trMention, int, bool) {
	w := ws[i]
	f := w.fold
	at := func(k int) string {
		if k >= 0 && k < len(ws) {
			return ws[k].fold
		}
		return ""
	}
	mk := func(first, last int, kase trCase, names ...string) (trMention, int, bool) {
		return trMention{start: ws[first].start, end: ws[last].end, names: names, kase: kase}, last, true
	}
	// "Tarafların gümrük idareleri", "üye devletlerin gümrük idareleri".
	owner, k := "", i+1
	switch {
	case f == "taraflarin":
		owner = "the Parties"
	case f == "uye" && (at(i+1) == "devletlerin" || at(i+1) == "ulkelerin"):
		owner, k = "the Member States", i+2
	case f == "iki" && (at(i+1) == "ulke" || at(i+1) == "ulkenin"):
		owner, k = "the Parties", i+2 // "İki ülke gümrük idareleri": of a bilateral meeting, both Parties
	case f == "her" && at(i+1) == "iki" && (at(i+2) == "ulke" || at(i+2) == "ulkenin"):
		owner, k = "the Parties", i+3
	}
	if owner != "" {
		if at(k) == "gumruk" && strings.HasPrefix(at(k+1), "idareler") {
			kase := trEndingCase(strings.TrimPrefix(at(k+1), "idareler"), []string{"inin"}, []string{"ince"})
			if strings.TrimPrefix(at(k+1), "idareler") == "i" {
				kase = trNominative
			} else if kase == trNominative {
				kase = trOblique // "idareler" without the possessive is not theirs
			}
			return mk(i, k+1, kase, "Customs Administrations of "+owner)
		}
	}
	// A side: "Türk tarafı", "Kazakistan tarafının", "Özbek tarafından".
	if strings.HasPrefix(at(i+1), "taraf") && unicode.IsUpper(firstRune(w.raw)) {
		if kase, ok := trSideCase(strings.TrimPrefix(at(i+1), "taraf")); ok {
			if n, known := sideNames[f]; known {
				return mk(i, i+1, kase, n+" side")
			}
			if !trSentenceAdverbs[f] && f != "karsi" && f != "her" {
				return mk(i, i+1, kase, w.raw+" "+trNominativeOf(ws[i+1].raw, 6)) // "Türkmen tarafı"
			}
		}
	}
	if f == "her" && at(i+1) == "iki" && strings.HasPrefix(at(i+2), "ulke") {
		if kase := trEndingCase(strings.TrimPrefix(at(i+2), "ulke"), []string{"nin"}, []string{"ce"}); kase != trOblique {
			return mk(i, i+2, kase, "the Parties") // "Her iki ülke": both Parties
		}
	}
	if f == "her" && at(i+1) == "iki" && strings.HasPrefix(at(i+2), "taraf") {
		if kase, ok := trSideCase(strings.TrimPrefix(at(i+2), "taraf")); ok {
			return mk(i, i+2, kase, "the Parties") // "Her iki taraf": both Parties
		}
	}
	switch {
	case strings.HasPrefix(f, "taraflar") && (i == 0 || sideNames[at(i-1)] == "" && at(i-1) != "ve"):
		return mk(i, i, trEndingCase(strings.TrimPrefix(f, "taraflar"), []string{"in"}, []string{"ca"}), "the Parties")
	case f == "uye" && (strings.HasPrefix(at(i+1), "devletler") || strings.HasPrefix(at(i+1), "ulkeler")):
		rest := strings.TrimPrefix(strings.TrimPrefix(at(i+1), "devletler"), "ulkeler")
		return mk(i, i+1, trEndingCase(rest, []string{"in"}, []string{"ce"}), "the Member States")
	case strings.HasPrefix(f, "sekretarya") || strings.HasPrefix(f, "sekreterya"):
		rest := f[len("sekretarya"):]
		kase := trEndingCase(rest, []string{"nin", "sinin"}, []string{"ca", "sinca"})
		if rest == "si" {
			kase = trNominative // "TDT Sekretaryası"
		}
		return mk(i, i, kase, "the Secretariat")
	case f == "sn" || f == "sayin":
		return trPersonAt(s, ws, i)
	}
	if m, last, ok := trInstitutionAt(s, ws, i); ok {
		return m, last, true
	}
	if m, ok := trAddresseeAt(ws[i]); ok {
		return m, i, true
	}
	return trCountryAt(s, ws, i)
}

// trAddresseeAt reads the addressees of a notice, who are asked to act:
// "üyelerimizin", "firmalarımız", "ihracatçılarımızın" (our members, firms,
// exporters), "üyemizin", and a plural agent noun, "katılımcıların",
// "ithalatçılar". Only the nominative and the genitive are read: "üyelerimize"
// is who the act is for. The name is given lower-case in the nominative, as
// a secretary lists it.
func trAddresseeAt(w trWord) (trMention, bool) {
	f := w.fold
	kase, cut := trNominative, 0
	if g := strings.TrimSuffix(strings.TrimSuffix(f, "in"), "un"); g != f && (trOurs(g) || trAgentPlural(g)) {
		kase, cut, f = trGenitive, 2, g
	}
	if !trOurs(f) && !trAgentPlural(f) {
		return trMention{}, false
	}
	name := strings.ToLowerSpecial(unicode.TurkishCase, trNominativeOf(w.raw, utf8.RuneCountInString(w.raw)-cut))
	return trMention{start: w.start, end: w.end, names: []string{name}, kase: kase}, true
}

// trOurs tells "our X" of those a notice addresses (folded, nominative):
// a plural ("uyelerimiz", "firmalarimiz") or a person noun ("uyemiz",
// "ihracatcimiz"); "ülkemiz", "görüşümüz" are not who is asked.
func trOurs(f string) bool {
	noun := strings.TrimSuffix(strings.TrimSuffix(f, "miz"), "muz")
	if noun == f {
		return false
	}
	if n := strings.TrimSuffix(strings.TrimSuffix(noun, "i"), "u"); strings.HasSuffix(n, "ler") || strings.HasSuffix(n, "lar") {
		return true
	}
	return trPersonNoun(noun)
}

// trAgentPlural tells a plural agent noun in "-CI": "katilimcilar",
// "ihracatcilar" (folded).
func trAgentPlural(f string) bool {
	for _, e := range []string{"cilar", "ciler", "culer", "cular"} {
		if strings.HasSuffix(f, e) && len(f) > len(e)+2 {
			return true
		}
	}
	return false
}

// trPersonNoun tells the singular nouns (folded, without the possessive) of
// those a notice addresses: "üyemiz", "firmamız", and agent nouns in "-CI".
func trPersonNoun(n string) bool {
	switch n {
	case "uye", "firma", "ogrenci", "personel", "calisan", "mukellef":
		return true
	}
	return len(n) > 4 && (strings.HasSuffix(n, "ci") || strings.HasSuffix(n, "cu")) // "ihracatçımız"
}

// trPersonAt reads "Sn. Ahmet Yılmaz", "Sayın Ahmet Yılmaz'ın": the title
// and up to three capitalised names, the case read from the apostrophe's suffix.
func trPersonAt(s string, ws []trWord, i int) (trMention, int, bool) {
	last := i
	for k := i + 1; k < len(ws) && k <= i+3 && unicode.IsUpper(firstRune(ws[k].raw)); k++ {
		if gap := s[ws[k-1].end:ws[k].start]; strings.TrimLeft(gap, ". ") != "" {
			break
		}
		last = k
		if strings.ContainsAny(ws[k].raw, "'’") {
			break
		}
	}
	if last == i {
		return trMention{}, 0, false
	}
	lw := ws[last]
	kase, end := trApostropheCase(lw)
	name := normSpace(s[ws[i].start:end])
	return trMention{start: ws[i].start, end: lw.end, names: []string{name}, kase: kase}, last, true
}

// trApostropheCase reads the case of a proper name from the suffix after
// its apostrophe ("Yılmaz'ın", "Türkiye’nin", "Kıbrıs’a") and returns the
// end of the name without it; a name with no apostrophe is nominative.
func trApostropheCase(w trWord) (trCase, int) {
	a := strings.IndexAny(w.raw, "'’")
	if a < 0 {
		return trNominative, w.end
	}
	_, n := utf8.DecodeRuneInString(w.raw[a:])
	switch foldTR(w.raw[a+n:]) {
	case "in", "nin", "un", "nun":
		return trGenitive, w.start + a
	case "ca", "ce", "nca", "nce":
		return trAgent, w.start + a
	}
	return trOblique, w.start + a
}

// trInstitutionAt reads a body named with a head noun at word i or later,
// preceded by the capitalised words of its name: "Gümrükler Genel
// Müdürlüğü", "Ticaret Bakanlığınca". The name is given in the nominative.
func trInstitutionAt(s string, ws []trWord, i int) (trMention, int, bool) {
	if !unicode.IsUpper(firstRune(ws[i].raw)) || trSentenceAdverbs[ws[i].fold] {
		return trMention{}, 0, false
	}
	for k := i; k < len(ws) && k < i+6; k++ {
		w := ws[k]
		if !unicode.IsUpper(firstRune(w.raw)) || strings.ContainsAny(w.raw, "'’") {
			return trMention{}, 0, false
		}
		for _, h := range trInstitutionHeads {
			if !strings.HasPrefix(w.fold, h) {
				continue
			}
			rest := w.fold[len(h):]
			var kase trCase
			n := 0
			if (h == "komisyon" || h == "kurul") && (rest == "" || rest == "un" || rest == "ca") {
				kase = trEndingCase(rest, []string{"un"}, []string{"ca"}) // "Komisyon", "Komisyonun", "Komisyonca"
			} else if kase, n = trPossCase(rest); n == 0 {
				continue
			}
			if k == i && n > 0 && h != "komisyon" && h != "kurul" {
				continue // a head alone ("Bakanlığı") names no body
			}
			name := normSpace(s[ws[i].start:w.start] + trNominativeOf(w.raw, utf8.RuneCountInString(h)+n))
			return trMention{start: ws[i].start, end: w.end, names: []string{name}, kase: kase}, k, true
		}
	}
	return trMention{}, 0, false
}

// trCountries are the states a Turkish text names as actors ("Kuzey
// Kıbrıs ... taahhüt etti", "Türkiye Cumhuriyeti Hükümeti"), folded. The
// Working Group's Parties are reported as their sides, others as written.
var trCountries = map[string]string{
	"azerbaycan": "Azerbaijani side", "kazakistan": "Kazakh side", "kirgizistan": "Kyrgyz side",
	"turkiye": "Turkish side", "ozbekistan": "Uzbek side", "macaristan": "Hungarian side",
	"turkmenistan": "", "kktc": "", "kuzey kibris": "", "kuzey kibris turk cumhuriyeti": "",
}

// trCountryAt reads a state named at word i, with "Cumhuriyeti" and
// "Hükümeti" after it; the case is that of its last word.
func trCountryAt(s string, ws []trWord, i int) (trMention, int, bool) {
	if !unicode.IsUpper(firstRune(ws[i].raw)) {
		return trMention{}, 0, false
	}
	last, key := -1, ""
	for k, f := i, ""; k < len(ws) && k < i+4; k++ {
		stem := ws[k].fold
		if a := strings.IndexAny(stem, "'’"); a >= 0 {
			stem = stem[:a]
		}
		if f != "" {
			f += " "
		}
		f += stem
		if _, ok := trCountries[f]; ok {
			last, key = k, f
		}
		if strings.ContainsAny(ws[k].raw, "'’") {
			break
		}
	}
	if last < 0 {
		return trMention{}, 0, false
	}
	for last+1 < len(ws) && last < i+5 && (strings.HasPrefix(ws[last+1].fold, "cumhuriyet") || strings.HasPrefix(ws[last+1].fold, "hukumet")) && !strings.ContainsAny(ws[last].raw, "'’") {
		last++
	}
	lw := ws[last]
	kase, end := trApostropheCase(lw)
	if end == lw.end && (strings.HasPrefix(lw.fold, "cumhuriyet") || strings.HasPrefix(lw.fold, "hukumet")) {
		stem := "cumhuriyet"
		if strings.HasPrefix(lw.fold, "hukumet") {
			stem = "hukumet"
		}
		var n int
		if kase, n = trPossCase(lw.fold[len(stem):]); n == 0 {
			kase = trOblique
		}
		end = lw.start + len(trNominativeOf(lw.raw, utf8.RuneCountInString(stem)+n))
	}
	name := trCountries[key]
	if name == "" {
		name = normSpace(s[ws[i].start:end])
	}
	return trMention{start: ws[i].start, end: lw.end, names: []string{name}, kase: kase}, last, true
}

// trNominativeOf cuts a word to its first n runes: the name without its
// case ending ("Bakanlığınca" -> "Bakanlığı").
func trNominativeOf(w string, n int) string {
	i := 0
	for k := range w {
		if i == n {
			return w[:k]
		}
		i++
	}
	return w
}

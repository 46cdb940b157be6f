package storage

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Fold is the key under which typed text is compared with a word the bot
// knows: lower case, with the four Turkish i's (I, İ, ı, i) as one "i".
// strings.ToLower keeps "ı" apart from "I" ("KIRGIZ" -> "kirgiz" but
// "Kırgız" -> "kırgız"), and unicode.TurkishCase turns every "I" into "ı"
// ("TURKISH" -> "turkısh"): neither is right for text that may be Turkish,
// English or Russian. Combining marks left over (the dot of a decomposed
// "İ", U+0307) are dropped. Letters keep their accents: Fold("Türkiye") is
// "türkiye".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFC.String(s) {
		switch r {
		case 'I', 'İ', 'ı':
			r = 'i'
		default:
			r = unicode.ToLower(r)
		}
		if unicode.Is(unicode.Mn, r) {
			continue // the dot left by lowering "İ" to "i̇" (U+0307)
		}
		b.WriteRune(r)
	}
	return b.String()
}

// FoldLoose is Fold that also drops accents and the Uzbek apostrophes, so
// that what someone types without their own keyboard still matches:
// "Turkiye", "Ozbekiston" and "Kirgizistan" for "Türkiye", "Oʻzbekiston" and
// "Kırgızistan". Letters that are letters of their own stay: Azerbaijani
// "ə", Kazakh "қ", "ә", "ө". Cyrillic "й" and "ё" become "и" and "е".
func FoldLoose(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range norm.NFD.String(Fold(s)) {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '\'' || r == 'ʻ' || r == 'ʼ' || r == '’' || r == '‘' || r == '`':
			continue
		}
		b.WriteRune(r)
	}
	return norm.NFC.String(b.String())
}

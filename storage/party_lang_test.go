package storage

import (
	"testing"
)

// Every language's way of writing each Party, as a member would type it
// after a command (/iam, /addtask, /done, /mytasks, /contacts).
func TestParsePartyInEveryLanguage(t *testing.T) {
	t.Parallel()
	cases := map[string][]struct {
		in   string
		want Party
	}{
		"English": {
			{"Azerbaijani side", Azerbaijan}, {"KAZAKH SIDE", Kazakhstan}, {"the Kyrgyz Republic", Kyrgyzstan},
			{"TURKEY", Turkiye}, {"Uzbek", Uzbekistan}, {"hungarian side", Hungary}, {"OTS Secretariat", Secretariat},
			{"HUNGARIAN", Hungary}, {"KYRGYZSTAN", Kyrgyzstan},
		},
		"Russian": {
			{"Азербайджанская сторона", Azerbaijan}, {"Республика Казахстан", Kazakhstan}, {"Казахстанская сторона", Kazakhstan},
			{"Кыргызская Республика", Kyrgyzstan}, {"киргизия", Kyrgyzstan}, {"Турецкая сторона", Turkiye}, {"ТУРЦИЯ", Turkiye},
			{"Узбекская сторона", Uzbekistan}, {"Венгерская сторона", Hungary}, {"Секретариат ОТГ", Secretariat},
		},
		"Turkish": {
			{"Azerbaycan tarafı", Azerbaijan}, {"Kazakistan", Kazakhstan}, {"KAZAK TARAFI", Kazakhstan},
			{"Kırgızistan", Kyrgyzstan}, {"KIRGIZISTAN", Kyrgyzstan}, {"TÜRKİYE", Turkiye}, {"Türk tarafı", Turkiye},
			{"türkiye cumhuriyeti", Turkiye}, {"Özbekistan", Uzbekistan}, {"ÖZBEK TARAFI", Uzbekistan},
			{"Macaristan", Hungary}, {"Macar tarafı", Hungary}, {"TDT Sekretaryası", Secretariat}, {"Sekretarya", Secretariat},
		},
		"Azerbaijani": {
			{"Azərbaycan", Azerbaijan}, {"AZƏRBAYCAN RESPUBLİKASI", Azerbaijan}, {"Qazaxıstan tərəfi", Kazakhstan},
			{"Qırğızıstan", Kyrgyzstan}, {"Türkiyə", Turkiye}, {"Türk tərəfi", Turkiye}, {"Özbəkistan", Uzbekistan},
			{"Macarıstan", Hungary}, {"Katiblik", Secretariat},
		},
		"Kazakh": {
			{"Әзірбайжан", Azerbaijan}, {"Қазақстан", Kazakhstan}, {"ҚАЗАҚСТАН", Kazakhstan}, {"Қазақ тарапы", Kazakhstan},
			{"Қазақстан Республикасы", Kazakhstan}, {"Қырғызстан", Kyrgyzstan}, {"Түркия", Turkiye}, {"Түрік тарапы", Turkiye},
			{"Өзбекстан", Uzbekistan}, {"Венгрия", Hungary}, {"Мажар тарапы", Hungary}, {"Хатшылық", Secretariat},
		},
		"Kyrgyz": {
			{"Азербайжан тарабы", Azerbaijan}, {"Казакстан", Kazakhstan}, {"Кыргызстан", Kyrgyzstan},
			{"Кыргыз Республикасы", Kyrgyzstan}, {"Кыргыз тарабы", Kyrgyzstan}, {"Түрк тарабы", Turkiye},
			{"Өзбек тарабы", Uzbekistan}, {"Мажарстан", Hungary}, {"Катчылык", Secretariat},
		},
		"Uzbek (Latin)": {
			{"Ozarbayjon", Azerbaijan}, {"Qozogʻiston", Kazakhstan}, {"Qozog'iston", Kazakhstan}, {"Qozog‘iston", Kazakhstan},
			{"Qirgʻiziston", Kyrgyzstan}, {"Turkiya tomoni", Turkiye}, {"Oʻzbekiston", Uzbekistan}, {"O‘ZBEKISTON", Uzbekistan},
			{"Ozbekiston", Uzbekistan}, {"Oʻzbekiston Respublikasi", Uzbekistan}, {"Vengriya", Hungary}, {"Kotibiyat", Secretariat},
		},
		"Uzbek (Cyrillic)": {
			{"Озарбайжон", Azerbaijan}, {"Қозоғистон", Kazakhstan}, {"Қирғизистон", Kyrgyzstan}, {"Туркия томони", Turkiye},
			{"Ўзбекистон", Uzbekistan}, {"ЎЗБЕКИСТОН", Uzbekistan}, {"Ўзбекистон Республикаси", Uzbekistan}, {"Венгрия", Hungary},
			{"Котибият", Secretariat},
		},
		"Hungarian": {
			{"Azerbajdzsán", Azerbaijan}, {"Kazahsztán", Kazakhstan}, {"a kazah fél", Kazakhstan}, {"Kirgizisztán", Kyrgyzstan},
			{"Törökország", Turkiye}, {"a török fél", Turkiye}, {"TÖRÖKORSZÁG", Turkiye}, {"Üzbegisztán", Uzbekistan},
			{"Magyarország", Hungary}, {"a magyar fél", Hungary}, {"Titkárság", Secretariat},
		},
	}
	for lang, list := range cases {
		for _, tc := range list {
			if got, ok := ParseParty(tc.in); !ok || got != tc.want {
				t.Errorf("%s: ParseParty(%q) = %q, %v; want %q", lang, tc.in, got, ok, tc.want)
			}
		}
	}
}

// Words that name no Party, or two, are not read as one.
func TestParsePartyNearMisses(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"a", "az fél", "сторона", "Türk Özbek", "tarafı", "Republic", "Istanbul", "Turk Kazak", "Q", "a a"} {
		if got, ok := ParseParty(in); ok {
			t.Errorf("ParseParty(%q) = %q; want no Party", in, got)
		}
	}
	// "AZ" alone is Azerbaijan's code, though "az" is a Hungarian article.
	if got, ok := ParseParty("AZ"); !ok || got != Azerbaijan {
		t.Errorf("ParseParty(AZ) = %q, %v", got, ok)
	}
}

// No name is claimed by two Parties: each would silently win over the other.
func TestPartyNamesAreUnambiguous(t *testing.T) {
	t.Parallel()
	seen := map[string]Party{}
	for _, info := range parties {
		for _, n := range append([]string{string(info.Code), info.Name, info.Side}, append(info.aliases, partyNames[info.Code]...)...) {
			k := partyKey(n)
			if k == "" {
				t.Errorf("%s: %q reduces to nothing", info.Code, n)
				continue
			}
			if p, ok := seen[k]; ok && p != info.Code {
				t.Errorf("%q is both %s and %s", n, p, info.Code)
			}
			seen[k] = info.Code
		}
	}
}

func TestFoldTurkishI(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct{ in, fold, loose string }{
		{"TÜRKİYE", "türkiye", "turkiye"},
		{"KIRGIZISTAN", "kirgizistan", "kirgizistan"},
		{"Kırgızistan", "kirgizistan", "kirgizistan"},
		{"I\u0307STANBUL", "istanbul", "istanbul"}, // decomposed İ
		{"HUNGARIAN", "hungarian", "hungarian"},
		{"Oʻzbekiston", "oʻzbekiston", "ozbekiston"},
		{"Ёлка Й", "ёлка й", "елка и"},
		{"Қазақстан", "қазақстан", "қазақстан"},
		{"GÖREVLERİM", "görevlerim", "gorevlerim"},
	} {
		if got := Fold(tc.in); got != tc.fold {
			t.Errorf("Fold(%q) = %q; want %q", tc.in, got, tc.fold)
		}
		if got := FoldLoose(tc.in); got != tc.loose {
			t.Errorf("FoldLoose(%q) = %q; want %q", tc.in, got, tc.loose)
		}
	}
}

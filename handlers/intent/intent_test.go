package intent

import "testing"

// want is the expected guess: a command answered at once ("deadlines"), one
// only suggested ("?deadlines"), or nothing ("").
type intentCase struct{ text, want string }

// The cases of each language: questions the bot answers, near-misses it
// only suggests a command for, and messages that ask for nothing.
var intentCases = map[string][]intentCase{
	"English": {
		{"What are my deadlines?", "deadlines"},
		{"deadlines", "deadlines"},
		{"Show me the agenda please", "agenda"},
		{"What's due this month?", "deadlines"},
		{"my tasks", "mytasks"},
		{"Hello! Which tasks do I have?", "mytasks"},
		{"What is on the agenda of the next meeting?", "agenda"},
		{"deadlnes", "?deadlines"},
		{"agneda", "?agenda"},
		{"The deadline for the Turkish side was moved to May as agreed with the Secretariat at the meeting in Baku last week", "?deadlines"},
		{"deadlines and agenda", "?deadlines"},
		{"Hello", ""},
		{"Good morning", ""},
		{"Thanks for the deadlines!", ""},
		{"aida.karimova@customs.gov.az", ""},
		{"Please add my colleague: aida@customs.gov.az", ""},
		{"+90 312 449 12 34", ""},
		{"The meeting was postponed due to the weather", ""},
		{"ok", ""},
	},
	"Russian": {
		{"Какие у меня сроки?", "deadlines"},
		{"сроки", "deadlines"},
		{"Покажите, пожалуйста, мои задачи", "mytasks"},
		{"Какая повестка дня?", "agenda"},
		{"Здравствуйте! Какие поручения у нашей стороны?", "mytasks"},
		{"СРОКИ?", "deadlines"},
		{"Сроки по проекту перенесли на май, так договорились с Секретариатом на встрече в Баку на прошлой неделе", "?deadlines"},
		{"пвестка", "?agenda"},
		{"дедлайнв", "deadlines"}, // a stem begins it
		{"Здравствуйте", ""},
		{"Спасибо за сроки", ""},
		{"Добрый день", ""},
		{"Мой телефон +7 701 123 45 67", ""},
	},
	"Turkish": {
		{"Son tarihleri gelecek toplantıda Kazak tarafıyla birlikte görüşmeyi kararlaştırdık, bu yüzden şimdilik hiçbir şeyi değiştirmeyin lütfen", "?deadlines"},
		{"Merhaba, benim görevlerim neler?", "mytasks"},
		{"Gündem nedir?", "agenda"},
		{"GÖREVLERİM", "mytasks"},
		{"Son tarihler ne zaman?", "deadlines"},
		{"gorevlerim", "mytasks"},
		{"Toplantının gündemi nedir?", "agenda"},
		{"gündm", "?agenda"},
		{"Merhaba", ""},
		{"Teşekkürler, görevleri aldım", ""},
		{"İyi günler", ""},
	},
	"Azerbaijani": {
		{"gündəlk", "?agenda"},
		{"Tapşırıqların siyahısını sabah iclasda Türkiyə tərəfi ilə birlikdə müzakirə edəcəyik, çünki müddət yaxınlaşır və hələ cavab yoxdur", "?mytasks"},
		{"Mənim tapşırıqlarım hansılardır?", "mytasks"},
		{"Gündəlik nədir?", "agenda"},
		{"Son tarixlər nə vaxtdır?", "deadlines"},
		{"Müddətlər", "deadlines"},
		{"Salam", ""},
		{"Təşəkkür edirəm", ""},
	},
	"Kazakh": {
		{"тапсырмлар", "?mytasks"},
		{"Мерзімдер туралы мәселені келесі отырыста Түрік тарапымен бірге талқылаймыз деп келістік, сондықтан қазір ештеңе өзгертпеңіз", "?deadlines"},
		{"Менің тапсырмаларым қандай?", "mytasks"},
		{"Күн тәртібі қандай?", "agenda"},
		{"Мерзімдер қашан?", "deadlines"},
		{"ТАПСЫРМАЛАР", "mytasks"},
		{"Сәлеметсіз бе", ""},
		{"Рахмет", ""},
	},
	"Kyrgyz": {
		{"тапшрмалар", "?mytasks"},
		{"Менин тапшырмаларым кандай?", "mytasks"},
		{"Күн тартиби кандай?", "agenda"},
		{"Мөөнөттөр качан?", "deadlines"},
		{"Саламатсызбы", ""},
		{"Ырахмат", ""},
	},
	"Uzbek (Latin)": {
		{"vazfalar", "?mytasks"},
		{"Muddatlar boʻyicha masalani keyingi yigʻilishda Turkiya tomoni bilan birga muhokama qilishga kelishib oldik, hozircha hech narsa oʻzgartirmang", "?deadlines"},
		{"Mening vazifalarim", "mytasks"},
		{"Kun tartibi qanday?", "agenda"},
		{"Muddatlar qachon?", "deadlines"},
		{"Mening topshiriqlarim qanday?", "mytasks"},
		{"Assalomu alaykum", ""},
		{"Rahmat", ""},
	},
	"Uzbek (Cyrillic)": {
		{"вазфалар", "?mytasks"},
		{"Менинг вазифаларим", "mytasks"},
		{"Кун тартиби қандай?", "agenda"},
		{"Муддатлар қачон?", "deadlines"},
		{"Ассалому алайкум", ""},
	},
	"Hungarian": {
		{"hatridők", "?deadlines"},
		{"A határidőkről a következő ülésen a török féllel együtt tárgyalunk majd, addig kérem, ne változtasson semmit a listán", "?deadlines"},
		{"Milyen határidők vannak?", "deadlines"},
		{"Mik a feladataim?", "mytasks"},
		{"Mi a napirend?", "agenda"},
		{"HATÁRIDŐK", "deadlines"},
		{"hataridok", "deadlines"},
		{"Jó napot", ""},
		{"Köszönöm a feladatokat", ""},
	},
}

func TestClassify(t *testing.T) {
	t.Parallel()
	total, failed := 0, 0
	for lang, cases := range intentCases {
		for _, tc := range cases {
			total++
			g := Classify(tc.text)
			got := g.Command
			if got != "" && !g.Sure {
				got = "?" + got
			}
			if got != tc.want {
				failed++
				t.Errorf("%s: Classify(%q) = %q; want %q", lang, tc.text, got, tc.want)
			}
		}
	}
	t.Logf("%d cases in %d languages, %d failed", total, len(intentCases), failed)
}

func TestDistance(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		a, b string
		want int
	}{{"agneda", "agenda", 1}, {"dedlines", "deadlines", 1}, {"mytask", "mytasks", 1}, {"", "abc", 3}, {"görev", "görev", 0}, {"gunler", "gundem", 2}} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%q, %q) = %d; want %d", tc.a, tc.b, got, tc.want)
		}
	}
}

func BenchmarkClassify(b *testing.B) {
	for b.Loop() {
		Classify("Merhaba, benim görevlerim neler?")
	}
}

// BenchmarkClassifyNothing is a message that names no topic: every word is
// also compared with the topics' words for a slip.
func BenchmarkClassifyNothing(b *testing.B) {
	for b.Loop() {
		Classify("Здравствуйте, коллеги! Завтра совещание в Министерстве начнётся в десять часов.")
	}
}

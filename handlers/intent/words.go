package intent

import (
	"strings"

	"github.com/ots-customs/wgbot/storage"
)

// The words that tell what a message asks for, by language. They are data
// for matching, not texts the bot shows. Each is compared after
// storage.FoldLoose (lower case, Turkish i's as one, accents and Uzbek
// apostrophes dropped), a stem matching any word that begins with it
// ("срок" matches "сроки", "görev" matches "görevlerim"), a phrase matching
// those words in a row ("kun tartibi").

// topic is what a message may ask for, and the command that answers it.
type topic struct {
	command string
	// stems begin a word that names the topic.
	stems []string
	// exact are words that name the topic only as a whole word ("due").
	exact []string
	// phrases are several words in a row, the last one a stem; folded
	// into words by init.
	phrases     [][]string
	phraseTexts []string
	// spelled are whole words a typo of which still suggests the topic.
	spelled []string
}

var topics = []topic{
	{
		command: "deadlines",
		stems: []string{
			"deadline",        // en
			"срок", "дедлайн", // ru
			"muddət",           // az (Turkish "son tarih" is a phrase)
			"мерзім",           // kk
			"мөөнөт",           // ky
			"muddat", "муддат", // uz
			"határidő", // hu
		},
		exact:       []string{"due", "overdue", "süre", "süreler", "sureler", "vade", "vadeler", "müddət"},
		phraseTexts: []string{"son tarih", "son tarihler", "son tarix", "son tarixlər", "teslim tarihi", "son muddat", "соңғы мерзім"},
		spelled:     []string{"deadline", "deadlines", "сроки", "дедлайны", "határidők", "muddatlar", "муддатлар", "мерзімдер", "мөөнөттөр", "muddətlər"},
	},
	{
		command: "mytasks",
		stems: []string{
			"task", "assignment", // en
			"задач", "задан", "поручени", // ru
			"görev",                          // tr
			"tapşırıq", "tapşırığ", "vəzifə", // az
			"тапсырма",                                  // kk
			"тапшырма",                                  // ky
			"vazifa", "topshiriq", "вазифа", "топшириқ", // uz
			"feladat", // hu
		},
		spelled: []string{"tasks", "задачи", "görevler", "görevlerim", "tapşırıqlar", "тапсырмалар", "тапшырмалар", "vazifalar", "вазифалар", "topshiriqlar", "топшириқлар", "feladatok", "feladataim"},
	},
	{
		command: "agenda",
		stems: []string{
			"agenda",                         // en
			"повестк",                        // ru
			"gündem",                         // tr
			"gündəlik", "gündəliy", "gündəm", // az
			"napirend", // hu
		},
		phraseTexts: []string{"повестка дня", "күн тәртібі", "күн тартиби", "kun tartibi", "кун тартиби", "order of the day"},
		spelled:     []string{"agenda", "повестка", "gündem", "gündəlik", "napirend"},
	},
}

// cues make a short message a request: question words, "show", "please",
// and the words for "my" and "I have".
var cues = []string{
	// en
	"what", "whats", "which", "when", "show", "list", "give", "tell", "where", "how", "please", "my", "mine", "our",
	// ru
	"какие", "какой", "какая", "каковы", "что", "когда", "покажи", "покажите", "дайте", "дай", "где", "сколько", "ли", "пожалуйста", "мои", "мой", "моя", "моих", "меня", "мне", "нас", "наши", "скажите", "подскажите",
	// tr
	"ne", "neler", "nedir", "nelerdir", "hangi", "hangileri", "zaman", "göster", "gösterin", "gösterir", "nerede", "mi", "mı", "mu", "mü", "lütfen", "benim", "bana", "bizim",
	// az
	"nə", "nədir", "nələr", "hansı", "vaxt", "göstər", "göstərin", "harada", "varmı", "zəhmət", "mənim", "mənə", "bizim",
	// kk
	"қандай", "не", "қашан", "көрсет", "көрсетіңіз", "қайда", "ма", "ме", "өтінемін", "менің", "маған", "біздің",
	// ky
	"кандай", "эмне", "качан", "көрсөт", "көрсөтүңүз", "кайда", "барбы", "суранам", "менин", "мага", "биздин",
	// uz
	"qanday", "nima", "nimalar", "qachon", "koʻrsat", "koʻrsating", "qayerda", "bormi", "iltimos", "mening", "menga", "bizning",
	"қандай", "нима", "қачон", "кўрсат", "кўрсатинг", "борми", "илтимос", "менинг", "менга",
	// hu
	"milyen", "milyenek", "mi", "mik", "mikor", "mutasd", "mutassa", "hol", "kérem", "kérlek", "saját", "nekem",
}

// firstPerson are the endings of "my" on a noun ("görevlerim",
// "tapşırıqlarım", "тапсырмаларым", "vazifalarim", "feladataim"): a task
// word with one is a question about one's own tasks.
var firstPerson = []string{"im", "ım", "um", "üm", "ым", "ім", "им", "ум", "үм", "aim", "eim"}

// notRequests are words that make a message something other than a
// request even when a topic is named: thanks and farewells.
var notRequests = []string{
	"thanks", "thank", "thx", "спасибо", "благодарю", "teşekkür", "teşekkürler", "sağ", "sagol", "təşəkkür",
	"рахмет", "ырахмат", "рахмат", "rahmat", "köszönöm", "köszi", "köszönjük",
}

// greetings are skipped when counting how long a message is: "Merhaba,
// benim görevlerim neler?" is a four-word question.
var greetings = []string{
	"hello", "hi", "hey", "dear", "good", "morning", "afternoon", "здравствуйте", "привет", "добрый", "день", "утро", "merhaba", "selam", "selamlar",
	"günaydın", "salam", "сәлеметсіз", "сәлем", "саламатсызбы", "салам", "assalomu", "alaykum", "ассалому", "алайкум", "jó", "napot", "szia", "üdvözlöm",
}

// init folds every word list once, as Classify folds the message.
func init() {
	for i := range topics {
		tp := &topics[i]
		foldAll(tp.stems)
		foldAll(tp.exact)
		foldAll(tp.spelled)
		for _, p := range tp.phraseTexts {
			tp.phrases = append(tp.phrases, strings.Fields(storage.FoldLoose(p)))
		}
	}
	for _, list := range [][]string{cues, firstPerson, notRequests, greetings} {
		foldAll(list)
	}
}

func foldAll(list []string) {
	for i, w := range list {
		list[i] = storage.FoldLoose(w)
	}
}

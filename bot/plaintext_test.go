package bot

import (
	"testing"

	"github.com/ots-customs/wgbot/bot/telegramtest"
)

// A question in plain words, in any of the bot's languages, is answered as
// the command it asks for (issue 13, item 5).
func TestPlainQuestionsAreAnswered(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	for text, want := range map[string]string{
		"What are my deadlines?":           "Open deadlines",
		"Какие у меня сроки?":              "Open deadlines",
		"Merhaba, benim görevlerim neler?": "Open tasks of 🇹🇷 Türkiye",
		"Gündem nedir?":                    "Agenda: ",
		"Mənim tapşırıqlarım hansılardır?": "Open tasks of 🇹🇷 Türkiye",
		"Күн тәртібі қандай?":              "Agenda: ",
		"Мөөнөттөр качан?":                 "Open deadlines",
		"Mening vazifalarim":               "Open tasks of 🇹🇷 Türkiye",
		"Менинг вазифаларим":               "Open tasks of 🇹🇷 Türkiye",
		"Milyen határidők vannak?":         "Open deadlines",
	} {
		got := h.ask(chat, memberTR, text).PlainText()
		mustContain(t, got, want)
	}
}

// When a message only may mean a command, that command is offered with one
// button; anything else gets a pointer to /help, with a button for it.
func TestPlainTextSuggestsOrPointsToHelp(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	got := h.ask(chat, memberTR, "deadlnes")
	mustContain(t, got.PlainText(), "Would you like /deadlines?")
	if !hasButton(got, "cmd:deadlines") {
		t.Fatalf("no button for /deadlines: %q", got.PlainText())
	}
	before := len(h.tg.Messages(chat.ID))
	h.press(chat, memberTR, got, "cmd:deadlines")
	mustContain(t, h.tg.WaitMessages(t, chat.ID, before+1)[before].PlainText(), "Open deadlines")

	for _, text := range []string{"Merhaba", "Здравствуйте", "aida.karimova@customs.gov.az", "Спасибо за сроки"} {
		got := h.ask(chat, memberTR, text)
		mustContain(t, got.PlainText(), "Send /help")
		if !hasButton(got, "cmd:help") {
			t.Errorf("%q: the pointer to /help has no button", text)
		}
	}
	// A stranger is told what the bot is, not shown the deadlines.
	mustContain(t, h.ask(telegramtest.Private(stranger), stranger, "Какие у меня сроки?").PlainText(), "This bot serves the members")
}

// A command typed with a Cyrillic layout on, or mistyped, offers the one meant.
func TestCommandTypedOnAnotherKeyboard(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	for typed, meant := range map[string]string{
		"/вуфвдштуы": "deadlines", ".вуфвдштуы": "deadlines", "/ьнефылы": "mytasks", "/фпутвф": "agenda",
		"вуфвдштуы": "deadlines", "ьнефыл": "mytasks",
		"/agneda": "agenda", "/deadlınes": "deadlines", "/deadline": "deadlines", "/dedlines": "deadlines", "/mytask": "mytasks",
	} {
		got := h.ask(chat, memberTR, typed)
		mustContain(t, got.PlainText(), "Did you mean /"+meant+"?")
		if !hasButton(got, "cmd:"+meant) {
			t.Errorf("%s: no button for /%s", typed, meant)
		}
	}
}

// A Russian word alone is a word, not a slip, however it maps to Latin keys.
func TestRussianWordIsNotASlip(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	for _, text := range []string{"привет", "спасибо", "хорошо", "да"} {
		got := h.ask(chat, memberTR, text).PlainText()
		mustNotContain(t, got, "Did you mean")
		mustContain(t, got, "Send /help")
	}
}

// A form waiting for an answer takes the message, however much it looks
// like a question: the nominee's name here.
func TestPlainTextInAFormIsTheForms(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	mustContain(t, h.ask(chat, memberTR, "/nominate").PlainText(), "full name")
	got := h.ask(chat, memberTR, "Gündem Nedir").PlainText()
	mustNotContain(t, got, "Agenda: ")
}

// A member whose Telegram is in Russian is answered in Russian: the
// pointer to /help, a suggestion, and /timezone.
func TestPeopleRepliesInTheMembersLanguage(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	kz := memberKZ
	kz.LanguageCode = "ru"
	chat := telegramtest.Private(kz)
	mustContain(t, h.ask(chat, kz, "Здравствуйте").PlainText(), "Я отвечаю на команды. Отправьте /help")
	mustContain(t, h.ask(chat, kz, "дедлайнов больше нет, как мы и договорились на прошлой встрече в Баку с коллегами из Секретариата").PlainText(),
		"Возможно, Вам нужна команда /deadlines?")
	tz := h.ask(chat, kz, "/timezone").PlainText()
	mustContain(t, tz, "Напоминания о сроках приходят Вам в 09:00 по времени Asia/Almaty", "столицы Стороны 🇰🇿 Казахстан")
	mustContain(t, h.ask(chat, kz, "/timezone Марс").PlainText(), "Часовой пояс «Марс» мне неизвестен")
}

// In a form, "cancel" in the member's language is read folded the Turkish
// way: "iptal", "IPTAL", "İPTAL" and "ıptal" all end the nomination (the
// last is what strings.ToLower missed).
func TestFormCancelWordFoldsTurkishI(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	tr := memberTR
	tr.LanguageCode = "tr"
	chat := telegramtest.Private(tr)
	for _, word := range []string{"iptal", "IPTAL", "İPTAL", "ıptal"} {
		h.ask(chat, tr, "/nominate")
		mustContain(t, h.ask(chat, tr, word).PlainText(), "Öneri iptal edildi")
	}
}

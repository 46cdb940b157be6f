package bot

import (
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// The bot in every language (issue 13), through the real client.

// plain is a catalog message as the user sees it: without tags, entities decoded.
func plain(s string) string {
	return html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(s, ""))
}

// needLanguage skips, loudly, a language whose message file has not landed
// yet (the translators' branches add them): the bot would speak English.
func needLanguage(t *testing.T, ls ...i18n.Lang) {
	t.Helper()
	for _, l := range ls {
		if l != i18n.English && !l.Translated() {
			t.Skipf("SKIP: locales/%s.toml has not landed yet: %s would be English", l, l.Name())
		}
	}
}

// telegramCode is the language_code Telegram gives a user of l; "" when
// Telegram has none (Uzbek in Cyrillic: such users choose it with /language).
func telegramCode(l i18n.Lang) string {
	if len(l) == 2 {
		return string(l)
	}
	return ""
}

// TestGoldenConversationPerLanguage is one conversation in each language
// through the real client: a member whose Telegram is in that language
// (Uzbek in Cyrillic chooses it with /language) gets /start, /help,
// /deadlines, /mytasks and a deadline alert in it, from the first message.
func TestGoldenConversationPerLanguage(t *testing.T) {
	for _, l := range i18n.Supported {
		t.Run(string(l), func(t *testing.T) {
			needLanguage(t, l)
			t.Parallel()
			h := prepare(t, alertSeed(silkRoad))
			h.start()
			user := memberTR
			user.LanguageCode = telegramCode(l)
			chat := telegramtest.Private(user)
			if user.LanguageCode == "" {
				choose(t, h, chat, user, l)
			}
			see := func(command string, want ...string) string {
				t.Helper()
				got := h.ask(chat, user, command).PlainText()
				for _, w := range want {
					if !strings.Contains(got, plain(w)) {
						t.Errorf("%s in %s: the reply lacks %q:\n%s", command, l, plain(w), got)
					}
				}
				return got
			}
			party := "🇹🇷 " + l.PartyName("TR")
			today := l.Date(fixedNow())
			start := see("/start", l.T("BotIntro", "WG Test Bot"), l.T("help.deadlines"))
			see("/help", l.T("HelpHeader"), l.T("help.mytasks"), l.T("help.language"))
			see("/deadlines", l.T("DeadlinesHeader", today), l.T("Upcoming"))
			see("/mytasks", l.T("MyTasksHeader", party))
			see("/subscribe", party, "09:00")
			if l != i18n.English && strings.Contains(start, "keeps the agenda, decisions and deadlines") {
				t.Errorf("/start in %s is in English:\n%s", l, start)
			}
			h.at(2024, 2, 16, 9, 0)
			if n := h.deliver(); n != 1 {
				t.Fatalf("delivered %d alerts, want 1", n)
			}
			alerts := h.tg.Messages(chat.ID)
			alert := alerts[len(alerts)-1].PlainText()
			for _, w := range []string{l.N("AlertInDays", 14), "Submit the renewed Silk Road concept"} {
				if !strings.Contains(alert, plain(w)) {
					t.Errorf("the alert in %s lacks %q:\n%s", l, plain(w), alert)
				}
			}
		})
	}
}

// choose sends /language and presses l's button.
func choose(t *testing.T, h *harness, chat telegramtest.Chat, user telegramtest.User, l i18n.Lang) telegramtest.Sent {
	t.Helper()
	menu := h.ask(chat, user, "/language")
	if !strings.Contains(buttonTexts(menu), l.Name()) {
		t.Fatalf("/language offers no %s: %s", l.Name(), buttonTexts(menu))
	}
	h.press(chat, user, menu, "lang:"+string(l))
	msgs := h.tg.Messages(chat.ID)
	return msgs[len(msgs)-1]
}

func buttonTexts(m telegramtest.Sent) string {
	var out []string
	if m.ReplyMarkup != nil {
		for _, row := range m.ReplyMarkup.InlineKeyboard {
			for _, b := range row {
				out = append(out, b.Text)
			}
		}
	}
	return strings.Join(out, " | ")
}

// TestLanguageFromTelegramThenChosenSurvivesRestart: a user whose Telegram
// is in Russian gets Russian from the first message; once they choose
// Turkish, Turkish it is, after a restart too.
func TestLanguageFromTelegramThenChosenSurvivesRestart(t *testing.T) {
	needLanguage(t, i18n.Russian, i18n.Turkish)
	t.Parallel()
	h := newHarness(t)
	user := memberKZ
	user.LanguageCode = "ru"
	chat := telegramtest.Private(user)
	mustContain(t, h.ask(chat, user, "/help").PlainText(), plain(i18n.Russian.T("HelpHeader")))
	done := choose(t, h, chat, user, i18n.Turkish)
	mustContain(t, done.PlainText(), plain(i18n.Turkish.T("LanguageSet")))
	h.shutdown()
	h.start()
	mustContain(t, h.ask(chat, user, "/help").PlainText(), plain(i18n.Turkish.T("HelpHeader")))
}

// TestEnglishUntilTranslated: a language_code the bot does not speak gives
// English, and /language always offers English in its own name.
func TestEnglishUntilTranslated(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	user := memberKZ
	user.LanguageCode = "de"
	chat := telegramtest.Private(user)
	mustContain(t, h.ask(chat, user, "/help").PlainText(), "Commands")
	menu := h.ask(chat, user, "/language")
	mustContain(t, menu.PlainText(), "Choose the language")
	mustContain(t, buttonTexts(menu), "English")
	h.press(chat, user, menu, "lang:en")
	if s, err := h.store.UserSettings(t.Context(), user.ID); err != nil || s.Language != "en" {
		t.Errorf("settings after choosing English: %+v, %v", s, err)
	}
}

// TestGroupInRussianMemberInTurkish: a group an administrator set to
// Russian gets its alerts in Russian; a member who chose Turkish gets hers
// in Turkish in private. Someone who administers neither the bot nor the
// group may not choose the group's language, and is told who may.
func TestGroupInRussianMemberInTurkish(t *testing.T) {
	needLanguage(t, i18n.Russian, i18n.Turkish)
	t.Parallel()
	h := prepare(t, alertSeed(silkRoad))
	h.start()
	mustContain(t, h.ask(wgGroup, admin, "/enable").PlainText(), "enabled")
	// A member may not choose the group's language...
	refused := h.ask(wgGroup, memberKZ, "/language").PlainText()
	mustContain(t, refused, "Only an administrator of this group or of the Secretariat")
	// ... a Telegram administrator of the group may, and so may the Secretariat.
	h.tg.SetMemberStatus(wgGroup.ID, memberKZ.ID, "administrator")
	menu := h.ask(wgGroup, memberKZ, "/language")
	if !hasButton(menu, "lang:ru") {
		t.Fatalf("a group administrator gets no choice: %s", menu.PlainText())
	}
	h.press(wgGroup, admin, menu, "lang:ru")
	msgs := h.tg.Messages(wgGroup.ID)
	mustContain(t, msgs[len(msgs)-1].PlainText(), plain(i18n.Russian.T("LanguageGroupSet")))
	h.ask(wgGroup, admin, "/subscribe")

	private := telegramtest.Private(memberTR)
	choose(t, h, private, memberTR, i18n.Turkish)
	h.ask(private, memberTR, "/subscribe")

	h.at(2024, 2, 16, 9, 0)
	if n := h.deliver(); n != 2 {
		t.Fatalf("delivered %d alerts, want 2", n)
	}
	last := func(chat int64) string {
		m := h.tg.Messages(chat)
		return m[len(m)-1].PlainText()
	}
	mustContain(t, last(wgGroup.ID), plain(i18n.Russian.N("AlertInDays", 14)))
	mustContain(t, last(memberTR.ID), plain(i18n.Turkish.N("AlertInDays", 14)))
	// The group's replies are in Russian for everyone in it.
	mustContain(t, h.ask(wgGroup, memberTR, "/help").PlainText(), plain(i18n.Russian.T("HelpHeader")))
}

// TestTelegramSurfacesPerLanguage: the command menus of every scope, the
// description and the short description are set in every language the bot
// speaks, within Telegram's limits; a restart with nothing changed sets
// nothing again (issue 9).
func TestTelegramSurfacesPerLanguage(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	scopes := map[string]string{"default": "", "groups": `{"type":"all_group_chats"}`,
		"administrator": `{"chat_id":1001,"type":"chat"}`}
	for _, l := range menuLanguages() {
		code := menuCode(l)
		for name, scope := range scopes {
			cmds := h.tg.ScopedCommands(scope, code)
			if len(cmds) == 0 {
				t.Errorf("%s: no %s menu for language_code %q", l, name, code)
			}
			for _, c := range cmds {
				if n := utf8.RuneCountInString(c.Description); n < 3 || n > 256 {
					t.Errorf("%s /%s: description of %d characters", l, c.Command, n)
				}
				if want := l.T(i18n.ID("help." + c.Command)); c.Description != want {
					t.Errorf("%s /%s: %q, want %q", l, c.Command, c.Description, want)
				}
			}
		}
		desc, short := h.tg.ProfileText("description", code), h.tg.ProfileText("short_description", code)
		if desc != l.T("bot.description") || short != l.T("bot.shortDescription") {
			t.Errorf("%s: description %q, short %q", l, desc, short)
		}
		if n := utf8.RuneCountInString(desc); n > 512 || n == 0 {
			t.Errorf("%s: description of %d characters", l, n)
		}
		if n := utf8.RuneCountInString(short); n > 120 || n == 0 {
			t.Errorf("%s: short description of %d characters", l, n)
		}
	}
	if n := len(menuLanguages()); n < 1 || menuLanguages()[0] != i18n.English {
		t.Fatalf("menu languages %v", menuLanguages())
	}
	set := h.tg.Calls("setMyCommands") + h.tg.Calls("setMyDescription") + h.tg.Calls("setMyShortDescription")
	h.shutdown()
	h.start()
	if again := h.tg.Calls("setMyCommands") + h.tg.Calls("setMyDescription") + h.tg.Calls("setMyShortDescription"); again != set {
		t.Errorf("a restart with nothing changed made %d more set calls", again-set)
	}
}

// TestNoticesInTheRecipientsLanguage: what one person causes reaches others
// in theirs: a Turkish stranger's access request reaches an administrator
// who chose Russian in Russian (the other, who chose nothing, in English),
// and the stranger hears the decision in Turkish.
func TestNoticesInTheRecipientsLanguage(t *testing.T) {
	needLanguage(t, i18n.Russian, i18n.Turkish)
	t.Parallel()
	h := newHarness(t)
	if _, err := h.store.UpdateUserSettings(t.Context(), admin.ID, func(s *storage.Settings) { s.Language = "ru" }); err != nil {
		t.Fatal(err)
	}
	sam := stranger
	sam.LanguageCode = "tr"
	chat := telegramtest.Private(sam)
	intro := h.ask(chat, sam, "/start")
	h.press(chat, sam, intro, "join")
	pick := lastMessage(h, chat.ID)
	h.press(chat, sam, pick, "join:UZ")
	waitFor(t, h, func() bool { return len(h.tg.Messages(admin.ID)) > 0 && len(h.tg.Messages(admin2.ID)) > 0 })
	ru := h.tg.Messages(admin.ID)[0]
	mustContain(t, ru.PlainText(), plain(i18n.Russian.T("AdminNewRequest", "Sam (@sam)", "🇺🇿 "+i18n.Russian.PartyName("UZ"))))
	mustContain(t, h.tg.Messages(admin2.ID)[0].PlainText(), "Access request")
	if !hasButton(ru, "acc:y:3001") || !strings.Contains(buttonTexts(ru), i18n.Russian.T("BtnApprove")) {
		t.Fatalf("the Russian notice's buttons: %s", buttonTexts(ru))
	}
	h.press(telegramtest.Private(admin), admin, ru, "acc:y:3001")
	waitFor(t, h, func() bool {
		return strings.Contains(lastMessage(h, chat.ID).PlainText(), plain(i18n.Turkish.T("YouApproved", "🇺🇿 "+i18n.Turkish.PartyName("UZ"))))
	})
}

// TestAddedTaskSourceInTheReadersLanguage: a task an administrator who
// writes Russian added says where it came from in each reader's language,
// not in the administrator's.
func TestAddedTaskSourceInTheReadersLanguage(t *testing.T) {
	needLanguage(t, i18n.Russian)
	t.Parallel()
	h := newHarness(t)
	adminChat := telegramtest.Private(admin)
	choose(t, h, adminChat, admin, i18n.Russian)
	added := h.ask(adminChat, admin, "/addtask TR 2024-05-01 Send the list of posts").PlainText()
	id := regexp.MustCompile(`\d+`).FindString(added)
	h.tg.WaitMessages(t, memberTR.ID, 1) // the news of the task comes first
	view := h.ask(telegramtest.Private(memberTR), memberTR, "/task "+id).PlainText()
	mustContain(t, view, plain(i18n.English.T("TaskSource", i18n.English.T("AddedByAdmin"))))
	mustContain(t, h.ask(adminChat, admin, "/task "+id).PlainText(), plain(i18n.Russian.T("TaskSource", i18n.Russian.T("AddedByAdmin"))))
}

// TestFileSubmissionNoticeInTheAdministratorsLanguage: a Turkish member
// sends a file with /done; the English administrator's notice names it
// "file: ...", not "dosya: ...".
func TestFileSubmissionNoticeInTheAdministratorsLanguage(t *testing.T) {
	needLanguage(t, i18n.Turkish)
	t.Parallel()
	h := newHarness(t)
	user := memberTR
	user.LanguageCode = "tr"
	chat := telegramtest.Private(user)
	h.tg.SendDocument(chat, user, "TR-note.txt", "text/plain", []byte("views"), "/done 1")
	mustContain(t, messageWith(t, h, chat.ID, "dosya: TR-note.txt").PlainText(), i18n.Turkish.T("SubmitRef", "dosya: TR-note.txt"))
	notice := messageWith(t, h, admin.ID, "submitted its part of task 1").PlainText()
	mustContain(t, notice, "Reference: file: TR-note.txt")
}

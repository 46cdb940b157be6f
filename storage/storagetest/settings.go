package storagetest

import (
	"testing"

	"github.com/ots-customs/wgbot/storage"
)

// settingsTests check the settings of users and groups (issue 13).
func settingsTests() []struct {
	name string
	fn   func(t *testing.T, s storage.Store)
} {
	return []struct {
		name string
		fn   func(t *testing.T, s storage.Store)
	}{
		{"Settings", testSettings},
		{"SettingsInSession", testSettingsInSession},
		{"SettingsForgotten", testSettingsForgotten},
	}
}

func testSettings(t *testing.T, s storage.Store) {
	c := ctx(t)
	if got := must(s.UserSettings(c, 7))(t); !got.IsZero() {
		t.Errorf("settings of nobody: %+v, want zero", got)
	}
	got := must(s.UpdateUserSettings(c, 7, func(st *storage.Settings) { st.Language = "ru" }))(t)
	if got.Language != "ru" {
		t.Errorf("UpdateUserSettings returned %+v", got)
	}
	// A second field keeps the first: /timezone does not undo /language.
	must(s.UpdateUserSettings(c, 7, func(st *storage.Settings) { st.TimeZone = "Asia/Almaty" }))(t)
	want := storage.Settings{Language: "ru", TimeZone: "Asia/Almaty"}
	if got := must(s.UserSettings(c, 7))(t); got != want {
		t.Errorf("UserSettings %+v, want %+v", got, want)
	}
	// A chat's settings are apart from a user's with the same number.
	if got := must(s.ChatSettings(c, 7))(t); !got.IsZero() {
		t.Errorf("chat 7 has the user's settings: %+v", got)
	}
	must(s.UpdateChatSettings(c, -100, func(st *storage.Settings) { st.Language = "tr" }))(t)
	must(s.UpdateUserSettings(c, 8, func(st *storage.Settings) { st.Language = "hu" }))(t)
	users := must(s.AllUserSettings(c))(t)
	if len(users) != 2 || users[7] != want || users[8].Language != "hu" {
		t.Errorf("AllUserSettings %+v", users)
	}
	chats := must(s.AllChatSettings(c))(t)
	if len(chats) != 1 || chats[-100].Language != "tr" {
		t.Errorf("AllChatSettings %+v", chats)
	}
	// Clearing every field deletes the record.
	must(s.UpdateUserSettings(c, 8, func(st *storage.Settings) { *st = storage.Settings{} }))(t)
	if users := must(s.AllUserSettings(c))(t); len(users) != 1 {
		t.Errorf("after clearing user 8: %+v", users)
	}
	// A group that became a supergroup keeps its settings under its new id.
	ok(t, s.MoveChatSettings(c, -100, -1001))
	if got := must(s.ChatSettings(c, -1001))(t); got.Language != "tr" {
		t.Errorf("moved chat settings: %+v", got)
	}
	if got := must(s.ChatSettings(c, -100))(t); !got.IsZero() {
		t.Errorf("old chat id keeps settings: %+v", got)
	}
	ok(t, s.MoveChatSettings(c, -5, -6)) // nothing to move is no error

	// Telegram's language_code is kept apart from the choice.
	if code := must(s.TelegramLanguage(c, 7))(t); code != "" {
		t.Errorf("TelegramLanguage of nobody: %q", code)
	}
	ok(t, s.SetTelegramLanguage(c, 7, "kk"))
	ok(t, s.SetTelegramLanguage(c, 9, "<script>")) // not a language code: not kept
	if code := must(s.TelegramLanguage(c, 7))(t); code != "kk" {
		t.Errorf("TelegramLanguage %q, want kk", code)
	}
	if got := must(s.UserSettings(c, 7))(t); got != want {
		t.Errorf("the Telegram language changed the choice: %+v", got)
	}
	if all := must(s.TelegramLanguages(c))(t); len(all) != 1 || all[7] != "kk" {
		t.Errorf("TelegramLanguages %+v", all)
	}
	ok(t, s.SetTelegramLanguage(c, 7, ""))
	if code := must(s.TelegramLanguage(c, 7))(t); code != "" {
		t.Errorf("TelegramLanguage after clearing: %q", code)
	}
}

// testSettingsInSession: the per-update read carries the sender's and the
// group's settings, so the language costs no round trip of its own.
func testSettingsInSession(t *testing.T, s storage.Store) {
	c := ctx(t)
	const user, group = 7, -1001
	got := must(s.Session(c, 1, user, group))(t)
	if !got.User.IsZero() || !got.Chat.IsZero() || got.TelegramLanguage != "" {
		t.Errorf("Session of an empty store: %+v", got)
	}
	must(s.UpdateUserSettings(c, user, func(st *storage.Settings) { st.Language = "tr" }))(t)
	must(s.UpdateChatSettings(c, group, func(st *storage.Settings) { st.Language = "ru"; st.TimeZone = "Europe/Istanbul" }))(t)
	ok(t, s.SetTelegramLanguage(c, user, "az"))
	got = must(s.Session(c, 2, user, group))(t)
	if got.User.Language != "tr" || got.Chat != (storage.Settings{Language: "ru", TimeZone: "Europe/Istanbul"}) || got.TelegramLanguage != "az" {
		t.Errorf("Session %+v, want the user's tr, the group's ru, Telegram's az", got)
	}
	if got := must(s.Session(c, 3, user, user))(t); !got.Chat.IsZero() || got.User.Language != "tr" {
		t.Errorf("private Session %+v: no chat settings, the user's tr", got)
	}
}

func testSettingsForgotten(t *testing.T, s storage.Store) {
	c := ctx(t)
	const user = 600
	must(s.UpdateUserSettings(c, user, func(st *storage.Settings) { st.Language = "kk" }))(t)
	ok(t, s.SetTelegramLanguage(c, user, "kk"))
	must(s.UpdateUserSettings(c, user+1, func(st *storage.Settings) { st.Language = "uz" }))(t)
	f := must(s.ForgetUser(c, user, "", day(2024, 1, 8, 0)))(t)
	if !f.Settings || f.Empty() {
		t.Errorf("Forgotten %+v, want Settings", f)
	}
	if got := must(s.UserSettings(c, user))(t); !got.IsZero() {
		t.Errorf("settings after forget: %+v", got)
	}
	if code := must(s.TelegramLanguage(c, user))(t); code != "" {
		t.Errorf("Telegram language after forget: %q", code)
	}
	if got := must(s.UserSettings(c, user+1))(t); got.Language != "uz" {
		t.Errorf("another user's settings were forgotten: %+v", got)
	}
}

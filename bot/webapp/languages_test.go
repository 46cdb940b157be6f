package webapp

import (
	"context"
	"strings"
	"testing"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// TestViewSpeaksTheUsersLanguage: the page's words come with the view, in
// the language the user chose with /language, else their Telegram's, else
// English (issue 13); dates and Parties' names follow.
func TestViewSpeaksTheUsersLanguage(t *testing.T) {
	srv, store := newApp(t)
	view := func(code string) map[string]any {
		t.Helper()
		auth := SignUser(WebAppUser{ID: trID, FirstName: "Zeynep", LanguageCode: code}, testNow, testToken, nil)
		status, out := call(t, srv, auth, "GET", "view", "")
		if status != 200 {
			t.Fatalf("view: %d %v", status, out)
		}
		return out
	}
	check := func(out map[string]any, l i18n.Lang) {
		t.Helper()
		texts, _ := out["texts"].(map[string]any)
		if out["lang"] != string(l) || texts["title"] != l.T("app.title") || texts["loading"] != l.T("app.loading") {
			t.Errorf("lang %v, title %v; want %s, %q", out["lang"], texts["title"], l, l.T("app.title"))
		}
		if out["today"] != l.Date(testNow) {
			t.Errorf("today %v, want %q", out["today"], l.Date(testNow))
		}
	}
	check(view(""), i18n.English)
	check(view("de"), i18n.English)
	check(view("ru"), i18n.Russian) // Telegram's language, before any choice
	if _, err := store.UpdateUserSettings(context.Background(), trID, func(s *storage.Settings) { s.Language = "tr" }); err != nil {
		t.Fatal(err)
	}
	check(view("ru"), i18n.Turkish) // the choice wins
	if !i18n.Turkish.Translated() {
		t.Log("SKIP (in part): locales/tr.toml has not landed: the Turkish words are English for now")
	}
}

// TestRefusalsSpeakTheUsersLanguage: an answer the page shows as it is
// (a task that is not there, a request it cannot read) is in the user's
// language, not English.
func TestRefusalsSpeakTheUsersLanguage(t *testing.T) {
	srv, _ := newApp(t)
	auth := SignUser(WebAppUser{ID: trID, FirstName: "Zeynep", LanguageCode: "ru"}, testNow, testToken, nil)
	want := i18n.Russian.T("app.failed")
	for _, c := range []struct{ method, path, body string }{
		{"GET", "task/0", ""},
		{"POST", "task/1/status", "{not json"},
		{"POST", "task/1/status", `{"party":"TR","state":"nonsense"}`},
	} {
		status, out := call(t, srv, auth, c.method, c.path, c.body)
		if status < 400 || out["message"] != want {
			t.Errorf("%s %s %s: %d %q, want the Russian %q", c.method, c.path, c.body, status, out["message"], want)
		}
	}
}

// TestStoreFailureSpeaksTheUsersTelegramLanguage: when the store fails
// before the user's choice is read, the page is told in the language of
// their Telegram, not English.
func TestStoreFailureSpeaksTheUsersTelegramLanguage(t *testing.T) {
	srv, store := newApp(t)
	store.(interface{ Close() error }).Close() // every read fails from now on
	auth := SignUser(WebAppUser{ID: trID, FirstName: "Zeynep", LanguageCode: "ru"}, testNow, testToken, nil)
	status, out := call(t, srv, auth, "GET", "view", "")
	msg, _ := out["message"].(string)
	if status < 400 || !strings.ContainsAny(msg, "абвгдежзиклмнопрстуфхцчшщыьэюя") {
		t.Errorf("view with the store closed: %d %q, want it in Russian", status, msg)
	}
}

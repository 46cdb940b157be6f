package bot

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/bot/webapp"
)

// In polling mode with HTTP_ADDR and PUBLIC_URL, the bot serves the Mini App
// and offers it under /deadlines: a web_app button in private, a t.me link in groups.
func TestMiniAppServedAndOffered(t *testing.T) {
	addr := freeAddr(t)
	h := newHarness(t, func(c *Config) {
		c.HTTPAddr, c.PublicURL, c.WebAppShortName = addr, "https://wg.example.org", "matrix"
	})
	reply := h.ask(telegramtest.Private(memberTR), memberTR, "/deadlines")
	var web, link string
	for _, row := range reply.ReplyMarkup.InlineKeyboard {
		for _, b := range row {
			if b.WebApp != nil {
				web = b.WebApp.URL
			}
		}
	}
	if web != "https://wg.example.org/app/" {
		t.Fatalf("private /deadlines: web_app button %q", web)
	}
	// The menu button of every private chat (the default, chat 0) opens the app.
	if mb, ok := h.tg.MenuButton(0); !ok || mb.Type != "web_app" || mb.URL != "https://wg.example.org/app/" || mb.Text == "" {
		t.Fatalf("default menu button %+v (set %v)", mb, ok)
	}
	if _, ok := h.tg.MenuButton(memberTR.ID); ok {
		t.Fatal("a menu button set for one chat only; want the default")
	}
	h.ask(wgGroup, admin, "/enable")
	reply = h.ask(wgGroup, memberTR, "/deadlines")
	for _, row := range reply.ReplyMarkup.InlineKeyboard {
		for _, b := range row {
			if b.WebApp != nil {
				t.Fatal("a web_app button in a group: Telegram refuses those")
			}
			link = b.URL
		}
	}
	if want := "https://t.me/" + h.bot.Username() + "/matrix?startapp=matrix"; link != want {
		t.Fatalf("group /deadlines: link %q, want %q", link, want)
	}

	get := func(path, auth string) (int, string) {
		req, _ := http.NewRequest("GET", "http://"+addr+path, nil)
		if auth != "" {
			req.Header.Set("Authorization", "tma "+auth)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		body, _ := io.ReadAll(res.Body)
		return res.StatusCode, string(body)
	}
	if code, body := get("/app/", ""); code != 200 || !strings.Contains(body, webapp.TelegramScript) {
		t.Fatalf("/app/: %d", code)
	}
	if code, _ := get("/app/api/view", ""); code != http.StatusUnauthorized {
		t.Fatalf("/app/api/view without initData: %d", code)
	}
	auth := webapp.SignUser(webapp.WebAppUser{ID: memberTR.ID, FirstName: memberTR.FirstName}, h.clock.Now(), h.tg.Token(), nil)
	if code, body := get("/app/api/view", auth); code != 200 || !strings.Contains(body, `"party":"TR"`) {
		t.Fatalf("/app/api/view: %d %s", code, body)
	}
}

// Without PUBLIC_URL the app is not served, so the bot leaves the menu button alone.
func TestNoMiniAppNoMenuButton(t *testing.T) {
	h := newHarness(t)
	h.ask(telegramtest.Private(memberTR), memberTR, "/deadlines")
	if mb, ok := h.tg.MenuButton(0); ok {
		t.Fatalf("menu button %+v set without PUBLIC_URL", mb)
	}
}

// A submission and a confirm made in the app send what their chat twins
// send: the Secretariat's notice with Confirm / Reopen (to every other
// administrator, copies recorded), then, once confirmed in the app, every
// copy edited and the member told.
func TestMiniAppChangesTellLikeTheChat(t *testing.T) {
	addr := freeAddr(t)
	h := newHarness(t, func(c *Config) { c.HTTPAddr, c.PublicURL = addr, "https://wg.example.org" })
	h.ask(telegramtest.Private(memberTR), memberTR, "/start")
	post := func(u telegramtest.User, path, body string) {
		t.Helper()
		auth := webapp.SignUser(webapp.WebAppUser{ID: u.ID, FirstName: u.FirstName, LastName: u.LastName, Username: u.Username}, h.clock.Now(), h.tg.Token(), nil)
		req, _ := http.NewRequest("POST", "http://"+addr+"/app/api/"+path, strings.NewReader(body))
		req.Header.Set("Authorization", "tma "+auth)
		req.Header.Set("Content-Type", "application/json")
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		if res.StatusCode != http.StatusOK {
			raw, _ := io.ReadAll(res.Body)
			t.Fatalf("POST %s: %d %s", path, res.StatusCode, raw)
		}
	}
	post(memberTR, "task/1/status", `{"party":"TR","state":"submitted","ref":"Note <12/345>"}`)
	var notices []telegramtest.Sent
	for _, a := range []telegramtest.User{admin, admin2} {
		n := messageWith(t, h, a.ID, "submitted its part of task 1")
		mustContain(t, n.PlainText(), "🇹🇷 Türkiye submitted its part of task 1", "Reported by Ahmet Yılmaz (@ahmet)", "Note <12/345>")
		if !hasButton(n, "st:c:1:TR") || !hasButton(n, "st:o:1:TR") {
			t.Errorf("the notice to %d cannot decide: %+v", a.ID, n.ReplyMarkup)
		}
		notices = append(notices, n)
	}

	post(admin, "task/1/status", `{"party":"TR","state":"confirmed"}`)
	mustContain(t, messageWith(t, h, memberTR.ID, "The Secretariat confirmed").PlainText(),
		"✅ The Secretariat confirmed 🇹🇷 Türkiye's part of task 1")
	for i, a := range []telegramtest.User{admin, admin2} {
		id := notices[i].MessageID
		waitFor(t, h, func() bool { return lastEditOf(t, h, a.ID, id).Method == "editMessageText" })
		edit := lastEditOf(t, h, a.ID, id)
		mustContain(t, edit.PlainText(), "Türkiye's part of task 1", "confirmed by Aida Secretariat")
		if hasButton(edit, "st:c:1:TR") {
			t.Errorf("admin %d's copy still offers Confirm", a.ID)
		}
	}
}

// Task edits by /edittask and in the app are in /audit, the editor named.
func TestTaskEditsAudited(t *testing.T) {
	addr := freeAddr(t)
	h := newHarness(t, func(c *Config) { c.HTTPAddr, c.PublicURL = addr, "https://wg.example.org" })
	adm := telegramtest.Private(admin)
	mustContain(t, h.ask(adm, admin, "/edittask 1 date 1 May 2024").PlainText(), "Task 1 changed")
	auth := webapp.SignUser(webapp.WebAppUser{ID: admin.ID, FirstName: admin.FirstName, LastName: admin.LastName}, h.clock.Now(), h.tg.Token(), nil)
	req, _ := http.NewRequest("POST", "http://"+addr+"/app/api/task/2/edit", strings.NewReader(`{"deadline":"2024-06-30"}`))
	req.Header.Set("Authorization", "tma "+auth)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK {
		t.Fatalf("app edit: %d", res.StatusCode)
	}
	mustContain(t, h.ask(adm, admin, "/audit").PlainText(),
		"Aida Secretariat edited task 1", "Aida Secretariat edited task 2", "task.edited · task 2 · by 1001")
}

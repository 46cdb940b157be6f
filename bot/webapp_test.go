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

package bot

import (
	"context"
	"net/http"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/ots-customs/wgbot/bot/webapp"
	"github.com/ots-customs/wgbot/handlers"
	"github.com/ots-customs/wgbot/handlers/i18n"
)

// appPath is where the Mini App is served on the bot's HTTP server.
const appPath = "/app/"

// appURL is the Mini App's public address, "" when the bot serves no HTTP
// behind a PUBLIC_URL.
func (b *Bot) appURL() string {
	if b.cfg.PublicURL == "" {
		return ""
	}
	return b.cfg.PublicURL + appPath
}

// mountApp adds the Mini App (issue 16) to the bot's HTTP server.
func (b *Bot) mountApp(mux *http.ServeMux) {
	if b.appURL() == "" {
		return
	}
	h := webapp.Handler(webapp.Config{Token: b.cfg.Token, Bot: b.h, MaxAge: b.cfg.WebAppMaxAge, Now: b.cfg.Now, Logger: b.log})
	mux.Handle(appPath, http.StripPrefix("/app", h))
}

// setAppMenu makes the menu button of private chats open the Mini App.
func (b *Bot) setAppMenu(ctx context.Context) {
	if b.appURL() == "" {
		return
	}
	if _, err := b.tg.SetChatMenuButton(ctx, &tgbot.SetChatMenuButtonParams{MenuButton: models.MenuButtonWebApp{
		Type: models.MenuButtonTypeWebApp, Text: handlers.AppMenuText(i18n.English), WebApp: models.WebAppInfo{URL: b.appURL()}}}); err != nil {
		b.log.Warn("could not set the menu button of the Mini App", "err", redactErr(err, b.cfg.Token))
	}
}

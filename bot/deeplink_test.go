package bot

import (
	"testing"

	"github.com/go-telegram/bot/models"

	"github.com/ots-customs/wgbot/bot/telegramtest"
)

// TestGroupAlertLinksToPrivateChat: a group alert's button is a deep link
// that opens the task in a private chat with the bot (its username from
// getMe); a private alert's button opens the task in place.
func TestGroupAlertLinksToPrivateChat(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(silkRoad))
	h.start()
	subscribeGroup(t, h)
	mustContain(t, h.ask(telegramtest.Private(memberTR), memberTR, "/subscribe").PlainText(), "Türkiye")
	h.at(2024, 2, 16, 9, 0)
	if n := h.deliver(); n != 2 {
		t.Fatalf("%d alerts, want 2", n)
	}
	button := func(chat int64) models.InlineKeyboardButton {
		msgs := h.tg.Messages(chat)
		m := msgs[len(msgs)-1]
		if m.ReplyMarkup == nil || len(m.ReplyMarkup.InlineKeyboard) != 1 || len(m.ReplyMarkup.InlineKeyboard[0]) != 1 {
			t.Fatalf("alert in %d has buttons %+v", chat, m.ReplyMarkup)
		}
		return m.ReplyMarkup.InlineKeyboard[0][0]
	}
	g := button(wgGroup.ID)
	if want := "https://t.me/" + h.tg.BotUsername() + "?start=task_1"; g.URL != want || g.CallbackData != "" || g.Text != "Open in a private chat" {
		t.Errorf("group alert button %q %q %q, want a link to %s", g.Text, g.URL, g.CallbackData, want)
	}
	if p := button(memberTR.ID); p.URL != "" || p.CallbackData != "task:1" {
		t.Errorf("private alert button %q %q, want the task:1 callback", p.URL, p.CallbackData)
	}
}

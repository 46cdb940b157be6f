package bot

import (
	"context"
	"testing"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/handlers"
)

// A reply that holds a link goes out with its preview turned off; one that
// cannot hold a link goes without the option, which Telegram would not use.
func TestLinkPreviewsStayOff(t *testing.T) {
	h := prepare(t, nil)
	h.start(fastSends)
	chat := telegramtest.Private(memberTR)
	h.tg.SendText(chat, memberTR, "/start") // the chat exists
	h.tg.WaitMessages(t, chat.ID, 1)
	texts := []string{
		"The note is at https://ots.example/notes/12.",
		`Open <a href="https://ots.example/app">the board</a>.`,
		"Write to t.me/otsbot or see example.org.",
		"<b>by 1 March 2024</b>\n#1 Submit the renewed concept. See /mytasks.",
	}
	for _, text := range texts {
		if err := h.bot.send.Send(context.Background(), handlers.Message{ChatID: chat.ID, Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	sent := h.tg.Messages(chat.ID)[1:]
	for i, m := range sent[:3] {
		if got := m.Raw["link_preview_options"]; got != `{"is_disabled":true}` {
			t.Errorf("%q went with link_preview_options %q, want the preview off", texts[i], got)
		}
	}
	if got, ok := sent[3].Raw["link_preview_options"]; ok {
		t.Errorf("a text without a link went with link_preview_options %q", got)
	}
	if got := sent[3].PlainText(); got != "by 1 March 2024\n#1 Submit the renewed concept. See /mytasks." {
		t.Errorf("the text reads %q", got)
	}
}

func TestMayHoldLink(t *testing.T) {
	t.Parallel()
	for text, want := range map[string]bool{
		"https://ots.example":                  true,
		"tg://user?id=1":                       true,
		"see example.org":                      true,
		"t.me/otsbot":                          true,
		"пример.рф":                            true,
		"10.0.0.1":                             true,
		"No.5 of the Regulation":               true,
		"Submitted. See /mytasks.":             false,
		"by 1 March 2024 (in 41 days)":         false,
		"13 more open tasks have no deadline.": false,
		"… and so on...":                       false,
		"":                                     false,
	} {
		if got := mayHoldLink(text); got != want {
			t.Errorf("mayHoldLink(%q) = %v, want %v", text, got, want)
		}
	}
}

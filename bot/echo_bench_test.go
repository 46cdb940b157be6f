package bot

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"
)

// pageEcho is Telegram's answer to a page of /deadlines: the whole message,
// with its entities and buttons.
func pageEcho() []byte {
	kb := &models.InlineKeyboardMarkup{}
	for range 8 {
		kb.InlineKeyboard = append(kb.InlineKeyboard, []models.InlineKeyboardButton{{Text: "#1 Submit the renewed concept", CallbackData: "task:1"}})
	}
	var ents []models.MessageEntity
	for i := range 16 {
		ents = append(ents, models.MessageEntity{Type: "bold", Offset: i * 50, Length: 20})
	}
	m := models.Message{ID: 4242, From: &models.User{ID: 1, IsBot: true, FirstName: "wgbot", Username: "wgbot"}, Date: 1700000000,
		Chat:     models.Chat{ID: 7001, Type: "private", FirstName: "Bench"},
		Text:     strings.Repeat("📅 by 1 March 2024 (in 51 days)\n#1 Submit the renewed concept of the Silk Road\n🇹🇷 TR\n\n", 8),
		Entities: ents, ReplyMarkup: kb}
	b, _ := json.Marshal(struct {
		OK     bool            `json:"ok"`
		Result *models.Message `json:"result"`
	}{true, &m})
	return b
}

// BenchmarkReadEcho is the cut of a page's answer (decoding it whole took
// 16 µs on the development machine; readEcho stops after the chat).
func BenchmarkReadEcho(b *testing.B) {
	body := pageEcho()
	b.SetBytes(int64(len(body)))
	for b.Loop() {
		if e, ok := readEcho(body); !ok || e.Result.MessageID != 4242 || e.Result.Chat.ID != 7001 {
			b.Fatalf("read %+v", e)
		}
	}
}

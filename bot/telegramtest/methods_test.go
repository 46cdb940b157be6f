package telegramtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

func TestCallbackEditAndAnswer(t *testing.T) {
	srv := New(t)
	kb := func(label string) *models.InlineKeyboardMarkup {
		return &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: label, CallbackData: "renew:7"}}}}
	}
	b := startBot(t, srv, func(ctx context.Context, b *tgbot.Bot, u *models.Update) {
		q := u.CallbackQuery
		if q == nil || q.Message.Message == nil {
			return
		}
		b.AnswerCallbackQuery(ctx, &tgbot.AnswerCallbackQueryParams{CallbackQueryID: q.ID, Text: "renewing", ShowAlert: true})
		b.EditMessageText(ctx, &tgbot.EditMessageTextParams{ChatID: q.Message.Message.Chat.ID, MessageID: q.Message.Message.ID, Text: "renewed " + q.Data})
	})
	ctx := context.Background()
	msg, err := b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: alice.ID, Text: "expires soon", ReplyMarkup: kb("Renew")})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.EditMessageReplyMarkup(ctx, &tgbot.EditMessageReplyMarkupParams{ChatID: alice.ID, MessageID: msg.ID, ReplyMarkup: kb("Renew")}); err == nil || !strings.Contains(err.Error(), "message is not modified") {
		t.Fatalf("same markup: err = %v", err)
	}
	if _, err := b.EditMessageReplyMarkup(ctx, &tgbot.EditMessageReplyMarkupParams{ChatID: alice.ID, MessageID: msg.ID, ReplyMarkup: kb("Renew now")}); err != nil {
		t.Fatal(err)
	}

	srv.SendCallback(Private(alice), alice, msg.ID, "renew:7")
	msgs := srv.WaitMessages(t, alice.ID, 2)
	if msgs[1].Method != "editMessageText" || msgs[1].Text != "renewed renew:7" || msgs[1].MessageID != msg.ID {
		t.Fatalf("edit = %+v", msgs[1])
	}
	cbs := srv.Callbacks()
	if len(cbs) != 1 || cbs[0].Text != "renewing" || cbs[0].Raw["show_alert"] != "true" || cbs[0].CallbackQueryID == "" {
		t.Fatalf("callbacks = %+v", cbs)
	}
	if _, err := b.AnswerCallbackQuery(ctx, &tgbot.AnswerCallbackQueryParams{CallbackQueryID: cbs[0].CallbackQueryID}); !errors.Is(err, tgbot.ErrorBadRequest) {
		t.Fatalf("second answer: err = %v", err)
	}
	if got := srv.Sent()[1]; got.Method != "editMessageReplyMarkup" || got.ReplyMarkup.InlineKeyboard[0][0].Text != "Renew now" {
		t.Fatalf("markup edit = %+v", got)
	}
	if ok, err := b.DeleteMessage(ctx, &tgbot.DeleteMessageParams{ChatID: alice.ID, MessageID: msg.ID}); !ok || err != nil {
		t.Fatalf("delete: %v", err)
	}
	if _, err := b.DeleteMessage(ctx, &tgbot.DeleteMessageParams{ChatID: alice.ID, MessageID: msg.ID}); !errors.Is(err, tgbot.ErrorBadRequest) {
		t.Fatalf("second delete: err = %v", err)
	}
}

func TestCommandsAndMisc(t *testing.T) {
	srv := New(t)
	b := newClient(t, srv)
	ctx := context.Background()
	cmds := []models.BotCommand{{Command: "start", Description: "Start"}, {Command: "peers", Description: "List peers"}}
	if _, err := b.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{Commands: cmds}); err != nil {
		t.Fatal(err)
	}
	if got := srv.Commands(); len(got) != 2 || got[1] != cmds[1] {
		t.Fatalf("Commands = %+v", got)
	}
	if _, err := b.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{Commands: []models.BotCommand{{Command: "Bad-Cmd", Description: "x"}}}); !errors.Is(err, tgbot.ErrorBadRequest) {
		t.Fatalf("invalid command: err = %v", err)
	}
	if _, err := b.DeleteMyCommands(ctx, nil); err != nil || srv.Commands() != nil {
		t.Fatalf("DeleteMyCommands: %v, %+v", err, srv.Commands())
	}
	if _, err := b.DeleteWebhook(ctx, &tgbot.DeleteWebhookParams{DropPendingUpdates: true}); err != nil {
		t.Fatal(err)
	}
	if info, err := b.GetWebhookInfo(ctx); err != nil || info.URL != "" {
		t.Fatalf("GetWebhookInfo = %+v, %v", info, err)
	}
	if _, err := b.SendChatAction(ctx, &tgbot.SendChatActionParams{ChatID: alice.ID, Action: models.ChatActionTyping}); err != nil {
		t.Fatal(err)
	}
	chat, err := b.GetChat(ctx, &tgbot.GetChatParams{ChatID: int64(-1001234567890)})
	if err != nil || chat.Type != models.ChatTypeSupergroup {
		t.Fatalf("GetChat = %+v, %v", chat, err)
	}
	member, err := b.GetChatMember(ctx, &tgbot.GetChatMemberParams{ChatID: int64(-42), UserID: alice.ID})
	if err != nil || member.Type != models.ChatMemberTypeMember || member.Member.User.ID != alice.ID {
		t.Fatalf("GetChatMember = %+v, %v", member, err)
	}
	if _, err := b.LeaveChat(ctx, &tgbot.LeaveChatParams{ChatID: int64(-42)}); err != nil {
		t.Fatal(err)
	}
	me, err := b.GetMe(ctx)
	if err != nil || me.Username != srv.BotUsername() || !me.IsBot || me.ID != 123456 {
		t.Fatalf("GetMe = %+v, %v", me, err)
	}
}

func TestUnknownMethodAndWrongToken(t *testing.T) {
	srv := New(t)
	status, resp, _ := call(t, srv, "sendTelepathy", url.Values{})
	if status != http.StatusNotFound || resp.ErrorCode != 404 || resp.Description != "Not Found: method not found" {
		t.Fatalf("unknown method: %d %+v", status, resp)
	}
	_, err := tgbot.New("999:wrong", tgbot.WithServerURL(srv.URL()))
	if !errors.Is(err, tgbot.ErrorUnauthorized) {
		t.Fatalf("wrong token: err = %v", err)
	}
	resp2, err := http.Get(srv.URL() + "/file/bot999:wrong/documents/x")
	if err != nil {
		t.Fatal(err)
	}
	resp2.Body.Close()
	if resp2.StatusCode != http.StatusUnauthorized {
		t.Fatalf("file with wrong token: %s", resp2.Status)
	}
}

func TestLongPollHonoursCancellation(t *testing.T) {
	srv := New(t)
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodPost, srv.URL()+"/bot"+srv.Token()+"/getUpdates", strings.NewReader("timeout=30"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	start := time.Now()
	_, err := http.DefaultClient.Do(req)
	if err == nil || time.Since(start) > 900*time.Millisecond {
		t.Fatalf("err = %v after %v", err, time.Since(start))
	}
}

// A sent or edited message comes back with its keyboard as the bot sent it,
// as Telegram echoes it: no field the bot did not set (the library's model
// would add an empty copy_text to every button).
func TestSentMessageEchoesItsKeyboard(t *testing.T) {
	srv := New(t)
	srv.SendText(Private(alice), alice, "/start")
	keyboard := `{"inline_keyboard":[[{"text":"#1 Submit","callback_data":"task:1"}],[{"text":"Site","url":"https://www.turkicstates.org"}]]}`
	_, _, sent := call(t, srv, "sendMessage", url.Values{"chat_id": {"1001"}, "text": {"Open deadlines"}, "reply_markup": {keyboard}})
	var msg struct {
		ID     int             `json:"message_id"`
		Text   string          `json:"text"`
		Markup json.RawMessage `json:"reply_markup"`
	}
	if err := json.Unmarshal(sent, &msg); err != nil || msg.Text != "Open deadlines" || string(msg.Markup) != keyboard {
		t.Fatalf("the echo of a sent message: %s (%v)", sent, err)
	}
	edited := `{"inline_keyboard":[[{"text":"#2 Hold","callback_data":"task:2"}]]}`
	_, _, raw := call(t, srv, "editMessageText", url.Values{"chat_id": {"1001"}, "message_id": {strconv.Itoa(msg.ID)},
		"text": {"Edited"}, "reply_markup": {edited}})
	if err := json.Unmarshal(raw, &msg); err != nil || msg.Text != "Edited" || string(msg.Markup) != edited {
		t.Fatalf("the echo of an edit: %s (%v)", raw, err)
	}
	// The library reads the echo into its model.
	var m models.Message
	if err := json.Unmarshal(raw, &m); err != nil || m.ReplyMarkup == nil || m.ReplyMarkup.InlineKeyboard[0][0].CallbackData != "task:2" {
		t.Fatalf("the library's model of the echo: %+v (%v)", m.ReplyMarkup, err)
	}
}

// The echo of a sent message, written by hand with its keyboard spliced
// in, reads as encoding/json writes it.
func TestWriteEchoIsTheEncodedMessage(t *testing.T) {
	t.Parallel()
	kb := `{"inline_keyboard":[[{"text":"#1 <Submit> & \"more\"","callback_data":"task:1"}]]}`
	for _, e := range []any{
		&echoedMessage{Message: &models.Message{ID: 9, Date: 1700000000, From: botUser(), Chat: models.Chat{ID: 7, Type: "private", FirstName: "A"},
			Text: "<b>a</b> & b \u2028 \"q\" 🇹🇷", ReplyMarkup: &models.InlineKeyboardMarkup{}}, ReplyMarkup: json.RawMessage(kb)},
		&models.Message{ID: 10, MessageThreadID: 4, Date: 1700000001, From: botUser(), Chat: models.Chat{ID: -100, Type: "supergroup", Title: "WG"}, Text: "ok"},
		&models.Message{ID: 11, Date: 1, Chat: models.Chat{ID: 7, Type: "private"}, Caption: "a document",
			Document: &models.Document{FileID: "f", FileName: "m.pdf"}}, // written by encoding/json
	} {
		testEcho(t, e)
	}
	msg := &models.Message{ID: 12, Date: 1, From: botUser(), Chat: models.Chat{ID: 7, Type: "private"}, Text: "ok"}
	if appendPlainMessage(nil, msg, nil) == nil {
		t.Error("a plain text message went to encoding/json")
	}
	msg.Document = &models.Document{FileID: "f"}
	if appendPlainMessage(nil, msg, nil) != nil {
		t.Error("a message with a document was written by hand")
	}
}

func testEcho(t *testing.T, e any) {
	t.Helper()
	rec := httptest.NewRecorder()
	writeResult(rec, e)
	var want bytes.Buffer
	if err := json.NewEncoder(&want).Encode(response{OK: true, Result: e}); err != nil {
		t.Fatal(err)
	}
	var got, exp any
	if err := json.Unmarshal(rec.Body.Bytes(), &got); err != nil {
		t.Fatalf("%v: %s", err, rec.Body.Bytes())
	}
	_ = json.Unmarshal(want.Bytes(), &exp)
	if !reflect.DeepEqual(got, exp) {
		t.Errorf("echo\n%s\nwant\n%s", rec.Body.Bytes(), want.Bytes())
	}
}

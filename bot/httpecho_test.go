package bot

import (
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/ots-customs/wgbot/bot/telegramtest"
)

// Through the cut echo the library still returns the id of the message
// Telegram recorded, in the chat it was sent to; Telegram's refusals
// arrive as they were sent.
func TestShortEchoesKeepTheMessageID(t *testing.T) {
	t.Parallel()
	tg := telegramtest.New(t)
	client, err := tgbot.New(tg.Token(), tgbot.WithServerURL(tg.URL()), tgbot.WithSkipGetMe(),
		tgbot.WithHTTPClient(0, wholeBodies{shortEchoes{http.DefaultClient}}))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	user := telegramtest.User{ID: 4401, FirstName: "Aysel"}
	tg.SendText(telegramtest.Private(user), user, "/start") // the chat exists
	keyboard := &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{
		{{Text: "#1 Submit the renewed concept", CallbackData: "task:1"}},
		{{Text: "#2 Hold the workshop", CallbackData: "task:2"}},
	}}
	for i, text := range []string{"ok", strings.Repeat("<b>by 1 March 2024</b> Submit the concept\n", 20)} {
		msg, err := client.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: user.ID, Text: text,
			ParseMode: models.ParseModeHTML, ReplyMarkup: keyboard})
		if err != nil {
			t.Fatalf("send %d: %v", i, err)
		}
		sent := tg.Messages(user.ID)
		if len(sent) != i+1 || msg.ID != sent[i].MessageID || msg.ID == 0 {
			t.Fatalf("send %d: the library returned message %d; Telegram recorded %+v", i, msg.ID, sent)
		}
		if msg.Chat.ID != user.ID || msg.Chat.Type != "private" || msg.Date == 0 {
			t.Errorf("send %d: the message came back as %+v", i, msg)
		}
	}
	msg := tg.Messages(user.ID)[0]
	edited, err := client.EditMessageText(ctx, &tgbot.EditMessageTextParams{ChatID: user.ID, MessageID: msg.MessageID, Text: "edited"})
	if err != nil {
		t.Fatalf("edit: %v", err)
	}
	sent := tg.Messages(user.ID)
	if last := sent[len(sent)-1]; last.Method != "editMessageText" || last.MessageID != msg.MessageID || edited.ID != msg.MessageID {
		t.Errorf("the edit of message %d came back as message %d; Telegram recorded %+v", msg.MessageID, edited.ID, last)
	}

	tg.FailNext("sendMessage", user.ID, 1, 429, 7, "")
	_, err = client.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: user.ID, Text: "ok"})
	var tooMany *tgbot.TooManyRequestsError
	if !errors.As(err, &tooMany) || tooMany.RetryAfter != 7 {
		t.Errorf("a 429 came back as %v", err)
	}
	_, err = client.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: user.ID, Text: strings.Repeat("x", 5000)})
	if !errors.Is(err, tgbot.ErrorBadRequest) || !strings.Contains(err.Error(), "message is too long") {
		t.Errorf("a refused message came back as %v", err)
	}
}

// An answer that is not a message (an edit of an inline message answers
// true) or that is too long to cut reaches the library as it came.
func TestShortEchoesPassOtherAnswers(t *testing.T) {
	t.Parallel()
	long := `{"ok":true,"result":{"message_id":5,"chat":{"id":1,"type":"private"},"date":1,"text":"` + strings.Repeat("x", maxEcho) + `"}}`
	for _, answer := range []string{`{"ok":true,"result":true}`, long, `{"ok":true,"result":{"message_id":5,"text":`} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, answer)
		}))
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/botTOKEN/editMessageText", strings.NewReader("x"))
		resp, err := shortEchoes{srv.Client()}.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		got, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		srv.Close()
		if string(got) != answer {
			t.Errorf("an answer of %d bytes came through as %d bytes: %.80s", len(answer), len(got), got)
		}
	}
}

// The head of the answer is read in any order of its fields; an answer
// that is not a sent message is not cut.
func TestReadEcho(t *testing.T) {
	t.Parallel()
	for _, c := range []struct {
		body string
		id   int
		ok   bool
	}{
		{string(pageEcho()), 4242, true},
		{`{"ok":true,"result":{"text":"a \"message_id\":9","entities":[{"type":"bold"}],"chat":{"id":5,"type":"group"},"date":3,"message_id":7}}`, 7, true},
		{`{"result":{"message_id":8,"chat":{"id":5,"type":"group"},"date":3},"ok":true}`, 0, false}, // ok unread: not trusted
		{`{"ok":false,"error_code":400,"description":"Bad Request"}`, 0, false},
		{`{"ok":true,"result":true}`, 0, false},
		{`{"ok":true,"result":{"chat":{"id":5,"type":"group"},"date":3}}`, 0, false},
		{`[]`, 0, false},
	} {
		e, ok := readEcho([]byte(c.body))
		if ok != c.ok || (ok && e.Result.MessageID != c.id) {
			t.Errorf("%.60s: read %+v, %v", c.body, e.Result, ok)
		}
	}
}

// The cut echo is written by hand as encoding/json would write it.
func TestEchoJSON(t *testing.T) {
	t.Parallel()
	for _, body := range []string{
		string(pageEcho()),
		`{"ok":true,"result":{"message_id":7,"message_thread_id":12,"from":{"id":1,"is_bot":true},"chat":{"id":-1001234567890,"title":"WG","type":"supergroup"},"date":1704880000,"text":"x"}}`,
	} {
		e, ok := readEcho([]byte(body))
		if !ok {
			t.Fatalf("%.60s: not read", body)
		}
		want, err := json.Marshal(e)
		if err != nil {
			t.Fatal(err)
		}
		if got := e.appendJSON(nil); string(got) != string(want) {
			t.Errorf("echo written as\n%s\nwant\n%s", got, want)
		}
	}
}

// FuzzReadEcho: whatever the answer holds, reading it never fails hard, and
// what it keeps reads back as the message Telegram answered with.
func FuzzReadEcho(f *testing.F) {
	f.Add(string(pageEcho()))
	f.Add(`{"ok":true,"result":{"message_id":7,"chat":{"id":5,"type":"group"},"date":3}}`)
	f.Add(`{"ok":true,"result":{"message_id":7,"chat":{"id":5,"type":"gr\"oup"},"date":3}}`)
	f.Fuzz(func(t *testing.T, body string) {
		e, ok := readEcho([]byte(body))
		if !ok {
			return
		}
		var got struct {
			OK     bool           `json:"ok"`
			Result models.Message `json:"result"`
		}
		short := e.appendJSON(nil)
		if err := json.Unmarshal(short, &got); err != nil {
			t.Fatalf("%s: %v", short, err)
		}
		if !got.OK || got.Result.ID != e.Result.MessageID || got.Result.Chat.ID != e.Result.Chat.ID {
			t.Fatalf("%s reads back as %+v", short, got)
		}
		if json.Valid([]byte(body)) {
			var full struct {
				Result struct {
					MessageID int `json:"message_id"`
				} `json:"result"`
			}
			if json.Unmarshal([]byte(body), &full) == nil && strings.Count(body, `"message_id"`) == 1 && full.Result.MessageID != e.Result.MessageID {
				t.Fatalf("read id %d, encoding/json reads %d", e.Result.MessageID, full.Result.MessageID)
			}
		}
	})
}

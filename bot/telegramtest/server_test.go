package telegramtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"
)

var alice = User{ID: 1001, FirstName: "Alice", Username: "alice", LanguageCode: "en"}

// startBot runs the real client against srv until the test ends.
func startBot(t *testing.T, srv *Server, h tgbot.HandlerFunc, opts ...tgbot.Option) *tgbot.Bot {
	t.Helper()
	opts = append([]tgbot.Option{
		tgbot.WithServerURL(srv.URL()),
		tgbot.WithDefaultHandler(h),
		tgbot.WithErrorsHandler(func(error) {}),
	}, opts...)
	b, err := tgbot.New(srv.Token(), opts...)
	if err != nil {
		t.Fatalf("tgbot.New: %v", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { b.Start(ctx); close(done) }()
	t.Cleanup(func() { cancel(); <-done })
	return b
}

// newClient returns a client that is not polling, for direct calls.
func newClient(t *testing.T, srv *Server) *tgbot.Bot {
	t.Helper()
	b, err := tgbot.New(srv.Token(), tgbot.WithServerURL(srv.URL()), tgbot.WithErrorsHandler(func(error) {}))
	if err != nil {
		t.Fatalf("tgbot.New: %v", err)
	}
	return b
}

// call posts a form to the server and returns the decoded response.
func call(t *testing.T, srv *Server, method string, form url.Values) (status int, resp response, raw json.RawMessage) {
	t.Helper()
	r, err := http.PostForm(srv.URL()+"/bot"+srv.Token()+"/"+method, form)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Body.Close()
	var out struct {
		response
		Result json.RawMessage `json:"result"`
	}
	if err := json.NewDecoder(r.Body).Decode(&out); err != nil {
		t.Fatal(err)
	}
	return r.StatusCode, out.response, out.Result
}

func TestReplyToPushedText(t *testing.T) {
	srv := New(t)
	got := make(chan *models.Message, 1)
	startBot(t, srv, func(ctx context.Context, b *tgbot.Bot, u *models.Update) {
		if u.Message == nil {
			return
		}
		got <- u.Message
		_, err := b.SendMessage(ctx, &tgbot.SendMessageParams{
			ChatID:          u.Message.Chat.ID,
			Text:            "<b>echo:</b> " + u.Message.Text,
			ParseMode:       models.ParseModeHTML,
			ReplyParameters: &models.ReplyParameters{MessageID: u.Message.ID},
		})
		if err != nil && ctx.Err() == nil { // the test may end before the reply is read
			t.Errorf("SendMessage: %v", err)
		}
	})

	srv.SendText(Private(alice), alice, "/start hi")
	msgs := srv.WaitMessages(t, alice.ID, 1)
	in := <-got

	if in.From.Username != "alice" || in.Chat.Type != models.ChatTypePrivate || in.Date == 0 {
		t.Errorf("update message = %+v", in)
	}
	if len(in.Entities) != 1 || in.Entities[0].Type != models.MessageEntityTypeBotCommand || in.Entities[0].Length != 6 {
		t.Errorf("entities = %+v", in.Entities)
	}
	m := msgs[0]
	if m.Method != "sendMessage" || m.PlainText() != "echo: /start hi" || m.ParseMode != "HTML" {
		t.Errorf("sent = %+v, plain %q", m, m.PlainText())
	}
	if m.ReplyToMessageID != in.ID || m.MessageID <= in.ID {
		t.Errorf("reply to %d (want %d), message id %d", m.ReplyToMessageID, in.ID, m.MessageID)
	}
	if srv.Calls("getMe") != 1 {
		t.Errorf("getMe calls = %d", srv.Calls("getMe"))
	}
}

func TestConfirmByOffset(t *testing.T) {
	srv := New(t)
	id1 := srv.SendText(Private(alice), alice, "one")
	id2 := srv.SendText(Private(alice), alice, "two")

	updates := func(offset int64) []models.Update {
		t.Helper()
		_, resp, raw := call(t, srv, "getUpdates", url.Values{"offset": {jsonInt(offset)}, "timeout": {"0"}})
		var us []models.Update
		if !resp.OK || json.Unmarshal(raw, &us) != nil {
			t.Fatalf("getUpdates: %+v %s", resp, raw)
		}
		return us
	}
	if us := updates(0); len(us) != 2 || us[0].ID != id1 || us[1].Message.Text != "two" {
		t.Fatalf("offset 0: %+v", us)
	}
	if us := updates(id2); len(us) != 1 || us[0].ID != id2 {
		t.Fatalf("offset %d: %+v", id2, us)
	}
	srv.WaitHandled(t, id1) // confirmed by offset id2
	if us := updates(0); len(us) != 1 {
		t.Fatalf("update %d not forgotten: %+v", id1, us)
	}
	updates(id2 + 1)
	if us := updates(0); len(us) != 0 {
		t.Fatalf("updates left after confirming all: %+v", us)
	}

	// A waiting long poll wakes as soon as an update is pushed.
	start := time.Now()
	go func() {
		time.Sleep(50 * time.Millisecond)
		srv.SendText(Private(alice), alice, "three")
	}()
	_, _, raw := call(t, srv, "getUpdates", url.Values{"offset": {jsonInt(id2 + 1)}, "timeout": {"30"}})
	if !strings.Contains(string(raw), "three") || time.Since(start) > 900*time.Millisecond {
		t.Fatalf("long poll returned %s after %v", raw, time.Since(start))
	}
}

func TestRealBotConfirmsUpdates(t *testing.T) {
	srv := New(t)
	startBot(t, srv, func(context.Context, *tgbot.Bot, *models.Update) {})
	var last int64
	for i := 0; i < 3; i++ {
		last = srv.SendText(Group(-100, "ops"), alice, "msg")
	}
	srv.WaitHandled(t, last)
}

func TestTooManyRequestsInjection(t *testing.T) {
	srv := New(t)
	b := newClient(t, srv)
	srv.FailNext("sendMessage", alice.ID, 1, http.StatusTooManyRequests, 3, "")
	ctx := context.Background()

	_, err := b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: 999, Text: "other chat"})
	if err != nil {
		t.Fatalf("other chat should not fail: %v", err)
	}
	_, err = b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: alice.ID, Text: "hi"})
	var tooMany *tgbot.TooManyRequestsError
	if !errors.As(err, &tooMany) || tooMany.RetryAfter != 3 {
		t.Fatalf("err = %v, want TooManyRequestsError retry 3", err)
	}
	if _, err := b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: alice.ID, Text: "hi"}); err != nil {
		t.Fatalf("retry: %v", err)
	}
	if srv.Calls("sendMessage") != 3 || len(srv.Messages(alice.ID)) != 1 {
		t.Fatalf("calls %d, messages %+v", srv.Calls("sendMessage"), srv.Messages(alice.ID))
	}
}

func TestForbiddenInjection(t *testing.T) {
	srv := New(t)
	b := newClient(t, srv)
	srv.FailNext("sendMessage", 0, 2, http.StatusForbidden, 0, "")
	for i := 0; i < 2; i++ {
		_, err := b.SendMessage(context.Background(), &tgbot.SendMessageParams{ChatID: alice.ID, Text: "hi"})
		if !errors.Is(err, tgbot.ErrorForbidden) || !strings.Contains(err.Error(), "bot was blocked by the user") {
			t.Fatalf("call %d: err = %v", i, err)
		}
	}
	if len(srv.Sent()) != 0 {
		t.Fatalf("failed calls recorded: %+v", srv.Sent())
	}
}

func TestHTMLValidationErrors(t *testing.T) {
	srv := New(t)
	b := newClient(t, srv)
	for _, tc := range []struct{ text, want string }{
		{"<b>bold", `Can't find end tag corresponding to start tag "b"`},
		{"<blink>x</blink>", `Unsupported start tag "blink" at byte offset 0`},
		{"a < b", "Unclosed start tag at byte offset 2"},
		{"1 < 2 > 0", `Unsupported start tag "" at byte offset 2`},
		{"Tom & Jerry", "Unsupported character entity at byte offset 4"},
		{"<b><i>x</b></i>", `Unmatched end tag at byte offset 7, expected "</i>", found "</b>"`},
		{"x</b>", "Unexpected end tag at byte offset 1"},
		{"<b", "Unclosed start tag at byte offset 0"},
		{"<b></b>", "message text is empty"},
		{strings.Repeat("😀", 2049), "message is too long"},
	} {
		_, err := b.SendMessage(context.Background(), &tgbot.SendMessageParams{ChatID: alice.ID, Text: tc.text, ParseMode: models.ParseModeHTML})
		if !errors.Is(err, tgbot.ErrorBadRequest) || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%q: err = %v, want %q", tc.text, err, tc.want)
		}
	}
	ok := `<b>a &amp; b</b> &lt;3 <a href="https://x.y/?a=1&amp;b=2">link</a> <span class="tg-spoiler">s</span> <pre><code class="language-go">x</code></pre> &#128512;`
	if _, err := b.SendMessage(context.Background(), &tgbot.SendMessageParams{ChatID: alice.ID, Text: ok, ParseMode: models.ParseModeHTML}); err != nil {
		t.Fatalf("valid HTML rejected: %v", err)
	}
	if got := srv.Messages(alice.ID)[0].PlainText(); got != "a & b <3 link s x 😀" {
		t.Errorf("PlainText = %q", got)
	}
	long := "<b>" + strings.Repeat("a", 4096) + "</b>"
	if _, err := b.SendMessage(context.Background(), &tgbot.SendMessageParams{ChatID: alice.ID, Text: long, ParseMode: models.ParseModeHTML}); err != nil {
		t.Errorf("4096 visible characters rejected: %v", err)
	}
	kb := &models.InlineKeyboardMarkup{InlineKeyboard: [][]models.InlineKeyboardButton{{{Text: "x", CallbackData: strings.Repeat("d", 65)}}}}
	_, err := b.SendMessage(context.Background(), &tgbot.SendMessageParams{ChatID: alice.ID, Text: "kb", ReplyMarkup: kb})
	if !errors.Is(err, tgbot.ErrorBadRequest) || !strings.Contains(err.Error(), "BUTTON_DATA_INVALID") {
		t.Errorf("65-byte callback data: err = %v", err)
	}
}

func TestSendDocumentUploadAndDownload(t *testing.T) {
	srv := New(t)
	b := newClient(t, srv)
	ctx := context.Background()
	content := []byte("[Interface]\nPrivateKey = abc\n")
	msg, err := b.SendDocument(ctx, &tgbot.SendDocumentParams{
		ChatID:    alice.ID,
		Document:  &models.InputFileUpload{Filename: "peer.conf", Data: bytes.NewReader(content)},
		Caption:   "your <b>config</b>",
		ParseMode: models.ParseModeHTML,
	})
	if err != nil {
		t.Fatalf("SendDocument: %v", err)
	}
	sent := srv.Messages(alice.ID)
	if len(sent) != 1 || sent[0].DocumentName != "peer.conf" || !bytes.Equal(sent[0].Document, content) || sent[0].PlainText() != "your config" {
		t.Fatalf("recorded = %+v", sent)
	}
	if msg.Document == nil || msg.Document.FileName != "peer.conf" || msg.Caption != "your config" {
		t.Fatalf("returned message = %+v", msg)
	}
	f, err := b.GetFile(ctx, &tgbot.GetFileParams{FileID: msg.Document.FileID})
	if err != nil || f.FileSize != int64(len(content)) {
		t.Fatalf("GetFile = %+v, %v", f, err)
	}
	if got := download(t, b.FileDownloadLink(f)); !bytes.Equal(got, content) {
		t.Fatalf("downloaded %q", got)
	}
}

func TestBotDownloadsPushedDocument(t *testing.T) {
	srv := New(t)
	startBot(t, srv, func(ctx context.Context, b *tgbot.Bot, u *models.Update) {
		if u.Message == nil || u.Message.Document == nil {
			return
		}
		f, err := b.GetFile(ctx, &tgbot.GetFileParams{FileID: u.Message.Document.FileID})
		if err != nil {
			t.Errorf("GetFile: %v", err)
			return
		}
		resp, err := http.Get(b.FileDownloadLink(f))
		if err != nil {
			t.Errorf("download: %v", err)
			return
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		b.SendMessage(ctx, &tgbot.SendMessageParams{ChatID: u.Message.Chat.ID, Text: u.Message.Caption + ": " + string(data)})
	})
	srv.SendDocument(Private(alice), alice, "list.csv", "text/csv", []byte("a,b\n1,2"), "import")
	if got := srv.WaitMessages(t, alice.ID, 1)[0].Text; got != "import: a,b\n1,2" {
		t.Fatalf("reply = %q", got)
	}
}

func download(t *testing.T, link string) []byte {
	t.Helper()
	resp, err := http.Get(link)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %s", link, resp.Status)
	}
	data, _ := io.ReadAll(resp.Body)
	return data
}

func jsonInt(v int64) string { b, _ := json.Marshal(v); return string(b) }

// A reader that follows SentSince sees each new call once, woken by the
// channel rather than by polling; Start and Close work without a test.
func TestSentSinceFollowsTheBot(t *testing.T) {
	srv := Start()
	defer srv.Close()
	defer srv.Close() // twice is harmless
	b := newClient(t, srv)
	got, changed := srv.SentSince(0)
	if len(got) != 0 {
		t.Fatalf("a new server has sent %d calls", len(got))
	}
	if _, err := b.SendMessage(context.Background(), &tgbot.SendMessageParams{ChatID: alice.ID, Text: "<b>one</b>", ParseMode: models.ParseModeHTML}); err != nil {
		t.Fatal(err)
	}
	select {
	case <-changed:
	case <-time.After(5 * time.Second):
		t.Fatal("SentSince's channel was not closed by a sendMessage")
	}
	got, _ = srv.SentSince(0)
	if len(got) != 1 || got[0].PlainText() != "one" {
		t.Fatalf("SentSince(0) = %+v, want the one message", got)
	}
	if more, _ := srv.SentSince(1); len(more) != 0 {
		t.Fatalf("SentSince(1) = %+v, want nothing new", more)
	}
}

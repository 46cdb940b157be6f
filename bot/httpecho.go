package bot

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"

	tgbot "github.com/go-telegram/bot"
)

// shortEchoes cuts Telegram's answer to a sent or edited message down to
// the fields the bot reads of it. Telegram echoes the whole message: the
// text, its entities and every button, about as long again as the request.
// The library decodes that echo twice (into its envelope, then into
// models.Message), and for a page of /deadlines that was a ninth of the
// bot's CPU per update (BenchmarkDeadlines). The bot reads only the id of a
// message it sent (sender.sendID), so the library is given the id, the
// chat and the date, read off the head of the answer (readEcho). Errors,
// and answers that are not a message (an edit of an inline message answers
// true), pass unchanged.
type shortEchoes struct{ next tgbot.HttpClient }

// echoedMethods are the methods whose result the bot reads only the id of.
// A method whose result is read further must not be listed here.
var echoedMethods = []string{"/sendMessage", "/editMessageText", "/editMessageReplyMarkup"}

// maxEcho bounds what is read to be cut; a longer answer passes unchanged.
const maxEcho = 64 << 10

// echo is what is kept of a sent message.
type echo struct {
	OK     bool `json:"ok"`
	Result struct {
		MessageID       int      `json:"message_id"`
		MessageThreadID int      `json:"message_thread_id,omitempty"`
		Date            int      `json:"date"`
		Chat            echoChat `json:"chat"`
	} `json:"result"`
}

type echoChat struct {
	ID   int64  `json:"id"`
	Type string `json:"type"`
}

func (c shortEchoes) Do(req *http.Request) (*http.Response, error) {
	resp, err := c.next.Do(req)
	if err != nil || resp.StatusCode != http.StatusOK || !echoed(req.URL.Path) {
		return resp, err
	}
	buf := scratch.Get().(*bytes.Buffer) // httpbody.go
	buf.Reset()
	defer scratch.Put(buf)
	if _, err := buf.ReadFrom(io.LimitReader(resp.Body, maxEcho+1)); err != nil {
		resp.Body.Close()
		return nil, err
	}
	e, ok := echo{}, false
	if buf.Len() <= maxEcho {
		e, ok = readEcho(buf.Bytes())
	}
	if !ok {
		// Too long to cut, or not a message: the library reads it as it came.
		resp.Body = struct {
			io.Reader
			io.Closer
		}{io.MultiReader(bytes.NewReader(bytes.Clone(buf.Bytes())), resp.Body), resp.Body}
		return resp, nil
	}
	short, err := json.Marshal(e)
	if err != nil {
		resp.Body.Close()
		return nil, err
	}
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(short))
	resp.ContentLength = int64(len(short))
	resp.Header.Del("Content-Length")
	return resp, nil
}

func echoed(path string) bool {
	for _, m := range echoedMethods {
		if strings.HasSuffix(path, m) {
			return true
		}
	}
	return false
}

// readEcho reads the message's id, date and chat off a sent message's
// answer, and stops there: Telegram puts them first, before the text, its
// entities and the buttons, which are most of the answer.
func readEcho(body []byte) (e echo, ok bool) {
	dec := json.NewDecoder(bytes.NewReader(body))
	if !openObject(dec) {
		return e, false
	}
	for dec.More() {
		key, isKey := nextKey(dec)
		if !isKey {
			return e, false
		}
		switch key {
		case "ok":
			if dec.Decode(&e.OK) != nil || !e.OK {
				return e, false
			}
		case "result":
			return e, e.OK && readEchoResult(dec, &e)
		default:
			if skipValue(dec) != nil {
				return e, false
			}
		}
	}
	return e, false
}

func readEchoResult(dec *json.Decoder, e *echo) bool {
	if !openObject(dec) {
		return false
	}
	var id, date, chat bool
	for dec.More() && !(id && date && chat) {
		key, isKey := nextKey(dec)
		if !isKey {
			return false
		}
		var err error
		switch key {
		case "message_id":
			err, id = dec.Decode(&e.Result.MessageID), true
		case "message_thread_id":
			err = dec.Decode(&e.Result.MessageThreadID)
		case "date":
			err, date = dec.Decode(&e.Result.Date), true
		case "chat":
			err, chat = dec.Decode(&e.Result.Chat), true
		default:
			err = skipValue(dec)
		}
		if err != nil {
			return false
		}
	}
	return id && e.Result.MessageID != 0
}

func openObject(dec *json.Decoder) bool {
	t, err := dec.Token()
	return err == nil && t == json.Delim('{')
}

func nextKey(dec *json.Decoder) (string, bool) {
	t, err := dec.Token()
	key, ok := t.(string)
	return key, err == nil && ok
}

// skipValue reads past one value without keeping it.
func skipValue(dec *json.Decoder) error {
	var skip json.RawMessage
	return dec.Decode(&skip)
}

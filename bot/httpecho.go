package bot

import (
	"bytes"
	"io"
	"net/http"
	"strconv"
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
	short := e.appendJSON(make([]byte, 0, 128))
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
// entities and the buttons, which are most of the answer. It follows the
// answer with jsonPass (jsonpass.go) and checks every value it keeps.
func readEcho(body []byte) (e echo, ok bool) {
	p := &jsonPass{b: body}
	if !p.open('{') {
		return e, false
	}
	for first := true; p.next(first); first = false {
		switch k := p.key(); {
		case isKey(k, "ok"):
			if e.OK = string(p.value()) == "true"; !e.OK {
				return e, false
			}
		case isKey(k, "result"):
			return e, e.OK && readEchoResult(p, &e)
		default:
			p.value()
		}
	}
	return e, false
}

func readEchoResult(p *jsonPass, e *echo) bool {
	if !p.open('{') {
		return false
	}
	var id, date, chat bool
	for first := true; !(id && date && chat) && p.next(first); first = false {
		var n int64
		good := true
		switch k := p.key(); {
		case isKey(k, "message_id"):
			n, good = jsonInt(p.value())
			e.Result.MessageID, id = int(n), true
		case isKey(k, "message_thread_id"):
			n, good = jsonInt(p.value())
			e.Result.MessageThreadID = int(n)
		case isKey(k, "date"):
			n, good = jsonInt(p.value())
			e.Result.Date, date = int(n), true
		case isKey(k, "chat"):
			good, chat = readEchoChat(p, &e.Result.Chat), true
		default:
			p.value()
		}
		if !good || p.bad {
			return false
		}
	}
	return id && e.Result.MessageID != 0 && !p.bad
}

func readEchoChat(p *jsonPass, c *echoChat) bool {
	if !p.open('{') {
		return false
	}
	for first := true; p.next(first); first = false {
		switch k := p.key(); {
		case isKey(k, "id"):
			var ok bool
			if c.ID, ok = jsonInt(p.value()); !ok {
				return false
			}
		case isKey(k, "type"):
			v := p.value()
			if len(v) < 2 || v[0] != '"' || strings.Trim(string(v[1:len(v)-1]), "abcdefghijklmnopqrstuvwxyz") != "" {
				return false // Telegram's chat types are plain words
			}
			c.Type = string(v[1 : len(v)-1])
		default:
			p.value()
		}
	}
	return !p.bad && c.ID != 0
}

// appendJSON writes e as the library reads it, as encoding/json would.
func (e echo) appendJSON(out []byte) []byte {
	out = strconv.AppendInt(append(out, `{"ok":true,"result":{"message_id":`...), int64(e.Result.MessageID), 10)
	if e.Result.MessageThreadID != 0 {
		out = strconv.AppendInt(append(out, `,"message_thread_id":`...), int64(e.Result.MessageThreadID), 10)
	}
	out = strconv.AppendInt(append(out, `,"date":`...), int64(e.Result.Date), 10)
	out = strconv.AppendInt(append(out, `,"chat":{"id":`...), e.Result.Chat.ID, 10)
	return append(append(append(out, `,"type":"`...), e.Result.Chat.Type...), `"}}}`...)
}

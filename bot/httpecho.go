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
// chat and the date, decoded once here. Errors, and answers that are not a
// message (an edit of an inline message answers true), pass unchanged.
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
	var e echo
	if buf.Len() > maxEcho || json.Unmarshal(buf.Bytes(), &e) != nil || !e.OK || e.Result.MessageID == 0 {
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

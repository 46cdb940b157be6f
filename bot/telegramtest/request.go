package telegramtest

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"

	"github.com/go-telegram/bot/models"
)

// request is one decoded Bot API call.
type request struct {
	ctx       context.Context
	method    string
	fields    map[string]string // every form field; file parts map to their file name
	files     map[string]upload
	chatID    int64
	hasChatID bool
}

type upload struct {
	name string
	data []byte
}

func (r *request) str(name string) string { return r.fields[name] }

func (r *request) num(name string) int64 {
	v, _ := strconv.ParseInt(strings.TrimSpace(r.fields[name]), 10, 64)
	return v
}

func (r *request) flag(name string) bool { return r.fields[name] == "true" }

// parseRequest reads a multipart/form-data (what go-telegram/bot sends),
// urlencoded or JSON body plus query parameters.
func parseRequest(hr *http.Request, method string) (*request, error) {
	req := &request{ctx: hr.Context(), method: method, fields: map[string]string{}, files: map[string]upload{}}
	for k, v := range hr.URL.Query() {
		req.fields[k] = v[0]
	}
	body, err := readBody(hr)
	if err != nil {
		return nil, err
	}
	if len(body) > 0 {
		if err := req.parseBody(hr.Header.Get("Content-Type"), body); err != nil {
			return nil, err
		}
	}
	if v, ok := req.fields["chat_id"]; ok && v != "" && v != "null" {
		req.hasChatID = true
		req.chatID, _ = strconv.ParseInt(v, 10, 64) // "@channel" stays 0
	}
	return req, nil
}

// maxBody is the largest request the server reads (Telegram takes 50 MB uploads).
const maxBody = 64 << 20

// readBody reads a request's body, in one allocation when its length is known.
func readBody(hr *http.Request) ([]byte, error) {
	if n := hr.ContentLength; n > 0 && n <= maxBody {
		body := make([]byte, n)
		_, err := io.ReadFull(hr.Body, body)
		return body, err
	}
	return io.ReadAll(io.LimitReader(hr.Body, maxBody))
}

func (req *request) parseBody(contentType string, body []byte) error {
	mt, params, _ := mime.ParseMediaType(contentType)
	switch mt {
	case "multipart/form-data":
		if readForm(body, params["boundary"], req.fields, req.files) {
			return nil
		}
		mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
		var part bytes.Buffer // one buffer for every part: a form has many small ones
		for {
			p, err := mr.NextPart()
			if errors.Is(err, io.EOF) {
				return nil
			}
			if err != nil {
				return err
			}
			part.Reset()
			if _, err := part.ReadFrom(p); err != nil {
				return err
			}
			if p.FileName() != "" {
				req.files[p.FormName()] = upload{name: p.FileName(), data: bytes.Clone(part.Bytes())}
				req.fields[p.FormName()] = p.FileName()
				continue
			}
			req.fields[p.FormName()] = part.String()
		}
	case "application/json":
		var m map[string]json.RawMessage
		if err := json.Unmarshal(body, &m); err != nil {
			return err
		}
		for k, v := range m {
			var s string
			if json.Unmarshal(v, &s) == nil {
				req.fields[k] = s
			} else {
				req.fields[k] = string(v)
			}
		}
	default:
		vals, err := url.ParseQuery(string(body))
		if err != nil {
			return err
		}
		for k, v := range vals {
			req.fields[k] = v[0]
		}
	}
	return nil
}

// apiError is an unsuccessful Bot API response.
type apiError struct {
	code        int
	description string
	retryAfter  int
}

// errCanceled means the client went away; nothing is written.
var errCanceled = &apiError{code: -1}

func badRequest(desc string) *apiError {
	return &apiError{code: http.StatusBadRequest, description: "Bad Request: " + desc}
}

func tooManyRequests(retryAfter int) *apiError {
	return &apiError{
		code:        http.StatusTooManyRequests,
		description: fmt.Sprintf("Too Many Requests: retry after %d", retryAfter),
		retryAfter:  retryAfter,
	}
}

type responseParameters struct {
	RetryAfter int `json:"retry_after,omitempty"`
}

type response struct {
	OK          bool                `json:"ok"`
	Result      any                 `json:"result,omitempty"`
	ErrorCode   int                 `json:"error_code,omitempty"`
	Description string              `json:"description,omitempty"`
	Parameters  *responseParameters `json:"parameters,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, v response) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

func writeResult(w http.ResponseWriter, result any) {
	var body []byte
	switch m := result.(type) {
	case *echoedMessage:
		body = appendPlainMessage(nil, m.Message, m.ReplyMarkup)
	case *models.Message:
		if m.ReplyMarkup == nil {
			body = appendPlainMessage(nil, m, nil)
		}
	}
	if body == nil {
		writeJSON(w, http.StatusOK, response{OK: true, Result: result})
		return
	}
	out := make([]byte, 0, len(body)+24)
	out = append(append(append(out, `{"ok":true,"result":`...), body...), "}\n"...)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(out)
}

// appendPlainMessage writes a sent text message as encoding/json writes
// it, with the bot's own keyboard JSON (compacted once, markup.go) spliced
// in as it is; nil when the message holds more than a sent text message
// does (a document, a reply, the edit date of an edit), which encoding/json
// writes instead. Through
// encoding/json every reply cost this server a walk over the hundred
// fields of models.Message and a second check of the keyboard: its cost,
// not the bot's, in the bot's benchmarks.
func appendPlainMessage(out []byte, m *models.Message, markup json.RawMessage) []byte {
	rest := *m
	rest.ID, rest.MessageThreadID, rest.From, rest.Date, rest.Chat, rest.Text, rest.ReplyMarkup = 0, 0, nil, 0, models.Chat{}, "", nil
	if !reflect.ValueOf(rest).IsZero() || (m.ReplyMarkup != nil) != (markup != nil) {
		return nil
	}
	chat, err := json.Marshal(m.Chat)
	if err != nil {
		return nil
	}
	out = strconv.AppendInt(append(out, `{"message_id":`...), int64(m.ID), 10)
	if m.MessageThreadID != 0 {
		out = strconv.AppendInt(append(out, `,"message_thread_id":`...), int64(m.MessageThreadID), 10)
	}
	if m.From != nil {
		from, err := json.Marshal(m.From)
		if err != nil {
			return nil
		}
		out = append(append(out, `,"from":`...), from...)
	}
	out = strconv.AppendInt(append(out, `,"date":`...), int64(m.Date), 10)
	out = append(append(out, `,"chat":`...), chat...)
	if m.Text != "" {
		text, err := json.Marshal(m.Text)
		if err != nil {
			return nil
		}
		out = append(append(out, `,"text":`...), text...)
	}
	if markup != nil {
		out = append(append(out, `,"reply_markup":`...), markup...)
	}
	return append(out, '}')
}

func writeError(w http.ResponseWriter, e *apiError) {
	resp := response{ErrorCode: e.code, Description: e.description}
	if e.retryAfter > 0 {
		resp.Parameters = &responseParameters{RetryAfter: e.retryAfter}
	}
	status := e.code
	if status < 400 || status > 599 {
		status = http.StatusInternalServerError
	}
	writeJSON(w, status, resp)
}

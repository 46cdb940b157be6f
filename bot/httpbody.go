package bot

import (
	"bytes"
	"errors"
	"io"
	"net/http"

	tgbot "github.com/go-telegram/bot"
)

// wholeBodies sends each request body of up to maxWholeBody bytes in one
// piece, with its length. The library streams every request's form through
// a pipe, so net/http sends it chunked, a socket write for each part of the
// form; a reply is written field by field. Read whole first, it goes out
// with its headers in one write, and the server reads it without chunking:
// at hundreds of replies a second that is a good share of the bot's CPU
// (BenchmarkDeadlines). A bigger body (a document) is streamed as before.
type wholeBodies struct{ next tgbot.HttpClient }

// maxWholeBody bounds the memory a request may take before it is sent.
const maxWholeBody = 64 << 10

func (c wholeBodies) Do(req *http.Request) (*http.Response, error) {
	if req.Body == nil || req.Body == http.NoBody || req.ContentLength > 0 {
		return c.next.Do(req)
	}
	head := make([]byte, 0, 8192) // a reply with its buttons fits
	buf := bytes.NewBuffer(head)
	n, err := buf.ReadFrom(io.LimitReader(req.Body, maxWholeBody+1))
	if err != nil && !errors.Is(err, io.EOF) {
		req.Body.Close()
		return nil, err
	}
	if n > maxWholeBody {
		req.Body = struct {
			io.Reader
			io.Closer
		}{io.MultiReader(buf, req.Body), req.Body}
		return c.next.Do(req)
	}
	req.Body.Close()
	body := buf.Bytes()
	req.ContentLength = int64(len(body))
	req.Body = io.NopCloser(bytes.NewReader(body))
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	return c.next.Do(req)
}

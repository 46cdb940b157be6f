package bot

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"sync"

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

// scratch holds the buffers that requests and answers are read into before
// they are sent or cut: one per request in flight, instead of a new one,
// grown and cleared, for each of the hundreds of requests a second.
var scratch = sync.Pool{New: func() any { return new(bytes.Buffer) }}

func (c wholeBodies) Do(req *http.Request) (*http.Response, error) {
	if req.Body == nil || req.Body == http.NoBody || req.ContentLength > 0 {
		return c.next.Do(req)
	}
	buf := scratch.Get().(*bytes.Buffer)
	buf.Reset()
	n, err := buf.ReadFrom(io.LimitReader(req.Body, maxWholeBody+1))
	if err != nil && !errors.Is(err, io.EOF) {
		scratch.Put(buf)
		req.Body.Close()
		return nil, err
	}
	if n > maxWholeBody {
		req.Body = struct { // buf goes with it, not back to the pool
			io.Reader
			io.Closer
		}{io.MultiReader(buf, req.Body), req.Body}
		return c.next.Do(req)
	}
	req.Body.Close()
	// The transport may still read the body after Do returned (a retry on a
	// new connection reads it again): it gets a copy of its own, and the
	// scratch buffer goes back at once.
	body := bytes.Clone(buf.Bytes())
	scratch.Put(buf)
	req.ContentLength = int64(len(body))
	req.Body = io.NopCloser(bytes.NewReader(body))
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(body)), nil }
	return c.next.Do(req)
}

// readAll reads an answer's body, in one allocation when its length is known.
func readAll(resp *http.Response) ([]byte, error) {
	if n := resp.ContentLength; n > 0 && n <= maxWholeBody {
		body := make([]byte, n)
		_, err := io.ReadFull(resp.Body, body)
		return body, err
	}
	return io.ReadAll(resp.Body)
}

package llm

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"regexp"
	"strings"

	openai "github.com/sashabaranov/go-openai"
)

// ErrUnavailable is wrapped by errors for a 429, a 5xx, a timeout or an
// unreachable server, after the one retry.
var ErrUnavailable = errors.New("the summary service is busy or unreachable")

// ErrRefused is wrapped by errors for a 401 or 403: the API key is wrong,
// missing or not allowed to use the model.
var ErrRefused = errors.New("the summary service refused the API key")

// ErrFailed is wrapped by all other errors: an empty or too long document,
// a bad request, an unusable answer, a cancelled context.
var ErrFailed = errors.New("the summary could not be made")

// summaryError is the only error type Summarize returns. Its text is built
// here from fixed phrases, a status code and a redacted, shortened detail;
// it never includes raw response bodies.
type summaryError struct {
	kind   error // ErrUnavailable, ErrRefused or ErrFailed
	detail string
	cause  error // a context error, or nil; never an error carrying server text
}

func (e *summaryError) Error() string {
	if e.detail == "" {
		return "llm: " + e.kind.Error()
	}
	return "llm: " + e.kind.Error() + " (" + e.detail + ")"
}

func (e *summaryError) Unwrap() []error {
	if e.cause == nil {
		return []error{e.kind}
	}
	return []error{e.kind, e.cause}
}

func (s *Summarizer) newErr(kind error, detail string, cause error) error {
	return &summaryError{kind: kind, detail: s.redact(detail), cause: cause}
}

// ctxErr reports that the caller's context ended: a passed deadline counts
// as the service being too slow, a cancellation as a failure.
func (s *Summarizer) ctxErr(err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return s.newErr(ErrUnavailable, "no answer before the caller's deadline", err)
	}
	return s.newErr(ErrFailed, "cancelled", err)
}

// classify maps an error of go-openai to a kind, whether one retry may help,
// and a short detail for the message.
func (s *Summarizer) classify(err error, timedOut bool) (kind error, retry bool, detail string) {
	if timedOut {
		return ErrUnavailable, true, fmt.Sprintf("no answer within %s", s.cfg.Timeout)
	}
	var ae *openai.APIError
	if errors.As(err, &ae) && ae.HTTPStatusCode != 0 {
		return byStatus(ae.HTTPStatusCode, ae.Message)
	}
	var re *openai.RequestError
	if errors.As(err, &re) && re.HTTPStatusCode != 0 {
		return byStatus(re.HTTPStatusCode, "") // its body may be anything: not shown
	}
	var ne net.Error
	if errors.As(err, &ne) && ne.Timeout() {
		return ErrUnavailable, true, fmt.Sprintf("no answer within %s", s.cfg.Timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		return ErrUnavailable, true, "cannot reach the server: " + ue.Err.Error()
	}
	return ErrFailed, false, err.Error()
}

func byStatus(code int, msg string) (kind error, retry bool, detail string) {
	detail = fmt.Sprintf("HTTP %d", code)
	switch {
	case code == http.StatusUnauthorized || code == http.StatusForbidden:
		return ErrRefused, false, detail // OpenAI echoes part of the key here
	case code == http.StatusTooManyRequests || code == http.StatusRequestTimeout || code >= 500:
		return ErrUnavailable, true, detail
	}
	if msg != "" {
		detail += ": " + msg
	}
	return ErrFailed, false, detail
}

// keyLike matches API keys in the common sk-... form, even partly masked.
var keyLike = regexp.MustCompile(`sk-[A-Za-z0-9_*.\-]{4,}`)

// redact removes the API key and anything key-like from s, flattens it to
// one line and shortens it.
func (s *Summarizer) redact(text string) string {
	if k := s.cfg.APIKey; k != "" {
		text = strings.ReplaceAll(text, k, "[redacted]")
	}
	text = keyLike.ReplaceAllString(text, "[redacted]")
	text = strings.Join(strings.Fields(text), " ")
	if r := []rune(text); len(r) > maxErrDetailChars {
		text = string(r[:maxErrDetailChars]) + "…"
	}
	return text
}

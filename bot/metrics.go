package bot

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/ots-customs/wgbot/handlers"
	"github.com/ots-customs/wgbot/storage"
)

// Outcomes of an update, the "outcome" label of wgbot_updates_total.
const (
	outcomeOK          = "ok"
	outcomeError       = "error"       // the handler returned an error (the user was told)
	outcomePanic       = "panic"       // the handler panicked (recovered)
	outcomeUnavailable = "unavailable" // the store did not answer before handling
	outcomeDuplicate   = "duplicate"   // a redelivery of an update handled before
)

// LLMCounter is what an LLM adapter reports after each request to the model:
// the model's name, whether the call succeeded, and the tokens it used. The
// Bot's Metrics implement it; summaries made through Config.Summarizer are
// counted without the adapter calling it.
type LLMCounter interface {
	CountLLM(model string, err error, promptTokens, completionTokens int)
}

// Metrics are the bot's Prometheus metrics, in a registry of their own (so
// that several bots in one test binary do not collide).
type Metrics struct {
	reg        *prometheus.Registry
	updates    *prometheus.CounterVec
	latency    *prometheus.HistogramVec
	outgoing   *prometheus.CounterVec
	tooMany    prometheus.Counter
	alerts     prometheus.Counter
	storageErr *prometheus.CounterVec
	llmCalls   *prometheus.CounterVec
	llmTokens  *prometheus.CounterVec
	webhook    *prometheus.CounterVec
	inbox      prometheus.GaugeFunc

	commandsOnce sync.Once
	commands     map[string]bool
}

var _ LLMCounter = (*Metrics)(nil)

func newMetrics() *Metrics {
	m := &Metrics{reg: prometheus.NewRegistry()}
	f := func(c prometheus.Collector) { m.reg.MustRegister(c) }
	m.updates = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "wgbot_updates_total",
		Help: "Updates handled, by command (or button, text, document) and outcome."}, []string{"command", "outcome"})
	m.latency = prometheus.NewHistogramVec(prometheus.HistogramOpts{Name: "wgbot_handler_seconds",
		Help:    "Time the handler of an update took, replies included.",
		Buckets: []float64{.005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5, 10, 30, 60}}, []string{"command"})
	m.outgoing = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "wgbot_telegram_requests_total",
		Help: "Requests to the Bot API that send or edit messages, by method and HTTP status."}, []string{"method", "status"})
	m.tooMany = prometheus.NewCounter(prometheus.CounterOpts{Name: "wgbot_telegram_429_total",
		Help: "Answers 429 Too Many Requests from the Bot API, for any method."})
	m.alerts = prometheus.NewCounter(prometheus.CounterOpts{Name: "wgbot_alerts_sent_total",
		Help: "Deadline alerts delivered."})
	m.storageErr = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "wgbot_storage_errors_total",
		Help: "Storage calls that failed because the store did not answer, by where."}, []string{"op"})
	m.llmCalls = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "wgbot_llm_calls_total",
		Help: "Requests to the language model, by outcome."}, []string{"model", "outcome"})
	m.llmTokens = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "wgbot_llm_tokens_total",
		Help: "Tokens used by the language model, by kind (prompt, completion)."}, []string{"model", "kind"})
	m.webhook = prometheus.NewCounterVec(prometheus.CounterOpts{Name: "wgbot_webhook_requests_total",
		Help: "Webhook requests, by HTTP status answered."}, []string{"status"})
	for _, c := range []prometheus.Collector{m.updates, m.latency, m.outgoing, m.tooMany, m.alerts,
		m.storageErr, m.llmCalls, m.llmTokens, m.webhook,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{})} {
		f(c)
	}
	return m
}

// Handler serves the metrics in the Prometheus text format.
func (m *Metrics) Handler() http.Handler {
	return promhttp.HandlerFor(m.reg, promhttp.HandlerOpts{Registry: m.reg})
}

// watchInbox exports the length of the webhook inbox, read at each scrape.
func (m *Metrics) watchInbox(inbox storage.Inbox) {
	if m.inbox != nil {
		return
	}
	m.inbox = prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "wgbot_inbox_updates",
		Help: "Webhook updates received and not yet handled (-1 when the store does not answer)."}, func() float64 {
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		n, err := inbox.InboxLen(ctx)
		if err != nil {
			return -1
		}
		return float64(n)
	})
	m.reg.MustRegister(m.inbox)
}

// CountLLM counts one request to a model and its tokens.
func (m *Metrics) CountLLM(model string, err error, promptTokens, completionTokens int) {
	if model == "" {
		model = "default"
	}
	outcome := outcomeOK
	if err != nil {
		outcome = outcomeError
	}
	m.llmCalls.WithLabelValues(model, outcome).Inc()
	m.llmTokens.WithLabelValues(model, "prompt").Add(float64(promptTokens))
	m.llmTokens.WithLabelValues(model, "completion").Add(float64(completionTokens))
}

// storageError counts err when it says the store did not answer.
func (m *Metrics) storageError(op string, err error) {
	if errors.Is(err, storage.ErrUnavailable) {
		m.storageErr.WithLabelValues(op).Inc()
	}
}

// update counts one update that ended before its handler ran.
func (m *Metrics) update(r *handlers.Request, outcome string) {
	m.updates.WithLabelValues(m.label(r), outcome).Inc()
}

// label names a request for the metrics with a bounded set of values: a
// command of the routes table, "other" for any other command, "button",
// "document" or "text". Users type commands, so unknown ones share a label.
func (m *Metrics) label(r *handlers.Request) string {
	switch {
	case r.Callback != nil:
		return "button"
	case r.Command != "":
		if m.commands[r.Command] {
			return "/" + r.Command
		}
		return "other"
	case r.Document != nil:
		return "document"
	}
	return "text"
}

// instrument wraps the handlers' entry point: it counts each update by
// command and outcome and times it. A panic is counted and passed on to the
// recovery in safeHandle.
func (m *Metrics) instrument(routes []handlers.Route, next func(context.Context, *handlers.Request) error) func(context.Context, *handlers.Request) error {
	m.commandsOnce.Do(func() {
		m.commands = map[string]bool{}
		for _, r := range routes {
			m.commands[r.Name] = true
		}
	})
	return func(ctx context.Context, r *handlers.Request) (err error) {
		start := time.Now()
		label := m.label(r)
		outcome := outcomePanic
		defer func() {
			m.updates.WithLabelValues(label, outcome).Inc()
			m.latency.WithLabelValues(label).Observe(time.Since(start).Seconds())
		}()
		err = next(ctx, r)
		outcome = outcomeOK
		if err != nil {
			outcome = outcomeError
			m.storageError("handler", err)
		}
		return err
	}
}

// countingClient counts the Bot API requests that send messages, and every 429.
type countingClient struct {
	next tgbot.HttpClient
	m    *Metrics
}

// client wraps the transport to Telegram.
func (m *Metrics) client(next tgbot.HttpClient) tgbot.HttpClient {
	return countingClient{next: next, m: m}
}

// outgoingMethods are the Bot API methods that put a message in a chat.
var outgoingMethods = map[string]bool{"sendMessage": true, "sendDocument": true, "editMessageText": true,
	"editMessageReplyMarkup": true, "answerCallbackQuery": true}

func (c countingClient) Do(req *http.Request) (*http.Response, error) {
	resp, err := c.next.Do(req)
	method := req.URL.Path[strings.LastIndexByte(req.URL.Path, '/')+1:]
	status := "error"
	if err == nil {
		status = strconv.Itoa(resp.StatusCode)
		if resp.StatusCode == http.StatusTooManyRequests {
			c.m.tooMany.Inc()
		}
	}
	if outgoingMethods[method] {
		c.m.outgoing.WithLabelValues(method, status).Inc()
	}
	return resp, err
}

// countingSummarizer counts the model calls and tokens of each summary.
type countingSummarizer struct {
	next handlers.Summarizer
	m    LLMCounter
}

func (s countingSummarizer) Summarize(ctx context.Context, title, text string) (string, handlers.SummaryUsage, error) {
	out, u, err := s.next.Summarize(ctx, title, text)
	countLLM(s.m, u, err)
	return out, u, err
}

// countLLM counts the calls of one use of the model. Usage counts every
// request, retries included, and the tokens of the good one: an answer made
// after a retry is one failed call and one good.
func countLLM(m LLMCounter, u handlers.SummaryUsage, err error) {
	failed := u.Calls
	if err == nil && failed > 0 {
		failed--
		m.CountLLM("", nil, u.PromptTokens, u.CompletionTokens)
	}
	for range failed {
		m.CountLLM("", errLLMCall, 0, 0)
	}
}

var errLLMCall = errors.New("llm call failed")

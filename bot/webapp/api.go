package webapp

import (
	"context"
	"embed"
	"encoding/json"
	"errors"
	"html"
	"io"
	"io/fs"
	"log/slog"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/ots-customs/wgbot/handlers"
	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

//go:embed static
var static embed.FS

// TelegramScript is Telegram's own Mini App script, the one script the page
// loads from outside.
const TelegramScript = "https://telegram.org/js/telegram-web-app.js"

// DefaultMaxAge is how long initData is accepted after Telegram signed it.
const DefaultMaxAge = time.Hour

// maxBody bounds an API request's body.
const maxBody = 64 << 10

// Config is what the app needs.
type Config struct {
	Token  string        // the bot token: the key initData is signed with; never logged
	Bot    *handlers.Bot // the rules and the store, shared with the chat
	MaxAge time.Duration // WEBAPP_MAX_AGE; zero: DefaultMaxAge
	Now    func() time.Time
	Logger *slog.Logger
	// Script is the URL of telegram-web-app.js; "": TelegramScript. Tests
	// serve a stub of their own so that no test reaches the internet.
	Script string
}

// Handler serves the app under the path it is mounted at (strip the prefix
// first, e.g. http.StripPrefix("/app", h)):
//
//	GET  /                        the page
//	GET  /static/{file}           its CSS and JavaScript
//	GET  /api/view                the matrix: tasks, cells, filters, who is asking
//	GET  /api/task/{id}           one task with its history
//	POST /api/task/{id}/status    {"party", "state", "ref"}: submit, confirm or reopen
//	POST /api/task/{id}/edit      {"deadline", "parties", "text"} (administrators)
//	POST /api/bulk                {"tasks", "action": "confirm"|"deadline", "date"} (administrators)
//	GET  /api/report?format=xlsx&meeting=wg12  the implementation report (administrators)
//
// Every /api call needs the header "Authorization: tma <initData>".
func Handler(cfg Config) http.Handler {
	if cfg.MaxAge <= 0 {
		cfg.MaxAge = DefaultMaxAge
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Script == "" {
		cfg.Script = TelegramScript
	}
	a := &app{cfg: cfg, page: page(cfg.Script)}
	sub, _ := fs.Sub(static, "static")
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", a.index)
	mux.Handle("GET /static/", http.StripPrefix("/static/", http.FileServerFS(sub)))
	mux.HandleFunc("GET /api/view", a.authed(a.view))
	mux.HandleFunc("GET /api/task/{id}", a.authed(a.task))
	mux.HandleFunc("POST /api/task/{id}/status", a.authed(a.status))
	mux.HandleFunc("POST /api/task/{id}/edit", a.authed(a.edit))
	mux.HandleFunc("POST /api/bulk", a.authed(a.bulk))
	mux.HandleFunc("GET /api/report", a.authed(a.report))
	return securityHeaders(cfg.Script, mux)
}

type app struct {
	cfg  Config
	page []byte
}

// page is index.html with the script's address and the texts filled in.
func page(script string) []byte {
	raw, err := static.ReadFile("static/index.html")
	if err != nil {
		panic(err) // embedded at build time
	}
	texts, _ := json.Marshal(handlers.AppTexts(i18n.English)) // until the view brings the user's
	s := strings.Replace(string(raw), "{{SCRIPT}}", html.EscapeString(script), 1)
	// JSON inside <script type="application/json">: only "</" could end it.
	s = strings.Replace(s, "{{TEXTS}}", strings.ReplaceAll(string(texts), "</", `<\/`), 1)
	return []byte(s)
}

func (a *app) index(w http.ResponseWriter, _ *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(a.page)
}

// securityHeaders allows scripts only from this server and Telegram's script.
func securityHeaders(script string, next http.Handler) http.Handler {
	src := "'self'"
	if u, err := url.Parse(script); err == nil && u.Host != "" {
		src += " " + u.Scheme + "://" + u.Host
	}
	csp := "default-src 'self'; script-src " + src + "; style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'"
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.Header().Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

// apiFunc handles an API call of a user the chat's rules resolved.
type apiFunc func(ctx context.Context, w http.ResponseWriter, r *http.Request, req *handlers.Request)

// authed validates initData, resolves the user as the chat does, and refuses
// strangers before fn runs.
func (a *app) authed(fn apiFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		raw, ok := strings.CutPrefix(r.Header.Get("Authorization"), "tma ")
		if !ok {
			raw = ""
		}
		d, err := Validate(raw, a.cfg.Token, a.cfg.MaxAge, a.cfg.Now())
		if err != nil {
			key := "openInTelegram"
			if errors.Is(err, ErrExpired) {
				key = "expired"
			}
			// Never the data itself: it holds the user's name.
			a.cfg.Logger.Info("webapp: initData refused", "why", err.Error(), "remote", r.RemoteAddr)
			writeError(w, http.StatusUnauthorized, key, handlers.AppTexts(i18n.English)[key]) // not knowing who asks
			return
		}
		ctx, cancel := context.WithTimeout(r.Context(), 10*time.Second)
		defer cancel()
		name := strings.TrimSpace(d.User.FirstName + " " + d.User.LastName)
		req, err := a.cfg.Bot.AppRequest(ctx, handlers.User{ID: d.User.ID, Name: name, Username: d.User.Username, LanguageCode: d.User.LanguageCode})
		if err != nil {
			l, _ := i18n.Parse(d.User.LanguageCode) // the choice is in the store that failed: their Telegram's, else English
			a.fail(w, r, l, d.User.ID, err, 0, "", "")
			return
		}
		if req.Role == handlers.Stranger {
			writeError(w, http.StatusForbidden, "stranger", handlers.AppTexts(req.Lang)["stranger"])
			return
		}
		fn(ctx, w, r, req)
	}
}

// fail answers an error: a refusal the user can read (409/403/404), or a
// failure logged and told in general words.
func (a *app) fail(w http.ResponseWriter, r *http.Request, l i18n.Lang, user int64, err error, id int64, p storage.Party, to storage.State) {
	if text, ok := handlers.Refusal(l, err, id, p, to); ok {
		code := http.StatusConflict
		switch {
		case errors.Is(err, handlers.ErrNotAllowed):
			code = http.StatusForbidden
		case errors.Is(err, storage.ErrNotFound):
			code = http.StatusNotFound
		case errors.Is(err, handlers.ErrBadEdit), errors.Is(err, storage.ErrInvalid):
			code = http.StatusBadRequest
		case errors.Is(err, storage.ErrUnavailable):
			code = http.StatusServiceUnavailable
		}
		if code == http.StatusServiceUnavailable {
			a.cfg.Logger.Warn("webapp: storage unavailable", "path", r.URL.Path, "user", user, "err", err)
		}
		writeError(w, code, "refused", text)
		return
	}
	a.cfg.Logger.Error("webapp: request failed", "path", r.URL.Path, "user", user, "err", err)
	writeError(w, http.StatusInternalServerError, "failed", handlers.AppTexts(l)["failed"])
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, code int, key, text string) {
	writeJSON(w, code, map[string]string{"error": key, "message": text})
}

// readJSON decodes a bounded body into v; false (answered) when it cannot.
func readJSON(w http.ResponseWriter, r *http.Request, l i18n.Lang, v any) bool {
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxBody))
	if err == nil {
		err = json.Unmarshal(body, v)
	}
	if err != nil {
		writeError(w, http.StatusBadRequest, "bad", handlers.AppTexts(l)["failed"])
		return false
	}
	return true
}

func taskID(w http.ResponseWriter, r *http.Request, l i18n.Lang) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		writeError(w, http.StatusNotFound, "refused", handlers.AppTexts(l)["failed"])
		return 0, false
	}
	return id, true
}

func (a *app) view(ctx context.Context, w http.ResponseWriter, r *http.Request, req *handlers.Request) {
	v, err := a.cfg.Bot.AppView(ctx, req)
	if err != nil {
		a.fail(w, r, req.Lang, req.User.ID, err, 0, "", "")
		return
	}
	writeJSON(w, http.StatusOK, v)
}

func (a *app) task(ctx context.Context, w http.ResponseWriter, r *http.Request, req *handlers.Request) {
	id, ok := taskID(w, r, req.Lang)
	if !ok {
		return
	}
	t, err := a.cfg.Bot.AppTaskView(ctx, req, id)
	if err != nil {
		a.fail(w, r, req.Lang, req.User.ID, err, id, "", "")
		return
	}
	writeJSON(w, http.StatusOK, t)
}

func (a *app) status(ctx context.Context, w http.ResponseWriter, r *http.Request, req *handlers.Request) {
	id, ok := taskID(w, r, req.Lang)
	if !ok {
		return
	}
	var body struct {
		Party string `json:"party"`
		State string `json:"state"`
		Ref   string `json:"ref"`
	}
	if !readJSON(w, r, req.Lang, &body) {
		return
	}
	to, ok := handlers.ParseState(body.State)
	p := storage.Party(body.Party)
	if !ok || !p.Valid() {
		writeError(w, http.StatusBadRequest, "bad", handlers.AppTexts(req.Lang)["failed"])
		return
	}
	ref := ""
	if to == storage.StateSubmitted {
		ref = handlers.AppRef(body.Ref)
	}
	if _, err := a.cfg.Bot.AppChangeStatus(ctx, req, id, p, to, ref); err != nil {
		a.fail(w, r, req.Lang, req.User.ID, err, id, p, to)
		return
	}
	a.cfg.Logger.Info("webapp: status changed", "task", id, "party", p, "to", to, "by", req.User.ID)
	a.task(ctx, w, r, req)
}

func (a *app) edit(ctx context.Context, w http.ResponseWriter, r *http.Request, req *handlers.Request) {
	id, ok := taskID(w, r, req.Lang)
	if !ok {
		return
	}
	var e handlers.AppEdit
	if !readJSON(w, r, req.Lang, &e) {
		return
	}
	if _, err := a.cfg.Bot.AppEditTask(ctx, req, id, e); err != nil {
		a.fail(w, r, req.Lang, req.User.ID, err, id, "", "")
		return
	}
	a.cfg.Logger.Info("webapp: task edited", "task", id, "by", req.User.ID)
	a.task(ctx, w, r, req)
}

func (a *app) bulk(ctx context.Context, w http.ResponseWriter, r *http.Request, req *handlers.Request) {
	var b handlers.AppBulk
	if !readJSON(w, r, req.Lang, &b) {
		return
	}
	n, err := a.cfg.Bot.AppBulkChange(ctx, req, b)
	if err != nil {
		a.fail(w, r, req.Lang, req.User.ID, err, 0, "", "")
		return
	}
	a.cfg.Logger.Info("webapp: bulk change", "action", b.Action, "tasks", len(b.Tasks), "changed", n, "by", req.User.ID)
	writeJSON(w, http.StatusOK, map[string]int{"changed": n})
}

// reportTypes are the media types of the report's formats.
var reportTypes = map[string]string{
	"docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	"pdf":  "application/pdf",
}

// report sends the implementation report /report sends, as one file; the
// meeting is /report's argument, "all" when none is chosen.
func (a *app) report(ctx context.Context, w http.ResponseWriter, r *http.Request, req *handlers.Request) {
	format, meeting := r.URL.Query().Get("format"), r.URL.Query().Get("meeting")
	if meeting == "" {
		meeting = "all"
	}
	name, data, err := a.cfg.Bot.AppReport(ctx, req, meeting, format)
	if errors.Is(err, handlers.ErrNotAllowed) {
		writeError(w, http.StatusForbidden, "refused", req.Lang.T(handlers.TxtAppReportAdminOnly))
		return
	}
	if err != nil {
		a.fail(w, r, req.Lang, req.User.ID, err, 0, "", "")
		return
	}
	a.cfg.Logger.Info("webapp: report", "format", format, "meeting", meeting, "by", req.User.ID)
	w.Header().Set("Content-Type", reportTypes[format])
	w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	w.Header().Set("Cache-Control", "no-store")
	_, _ = w.Write(data)
}

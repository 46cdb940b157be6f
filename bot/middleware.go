package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"

	"github.com/ots-customs/wgbot/handlers"
	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// handlerFunc handles one request; it is what every link of the chain wraps.
type handlerFunc func(ctx context.Context, r *handlers.Request) error

// middleware is one link around a handler, in go-telegram/bot's Middleware
// style: it gets the next handler and returns one that does its part
// before or after calling it.
type middleware func(next handlerFunc) handlerFunc

// chain wraps h in mws; the first is the outermost.
func chain(h handlerFunc, mws ...middleware) handlerFunc {
	for i := len(mws) - 1; i >= 0; i-- {
		h = mws[i](h)
	}
	return h
}

// pipeline is the whole handling of a request, outermost first. Each link
// passes errors outwards, so that the outer links log them, answer the
// button and tell the user once.
func (b *Bot) pipeline() handlerFunc {
	// b.handle is read at each call: the benchmark of the bare runtime swaps it.
	return chain(func(ctx context.Context, r *handlers.Request) error { return b.handle(ctx, r) },
		b.logOutcome,      // one log line per failure, never the content
		b.recordHandled,   // the handled mark, after every reply went out
		b.answerCallbacks, // every button press answered exactly once
		b.tellFailures,    // a failed command is told, in private chats and enabled groups
		b.withSession,     // drop redeliveries; resolve the role and the group's flag
		b.recoverPanics,   // a panic becomes an error
		b.instrument,      // counts and times by command and outcome
	)
}

// errDuplicate stops a redelivery of an update handled before.
var errDuplicate = errors.New("an update handled before")

// sessionError is the store failing before any handler ran.
type sessionError struct{ err error }

func (e *sessionError) Error() string { return "session: " + e.err.Error() }
func (e *sessionError) Unwrap() error { return e.err }

// panicError is a handler's recovered panic.
type panicError struct {
	value any
	stack []byte
}

func (e *panicError) Error() string { return fmt.Sprint("panic: ", e.value) }

// replyFor is what the user is told about err.
func replyFor(l i18n.Lang, err error) string {
	var p *panicError
	if errors.As(err, &p) {
		return handlers.PanicReply(l)
	}
	return handlers.ReplyForError(l, err)
}

// speaks reports whether the bot may say something in r's chat: a group that
// did not enable the bot hears nothing.
func speaks(r *handlers.Request) bool { return r.Chat.Private || r.GroupEnabled }

func (b *Bot) logOutcome(next handlerFunc) handlerFunc {
	return func(ctx context.Context, r *handlers.Request) error {
		err := next(ctx, r)
		if err == nil {
			return nil
		}
		// Built only when something is logged: this is the hot path.
		log := b.log.With("update", r.UpdateID, "chat", r.Chat.ID, "kind", kind(r))
		var (
			sess *sessionError
			p    *panicError
		)
		switch {
		case errors.Is(err, errDuplicate):
			log.Info("dropped an update handled before")
			b.metrics.update(r, outcomeDuplicate)
		case errors.As(err, &sess):
			log.Error("storage unavailable", "err", sess.err)
			b.metrics.update(r, outcomeUnavailable)
			b.metrics.storageError("session", sess.err)
		case errors.As(err, &p):
			log.Error("handler panicked", "panic", fmt.Sprint(p.value), "stack", string(p.stack))
		default:
			log.Error("handler failed", "err", redactErr(err, b.cfg.Token))
		}
		return err
	}
}

// recordHandled marks the update handled once everything it caused was
// sent, so that a crash repeats at most the reply in flight (README,
// "Updates, restarts and crashes"). A redelivery or a store that did not
// answer is not marked.
func (b *Bot) recordHandled(next handlerFunc) handlerFunc {
	return func(ctx context.Context, r *handlers.Request) error {
		err := next(ctx, r)
		var sess *sessionError
		if !errors.Is(err, errDuplicate) && !errors.As(err, &sess) {
			b.markHandled(ctx, r.UpdateID)
		}
		return err
	}
}

// answerCallbacks owns the answer to a button press. While the handler runs,
// the sender holds back the answers it gives (pendingCallback); once it
// returned, the query is answered exactly once: with the handler's answer,
// or, when it failed or panicked, with what the user should know instead.
func (b *Bot) answerCallbacks(next handlerFunc) handlerFunc {
	return func(ctx context.Context, r *handlers.Request) error {
		cb := r.Callback
		if cb == nil {
			return next(ctx, r)
		}
		err := next(context.WithValue(ctx, pendingCallbackKey{}, cb), r)
		ans := cb.Answer
		switch {
		case errors.Is(err, errDuplicate):
			// The first run answered, unless it crashed first; Telegram
			// refuses a second answer, which is nothing to report.
			_ = b.send.answerNow(ctx, cb.ID, "", false)
			return err
		case err != nil && speaks(r):
			ans = handlers.Answer{Text: replyFor(r.Lang, err), Alert: true}
		case err != nil:
			ans = handlers.Answer{}
		}
		if e := b.send.answerNow(ctx, cb.ID, ans.Text, ans.Alert); e != nil {
			b.log.Warn("could not answer a button", "chat", r.Chat.ID, "err", redactErr(e, b.cfg.Token))
		}
		return err
	}
}

// pendingCallbackKey marks a context in which a button is being handled.
type pendingCallbackKey struct{}

// pendingCallback is the button being handled under ctx, or nil.
func pendingCallback(ctx context.Context) *handlers.Callback {
	cb, _ := ctx.Value(pendingCallbackKey{}).(*handlers.Callback)
	return cb
}

// tellFailures tells the sender of a command or message that failed
// something short and true (a button's failure is its answer instead).
func (b *Bot) tellFailures(next handlerFunc) handlerFunc {
	return func(ctx context.Context, r *handlers.Request) error {
		err := next(ctx, r)
		if err == nil || r.Callback != nil || errors.Is(err, errDuplicate) || !speaks(r) {
			return err
		}
		m := handlers.Message{ChatID: r.Chat.ID, Text: replyFor(r.Lang, err)}
		if !r.Chat.Private {
			m.ReplyTo = r.MessageID
		}
		if e := b.send.Send(ctx, m); e != nil {
			b.log.Warn("could not tell the user about a failure", "chat", r.Chat.ID, "err", redactErr(e, b.cfg.Token))
		}
		return err
	}
}

// withSession reads, in one round trip, whether the update was handled
// before, the sender's member record and the group's flag.
func (b *Bot) withSession(next handlerFunc) handlerFunc {
	return func(ctx context.Context, r *handlers.Request) error {
		s, err := b.session(ctx, r) // latefinish.go
		if err != nil {
			// The choice is in the store that did not answer: the failure is
			// told in the language of the user's Telegram at least.
			r.Lang = handlers.RequestLang(r, storage.Settings{}, storage.Settings{})
			return &sessionError{err}
		}
		if s.Seen {
			return errDuplicate
		}
		r.Member, r.GroupEnabled = s.Member, s.GroupEnabled
		r.Role = b.h.RoleOf(r.User.ID, s.Member)
		r.Lang = handlers.RequestLang(r, s.User, s.Chat)
		b.noteTelegramLanguage(ctx, r, s.TelegramLanguage)
		err = next(storage.WithSession(ctx, s), r)
		if b.log.Enabled(ctx, slog.LevelDebug) {
			b.log.Debug("handled", "update", r.UpdateID, "chat", r.Chat.ID, "kind", kind(r), "role", int(r.Role))
		}
		return err
	}
}

// noteTelegramLanguage records the language of the user's Telegram when it
// changed, so that notices to them (a decision, an alert) are in it before
// they choose one with /language. It is a write only on a change, not on
// each update; a failure costs only that guess.
func (b *Bot) noteTelegramLanguage(ctx context.Context, r *handlers.Request, stored string) {
	if r.User.LanguageCode == "" || r.User.ID <= 0 {
		return // Telegram did not say: keep what we know
	}
	// Only a language the bot speaks is worth keeping, as its tag.
	l, _ := i18n.Parse(r.User.LanguageCode)
	if string(l) == stored {
		return
	}
	if err := b.store.SetTelegramLanguage(ctx, r.User.ID, string(l)); err != nil {
		b.log.Warn("could not record a user's Telegram language", "err", err)
	}
}

// recoverPanics turns a handler's panic into an error the outer links report.
func (b *Bot) recoverPanics(next handlerFunc) handlerFunc {
	return func(ctx context.Context, r *handlers.Request) (err error) {
		defer func() {
			if p := recover(); p != nil {
				err = &panicError{value: p, stack: debug.Stack()}
			}
		}()
		return next(ctx, r)
	}
}

// instrument counts and times each request by command and outcome.
func (b *Bot) instrument(next handlerFunc) handlerFunc {
	return b.metrics.instrument(b.h.Routes(), next)
}

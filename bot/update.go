package bot

import (
	"context"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/ots-customs/wgbot/handlers"
	"github.com/ots-customs/wgbot/storage"
)

// handlerTimeout bounds one update's handling, so a hung call cannot hold the
// poller (which waits for the batch) for ever.
const handlerTimeout = 60 * time.Second

// receive is the library's default handler: every update comes here, in order,
// and is queued behind the earlier updates of its chat.
func (b *Bot) receive(ctx context.Context, _ *tgbot.Bot, upd *models.Update) {
	b.d.enqueue(ctx, upd, true)
}

// handleUpdate handles one update end to end: drops a redelivery, resolves the
// sender's role, runs the handler (recovering a panic), tells the user about a
// failure, and records the update as handled after the reply was sent.
func (b *Bot) handleUpdate(ctx context.Context, upd *models.Update) {
	ctx, cancel := context.WithTimeout(ctx, handlerTimeout)
	defer cancel()
	start := time.Now()
	r := toRequest(upd, b.username)
	if r == nil {
		b.markHandled(ctx, upd.ID)
		return
	}
	// Built only when something is logged: this is the hot path.
	log := func() *slog.Logger { return b.log.With("update", upd.ID, "chat", r.Chat.ID, "kind", kind(r)) }
	s, err := b.store.Session(ctx, upd.ID, r.User.ID, r.Chat.ID)
	if err != nil {
		log().Error("storage unavailable", "err", err)
		b.metrics.update(r, outcomeUnavailable)
		b.metrics.storageError("session", err)
		if r.Chat.Private {
			b.tellFailure(ctx, r, handlers.ReplyForError(err))
		}
		return
	}
	if s.Seen {
		log().Info("dropped an update handled before")
		b.metrics.update(r, outcomeDuplicate)
		return
	}
	r.Member, r.GroupEnabled = s.Member, s.GroupEnabled
	ctx = storage.WithTasksVersion(ctx, s.TasksVersion)
	r.Role = b.h.RoleOf(r.User.ID, s.Member)

	if err := b.safeHandle(ctx, r, log); err != nil {
		log().Error("handler failed", "err", redactErr(err, b.cfg.Token))
		if r.Chat.Private || r.GroupEnabled {
			b.tellFailure(ctx, r, handlers.ReplyForError(err))
		}
	}
	b.markHandled(ctx, upd.ID)
	if b.log.Enabled(ctx, slog.LevelDebug) {
		log().Debug("handled", "role", int(r.Role), "took", time.Since(start))
	}
}

// safeHandle runs the handler and turns a panic into an error and an apology.
func (b *Bot) safeHandle(ctx context.Context, r *handlers.Request, log func() *slog.Logger) (err error) {
	defer func() {
		if p := recover(); p != nil {
			log().Error("handler panicked", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			if r.Chat.Private || r.GroupEnabled { // a group that did not enable the bot hears nothing
				b.tellFailure(ctx, r, handlers.PanicReply)
			}
			err = nil
		}
	}()
	return b.handle(ctx, r)
}

func (b *Bot) tellFailure(ctx context.Context, r *handlers.Request, text string) {
	var err error
	if r.Callback != nil {
		err = b.send.AnswerCallback(ctx, r.Callback.ID, text, true)
	} else {
		m := handlers.Message{ChatID: r.Chat.ID, Text: text}
		if !r.Chat.Private {
			m.ReplyTo = r.MessageID
		}
		err = b.send.Send(ctx, m)
	}
	if err != nil {
		b.log.Warn("could not tell the user about a failure", "chat", r.Chat.ID, "err", redactErr(err, b.cfg.Token))
	}
}

func (b *Bot) markHandled(ctx context.Context, id int64) {
	if err := b.store.MarkHandled(ctx, id); err != nil {
		b.log.Warn("could not mark an update handled", "update", id, "err", err)
	}
}

// toRequest turns an update into a Request, or nil for updates the bot ignores
// (its own membership changes, edits, channel posts).
func toRequest(upd *models.Update, username string) *handlers.Request {
	switch {
	case upd.Message != nil:
		m := upd.Message
		if m.From == nil {
			return nil
		}
		r := &handlers.Request{UpdateID: upd.ID, MessageID: m.ID, Chat: chatOf(m.Chat), User: userOf(m.From)}
		r.Text = m.Text
		if r.Text == "" {
			r.Text = m.Caption
		}
		if cmd, args, forMe, ok := handlers.ParseCommand(r.Text, username); ok {
			if !forMe && !r.Chat.Private {
				return nil // "/start@OtherBot" in a group
			}
			r.Command, r.Args, r.ForOtherBot = cmd, args, !forMe
		}
		r.Document = documentOf(m.Document)
		if m.Contact != nil {
			r.SharedPhone = m.Contact.PhoneNumber
		}
		if m.ReplyToMessage != nil {
			r.Reply = documentOf(m.ReplyToMessage.Document)
		}
		return r
	case upd.CallbackQuery != nil:
		q := upd.CallbackQuery
		msg := q.Message.Message
		if msg == nil {
			return nil // a button under a message too old to edit
		}
		return &handlers.Request{UpdateID: upd.ID, MessageID: msg.ID, Chat: chatOf(msg.Chat), User: userOf(&q.From),
			Callback: &handlers.Callback{ID: q.ID, MessageID: msg.ID, Data: q.Data}}
	}
	return nil
}

func chatOf(c models.Chat) handlers.Chat {
	return handlers.Chat{ID: c.ID, Private: c.Type == models.ChatTypePrivate, Title: c.Title}
}

func userOf(u *models.User) handlers.User {
	return handlers.User{ID: u.ID, Name: strings.TrimSpace(u.FirstName + " " + u.LastName), Username: u.Username}
}

func documentOf(d *models.Document) *handlers.Document {
	if d == nil {
		return nil
	}
	return &handlers.Document{FileID: d.FileID, Name: d.FileName, MIME: d.MimeType, Size: d.FileSize}
}

// kind names a request for the log without its content (which may be personal).
func kind(r *handlers.Request) string {
	switch {
	case r.Callback != nil:
		data, _, _ := strings.Cut(r.Callback.Data, ":")
		return "button:" + data
	case r.Command != "":
		return "/" + r.Command
	case r.Document != nil:
		return "document"
	}
	return "text"
}

// registerMenu publishes the command menus: one for private chats, a short one
// for groups, and a longer one in each administrator's private chat.
func (b *Bot) registerMenu(ctx context.Context) error {
	list := func(routes []handlers.Route) []models.BotCommand {
		var out []models.BotCommand
		for _, r := range routes {
			out = append(out, models.BotCommand{Command: r.Name, Description: r.Help})
		}
		return out
	}
	commands := func(role handlers.Role) []models.BotCommand { return list(b.h.MenuFor(role)) }
	if _, err := b.tg.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{Commands: commands(handlers.MemberRole)}); err != nil {
		return err
	}
	if _, err := b.tg.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{Commands: list(b.h.MenuForGroups()),
		Scope: &models.BotCommandScopeAllGroupChats{}}); err != nil {
		return err
	}
	for _, id := range b.cfg.Admins {
		if _, err := b.tg.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{Commands: commands(handlers.Admin),
			Scope: &models.BotCommandScopeChat{ChatID: id}}); err != nil {
			return fmt.Errorf("admin menu for %d: %w", id, err)
		}
	}
	return nil
}

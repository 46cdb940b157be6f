package bot

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/ots-customs/wgbot/handlers"
	"github.com/ots-customs/wgbot/handlers/i18n"
)

// handlerTimeout bounds one update's handling, so a hung call cannot hold
// its chat's worker (and the updates queued behind it) for ever.
const handlerTimeout = 60 * time.Second

// receive is the library's default handler: every update comes here, in order,
// and is queued behind the earlier updates of its chat.
func (b *Bot) receive(ctx context.Context, _ *tgbot.Bot, upd *models.Update) {
	b.d.enqueue(ctx, upd)
}

// handleUpdate handles one update end to end through the middleware chain
// (middleware.go); updates the bot ignores are marked handled at once.
func (b *Bot) handleUpdate(ctx context.Context, upd *models.Update) {
	ctx, cancel := context.WithTimeout(ctx, handlerTimeout)
	defer cancel()
	if b.chatEvent(ctx, upd) {
		b.markHandled(ctx, upd.ID)
		return
	}
	r := toRequest(upd, b.username)
	if r == nil {
		b.markHandled(ctx, upd.ID)
		return
	}
	_ = b.serve(ctx, r) // logged and told by the chain
}

func (b *Bot) markHandled(ctx context.Context, id int64) {
	if f, ok := ctx.Value(finishKey{}).(*finishing); ok && f.updateID == id {
		f.handled = true // the intake marks it when it finishes the update
		return
	}
	if err := b.store.MarkHandled(ctx, id); err != nil {
		b.log.Warn("could not mark an update handled", "update", id, "err", err)
	}
}

// finishing carries, through an update's handling, whether it was handled,
// so that the intake marks and finishes it in one round trip.
type finishing struct {
	updateID int64
	handled  bool
}

type finishKey struct{}

// chatEvent handles what happens to a group chat itself: it became a
// supergroup (the flag and the subscription follow it), or the bot was
// removed (my_chat_member). It reports whether upd was such an event.
func (b *Bot) chatEvent(ctx context.Context, upd *models.Update) bool {
	var act func() error
	switch {
	case upd.Message != nil && upd.Message.MigrateToChatID != 0:
		act = func() error { return b.h.GroupMigrated(ctx, upd.Message.Chat.ID, upd.Message.MigrateToChatID) }
	case upd.Message != nil && upd.Message.MigrateFromChatID != 0:
		act = func() error { return b.h.GroupMigrated(ctx, upd.Message.MigrateFromChatID, upd.Message.Chat.ID) }
	case upd.MyChatMember != nil && upd.MyChatMember.Chat.Type != models.ChatTypePrivate:
		switch upd.MyChatMember.NewChatMember.Type {
		case models.ChatMemberTypeLeft, models.ChatMemberTypeBanned:
			act = func() error { return b.h.BotLeftGroup(ctx, upd.MyChatMember.Chat.ID) }
		default:
			act = func() error { return nil }
		}
	default:
		return false
	}
	lateFinishOf(ctx).flush(ctx) // no session read carries the last update's finish
	if err := act(); err != nil {
		b.log.Warn("could not follow a change of a group chat", "update", upd.ID, "err", err)
	}
	return true
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
		if m.IsTopicMessage { // a forum topic: answers and subscriptions stay in it (issue 15)
			r.ThreadID = m.MessageThreadID
		}
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
		r := &handlers.Request{UpdateID: upd.ID, User: userOf(&q.From),
			Callback: &handlers.Callback{ID: q.ID, Data: q.Data}}
		switch msg, old := q.Message.Message, q.Message.InaccessibleMessage; {
		case msg != nil:
			r.MessageID, r.Callback.MessageID, r.Chat = msg.ID, msg.ID, chatOf(msg.Chat)
		case old != nil: // a message too old for the bot: the query is still answered
			r.MessageID, r.Callback.MessageID, r.Chat = old.MessageID, old.MessageID, chatOf(old.Chat)
			r.Callback.Inaccessible = true
		default: // a button of an inline message: answered in the presser's name
			r.Chat = handlers.Chat{ID: q.From.ID, Private: true}
			r.Callback.Inaccessible = true
		}
		return r
	}
	return nil
}

func chatOf(c models.Chat) handlers.Chat {
	return handlers.Chat{ID: c.ID, Private: c.Type == models.ChatTypePrivate, Title: c.Title}
}

func userOf(u *models.User) handlers.User {
	return handlers.User{ID: u.ID, Name: strings.TrimSpace(u.FirstName + " " + u.LastName), Username: u.Username, LanguageCode: u.LanguageCode}
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
// for groups, and a longer one in each administrator's private chat, each in
// every language the bot speaks (Telegram shows a user the menu of their
// language_code; the one without a code, in English, to everyone else). A
// menu Telegram already has is not sent again, so a restart costs one read
// per menu and language.
func (b *Bot) registerMenu(ctx context.Context) error {
	for _, l := range menuLanguages() {
		code := menuCode(l)
		list := func(routes []handlers.Route) []models.BotCommand {
			var out []models.BotCommand
			for _, r := range routes {
				out = append(out, models.BotCommand{Command: r.Name, Description: r.Help(l)})
			}
			return out
		}
		commands := func(role handlers.Role) []models.BotCommand { return list(b.h.MenuFor(role)) }
		if err := b.setMenu(ctx, nil, code, commands(handlers.MemberRole)); err != nil {
			return err
		}
		if err := b.setMenu(ctx, &models.BotCommandScopeAllGroupChats{}, code, list(b.h.MenuForGroups())); err != nil {
			return err
		}
		for _, id := range b.cfg.Admins {
			if err := b.setMenu(ctx, &models.BotCommandScopeChat{ChatID: id}, code, commands(handlers.Admin)); err != nil {
				return fmt.Errorf("admin menu for %d: %w", id, err)
			}
		}
		if err := b.setDescriptions(ctx, l, code); err != nil {
			return err
		}
	}
	return nil
}

// menuLanguages are the languages of Telegram's surfaces: English, then
// each translated language Telegram can name with a language_code (two
// letters: Uzbek in Cyrillic has none, its users see the Latin one).
func menuLanguages() []i18n.Lang {
	var out []i18n.Lang
	for _, l := range i18n.Supported {
		if l == i18n.English || (l.Translated() && len(l) == 2) {
			out = append(out, l)
		}
	}
	return out
}

// menuCode is the language_code of l's surfaces: "" (everyone) for English.
func menuCode(l i18n.Lang) string {
	if l == i18n.English {
		return ""
	}
	return string(l)
}

// setDescriptions sets the bot's description and short description in l
// (from the catalog) unless Telegram already has them.
func (b *Bot) setDescriptions(ctx context.Context, l i18n.Lang, code string) error {
	desc, short := l.T("bot.description"), l.T("bot.shortDescription")
	if have, err := b.tg.GetMyDescription(ctx, &tgbot.GetMyDescriptionParams{LanguageCode: code}); err != nil || have.Description != desc {
		if _, err := b.tg.SetMyDescription(ctx, &tgbot.SetMyDescriptionParams{Description: desc, LanguageCode: code}); err != nil {
			return fmt.Errorf("description %q: %w", code, err)
		}
	}
	if have, err := b.tg.GetMyShortDescription(ctx, &tgbot.GetMyShortDescriptionParams{LanguageCode: code}); err != nil || have.ShortDescription != short {
		if _, err := b.tg.SetMyShortDescription(ctx, &tgbot.SetMyShortDescriptionParams{ShortDescription: short, LanguageCode: code}); err != nil {
			return fmt.Errorf("short description %q: %w", code, err)
		}
	}
	return nil
}

// setMenu sets the commands of scope (nil: the default) unless Telegram
// already has exactly these.
func (b *Bot) setMenu(ctx context.Context, scope models.BotCommandScope, code string, cmds []models.BotCommand) error {
	have, err := b.tg.GetMyCommands(ctx, &tgbot.GetMyCommandsParams{Scope: scope, LanguageCode: code})
	if err == nil && slices.Equal(have, cmds) {
		return nil
	}
	_, err = b.tg.SetMyCommands(ctx, &tgbot.SetMyCommandsParams{Commands: cmds, Scope: scope, LanguageCode: code})
	return err
}

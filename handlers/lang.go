package handlers

import (
	"context"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// The language of each message (issue 13). A reply is in the language of
// the request (Request.Lang); a message to someone else is in theirs: what
// they chose with /language, else what their Telegram is set to, else
// English. A group speaks what an administrator chose for it, else English.

// RequestLang is the language to answer r in, from the settings its session
// read: in a private chat the user's choice, else their Telegram's
// language_code; in a group the group's choice.
func RequestLang(r *Request, user, chat storage.Settings) i18n.Lang {
	if !r.Chat.Private && r.Chat.ID < 0 {
		return chosenLang(chat, "")
	}
	return chosenLang(user, r.User.LanguageCode)
}

// chosenLang is the language s chose, else the one telegramCode names, else English.
func chosenLang(s storage.Settings, telegramCode string) i18n.Lang {
	if l, ok := i18n.Parse(s.Language); ok {
		return l
	}
	if l, ok := i18n.Parse(telegramCode); ok {
		return l
	}
	return i18n.English
}

// langOf is the language of a message to chatID: a person's (a private
// chat's id is the user's) or a group's. A store that does not answer
// gives English: the message still goes out.
func (b *Bot) langOf(ctx context.Context, chatID int64) i18n.Lang {
	if chatID < 0 {
		s, _ := b.Store.ChatSettings(ctx, chatID)
		return chosenLang(s, "")
	}
	s, _ := b.Store.UserSettings(ctx, chatID)
	if s.Language != "" {
		return chosenLang(s, "")
	}
	code, _ := b.Store.TelegramLanguage(ctx, chatID)
	return chosenLang(s, code)
}

// languages knows the language of every chat at once, for alerts and
// digests that go to many: three reads instead of some per message.
type languages struct {
	users, chats map[int64]storage.Settings
	telegram     map[int64]string
}

// allLanguages reads every chat's language; on a store error every chat is English.
func (b *Bot) allLanguages(ctx context.Context) languages {
	var ls languages
	ls.users, _ = b.Store.AllUserSettings(ctx)
	ls.chats, _ = b.Store.AllChatSettings(ctx)
	ls.telegram, _ = b.Store.TelegramLanguages(ctx)
	return ls
}

// of is the language of a message to chatID.
func (ls languages) of(chatID int64) i18n.Lang {
	if chatID < 0 {
		return chosenLang(ls.chats[chatID], "")
	}
	return chosenLang(ls.users[chatID], ls.telegram[chatID])
}

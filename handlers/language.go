package handlers

import (
	"context"
	"strings"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// /language (issue 13): each person chooses the language the bot writes to
// them in; a group's administrator chooses the group's. Until then a person
// gets the language of their Telegram, a group English.

// ChatAdminChecker is a Sender that can ask Telegram whether a user
// administers a group (getChatMember). The bot's sender is one.
type ChatAdminChecker interface {
	IsChatAdmin(ctx context.Context, chatID, userID int64) (bool, error)
}

// languageCmd offers the languages as buttons, each in its own name.
func (b *Bot) languageCmd(ctx context.Context, r *Request) error {
	if !r.Chat.Private {
		ok, err := b.mayChooseGroupLanguage(ctx, r)
		if err != nil {
			return err
		}
		if !ok {
			return b.reply(ctx, r, r.Lang.T(txtLanguageGroupAdminOnly))
		}
		// The group's language, not the asker's: "to you" would mislead.
		return b.reply(ctx, r, r.Lang.T("LanguageAskGroup"), languageButtons(r.Lang)...)
	}
	return b.reply(ctx, r, r.Lang.T(txtLanguageAsk), languageButtons(r.Lang)...)
}

// languageButtons are the languages the bot speaks, two a row, the one in
// use marked.
func languageButtons(current i18n.Lang) [][]Button {
	var rows [][]Button
	var row []Button
	for _, l := range i18n.Supported {
		if l != i18n.English && !l.Translated() {
			continue // its file has not landed: choosing it would give English
		}
		text := l.Name()
		if l == current {
			text = "✅ " + text
		}
		row = append(row, Button{Text: text, Data: "lang:" + string(l)})
		if len(row) == 2 {
			rows, row = append(rows, row), nil
		}
	}
	if len(row) > 0 {
		rows = append(rows, row)
	}
	return rows
}

// languageButton stores the choice: the presser's own in a private chat,
// the group's in a group (for those who may choose it). The answer is in
// the language just chosen.
func (b *Bot) languageButton(ctx context.Context, r *Request) (Answer, error) {
	l, ok := i18n.Parse(strings.TrimPrefix(r.Callback.Data, "lang:"))
	if !ok || string(l) != strings.TrimPrefix(r.Callback.Data, "lang:") {
		return stale(r.Lang), nil
	}
	choose := func(s *storage.Settings) { s.Language = string(l) }
	text := l.T(txtLanguageSet)
	if r.Chat.Private {
		if _, err := b.Store.UpdateUserSettings(ctx, r.User.ID, choose); err != nil {
			return Answer{}, err
		}
	} else {
		may, err := b.mayChooseGroupLanguage(ctx, r)
		if err != nil {
			return Answer{}, err
		}
		if !may {
			return alert(r.Lang.T(txtLanguageGroupAdminOnly)), nil
		}
		if _, err := b.Store.UpdateChatSettings(ctx, r.Chat.ID, choose); err != nil {
			return Answer{}, err
		}
		text = l.T(txtLanguageGroupSet)
	}
	r.Lang = l
	return Answer{Edit: &Message{Text: text}}, nil
}

// mayChooseGroupLanguage: the bot's administrators, or an administrator of
// the group in Telegram.
func (b *Bot) mayChooseGroupLanguage(ctx context.Context, r *Request) (bool, error) {
	if b.IsAdmin(r.User.ID) {
		return true, nil
	}
	c, ok := b.Sender.(ChatAdminChecker)
	if !ok {
		return false, nil
	}
	return c.IsChatAdmin(ctx, r.Chat.ID, r.User.ID)
}

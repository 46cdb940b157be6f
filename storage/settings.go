package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// Settings of people and group chats (issue 13): the language and the time
// zone each chose, one bucket for users, one for chats. The language
// Telegram reports for a user (language_code) is a bucket of its own: the
// runtime writes it when it changes, and it must never overwrite what the
// user chose.
var (
	bUserSettings = newBucket(bucket{name: "rec:usersettings", redis: "rec:usersettings"}) // user id -> Settings
	bChatSettings = newBucket(bucket{name: "rec:chatsettings", redis: "rec:chatsettings"}) // group chat id -> Settings
	bTelegramLang = newBucket(bucket{name: "rec:tglang", redis: "rec:tglang"})             // user id -> the language_code Telegram last gave
)

// Settings is what a user or a group chose for themselves. The zero value
// is "nothing chosen": the bot's defaults apply.
type Settings struct {
	// Language is a BCP 47 tag chosen with /language ("ru", "uz-Cyrl"); "" for none.
	Language string `json:"lang,omitempty"`
	// TimeZone is an IANA zone name ("Asia/Almaty"); "" for the default.
	TimeZone string `json:"tz,omitempty"`
}

// IsZero reports whether nothing was chosen.
func (s Settings) IsZero() bool { return s == Settings{} }

// SettingsStore keeps the settings of users and group chats.
//
// An update is one transaction: of two changes of one subject at once,
// neither is lost.
type SettingsStore interface {
	// UserSettings returns a user's settings; the zero Settings when none.
	UserSettings(ctx context.Context, userID int64) (Settings, error)
	// ChatSettings returns a group chat's settings; the zero Settings when none.
	ChatSettings(ctx context.Context, chatID int64) (Settings, error)
	// UpdateUserSettings applies change to a user's settings and stores the
	// result (deleting the record when it is zero); it returns the result.
	UpdateUserSettings(ctx context.Context, userID int64, change func(*Settings)) (Settings, error)
	// UpdateChatSettings is UpdateUserSettings for a group chat.
	UpdateChatSettings(ctx context.Context, chatID int64, change func(*Settings)) (Settings, error)
	// AllUserSettings returns every user's settings by user id, for the
	// alerts and digests that go to many people at once.
	AllUserSettings(ctx context.Context) (map[int64]Settings, error)
	// AllChatSettings returns every group chat's settings by chat id.
	AllChatSettings(ctx context.Context) (map[int64]Settings, error)
	// MoveChatSettings gives chat to's settings those of from (a group that
	// became a supergroup) and deletes from's; nothing when from has none.
	MoveChatSettings(ctx context.Context, from, to int64) error

	// TelegramLanguage returns the language_code Telegram last gave for a
	// user, "" when none is known.
	TelegramLanguage(ctx context.Context, userID int64) (string, error)
	// SetTelegramLanguage records it; "" deletes it.
	SetTelegramLanguage(ctx context.Context, userID int64, code string) error
	// TelegramLanguages returns every known language_code by user id.
	TelegramLanguages(ctx context.Context) (map[int64]string, error)
}

// maxLanguageCode bounds a stored language_code: Telegram's are IETF tags
// such as "en" or "pt-br"; anything longer is not one.
const maxLanguageCode = 35

func decodeSettings(raw []byte, ok bool, what string) (Settings, error) {
	var s Settings
	if !ok {
		return s, nil
	}
	if err := json.Unmarshal(raw, &s); err != nil {
		return s, fmt.Errorf("storage: decode %s: %w", what, err)
	}
	return s, nil
}

func settingsOf(ctx context.Context, kv kvStore, b *bucket, key int64) (Settings, error) {
	r := getOf(b, id(key))
	if err := kv.view(ctx, "get "+b.name+" "+id(key), r); err != nil {
		return Settings{}, err
	}
	return decodeSettings(r.val, r.val != nil, b.name+" "+id(key))
}

// updateSettings changes one record in one transaction; a zero result is deleted.
func updateSettings(ctx context.Context, kv kvStore, b *bucket, key int64, change func(*Settings)) (Settings, error) {
	var s Settings
	err := kv.update(ctx, "update "+b.name+" "+id(key), func(tx kvTx) error {
		raw, found, err := tx.get(b, id(key))
		if err != nil {
			return err
		}
		if s, err = decodeSettings(raw, found, b.name+" "+id(key)); err != nil {
			return err
		}
		change(&s)
		if s.IsZero() {
			return tx.del(b, id(key))
		}
		return putJSON(tx, b, id(key), s)
	})
	return s, err
}

func allSettings(ctx context.Context, kv kvStore, b *bucket) (map[int64]Settings, error) {
	r := scanOf(b, "")
	if err := kv.view(ctx, "list "+b.name, r); err != nil {
		return nil, err
	}
	out := make(map[int64]Settings, len(r.pairs))
	for _, p := range r.pairs {
		n, err := strconv.ParseInt(p.key, 10, 64)
		if err != nil {
			continue // not a key this file wrote
		}
		if out[n], err = decodeSettings(p.val, true, b.name+" "+p.key); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// UserSettings implements SettingsStore.
func (s *store) UserSettings(ctx context.Context, userID int64) (Settings, error) {
	return settingsOf(ctx, s.kv, bUserSettings, userID)
}

// ChatSettings implements SettingsStore.
func (s *store) ChatSettings(ctx context.Context, chatID int64) (Settings, error) {
	return settingsOf(ctx, s.kv, bChatSettings, chatID)
}

// UpdateUserSettings implements SettingsStore.
func (s *store) UpdateUserSettings(ctx context.Context, userID int64, change func(*Settings)) (Settings, error) {
	return updateSettings(ctx, s.kv, bUserSettings, userID, change)
}

// UpdateChatSettings implements SettingsStore.
func (s *store) UpdateChatSettings(ctx context.Context, chatID int64, change func(*Settings)) (Settings, error) {
	return updateSettings(ctx, s.kv, bChatSettings, chatID, change)
}

// AllUserSettings implements SettingsStore.
func (s *store) AllUserSettings(ctx context.Context) (map[int64]Settings, error) {
	return allSettings(ctx, s.kv, bUserSettings)
}

// AllChatSettings implements SettingsStore.
func (s *store) AllChatSettings(ctx context.Context) (map[int64]Settings, error) {
	return allSettings(ctx, s.kv, bChatSettings)
}

// MoveChatSettings implements SettingsStore.
func (s *store) MoveChatSettings(ctx context.Context, from, to int64) error {
	return s.kv.update(ctx, "move chat settings "+id(from), func(tx kvTx) error {
		raw, found, err := tx.get(bChatSettings, id(from))
		if err != nil || !found {
			return err
		}
		if err := tx.put(bChatSettings, id(to), raw); err != nil {
			return err
		}
		return tx.del(bChatSettings, id(from))
	})
}

// TelegramLanguage implements SettingsStore.
func (s *store) TelegramLanguage(ctx context.Context, userID int64) (string, error) {
	r := getOf(bTelegramLang, id(userID))
	err := s.kv.view(ctx, "telegram language of "+id(userID), r)
	return string(r.val), err
}

// SetTelegramLanguage implements SettingsStore.
func (s *store) SetTelegramLanguage(ctx context.Context, userID int64, code string) error {
	return s.kv.update(ctx, "set telegram language of "+id(userID), func(tx kvTx) error {
		if code := cleanLanguageCode(code); code != "" {
			return tx.put(bTelegramLang, id(userID), []byte(code))
		}
		return tx.del(bTelegramLang, id(userID))
	})
}

// TelegramLanguages implements SettingsStore.
func (s *store) TelegramLanguages(ctx context.Context) (map[int64]string, error) {
	r := scanOf(bTelegramLang, "")
	if err := s.kv.view(ctx, "telegram languages", r); err != nil {
		return nil, err
	}
	out := make(map[int64]string, len(r.pairs))
	for _, p := range r.pairs {
		if n, err := strconv.ParseInt(p.key, 10, 64); err == nil {
			out[n] = string(p.val)
		}
	}
	return out, nil
}

// cleanLanguageCode keeps a language_code only when it looks like one.
func cleanLanguageCode(code string) string {
	code = strings.TrimSpace(code)
	if len(code) > maxLanguageCode {
		return ""
	}
	for _, c := range code {
		if !(c == '-' || c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
			return ""
		}
	}
	return code
}

// forgetSettings deletes a user's settings in ForgetUser's transaction and
// reports whether they had chosen any.
func forgetSettings(tx kvTx, userID int64) (bool, error) {
	_, had, err := tx.get(bUserSettings, id(userID))
	if err != nil {
		return false, err
	}
	for _, b := range []*bucket{bUserSettings, bTelegramLang} {
		if err := tx.del(b, id(userID)); err != nil {
			return false, err
		}
	}
	return had, nil
}

// sessionSettings are the reads a Session adds for the settings of the
// sender and the group; apply fills them in once read.
func sessionSettings(userID, chatID int64) (reads []*kvRead, apply func(*Session) error) {
	user, lang := getOf(bUserSettings, id(userID)), getOf(bTelegramLang, id(userID))
	reads = []*kvRead{user, lang}
	var chat *kvRead
	if chatID < 0 {
		chat = getOf(bChatSettings, id(chatID))
		reads = append(reads, chat)
	}
	return reads, func(out *Session) error {
		var err error
		if out.User, err = decodeSettings(user.val, user.val != nil, "user settings"); err != nil {
			return err
		}
		if chat != nil {
			if out.Chat, err = decodeSettings(chat.val, chat.val != nil, "chat settings"); err != nil {
				return err
			}
		}
		out.TelegramLanguage = string(lang.val)
		return nil
	}
}

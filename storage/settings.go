package storage

import (
	"context"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// Settings of people and group chats (issue 13): the language and the time
// zone each chose. They are records like the calendars' (records.go), one
// kind for users, one for chats, so both backends, export, import and
// migration carry them without more code. The language Telegram reports
// for a user (language_code) is a kind of its own: the runtime writes it
// when it changes, and it must never overwrite what the user chose.
const (
	kindUserSettings = "usersettings" // user id -> Settings
	kindChatSettings = "chatsettings" // group chat id -> Settings
	kindTelegramLang = "tglang"       // user id -> the language_code Telegram last gave
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
// An update is a read, then a write: two changes of one subject at once
// could lose one, which the bot avoids by handling a chat's updates in
// order (a user's settings change in their private chat, a group's in the
// group).
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

var (
	_ SettingsStore = (*Redis)(nil)
	_ SettingsStore = (*Bolt)(nil)
)

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

func settingsOf(ctx context.Context, rs recordStore, kind string, key int64) (Settings, error) {
	raw, ok, err := rs.recordGet(ctx, kind, id(key))
	if err != nil {
		return Settings{}, err
	}
	return decodeSettings(raw, ok, kind+" "+id(key))
}

func settingsOp(kind string, key int64, s Settings) (recordOp, error) {
	if s.IsZero() {
		return recordOp{kind: kind, key: id(key), del: true}, nil
	}
	return putOp(kind, id(key), s)
}

func updateSettings(ctx context.Context, rs recordStore, kind string, key int64, change func(*Settings)) (Settings, error) {
	s, err := settingsOf(ctx, rs, kind, key)
	if err != nil {
		return s, err
	}
	change(&s)
	op, err := settingsOp(kind, key, s)
	if err != nil {
		return s, err
	}
	return s, rs.recordApply(ctx, "update "+kind+" "+id(key), []recordOp{op})
}

func allSettings(ctx context.Context, rs recordStore, kind string) (map[int64]Settings, error) {
	all, err := rs.recordAll(ctx, kind)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]Settings, len(all))
	for k, v := range all {
		n, err := strconv.ParseInt(k, 10, 64)
		if err != nil {
			continue // not a key this file wrote
		}
		if out[n], err = decodeSettings(v, true, kind+" "+k); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// UserSettings implements SettingsStore.
func (m recordMethods) UserSettings(ctx context.Context, userID int64) (Settings, error) {
	return settingsOf(ctx, m.rs, kindUserSettings, userID)
}

// ChatSettings implements SettingsStore.
func (m recordMethods) ChatSettings(ctx context.Context, chatID int64) (Settings, error) {
	return settingsOf(ctx, m.rs, kindChatSettings, chatID)
}

// UpdateUserSettings implements SettingsStore.
func (m recordMethods) UpdateUserSettings(ctx context.Context, userID int64, change func(*Settings)) (Settings, error) {
	return updateSettings(ctx, m.rs, kindUserSettings, userID, change)
}

// UpdateChatSettings implements SettingsStore.
func (m recordMethods) UpdateChatSettings(ctx context.Context, chatID int64, change func(*Settings)) (Settings, error) {
	return updateSettings(ctx, m.rs, kindChatSettings, chatID, change)
}

// AllUserSettings implements SettingsStore.
func (m recordMethods) AllUserSettings(ctx context.Context) (map[int64]Settings, error) {
	return allSettings(ctx, m.rs, kindUserSettings)
}

// AllChatSettings implements SettingsStore.
func (m recordMethods) AllChatSettings(ctx context.Context) (map[int64]Settings, error) {
	return allSettings(ctx, m.rs, kindChatSettings)
}

// MoveChatSettings implements SettingsStore.
func (m recordMethods) MoveChatSettings(ctx context.Context, from, to int64) error {
	raw, ok, err := m.rs.recordGet(ctx, kindChatSettings, id(from))
	if err != nil || !ok {
		return err
	}
	return m.rs.recordApply(ctx, "move chat settings "+id(from), []recordOp{
		{kind: kindChatSettings, key: id(to), val: raw}, {kind: kindChatSettings, key: id(from), del: true}})
}

// TelegramLanguage implements SettingsStore.
func (m recordMethods) TelegramLanguage(ctx context.Context, userID int64) (string, error) {
	raw, _, err := m.rs.recordGet(ctx, kindTelegramLang, id(userID))
	return string(raw), err
}

// SetTelegramLanguage implements SettingsStore.
func (m recordMethods) SetTelegramLanguage(ctx context.Context, userID int64, code string) error {
	op := recordOp{kind: kindTelegramLang, key: id(userID), val: []byte(cleanLanguageCode(code))}
	if len(op.val) == 0 {
		op = recordOp{kind: kindTelegramLang, key: id(userID), del: true}
	}
	return m.rs.recordApply(ctx, "set telegram language of "+id(userID), []recordOp{op})
}

// TelegramLanguages implements SettingsStore.
func (m recordMethods) TelegramLanguages(ctx context.Context) (map[int64]string, error) {
	all, err := m.rs.recordAll(ctx, kindTelegramLang)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]string, len(all))
	for k, v := range all {
		if n, err := strconv.ParseInt(k, 10, 64); err == nil {
			out[n] = string(v)
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

// forgetSettingsOps are the deletes ForgetUser adds to its transaction.
func forgetSettingsOps(userID int64) []recordOp {
	return []recordOp{{kind: kindUserSettings, key: id(userID), del: true}, {kind: kindTelegramLang, key: id(userID), del: true}}
}

// boltSessionSettings reads the settings of a Session inside its transaction.
func boltSessionSettings(tx *bolt.Tx, out *Session, userID, chatID int64) error {
	get := func(kind string, key int64) ([]byte, bool) {
		if b := tx.Bucket(recordBucket(kind)); b != nil {
			if v := b.Get([]byte(id(key))); v != nil {
				return v, true
			}
		}
		return nil, false
	}
	var err error
	v, ok := get(kindUserSettings, userID)
	if out.User, err = decodeSettings(v, ok, "user settings"); err != nil {
		return err
	}
	if chatID < 0 {
		v, ok = get(kindChatSettings, chatID)
		if out.Chat, err = decodeSettings(v, ok, "chat settings"); err != nil {
			return err
		}
	}
	if v, ok := get(kindTelegramLang, userID); ok {
		out.TelegramLanguage = string(v)
	}
	return nil
}

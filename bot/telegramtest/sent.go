package telegramtest

import (
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
)

// Sent is one successful state-changing call the bot made (sendMessage,
// sendDocument, editMessageText, editMessageReplyMarkup, answerCallbackQuery,
// deleteMessage, sendChatAction, setMyCommands, ...). Calls rejected by
// validation or FailNext are not recorded (see Calls).
type Sent struct {
	Method    string
	ChatID    int64 // 0 if chat_id was missing or a @username
	MessageID int   // new message for send*, target message for edits and deletes
	Text      string
	ParseMode string
	// ReplyMarkup is the decoded inline keyboard, nil if none.
	ReplyMarkup *models.InlineKeyboardMarkup
	// Keyboard is the decoded keyboard under the typing field, nil if none;
	// RemoveKeyboard says the message took such a keyboard away.
	Keyboard         *models.ReplyKeyboardMarkup
	RemoveKeyboard   bool
	ReplyToMessageID int
	DocumentName     string
	Document         []byte
	CallbackQueryID  string
	// Raw holds every form field as sent; a file part maps to its file name.
	Raw map[string]string
	At  time.Time
}

// PlainText returns what the user sees: Text with HTML tags stripped and
// entities decoded when ParseMode is HTML, otherwise Text unchanged.
func (m Sent) PlainText() string {
	if !strings.EqualFold(m.ParseMode, "HTML") {
		return m.Text
	}
	plain, err := parseHTML(m.Text)
	if err != nil {
		return m.Text
	}
	return plain
}

func (s *Server) newSent(r *request) Sent {
	m := Sent{
		Method:          r.method,
		ChatID:          r.chatID,
		MessageID:       int(r.num("message_id")),
		Text:            r.str("text"),
		ParseMode:       r.str("parse_mode"),
		CallbackQueryID: r.str("callback_query_id"),
		Raw:             maps.Clone(r.fields),
		At:              s.now(),
	}
	if m.Text == "" {
		m.Text = r.str("caption")
	}
	m.ReplyMarkup = decodeInlineKeyboard(r.str("reply_markup"))
	m.Keyboard, m.RemoveKeyboard = decodeReplyKeyboard(r.str("reply_markup"))
	m.ReplyToMessageID = int(r.num("reply_to_message_id"))
	if rp := r.str("reply_parameters"); rp != "" {
		var p models.ReplyParameters
		if json.Unmarshal([]byte(rp), &p) == nil {
			m.ReplyToMessageID = p.MessageID
		}
	}
	return m
}

func decodeInlineKeyboard(raw string) *models.InlineKeyboardMarkup { return parseMarkup(raw).kb }

func decodeReplyKeyboard(raw string) (*models.ReplyKeyboardMarkup, bool) {
	if !strings.Contains(raw, `"keyboard"`) && !strings.Contains(raw, `"remove_keyboard"`) {
		return nil, false
	}
	var kb struct {
		models.ReplyKeyboardMarkup
		Remove bool `json:"remove_keyboard"`
	}
	if json.Unmarshal([]byte(raw), &kb) != nil {
		return nil, false
	}
	if kb.Keyboard == nil {
		return nil, kb.Remove
	}
	return &kb.ReplyKeyboardMarkup, kb.Remove
}

// record appends m; callers hold s.mu (serveHTTP broadcasts afterwards).
func (s *Server) record(m Sent) {
	s.sent = append(s.sent, m)
	if isMessage(m) {
		if s.byChat == nil {
			s.byChat = map[int64][]int{}
		}
		s.byChat[m.ChatID] = append(s.byChat[m.ChatID], len(s.sent)-1)
	}
}

// Sent returns every recorded call, in order.
func (s *Server) Sent() []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.sent)
}

func isMessage(m Sent) bool {
	return m.Method == "sendMessage" || m.Method == "sendDocument" || m.Method == "editMessageText"
}

func (s *Server) messagesLocked(chatID int64) []Sent {
	idx := s.byChat[chatID]
	out := make([]Sent, len(idx))
	for i, j := range idx {
		out[i] = s.sent[j]
	}
	return out
}

// Messages returns the sendMessage, sendDocument and editMessageText calls
// to chatID, in order.
func (s *Server) Messages(chatID int64) []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.messagesLocked(chatID)
}

// WaitMessages blocks until at least n messages (as counted by Messages)
// went to chatID and returns them all. It wakes on every server state change
// and fails the test after the wait timeout (10 s real time by default).
func (s *Server) WaitMessages(t testing.TB, chatID int64, n int) []Sent {
	t.Helper()
	var got []Sent
	ok := s.waitFor(func() bool { return len(s.byChat[chatID]) >= n })
	s.mu.Lock()
	got = s.messagesLocked(chatID)
	s.mu.Unlock()
	if !ok {
		t.Fatalf("telegramtest: waited %v for %d messages to chat %d, got %d:\n%s", s.cfg.waitTimeout, n, chatID, len(got), describe(got))
	}
	return got
}

func describe(ms []Sent) string {
	var b strings.Builder
	for i, m := range ms {
		fmt.Fprintf(&b, "  %d. %s #%d: %q\n", i+1, m.Method, m.MessageID, m.Text)
	}
	return b.String()
}

// SentSince returns the calls recorded after the first n (as Sent numbers
// them) and a channel closed at the server's next change, so that a reader
// (wgbot console) can follow the bot's output without polling.
func (s *Server) SentSince(n int) ([]Sent, <-chan struct{}) {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Sent
	if n < len(s.sent) {
		out = slices.Clone(s.sent[max(n, 0):])
	}
	return out, s.changed
}

// Calls returns how many times method was called, failed calls included.
func (s *Server) Calls(method string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.calls[method]
}

// Commands returns the commands of the last setMyCommands call (nil after
// deleteMyCommands).
func (s *Server) Commands() []models.BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.commands)
}

// SetMemberStatus makes getChatMember say status ("administrator",
// "creator", "member"...) of user in chat.
func (s *Server) SetMemberStatus(chatID, userID int64, status string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.memberStatus == nil {
		s.memberStatus = map[[2]int64]string{}
	}
	s.memberStatus[[2]int64{chatID, userID}] = status
}

// ScopedCommands returns the commands set for a scope (its JSON as Telegram
// gets it with sorted keys, "" for the default) and language_code ("" for all).
func (s *Server) ScopedCommands(scope, languageCode string) []models.BotCommand {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := scope
	if languageCode != "" {
		key += "@" + languageCode
	}
	return slices.Clone(s.scoped[key])
}

// ProfileText returns the description or short_description last set for a
// language_code ("" for all).
func (s *Server) ProfileText(field, languageCode string) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.profile[field+"@"+languageCode]
}

// Callbacks returns the answerCallbackQuery calls; text and show_alert are
// in Text and Raw.
func (s *Server) Callbacks() []Sent {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Sent
	for _, m := range s.sent {
		if m.Method == "answerCallbackQuery" {
			out = append(out, m)
		}
	}
	return out
}

// TooMany returns how many calls WithRateLimits rejected with 429.
func (s *Server) TooMany() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tooMany
}

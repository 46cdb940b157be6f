// Package handlers is what wgbot does for each command, button and event. It
// has no goroutines, reads no environment and holds no Redis client: it works
// on parsed Requests through small interfaces (storage.Store, Sender, a clock),
// so the bot package can drive it from Telegram and tests can drive it directly.
package handlers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"time"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// Role is what a user may do.
type Role int

// The roles, from least to most trusted.
const (
	Stranger Role = iota // neither a member nor an administrator
	MemberRole
	Admin // listed in ADMIN_IDS: the Secretariat
)

// Chat is where a Request came from.
type Chat struct {
	ID      int64
	Private bool
	Title   string
}

// User is who sent a Request.
type User struct {
	ID       int64
	Name     string // first and last name as Telegram gives them
	Username string // without "@", may be empty
	// LanguageCode is the language of the user's Telegram ("ru", "en-US"),
	// the first guess of the language to answer in (issue 13).
	LanguageCode string
}

// Callback is a pressed inline button.
type Callback struct {
	ID        string // to answer the query
	MessageID int    // the message that carries the button
	Data      string
	// Inaccessible is set for a button under a message too old for the bot
	// to see or edit.
	Inaccessible bool
	// Answer is what the runtime answers the query with once the handler
	// returned (an error's reply replaces it). Handlers set it through their
	// ButtonFunc's result, or through Sender.AnswerCallback, which the runtime
	// holds back until then.
	Answer Answer
}

// Document is a file sent to the bot.
type Document struct {
	FileID string
	Name   string
	MIME   string
	Size   int64
}

// Request is one incoming event, parsed and with the sender's role resolved.
type Request struct {
	UpdateID     int64
	MessageID    int
	Chat         Chat
	ThreadID     int // the forum topic the message was sent in; 0 for none (issue 15)
	User         User
	Role         Role
	Member       *storage.Member // nil for strangers and administrators without a Party
	GroupEnabled bool
	Command      string // lower case, without "/" and "@bot": "deadlines"; "" when none
	Args         string // text after the command, trimmed
	// ForOtherBot marks "/cmd@OtherBot" in a private chat: not ours to run,
	// but a private chat is never silent.
	ForOtherBot bool
	Text        string // the whole text or caption
	Callback    *Callback
	Document    *Document
	Reply       *Document // the document of the message this one replies to, if any
	// SharedPhone is the phone number of a contact card the user shared
	// (Telegram's "Share contact", or our "Share my phone" button).
	SharedPhone string
	// Lang is the language to answer in (issue 13): the user's choice in a
	// private chat, the group's in a group; "" is English.
	Lang i18n.Lang
}

// Button is an inline keyboard button: Data for a callback, or URL.
type Button struct {
	Text string
	Data string
	URL  string
	// WebApp, when set, is the URL of a Mini App the button opens (private
	// chats only; Telegram refuses it in groups).
	WebApp string
}

// Message is a reply or notice in Telegram's HTML parse mode. Every piece of
// data in Text must have been escaped with esc.
type Message struct {
	ChatID  int64
	Text    string
	Buttons [][]Button
	ReplyTo int // message id to reply to in groups; 0 for none
	Edit    int // when set, edit this message of the bot instead of sending
	// ThreadID posts in a forum topic of a supergroup; 0 for the General topic.
	ThreadID int
	// Keyboard, for a new message without Buttons, replaces the keyboard
	// under the user's typing field (Telegram allows one kind per message).
	Keyboard *ReplyKeyboard
}

// ReplyKeyboard is a keyboard under the typing field: buttons that send
// their label as text, and one that shares the user's own phone number.
type ReplyKeyboard struct {
	SharePhone string   // label of the "share my phone" button; "" for none
	Texts      []string // buttons that send their label
	Remove     bool     // take away the keyboard shown before
}

// Sender delivers messages to Telegram. Send splits texts longer than
// Telegram's limit at line boundaries; the buttons go with the last part.
type Sender interface {
	Send(ctx context.Context, m Message) error
	// AnswerCallback sets the answer to a button press: text as a toast (or
	// an alert). For the button being handled, the runtime records it and
	// answers once the handler returned; the last call wins.
	AnswerCallback(ctx context.Context, callbackID, text string, alert bool) error
	// SendBulk delivers background messages (alerts) within Telegram's rate
	// limits, never ahead of replies to users, calling done after each one
	// with its outcome. It returns when all were tried or ctx ends.
	SendBulk(ctx context.Context, msgs []Message, done func(i int, err error))
	// SendDocument uploads data as a file called name to chatID, with a
	// caption in HTML (escaped by the caller; at most 1024 characters).
	SendDocument(ctx context.Context, chatID int64, name string, data []byte, caption string) error
}

// MessageIDSender is a Sender that also says which message it sent, so that
// a "working on it" note can later become the result. The bot's sender is
// one; a Sender that is not gets a new message instead of an edit.
type MessageIDSender interface {
	SendID(ctx context.Context, m Message) (int, error)
}

// sendID sends m and returns its message id, 0 when the Sender cannot say.
func (b *Bot) sendID(ctx context.Context, m Message) (int, error) {
	if s, ok := b.Sender.(MessageIDSender); ok {
		return s.SendID(ctx, m)
	}
	return 0, b.Sender.Send(ctx, m)
}

// ErrChatGone is wrapped by a Sender's error when Telegram says the bot may no
// longer write to the chat (it was removed from the group or blocked).
var ErrChatGone = errors.New("the bot can no longer write to this chat")

// ChatMigratedError is a Sender's error for a group that became a supergroup.
type ChatMigratedError struct{ NewChatID int64 }

func (e *ChatMigratedError) Error() string {
	return fmt.Sprintf("the group moved to chat %d", e.NewChatID)
}

// Deps are what the handlers need from the outside.
type Deps struct {
	Store       storage.Store
	Sender      Sender
	Now         func() time.Time // the clock; tests inject their own
	Location    *time.Location   // where "today" is decided and dates are shown
	Admins      []int64          // ADMIN_IDS
	BotUsername string           // without "@", to recognise /cmd@BotName
	BotName     string           // the bot's Telegram name (getMe's first name), as it calls itself
	Alerts      AlertPolicy      // ALERT_LEAD_DAYS and ALERT_TIME; zero: DefaultAlertPolicy
	AccessRetry time.Duration    // ACCESS_RETRY_DAYS: a rejected user's wait; zero: DefaultAccessRetry
	// Background runs slow work (an LLM summary) after the handler returned;
	// the runtime owns the goroutine and waits for it at shutdown. Nil: run
	// the work at once, in the handler.
	Background func(job func(context.Context) error)
	Files      FileGetter // downloads uploaded minutes; nil: uploads are refused
	// Log gets what a handler cannot tell a user (an audit entry not
	// written); never personal data. Nil: slog.Default().
	Log        *slog.Logger
	Summarizer Summarizer // summaries of uploaded minutes; nil: summaries are off
	// PublicURL is where the operator's proxy exposes the bot's HTTP server
	// (PUBLIC_URL), for calendar subscription links; "": no links.
	PublicURL string
	// AppURL is the Mini App's address (PUBLIC_URL + "/app/"); "": no app buttons.
	AppURL string
	// AppShortName is the app's short name at @BotFather (WEBAPP_SHORT_NAME),
	// for t.me links to it in groups; "": no app button in groups.
	AppShortName string
}

// DefaultAccessRetry is how long a rejected user waits before asking again.
const DefaultAccessRetry = 7 * 24 * time.Hour

// Bot answers Requests. Create it with New.
type Bot struct {
	Deps
	routes  []Route
	buttons []ButtonRoute
	admins  map[int64]bool
	lists   listPages // lists.go
}

// New returns a Bot over deps, with the routes table built.
func New(deps Deps) *Bot {
	if deps.Now == nil {
		deps.Now = time.Now
	}
	if deps.Location == nil {
		deps.Location = time.UTC
	}
	if deps.AccessRetry == 0 {
		deps.AccessRetry = DefaultAccessRetry
	}
	if len(deps.Alerts.Leads) == 0 {
		deps.Alerts = DefaultAlertPolicy
	}
	b := &Bot{Deps: deps, admins: map[int64]bool{}}
	for _, id := range deps.Admins {
		b.admins[id] = true
	}
	b.routes = b.routeTable()
	b.buttons = b.buttonTable()
	return b
}

// name is what the bot calls itself: its Telegram name, as members see it
// in their chat list.
func (b *Bot) name(l i18n.Lang) string {
	if b.BotName != "" {
		return esc(b.BotName)
	}
	return l.T(txtDefaultBotName)
}

func (b *Bot) logger() *slog.Logger {
	if b.Log == nil {
		return slog.Default()
	}
	return b.Log
}

// IsAdmin reports whether userID is one of the Secretariat's administrators.
func (b *Bot) IsAdmin(userID int64) bool { return b.admins[userID] }

// RoleOf resolves a user's role from the admin list and their member record.
func (b *Bot) RoleOf(userID int64, m *storage.Member) Role {
	switch {
	case b.admins[userID]:
		return Admin
	case m != nil:
		return MemberRole
	}
	return Stranger
}

// today is the current day in the configured zone.
func (b *Bot) today() storage.Date { return storage.DateOf(b.Now().In(b.Location)) }

// reply sends text to the request's chat, as a reply to the command in groups.
func (b *Bot) reply(ctx context.Context, r *Request, text string, buttons ...[]Button) error {
	m := Message{ChatID: r.Chat.ID, Text: text, Buttons: buttons, ThreadID: r.ThreadID}
	if !r.Chat.Private && r.Callback == nil {
		m.ReplyTo = r.MessageID
	}
	return b.Sender.Send(ctx, m)
}

// notice is a message to someone else than the one who acted, composed in
// its recipient's language (issue 13): its text and buttons.
type notice func(l i18n.Lang) (text string, buttons [][]Button)

// textNotice is a notice without buttons.
func textNotice(text func(l i18n.Lang) string) notice {
	return func(l i18n.Lang) (string, [][]Button) { return text(l), nil }
}

// notifyAdmins sends n to every administrator's private chat. A failure to
// reach one administrator does not stop the others; the first error is returned.
func (b *Bot) notifyAdmins(ctx context.Context, n notice) error {
	var first error
	for _, id := range b.Admins {
		text, buttons := n(b.langOf(ctx, id))
		if err := b.Sender.Send(ctx, Message{ChatID: id, Text: text, Buttons: buttons}); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// background runs job through Deps.Background, or at once without one.
func (b *Bot) background(ctx context.Context, job func(context.Context) error) {
	if b.Background == nil {
		_ = job(ctx)
		return
	}
	b.Background(job)
}

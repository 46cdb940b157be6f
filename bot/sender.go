package bot

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/ots-customs/wgbot/handlers"
)

// maxText is Telegram's limit on a message text. We count bytes of the HTML,
// which is never less than what Telegram counts, so a part never overflows.
const maxText = 4096

// sender is the one way out of the bot: it delivers handlers.Messages through
// the Telegram client in HTML parse mode, within Telegram's rate limits.
type sender struct {
	tg       *tgbot.Bot
	limit    *limiter
	maxWait  time.Duration // longest retry_after it will wait before giving up
	attempts int
	sleep    func(ctx context.Context, d time.Duration) error
}

var _ handlers.Sender = (*sender)(nil)

func newSender(tg *tgbot.Bot, now func() time.Time, sleep func(context.Context, time.Duration) error, perSecond int) *sender {
	return &sender{tg: tg, limit: newLimiter(now, sleep, perSecond), maxWait: 60 * time.Second, attempts: 4, sleep: sleep}
}

// Send sends or edits a reply, splitting a long text at line boundaries.
func (s *sender) Send(ctx context.Context, m handlers.Message) error {
	_, err := s.sendID(ctx, m, false)
	return err
}

// SendID is Send that also returns the id of the (last) message sent or
// edited, so that a handler can edit it later.
func (s *sender) SendID(ctx context.Context, m handlers.Message) (int, error) {
	return s.sendID(ctx, m, false)
}

var _ handlers.MessageIDSender = (*sender)(nil)

// SendBulk sends background messages one at a time, always taking next the
// chat that may receive soonest (the fullest one among equals), so that one
// busy group does not hold up the others, and never ahead of a waiting reply.
func (s *sender) SendBulk(ctx context.Context, msgs []handlers.Message, done func(int, error)) {
	queues := map[int64][]int{}
	var order []int64
	for i, m := range msgs {
		if _, ok := queues[m.ChatID]; !ok {
			order = append(order, m.ChatID)
		}
		queues[m.ChatID] = append(queues[m.ChatID], i)
	}
	for len(queues) > 0 && ctx.Err() == nil {
		var best int64
		var bestAt time.Time
		now := s.limit.now()
		for _, chat := range order {
			if _, ok := queues[chat]; !ok {
				continue
			}
			// Earliest first; among equals the longest queue, so that no chat is
			// left with a tail of messages a second apart at the end.
			at := s.limit.readyAt(chat, true, now)
			if bestAt.IsZero() || at.Before(bestAt) || (at.Equal(bestAt) && len(queues[chat]) > len(queues[best])) {
				best, bestAt = chat, at
			}
		}
		i := queues[best][0]
		if rest := queues[best][1:]; len(rest) > 0 {
			queues[best] = rest
		} else {
			delete(queues, best)
		}
		done(i, s.send(ctx, msgs[i], true))
	}
}

func (s *sender) send(ctx context.Context, m handlers.Message, background bool) error {
	_, err := s.sendID(ctx, m, background)
	return err
}

func (s *sender) sendID(ctx context.Context, m handlers.Message, background bool) (int, error) {
	parts := splitText(m.Text, maxText)
	last := 0
	for i, part := range parts {
		var markup models.ReplyMarkup
		if i == len(parts)-1 && len(m.Buttons) > 0 {
			markup = keyboard(m.Buttons)
		} else if i == len(parts)-1 && m.Keyboard != nil && m.Edit == 0 {
			markup = replyKeyboard(m.Keyboard)
		}
		if err := s.limit.wait(ctx, m.ChatID, background); err != nil {
			return last, err
		}
		var err error
		if m.Edit != 0 && i == 0 {
			last = m.Edit
			err = s.retry(ctx, func() error {
				_, err := s.tg.EditMessageText(ctx, &tgbot.EditMessageTextParams{ChatID: chatParam(m.ChatID),
					MessageID: m.Edit, Text: part, ParseMode: models.ParseModeHTML, ReplyMarkup: markup,
					LinkPreviewOptions: noPreview(part)})
				return err
			})
			if err != nil && strings.Contains(err.Error(), "message is not modified") {
				err = nil // the user pressed the button of what they already see
			}
		} else {
			params := &tgbot.SendMessageParams{ChatID: chatParam(m.ChatID), Text: part, MessageThreadID: m.ThreadID,
				ParseMode: models.ParseModeHTML, ReplyMarkup: markup, LinkPreviewOptions: noPreview(part)}
			if m.ReplyTo != 0 && i == 0 {
				params.ReplyParameters = &models.ReplyParameters{MessageID: m.ReplyTo, AllowSendingWithoutReply: true}
			}
			err = s.retry(ctx, func() error {
				msg, err := s.tg.SendMessage(ctx, params)
				if err == nil && msg != nil {
					last = msg.ID
				}
				return err
			})
		}
		if err != nil {
			return last, classify(m.ChatID, err)
		}
	}
	return last, nil
}

// classify maps Telegram's answers to what the handlers act on: a chat the
// bot may no longer write to, or a group that became a supergroup.
func classify(chatID int64, err error) error {
	var migrate *tgbot.MigrateError
	switch {
	case errors.As(err, &migrate):
		return &handlers.ChatMigratedError{NewChatID: int64(migrate.MigrateToChatID)}
	case errors.Is(err, tgbot.ErrorForbidden):
		return fmt.Errorf("send to chat %d: %w: %w", chatID, handlers.ErrChatGone, err)
	case errors.Is(err, tgbot.ErrorBadRequest) && strings.Contains(err.Error(), "chat not found"):
		return fmt.Errorf("send to chat %d: %w: %w", chatID, handlers.ErrChatGone, err)
	}
	return fmt.Errorf("send to chat %d: %w", chatID, err)
}

// SendDocument uploads a file to a chat, with an HTML caption. A retry
// uploads it anew (the reader is made for each attempt).
func (s *sender) SendDocument(ctx context.Context, chatID int64, name string, data []byte, caption string) error {
	if err := s.limit.wait(ctx, chatID, false); err != nil {
		return err
	}
	err := s.retry(ctx, func() error {
		_, err := s.tg.SendDocument(ctx, &tgbot.SendDocumentParams{ChatID: chatID, Caption: caption,
			ParseMode: models.ParseModeHTML,
			Document:  &models.InputFileUpload{Filename: name, Data: strings.NewReader(string(data))}})
		return err
	})
	if err != nil {
		return classify(chatID, err)
	}
	return nil
}

// SendFileID sends a file Telegram already holds (a member's upload) by its
// id, with an HTML caption: nothing is downloaded or uploaded again.
func (s *sender) SendFileID(ctx context.Context, chatID int64, fileID, caption string) error {
	if err := s.limit.wait(ctx, chatID, false); err != nil {
		return err
	}
	err := s.retry(ctx, func() error {
		_, err := s.tg.SendDocument(ctx, &tgbot.SendDocumentParams{ChatID: chatID, Caption: caption,
			ParseMode: models.ParseModeHTML, Document: &models.InputFileString{Data: fileID}})
		return err
	})
	if err != nil {
		return classify(chatID, err)
	}
	return nil
}

var _ handlers.FileIDSender = (*sender)(nil)

// AnswerCallback sets the answer to a button press; an empty text just stops
// the spinner. For the button being handled under ctx the answer is held
// back, and answerCallbacks gives it once the handler returned.
func (s *sender) AnswerCallback(ctx context.Context, id, text string, alert bool) error {
	if cb := pendingCallback(ctx); cb != nil && cb.ID == id {
		cb.Answer = handlers.Answer{Text: text, Alert: alert}
		return nil
	}
	return s.answerNow(ctx, id, text, alert)
}

// answerNow answers a button press at once. Answers are not messages and do
// not count against the limits.
func (s *sender) answerNow(ctx context.Context, id, text string, alert bool) error {
	return s.retry(ctx, func() error {
		_, err := s.tg.AnswerCallbackQuery(ctx, &tgbot.AnswerCallbackQueryParams{
			CallbackQueryID: id, Text: text, ShowAlert: alert})
		return err
	})
}

// retry runs call again after a 429 (waiting its retry_after) or a server or
// network error (with a short backoff). Other errors are final.
func (s *sender) retry(ctx context.Context, call func() error) error {
	backoff := 500 * time.Millisecond
	var err error
	for attempt := 1; ; attempt++ {
		err = call()
		if err == nil || attempt >= s.attempts || ctx.Err() != nil {
			return err
		}
		var tooMany *tgbot.TooManyRequestsError
		switch {
		case errors.As(err, &tooMany):
			wait := time.Duration(tooMany.RetryAfter) * time.Second
			if wait > s.maxWait {
				return err
			}
			if e := s.sleep(ctx, wait); e != nil {
				return err
			}
		case transient(err):
			if e := s.sleep(ctx, backoff); e != nil {
				return err
			}
			backoff *= 4
		default:
			return err
		}
	}
}

// transient reports errors worth a retry: Telegram's 5xx and network failures.
func transient(err error) bool {
	for _, final := range []error{tgbot.ErrorForbidden, tgbot.ErrorBadRequest, tgbot.ErrorUnauthorized,
		tgbot.ErrorNotFound, tgbot.ErrorConflict, context.Canceled, context.DeadlineExceeded} {
		if errors.Is(err, final) {
			return false
		}
	}
	var migrate *tgbot.MigrateError
	return !errors.As(err, &migrate)
}

func sleepCtx(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// chatParam is a chat id as the library's form sends it: a string goes as
// it is, an int64 through encoding/json (the same digits, at more cost).
func chatParam(id int64) string { return strconv.FormatInt(id, 10) }

// noPreview turns link previews off for a text that may hold a link, and
// is nil for one that cannot: Telegram previews only a link, and the option
// is a part of its own in every form the library sends.
func noPreview(text string) *models.LinkPreviewOptions {
	if !mayHoldLink(text) {
		return nil
	}
	return &models.LinkPreviewOptions{IsDisabled: tgbot.True()}
}

// mayHoldLink reports whether Telegram could find a link in text: a scheme
// ("https://", "tg://") or a dot with a letter or digit after it, as in a
// domain ("t.me", "example.org", "пример.рф", an address in an <a href>).
// It errs towards yes: a sentence like "No.5" only costs the option. It
// reads the HTML as written: a dot written as an entity (&#46;) would slip
// by, and no template writes one (escaping user text never does).
func mayHoldLink(text string) bool {
	if strings.Contains(text, "://") {
		return true
	}
	for i := strings.IndexByte(text, '.'); i >= 0 && i+1 < len(text); {
		c := text[i+1]
		if c >= utf8.RuneSelf || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' {
			return true
		}
		next := strings.IndexByte(text[i+1:], '.')
		if next < 0 {
			break
		}
		i += 1 + next
	}
	return false
}

func keyboard(rows [][]handlers.Button) models.ReplyMarkup { return inlineKeyboardJSON(rows) }

// replyKeyboard is the keyboard under the typing field, one button a row.
func replyKeyboard(k *handlers.ReplyKeyboard) models.ReplyMarkup {
	if k.Remove {
		return &models.ReplyKeyboardRemove{RemoveKeyboard: true}
	}
	kb := &models.ReplyKeyboardMarkup{ResizeKeyboard: true, OneTimeKeyboard: true}
	if k.SharePhone != "" {
		kb.Keyboard = append(kb.Keyboard, []models.KeyboardButton{{Text: k.SharePhone, RequestContact: true}})
	}
	for _, t := range k.Texts {
		kb.Keyboard = append(kb.Keyboard, []models.KeyboardButton{{Text: t}})
	}
	return kb
}

// splitText cuts s into parts of at most limit bytes, at line ends where it
// can. Our texts keep every HTML tag within one line, so parts stay valid HTML.
// A single longer line is cut at a rune boundary outside a tag or entity; the
// tags open at the cut ("<i>" around a long task text) are closed at the end
// of the part and opened again at the start of the next, so that each part
// is valid HTML on its own.
func splitText(s string, limit int) []string {
	if len(s) <= limit {
		return []string{s}
	}
	var parts []string
	var cur strings.Builder
	flush := func() {
		if t := strings.TrimRight(cur.String(), "\n"); t != "" {
			parts = append(parts, t)
		}
		cur.Reset()
	}
	for _, line := range strings.SplitAfter(s, "\n") {
		for len(line) > limit {
			flush()
			cut, open := cutBalanced(line, limit)
			parts = append(parts, line[:cut]+closeTags(open))
			line = strings.Join(open, "") + line[cut:]
		}
		if cur.Len()+len(line) > limit {
			flush()
		}
		cur.WriteString(line)
	}
	flush()
	return parts
}

// safeCut finds a cut point of at most limit bytes that is not inside a rune,
// an HTML tag or an entity.
func safeCut(line string, limit int) int {
	cut := limit
	for cut > 0 && !utf8.RuneStart(line[cut]) {
		cut--
	}
	if i := strings.LastIndexAny(line[:cut], "<&"); i >= 0 {
		if j := strings.IndexAny(line[i:cut], ">;"); j < 0 {
			cut = i // the tag or entity straddles the cut
		}
	}
	if cut == 0 {
		cut = limit
	}
	return cut
}

// cutBalanced is safeCut leaving room for the end tags of the tags still open
// at the cut, which it returns (their start tags, outermost first). It does not
// cut right after a start tag, which would leave an empty element behind.
func cutBalanced(line string, limit int) (int, []string) {
	reserve := 0
	for {
		cut := safeCut(line, limit-reserve)
		open, last := openTags(line[:cut])
		for last >= 0 && last+len(open[len(open)-1]) == cut && cut > 0 {
			// The part would end with a start tag: cut before it instead.
			cut = last
			open, last = openTags(line[:cut])
		}
		if cut == 0 { // nothing fits before the first tag: keep the old behaviour
			return safeCut(line, limit), nil
		}
		if n := len(closeTags(open)); n > reserve {
			reserve = n
			continue
		}
		// End tags right after the cut fit in the room kept for them: take
		// them into this part rather than leave an empty element to the next.
		for len(open) > 0 && strings.HasPrefix(line[cut:], "</") {
			cut += strings.IndexByte(line[cut:], '>') + 1
			open = open[:len(open)-1]
		}
		return cut, open
	}
}

// openTags lists the start tags of s not closed within s, outermost first,
// and the offset of the last of them (-1 when none). Our texts are escaped,
// so every "<" in them starts a tag.
func openTags(s string) (open []string, last int) {
	var at []int
	for i := 0; i < len(s); {
		j := strings.IndexByte(s[i:], '<')
		if j < 0 {
			break
		}
		i += j
		end := strings.IndexByte(s[i:], '>')
		if end < 0 {
			break
		}
		tag := s[i : i+end+1]
		if strings.HasPrefix(tag, "</") {
			if len(open) > 0 {
				open, at = open[:len(open)-1], at[:len(at)-1]
			}
		} else {
			open, at = append(open, tag), append(at, i)
		}
		i += end + 1
	}
	if len(at) == 0 {
		return open, -1
	}
	return open, at[len(at)-1]
}

// closeTags is the end tags of open, innermost first.
func closeTags(open []string) string {
	var sb strings.Builder
	for i := len(open) - 1; i >= 0; i-- {
		name := strings.TrimSuffix(strings.TrimPrefix(open[i], "<"), ">")
		if k := strings.IndexAny(name, " \t\n"); k >= 0 {
			name = name[:k]
		}
		sb.WriteString("</" + name + ">")
	}
	return sb.String()
}

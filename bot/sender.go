package bot

import (
	"context"
	"errors"
	"fmt"
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

// sender delivers handlers.Messages through the Telegram client in HTML parse mode.
type sender struct {
	tg       *tgbot.Bot
	maxWait  time.Duration // longest retry_after it will wait before giving up
	attempts int
	sleep    func(ctx context.Context, d time.Duration) error
}

var _ handlers.Sender = (*sender)(nil)

func newSender(tg *tgbot.Bot) *sender {
	return &sender{tg: tg, maxWait: 30 * time.Second, attempts: 3, sleep: sleepCtx}
}

// Send sends or edits m, splitting a long text at line boundaries.
func (s *sender) Send(ctx context.Context, m handlers.Message) error {
	parts := splitText(m.Text, maxText)
	for i, part := range parts {
		var markup models.ReplyMarkup
		if i == len(parts)-1 && len(m.Buttons) > 0 {
			markup = keyboard(m.Buttons)
		}
		var err error
		if m.Edit != 0 && i == 0 {
			err = s.retry(ctx, func() error {
				_, err := s.tg.EditMessageText(ctx, &tgbot.EditMessageTextParams{ChatID: m.ChatID,
					MessageID: m.Edit, Text: part, ParseMode: models.ParseModeHTML, ReplyMarkup: markup,
					LinkPreviewOptions: noPreview()})
				return err
			})
			if err != nil && strings.Contains(err.Error(), "message is not modified") {
				err = nil // the user pressed the button of what they already see
			}
		} else {
			params := &tgbot.SendMessageParams{ChatID: m.ChatID, Text: part,
				ParseMode: models.ParseModeHTML, ReplyMarkup: markup, LinkPreviewOptions: noPreview()}
			if m.ReplyTo != 0 && i == 0 {
				params.ReplyParameters = &models.ReplyParameters{MessageID: m.ReplyTo, AllowSendingWithoutReply: true}
			}
			err = s.retry(ctx, func() error {
				_, err := s.tg.SendMessage(ctx, params)
				return err
			})
		}
		if err != nil {
			return fmt.Errorf("send to chat %d: %w", m.ChatID, err)
		}
	}
	return nil
}

// AnswerCallback answers a button press; an empty text just stops the spinner.
func (s *sender) AnswerCallback(ctx context.Context, id, text string, alert bool) error {
	return s.retry(ctx, func() error {
		_, err := s.tg.AnswerCallbackQuery(ctx, &tgbot.AnswerCallbackQueryParams{
			CallbackQueryID: id, Text: text, ShowAlert: alert})
		return err
	})
}

// retry runs call again after a 429 (waiting its retry_after) or a server or
// network error (with a short backoff). Other errors are final.
func (s *sender) retry(ctx context.Context, call func() error) error {
	backoff := 200 * time.Millisecond
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

func noPreview() *models.LinkPreviewOptions {
	return &models.LinkPreviewOptions{IsDisabled: tgbot.True()}
}

func keyboard(rows [][]handlers.Button) *models.InlineKeyboardMarkup {
	kb := &models.InlineKeyboardMarkup{InlineKeyboard: make([][]models.InlineKeyboardButton, len(rows))}
	for i, row := range rows {
		for _, b := range row {
			kb.InlineKeyboard[i] = append(kb.InlineKeyboard[i], models.InlineKeyboardButton{
				Text: b.Text, CallbackData: b.Data, URL: b.URL})
		}
	}
	return kb
}

// splitText cuts s into parts of at most limit bytes, at line ends where it
// can. Our texts keep every HTML tag within one line, so parts stay valid HTML.
// A single longer line is cut at a rune boundary outside a tag or entity.
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
			cut := safeCut(line, limit)
			parts = append(parts, line[:cut])
			line = line[cut:]
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

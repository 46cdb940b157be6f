package bot

import (
	"context"
	"time"

	tgbot "github.com/go-telegram/bot"
	"github.com/go-telegram/bot/models"

	"github.com/ots-customs/wgbot/storage"
)

// boardDelay is how long the board loop waits after a change before it edits
// the boards: a burst of submissions becomes one edit per board, well within
// Telegram's limits on edits in a group.
const boardDelay = 3 * time.Second

// boardWatch is the store the handlers use: every write to the tasks passes
// through it, whichever handler (submission, confirm, undo, /addtask,
// /edittask, /deltask, an import) made it, and wakes the board loop.
type boardWatch struct {
	storage.Store
	kick func()
}

func (w boardWatch) AddTask(ctx context.Context, t storage.Task) (storage.Task, error) {
	t, err := w.Store.AddTask(ctx, t)
	w.kick()
	return t, err
}

func (w boardWatch) UpdateTask(ctx context.Context, id int64, change func(*storage.Task) error) (storage.Task, error) {
	t, err := w.Store.UpdateTask(ctx, id, change)
	w.kick()
	return t, err
}

func (w boardWatch) DeleteTask(ctx context.Context, id int64) (bool, error) {
	ok, err := w.Store.DeleteTask(ctx, id)
	w.kick()
	return ok, err
}

// UpdateChatSettings wakes the loop too: a group's new language redraws its
// board (issue 13).
func (w boardWatch) UpdateChatSettings(ctx context.Context, chatID int64, change func(*storage.Settings)) (storage.Settings, error) {
	s, err := w.Store.UpdateChatSettings(ctx, chatID, change)
	w.kick()
	return s, err
}

// kickBoards asks the board loop for a refresh; kicks while one is pending
// are one kick.
func (b *Bot) kickBoards() {
	select {
	case b.boardKick <- struct{}{}:
	default:
	}
}

// boardLoop keeps the boards current until ctx ends. At start it brings
// every stored board up to date (changes made while the bot was down); then,
// after each change, it waits boardDelay, so that the changes that follow
// within it are shown by the same edit.
func (b *Bot) boardLoop(ctx context.Context) {
	after := b.cfg.BoardAfter
	if after == nil {
		after = time.After
	}
	b.refreshBoards(ctx)
	for {
		select {
		case <-ctx.Done():
			return
		case <-b.boardKick:
		}
		select {
		case <-ctx.Done():
			return
		case <-after(boardDelay):
		}
		select { // the kicks of the wait are served by this refresh
		case <-b.boardKick:
		default:
		}
		b.refreshBoards(ctx)
	}
}

func (b *Bot) refreshBoards(ctx context.Context) {
	n, err := b.h.RefreshBoards(ctx)
	if err != nil {
		b.log.Warn("could not update a status board; the next change retries", "err", redactErr(err, b.cfg.Token))
	}
	if n > 0 {
		b.log.Info("status boards updated", "count", n)
	}
}

// Pin pins a message in a chat, without a notification to its members.
func (s *sender) Pin(ctx context.Context, chatID int64, messageID int) error {
	if err := s.limit.wait(ctx, chatID, true); err != nil {
		return err
	}
	_, err := s.tg.PinChatMessage(ctx, &tgbot.PinChatMessageParams{ChatID: chatID, MessageID: messageID, DisableNotification: true})
	if err != nil {
		return classify(chatID, err)
	}
	return nil
}

// IsChatAdmin asks Telegram whether a user administers a group (its creator
// or an administrator), for /language in a group.
func (s *sender) IsChatAdmin(ctx context.Context, chatID, userID int64) (bool, error) {
	m, err := s.tg.GetChatMember(ctx, &tgbot.GetChatMemberParams{ChatID: chatID, UserID: userID})
	if err != nil {
		return false, classify(chatID, err)
	}
	return m.Type == models.ChatMemberTypeOwner || m.Type == models.ChatMemberTypeAdministrator, nil
}

// Unpin unpins one message of a chat.
func (s *sender) Unpin(ctx context.Context, chatID int64, messageID int) error {
	if err := s.limit.wait(ctx, chatID, true); err != nil {
		return err
	}
	_, err := s.tg.UnpinChatMessage(ctx, &tgbot.UnpinChatMessageParams{ChatID: chatID, MessageID: messageID})
	if err != nil {
		return classify(chatID, err)
	}
	return nil
}

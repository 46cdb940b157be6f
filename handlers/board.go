package handlers

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"strconv"
	"strings"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// The live status board (issue 15): one pinned message in a group that shows
// every open task with a mark per Party, edited in place when tasks change.
// The handlers render and post it; the bot's board loop calls RefreshBoards
// after a burst of changes, so edits are coalesced there.

// Pinner is a Sender that can pin and unpin messages. The bot's sender is one.
type Pinner interface {
	Pin(ctx context.Context, chatID int64, messageID int) error
	Unpin(ctx context.Context, chatID int64, messageID int) error
}

// boardMaxText keeps the board in one Telegram message (4096 characters),
// with room for the closing lines.
const boardMaxText = 3800

// boardTitleLen is how much of a task's title a compact row shows.
const boardTitleLen = 48

// boardText renders the board: open tasks soonest deadline first, one row
// each, and a legend.
func (b *Bot) boardText(ctx context.Context, l i18n.Lang) (string, error) {
	tasks, err := b.Store.Tasks(ctx)
	if err != nil {
		return "", err
	}
	storage.SortByDeadline(tasks)
	today := b.today()
	var sb strings.Builder
	sb.WriteString(l.T(txtBoardTitle, longDate(l, today)) + "\n")
	open, shown := 0, 0
	for i := range tasks {
		t := &tasks[i]
		if boardSettled(t) {
			continue
		}
		open++
		row := boardRow(l, t, today)
		if sb.Len()+len(row) > boardMaxText {
			continue
		}
		shown++
		sb.WriteString(row)
	}
	switch {
	case open == 0:
		sb.WriteString(l.T(txtBoardNone) + "\n")
	case shown < open:
		sb.WriteString(l.T(txtBoardMore, open-shown) + "\n")
	}
	sb.WriteString("\n" + l.T(txtBoardLegend))
	return sb.String(), nil
}

// boardSettled reports whether the Secretariat confirmed every Party's part:
// such a task leaves the board.
func boardSettled(t *storage.Task) bool {
	for _, p := range t.Parties {
		if t.StatusOf(p).State != storage.StateConfirmed {
			return false
		}
	}
	return len(t.Parties) > 0
}

// boardRow is one task: "#12 · 1 March 2024" then the marks of its Parties
// and the start of its title.
func boardRow(l i18n.Lang, t *storage.Task, today storage.Date) string {
	overdue := !t.Deadline.IsZero() && today.DaysUntil(t.Deadline.Due) < 0
	var marks []string
	for _, p := range t.Parties {
		marks = append(marks, string(p)+boardMark(t.StatusOf(p).State, overdue))
	}
	due := l.T(txtBoardNoDate)
	if !t.Deadline.IsZero() {
		due = deadlineText(l, t.Deadline) // as the minutes wrote it: "in February 2024"
	}
	return "<b>#" + strconv.FormatInt(t.ID, 10) + "</b> · " + esc(due) + " · " + esc(shorten(t.Title, boardTitleLen)) +
		"\n" + strings.Join(marks, " ") + "\n"
}

func boardMark(s storage.State, overdue bool) string {
	switch {
	case s == storage.StateConfirmed:
		return "✅"
	case s == storage.StateSubmitted:
		return "📨"
	case overdue:
		return "🔴"
	}
	return "⚪"
}

// boardDigest identifies a board's text, so an unchanged text is not re-sent.
func boardDigest(text string) string {
	sum := sha256.Sum256([]byte(text))
	return hex.EncodeToString(sum[:8])
}

// boardCmd posts the board in a group, pins it and remembers it; a board
// posted before in the same chat is unpinned and forgotten.
func (b *Bot) boardCmd(ctx context.Context, r *Request) error {
	if r.Chat.Private {
		return b.reply(ctx, r, r.Lang.T(txtBoardGroupOnly))
	}
	if !r.GroupEnabled {
		return b.reply(ctx, r, r.Lang.T(txtBoardNotEnabled))
	}
	if old, err := b.Store.Board(ctx, r.Chat.ID); err == nil {
		b.unpin(ctx, old)
		if _, err := b.Store.DeleteBoard(ctx, r.Chat.ID); err != nil {
			return err
		}
	} else if !errors.Is(err, storage.ErrNotFound) {
		return err
	}
	bd, pinned, err := b.postBoard(ctx, r.Lang, storage.Board{ChatID: r.Chat.ID, ThreadID: r.ThreadID, By: r.User.ID})
	if err != nil {
		return err
	}
	if err := b.Store.PutBoard(ctx, bd); err != nil {
		return err
	}
	if !pinned {
		return b.reply(ctx, r, r.Lang.T(txtBoardNoPin))
	}
	return nil
}

// postBoard sends a new board message where bd says and pins it; pinned is
// false when the bot may not pin (the board is kept all the same).
func (b *Bot) postBoard(ctx context.Context, l i18n.Lang, bd storage.Board) (storage.Board, bool, error) {
	text, err := b.boardText(ctx, l)
	if err != nil {
		return bd, false, err
	}
	id, err := b.sendID(ctx, Message{ChatID: bd.ChatID, ThreadID: bd.ThreadID, Text: text})
	if err != nil {
		return bd, false, err
	}
	bd.MessageID, bd.Shown, bd.EditedAt, bd.Dirty = id, boardDigest(text), b.Now(), false
	pinned := false
	if p, ok := b.Sender.(Pinner); ok && id != 0 {
		if err := p.Pin(ctx, bd.ChatID, id); err != nil {
			b.logger().Info("could not pin the board", "chat", bd.ChatID, "err", err)
		} else {
			pinned = true
		}
	}
	return bd, pinned, nil
}

func (b *Bot) unpin(ctx context.Context, bd storage.Board) {
	if p, ok := b.Sender.(Pinner); ok && bd.MessageID != 0 {
		_ = p.Unpin(ctx, bd.ChatID, bd.MessageID) // best effort: it may be gone already
	}
}

// RefreshBoards brings every board up to date: a board whose text changed is
// edited in place, one whose message was deleted is posted anew and pinned,
// one in a chat the bot left is forgotten. It returns how many messages it
// edited or posted; one board failing does not stop the others.
func (b *Bot) RefreshBoards(ctx context.Context) (int, error) {
	boards, err := b.Store.Boards(ctx)
	if err != nil || len(boards) == 0 {
		return 0, err
	}
	texts := map[i18n.Lang]string{} // each group's board in its language (issue 13)
	n := 0
	var first error
	for _, bd := range boards {
		l := b.langOf(ctx, bd.ChatID)
		text, ok := texts[l]
		if !ok {
			if text, err = b.boardText(ctx, l); err != nil {
				return n, err
			}
			texts[l] = text
		}
		digest := boardDigest(text)
		if bd.Shown == digest && bd.MessageID != 0 {
			continue
		}
		err := b.Sender.Send(ctx, Message{ChatID: bd.ChatID, Edit: bd.MessageID, Text: text})
		switch {
		case err == nil:
			bd.Shown, bd.EditedAt, bd.Dirty = digest, b.Now(), false
		case errors.Is(err, ErrChatGone):
			_, err = b.Store.DeleteBoard(ctx, bd.ChatID)
			if err != nil && first == nil {
				first = err
			}
			continue
		case boardGone(err):
			bd, _, err = b.postBoard(ctx, l, bd)
			if err != nil {
				if first == nil {
					first = err
				}
				continue
			}
		default:
			if first == nil {
				first = err
			}
			continue
		}
		n++
		if err := b.Store.PutBoard(ctx, bd); err != nil && first == nil {
			first = err
		}
	}
	return n, first
}

// boardGone reports whether Telegram says the board message no longer exists
// (someone deleted it).
func boardGone(err error) bool {
	s := err.Error()
	return strings.Contains(s, "message to edit not found") || strings.Contains(s, "MESSAGE_ID_INVALID")
}

package bot

import (
	"context"
	"encoding/json"
	"slices"
	"sync"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/ots-customs/wgbot/handlers"
	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// maxUnkeptTold bounds the ids remembered as told; past it the oldest half
// is forgotten (an outage long enough to fill it repeats a note at worst).
const maxUnkeptTold = 4096

// unkeptNotes remembers which updates' senders were told that the store is
// down, so that the library's retries of the same batch tell them once.
type unkeptNotes struct {
	mu   sync.Mutex
	told map[int64]bool
}

// tellUnkept answers, once each, the private messages and button presses of
// a batch the inbox could not keep: nothing is silent in a private chat.
// Telegram sends the batch again until the inbox keeps it, and then it is
// answered in full; groups are not told, as in every storage failure.
func (b *Bot) tellUnkept(ctx context.Context, raws []json.RawMessage) {
	for _, raw := range raws {
		var upd models.Update
		if json.Unmarshal(raw, &upd) != nil || !b.unkept.first(upd.ID) {
			continue
		}
		// The store holds their choice of language and does not answer: the
		// language of their Telegram is the best guess (issue 13).
		var from *models.User
		switch {
		case upd.Message != nil:
			from = upd.Message.From
		case upd.CallbackQuery != nil:
			from = &upd.CallbackQuery.From
		}
		l := i18n.English
		if from != nil {
			if p, ok := i18n.Parse(from.LanguageCode); ok {
				l = p
			}
		}
		text := handlers.ReplyForError(l, storage.ErrUnavailable)
		sendCtx, cancel := context.WithTimeout(ctx, 5*time.Second)
		var err error
		switch {
		case upd.Message != nil && upd.Message.Chat.Type == models.ChatTypePrivate:
			err = b.send.Send(sendCtx, handlers.Message{ChatID: upd.Message.Chat.ID, Text: text})
		case upd.CallbackQuery != nil:
			err = b.send.AnswerCallback(sendCtx, upd.CallbackQuery.ID, text, true)
		}
		cancel()
		if err != nil {
			b.log.Warn("could not tell a user that the store is down", "update", upd.ID, "err", redactErr(err, b.cfg.Token))
		}
	}
}

// first reports whether id was not told before, and records it.
func (n *unkeptNotes) first(id int64) bool {
	n.mu.Lock()
	defer n.mu.Unlock()
	if n.told == nil {
		n.told = map[int64]bool{}
	}
	if n.told[id] {
		return false
	}
	if len(n.told) >= maxUnkeptTold {
		n.forgetOldest()
	}
	n.told[id] = true
	return true
}

// forgetOldest drops the lower half of the ids: update ids only grow.
func (n *unkeptNotes) forgetOldest() {
	ids := make([]int64, 0, len(n.told))
	for id := range n.told {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids[:len(ids)/2] {
		delete(n.told, id)
	}
}

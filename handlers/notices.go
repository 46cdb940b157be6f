package handlers

import (
	"context"
	"strconv"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// Notices that wait for a decision (an access request, a nomination, a
// submission) go to every administrator; each copy is remembered under the
// key of its subject, so that when one administrator decides, every copy is
// edited to say so and none still offers buttons that no longer apply.

func accessKey(userID int64) string { return "acc:" + strconv.FormatInt(userID, 10) }
func contactKey(cid int64) string   { return "ctc:" + strconv.FormatInt(cid, 10) }
func submissionKey(task int64, p storage.Party) string {
	return "sub:" + strconv.FormatInt(task, 10) + ":" + string(p)
}

// notifyAdminsKeyed is notifyAdmins for a notice that waits for a decision:
// each copy is remembered under key. A failure to reach one administrator
// does not stop the others; the first error is returned.
func (b *Bot) notifyAdminsKeyed(ctx context.Context, key string, n notice) error {
	var first error
	for _, id := range b.Admins {
		text, buttons := n(b.langOf(ctx, id))
		if err := b.sendNotice(ctx, key, Message{ChatID: id, Text: text, Buttons: buttons}); err != nil && first == nil {
			first = err
		}
	}
	return first
}

// sendNotice sends one copy of a notice and remembers it under key.
func (b *Bot) sendNotice(ctx context.Context, key string, m Message) error {
	msgID, err := b.sendID(ctx, m)
	if err != nil || msgID == 0 {
		return err
	}
	return b.Store.AddNotice(ctx, key, storage.NoticeCopy{ChatID: m.ChatID, MessageID: msgID})
}

// decidedEverywhere edits every copy of the notice key, but the one under
// the pressed button (the caller edits that), to text in the language of
// the copy's reader, without buttons. A copy that can no longer be edited
// (deleted, too old) is left as it is.
func (b *Bot) decidedEverywhere(ctx context.Context, r *Request, key string, text func(l i18n.Lang) string) error {
	copies, err := b.Store.Notices(ctx, key)
	if err != nil {
		return err
	}
	for _, c := range copies {
		if r.Callback != nil && c.ChatID == r.Chat.ID && c.MessageID == r.Callback.MessageID {
			continue
		}
		_ = b.Sender.Send(ctx, Message{ChatID: c.ChatID, Edit: c.MessageID, Text: text(b.langOf(ctx, c.ChatID))}) // best effort
	}
	return nil
}

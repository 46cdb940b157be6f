package handlers

import (
	"github.com/ots-customs/wgbot/handlers/i18n"
	"net/url"
	"strconv"
)

// TaskStartPrefix starts the /start payload that opens a task in a private
// chat: t.me/<bot>?start=task_12 (the /start handler reads it).
const TaskStartPrefix = "task_"

// TaskLink is the deep link that opens task id in a private chat with the
// bot, or "" when the bot's username is unknown.
func (b *Bot) TaskLink(id int64) string {
	if b.BotUsername == "" {
		return ""
	}
	return "https://t.me/" + url.PathEscape(b.BotUsername) + "?start=" + TaskStartPrefix + strconv.FormatInt(id, 10)
}

// openTaskButton opens a task from an alert. In a group it is a link to a
// private chat with the bot, where the member can act on the task (mark it
// done) without the group seeing; in a private chat it shows the task in place.
func (b *Bot) openTaskButton(l i18n.Lang, chatID, taskID int64) Button {
	if link := b.TaskLink(taskID); chatID < 0 && link != "" {
		return Button{Text: l.T(txtBtnOpenPrivately), URL: link}
	}
	return Button{Text: l.T(txtBtnOpenTask), Data: "task:" + strconv.FormatInt(taskID, 10)}
}

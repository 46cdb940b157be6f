package telegramtest

import "github.com/go-telegram/bot/models"

// Forum topics, pinned messages and messages deleted by people (issue 15).

func init() {
	handlers["pinChatMessage"] = pinChatMessage
	handlers["unpinChatMessage"] = unpinChatMessage
}

// Forum returns a supergroup with topics; its id is a supergroup's.
func Forum(id int64, title string) Chat { return Chat{ID: id, Type: "supergroup", Title: title} }

// SendTopicText pushes a text message sent in forum topic threadID (as
// Telegram marks it: message_thread_id and is_topic_message) and returns its update_id.
func (s *Server) SendTopicText(chat Chat, from User, threadID int, text string) int64 {
	msg := s.userMessage(chat, from)
	msg.Text = text
	msg.MessageThreadID = threadID
	msg.IsTopicMessage = true
	if cmd := leadingCommand(text); cmd != "" {
		msg.Entities = []models.MessageEntity{{Type: models.MessageEntityTypeBotCommand, Offset: 0, Length: utf16Len(cmd)}}
	}
	return s.SendUpdate(models.Update{Message: msg})
}

// DeleteByUser deletes a message as a person in the chat would: later
// edits of it fail with "message to edit not found".
func (s *Server) DeleteByUser(chatID int64, messageID int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.messages, msgKey{chatID, messageID})
	delete(s.pinned, chatID)
}

// Pinned returns the id of the message pinned in a chat (0 for none).
func (s *Server) Pinned(chatID int64) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.pinned[chatID]
}

func pinChatMessage(s *Server, r *request) (any, *apiError) {
	id := int(r.num("message_id"))
	if s.messages[msgKey{r.chatID, id}] == nil {
		return nil, badRequest("message to pin not found")
	}
	if s.pinned == nil {
		s.pinned = map[int64]int{}
	}
	s.pinned[r.chatID] = id
	s.record(s.newSent(r))
	return true, nil
}

// unpinChatMessage unpins the message given, or the pinned one when none is.
func unpinChatMessage(s *Server, r *request) (any, *apiError) {
	id := int(r.num("message_id"))
	if id == 0 || s.pinned[r.chatID] == id {
		delete(s.pinned, r.chatID)
	}
	s.record(s.newSent(r))
	return true, nil
}

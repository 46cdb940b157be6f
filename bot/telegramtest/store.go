package telegramtest

import (
	"github.com/go-telegram/bot/models"
)

type msgKey struct {
	chat int64
	id   int
}

// storedMessage is a message the server knows about, for edits, deletes and
// callback queries.
type storedMessage struct {
	msg       models.Message
	rawText   string // text as sent, before parse_mode processing
	parseMode string
	markup    string // normalized inline keyboard JSON, "" if none
	fromBot   bool
}

// chatModel returns the known chat or one inferred from the ID's sign and
// range; callers hold s.mu.
func (s *Server) chatModel(id int64) models.Chat {
	if c, ok := s.chats[id]; ok {
		return c.model()
	}
	switch {
	case id > 0:
		return models.Chat{ID: id, Type: models.ChatTypePrivate}
	case id < -1_000_000_000_000:
		return models.Chat{ID: id, Type: models.ChatTypeSupergroup}
	default:
		return models.Chat{ID: id, Type: models.ChatTypeGroup}
	}
}

// rememberMessage stores a message pushed in an update; callers hold s.mu.
func (s *Server) rememberMessage(m *models.Message, fromBot bool) {
	if _, ok := s.chats[m.Chat.ID]; !ok && m.Chat.ID != 0 {
		title := m.Chat.Title
		if title == "" {
			title = m.Chat.FirstName
		}
		s.chats[m.Chat.ID] = Chat{ID: m.Chat.ID, Type: string(m.Chat.Type), Title: title}
	}
	s.messages[msgKey{m.Chat.ID, m.ID}] = &storedMessage{msg: *m, rawText: m.Text, fromBot: fromBot}
}

// botMessage creates a new message the bot sends to r's chat and sets
// sent.MessageID; callers hold s.mu, fill in the content and call storeBot.
func (s *Server) botMessage(r *request, sent *Sent) *models.Message {
	s.nextMessageID++
	sent.MessageID = s.nextMessageID
	msg := &models.Message{
		ID:          s.nextMessageID,
		From:        botUser(),
		Date:        int(s.now().Unix()),
		Chat:        s.chatModel(r.chatID),
		ReplyMarkup: sent.ReplyMarkup,
	}
	if sent.ReplyToMessageID != 0 {
		if orig := s.messages[msgKey{r.chatID, sent.ReplyToMessageID}]; orig != nil {
			cp := orig.msg
			msg.ReplyToMessage = &cp
		}
	}
	return msg
}

// storeBot remembers a message the bot sent; callers hold s.mu.
func (s *Server) storeBot(r *request, msg *models.Message) {
	s.messages[msgKey{r.chatID, msg.ID}] = &storedMessage{
		msg:       *msg,
		rawText:   r.str("text"),
		parseMode: r.str("parse_mode"),
		markup:    normalizeMarkup(r.str("reply_markup")),
		fromBot:   true,
	}
}

// editable finds the bot message an edit targets; callers hold s.mu.
func (s *Server) editable(r *request) (*storedMessage, *apiError) {
	st := s.messages[msgKey{r.chatID, int(r.num("message_id"))}]
	if st == nil {
		return nil, badRequest("message to edit not found")
	}
	if !st.fromBot {
		return nil, badRequest("message can't be edited")
	}
	return st, nil
}

func (s *Server) addFile(content []byte, name, mimeType string) *storedFile {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.addFileLocked(content, name, mimeType)
}

package telegramtest

import (
	"encoding/json"
	"fmt"
	"mime"
	"net/http"
	"path"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"
)

// User is a Telegram user that sends updates to the bot.
type User struct {
	ID                                          int64
	FirstName, LastName, Username, LanguageCode string
}

// Chat is a chat an update comes from.
type Chat struct {
	ID    int64
	Type  string // "private", "group" or "supergroup"
	Title string
}

// Private returns the private chat with u (chat ID = user ID).
func Private(u User) Chat { return Chat{ID: u.ID, Type: "private", Title: u.FirstName} }

// Group returns a group chat; Telegram group IDs are negative.
func Group(id int64, title string) Chat { return Chat{ID: id, Type: "group", Title: title} }

func (u User) model() *models.User {
	return &models.User{ID: u.ID, FirstName: u.FirstName, LastName: u.LastName, Username: u.Username, LanguageCode: u.LanguageCode}
}

func (c Chat) model() models.Chat {
	mc := models.Chat{ID: c.ID, Type: models.ChatType(c.Type)}
	if c.Type == "private" {
		mc.FirstName = c.Title
	} else {
		mc.Title = c.Title
	}
	return mc
}

type pendingUpdate struct {
	id  int64
	raw json.RawMessage
}

// SendText pushes a text message from a user and returns its update_id.
// A leading "/command" gets a bot_command entity (UTF-16 offsets).
func (s *Server) SendText(chat Chat, from User, text string) int64 {
	msg := s.userMessage(chat, from)
	msg.Text = text
	if cmd := leadingCommand(text); cmd != "" {
		msg.Entities = []models.MessageEntity{{Type: models.MessageEntityTypeBotCommand, Offset: 0, Length: utf16Len(cmd)}}
	}
	return s.SendUpdate(models.Update{Message: msg})
}

// SendContact pushes a shared contact card (what "Share contact" and a
// request_contact button send) and returns its update_id. userID is the
// contact's Telegram user id, 0 for a card from the address book.
func (s *Server) SendContact(chat Chat, from User, phone, firstName string, userID int64) int64 {
	msg := s.userMessage(chat, from)
	msg.Contact = &models.Contact{PhoneNumber: phone, FirstName: firstName, UserID: userID}
	return s.SendUpdate(models.Update{Message: msg})
}

// SendCallback pushes a callback_query for button data pressed under message
// messageID and returns its update_id. The query id is accepted by
// answerCallbackQuery.
func (s *Server) SendCallback(chat Chat, from User, messageID int, data string) int64 {
	s.mu.Lock()
	s.nextCallbackID++
	id := fmt.Sprintf("cbq-%d", s.nextCallbackID)
	msg := &models.Message{ID: messageID, Chat: s.chatModel(chat.ID), From: botUser(), Date: int(s.now().Unix())}
	if m := s.messages[msgKey{chat.ID, messageID}]; m != nil {
		cp := m.msg
		msg = &cp
	}
	s.mu.Unlock()
	return s.SendUpdate(models.Update{CallbackQuery: &models.CallbackQuery{
		ID:           id,
		From:         *from.model(),
		Message:      models.MaybeInaccessibleMessage{Type: models.MaybeInaccessibleMessageTypeMessage, Message: msg},
		ChatInstance: strconv.FormatInt(chat.ID, 10),
		Data:         data,
	}})
}

// SendDocument pushes a message with a document; the content is registered
// as a file that getFile and the file download URL serve.
func (s *Server) SendDocument(chat Chat, from User, name, mime string, content []byte, caption string) int64 {
	f := s.addFile(content, name, mime)
	msg := s.userMessage(chat, from)
	msg.Caption = caption
	msg.Document = &models.Document{FileID: f.id, FileUniqueID: f.uniqueID, FileName: name, MimeType: mime, FileSize: int64(len(content))}
	return s.SendUpdate(models.Update{Message: msg})
}

// SendUpdate pushes a raw update; the server sets update_id and returns it.
// Message chats and callback query ids are remembered for later calls.
func (s *Server) SendUpdate(u models.Update) int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextUpdateID++
	u.ID = s.nextUpdateID
	for _, m := range []*models.Message{u.Message, u.EditedMessage, u.ChannelPost} {
		if m != nil {
			s.rememberMessage(m, false)
		}
	}
	if u.CallbackQuery != nil && u.CallbackQuery.ID != "" {
		s.queries[u.CallbackQuery.ID] = true
	}
	raw, err := json.Marshal(&u)
	if err != nil {
		panic(fmt.Sprintf("telegramtest: marshal update: %v", err))
	}
	s.updates = append(s.updates, pendingUpdate{id: u.ID, raw: raw})
	s.broadcast()
	return u.ID
}

// AddFile registers content under a new file_id and returns it.
func (s *Server) AddFile(content []byte, name string) (fileID string) {
	return s.addFile(content, name, "").id
}

func (s *Server) userMessage(chat Chat, from User) *models.Message {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.chats[chat.ID] = chat
	s.nextMessageID++
	return &models.Message{ID: s.nextMessageID, From: from.model(), Chat: chat.model(), Date: int(s.now().Unix())}
}

func leadingCommand(text string) string {
	if !strings.HasPrefix(text, "/") || len(text) < 2 {
		return ""
	}
	end := strings.IndexAny(text, " \t\n")
	if end < 0 {
		end = len(text)
	}
	return text[:end]
}

// getUpdates implements long polling; it runs without s.mu held.
func (s *Server) getUpdates(r *request) (any, *apiError) {
	offset := r.num("offset")
	limit := int(r.num("limit"))
	if limit <= 0 || limit > 100 {
		limit = 100
	}
	wait := min(time.Duration(r.num("timeout"))*time.Second, maxPollWait)
	timer := time.NewTimer(wait)
	defer timer.Stop()
	for {
		s.mu.Lock()
		if s.webhook != "" {
			s.mu.Unlock()
			return nil, &apiError{code: http.StatusConflict, description: "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first"}
		}
		s.confirm(offset)
		batch := []json.RawMessage{}
		for _, u := range s.updates {
			if len(batch) == limit {
				break
			}
			if offset <= 0 || u.id >= offset {
				batch = append(batch, u.raw)
			}
		}
		changed := s.changed
		s.mu.Unlock()
		if len(batch) > 0 || wait <= 0 {
			return batch, nil
		}
		select {
		case <-changed:
		case <-timer.C:
			return []json.RawMessage{}, nil
		case <-s.done:
			return []json.RawMessage{}, nil
		case <-r.ctx.Done():
			return nil, errCanceled
		}
	}
}

// confirm forgets updates below offset, like Telegram; callers hold s.mu.
func (s *Server) confirm(offset int64) {
	if offset <= 0 {
		return
	}
	kept := s.updates[:0]
	for _, u := range s.updates {
		if u.id >= offset {
			kept = append(kept, u)
		}
	}
	s.updates = kept
	if offset-1 > s.confirmed {
		s.confirmed = offset - 1
		s.broadcast()
	}
}

// WaitHandled blocks until the bot confirmed updateID, i.e. a getUpdates
// with offset > updateID arrived. go-telegram/bot confirms an update once it
// has been queued for its workers, so the handler may still be running;
// use WaitMessages to wait for the bot's reaction.
func (s *Server) WaitHandled(t testing.TB, updateID int64) {
	t.Helper()
	ok := s.waitFor(func() bool { return s.confirmed >= updateID })
	if !ok {
		s.mu.Lock()
		defer s.mu.Unlock()
		t.Fatalf("telegramtest: update %d not confirmed after %v (confirmed up to %d)", updateID, s.cfg.waitTimeout, s.confirmed)
	}
}

// waitFor waits until cond (evaluated under s.mu) holds or the wait timeout
// passes; it reports whether cond held.
func (s *Server) waitFor(cond func() bool) bool {
	timer := time.NewTimer(s.cfg.waitTimeout)
	defer timer.Stop()
	for {
		s.mu.Lock()
		ok := cond()
		changed := s.changed
		s.mu.Unlock()
		if ok {
			return true
		}
		select {
		case <-changed:
		case <-timer.C:
			return false
		}
	}
}

type storedFile struct {
	id, uniqueID, path, name, mime string
	data                           []byte
}

// addFileLocked registers a file; callers hold s.mu.
func (s *Server) addFileLocked(content []byte, name, mimeType string) *storedFile {
	if mimeType == "" {
		mimeType = mime.TypeByExtension(path.Ext(name))
	}
	s.nextFileID++
	n := s.nextFileID
	f := &storedFile{
		id:       fmt.Sprintf("FILE-%d", n),
		uniqueID: fmt.Sprintf("UNIQ-%d", n),
		path:     fmt.Sprintf("documents/file_%d%s", n, path.Ext(name)),
		name:     name,
		mime:     mimeType,
		data:     append([]byte(nil), content...),
	}
	s.files[f.id] = f
	s.filePaths[f.path] = f
	return f
}

func (f *storedFile) model() *models.File {
	return &models.File{FileID: f.id, FileUniqueID: f.uniqueID, FileSize: int64(len(f.data)), FilePath: f.path}
}

// serveFile answers GET /file/bot{token}/{file_path}.
func (s *Server) serveFile(w http.ResponseWriter, rest string) {
	token, filePath, _ := strings.Cut(rest, "/")
	if token != s.cfg.token {
		writeError(w, &apiError{code: http.StatusUnauthorized, description: "Unauthorized"})
		return
	}
	s.mu.Lock()
	f := s.filePaths[filePath]
	s.mu.Unlock()
	if f == nil {
		writeError(w, &apiError{code: http.StatusNotFound, description: "Not Found"})
		return
	}
	w.Header().Set("Content-Type", "application/octet-stream")
	w.Header().Set("Content-Length", strconv.Itoa(len(f.data)))
	_, _ = w.Write(f.data)
}

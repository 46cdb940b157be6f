package telegramtest

import (
	"encoding/json"
	"regexp"
	"strings"

	"github.com/go-telegram/bot/models"
)

type handlerFunc func(s *Server, r *request) (any, *apiError)

// handlers maps Bot API methods to implementations, which run with s.mu
// held. getUpdates is special-cased by serveHTTP because it blocks.
var handlers = map[string]handlerFunc{
	"getUpdates":             nil,
	"getMe":                  getMe,
	"setWebhook":             setWebhook,
	"deleteWebhook":          deleteWebhook,
	"getWebhookInfo":         getWebhookInfo,
	"setMyCommands":          setMyCommands,
	"getMyCommands":          getMyCommands,
	"setMyDescription":       setMyDescription,
	"getMyDescription":       getMyDescription,
	"setMyShortDescription":  setMyShortDescription,
	"getMyShortDescription":  getMyShortDescription,
	"deleteMyCommands":       deleteMyCommands,
	"sendMessage":            sendMessage,
	"sendDocument":           sendDocument,
	"editMessageText":        editMessageText,
	"editMessageReplyMarkup": editMessageReplyMarkup,
	"deleteMessage":          deleteMessage,
	"answerCallbackQuery":    answerCallbackQuery,
	"getFile":                getFile,
	"sendChatAction":         sendChatAction,
	"getChat":                getChat,
	"getChatMember":          getChatMember,
	"leaveChat":              leaveChat,
}

func getMe(*Server, *request) (any, *apiError) {
	u := botUser()
	u.CanJoinGroups = true
	return u, nil
}

func setWebhook(s *Server, r *request) (any, *apiError) {
	s.webhook = r.str("url")
	s.record(s.newSent(r))
	return true, nil
}

func deleteWebhook(s *Server, r *request) (any, *apiError) {
	s.webhook = ""
	if r.flag("drop_pending_updates") {
		s.updates = nil
	}
	s.record(s.newSent(r))
	return true, nil
}

func getWebhookInfo(s *Server, _ *request) (any, *apiError) {
	return models.WebhookInfo{URL: s.webhook, PendingUpdateCount: len(s.updates)}, nil
}

var commandRE = regexp.MustCompile(`^[a-z0-9_]{1,32}$`)

func setMyCommands(s *Server, r *request) (any, *apiError) {
	var cmds []models.BotCommand
	if err := json.Unmarshal([]byte(r.str("commands")), &cmds); err != nil {
		return nil, badRequest("can't parse commands JSON object")
	}
	for _, c := range cmds {
		if !commandRE.MatchString(c.Command) {
			return nil, badRequest("BOT_COMMAND_INVALID")
		}
		if n := utf16Len(c.Description); n == 0 || n > 256 {
			return nil, badRequest("BOT_COMMAND_DESCRIPTION_INVALID")
		}
	}
	s.commands = cmds
	if s.scoped == nil {
		s.scoped = map[string][]models.BotCommand{}
	}
	s.scoped[scopeKey(r)] = cmds
	s.record(s.newSent(r))
	return true, nil
}

// getMyCommands returns the commands last set for the request's scope.
func getMyCommands(s *Server, r *request) (any, *apiError) {
	cmds := s.scoped[scopeKey(r)]
	if cmds == nil {
		cmds = []models.BotCommand{}
	}
	return cmds, nil
}

// scopeKey names a command scope by its JSON and language_code, the same
// for set and get: "" is the default scope for every language.
func scopeKey(r *request) string {
	var scope map[string]any
	if json.Unmarshal([]byte(r.str("scope")), &scope) != nil || scope["type"] == "default" {
		scope = nil
	}
	key := ""
	if scope != nil {
		b, _ := json.Marshal(scope) // map keys sorted: one spelling per scope
		key = string(b)
	}
	if code := r.str("language_code"); code != "" {
		key += "@" + code
	}
	return key
}

// setMyDescription keeps the description of a language_code ("" for all);
// Telegram allows 0-512 characters.
func setMyDescription(s *Server, r *request) (any, *apiError) {
	return s.setProfileText(r, "description", 512)
}

func getMyDescription(s *Server, r *request) (any, *apiError) {
	return models.BotDescription{Description: s.profile["description@"+r.str("language_code")]}, nil
}

// setMyShortDescription is setMyDescription for the short one (0-120).
func setMyShortDescription(s *Server, r *request) (any, *apiError) {
	return s.setProfileText(r, "short_description", 120)
}

func getMyShortDescription(s *Server, r *request) (any, *apiError) {
	return models.BotShortDescription{ShortDescription: s.profile["short_description@"+r.str("language_code")]}, nil
}

func (s *Server) setProfileText(r *request, field string, limit int) (any, *apiError) {
	text := r.str(field)
	if utf16Len(text) > limit {
		return nil, badRequest(strings.ToUpper(field) + "_INVALID")
	}
	if s.profile == nil {
		s.profile = map[string]string{}
	}
	s.profile[field+"@"+r.str("language_code")] = text
	s.record(s.newSent(r))
	return true, nil
}

func deleteMyCommands(s *Server, r *request) (any, *apiError) {
	s.commands = nil
	s.record(s.newSent(r))
	return true, nil
}

func sendMessage(s *Server, r *request) (any, *apiError) {
	if !r.hasChatID {
		return nil, badRequest("chat_id is empty")
	}
	plain, e := checkText(r.str("text"), r.str("parse_mode"), 4096, "message text is empty", "message is too long")
	if e == nil {
		e = checkMarkup(r.str("reply_markup"))
	}
	if e == nil {
		e = s.checkRate(r.chatID)
	}
	if e != nil {
		return nil, e
	}
	m := s.newSent(r)
	msg := s.botMessage(r, &m)
	msg.Text = plain
	s.storeBot(r, msg)
	s.record(m)
	return echoOf(msg, r.str("reply_markup")), nil
}

func sendDocument(s *Server, r *request) (any, *apiError) {
	if !r.hasChatID {
		return nil, badRequest("chat_id is empty")
	}
	caption, e := checkText(r.str("caption"), r.str("parse_mode"), 1024, "", "message caption is too long")
	if e == nil {
		e = checkMarkup(r.str("reply_markup"))
	}
	if e != nil {
		return nil, e
	}
	up, uploaded := r.files["document"]
	f := s.files[r.str("document")]
	switch {
	case !uploaded && r.str("document") == "":
		return nil, badRequest("there is no document in the request")
	case !uploaded && f == nil:
		return nil, badRequest("wrong file identifier/HTTP URL specified")
	}
	if e := s.checkRate(r.chatID); e != nil {
		return nil, e
	}
	if uploaded {
		f = s.addFileLocked(up.data, up.name, "")
	}
	m := s.newSent(r)
	m.DocumentName, m.Document = f.name, f.data
	msg := s.botMessage(r, &m)
	msg.Caption = caption
	msg.Document = &models.Document{FileID: f.id, FileUniqueID: f.uniqueID, FileName: f.name, MimeType: f.mime, FileSize: int64(len(f.data))}
	s.storeBot(r, msg)
	s.record(m)
	return echoOf(msg, r.str("reply_markup")), nil
}

func editMessageText(s *Server, r *request) (any, *apiError) {
	text, pm, markup := r.str("text"), r.str("parse_mode"), r.str("reply_markup")
	plain, e := checkText(text, pm, 4096, "message text is empty", "message is too long")
	if e == nil {
		e = checkMarkup(markup)
	}
	if e != nil {
		return nil, e
	}
	if r.str("inline_message_id") != "" {
		s.record(s.newSent(r))
		return true, nil
	}
	st, e := s.editable(r)
	if e != nil {
		return nil, e
	}
	norm := normalizeMarkup(markup)
	if st.rawText == text && st.parseMode == pm && st.markup == norm {
		return nil, notModified
	}
	st.rawText, st.parseMode, st.markup = text, pm, norm
	st.msg.Text, st.msg.ReplyMarkup = plain, decodeInlineKeyboard(markup)
	st.msg.EditDate = int(s.now().Unix())
	s.record(s.newSent(r))
	cp := st.msg // the answer is written after the lock is let go
	return echoOf(&cp, markup), nil
}

func editMessageReplyMarkup(s *Server, r *request) (any, *apiError) {
	markup := r.str("reply_markup")
	if e := checkMarkup(markup); e != nil {
		return nil, e
	}
	if r.str("inline_message_id") != "" {
		s.record(s.newSent(r))
		return true, nil
	}
	st, e := s.editable(r)
	if e != nil {
		return nil, e
	}
	norm := normalizeMarkup(markup)
	if st.markup == norm {
		return nil, notModified
	}
	st.markup, st.msg.ReplyMarkup = norm, decodeInlineKeyboard(markup)
	st.msg.EditDate = int(s.now().Unix())
	s.record(s.newSent(r))
	cp := st.msg // the answer is written after the lock is let go
	return echoOf(&cp, markup), nil
}

var notModified = badRequest("message is not modified: specified new message content and reply markup of the message are exactly the same as a current content and reply markup of the message")

func deleteMessage(s *Server, r *request) (any, *apiError) {
	k := msgKey{r.chatID, int(r.num("message_id"))}
	if s.messages[k] == nil {
		return nil, badRequest("message to delete not found")
	}
	delete(s.messages, k)
	s.record(s.newSent(r))
	return true, nil
}

func answerCallbackQuery(s *Server, r *request) (any, *apiError) {
	id := r.str("callback_query_id")
	if !s.queries[id] {
		return nil, badRequest("query is too old and response timeout expired or query ID is invalid")
	}
	delete(s.queries, id) // a query can be answered once
	s.record(s.newSent(r))
	return true, nil
}

func getFile(s *Server, r *request) (any, *apiError) {
	f := s.files[r.str("file_id")]
	if f == nil {
		return nil, badRequest("invalid file_id")
	}
	return f.model(), nil
}

func sendChatAction(s *Server, r *request) (any, *apiError) {
	if !r.hasChatID {
		return nil, badRequest("chat_id is empty")
	}
	if r.str("action") == "" {
		return nil, badRequest("action is empty")
	}
	s.record(s.newSent(r))
	return true, nil
}

func getChat(s *Server, r *request) (any, *apiError) {
	if !r.hasChatID {
		return nil, badRequest("chat_id is empty")
	}
	c := s.chatModel(r.chatID)
	return models.ChatFullInfo{ID: c.ID, Type: c.Type, Title: c.Title, FirstName: c.FirstName}, nil
}

func getChatMember(s *Server, r *request) (any, *apiError) {
	uid := r.num("user_id")
	if uid == 0 {
		return nil, badRequest("PARTICIPANT_ID_INVALID")
	}
	status := "member"
	if st, ok := s.memberStatus[[2]int64{r.chatID, uid}]; ok {
		status = st
	}
	return map[string]any{"status": status, "user": models.User{ID: uid, IsBot: uid == botID, FirstName: "User"}}, nil
}

func leaveChat(s *Server, r *request) (any, *apiError) {
	s.record(s.newSent(r))
	return true, nil
}

// checkText validates a text or caption and returns its visible form.
func checkText(text, parseMode string, limit int, emptyDesc, longDesc string) (string, *apiError) {
	plain, e := visibleText(text, parseMode)
	if e != nil {
		return "", e
	}
	if emptyDesc != "" && strings.TrimSpace(plain) == "" {
		return "", badRequest(emptyDesc)
	}
	if utf16Len(plain) > limit {
		return "", badRequest(longDesc)
	}
	return plain, nil
}

// checkMarkup validates an inline keyboard's callback_data sizes.
func checkMarkup(raw string) *apiError { return parseMarkup(raw).err }

func normalizeMarkup(raw string) string { return parseMarkup(raw).norm }

package telegramtest

import (
	"cmp"
	"encoding/json"
	"strings"
)

// The chat menu button (setChatMenuButton, getChatMenuButton), per chat and
// the default (issue 16: the Mini App's menu button).

func init() {
	handlers["setChatMenuButton"] = setChatMenuButton
	handlers["getChatMenuButton"] = getChatMenuButton
}

// MenuButton is a chat menu button as the bot set it.
type MenuButton struct {
	Type string // "default", "commands" or "web_app"
	Text string // web_app: the button's label
	URL  string // web_app: the app's address
}

// MenuButton returns the menu button the bot set for chatID (0: the
// default for private chats), with ok false when none was set.
func (s *Server) MenuButton(chatID int64) (b MenuButton, ok bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	b, ok = s.menus[chatID]
	return b, ok
}

func setChatMenuButton(s *Server, r *request) (any, *apiError) {
	b := MenuButton{Type: "default"}
	if raw := r.str("menu_button"); raw != "" {
		var v struct {
			Type   string `json:"type"`
			Text   string `json:"text"`
			WebApp struct {
				URL string `json:"url"`
			} `json:"web_app"`
		}
		if err := json.Unmarshal([]byte(raw), &v); err != nil {
			return nil, badRequest("can't parse menu button json object")
		}
		b = MenuButton{Type: v.Type, Text: v.Text, URL: v.WebApp.URL}
	}
	switch b.Type {
	case "default", "commands":
	case "web_app":
		if b.Text == "" || !strings.HasPrefix(b.URL, "https://") {
			return nil, badRequest("BUTTON_URL_INVALID")
		}
	default:
		return nil, badRequest("unsupported menu button type")
	}
	if s.menus == nil {
		s.menus = map[int64]MenuButton{}
	}
	s.menus[r.chatID] = b
	return true, nil
}

func getChatMenuButton(s *Server, r *request) (any, *apiError) {
	b, ok := s.menus[r.chatID]
	if !ok {
		b, ok = s.menus[0]
	}
	if !ok || b.Type != "web_app" {
		return map[string]string{"type": cmp.Or(b.Type, "default")}, nil
	}
	return map[string]any{"type": b.Type, "text": b.Text, "web_app": map[string]string{"url": b.URL}}, nil
}

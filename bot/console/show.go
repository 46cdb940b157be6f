package console

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/ots-customs/wgbot/bot/telegramtest"
)

func (c *Console) recordsSince(n int) []telegramtest.Sent {
	recs, _ := c.cfg.Server.SentSince(n)
	return recs
}

// follow shows what the bot does on its own (alerts, a summary written in
// the background) as it happens, also while a line is being typed.
func (c *Console) follow(ctx context.Context) {
	for {
		c.mu.Lock()
		_, changed := c.cfg.Server.SentSince(c.seen)
		c.mu.Unlock()
		select {
		case <-ctx.Done():
			return
		case <-changed:
		}
		c.flush()
	}
}

// flush shows every call of the bot not shown yet.
func (c *Console) flush() {
	c.mu.Lock()
	defer c.mu.Unlock()
	recs := c.recordsSince(c.seen)
	var out strings.Builder
	for _, r := range recs {
		c.show(&out, r)
	}
	c.seen += len(recs)
	if out.Len() == 0 {
		return
	}
	if c.prompt != "" { // a line is being typed: write above it, then give the prompt back
		fmt.Fprint(c.cfg.Out, "\r\x1b[K"+out.String()+c.prompt)
		return
	}
	fmt.Fprint(c.cfg.Out, out.String())
}

// show writes one call of the bot as a chat would show it; callers hold c.mu.
func (c *Console) show(out *strings.Builder, r telegramtest.Sent) {
	var label, body string
	switch r.Method {
	case "sendMessage":
		label, body = "bot", c.text(r)
	case "editMessageText":
		label, body = "bot (edits an earlier message)", c.text(r)
	case "editMessageReplyMarkup":
		label, body = "bot (changes the buttons of an earlier message)", ""
	case "sendDocument":
		label, body = "bot sends a file", c.saveFile(r)
		if r.Text != "" {
			body += "\n" + c.text(r)
		}
	case "answerCallbackQuery":
		if r.Text == "" {
			return // a silent answer: the client only stops its spinner
		}
		label, body = "bot (notice)", r.Text
		if r.Raw["show_alert"] == "true" {
			label = "bot (alert, with an OK button)"
		}
	case "deleteMessage":
		label = "bot (deletes an earlier message)"
	default:
		return // getMe, setMyCommands, sendChatAction...: nothing a user sees
	}
	if r.ChatID != c.chat.ID && r.ChatID != 0 {
		fmt.Fprintf(out, "-- to %s --\n", c.people.nameOf(r.ChatID))
	}
	lines := strings.Split(body, "\n")
	fmt.Fprintf(out, "%s: %s\n", label, lines[0])
	for _, l := range lines[1:] {
		if l == "" {
			out.WriteString("\n")
			continue
		}
		fmt.Fprintf(out, "  %s\n", l)
	}
	c.showButtons(out, r)
}

func (c *Console) text(r telegramtest.Sent) string {
	if strings.EqualFold(r.ParseMode, "HTML") {
		return render(r.Text, c.cfg.Color)
	}
	return r.Text
}

// showButtons numbers the buttons of r and remembers them as what a number
// presses in r's chat; callers hold c.mu.
func (c *Console) showButtons(out *strings.Builder, r telegramtest.Sent) {
	var rows [][]button
	if r.ReplyMarkup != nil {
		for _, row := range r.ReplyMarkup.InlineKeyboard {
			var bs []button
			for _, b := range row {
				bs = append(bs, button{text: b.Text, data: b.CallbackData, url: b.URL})
			}
			rows = append(rows, bs)
		}
	}
	var reply struct {
		Keyboard [][]struct {
			Text string `json:"text"`
		} `json:"keyboard"`
		Remove bool `json:"remove_keyboard"`
	}
	if raw := r.Raw["reply_markup"]; raw != "" && json.Unmarshal([]byte(raw), &reply) == nil {
		for _, row := range reply.Keyboard {
			var bs []button
			for _, b := range row {
				bs = append(bs, button{text: b.Text, reply: true})
			}
			rows = append(rows, bs)
		}
	}
	if len(rows) == 0 {
		// An edit without buttons takes them away from its message.
		if kb, ok := c.keyboards[r.ChatID]; ok && (kb.messageID == r.MessageID || reply.Remove) &&
			(r.Method == "editMessageText" || r.Method == "editMessageReplyMarkup" || reply.Remove) {
			delete(c.keyboards, r.ChatID)
			if r.Method == "editMessageReplyMarkup" || reply.Remove {
				out.WriteString("  (no buttons any more)\n")
			}
		}
		return
	}
	kb := keyboard{messageID: r.MessageID}
	for _, row := range rows {
		var cells []string
		for _, b := range row {
			kb.buttons = append(kb.buttons, b)
			cell := fmt.Sprintf("[%d] %s", len(kb.buttons), b.text)
			if b.url != "" {
				cell += " <" + b.url + ">"
			}
			cells = append(cells, cell)
		}
		prefix := "  "
		if row[0].reply {
			prefix = "  keyboard: "
		}
		out.WriteString(prefix + strings.Join(cells, "   ") + "\n")
	}
	c.keyboards[r.ChatID] = kb
}

// saveFile writes a file the bot sent into FilesDir, under its own name
// (numbered when the name is taken), and says where; callers hold c.mu.
func (c *Console) saveFile(r telegramtest.Sent) string {
	name := filepath.Base(r.DocumentName)
	if name == "." || name == "/" || name == "" {
		name = "file"
	}
	if err := os.MkdirAll(c.cfg.FilesDir, 0o700); err != nil {
		return fmt.Sprintf("%s (%d bytes), not saved: %v", name, len(r.Document), err)
	}
	ext := filepath.Ext(name)
	path := filepath.Join(c.cfg.FilesDir, name)
	for i := 2; ; i++ {
		f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
		if os.IsExist(err) {
			path = filepath.Join(c.cfg.FilesDir, fmt.Sprintf("%s-%d%s", strings.TrimSuffix(name, ext), i, ext))
			continue
		}
		if err == nil {
			_, err = f.Write(r.Document)
			if cerr := f.Close(); err == nil {
				err = cerr
			}
		}
		if err != nil {
			return fmt.Sprintf("%s (%d bytes), not saved: %v", name, len(r.Document), err)
		}
		return fmt.Sprintf("%s (%d bytes), saved as %s", name, len(r.Document), path)
	}
}

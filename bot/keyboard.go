package bot

import (
	"unicode/utf8"

	"github.com/ots-customs/wgbot/handlers"
)

// inlineKeyboardJSON is the buttons under a message, as the reply_markup
// JSON Telegram reads. The library marshals reply_markup by reflection over
// models.InlineKeyboardMarkup, which for a page of /deadlines was a tenth of
// the form it builds per reply, and adds an empty copy_text to every button;
// written here directly, a button carries only what it sets. It goes to the
// library as a string: its form sends a string field as it is, where any
// other value is passed through encoding/json once more.
func inlineKeyboardJSON(rows [][]handlers.Button) string {
	size := len(`{"inline_keyboard":[]}`)
	for _, row := range rows {
		for _, b := range row {
			size += len(b.Text) + len(b.Data) + len(b.URL) + len(b.WebApp) + 48 // names, quotes and a few escapes
		}
	}
	out := make([]byte, 0, size)
	out = append(out, `{"inline_keyboard":[`...)
	for i, row := range rows {
		if i > 0 {
			out = append(out, ',')
		}
		out = append(out, '[')
		for j, b := range row {
			if j > 0 {
				out = append(out, ',')
			}
			out = appendField(append(out, '{'), "text", b.Text)
			if b.URL != "" {
				out = appendField(append(out, ','), "url", b.URL)
			}
			if b.Data != "" {
				out = appendField(append(out, ','), "callback_data", b.Data)
			}
			if b.WebApp != "" { // the Mini App (issue 16)
				out = append(appendField(append(out, `,"web_app":{`...), "url", b.WebApp), '}')
			}
			out = append(out, '}')
		}
		out = append(out, ']')
	}
	return string(append(out, "]}"...))
}

func appendField(out []byte, name, value string) []byte {
	out = append(append(append(out, '"'), name...), `":`...)
	return appendJSONString(out, value)
}

// appendJSONString appends s as a JSON string, escaped as encoding/json
// escapes it (invalid UTF-8 becomes U+FFFD), so that Telegram reads the text
// the handlers wrote.
func appendJSONString(out []byte, s string) []byte {
	const hex = "0123456789abcdef"
	out = append(out, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c != '"' && c != '\\' && c < utf8.RuneSelf {
			i++
			continue
		}
		if c < utf8.RuneSelf {
			out = append(out, s[start:i]...)
			switch c {
			case '"', '\\':
				out = append(out, '\\', c)
			case '\n':
				out = append(out, '\\', 'n')
			case '\r':
				out = append(out, '\\', 'r')
			case '\t':
				out = append(out, '\\', 't')
			default:
				out = append(out, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			out = append(append(out, s[start:i]...), `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' { // as encoding/json: safe inside JavaScript too
			out = append(append(out, s[start:i]...), '\\', 'u', '2', '0', '2', hex[r&0xf])
			i += size
			start = i
			continue
		}
		i += size
	}
	return append(append(out, s[start:]...), '"')
}

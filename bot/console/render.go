package console

import (
	"html"
	"strings"
)

// ANSI styles of the tags of Telegram's HTML parse mode.
var ansiOf = map[string]string{
	"b": "1", "strong": "1", "i": "3", "em": "3", "u": "4", "ins": "4",
	"s": "9", "strike": "9", "del": "9", "code": "36", "pre": "36", "a": "4;34",
	"tg-spoiler": "2", "span": "2",
}

// render turns a message in Telegram's HTML parse mode into what a chat
// would show: tags become ANSI styles (ansi) or nothing, entities are
// decoded, a link shows its address after its text, a quote is indented.
// Text that is not valid HTML is shown as it is rather than lost.
func render(text string, ansi bool) string {
	var out strings.Builder
	var open []string // tag names, innermost last
	var hrefs []string
	restyle := func() {
		if !ansi {
			return
		}
		out.WriteString("\x1b[0m")
		for _, t := range open {
			if code := ansiOf[t]; code != "" {
				out.WriteString("\x1b[" + code + "m")
			}
		}
	}
	quoted := func() bool {
		for _, t := range open {
			if t == "blockquote" {
				return true
			}
		}
		return false
	}
	for len(text) > 0 {
		lt := strings.IndexByte(text, '<')
		if lt < 0 {
			lt = len(text)
		}
		chunk := html.UnescapeString(text[:lt])
		if quoted() {
			chunk = strings.ReplaceAll(chunk, "\n", "\n│ ")
		}
		out.WriteString(chunk)
		text = text[lt:]
		if text == "" {
			break
		}
		gt := strings.IndexByte(text, '>')
		if gt < 0 { // not a tag after all
			out.WriteString(text)
			break
		}
		tag := text[1:gt]
		text = text[gt+1:]
		if name, closing := strings.CutPrefix(tag, "/"); closing {
			name = strings.ToLower(strings.TrimSpace(name))
			for i := len(open) - 1; i >= 0; i-- {
				if open[i] != name {
					continue
				}
				open = append(open[:i], open[i+1:]...)
				restyle()
				if name == "a" && len(hrefs) > 0 {
					if h := hrefs[len(hrefs)-1]; h != "" {
						out.WriteString(" <" + h + ">")
					}
					hrefs = hrefs[:len(hrefs)-1]
				}
				break
			}
			continue
		}
		name, attrs, _ := strings.Cut(tag, " ")
		name = strings.ToLower(name)
		open = append(open, name)
		switch name {
		case "a":
			hrefs = append(hrefs, attr(attrs, "href"))
		case "blockquote":
			out.WriteString("│ ")
		}
		restyle()
	}
	if ansi && len(open) > 0 {
		out.WriteString("\x1b[0m")
	}
	return out.String()
}

// attr returns the value of key in an attribute list such as `href="x"`.
func attr(attrs, key string) string {
	for _, f := range strings.Fields(attrs) {
		k, v, ok := strings.Cut(f, "=")
		if ok && strings.EqualFold(k, key) {
			return html.UnescapeString(strings.Trim(v, `"'`))
		}
	}
	return ""
}

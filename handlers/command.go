package handlers

import (
	"strings"
	"unicode"
)

// maxCommandLen bounds what is taken as a command name; Telegram allows 32.
const maxCommandLen = 32

// ParseCommand reads "/cmd", "/cmd args" and "/cmd@BotName args" from the start
// of text. It parses the text itself rather than trusting entity offsets,
// which Telegram gives in UTF-16 units. forMe is false for a command addressed
// to another bot ("/start@OtherBot"); ok is false when text is not a command.
func ParseCommand(text, botUsername string) (cmd, args string, forMe, ok bool) {
	text = strings.TrimLeftFunc(text, unicode.IsSpace)
	if !strings.HasPrefix(text, "/") {
		return "", "", false, false
	}
	head, rest, _ := strings.Cut(text[1:], " ")
	if i := strings.IndexFunc(head, unicode.IsSpace); i >= 0 { // "/cmd\nargs"
		head, rest = head[:i], head[i+1:]+" "+rest
	}
	name, target, addressed := strings.Cut(head, "@")
	if name == "" || len(name) > maxCommandLen {
		return "", "", false, false
	}
	for _, r := range name {
		if !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
			return "", "", false, false
		}
	}
	forMe = !addressed || strings.EqualFold(target, botUsername)
	return strings.ToLower(name), strings.TrimSpace(rest), forMe, true
}

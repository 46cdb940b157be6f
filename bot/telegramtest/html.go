package telegramtest

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// supportedTags are the HTML tags Telegram's parse_mode=HTML accepts.
var supportedTags = map[string]bool{
	"b": true, "strong": true, "i": true, "em": true, "u": true, "ins": true,
	"s": true, "strike": true, "del": true, "a": true, "code": true, "pre": true,
	"tg-spoiler": true, "span": true, "blockquote": true, "tg-emoji": true,
}

var namedEntities = map[string]rune{"lt": '<', "gt": '>', "amp": '&', "quot": '"'}

// parseHTML checks text the way Telegram parses parse_mode=HTML and returns
// the visible text. Error messages follow Telegram's wording and use byte
// offsets.
func parseHTML(text string) (string, error) {
	var out strings.Builder
	out.Grow(len(text)) // the visible text is never longer
	var open []string
	for i := 0; i < len(text); {
		switch text[i] {
		case '&':
			r, n, ok := decodeEntity(text[i:])
			if !ok {
				return "", fmt.Errorf("Unsupported character entity at byte offset %d", i)
			}
			out.WriteRune(r)
			i += n
		case '<':
			end := strings.IndexByte(text[i:], '>')
			if end < 0 {
				if strings.HasPrefix(text[i:], "</") {
					return "", fmt.Errorf("Unclosed end tag at byte offset %d", i)
				}
				return "", fmt.Errorf("Unclosed start tag at byte offset %d", i)
			}
			inner := text[i+1 : i+end]
			if name, ok := strings.CutPrefix(inner, "/"); ok {
				name = strings.ToLower(strings.TrimSpace(name))
				if len(open) == 0 {
					return "", fmt.Errorf("Unexpected end tag at byte offset %d", i)
				}
				if top := open[len(open)-1]; name != top {
					return "", fmt.Errorf("Unmatched end tag at byte offset %d, expected \"</%s>\", found \"</%s>\"", i, top, name)
				}
				open = open[:len(open)-1]
			} else {
				name, err := checkStartTag(inner, i)
				if err != nil {
					return "", err
				}
				open = append(open, name)
			}
			i += end + 1
		default:
			out.WriteByte(text[i])
			i++
		}
	}
	if len(open) > 0 {
		return "", fmt.Errorf("Can't find end tag corresponding to start tag \"%s\"", open[len(open)-1])
	}
	return out.String(), nil
}

// checkStartTag validates the inside of "<...>" found at byte offset at and
// returns the lower-cased tag name.
func checkStartTag(inner string, at int) (string, error) {
	name, rest := inner, ""
	if k := strings.IndexAny(inner, " \t\r\n"); k >= 0 {
		name, rest = inner[:k], inner[k:]
	}
	name = strings.ToLower(name)
	if !supportedTags[name] {
		return "", fmt.Errorf("Unsupported start tag \"%s\" at byte offset %d", name, at)
	}
	attrs, err := parseAttributes(rest, name, at)
	if err != nil {
		return "", err
	}
	switch name {
	case "span":
		if attrs["class"] != "tg-spoiler" {
			return "", fmt.Errorf("Tag \"span\" must have class \"tg-spoiler\" at byte offset %d", at)
		}
	case "tg-emoji":
		if _, ok := attrs["emoji-id"]; !ok {
			return "", fmt.Errorf("Tag \"tg-emoji\" must have attribute \"emoji-id\" at byte offset %d", at)
		}
	}
	return name, nil
}

// parseAttributes parses `key="v" key='v' key=v key` lists.
func parseAttributes(s, tag string, at int) (map[string]string, error) {
	attrs := map[string]string{}
	for s = strings.TrimSpace(s); s != ""; s = strings.TrimSpace(s) {
		k := strings.IndexAny(s, "= \t\r\n")
		if k == 0 {
			return nil, fmt.Errorf("Empty attribute name in the tag \"%s\" at byte offset %d", tag, at)
		}
		if k < 0 || s[k] != '=' {
			if k < 0 {
				k = len(s)
			}
			attrs[strings.ToLower(s[:k])] = ""
			s = s[k:]
			continue
		}
		key := strings.ToLower(s[:k])
		s = s[k+1:]
		var val string
		if s != "" && (s[0] == '"' || s[0] == '\'') {
			end := strings.IndexByte(s[1:], s[0])
			if end < 0 {
				return nil, fmt.Errorf("Unclosed end of attribute value in the tag \"%s\" at byte offset %d", tag, at)
			}
			val, s = s[1:end+1], s[end+2:]
		} else {
			end := strings.IndexAny(s, " \t\r\n")
			if end < 0 {
				end = len(s)
			}
			val, s = s[:end], s[end:]
		}
		attrs[key] = val
	}
	return attrs, nil
}

// decodeEntity decodes the character entity at the start of s ("&lt;",
// "&#65;", "&#x41;") and returns the rune and its length in bytes.
func decodeEntity(s string) (rune, int, bool) {
	semi := strings.IndexByte(s, ';')
	if semi < 2 || semi > 10 {
		return 0, 0, false
	}
	body := s[1:semi]
	if r, ok := namedEntities[body]; ok {
		return r, semi + 1, true
	}
	if num, ok := strings.CutPrefix(body, "#"); ok {
		base := 10
		if hex, ok := strings.CutPrefix(strings.ToLower(num), "x"); ok {
			num, base = hex, 16
		}
		v, err := strconv.ParseUint(num, base, 32)
		if err == nil && v > 0 && utf8.ValidRune(rune(v)) {
			return rune(v), semi + 1, true
		}
	}
	return 0, 0, false
}

// utf16Len counts s in UTF-16 code units, the unit of Telegram lengths.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// visibleText validates text for parse_mode and returns what the user sees.
func visibleText(text, parseMode string) (string, *apiError) {
	if !strings.EqualFold(parseMode, "HTML") {
		return text, nil
	}
	if v, ok := htmlSeen.get(text); ok {
		return v.plain, v.err
	}
	v := parsedHTML{}
	plain, err := parseHTML(text)
	if err != nil {
		v.err = badRequest("can't parse entities: " + err.Error())
	} else {
		v.plain = plain
	}
	htmlSeen.put(text, v)
	return v.plain, v.err
}

type parsedHTML struct {
	plain string
	err   *apiError
}

// htmlSeen keeps the texts parsed lately: a benchmark sends the same page
// thousands of times, and parsing it each time was this server's cost, not
// the bot's.
var htmlSeen = &recent[parsedHTML]{}

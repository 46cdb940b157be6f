package telegramtest

import (
	"bytes"
	"encoding/json"

	"github.com/go-telegram/bot/models"
)

// parsedMarkup is a reply_markup field read once: benchmarks send the same
// keyboard thousands of times, and decoding it three times a request made
// this server, not the bot, the cost being measured.
type parsedMarkup struct {
	kb   *models.InlineKeyboardMarkup // nil unless an inline keyboard
	norm string                       // canonical JSON of kb, "" for none
	// echo is the keyboard as Telegram echoes it in the sent message: the
	// bot's own JSON, compacted. (Marshalling kb instead would add an empty
	// copy_text to every button, which Telegram never sends.)
	echo json.RawMessage
	err  *apiError // why Telegram would refuse it
}

var markups = &recent[parsedMarkup]{}

// parseMarkup decodes and validates raw, from the cache when it can. The
// keyboard it returns is shared: callers must not change it.
func parseMarkup(raw string) parsedMarkup {
	if raw == "" {
		return parsedMarkup{}
	}
	if p, ok := markups.get(raw); ok {
		return p
	}
	p := decodeMarkup(raw)
	markups.put(raw, p)
	return p
}

func decodeMarkup(raw string) parsedMarkup {
	var check struct {
		InlineKeyboard [][]struct {
			CallbackData string `json:"callback_data"`
		} `json:"inline_keyboard"`
	}
	if err := json.Unmarshal([]byte(raw), &check); err != nil {
		return parsedMarkup{err: badRequest("can't parse reply keyboard markup JSON object")}
	}
	var p parsedMarkup
	for _, row := range check.InlineKeyboard {
		for _, b := range row {
			if len(b.CallbackData) > 64 {
				p.err = badRequest("BUTTON_DATA_INVALID")
			}
		}
	}
	var kb models.InlineKeyboardMarkup
	if json.Unmarshal([]byte(raw), &kb) == nil && kb.InlineKeyboard != nil {
		p.kb = &kb
		if len(kb.InlineKeyboard) > 0 {
			b, _ := json.Marshal(&kb)
			p.norm = string(b)
			var echo bytes.Buffer
			if json.Compact(&echo, []byte(raw)) == nil {
				p.echo = echo.Bytes()
			}
		}
	}
	return p
}

// echoedMessage is a message as Telegram answers a send or an edit with it.
type echoedMessage struct {
	*models.Message
	ReplyMarkup json.RawMessage `json:"reply_markup,omitempty"` // wins over Message's
}

// echoOf is msg as the answer to a request whose reply_markup was raw.
func echoOf(msg *models.Message, raw string) any {
	p := parseMarkup(raw)
	if msg.ReplyMarkup == nil || p.echo == nil {
		return msg
	}
	return &echoedMessage{Message: msg, ReplyMarkup: p.echo}
}

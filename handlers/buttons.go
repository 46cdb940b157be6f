package handlers

import (
	"context"
	"strconv"
	"strings"
)

// Verb is what a button of the ask-then-confirm kind says: "prefix:ID" asks,
// "prefix:y:ID" does it, "prefix:n:ID" cancels (and for decisions, y and n
// are approve and reject).
type verb int

const (
	verbAsk verb = iota
	verbYes
	verbNo
)

// parseButton reads "prefix:ID", "prefix:y:ID" and "prefix:n:ID". ok is false
// for any other shape, so that a forged or mangled button is refused.
func parseButton(data string) (id string, v verb, ok bool) {
	parts := strings.Split(data, ":")
	switch {
	case len(parts) == 2 && parts[1] != "":
		return parts[1], verbAsk, true
	case len(parts) == 3 && parts[1] == "y" && parts[2] != "":
		return parts[2], verbYes, true
	case len(parts) == 3 && parts[1] == "n" && parts[2] != "":
		return parts[2], verbNo, true
	}
	return "", 0, false
}

// parseIDButton is parseButton for a positive numeric id.
func parseIDButton(data string) (id int64, v verb, ok bool) {
	s, v, ok := parseButton(data)
	if !ok {
		return 0, 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	return n, v, err == nil && n > 0
}

// cancelled replaces the question under a pressed Cancel button.
func (b *Bot) cancelled(ctx context.Context, r *Request) error {
	return b.Sender.Send(ctx, Message{ChatID: r.Chat.ID, Edit: r.Callback.MessageID, Text: txtCancelled})
}

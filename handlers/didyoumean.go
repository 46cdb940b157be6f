package handlers

import (
	"context"
	"strings"

	"github.com/ots-customs/wgbot/handlers/intent"
)

// nearestCommand is the command r's sender most likely meant by a mistyped
// one ("/deadline", "/dedlines", "/mytask"): the only command they may use
// here within two edits of it, or that it begins. ok is false when none or
// several are that close.
func (b *Bot) nearestCommand(r *Request) (string, bool) {
	return b.nearestName(r, r.Command)
}

// nearestName is nearestCommand for a name typed; an exact name is nearest.
func (b *Bot) nearestName(r *Request, typed string) (string, bool) {
	best, bestD, ties := "", 3, 0
	for _, route := range b.routes {
		if ok, _ := allowed(route.Access, r); !ok {
			continue
		}
		d := intent.Distance(typed, route.Name)
		if len(typed) >= 3 && strings.HasPrefix(route.Name, typed) {
			d = min(d, 1)
		}
		switch {
		case d < bestD:
			best, bestD, ties = route.Name, d, 0
		case d == bestD:
			ties++
		}
	}
	return best, best != "" && ties == 0
}

// commandButton runs the command a "Did you mean" button offers, as if typed
// (with the command's own access check).
func (b *Bot) commandButton(ctx context.Context, r *Request) (Answer, error) {
	name := strings.TrimPrefix(r.Callback.Data, "cmd:")
	for _, route := range b.routes {
		if route.Name == name {
			cmd := *r
			cmd.Callback, cmd.Command, cmd.Args = nil, name, ""
			return Answer{}, b.handleCommand(ctx, &cmd)
		}
	}
	return stale(r.Lang), nil
}

package handlers

import (
	"context"
	"strings"
)

// nearestCommand is the command r's sender most likely meant by a mistyped
// one ("/deadline", "/dedlines", "/mytask"): the only command they may use
// here within two edits of it, or that it begins. ok is false when none or
// several are that close.
func (b *Bot) nearestCommand(r *Request) (string, bool) {
	typed := r.Command
	best, bestD, ties := "", 3, 0
	for _, route := range b.routes {
		if ok, _ := allowed(route.Access, r); !ok {
			continue
		}
		d := editDistance(typed, route.Name)
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

// editDistance is the Levenshtein distance between a and b, by runes.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
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

package handlers

import (
	"context"
	"strings"

	"github.com/ots-customs/wgbot/handlers/intent"
	"github.com/ots-customs/wgbot/storage"
)

// plainText answers a message that is not a command, in a private chat,
// from a member or an administrator, when no form waits for it (forms.go
// had it first): a command typed with another keyboard layout gets "Did
// you mean", a question about the deadlines, one's tasks or the agenda is
// answered as that command would be (or the command is offered with one
// button when the question is not clear), and anything else gets a pointer
// to /help.
func (b *Bot) plainText(ctx context.Context, r *Request) error {
	if typed, name, ok := slipCommand(r.Text); ok {
		// A bare word ("вуфвдштуы") is a slip only when it is one letter or
		// two from a command's name, not just its beginning.
		bare := !strings.HasPrefix(typed, "/") && !strings.HasPrefix(typed, ".")
		if near, ok := b.nearestName(r, name); ok && (!bare || intent.Distance(name, near) <= 1) {
			return b.reply(ctx, r, r.Lang.T(txtDidYouMean, echo(typed), near),
				[]Button{{Text: r.Lang.T(txtBtnRunCmd, near), Data: "cmd:" + near}})
		}
	}
	g := intent.Classify(r.Text)
	if route, ok := b.route(g.Command); ok {
		if may, _ := allowed(route.Access, r); may {
			if g.Sure {
				cmd := *r
				cmd.Command, cmd.Args = route.Name, ""
				return b.handleCommand(ctx, &cmd)
			}
			return b.reply(ctx, r, r.Lang.T(txtIntentSuggest, route.Name),
				[]Button{{Text: r.Lang.T(txtBtnRunCmd, route.Name), Data: "cmd:" + route.Name}})
		}
	}
	return b.reply(ctx, r, r.Lang.T(txtPlainText), []Button{{Text: r.Lang.T(txtBtnRunCmd, "help"), Data: "cmd:help"}})
}

// route is the command called name.
func (b *Bot) route(name string) (Route, bool) {
	for _, route := range b.routes {
		if route.Name == name && name != "" {
			return route, true
		}
	}
	return Route{}, false
}

// slipCommand reads a command typed with a Cyrillic keyboard layout on
// (Russian, Kazakh and Kyrgyz keyboards put the same letters on the Latin
// keys, and their "/" key types "."): "/вуфвдштуы", ".вуфвдштуы" and the
// bare "вуфвдштуы" alone in a message are /deadlines. It returns the word as typed and the Latin name it stands
// for; ok is false for a message that does not start with one.
func slipCommand(text string) (typed, name string, ok bool) {
	word, _, _ := strings.Cut(strings.TrimSpace(text), " ")
	word, _, _ = strings.Cut(word, "\n")
	rest, slash := strings.CutPrefix(word, "/")
	if !slash {
		var dot bool
		if rest, dot = strings.CutPrefix(word, "."); !dot && (len([]rune(word)) < 4 || strings.TrimSpace(text) != word) {
			return "", "", false // a bare word must be the whole message
		}
	}
	if rest == "" || len(rest) > 4*maxCommandLen {
		return "", "", false
	}
	var out strings.Builder
	cyrillic := false
	for _, r := range storage.Fold(rest) {
		switch latin, isKey := cyrillicKeys[r]; {
		case isKey:
			out.WriteRune(latin)
			cyrillic = true
		case r == '_' || r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			out.WriteRune(r)
		default:
			return "", "", false
		}
	}
	// A "." starts many sentences, and a bare Latin word is not a slip:
	// only a whole Cyrillic word is.
	if !slash && !cyrillic {
		return "", "", false
	}
	return word, out.String(), true
}

// cyrillicKeys maps each letter of the Russian ЙЦУКЕН layout (which the
// Kazakh and Kyrgyz layouts share for these keys) to the Latin letter of
// the same key.
var cyrillicKeys = func() map[rune]rune {
	m := map[rune]rune{}
	for i, r := range []rune("йцукенгшщзфывапролдячсмить") {
		m[r] = []rune("qwertyuiopasdfghjklzxcvbnm")[i]
	}
	return m
}()

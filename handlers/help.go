package handlers

import (
	"context"
	"github.com/ots-customs/wgbot/handlers/i18n"
	"strings"
)

func (b *Bot) start(ctx context.Context, r *Request) error {
	if cmd, args, ok := deepLink(r.Args); ok && r.Chat.Private {
		// t.me/<bot>?start=task_4 arrives as "/start task_4": run what it names.
		r.Command, r.Args = cmd, args
		return b.handleCommand(ctx, r)
	}
	if r.Role == Stranger && r.Chat.Private {
		return b.strangerReply(ctx, r, r.Lang.T(txtBotIntro, b.name(r.Lang))+"\n\n"+r.Lang.T(txtStrangerIntro))
	}
	return b.reply(ctx, r, r.Lang.T(txtBotIntro, b.name(r.Lang))+"\n\n"+b.helpList(r))
}

func (b *Bot) help(ctx context.Context, r *Request) error {
	if r.Role == Stranger && r.Chat.Private {
		return b.strangerReply(ctx, r, r.Lang.T(txtStrangerIntro))
	}
	return b.reply(ctx, r, r.Lang.T(txtHelpHeader)+"\n"+b.helpList(r))
}

// helpList lists the commands r may use where r is.
func (b *Bot) helpList(r *Request) string {
	var lines []string
	for _, route := range b.routes {
		if ok, _ := allowed(route.Access, r); !ok || (!r.Chat.Private && privateOnly[route.Name]) {
			continue
		}
		line := "/" + route.Name
		if route.Args != "" {
			line += " " + esc(route.Args)
		}
		lines = append(lines, line+" — "+esc(route.Help(r.Lang)))
	}
	if !r.Chat.Private && r.Role == Stranger {
		lines = append(lines, "", r.Lang.T(txtHelpGroup))
	}
	return strings.Join(lines, "\n")
}

// privateOnly are the commands that do their work only in a private chat
// (they answer a group with "in private, please"): a group's /help leaves
// them out.
var privateOnly = map[string]bool{"start": true, "forgetme": true, "cancel": true, "nominate": true,
	"mynominations": true, "contacts": true}

func joinButton(l i18n.Lang) []Button {
	return []Button{{Text: l.T(txtBtnRequestAccess), Data: "join"}}
}

// deepLinks are the commands a t.me/<bot>?start=<payload> link may open.
var deepLinks = map[string]bool{"deadlines": true, "mytasks": true, "nominate": true, "contacts": true,
	"mynominations": true, "help": true}

// deepLink reads the payload of a deep link: "task_4" (/task 4),
// "deadlines", "nominate"... ok is false for anything else.
func deepLink(payload string) (cmd, args string, ok bool) {
	if id, found := strings.CutPrefix(payload, "task_"); found {
		if _, ok := parseTaskID(id); ok {
			return "task", id, true
		}
		return "", "", false
	}
	return payload, "", deepLinks[payload]
}

// goPrivate is a button that opens the private chat with the bot (at the
// deep link payload, when not empty); nil when the bot's username is unknown.
func (b *Bot) goPrivate(l i18n.Lang, payload string) []Button {
	if b.BotUsername == "" {
		return nil
	}
	u := "https://t.me/" + b.BotUsername
	if payload != "" {
		u += "?start=" + payload
	}
	name := b.BotName // a button's text is plain, not HTML
	if name == "" {
		name = l.T(txtDefaultBotName)
	}
	return []Button{{Text: l.T(txtBtnGoPrivate, name), URL: u}}
}

// replyGoPrivate replies text, with the button to the private chat when r
// is in a group.
func (b *Bot) replyGoPrivate(ctx context.Context, r *Request, text, payload string) error {
	if btn := b.goPrivate(r.Lang, payload); btn != nil && !r.Chat.Private {
		return b.reply(ctx, r, text, btn)
	}
	return b.reply(ctx, r, text)
}

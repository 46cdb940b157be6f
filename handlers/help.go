package handlers

import (
	"context"
	"fmt"
	"strings"
)

func sprintf(format string, a ...any) string { return fmt.Sprintf(format, a...) }

func (b *Bot) start(ctx context.Context, r *Request) error {
	if r.Role == Stranger && r.Chat.Private {
		return b.strangerReply(ctx, r, sprintf(txtBotIntro, b.name())+"\n\n"+txtStrangerIntro)
	}
	return b.reply(ctx, r, sprintf(txtBotIntro, b.name())+"\n\n"+b.helpList(r))
}

func (b *Bot) help(ctx context.Context, r *Request) error {
	if r.Role == Stranger && r.Chat.Private {
		return b.strangerReply(ctx, r, txtStrangerIntro)
	}
	return b.reply(ctx, r, txtHelpHeader+"\n"+b.helpList(r))
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
		lines = append(lines, line+" — "+esc(route.Help))
	}
	if !r.Chat.Private && r.Role == Stranger {
		lines = append(lines, "", txtHelpGroup)
	}
	return strings.Join(lines, "\n")
}

// privateOnly are the commands that do their work only in a private chat
// (they answer a group with "in private, please"): a group's /help leaves
// them out.
var privateOnly = map[string]bool{"start": true, "forgetme": true, "cancel": true, "nominate": true,
	"mynominations": true, "contacts": true}

func joinButton() []Button { return []Button{{Text: txtBtnRequestAccess, Data: "join"}} }

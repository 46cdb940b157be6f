package handlers

import (
	"context"
	"strings"
)

// Access says who may use a command or button, and where.
type Access int

// The access levels. Groups count only once an administrator ran /enable there.
const (
	// Anyone: everyone in private chats and enabled groups (/start, /help).
	Anyone Access = iota
	// ReadOnly: members and administrators anywhere; strangers in enabled groups.
	ReadOnly
	// Members: members and administrators, in private chats or enabled groups.
	Members
	// AdminPrivate: administrators, in private chats only (it shows personal data).
	AdminPrivate
	// AdminGroup: administrators, in a group chat (enabled or not).
	AdminGroup
)

// HandlerFunc handles one Request. An error it returns is logged by the bot,
// and the user is told something short and true (see ReplyForError).
type HandlerFunc func(ctx context.Context, r *Request) error

// Route is one command: its name, its one-line help, who may use it and what it does.
// The same table feeds dispatch, /help and Telegram's command menu.
type Route struct {
	Name   string
	Args   string // shown in /help: "[all]"
	Help   string
	Access Access
	Handle HandlerFunc
}

// CallbackRoute is an inline button family, recognised by its data prefix.
type CallbackRoute struct {
	Prefix string
	Access Access
	Handle HandlerFunc
}

func (b *Bot) routeTable() []Route {
	return []Route{
		{Name: "start", Help: "What this bot is", Access: Anyone, Handle: b.start},
		{Name: "help", Help: "The commands you can use", Access: Anyone, Handle: b.help},
		{Name: "agenda", Args: "[wg|hca]", Help: "Agenda of the latest meeting", Access: ReadOnly, Handle: b.agenda},
		{Name: "deadlines", Args: "[all]", Help: "Open tasks by deadline", Access: ReadOnly, Handle: b.deadlines},
		{Name: "mytasks", Help: "Open tasks of your Party", Access: Members, Handle: b.mytasks},
		{Name: "iam", Args: "[Party]", Help: "Set the Party you represent", Access: Members, Handle: b.iam},
		{Name: "requests", Help: "Pending access requests", Access: AdminPrivate, Handle: b.requests},
		{Name: "members", Help: "List and remove members", Access: AdminPrivate, Handle: b.members},
		{Name: "remove", Args: "user-id", Help: "Remove a member", Access: AdminPrivate, Handle: b.remove},
		{Name: "enable", Help: "Let this group use the bot", Access: AdminGroup, Handle: b.enable},
		{Name: "disable", Help: "Stop answering in this group", Access: AdminGroup, Handle: b.disable},
	}
}

func (b *Bot) callbackTable() []CallbackRoute {
	return []CallbackRoute{
		{Prefix: "agenda:", Access: ReadOnly, Handle: b.agendaButton},
		{Prefix: "iam:", Access: Members, Handle: b.iamButton},
		{Prefix: "join", Access: Anyone, Handle: b.joinButton},
		{Prefix: "acc:", Access: AdminPrivate, Handle: b.decideButton},
		{Prefix: "rm:", Access: AdminPrivate, Handle: b.removeButton},
	}
}

// Routes returns the command table, for the bot's menu.
func (b *Bot) Routes() []Route { return append([]Route(nil), b.routes...) }

// MenuFor returns the commands to show in the menu of a role.
func (b *Bot) MenuFor(role Role) []Route {
	var out []Route
	for _, r := range b.routes {
		if r.Access == AdminGroup || (role != Admin && r.Access == AdminPrivate) {
			continue
		}
		out = append(out, r)
	}
	return out
}

// allowed decides whether r may use something of access a. Silent means the
// bot must not answer at all (a group where it is not enabled).
func allowed(a Access, r *Request) (ok, silent bool) {
	group := !r.Chat.Private
	if group && !r.GroupEnabled && a != AdminGroup {
		return false, true
	}
	switch a {
	case Anyone:
		return true, false
	case ReadOnly:
		return r.Role != Stranger || group, false
	case Members:
		return r.Role != Stranger, false
	case AdminPrivate:
		return r.Role == Admin && !group, false
	case AdminGroup:
		if group && !r.GroupEnabled && r.Role != Admin {
			return false, true
		}
		return r.Role == Admin && group, false
	}
	return false, false
}

// Handle answers one Request: a command, a button or a message.
func (b *Bot) Handle(ctx context.Context, r *Request) error {
	switch {
	case r.Callback != nil:
		return b.handleCallback(ctx, r)
	case r.Command != "":
		return b.handleCommand(ctx, r)
	case r.Chat.Private:
		if r.Role == Stranger {
			return b.reply(ctx, r, txtStrangerIntro, joinButton())
		}
		return b.reply(ctx, r, txtPlainText)
	}
	return nil // ordinary chatter in a group is not for the bot
}

func (b *Bot) handleCommand(ctx context.Context, r *Request) error {
	for _, route := range b.routes {
		if route.Name != r.Command {
			continue
		}
		ok, silent := allowed(route.Access, r)
		switch {
		case silent:
			return nil
		case !ok:
			return b.refuse(ctx, r, route.Access)
		}
		return route.Handle(ctx, r)
	}
	if !r.Chat.Private {
		return nil // a group's commands may be meant for other bots
	}
	return b.reply(ctx, r, sprintf(txtUnknownCmd, esc(r.Command))+"\n"+b.helpList(r))
}

func (b *Bot) handleCallback(ctx context.Context, r *Request) error {
	for _, route := range b.callbacks {
		if !strings.HasPrefix(r.Callback.Data, route.Prefix) {
			continue
		}
		if ok, silent := allowed(route.Access, r); !ok {
			if silent {
				return b.Sender.AnswerCallback(ctx, r.Callback.ID, "", false)
			}
			return b.Sender.AnswerCallback(ctx, r.Callback.ID, txtStaleButton, true)
		}
		return route.Handle(ctx, r)
	}
	return b.Sender.AnswerCallback(ctx, r.Callback.ID, txtStaleButton, true)
}

// refuse says why r may not do this and what to do instead.
func (b *Bot) refuse(ctx context.Context, r *Request, a Access) error {
	switch {
	case a == AdminGroup && r.Chat.Private && r.Role == Admin:
		return b.reply(ctx, r, txtEnableInGroup)
	case a == AdminPrivate && r.Role == Admin:
		return b.reply(ctx, r, txtNotInGroup)
	case a == AdminPrivate || a == AdminGroup:
		return b.reply(ctx, r, txtAdminOnly)
	case r.Role == Stranger && r.Chat.Private:
		return b.reply(ctx, r, txtStrangerOnly, joinButton())
	case r.Role == Stranger:
		return b.reply(ctx, r, txtNotInGroup)
	}
	return b.reply(ctx, r, txtAdminOnly)
}

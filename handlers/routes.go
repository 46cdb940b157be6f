package handlers

import (
	"context"
	"strings"

	"github.com/ots-customs/wgbot/handlers/i18n"
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
	// PrivateOrAdminGroup: members and administrators in private chats, and
	// administrators in any group (/subscribe).
	PrivateOrAdminGroup
	// AdminAnywhere: administrators, in private chats and enabled groups.
	AdminAnywhere
)

// HandlerFunc handles one Request. An error it returns is logged by the bot,
// and the user is told something short and true (see ReplyForError).
type HandlerFunc func(ctx context.Context, r *Request) error

// Route is one command: its name, its one-line help, who may use it and what it does.
// The same table feeds dispatch, /help and Telegram's command menu.
type Route struct {
	Name   string
	Args   string // shown in /help: "[all]"
	Access Access
	Handle HandlerFunc
}

// Help is the route's one-line help in l (message help.<name>).
func (r Route) Help(l i18n.Lang) string { return commandHelp(l, r.Name) }

func (b *Bot) routeTable() []Route {
	routes := []Route{
		{Name: "start", Access: Anyone, Handle: b.start},
		{Name: "help", Access: Anyone, Handle: b.help},
		{Name: "agenda", Args: "[wg|hca]", Access: ReadOnly, Handle: b.agenda},
		{Name: "deadlines", Args: "[all]", Access: ReadOnly, Handle: b.deadlines},
		{Name: "mytasks", Access: Members, Handle: b.mytasks},
		{Name: "iam", Args: "[Party]", Access: Members, Handle: b.iam},
		{Name: "task", Args: "id", Access: ReadOnly, Handle: b.task},
		{Name: "done", Args: "[id] [reference]", Access: Members, Handle: b.done},
		{Name: "subscribe", Access: PrivateOrAdminGroup, Handle: b.subscribe},
		{Name: "unsubscribe", Access: PrivateOrAdminGroup, Handle: b.unsubscribe},
		{Name: "addtask", Args: "TR,UZ date text", Access: AdminAnywhere, Handle: b.addTask},
		{Name: "edittask", Args: "id date|title|parties value", Access: AdminAnywhere, Handle: b.editTask},
		{Name: "deltask", Args: "id", Access: AdminAnywhere, Handle: b.delTask},
		{Name: "minutes", Access: Members, Handle: b.minutesCmd},
		{Name: "imports", Access: AdminPrivate, Handle: b.imports},
		{Name: "requests", Access: AdminPrivate, Handle: b.requests},
		{Name: "nominations", Access: AdminPrivate, Handle: b.nominations},
		{Name: "members", Access: AdminPrivate, Handle: b.members},
		{Name: "remove", Args: "user-id", Access: AdminPrivate, Handle: b.remove},
		{Name: "enable", Access: AdminGroup, Handle: b.enable},
		{Name: "disable", Access: AdminGroup, Handle: b.disable},
		// Contacts (issue 3).
		{Name: "nominate", Args: "[Name; Position; e-mail; phone]", Access: Members, Handle: b.nominate},
		{Name: "mynominations", Access: Members, Handle: b.mynominations},
		{Name: "contacts", Args: "[Party]", Access: Members, Handle: b.contacts},
		{Name: "export", Access: AdminPrivate, Handle: b.export},
		{Name: "editcontact", Args: "id field value", Access: AdminPrivate, Handle: b.editContactCmd},
		{Name: "removecontact", Args: "id", Access: AdminPrivate, Handle: b.removeContactCmd},
		{Name: "audit", Args: "[n]", Access: AdminPrivate, Handle: b.audit},
		{Name: "forgetme", Access: Anyone, Handle: b.forgetme},
		// The Secretariat's report, calendars, board and digest (issue 15).
		{Name: "report", Args: "[meeting]", Access: AdminPrivate, Handle: b.reportCmd},
		{Name: "calendar", Args: "[reset]", Access: Members, Handle: b.calendarCmd},
		{Name: "board", Access: AdminGroup, Handle: b.boardCmd},
		{Name: "digest", Args: "[day time|off]", Access: Members, Handle: b.digestCmd},
		{Name: "cancel", Access: Anyone, Handle: b.cancelCmd},
		// Languages (issue 13).
		{Name: "language", Access: Anyone, Handle: b.languageCmd},
		// Local time (issue 13).
		{Name: "timezone", Args: "[zone]", Access: PrivateOrAdminGroup, Handle: b.timezoneCmd},
	}
	return routes
}

// Routes returns the command table, for the bot's menu.
func (b *Bot) Routes() []Route { return append([]Route(nil), b.routes...) }

// MenuFor returns the commands to show in the menu of a role.
// MenuForGroups returns the commands everyone may use in an enabled group.
func (b *Bot) MenuForGroups() []Route {
	var out []Route
	for _, r := range b.routes {
		// /language is everyone's command, but in a group only its administrators
		// may use it: the groups' menu, which everyone sees, leaves it out.
		if (r.Access == ReadOnly || r.Access == Anyone) && !privateOnly[r.Name] && r.Name != "language" {
			out = append(out, r)
		}
	}
	return out
}

func (b *Bot) MenuFor(role Role) []Route {
	var out []Route
	for _, r := range b.routes {
		if r.Access == AdminGroup || (role != Admin && (r.Access == AdminPrivate || r.Access == AdminAnywhere)) {
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
	if group && !r.GroupEnabled && a != AdminGroup && a != PrivateOrAdminGroup {
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
	case PrivateOrAdminGroup:
		if group {
			if !r.GroupEnabled && r.Role != Admin {
				return false, true
			}
			return r.Role == Admin, false
		}
		return r.Role != Stranger, false
	case AdminAnywhere:
		return r.Role == Admin, false
	}
	return false, false
}

// Handle answers one Request: a command, a button or a message.
func (b *Bot) Handle(ctx context.Context, r *Request) error {
	switch {
	case r.Callback != nil:
		return b.handleCallback(ctx, r)
	case r.ForOtherBot:
		return b.reply(ctx, r, r.Lang.T(txtForOtherBot, esc(strings.Fields(r.Text)[0]), esc(r.Command)))
	case r.Command != "":
		if err := b.leaveForm(ctx, r); err != nil {
			return err
		}
		return b.handleCommand(ctx, r)
	case r.Chat.Private && r.Document != nil:
		return b.upload(ctx, r) // minutes sent to the bot (issue 5)
	case r.Chat.Private:
		// A message in a nomination in progress (issue 3); its state is in the store.
		if handled, err := b.converse(ctx, r); handled || err != nil {
			return err
		}
		if r.Role == Stranger {
			return b.strangerReply(ctx, r, r.Lang.T(txtStrangerIntro))
		}
		if r.SharedPhone != "" {
			return b.reply(ctx, r, r.Lang.T(txtContactNoForm))
		}
		return b.plainText(ctx, r)
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
	if near, ok := b.nearestCommand(r); ok {
		return b.reply(ctx, r, r.Lang.T(txtDidYouMean, esc(r.Command), near),
			[]Button{{Text: r.Lang.T(txtBtnRunCmd, near), Data: "cmd:" + near}})
	}
	return b.reply(ctx, r, r.Lang.T(txtUnknownCmd, esc(r.Command))+"\n"+b.helpList(r))
}

// refuse says why r may not do this and what to do instead.
func (b *Bot) refuse(ctx context.Context, r *Request, a Access) error {
	switch {
	case a == AdminGroup && r.Chat.Private && r.Role == Admin:
		return b.reply(ctx, r, r.Lang.T(txtEnableInGroup))
	case a == AdminPrivate && r.Role == Admin:
		return b.replyGoPrivate(ctx, r, r.Lang.T(txtNotInGroup), "")
	case a == AdminPrivate || a == AdminGroup || a == AdminAnywhere:
		return b.reply(ctx, r, r.Lang.T(txtAdminOnly))
	case r.Role == Stranger && r.Chat.Private:
		return b.strangerReply(ctx, r, r.Lang.T(txtStrangerOnly))
	case r.Role == Stranger:
		return b.replyGoPrivate(ctx, r, r.Lang.T(txtNotInGroup), "")
	}
	return b.reply(ctx, r, r.Lang.T(txtAdminOnly))
}

package handlers

import (
	"context"
	"slices"
	"strconv"
	"strings"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// subscribe: an administrator in a group subscribes the group to every task;
// a member in a private chat subscribes to the tasks of their own Party.
func (b *Bot) subscribe(ctx context.Context, r *Request) error {
	s := storage.Subscription{ChatID: r.Chat.ID, Title: r.Chat.Title, By: r.User.ID, Since: b.Now(), ThreadID: r.ThreadID}
	if r.Chat.Private {
		switch {
		case r.Member != nil && r.Member.Party.Valid():
			s.Party = r.Member.Party
		case r.Role != Admin:
			return b.reply(ctx, r, r.Lang.T(txtNeedParty), partyButtons(r.Lang, "iam:")...)
		}
		s.Title = r.User.Name
	}
	subs, err := b.Store.Subscriptions(ctx)
	if err != nil {
		return err
	}
	already := slices.ContainsFunc(subs, func(o storage.Subscription) bool { return o.ChatID == s.ChatID && o.Party == s.Party })
	if err := b.Store.Subscribe(ctx, s); err != nil {
		return err
	}
	if err := b.ScheduleChat(ctx, s); err != nil {
		return err
	}
	when := b.leadsText(r.Lang)
	loc, err := b.subscriptionZone(ctx, s)
	if err != nil {
		return err
	}
	zone := loc.String()
	if already {
		return b.reply(ctx, r, r.Lang.T(txtAlreadySubscribed, when, b.Alerts.Hour, b.Alerts.Minute, zone))
	}
	switch {
	case !r.Chat.Private:
		return b.reply(ctx, r, r.Lang.T(txtSubscribedGroup, when, b.Alerts.Hour, b.Alerts.Minute, zone))
	case s.Party != "":
		return b.reply(ctx, r, r.Lang.T(txtSubscribedPrivate, partyLabel(r.Lang, s.Party), when, b.Alerts.Hour, b.Alerts.Minute, zone))
	}
	return b.reply(ctx, r, r.Lang.T(txtSubscribedAll, when, b.Alerts.Hour, b.Alerts.Minute, zone))
}

func (b *Bot) unsubscribe(ctx context.Context, r *Request) error {
	tasks, err := b.Store.Tasks(ctx)
	if err != nil {
		return err
	}
	removed, err := b.Store.Unsubscribe(ctx, r.Chat.ID)
	if err != nil {
		return err
	}
	if !removed {
		return b.reply(ctx, r, r.Lang.T(txtNotSubscribed))
	}
	for _, t := range tasks {
		if err := b.Store.UnscheduleAlert(ctx, t.ID, r.Chat.ID); err != nil {
			return err
		}
	}
	return b.reply(ctx, r, r.Lang.T(txtUnsubscribed))
}

// leadsText is when alerts come: "14, 7 and 1 days before each deadline,
// and on the day itself", or "on the day of each deadline".
func (b *Bot) leadsText(l i18n.Lang) string {
	var days []string
	onDay := false
	for _, l := range b.Alerts.Leads {
		if l == 0 {
			onDay = true
			continue
		}
		days = append(days, strconv.Itoa(l))
	}
	out := ""
	switch len(days) {
	case 0:
		return l.T(txtLeadsOnlyOnTheDay)
	case 1:
		n, _ := strconv.Atoi(days[0])
		out = count(l, n, unitDay)
	default:
		out = l.T(txtLeadsMany, strings.Join(days[:len(days)-1], ", "), days[len(days)-1])
	}
	out = l.T(txtLeadsBefore, out)
	if onDay {
		out += l.T(txtLeadsAndOnTheDay)
	}
	return out
}

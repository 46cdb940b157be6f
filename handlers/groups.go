package handlers

import (
	"context"
	"fmt"
)

// Events about the group chats themselves, which no user types: a group that
// became a supergroup, and the bot added to or removed from a group.

// GroupMigrated follows a group that became a supergroup (Telegram gives it
// a new chat id): the new chat keeps the enabled flag and the subscription
// of the old one. Running it twice changes nothing more.
func (b *Bot) GroupMigrated(ctx context.Context, from, to int64) error {
	if err := b.moveGroupFlag(ctx, from, to); err != nil {
		return err
	}
	if err := b.Store.MoveChatSettings(ctx, from, to); err != nil { // its language (issue 13)
		return err
	}
	subs, err := b.Store.Subscriptions(ctx)
	if err != nil {
		return err
	}
	for _, sub := range subs {
		if sub.ChatID != from {
			continue
		}
		sub.ChatID = to
		if err := b.Store.Subscribe(ctx, sub); err != nil {
			return err
		}
		if _, err := b.Store.Unsubscribe(ctx, from); err != nil {
			return err
		}
		return b.ScheduleChat(ctx, sub)
	}
	return nil
}

// moveGroupFlag enables to when from was enabled, and disables from.
func (b *Bot) moveGroupFlag(ctx context.Context, from, to int64) error {
	s, err := b.Store.Session(ctx, 0, 0, from) // the store's one read of the flag
	if err != nil {
		return fmt.Errorf("migrate group %d: %w", from, err)
	}
	if !s.GroupEnabled {
		return nil
	}
	if err := b.Store.SetGroupEnabled(ctx, to, true); err != nil {
		return err
	}
	return b.Store.SetGroupEnabled(ctx, from, false)
}

// BotLeftGroup is the bot removed from a group (or the group deleted): the
// group is no longer enabled and its alerts stop, and the administrators are
// told when it had a subscription.
func (b *Bot) BotLeftGroup(ctx context.Context, chatID int64) error {
	if err := b.Store.SetGroupEnabled(ctx, chatID, false); err != nil {
		return err
	}
	return b.endSubscription(ctx, chatID)
}

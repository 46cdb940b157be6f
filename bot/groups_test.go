package bot

import (
	"context"
	"strings"
	"testing"

	"github.com/go-telegram/bot/models"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/handlers"
)

const superID = -1009999

var superGroup = telegramtest.Chat{ID: superID, Type: "supergroup", Title: "OTS Customs WG"}

// Finding 7: a group that becomes a supergroup keeps its enabled flag, told
// by Telegram's service message...
func TestSupergroupKeepsTheEnabledFlag(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	enableGroup(t, h)
	id := h.tg.SendUpdate(models.Update{Message: &models.Message{ID: 90, Date: 1,
		Chat: models.Chat{ID: wgGroup.ID, Type: "group", Title: wgGroup.Title}, From: &models.User{ID: admin.ID, FirstName: "Aida"},
		MigrateToChatID: superID}})
	h.waitHandled(t, id)
	mustContain(t, h.ask(superGroup, stranger, "/deadlines").PlainText(), "Open deadlines")
	h.silent(wgGroup, stranger, "/deadlines") // the old id is gone
}

// ...and when an alert finds out first (Telegram's "group upgraded" error).
func TestSupergroupFoundByAnAlertKeepsTheEnabledFlag(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(silkRoad))
	h.start()
	subscribeGroup(t, h)
	enableGroup(t, h)
	other := handlers.New(handlers.Deps{Store: h.store, Now: h.clock.Now, Location: istanbul,
		Sender: migratingGroup{sender: h.bot.send, from: wgGroup.ID, to: superID}})
	h.at(2024, 2, 16, 9, 0)
	if _, err := other.DeliverDueAlerts(context.Background()); err != nil {
		t.Fatal(err)
	}
	mustContain(t, h.ask(superGroup, stranger, "/deadlines").PlainText(), "Open deadlines")
}

// Finding 7: my_chat_member is handled: a bot removed from a group stops
// alerting there, the group is no longer enabled, the administrators are told.
func TestBotRemovedFromGroup(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(silkRoad))
	h.start()
	subscribeGroup(t, h)
	enableGroup(t, h)
	before := len(h.tg.Messages(admin.ID))
	id := h.tg.SendUpdate(models.Update{MyChatMember: &models.ChatMemberUpdated{
		Chat: models.Chat{ID: wgGroup.ID, Type: "group", Title: wgGroup.Title}, From: models.User{ID: admin.ID}, Date: 1,
		OldChatMember: models.ChatMember{Type: models.ChatMemberTypeMember, Member: &models.ChatMemberMember{Status: models.ChatMemberTypeMember}},
		NewChatMember: models.ChatMember{Type: models.ChatMemberTypeLeft, Left: &models.ChatMemberLeft{Status: models.ChatMemberTypeLeft}}}})
	h.waitHandled(t, id)
	subs, err := h.store.Subscriptions(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range subs {
		if s.ChatID == wgGroup.ID {
			t.Error("the group is still subscribed after the bot left it")
		}
	}
	if s, _ := h.store.Session(context.Background(), 0, 0, wgGroup.ID); s.GroupEnabled {
		t.Error("the group is still enabled after the bot left it")
	}
	got := h.tg.WaitMessages(t, admin.ID, before+1)[before].PlainText()
	if !strings.Contains(got, wgGroup.Title) {
		t.Errorf("administrators were told %q", got)
	}
}

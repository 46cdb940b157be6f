package bot

import (
	"testing"

	"github.com/ots-customs/wgbot/bot/telegramtest"
)

var wgForum = telegramtest.Forum(-1001234500, "OTS Customs WG (forum)")

// TestSubscribeInForumTopic: /subscribe sent in a topic is answered there,
// remembered with the subscription, and the alerts go to that topic.
func TestSubscribeInForumTopic(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(silkRoad))
	h.start()
	const topic = 77
	before := len(h.tg.Messages(wgForum.ID))
	h.tg.SendTopicText(wgForum, admin, topic, "/subscribe")
	reply := h.tg.WaitMessages(t, wgForum.ID, before+1)[before]
	if reply.Raw["message_thread_id"] != "77" {
		t.Errorf("the answer went to topic %q, want 77", reply.Raw["message_thread_id"])
	}
	mustContain(t, reply.PlainText(), "This group will receive deadline alerts")
	subs, err := h.store.Subscriptions(t.Context())
	if err != nil || len(subs) != 1 || subs[0].ThreadID != topic {
		t.Fatalf("subscriptions %+v (%v), want the topic kept", subs, err)
	}
	// After a restart the topic is still where the alerts go.
	h.shutdown()
	h.start()
	h.at(2024, 2, 16, 9, 0)
	if n := h.deliver(); n != 1 {
		t.Fatalf("%d alerts, want 1", n)
	}
	msgs := h.tg.Messages(wgForum.ID)
	if alert := msgs[len(msgs)-1]; alert.Raw["message_thread_id"] != "77" {
		t.Errorf("the alert went to topic %q, want 77: %q", alert.Raw["message_thread_id"], alert.PlainText())
	}
	// A command outside any topic is answered in the General topic.
	before = len(h.tg.Messages(wgForum.ID))
	h.tg.SendText(wgForum, admin, "/subscribe")
	if r := h.tg.WaitMessages(t, wgForum.ID, before+1)[before]; r.Raw["message_thread_id"] != "" {
		t.Errorf("a General-topic answer carries thread %q", r.Raw["message_thread_id"])
	}
}

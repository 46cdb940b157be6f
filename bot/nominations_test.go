package bot

import (
	"context"
	"testing"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/storage"
)

// TestPendingNominationsForAnAdministratorWhoMissedTheNotice: /nominations
// lists what waits for a decision, with the buttons that decide it.
func TestPendingNominationsForAnAdministratorWhoMissedTheNotice(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	adm := telegramtest.Private(admin)
	mustContain(t, h.ask(adm, admin, "/nominations").PlainText(), "No nominations are pending.")

	tr := telegramtest.Private(memberTR)
	summary := h.ask(tr, memberTR, "/nominate Gizem Asma Şenel; Trade Expert; gizem@example.org; +90 312 204 75 00")
	h.press(tr, memberTR, summary, "nom:ok")
	h.tg.WaitMessages(t, admin.ID, 2) // the notice

	before := len(h.tg.Messages(admin.ID))
	h.tg.SendText(adm, admin, "/nominations")
	msgs := h.tg.WaitMessages(t, admin.ID, before+2)
	mustContain(t, msgs[before].PlainText(), "Pending nominations (1)")
	item := msgs[before+1]
	mustContain(t, item.PlainText(), "Gizem Asma Şenel", "Ahmet Yılmaz (@ahmet)", "gizem@example.org")
	var approve string
	for _, row := range item.ReplyMarkup.InlineKeyboard {
		for _, b := range row {
			if len(b.CallbackData) > 6 && b.CallbackData[:6] == "ctc:y:" {
				approve = b.CallbackData
			}
		}
	}
	if approve == "" {
		t.Fatalf("no Approve button under %q", item.PlainText())
	}
	h.press(adm, admin, item, approve)
	waitFor(t, h, func() bool {
		cs, err := h.store.Contacts(context.Background())
		return err == nil && len(cs) == 1 && cs[0].Status == storage.ContactApproved
	})
	mustContain(t, h.ask(tr, memberTR, "/nominations").PlainText(), "Only the Secretariat's administrators")
}

package bot

import (
	"testing"

	"github.com/ots-customs/wgbot/bot/telegramtest"
)

// A Party may be typed in any of the bot's languages and in any case, folded
// the Turkish way, wherever a command takes one.
func TestPartiesTypedInEveryLanguage(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	adm, tr := telegramtest.Private(admin), telegramtest.Private(memberTR)

	mustContain(t, h.ask(adm, admin, "/addtask TÜRKİYE,Özbekistan 2024-03-01 Send the draft protocol").PlainText(),
		"🇹🇷 TR, 🇺🇿 UZ")
	mustContain(t, h.ask(adm, admin, "/mytasks Özbekistan").PlainText(), "🇺🇿 Uzbekistan", "Send the draft protocol")
	mustContain(t, h.ask(adm, admin, "/mytasks Ўзбекистон").PlainText(), "🇺🇿 Uzbekistan", "Send the draft protocol")
	mustContain(t, h.ask(adm, admin, "/mytasks Narnia").PlainText(), "I do not know the Party “Narnia”")

	// A member names their own Party, in Turkish; it is not taken for the reference.
	done := h.ask(tr, memberTR, "/done 1 Türkiye").PlainText()
	mustContain(t, done, "Noted", "🇹🇷 Türkiye")
	view := h.ask(tr, memberTR, "/task 1").PlainText()
	mustNotContain(t, view, "(Türkiye)")
	// Another Party's part is not theirs to record.
	mustContain(t, h.ask(tr, memberTR, "/done 1 Қазақстан").PlainText(), "Only members for 🇰🇿 Kazakhstan or the Secretariat")
	mustContain(t, h.ask(tr, memberTR, "/mytasks Kazakh side").PlainText(), "You speak for 🇹🇷 Türkiye", "/deadlines")
	mustContain(t, h.ask(tr, memberTR, "/mytasks TÜRK TARAFI").PlainText(), "🇹🇷 Türkiye")

	// The Secretariat records for a Party named in Russian, with a reference.
	mustContain(t, h.ask(adm, admin, "/done 22 Узбекская сторона Нота 45/2024").PlainText(), "Noted", "🇺🇿 Uzbekistan")
	mustContain(t, h.ask(adm, admin, "/task 22").PlainText(), "Нота 45/2024")

	mustContain(t, h.ask(tr, memberTR, "/iam Қазақстан").PlainText(), "🇰🇿 Kazakhstan")
}

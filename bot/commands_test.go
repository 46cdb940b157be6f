package bot

import (
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/ots-customs/wgbot/bot/telegramtest"
)

func TestDeadlinesForMember(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	got := h.ask(telegramtest.Private(memberTR), memberTR, "/deadlines").PlainText()
	mustContain(t, got,
		"Open deadlines, as of 20 January 2024",
		"in January 2024 (in 11 days)",
		"Convene an online experts' meeting to finalize the draft eTIR Road Map",
		"by 1 February 2024 (in 12 days)",
		"🇦🇿 AZ, 🇹🇷 TR, 🇺🇿 UZ",
		"by 1 March 2024 (in 41 days)",
		"until 1 April 2024 (in 72 days)",
		"all Parties",
		"by the end of 2023 (overdue by 20 days)",
		"more open tasks have no deadline",
	)
	// Soonest first, overdue after what is coming.
	if i, j := strings.Index(got, "in January 2024"), strings.Index(got, "by 1 March 2024"); i > j {
		t.Errorf("January listed after March:\n%s", got)
	}
}

func TestDeadlinesLongOverdueAreGrouped(t *testing.T) {
	t.Parallel()
	h := newHarness(t, func(c *Config) {
		c.Now = func() time.Time { return fixedNow().AddDate(2, 10, 7) } // 27 November 2026
	})
	got := h.ask(telegramtest.Private(memberTR), memberTR, "/deadlines").PlainText()
	mustContain(t, got, "Long overdue (over 90 days)",
		"• #1 Submit the renewed concept of the Silk Road initiative and Caravanserai project — 🇹🇷 TR — by 1 March 2024")
	if n := strings.Count(got, "📅"); n != 0 {
		t.Errorf("long-overdue tasks should be one line each, found %d full blocks:\n%s", n, got)
	}
}

func TestDeadlinesArguments(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberKZ)
	mustContain(t, h.ask(chat, memberKZ, "/deadlines tomorrow").PlainText(), "/deadlines takes no argument or all")
	mustContain(t, h.ask(chat, memberKZ, "/deadlines ALL").PlainText(), "All deadlines")
}

func TestMyTasks(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	first := h.ask(chat, memberTR, "/mytasks")
	second := h.pressNext(chat, memberTR, first, "pg:my:1")
	got := first.PlainText() + "\n" + second.PlainText()
	mustContain(t, got, "Open tasks of 🇹🇷 Türkiye",
		"Submit the renewed concept of the Silk Road initiative",       // TR alone
		"Submit proposals and views on the draft Technical Conditions", // all Parties
		"Host the workshop on GPS tracking devices",
		"No deadline set")
	mustNotContain(t, got, "draft Regulation of the Meeting", "Budapest") // UZ's and HU's own
	kz := h.ask(telegramtest.Private(memberKZ), memberKZ, "/mytasks").PlainText()
	mustContain(t, kz, "Open tasks of 🇰🇿 Kazakhstan", "Complete internal procedures")
	mustNotContain(t, kz, "Silk Road")
}

func TestMyTasksAsksAdministratorForParty(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(admin)
	msg := h.ask(chat, admin, "/mytasks")
	mustContain(t, msg.PlainText(), "which Party you represent")
	h.press(chat, admin, msg, "iam:SEC")
	msgs := h.tg.WaitMessages(t, chat.ID, 3)
	mustContain(t, msgs[1].PlainText(), "you represent 🏛 OTS Secretariat")
	mustContain(t, msgs[2].PlainText(), "Open tasks of 🏛 OTS Secretariat", "Convene an online experts' meeting")
}

func TestIam(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberKZ)
	for _, in := range []string{"Turkish side", "TR", "türkiye", "Turkey"} {
		mustContain(t, h.ask(chat, memberKZ, "/iam "+in).PlainText(), "you represent 🇹🇷 Türkiye")
	}
	bad := h.ask(chat, memberKZ, "/iam Narnia <b>")
	mustContain(t, bad.PlainText(), "I don't recognise “Narnia <b>” as a Party")
	if !hasButton(bad, "iam:HU") {
		t.Error("a refusal of /iam should offer the Parties as buttons")
	}
	// The change of Party is reported to the administrators, once.
	note := h.tg.WaitMessages(t, admin.ID, 1)[0].PlainText()
	mustContain(t, note, "Ерлан (@erlan) changed their Party from 🇰🇿 Kazakhstan to 🇹🇷 Türkiye")
	mustContain(t, h.ask(chat, memberKZ, "/mytasks").PlainText(), "Open tasks of 🇹🇷 Türkiye")
}

func TestAgendaAndItsButton(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	msg := h.ask(chat, memberTR, "/agenda")
	got := msg.PlainText()
	mustContain(t, got, "Agenda: 9th Meeting of the Heads of Customs Administrations",
		"Tashkent, Uzbekistan, 11 December 2023",
		"9. Signing the Protocol of the 9th Meeting",
		"• Completing internal procedures necessary for the entry into force of the Agreement;")
	h.press(chat, memberTR, msg, "agenda:wg12")
	h.tg.WaitHandled(t, h.tg.SendText(chat, memberTR, "/help"))
	var edited string
	for _, s := range h.tg.Sent() {
		if s.Method == "editMessageText" && s.MessageID == msg.MessageID {
			edited = s.PlainText()
		}
	}
	mustContain(t, edited, "Agenda: 12th Meeting of the Working Group on Customs Cooperation",
		"9. Finalizing the draft Protocol")
	mustContain(t, h.ask(chat, memberTR, "/agenda wg").PlainText(), "12th Meeting of the Working Group")
	unknown := h.ask(chat, memberTR, "/agenda 13th")
	mustContain(t, unknown.PlainText(), "I don't know the meeting “13th”")
	if !hasButton(unknown, "agenda:hca9") || !hasButton(unknown, "agenda:wg12") {
		t.Error("an unknown meeting should offer the known ones")
	}
}

func TestHelpAndUnknown(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	help := h.ask(chat, memberTR, "/help").PlainText()
	mustContain(t, help, "/deadlines [all] — Open tasks by deadline", "/mytasks", "/iam")
	mustNotContain(t, help, "/members", "/enable")
	adminHelp := h.ask(telegramtest.Private(admin), admin, "/help").PlainText()
	mustContain(t, adminHelp, "/members", "/requests")
	mustContain(t, h.ask(chat, memberTR, "/frobnicate now").PlainText(), "I don't know /frobnicate.", "/deadlines")
	mustContain(t, h.ask(chat, memberTR, "hello there").PlainText(), "I answer commands. Send /help")
	long := strings.Repeat("я", 5000)
	mustContain(t, h.ask(chat, memberTR, "/iam "+long).PlainText(), "as a Party")
}

func TestCommandMenuRegistered(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.tg.WaitHandled(t, h.tg.SendText(telegramtest.Private(memberTR), memberTR, "/help"))
	menus := map[string]string{} // scope type -> command names
	for _, s := range h.tg.Sent() {
		if s.Method != "setMyCommands" {
			continue
		}
		var cmds []models.BotCommand
		if err := json.Unmarshal([]byte(s.Raw["commands"]), &cmds); err != nil {
			t.Fatal(err)
		}
		var scope struct {
			Type   string `json:"type"`
			ChatID int64  `json:"chat_id"`
		}
		_ = json.Unmarshal([]byte(s.Raw["scope"]), &scope)
		key := scope.Type
		if scope.ChatID != 0 {
			key += ":" + strconv.FormatInt(scope.ChatID, 10)
		}
		var names []string
		for _, c := range cmds {
			names = append(names, c.Command)
		}
		menus[key] = " " + strings.Join(names, " ") + " "
	}
	check := func(scope string, want, not []string) {
		t.Helper()
		got, ok := menus[scope]
		if !ok {
			t.Fatalf("no menu for scope %q; menus: %v", scope, menus)
		}
		for _, w := range want {
			if !strings.Contains(got, " "+w+" ") {
				t.Errorf("menu %q lacks /%s: %s", scope, w, got)
			}
		}
		for _, n := range not {
			if strings.Contains(got, " "+n+" ") {
				t.Errorf("menu %q must not offer /%s: %s", scope, n, got)
			}
		}
	}
	check("", []string{"deadlines", "mytasks", "nominate", "forgetme"}, []string{"members", "enable", "export"})
	check("all_group_chats", []string{"agenda", "deadlines", "task", "help"}, []string{"contacts", "nominate", "members", "forgetme"})
	check("chat:1001", []string{"deadlines", "members", "requests", "export", "addtask"}, []string{"enable"})
}

package bot

import (
	"context"
	"encoding/json"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/go-telegram/bot/models"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/storage"
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

// Finding 2: /iam asks the Secretariat; the member keeps their Party until
// an administrator approves, and the change is audited.
func TestIamIsARequestTheSecretariatDecides(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberKZ)
	mustContain(t, h.ask(chat, memberKZ, "/iam Turkish side").PlainText(),
		"Your request to represent 🇹🇷 Türkiye was sent to the Secretariat", "Until it is approved you represent 🇰🇿 Kazakhstan")
	for _, in := range []string{"TR", "türkiye", "Turkey"} {
		mustContain(t, h.ask(chat, memberKZ, "/iam "+in).PlainText(), "request to represent 🇹🇷 Türkiye is already with the Secretariat")
	}
	bad := h.ask(chat, memberKZ, "/iam Narnia <b>")
	mustContain(t, bad.PlainText(), "I don't recognise “Narnia <b>” as a Party")
	if !hasButton(bad, "iam:HU") {
		t.Error("a refusal of /iam should offer the Parties as buttons")
	}
	mustContain(t, h.ask(chat, memberKZ, "/mytasks").PlainText(), "Open tasks of 🇰🇿 Kazakhstan")
	// Each administrator is asked once, with buttons; /requests lists it too.
	adm := telegramtest.Private(admin)
	note := h.tg.WaitMessages(t, admin.ID, 1)[0]
	mustContain(t, note.PlainText(), "Change of Party", "Ерлан (@erlan)", "now: 🇰🇿 Kazakhstan", "asks for: 🇹🇷 Türkiye")
	if n := len(h.tg.Messages(admin2.ID)); n != 1 {
		t.Errorf("the second administrator got %d notices, want 1", n)
	}
	list := h.tg.WaitMessages(t, admin.ID, 1)
	h.ask(adm, admin, "/requests")
	list = h.tg.WaitMessages(t, admin.ID, len(list)+2)
	mustContain(t, list[len(list)-1].PlainText(), "Change of Party", "asks for: 🇹🇷 Türkiye")
	before := len(h.tg.Messages(chat.ID))
	h.pressed(adm, admin, note.MessageID, "acc:y:2002")
	mustContain(t, h.tg.WaitMessages(t, chat.ID, before+1)[before].PlainText(), "you now represent 🇹🇷 Türkiye")
	mustContain(t, h.ask(chat, memberKZ, "/mytasks").PlainText(), "Open tasks of 🇹🇷 Türkiye")
	log, err := h.store.AuditLog(context.Background(), 10)
	if err != nil || len(log) != 1 || log[0].Action != storage.AuditMemberParty || log[0].By != admin.ID || log[0].Member != memberKZ.ID {
		t.Errorf("audit %+v, %v; want one party change by the administrator", log, err)
	}
}

// A rejected change leaves the member's Party as it was.
func TestIamRejectedKeepsTheParty(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberKZ)
	ask := h.ask(chat, memberKZ, "/iam")
	h.pressed(chat, memberKZ, ask.MessageID, "iam:UZ")
	msgs := h.tg.Messages(chat.ID)
	mustContain(t, msgs[len(msgs)-1].PlainText(), "Your request to represent 🇺🇿 Uzbekistan was sent")
	note := h.tg.WaitMessages(t, admin2.ID, 1)[0]
	before := len(h.tg.Messages(chat.ID))
	h.pressed(telegramtest.Private(admin2), admin2, note.MessageID, "acc:n:2002")
	mustContain(t, h.tg.WaitMessages(t, chat.ID, before+1)[before].PlainText(), "did not approve the change", "You still represent 🇰🇿 Kazakhstan")
	if m, _ := h.store.Member(context.Background(), memberKZ.ID); m.Party != storage.Kazakhstan {
		t.Errorf("party %s after a rejection", m.Party)
	}
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
	h.waitHandled(t, h.tg.SendText(chat, memberTR, "/help"))
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
	h.waitHandled(t, h.tg.SendText(telegramtest.Private(memberTR), memberTR, "/help"))
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

// Finding 9: a mistyped command offers the one meant, with a button that runs it.
func TestMistypedCommandOffersTheOneMeant(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberTR)
	for typed, meant := range map[string]string{"/deadline": "deadlines", "/dedlines": "deadlines", "/mytask": "mytasks"} {
		got := h.ask(chat, memberTR, typed)
		mustContain(t, got.PlainText(), "Did you mean /"+meant+"?")
		mustNotContain(t, got.PlainText(), "Here is what you can use")
		if !hasButton(got, "cmd:"+meant) {
			t.Fatalf("%s: no button for /%s", typed, meant)
		}
		if typed == "/dedlines" {
			before := len(h.tg.Messages(chat.ID))
			h.press(chat, memberTR, got, "cmd:"+meant)
			mustContain(t, h.tg.WaitMessages(t, chat.ID, before+1)[before].PlainText(), "Open deadlines")
		}
	}
	// A stranger is not offered what they may not use.
	got := h.ask(telegramtest.Private(stranger), stranger, "/mytask")
	mustNotContain(t, got.PlainText(), "Did you mean /mytasks")
}

// Finding 9: /done with something that is not a task number explains /done.
func TestDoneUsage(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	got := h.ask(telegramtest.Private(memberTR), memberTR, "/done Heron").PlainText()
	mustContain(t, got, "Use /done followed by a task number")
	mustNotContain(t, got, "/task followed")
}

// Finding 9: a restart with the same menus does not set them again.
func TestCommandMenuSetOnlyWhenChanged(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	first := h.tg.Calls("setMyCommands")
	// Private chats, groups, two administrators: in each language (issue 13).
	if want := 4 * len(menuLanguages()); first != want {
		t.Fatalf("setMyCommands called %d times at the first start, want %d", first, want)
	}
	h.shutdown()
	h.start()
	if n := h.tg.Calls("setMyCommands") - first; n != 0 {
		t.Errorf("setMyCommands called %d more times at a restart with unchanged menus", n)
	}
}

// The /iam picker is a step of the /iam request, and every conversation
// offers a way out (issue 10, item 2): Cancel leaves the Party as it was
// and tells no administrator.
func TestIamPickerCanBeCancelled(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	chat := telegramtest.Private(memberKZ)
	pick := h.ask(chat, memberKZ, "/iam")
	if !hasButton(pick, "iam:x") {
		t.Fatalf("the /iam picker has no Cancel button: %+v", pick.ReplyMarkup)
	}
	done := h.pressNext(chat, memberKZ, pick, "iam:x")
	mustContain(t, done.PlainText(), "Cancelled", "You still represent 🇰🇿 Kazakhstan")
	mustContain(t, h.ask(chat, memberKZ, "/mytasks").PlainText(), "Open tasks of 🇰🇿 Kazakhstan")
	if n := len(h.tg.Messages(admin.ID)); n != 0 {
		t.Errorf("a cancelled /iam reached the administrator (%d messages)", n)
	}
}

// Issue 9, item 2: an administrator records any Party's part by naming it,
// recorded as theirs; without a Party named, they are told how.
func TestAdminDoneNamesTheParty(t *testing.T) {
	t.Parallel()
	h := prepare(t, alertSeed(techConditions))
	h.start()
	chat := telegramtest.Private(admin)
	mustContain(t, h.ask(chat, admin, "/done 1").PlainText(), "Name the Party whose part you record", "/done 3 KZ")
	reply := h.ask(chat, admin, "/done 1 KZ Note 12/2024")
	mustContain(t, reply.PlainText(), "🇰🇿 Kazakhstan submitted its part of task 1")
	task, err := h.store.Task(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	st := task.Status[storage.Kazakhstan]
	if st.State != storage.StateSubmitted || st.By != admin.ID || !strings.Contains(st.Ref, "Note 12/2024") {
		t.Errorf("KZ's part is %+v, want submitted by %d with the reference", st, admin.ID)
	}
	if task.Status[storage.Turkiye].State == storage.StateSubmitted {
		t.Error("TR's part changed too")
	}
}

// The pages of /deadlines and /mytasks are kept between requests
// (handlers/lists.go): a task changed by another instance, one changed here,
// and a new day each show at once.
func TestListsFollowTheTasksAndTheDay(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	chat := telegramtest.Private(memberTR)
	mustContain(t, h.ask(chat, memberTR, "/deadlines").PlainText(), "by 1 March 2024 (in 41 days)")
	mustContain(t, h.ask(chat, memberTR, "/mytasks").PlainText(), "Submit the renewed concept of the Silk Road")

	// Another instance renames task 1: both lists show the new title.
	if _, err := h.store.UpdateTask(ctx, 1, func(t *storage.Task) error { t.Title = "Submit the Caravanserai concept"; return nil }); err != nil {
		t.Fatal(err)
	}
	mustContain(t, h.ask(chat, memberTR, "/deadlines").PlainText(), "#1 Submit the Caravanserai concept")
	mustContain(t, h.ask(chat, memberTR, "/mytasks").PlainText(), "#1 Submit the Caravanserai concept")

	// This instance records TR's submission: task 1 leaves TR's open tasks.
	h.ask(chat, memberTR, "/done 1")
	mustNotContain(t, h.ask(chat, memberTR, "/mytasks").PlainText(), "Caravanserai")

	// The next day, the days left are counted again.
	h.clock.Advance(24 * time.Hour)
	mustContain(t, h.ask(chat, memberTR, "/deadlines").PlainText(), "as of 21 January 2024", "until 1 April 2024 (in 71 days)")
}

package bot

import (
	"bytes"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ots-customs/wgbot/bot/telegramtest"
)

// TestReportThroughTelegram: a member's /done shows in the three files an
// administrator gets with /report; elsewhere /report is refused with a reason.
func TestReportThroughTelegram(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.ask(telegramtest.Private(memberTR), memberTR, "/done 1 Yazı 2024/ğ-15")

	chat := telegramtest.Private(admin)
	h.tg.SendText(chat, admin, "/report")
	// Only the files: an administrator may also get notices (the /done above).
	var msgs []telegramtest.Sent
	for i := 3; len(msgs) < 3; i++ {
		msgs = nil
		for _, m := range h.tg.WaitMessages(t, chat.ID, i) {
			if m.DocumentName != "" {
				msgs = append(msgs, m)
			}
		}
	}
	names := []string{msgs[0].DocumentName, msgs[1].DocumentName, msgs[2].DocumentName}
	if strings.Join(names, " ") != "wgbot-report.docx wgbot-report.xlsx wgbot-report.pdf" {
		t.Fatalf("got %q", names)
	}
	if !strings.Contains(msgs[0].PlainText(), "Implementation of the decisions of the 12th Meeting") ||
		!strings.Contains(msgs[0].PlainText(), "as of 20 January 2024") {
		t.Errorf("caption %q", msgs[0].PlainText())
	}
	f, err := excelize.OpenReader(bytes.NewReader(msgs[1].Document))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Heads of Customs (9th)")
	if err != nil {
		t.Fatal(err)
	}
	// Task 1 is Türkiye's alone: TR's status column is the fourth Party's.
	tr := 4 + 3*3
	if rows[1][0] != "1" || rows[1][tr] != "submitted" || rows[1][tr+2] != "Yazı 2024/ğ-15" {
		t.Errorf("task 1's row %q", rows[1])
	}

	if got := h.ask(telegramtest.Private(memberTR), memberTR, "/report").PlainText(); !strings.Contains(got, "Only the Secretariat") {
		t.Errorf("a member's /report: %q", got)
	}
	if got := h.ask(chat, admin, "/report Samarkand").PlainText(); !strings.Contains(got, "I don't know the meeting “Samarkand”") || !strings.Contains(got, "wg12") {
		t.Errorf("an unknown meeting: %q", got)
	}
}

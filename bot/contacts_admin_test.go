package bot

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/xml"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/ots-customs/wgbot/bot/telegramtest"
	"github.com/ots-customs/wgbot/storage"
)

// approveViaBot nominates in one message as from, confirms, and has admin approve.
func approveViaBot(t *testing.T, h *harness, from telegramtest.User, fields string) {
	t.Helper()
	chat := telegramtest.Private(from)
	summary := h.ask(chat, from, "/nominate "+fields)
	sent := h.pressNext(chat, from, summary, "nom:ok")
	mustContain(t, sent.PlainText(), "was sent to the Secretariat")
	var id int
	if _, err := fmt.Sscanf(sent.PlainText(), "✅ Nomination #%d", &id); err != nil {
		t.Fatalf("%q: %v", sent.PlainText(), err)
	}
	data := fmt.Sprintf("ctc:y:%d", id)
	var note telegramtest.Sent
	waitFor(t, h, func() bool {
		for _, m := range h.tg.Messages(admin.ID) {
			if hasButton(m, data) {
				note = m
				return true
			}
		}
		return false
	})
	h.pressNext(telegramtest.Private(admin), admin, note, data)
	waitLast(t, h, chat.ID, "was approved")
}

func TestExportFilesParseBack(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	approveViaBot(t, h, memberKZ, "Ерлан Әбілов; =HYPERLINK(\"http://x\"); erlan@kgd.gov.kz; +7 (7172) 71-80-00; @erlan_a")
	approveViaBot(t, h, memberTR, "Ayşe O'Neil-Öztürk; Head, Risk \\ Analysis; ayse@trade.gov.tr; +90 312 123 45 67")
	chat := telegramtest.Private(admin)
	before := len(h.tg.Messages(chat.ID))
	h.tg.SendText(chat, admin, "/export")
	msgs := h.tg.WaitMessages(t, chat.ID, before+3)[before:]
	xlsxMsg, csvMsg, vcfMsg := msgs[0], msgs[1], msgs[2]
	if xlsxMsg.DocumentName != "wgbot-contacts.xlsx" {
		t.Fatalf("first document %q", xlsxMsg.DocumentName)
	}
	sheet := readXLSX(t, xlsxMsg.Document)
	if len(sheet) != 3 || sheet[0][3] != "Full name" || sheet[1][3] != "Ерлан Әбілов" || sheet[1][4] != `=HYPERLINK("http://x")` ||
		sheet[1][7] != "+77172718000" || sheet[2][3] != "Ayşe O'Neil-Öztürk" {
		t.Errorf("XLSX cells: %q", sheet)
	}
	if csvMsg.DocumentName != "wgbot-contacts.csv" || vcfMsg.DocumentName != "wgbot-contacts.vcf" {
		t.Fatalf("documents %q, %q: %q, %q", csvMsg.DocumentName, vcfMsg.DocumentName, csvMsg.PlainText(), vcfMsg.Method)
	}

	// CSV: BOM, header, RFC 4180 quoting, formula cells neutralised, phones as is.
	data := csvMsg.Document
	if !bytes.HasPrefix(data, []byte("\xEF\xBB\xBF")) {
		t.Fatal("the CSV has no UTF-8 byte order mark")
	}
	rows, err := csv.NewReader(bytes.NewReader(data[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		{"ID", "Party", "Party name", "Full name", "Position", "Organization", "E-mail", "Phone", "Telegram username"},
		{"1", "KZ", "Kazakhstan", "Ерлан Әбілов", `'=HYPERLINK("http://x")`,
			"State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan", "erlan@kgd.gov.kz", "+77172718000", "erlan_a"},
		{"2", "TR", "Türkiye", "Ayşe O'Neil-Öztürk", `Head, Risk \ Analysis`, "Ministry of Trade of the Republic of Türkiye",
			"ayse@trade.gov.tr", "+903121234567", ""},
	}
	if len(rows) != 3 {
		t.Fatalf("CSV rows: %q", rows)
	}
	for i := range want {
		if strings.Join(rows[i], "|") != strings.Join(want[i], "|") {
			t.Errorf("CSV row %d:\n got %q\nwant %q", i, rows[i], want[i])
		}
	}
	if !bytes.Contains(data, []byte("\r\n")) {
		t.Error("CSV lines should end with CRLF")
	}

	// vCard: CRLF, folded at 75 octets, escaped values.
	raw := string(vcfMsg.Document)
	for _, line := range strings.Split(strings.TrimSuffix(raw, "\r\n"), "\r\n") {
		if len(line) > 75 {
			t.Errorf("vCard line over 75 octets: %q", line)
		}
		if strings.ContainsAny(line, "\r\n") {
			t.Errorf("bare CR or LF in %q", line)
		}
	}
	cards := parseVCards(t, raw)
	if len(cards) != 2 {
		t.Fatalf("%d vCards", len(cards))
	}
	kz := cards[0]
	for prop, v := range map[string]string{"VERSION": "3.0", "FN": "Ерлан Әбілов", "N": `Әбілов;Ерлан;;;`,
		"ORG":   "State Revenue Committee of the Ministry of Finance of the Republic of Kazakhstan",
		"TITLE": `=HYPERLINK("http://x")`, "EMAIL;TYPE=INTERNET": "erlan@kgd.gov.kz", "TEL;TYPE=WORK,VOICE": "+77172718000",
		"X-TELEGRAM": "erlan_a"} {
		if got := kz[prop]; got != v {
			t.Errorf("KZ vCard %s = %q, want %q", prop, got, v)
		}
	}
	mustContain(t, kz["NOTE"], "Kazakhstan (KZ)")
	if tr := cards[1]; tr["TITLE"] != `Head\, Risk \\ Analysis` || unescapeV(tr["TITLE"]) != `Head, Risk \ Analysis` || tr["FN"] != "Ayşe O'Neil-Öztürk" {
		t.Errorf("TR vCard: %q", tr)
	}
	if !strings.Contains(raw, "\r\n ") {
		t.Error("the long ORG line was not folded")
	}
}

// parseVCards unfolds and splits vCards into maps of "NAME;PARAMS" -> raw value.
func parseVCards(t *testing.T, raw string) []map[string]string {
	t.Helper()
	unfolded := strings.ReplaceAll(raw, "\r\n ", "")
	var cards []map[string]string
	var cur map[string]string
	for _, line := range strings.Split(strings.TrimSuffix(unfolded, "\r\n"), "\r\n") {
		name, value, ok := strings.Cut(line, ":")
		if !ok {
			t.Fatalf("vCard line without a colon: %q", line)
		}
		switch {
		case line == "BEGIN:VCARD":
			cur = map[string]string{}
		case line == "END:VCARD":
			cards = append(cards, cur)
		default:
			cur[name] = value
		}
	}
	return cards
}

func unescapeV(s string) string {
	return strings.NewReplacer(`\\`, `\`, `\,`, ",", `\;`, ";", `\n`, "\n").Replace(s)
}

func TestAdministratorEditsAndRemovesContact(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	approveViaBot(t, h, memberTR, "Ayşe Öztürk; Analyst; ayse@trade.gov.tr; +90 312 123 45 67")
	chat := telegramtest.Private(admin)
	list := h.ask(chat, admin, "/contacts")
	mustContain(t, list.PlainText(), "Ayşe Öztürk", "#1")
	fields := h.pressNext(chat, admin, list, "cte:1")
	mustContain(t, fields.PlainText(), "Which field of contact #1")
	ask := h.pressNext(chat, admin, fields, "cte:1:phone")
	mustContain(t, ask.PlainText(), "Send the new Phone of contact #1. Now: +90 312 123 45 67")
	mustContain(t, h.ask(chat, admin, "12345").PlainText(), "international form", "again")
	mustContain(t, h.ask(chat, admin, "+998 71 234 56 78").PlainText(), "Contact #1: Phone changed", "+998 71 234 56 78")

	mustContain(t, h.ask(chat, admin, "/editcontact 1 email nope").PlainText(), "not an e-mail address", "Nothing was changed")
	mustContain(t, h.ask(chat, admin, "/editcontact 1 name <b>Bob</b>").PlainText(), "only letters")
	mustContain(t, h.ask(chat, admin, "/editcontact 1 position Head of <b>Unit</b> & Co").PlainText(), "Position changed", "Head of <b>Unit</b> & Co")
	mustContain(t, h.ask(chat, admin, "/editcontact 9 phone +998 71 234 56 78").PlainText(), "no approved contact #9")
	mustContain(t, h.ask(chat, admin, "/editcontact 1").PlainText(), "Use: /editcontact ID field value")

	confirm := h.ask(chat, admin, "/removecontact 1")
	mustContain(t, confirm.PlainText(), "Remove contact #1?")
	mustContain(t, h.pressNext(chat, admin, confirm, "ctr:y:1").PlainText(), "Contact #1 (Ayşe Öztürk) was removed")
	mustContain(t, h.ask(chat, admin, "/contacts").PlainText(), "No contacts have been approved")

	// The audit log names ids and actions, never personal data.
	audit := h.ask(chat, admin, "/audit")
	mustContain(t, audit.PlainText(), "Latest changes (5)",
		"Aida Secretariat removed contact #1 (contact.removed · contact 1 · by 1001)",
		"Aida Secretariat changed the position of contact #1", "Aida Secretariat changed the phone of contact #1",
		"Aida Secretariat approved contact #1", "Ahmet Yılmaz nominated contact #1 (contact.nominated · contact 1 · by 2001)")
	mustNotContain(t, audit.PlainText(), "Ayşe", "ayse@", "+998")
	mustContain(t, h.ask(chat, admin, "/audit 2").PlainText(), "Latest changes (2)")
	mustContain(t, h.ask(chat, admin, "/audit x").PlainText(), "Use /audit or /audit N")
}

func TestForgetMe(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	ctx := context.Background()
	// Ahmet nominates himself (his own username) and a colleague, still pending.
	approveViaBot(t, h, memberTR, "Ahmet Yılmaz; Expert; ahmet@trade.gov.tr; +90 312 123 45 67; @Ahmet")
	chat := telegramtest.Private(memberTR)
	summary := h.ask(chat, memberTR, "/nominate Mehmet Kaya; Expert; mehmet@trade.gov.tr; +90 312 123 45 68")
	h.pressNext(chat, memberTR, summary, "nom:ok")
	h.ask(chat, memberTR, "/nominate")
	// Someone else's contact stays.
	approveViaBot(t, h, memberKZ, "Ерлан Әбілов; Expert; erlan@kgd.gov.kz; +7 7172 718000")
	if c, _ := h.store.Contact(ctx, 1); c.TelegramUserID != memberTR.ID {
		t.Errorf("a self-nomination should record the user id: %+v", c)
	}

	ask := h.ask(chat, memberTR, "/forgetme")
	mustContain(t, ask.PlainText(), "Delete everything I hold about you?")
	done := h.pressNext(chat, memberTR, ask, "fgt:y")
	mustContain(t, done.PlainText(), "Deleted:", "your membership", "your nomination form in progress",
		"the contact entries about you: #1", "your pending nominations: #2")
	if _, err := h.store.Member(ctx, memberTR.ID); !errors.Is(err, storage.ErrNotFound) {
		t.Errorf("member after /forgetme: %v", err)
	}
	list := h.ask(telegramtest.Private(memberKZ), memberKZ, "/contacts")
	mustNotContain(t, list.PlainText(), "Ahmet", "Mehmet")
	mustContain(t, list.PlainText(), "Ерлан Әбілов")
	mustContain(t, h.ask(chat, memberTR, "/deadlines").PlainText(), "members only")

	// Nothing is left: said so.
	again := h.ask(chat, memberTR, "/forgetme")
	mustContain(t, h.pressNext(chat, memberTR, again, "fgt:y").PlainText(), "I hold no data about you")
	cancel := h.ask(telegramtest.Private(memberKZ), memberKZ, "/forgetme")
	mustContain(t, h.pressNext(telegramtest.Private(memberKZ), memberKZ, cancel, "fgt:n").PlainText(), "Cancelled")
	if _, err := h.store.Member(ctx, memberKZ.ID); err != nil {
		t.Errorf("cancelled /forgetme deleted: %v", err)
	}
	audit := h.ask(telegramtest.Private(admin), admin, "/audit 3")
	mustContain(t, audit.PlainText(), "a former member asked to be forgotten; their data was deleted (member.forgotten · member 2001 · by 2001)",
		"contact #2 was deleted at the request of the person it was about (contact.forgotten · contact 2")
}

// readXLSX reads the cells of the first sheet of a workbook, as Excel
// would: the parts must be where the relationships say.
func readXLSX(t *testing.T, data []byte) [][]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("the XLSX is not a zip: %v", err)
	}
	files := map[string]*zip.File{}
	for _, f := range zr.File {
		files[f.Name] = f
	}
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml"} {
		if files[name] == nil {
			t.Fatalf("the XLSX lacks %s", name)
		}
	}
	rc, err := files["xl/worksheets/sheet1.xml"].Open()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	var ws struct {
		Rows []struct {
			Cells []struct {
				Type string `xml:"t,attr"`
				Text string `xml:"is>t"`
			} `xml:"c"`
		} `xml:"sheetData>row"`
	}
	if err := xml.NewDecoder(rc).Decode(&ws); err != nil {
		t.Fatalf("sheet1.xml: %v", err)
	}
	var out [][]string
	for _, r := range ws.Rows {
		var row []string
		for _, c := range r.Cells {
			if c.Type != "inlineStr" {
				t.Errorf("a cell of type %q: it could be read as a number or a formula", c.Type)
			}
			row = append(row, c.Text)
		}
		out = append(out, row)
	}
	return out
}

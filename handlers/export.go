package handlers

import (
	"bytes"
	"context"
	"encoding/csv"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// The files of /export.
const (
	ExportCSVName   = "wgbot-contacts.csv"
	ExportVCardName = "wgbot-contacts.vcf"
)

// export handles /export: the approved contacts as a spreadsheet (XLSX, for
// Excel in any regional setting), a CSV file and a vCard file.
func (b *Bot) export(ctx context.Context, r *Request) error {
	all, err := b.Store.Contacts(ctx)
	if err != nil {
		return err
	}
	var cs []storage.Contact
	for _, c := range all {
		if c.Status == storage.ContactApproved {
			cs = append(cs, c)
		}
	}
	if len(cs) == 0 {
		return b.reply(ctx, r, r.Lang.T(txtExportNone))
	}
	csvData, err := ContactsCSV(r.Lang, cs)
	if err != nil {
		return err
	}
	xlsx, err := ContactsXLSX(r.Lang, cs)
	if err != nil {
		return err
	}
	if err := b.Sender.SendDocument(ctx, r.Chat.ID, ExportXLSXName, xlsx, r.Lang.N(txtExportXLSX, len(cs))); err != nil {
		return err
	}
	if err := b.Sender.SendDocument(ctx, r.Chat.ID, ExportCSVName, csvData, r.Lang.N(txtExportCSV, len(cs))); err != nil {
		return err
	}
	return b.Sender.SendDocument(ctx, r.Chat.ID, ExportVCardName, ContactsVCard(r.Lang, cs), r.Lang.N(txtExportVCard, len(cs)))
}

// exportHeader names the columns of the exports in l.
func exportHeader(l i18n.Lang) []string {
	var out []string
	for _, id := range []i18n.ID{"export.ID", "report.Party", "export.PartyName", "export.FullName", txtFldPosition,
		txtFldOrg, txtFldEmail, txtFldPhone, "export.Telegram"} {
		out = append(out, l.T(id))
	}
	return out
}

// ContactsCSV writes contacts as CSV (RFC 4180, CRLF) in UTF-8 with a byte
// order mark, so that Excel reads Cyrillic and Turkish letters right.
//
// Against formula injection a text cell that starts with = + - or @ (or a tab
// or carriage return) gets a leading apostrophe, which spreadsheets show as
// text. The phone column is the exception: a phone is stored only in the
// canonical form "+" and digits (checked on input), which cannot carry a
// formula, so it is written as is and stays readable; the Telegram column is
// written without "@" for the same reason.
func ContactsCSV(l i18n.Lang, cs []storage.Contact) ([]byte, error) {
	var buf bytes.Buffer
	buf.WriteString("\uFEFF")
	w := csv.NewWriter(&buf)
	w.UseCRLF = true
	if err := w.Write(exportHeader(l)); err != nil {
		return nil, err
	}
	for _, c := range cs {
		row := []string{strconv.FormatInt(c.ID, 10), string(c.Party), l.PartyName(string(c.Party)), c.FullName, c.Position,
			c.Organization, c.Email, "", c.Username}
		for i := range row {
			row[i] = neutralise(row[i])
		}
		row[7] = c.Phone
		if err := w.Write(row); err != nil {
			return nil, err
		}
	}
	w.Flush()
	return buf.Bytes(), w.Error()
}

// neutralise prefixes a cell that a spreadsheet would take for a formula.
func neutralise(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// ContactsVCard writes contacts as vCard 3.0 (RFC 2426): CRLF line ends,
// text values escaped, lines folded at 75 octets.
func ContactsVCard(l i18n.Lang, cs []storage.Contact) []byte {
	var buf bytes.Buffer
	for _, c := range cs {
		given, family := splitName(c.FullName)
		lines := []string{"BEGIN:VCARD", "VERSION:3.0",
			"FN:" + vEscape(c.FullName),
			"N:" + vEscape(family) + ";" + vEscape(given) + ";;;",
			"ORG:" + vEscape(c.Organization),
			"TITLE:" + vEscape(c.Position),
			"EMAIL;TYPE=INTERNET:" + vEscape(c.Email),
			"TEL;TYPE=WORK,VOICE:" + vEscape(c.Phone), // office lines, as nominations give them
		}
		if c.Username != "" {
			lines = append(lines, "X-TELEGRAM:"+vEscape(c.Username), "URL:https://t.me/"+c.Username)
		}
		lines = append(lines, "NOTE:"+vEscape(l.T("export.VCardNote", l.PartyName(string(c.Party)), string(c.Party))),
			"END:VCARD")
		for _, line := range lines {
			buf.WriteString(fold(line))
		}
	}
	return buf.Bytes()
}

// splitName guesses given and family names: the last word is the family name.
func splitName(full string) (given, family string) {
	// The Secretariat's lists write the family name in capitals ("András
	// János ZÓLYOM", "Ahmet Şevket DAYIOĞLU"): where a name does so, those
	// words are the family name, wherever they stand.
	words := strings.Fields(full)
	var caps, rest []string
	for _, w := range words {
		if isCapitals(w) {
			caps = append(caps, w)
		} else {
			rest = append(rest, w)
		}
	}
	if len(caps) > 0 && len(rest) > 0 {
		return strings.Join(rest, " "), strings.Join(caps, " ")
	}
	i := strings.LastIndexByte(full, ' ')
	if i < 0 {
		return "", full
	}
	return full[:i], full[i+1:]
}

// isCapitals reports whether a word of two letters or more is all capitals.
func isCapitals(w string) bool {
	letters := 0
	for _, r := range w {
		if unicode.IsLetter(r) {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 2
}

// vEscape escapes a vCard text value: backslash, comma, semicolon, newline.
func vEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, ",", `\,`, ";", `\;`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}

// fold ends a content line with CRLF, folding it into lines of at most 75
// octets (continuations start with a space) without splitting a character.
func fold(line string) string {
	const limit = 75
	var b strings.Builder
	width := limit
	for len(line) > width {
		cut := width
		for cut > 0 && !utf8.RuneStart(line[cut]) {
			cut--
		}
		b.WriteString(line[:cut])
		b.WriteString("\r\n ")
		line = line[cut:]
		width = limit - 1
	}
	b.WriteString(line)
	b.WriteString("\r\n")
	return b.String()
}

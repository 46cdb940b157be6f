package handlers

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"strconv"
	"strings"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// ExportXLSXName is the spreadsheet of /export.
const ExportXLSXName = "wgbot-contacts.xlsx"

// ContactsXLSX writes contacts as an Office Open XML workbook of one sheet:
// the same columns as ContactsCSV. Excel opens it the same way in every
// regional setting (a CSV is split by the locale's list separator, comma in
// English and semicolon in Turkish, Russian or Hungarian settings), and every
// cell is an inline string, so that nothing is read as a number, a date or a
// formula. The standard library writes it: the format needs five small parts.
func ContactsXLSX(l i18n.Lang, cs []storage.Contact) ([]byte, error) {
	var sheet strings.Builder
	sheet.WriteString(xml.Header + `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	row := func(n int, cells []string) {
		sheet.WriteString(`<row r="` + strconv.Itoa(n) + `">`)
		for i, v := range cells {
			sheet.WriteString(`<c r="` + column(i) + strconv.Itoa(n) + `" t="inlineStr"><is><t xml:space="preserve">`)
			_ = xml.EscapeText(&sheet, []byte(v)) // a strings.Builder does not fail
			sheet.WriteString(`</t></is></c>`)
		}
		sheet.WriteString(`</row>`)
	}
	row(1, exportHeader(l))
	for i, c := range cs {
		row(i+2, []string{strconv.FormatInt(c.ID, 10), string(c.Party), l.PartyName(string(c.Party)), c.FullName, c.Position,
			c.Organization, c.Email, c.Phone, c.Username})
	}
	sheet.WriteString(`</sheetData></worksheet>`)

	parts := []struct{ name, body string }{
		{"[Content_Types].xml", xml.Header + `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
			`<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
			`<Default Extension="xml" ContentType="application/xml"/>` +
			`<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
			`<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>` +
			`</Types>`},
		{"_rels/.rels", xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>` +
			`</Relationships>`},
		{"xl/workbook.xml", xml.Header + `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ` +
			`xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
			`<sheets><sheet name="` + sheetName(l) + `" sheetId="1" r:id="rId1"/></sheets></workbook>`},
		{"xl/_rels/workbook.xml.rels", xml.Header + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
			`<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>` +
			`</Relationships>`},
		{"xl/worksheets/sheet1.xml", sheet.String()},
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range parts {
		w, err := zw.Create(p.name)
		if err != nil {
			return nil, err
		}
		if _, err := w.Write([]byte(p.body)); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// column is the letter of column i (0: A); the export has fewer than 26.
func column(i int) string { return string(rune('A' + i)) }

// sheetName is the sheet's name in l, escaped for the XML attribute.
func sheetName(l i18n.Lang) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(l.T("export.Sheet")))
	return b.String()
}

package minutes

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/ledongthuc/pdf"
)

// An action table reads the same from text, DOCX and PDF minutes. The
// DOCX and PDF fixtures in testdata/minutes are built by this file's
// helpers from enTableRows (go test -run TestEnglishTableFormats -update
// rewrites them) and committed, so that the reading of the files as they
// are is what is tested.

const enTableHeading = "Minutes of the 5th meeting of the Working Group, held in Tashkent on 10 October 2023."

// enTableRows is the table: a header, open rows, a done row, an undated one.
var enTableRows = [][]string{
	{"#", "Item", "Responsible", "Deadline", "Status"},
	{"1", "Circulate the draft Regulation", "Secretariat", "15.11.2023", "Open"},
	{"2", "Nominate the experts of the Working Group", "Kyrgyz side", "01.12.2023", "In progress"},
	{"3", "Update the contact list", "Secretariat", "01.10.2023", "Completed"},
	{"4", "Publish the glossary", "Secretariat", "ongoing", "Open"},
	{"5", "Share the risk profiles", "Uzbek side, Turkish side", "31 January 2024", "Open"},
}

const enTableAfter = "The next meeting will be held on 12 March 2024."

// enTableText is the table as text minutes write it.
func enTableText() string {
	var b strings.Builder
	b.WriteString(enTableHeading + "\n\n")
	for i, r := range enTableRows {
		b.WriteString("| " + strings.Join(r, " | ") + " |\n")
		if i == 0 {
			b.WriteString(strings.Repeat("|---", len(r)) + "|\n")
		}
	}
	return b.String() + "\n" + enTableAfter + "\n"
}

func enTableDOCX(t *testing.T) []byte {
	body := wp(enTableHeading) + "<w:tbl>"
	for _, r := range enTableRows {
		body += wrow(r...)
	}
	return buildDOCX(t, fmt.Sprintf(docxTemplate, body+"</w:tbl>"+wp(enTableAfter)))
}

// enTablePDF places the cells in columns, as a word processor exports a
// table, and wraps the long task of row 2 onto a second line of its cell.
func enTablePDF() []byte {
	cols := []int{72, 100, 300, 420, 500}
	var b strings.Builder
	y := 700
	line := func(x int, s string) { fmt.Fprintf(&b, "BT /F1 9 Tf %d %d Td (%s) Tj ET\n", x, y, s) }
	fmt.Fprintf(&b, "BT /F1 11 Tf 72 740 Td (%s) Tj ET\n", enTableHeading)
	for _, r := range enTableRows {
		wrapped := ""
		for k, c := range r {
			if k == 1 && len(c) > 30 {
				cut := strings.LastIndex(c[:30], " ")
				c, wrapped = c[:cut], c[cut+1:]
			}
			line(cols[k], c)
		}
		if wrapped != "" {
			y -= 11
			line(cols[1], wrapped)
		}
		y -= 20
	}
	y -= 10
	line(72, enTableAfter)
	return buildPDF(b.String(), "")
}

func TestEnglishTableFormats(t *testing.T) {
	fixtures := map[string][]byte{"en-action-table.docx": enTableDOCX(t), "en-action-table.pdf": enTablePDF()}
	if *update {
		for name, data := range fixtures {
			if err := os.WriteFile(filepath.Join(testdataDir, name), data, 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	want := itemKeys(Extract(enTableText(), Options{}))
	if !slices.Equal(want, []string{
		"Secretariat|2023-11-15|day|Circulate the draft Regulation",
		"Kyrgyz side|2023-12-01|day|Nominate the experts of the Working Group",
		"Uzbek side + Turkish side|2024-01-31|day|Share the risk profiles",
	}) {
		t.Fatalf("text table: %q", want)
	}
	for name := range fixtures {
		t.Run(name, func(t *testing.T) {
			text := readFixture(t, name)
			items := Extract(text, Options{})
			if got := itemKeys(items); !slices.Equal(got, want) {
				t.Errorf("got %q, want %q as from the text\n%s", got, want, text)
			}
			for _, it := range items {
				if !strings.Contains(text, it.Quote) {
					t.Errorf("quote %q is not in the document's text", it.Quote)
				}
			}
		})
	}
}

// TestPDFLineCut: glyphs with widths, as real PDFs give them, are cut into
// cells at wide gaps and into words at kerning gaps with no space drawn.
func TestPDFLineCut(t *testing.T) {
	var gs []pdf.Text
	x := 72.0
	put := func(s string, gap float64) {
		x += gap
		for _, r := range s {
			gs = append(gs, pdf.Text{FontSize: 10, X: x, Y: 700, W: 5, S: string(r)})
			x += 5
		}
	}
	put("Send", 0)
	put("the", 3) // a TJ kerning offset of 0.3 em: a word space
	put("list", 3)
	put("Secretariat", 40) // a column
	put("1.12.2023", 30)
	lines := pdfLines(gs)
	var cells []string
	for _, c := range lines[0].cells {
		cells = append(cells, c.text)
	}
	if len(lines) != 1 || !slices.Equal(cells, []string{"Send the list", "Secretariat", "1.12.2023"}) {
		t.Errorf("cells %q", cells)
	}
}

// TestEnglishOfficeFormats reads minutes as a word processor saves them:
// testdata/minutes/en-minutes-lo.html converted by LibreOffice to DOCX,
// and that DOCX to PDF, so that the PDF's table is laid out as Writer lays
// out a Word table (a wrapped cell, subset fonts, TJ arrays). Both must
// give the items of the text, the table's rows and the prose around it.
//
//	soffice --headless --convert-to 'docx:MS Word 2007 XML' en-minutes-lo.html
//	soffice --headless --convert-to pdf:writer_pdf_Export en-minutes-lo.docx
func TestEnglishOfficeFormats(t *testing.T) {
	want := []string{
		"Turkish side|2024-03-01|day|submit the renewed concept of the Regulation to the Secretariat",
		"Secretariat|2023-11-15|day|Circulate the draft Regulation",
		"Kyrgyz side|2023-12-01|day|Nominate the experts of the Working Group for the joint analysis of risk profiles",
		"Uzbek side + Turkish side|2024-01-31|day|Share the risk profiles",
		"the Secretariat|2023-10-24|day|circulate these minutes to the Parties",
	}
	for _, name := range []string{"en-minutes-lo.docx", "en-minutes-lo.pdf"} {
		t.Run(name, func(t *testing.T) {
			text := readFixture(t, name)
			items := Extract(text, Options{})
			for _, it := range items {
				if !strings.Contains(NormalizeText(text), it.Quote) {
					t.Errorf("quote %q is not in the document's text", it.Quote)
				}
			}
			if got := itemKeys(items); !slices.Equal(got, want) {
				t.Errorf("got %q\nwant %q\ntext:\n%s", got, want, text)
			}
		})
	}
}

// FuzzReadOfficePDF mutates a word processor's PDF with a table, whose
// reading by glyph position the hand-made seeds of FuzzReadText do not
// reach: no input may panic or hang the reader.
func FuzzReadOfficePDF(f *testing.F) {
	data, err := os.ReadFile(filepath.Join(testdataDir, "en-minutes-lo.pdf"))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Fuzz(func(t *testing.T, data []byte) {
		ReadText("m.pdf", data)
	})
}

// readFixture is the text ReadText finds in a file of testdata/minutes.
func readFixture(t *testing.T, name string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testdataDir, name))
	if err != nil {
		t.Fatal(err)
	}
	text, err := ReadText(name, data)
	if err != nil {
		t.Fatal(err)
	}
	return text
}

// itemKeys names items as the user sees them: parties, date, precision, task.
func itemKeys(items []Item) []string {
	var out []string
	for _, it := range items {
		out = append(out, strings.Join(it.Parties, " + ")+"|"+it.Deadline+"|"+string(it.Precision)+"|"+it.Text)
	}
	return out
}

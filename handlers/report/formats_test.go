package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/ots-customs/wgbot/handlers/tooltest"
)

// TestXLSX reads every cell of every sheet back with excelize, and the drop-downs.
func TestXLSX(t *testing.T) {
	r := build(t)
	data, err := XLSX(r)
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got, want := f.GetSheetList(), []string{"Working Group (12th)", "Heads of Customs (9th)", "Log"}; !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	for _, s := range r.Sections {
		sheet := s.Meeting.Short
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: false})
		if err != nil {
			t.Fatal(err)
		}
		want := [][]string{XLSXHeader(r)}
		for _, row := range s.Rows {
			tk := row.Task
			line := []string{strconv.FormatInt(tk.ID, 10), tk.Title, r.Words.NoDeadline, ""}
			if !tk.Deadline.IsZero() {
				line[2], line[3] = tk.Deadline.Text, tk.Deadline.Due.Long()
			}
			for _, p := range r.Parties {
				status, date, ref := wantStatus(tk, p)
				line = append(line, status, date, ref)
			}
			want = append(want, trimRight(line))
		}
		if len(rows) != len(want) {
			t.Fatalf("%s: %d rows, want %d", sheet, len(rows), len(want))
		}
		for i := range want {
			if !slices.Equal(rows[i], want[i]) {
				t.Errorf("%s row %d\n got %q\nwant %q", sheet, i+1, rows[i], want[i])
			}
		}
		// A drop-down of the four statuses on each cell of a bound Party, and only there.
		dvs, err := f.GetDataValidations(sheet)
		if err != nil || len(dvs) != 1 {
			t.Fatalf("%s: %d data validations (%v), want 1", sheet, len(dvs), err)
		}
		if dvs[0].Type != "list" || dvs[0].Formula1 != `"open,overdue,submitted,confirmed"` {
			t.Errorf("%s: validation %s %s, want a list of the four statuses", sheet, dvs[0].Type, dvs[0].Formula1)
		}
		var wantRefs []string
		for i, row := range s.Rows {
			for j, p := range r.Parties {
				if row.Task.Involves(p) {
					c, _ := excelize.CoordinatesToCellName(xlsxFixed+1+3*j, i+2)
					wantRefs = append(wantRefs, c)
				}
			}
		}
		if got := strings.Fields(dvs[0].Sqref); !slices.Equal(got, wantRefs) {
			t.Errorf("%s: drop-downs on %v, want %v", sheet, got, wantRefs)
		}
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: panes %+v (%v), want the header frozen", sheet, panes, err)
		}
		if names := f.GetDefinedName(); !slices.ContainsFunc(names, func(d excelize.DefinedName) bool {
			return d.Name == "_xlnm._FilterDatabase" && d.Scope == sheet
		}) {
			t.Errorf("%s: no filter", sheet)
		}
	}
	logRows, err := f.GetRows("Log")
	if err != nil {
		t.Fatal(err)
	}
	if len(logRows) != 1+len(r.Log) {
		t.Fatalf("log sheet: %d rows, want %d", len(logRows), 1+len(r.Log))
	}
	if !slices.Equal(logRows[0], LogHeader(r)) || logRows[1][1] != "3" || logRows[1][3] != "Uzbekistan (UZ)" ||
		logRows[1][4] != "open → submitted" || logRows[1][5] != "https://customs.uz/n/5" {
		t.Errorf("log sheet starts %q %q", logRows[0], logRows[1])
	}
}

func trimRight(s []string) []string {
	for len(s) > 0 && s[len(s)-1] == "" {
		s = s[:len(s)-1]
	}
	return s
}

// docxText returns the text of each paragraph of word/document.xml.
func docxText(t *testing.T, data []byte) []string {
	t.Helper()
	z, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	var doc []byte
	for _, f := range z.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			doc, _ = io.ReadAll(rc)
			rc.Close()
		}
	}
	if doc == nil {
		t.Fatal("no word/document.xml")
	}
	var paras []string
	d := xml.NewDecoder(bytes.NewReader(doc))
	var cur strings.Builder
	inText := false
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("document.xml is not well-formed: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inText = tok.Name.Local == "t"
		case xml.CharData:
			if inText {
				cur.Write(tok)
			}
		case xml.EndElement:
			inText = false
			if tok.Name.Local == "p" {
				paras = append(paras, cur.String())
				cur.Reset()
			}
		}
	}
	return paras
}

func TestDOCX(t *testing.T) {
	r := build(t)
	data, err := DOCX(r)
	if err != nil {
		t.Fatal(err)
	}
	paras := docxText(t, data)
	if paras[0] != r.Title {
		t.Errorf("first paragraph %q, want the title", paras[0])
	}
	at := func(s string) int { return slices.Index(paras, s) }
	partI, partII, matrix, annex := at("Part I. Decisions outstanding"), at("Part II. Decisions implemented"), at("Decisions and Parties"), at("Annex. Log of submissions")
	if !(0 < partI && partI < partII && partII < matrix && matrix < annex) {
		t.Fatalf("parts at %d %d %d %d, want in order", partI, partII, matrix, annex)
	}
	in := func(s string, from, to int) bool { i := slices.Index(paras[from:to], s); return i >= 0 }
	// Task 1 is implemented, task 2 is not; each with its Parties' lines.
	task1 := "#1 " + r.Rows()[len(r.Sections[0].Rows)].Task.Title
	if !in(task1, partII, matrix) || in(task1, partI, partII) {
		t.Errorf("task 1 not in Part II alone")
	}
	if !in("Türkiye (TR): confirmed 22 February 2024, Yazı 3/ğ-ş", partII, matrix) {
		t.Errorf("task 1's Türkiye line missing")
	}
	for _, line := range []string{"Kyrgyzstan (KG): overdue", "Kazakhstan (KZ): confirmed 14 March 2024, Хат №7 қ ғ ң ө ү ұ", "Hungary (HU): submitted 1 April 2024, Levél 8/ő ű"} {
		if !in(line, partI, partII) {
			t.Errorf("Part I lacks %q", line)
		}
	}
	// The matrix: the header then a row per decision; each table cell is a paragraph.
	for _, row := range r.Rows() {
		for _, p := range r.Parties {
			status, date, ref := wantStatus(row.Task, p)
			want := status
			if status == "–" {
				continue
			}
			if date != "" {
				want += " " + date
			}
			if ref != "" {
				want += ", " + ref
			}
			if !in(want, matrix, annex) {
				t.Errorf("matrix lacks %q (task %d, %s)", want, row.Task.ID, p)
			}
		}
	}
	if !in("open → submitted", annex, len(paras)) || !in("Məktub 45/ə", annex, len(paras)) || in("late", annex, len(paras)) {
		t.Errorf("annex wrong: %q", paras[annex:])
	}
	if !in("Kyrgyzstan (KG)", at("Summary by Party"), partI) {
		t.Errorf("no count for Kyrgyzstan")
	}

	// LibreOffice must open it as Word does: convert it and read the text.
	soffice := tooltest.Need(t, "libreoffice-writer-nogui", "soffice", "libreoffice")
	dir := t.TempDir()
	in2 := filepath.Join(dir, "report.docx")
	if err := os.WriteFile(in2, data, 0o600); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--headless",
		"--convert-to", "txt:Text (encoded):UTF8", "--outdir", dir, in2)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, out)
	}
	txt, err := os.ReadFile(filepath.Join(dir, "report.txt"))
	if err != nil {
		t.Fatalf("LibreOffice wrote no text: %v", err)
	}
	for _, want := range []string{r.Title, "Part II. Decisions implemented", "Levél 8/ő ű", "Хат №7 қ ғ ң ө ү ұ", "Annex. Log of submissions"} {
		if !strings.Contains(string(txt), want) {
			t.Errorf("LibreOffice's text lacks %q", want)
		}
	}
}

var wordRE = regexp.MustCompile(`<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="[\d.]+" yMax="[\d.]+">([^<]*)</word>`)

type pdfWord struct {
	x, y float64
	text string
	page int
}

// TestPDF reads the snapshot with pdftotext: the title, the Turkic letters,
// and in each decision's row each Party's status in that Party's column.
func TestPDF(t *testing.T) {
	r := build(t)
	data, err := PDF(r)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(data, []byte("%PDF-")) || !bytes.Contains(data, []byte("/FontFile2")) {
		t.Fatal("not a PDF with an embedded TrueType font")
	}
	pdftotext := tooltest.Need(t, "poppler-utils", "pdftotext")
	dir := t.TempDir()
	path := filepath.Join(dir, "r.pdf")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	plain, err := exec.Command(pdftotext, "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(plain)), " ")
	for _, l := range strings.Fields(turkic) {
		if !strings.Contains(text, l) {
			t.Errorf("the PDF's text lacks %q", l)
		}
	}
	if !strings.Contains(text, "Implementation of the decisions of the 12th Meeting") {
		t.Errorf("no title in %q", text[:200])
	}
	if info, _ := exec.Command("pdfinfo", path).Output(); len(info) > 0 && !strings.Contains(string(info), "842 x 595") {
		t.Errorf("not A4 landscape:\n%s", info)
	}

	// Words with their places: find each column by its header, each row by its "#N".
	bbox, err := exec.Command(pdftotext, "-bbox", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	var words []pdfWord
	page := 0
	for _, line := range strings.Split(string(bbox), "\n") {
		if strings.Contains(line, "<page ") {
			page++
		}
		if m := wordRE.FindStringSubmatch(line); m != nil {
			x, _ := strconv.ParseFloat(m[1], 64)
			y, _ := strconv.ParseFloat(m[2], 64)
			words = append(words, pdfWord{x, y, htmlUnescape(m[3]), page})
		}
	}
	decisionW := pageW - 2*margin - 88 - 62*float64(len(r.Parties))
	colX := func(i int) float64 { return margin + decisionW + 88 + 62*float64(i) }
	rowTop := map[int64]pdfWord{}
	var tops []pdfWord
	for _, w := range words {
		if w.x < margin+2*pad && strings.HasPrefix(w.text, "#") {
			id, err := strconv.ParseInt(w.text[1:], 10, 64)
			if err == nil {
				rowTop[id] = w
				tops = append(tops, w)
			}
		}
	}
	// The end of a row is the next row's top, or the page's end.
	bottom := func(top pdfWord) float64 {
		end := pageH
		for _, w := range tops {
			if w.page == top.page && w.y > top.y+1 && w.y < end {
				end = w.y
			}
		}
		return end
	}
	for _, row := range r.Rows() {
		top, ok := rowTop[row.Task.ID]
		if !ok {
			t.Errorf("no row for task %d", row.Task.ID)
			continue
		}
		end := bottom(top)
		for i, p := range r.Parties {
			var cell []string
			for _, w := range words {
				if w.page == top.page && w.y >= top.y-1 && w.y < end-1 && w.x >= colX(i) && w.x < colX(i+1) {
					cell = append(cell, w.text)
				}
			}
			got := strings.Join(cell, " ")
			status, date, ref := wantStatus(row.Task, p)
			want := strings.Join(strings.Fields(strings.Join([]string{status, date, ref}, " ")), " ")
			// A reference wider than its column is broken mid-word.
			nospace := func(s string) string { return strings.ReplaceAll(s, " ", "") }
			if nospace(got) != nospace(want) || !strings.HasPrefix(got, status) {
				t.Errorf("task %d, %s: cell reads %q, want %q", row.Task.ID, p, got, want)
			}
		}
	}
	if len(tops) != len(r.Rows()) {
		t.Errorf("%d rows in the PDF, want %d", len(tops), len(r.Rows()))
	}
}

func htmlUnescape(s string) string {
	return strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">", "&quot;", `"`, "&#39;", "'").Replace(s)
}

// TestWriteSamples writes the fixture's three files to the folder named by
// WGBOT_REPORT_SAMPLES, for the README's pictures (docs/).
func TestWriteSamples(t *testing.T) {
	dir := os.Getenv("WGBOT_REPORT_SAMPLES")
	if dir == "" {
		t.Skip("set WGBOT_REPORT_SAMPLES to a folder to write sample reports")
	}
	r := build(t)
	for name, write := range map[string]func(Report) ([]byte, error){"report.docx": DOCX, "report.xlsx": XLSX, "report.pdf": PDF} {
		data, err := write(r)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

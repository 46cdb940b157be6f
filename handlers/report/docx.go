package report

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"fmt"
	"strconv"
	"strings"

	"github.com/ots-customs/wgbot/storage"
)

// DOCX writes the report as a Word document (WordprocessingML, A4
// landscape), the one the Secretariat edits and submits. It is written by
// hand with archive/zip: the format needs four small parts, and a library
// would bring far more than it saves.
func DOCX(r Report) ([]byte, error) {
	var buf bytes.Buffer
	z := zip.NewWriter(&buf)
	parts := []struct{ name, body string }{
		{"[Content_Types].xml", docxContentTypes},
		{"_rels/.rels", docxRels},
		{"word/_rels/document.xml.rels", docxDocRels},
		{"word/styles.xml", docxStyles},
		{"docProps/core.xml", fmt.Sprintf(docxCore, xmlText(r.Title))},
		{"word/document.xml", docxDocument(r)},
	}
	for _, p := range parts {
		f, err := z.Create(p.name)
		if err != nil {
			return nil, fmt.Errorf("report: docx %s: %w", p.name, err)
		}
		if _, err := f.Write([]byte(p.body)); err != nil {
			return nil, fmt.Errorf("report: docx %s: %w", p.name, err)
		}
	}
	if err := z.Close(); err != nil {
		return nil, fmt.Errorf("report: docx: %w", err)
	}
	return buf.Bytes(), nil
}

func docxDocument(r Report) string {
	w := r.Words
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` +
		`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`)
	para(&b, "Title", r.Title)

	para(&b, "Heading1", w.CountsStatus)
	byStatus := r.ByStatus()
	rows := [][]string{{w.Status[Open], w.Status[Overdue], w.Status[Submitted], w.Status[Confirmed], w.Total}}
	total := 0
	var counts []string
	for _, s := range Statuses {
		counts = append(counts, strconv.Itoa(byStatus[s]))
		total += byStatus[s]
	}
	rows = append(rows, append(counts, strconv.Itoa(total)))
	table(&b, rows)

	para(&b, "Heading1", w.CountsParty)
	byParty := r.ByParty()
	rows = [][]string{{w.Party, w.Status[Open], w.Status[Overdue], w.Status[Submitted], w.Status[Confirmed], w.Total}}
	for _, p := range r.Parties {
		row := []string{r.PartyName(p)}
		t := 0
		for _, s := range Statuses {
			row = append(row, strconv.Itoa(byParty[p][s]))
			t += byParty[p][s]
		}
		rows = append(rows, append(row, strconv.Itoa(t)))
	}
	table(&b, rows)

	for _, part := range []struct {
		title    string
		sections []Section
	}{{w.PartI, r.Outstanding()}, {w.PartII, r.Implemented()}} {
		para(&b, "Heading1", part.title)
		if len(part.sections) == 0 {
			para(&b, "", w.NoneYet)
		}
		for _, s := range part.sections {
			para(&b, "Heading2", s.Meeting.Title)
			for _, row := range s.Rows {
				decision(&b, r, row)
			}
		}
	}

	para(&b, "Heading1", w.Matrix)
	para(&b, "", w.Legend)
	head := []string{w.Decision, w.Deadline}
	for _, p := range r.Parties {
		head = append(head, string(p))
	}
	rows = [][]string{head}
	for _, row := range r.Rows() {
		line := []string{"#" + strconv.FormatInt(row.Task.ID, 10) + " " + row.Task.Title, r.DeadlineText(row.Task)}
		for _, p := range r.Parties {
			c, ok := row.Cells[p]
			if !ok {
				c = Cell{Status: NotConcerned}
			}
			line = append(line, r.CellText(c))
		}
		rows = append(rows, line)
	}
	table(&b, rows)

	para(&b, "Heading1", w.Annex)
	if len(r.Log) == 0 {
		para(&b, "", w.NoneYet)
	} else {
		rows = [][]string{{w.When, w.Decision, w.Party, w.Change, w.Reference}}
		for _, e := range r.Log {
			rows = append(rows, []string{r.Date(storage.DateOf(e.At)), "#" + strconv.FormatInt(e.TaskID, 10),
				r.PartyName(e.Party), w.State[e.From] + " → " + w.State[e.To], e.Ref})
		}
		table(&b, rows)
	}

	// A4 landscape, 2 cm margins: the matrix has nine columns.
	b.WriteString(`<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>` +
		`<w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134" w:header="708" w:footer="708" w:gutter="0"/></w:sectPr>`)
	b.WriteString(`</w:body></w:document>`)
	return b.String()
}

// decision writes one decision of Part I or II: its title, deadline and who is outstanding.
func decision(b *strings.Builder, r Report, row Row) {
	w := r.Words
	para(b, "Heading3", "#"+strconv.FormatInt(row.Task.ID, 10)+" "+row.Task.Title)
	if row.Task.Text != "" {
		para(b, "", row.Task.Text)
	}
	para(b, "", w.Deadline+": "+r.DeadlineText(row.Task))
	for _, p := range row.Task.Parties {
		para(b, "", r.PartyName(p)+": "+r.CellText(row.Cells[p]))
	}
}

func para(b *strings.Builder, style, text string) {
	b.WriteString("<w:p>")
	if style != "" {
		b.WriteString(`<w:pPr><w:pStyle w:val="` + style + `"/></w:pPr>`)
	}
	b.WriteString(`<w:r><w:t xml:space="preserve">` + xmlText(text) + `</w:t></w:r></w:p>`)
}

// table writes rows as a bordered table; the first row is the header, repeated on each page.
func table(b *strings.Builder, rows [][]string) {
	b.WriteString(`<w:tbl><w:tblPr><w:tblStyle w:val="ReportTable"/><w:tblW w:w="5000" w:type="pct"/></w:tblPr>`)
	for i, row := range rows {
		b.WriteString("<w:tr>")
		if i == 0 {
			b.WriteString(`<w:trPr><w:tblHeader/></w:trPr>`)
		}
		for _, cell := range row {
			b.WriteString(`<w:tc><w:p><w:r>`)
			if i == 0 {
				b.WriteString(`<w:rPr><w:b/></w:rPr>`)
			}
			b.WriteString(`<w:t xml:space="preserve">` + xmlText(cell) + `</w:t></w:r></w:p></w:tc>`)
		}
		b.WriteString("</w:tr>")
	}
	b.WriteString(`</w:tbl><w:p/>`)
}

func xmlText(s string) string {
	var b strings.Builder
	_ = xml.EscapeText(&b, []byte(stripControl(s)))
	return b.String()
}

// stripControl drops characters XML 1.0 cannot carry (a user's reference may hold any).
func stripControl(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' || r == 0xFFFE || r == 0xFFFF {
			return -1
		}
		return r
	}, s)
}

const docxContentTypes = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>
<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>
</Types>`

const docxRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>
</Relationships>`

const docxDocRels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
</Relationships>`

const docxCore = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:title>%s</dc:title><dc:creator>OTS Secretariat</dc:creator></cp:coreProperties>`

const docxStyles = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri" w:cs="Calibri" w:eastAsia="Calibri"/><w:sz w:val="20"/><w:lang w:val="en-GB"/></w:rPr></w:rPrDefault>
<w:pPrDefault><w:pPr><w:spacing w:after="80"/></w:pPr></w:pPrDefault></w:docDefaults>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/><w:spacing w:after="240"/></w:pPr><w:rPr><w:b/><w:sz w:val="32"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="240" w:after="120"/><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:b/><w:sz w:val="28"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="200" w:after="80"/><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:b/><w:sz w:val="24"/></w:rPr></w:style>
<w:style w:type="paragraph" w:styleId="Heading3"><w:name w:val="heading 3"/><w:basedOn w:val="Normal"/><w:pPr><w:keepNext/><w:spacing w:before="120" w:after="40"/><w:outlineLvl w:val="2"/></w:pPr><w:rPr><w:b/></w:rPr></w:style>
<w:style w:type="table" w:styleId="ReportTable"><w:name w:val="Report Table"/><w:tblPr><w:tblBorders>
<w:top w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:left w:val="single" w:sz="4" w:space="0" w:color="808080"/>
<w:bottom w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:right w:val="single" w:sz="4" w:space="0" w:color="808080"/>
<w:insideH w:val="single" w:sz="4" w:space="0" w:color="808080"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="808080"/>
</w:tblBorders><w:tblCellMar><w:left w:w="60" w:type="dxa"/><w:right w:w="60" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>
</w:styles>`

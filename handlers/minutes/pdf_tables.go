package minutes

import (
	"math"
	"sort"
	"strings"

	"github.com/ledongthuc/pdf"
)

// A PDF keeps no table structure: an action table exported from Word or
// LibreOffice is text placed in columns, and the plain text of the page
// gives each cell on its own line, so "Action | Owner | Due" is lost. The
// page's glyph positions give it back: a line whose text has wide gaps is
// a row of cells, written as "| a | b | c |" like a table in text minutes.
// A page holding no such table is read as before.

// pdfLine is the text of one baseline: its glyphs left to right, then its
// cells.
type pdfLine struct {
	y      float64
	glyphs []pdf.Text
	cells  []pdfCell
}

// pdfCell is a run of text with its left edge.
type pdfCell struct {
	x    float64
	text string
}

// Gaps, in units of the font size: wider than cellGap between two glyphs
// is a new cell; wider than wordGap is a space the PDF did not draw.
const (
	cellGap = 1.5
	wordGap = 0.2
)

// maxLayoutGlyphs bounds the glyphs laid out per page; a page with more is
// read as plain text.
const maxLayoutGlyphs = 100000

// pdfTableText returns the page's text laid out by position when it holds
// a table (two lines or more of three cells or more one after the other),
// else "" and the caller keeps the plain text.
func pdfTableText(p pdf.Page) string {
	glyphs := p.Content().Text
	if len(glyphs) == 0 || len(glyphs) > maxLayoutGlyphs {
		return ""
	}
	lines := pdfLines(glyphs)
	if !hasTableRows(lines) {
		return ""
	}
	var rows [][]string // the table being read; a wrapped cell's next line joins its row
	var cols []float64
	var b strings.Builder
	flush := func() {
		for _, r := range rows {
			b.WriteString("| " + strings.Join(r, " | ") + " |\n")
		}
		rows, cols = nil, nil
	}
	for _, l := range lines {
		if len(l.cells) >= 3 {
			if len(l.cells) != len(cols) {
				flush() // another table, or the first
				for _, c := range l.cells {
					cols = append(cols, c.x)
				}
			}
			row := make([]string, len(l.cells))
			for k, c := range l.cells {
				row[k] = c.text
			}
			rows = append(rows, row)
			continue
		}
		if len(rows) > 0 && joinWrapped(rows[len(rows)-1], l, cols) {
			continue
		}
		flush()
		for k, c := range l.cells {
			if k > 0 {
				b.WriteString(" ")
			}
			b.WriteString(c.text)
		}
		b.WriteString("\n")
	}
	flush()
	return b.String()
}

// joinWrapped adds a line to the row above when it only continues some of
// its cells (a cell's text wrapped): every piece starts under a column
// other than the first, where the next row or paragraph would begin.
func joinWrapped(row []string, l *pdfLine, cols []float64) bool {
	if len(l.cells) >= len(cols) {
		return false
	}
	at := make([]int, len(l.cells))
	for i, c := range l.cells {
		k := nearestColumn(c.x, cols)
		if k <= 0 {
			return false
		}
		at[i] = k
	}
	for i, c := range l.cells {
		row[at[i]] += " " + c.text
	}
	return true
}

// nearestColumn is the column whose left edge is within 4 pt of x, or -1.
func nearestColumn(x float64, cols []float64) int {
	for k, c := range cols {
		if math.Abs(x-c) <= 4 {
			return k
		}
	}
	return -1
}

// hasTableRows tells a page with two lines of three cells or more in a row.
func hasTableRows(lines []*pdfLine) bool {
	for i := 1; i < len(lines); i++ {
		if len(lines[i].cells) >= 3 && len(lines[i-1].cells) >= 3 {
			return true
		}
	}
	return false
}

// pdfLines groups glyphs by baseline, top to bottom, and cuts each line
// into cells.
func pdfLines(glyphs []pdf.Text) []*pdfLine {
	var lines []*pdfLine
	byY := map[int]*pdfLine{}
	for _, g := range glyphs {
		key := int(math.Round(g.Y / 2)) // baselines within about 2 pt are one line
		l := byY[key]
		if l == nil {
			l = &pdfLine{y: g.Y}
			byY[key] = l
			lines = append(lines, l)
		}
		l.glyphs = append(l.glyphs, g)
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].y > lines[j].y })
	for _, l := range lines {
		sort.SliceStable(l.glyphs, func(i, j int) bool { return l.glyphs[i].X < l.glyphs[j].X })
		l.cut()
	}
	return lines
}

// cut splits a line's glyphs into cells at gaps wider than cellGap and
// puts a space at gaps wider than wordGap.
func (l *pdfLine) cut() {
	var cur strings.Builder
	x0, end := 0.0, 0.0
	flush := func() {
		if t := normSpace(cur.String()); t != "" {
			l.cells = append(l.cells, pdfCell{x: x0, text: t})
		}
		cur.Reset()
	}
	for i, g := range l.glyphs {
		size := max(g.FontSize, 1)
		gap := g.X - end
		switch {
		case i == 0:
			x0 = g.X
		case gap > cellGap*size:
			flush()
			x0 = g.X
		case gap > wordGap*size:
			cur.WriteByte(' ')
		}
		cur.WriteString(g.S)
		end = max(end, g.X+g.W)
		if i == 0 || gap > cellGap*size {
			end = g.X + g.W
		}
	}
	flush()
}

// safeTableText is pdfTableText under recover: the library panics on some
// malformed content, and the page's plain text is then still good.
func safeTableText(p pdf.Page) (text string) {
	defer func() {
		if recover() != nil {
			text = ""
		}
	}()
	return pdfTableText(p)
}

package minutes

import (
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
	glyphs := pageGlyphs(p)
	if len(glyphs) == 0 {
		return ""
	}
	lines := pdfLines(glyphs)
	if !hasTableRows(lines) {
		return ""
	}
	var b strings.Builder
	for i := 0; i < len(lines); {
		if rows, end := tableAt(lines, i); rows != nil {
			for _, r := range rows {
				b.WriteString("| " + strings.Join(r, " | ") + " |\n")
			}
			i = end
			continue
		}
		for k, c := range lines[i].cells {
			if k > 0 {
				b.WriteString(" ")
			}
			b.WriteString(c.text)
		}
		b.WriteString("\n")
		i++
	}
	return b.String()
}

// tableAt reads the table that begins at line i, if one does. Its columns
// come from the lines whose text has wide gaps (three cells or more): a
// column starts where no such line has text, so a narrow "#" column close
// to the task's is still its own. Then every line close below that keeps
// each word inside one column belongs to the table: a line with text in
// three columns or more is a row, a shorter one continues the cells of the
// row nearest to it (a cell's text wrapped above or below the others). It
// returns the rows and the line after them.
func tableAt(lines []*pdfLine, i int) ([][]string, int) {
	if len(lines[i].cells) < 3 {
		return nil, i
	}
	var wide []int
	for j := i; j < len(lines) && (j == i || lines[j-1].y-lines[j].y <= rowGap*lineSize(lines[j])); j++ {
		if len(lines[j].cells) >= 3 {
			wide = append(wide, j)
		}
	}
	if len(wide) < 2 {
		return nil, i
	}
	cols := columnsOf(lines, wide)
	if len(cols) < 3 {
		return nil, i
	}
	var anchors, partial []int
	end := i
	for j := i; j < len(lines); j++ {
		if j > i && lines[j-1].y-lines[j].y > rowGap*lineSize(lines[j]) || !fitsColumns(lines[j], cols) {
			break
		}
		if filledColumns(lines[j], cols) >= 3 {
			anchors = append(anchors, j)
		} else {
			partial = append(partial, j)
		}
		end = j + 1
	}
	if len(anchors) < 2 {
		return nil, i
	}
	rows := make([][]string, len(anchors))
	for k, a := range anchors {
		rows[k] = cellTexts(lines[a], cols)
	}
	for _, j := range partial {
		near := 0
		for k, a := range anchors {
			if abs(lines[a].y-lines[j].y) < abs(lines[anchors[near]].y-lines[j].y) {
				near = k
			}
		}
		above := lines[j].y > lines[anchors[near]].y
		for c, t := range cellTexts(lines[j], cols) {
			switch {
			case t == "":
			case rows[near][c] == "":
				rows[near][c] = t
			case above:
				rows[near][c] = t + " " + rows[near][c]
			default:
				rows[near][c] += " " + t
			}
		}
	}
	return rows, end
}

// rowGap bounds, in font sizes, the distance between two lines of one
// table: a row of two wrapped lines and its padding.
const rowGap = 3.2

// column is the x-range a table column's text covers.
type column struct{ lo, hi float64 }

// columnsOf merges the x-ranges the anchor rows' glyphs cover; a gap wider
// than a word space between ranges is a column's edge.
func columnsOf(lines []*pdfLine, anchors []int) []column {
	var spans []column
	size := 0.0
	for _, a := range anchors {
		for _, g := range lines[a].glyphs {
			if strings.TrimSpace(g.S) == "" {
				continue
			}
			w := max(g.W, 0.3*g.FontSize)
			spans = append(spans, column{g.X, g.X + w})
			size = max(size, g.FontSize)
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].lo < spans[j].lo })
	var cols []column
	for _, sp := range spans {
		if n := len(cols); n > 0 && sp.lo-cols[n-1].hi < 0.4*size {
			cols[n-1].hi = max(cols[n-1].hi, sp.hi)
			continue
		}
		cols = append(cols, sp)
	}
	return cols
}

// columnOf is the column a glyph stands in: the last one that starts
// before it (cells are written from their left edge), or -1 left of them.
func columnOf(g pdf.Text, cols []column) int {
	k := -1
	for c := range cols {
		if g.X >= cols[c].lo-1 {
			k = c
		}
	}
	return k
}

// fitsColumns tells a line whose every word stands in one column: a
// paragraph across the page has words that straddle a column's start.
func fitsColumns(l *pdfLine, cols []column) bool {
	prev, col := pdf.Text{}, -2
	for i, g := range l.glyphs {
		k := columnOf(g, cols)
		if k < 0 {
			return false
		}
		space := strings.TrimSpace(g.S) == ""
		if i > 0 && !space && col >= 0 && k != col && g.X-(prev.X+prev.W) <= wordGap*max(g.FontSize, 1) {
			return false // a word runs into the next column
		}
		if space {
			col = -1
		} else {
			col = k
		}
		prev = g
	}
	return true
}

// filledColumns counts the columns a line has text in.
func filledColumns(l *pdfLine, cols []column) int {
	n := 0
	for _, t := range cellTexts(l, cols) {
		if t != "" {
			n++
		}
	}
	return n
}

// cellTexts is a line's text column by column.
func cellTexts(l *pdfLine, cols []column) []string {
	parts := make([][]pdf.Text, len(cols))
	for _, g := range l.glyphs {
		if k := columnOf(g, cols); k >= 0 {
			parts[k] = append(parts[k], g)
		}
	}
	out := make([]string, len(cols))
	for k, gs := range parts {
		one := &pdfLine{glyphs: gs}
		one.cut()
		var texts []string
		for _, c := range one.cells {
			texts = append(texts, c.text)
		}
		out[k] = strings.Join(texts, " ")
	}
	return out
}

// lineSize is the largest font size of a line's glyphs.
func lineSize(l *pdfLine) float64 {
	size := 1.0
	for _, g := range l.glyphs {
		size = max(size, g.FontSize)
	}
	return size
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
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
	sorted := append([]pdf.Text(nil), glyphs...)
	sort.SliceStable(sorted, func(i, j int) bool { return sorted[i].Y > sorted[j].Y })
	var lines []*pdfLine
	for _, g := range sorted {
		if n := len(lines); n > 0 && lines[n-1].y-g.Y <= 2 {
			lines[n-1].glyphs = append(lines[n-1].glyphs, g) // baselines within 2 pt are one line
			continue
		}
		lines = append(lines, &pdfLine{y: g.Y, glyphs: []pdf.Text{g}})
	}
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

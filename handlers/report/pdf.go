package report

import (
	_ "embed"
	"fmt"
	"strconv"
	"strings"

	"github.com/signintech/gopdf"

	"github.com/ots-customs/wgbot/handlers/i18n"
	"github.com/ots-customs/wgbot/storage"
)

// DejaVu Sans (Debian's fonts-dejavu-core, Bitstream Vera licence, see
// fonts/LICENSE) has every letter the Parties write: ə ğ ı ş İ ő ű and the
// Kazakh, Kyrgyz and Uzbek Cyrillic қ ғ ң ө ү ұ ў. gopdf embeds only the
// glyphs used, so a report stays small.
var (
	//go:embed fonts/DejaVuSans.ttf
	fontRegular []byte
	//go:embed fonts/DejaVuSans-Bold.ttf
	fontBold []byte
)

// The page: A4 landscape in points, with 28 pt (1 cm) margins.
const (
	pageW, pageH = 842.0, 595.0
	margin       = 28.0
	fontSize     = 7.5
	lineH        = 9.5
	pad          = 2.5
)

type rgb struct{ r, g, b uint8 }

// statusFill colours a cell by status, so the snapshot reads at a glance.
var statusFill = map[Status]rgb{
	Open:         {255, 243, 205},
	Overdue:      {248, 215, 218},
	Submitted:    {207, 226, 255},
	Confirmed:    {209, 231, 221},
	NotConcerned: {255, 255, 255},
}

// PDF writes a snapshot of the matrix to post in the group: A4 landscape,
// the title, the counts, and a row per decision with each Party's status.
func PDF(r Report) ([]byte, error) {
	p := &pdfWriter{r: r, gp: &gopdf.GoPdf{}}
	p.gp.Start(gopdf.Config{PageSize: *gopdf.PageSizeA4Landscape})
	p.gp.SetInfo(gopdf.PdfInfo{Title: r.Title, Creator: "wgbot", Author: "OTS Secretariat"})
	if err := p.gp.AddTTFFontData("sans", fontRegular); err != nil {
		return nil, fmt.Errorf("report: pdf font: %w", err)
	}
	if err := p.gp.AddTTFFontDataWithOption("sans", fontBold, gopdf.TtfOption{Style: gopdf.Bold}); err != nil {
		return nil, fmt.Errorf("report: pdf font: %w", err)
	}
	p.write()
	if p.err != nil {
		return nil, fmt.Errorf("report: pdf: %w", p.err)
	}
	out, err := p.gp.GetBytesPdfReturnErr()
	if err != nil {
		return nil, fmt.Errorf("report: pdf: %w", err)
	}
	return out, nil
}

type pdfWriter struct {
	r    Report
	gp   *gopdf.GoPdf
	y    float64
	cols []float64
	err  error
}

func (p *pdfWriter) try(err error) {
	if p.err == nil && err != nil {
		p.err = err
	}
}

func (p *pdfWriter) font(bold bool, size float64) {
	style := ""
	if bold {
		style = "B"
	}
	p.try(p.gp.SetFont("sans", style, size))
}

func (p *pdfWriter) write() {
	r, w := p.r, p.r.Words
	p.gp.AddPage()
	p.y = margin
	p.font(true, 13)
	for _, line := range p.wrap(r.Title, pageW-2*margin) {
		p.text(margin, p.y, line)
		p.y += 16
	}
	p.y += 2
	p.font(false, 8.5)
	p.text(margin, p.y, p.summary())
	p.y += 12
	for _, line := range p.wrap(w.Legend, pageW-2*margin) {
		p.text(margin, p.y, line)
		p.y += 11
	}
	p.y += 4

	// Columns: the decision and its deadline, then one per Party.
	partyW := 62.0
	deadlineW := 88.0
	decisionW := pageW - 2*margin - deadlineW - partyW*float64(len(r.Parties))
	p.cols = []float64{decisionW, deadlineW}
	for range r.Parties {
		p.cols = append(p.cols, partyW)
	}
	p.header()
	for _, s := range r.Sections {
		p.band(s.Meeting.Title)
		for _, row := range s.Rows {
			cells := []string{"#" + strconv.FormatInt(row.Task.ID, 10) + " " + row.Task.Title, r.DeadlineText(row.Task)}
			fills := []Status{NotConcerned, NotConcerned}
			for _, party := range r.Parties {
				c, ok := row.Cells[party]
				if !ok {
					c = Cell{Status: NotConcerned}
				}
				cells = append(cells, p.shortCell(c))
				fills = append(fills, c.Status)
			}
			p.row(cells, fills, false)
		}
	}
}

// summary is "Cells: 12 open, 3 overdue, 5 submitted, 1 confirmed".
func (p *pdfWriter) summary() string {
	w := p.r.Words
	n := p.r.ByStatus()
	var parts []string
	for _, s := range Statuses {
		parts = append(parts, strconv.Itoa(n[s])+" "+w.Status[s])
	}
	return w.CountsStatus + ": " + strings.Join(parts, ", ")
}

// shortCell is a cell's text in the snapshot: the status, then the date and
// the reference on lines of their own.
func (p *pdfWriter) shortCell(c Cell) string {
	if c.Status == NotConcerned {
		return p.r.Words.NotConcerned
	}
	s := p.r.Words.Status[c.Status]
	if !c.Date.IsZero() {
		s += "\n" + p.r.Date(c.Date)
	}
	if c.Ref != "" {
		s += "\n" + c.Ref
	}
	return s
}

func (p *pdfWriter) header() {
	head := []string{p.r.Words.Decision, p.r.Words.Deadline}
	for _, party := range p.r.Parties {
		head = append(head, partyHead(p.r.Lang, party))
	}
	fills := make([]Status, len(head))
	p.row(head, fills, true)
}

// band is a full-width line naming a meeting.
func (p *pdfWriter) band(title string) {
	h := lineH + 2*pad
	if p.y+h+lineH*2 > pageH-margin {
		p.newPage()
	}
	p.gp.SetFillColor(235, 235, 235)
	p.gp.RectFromUpperLeftWithStyle(margin, p.y, pageW-2*margin, h, "FD")
	p.font(true, fontSize)
	p.text(margin+pad, p.y+pad, title)
	p.y += h
}

func (p *pdfWriter) newPage() {
	p.gp.AddPage()
	p.y = margin
	p.header()
}

// row draws one table row, each cell wrapped and filled by its status.
func (p *pdfWriter) row(cells []string, fills []Status, bold bool) {
	p.font(bold, fontSize)
	lines := make([][]string, len(cells))
	n := 1
	for i, c := range cells {
		for _, part := range strings.Split(c, "\n") {
			lines[i] = append(lines[i], p.wrap(part, p.cols[i]-2*pad)...)
		}
		n = max(n, len(lines[i]))
	}
	h := float64(n)*lineH + 2*pad
	if !bold && p.y+h > pageH-margin {
		p.newPage()
		p.font(bold, fontSize)
	}
	x := margin
	p.gp.SetStrokeColor(128, 128, 128)
	p.gp.SetLineWidth(0.4)
	for i := range cells {
		f := statusFill[fills[i]]
		if bold {
			f = rgb{221, 228, 238}
		}
		p.gp.SetFillColor(f.r, f.g, f.b)
		p.gp.RectFromUpperLeftWithStyle(x, p.y, p.cols[i], h, "FD")
		for j, l := range lines[i] {
			p.text(x+pad, p.y+pad+float64(j)*lineH, l)
		}
		x += p.cols[i]
	}
	p.y += h
}

func (p *pdfWriter) text(x, y float64, s string) {
	p.gp.SetTextColor(0, 0, 0)
	p.gp.SetXY(x, y)
	if s == "" {
		return
	}
	p.try(p.gp.Cell(nil, s))
}

// wrap breaks s into lines of at most width at spaces (mid-word only when a
// word alone is wider).
func (p *pdfWriter) wrap(s string, width float64) []string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 {
			return ' '
		}
		return r
	}, s)
	if strings.TrimSpace(s) == "" {
		return []string{""}
	}
	lines, err := p.gp.SplitTextWithWordWrap(s, width)
	if err != nil {
		// A character the font lacks: fall back to breaking anywhere.
		if lines, err = p.gp.SplitText(s, width); err != nil {
			p.try(err)
			return []string{s}
		}
	}
	return lines
}

// partyHead is "TR" over "Türkiye": flags are not in the font.
func partyHead(l i18n.Lang, p storage.Party) string {
	if p.Valid() {
		return string(p) + "\n" + l.PartyName(string(p))
	}
	return string(p)
}

package report

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/ots-customs/wgbot/storage"
)

// XLSX writes the matrix as a workbook: one sheet per meeting (a row per
// decision; for each Party its status, with a drop-down of the statuses, the
// date and the reference), frozen headers and filters, and a sheet with the
// log of submissions.
func XLSX(r Report) ([]byte, error) {
	f := excelize.NewFile()
	defer f.Close()
	x := &xlsxWriter{f: f, r: r}
	first := true
	used := map[string]bool{}
	for _, s := range r.Sections {
		name := SheetName(s.Meeting, used)
		if first {
			x.try(f.SetSheetName("Sheet1", name))
			first = false
		} else {
			_, err := f.NewSheet(name)
			x.try(err)
		}
		x.matrix(name, s)
	}
	logName := r.Words.LogSheet
	if first {
		x.try(f.SetSheetName("Sheet1", logName))
	} else {
		_, err := f.NewSheet(logName)
		x.try(err)
	}
	x.log(logName)
	x.try(f.SetDocProps(&excelize.DocProperties{Title: r.Title, Creator: "OTS Secretariat"}))
	if x.err != nil {
		return nil, fmt.Errorf("report: xlsx: %w", x.err)
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, fmt.Errorf("report: xlsx: %w", err)
	}
	return buf.Bytes(), nil
}

// The fixed columns of a meeting's sheet, before the Parties' columns.
const xlsxFixed = 4

// XLSXHeader returns the header row of a meeting's sheet.
func XLSXHeader(r Report) []string {
	w := r.Words
	head := []string{"#", w.Decision, w.Deadline, w.When}
	for _, p := range r.Parties {
		head = append(head, string(p), string(p)+" "+strings.ToLower(w.When), string(p)+" "+strings.ToLower(w.Reference))
	}
	return head
}

// SheetName is a meeting's sheet name: its short name, within Excel's 31
// characters and without the characters Excel refuses, unique in the workbook.
func SheetName(m storage.Meeting, used map[string]bool) string {
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(m.Short))
	if name == "" {
		name = m.ID
	}
	base := []rune(name)
	if len(base) > 31 {
		base = base[:31]
	}
	name = string(base)
	for i := 2; used[strings.ToLower(name)]; i++ {
		suffix := " " + strconv.Itoa(i)
		keep := min(len(base), 31-len(suffix))
		name = string(base[:keep]) + suffix
	}
	used[strings.ToLower(name)] = true
	return name
}

type xlsxWriter struct {
	f   *excelize.File
	r   Report
	err error
}

func (x *xlsxWriter) try(err error) {
	if x.err == nil && err != nil {
		x.err = err
	}
}

func (x *xlsxWriter) set(sheet string, col, row int, v any) {
	cell, err := excelize.CoordinatesToCellName(col, row)
	x.try(err)
	switch v := v.(type) {
	case string:
		// SetCellStr keeps a title that starts with "=" a text, never a formula.
		x.try(x.f.SetCellStr(sheet, cell, v))
	default:
		x.try(x.f.SetCellValue(sheet, cell, v))
	}
}

func (x *xlsxWriter) styles() (header, date int) {
	header, err := x.f.NewStyle(&excelize.Style{Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDE4EE"}}})
	x.try(err)
	long := "d mmmm yyyy" // as the minutes write dates: 1 March 2024
	date, err = x.f.NewStyle(&excelize.Style{CustomNumFmt: &long})
	x.try(err)
	return header, date
}

func (x *xlsxWriter) matrix(sheet string, s Section) {
	r := x.r
	head := XLSXHeader(r)
	for i, h := range head {
		x.set(sheet, i+1, 1, h)
	}
	header, dateStyle := x.styles()
	last, _ := excelize.CoordinatesToCellName(len(head), 1)
	x.try(x.f.SetCellStyle(sheet, "A1", last, header))
	var drops []string
	for i, row := range s.Rows {
		n := i + 2
		t := row.Task
		x.set(sheet, 1, n, t.ID)
		x.set(sheet, 2, n, t.Title)
		if t.Deadline.IsZero() {
			x.set(sheet, 3, n, r.Words.NoDeadline)
		} else {
			said := t.Deadline.Text // as the minutes wrote it
			if said == "" {
				said = r.Lang.Deadline(t.Deadline.Due.In(time.UTC), string(t.Deadline.Precision))
			}
			x.set(sheet, 3, n, said)
			x.set(sheet, 4, n, excelDate(t.Deadline.Due))
			cell, _ := excelize.CoordinatesToCellName(4, n)
			x.try(x.f.SetCellStyle(sheet, cell, cell, dateStyle))
		}
		for j, p := range r.Parties {
			col := xlsxFixed + 1 + 3*j
			c, ok := row.Cells[p]
			if !ok {
				x.set(sheet, col, n, r.Words.NotConcerned)
				continue
			}
			x.set(sheet, col, n, r.Words.Status[c.Status])
			cell, _ := excelize.CoordinatesToCellName(col, n)
			drops = append(drops, cell)
			if !c.Date.IsZero() {
				x.set(sheet, col+1, n, excelDate(c.Date))
				dc, _ := excelize.CoordinatesToCellName(col+1, n)
				x.try(x.f.SetCellStyle(sheet, dc, dc, dateStyle))
			}
			if c.Ref != "" {
				x.set(sheet, col+2, n, c.Ref)
			}
		}
	}
	if len(drops) > 0 {
		dv := excelize.NewDataValidation(true)
		dv.Sqref = strings.Join(drops, " ")
		var keys []string
		for _, st := range Statuses {
			keys = append(keys, r.Words.Status[st])
		}
		x.try(dv.SetDropList(keys))
		dv.SetError(excelize.DataValidationErrorStyleStop, r.Words.DropTitle, r.Words.DropError)
		x.try(x.f.AddDataValidation(sheet, dv))
	}
	bottom, _ := excelize.CoordinatesToCellName(len(head), max(len(s.Rows)+1, 2))
	x.try(x.f.AutoFilter(sheet, "A1:"+bottom, nil))
	x.try(x.f.SetPanes(sheet, &excelize.Panes{Freeze: true, XSplit: 2, YSplit: 1, TopLeftCell: "C2", ActivePane: "bottomRight"}))
	x.try(x.f.SetColWidth(sheet, "A", "A", 5))
	x.try(x.f.SetColWidth(sheet, "B", "B", 60))
	x.try(x.f.SetColWidth(sheet, "C", "D", 18))
	lastCol, _ := excelize.ColumnNumberToName(len(head))
	x.try(x.f.SetColWidth(sheet, "E", lastCol, 12))
	x.printLandscape(sheet)
}

// printLandscape prints a sheet on A4 landscape, one page wide.
func (x *xlsxWriter) printLandscape(sheet string) {
	a4, landscape, wide, tall, fit := 9, "landscape", 1, 0, true
	x.try(x.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &wide, FitToHeight: &tall}))
	x.try(x.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}))
}

// LogHeader returns the header row of the log sheet.
func LogHeader(r Report) []string {
	w := r.Words
	return []string{w.When, "#", w.Decision, w.Party, w.Change, w.Reference}
}

func (x *xlsxWriter) log(sheet string) {
	r := x.r
	head := LogHeader(r)
	for i, h := range head {
		x.set(sheet, i+1, 1, h)
	}
	header, _ := x.styles()
	x.try(x.f.SetCellStyle(sheet, "A1", "F1", header))
	titles := map[int64]string{}
	for _, row := range r.Rows() {
		titles[row.Task.ID] = row.Task.Title
	}
	dateTime, err := x.f.NewStyle(&excelize.Style{NumFmt: 22}) // m/d/yy h:mm
	x.try(err)
	for i, e := range r.Log {
		n := i + 2
		x.set(sheet, 1, n, e.At.UTC())
		cell, _ := excelize.CoordinatesToCellName(1, n)
		x.try(x.f.SetCellStyle(sheet, cell, cell, dateTime))
		x.set(sheet, 2, n, e.TaskID)
		x.set(sheet, 3, n, titles[e.TaskID])
		x.set(sheet, 4, n, r.PartyName(e.Party))
		x.set(sheet, 5, n, r.Words.State[e.From]+" → "+r.Words.State[e.To])
		x.set(sheet, 6, n, e.Ref)
	}
	bottom := "F" + strconv.Itoa(max(len(r.Log)+1, 2))
	x.try(x.f.AutoFilter(sheet, "A1:"+bottom, nil))
	x.try(x.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}))
	x.try(x.f.SetColWidth(sheet, "A", "A", 18))
	x.try(x.f.SetColWidth(sheet, "C", "C", 60))
	x.try(x.f.SetColWidth(sheet, "D", "F", 20))
	x.printLandscape(sheet)
}

// excelDate is a day as a spreadsheet date (midnight, no zone).
func excelDate(d storage.Date) time.Time { return d.In(time.UTC) }

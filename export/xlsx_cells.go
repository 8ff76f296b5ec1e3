package export

import (
	"fmt"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"drillbook/plan"
)

// styles are the cell styles the workbook uses.
type styles struct {
	header, title, marking, bold, wrap, wrapLeft, date, datetime, duration, minutes, number int
}

func (s *styles) create(f *excelize.File) error {
	mk := func(st *excelize.Style) (int, error) { return f.NewStyle(st) }
	custom := func(code string) *string { return &code }
	var err error
	for _, def := range []struct {
		dst *int
		st  *excelize.Style
	}{
		{&s.header, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "1F3864"}, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E2E9F3"}},
			Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}, Border: []excelize.Border{{Type: "bottom", Color: "1F3864", Style: 1}}}},
		{&s.title, &excelize.Style{Font: &excelize.Font{Bold: true, Size: 16, Color: "1F3864"}}},
		{&s.marking, &excelize.Style{Font: &excelize.Font{Bold: true, Color: "B00020"}}},
		{&s.bold, &excelize.Style{Font: &excelize.Font{Bold: true}, Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&s.wrap, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&s.wrapLeft, &excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left", WrapText: true}}},
		{&s.date, &excelize.Style{CustomNumFmt: custom("yyyy-mm-dd"), Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}}},
		{&s.datetime, &excelize.Style{CustomNumFmt: custom("yyyy-mm-dd hh:mm:ss"), Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "left"}}},
		{&s.duration, &excelize.Style{CustomNumFmt: custom("[h]:mm:ss"), Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&s.minutes, &excelize.Style{CustomNumFmt: custom(`0.0" min";-0.0" min";0" min"`), Alignment: &excelize.Alignment{Vertical: "top"}}},
		{&s.number, &excelize.Style{CustomNumFmt: custom("0.00"), Alignment: &excelize.Alignment{Vertical: "top"}}},
	} {
		if *def.dst, err = mk(def.st); err != nil {
			return fmt.Errorf("workbook style: %w", err)
		}
	}
	return nil
}

// Typed values for cells that need a number format: the writers turn
// them into real Excel dates, times and numbers, not text.
type (
	// xdate is a calendar day (blank when unset).
	xdate plan.Date
	// xtime is a wall-clock time (blank when zero), written in UTC.
	xtime time.Time
	// xdur is an exercise time or duration, shown as [h]:mm:ss.
	xdur plan.Duration
	// xmin is a signed number of minutes (margins can be negative,
	// which Excel cannot show as a time).
	xmin float64
	// xnum is a number shown with two decimals.
	xnum float64
	// xbold is text in bold.
	xbold string
)

// cellLimit is the most characters (UTF-16 code units) an Excel cell
// holds.
const cellLimit = 32767

// longPart is how much of a long text goes in each row of the Long text
// sheet, comfortably under cellLimit.
const longPart = 32000

// longText keeps text too long for one cell. The cell gets as much as
// fits followed by a visible marker saying how many characters were cut
// and where the rest is: the "Long text" sheet, where the full text is
// split over as many rows as it needs. Nothing is silently cut (excelize
// itself would truncate at 32,767 without a word).
type longText struct {
	entries []longEntry
	next    int // next free row on the Long text sheet (1 is the header)
}

type longEntry struct {
	sheet, cell, text string
	row               int
}

// utf16Len counts the UTF-16 code units Excel measures a cell in.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// unitsPrefix returns the length in bytes of the longest prefix of s that
// fits in n UTF-16 code units, cut between characters.
func unitsPrefix(s string, n int) int {
	units := 0
	for i, r := range s {
		if units += utf16.RuneLen(r); units > n {
			return i
		}
	}
	return len(s)
}

// fitCell returns the text to store in the cell at column col, row row
// of sheet: s itself when it fits, else a prefix and the marker, with s
// kept for the Long text sheet. The cell's name is only spelt out for
// such a text, not for every cell.
func (l *longText) fitCell(sheet string, col, row int, s string) (string, bool) {
	if len(s) <= cellLimit || utf16Len(s) <= cellLimit {
		return s, false
	}
	cell, _ := excelize.CoordinatesToCellName(col, row)
	if l.next == 0 {
		l.next = 2
	}
	at := l.next
	total := utf8.RuneCountInString(s)
	l.next += len(splitUnits(s, longPart))
	l.entries = append(l.entries, longEntry{sheet: sheet, cell: cell, text: s, row: at})
	// Keep room for the marker; count in UTF-16 units.
	kept := unitsPrefix(s, cellLimit-200)
	cut := total - utf8.RuneCountInString(s[:kept])
	marker := fmt.Sprintf("…[truncated: %d more characters, see '%s'!D%d]", cut, sheetLongText, at)
	return s[:kept] + marker, true
}

// splitUnits cuts s into pieces of at most n UTF-16 code units, between
// characters.
func splitUnits(s string, n int) []string {
	var out []string
	for {
		k := unitsPrefix(s, n)
		if k == 0 && s != "" { // n is smaller than one character: take it whole
			_, k = utf8.DecodeRuneInString(s)
		}
		if k == len(s) {
			return append(out, s)
		}
		out = append(out, s[:k])
		s = s[k:]
	}
}

// xsheet is a streamed sheet: rows are written in order and never held in
// memory beyond the first sizeSample, from which the column widths are
// chosen, with a frozen, styled header row.
type xsheet struct {
	x      *xlsxDoc
	name   string
	sw     *excelize.StreamWriter
	row    int
	cols   []xcol
	widths []float64
	// pending holds the first rows until the widths are chosen; sized
	// says they have been.
	pending [][]any
	sized   bool
	// line and word are the widest line and longest word seen per column.
	line, word []float64
}

// xcol is a column: title and the widest it grows for long text (which
// wraps beyond that).
type xcol struct {
	title string
	width float64
}

// sizeSample is how many rows the column widths are measured on.
const sizeSample = 500

func (x *xlsxDoc) streamSheet(name string, cols ...xcol) (*xsheet, error) {
	if err := x.newSheet(name); err != nil {
		return nil, err
	}
	sw, err := x.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	s := &xsheet{x: x, name: name, sw: sw, cols: cols, row: 1,
		widths: make([]float64, len(cols)), line: make([]float64, len(cols)), word: make([]float64, len(cols))}
	for i, c := range cols {
		s.word[i] = wordWidth(c.title)
	}
	return s, nil
}

// add writes one row.
func (s *xsheet) add(values ...any) error {
	s.row++
	if s.row%excelRowsPerCheck == 0 {
		if err := s.x.t.check(); err != nil {
			return err
		}
	}
	row := make([]any, len(values))
	for i, v := range values {
		row[i] = s.x.cell(s.name, i+1, s.row, v)
	}
	if s.sized {
		return s.write(s.row, row)
	}
	for i, v := range row {
		if i < len(s.cols) {
			l, w := cellWidths(v)
			if keepLines(s.cols[i]) {
				w = l
			}
			s.line[i], s.word[i] = max(s.line[i], l), max(s.word[i], w)
		}
	}
	s.pending = append(s.pending, row)
	if len(s.pending) >= sizeSample {
		return s.size()
	}
	return nil
}

// size chooses the column widths from the rows seen so far, then writes
// the header and those rows.
func (s *xsheet) size() error {
	s.sized = true
	for i, c := range s.cols {
		s.widths[i] = fitWidth(s.line[i], s.word[i], c.width)
		if err := s.sw.SetColWidth(i+1, i+1, s.widths[i]); err != nil {
			return err
		}
	}
	if err := s.sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	head := make([]any, len(s.cols))
	for i, c := range s.cols {
		head[i] = excelize.Cell{StyleID: s.x.style.header, Value: c.title}
	}
	if err := s.write(1, head); err != nil {
		return err
	}
	for i, row := range s.pending {
		if err := s.write(i+2, row); err != nil {
			return err
		}
	}
	s.pending = nil
	return nil
}

// write streams row number n, tall enough for its wrapped text.
func (s *xsheet) write(n int, row []any) error {
	lines := 1
	for i, v := range row {
		if c, ok := v.(excelize.Cell); ok && i < len(s.widths) {
			if text, ok := c.Value.(string); ok {
				lines = max(lines, wrappedLines(text, s.widths[i]))
			}
		}
	}
	ref, _ := excelize.CoordinatesToCellName(1, n)
	if lines > 1 {
		// Streamed rows get no automatic height, so wrapped text would
		// show one line: size the row for up to maxRowLines.
		return s.sw.SetRow(ref, row, excelize.RowOpts{Height: rowHeight(lines)})
	}
	return s.sw.SetRow(ref, row)
}

// maxRowLines caps the height given to a row at Excel's limit (409
// points); longer text is cut on paper, so the sheets keep long texts in
// columns wide enough not to need it.
const maxRowLines = 27

// rowHeight is the height in points of a row of lines of text.
func rowHeight(lines int) float64 { return float64(min(lines, maxRowLines)) * 15 }

// finish adds an Excel table (with filter buttons) over the rows written,
// when name is not empty, and flushes the sheet.
func (s *xsheet) finish(table string) error {
	if s.row == 1 {
		// A table needs a data row; say there is nothing.
		if err := s.add("(none)"); err != nil {
			return err
		}
	}
	if !s.sized {
		if err := s.size(); err != nil {
			return err
		}
	}
	if table != "" {
		last, _ := excelize.CoordinatesToCellName(len(s.cols), s.row)
		if err := s.sw.AddTable(&excelize.Table{Range: "A1:" + last, Name: table, StyleName: "TableStyleLight9"}); err != nil {
			return fmt.Errorf("%s table: %w", s.name, err)
		}
	}
	if err := s.sw.Flush(); err != nil {
		return err
	}
	return s.x.printArea(s.name, len(s.cols), s.row, true)
}

// cell converts a value for the stream writer (or SetCellValue): strings
// are cleaned (and anonymised in a non-attributable workbook), kept as
// text and fitted to the cell limit; typed values get their number
// formats; zero dates and times are left blank.
func (x *xlsxDoc) cell(sheet string, col, row int, v any) any {
	switch v := v.(type) {
	case nil:
		return nil
	case string:
		if v == "" {
			return nil
		}
		s, _ := x.long.fitCell(sheet, col, row, x.clean(v))
		return excelize.Cell{StyleID: x.style.wrap, Value: s}
	case xbold:
		s, _ := x.long.fitCell(sheet, col, row, x.clean(string(v)))
		return excelize.Cell{StyleID: x.style.bold, Value: s}
	case xdate:
		d := plan.Date(v)
		if d.IsZero() {
			return nil
		}
		return excelize.Cell{StyleID: x.style.date, Value: d.Time()}
	case xtime:
		t := time.Time(v)
		if t.IsZero() {
			return nil
		}
		return excelize.Cell{StyleID: x.style.datetime, Value: t.UTC()}
	case xdur:
		return excelize.Cell{StyleID: x.style.duration, Value: time.Duration(v)}
	case xmin:
		return excelize.Cell{StyleID: x.style.minutes, Value: float64(v)}
	case xnum:
		return excelize.Cell{StyleID: x.style.number, Value: float64(v)}
	case int, float64, bool:
		return excelize.Cell{StyleID: x.style.wrap, Value: v}
	}
	return excelize.Cell{StyleID: x.style.wrap, Value: cellText(fmt.Sprint(v))}
}

// clean is user text as a cell holds it (text_sanitize.go). A
// non-attributable workbook needs nothing more: it is written from the
// report's anonymous copy of the workspace (model_anonymous.go).
func (x *xlsxDoc) clean(s string) string { return cellText(s) }

// set writes one value on a sheet written with the normal API (not
// streamed), with the same conversions as streamed cells, and links a
// truncated cell to its full text.
func (x *xlsxDoc) set(sheet string, col, row int, v any) error {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	cv := x.cell(sheet, col, row, v)
	c, ok := cv.(excelize.Cell)
	if !ok {
		return nil
	}
	switch val := c.Value.(type) {
	case string:
		// SetCellStr always stores a string, never a formula.
		if err := x.f.SetCellStr(sheet, ref, val); err != nil {
			return err
		}
		if n := len(x.long.entries); n > 0 && x.long.entries[n-1].sheet == sheet && x.long.entries[n-1].cell == ref {
			loc := fmt.Sprintf("'%s'!D%d", sheetLongText, x.long.entries[n-1].row)
			if err := x.f.SetCellHyperLink(sheet, ref, loc, "Location"); err != nil {
				return err
			}
		}
	default:
		if err := x.f.SetCellValue(sheet, ref, val); err != nil {
			return err
		}
	}
	return x.f.SetCellStyle(sheet, ref, ref, c.StyleID)
}

// setRow writes values from column 1 of a row on a normal sheet.
func (x *xlsxDoc) setRow(sheet string, row int, values ...any) error {
	for i, v := range values {
		if err := x.set(sheet, i+1, row, v); err != nil {
			return err
		}
	}
	return nil
}

package export

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// Column widths are measured in Excel's unit, the width of a "0" in the
// default font. Text is proportional, so a character is counted as
// charWidth of that unit (wide East Asian characters twice that); the
// margin errs on the side of a little space to spare, since an estimate
// that is short cuts text off on paper.
const (
	charWidth = 0.9
	// colPad is the cell's own padding, in the same unit.
	colPad = 1.5
	// keepCap is the widest a column grows to keep a word (an ID, an
	// e-mail address) on one line.
	keepCap = 60
)

// refCol is the traceability column at the right of a sheet: IDs and
// plan paths, one per line, each line kept whole (a spreadsheet would
// break an ID at a hyphen).
var refCol = xcol{"Reference", keepCap}

// keepLines says whether a column's lines must not wrap.
func keepLines(c xcol) bool { return c.title == refCol.title }

// textWidth is how wide s is, in column units, on its longest line.
func textWidth(s string) float64 {
	w := 0.0
	for line := range strings.SplitSeq(s, "\n") {
		w = max(w, runesWidth(line))
	}
	return w
}

// wordWidth is how wide the longest word of s is: the narrowest a
// wrapped column may be without breaking a word.
func wordWidth(s string) float64 {
	w := 0.0
	for word := range strings.FieldsSeq(s) {
		w = max(w, runesWidth(word))
	}
	return w
}

func runesWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += runeWidth(r)
	}
	return w
}

func runeWidth(r rune) float64 {
	if r < wideFrom {
		return charWidth
	}
	if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) || (r >= 0xFF01 && r <= 0xFF60) {
		return 2 * charWidth
	}
	return charWidth
}

// wideFrom is the first character of the wide scripts runeWidth counts
// double (Hangul Jamo, U+1100); everything below it, Latin included, is
// one charWidth without a table lookup.
const wideFrom = 0x1100

// wrappedLines is how many lines text takes in a column width units wide
// when wrapped at spaces, as a spreadsheet does (a word longer than the
// line is broken, taking as many lines as it needs).
func wrappedLines(text string, width float64) int {
	room := max(1, width-colPad)
	// No character is wider than its UTF-8 bytes times charWidth (a wide
	// one has three or four bytes), so a line of few enough bytes fits
	// without measuring its words; the margin keeps the shortcut clear of
	// the rounding in the sums below.
	if float64(len(text))*charWidth < room-1 && strings.IndexByte(text, '\n') < 0 {
		return 1
	}
	return measuredLines(text, room)
}

// measuredLines is wrappedLines word by word, in a line room units wide.
func measuredLines(text string, room float64) int {
	n := 0
	for line := range strings.SplitSeq(text, "\n") {
		used, lines := 0.0, 1
		for word := range strings.FieldsSeq(line) {
			w := runesWidth(word)
			switch {
			case used == 0:
				used = w
			case used+charWidth+w <= room:
				used += charWidth + w
				continue
			default:
				lines++
				used = w
			}
			for used > room { // a word wider than the column
				lines++
				used -= room
			}
		}
		n += lines
		if n >= maxRowLines {
			return maxRowLines
		}
	}
	return n
}

// cellWidths returns the width a value needs on one line and its longest
// word; typed values are as wide as their number format shows them.
func cellWidths(v any) (line, word float64) {
	if c, ok := v.(excelize.Cell); ok {
		v = c.Value
	}
	var w float64
	switch v := v.(type) {
	case nil:
		return 0, 0
	case string:
		return textWidth(v), wordWidth(v)
	case int:
		w = float64(len(strconv.Itoa(v)))
	case float64:
		w = float64(len(strconv.FormatFloat(v, 'f', 2, 64)))
	default:
		// Dates (yyyy-mm-dd hh:mm:ss at most) and durations.
		w = 19
	}
	return w, w
}

// fitWidth chooses a column's width from the widest line and longest word
// of its cells (header included) and its cap: as wide as the content
// up to the cap, never so narrow that a word breaks, and a word (an ID,
// an address) may widen the column beyond the cap up to keepCap.
func fitWidth(line, word, limit float64) float64 {
	w := min(line, limit)
	// A word gets a tenth more: a spreadsheet breaks a word that does
	// not fit at its hyphens, and an ID broken in two reads as two.
	w = max(w, min(word*1.1, keepCap))
	return w + colPad
}

// columns sizes and heads a sheet written with the normal API from all
// its rows (such sheets are small): the widths fitWidth chooses, a
// styled header row frozen at the top. It returns the widths.
func (x *xlsxDoc) columns(sheet string, cols []xcol, rows [][]any) ([]float64, error) {
	widths := make([]float64, len(cols))
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.title
		line, word := 0.0, wordWidth(c.title)
		for _, row := range rows {
			if i < len(row) {
				l, w := cellWidths(cleanValue(row[i]))
				if keepLines(c) {
					w = l
				}
				line, word = max(line, l), max(word, w)
			}
		}
		widths[i] = fitWidth(line, word, c.width)
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := x.f.SetColWidth(sheet, col, col, widths[i]); err != nil {
			return nil, err
		}
	}
	if err := x.header(sheet, 1, titles...); err != nil {
		return nil, err
	}
	return widths, x.f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// cleanValue is v as its cell will hold it, for measuring.
func cleanValue(v any) any {
	switch v := v.(type) {
	case string:
		return cellText(v)
	case xbold:
		return cellText(string(v))
	}
	return v
}

// fitRow makes a row written with the normal API tall enough for its
// wrapped text.
func (x *xlsxDoc) fitRow(sheet string, row int, widths []float64, values []any) error {
	lines := 1
	for i, v := range values {
		if s, ok := cleanValue(v).(string); ok && i < len(widths) {
			lines = max(lines, wrappedLines(s, widths[i]))
		}
	}
	if lines == 1 {
		return nil
	}
	return x.f.SetRowHeight(sheet, row, rowHeight(lines))
}

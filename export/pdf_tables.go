package export

import (
	"strconv"
	"strings"
)

// pcell is one table cell: text (cleaned when drawn) and an optional
// colour, weight and background.
type pcell struct {
	text string
	col  *rgb
	bold bool
	bg   *rgb
}

func c(text string) pcell { return pcell{text: text} }

func colored(text string, col rgb) pcell { return pcell{text: text, col: &col, bold: true} }

// column describes a table column: its title, relative width and
// alignment ("L", "C" or "R").
type column struct {
	title  string
	weight float64
	align  string
}

func col(title string, weight float64) column {
	return column{title: title, weight: weight, align: "L"}
}

// ptable draws a table that breaks across pages: the header row is
// repeated at the top of every page the table continues on, and a row
// taller than the room left is split between lines, so even a cell of
// 10,000 characters flows over pages instead of running off one.
type ptable struct {
	d      *pdfDoc
	cols   []column
	widths []float64
	size   float64 // font size
	lh     float64 // line height
	pad    float64 // vertical padding inside a cell
	n      int     // rows drawn, for zebra stripes
	// maxLines caps the lines shown per cell (0: no cap); the rest is
	// summarised so one huge note cannot fill dozens of pages.
	maxLines int
	// rotate prints the titles of every column but the first turned 90°,
	// for matrices with many narrow columns (the RACI grid).
	rotate bool
}

// maxRotated bounds the height of rotated titles.
const maxRotated = 42.0

func (d *pdfDoc) table(cols ...column) *ptable {
	t := &ptable{d: d, cols: cols, size: 8, lh: 3.7, pad: 1.1}
	sum := 0.0
	for _, c := range cols {
		sum += c.weight
	}
	t.widths = make([]float64, len(cols))
	for i, c := range cols {
		t.widths[i] = contentW * c.weight / sum
	}
	return t
}

// begin draws the header, starting a new page unless the header and
// about two rows fit.
func (t *ptable) begin() *ptable {
	t.d.ensure(t.headerHeight() + 2*t.lh + 4*t.pad)
	t.header()
	return t
}

func (t *ptable) headerLines() [][]string {
	f := t.d.f
	t.d.font("B", t.size)
	out := make([][]string, len(t.cols))
	for i, c := range t.cols {
		out[i] = f.SplitText(pdfText(c.title), t.widths[i])
	}
	return out
}

func (t *ptable) headerHeight() float64 {
	n := 1
	for _, l := range t.headerLines() {
		n = max(n, len(l))
	}
	h := float64(n)*t.lh + 2*t.pad
	if t.rotate {
		for _, c := range t.cols[1:] {
			h = max(h, min(maxRotated, t.d.f.GetStringWidth(pdfLine(c.title))+2*t.pad+1))
		}
	}
	return h
}

func (t *ptable) header() {
	d, f := t.d, t.d.f
	lines := t.headerLines()
	h := t.headerHeight()
	x, y := marginL, f.GetY()
	d.fill(colHeadBg)
	d.draw(colRule)
	f.SetLineWidth(0.2)
	d.color(colHead)
	d.font("B", t.size)
	for i, w := range t.widths {
		f.Rect(x, y, w, h, "FD")
		if t.rotate && i > 0 {
			title := fit(f, pdfLine(t.cols[i].title), maxRotated)
			tx, ty := x+w/2+t.size*0.35/2.83, y+h-t.pad-0.5
			f.TransformBegin()
			f.TransformRotate(90, tx, ty)
			f.Text(tx, ty, title)
			f.TransformEnd()
			x += w
			continue
		}
		for k, line := range lines[i] {
			f.SetXY(x, y+t.pad+float64(k)*t.lh)
			f.CellFormat(w, t.lh, line, "", 0, t.cols[i].align, false, 0, "")
		}
		x += w
	}
	f.SetXY(marginL, y+h)
	d.resetText()
}

// row draws one row of cells (missing cells are blank).
func (t *ptable) row(cells ...pcell) {
	d, f := t.d, t.d.f
	if !d.tick() {
		return
	}
	lines := make([][]string, len(t.cols))
	bold := make([]bool, len(t.cols))
	n := 1
	for i := range t.cols {
		var cl pcell
		if i < len(cells) {
			cl = cells[i]
		}
		bold[i] = cl.bold
		style := ""
		if cl.bold {
			style = "B"
		}
		d.font(style, t.size)
		text := pdfText(cl.text)
		if text == "" {
			lines[i] = []string{""}
			continue
		}
		ls := d.split(text, t.widths[i])
		if t.maxLines > 0 && len(ls) > t.maxLines {
			more := len(ls) - t.maxLines + 1
			ls = append(ls[:t.maxLines-1], "… ("+strconv.Itoa(more)+" more lines: see the Excel workbook)")
		}
		lines[i] = ls
		n = max(n, len(ls))
	}
	t.n++
	zebra := t.n%2 == 0
	for from := 0; from < n; {
		room := int((pageBottom - f.GetY() - 2*t.pad) / t.lh)
		if room < min(n-from, 3) {
			// Not even a few lines fit: continue on a new page.
			d.newPage()
			t.header()
			continue
		}
		to := min(n, from+room)
		t.segment(cells, lines, bold, from, to, zebra)
		from = to
	}
}

// segment draws lines [from, to) of a row at the cursor.
func (t *ptable) segment(cells []pcell, lines [][]string, bold []bool, from, to int, zebra bool) {
	d, f := t.d, t.d.f
	h := float64(to-from)*t.lh + 2*t.pad
	x, y := marginL, f.GetY()
	d.draw(colRule)
	f.SetLineWidth(0.15)
	for i, w := range t.widths {
		var bg *rgb
		if i < len(cells) {
			bg = cells[i].bg
		}
		switch {
		case bg != nil:
			d.fill(*bg)
			f.Rect(x, y, w, h, "FD")
		case zebra:
			d.fill(colZebra)
			f.Rect(x, y, w, h, "FD")
		default:
			f.Rect(x, y, w, h, "D")
		}
		style := ""
		if bold[i] {
			style = "B"
		}
		d.font(style, t.size)
		if i < len(cells) && cells[i].col != nil {
			d.color(*cells[i].col)
		} else {
			d.color(colText)
		}
		for k := from; k < to && k < len(lines[i]); k++ {
			f.SetXY(x, y+t.pad+float64(k-from)*t.lh)
			d.cell(w, t.lh, strings.TrimRight(lines[i][k], " "), 0, t.cols[i].align)
		}
		x += w
	}
	f.SetXY(marginL, y+h)
	d.resetText()
}

// end leaves a little space after the table.
func (t *ptable) end() { t.d.gap(3) }

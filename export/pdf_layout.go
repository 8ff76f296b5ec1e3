package export

import (
	"strings"

	"github.com/jung-kurt/gofpdf"
)

// rgb is a colour for text, lines and fills.
type rgb struct{ r, g, b int }

// The palette: dark blue for structure, green for met and red for
// breached (with a shape or word alongside, so the report also reads in
// black and white), grey for what is not scored.
var (
	colText    = rgb{33, 37, 41}
	colMuted   = rgb{108, 117, 125}
	colRule    = rgb{206, 212, 218}
	colHead    = rgb{31, 56, 100}
	colHeadBg  = rgb{226, 233, 243}
	colZebra   = rgb{247, 249, 252}
	colMet     = rgb{46, 125, 50}
	colBreach  = rgb{198, 40, 40}
	colLate    = rgb{230, 120, 0}
	colMarking = rgb{176, 0, 32}
	colAccent  = rgb{52, 101, 164}
	colHilite  = rgb{255, 243, 205}
)

// colLabel is a grey dark enough for small text on the tinted boxes and
// in the footer (colMuted has 3.9:1 on colHeadBg, under the 4.5:1 the
// cover test asks).
var colLabel = rgb{73, 80, 87}

const (
	bodySize = 9.5
	lineH    = 4.6 // for bodySize
)

// gstate caches the font and colours last set, because gofpdf writes a
// font or colour operator to the page on every call even when nothing
// changes; a table sets them per cell, so on a 1,700-page report the
// repeats cost a tenth of the export time and a fifth of the file.
type gstate struct {
	valid                bool
	style                string
	size                 float64
	text, fillC, strokeC rgb
	hasText, hasFill     bool
	hasStroke            bool
}

// invalidate forgets the cache; called when gofpdf changes the state
// behind our back (a new page, a return to an earlier page).
func (d *pdfDoc) invalidate() { d.gs = gstate{} }

func (d *pdfDoc) color(c rgb) {
	if d.gs.hasText && d.gs.text == c {
		return
	}
	d.gs.text, d.gs.hasText = c, true
	d.f.SetTextColor(c.r, c.g, c.b)
}

func (d *pdfDoc) fill(c rgb) {
	if d.gs.hasFill && d.gs.fillC == c {
		return
	}
	d.gs.fillC, d.gs.hasFill = c, true
	d.f.SetFillColor(c.r, c.g, c.b)
}

func (d *pdfDoc) draw(c rgb) {
	if d.gs.hasStroke && d.gs.strokeC == c {
		return
	}
	d.gs.strokeC, d.gs.hasStroke = c, true
	d.f.SetDrawColor(c.r, c.g, c.b)
}

func (d *pdfDoc) font(style string, size float64) {
	if d.gs.valid && d.gs.style == style && d.gs.size == size {
		return
	}
	d.gs.valid, d.gs.style, d.gs.size = true, style, size
	d.f.SetFont(fontFamily, style, size)
}

// resetText restores the body font and colour.
func (d *pdfDoc) resetText() {
	d.font("", bodySize)
	d.color(colText)
}

// fit shortens an already-clean line with "…" so it fits width w,
// keeping the longest prefix that fits. gofpdf's width of a string is the
// sum of its runes' widths (no kerning), so one walk along the prefix
// sums finds the cut: linear in the length, where measuring each shorter
// candidate again was quadratic (a 10,000-character marking took half a
// minute on a 21-page report). The comparison is the one GetStringWidth
// makes, so the cut is the same.
func fit(f *gofpdf.Fpdf, s string, w float64) string {
	w -= 2 * f.GetCellMargin()
	if f.GetStringWidth(s) <= w {
		return s
	}
	_, size := f.GetFontSize()
	fits := func(units int) bool { return float64(units)*size/1000 <= w }
	units := f.GetStringSymbolWidth("…")
	cut := 0
	for i, r := range s {
		if !fits(units) {
			break
		}
		cut = i
		units += f.GetStringSymbolWidth(string(r))
	}
	return s[:cut] + "…"
}

// newPage starts a page with the cursor at the top of the content box.
func (d *pdfDoc) newPage() {
	if d.err != nil {
		return
	}
	d.f.AddPage()
	d.invalidate()
	d.f.SetXY(marginL, marginT)
	d.resetText()
}

// room reports whether h millimetres fit above the bottom margin.
func (d *pdfDoc) room(h float64) bool { return d.f.GetY()+h <= pageBottom }

// ensure starts a new page unless h millimetres fit.
func (d *pdfDoc) ensure(h float64) {
	if !d.room(h) {
		d.newPage()
	}
}

// gap moves down h millimetres (no further than the page bottom).
func (d *pdfDoc) gap(h float64) {
	d.f.SetXY(marginL, min(d.f.GetY()+h, pageBottom))
}

// sectionTitle starts a section on a new page with a level-0 bookmark.
func (d *pdfDoc) sectionTitle(title string) {
	d.newPage()
	title = pdfLine(title)
	d.f.Bookmark(title, 0, -1)
	d.font("B", 18)
	d.color(colHead)
	d.f.SetX(marginL)
	d.cell(contentW, 10, d.fitLine(title, contentW), 2, "L")
	d.draw(colHead)
	d.f.SetLineWidth(0.6)
	y := d.f.GetY() + 1
	d.f.Line(marginL, y, marginL+contentW, y)
	d.gap(5)
	d.resetText()
}

// subTitle prints a level-1 heading (optionally bookmarked), keeping at
// least keep millimetres of what follows on the same page.
func (d *pdfDoc) subTitle(title string, bookmark bool, keep float64) {
	d.ensure(12 + keep)
	if d.f.GetY() > marginT+1 {
		d.gap(3) // space above a heading, unless it starts the page
	}
	title = pdfLine(title)
	if bookmark {
		d.f.Bookmark(title, 1, -1)
	}
	d.font("B", 13)
	d.color(colHead)
	d.f.SetX(marginL)
	for _, line := range d.split(title, contentW) {
		d.cell(contentW, 6.5, line, 2, "L")
	}
	d.gap(1.5)
	d.resetText()
}

// minorTitle prints a small bold heading.
func (d *pdfDoc) minorTitle(title string, keep float64) {
	d.ensure(7 + keep)
	d.gap(1.5)
	d.font("B", 10.5)
	d.color(colHead)
	d.f.SetX(marginL)
	d.cell(contentW, 5.5, d.fitLine(pdfLine(title), contentW), 2, "L")
	d.gap(0.5)
	d.resetText()
}

// paragraph prints wrapped user or report text, breaking pages between
// lines.
func (d *pdfDoc) paragraph(text string) { d.indented(text, 0, "") }

// nothing prints the notice (muted) when a part of the report has no
// items, and reports whether it had none, so the caller stops there.
func (d *pdfDoc) nothing(n int, notice string) bool {
	if n > 0 {
		return false
	}
	d.muted(notice)
	return true
}

// muted prints a paragraph in grey.
func (d *pdfDoc) muted(text string) {
	d.color(colMuted)
	d.indented(text, 0, "")
	d.resetText()
}

// bullet prints one bulleted item.
func (d *pdfDoc) bullet(text string) { d.indented(text, 5, "•") }

// indented prints text wrapped at indent millimetres, with an optional
// marker in the indent on the first line.
func (d *pdfDoc) indented(text string, indent float64, marker string) {
	if d.err != nil {
		return
	}
	f := d.f
	lines := d.split(pdfText(text), contentW-indent)
	if len(lines) == 0 {
		lines = []string{""}
	}
	for i, line := range lines {
		d.ensure(lineH)
		if i == 0 && marker != "" {
			f.SetX(marginL)
			f.CellFormat(indent, lineH, marker, "", 0, "R", false, 0, "")
		}
		f.SetX(marginL + indent)
		d.cell(contentW-indent, lineH, strings.TrimRight(line, " "), 2, "L")
	}
	d.gap(0.8)
}

// factLabelW is the width of the labels of facts.
const factLabelW = 38.0

// clip keeps the first n lines of s as wrapped to w, the last cut with
// "…" when there was more.
func (d *pdfDoc) clip(s string, w float64, n int) string {
	lines := d.split(s, w)
	if len(lines) <= n {
		return s
	}
	return strings.Join(append(lines[:n-1], d.fitLine(lines[n-1]+" …", w)), "\n")
}

// facts prints "Label: value" lines with the labels in bold.
func (d *pdfDoc) facts(pairs ...string) {
	f := d.f
	const labelW = factLabelW
	for i := 0; i+1 < len(pairs); i += 2 {
		v := pdfText(pairs[i+1])
		if strings.TrimSpace(v) == "" {
			continue
		}
		d.font("", bodySize)
		lines := d.split(v, contentW-labelW)
		d.ensure(lineH)
		d.font("B", bodySize)
		f.SetX(marginL)
		f.CellFormat(labelW, lineH, fit(f, pdfLine(pairs[i]), labelW), "", 0, "L", false, 0, "")
		d.font("", bodySize)
		for j, line := range lines {
			if j > 0 {
				d.ensure(lineH)
			}
			f.SetX(marginL + labelW)
			d.cell(contentW-labelW, lineH, line, 2, "L")
		}
	}
	d.gap(1)
}

package export

import (
	"fmt"
	"strconv"
)

// markSection records the current page as the start of section s, for
// the contents list on the cover.
func (d *pdfDoc) markSection(s Section) {
	if d.starts == nil {
		d.starts = map[Section]int{}
	}
	d.starts[s] = d.f.PageNo()
}

// contentsPages goes back to the cover when the report is complete and
// prints each section's first page beside its title. (gofpdf's
// RegisterAlias could do this, but it rescans every page of the document
// once per alias, which on a 1,700-page report costs more than drawing.)
func (d *pdfDoc) contentsPages() {
	if len(d.contentsY) == 0 || d.err != nil {
		return
	}
	f := d.f
	last := f.PageNo()
	f.SetPage(d.contentsPage)
	d.invalidate()
	d.font("", 10)
	d.color(colText)
	for _, s := range Sections { // in order: the output must be reproducible
		y, ok := d.contentsY[s]
		if !ok {
			continue
		}
		f.SetXY(marginL+102, y)
		f.CellFormat(30, 6, "page "+strconv.Itoa(d.starts[s]), "", 0, "L", false, 0, "")
	}
	f.SetPage(last)
	d.invalidate()
	d.resetText()
}

// cover draws the title page: organisation, date, assessor (unless the
// report is non-attributable), the readiness result at a glance, the
// contents and the confidentiality marking.
func (d *pdfDoc) cover() {
	r, f := d.r, d.f
	d.newPage()
	d.markSection(SectionCover)
	f.Bookmark("Cover", 0, -1)

	// Title band.
	bandY, bandH := 22.0, 62.0
	d.fill(colHead)
	f.Rect(0, bandY, pageW, bandH, "F")
	d.color(rgb{255, 255, 255}) // through the cache, so resetText below restores the body colour
	d.font("", 11)
	f.SetXY(marginL, bandY+9)
	f.CellFormat(contentW, 6, "INCIDENT-RESPONSE READINESS REPORT", "", 2, "L", false, 0, "")
	d.font("B", 24)
	name := d.split(pdfLine(r.orgName()), contentW)
	if len(name) > 2 {
		name = append(name[:1], d.fitLine(name[1]+" …", contentW))
	}
	f.SetXY(marginL, bandY+19)
	for _, line := range name {
		f.SetX(marginL)
		d.cell(contentW, 11, line, 2, "L")
	}
	if s := pdfLine(r.ws.Organisation.Sector); s != "" {
		d.font("", 11)
		f.SetX(marginL)
		f.CellFormat(contentW, 6, fit(f, s, contentW), "", 2, "L", false, 0, "")
	}
	f.SetXY(marginL, bandY+bandH+8)
	d.resetText()

	assessor := r.opts.AssessorLine()
	// At most three lines of product, so however long it is the cover
	// keeps to one page (the contents' page numbers are filled in on it).
	d.font("", bodySize)
	d.facts(
		"Product", d.clip(pdfText(r.ws.Organisation.Product), contentW-factLabelW, 3),
		"Report date", r.date.String(),
		"Assessment date", r.a.Date.String(),
		"Assessor", d.clip(pdfText(assessor), contentW-factLabelW, 2),
	)

	// At a glance.
	d.gap(3)
	y := f.GetY()
	d.fill(colHeadBg)
	f.Rect(marginL, y, contentW, 34, "F")
	d.font("", 9)
	d.color(colLabel)
	f.SetXY(marginL+5, y+3)
	f.CellFormat(60, 5, "Plan tier", "", 0, "L", false, 0, "")
	f.SetXY(marginL+75, y+3)
	f.CellFormat(60, 5, "Readiness index (0–100)", "", 0, "L", false, 0, "")
	d.font("B", 20)
	d.color(colHead)
	f.SetXY(marginL+5, y+10)
	f.CellFormat(65, 10, string(r.a.Tier), "", 0, "L", false, 0, "")
	f.SetXY(marginL+75, y+10)
	idx := fmt.Sprintf("%.1f", r.a.Index)
	f.CellFormat(f.GetStringWidth(idx)+3, 10, idx, "", 0, "L", false, 0, "")
	if delta, prev, ok := r.trendDelta(); ok {
		x := marginL + 75 + f.GetStringWidth(idx) + 5
		d.trendArrow(x, y+12.5, 5, delta)
		d.font("", 8.5)
		d.color(colLabel)
		f.SetXY(x+7, y+12)
		f.CellFormat(70, 6, fmt.Sprintf("%+.1f since %s", delta, prev.Date), "", 0, "L", false, 0, "")
	}
	// What exercises showed stands beside the plan's tier, never in it.
	d.font("", 9)
	d.color(colText)
	for i, line := range f.SplitText(pdfLine(r.names.text(r.a.ValidationSentence())), contentW-10) {
		if i == 2 {
			break // the summary page has it in full
		}
		f.SetXY(marginL+5, y+22+4.5*float64(i))
		f.CellFormat(contentW-10, 4.5, line, "", 0, "L", false, 0, "")
	}
	f.SetXY(marginL, y+40)
	d.resetText()

	// Contents.
	var listed []Section
	for _, s := range r.opts.Sections {
		if s != SectionCover {
			listed = append(listed, s)
		}
	}
	if len(listed) > 0 {
		d.minorTitle("Contents", 20)
		d.font("", 10)
		for _, s := range Sections {
			if s == SectionCover || !r.has(s) {
				continue
			}
			f.SetX(marginL + 2)
			if d.contentsY == nil {
				d.contentsY = map[Section]float64{}
			}
			d.contentsPage = f.PageNo()
			d.contentsY[s] = f.GetY()
			f.CellFormat(100, 6, SectionTitle(s), "", 1, "L", false, 0, "")
		}
		d.resetText()
	}

	// Marking box at the foot of the cover.
	if m := pdfText(r.opts.Marking); m != "" {
		d.font("B", 12)
		lines := f.SplitText(pdfLine(m), contentW-10)
		if len(lines) > 4 {
			lines = append(lines[:3], fit(f, lines[3]+" …", contentW-10))
		}
		h := float64(len(lines))*6 + 8
		y := pageBottom - h - 4
		d.draw(colMarking)
		f.SetLineWidth(0.8)
		f.Rect(marginL, y, contentW, h, "D")
		d.color(colMarking)
		for i, line := range lines {
			f.SetXY(marginL+5, y+4+float64(i)*6)
			f.CellFormat(contentW-10, 6, line, "", 0, "C", false, 0, "")
		}
		d.resetText()
	}
}

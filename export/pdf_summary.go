package export

import (
	"fmt"
	"strconv"
	"strings"

	"drillbook/internal/prose"
	"drillbook/scoring"
)

// topGaps is how many findings the executive summary lists.
const topGaps = 5

// summary draws the one-to-two-page executive summary: tier, index with
// its trend, the radar of levels, the level table and the top gaps with
// their recommendations.
func (d *pdfDoc) summary() {
	r, f := d.r, d.f
	d.sectionTitle(SectionTitle(SectionSummary))
	d.markSection(SectionSummary)
	d.paragraph(fmt.Sprintf("This report assesses the incident-response readiness of %s on %s across %d dimensions, each given a level from 0 (absent) to 4 (assured). The plan tier rises only when every one of the ten plan dimensions reaches it; exercises stand beside it as a validation status and can lower what they showed to be weak, never raise it. The index (0–100) shows the trend and never replaces the tier.",
		r.orgName(), r.a.Date, len(r.a.Dimensions)))
	d.gap(2)

	// Key figures.
	y := f.GetY()
	d.font("", 8)
	validation := f.SplitText(pdfLine(r.names.text(r.a.ValidationSentence())), contentW-8)
	if len(validation) > 2 {
		validation = append(validation[:1], fit(f, validation[1]+" …", contentW-8))
	}
	boxH := 24 + 4*float64(len(validation))
	d.fill(colHeadBg)
	f.Rect(marginL, y, contentW, boxH, "F")
	d.font("", 8.5)
	d.color(colLabel)
	for i, label := range []string{"Plan tier", "Index", "Held back by"} {
		f.SetXY(marginL+4+float64(i)*52, y+2.5)
		f.CellFormat(50, 4, label, "", 0, "L", false, 0, "")
	}
	d.font("B", 16)
	d.color(colHead)
	f.SetXY(marginL+4, y+8)
	f.CellFormat(48, 8, string(r.a.Tier), "", 0, "L", false, 0, "")
	idx := fmt.Sprintf("%.1f", r.a.Index)
	f.SetXY(marginL+56, y+8)
	f.CellFormat(f.GetStringWidth(idx)+3, 8, idx, "", 0, "L", false, 0, "")
	ax := marginL + 56 + f.GetStringWidth(idx) + 4
	d.font("", 7.5)
	d.color(colLabel)
	if delta, prev, ok := r.trendDelta(); ok {
		d.trendArrow(ax, y+9.5, 4, delta)
		f.SetXY(ax+5, y+8.5)
		f.CellFormat(40, 3.5, fmt.Sprintf("%+.1f", delta), "", 2, "L", false, 0, "")
		f.SetX(ax + 5)
		f.CellFormat(40, 3.5, "since "+prev.Date.String(), "", 0, "L", false, 0, "")
	} else {
		f.SetXY(ax, y+10)
		f.CellFormat(40, 4, "first assessment", "", 0, "L", false, 0, "")
	}
	held := make([]string, len(r.a.HeldBackBy))
	for i, id := range r.a.HeldBackBy {
		held[i] = dimensionName(id)
	}
	heldText := strings.Join(held, ", ")
	if heldText == "" {
		heldText = "nothing: the highest tier is reached"
	}
	d.font("", 8)
	d.color(colText)
	lines := f.SplitText(pdfText(heldText), 68)
	if len(lines) > 3 {
		lines = append(lines[:2], fit(f, lines[2]+" …", 68))
	}
	for i, line := range lines {
		f.SetXY(marginL+108, y+8+float64(i)*3.8)
		f.CellFormat(68, 3.8, line, "", 0, "L", false, 0, "")
	}
	d.font("", 8)
	d.color(colText)
	for i, line := range validation {
		f.SetXY(marginL+4, y+21.5+4*float64(i))
		f.CellFormat(contentW-8, 4, line, "", 0, "L", false, 0, "")
	}
	f.SetXY(marginL, y+boxH+4)
	d.resetText()

	// Radar of levels.
	const rad = 34.0
	d.ensure(2*rad + 26)
	top := f.GetY()
	d.radar(marginL+contentW/2, top+rad+9, rad, r.a.Dimensions)
	d.font("", 7)
	d.color(colMuted)
	f.SetXY(marginL, top+2*rad+19)
	f.CellFormat(contentW, 3.5, "Filled: level reached (0–4). Dashed: progress towards the next level.", "", 2, "C", false, 0, "")
	d.resetText()
	d.gap(3)

	// Levels at a glance.
	t := d.table(col("Dimension", 5), column{"Level", 3, "L"}, column{"Progress", 1.6, "R"}, column{"Exercise", 1.6, "C"}, col("Held at this level by", 7))
	t.begin()
	for _, dr := range r.a.Dimensions {
		rating := "–"
		if dr.Exercise != nil {
			rating = dr.Exercise.Rating.String()
		}
		t.row(c(dr.Dimension.Name),
			c(strconv.Itoa(dr.Level)+" · "+scoring.LevelNames[dr.Level]),
			c(fmt.Sprintf("%.2f", dr.Progress)),
			ratingCell(rating),
			c(r.names.text(nextStep(r.a, dr))))
	}
	t.end()

	// Top gaps.
	d.subTitle(fmt.Sprintf("Top %d gaps", min(topGaps, len(r.a.Findings))), false, 20)
	if len(r.a.Findings) == 0 {
		d.paragraph("No gaps were found.")
	} else {
		g := d.table(column{"#", 0.5, "C"}, col("Gap", 6), column{"Severity", 1.5, "L"}, col("Recommendation", 7))
		g.begin()
		for i, fd := range r.a.Findings[:min(topGaps, len(r.a.Findings))] {
			g.row(c(strconv.Itoa(i+1)),
				c(r.names.text(fd.What)+"\n"+dimensionName(fd.Dimension)),
				severityCell(fd.Severity),
				c(r.names.text(fd.Recommendation)))
		}
		g.end()
		if n := len(r.a.Findings) - topGaps; n > 0 {
			where := "in the Findings sheet of the Excel workbook"
			if r.has(SectionDimensions) {
				where = "under " + SectionTitle(SectionDimensions) + " and " + where
			}
			d.muted(fmt.Sprintf("%s %s listed %s.", prose.Count(n, "further finding", "further findings"), prose.Plural(n, "is", "are"), where))
		}
	}
	for _, n := range r.a.Notes {
		d.muted("Note: " + r.names.text(n))
	}
}

// nextStep says briefly what holds a dimension at its level.
func nextStep(a *scoring.Assessment, dr scoring.DimensionResult) string {
	if dr.Level >= 4 {
		return "Highest level reached."
	}
	if dr.CappedBy != "" {
		return "Capped: " + dr.CappedBy // run IDs become titles where it is drawn
	}
	next := scoring.NextLevel(a, dr.Dimension.ID)
	if len(next) == 0 {
		return ""
	}
	s := next[0].What
	if len(next) > 1 {
		s += fmt.Sprintf(" (+%d more)", len(next)-1)
	}
	return s
}

func severityCell(s scoring.Severity) pcell {
	switch s {
	case scoring.SeverityCritical:
		return colored("critical", colBreach)
	case scoring.SeverityHigh:
		return colored("high", colLate)
	}
	return c(s.String())
}

func ratingCell(r string) pcell {
	switch r {
	case "P", "S":
		return colored(r, colMet)
	case "M":
		return colored(r, colLate)
	case "U":
		return colored(r, colBreach)
	}
	return c(r)
}

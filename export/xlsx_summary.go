package export

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"drillbook/scoring"
)

// summarySheet writes the headline figures, the level table behind a
// native radar chart and the assessment history behind a trend chart.
// Charts are Excel's own, so they update if a reader edits the numbers.
func (x *xlsxDoc) summarySheet() error {
	r, f, s := x.r, x.f, sheetSummary
	if err := x.newSheet(s); err != nil {
		return err
	}
	// The summary is one page.
	one := 1
	if err := f.SetPageLayout(s, &excelize.PageLayoutOptions{FitToHeight: &one}); err != nil {
		return err
	}
	for col, w := range map[string]float64{"A": 28, "B": 14, "C": 16, "D": 12, "E": 12, "F": factWidth - 54} {
		if err := f.SetColWidth(s, col, col, w); err != nil {
			return err
		}
	}
	if err := x.set(s, 1, 1, "Incident-response readiness report"); err != nil {
		return err
	}
	if err := f.SetCellStyle(s, "A1", "A1", x.style.title); err != nil {
		return err
	}
	row := 2
	if m := strings.TrimSpace(r.opts.Marking); m != "" {
		if err := x.set(s, 1, row, m); err != nil {
			return err
		}
		if err := f.SetCellStyle(s, "A2", "A2", x.style.marking); err != nil {
			return err
		}
	}
	row = 4
	held := make([]string, len(r.a.HeldBackBy))
	for i, id := range r.a.HeldBackBy {
		held[i] = dimensionName(id)
	}
	facts := []struct {
		label string
		value any
	}{
		{"Organisation", r.orgName()},
		{"Report date", xdate(r.date)},
		{"Assessment date", xdate(r.a.Date)},
		{"Assessor", r.assessor()},
		{"Plan tier", string(r.a.Tier)},
		{"Validation", r.a.ValidationSentence()},
		{"Readiness index (0–100)", r.a.Index},
		{"Held back by", strings.Join(held, ", ")},
	}
	if r.opts.NonAttributable {
		facts[3].value = r.opts.AssessorLine()
	}
	if delta, prev, ok := r.trendDelta(); ok {
		facts = append(facts, struct {
			label string
			value any
		}{fmt.Sprintf("Change since %s", prev.Date), delta})
	}
	for _, fa := range facts {
		if err := x.setRow(s, row, xbold(fa.label), fa.value); err != nil {
			return err
		}
		if err := x.factValue(s, row, fa.value); err != nil {
			return err
		}
		row++
	}

	// Levels by dimension: the radar chart's data.
	row++
	levelsTop := row
	if err := x.header(s, row, "Dimension", "Level", "Level name", "Progress", "Exercise"); err != nil {
		return err
	}
	for _, d := range r.a.Dimensions {
		row++
		rating := ""
		if d.Exercise != nil {
			rating = d.Exercise.Rating.String()
		}
		if err := x.setRow(s, row, d.Dimension.Name, d.Level, scoring.LevelNames[d.Level], xnum(d.Progress), rating); err != nil {
			return err
		}
	}
	x.levels = [2]int{levelsTop, row}

	// Trend across stored assessments.
	row += 2
	trendTop := row
	if err := x.header(s, row, "Assessment date", "Index", "Tier"); err != nil {
		return err
	}
	for _, p := range r.trend {
		row++
		if err := x.setRow(s, row, xdate(p.Date), p.Index, p.Tier); err != nil {
			return err
		}
	}
	x.trendRows = [2]int{trendTop, row}
	return x.printArea(s, 6, row, false)
}

// factWidth is the width of a fact's value: columns B to F, merged, so a
// long value (the dimensions holding the tier back) wraps inside the
// page instead of running off it.
const factWidth = 64

// factValue merges a fact's value cell across B:F, wraps it and makes the
// row tall enough for it; dates keep their format.
func (x *xlsxDoc) factValue(s string, row int, v any) error {
	ref, end := fmt.Sprintf("B%d", row), fmt.Sprintf("F%d", row)
	if err := x.f.MergeCell(s, ref, end); err != nil {
		return err
	}
	style := x.style.wrapLeft
	if _, ok := v.(xdate); ok {
		style = x.style.date
	}
	if err := x.f.SetCellStyle(s, ref, end, style); err != nil {
		return err
	}
	if text, ok := v.(string); ok {
		if n := wrappedLines(cellText(text), factWidth); n > 1 {
			return x.f.SetRowHeight(s, row, rowHeight(n))
		}
	}
	return nil
}

func ptr[T any](v T) *T { return &v }

// header writes a styled header row on a normal sheet.
func (x *xlsxDoc) header(sheet string, row int, titles ...string) error {
	for i, t := range titles {
		ref, _ := excelize.CoordinatesToCellName(i+1, row)
		if err := x.f.SetCellStr(sheet, ref, t); err != nil {
			return err
		}
		if err := x.f.SetCellStyle(sheet, ref, ref, x.style.header); err != nil {
			return err
		}
	}
	return nil
}

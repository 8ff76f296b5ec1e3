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
	for col, w := range map[string]float64{"A": 30, "B": 14, "C": 16, "D": 12, "E": 12, "F": 4} {
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
		// Unwrapped, so a long name runs on across the empty columns
		// instead of growing the row.
		ref, _ := excelize.CoordinatesToCellName(2, row)
		style := x.style.plain
		if _, ok := fa.value.(xdate); ok {
			style = x.style.date
		}
		if err := f.SetCellStyle(s, ref, ref, style); err != nil {
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
	levelsEnd := row
	radar := &excelize.Chart{
		Type: excelize.Radar,
		Series: []excelize.ChartSeries{
			{Name: fmt.Sprintf("%s!$B$%d", s, levelsTop), Categories: fmt.Sprintf("%s!$A$%d:$A$%d", s, levelsTop+1, levelsEnd), Values: fmt.Sprintf("%s!$B$%d:$B$%d", s, levelsTop+1, levelsEnd)},
			{Name: fmt.Sprintf("%s!$D$%d", s, levelsTop), Categories: fmt.Sprintf("%s!$A$%d:$A$%d", s, levelsTop+1, levelsEnd), Values: fmt.Sprintf("%s!$D$%d:$D$%d", s, levelsTop+1, levelsEnd)},
		},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Levels by dimension (0–4)"}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		YAxis:     excelize.ChartAxis{Maximum: ptr(4.0), Minimum: ptr(0.0), MajorUnit: 1, MajorGridLines: true},
		Dimension: excelize.ChartDimension{Width: 560, Height: 420},
		Format:    excelize.GraphicOptions{AltText: "Radar chart of the level reached in each dimension", OffsetX: 10},
	}
	if err := f.AddChart(s, "G4", radar); err != nil {
		return fmt.Errorf("radar chart: %w", err)
	}

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
	trend := &excelize.Chart{
		Type: excelize.Line,
		Series: []excelize.ChartSeries{{
			Name:       fmt.Sprintf("%s!$B$%d", s, trendTop),
			Categories: fmt.Sprintf("%s!$A$%d:$A$%d", s, trendTop+1, row),
			Values:     fmt.Sprintf("%s!$B$%d:$B$%d", s, trendTop+1, row),
			Marker:     excelize.ChartMarker{Symbol: "circle", Size: 7},
		}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: "Readiness index over time"}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		XAxis:     excelize.ChartAxis{NumFmt: excelize.ChartNumFmt{CustomNumFmt: "yyyy-mm-dd"}},
		YAxis:     excelize.ChartAxis{Maximum: ptr(100.0), Minimum: ptr(0.0), MajorGridLines: true},
		Dimension: excelize.ChartDimension{Width: 560, Height: 300},
		Format:    excelize.GraphicOptions{AltText: "Line chart of the readiness index at each stored assessment", OffsetX: 10},
	}
	if err := f.AddChart(s, "G27", trend); err != nil {
		return fmt.Errorf("trend chart: %w", err)
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

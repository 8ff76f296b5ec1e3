package export

import (
	"fmt"

	"github.com/xuri/excelize/v2"
)

// chartsSheet draws the radar of levels and the trend of the index from
// the Summary sheet's tables, each alone on a printed page: each chart
// sits inside its own block of rows and a page break separates the two
// blocks, so neither can be split across pages. Charts are Excel's own, so they
// update if a reader edits the numbers.
func (x *xlsxDoc) chartsSheet() error {
	f, s, sum := x.f, sheetCharts, sheetSummary
	if err := x.newSheet(s); err != nil {
		return err
	}
	// 11 columns of 12 make a landscape page's width at 100 %.
	if err := f.SetColWidth(s, "A", "K", 12); err != nil {
		return err
	}
	top, end := x.levels[0], x.levels[1]
	series := func(col string) excelize.ChartSeries {
		return excelize.ChartSeries{
			Name:       fmt.Sprintf("%s!$%s$%d", sum, col, top),
			Categories: fmt.Sprintf("%s!$A$%d:$A$%d", sum, top+1, end),
			Values:     fmt.Sprintf("%s!$%s$%d:$%s$%d", sum, col, top+1, col, end),
		}
	}
	radar := &excelize.Chart{
		Type:      excelize.Radar,
		Series:    []excelize.ChartSeries{series("B"), series("D")},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: chartLevelsTitle}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		YAxis:     excelize.ChartAxis{Maximum: ptr(4.0), Minimum: ptr(0.0), MajorUnit: 1, MajorGridLines: true},
		Dimension: excelize.ChartDimension{Width: chartWidth, Height: chartHeight},
		Format:    excelize.GraphicOptions{AltText: "Radar chart of the level reached in each dimension", OffsetX: 8, OffsetY: 8},
	}
	top, end = x.trendRows[0], x.trendRows[1]
	trend := &excelize.Chart{
		Type: excelize.Line,
		Series: []excelize.ChartSeries{{
			Name:       fmt.Sprintf("%s!$B$%d", sum, top),
			Categories: fmt.Sprintf("%s!$A$%d:$A$%d", sum, top+1, end),
			Values:     fmt.Sprintf("%s!$B$%d:$B$%d", sum, top+1, end),
			Marker:     excelize.ChartMarker{Symbol: "circle", Size: 7},
		}},
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: chartTrendTitle}}},
		Legend:    excelize.ChartLegend{Position: "none"},
		XAxis:     excelize.ChartAxis{NumFmt: excelize.ChartNumFmt{CustomNumFmt: "yyyy-mm-dd"}},
		YAxis:     excelize.ChartAxis{Maximum: ptr(100.0), Minimum: ptr(0.0), MajorGridLines: true},
		Dimension: excelize.ChartDimension{Width: chartWidth, Height: chartHeight},
		Format:    excelize.GraphicOptions{AltText: "Line chart of the readiness index at each stored assessment", OffsetX: 8, OffsetY: 8},
	}
	// Rows keep the default height excelize places drawings by, so each
	// chart spans exactly chartRows rows whatever program opens the file.
	for row := 1; row <= 2*chartRows; row++ {
		if err := f.SetRowHeight(s, row, 15); err != nil {
			return err
		}
	}
	for i, c := range []*excelize.Chart{radar, trend} {
		if err := f.AddChart(s, fmt.Sprintf("A%d", 1+i*chartRows), c); err != nil {
			return fmt.Errorf("%s chart: %w", c.Title.Paragraph[0].Text, err)
		}
	}
	if err := f.InsertPageBreak(s, fmt.Sprintf("A%d", 1+chartRows)); err != nil {
		return err
	}
	return x.printArea(s, 11, 2*chartRows, false)
}

// Chart sizes: a chart (pixels) fits in chartRows rows of 15 pt, as
// excelize anchors it (it counts rows of about 18 px),
// with a margin, and those rows fit a landscape A4 page between the
// header and the footer.
const (
	chartWidth  = 950
	chartHeight = 460
	chartRows   = 30
)

// The charts' titles; tests find each alone on its printed page.
const (
	chartLevelsTitle = "Levels by dimension (0–4)"
	chartTrendTitle  = "Readiness index over time"
)

package assessview

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/widgets"
	"drillbook/scoring"
)

// trendsView charts the index of stored assessments and compares the last
// two: what improved and what regressed.
type trendsView struct {
	s       *assessmentScreen
	chart   *widgets.TrendChart
	compare *widget.RichText
	md      string // the comparison shown, as Markdown
	root    fyne.CanvasObject
}

func newTrendsView(s *assessmentScreen) *trendsView {
	v := &trendsView{s: s, chart: widgets.NewTrendChart(), compare: widget.NewRichText()}
	v.compare.Wrapping = fyne.TextWrapWord
	record := widget.NewButtonWithIcon("Record today's assessment", theme.DocumentSaveIcon(), func() {
		scoring.StoreRecord(s.h.Workspace(), scoring.Record(s.a))
		s.h.Edited()
	})
	v.root = container.NewBorder(container.NewHBox(record), nil, nil, nil,
		container.NewVSplit(v.chart, container.NewVScroll(v.compare)))
	return v
}

func (v *trendsView) refresh() {
	recs := v.s.h.Workspace().Assessments
	var labels []string
	var values []float64
	for _, r := range recs {
		labels = append(labels, r.Date.String())
		values = append(values, r.Index)
	}
	v.chart.Set(labels, values)
	if len(recs) < 2 {
		widgets.SetMarkdown(v.compare, fmt.Sprintf("*%d assessment(s) recorded. Record assessments over time to compare them.*", len(recs)))
		return
	}
	v.md = comparisonMarkdown(scoring.Compare(recs[len(recs)-2], recs[len(recs)-1]))
	widgets.SetMarkdown(v.compare, v.md)
}

func comparisonMarkdown(c scoring.Comparison) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### %s → %s\n\n", c.From, c.To)
	fmt.Fprintf(&b, "Tier %s → %s · index %+.1f\n\n", c.FromTier, c.ToTier, c.IndexChange)
	list := func(title string, items []string) {
		if len(items) == 0 {
			return
		}
		fmt.Fprintf(&b, "**%s**\n\n", title)
		for _, it := range items {
			fmt.Fprintf(&b, "- %s\n", it)
		}
		b.WriteString("\n")
	}
	changes := func(cs []scoring.DimensionChange) []string {
		var out []string
		for _, d := range cs {
			name := string(d.Dimension)
			if dim, ok := scoring.DimensionByID(d.Dimension); ok {
				name = dim.Name
			}
			out = append(out, fmt.Sprintf("%s: level %d → %d", name, d.FromLevel, d.ToLevel))
		}
		return out
	}
	list("Improved", changes(c.Improved))
	list("Regressed", changes(c.Regressed))
	list("Criteria now passing", c.NewlyPassing)
	list("Criteria now failing", c.NewlyFailing)
	list("Now marked not applicable", c.NowNotApplicable)
	return b.String()
}

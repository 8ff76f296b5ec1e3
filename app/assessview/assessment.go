package assessview

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/plan"
	"drillbook/scoring"
)

// assessmentScreen shows the readiness assessment: radar of levels against
// targets, the tier and what holds it back, dimensions, findings, the
// improvement plan, trends and stored exercise runs. All numbers come from
// scoring.Assess.
type assessmentScreen struct {
	h host.Host
	a *scoring.Assessment

	tabs     *container.AppTabs
	radar    *widgets.RadarChart
	tier     *widget.Label
	heldBack *widget.Label
	// validation says what exercises showed, beside the plan's tier.
	validation *widget.Label
	dims       *widget.Table
	dimSel     int
	next       *widget.RichText

	findings *findingsView
	actions  *actionsView
	trends   *trendsView
	runs     *runsView
	frames   *frameworksView
	root     fyne.CanvasObject
}

// Tab positions of the Findings and Frameworks tabs.
const (
	findingsTab   = 1
	frameworksTab = 5
)

// dimHeaders head the columns of the dimensions table.
var dimHeaders = []string{"Dimension", "Level", "Progress", "Target", "Top finding"}

// Assessment is the readiness assessment screen.
func Assessment(h host.Host) host.Screen { return newAssessmentScreen(h) }

func newAssessmentScreen(h host.Host) *assessmentScreen {
	s := &assessmentScreen{h: h, dimSel: -1}
	s.radar = widgets.NewRadarChart()
	s.tier = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	s.tier.SizeName = theme.SizeNameSubHeadingText
	s.validation = widget.NewLabel("")
	s.validation.Wrapping = fyne.TextWrapWord
	s.heldBack = widget.NewLabel("")
	s.heldBack.Wrapping = fyne.TextWrapWord
	s.next = widget.NewRichText()
	s.next.Wrapping = fyne.TextWrapWord
	s.dims = widget.NewTable(
		func() (int, int) {
			if s.a == nil {
				return 0, 5
			}
			return len(s.a.Dimensions) + 1, 5
		},
		func() fyne.CanvasObject {
			l := widget.NewLabel("Reporting & triage wide")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(id widget.TableCellID, o fyne.CanvasObject) { s.dimCell(id, o.(*widget.Label)) },
	)
	s.dims.OnSelected = func(id widget.TableCellID) {
		if id.Row > 0 {
			s.dimSel = id.Row - 1
			s.showNext()
		}
	}
	legend := widgets.NewMarkdown("**Blue**: current level · **Amber**: target level")
	top := container.NewHSplit(container.NewBorder(nil, legend, nil, nil, s.radar),
		container.NewBorder(container.NewVBox(s.tier, s.validation, s.heldBack), nil, nil, nil,
			widgets.FitColumns(s.dims, dimHeaders, []float32{180, 50, 72, 56, 360})))
	top.Offset = 0.42
	var summaryTop fyne.CanvasObject = top
	summary := container.NewVSplit(summaryTop, container.NewVScroll(s.next))
	summary.Offset = 0.7

	s.findings = newFindingsView(s)
	s.actions = newActionsView(s)
	s.trends = newTrendsView(s)
	s.runs = newRunsView(s)
	s.frames = newFrameworksView(s)
	s.tabs = container.NewAppTabs(
		container.NewTabItem("Summary", summary),
		container.NewTabItem("Findings", s.findings.root),
		container.NewTabItem("Improvement plan", s.actions.root),
		container.NewTabItem("Trends", s.trends.root),
		container.NewTabItem("Exercise runs", s.runs.root),
		container.NewTabItem("Frameworks", s.frames.root),
	)
	s.root = s.tabs
	return s
}

func (s *assessmentScreen) Title() string             { return "Assessment" }
func (s *assessmentScreen) Icon() fyne.Resource       { return theme.InfoIcon() }
func (s *assessmentScreen) Object() fyne.CanvasObject { return s.root }

// today is the assessment day: the app clock's date.
func (s *assessmentScreen) today() plan.Date { return s.h.Today() }

func (s *assessmentScreen) Refresh() {
	ws := s.h.Workspace()
	s.a = scoring.Assess(ws, s.today())
	var labels []string
	var cur, tgt []float64
	for _, d := range s.a.Dimensions {
		labels = append(labels, d.Dimension.Name)
		cur = append(cur, d.Progress)
		tgt = append(tgt, float64(scoring.TargetLevel(ws, d.Dimension.ID)))
	}
	s.radar.Set(labels, cur, tgt)
	s.tier.SetText(fmt.Sprintf("Plan tier: %s  ·  index %.1f", s.a.Tier, s.a.Index))
	s.validation.SetText(s.a.ValidationSentence())
	if len(s.a.HeldBackBy) > 0 {
		var names []string
		for _, id := range s.a.HeldBackBy {
			if d, ok := scoring.DimensionByID(id); ok {
				names = append(names, d.Name)
			}
		}
		s.heldBack.SetText("Held back from the next tier by: " + strings.Join(names, ", ") + ". Select a dimension to see what would raise it.")
	} else {
		s.heldBack.SetText("Every dimension meets the tier's minimum.")
	}
	s.dims.Refresh()
	s.showNext()
	s.findings.refresh()
	s.actions.refresh()
	s.trends.refresh()
	s.runs.refresh()
	s.frames.refresh()
}

func (s *assessmentScreen) dimCell(id widget.TableCellID, l *widget.Label) {
	l.TextStyle = fyne.TextStyle{Bold: id.Row == 0}
	if id.Row == 0 {
		l.SetText(dimHeaders[id.Col])
		return
	}
	d := s.a.Dimensions[id.Row-1]
	switch id.Col {
	case 0:
		l.SetText(d.Dimension.Name)
	case 1:
		l.SetText(fmt.Sprintf("%d", d.Level))
	case 2:
		l.SetText(fmt.Sprintf("%.2f", d.Progress))
	case 3:
		l.SetText(fmt.Sprintf("%d", scoring.TargetLevel(s.h.Workspace(), d.Dimension.ID)))
	case 4:
		top := "—"
		for _, f := range s.a.Findings {
			if f.Dimension == d.Dimension.ID {
				top = widgets.Shown(f.What)
				break
			}
		}
		l.SetText(top)
	}
}

// showNext explains the selected dimension: its level definitions and
// what would raise it to the next level.
func (s *assessmentScreen) showNext() {
	if s.a == nil || s.dimSel < 0 || s.dimSel >= len(s.a.Dimensions) {
		widgets.SetMarkdown(s.next, "*Select a dimension to see its level definitions and what would raise it to the next level.*")
		return
	}
	d := s.a.Dimensions[s.dimSel]
	var b strings.Builder
	fmt.Fprintf(&b, "### %s — level %d (%s)\n\n", d.Dimension.Name, d.Level, scoring.LevelNames[d.Level])
	if d.CappedBy != "" {
		fmt.Fprintf(&b, "Capped at %d: %s\n\n", d.Cap, widgets.MdText(d.CappedBy))
	}
	if d.Level < 4 {
		fmt.Fprintf(&b, "**To reach level %d — %s:** %s\n\n", d.Level+1, scoring.LevelNames[d.Level+1], d.Dimension.Levels[d.Level+1])
		for _, f := range scoring.NextLevel(s.a, d.Dimension.ID) {
			fmt.Fprintf(&b, "- **%s** %s *%s*\n", f.ID, widgets.MdText(f.What), widgets.MdText(f.Recommendation))
		}
	} else {
		b.WriteString("This dimension is at the highest level.\n")
	}
	widgets.SetMarkdown(s.next, b.String())
}

// canShow: the assessment shows stored exercise runs and their tasks, and
// the chosen frameworks (so undoing a choice shows it again).
func (s *assessmentScreen) CanShow(path string) bool {
	return strings.HasPrefix(path, "runs[") || path == "frameworks"
}

func (s *assessmentScreen) ShowPath(path string) {
	if path == "frameworks" {
		s.tabs.SelectIndex(frameworksTab)
		return
	}
	s.tabs.SelectIndex(4)
	s.runs.show(path)
}

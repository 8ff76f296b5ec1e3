package assessview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/widgets"
	"drillbook/export"
	"drillbook/internal/prose"
	"drillbook/scoring"
)

// findingsView lists the ranked findings with dimension and severity
// filters; a finding links to the plan field or exercise run behind it.
type findingsView struct {
	s                *assessmentScreen
	dim, sev         *widget.Select
	shown            []scoring.Finding
	list             *widget.List
	detail           *widget.RichText
	goTo, na, action *widget.Button
	sel              *scoring.Finding
	root             fyne.CanvasObject
}

var severityNames = []string{"Any severity", "critical", "high", "medium", "low"}

func newFindingsView(s *assessmentScreen) *findingsView {
	v := &findingsView{s: s}
	dims := []string{"All dimensions"}
	for _, d := range scoring.Dimensions() {
		dims = append(dims, d.Name)
	}
	v.dim = widget.NewSelect(dims, func(string) { v.refresh() })
	v.sev = widget.NewSelect(severityNames, func(string) { v.refresh() })
	v.dim.SetSelectedIndex(0)
	v.sev.SetSelectedIndex(0)
	v.list = newFindingList(func() []scoring.Finding { return v.shown })
	v.list.OnSelected = func(i widget.ListItemID) { v.show(&v.shown[i]) }
	v.detail = widget.NewRichText()
	v.detail.Wrapping = fyne.TextWrapWord
	v.goTo = widget.NewButtonWithIcon("Go to", theme.NavigateNextIcon(), func() {
		if v.sel != nil {
			s.h.GoTo(v.sel.Where)
		}
	})
	v.na = widget.NewButton("Mark not applicable…", v.markNA)
	v.action = widget.NewButtonWithIcon("Add improvement action", theme.ContentAddIcon(), v.addAction)
	left := container.NewBorder(container.NewGridWithColumns(2, v.dim, v.sev), nil, nil, nil, v.list)
	right := container.NewBorder(container.NewHBox(v.goTo, v.action, v.na), nil, nil, nil, container.NewVScroll(v.detail))
	split := container.NewHSplit(left, right)
	split.Offset = 0.5
	v.root = split
	v.show(nil)
	return v
}

func (v *findingsView) refresh() {
	if v.list == nil || v.s.a == nil {
		return
	}
	var dim scoring.DimensionID
	if i := v.dim.SelectedIndex(); i > 0 {
		dim = scoring.Dimensions()[i-1].ID
	}
	sev := ""
	if i := v.sev.SelectedIndex(); i > 0 {
		sev = severityNames[i]
	}
	v.shown = v.shown[:0]
	for _, f := range v.s.a.Findings {
		if (dim == "" || f.Dimension == dim) && (sev == "" || f.Severity.String() == sev) {
			v.shown = append(v.shown, f)
		}
	}
	v.list.UnselectAll()
	v.list.Refresh()
	v.show(nil)
}

func (v *findingsView) show(f *scoring.Finding) {
	v.sel = f
	if f == nil {
		widgets.SetMarkdown(v.detail, "*"+prose.Count(len(v.shown), "finding", "findings")+". Select one for the evidence and the recommendation.*")
		v.goTo.Disable()
		v.na.Disable()
		v.action.Disable()
		return
	}
	widgets.SetMarkdown(v.detail, export.FindingMarkdown(*f, widgets.MdText, widgets.MdCode))
	if v.s.h.CanGoTo(f.Where) {
		v.goTo.Enable()
	} else {
		v.goTo.Disable()
	}
	if f.Criterion != "" {
		v.na.Enable()
	} else {
		v.na.Disable()
	}
	v.action.Enable()
}

// markNA records that a criterion does not apply, with the reason.
func (v *findingsView) markNA() {
	f := v.sel
	if f == nil || f.Criterion == "" {
		return
	}
	reason := widget.NewMultiLineEntry()
	reason.SetPlaceHolder("Why this does not apply to the organisation (shown in reports)")
	dialog.ShowForm("Not applicable: "+f.Criterion, "Mark N/A", "Cancel", []*widget.FormItem{widget.NewFormItem("Reason", reason)}, func(ok bool) {
		if !ok {
			return
		}
		if err := scoring.MarkNotApplicable(v.s.h.Workspace(), f.Criterion, reason.Text, "", v.s.today()); err != nil {
			v.s.h.ShowError(err)
			return
		}
		v.s.h.Edited()
	}, v.s.h.Window())
}

// addAction adds an improvement action answering the selected finding.
func (v *findingsView) addAction() {
	f := v.sel
	if f == nil {
		return
	}
	ws := v.s.h.Workspace()
	act, ok := scoring.ActionFor(v.s.a, ws, f.ID, v.s.today())
	if !ok {
		return
	}
	ws.Actions = append(ws.Actions, act)
	v.s.h.Edited()
	v.s.tabs.SelectIndex(2)
}

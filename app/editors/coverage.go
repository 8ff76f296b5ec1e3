package editors

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/form"
	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/plan"
)

// coveragePart edits when the team responds (business hours or 24/7) and
// the on-call rota, with the week grid showing which hours no staffed
// shift covers.
type coveragePart struct {
	h        host.Host
	parts    group // the settings and the shifts
	settings *form.Record
	shifts   *form.List[plan.Shift]
	grid     *widgets.WeekGrid
	holes    *widget.Label
	tabs     *container.AppTabs
	root     fyne.CanvasObject
}

var coverageModes = []form.Option{{Value: string(plan.CoverageBusinessHours), Label: "Business hours"}, {Value: string(plan.Coverage24x7), Label: "24/7"}}

func newCoveragePart(h host.Host) *coveragePart {
	p := &coveragePart{h: h}
	cov := func() *plan.Coverage { return &h.Workspace().Coverage }

	f := form.NewRecord(h, "coverage")
	b := f.Binder()
	mode := widget.NewRadioGroup(form.OptionLabels(coverageModes), nil)
	mode.Horizontal = true
	mode.OnChanged = func(s string) {
		if i := slices.Index(form.OptionLabels(coverageModes), s); i >= 0 {
			form.SetField(b, "mode", "change cover", func(form.Addr) *plan.CoverageMode { return &cov().Mode }, plan.CoverageMode(coverageModes[i].Value), false)
		}
	}
	b.Add("Cover", "mode", mode, nil, func(form.Addr) {
		i := slices.IndexFunc(coverageModes, func(o form.Option) bool { return o.Value == string(cov().Mode) })
		if i >= 0 {
			mode.SetSelected(coverageModes[i].Label)
		} else {
			mode.SetSelected("")
		}
	})
	b.Text("Time zone", "timeZone", func(form.Addr) *string { return &cov().TimeZone }).SetPlaceHolder("e.g. Europe/London")
	b.Days("Business days", "businessHours.days", func(form.Addr) *[]plan.Weekday { return &cov().BusinessHours.Days })
	b.Clock("Business hours start", "businessHours.start", func(form.Addr) *string { return &cov().BusinessHours.Start })
	b.Clock("Business hours end", "businessHours.end", func(form.Addr) *string { return &cov().BusinessHours.End })
	b.Text("Rota name", "rota.name", func(form.Addr) *string { return &cov().Rota.Name })
	b.TextArea("Handover", "rota.handover", func(form.Addr) *string { return &cov().Rota.Handover })
	f.Finish()
	p.settings = f

	e := form.NewList(h, form.ListSpec[plan.Shift]{
		Noun: "shift", Base: "coverage.rota.shifts", Reorder: true,
		Slice: func(int) *[]plan.Shift { return &cov().Rota.Shifts },
		Row: func(s *plan.Shift) string {
			return fmt.Sprintf("%s · %s %s–%s · %d on it", widgets.OrDash(s.Name), plan.DaysText(s.Days), s.Start, s.End, len(s.Members))
		},
		Named:   func(s *plan.Shift) (*string, *string) { return &s.ID, &s.Name },
		NewName: "New shift",
		New: func(ws *plan.Workspace, _ int) plan.Shift {
			return plan.Shift{Days: []plan.Weekday{plan.Mon, plan.Tue, plan.Wed, plan.Thu, plan.Fri}, Start: "09:00", End: "17:00",
				Role: firstRoleWith(ws, plan.FunctionOnCall)}
		},
	})
	at := func(a form.Addr) *plan.Shift { return &cov().Rota.Shifts[a.Index] }
	e.Binder().Text("Name", "name", func(a form.Addr) *string { return &at(a).Name })
	form.Pick(e.Binder(), "Role", "role", false, func() []form.Option { return form.RoleOptions(h.Workspace()) }, func(a form.Addr) *string { return &at(a).Role })
	e.Binder().Days("Days", "days", func(a form.Addr) *[]plan.Weekday { return &at(a).Days })
	e.Binder().Clock("Start", "start", func(a form.Addr) *string { return &at(a).Start })
	e.Binder().Clock("End", "end", func(a form.Addr) *string { return &at(a).End }).SetPlaceHolder("HH:MM (before the start: runs past midnight)")
	e.Binder().Ordered("On call", "members", "primary", func() []form.Option { return form.PersonOptions(h.Workspace()) }, func(a form.Addr) *[]string { return &at(a).Members })
	e.Binder().TextArea("Handover", "handover", func(a form.Addr) *string { return &at(a).Handover })
	e.Finish()
	p.shifts = e
	p.parts = group{f, e}

	p.grid = widgets.NewWeekGrid()
	p.holes = widget.NewLabel("")
	p.holes.Wrapping = fyne.TextWrapWord
	top := container.NewBorder(nil, p.holes, nil, nil, p.grid)
	// The rota and the cover settings share the space under the grid, so
	// the form.Part fits a guide page as well as the Procedure screen.
	p.tabs = container.NewAppTabs(
		container.NewTabItem("On-call rota", e.SplitView(0.35)),
		container.NewTabItem("Cover and business hours", container.NewVScroll(f.Object())),
	)
	p.tabs.OnSelected = func(*container.TabItem) { p.Refresh() }
	bottom := p.tabs
	split := container.NewVSplit(top, bottom)
	split.Offset = 0.28
	p.root = split
	return p
}

func (p *coveragePart) Object() fyne.CanvasObject { return p.root }

func (p *coveragePart) Refresh() {
	p.parts.Refresh()
	p.refreshGrid()
}

func (p *coveragePart) AfterEdit(path string) {
	p.parts.AfterEdit(path)
	p.refreshGrid()
}

func (p *coveragePart) CanShow(path string) bool { return plan.Within(path, "coverage") }

func (p *coveragePart) ShowPath(path string) {
	if p.shifts.CanShow(path) {
		p.tabs.SelectIndex(0)
		p.shifts.ShowPath(path)
		return
	}
	p.tabs.SelectIndex(1)
	p.settings.ShowPath(path)
}

// refreshGrid redraws the week from plan.Coverage: counts per quarter
// hour and the holes the plan computes.
func (p *coveragePart) refreshGrid() {
	c := p.h.Workspace().Coverage
	holes := c.Holes()
	p.grid.Set(c.WeekGrid(), holes)
	switch {
	case len(holes) > 0:
		parts := make([]string, len(holes))
		for i, h := range holes {
			parts[i] = h.String()
		}
		p.holes.Importance = widget.DangerImportance
		p.holes.SetText("Not covered: " + strings.Join(parts, ", "))
	case c.Mode == plan.Coverage24x7:
		p.holes.Importance = widget.SuccessImportance
		p.holes.SetText("Every hour of the week is covered by a staffed shift.")
	default:
		p.holes.Importance = widget.MediumImportance
		p.holes.SetText("Business-hours cover: hours outside the rota are shown as not on call.")
	}
}

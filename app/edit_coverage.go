package app

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/widgets"
	"drillbook/plan"
)

// coveragePart edits when the team responds (business hours or 24/7) and
// the on-call rota, with the week grid showing which hours no staffed
// shift covers.
type coveragePart struct {
	u        *UI
	settings *formPart
	shifts   *listEditor[plan.Shift]
	grid     *widgets.WeekGrid
	holes    *widget.Label
	tabs     *container.AppTabs
	root     fyne.CanvasObject
}

var coverageModes = []option{{string(plan.CoverageBusinessHours), "Business hours"}, {string(plan.Coverage24x7), "24/7"}}

func newCoveragePart(u *UI) *coveragePart {
	p := &coveragePart{u: u}
	cov := func() *plan.Coverage { return &u.doc.ws.Coverage }

	f := newFormPart(u, "coverage")
	b := f.b
	mode := widget.NewRadioGroup(optionLabels(coverageModes), nil)
	mode.Horizontal = true
	mode.OnChanged = func(s string) {
		if i := slices.Index(optionLabels(coverageModes), s); i >= 0 {
			bindSet(b, "mode", "change cover", func(addr) *plan.CoverageMode { return &cov().Mode }, plan.CoverageMode(coverageModes[i].value), false)
		}
	}
	b.add("Cover", "mode", mode, nil, func(addr) {
		i := slices.IndexFunc(coverageModes, func(o option) bool { return o.value == string(cov().Mode) })
		if i >= 0 {
			mode.SetSelected(coverageModes[i].label)
		} else {
			mode.SetSelected("")
		}
	})
	b.text("Time zone", "timeZone", func(addr) *string { return &cov().TimeZone }).SetPlaceHolder("e.g. Europe/London")
	b.days("Business days", "businessHours.days", func(addr) *[]plan.Weekday { return &cov().BusinessHours.Days })
	b.clock("Business hours start", "businessHours.start", func(addr) *string { return &cov().BusinessHours.Start })
	b.clock("Business hours end", "businessHours.end", func(addr) *string { return &cov().BusinessHours.End })
	b.text("Rota name", "rota.name", func(addr) *string { return &cov().Rota.Name })
	b.textArea("Handover", "rota.handover", 2, func(addr) *string { return &cov().Rota.Handover })
	f.root = b.form()
	p.settings = f

	e := newListEditor(u, listSpec[plan.Shift]{
		noun: "shift", base: "coverage.rota.shifts", reorder: true,
		slice: func(int) *[]plan.Shift { return &cov().Rota.Shifts },
		row: func(s *plan.Shift) string {
			return fmt.Sprintf("%s · %s %s–%s · %d on it", widgets.OrDash(s.Name), daysShort(s.Days), s.Start, s.End, len(s.Members))
		},
		fresh: func(ws *plan.Workspace, _ int) plan.Shift {
			id, _ := ws.NewID("coverage.rota.shifts", "New shift")
			s := plan.Shift{ID: id, Name: "New shift", Days: []plan.Weekday{plan.Mon, plan.Tue, plan.Wed, plan.Thu, plan.Fri}, Start: "09:00", End: "17:00"}
			if rs := ws.RolesWithFunction(plan.FunctionOnCall); len(rs) > 0 {
				s.Role = rs[0].ID
			}
			return s
		},
		copyOf: func(ws *plan.Workspace, _ int, s plan.Shift) plan.Shift {
			s.Name += " (copy)"
			s.ID, _ = ws.NewID("coverage.rota.shifts", s.Name)
			return s
		},
	})
	at := func(a addr) *plan.Shift { return &cov().Rota.Shifts[a.index] }
	e.b.text("Name", "name", func(a addr) *string { return &at(a).Name })
	pick(e.b, "Role", "role", false, func() []option { return roleOptions(u.doc.ws) }, func(a addr) *string { return &at(a).Role })
	e.b.days("Days", "days", func(a addr) *[]plan.Weekday { return &at(a).Days })
	e.b.clock("Start", "start", func(a addr) *string { return &at(a).Start })
	e.b.clock("End", "end", func(a addr) *string { return &at(a).End }).SetPlaceHolder("HH:MM (before the start: runs past midnight)")
	e.b.ordered("On call", "members", "primary", func() []option { return personOptions(u.doc.ws) }, func(a addr) *[]string { return &at(a).Members })
	e.b.textArea("Handover", "handover", 2, func(a addr) *string { return &at(a).Handover })
	e.finish()
	p.shifts = e

	p.grid = widgets.NewWeekGrid()
	p.holes = widget.NewLabel("")
	p.holes.Wrapping = fyne.TextWrapWord
	top := container.NewBorder(nil, p.holes, nil, nil, p.grid)
	// The rota and the cover settings share the space under the grid, so
	// the part fits a guide page as well as the Procedure screen.
	p.tabs = container.NewAppTabs(
		container.NewTabItem("On-call rota", e.splitView(0.35)),
		container.NewTabItem("Cover and business hours", container.NewVScroll(f.root)),
	)
	p.tabs.OnSelected = func(*container.TabItem) { p.refresh() }
	bottom := p.tabs
	split := container.NewVSplit(top, bottom)
	split.Offset = 0.28
	p.root = split
	return p
}

func (p *coveragePart) object() fyne.CanvasObject { return p.root }

func (p *coveragePart) refresh() {
	p.settings.refresh()
	p.shifts.refresh()
	p.refreshGrid()
}

func (p *coveragePart) edited(path string) {
	p.settings.edited(path)
	p.shifts.edited(path)
	p.refreshGrid()
}

func (p *coveragePart) canShow(path string) bool { return under(path, "coverage") }

func (p *coveragePart) showPath(path string) {
	if p.shifts.canShow(path) {
		p.tabs.SelectIndex(0)
		p.shifts.showPath(path)
		return
	}
	p.tabs.SelectIndex(1)
	p.settings.showPath(path)
}

// refreshGrid redraws the week from plan.Coverage: counts per quarter
// hour and the holes the plan computes.
func (p *coveragePart) refreshGrid() {
	c := p.u.doc.ws.Coverage
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

// daysShort renders days as "Mon–Fri" style text for list rows.
func daysShort(days []plan.Weekday) string {
	var on [7]bool
	for _, d := range days {
		if i := d.Index(); i >= 0 {
			on[i] = true
		}
	}
	name := func(i int) string { d := string(plan.Weekdays[i]); return strings.ToUpper(d[:1]) + d[1:] }
	var parts []string
	for i := 0; i < 7; {
		if !on[i] {
			i++
			continue
		}
		j := i
		for j+1 < 7 && on[j+1] {
			j++
		}
		if j > i {
			parts = append(parts, name(i)+"–"+name(j))
		} else {
			parts = append(parts, name(i))
		}
		i = j + 1
	}
	return strings.Join(parts, ",")
}

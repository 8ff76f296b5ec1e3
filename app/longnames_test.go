package app

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/plan"
)

// longName is a 10,000-character name without a space to break at.
var longName = strings.Repeat("Ransomware", 1000)

// longNamesWorkspace is the demo with one of each named thing renamed to
// 10,000 characters.
func longNamesWorkspace() *plan.Workspace {
	ws := plan.Demo()
	n := func(tag string) string { return tag + longName }
	ws.Organisation.Name = n("Org")
	ws.IncidentTypes[0].Name = n("Type")
	ws.Roles[0].Name = n("Role")
	ws.People[0].Name = n("Person")
	ws.People[0].Title = n("Title")
	ws.Severities[0].Name = n("Severity")
	ws.ThirdParties[0].Name = n("Supplier")
	ws.Stakeholders[0].Name = n("Stakeholder")
	ws.Playbooks[0].Title = n("Playbook")
	ws.EscalationRules[0].Name = n("Rule")
	ws.ReportingObligations[0].Body = n("Regulator")
	ws.Reporting.Channels[0].Name = n("Channel")
	ws.Coverage.Rota.Shifts[0].Name = n("Shift")
	return ws
}

// The issue: a 10,000-character incident-type name collapsed the
// Playbooks editor into overlapping widgets and sidebar clicks stopped
// working. Every screen and tab must still fit a 1280×720 window with the
// long items selected, and the sidebar must still switch screens.
func TestLongNamesFitTheWindow(t *testing.T) {
	u, _ := editorUI(t)
	u.setDocument(newDocument(longNamesWorkspace(), ""))
	size := fyne.NewSize(1280, 720)
	u.win.Resize(size)
	fits := func(where string) {
		t.Helper()
		// The desktop driver lays out again, every frame, whatever
		// changed size; the test canvas does not, so do it here.
		u.win.Content().Refresh()
		uitest.Capture(t, u.win, where)
		if m := u.win.Content().MinSize(); m.Width > size.Width || m.Height > size.Height {
			t.Errorf("%s: the window content needs %.0f×%.0f", where, m.Width, m.Height)
		}
		if bad := squeezed(u.win.Content()); bad != "" {
			t.Errorf("%s: %s", where, bad)
		}
	}
	// Every editor tab and every page of the guide.
	names, show := editTargets(t, u)
	for i, name := range names {
		show[i]()
		fits(name)
	}
	// The playbook editor's tabs, with the long-titled playbook selected.
	playbooks := openEditor(t, u, "Playbooks", "")
	selectItem(t, playbooks, 0)
	detail, _ := find(playbooks, func(*container.AppTabs) bool { return true })
	for i, tab := range []string{"Details", "Steps", "Read", "Revisions"} {
		if detail.Items[i].Text != tab {
			t.Fatalf("playbook tab %d is %q", i, detail.Items[i].Text)
		}
		detail.SelectIndex(i)
		fits("Playbooks › " + tab)
	}
	for i, s := range u.screens {
		if !editable(s) {
			u.nav.Select(i)
			fits(s.Title())
		}
	}
	a := tabsOf(u.screens[screenNamed(t, u, "Assessment")].Object())
	for i := range a.Items {
		a.SelectIndex(i)
		fits(fmt.Sprintf("Assessment › %d", i))
	}

	// The sidebar still switches screens when its rows are tapped: each
	// tap goes through the canvas, to whatever is drawn at that place.
	c, d := u.win.Canvas(), fyne.CurrentApp().Driver()
	var rows []fyne.CanvasObject
	for _, o := range test.WidgetRenderer(u.nav).Objects() {
		rows = append(rows, interactive(o)["tap"]...)
	}
	if len(rows) != len(u.screens) {
		t.Fatalf("the sidebar shows %d of %d rows", len(rows), len(u.screens))
	}
	for i := len(rows) - 1; i >= 0; i-- {
		at := d.AbsolutePositionForObject(rows[i]).Add(fyne.NewPos(rows[i].Size().Width/2, rows[i].Size().Height/2))
		test.TapCanvas(c, at)
		if u.current != i {
			t.Errorf("tapping sidebar row %d (%s) shows %s", i, u.screens[i].Title(), u.screens[u.current].Title())
		}
	}
}

// squeezed describes the first visible control laid out smaller than it
// needs (drawn over its neighbours or not at all), or returns "".
func squeezed(o fyne.CanvasObject) string {
	if o == nil || !o.Visible() {
		return ""
	}
	switch o.(type) {
	case *widget.Button, *widget.Entry, *widget.Check, *widget.Select:
		if s, m := o.Size(), o.MinSize(); s.Height < m.Height-0.5 || s.Width < 0 {
			return fmt.Sprintf("a %T is %.0f×%.0f, needs %.0f×%.0f", o, s.Width, s.Height, m.Width, m.Height)
		}
	}
	var kids []fyne.CanvasObject
	switch c := o.(type) {
	case *fyne.Container:
		kids = c.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(c).Objects()
	}
	for _, k := range kids {
		if bad := squeezed(k); bad != "" {
			return bad
		}
	}
	return ""
}

package app

import (
	"image/color"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/plan"
)

// editorUI is a test UI on the demo with a controllable edit clock.
func editorUI(t *testing.T) (*UI, *time.Time) {
	t.Helper()
	u, _ := exerciseUI(t, Options{Demo: true})
	now := start
	u.now = func() time.Time { return now }
	return u, &now
}

// openScreen shows the screen with the title and returns it.
func openScreen[T screen](t *testing.T, u *UI, title string) T {
	t.Helper()
	for i, s := range u.screens {
		if s.title() == title {
			u.nav.Select(i)
			return s.(T)
		}
	}
	t.Fatalf("no %q screen", title)
	var zero T
	return zero
}

// openTab shows a tab of an editor screen and returns its part.
func openTab[T part](t *testing.T, u *UI, screenTitle, tab string) T {
	t.Helper()
	s := openScreen[*editorScreen](t, u, screenTitle)
	p := s.selectTab(tab)
	if p == nil {
		t.Fatalf("%s has no %q tab", screenTitle, tab)
	}
	return p.(T)
}

// input returns the widget bound to a form label.
func input[T fyne.CanvasObject](t *testing.T, b *binder, label string) T {
	t.Helper()
	for _, f := range b.fields {
		if f.label == label {
			if w, ok := f.input.(T); ok {
				return w
			}
			t.Fatalf("field %q is a %T", label, f.input)
		}
	}
	t.Fatalf("no field %q", label)
	var zero T
	return zero
}

func note(t *testing.T, b *binder, label string) *widget.Label {
	t.Helper()
	for _, f := range b.fields {
		if f.label == label {
			return f.note
		}
	}
	t.Fatalf("no field %q", label)
	return nil
}

func TestIncidentTypeAddEditDuplicateDelete(t *testing.T) {
	u, _ := editorUI(t)
	e := openTab[*listEditor[plan.IncidentType]](t, u, "Procedure", "Incident types")
	ws := u.doc.ws
	n := len(ws.IncidentTypes)

	test.Tap(e.addBtn)
	if len(u.doc.ws.IncidentTypes) != n+1 || e.cur != n || !u.doc.dirty {
		t.Fatalf("add: %d types, selected %d, dirty %v", len(u.doc.ws.IncidentTypes), e.cur, u.doc.dirty)
	}
	added := u.doc.ws.IncidentTypes[n]
	if added.Name != "New incident type" || !plan.ValidID(added.ID) {
		t.Fatalf("new item %+v", added)
	}
	// The new type has no criteria: the warning shows beside the field.
	if n := note(t, e.b, "Criteria"); !n.Visible() || !strings.Contains(n.Text, "no declaration criteria") {
		t.Fatalf("criteria note %q visible=%v", n.Text, n.Visible())
	}
	input[*widget.Entry](t, e.b, "Name").SetText("Ransomware")
	input[*widget.Entry](t, e.b, "Criteria").SetText("Files encrypted\nRansom note found\n\n")
	input[*widget.Select](t, e.b, "Category").SetSelected("security")
	got := u.doc.ws.IncidentTypes[n]
	if got.Name != "Ransomware" || !slices.Equal(got.Criteria, []string{"Files encrypted", "Ransom note found"}) || got.Category != plan.CategorySecurity {
		t.Fatalf("edits not in the plan: %+v", got)
	}
	if note(t, e.b, "Criteria").Visible() {
		t.Error("criteria warning still shown after adding criteria")
	}

	test.Tap(e.dupBtn)
	if len(u.doc.ws.IncidentTypes) != n+2 || u.doc.ws.IncidentTypes[n+1].Name != "Ransomware (copy)" || u.doc.ws.IncidentTypes[n+1].ID == got.ID {
		t.Fatalf("duplicate: %+v", u.doc.ws.IncidentTypes[n+1])
	}
	// The copy shares no slices with the original.
	u.doc.ws.IncidentTypes[n+1].Criteria[0] = "changed"
	if u.doc.ws.IncidentTypes[n].Criteria[0] != "Files encrypted" {
		t.Fatal("duplicate shares criteria with the original")
	}

	// Delete asks first; No keeps the item.
	test.Tap(e.delBtn)
	test.Tap(button(t, topOverlay(t, u), "No"))
	if len(u.doc.ws.IncidentTypes) != n+2 {
		t.Fatal("No deleted the item")
	}
	test.Tap(e.delBtn)
	test.Tap(button(t, topOverlay(t, u), "Yes"))
	if len(u.doc.ws.IncidentTypes) != n+1 {
		t.Fatal("Yes did not delete")
	}

	// Reorder: move the new type up one place.
	e.selectIndex(n)
	test.Tap(e.upBtn)
	if u.doc.ws.IncidentTypes[n-1].Name != "Ransomware" || e.cur != n-1 {
		t.Fatalf("move up: %q at %d", u.doc.ws.IncidentTypes[n-1].Name, e.cur)
	}
	u.undoLast()
	if u.doc.ws.IncidentTypes[n].Name != "Ransomware" {
		t.Fatal("undo did not move it back")
	}
}

func TestTypingCoalescesIntoOneUndoStep(t *testing.T) {
	u, now := editorUI(t)
	e := openTab[*listEditor[plan.Person]](t, u, "Roles & escalation", "People")
	e.selectIndex(2)
	name := input[*widget.Entry](t, e.b, "Name")
	orig := u.doc.ws.People[2].Name

	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(name, "abc") // three keystrokes within the window
	if u.doc.ws.People[2].Name != orig+"abc" {
		t.Fatalf("typing did not reach the plan: %q", u.doc.ws.People[2].Name)
	}
	if len(u.undo.done) != 1 || u.undoLabel() != "Undo edit name" {
		t.Fatalf("%d undo steps, label %q", len(u.undo.done), u.undoLabel())
	}
	*now = now.Add(2 * time.Second) // a pause: the next typing is a new step
	test.Type(name, "d")
	if len(u.undo.done) != 2 {
		t.Fatalf("a pause did not start a new step: %d", len(u.undo.done))
	}
	u.undoLast()
	if u.doc.ws.People[2].Name != orig+"abc" || name.Text != orig+"abc" {
		t.Fatalf("first undo: plan %q, field %q", u.doc.ws.People[2].Name, name.Text)
	}
	u.undoLast()
	if u.doc.ws.People[2].Name != orig || name.Text != orig {
		t.Fatalf("second undo: plan %q, field %q", u.doc.ws.People[2].Name, name.Text)
	}
	u.redoLast()
	u.redoLast()
	if u.doc.ws.People[2].Name != orig+"abcd" {
		t.Fatalf("redo: %q", u.doc.ws.People[2].Name)
	}
	// A new edit clears the redo stack.
	u.undoLast()
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(name, "x")
	if u.canRedo() {
		t.Error("redo still possible after a new edit")
	}
}

func TestUndoFromEditMenuAndShortcuts(t *testing.T) {
	u, _ := editorUI(t)
	e := openTab[*listEditor[plan.Severity]](t, u, "Procedure", "Severities")
	var undo, redo *fyne.MenuItem
	for _, m := range u.win.MainMenu().Items {
		if m.Label == "Edit" {
			undo, redo = m.Items[0], m.Items[1]
		}
	}
	if undo == nil || !undo.Disabled || !redo.Disabled {
		t.Fatal("Edit menu missing or Undo enabled with nothing to undo")
	}
	// Ctrl+Z is Fyne's Undo shortcut: the window gives the main menu
	// priority over a focused entry, so it reaches the app's undo.
	if undo.Shortcut.ShortcutName() != (&fyne.ShortcutUndo{}).ShortcutName() || redo.Shortcut.ShortcutName() != "CustomDesktop:Shift+Control+Z" {
		t.Fatalf("shortcuts %q / %q", undo.Shortcut.ShortcutName(), redo.Shortcut.ShortcutName())
	}
	e.selectIndex(0)
	ack := input[*widget.Entry](t, e.b, "Acknowledge within")
	ack.SetText("10m")
	if u.doc.ws.Severities[0].Targets.Acknowledge != 10*plan.Minute {
		t.Fatal("duration not stored")
	}
	ack.SetText("ten minutes") // not a duration: flagged, not stored
	if u.doc.ws.Severities[0].Targets.Acknowledge != 10*plan.Minute || ack.Validate() == nil {
		t.Fatal("an invalid duration was stored or not flagged")
	}
	if undo.Disabled || undo.Label != "Undo edit acknowledge within" {
		t.Fatalf("menu item %q disabled=%v", undo.Label, undo.Disabled)
	}
	u.win.Canvas().Unfocus()
	undo.Action()
	if u.doc.ws.Severities[0].Targets.Acknowledge != 5*plan.Minute || ack.Text != "5m" {
		t.Fatalf("undo from the menu: %s, field %q", u.doc.ws.Severities[0].Targets.Acknowledge, ack.Text)
	}
	if redo.Disabled {
		t.Fatal("redo not enabled after undo")
	}
	redo.Action()
	if u.doc.ws.Severities[0].Targets.Acknowledge != 10*plan.Minute {
		t.Fatal("redo from the menu")
	}
}

func TestUndoShowsTheChangeOnItsScreen(t *testing.T) {
	u, _ := editorUI(t)
	e := openTab[*listEditor[plan.ThirdParty]](t, u, "Procedure", "Third parties")
	e.selectIndex(3)
	input[*widget.Entry](t, e.b, "Name").SetText("Renamed supplier")
	openScreen[*overview](t, u, "Overview")
	u.undoLast()
	if s, ok := u.screens[u.current].(*editorScreen); !ok || s.title() != "Procedure" || e.cur != 3 {
		t.Fatalf("undo did not show the change: screen %q, selected %d", u.screens[u.current].title(), e.cur)
	}
	if u.doc.ws.ThirdParties[3].Name == "Renamed supplier" {
		t.Fatal("not undone")
	}
}

func TestOverviewProblemGoesToField(t *testing.T) {
	u, _ := editorUI(t)
	e := openTab[*listEditor[plan.Person]](t, u, "Roles & escalation", "People")
	e.selectIndex(5)
	input[*widget.Entry](t, e.b, "Name").SetText("")
	o := openScreen[*overview](t, u, "Overview")
	i := slices.IndexFunc(u.doc.problems, func(p plan.Problem) bool { return p.Path == "people[5].name" })
	if i < 0 {
		t.Fatalf("no problem for the empty name: %v", u.doc.problems)
	}
	e.selectIndex(0) // elsewhere, so the jump has to select the person
	o.problems.Select(i)
	if u.screens[u.current].title() != "Roles & escalation" || e.cur != 5 {
		t.Fatalf("went to %q, person %d", u.screens[u.current].title(), e.cur)
	}
	name := input[*widget.Entry](t, e.b, "Name")
	if u.win.Canvas().Focused() != name {
		t.Error("the name field is not focused")
	}
	f := e.b.fields[0]
	if f.glow.FillColor == color.Transparent {
		t.Error("the field is not highlighted")
	}
	if !f.note.Visible() || !strings.Contains(f.note.Text, "name is required") {
		t.Errorf("problem not beside the field: %q", f.note.Text)
	}
}

func TestMatrixSetChangeAndClear(t *testing.T) {
	u, _ := editorUI(t)
	m := openTab[*matrixPart](t, u, "Roles & escalation", "Responsibilities")
	ws := u.doc.ws
	// Find an empty cell.
	row, col := -1, -1
	for r := range ws.IncidentTypes {
		for c := range ws.Roles {
			if m.code(r, c) == "" && row < 0 {
				row, col = r, c
			}
		}
	}
	n := len(ws.Responsibilities)
	m.table.Select(widget.TableCellID{Row: row, Col: col})
	test.Tap(button(t, m.root, "C"))
	if len(u.doc.ws.Responsibilities) != n+1 || m.code(row, col) != plan.Consulted {
		t.Fatalf("C not set: %d entries, code %q", len(u.doc.ws.Responsibilities), m.code(row, col))
	}
	test.Tap(button(t, m.root, "R"))
	if len(u.doc.ws.Responsibilities) != n+1 || m.code(row, col) != plan.Responsible {
		t.Fatal("R did not replace C")
	}
	if !strings.Contains(m.sel.Text, ": R") {
		t.Errorf("selection label %q", m.sel.Text)
	}
	test.Tap(button(t, m.root, "Clear"))
	if len(u.doc.ws.Responsibilities) != n || m.code(row, col) != "" {
		t.Fatal("Clear did not remove the entry")
	}
	u.undoLast()
	if m.code(row, col) != plan.Responsible {
		t.Fatal("undo did not restore R")
	}
}

func TestEscalationPreviewFlagsNobody(t *testing.T) {
	u, _ := editorUI(t)
	roles := openTab[*listEditor[plan.Role]](t, u, "Roles & escalation", "Roles")
	i := slices.IndexFunc(u.doc.ws.Roles, func(r plan.Role) bool { return r.ID == "head-of-engineering" })
	roles.selectIndex(i)
	// Remove every member with the rows' remove buttons.
	for len(u.doc.ws.Roles[i].Members) > 0 {
		box := input[*fyne.Container](t, roles.b, "Members")
		rm, ok := find(box, func(b *widget.Button) bool {
			return b.Text == "" && b.Icon != nil && strings.HasSuffix(b.Icon.Name(), "content-remove.svg")
		})
		if !ok {
			t.Fatal("no remove button")
		}
		test.Tap(rm)
	}
	p := openTab[*escalationPart](t, u, "Roles & escalation", "Escalation")
	p.sev.SetSelectedIndex(0)
	shown := strings.Join(texts(p.line.box), "\n")
	if !strings.Contains(shown, "T+0") || !strings.Contains(shown, "NOBODY") {
		t.Fatalf("preview does not flag the empty role:\n%s", shown)
	}
	// The preview follows edits made in the rules form.
	p.rules.selectIndex(0)
	input[*widget.Entry](t, p.rules.b, "For longer than").SetText("7m")
	if !strings.Contains(strings.Join(texts(p.line.box), "\n"), "T+7m") {
		t.Fatalf("preview not refreshed after an edit:\n%s", strings.Join(texts(p.line.box), "\n"))
	}
}

func TestCoverageGridShowsAndClosesHole(t *testing.T) {
	u, _ := editorUI(t)
	p := openTab[*coveragePart](t, u, "Procedure", "Cover & on-call")
	if !p.grid.Hole(6, 0) || p.grid.Hole(0, 0) || !strings.Contains(p.holes.Text, "Sun 00:00–08:00") {
		t.Fatalf("demo hole not shown: %q", p.holes.Text)
	}
	// Add a Sunday early shift with someone on it.
	e := p.shifts
	test.Tap(e.addBtn)
	days := input[*fyne.Container](t, e.b, "Days")
	for _, d := range []string{"Mo", "Tu", "We", "Th", "Fr", "Su"} {
		test.Tap(button(t, days, d))
	}
	input[*widget.Entry](t, e.b, "Start").SetText("00:00")
	input[*widget.Entry](t, e.b, "End").SetText("08:00")
	members := input[*fyne.Container](t, e.b, "On call")
	pickSel, _ := find(members, func(s *widget.Select) bool { return true })
	pickSel.SetSelectedIndex(0)
	sh := u.doc.ws.Coverage.Rota.Shifts[len(u.doc.ws.Coverage.Rota.Shifts)-1]
	if !slices.Equal(sh.Days, []plan.Weekday{plan.Sun}) || len(sh.Members) != 1 {
		t.Fatalf("shift %+v", sh)
	}
	if p.grid.Hole(6, 0) || !strings.Contains(p.holes.Text, "Every hour") {
		t.Fatalf("hole still shown: %q", p.holes.Text)
	}
	if p.grid.Count(6, 0) != 1 {
		t.Errorf("grid count %d", p.grid.Count(6, 0))
	}
}

func TestStakeholderCadencePerSeverity(t *testing.T) {
	u, _ := editorUI(t)
	e := openTab[*listEditor[plan.Stakeholder]](t, u, "Procedure", "Communication")
	e.selectIndex(0)
	box := input[*fyne.Container](t, e.b, "Update every")
	var entries []*widget.Entry
	for _, o := range box.Objects {
		if en, ok := o.(*widget.Entry); ok {
			entries = append(entries, en)
		}
	}
	if len(entries) != len(u.doc.ws.Severities) {
		t.Fatalf("%d cadence entries for %d severities", len(entries), len(u.doc.ws.Severities))
	}
	entries[3].SetText("1d")
	entries[0].SetText("")
	cs := u.doc.ws.Stakeholders[0].Cadence
	if cs[len(cs)-1] != (plan.Cadence{Severity: 4, Every: plan.Day}) || slices.ContainsFunc(cs, func(c plan.Cadence) bool { return c.Severity == 1 }) {
		t.Fatalf("cadence %+v", cs)
	}
}

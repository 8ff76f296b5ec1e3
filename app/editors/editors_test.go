package editors

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/form"
	"drillbook/app/internal/uitest"
	"drillbook/plan"
)

// editorHost is a test host on the demo showing the three editor screens.
func editorHost(t *testing.T) *uitest.Host {
	t.Helper()
	h := uitest.NewHost(t, nil)
	h.Show(Procedure(h), Roles(h), Playbooks(h))
	return h
}

// openScreen shows the editor screen with the title and returns it.
func openScreen(t *testing.T, h *uitest.Host, title string) *screen {
	t.Helper()
	for i, s := range h.Screens {
		if s.Title() == title {
			h.Select(i)
			return s.(*screen)
		}
	}
	t.Fatalf("no %q screen", title)
	return nil
}

// openTab shows a tab of an editor screen and returns its part.
func openTab[T form.Part](t *testing.T, h *uitest.Host, screenTitle, tab string) T {
	t.Helper()
	s := openScreen(t, h, screenTitle)
	p := s.selectTab(tab)
	if p == nil {
		t.Fatalf("%s has no %q tab", screenTitle, tab)
	}
	return p.(T)
}

// input returns the widget a part's form shows for a label.
func input[T fyne.CanvasObject](t *testing.T, p form.Part, label string) T {
	t.Helper()
	return uitest.Input[T](t, p.Object(), label)
}

// note is the problem note beside a form field.
func note(t *testing.T, p form.Part, label string) *widget.Label {
	t.Helper()
	return uitest.Row(t, p.Object(), label).Note
}

// cur is the index of the item a list editor's form shows, -1 for none.
func cur[T any](e *form.List[T]) int {
	if a, ok := e.Selected(); ok {
		return a.Index
	}
	return -1
}

// The list editor's tools, as the user finds them.
func addButton(t *testing.T, p form.Part) *widget.Button { return uitest.Button(t, p.Object(), "Add") }
func copyButton(t *testing.T, p form.Part) *widget.Button {
	return uitest.IconButton(t, p.Object(), theme.ContentCopyIcon())
}
func deleteButton(t *testing.T, p form.Part) *widget.Button {
	return uitest.IconButton(t, p.Object(), theme.DeleteIcon())
}
func upButton(t *testing.T, p form.Part) *widget.Button {
	return uitest.IconButton(t, p.Object(), theme.MoveUpIcon())
}

func TestIncidentTypeAddEditDuplicateDelete(t *testing.T) {
	h := editorHost(t)
	e := openTab[*form.List[plan.IncidentType]](t, h, "Procedure", "Incident types")
	ws := h.WS
	n := len(ws.IncidentTypes)

	test.Tap(addButton(t, e))
	if len(h.WS.IncidentTypes) != n+1 || cur(e) != n || !h.Dirty {
		t.Fatalf("add: %d types, selected %d, dirty %v", len(h.WS.IncidentTypes), cur(e), h.Dirty)
	}
	added := h.WS.IncidentTypes[n]
	if added.Name != "New incident type" || !plan.ValidID(added.ID) {
		t.Fatalf("new item %+v", added)
	}
	// The new type has no criteria: the warning waits until the field is
	// left, then shows beside it.
	if n := note(t, e, "Criteria"); n.Visible() {
		t.Fatalf("criteria note %q shows before the field was visited", n.Text)
	}
	input[*form.Entry](t, e, "Criteria").FocusLost()
	if n := note(t, e, "Criteria"); !n.Visible() || !strings.Contains(n.Text, "No declaration criteria") {
		t.Fatalf("criteria note %q visible=%v after leaving the field", n.Text, n.Visible())
	}
	input[*widget.Entry](t, e, "Name").SetText("Ransomware")
	input[*widget.Entry](t, e, "Criteria").SetText("Files encrypted\nRansom note found\n\n")
	input[*widget.Select](t, e, "Category").SetSelected("security")
	got := h.WS.IncidentTypes[n]
	if got.Name != "Ransomware" || !slices.Equal(got.Criteria, []string{"Files encrypted", "Ransom note found"}) || got.Category != plan.CategorySecurity {
		t.Fatalf("edits not in the plan: %+v", got)
	}
	if note(t, e, "Criteria").Visible() {
		t.Error("criteria warning still shown after adding criteria")
	}

	test.Tap(copyButton(t, e))
	if len(h.WS.IncidentTypes) != n+2 || h.WS.IncidentTypes[n+1].Name != "Ransomware (copy)" || h.WS.IncidentTypes[n+1].ID == got.ID {
		t.Fatalf("duplicate: %+v", h.WS.IncidentTypes[n+1])
	}
	// The copy shares no slices with the original.
	h.WS.IncidentTypes[n+1].Criteria[0] = "changed"
	if h.WS.IncidentTypes[n].Criteria[0] != "Files encrypted" {
		t.Fatal("duplicate shares criteria with the original")
	}

	// Delete asks first; No keeps the item.
	test.Tap(deleteButton(t, e))
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "No"))
	if len(h.WS.IncidentTypes) != n+2 {
		t.Fatal("No deleted the item")
	}
	test.Tap(deleteButton(t, e))
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "Yes"))
	if len(h.WS.IncidentTypes) != n+1 {
		t.Fatal("Yes did not delete")
	}

	// Reorder: move the new type up one place.
	e.SelectIndex(n)
	test.Tap(upButton(t, e))
	if h.WS.IncidentTypes[n-1].Name != "Ransomware" || cur(e) != n-1 {
		t.Fatalf("move up: %q at %d", h.WS.IncidentTypes[n-1].Name, cur(e))
	}
	h.Undo()
	if h.WS.IncidentTypes[n].Name != "Ransomware" {
		t.Fatal("undo did not move it back")
	}
}

func TestMatrixSetChangeAndClear(t *testing.T) {
	h := editorHost(t)
	m := openTab[*matrixPart](t, h, "Roles & escalation", "Responsibilities")
	ws := h.WS
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
	test.Tap(uitest.Button(t, m.root, "C"))
	if len(h.WS.Responsibilities) != n+1 || m.code(row, col) != plan.Consulted {
		t.Fatalf("C not set: %d entries, code %q", len(h.WS.Responsibilities), m.code(row, col))
	}
	test.Tap(uitest.Button(t, m.root, "R"))
	if len(h.WS.Responsibilities) != n+1 || m.code(row, col) != plan.Responsible {
		t.Fatal("R did not replace C")
	}
	if !strings.Contains(m.sel.Text, ": R") {
		t.Errorf("selection label %q", m.sel.Text)
	}
	test.Tap(uitest.Button(t, m.root, "Clear"))
	if len(h.WS.Responsibilities) != n || m.code(row, col) != "" {
		t.Fatal("Clear did not remove the entry")
	}
	h.Undo()
	if m.code(row, col) != plan.Responsible {
		t.Fatal("undo did not restore R")
	}
}

func TestEscalationPreviewFlagsNobody(t *testing.T) {
	h := editorHost(t)
	roles := openTab[*form.List[plan.Role]](t, h, "Roles & escalation", "Roles")
	i := slices.IndexFunc(h.WS.Roles, func(r plan.Role) bool { return r.ID == "head-of-engineering" })
	roles.SelectIndex(i)
	// Remove every member with the rows' remove buttons.
	for len(h.WS.Roles[i].Members) > 0 {
		box := input[*fyne.Container](t, roles, "Members")
		rm, ok := uitest.Find(box, func(b *widget.Button) bool {
			return b.Text == "" && b.Icon != nil && strings.HasSuffix(b.Icon.Name(), "content-remove.svg")
		})
		if !ok {
			t.Fatal("no remove button")
		}
		test.Tap(rm)
	}
	p := openTab[*escalationPart](t, h, "Roles & escalation", "Escalation")
	p.sev.SetSelectedIndex(0)
	shown := strings.Join(uitest.Texts(p.line.box), "\n")
	if !strings.Contains(shown, "T+0") || !strings.Contains(shown, "NOBODY") {
		t.Fatalf("preview does not flag the empty role:\n%s", shown)
	}
	// The preview follows edits made in the rules form.
	p.rules.SelectIndex(0)
	input[*widget.Entry](t, p.rules, "For longer than").SetText("7m")
	if !strings.Contains(strings.Join(uitest.Texts(p.line.box), "\n"), "T+7m") {
		t.Fatalf("preview not refreshed after an edit:\n%s", strings.Join(uitest.Texts(p.line.box), "\n"))
	}
}

func TestCoverageGridShowsAndClosesHole(t *testing.T) {
	h := editorHost(t)
	p := openTab[*coveragePart](t, h, "Procedure", "Cover & on-call")
	if !p.grid.Hole(6, 0) || p.grid.Hole(0, 0) || !strings.Contains(p.holes.Text, "Sun 00:00–08:00") {
		t.Fatalf("demo hole not shown: %q", p.holes.Text)
	}
	// Add a Sunday early shift with someone on it.
	e := p.shifts
	test.Tap(addButton(t, e))
	days := input[*fyne.Container](t, e, "Days")
	for _, d := range []string{"Mo", "Tu", "We", "Th", "Fr", "Su"} {
		test.Tap(uitest.Button(t, days, d))
	}
	input[*widget.Entry](t, e, "Start").SetText("00:00")
	input[*widget.Entry](t, e, "End").SetText("08:00")
	members := input[*fyne.Container](t, e, "On call")
	pickSel, _ := uitest.Find(members, func(s *widget.Select) bool { return true })
	pickSel.SetSelectedIndex(0)
	sh := h.WS.Coverage.Rota.Shifts[len(h.WS.Coverage.Rota.Shifts)-1]
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
	h := editorHost(t)
	e := openTab[*form.List[plan.Stakeholder]](t, h, "Procedure", "Communication")
	e.SelectIndex(0)
	box := input[*fyne.Container](t, e, "Update every")
	var entries []*widget.Entry
	for _, o := range box.Objects {
		if en, ok := o.(*widget.Entry); ok {
			entries = append(entries, en)
		}
	}
	if len(entries) != len(h.WS.Severities) {
		t.Fatalf("%d cadence entries for %d severities", len(entries), len(h.WS.Severities))
	}
	entries[3].SetText("1d")
	entries[0].SetText("")
	cs := h.WS.Stakeholders[0].Cadence
	if cs[len(cs)-1] != (plan.Cadence{Severity: 4, Every: plan.Day}) || slices.ContainsFunc(cs, func(c plan.Cadence) bool { return c.Severity == 1 }) {
		t.Fatalf("cadence %+v", cs)
	}
}

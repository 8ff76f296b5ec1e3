package editors

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/form"
	"drillbook/app/internal/uitest"
	"drillbook/plan"
)

// addEditDelete drives one list editor through add → edit the first
// field → delete (confirmed) → undo → redo, checking the plan (the list's
// items) each time.
func addEditDelete[T any](t *testing.T, h *uitest.Host, name string, e *form.List[T], items func() []T, first func(*T) string) {
	t.Helper()
	if _, ok := e.Parent(); !ok {
		t.Fatalf("%s: no parent selected", name)
	}
	count := func() int { return len(items()) }
	n := count()
	test.Tap(addButton(t, e))
	if count() != n+1 || cur(e) != n {
		t.Fatalf("%s: add gave %d items, selected %d", name, count(), cur(e))
	}
	en, ok := uitest.Find(uitest.FirstRow(t, e.Object()).Input, func(*widget.Entry) bool { return true })
	if !ok {
		t.Fatalf("%s: first field is a %T", name, uitest.FirstRow(t, e.Object()).Input)
	}
	en.SetText("Edited " + name)
	if got := first(&items()[n]); got != "Edited "+name {
		t.Fatalf("%s: edit stored %q", name, got)
	}
	test.Tap(deleteButton(t, e))
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "Yes"))
	if count() != n {
		t.Fatalf("%s: delete left %d items", name, count())
	}
	h.Undo()
	if count() != n+1 || first(&items()[n]) != "Edited "+name {
		t.Fatalf("%s: undo delete", name)
	}
	h.Redo()
	if count() != n {
		t.Fatalf("%s: redo delete", name)
	}
}

func TestEveryListEditorAddsEditsAndDeletes(t *testing.T) {
	h := editorHost(t)
	addEditDelete(t, h, "incident type", openTab[*form.List[plan.IncidentType]](t, h, "Procedure", "Incident types"),
		func() []plan.IncidentType { return h.WS.IncidentTypes }, func(x *plan.IncidentType) string { return x.Name })
	addEditDelete(t, h, "reporting channel", openTab[*reportingPart](t, h, "Procedure", "Reporting & triage").channels,
		func() []plan.ReportingChannel { return h.WS.Reporting.Channels }, func(x *plan.ReportingChannel) string { return x.Name })
	addEditDelete(t, h, "third party", openTab[*form.List[plan.ThirdParty]](t, h, "Procedure", "Third parties"),
		func() []plan.ThirdParty { return h.WS.ThirdParties }, func(x *plan.ThirdParty) string { return x.Name })
	addEditDelete(t, h, "shift", openTab[*coveragePart](t, h, "Procedure", "Cover & on-call").shifts,
		func() []plan.Shift { return h.WS.Coverage.Rota.Shifts }, func(x *plan.Shift) string { return x.Name })
	addEditDelete(t, h, "stakeholder", openTab[*form.List[plan.Stakeholder]](t, h, "Procedure", "Communication"),
		func() []plan.Stakeholder { return h.WS.Stakeholders }, func(x *plan.Stakeholder) string { return x.Name })
	addEditDelete(t, h, "person", openTab[*form.List[plan.Person]](t, h, "Roles & escalation", "People"),
		func() []plan.Person { return h.WS.People }, func(x *plan.Person) string { return x.Name })
	addEditDelete(t, h, "role", openTab[*form.List[plan.Role]](t, h, "Roles & escalation", "Roles"),
		func() []plan.Role { return h.WS.Roles }, func(x *plan.Role) string { return x.Name })
	addEditDelete(t, h, "rule", openTab[*escalationPart](t, h, "Roles & escalation", "Escalation").rules,
		func() []plan.EscalationRule { return h.WS.EscalationRules }, func(x *plan.EscalationRule) string { return x.Name })
	addEditDelete(t, h, "obligation", openTab[*obligationsPart](t, h, "Roles & escalation", "Reporting obligations").List,
		func() []plan.ReportingObligation { return h.WS.ReportingObligations }, func(x *plan.ReportingObligation) string { return x.Body })
	pb := playbooksOf(t, h)
	addEditDelete(t, h, "playbook", pb.list,
		func() []plan.Playbook { return h.WS.Playbooks }, func(x *plan.Playbook) string { return x.Title })
	pb.list.SelectIndex(0)
	pb.tabs.SelectIndex(1)
	addEditDelete(t, h, "step", pb.steps,
		func() []plan.Step { return h.WS.Playbooks[0].Steps }, func(x *plan.Step) string { return x.Text })
	// The severity editor's first field is the level.
	sev := openTab[*form.List[plan.Severity]](t, h, "Procedure", "Severities")
	test.Tap(addButton(t, sev))
	if s := h.WS.Severities[len(h.WS.Severities)-1]; s.Level != 5 || s.Name != "Level 5" {
		t.Fatalf("new severity %+v", s)
	}
	if h.Problems().Errors() != 0 {
		t.Fatalf("editing left errors: %v", h.Problems())
	}
}

func TestTriageFormAndGoToPaths(t *testing.T) {
	h := editorHost(t)
	r := openTab[*reportingPart](t, h, "Procedure", "Reporting & triage")
	role := input[*widget.Select](t, r.triage, "Run by role")
	role.SetSelectedIndex(0) // (none)
	if h.WS.Triage.Role != "" {
		t.Fatal("triage role not cleared")
	}
	role.SetSelected(h.WS.Roles[0].Name)
	if h.WS.Triage.Role != h.WS.Roles[0].ID {
		t.Fatalf("triage role %q", h.WS.Triage.Role)
	}
	for _, c := range []struct{ path, screen, tab string }{
		{"triage.role", "Procedure", "Reporting & triage"},
		{"reporting.guidance", "Procedure", "Reporting & triage"},
		{"coverage.businessHours.start", "Procedure", "Cover & on-call"},
		{"coverage.rota.shifts[2].members[0]", "Procedure", "Cover & on-call"},
		{"stakeholders[1].cadence[0].every", "Procedure", "Communication"},
		{"severities[2].targets.resolve", "Procedure", "Severities"},
		{"responsibilities[3].raci", "Roles & escalation", "Responsibilities"},
		{"escalationRules[1].escalateTo", "Roles & escalation", "Escalation"},
		{"reportingObligations[0].ownerRole", "Roles & escalation", "Reporting obligations"},
		{"playbooks[1].revisions[0].summary", "Playbooks", "Playbooks"},
	} {
		if !h.CanGoTo(c.path) {
			t.Errorf("cannot go to %s", c.path)
			continue
		}
		h.GoTo(c.path)
		s := h.Screens[h.Current]
		if s.Title() != c.screen {
			t.Errorf("%s: went to %s", c.path, s.Title())
			continue
		}
		if es, ok := s.(*screen); ok && es.tabs != nil {
			if got := es.names[es.tabs.SelectedIndex()]; got != c.tab {
				t.Errorf("%s: tab %s", c.path, got)
			}
		}
	}
	// The responsibility's cell is selected in the matrix.
	h.GoTo("responsibilities[3].raci")
	m := openTab[*matrixPart](t, h, "Roles & escalation", "Responsibilities")
	resp := h.WS.Responsibilities[3]
	if m.cell.Row < 0 || h.WS.IncidentTypes[m.cell.Row].ID != resp.IncidentType || h.WS.Roles[m.cell.Col].ID != resp.Role {
		t.Fatalf("matrix cell %+v for %+v", m.cell, resp)
	}
	// A revision path opens the revisions tab on that revision.
	h.GoTo("playbooks[1].revisions[0].summary")
	p := playbooksOf(t, h)
	if p.tabs.SelectedIndex() != 3 || p.revs.sel != 0 || cur(p.list) != 1 {
		t.Fatalf("revision path: tab %d, revision %d, playbook %d", p.tabs.SelectedIndex(), p.revs.sel, cur(p.list))
	}
}

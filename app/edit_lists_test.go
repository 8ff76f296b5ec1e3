package app

import (
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/plan"
)

// addEditDelete drives one list editor through add → edit the first
// field → delete (confirmed) → undo → redo, checking the plan each time.
func addEditDelete[T any](t *testing.T, u *UI, name string, e *listEditor[T], first func(*T) string) {
	t.Helper()
	p, ok := e.parent()
	if !ok {
		t.Fatalf("%s: no parent selected", name)
	}
	count := func() int { return len(*e.slice(p)) }
	n := count()
	test.Tap(e.addBtn)
	if count() != n+1 || e.cur != n {
		t.Fatalf("%s: add gave %d items, selected %d", name, count(), e.cur)
	}
	en, ok := e.b.fields[0].input.(*widget.Entry)
	if !ok {
		t.Fatalf("%s: first field is a %T", name, e.b.fields[0].input)
	}
	en.SetText("Edited " + name)
	if got := first(&(*e.slice(p))[n]); got != "Edited "+name {
		t.Fatalf("%s: edit stored %q", name, got)
	}
	test.Tap(e.delBtn)
	test.Tap(button(t, topOverlay(t, u), "Yes"))
	if count() != n {
		t.Fatalf("%s: delete left %d items", name, count())
	}
	u.undoLast()
	if count() != n+1 || first(&(*e.slice(p))[n]) != "Edited "+name {
		t.Fatalf("%s: undo delete", name)
	}
	u.redoLast()
	if count() != n {
		t.Fatalf("%s: redo delete", name)
	}
}

func TestEveryListEditorAddsEditsAndDeletes(t *testing.T) {
	u, _ := editorUI(t)
	addEditDelete(t, u, "incident type", openTab[*listEditor[plan.IncidentType]](t, u, "Procedure", "Incident types"), func(x *plan.IncidentType) string { return x.Name })
	addEditDelete(t, u, "reporting channel", openTab[*reportingPart](t, u, "Procedure", "Reporting & triage").channels, func(x *plan.ReportingChannel) string { return x.Name })
	addEditDelete(t, u, "third party", openTab[*listEditor[plan.ThirdParty]](t, u, "Procedure", "Third parties"), func(x *plan.ThirdParty) string { return x.Name })
	addEditDelete(t, u, "shift", openTab[*coveragePart](t, u, "Procedure", "Cover & on-call").shifts, func(x *plan.Shift) string { return x.Name })
	addEditDelete(t, u, "stakeholder", openTab[*listEditor[plan.Stakeholder]](t, u, "Procedure", "Communication"), func(x *plan.Stakeholder) string { return x.Name })
	addEditDelete(t, u, "person", openTab[*listEditor[plan.Person]](t, u, "Roles & escalation", "People"), func(x *plan.Person) string { return x.Name })
	addEditDelete(t, u, "role", openTab[*listEditor[plan.Role]](t, u, "Roles & escalation", "Roles"), func(x *plan.Role) string { return x.Name })
	addEditDelete(t, u, "rule", openTab[*escalationPart](t, u, "Roles & escalation", "Escalation").rules, func(x *plan.EscalationRule) string { return x.Name })
	addEditDelete(t, u, "obligation", openTab[*listEditor[plan.ReportingObligation]](t, u, "Roles & escalation", "Reporting obligations"), func(x *plan.ReportingObligation) string { return x.Body })
	pb := playbooksOf(t, u)
	addEditDelete(t, u, "playbook", pb.list, func(x *plan.Playbook) string { return x.Title })
	pb.list.selectIndex(0)
	pb.tabs.SelectIndex(1)
	addEditDelete(t, u, "step", pb.steps, func(x *plan.Step) string { return x.Text })
	// The severity editor's first field is the level.
	sev := openTab[*listEditor[plan.Severity]](t, u, "Procedure", "Severities")
	test.Tap(sev.addBtn)
	if s := u.doc.ws.Severities[len(u.doc.ws.Severities)-1]; s.Level != 5 || s.Name != "Level 5" {
		t.Fatalf("new severity %+v", s)
	}
	if u.doc.problems.Errors() != 0 {
		t.Fatalf("editing left errors: %v", u.doc.problems)
	}
}

func TestTriageFormAndGoToPaths(t *testing.T) {
	u, _ := editorUI(t)
	r := openTab[*reportingPart](t, u, "Procedure", "Reporting & triage")
	role := input[*widget.Select](t, r.triage.b, "Run by role")
	role.SetSelectedIndex(0) // (none)
	if u.doc.ws.Triage.Role != "" {
		t.Fatal("triage role not cleared")
	}
	role.SetSelected(u.doc.ws.Roles[0].Name)
	if u.doc.ws.Triage.Role != u.doc.ws.Roles[0].ID {
		t.Fatalf("triage role %q", u.doc.ws.Triage.Role)
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
		{"organisation.name", "Overview", ""},
	} {
		if !u.canGoTo(c.path) {
			t.Errorf("cannot go to %s", c.path)
			continue
		}
		u.goTo(c.path)
		s := u.screens[u.current]
		if s.title() != c.screen {
			t.Errorf("%s: went to %s", c.path, s.title())
			continue
		}
		if es, ok := s.(*editorScreen); ok && es.tabs != nil {
			if got := es.names[es.tabs.SelectedIndex()]; got != c.tab {
				t.Errorf("%s: tab %s", c.path, got)
			}
		}
	}
	// The responsibility's cell is selected in the matrix.
	u.goTo("responsibilities[3].raci")
	m := openTab[*matrixPart](t, u, "Roles & escalation", "Responsibilities")
	resp := u.doc.ws.Responsibilities[3]
	if m.cell.Row < 0 || u.doc.ws.IncidentTypes[m.cell.Row].ID != resp.IncidentType || u.doc.ws.Roles[m.cell.Col].ID != resp.Role {
		t.Fatalf("matrix cell %+v for %+v", m.cell, resp)
	}
	// A revision path opens the revisions tab on that revision.
	u.goTo("playbooks[1].revisions[0].summary")
	p := playbooksOf(t, u)
	if p.tabs.SelectedIndex() != 3 || p.revs.sel != 0 || p.list.cur != 1 {
		t.Fatalf("revision path: tab %d, revision %d, playbook %d", p.tabs.SelectedIndex(), p.revs.sel, p.list.cur)
	}
}

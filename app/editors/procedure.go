package editors

import (
	"fmt"
	"slices"

	"drillbook/app/form"
	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/plan"
)

// Step 1 editors: incident types with their criteria, and severity levels
// with their targets.

func newIncidentTypesPart(h host.Host) *form.List[plan.IncidentType] {
	e := form.NewList(h, form.ListSpec[plan.IncidentType]{
		Noun: "incident type", Base: "incidentTypes", Reorder: true,
		Slice: func(int) *[]plan.IncidentType { return &h.Workspace().IncidentTypes },
		Row: func(t *plan.IncidentType) string {
			return fmt.Sprintf("%s · %s", widgets.OrDash(t.Name), plan.Words(string(t.Category)))
		},
		Named:   func(t *plan.IncidentType) (*string, *string) { return &t.ID, &t.Name },
		NewName: "New incident type",
		New:     func(*plan.Workspace, int) plan.IncidentType { return plan.IncidentType{Category: plan.CategoryOther} },
	})
	at := func(a form.Addr) *plan.IncidentType { return &h.Workspace().IncidentTypes[a.Index] }
	b := e.Binder()
	b.Text("Name", "name", func(a form.Addr) *string { return &at(a).Name })
	form.Choice(b, "Category", "category", plan.Categories, func(a form.Addr) *plan.Category { return &at(a).Category })
	b.TextArea("Description", "description", func(a form.Addr) *string { return &at(a).Description })
	b.Lines("Criteria", "criteria", "One criterion per line: any one met means the incident procedure starts.",
		func(a form.Addr) *[]string { return &at(a).Criteria })
	b.Lines("Examples", "examples", "One example per line", func(a form.Addr) *[]string { return &at(a).Examples })
	b.Info("ID", func(a form.Addr) string { return at(a).ID })
	e.Finish()
	return e
}

func newSeveritiesPart(h host.Host) *form.List[plan.Severity] {
	e := form.NewList(h, form.ListSpec[plan.Severity]{
		Noun: "severity level", Base: "severities",
		Slice: func(int) *[]plan.Severity { return &h.Workspace().Severities },
		Row: func(s *plan.Severity) string {
			return fmt.Sprintf("%d · %s · ack %s · resolve %s", s.Level, widgets.OrDash(s.Name), widgets.OrDash(form.DurationText(s.Targets.Acknowledge)), widgets.OrDash(form.DurationText(s.Targets.Resolve)))
		},
		New: func(ws *plan.Workspace, _ int) plan.Severity {
			level := 1
			for _, s := range ws.Severities {
				level = max(level, s.Level+1)
			}
			return plan.Severity{Level: level, Name: fmt.Sprintf("Level %d", level)}
		},
		Copy: func(ws *plan.Workspace, _ int, s plan.Severity) plan.Severity {
			s.Level = slices.MaxFunc(ws.Severities, func(a, b plan.Severity) int { return a.Level - b.Level }).Level + 1
			s.Name += " (copy)"
			return s
		},
	})
	at := func(a form.Addr) *plan.Severity { return &h.Workspace().Severities[a.Index] }
	b := e.Binder()
	b.Number("Level", "level", func(a form.Addr) *int { return &at(a).Level })
	b.Text("Name", "name", func(a form.Addr) *string { return &at(a).Name })
	b.TextArea("Definition", "definition", func(a form.Addr) *string { return &at(a).Definition })
	b.Lines("Examples", "examples", "One example per line", func(a form.Addr) *[]string { return &at(a).Examples })
	b.Duration("Acknowledge within", "targets.acknowledge", func(a form.Addr) *plan.Duration { return &at(a).Targets.Acknowledge })
	b.Duration("First update within", "targets.firstUpdate", func(a form.Addr) *plan.Duration { return &at(a).Targets.FirstUpdate })
	b.Duration("Update every", "targets.updateCadence", func(a form.Addr) *plan.Duration { return &at(a).Targets.UpdateCadence })
	b.Duration("Resolve within", "targets.resolve", func(a form.Addr) *plan.Duration { return &at(a).Targets.Resolve })
	e.Finish()
	return e
}

package app

import (
	"fmt"
	"slices"

	"drillbook/app/widgets"
	"drillbook/plan"
)

// Step 1 editors: incident types with their criteria, and severity levels
// with their targets.

func newIncidentTypesPart(u *UI) *listEditor[plan.IncidentType] {
	e := newListEditor(u, listSpec[plan.IncidentType]{
		noun: "incident type", base: "incidentTypes", reorder: true,
		slice: func(int) *[]plan.IncidentType { return &u.doc.ws.IncidentTypes },
		row:   func(t *plan.IncidentType) string { return fmt.Sprintf("%s · %s", widgets.OrDash(t.Name), t.Category) },
		fresh: func(ws *plan.Workspace, _ int) plan.IncidentType {
			id, _ := ws.NewID("incidentTypes", "New incident type")
			return plan.IncidentType{ID: id, Name: "New incident type", Category: plan.CategoryOther}
		},
		copyOf: func(ws *plan.Workspace, _ int, t plan.IncidentType) plan.IncidentType {
			t.Name += " (copy)"
			t.ID, _ = ws.NewID("incidentTypes", t.Name)
			return t
		},
	})
	at := func(a addr) *plan.IncidentType { return &u.doc.ws.IncidentTypes[a.index] }
	b := e.b
	b.text("Name", "name", func(a addr) *string { return &at(a).Name })
	choice(b, "Category", "category", plan.Categories, func(a addr) *plan.Category { return &at(a).Category })
	b.textArea("Description", "description", 2, func(a addr) *string { return &at(a).Description })
	b.lines("Criteria", "criteria", 5, "One criterion per line: any one met means the incident procedure starts.",
		func(a addr) *[]string { return &at(a).Criteria })
	b.lines("Examples", "examples", 3, "One example per line", func(a addr) *[]string { return &at(a).Examples })
	b.info("ID", func(a addr) string { return at(a).ID })
	e.finish()
	return e
}

func newSeveritiesPart(u *UI) *listEditor[plan.Severity] {
	e := newListEditor(u, listSpec[plan.Severity]{
		noun: "severity level", base: "severities",
		slice: func(int) *[]plan.Severity { return &u.doc.ws.Severities },
		row: func(s *plan.Severity) string {
			return fmt.Sprintf("%d · %s · ack %s · resolve %s", s.Level, widgets.OrDash(s.Name), widgets.OrDash(durationText(s.Targets.Acknowledge)), widgets.OrDash(durationText(s.Targets.Resolve)))
		},
		fresh: func(ws *plan.Workspace, _ int) plan.Severity {
			level := 1
			for _, s := range ws.Severities {
				level = max(level, s.Level+1)
			}
			return plan.Severity{Level: level, Name: fmt.Sprintf("Level %d", level)}
		},
		copyOf: func(ws *plan.Workspace, _ int, s plan.Severity) plan.Severity {
			s.Level = slices.MaxFunc(ws.Severities, func(a, b plan.Severity) int { return a.Level - b.Level }).Level + 1
			s.Name += " (copy)"
			return s
		},
	})
	at := func(a addr) *plan.Severity { return &u.doc.ws.Severities[a.index] }
	b := e.b
	b.number("Level", "level", func(a addr) *int { return &at(a).Level })
	b.text("Name", "name", func(a addr) *string { return &at(a).Name })
	b.textArea("Definition", "definition", 3, func(a addr) *string { return &at(a).Definition })
	b.lines("Examples", "examples", 3, "One example per line", func(a addr) *[]string { return &at(a).Examples })
	b.duration("Acknowledge within", "targets.acknowledge", func(a addr) *plan.Duration { return &at(a).Targets.Acknowledge })
	b.duration("First update within", "targets.firstUpdate", func(a addr) *plan.Duration { return &at(a).Targets.FirstUpdate })
	b.duration("Update every", "targets.updateCadence", func(a addr) *plan.Duration { return &at(a).Targets.UpdateCadence })
	b.duration("Resolve within", "targets.resolve", func(a addr) *plan.Duration { return &at(a).Targets.Resolve })
	e.finish()
	return e
}

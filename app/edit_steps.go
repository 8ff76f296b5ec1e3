package app

import (
	"fmt"

	"drillbook/app/widgets"
	"drillbook/plan"
)

// newStepsEditor edits the ordered steps of the playbook selected in
// books: text, expected duration, and references to other playbooks.
func newStepsEditor(u *UI, books *listEditor[plan.Playbook]) *listEditor[plan.Step] {
	e := newListEditor(u, listSpec[plan.Step]{
		noun: "step", base: "steps", reorder: true,
		parentPath: func(p int) string { return fmt.Sprintf("playbooks[%d]", p) },
		parent: func() (int, bool) {
			a, ok := books.selected()
			return a.index, ok
		},
		slice: func(p int) *[]plan.Step { return &u.doc.ws.Playbooks[p].Steps },
		row: func(s *plan.Step) string {
			t := widgets.FirstLine(s.Text)
			if t == "" {
				t = "—"
			}
			if s.ExpectedDuration > 0 {
				t += " · " + s.ExpectedDuration.String()
			}
			return t
		},
		fresh: func(*plan.Workspace, int) plan.Step { return plan.Step{Text: "New step"} },
		copyOf: func(_ *plan.Workspace, _ int, s plan.Step) plan.Step {
			return s
		},
	})
	// Rows are numbered by position, as they are read.
	row := e.row
	e.row = func(s *plan.Step) string {
		p, ok := e.parent()
		if !ok {
			return row(s)
		}
		steps := u.doc.ws.Playbooks[p].Steps
		for i := range steps {
			if &steps[i] == s {
				return fmt.Sprintf("%d. %s", i+1, row(s))
			}
		}
		return row(s)
	}
	at := func(a addr) *plan.Step { return &u.doc.ws.Playbooks[a.parent].Steps[a.index] }
	e.b.textArea("Step", "text", 4, func(a addr) *string { return &at(a).Text }).
		SetPlaceHolder("What one person in this role does, in a sentence or two.")
	e.b.duration("Expected duration", "expectedDuration", func(a addr) *plan.Duration { return &at(a).ExpectedDuration })
	e.b.ordered("See playbooks", "references", "", func() []option {
		self := ""
		if pb := books.item(); pb != nil {
			self = pb.ID
		}
		var out []option
		for _, o := range playbookOptions(u.doc.ws) {
			if o.value != self {
				out = append(out, o)
			}
		}
		return out
	}, func(a addr) *[]string { return &at(a).References })
	e.finish()
	return e
}

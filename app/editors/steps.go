package editors

import (
	"fmt"

	"drillbook/app/form"
	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/plan"
)

// newStepsEditor edits the ordered steps of the playbook selected in
// books: text, expected duration, and references to other playbooks.
func newStepsEditor(h host.Host, books *form.List[plan.Playbook]) *form.List[plan.Step] {
	var e *form.List[plan.Step]
	e = form.NewList(h, form.ListSpec[plan.Step]{
		Noun: "step", Base: "steps", Reorder: true,
		ParentPath: func(p int) string { return plan.Root("playbooks").Index(p).String() },
		Parent: func() (int, bool) {
			a, ok := books.Selected()
			return a.Index, ok
		},
		Slice: func(p int) *[]plan.Step { return &h.Workspace().Playbooks[p].Steps },
		// Rows are numbered by position, as they are read.
		Row: func(s *plan.Step) string {
			t := widgets.FirstLine(s.Text)
			if t == "" {
				t = "—"
			}
			if s.ExpectedDuration > 0 {
				t += " · " + s.ExpectedDuration.String()
			}
			if p, ok := e.Parent(); ok {
				steps := h.Workspace().Playbooks[p].Steps
				for i := range steps {
					if &steps[i] == s {
						return fmt.Sprintf("%d. %s", i+1, t)
					}
				}
			}
			return t
		},
		New:  func(*plan.Workspace, int) plan.Step { return plan.Step{Text: "New step"} },
		Copy: func(_ *plan.Workspace, _ int, s plan.Step) plan.Step { return s },
	})
	at := func(a form.Addr) *plan.Step { return &h.Workspace().Playbooks[a.Parent].Steps[a.Index] }
	b := e.Binder()
	b.TextArea("Step", "text", func(a form.Addr) *string { return &at(a).Text }).
		SetPlaceHolder("What one person in this role does, in a sentence or two.")
	b.Duration("Expected duration", "expectedDuration", func(a form.Addr) *plan.Duration { return &at(a).ExpectedDuration })
	b.Ordered("See playbooks", "references", "", func() []form.Option { return otherPlaybooks(h.Workspace(), books.Item()) },
		func(a form.Addr) *[]string { return &at(a).References })
	e.Finish()
	return e
}

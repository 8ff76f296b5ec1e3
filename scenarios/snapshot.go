package scenarios

import (
	"drillbook/internal/deepcopy"
	"drillbook/plan"
)

// snapshot copies the plan a run plays against. The engine keeps pointers
// into it (escalation rules, roles), so editing the live document during a
// run — deleting a rule, renaming a role — must not reach the run. Stored
// runs are left out, as in the journal header: a run never reads them, and
// a live run and its resume from the journal then play against the same
// plan.
func snapshot(ws *plan.Workspace) *plan.Workspace {
	c := *ws
	c.Runs = nil
	c = deepCopy(c)
	return &c
}

// deepCopy is deepcopy.Of, for the scenario and the plan.
func deepCopy[T any](v T) T { return deepcopy.Of(v) }

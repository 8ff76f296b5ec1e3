package deepcopy

import (
	"reflect"
	"testing"

	"drillbook/plan/plantest"
)

// A copy of a whole workspace, runs included, equals it; writing through
// the copy's slices, maps and pointers leaves the original as it was.
func TestWorkspaceCopyIsEqualAndIndependent(t *testing.T) {
	ws := plantest.WithRuns(plantest.Generate(plantest.Size{People: 20, Roles: 5, Playbooks: 4, Steps: 3, Revisions: 2}), 2, 10)
	ws.TargetLevels = map[string]int{"roles": 3}
	c := Of(*ws)
	if !reflect.DeepEqual(c, *ws) {
		t.Fatal("copy differs")
	}
	name := ws.People[0].Name
	c.People[0].Name = "changed"
	c.TargetLevels["roles"] = 1
	c.Runs[0].Tasks[0].Refs = append(c.Runs[0].Tasks[0].Refs[:0], "changed")
	c.Playbooks[0].Steps[0].Text = "changed"
	if ws.People[0].Name != name || ws.TargetLevels["roles"] != 3 || ws.Playbooks[0].Steps[0].Text == "changed" ||
		len(ws.Runs[0].Tasks[0].Refs) > 0 && ws.Runs[0].Tasks[0].Refs[0] == "changed" {
		t.Fatal("the original changed with the copy")
	}
}

// BenchmarkWorkspaceLarge copies the benchmark workspace, as a save does on
// the UI goroutine before encoding in the background.
func BenchmarkWorkspaceLarge(b *testing.B) {
	ws := plantest.Large()
	b.ReportAllocs()
	for b.Loop() {
		Of(*ws)
	}
}

package plan_test

import (
	"bytes"
	"testing"

	"drillbook/plan"
	"drillbook/plan/plantest"
)

// A clone encodes as the original does, and changing anything in it,
// however deep, leaves the original as it was.
func TestCloneIsDeep(t *testing.T) {
	ws := plantest.WithRuns(plantest.Generate(plantest.Size{People: 20, Roles: 12, Playbooks: 5, Steps: 3, Revisions: 2}), 3, 20)
	ws.TargetLevels = map[string]int{"roles": 4}
	ws.Actions = []plan.Action{{ID: "a1", Findings: []string{"ROL-2.3"}}}
	before, err := plan.Encode(ws)
	if err != nil {
		t.Fatal(err)
	}
	c := ws.Clone()
	if got, _ := plan.Encode(c); !bytes.Equal(got, before) {
		t.Fatal("the clone encodes differently")
	}
	c.People[0].Contacts[0].Value = "changed"
	c.Roles[0].Members[0] = "changed"
	c.Playbooks[0].Revisions[0].Steps[0].Text = "changed"
	c.Playbooks[0].Steps[0].References = append(c.Playbooks[0].Steps[0].References[:0], "changed")
	for i := range c.Runs[0].Tasks {
		if m := c.Runs[0].Tasks[i].MetAt; m != nil {
			*m = 12345
		}
	}
	c.Runs[0].Events[0].Refs[0] = "changed"
	c.TargetLevels["roles"] = 1
	c.Actions[0].Findings[0] = "changed"
	c.Coverage.Rota.Shifts[0].Members[0] = "changed"
	if after, _ := plan.Encode(ws); !bytes.Equal(after, before) {
		t.Fatal("changing the clone changed the original")
	}
	if (*plan.Workspace)(nil).Clone() != nil {
		t.Error("a nil workspace cloned to something")
	}
}

// BenchmarkCloneLarge is the snapshot a save off the editing goroutine
// takes; BenchmarkEncodeLarge, the encode it then runs elsewhere.
func BenchmarkCloneLarge(b *testing.B) {
	ws := plantest.WithRuns(plantest.Large(), 100, 500)
	b.ReportAllocs()
	for b.Loop() {
		ws.Clone()
	}
}

func BenchmarkEncodeLarge(b *testing.B) {
	ws := plantest.WithRuns(plantest.Large(), 100, 500)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := plan.Encode(ws); err != nil {
			b.Fatal(err)
		}
	}
}

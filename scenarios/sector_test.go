package scenarios

import (
	"slices"
	"testing"
	"time"

	"drillbook/plan"
)

// Clinical-safety references apply only where clinical safety does: for a
// SaaS company the scenario's "escalate to the clinical safety officer" is
// neither a binding gap nor a task; for the demo's digital-health company
// it is both bound and played.
func TestClinicalExpectationsFollowTheSector(t *testing.T) {
	lib, err := Library()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(lib, func(s *Scenario) bool { return s.ID == "cloud-region-outage" })
	if i < 0 {
		t.Fatal("no cloud-region-outage scenario")
	}
	play := func(ws *plan.Workspace) (*Engine, []plan.Task) {
		clk := NewFakeClock(epoch)
		e, _, err := Start(Clone(lib[i]), ws, clk, Options{Speed: 20})
		if err != nil {
			t.Fatal(err)
		}
		for e.Now() < lib[i].Duration.D() {
			clk.Advance(30 * time.Second)
			if _, err := e.Tick(); err != nil {
				t.Fatal(err)
			}
		}
		return e, e.Tasks()
	}
	clinicalTasks := func(ts []plan.Task) int {
		n := 0
		for _, tk := range ts {
			if plan.ClinicalRef(tk.Target) {
				n++
			}
		}
		return n
	}

	saas := plan.Demo()
	saas.Organisation.Sector = "Software as a service"
	saas.IncidentTypes = slices.DeleteFunc(saas.IncidentTypes, func(it plan.IncidentType) bool { return it.Category == plan.CategoryClinical })
	e, tasks := play(saas)
	if n := clinicalTasks(tasks); n != 0 {
		t.Errorf("SaaS company: %d clinical-safety tasks, want none", n)
	}
	for _, b := range e.Bindings() {
		if plan.ClinicalRef(b.Ref) {
			t.Errorf("SaaS company: clinical binding recorded: %+v", b)
		}
	}

	_, tasks = play(plan.Demo())
	if clinicalTasks(tasks) == 0 {
		t.Error("digital-health company: the clinical-safety expectations were not played")
	}
}

package plan

import "testing"

func TestSummaryCountsEachPart(t *testing.T) {
	ws := New("x")
	ws.People = make([]Person, 3)
	ws.Playbooks = []Playbook{{Steps: make([]Step, 4), Revisions: make([]Revision, 2)}, {Steps: make([]Step, 1)}}
	ws.Coverage.Rota.Shifts = make([]Shift, 2)
	got := map[string]int{}
	for _, c := range ws.Summary() {
		if c.Step < 1 || c.Step > 3 {
			t.Errorf("%s: step %d", c.Part, c.Step)
		}
		got[c.Part] = c.Count
	}
	want := map[string]int{"People": 3, "Playbooks": 2, "Playbook steps": 5, "Published revisions": 2, "On-call shifts": 2, "Roles": 0}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("%s = %d, want %d", k, got[k], v)
		}
	}
}

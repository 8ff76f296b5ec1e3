package scenarios

import (
	"strings"
	"testing"

	"drillbook/plan"
)

// TestSeverityChangeIsOneLogLine: a severity change that supersedes
// several timers writes one line naming them, not a line per timer, and
// still re-plans every timer.
func TestSeverityChangeIsOneLogLine(t *testing.T) {
	sc, ws := fixture(t)
	d := startDriver(t, sc, ws, Options{})
	d.until(at("T+05:00"))
	evs, err := d.e.Record(Action{Kind: ExpectSetSeverity, Actor: "ann", Severity: 1})
	if err != nil {
		t.Fatal(err)
	}
	var lines []plan.Event
	for _, ev := range evs {
		if ev.Kind == plan.EventCleared || ev.Kind == plan.EventSeverity {
			lines = append(lines, ev)
		}
	}
	if len(lines) != 1 || lines[0].Kind != plan.EventSeverity {
		t.Fatalf("severity change logged %d lines, want one severity line: %+v", len(lines), lines)
	}
	if lines[0].Text != "Severity 2 → 1" {
		t.Errorf("severity line %q", lines[0].Text)
	}
	replanned, added := ReplanDetail(lines[0], d.e.Tasks())
	if r, a := strings.Join(replanned, "; "), strings.Join(added, "; "); !strings.Contains(r, "Acknowledge within 15 min (severity 2)") || !strings.Contains(r, "Resolve within 8 h") || !strings.Contains(a, "Resolve within 4 h") || strings.Contains(a, "8 h") {
		t.Errorf("detail of the severity line: re-planned %q, new %q", r, a)
	}
	status := map[string]string{}
	for _, tk := range d.e.Tasks() {
		status[tk.ID] = tk.Status
	}
	for id, want := range map[string]string{"acknowledge@sev2": plan.TaskNotNeeded, "resolve@sev2": plan.TaskNotNeeded, "acknowledge@sev1": plan.TaskPending, "resolve@sev1": plan.TaskPending} {
		if status[id] != want {
			t.Errorf("%s: %q, want %q", id, status[id], want)
		}
	}
}

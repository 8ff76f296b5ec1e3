package scoring

import (
	"strings"
	"testing"

	"drillbook/plan"
)

// TestStruckActionsMeetNothing: a strong team's run in which the
// facilitator struck the escalations scores the escalation tasks as
// missed (rated U, with a finding), where the same run without the
// strike rates them P: scoring reads the corrected log.
func TestStruckActionsMeetNothing(t *testing.T) {
	var c calibration
	for _, x := range loadCalibration(t) {
		if x.File == "mature-saas.json" {
			c = x
		}
	}
	escalation := func(tk plan.Task) bool { return tk.Source == plan.SourceScenario && tk.Kind == "escalate" }
	// Every escalation is struck: one to the same role, recorded for a
	// plan rule, would meet the scenario's expectation too.
	anyEscalation := func(tk plan.Task) bool { return tk.Kind == "escalate" || tk.Kind == "escalation-rule" }
	rate := func(strike func(plan.Task) bool) (map[string]Rating, *Assessment) {
		ws, day := calibrationWorkspace(t, c)
		ws.Runs = append(ws.Runs, playRunStriking(t, ws, "leaked-api-key", "strong", day.Time().AddDate(0, 0, -14), strike))
		a := Assess(ws, day)
		out := map[string]Rating{}
		for _, rr := range a.Runs {
			for _, tr := range rr.Tasks {
				if escalation(tr.Task) {
					out[tr.Task.ID] = tr.Rating
				}
			}
		}
		return out, a
	}
	clean, _ := rate(nil)
	struck, a := rate(anyEscalation)
	if len(clean) == 0 {
		t.Fatal("the scenario has no escalation to strike")
	}
	for id, r := range clean {
		if r != RatingP {
			t.Errorf("%s rated %s without the strike, want P", id, r)
		}
		if struck[id] != RatingU {
			t.Errorf("%s rated %s after its escalation was struck, want U", id, struck[id])
		}
		found := false
		for _, f := range a.Findings {
			found = found || strings.HasSuffix(f.ID, "-"+id)
		}
		if !found {
			t.Errorf("no finding for the struck %s", id)
		}
	}
}

package scenarios

import (
	"maps"
	"strings"
	"testing"
	"time"

	"drillbook/plan"
)

// TestRegimeObligationsRunAsTimers: a plan declaring NIS2 and GDPR that
// takes the regimes' obligations (plan.RegimeObligations) gets their
// deadlines as report timers in a drill of a category they cover, timed
// from detection like every reporting obligation.
func TestRegimeObligationsRunAsTimers(t *testing.T) {
	ws := fixtureWorkspace()
	ws.Organisation.Regimes = []string{plan.RegimeNIS2, plan.RegimeGDPR}
	ws.Role("dpo").Functions = append(ws.Role("dpo").Functions, plan.FunctionRegulatory)
	ws.ReportingObligations = append(ws.ReportingObligations, ws.RegimeObligations()...)
	if ps := ws.Validate(); ps.Errors() > 0 {
		t.Fatalf("workspace with the regimes' obligations: %v", ps)
	}
	nis2 := map[string]time.Duration{
		"report:nis2-early-warning": 24 * time.Hour,
		"report:nis2-notification":  72 * time.Hour,
		"report:nis2-final-report":  72*time.Hour + 30*24*time.Hour,
	}
	both := maps.Clone(nis2)
	both["report:gdpr-art33"] = 72 * time.Hour
	cases := []struct {
		category string
		want     map[string]time.Duration
		absent   []string
	}{
		// NIS2 covers every incident; GDPR the personal data breach
		// categories (security and information governance).
		{"information-governance", both, nil},
		{"availability", nis2, []string{"report:gdpr-art33"}},
	}
	for _, c := range cases {
		t.Run(c.category, func(t *testing.T) {
			sc, err := Parse("fixture.yaml", []byte(strings.Replace(fixtureScenario, "category: availability", "category: "+c.category, 1)))
			if err != nil {
				t.Fatal(err)
			}
			e, _, err := Start(sc, ws, NewFakeClock(epoch), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := map[string]plan.Task{}
			for _, tk := range e.Tasks() {
				got[tk.ID] = tk
			}
			for id, d := range c.want {
				tk, ok := got[id]
				if !ok {
					t.Errorf("no timer %s", id)
					continue
				}
				if tk.Deadline.D() != d || tk.Kind != TimerReport || tk.Status != plan.TaskPending {
					t.Errorf("%s: %s %s due %s, want pending %s at %s", id, tk.Status, tk.Kind, tk.Deadline, TimerReport, plan.Duration(d))
				}
			}
			for _, id := range c.absent {
				if _, ok := got[id]; ok {
					t.Errorf("timer %s in a %s drill", id, c.category)
				}
			}
		})
	}
}

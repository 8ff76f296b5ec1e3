package scoring

import (
	"strings"
	"testing"

	"drillbook/plan"
)

// ladderPlan is a small 24/7 plan with the standard incident-command
// ladders: primary → secondary on-call → engineering manager, and
// incident commander → backup commander, with command handed to a fresh
// commander for Sev 1.
func ladderPlan() *plan.Workspace {
	ws := plan.New("Ladder Ltd")
	ws.Coverage.Mode = plan.Coverage24x7
	ws.Severities = []plan.Severity{{Level: 1, Name: "Critical", Targets: plan.Targets{Acknowledge: 5 * plan.Minute, Resolve: 4 * plan.Hour}}}
	for _, id := range []string{"ana", "ben", "chen", "mo", "ines", "jon", "kai"} {
		ws.People = append(ws.People, plan.Person{ID: id, Name: id})
	}
	ws.Roles = []plan.Role{
		{ID: "primary", Name: "Primary on-call", Functions: []plan.Function{plan.FunctionOnCall}, Members: []string{"ana", "ben", "chen"}},
		{ID: "secondary", Name: "Secondary on-call", Functions: []plan.Function{plan.FunctionOnCall}, Members: []string{"ben", "chen", "ana"}},
		{ID: "em", Name: "Engineering manager", Members: []string{"mo"}},
		{ID: "ic", Name: "Incident commander", Functions: []plan.Function{plan.FunctionIncidentManager}, Members: []string{"ines", "jon"}},
		{ID: "backup-ic", Name: "Backup commander", Members: []string{"kai"}},
	}
	all := plan.Weekdays
	ws.Coverage.Rota.Shifts = []plan.Shift{
		{ID: "p", Name: "Primary", Role: "primary", Days: all, Start: "00:00", End: "24:00", Members: []string{"ana", "ben", "chen"}},
		// Offset by one week: whoever is primary is never also secondary.
		{ID: "s", Name: "Secondary", Role: "secondary", Days: all, Start: "00:00", End: "24:00", Members: []string{"ben", "chen", "ana"}},
	}
	sev := []int{1}
	ws.EscalationRules = []plan.EscalationRule{
		{ID: "ack-1", Name: "Page secondary", Trigger: plan.TriggerUnacknowledged, Severities: sev, After: 5 * plan.Minute, EscalateTo: "secondary"},
		{ID: "ack-2", Name: "Page manager", Trigger: plan.TriggerUnacknowledged, Severities: sev, After: 5 * plan.Minute, Follows: "ack-1", EscalateTo: "em"},
		{ID: "res-1", Name: "Backup commander", Trigger: plan.TriggerUnresolved, Severities: sev, After: time30, EscalateTo: "backup-ic"},
		{ID: "res-2", Name: "Fresh commander", Trigger: plan.TriggerUnresolved, Severities: sev, After: 3 * plan.Hour, Follows: "res-1", EscalateTo: "em", HandoverTo: "ic"},
	}
	return ws
}

const time30 = 30 * plan.Minute

func escalationGaps(ws *plan.Workspace, id string) []Gap {
	c, _ := CriterionByID(id)
	return c.check(newState(ws, today))
}

func TestStandardLaddersPass(t *testing.T) {
	ws := ladderPlan()
	for _, id := range []string{"ESC-2.2", "ESC-3.2", "ESC-3.3"} {
		if gs := escalationGaps(ws, id); len(gs) > 0 {
			t.Errorf("%s fails a standard ladder: %v", id, gs)
		}
	}
}

func TestSamePersonEscalationsFail(t *testing.T) {
	tests := []struct {
		name, want string
		edit       func(*plan.Workspace)
	}{
		{"secondary rotation in step with the primary", "already on it", func(ws *plan.Workspace) {
			ws.Coverage.Rota.Shifts[1].Members = []string{"ana", "ben", "chen"}
		}},
		{"escalating to the role it came from", "already on it", func(ws *plan.Workspace) {
			ws.EscalationRules[1].EscalateTo = "secondary"
		}},
		{"manager who is also on the rota", "already on it", func(ws *plan.Workspace) {
			ws.Roles[2].Members = []string{"ben"}
		}},
		{"hand-over to a one-person commander role", "already in command", func(ws *plan.Workspace) {
			ws.Roles[3].Members = []string{"ines"}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := ladderPlan()
			tt.edit(ws)
			gs := escalationGaps(ws, "ESC-2.2")
			if len(gs) == 0 || !strings.Contains(gs[0].What, tt.want) {
				t.Errorf("ESC-2.2 gaps %v, want one saying %q", gs, tt.want)
			}
		})
	}
}

// Each tier is judged by its own delay, not by its time from detection.
func TestLadderTimingIsPerTier(t *testing.T) {
	ws := ladderPlan()
	// Three tiers of 5 minutes: 15 minutes from detection for the third,
	// more than twice the acknowledge target, but each tier waits only 5.
	ws.EscalationRules = append(ws.EscalationRules, plan.EscalationRule{ID: "ack-3", Name: "Page head", Trigger: plan.TriggerUnacknowledged, Severities: []int{1}, After: 5 * plan.Minute, Follows: "ack-2", EscalateTo: "backup-ic"})
	if gs := escalationGaps(ws, "ESC-3.2"); len(gs) > 0 {
		t.Errorf("per-tier delays within the target fail: %v", gs)
	}
	ws.EscalationRules[1].After = 20 * plan.Minute
	if gs := escalationGaps(ws, "ESC-3.2"); len(gs) != 1 || !strings.Contains(gs[0].Path, "escalationRules[1]") {
		t.Errorf("a 20-minute tier against a 5-minute acknowledge target: gaps %v, want escalationRules[1]", gs)
	}
}

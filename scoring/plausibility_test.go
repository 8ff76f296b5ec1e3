package scoring

import (
	"strings"
	"testing"

	"drillbook/plan"
)

// Each plausibility and substance check fails on an implausible plan and
// passes on the model (where every criterion passes).
func TestPlausibilityChecks(t *testing.T) {
	tests := []struct {
		criterion, want string
		edit            func(*plan.Workspace)
	}{
		{"SEV-2.4", "faster than any team", func(ws *plan.Workspace) { ws.Severities[0].Targets.Resolve = 5 * plan.Minute }},
		{"SEV-2.4", "no target", func(ws *plan.Workspace) { ws.Severities[3].Targets.Resolve = 300 * plan.Day }},
		{"SEV-2.4", "before it is acknowledged", func(ws *plan.Workspace) {
			ws.Severities[2].Targets.Acknowledge, ws.Severities[2].Targets.Resolve = 2*plan.Day, plan.Day
		}},
		{"SEV-2.4", "come after it is to be resolved", func(ws *plan.Workspace) {
			ws.Severities[1].Targets.UpdateCadence = 2 * ws.Severities[1].Targets.Resolve
		}},
		{"SEV-2.4", "Sev 2 is to be acknowledged within 3 days under 24/7", func(ws *plan.Workspace) { ws.Severities[1].Targets.Acknowledge = 3 * plan.Day }},
		{"SEV-2.4", "at most 1 h is plausible", func(ws *plan.Workspace) { ws.Severities[0].Targets.Acknowledge = plan.Day }},
		{"COV-2.5", "held by 1 person", func(ws *plan.Workspace) {
			for i := range ws.Coverage.Rota.Shifts {
				ws.Coverage.Rota.Shifts[i].Members = []string{ws.Coverage.Rota.Shifts[0].Members[0]}
			}
		}},
		{"PBK-2.6", "has 1 step", func(ws *plan.Workspace) { ws.Playbooks[0].Steps = ws.Playbooks[0].Steps[:1] }},
		{"PBK-2.1", "placeholder", func(ws *plan.Workspace) {
			for i := range ws.Playbooks[0].Steps {
				ws.Playbooks[0].Steps[i].Text = "TBD"
			}
		}},
		{"REG-2.4", "365 days", func(ws *plan.Workspace) { ws.ReportingObligations[0].Deadline = 365 * plan.Day }},
		{"REG-2.1", "names no one", func(ws *plan.Workspace) { ws.ReportingObligations[0].Body = "Relevant authority" }},
		{"TYP-2.1", "restate the type", func(ws *plan.Workspace) { ws.IncidentTypes[0].Criteria = []string{"Any security issue."} }},
		{"TYP-2.1", "no declaration criteria", func(ws *plan.Workspace) { ws.IncidentTypes[0].Criteria = []string{"TBC", "-"} }},
		{"TRI-2.4", "monitored", func(ws *plan.Workspace) {
			for i := range ws.Coverage.Rota.Shifts {
				ws.Coverage.Rota.Shifts[i].Members = []string{ws.Coverage.Rota.Shifts[0].Members[0]}
			}
			ws.Reporting.Channels[0].Channel, ws.Reporting.Channels[0].Monitored = plan.ChannelEmail, "24/7"
		}},
		{"ROL-2.2", "no contact", func(ws *plan.Workspace) {
			for i := range ws.People[0].Contacts {
				ws.People[0].Contacts[i].Value = "call me"
				ws.People[0].Contacts[i].Channel = plan.ChannelPhone
			}
		}},
		{"TP-2.1", "no contact", func(ws *plan.Workspace) {
			for i := range ws.ThirdParties[0].Contacts {
				ws.ThirdParties[0].Contacts[i].Channel, ws.ThirdParties[0].Contacts[i].Value = plan.ChannelEmail, "support"
			}
		}},
		{"ESC-2.1", "nobody in it has a contact", func(ws *plan.Workspace) {
			to := ws.Role(ws.EscalationRules[0].EscalateTo)
			for _, m := range to.Members {
				p := ws.Person(m)
				for i := range p.Contacts {
					p.Contacts[i].Value = "TBC"
				}
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.criterion+" "+tt.want, func(t *testing.T) {
			if r := Assess(modelWorkspace(), today).Criterion(tt.criterion); r.Status != Pass {
				t.Fatalf("fails on the model: %v", r.Gaps)
			}
			ws := modelWorkspace()
			tt.edit(ws)
			r := Assess(ws, today).Criterion(tt.criterion)
			var whats []string
			for _, g := range r.Gaps {
				whats = append(whats, g.What)
			}
			if r.Status != Fail || !strings.Contains(strings.Join(whats, "; "), tt.want) {
				t.Errorf("%s: %s %q, want a gap saying %q", tt.criterion, r.Status, whats, tt.want)
			}
		})
	}
}

// Republishing a playbook's steps unchanged is a review, not an
// improvement.
func TestUnchangedRevisionIsNoImprovement(t *testing.T) {
	ws := modelWorkspace()
	ws.Actions = nil
	for i := range ws.Playbooks {
		pb := &ws.Playbooks[i]
		// Every revision in the window republishes the one before it.
		for k := 1; k < len(pb.Revisions); k++ {
			pb.Revisions[k].Steps = pb.Revisions[k-1].Steps
		}
		if len(pb.Revisions) > 0 { // the first publication is old
			pb.Revisions[0].Date = plan.DateOf(today.Time().AddDate(-2, 0, 0))
		}
	}
	if r := Assess(ws, today).Criterion("IMP-1.1"); r.Status != Fail {
		t.Errorf("only unchanged republications in the last year: IMP-1.1 %s", r.Status)
	}
}

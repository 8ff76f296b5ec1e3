package scoring

import (
	"strings"
	"testing"

	"drillbook/plan"
)

func TestRotaHoles(t *testing.T) {
	shift := func(days []plan.Weekday, start, end string) plan.Shift {
		return plan.Shift{ID: "s", Name: "s", Role: "r", Days: days, Start: start, End: end, Members: []string{"p"}}
	}
	all := []plan.Weekday{plan.Mon, plan.Tue, plan.Wed, plan.Thu, plan.Fri, plan.Sat, plan.Sun}
	weekdays := all[:5]
	bh := plan.BusinessHours{Days: weekdays, Start: "09:00", End: "17:30"}
	tests := []struct {
		name string
		cov  plan.Coverage
		want []string
	}{
		{"demo", plan.Demo().Coverage, []string{"Sunday 00:00–08:00 (8h)"}},
		{"full week in one overnight pattern", plan.Coverage{Mode: plan.Coverage24x7, Rota: plan.Rota{Shifts: []plan.Shift{shift(all, "08:00", "08:00"), shift(all, "08:00", "20:00"), shift(all, "20:00", "08:00")}}}, nil},
		{"hole wrapping from Sunday into Monday", plan.Coverage{Mode: plan.Coverage24x7, Rota: plan.Rota{Shifts: []plan.Shift{shift(all[1:6], "00:00", "24:00"), shift([]plan.Weekday{plan.Sun}, "00:00", "22:00"), shift([]plan.Weekday{plan.Mon}, "06:00", "24:00")}}},
			[]string{"Sunday 22:00–Monday 06:00 (8h)"}},
		{"shift with nobody on it covers nothing", plan.Coverage{Mode: plan.Coverage24x7, Rota: plan.Rota{Shifts: []plan.Shift{shift(all, "00:00", "12:00"), {Days: all, Start: "12:00", End: "24:00"}}}},
			[]string{"Monday 12:00–24:00 (12h)", "Tuesday 12:00–24:00 (12h)", "Wednesday 12:00–24:00 (12h)", "Thursday 12:00–24:00 (12h)", "Friday 12:00–24:00 (12h)", "Saturday 12:00–24:00 (12h)", "Sunday 12:00–24:00 (12h)"}},
		{"business hours covered", plan.Coverage{Mode: plan.CoverageBusinessHours, BusinessHours: bh, Rota: plan.Rota{Shifts: []plan.Shift{shift(weekdays, "09:00", "17:30")}}}, nil},
		{"business hours with a gap", plan.Coverage{Mode: plan.CoverageBusinessHours, BusinessHours: bh, Rota: plan.Rota{Shifts: []plan.Shift{shift(weekdays[:4], "09:00", "17:30")}}}, []string{"Friday 09:00–17:30 (8h30m)"}},
		{"business hours without a rota", plan.Coverage{Mode: plan.CoverageBusinessHours, BusinessHours: bh}, nil},
		{"24/7 with no shifts is the whole week", plan.Coverage{Mode: plan.Coverage24x7}, []string{"Monday 00:00–Sunday 24:00 (1w)"}},
		{"bad times are ignored", plan.Coverage{Mode: plan.Coverage24x7, Rota: plan.Rota{Shifts: []plan.Shift{shift(all, "00:00", "24:00"), shift([]plan.Weekday{"funday"}, "25:00", "x")}}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, h := range rotaHoles(tt.cov) {
				got = append(got, h.String()+" ("+h.length().String()+")")
			}
			if strings.Join(got, "; ") != strings.Join(tt.want, "; ") {
				t.Errorf("holes %q, want %q", got, tt.want)
			}
		})
	}
}

// TestEscalationToTheSamePeople covers the ways a rule can escalate to
// the people who already have the incident.
func TestEscalationToTheSamePeople(t *testing.T) {
	tests := []struct {
		name   string
		mutate func(ws *plan.Workspace)
		fails  bool
	}{
		{"model", func(*plan.Workspace) {}, false},
		{"unresolved escalates to the incident manager role", func(ws *plan.Workspace) { ws.EscalationRules[2].EscalateTo = "incident-manager" }, true},
		{"unacknowledged escalates to the on-call role", func(ws *plan.Workspace) { ws.EscalationRules[0].EscalateTo = "on-call-engineer" }, true},
		{"target role held by the same people", func(ws *plan.Workspace) {
			ws.Role("head-of-engineering").Members = []string{"daniel-okafor", "amira-khan"}
		}, true},
		{"same first-in-line holder", func(ws *plan.Workspace) {
			ws.Role("head-of-engineering").Members = []string{"amira-khan", "priya-raman"}
		}, true},
		{"hand-over of command to the incident managers", func(ws *plan.Workspace) { ws.EscalationRules[2].HandoverTo = "incident-manager" }, true},
		{"overlap but someone new", func(ws *plan.Workspace) {
			ws.Role("head-of-engineering").Members = []string{"priya-raman", "amira-khan"}
		}, false},
		{"no on-call role: unacknowledged to the incident manager is fine", func(ws *plan.Workspace) {
			ws.Role("on-call-engineer").Functions = nil
			ws.Role("triage-lead").Functions = nil
		}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := modelWorkspace()
			tt.mutate(ws)
			r := Assess(ws, today).Criterion("ESC-2.2")
			if (r.Status == Fail) != tt.fails {
				t.Errorf("ESC-2.2 %s: %v", r.Status, r.Gaps)
			}
		})
	}
}

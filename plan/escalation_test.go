package plan

import (
	"fmt"
	"strings"
	"testing"
)

// pathText renders a path compactly for comparison:
// "T+30m unresolved→head [carol,alice] handover→head mgr=carol !same !nobody".
func pathText(steps []PathStep) string {
	var lines []string
	for _, s := range steps {
		var ids []string
		for _, p := range s.People {
			ids = append(ids, p.ID)
		}
		l := fmt.Sprintf("T+%s", s.At)
		if s.RuleIndex < 0 {
			l += " paged(" + s.Paged + ")"
		} else {
			l += " " + string(s.Trigger)
		}
		l += fmt.Sprintf("→%s [%s]", s.Role, strings.Join(ids, ","))
		if s.Handover != nil {
			l += " handover→" + s.Handover.Role
			if s.Handover.Nobody {
				l += "(nobody)"
			}
		}
		l += " mgr=" + s.Manager.ID
		if s.SamePerson {
			l += " SAME"
		}
		if s.Nobody {
			l += " NOBODY"
		}
		lines = append(lines, l)
	}
	return strings.Join(lines, "\n")
}

func TestEscalationPathDemo(t *testing.T) {
	ws := Demo()
	want := map[int]string{
		1: `T+0 paged(rota)→on-call-engineer [oluwaseun-adeyemi,tom-ashworth,chloe-bennett] mgr=amira-khan
T+5m unacknowledged→incident-manager [amira-khan,daniel-okafor] mgr=amira-khan
T+30m unresolved→head-of-engineering [priya-raman,gareth-llewellyn] handover→head-of-engineering mgr=priya-raman
T+45m no-update→head-of-engineering [priya-raman,gareth-llewellyn] mgr=priya-raman`,
		2: `T+0 paged(rota)→on-call-engineer [oluwaseun-adeyemi,tom-ashworth,chloe-bennett] mgr=amira-khan
T+15m unacknowledged→incident-manager [amira-khan,daniel-okafor] mgr=amira-khan
T+1h30m no-update→incident-manager [amira-khan,daniel-okafor] mgr=amira-khan
T+2h unresolved→head-of-engineering [priya-raman,gareth-llewellyn] mgr=amira-khan`,
		3: `T+0 paged(rota)→on-call-engineer [oluwaseun-adeyemi,tom-ashworth,chloe-bennett] mgr=amira-khan
T+2d unresolved→platform-lead [daniel-okafor,chloe-bennett] mgr=amira-khan`,
		4: `T+0 paged(rota)→on-call-engineer [oluwaseun-adeyemi,tom-ashworth,chloe-bennett] mgr=amira-khan`,
		9: `T+0 paged(rota)→on-call-engineer [oluwaseun-adeyemi,tom-ashworth,chloe-bennett] mgr=amira-khan`,
	}
	for sev, w := range want {
		if got := pathText(ws.EscalationPath(sev)); got != w {
			t.Errorf("severity %d:\n got %s\nwant %s", sev, got, w)
		}
	}
	p := ws.EscalationPath(1)
	if s := p[2]; s.Rule != "sev1-unresolved-30m" || s.RuleIndex != 2 || s.RuleName != "Sev 1 not resolved in 30 minutes" ||
		s.RoleName != "Head of Engineering (Escalation)" || s.People[0].Name != "Priya Raman" || s.Notes == "" || s.Primary().ID != "priya-raman" {
		t.Errorf("step 2 = %+v", s)
	}
	if p[0].RoleName != "On-call Engineer" || p[0].Manager.Name != "Amira Khan" {
		t.Errorf("step 0 = %+v", p[0])
	}
}

func TestEscalationPathCrafted(t *testing.T) {
	base := func() *Workspace {
		w := smallPlan()
		w.EscalationRules = nil
		return w
	}
	rule := func(id string, trig Trigger, after Duration, to, handover string, sevs ...int) EscalationRule {
		return EscalationRule{ID: id, Name: id, Trigger: trig, Severities: sevs, After: after, EscalateTo: to, HandoverTo: handover}
	}
	cases := []struct {
		name string
		edit func(w *Workspace)
		want string
	}{
		{"no rules", func(w *Workspace) {},
			"T+0 paged(rota)→oncall [bob] mgr=alice"},
		{"rules sorted by time, ties in plan order, other severities left out", func(w *Workspace) {
			w.EscalationRules = []EscalationRule{
				rule("late", TriggerUnresolved, Hour, "head", "", 1),
				rule("other-sev", TriggerUnresolved, Minute, "head", "", 2),
				rule("tie-a", TriggerNoUpdate, 10*Minute, "comms", "", 1, 2),
				rule("tie-b", TriggerUnacknowledged, 10*Minute, "im", "", 1),
				rule("negative", TriggerUnresolved, -Minute, "head", "", 1),
				rule("zero", TriggerUnacknowledged, 0, "oncall", "", 1),
			}
		}, `T+0 paged(rota)→oncall [bob] mgr=alice
T+0 unacknowledged→oncall [bob] mgr=alice
T+10m no-update→comms [carol] mgr=alice
T+10m unacknowledged→im [alice] mgr=alice
T+1h unresolved→head [carol] mgr=alice`},
		{"unknown and empty roles resolve to nobody", func(w *Workspace) {
			w.Roles[3].Members = []string{"ghost", ""}
			w.EscalationRules = []EscalationRule{
				rule("a", TriggerUnresolved, Hour, "cto", "", 1),
				rule("b", TriggerUnresolved, 2*Hour, "head", "", 1),
				rule("c", TriggerUnresolved, 3*Hour, "", "", 1),
			}
		}, `T+0 paged(rota)→oncall [bob] mgr=alice
T+1h unresolved→cto [] mgr=alice NOBODY
T+2h unresolved→head [] mgr=alice NOBODY
T+3h unresolved→ [] mgr=alice NOBODY`},
		{"handover changes the manager, and later steps compare against them", func(w *Workspace) {
			w.Roles[3].Members = []string{"carol", "alice"}
			w.EscalationRules = []EscalationRule{
				rule("up", TriggerUnresolved, 30*Minute, "head", "head", 1),
				rule("comms", TriggerNoUpdate, Hour, "comms", "", 1), // carol again, in another role
				rule("back", TriggerUnresolved, 2*Hour, "im", "im", 1),
			}
		}, `T+0 paged(rota)→oncall [bob] mgr=alice
T+30m unresolved→head [carol,alice] handover→head mgr=carol
T+1h no-update→comms [carol] mgr=carol SAME
T+2h unresolved→im [alice] handover→im mgr=alice`},
		{"escalating to the incident manager's own role is not the same person", func(w *Workspace) {
			w.EscalationRules = []EscalationRule{rule("im", TriggerUnacknowledged, 5*Minute, "im", "", 1)}
		}, `T+0 paged(rota)→oncall [bob] mgr=alice
T+5m unacknowledged→im [alice] mgr=alice`},
		{"senior role held by the incident manager", func(w *Workspace) {
			w.Roles[3].Members = []string{"alice"}
			w.EscalationRules = []EscalationRule{rule("up", TriggerUnresolved, 30*Minute, "head", "", 1)}
		}, `T+0 paged(rota)→oncall [bob] mgr=alice
T+30m unresolved→head [alice] mgr=alice SAME`},
		{"senior role held by the person paged", func(w *Workspace) {
			w.Roles[3].Members = []string{"bob", "carol"}
			w.EscalationRules = []EscalationRule{rule("up", TriggerUnresolved, 30*Minute, "head", "", 1)}
		}, `T+0 paged(rota)→oncall [bob] mgr=alice
T+30m unresolved→head [bob,carol] mgr=alice SAME`},
		{"handover to nobody leaves nobody in command", func(w *Workspace) {
			w.EscalationRules = []EscalationRule{
				rule("up", TriggerUnresolved, 30*Minute, "head", "ghost", 1),
				rule("later", TriggerUnresolved, Hour, "comms", "", 1),
			}
		}, `T+0 paged(rota)→oncall [bob] mgr=alice
T+30m unresolved→head [carol] handover→ghost(nobody) mgr=
T+1h unresolved→comms [carol] mgr=`},
		{"no rota: the on-call role is paged", func(w *Workspace) {
			w.Coverage.Rota.Shifts = nil
		}, "T+0 paged(on-call)→oncall [bob] mgr=alice"},
		{"rota with unusable shifts falls back too", func(w *Workspace) {
			w.Coverage.Rota.Shifts = []Shift{{Start: "bad", End: "24:00", Days: Weekdays, Members: []string{"carol"}}, {Start: "00:00", End: "01:00", Members: []string{"ghost"}}}
		}, "T+0 paged(on-call)→oncall [bob] mgr=alice"},
		{"no on-call: triage is paged", func(w *Workspace) {
			w.Coverage.Rota.Shifts = nil
			w.Roles[1].Functions = nil
		}, "T+0 paged(triage)→im [alice] mgr=alice"},
		{"triage by function", func(w *Workspace) {
			w.Coverage.Rota.Shifts = nil
			w.Roles[1].Functions = nil
			w.Triage.Role = ""
			w.Roles[0].Functions = []Function{FunctionIncidentManager}
			w.Roles[2].Functions = []Function{FunctionTriage}
		}, "T+0 paged(triage)→comms [carol] mgr=alice"},
		{"nobody to page and no incident manager", func(w *Workspace) {
			w.Coverage.Rota.Shifts = nil
			w.Triage.Role = "ghost"
			w.Roles = nil
		}, "T+0 paged()→ [] mgr= NOBODY"},
		{"rota members: each shift's primary first, no repeats", func(w *Workspace) {
			w.Coverage.Rota.Shifts = []Shift{
				shift(Weekdays, "08:00", "20:00", "alice", "bob", "carol"),
				shift(Weekdays, "20:00", "08:00", "carol", "ghost", "alice"),
			}
			w.Coverage.Rota.Shifts[0].Role = "oncall"
		}, "T+0 paged(rota)→oncall [alice,carol,bob] mgr=alice"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ws := base()
			c.edit(ws)
			if got := pathText(ws.EscalationPath(1)); got != c.want {
				t.Errorf("\n got %s\nwant %s", got, c.want)
			}
		})
	}
}

func TestEscalationPathNil(t *testing.T) {
	var ws *Workspace
	if p := ws.EscalationPath(1); p != nil {
		t.Errorf("nil workspace: %v", p)
	}
	if p := (&Workspace{}).EscalationPath(1); len(p) != 1 || !p[0].Nobody || p[0].Paged != PagedNothing {
		t.Errorf("empty workspace: %+v", p)
	}
}

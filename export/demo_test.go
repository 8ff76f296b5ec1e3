package export

import (
	"hash/fnv"
	"testing"
	"time"

	"drillbook/plan"
	"drillbook/scenarios"
	"drillbook/scoring"
)

// reportDay is the fixed day the test reports are made on.
var reportDay = plan.NewDate(2026, time.November, 24)

// demoWorkspace is the built-in demo with two exercise runs played by the
// engine on a fake clock, a stored earlier assessment (for the trend) and
// the proposed improvement actions partly accepted, so every report
// section has real content.
func demoWorkspace(t testing.TB) *plan.Workspace {
	t.Helper()
	ws := plan.Demo()
	lib, err := scenarios.Library()
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]*scenarios.Scenario{}
	for _, s := range lib {
		byID[s.ID] = s
	}
	starts := []time.Time{
		time.Date(2026, time.June, 12, 14, 0, 0, 0, time.UTC),
		time.Date(2026, time.October, 30, 19, 30, 0, 0, time.UTC),
	}
	for i, id := range []string{"expired-certificate", "dns-zone-suspended"} {
		sc := byID[id]
		if sc == nil {
			t.Fatalf("no built-in scenario %q", id)
		}
		ws.Runs = append(ws.Runs, *autoplay(t, sc, ws, starts[i], i))
	}
	// An earlier assessment, before the exercises, for the trend arrow.
	earlier := scoring.Assess(&plan.Workspace{
		SchemaVersion: ws.SchemaVersion, Organisation: ws.Organisation, IncidentTypes: ws.IncidentTypes,
		Severities: ws.Severities, ThirdParties: ws.ThirdParties, People: ws.People, Roles: ws.Roles,
	}, plan.NewDate(2026, time.May, 2))
	scoring.StoreRecord(ws, scoring.Record(earlier))
	a := scoring.Assess(ws, reportDay)
	for i, act := range scoring.ProposeActions(a, ws, reportDay.Add(-30*plan.Day)) {
		if i >= 6 {
			break
		}
		act.Status = []plan.ActionStatus{plan.ActionOpen, plan.ActionInProgress, plan.ActionDone}[i%3]
		ws.Actions = append(ws.Actions, act)
	}
	return ws
}

// autoplay runs a scenario as a plausible team would: most tasks are done
// within their window, some late and a few never, decided by a hash of
// the task ID so the run is the same every time.
func autoplay(t testing.TB, sc *scenarios.Scenario, ws *plan.Workspace, start time.Time, seed int) *plan.Run {
	t.Helper()
	clk := scenarios.NewFakeClock(start)
	var actor string
	if len(ws.People) > 0 {
		actor = ws.People[0].ID
	}
	e, _, err := scenarios.Start(sc, ws, clk, scenarios.Options{RunID: sc.ID + "-" + start.Format("20060102"), Speed: 1, Facilitator: actor,
		Participants: participants(ws)})
	if err != nil {
		t.Fatal(err)
	}
	done := map[string]bool{}
	length := sc.Duration.D()
	if length <= 0 {
		length = time.Hour
	}
	for now := time.Duration(0); now < length; now += 30 * time.Second {
		clk.Advance(30 * time.Second)
		if _, err := e.Tick(); err != nil {
			t.Fatal(err)
		}
		cur := e.Now()
		for _, tk := range e.Tasks() {
			if done[tk.ID] || tk.MetAt != nil || tk.Status == plan.TaskNotNeeded || tk.Status == "armed" || tk.Start.D() > cur {
				continue
			}
			h := fnv.New32a()
			h.Write([]byte(tk.ID))
			pick := (int(h.Sum32()) + seed) % 10
			window := tk.Deadline.D() - tk.Start.D()
			when := tk.Start.D() + window*4/10
			switch {
			case pick == 0:
				done[tk.ID] = true // never done: missed
				continue
			case pick <= 2:
				when = tk.Deadline.D() + 3*time.Minute
			}
			if cur < when {
				continue
			}
			done[tk.ID] = true
			act(t, e, tk, actor, pick)
		}
	}
	run, _, err := e.End([]plan.HotwashNote{
		{Question: "What went well?", Answer: "The on-call engineer acknowledged the page quickly and the incident channel was open within minutes."},
		{Question: "What should change?", Answer: "Supplier out-of-hours numbers must be in the playbook, not only in the password vault. Customer comms waited too long for technical certainty."},
	})
	if err != nil {
		t.Fatal(err)
	}
	run.ID = sc.ID + "-" + start.Format("0102")
	return run
}

func participants(ws *plan.Workspace) []plan.Participant {
	var out []plan.Participant
	for i, r := range ws.Roles {
		if i >= 5 || len(r.Members) == 0 {
			break
		}
		out = append(out, plan.Participant{Person: r.Members[0], Role: r.ID})
	}
	return out
}

// act records the action that satisfies a task.
func act(t testing.TB, e *scenarios.Engine, tk plan.Task, actor string, pick int) {
	t.Helper()
	a := scenarios.Action{Actor: actor, Text: "Recorded by the facilitator."}
	target := func() string {
		if b := e.Binding(scenarios.Ref(tk.Target)); len(b.IDs) > 0 {
			return b.IDs[0]
		}
		return tk.Target
	}
	switch tk.Kind {
	case string(scenarios.ExpectDecide):
		id := tk.ID[len("decision:"):]
		if _, err := e.Decide(id, 1+pick%2, actor); err != nil {
			t.Fatal(err)
		}
		return
	case scenarios.TimerAcknowledge:
		a.Kind = scenarios.ExpectAcknowledge
	case scenarios.TimerFirstUpdate, scenarios.TimerUpdateCadence:
		a.Kind = scenarios.ExpectNotify
		if ws := e.Workspace(); len(ws.Stakeholders) > 0 {
			a.Target = ws.Stakeholders[0].ID
		}
	case scenarios.TimerStakeholder:
		a.Kind, a.Target = scenarios.ExpectNotify, tk.Target
	case scenarios.TimerResolve:
		a.Kind = scenarios.ActionResolve
	case scenarios.TimerEscalation:
		a.Kind, a.Target = scenarios.ExpectEscalate, tk.Target
	case scenarios.TimerReport:
		a.Kind, a.Target = scenarios.ExpectReport, tk.Target
	case string(scenarios.ExpectSetSeverity):
		a.Kind, a.Severity = scenarios.ExpectSetSeverity, 1
	default:
		a.Kind = scenarios.ExpectKind(tk.Kind)
		if tk.Target != "" {
			a.Target = target()
		}
	}
	if _, err := e.Record(a); err != nil {
		t.Fatalf("record %s for %s: %v", a.Kind, tk.ID, err)
	}
}

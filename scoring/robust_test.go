package scoring

import (
	"bytes"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"testing"
	"time"

	"drillbook/plan"
	"drillbook/plan/plantest"
)

// exercise calls every entry point on a workspace; it must not panic.
func exerciseAPI(t *testing.T, ws *plan.Workspace) *Assessment {
	t.Helper()
	a := Assess(ws, today)
	if len(a.Dimensions) != len(Dimensions()) {
		t.Fatalf("%d dimensions", len(a.Dimensions))
	}
	for _, d := range a.Dimensions {
		if d.Level < 0 || d.Level > 4 || d.Progress < float64(d.Level) || d.Progress > 4 || math.IsNaN(d.Progress) {
			t.Fatalf("%s: level %d progress %v", d.Dimension.ID, d.Level, d.Progress)
		}
		NextLevel(a, d.Dimension.ID)
	}
	if a.Index < 0 || a.Index > 100 || math.IsNaN(a.Index) {
		t.Fatalf("index %v", a.Index)
	}
	for _, f := range a.Findings {
		if f.ID == "" || f.Where == "" || f.What == "" {
			t.Fatalf("incomplete finding %+v", f)
		}
	}
	if ws != nil {
		acts := ProposeActions(a, ws, today)
		for _, act := range acts {
			if !plan.ValidID(act.ID) {
				t.Fatalf("invalid action ID %q", act.ID)
			}
			ActionState(ws, act, today)
		}
		LinkRevisions(ws)
	}
	Compare(Record(a), plan.AssessmentRecord{})
	return a
}

func TestAssessOddWorkspaces(t *testing.T) {
	cases := map[string]*plan.Workspace{
		"nil":   nil,
		"zero":  {},
		"new":   plan.New("x"),
		"large": plantest.Large(),
		"empty items": {
			IncidentTypes:        make([]plan.IncidentType, 2),
			Reporting:            plan.Reporting{Channels: make([]plan.ReportingChannel, 1)},
			Severities:           make([]plan.Severity, 2),
			ThirdParties:         []plan.ThirdParty{{Contacts: make([]plan.Contact, 1)}},
			Coverage:             plan.Coverage{Mode: plan.Coverage24x7, Rota: plan.Rota{Shifts: make([]plan.Shift, 2)}},
			Stakeholders:         []plan.Stakeholder{{Cadence: make([]plan.Cadence, 2)}},
			People:               []plan.Person{{Contacts: make([]plan.Contact, 1)}},
			Roles:                []plan.Role{{Members: make([]string, 2), Functions: []plan.Function{plan.FunctionIncidentManager}}},
			Responsibilities:     make([]plan.Responsibility, 2),
			EscalationRules:      make([]plan.EscalationRule, 2),
			ReportingObligations: []plan.ReportingObligation{{IncidentTypes: []string{""}, Severities: []int{0}}},
			Playbooks:            []plan.Playbook{{Steps: make([]plan.Step, 1), References: []string{""}, Revisions: make([]plan.Revision, 2)}, {}},
			Runs:                 []plan.Run{{Tasks: make([]plan.Task, 3), Bindings: make([]plan.RunBinding, 1), Decisions: make([]plan.DecisionRecord, 1)}, {}},
			NotApplicable:        make([]plan.NotApplicable, 2),
			Actions:              make([]plan.Action, 2),
			Assessments:          make([]plan.AssessmentRecord, 2),
		},
	}
	for name, ws := range cases {
		t.Run(name, func(t *testing.T) {
			a := exerciseAPI(t, ws)
			if name == "new" && (a.Tier != TierNone || a.Index > 25) {
				t.Errorf("new workspace: tier %s index %v", a.Tier, a.Index)
			}
		})
	}
}

// mutations break a workspace in the ways hand-edited or half-migrated
// files do: dangling references, duplicates, empty and absurd values.
var mutations = []func(ws *plan.Workspace, r *rand.Rand){
	func(ws *plan.Workspace, r *rand.Rand) { ws.People = truncate(ws.People, r) },
	func(ws *plan.Workspace, r *rand.Rand) { ws.Roles = truncate(ws.Roles, r) },
	func(ws *plan.Workspace, r *rand.Rand) { ws.Playbooks = truncate(ws.Playbooks, r) },
	func(ws *plan.Workspace, r *rand.Rand) { ws.Severities = truncate(ws.Severities, r) },
	func(ws *plan.Workspace, r *rand.Rand) { ws.IncidentTypes = truncate(ws.IncidentTypes, r) },
	func(ws *plan.Workspace, r *rand.Rand) { ws.Coverage.Rota.Shifts = truncate(ws.Coverage.Rota.Shifts, r) },
	func(ws *plan.Workspace, r *rand.Rand) { ws.Runs = truncate(ws.Runs, r) },
	func(ws *plan.Workspace, r *rand.Rand) { ws.Stakeholders = truncate(ws.Stakeholders, r) },
	func(ws *plan.Workspace, r *rand.Rand) {
		if len(ws.People) > 0 {
			ws.People[r.IntN(len(ws.People))].Deputy = pick(r, "ghost", "", ws.People[0].ID)
		}
	},
	func(ws *plan.Workspace, r *rand.Rand) {
		if len(ws.Roles) > 0 {
			role := &ws.Roles[r.IntN(len(ws.Roles))]
			role.Members = append(role.Members, "ghost", "")
			role.Functions = append(role.Functions, "nonsense")
		}
	},
	func(ws *plan.Workspace, r *rand.Rand) {
		if len(ws.Roles) > 0 {
			ws.Roles = append(ws.Roles, ws.Roles[r.IntN(len(ws.Roles))]) // duplicate ID
		}
	},
	func(ws *plan.Workspace, r *rand.Rand) {
		if len(ws.EscalationRules) > 0 {
			e := &ws.EscalationRules[r.IntN(len(ws.EscalationRules))]
			e.EscalateTo, e.HandoverTo, e.After = pick(r, "ghost", "", "incident-manager"), pick(r, "ghost", "incident-manager", ""), plan.Duration(r.Int64N(1e15)-5e14)
			e.Severities = []int{0, -3, 99}
			e.Trigger = plan.Trigger(pick(r, "weird", "unresolved", ""))
		}
	},
	func(ws *plan.Workspace, r *rand.Rand) {
		if len(ws.Severities) > 0 {
			s := &ws.Severities[r.IntN(len(ws.Severities))]
			s.Level = r.IntN(7) - 3
			s.Targets.Acknowledge = -plan.Hour
			s.Targets.Resolve = 1 << 62
		}
	},
	func(ws *plan.Workspace, r *rand.Rand) {
		if len(ws.Coverage.Rota.Shifts) > 0 {
			sh := &ws.Coverage.Rota.Shifts[r.IntN(len(ws.Coverage.Rota.Shifts))]
			sh.Start, sh.End = pick(r, "24:00", "25:00", "", "00:00", "23:59"), pick(r, "24:00", "x", "00:00", "00:01")
			sh.Days = []plan.Weekday{"mon", "funday", ""}
			sh.Role = pick(r, "ghost", "", "on-call-engineer")
		}
	},
	func(ws *plan.Workspace, r *rand.Rand) {
		ws.Coverage.Mode = plan.CoverageMode(pick(r, "", "24x7", "business-hours", "sometimes"))
		ws.Coverage.BusinessHours.Start, ws.Coverage.BusinessHours.End = pick(r, "17:00", "", "99:99"), pick(r, "09:00", "")
	},
	func(ws *plan.Workspace, r *rand.Rand) {
		if len(ws.Playbooks) > 0 {
			pb := &ws.Playbooks[r.IntN(len(ws.Playbooks))]
			pb.References = append(pb.References, pb.ID, "ghost", "")
			pb.ReviewInterval = plan.Duration(r.Int64N(1e17) - 5e16)
			pb.Revisions = append(pb.Revisions, plan.Revision{Number: -1}, plan.Revision{Number: 1, Date: plan.NewDate(2999, 1, 1)})
			pb.Steps = append(pb.Steps, plan.Step{References: []string{"ghost"}})
			pb.Role = pick(r, "ghost", "")
		}
	},
	func(ws *plan.Workspace, r *rand.Rand) {
		run := plan.Run{ID: pick(r, "", "run-x", "run-x"), ScenarioID: pick(r, "", "s"), Started: time.Date(2026, time.Month(1+r.IntN(12)), 1+r.IntN(28), 0, 0, 0, 0, time.UTC)}
		if r.IntN(4) == 0 {
			run.Started = time.Time{}
		}
		for j := 0; j < r.IntN(30); j++ {
			met := plan.Duration(r.Int64N(1e13) - 1e12)
			task := plan.Task{ID: fmt.Sprint("t", j), Kind: pick(r, "escalate", "acknowledge", "", "decide", "report-deadline"), Status: pick(r, "met", "late", "missed", "pending", "not-needed", "bogus", ""),
				Start: plan.Duration(r.Int64N(1e12)), Deadline: plan.Duration(r.Int64N(1e12)), Weight: []float64{0, -1, math.NaN(), math.Inf(1), 2, 1e308}[r.IntN(6)]}
			if r.IntN(2) == 0 {
				task.MetAt = &met
			}
			run.Tasks = append(run.Tasks, task)
		}
		run.Bindings = []plan.RunBinding{{Ref: pick(r, "", "third-party:x", "a:b:c", "on-call"), Gap: pick(r, "", "missing")}}
		run.Decisions = []plan.DecisionRecord{{Grade: pick(r, "poor", "good", "")}}
		ws.Runs = append(ws.Runs, run)
	},
	func(ws *plan.Workspace, r *rand.Rand) {
		ws.NotApplicable = append(ws.NotApplicable, plan.NotApplicable{Criterion: pick(r, "SEV-2.1", "", "X", "COV-2.3"), Reason: pick(r, "", "because")})
	},
	func(ws *plan.Workspace, r *rand.Rand) {
		ws.Actions = append(ws.Actions, plan.Action{ID: pick(r, "", "a", "a"), Finding: pick(r, "", "RUN-", "ROL-2.3"), Status: plan.ActionStatus(pick(r, "done", "open", "", "zzz")),
			Playbook: pick(r, "", "ghost", "oncall-dns-failover"), AddressedByRevision: r.IntN(5) - 1, Created: plan.NewDate(2020+r.IntN(8), 1, 1), Due: plan.NewDate(2020+r.IntN(8), 6, 1)})
	},
	func(ws *plan.Workspace, r *rand.Rand) {
		for i := range ws.Responsibilities {
			if r.IntN(3) == 0 {
				ws.Responsibilities[i].Role = pick(r, "ghost", "")
				ws.Responsibilities[i].RACI = plan.RACI(pick(r, "R", "A", "Z"))
			}
		}
	},
	func(ws *plan.Workspace, r *rand.Rand) {
		for i := range ws.ThirdParties {
			ws.ThirdParties[i].Contacts = truncate(ws.ThirdParties[i].Contacts, r)
			ws.ThirdParties[i].Criticality = plan.Criticality(pick(r, "critical", "", "high", "extreme"))
		}
	},
}

func truncate[T any](s []T, r *rand.Rand) []T {
	if len(s) == 0 || r.IntN(3) == 0 {
		return nil
	}
	return s[:r.IntN(len(s)+1)]
}

func pick(r *rand.Rand, options ...string) string { return options[r.IntN(len(options))] }

// TestAssessMutatedDemo applies random (seeded, so repeatable) mutations
// to the demo and the model: Assess and the other entry points must never
// panic, however invalid the result.
func TestAssessMutatedDemo(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	n := 400
	if testing.Short() {
		n = 50
	}
	for i := 0; i < n; i++ {
		ws := plan.Demo()
		if i%2 == 1 {
			ws = modelWorkspace()
		}
		for k := 0; k < 1+r.IntN(6); k++ {
			mutations[r.IntN(len(mutations))](ws, r)
		}
		exerciseAPI(t, ws)
	}
}

// FuzzAssess decodes arbitrary workspace documents and assesses whatever
// the decoder accepts.
func FuzzAssess(f *testing.F) {
	f.Add([]byte(`{"schemaVersion": 1}`))
	f.Add([]byte(`{"schemaVersion": 1, "coverage": {"mode": "24x7", "rota": {"shifts": [{"id": "a", "days": ["sun"], "start": "22:00", "end": "02:00", "members": ["p"]}]}}}`))
	f.Add([]byte(`{"schemaVersion": 1, "roles": [{"id": "im", "functions": ["incident-manager"], "members": ["x", "x"]}], "escalationRules": [{"id": "e", "trigger": "unresolved", "severities": [1], "after": "5m", "escalateTo": "im"}]}`))
	f.Add([]byte(`{"schemaVersion": 1, "runs": [{"id": "r", "started": "2026-11-01T10:00:00Z", "tasks": [{"id": "t", "kind": "escalate", "status": "late", "start": "1m", "deadline": "0", "metAt": "-5m", "weight": -1}]}]}`))
	f.Add([]byte(`{"schemaVersion": 1, "actions": [{"id": "a", "status": "done", "playbook": "p", "created": "2026-01-01"}], "playbooks": [{"id": "p", "revisions": [{"number": 1, "date": "2026-02-01"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		ws, err := plan.Decode(data)
		if err != nil {
			return
		}
		exerciseAPI(t, ws)
	})
}

func TestAssessIsDeterministicAndReadOnly(t *testing.T) {
	ws := plantest.WithRuns(modelWorkspace(), 12, 50)
	before, err := plan.Encode(ws)
	if err != nil {
		t.Fatal(err)
	}
	a, b := Assess(ws, today), Assess(ws, today)
	// (Criterion holds a func, which DeepEqual never finds equal, so the
	// parts are compared.)
	if summary(a) != summary(b) || !reflect.DeepEqual(a.Findings, b.Findings) || !reflect.DeepEqual(a.Runs, b.Runs) || !reflect.DeepEqual(Record(a), Record(b)) {
		t.Error("two assessments of the same workspace differ")
	}
	after, _ := plan.Encode(ws)
	if !bytes.Equal(before, after) {
		t.Error("Assess modified the workspace")
	}
}

func TestWithRunsGeneratesRealisticRuns(t *testing.T) {
	ws := plantest.WithRuns(plan.Demo(), 20, 100)
	again := plantest.WithRuns(plan.Demo(), 20, 100)
	if !reflect.DeepEqual(ws.Runs, again.Runs) {
		t.Error("generated runs are not deterministic")
	}
	statuses := map[string]int{}
	dims := map[DimensionID]bool{}
	for _, r := range ws.Runs {
		if len(r.Events) != 100 || r.Events[0].Kind != plan.EventStart || r.Events[99].Kind != plan.EventEnd {
			t.Fatalf("run %s: %d events", r.ID, len(r.Events))
		}
		for _, task := range r.Tasks {
			statuses[task.Status]++
			dims[DimensionForTaskKind(task.Kind)] = true
		}
	}
	for _, s := range []string{plan.TaskMet, plan.TaskLate, plan.TaskMissed, plan.TaskPending, plan.TaskNotNeeded} {
		if statuses[s] == 0 {
			t.Errorf("no %s tasks", s)
		}
	}
	if len(dims) != 10 {
		t.Errorf("tasks test %d dimensions, want the 10 tasks route to", len(dims))
	}
	a := Assess(ws, today)
	if a.Runs[len(a.Runs)-1].Rating == "" || len(a.Runs) != 20 {
		t.Errorf("runs not scored: %+v", a.Runs[len(a.Runs)-1])
	}
	if a.Finding("BIND-run-017-third-party:payments") == nil {
		t.Errorf("binding gap of run 17 not reported: %v", findingIDs(a))
	}
}

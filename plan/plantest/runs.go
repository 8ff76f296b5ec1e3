package plantest

import (
	"fmt"
	"time"

	"drillbook/plan"
)

// RunsEnd is when the newest generated run started; older runs go back
// five days at a time from here.
var RunsEnd = time.Date(2026, time.November, 20, 10, 0, 0, 0, time.UTC)

// taskKinds are the expectation and plan-timer kinds generated runs use,
// so every dimension the assessment routes tasks to gets some.
var taskKinds = []struct{ kind, source, target string }{
	{"acknowledge", plan.SourceScenario, "on-call"},
	{"declare-incident", plan.SourceScenario, ""},
	{"set-severity", plan.SourceScenario, ""},
	{"assign-incident-manager", plan.SourceScenario, "incident-manager"},
	{"escalate", plan.SourceScenario, "head-of-engineering"},
	{"escalation-rule", plan.SourcePlan, "head-of-engineering"},
	{"notify-stakeholder", plan.SourceScenario, "stakeholder:customer"},
	{"first-update", plan.SourcePlan, ""},
	{"update-cadence", plan.SourcePlan, ""},
	{"stakeholder-update", plan.SourcePlan, "internal-staff"},
	{"contact-third-party", plan.SourceScenario, "third-party:dns"},
	{"complete-playbook-step", plan.SourceScenario, "oncall-dns-failover"},
	{"report-to-regulator", plan.SourceScenario, "regulator:information-governance"},
	{"report-deadline", plan.SourcePlan, "ico-72h"},
	{"decide", plan.SourceScenario, ""},
	{"resolve", plan.SourcePlan, ""},
}

var scenarioIDs = []struct {
	id, title string
	cat       plan.Category
}{
	{"dns-provider-outage", "DNS provider outage on a Sunday night", plan.CategoryAvailability},
	{"expired-certificate", "Expired TLS certificate stops the prescription queue", plan.CategoryAvailability},
	{"ransomware-foothold", "Ransomware foothold on a build server", plan.CategorySecurity},
	{"misdirected-export", "Patient export emailed to the wrong practice", plan.CategoryInfoGov},
	{"allergy-timezone-bug", "Allergy updates shown against the wrong day", plan.CategoryClinical},
}

// WithRuns appends runs deterministic exercise runs to ws, each with an
// event log of events entries and about twenty critical tasks of every kind
// and status (met, late, missed, pending, not-needed), decisions, hot-wash
// notes and scenario bindings (every seventh run has an unbound reference).
// Runs are oldest first, five days apart, the newest starting at RunsEnd.
// It returns ws for chaining: plantest.WithRuns(plantest.Large(), 100, 500).
func WithRuns(ws *plan.Workspace, runs, events int) *plan.Workspace {
	for k := 0; k < runs; k++ {
		ws.Runs = append(ws.Runs, generateRun(ws, k, runs, events))
	}
	return ws
}

func generateRun(ws *plan.Workspace, k, runs, events int) plan.Run {
	sc := scenarioIDs[k%len(scenarioIDs)]
	started := RunsEnd.AddDate(0, 0, -5*(runs-1-k))
	length := 90 * plan.Minute
	r := plan.Run{
		ID:               fmt.Sprintf("run-%03d", k),
		ScenarioID:       sc.id,
		ScenarioTitle:    sc.title,
		Category:         sc.cat,
		StartingSeverity: 1 + k%3,
		Objectives:       []string{"Declare and grade the incident within the triage target.", "Keep customers and staff informed on the plan's cadence.", "Escalate on time under the plan's rules."},
		Started:          started,
		Ended:            started.Add(length.D() + 20*time.Minute),
		Length:           length,
	}
	if n := len(ws.People); n > 0 {
		r.Facilitator = ws.People[k%n].ID
		for j := 0; j < 5; j++ {
			role := ""
			if m := len(ws.Roles); m > 0 {
				role = ws.Roles[(k+j)%m].ID
			}
			r.Participants = append(r.Participants, plan.Participant{Person: ws.People[(k*3+j)%n].ID, Role: role})
		}
	}
	r.Bindings = []plan.RunBinding{
		{Ref: "incident-manager", IDs: []string{"incident-manager"}, Names: []string{"Incident Manager"}},
		{Ref: "on-call", IDs: []string{"on-call-engineer"}, Names: []string{"On-call Engineer"}},
		{Ref: "third-party:dns", IDs: []string{"signpost-dns"}, Names: []string{"Signpost DNS"}},
		{Ref: "stakeholder:customer", IDs: []string{"nhs-trust-customers"}, Names: []string{"NHS trust and GP practice customers"}},
	}
	if k%7 == 3 {
		r.Bindings = append(r.Bindings, plan.RunBinding{Ref: "third-party:payments", Gap: "no payments provider is listed among the third parties"})
	}

	// Tasks: every kind, with a status pattern that varies by run.
	for j := 0; j < 20; j++ {
		tk := taskKinds[(j+k)%len(taskKinds)]
		start := plan.Duration(j*4) * plan.Minute
		within := plan.Duration(5+(j%4)*5) * plan.Minute
		t := plan.Task{
			ID:       fmt.Sprintf("t%02d-%s", j, tk.kind),
			Source:   tk.source,
			Kind:     tk.kind,
			Label:    fmt.Sprintf("%s (task %d)", tk.kind, j),
			Target:   tk.target,
			Start:    start,
			Deadline: start + within,
			Weight:   1 + float64(j%3)/2,
			Refs:     []string{fmt.Sprintf("expect-%02d", j)},
		}
		switch (k*7 + j*3) % 20 {
		case 0, 1:
			t.Status = plan.TaskLate
			met := start + within + plan.Duration(1+j%10)*plan.Minute
			t.MetAt = &met
		case 2:
			t.Status = plan.TaskMissed
		case 3:
			t.Status = plan.TaskPending
		case 4:
			t.Status = plan.TaskNotNeeded
		default:
			t.Status = plan.TaskMet
			met := start + within/2
			t.MetAt = &met
		}
		r.Tasks = append(r.Tasks, t)
	}

	r.Decisions = []plan.DecisionRecord{
		{ID: "failover-now", Prompt: "Fail over now or wait for the provider?", Choice: "Fail over to the secondary", Grade: []string{"good", "acceptable", "poor"}[k%3], At: 25 * plan.Minute},
		{ID: "tell-customers", Prompt: "Tell customers before the cause is known?", Choice: "Yes, with what we know", Grade: "good", At: 35 * plan.Minute},
	}
	r.Hotwash = []plan.HotwashNote{
		{Question: "What went well?", Answer: "The on-call engineer declared quickly and the status page went up on time."},
		{Question: "What would you change?", Answer: "Keep the supplier's out-of-hours number in the playbook, not only in the vault."},
	}

	kinds := []string{plan.EventInject, plan.EventAction, plan.EventNote, plan.EventTimerMet, plan.EventObservation, plan.EventAction, plan.EventBreach, plan.EventSeverity}
	r.Events = make([]plan.Event, 0, events)
	for e := 0; e < events; e++ {
		at := plan.Duration(int64(length) * int64(e) / int64(max(events, 1)))
		ev := plan.Event{Seq: e + 1, At: at, Wall: started.Add(at.D()), Kind: kinds[e%len(kinds)]}
		switch {
		case e == 0:
			ev.Kind, ev.Text = plan.EventStart, "Exercise started"
		case e == events-1:
			ev.Kind, ev.Text = plan.EventEnd, "Exercise ended"
		case ev.Kind == plan.EventInject:
			ev.Action, ev.Text = fmt.Sprintf("inject-%d", e), "Monitoring: synthetic checks failing from two regions."
		case ev.Kind == plan.EventAction:
			tk := taskKinds[e%len(taskKinds)]
			ev.Action, ev.Target, ev.Text = tk.kind, tk.target, "Done as the playbook says."
			if len(r.Participants) > 0 {
				ev.Actor = r.Participants[e%len(r.Participants)].Person
			}
		case ev.Kind == plan.EventTimerMet || ev.Kind == plan.EventBreach:
			ev.Action = r.Tasks[e%len(r.Tasks)].ID
		case ev.Kind == plan.EventSeverity:
			ev.Severity = 1 + e%3
		default:
			ev.Text = "Facilitator note: the team checked the status page before paging the supplier."
		}
		ev.Refs = []string{"escalationRules[2]"}
		r.Events = append(r.Events, ev)
	}
	return r
}

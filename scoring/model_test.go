package scoring

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"drillbook/plan"
)

// today is the fixed assessment day of every test.
var today = plan.NewDate(2026, time.November, 24)

func day(y int, m time.Month, d int) plan.Date { return plan.NewDate(y, m, d) }

// modelWorkspace returns a fresh workspace on which every criterion passes:
// the demo with its five gaps fixed, four recent exercise runs rated P
// (one per incident category), an improvement plan and an earlier
// assessment.
func modelWorkspace() *plan.Workspace {
	ws := plan.Demo()

	// Gap 1: the incident manager's deputy.
	ws.Person("amira-khan").Deputy = "daniel-okafor"
	// Gap 2: an out-of-hours route to the DNS provider.
	dns := ws.ThirdParty("signpost-dns")
	dns.Contacts = append(dns.Contacts, plan.Contact{Channel: plan.ChannelPhone, Value: "+44 20 7946 0848", Label: "Enterprise emergency line (24/7)", OutOfHours: true})
	// Gap 3: the Sunday 00:00–08:00 hole.
	for i := range ws.Coverage.Rota.Shifts {
		if sh := &ws.Coverage.Rota.Shifts[i]; sh.ID == "saturday" {
			sh.End = "08:00"
		}
	}
	// Gap 4: the overdue DNS failover playbook is reviewed and revised.
	pb := ws.Playbook("oncall-dns-failover")
	pb.LastReviewed = day(2026, time.October, 1)
	pb.Revisions = append(pb.Revisions, plan.Revision{Number: 3, Date: day(2026, time.October, 1), Author: "chloe-bennett", Summary: "Reviewed after the out-of-hours line was added", Steps: slices.Clone(pb.Steps)})
	// Gap 5: a playbook for the on-call engineer's security responsibility.
	steps := []plan.Step{
		{Text: "Acknowledge the alert and open an incident in #incidents.", ExpectedDuration: 5 * plan.Minute},
		{Text: "Preserve evidence: do not reboot or delete anything; snapshot affected hosts.", ExpectedDuration: 15 * plan.Minute},
		{Text: "Page the security lead and follow their instructions.", ExpectedDuration: 5 * plan.Minute, References: []string{"security-intrusion-response"}},
	}
	ws.Playbooks = append(ws.Playbooks, plan.Playbook{
		ID: "oncall-security-first-response", Title: "On-call Engineer: first response to a suspected intrusion",
		Role: "on-call-engineer", IncidentTypes: []string{"security-breach"},
		Summary: "What the on-call engineer does in the first 30 minutes of a suspected intrusion.",
		Steps:   steps, References: []string{"security-intrusion-response"},
		Owner: "marek-nowak", ReviewInterval: 180 * plan.Day, LastReviewed: day(2026, time.October, 5),
		Revisions: []plan.Revision{{Number: 1, Date: day(2026, time.October, 5), Author: "marek-nowak", Summary: "First version", Steps: slices.Clone(steps)}},
	})

	// Four recent exercises, all tasks on time.
	ws.Runs = []plan.Run{
		goodRun("run-1", "misdirected-export", plan.CategoryInfoGov, time.Date(2026, time.March, 10, 10, 0, 0, 0, time.UTC)),
		goodRun("run-2", "ransomware-foothold", plan.CategorySecurity, time.Date(2026, time.June, 10, 10, 0, 0, 0, time.UTC)),
		goodRun("run-3", "allergy-timezone-bug", plan.CategoryClinical, time.Date(2026, time.September, 10, 10, 0, 0, 0, time.UTC)),
		goodRun("run-4", "dns-provider-outage", plan.CategoryAvailability, time.Date(2026, time.November, 10, 10, 0, 0, 0, time.UTC)),
	}

	ws.Actions = []plan.Action{
		{ID: "act-dns-review", Finding: "PBK-3.2", Text: "Review the DNS failover playbook", OwnerRole: "on-call-engineer", OwnerPerson: "chloe-bennett", Due: day(2026, time.October, 20), Status: plan.ActionDone, Playbook: "oncall-dns-failover", Created: day(2026, time.September, 20)},
		{ID: "act-clinical-drill", Finding: "EXR-3.3", Text: "Hold a second clinical-safety drill", OwnerRole: "incident-manager", OwnerPerson: "amira-khan", Due: day(2027, time.January, 31), Status: plan.ActionOpen, Created: day(2026, time.November, 10)},
		{ID: "act-dns-ooh", Finding: "TP-2.2", Text: "Get a 24/7 line from the DNS provider", OwnerRole: "platform-lead", Due: day(2026, time.June, 1), Status: plan.ActionDone, Created: day(2026, time.May, 1)},
	}
	ws.Assessments = []plan.AssessmentRecord{{Date: day(2026, time.June, 1), Tier: "Basic", Index: 61.5, Dimensions: []plan.DimensionRecord{{ID: "types", Level: 3, Progress: 3}}, Failing: []string{"TP-2.2"}}}
	return ws
}

// taskKindsForTests lists one task kind per routed dimension plus resolve.
func taskKindsForTests() []string {
	var kinds []string
	for k := range taskRoutes {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	return append(kinds, "resolve")
}

// goodRun is an exercise run in which every critical task was met on time.
func goodRun(id, scenario string, cat plan.Category, started time.Time) plan.Run {
	r := plan.Run{
		ID: id, ScenarioID: scenario, ScenarioTitle: "Scenario " + scenario, Category: cat, StartingSeverity: 1,
		Started: started, Ended: started.Add(2 * time.Hour), Length: 90 * plan.Minute,
		Facilitator:  "amira-khan",
		Participants: []plan.Participant{{Person: "tom-ashworth", Role: "on-call-engineer"}, {Person: "daniel-okafor", Role: "incident-manager"}},
		Bindings: []plan.RunBinding{
			{Ref: "incident-manager", IDs: []string{"incident-manager"}},
			{Ref: "third-party:dns", IDs: []string{"signpost-dns"}},
		},
		Decisions: []plan.DecisionRecord{{ID: "d1", Prompt: "Fail over now?", Choice: "Yes", Grade: "good", At: 20 * plan.Minute}},
		Hotwash:   []plan.HotwashNote{{Question: "What went well?", Answer: "Fast declaration."}},
	}
	for j, k := range taskKindsForTests() {
		start := plan.Duration(j) * plan.Minute
		met := start + 4*plan.Minute
		r.Tasks = append(r.Tasks, plan.Task{
			ID: fmt.Sprintf("t%d", j), Source: plan.SourceScenario, Kind: k, Label: k,
			Target: "oncall-dns-failover", Start: start, Deadline: start + 10*plan.Minute, MetAt: &met, Status: plan.TaskMet, Weight: 1,
		})
	}
	return r
}

// newest returns the index of the model's newest run.
func newest(ws *plan.Workspace) int { return len(ws.Runs) - 1 }

// failDimension marks every task routed to the dimension as missed in
// every run.
func failDimension(ws *plan.Workspace, d DimensionID) {
	for i := range ws.Runs {
		for j := range ws.Runs[i].Tasks {
			t := &ws.Runs[i].Tasks[j]
			if DimensionForTaskKind(t.Kind) == d {
				t.Status, t.MetAt = plan.TaskMissed, nil
			}
		}
	}
}

// slowTasks makes every task of run i (matching keep) late at twice its
// target: timeliness 0.5, an M.
func slowTasks(ws *plan.Workspace, i int, keep func(plan.Task) bool) {
	for j := range ws.Runs[i].Tasks {
		t := &ws.Runs[i].Tasks[j]
		if keep(*t) {
			met := t.Start + 2*(t.Deadline-t.Start)
			t.Status, t.MetAt = plan.TaskLate, &met
		}
	}
}

func noOOH(cs []plan.Contact) {
	for i := range cs {
		cs[i].OutOfHours = false
	}
}

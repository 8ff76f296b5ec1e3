package scoring

import (
	"slices"
	"strings"
	"testing"
	"time"

	"drillbook/plan"
)

// acceptAll proposes actions for the workspace as assessed today and adds
// them all, as the "Propose actions from findings" button does.
func acceptAll(ws *plan.Workspace, day plan.Date) []plan.Action {
	acts := ProposeActions(Assess(ws, day), ws, day)
	ws.Actions = append(ws.Actions, acts...)
	return acts
}

func proposedFor(acts []plan.Action, finding string) *plan.Action {
	for i := range acts {
		if acts[i].Finding == finding || slices.Contains(acts[i].Findings, finding) {
			return &acts[i]
		}
	}
	return nil
}

func setStatus(ws *plan.Workspace, finding string, st plan.ActionStatus) {
	for i := range ws.Actions {
		if ws.Actions[i].Finding == finding {
			ws.Actions[i].Status = st
		}
	}
}

func TestProposingTwiceAddsNothing(t *testing.T) {
	for name, ws := range map[string]*plan.Workspace{"demo": plan.Demo(), "model": modelWorkspace()} {
		ws.Playbooks[0].LastReviewed = day(2025, time.January, 1) // a per-playbook finding
		if first := acceptAll(ws, today); len(first) == 0 {
			t.Fatalf("%s: nothing proposed", name)
		}
		if again := acceptAll(ws, today); len(again) != 0 {
			t.Errorf("%s: proposed again: %+v", name, again)
		}
		// A week later nothing has changed but the date: still nothing new.
		if again := acceptAll(ws, today.Add(7*plan.Day)); len(again) != 0 {
			t.Errorf("%s: proposed again a week later: %+v", name, again)
		}
	}
}

func TestCancelledActionStaysCancelledUntilItsFindingComesBack(t *testing.T) {
	ws := plan.Demo()
	created := today.Add(-30 * plan.Day)
	acceptAll(ws, created)
	setStatus(ws, "ROL-2.3", plan.ActionCancelled)
	if a := proposedFor(ProposeActions(Assess(ws, today), ws, today), "ROL-2.3"); a != nil {
		t.Fatalf("cancelled finding proposed again: %+v", a)
	}

	// Stored assessments that still found it failing, or that predate the
	// action, do not bring it back.
	failing := plan.AssessmentRecord{Date: created, Failing: []string{"TP-2.2", "ROL-2.3"}}
	passingBefore := plan.AssessmentRecord{Date: created.Add(-plan.Day), Failing: []string{"TP-2.2"}}
	ws.Assessments = []plan.AssessmentRecord{passingBefore, failing}
	if a := proposedFor(ProposeActions(Assess(ws, today), ws, today), "ROL-2.3"); a != nil {
		t.Fatalf("proposed again without the finding having gone: %+v", a)
	}

	// It passed at an assessment after the action was created and fails
	// again now: a new occurrence, proposed afresh.
	ws.Assessments = append(ws.Assessments, plan.AssessmentRecord{Date: created.Add(10 * plan.Day), Failing: []string{"TP-2.2"}})
	again := ProposeActions(Assess(ws, today), ws, today)
	a := proposedFor(again, "ROL-2.3")
	if a == nil || a.ID != "act-rol-2.3-2" || a.Status != plan.ActionOpen || strings.Contains(a.Notes, "was marked done") {
		t.Fatalf("finding that came back: %+v", a)
	}
	if len(again) != 1 {
		t.Errorf("only ROL-2.3 came back, proposed %d actions", len(again))
	}
	// Accepted, it is open again, and the next proposal is empty.
	ws.Actions = append(ws.Actions, again...)
	if more := ProposeActions(Assess(ws, today), ws, today); len(more) != 0 {
		t.Errorf("proposed after accepting the comeback: %+v", more)
	}
}

func TestLatestClosedActionDecides(t *testing.T) {
	ws := plan.Demo()
	acceptAll(ws, today)
	setStatus(ws, "ROL-2.3", plan.ActionDone)
	// Done while still failing: proposed again, saying so.
	re := ProposeActions(Assess(ws, today), ws, today)
	if a := proposedFor(re, "ROL-2.3"); a == nil || !strings.Contains(a.Notes, "was marked done") {
		t.Fatalf("done but failing: %+v", re)
	}
	// The team accepts the new action, then cancels it: that decision
	// is the latest, so nothing is proposed.
	ws.Actions = append(ws.Actions, re...)
	ws.Actions[len(ws.Actions)-1].Status = plan.ActionCancelled
	if a := proposedFor(ProposeActions(Assess(ws, today), ws, today), "ROL-2.3"); a != nil {
		t.Errorf("re-proposed after the latest action was cancelled: %+v", a)
	}
}

func TestExerciseFindingsNeverComeBack(t *testing.T) {
	ws := &plan.Workspace{
		Actions:     []plan.Action{{ID: "a1", Finding: "RUN-r1-ack", Status: plan.ActionCancelled, Created: day(2026, time.January, 5)}},
		Assessments: []plan.AssessmentRecord{{Date: day(2026, time.June, 1)}},
	}
	x := newActionIndex(ws)
	x.learn()
	if skip, _ := x.skip(Finding{ID: "RUN-r1-ack", Dimension: DimCover}, ""); !skip {
		t.Error("a cancelled exercise finding is proposed again")
	}
	ws.Actions[0].Finding, ws.Actions[0].ID = "COV-2.3", "a2"
	x = newActionIndex(ws)
	x.learn()
	if skip, _ := x.skip(Finding{ID: "COV-2.3", Criterion: "COV-2.3"}, ""); skip {
		t.Error("a criterion that passed at a later assessment did not come back")
	}
	ws.Actions[0].Created = plan.Date{}
	x = newActionIndex(ws)
	x.learn()
	if skip, _ := x.skip(Finding{ID: "COV-2.3", Criterion: "COV-2.3"}, ""); !skip {
		t.Error("a cancelled action with no creation date cannot be placed before any assessment")
	}
}

func TestActionFor(t *testing.T) {
	ws := plan.Demo()
	a := Assess(ws, today)
	proposed := ProposeActions(a, ws, today)

	// A finding with its own proposal gets that proposal.
	got, ok := ActionFor(a, ws, "TP-2.2", today)
	if want := proposedFor(proposed, "TP-2.2"); !ok || want == nil || got.ID != want.ID || got.Text != want.Text {
		t.Errorf("TP-2.2: %+v, want %+v", got, want)
	}
	// A finding grouped under another gets the group's action.
	got, ok = ActionFor(a, ws, "TRI-4.1", today)
	if !ok || got.Finding != "EXR-1.1" || !slices.Contains(got.Findings, "TRI-4.1") {
		t.Errorf("TRI-4.1: %+v", got)
	}
	// A finding about the improvement plan itself gets no proposal but
	// does get an action when asked for.
	got, ok = ActionFor(a, ws, "IMP-2.1", today)
	if !ok || got.Finding != "IMP-2.1" || got.ID != "act-imp-2.1" || got.Text == "" || got.OwnerRole == "" || got.Due.IsZero() || got.Status != plan.ActionOpen {
		t.Errorf("IMP-2.1: %+v", got)
	}
	// Asked for again once the finding has an open action: a second
	// action with its own ID, which keeps the workspace valid.
	ws.Actions = append(ws.Actions, proposed...)
	got, ok = ActionFor(Assess(ws, today), ws, "TP-2.2", today)
	if !ok || got.Finding != "TP-2.2" || got.ID != "act-tp-2.2-2" || got.OwnerRole == "" {
		t.Errorf("TP-2.2 asked for again: %+v", got)
	}
	ws.Actions = append(ws.Actions, got)
	for _, p := range ws.Validate() {
		t.Errorf("after adding: %s", p)
	}

	if _, ok := ActionFor(a, ws, "NOPE-1.1", today); ok {
		t.Error("action for an unknown finding")
	}
	if _, ok := ActionFor(nil, ws, "TP-2.2", today); ok {
		t.Error("action without an assessment")
	}
	if _, ok := ActionFor(a, nil, "TP-2.2", today); ok {
		t.Error("action without a workspace")
	}
}

// A playbook without an ID (invalid, but Assess copes) is not mistaken for
// "no playbook": actions about other things are not put on it.
func TestProposeActionsIgnoresPlaybooksWithoutID(t *testing.T) {
	ws := plan.Demo()
	ws.Playbooks = append(ws.Playbooks, plan.Playbook{Title: "Ghost", Role: ws.Roles[0].ID})
	for _, act := range ProposeActions(Assess(ws, today), ws, today) {
		if strings.HasPrefix(act.Text, "Ghost:") {
			t.Errorf("action %s put on the playbook without an ID: %q", act.ID, act.Text)
		}
	}
}

// A playbook-step task's finding is placed on its playbook even when the
// run's and the task's IDs hold dashes, and whatever other runs share a
// prefix of the run ID.
func TestFindingPlaybooksFromDashedRunAndTaskIDs(t *testing.T) {
	ws := &plan.Workspace{
		Playbooks: []plan.Playbook{{ID: "pb-a"}, {ID: "pb-b"}},
		Runs: []plan.Run{
			{ID: "run-2026", Tasks: []plan.Task{{ID: "01-step", Target: "pb-b"}}},
			{ID: "run-2026-01", Tasks: []plan.Task{{ID: "step", Target: "pb-a"}, {ID: "other", Target: "pb-b"}}},
		},
	}
	x := newActionIndex(ws)
	for id, want := range map[string][]string{
		"RUN-run-2026-01-step":  {"pb-b", "pb-a"}, // both runs have a task that spells this ID
		"RUN-run-2026-01-other": {"pb-b"},
		"RUN-run-2026-nothing":  {""},
		"RUN-nosuchrun-step":    {""},
	} {
		got := findingPlaybooks(Finding{ID: id, Dimension: DimPlaybooks}, ws, x)
		if !slices.Equal(got, want) {
			t.Errorf("%s: playbooks %q, want %q", id, got, want)
		}
	}
}

// cameBack judges each criterion by the stored assessments it did not fail
// in, however many criteria ask.
func TestCameBackPerCriterion(t *testing.T) {
	ws := &plan.Workspace{Assessments: []plan.AssessmentRecord{
		{Date: day(2026, time.March, 1), Failing: []string{"ROL-2.3"}},
		{Date: day(2026, time.February, 1)},
		{Date: day(2026, time.April, 1), Failing: []string{"COV-2.3"}},
	}}
	x := newActionIndex(ws)
	for _, c := range []struct {
		criterion string
		since     plan.Date
		want      bool
	}{
		{"ROL-2.3", day(2026, time.January, 1), true},
		{"ROL-2.3", day(2026, time.March, 1), true}, // passed on April 1
		{"COV-2.3", day(2026, time.March, 1), true}, // passed on March 1
		{"COV-2.3", day(2026, time.March, 2), false},
		{"COV-2.3", day(2026, time.April, 1), false},
		{"ROL-2.3", day(2026, time.April, 2), false},
		{"", day(2026, time.January, 1), false},
	} {
		if got := x.cameBack(c.criterion, c.since); got != c.want {
			t.Errorf("cameBack(%s, %s) = %v, want %v", c.criterion, c.since, got, c.want)
		}
	}
}

package scoring

import (
	"strings"
	"testing"
	"time"

	"drillbook/plan"
)

func TestProposeActionsForTheDemo(t *testing.T) {
	ws := plan.Demo()
	a := Assess(ws, today)
	acts := ProposeActions(a, ws, today)
	byFinding := map[string]plan.Action{}
	ids, texts := map[string]bool{}, map[string]bool{}
	for _, act := range acts {
		if ids[act.ID] || !plan.ValidID(act.ID) {
			t.Errorf("bad or duplicate action ID %q", act.ID)
		}
		ids[act.ID] = true
		if key := act.Text + act.Playbook; texts[key] {
			t.Errorf("two actions say %q", act.Text)
		}
		texts[act.Text+act.Playbook] = true
		if act.Status != plan.ActionOpen || act.Created != today || act.Text == "" || act.OwnerRole == "" || act.OwnerPerson == "" || act.Due.IsZero() || act.DoneWhen == "" {
			t.Errorf("incomplete action %+v", act)
		}
		if strings.Contains(act.Text+act.DoneWhen, "Drillbook") {
			t.Errorf("action about the tool: %q", act.Text)
		}
		for _, id := range append([]string{act.Finding}, act.Findings...) {
			if a.Finding(id) == nil {
				t.Errorf("action %s answers unknown finding %q", act.ID, id)
			}
			byFinding[id] = act
		}
	}
	// Every finding is answered by an action, except those about the
	// improvement plan itself, which the actions answer.
	for _, f := range a.Findings {
		c, _ := CriterionByID(f.Criterion)
		if _, ok := byFinding[f.ID]; !ok && c.Remedy != RemedyNone {
			t.Errorf("no action answers %s", f.ID)
		}
		if _, ok := byFinding[f.ID]; ok && c.Remedy == RemedyNone {
			t.Errorf("an action answers %s, which is about the improvement plan itself", f.ID)
		}
	}
	// The "not exercised" findings share one action.
	if ex := byFinding["SEV-4.1"]; ex.ID == "" || ex.ID != byFinding["TRI-4.1"].ID || len(ex.Findings) < 5 {
		t.Errorf("exercise findings not grouped: %+v", ex)
	}
	tests := []struct {
		finding, role, person, playbook string
		due                             plan.Date
	}{
		{"ROL-2.3", "incident-manager", "amira-khan", "", day(2026, time.December, 8)},
		{"TP-2.2", "platform-lead", "daniel-okafor", "", day(2026, time.December, 8)},
		{"COV-2.3", "platform-lead", "daniel-okafor", "", day(2026, time.December, 8)},
		{"PBK-3.2", "on-call-engineer", "chloe-bennett", "oncall-dns-failover", day(2026, time.December, 24)},
		{"PBK-2.2", "on-call-engineer", "tom-ashworth", "", day(2026, time.December, 24)},
		{"EXR-4.2", "incident-manager", "amira-khan", "", day(2027, time.February, 22)},
	}
	for _, tt := range tests {
		act, ok := byFinding[tt.finding]
		if !ok {
			t.Errorf("no action for %s", tt.finding)
			continue
		}
		if act.OwnerRole != tt.role || act.OwnerPerson != tt.person || act.Playbook != tt.playbook || act.Due != tt.due {
			t.Errorf("%s: owner %s/%s playbook %q due %s, want %s/%s %q %s", tt.finding, act.OwnerRole, act.OwnerPerson, act.Playbook, act.Due, tt.role, tt.person, tt.playbook, tt.due)
		}
	}
	if act := byFinding["PBK-3.2"]; !strings.HasPrefix(act.Text, "On-call Engineer: DNS provider failure: Review") || !strings.Contains(act.Notes, a.Finding("PBK-3.2").What) || !strings.Contains(act.DoneWhen, "PBK-3.2") {
		t.Errorf("playbook action text %q notes %q", act.Text, act.Notes)
	}

	// Accepted actions are stored and the workspace stays valid.
	ws.Actions = append(ws.Actions, acts...)
	for _, p := range ws.Validate() {
		t.Errorf("after adding actions: %s", p)
	}
	// Open actions are not proposed twice.
	if again := ProposeActions(Assess(ws, today), ws, today); len(again) != 0 {
		t.Errorf("proposed again: %d actions, e.g. %+v", len(again), again[0])
	}
	// An action marked done while its finding persists is proposed again.
	for i := range ws.Actions {
		if ws.Actions[i].Finding == "ROL-2.3" {
			ws.Actions[i].Status = plan.ActionDone
		}
	}
	again := ProposeActions(Assess(ws, today), ws, today)
	if len(again) != 1 || again[0].Finding != "ROL-2.3" || again[0].ID != "act-rol-2.3-2" || !strings.Contains(again[0].Notes, "was marked done") {
		t.Errorf("reopened: %+v", again)
	}
}

func TestProposeActionsOnePerPlaybook(t *testing.T) {
	ws := modelWorkspace()
	ws.Playbooks[3].LastReviewed = day(2025, time.January, 1)
	ws.Playbooks[4].LastReviewed = day(2025, time.January, 1)
	acts := ProposeActions(Assess(ws, today), ws, today)
	got := map[string]bool{}
	for _, a := range acts {
		if a.Finding == "PBK-3.2" {
			got[a.Playbook] = true
		}
	}
	if len(got) != 2 || !got[ws.Playbooks[3].ID] || !got[ws.Playbooks[4].ID] {
		t.Errorf("PBK-3.2 actions for playbooks %v", got)
	}
	if ProposeActions(nil, ws, today) != nil || ProposeActions(Assess(ws, today), nil, today) != nil {
		t.Error("nil inputs")
	}
}

func TestAddressedByRevision(t *testing.T) {
	ws := modelWorkspace() // oncall-dns-failover: revisions 1 (2024-11-12), 2 (2025-09-01), 3 (2026-10-01)
	act := func(created plan.Date, rev int) plan.Action {
		return plan.Action{ID: "a", Playbook: "oncall-dns-failover", Created: created, AddressedByRevision: rev, Status: plan.ActionOpen}
	}
	tests := []struct {
		name string
		a    plan.Action
		want int
	}{
		{"first revision after creation", act(day(2025, time.October, 1), 0), 3},
		{"revision on the day of creation counts", act(day(2026, time.October, 1), 0), 3},
		{"earliest qualifying revision", act(day(2025, time.January, 1), 0), 2},
		{"created after every revision", act(day(2026, time.October, 2), 0), 0},
		{"explicit revision", act(day(2026, time.October, 2), 2), 2},
		{"explicit revision that does not exist", act(day(2025, time.January, 1), 9), 0},
		{"no creation date", act(plan.Date{}, 0), 0},
		{"unknown playbook", plan.Action{Playbook: "ghost", Created: day(2025, time.January, 1)}, 0},
		{"no playbook", plan.Action{Created: day(2025, time.January, 1)}, 0},
	}
	for _, tt := range tests {
		got := 0
		if r := AddressedBy(ws, tt.a); r != nil {
			got = r.Number
		}
		if got != tt.want {
			t.Errorf("%s: revision %d, want %d", tt.name, got, tt.want)
		}
	}
	if AddressedBy(nil, act(today, 0)) != nil {
		t.Error("nil workspace")
	}
}

// TestActionClosedByRevision follows an action from the assessment to the
// playbook revision that addresses it.
func TestActionClosedByRevision(t *testing.T) {
	ws := plan.Demo()
	var act plan.Action
	for _, x := range ProposeActions(Assess(ws, today), ws, today) {
		if x.Finding == "PBK-3.2" {
			act = x
		}
	}
	ws.Actions = append(ws.Actions, act)
	if got := ActionState(ws, act, today); got != "open, due 2026-12-24" {
		t.Errorf("state %q", got)
	}
	if changed := LinkRevisions(ws); len(changed) != 0 {
		t.Errorf("linked before any revision: %v", changed)
	}
	// The owner reviews the playbook and publishes revision 3.
	pb := ws.Playbook("oncall-dns-failover")
	pb.LastReviewed = day(2026, time.December, 2)
	pb.Revisions = append(pb.Revisions, plan.Revision{Number: 3, Date: day(2026, time.December, 2), Author: "chloe-bennett", Summary: "Reviewed; added the out-of-hours line", Steps: pb.Steps})
	if changed := LinkRevisions(ws); len(changed) != 1 || changed[0] != act.ID {
		t.Fatalf("linked %v", changed)
	}
	stored := ws.Actions[len(ws.Actions)-1]
	if stored.AddressedByRevision != 3 || stored.Status != plan.ActionOpen {
		t.Errorf("stored action %+v", stored)
	}
	stored.Status = plan.ActionDone
	if got := ActionState(ws, stored, today); got != "done, addressed by revision 3 of “On-call Engineer: DNS provider failure” (2026-12-02)" {
		t.Errorf("state %q", got)
	}
	if got := ActionState(ws, plan.Action{Status: plan.ActionOpen, Due: day(2026, time.November, 1)}, today); got != "open, due 2026-11-01 (overdue)" {
		t.Errorf("overdue state %q", got)
	}
	if LinkRevisions(nil) != nil {
		t.Error("nil workspace")
	}
	for _, p := range ws.Validate() {
		t.Errorf("%s", p)
	}
}

package scenarios

import (
	"slices"
	"testing"
	"time"

	"drillbook/plan"
)

func TestTargetChoicesFollowThePlan(t *testing.T) {
	_, ws := fixture(t)
	cases := map[ExpectKind]int{
		ExpectEscalate:        len(ws.Roles) + len(ws.People),
		ExpectNotify:          len(ws.Stakeholders),
		ExpectContactSupplier: len(ws.ThirdParties),
		ExpectReport:          len(ws.ReportingObligations),
		ExpectSetSeverity:     len(ws.Severities),
		ExpectAcknowledge:     0,
	}
	for kind, n := range cases {
		if got := len(TargetChoices(kind, ws)); got != n {
			t.Errorf("%s: %d choices, want %d", kind, got, n)
		}
	}
	if c := TargetChoices(ExpectSetSeverity, ws)[0]; c.ID != "1" || c.Name != "1 — Critical" {
		t.Errorf("severity choice %+v", c)
	}
}

func TestActorChoicesListParticipantsFirst(t *testing.T) {
	_, ws := fixture(t)
	got := ActorChoices(ws, []plan.Participant{{Person: "dan", Role: "im"}, {Person: "ghost", Role: "im"}})
	if len(got) != len(ws.People) || got[0].ID != "dan" || got[0].Name != "Dan — Incident Manager" {
		t.Fatalf("actors %+v", got)
	}
}

func TestCountdownUrgency(t *testing.T) {
	task := plan.Task{Start: plan.Duration(10 * time.Minute), Deadline: plan.Duration(20 * time.Minute), Status: plan.TaskPending}
	cases := []struct {
		now  time.Duration
		want Urgency
		used float64
	}{
		{5 * time.Minute, UrgencyWaiting, 0},
		{12 * time.Minute, UrgencyOK, 0.2},
		{18*time.Minute + 30*time.Second, UrgencyNear, 0.85},
		{20 * time.Minute, UrgencyNear, 1},
		{21 * time.Minute, UrgencyBreached, 1},
	}
	for _, c := range cases {
		used, _, u := Countdown(task, c.now)
		if u != c.want || used != c.used {
			t.Errorf("at %s: urgency %d used %.2f, want %d %.2f", Offset(c.now), u, used, c.want, c.used)
		}
	}
	task.Status = plan.TaskMet
	if _, _, u := Countdown(task, 30*time.Minute); u != UrgencyDone {
		t.Error("a met task is still urgent")
	}
}

func TestPublicStatusFollowsRecordedActions(t *testing.T) {
	ev := func(k ExpectKind) plan.Event { return plan.Event{Kind: plan.EventAction, Action: string(k)} }
	cases := []struct {
		events []plan.Event
		want   string
	}{
		{nil, "Reported — awaiting acknowledgement"},
		{[]plan.Event{ev(ExpectAcknowledge)}, "Acknowledged — investigating"},
		{[]plan.Event{ev(ExpectAcknowledge), ev(ExpectDeclare)}, "Incident declared — responding"},
		{[]plan.Event{ev(ExpectDeclare), ev(ExpectAcknowledge)}, "Incident declared — responding"},
		{[]plan.Event{ev(ExpectDeclare), ev(ExpectEscalate), ev(ActionResolve), ev(ExpectEscalate)}, "Resolved"},
	}
	for _, c := range cases {
		if got := PublicStatus(c.events); got != c.want {
			t.Errorf("%v: %q, want %q", c.events, got, c.want)
		}
	}
}

func TestDefaultParticipantsArePrimaryHolders(t *testing.T) {
	sc, ws := fixture(t)
	got := DefaultParticipants(sc, ws)
	want := map[string]string{"oncall": "bob", "im": "ann", "comms": "cat", "exec": "dan"}
	if len(got) != len(want) {
		t.Fatalf("participants %+v", got)
	}
	for _, p := range got {
		if want[p.Role] != p.Person {
			t.Errorf("role %s played by %s, want %s", p.Role, p.Person, want[p.Role])
		}
	}
	ws.Roles[1].Members = nil // on-call role empty: unbound, so nobody plays it
	for _, p := range DefaultParticipants(sc, ws) {
		if p.Role == "oncall" {
			t.Error("an empty role got a participant")
		}
	}
}

// TestCastingsShareAPlanRole: two scenario roles bound to one plan role
// are one row, labelled with both and the plan role, so the start dialog
// never shows two rows with the same label; that role gets one player.
func TestCastingsShareAPlanRole(t *testing.T) {
	sc, ws := fixture(t)
	ws.Roles[0].Functions = append(ws.Roles[0].Functions, plan.FunctionExecutive) // the incident manager is also the executive
	got := Castings(sc, ws)
	labels := map[string]bool{}
	var rows []string
	for _, c := range got {
		if labels[c.Label()] {
			t.Errorf("two rows labelled %q", c.Label())
		}
		labels[c.Label()] = true
		rows = append(rows, c.Label())
	}
	want := []string{
		"On-call engineer → On-call Engineer",
		"Incident manager and executive → Incident Manager",
		"Communications lead (customer comms) → Comms Lead",
	}
	if !slices.Equal(rows, want) {
		t.Errorf("rows %q, want %q", rows, want)
	}
	if im := got[1]; im.Ref != "incident-manager" || !slices.Equal(im.Refs, []Ref{"incident-manager", "executive"}) || im.Role != "im" || im.People[0] != "ann" {
		t.Errorf("shared casting %+v", im)
	}
	n := 0
	for _, p := range DefaultParticipants(sc, ws) {
		if p.Role == "im" {
			n++
		}
	}
	if n != 1 {
		t.Errorf("the shared role has %d default players, want 1", n)
	}
}

func TestRefWords(t *testing.T) {
	for r, want := range map[Ref]string{
		"incident-manager":                 "incident manager",
		"customer-comms":                   "communications lead (customer comms)",
		"third-party:cloud":                "cloud provider",
		"stakeholder:customer":             "customer stakeholders",
		"regulator:information-governance": "regulator for information governance incidents",
	} {
		if got := RefWords(r); got != want {
			t.Errorf("%s: %q, want %q", r, got, want)
		}
	}
}

func TestExpectKindWords(t *testing.T) {
	for _, k := range ActionKinds {
		if w := k.Words(); w == string(k) || w == "" {
			t.Errorf("%s has no words", k)
		}
	}
	if got := ExpectKind("made-up").Words(); got != "made-up" {
		t.Errorf("unknown kind: %q", got)
	}
}

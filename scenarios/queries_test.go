package scenarios

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"drillbook/plan"
)

// states renders InjectStates as "id:state@time" ("+m" for manual).
func states(e *Engine) string {
	var out []string
	for _, s := range e.InjectStates() {
		x := fmt.Sprintf("%s:%s", s.Inject.ID, s.State)
		if s.State != InjectFloating {
			x += "@" + Offset(s.At).String()
		}
		if s.Manual {
			x += "+m"
		}
		out = append(out, x)
	}
	return strings.Join(out, " ")
}

// TestInjectStatesFollowTheRun: delivered injects in delivery order (the
// clock's and the facilitator's), then those still to come, then floating
// ones not played.
func TestInjectStatesFollowTheRun(t *testing.T) {
	sc, ws := fixture(t)
	d := startDriver(t, sc, ws, Options{Speed: 20})
	e := d.e
	check := func(want string) {
		t.Helper()
		if got := states(e); got != want {
			t.Errorf("at %s:\n got %s\nwant %s", Offset(e.Now()), got, want)
		}
	}
	check("a1:delivered@T+00:00 a2:pending@T+30:00 a3:pending@T+2:00:00 a4:pending@T+3:00:00 a5:pending@T+3:30:00 f1:floating")
	d.until(at("T+05:00"))
	d.collect(e.TriggerNow("a4"))
	check("a1:delivered@T+00:00 a4:delivered@T+05:00+m a2:pending@T+30:00 a3:pending@T+2:00:00 a5:pending@T+3:30:00 f1:floating")
	d.until(at("T+1:02:00"))
	d.collect(e.Decide("d1", 1, "ann")) // poor: plays f1
	check("a1:delivered@T+00:00 a4:delivered@T+05:00+m a2:delivered@T+30:00 f1:delivered@T+1:02:00+m a3:pending@T+2:00:00 a5:pending@T+3:30:00")
}

// TestQueriesShowOnlyWhatTheJournalKeeps: an inject and a decision that
// came due while the journal could not be written are not shown as
// delivered or open until the journal has them.
func TestQueriesShowOnlyWhatTheJournalKeeps(t *testing.T) {
	sc, ws := fixture(t)
	disk := &failingDisk{}
	d := startDriver(t, sc, ws, Options{Speed: 10, Journal: filepath.Join(t.TempDir(), "j.jsonl"), JournalFault: disk.fault})
	e, clk := d.e, d.clk
	d.until(at("T+59:50"))
	before := states(e)
	logged := len(e.Log())
	disk.full = true
	clk.Advance(2 * time.Second) // T+1:00:10: a2 long delivered, d1 (T+1:00:00) due
	if _, err := e.Tick(); err == nil {
		t.Fatal("the tick was journaled on a full disk")
	}
	if got := states(e); got != before || len(e.OpenDecisions()) != 0 || len(e.Log()) != logged {
		t.Fatalf("held-back events shown: injects %s, decisions %v, log %d → %d", got, e.OpenDecisions(), logged, len(e.Log()))
	}
	disk.full = false
	if _, err := e.Retry(); err != nil {
		t.Fatal(err)
	}
	if open := e.OpenDecisions(); len(open) != 1 || open[0].ID != "d1" {
		t.Fatalf("after the retry: open decisions %v, want d1", open)
	}
	for _, ev := range e.Log() {
		if ev.Kind == plan.EventCheckpoint {
			t.Error("the log shows a checkpoint")
		}
	}
}

func TestOpenDecisionsFromPutToMade(t *testing.T) {
	sc, ws := fixture(t)
	// Eve is cast as incident manager although Ann holds the role.
	d := startDriver(t, sc, ws, Options{Speed: 20, Participants: []plan.Participant{{Person: "eve", Role: "im"}}})
	e := d.e
	d.until(at("T+59:59"))
	if open := e.OpenDecisions(); len(open) != 0 {
		t.Fatalf("open before its time: %v", open)
	}
	d.until(at("T+1:30:00")) // past its 10-minute deadline: still open
	open := e.OpenDecisions()
	if len(open) != 1 {
		t.Fatalf("open decisions %v, want d1", open)
	}
	o := open[0]
	if o.ID != "d1" || o.Prompt != "Fail over?" || len(o.Options) != 2 || o.Options[1].Grade != GradePoor ||
		o.PutAt != at("T+1:00:00") || o.Deadline != at("T+1:10:00") || o.Decider != "eve" {
		t.Errorf("open decision %+v (decision %+v)", o, *o.Decision)
	}
	d.collect(e.Decide("d1", 0, o.Decider))
	if open := e.OpenDecisions(); len(open) != 0 {
		t.Errorf("still open after the decision: %v", open)
	}
}

func TestPlayerForPrefersTheCastParticipant(t *testing.T) {
	sc, ws := fixture(t)
	e, _, err := Start(sc, ws, NewFakeClock(epoch), Options{Participants: []plan.Participant{{Person: "eve", Role: "exec"}}})
	if err != nil {
		t.Fatal(err)
	}
	for ref, want := range map[Ref]string{"executive": "eve", "incident-manager": "ann", "": "", "stakeholder:customer": ""} {
		if got := e.PlayerFor(ref); got != want {
			t.Errorf("%q: %q, want %q", ref, got, want)
		}
	}
}

// withPlaybook adds an on-call playbook of three steps to the fixture.
func withPlaybook(ws *plan.Workspace) {
	ws.Playbooks = append(ws.Playbooks, plan.Playbook{ID: "failover", Title: "Cloud failover", Role: "oncall", Steps: []plan.Step{
		{Text: "Confirm the region is down"}, {Text: "Switch region\nwith the runbook"}, {Text: "Tell the incident manager"},
	}})
}

// TestTickStepRecordsAStructuredStep: a ticked step is an action with a
// StepRef, named in the log, counted once, read back by CompletedSteps and
// meeting the scenario's playbook-step expectation; bad references are
// refused.
func TestTickStepRecordsAStructuredStep(t *testing.T) {
	sc, ws := fixture(t)
	withPlaybook(ws)
	path := filepath.Join(t.TempDir(), "j.jsonl")
	e := startDriver(t, sc, ws, Options{Speed: 20, Journal: path}).e
	evs, err := e.TickStep("failover", 2, "bob")
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != 1 || evs[0].Step == nil || *evs[0].Step != (plan.StepRef{Playbook: "failover", Step: 2}) || evs[0].Note != "" ||
		evs[0].Text != "Bob: complete playbook step → Cloud failover, step 2: Switch region" {
		t.Fatalf("events %+v", evs)
	}
	if _, err := e.Record(Action{Kind: ExpectPlaybookStep, Actor: "bob", Text: "failover step 3: typed as a note"}); err != nil {
		t.Fatal(err)
	}
	for _, bad := range []struct {
		a    Action
		want string
	}{
		{Action{Kind: ExpectPlaybookStep, Step: &plan.StepRef{Playbook: "failover", Step: 2}}, "already recorded"},
		{Action{Kind: ExpectPlaybookStep, Step: &plan.StepRef{Playbook: "ghost", Step: 1}}, `no playbook "ghost"`},
		{Action{Kind: ExpectPlaybookStep, Step: &plan.StepRef{Playbook: "failover", Step: 4}}, "has no step 4 (it has 3)"},
		{Action{Kind: ExpectPlaybookStep, Step: &plan.StepRef{Playbook: "failover", Step: 0}}, "has no step 0"},
		{Action{Kind: ExpectEscalate, Target: "im", Step: &plan.StepRef{Playbook: "failover", Step: 1}}, "cannot tick a playbook step"},
	} {
		if _, err := e.Record(bad.a); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%+v: %v, want %q", bad.a, err, bad.want)
		}
	}
	if _, err := e.TickStep("failover", 1, "bob"); err != nil {
		t.Fatal(err)
	}
	want := map[string][]int{"failover": {1, 2}}
	if got := e.CompletedSteps(); !reflect.DeepEqual(got, want) {
		t.Errorf("completed steps %v, want %v (a note is not a step)", got, want)
	}

	// The step meets the scenario's expectation like any playbook-step action.
	for e.Now() < at("T+3:30:00") {
		if _, err := e.SkipToNext(); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.TickStep("failover", 3, "bob"); err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(e.Tasks(), func(tk plan.Task) bool { return tk.ID == "a5.1" })
	if i < 0 || e.Tasks()[i].Status != plan.TaskMet {
		t.Errorf("a5.1 not met by the ticked step: %+v", e.Tasks())
	}

	// Resumed from the journal, the steps are the same.
	e.Close()
	r, err := Resume(path, NewFakeClock(epoch.Add(time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := r.CompletedSteps(), map[string][]int{"failover": {1, 2, 3}}; !reflect.DeepEqual(got, want) {
		t.Errorf("after resuming: %v, want %v", got, want)
	}
}

// TestVersion1JournalStepsAreReadFromNotes: a journal written before
// events had a Step resumes with the steps its notes recorded; a journal of
// today's format takes a note as a note.
func TestVersion1JournalStepsAreReadFromNotes(t *testing.T) {
	sc, ws := fixture(t)
	withPlaybook(ws)
	play := func(version int) *Engine {
		t.Helper()
		path := filepath.Join(t.TempDir(), "j.jsonl")
		e, _, err := Start(sc, ws, NewFakeClock(epoch), Options{Journal: path})
		if err != nil {
			t.Fatal(err)
		}
		// What the console recorded before TickStep existed.
		if _, err := e.Record(Action{Kind: ExpectPlaybookStep, Actor: "bob", Text: "failover step 2: Switch region"}); err != nil {
			t.Fatal(err)
		}
		e.Close()
		if version == 1 {
			rewriteHeader(t, path, fmt.Sprintf(`{"journal":%d,`, journalVersion), `{"journal":1,`)
		}
		r, err := Resume(path, NewFakeClock(epoch.Add(time.Hour)))
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	if got, want := play(1).CompletedSteps(), map[string][]int{"failover": {2}}; !reflect.DeepEqual(got, want) {
		t.Errorf("version 1 journal: %v, want %v", got, want)
	}
	if got := play(2).CompletedSteps(); len(got) != 0 {
		t.Errorf("version %d journal: a note became a step: %v", journalVersion, got)
	}
}

func TestCompletedStepsOfAStoredRun(t *testing.T) {
	step := func(pb string, n int) plan.Event {
		return plan.Event{Kind: plan.EventAction, Action: string(ExpectPlaybookStep), Step: &plan.StepRef{Playbook: pb, Step: n}}
	}
	got := CompletedSteps([]plan.Event{step("b", 3), step("a", 2), step("b", 1), step("b", 3), {Kind: plan.EventAction, Action: string(ExpectPlaybookStep)}})
	if want := map[string][]int{"a": {2}, "b": {1, 3}}; !reflect.DeepEqual(got, want) {
		t.Errorf("%v, want %v", got, want)
	}
}

// TestCastingsOfferMembersFirst: the start dialog's choices per role, and
// the defaults taken from them.
func TestCastingsOfferMembersFirst(t *testing.T) {
	sc, ws := fixture(t)
	ws.Roles[0].Members = []string{"ghost", "eve", "ann"} // incident manager: a dangling ID first
	got := Castings(sc, ws)
	var refs []string
	for _, c := range got {
		refs = append(refs, string(c.Ref))
	}
	if strings.Join(refs, " ") != "on-call incident-manager customer-comms executive" {
		t.Fatalf("castings for %v", refs)
	}
	im := got[1]
	if im.Role != "im" || im.Name != "Incident Manager" || strings.Join(im.People, " ") != "eve ann bob cat dan" {
		t.Errorf("incident manager casting %+v", im)
	}
	for _, p := range DefaultParticipants(sc, ws) {
		if p.Role == "im" && p.Person != "eve" {
			t.Errorf("incident manager played by %s, want eve (the first member in the plan)", p.Person)
		}
	}
}

// TestCastingsLeaveOutRolesThatDoNotApply: a clinical-safety role for a
// company without clinical services is neither cast nor a crash.
func TestCastingsLeaveOutRolesThatDoNotApply(t *testing.T) {
	lib, err := Library()
	if err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(lib, func(s *Scenario) bool { return s.ID == "cloud-region-outage" })
	saas := plan.Demo()
	saas.Organisation.Sector = "Software as a service"
	saas.IncidentTypes = slices.DeleteFunc(saas.IncidentTypes, func(it plan.IncidentType) bool { return it.Category == plan.CategoryClinical })
	for _, c := range Castings(lib[i], saas) {
		if plan.ClinicalRef(string(c.Ref)) {
			t.Errorf("cast a role that does not apply: %+v", c)
		}
	}
	if ps := DefaultParticipants(lib[i], saas); len(ps) == 0 {
		t.Error("no participants at all")
	}
}

func rewriteHeader(t *testing.T, path, old, new string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), old) {
		t.Fatalf("journal starts %.40q, want %q", data, old)
	}
	if err := os.WriteFile(path, []byte(new+string(data[len(old):])), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TestDeciderDefaultsToTheIncidentManager: a decision that names no role,
// or one nobody holds, is proposed as decided by whoever plays the
// incident manager, else that role's primary.
func TestDeciderDefaultsToTheIncidentManager(t *testing.T) {
	sc, ws := fixture(t)
	sc.Decisions[0].By = ""
	ws.Roles = append(ws.Roles, plan.Role{ID: "tech", Name: "Tech Lead", Functions: []plan.Function{plan.FunctionTechnicalLead}})
	sc2 := Clone(sc)
	sc2.Decisions[0].By = Ref(plan.FunctionTechnicalLead) // bound, but nobody in it
	for _, c := range []struct {
		name   string
		sc     *Scenario
		cast   []plan.Participant
		want   string
		wantAs Ref
	}{
		{"no role, primary", sc, nil, "ann", "incident-manager"},
		{"no role, cast", sc, []plan.Participant{{Person: "eve", Role: "im"}}, "eve", "incident-manager"},
		{"empty role", sc2, nil, "ann", "incident-manager"},
	} {
		d := startDriver(t, c.sc, ws, Options{Participants: c.cast})
		d.until(at("T+1:00:00"))
		open := d.e.OpenDecisions()
		if len(open) != 1 || open[0].Decider != c.want || open[0].DeciderRole != c.wantAs {
			t.Errorf("%s: open decisions %+v, want decider %q as %q", c.name, open, c.want, c.wantAs)
		}
	}
}

func TestFacilitatorSurvivesResume(t *testing.T) {
	sc, ws := fixture(t)
	path := filepath.Join(t.TempDir(), "j.jsonl")
	e, _, err := Start(sc, ws, NewFakeClock(epoch), Options{Facilitator: "Sam Facilitator", Journal: path})
	if err != nil {
		t.Fatal(err)
	}
	if e.Facilitator() != "Sam Facilitator" {
		t.Fatalf("facilitator %q", e.Facilitator())
	}
	e.Close()
	r, err := Resume(path, NewFakeClock(epoch))
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	if r.Facilitator() != "Sam Facilitator" {
		t.Errorf("resumed facilitator %q", r.Facilitator())
	}
}

// Checklists offer the playbooks of the roles played, those for the
// scenario's category first: an availability drill opens the outage
// playbook even when a breach playbook of the same role comes first in
// the plan.
func TestChecklistsPutTheScenariosPlaybooksFirst(t *testing.T) {
	sc, ws := fixture(t)
	ws.Playbooks = append(ws.Playbooks,
		plan.Playbook{ID: "breach-pb", Title: "Breach triage", Role: "oncall", IncidentTypes: []string{"breach"}, Steps: []plan.Step{{Text: "Contain"}}},
		plan.Playbook{ID: "nobody", Title: "Nobody plays me", Role: "ghost-role", IncidentTypes: []string{"outage"}},
		plan.Playbook{ID: "outage-pb", Title: "Region outage", Role: "oncall", IncidentTypes: []string{"outage"}, Steps: []plan.Step{{Text: "Fail over"}}},
	)
	sc.Category = plan.CategoryAvailability
	e := startDriver(t, sc, ws, Options{Speed: 20, Participants: []plan.Participant{{Role: "oncall", Person: "bob"}, {Role: "im", Person: "ann"}}}).e
	var got []string
	for _, c := range e.Checklists() {
		got = append(got, fmt.Sprintf("%s/%s/%v", c.Playbook.ID, c.Actor, c.ForScenario))
	}
	want := []string{"outage-pb/bob/true", "breach-pb/bob/false"}
	if !slices.Equal(got, want) {
		t.Fatalf("checklists %v, want %v", got, want)
	}
}

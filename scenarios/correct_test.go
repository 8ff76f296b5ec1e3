package scenarios

import (
	"encoding/json"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"drillbook/plan"
)

// seqOf is the Seq of the last event of kind (and action, if given) in evs.
func seqOf(t *testing.T, evs []plan.Event, kind, action string) int {
	t.Helper()
	for i := len(evs) - 1; i >= 0; i-- {
		if evs[i].Kind == kind && (action == "" || evs[i].Action == action) {
			return evs[i].Seq
		}
	}
	t.Fatalf("no %s %s event in %d events", kind, action, len(evs))
	return 0
}

func taskStatus(tasks []plan.Task) map[string]string {
	out := map[string]string{}
	for _, tk := range tasks {
		s := tk.Status
		if tk.MetAt != nil {
			s += " " + Offset(tk.MetAt.D()).String()
		}
		out[tk.ID] = s
	}
	return out
}

// TestStrikeReopensWhatTheActionMet: striking the escalation that met a3's
// expectation (deadline T+2:15) opens it again before its deadline, and
// breaches it at the deadline; the stored run keeps the original and the
// correction, and its tasks are those of the corrected log.
func TestStrikeReopensWhatTheActionMet(t *testing.T) {
	sc, ws := fixture(t)
	d := startDriver(t, sc, ws, Options{Speed: 20})
	d.until(at("T+2:05:00"))
	d.collect(d.e.Record(Action{Kind: ExpectEscalate, Actor: "ann", Target: "exec"}))
	if got := taskStatus(d.e.Tasks())["a3.1"]; got != "met T+2:05:00" {
		t.Fatalf("a3.1 %q before the strike", got)
	}
	seq := seqOf(t, d.events, plan.EventAction, "escalate")
	d.until(at("T+2:10:00"))
	evs, err := d.e.Strike(seq, "recorded against the wrong inject", "fac")
	if err != nil {
		t.Fatal(err)
	}
	d.events = append(d.events, evs...)
	if len(evs) != 1 || evs[0].Kind != plan.EventCorrection || evs[0].Corrects != seq || evs[0].Replacement != nil || evs[0].Actor != "fac" {
		t.Fatalf("strike logged %+v", evs)
	}
	if !strings.Contains(evs[0].Text, "recorded against the wrong inject") || !strings.Contains(evs[0].Text, "met → pending") {
		t.Errorf("strike line %q lacks its reason or what it re-scored", evs[0].Text)
	}
	if got := taskStatus(d.e.Tasks())["a3.1"]; got != plan.TaskPending {
		t.Fatalf("a3.1 %q after the strike, want pending again", got)
	}
	d.until(at("T+2:20:00"))
	if !containsEvent(d.events, plan.EventBreach, "a3.1") {
		t.Error("a3.1 not breached at its deadline after its escalation was struck")
	}
	run, _, err := d.e.End(nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := taskStatus(run.Tasks)["a3.1"]; got != plan.TaskMissed {
		t.Errorf("stored a3.1 %q, want missed", got)
	}
	if run.Events[seq-1].Kind != plan.EventAction || !containsEvent(run.Events, plan.EventCorrection, "") {
		t.Error("the stored run lost the struck entry or its correction")
	}
	log := plan.EffectiveLog(run.Events)
	for _, en := range log {
		if en.Seq == seq && (!en.Struck || en.Correction == nil || en.Correction.Reason != "recorded against the wrong inject") {
			t.Errorf("effective entry %d: %+v", seq, en)
		}
	}
}

// TestStrikeAfterTheDeadlineBreachesAtOnce: a strike after the deadline
// leaves the expectation missed, as if it had never been met.
func TestStrikeAfterTheDeadlineBreachesAtOnce(t *testing.T) {
	sc, ws := fixture(t)
	d := startDriver(t, sc, ws, Options{Speed: 20})
	d.until(at("T+02:00"))
	d.collect(d.e.Record(Action{Kind: ExpectAcknowledge, Actor: "bob"}))
	d.until(at("T+40:00"))
	before := taskStatus(d.e.Tasks())
	if before["a1.1"] != "met T+02:00" || before["acknowledge@sev2"] != "met T+02:00" {
		t.Fatalf("before the strike: %v", before)
	}
	if _, err := d.e.Strike(seqOf(t, d.events, plan.EventAction, "acknowledge"), "that was the test page", "fac"); err != nil {
		t.Fatal(err)
	}
	after := taskStatus(d.e.Tasks())
	if after["a1.1"] != plan.TaskMissed || after["acknowledge@sev2"] != plan.TaskMissed {
		t.Errorf("after the strike: a1.1 %q, acknowledge@sev2 %q; want both missed", after["a1.1"], after["acknowledge@sev2"])
	}
	if got := PublicStatus(d.e.Log()); got != "Reported — awaiting acknowledgement" {
		t.Errorf("public status %q after the acknowledgement was struck", got)
	}
	// A late acknowledgement now meets them late.
	d.collect(d.e.Record(Action{Kind: ExpectAcknowledge, Actor: "bob"}))
	if got := taskStatus(d.e.Tasks())["acknowledge@sev2"]; got != "late T+40:00" {
		t.Errorf("acknowledge@sev2 %q after a late acknowledgement", got)
	}
}

// TestCorrectActionRescoresIt: correcting the actor keeps the outcome and
// shows the new actor; correcting the target to the right role meets the
// expectation at the action's original time.
func TestCorrectActionRescoresIt(t *testing.T) {
	sc, ws := fixture(t)
	d := startDriver(t, sc, ws, Options{Speed: 20})
	d.until(at("T+2:05:00"))
	d.collect(d.e.Record(Action{Kind: ExpectEscalate, Actor: "bob", Target: "cat"}))
	seq := seqOf(t, d.events, plan.EventAction, "escalate")
	if got := taskStatus(d.e.Tasks())["a3.1"]; got != plan.TaskPending {
		t.Fatalf("a3.1 %q: an escalation to Cat met the escalation to the executive", got)
	}
	d.until(at("T+2:30:00"))
	evs, err := d.e.CorrectAction(seq, Action{Kind: ExpectEscalate, Actor: "ann", Target: "exec"}, "misheard: Ann escalated to Dan's role", "fac")
	if err != nil {
		t.Fatal(err)
	}
	if got := taskStatus(d.e.Tasks())["a3.1"]; got != "met T+2:05:00" {
		t.Errorf("a3.1 %q after the correction, want met at the original time", got)
	}
	if len(evs) != 1 || !strings.Contains(evs[0].Text, "missed → met") {
		t.Errorf("correction logged %+v", evs)
	}
	var en plan.Entry
	for _, x := range d.e.EffectiveLog() {
		if x.Seq == seq {
			en = x
		}
	}
	if en.Actor != "ann" || en.Target != "exec" || en.Struck || en.Original == nil || en.Original.Actor != "bob" ||
		en.At.D() != at("T+2:05:00") || en.Correction == nil || en.Correction.Actor != "fac" || !strings.HasPrefix(en.Text, "Ann: escalate → Head of Engineering") {
		t.Errorf("effective entry %+v", en)
	}
	// Correct only the actor now: the outcome stays.
	if _, err := d.e.CorrectAction(seq, Action{Kind: ExpectEscalate, Actor: "dan", Target: "exec"}, "it was Dan", "fac"); err != nil {
		t.Fatal(err)
	}
	if got := taskStatus(d.e.Tasks())["a3.1"]; got != "met T+2:05:00" {
		t.Errorf("a3.1 %q after correcting the actor", got)
	}
}

// TestStrikeADecisionOpensItAgain: a struck decision is open again and can
// be made anew; the stored run keeps the new choice only; a corrected
// decision changes the option and who decided.
func TestStrikeADecisionOpensItAgain(t *testing.T) {
	sc, ws := fixture(t)
	d := startDriver(t, sc, ws, Options{Speed: 20})
	d.until(at("T+1:02:00"))
	d.collect(d.e.Decide("d1", 1, "bob")) // poor: plays f1
	seq := seqOf(t, d.events, plan.EventDecision, "d1")
	d.until(at("T+1:04:00"))
	if _, err := d.e.Strike(seq, "clicked the wrong option", "fac"); err != nil {
		t.Fatal(err)
	}
	if open := d.e.OpenDecisions(); len(open) != 1 || open[0].ID != "d1" {
		t.Fatalf("open decisions after the strike: %+v", open)
	}
	states := map[string]InjectState{}
	for _, s := range d.e.InjectStates() {
		states[s.Inject.ID] = s.State
	}
	if states["f1"] != InjectDelivered {
		t.Errorf("f1 %v: the players saw it, it stays delivered", states["f1"])
	}
	for _, en := range d.e.EffectiveLog() {
		if en.Seq == seq+1 && (en.Kind != plan.EventAction || !en.Struck) {
			t.Errorf("the decision's action %+v is not struck with it", en)
		}
	}
	d.collect(d.e.Decide("d1", 0, "ann"))
	seq2 := seqOf(t, d.events, plan.EventDecision, "d1")
	if got := taskStatus(d.e.Tasks())["decision:d1"]; got != "met T+1:04:00" {
		t.Errorf("decision:d1 %q", got)
	}
	if _, err := d.e.CorrectDecision(seq2, 1, "dan", "Dan made the call, and chose to wait", "fac"); err != nil {
		t.Fatal(err)
	}
	run, _, err := d.e.End(nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(run.Decisions) != 1 || run.Decisions[0].By != "dan" || run.Decisions[0].Grade != "poor" || run.Decisions[0].At.D() != at("T+1:04:00") {
		t.Errorf("stored decisions %+v", run.Decisions)
	}
}

// TestCorrectNotesAndRefusals: notes are corrected or struck; a blank
// reason, an unknown entry, a derived entry and a struck one are refused.
func TestCorrectNotesAndRefusals(t *testing.T) {
	sc, ws := fixture(t)
	d := startDriver(t, sc, ws, Options{})
	d.until(at("T+01:00"))
	d.collect(d.e.Note("Team unsure who owns the status pgae", true, "eva"))
	note := seqOf(t, d.events, plan.EventObservation, "")
	if _, err := d.e.CorrectNote(note, "Team unsure who owns the status page", "typo", "eva"); err != nil {
		t.Fatal(err)
	}
	inject := seqOf(t, d.events, plan.EventInject, "a1")
	for name, err := range map[string]error{
		"no reason":    second(d.e.Strike(note, "  ", "fac")),
		"no entry":     second(d.e.Strike(9999, "x", "fac")),
		"derived":      second(d.e.Strike(inject, "x", "fac")),
		"wrong kind":   second(d.e.CorrectAction(note, Action{Kind: ExpectAcknowledge}, "x", "fac")),
		"unknown kind": second(d.e.CorrectAction(note, Action{Kind: "dance"}, "x", "fac")),
		"empty note":   second(d.e.CorrectNote(note, "", "x", "fac")),
		"not decision": second(d.e.CorrectDecision(note, 0, "ann", "x", "fac")),
	} {
		if err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	if _, err := d.e.Strike(note, "not an observation after all", "fac"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.e.Strike(note, "again", "fac"); err == nil || !strings.Contains(err.Error(), "already struck") {
		t.Errorf("striking twice: %v", err)
	}
	if _, err := d.e.CorrectNote(note, "x", "again", "fac"); err == nil {
		t.Error("a struck note was corrected")
	}
	for _, en := range d.e.EffectiveLog() {
		if en.Seq == note && (!en.Struck || en.Text != "Team unsure who owns the status page" || en.Original.Text != "Team unsure who owns the status pgae") {
			t.Errorf("note entry %+v", en)
		}
	}
}

func second(_ []plan.Event, err error) error { return err }

// TestResumeWithCorrectionsIsIdentical: a run with a strike and a
// correction, interrupted and resumed from its journal, has the same log,
// effective log, tasks, severity and open decisions.
func TestResumeWithCorrectionsIsIdentical(t *testing.T) {
	sc, ws := fixture(t)
	clk := NewFakeClock(epoch)
	path := filepath.Join(t.TempDir(), "ws.json.exercise-run.jsonl")
	e, evs, err := Start(sc, ws, clk, Options{Speed: 10, Journal: path})
	if err != nil {
		t.Fatal(err)
	}
	d := &driver{t: t, e: e, clk: clk, step: time.Second, events: evs}
	d.until(at("T+03:00"))
	d.collect(e.Record(Action{Kind: ExpectAcknowledge, Actor: "bob"}))
	d.until(at("T+31:00"))
	d.collect(e.Record(Action{Kind: ExpectSetSeverity, Actor: "ann", Severity: 1}))
	sev := seqOf(t, d.events, plan.EventAction, "set-severity")
	d.until(at("T+40:00"))
	d.collect(e.Strike(sev, "the team only discussed it", "fac"))
	d.until(at("T+1:01:00"))
	d.collect(e.Decide("d1", 1, "bob"))
	d.collect(e.CorrectDecision(seqOf(t, d.events, plan.EventDecision, "d1"), 0, "ann", "Ann decided to fail over", "fac"))
	d.until(at("T+1:20:00"))
	if e.Severity() != 2 {
		t.Fatalf("severity %d after striking the change to 1", e.Severity())
	}
	snap := func(e *Engine) string {
		data, err := json.Marshal([]any{e.Log(), e.EffectiveLog(), e.Tasks(), e.Severity(), len(e.OpenDecisions())})
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	before := snap(e)
	e.Close()
	r, err := Resume(path, NewFakeClock(epoch.Add(5*time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	if after := snap(r); after != before {
		t.Fatalf("resumed state differs:\n was %s\n now %s", before, after)
	}
	if !reflect.DeepEqual(r.Events(), e.Events()) {
		t.Error("resumed events differ")
	}
}

func containsEvent(evs []plan.Event, kind, action string) bool {
	for _, ev := range evs {
		if ev.Kind == kind && (action == "" || ev.Action == action) {
			return true
		}
	}
	return false
}

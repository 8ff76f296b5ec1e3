package scenarios

import (
	"fmt"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"drillbook/plan"
)

// TestFourHourRunAtX20WithPauses plays the fixture for four hours at ×20
// with pauses and a trigger-now during a pause, and checks every task's
// outcome against values worked out by hand (see the comments).
func TestFourHourRunAtX20WithPauses(t *testing.T) {
	sc, ws := fixture(t)
	clk := NewFakeClock(epoch)
	e, evs, err := Start(sc, ws, clk, Options{Speed: 20, Journal: filepath.Join(t.TempDir(), "run.jsonl")})
	if err != nil {
		t.Fatal(err)
	}
	d := &driver{t: t, e: e, clk: clk, step: 700 * time.Millisecond, events: evs}
	rec := func(kind ExpectKind, actor, target string, sev int) {
		t.Helper()
		d.collect(e.Record(Action{Kind: kind, Actor: actor, Target: target, Severity: sev}))
	}

	d.until(at("T+04:00"))
	rec(ExpectAcknowledge, "bob", "", 0) // a1.1 met; plan acknowledge (sev2, 15m) met
	d.until(at("T+12:00"))
	d.collect(e.Pause())
	d.wallWait(30 * time.Minute) // a long pause must not move any deadline
	if got := e.Now(); got != at("T+12:00") {
		t.Fatalf("paused clock moved to %s", Offset(got))
	}
	d.collect(e.Resume())
	d.until(at("T+25:00"))
	rec(ExpectDeclare, "bob", "", 0) // a1.2 deadline T+20:00 → late
	d.until(at("T+35:00"))
	// first-update@sev2 (30m) breached at T+30:00. Severity 1 re-plans:
	// resolve@sev2 and the sev2 rule/cadence are superseded; r1 (10m) is
	// cleared because the page was acknowledged; r2 arms for T+1:00:00.
	rec(ExpectSetSeverity, "ann", "", 1)
	d.until(at("T+50:00"))
	// a2.2 met; stakeholder cadence (sev1, 1h from T+0) met, next window
	// T+50→T+1:50; first-update met late, opening the 30m update cadence
	// T+50→T+1:20.
	rec(ExpectNotify, "cat", "customers", 0)
	d.until(at("T+1:03:00"))
	// r2 fired at T+1:00:00 (unresolved). Decision d1 put at T+1:00:00.
	d.collect(e.Decide("d1", 1, "ann")) // poor: plays f1 (escalate within 10m → T+1:13)
	d.until(at("T+1:08:00"))
	rec(ExpectEscalate, "ann", "exec", 0) // r2 deadline T+1:05 → late; f1.1 met
	d.until(at("T+1:45:00"))
	// update-cadence window 1 breached at T+1:20; this update meets it late
	// and opens T+1:45→T+2:15. Stakeholder window 2 (→T+1:50) met.
	rec(ExpectNotify, "cat", "customers", 0)
	d.until(at("T+2:10:00"))
	// a3 (T+2:00) was credited at delivery: escalated to exec at T+1:08.
	d.collect(e.Pause())
	d.wallWait(time.Hour)
	d.collect(e.TriggerNow("a4")) // delivered at T+2:10, not T+3:00; deadline T+2:30
	d.wallWait(10 * time.Minute)
	d.collect(e.Resume())
	d.until(at("T+3:35:00"))
	rec(ExpectPlaybookStep, "bob", "", 0) // a5 (T+3:30) met
	d.until(at("T+3:50:00"))
	rec(ActionResolve, "ann", "", 0) // resolve@sev1 (4h) met
	d.until(at("T+4:00:00"))
	run, _, err := e.End([]plan.HotwashNote{{Question: "One", Answer: "Yes"}})
	if err != nil {
		t.Fatal(err)
	}

	want := map[string]string{
		// scenario expectations
		"a1.1":        "met T+04:00",
		"a1.2":        "late T+25:00",
		"a2.1":        "met T+35:00",
		"a2.2":        "met T+50:00",
		"decision:d1": "met T+1:03:00",
		"f1.1":        "met T+1:08:00",
		"a3.1":        "met T+2:00:00",
		"a4.1":        "missed",
		"a5.1":        "met T+3:35:00",
		// plan timers at severity 2 (starting severity)
		"acknowledge@sev2":           "met T+04:00",
		"first-update@sev2":          "late T+50:00",
		"resolve@sev2":               "not-needed",
		"rule:r3@sev2":               "not-needed",
		"stakeholder:customers@sev2": "not-needed",
		"report:contract":            "missed",
		// plan timers after the change to severity 1
		"resolve@sev1":                 "met T+3:50:00",
		"rule:r1@sev1":                 "not-needed",
		"rule:r2@sev1":                 "late T+1:08:00",
		"stakeholder:customers@sev1":   "met T+50:00",
		"stakeholder:customers@sev1#2": "met T+1:45:00",
		"stakeholder:customers@sev1#3": "missed",
		"update-cadence@sev1":          "late T+1:45:00",
		"update-cadence@sev1#2":        "missed",
	}
	got := map[string]string{}
	for _, tk := range run.Tasks {
		s := tk.Status
		if tk.MetAt != nil {
			s += " " + Offset(tk.MetAt.D()).String()
		}
		got[tk.ID] = s
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: %q, want %q", id, got[id], w)
		}
	}
	for id := range got {
		if _, ok := want[id]; !ok {
			t.Errorf("unexpected task %s: %s", id, got[id])
		}
	}

	// Breaches are stamped with their own deadlines, never the tick that
	// noticed them: pauses and trigger-now shifted nothing.
	wantBreach := map[string]string{
		"a1.2": "T+20:00", "first-update@sev2": "T+30:00", "rule:r2@sev1": "T+1:05:00",
		"update-cadence@sev1": "T+1:20:00", "update-cadence@sev1#2": "T+2:15:00",
		"a4.1": "T+2:30:00", "stakeholder:customers@sev1#3": "T+2:45:00", "report:contract": "T+3:00:00",
	}
	gotBreach := map[string]string{}
	for _, ev := range run.Events {
		if ev.Kind == plan.EventBreach {
			gotBreach[ev.Action] = Offset(ev.At.D()).String()
		}
	}
	if fmt.Sprint(sorted(gotBreach)) != fmt.Sprint(sorted(wantBreach)) {
		t.Errorf("breaches\n got %v\nwant %v", sorted(gotBreach), sorted(wantBreach))
	}
	// Injects arrive at their scheduled times; a4 when triggered.
	for _, ev := range run.Events {
		if ev.Kind != plan.EventInject {
			continue
		}
		wantAt := map[string]string{"a1": "T+00:00", "a2": "T+30:00", "a3": "T+2:00:00", "a4": "T+2:10:00", "a5": "T+3:30:00", "f1": "T+1:03:00"}[ev.Action]
		if got := Offset(ev.At.D()).String(); got != wantAt {
			t.Errorf("inject %s delivered at %s, want %s", ev.Action, got, wantAt)
		}
	}
	// The log is in time order and numbered without gaps.
	for i, ev := range run.Events {
		if ev.Seq != i+1 || (i > 0 && ev.At < run.Events[i-1].At) {
			t.Fatalf("event %d out of order: %+v after %+v", i, ev, run.Events[max(i-1, 0)])
		}
	}
	if run.Length != plan.Duration(4*time.Hour) || len(run.Decisions) != 1 || run.Decisions[0].Grade != "poor" {
		t.Errorf("run record: length %s, decisions %+v", run.Length, run.Decisions)
	}
}

func sorted(m map[string]string) []string {
	var out []string
	for k, v := range m {
		out = append(out, k+"="+v)
	}
	sort.Strings(out)
	return out
}

func TestTriggerNowAfterPauseIsNotLate(t *testing.T) {
	sc, ws := fixture(t)
	clk := NewFakeClock(epoch)
	e, _, err := Start(sc, ws, clk, Options{Speed: 1})
	if err != nil {
		t.Fatal(err)
	}
	clk.Advance(5 * time.Minute)
	e.Tick()
	e.Pause()
	clk.Advance(45 * time.Minute) // the pause
	evs, err := e.TriggerNow("a2")
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) == 0 || evs[0].At.D() != 5*time.Minute {
		t.Fatalf("trigger-now after a pause delivered at %v, want T+05:00", evs)
	}
	e.Resume()
	// a2's notify expectation (30m) is due T+35:00: not a second earlier
	// or later, whatever the pause.
	clk.Advance(30 * time.Minute) // exercise T+35:00 exactly
	evs, _ = e.Tick()
	for _, ev := range evs {
		if ev.Kind == plan.EventBreach && ev.Action == "a2.2" {
			t.Fatal("breached at its deadline instant: an action exactly on time must count")
		}
	}
	clk.Advance(time.Second)
	evs, _ = e.Tick()
	found := false
	for _, ev := range evs {
		if ev.Kind == plan.EventBreach && ev.Action == "a2.2" {
			found = ev.At.D() == 35*time.Minute
		}
	}
	if !found {
		t.Fatalf("a2.2 breach not stamped T+35:00: %v", evs)
	}
}

func TestSkipToNextProcessesBreachesOnTheWay(t *testing.T) {
	sc, ws := fixture(t)
	clk := NewFakeClock(epoch)
	e, _, _ := Start(sc, ws, clk, Options{})
	evs, err := e.SkipToNext() // to a2 at T+30:00
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for _, ev := range evs {
		kinds = append(kinds, fmt.Sprintf("%s:%s@%s", ev.Kind, ev.Action, Offset(ev.At.D())))
	}
	want := []string{"skip:@T+00:00", "breach:a1.1@T+10:00", "breach:acknowledge@sev2@T+15:00", "breach:a1.2@T+20:00", "inject:a2@T+30:00"}
	if strings.Join(kinds, " ") != strings.Join(want, " ") {
		t.Fatalf("skip produced\n %v\nwant\n %v", kinds, want)
	}
	if e.Now() != 30*time.Minute {
		t.Fatalf("clock at %s after skip", Offset(e.Now()))
	}
}

func TestSeverityChangeReplansTimers(t *testing.T) {
	sc, ws := fixture(t)
	clk := NewFakeClock(epoch)
	e, _, _ := Start(sc, ws, clk, Options{})
	clk.Advance(2 * time.Minute)
	if _, err := e.Record(Action{Kind: ExpectSetSeverity, Actor: "ann", Severity: 1}); err != nil {
		t.Fatal(err)
	}
	deadlines := map[string]string{}
	for _, tk := range e.Tasks() {
		deadlines[tk.ID] = tk.Status + " " + Offset(tk.Deadline.D()).String()
	}
	for id, w := range map[string]string{
		"acknowledge@sev2":  "not-needed T+15:00",
		"acknowledge@sev1":  "pending T+05:00", // from detection, with the stricter target
		"first-update@sev1": "pending T+15:00",
		"resolve@sev1":      "pending T+4:00:00",
		"rule:r1@sev1":      "armed T+15:00", // fires at T+10, 5m grace
	} {
		if deadlines[id] != w {
			t.Errorf("%s: %q, want %q", id, deadlines[id], w)
		}
	}
	if _, err := e.Record(Action{Kind: ExpectSetSeverity, Severity: 7}); err == nil {
		t.Error("a severity the plan does not have was accepted")
	}
}

func TestSpeedLimitsAndEndedRun(t *testing.T) {
	sc, ws := fixture(t)
	clk := NewFakeClock(epoch)
	if _, _, err := Start(sc, ws, clk, Options{Speed: 21}); err == nil {
		t.Error("speed ×21 accepted")
	}
	e, _, _ := Start(sc, ws, clk, Options{Speed: 1})
	if _, err := e.SetSpeed(0.5); err == nil {
		t.Error("speed ×0.5 accepted")
	}
	e.SetSpeed(10)
	clk.Advance(time.Minute)
	if e.Now() != 10*time.Minute {
		t.Errorf("×10 for a minute gave %s", Offset(e.Now()))
	}
	e.End(nil)
	if _, err := e.Record(Action{Kind: ExpectAcknowledge}); err != ErrEnded {
		t.Errorf("record after end: %v", err)
	}
}

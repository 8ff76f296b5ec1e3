package scenarios

import (
	"fmt"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"drillbook/plan"
	"drillbook/plan/plantest"
)

// TestSnapshotSharesNothing checks the copy is equal to the plan and that
// no slice, map or pointer in it aliases the original: writing through
// every one of them leaves the original unchanged.
func TestSnapshotSharesNothing(t *testing.T) {
	ws := plantest.Generate(plantest.Size{People: 20, Roles: 5, Playbooks: 4, Steps: 3, Revisions: 2})
	ws.TargetLevels = map[string]int{"roles": 3}
	ws.Runs = []plan.Run{{ID: "old"}}
	c := snapshot(ws)
	if c.Runs != nil {
		t.Fatal("stored runs copied into the snapshot")
	}
	want := *ws
	want.Runs = nil
	if !reflect.DeepEqual(*c, want) {
		t.Fatal("snapshot differs from the plan")
	}
	assertNoAliasing(t, "ws", reflect.ValueOf(c).Elem(), reflect.ValueOf(&want).Elem())
}

// assertNoAliasing walks a and b together and fails on any slice, map or
// pointer sharing memory.
func assertNoAliasing(t *testing.T, path string, a, b reflect.Value) {
	t.Helper()
	switch a.Kind() {
	case reflect.Slice:
		if a.Len() > 0 && a.Pointer() == b.Pointer() {
			t.Fatalf("%s shares its array with the original", path)
		}
		for i := 0; i < a.Len(); i++ {
			assertNoAliasing(t, path+"[]", a.Index(i), b.Index(i))
		}
	case reflect.Map:
		if !a.IsNil() && a.Pointer() == b.Pointer() {
			t.Fatalf("%s is the original map", path)
		}
	case reflect.Pointer:
		if !a.IsNil() && a.Pointer() == b.Pointer() {
			t.Fatalf("%s points into the original", path)
		}
	case reflect.Struct:
		for i := 0; i < a.NumField(); i++ {
			if a.Type().Field(i).IsExported() {
				assertNoAliasing(t, path+"."+a.Type().Field(i).Name, a.Field(i), b.Field(i))
			}
		}
	}
}

func TestDeepCopyPointersAndMaps(t *testing.T) {
	d := plan.Duration(5)
	in := plan.Run{Tasks: []plan.Task{{ID: "a", MetAt: &d, Refs: []string{"x"}}}}
	out := deepCopy(in)
	*in.Tasks[0].MetAt = 9
	in.Tasks[0].Refs[0] = "y"
	if *out.Tasks[0].MetAt != 5 || out.Tasks[0].Refs[0] != "x" {
		t.Fatalf("copy changed with the original: %+v", out.Tasks[0])
	}
	m := map[string][]int{"a": {1}}
	mc := deepCopy(m)
	m["a"][0] = 2
	if mc["a"][0] != 1 {
		t.Fatal("map values shared")
	}
}

// BenchmarkSnapshotLarge copies the benchmark workspace (1,000 people, 300
// playbooks × 30 steps × 10 revisions), as every run start does.
func BenchmarkSnapshotLarge(b *testing.B) {
	ws := plantest.Large()
	b.ReportAllocs()
	for b.Loop() {
		snapshot(ws)
	}
}

// TestRunIgnoresLiveEditsToThePlan edits and deletes escalation rules and
// changes the scenario on the live objects mid-run: the run's tasks and
// log match a run of an untouched copy, and its resume from the journal.
func TestRunIgnoresLiveEditsToThePlan(t *testing.T) {
	sc, ws := fixture(t)
	scRef, wsRef := fixture(t)
	path := filepath.Join(t.TempDir(), "ws.json.exercise-live.jsonl")
	clk, clkRef := NewFakeClock(epoch), NewFakeClock(epoch)
	live, evs, err := Start(sc, ws, clk, Options{Speed: 10, Journal: path})
	if err != nil {
		t.Fatal(err)
	}
	ref, refEvs, _ := Start(scRef, wsRef, clkRef, Options{Speed: 10})
	d := &driver{t: t, e: live, clk: clk, step: time.Second, events: evs}
	dRef := &driver{t: t, e: ref, clk: clkRef, step: time.Second, events: refEvs}
	both := func(f func(d *driver)) { f(d); f(dRef) }

	both(func(d *driver) { d.until(at("T+05:00")) })
	// The planner tidies the plan while the exercise runs: r1 goes (r3
	// slides into its place), r3's trigger and timing change, the
	// incident manager loses its member, and an inject is moved.
	ws.EscalationRules = slices.Delete(ws.EscalationRules, 0, 1)
	ws.EscalationRules[1].Trigger, ws.EscalationRules[1].After = plan.TriggerUnresolved, 5*plan.Minute
	ws.Roles[0].Members = nil
	sc.Injects[2].At = Offset(10 * time.Minute)
	both(func(d *driver) {
		d.collect(d.e.Record(Action{Kind: ExpectAcknowledge, Actor: "bob"}))
		d.until(at("T+2:30:00"))
		d.collect(d.e.Record(Action{Kind: ExpectEscalate, Actor: "ann", Target: "exec"}))
		d.until(at("T+2:40:00"))
	})
	if got, want := taskOutcomes(live.Tasks()), taskOutcomes(ref.Tasks()); got != want {
		t.Fatalf("live edits changed the run's tasks:\n got %s\nwant %s", got, want)
	}
	sameLog(t, "live run vs untouched copy", live.Events(), ref.Events())
	live.Close()
	resumed, err := Resume(path, NewFakeClock(epoch.Add(time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	sameLog(t, "live run vs its resume", ref.Events(), resumed.Events())
	if got, want := taskOutcomes(resumed.Tasks()), taskOutcomes(ref.Tasks()); got != want {
		t.Fatalf("resumed tasks differ:\n got %s\nwant %s", got, want)
	}
}

func taskOutcomes(ts []plan.Task) string {
	var b strings.Builder
	for _, tk := range ts {
		fmt.Fprintf(&b, "%s=%s@%s ", tk.ID, tk.Status, Offset(tk.Deadline.D()))
	}
	return b.String()
}

func sameLog(t *testing.T, what string, a, b []plan.Event) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("%s: %d events vs %d", what, len(a), len(b))
	}
	for i := range a {
		if eventKey(a[i]) != eventKey(b[i]) {
			t.Fatalf("%s: event %d differs:\n %s\n %s", what, i, eventKey(a[i]), eventKey(b[i]))
		}
	}
}

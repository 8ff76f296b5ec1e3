package scenarios

import (
	"strings"
	"testing"
	"time"

	"drillbook/plan"
)

func TestLibraryScenariosAreCompleteAndBindToDemo(t *testing.T) {
	lib, err := Library()
	if err != nil {
		t.Fatal(err)
	}
	if len(lib) < 15 {
		t.Errorf("library has %d scenarios, want at least 15", len(lib))
	}
	demo := plan.Demo()
	ids := map[string]bool{}
	for _, s := range lib {
		t.Run(s.ID, func(t *testing.T) {
			if ids[s.ID] {
				t.Errorf("duplicate scenario ID")
			}
			ids[s.ID] = true
			if s.Duration < 20*plan.Minute || s.Duration > 120*plan.Minute {
				t.Errorf("duration %s outside 20–120 minutes", s.Duration)
			}
			if len(s.Injects) < 5 {
				t.Errorf("%d timed injects, want at least 5", len(s.Injects))
			}
			expectations, withConsequence := 0, false
			for _, in := range s.Injects {
				expectations += len(in.Expect)
			}
			for _, d := range s.Decisions {
				for _, o := range d.Options {
					withConsequence = withConsequence || len(o.Then) > 0
				}
			}
			if expectations < 5 {
				t.Errorf("%d expectations, want at least 5", expectations)
			}
			if !withConsequence {
				t.Error("no decision option leads to a consequence (then: …)")
			}
			if len(s.Hotwash) < 3 {
				t.Errorf("%d hot-wash questions, want at least 3", len(s.Hotwash))
			}
			if len(s.Objectives) < 2 {
				t.Errorf("%d objectives, want at least 2", len(s.Objectives))
			}
			for _, b := range Bind(s, demo) {
				if !b.Bound() {
					t.Errorf("does not bind to the demo: %s: %s", b.Ref, b.Gap)
				}
			}
		})
	}
}

// TestPlayEveryBuiltInScenario plays each library scenario against the demo
// to the end with a scripted team that does everything expected a minute
// after it is asked and takes the first option of every decision: every
// scenario expectation must then be met.
func TestPlayEveryBuiltInScenario(t *testing.T) {
	lib, err := Library()
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range lib {
		t.Run(s.ID, func(t *testing.T) {
			ws := plan.Demo()
			clk := NewFakeClock(epoch)
			e, _, err := Start(Clone(s), ws, clk, Options{Speed: 20})
			if err != nil {
				t.Fatal(err)
			}
			for step := 0; step < 100000 && e.Now() < s.Duration.D(); step++ {
				clk.Advance(3 * time.Second) // one minute of exercise time
				if _, err := e.Tick(); err != nil {
					t.Fatal(err)
				}
				for _, tk := range e.Tasks() {
					if tk.Source != plan.SourceScenario || tk.Status != plan.TaskPending || tk.Start.D() > e.Now() {
						continue
					}
					if strings.HasPrefix(tk.ID, "decision:") {
						if _, err := e.Decide(strings.TrimPrefix(tk.ID, "decision:"), 0, "amira-khan"); err != nil {
							t.Fatal(err)
						}
						continue
					}
					a := scriptedAction(t, e, tk)
					if _, err := e.Record(a); err != nil {
						t.Fatalf("%s: %v", tk.ID, err)
					}
				}
			}
			run, _, err := e.End(nil)
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for _, tk := range run.Tasks {
				if tk.Source != plan.SourceScenario {
					continue
				}
				n++
				if tk.Status != plan.TaskMet && tk.Status != plan.TaskPending {
					t.Errorf("%s (%s): %s", tk.ID, tk.Label, tk.Status)
				}
			}
			if n < 5 {
				t.Errorf("only %d scenario tasks were played", n)
			}
		})
	}
}

// scriptedAction builds the action that satisfies a scenario task, aimed at
// the first plan entity its target reference bound to.
func scriptedAction(t *testing.T, e *Engine, tk plan.Task) Action {
	t.Helper()
	a := Action{Kind: ExpectKind(tk.Kind), Actor: "amira-khan"}
	if tk.Target != "" {
		b := e.Binding(Ref(tk.Target))
		if len(b.IDs) == 0 {
			t.Fatalf("%s: target %s unbound", tk.ID, tk.Target)
		}
		a.Target = b.IDs[0]
	}
	if a.Kind == ExpectSetSeverity {
		for _, in := range append(append([]Inject(nil), e.Scenario().Injects...), e.Scenario().Floating...) {
			for j := range in.Expect {
				if ExpectationID(in.ID, j, &in.Expect[j]) == tk.ID {
					a.Severity = in.Expect[j].Severities[0]
				}
			}
		}
	}
	return a
}

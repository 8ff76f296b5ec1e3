package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/host"
	"drillbook/plan"
	"drillbook/scenarios"
)

var start = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// exerciseUI is a UI on the demo with a fake clock and no ticker goroutine:
// tests tick by hand.
func exerciseUI(t *testing.T, opts Options) (*UI, *scenarios.FakeClock) {
	t.Helper()
	u, _ := newTestUI(t, opts)
	clk := scenarios.NewFakeClock(start)
	u.clock = clk
	u.startTicker = nil
	u.journalDir = t.TempDir()
	return u, clk
}

func libraryScreen(u *UI) *library { return screenOf[*library](u) }

// screenOf finds a screen by its type (screens are not at fixed places).
func screenOf[T host.Screen](u *UI) T {
	for _, s := range u.screens {
		if v, ok := s.(T); ok {
			return v
		}
	}
	var zero T
	return zero
}

func scenarioByID(t *testing.T, id string) *scenarios.Scenario {
	lib, _ := scenarios.Library()
	for _, s := range lib {
		if s.ID == id {
			return s
		}
	}
	t.Fatalf("no scenario %s", id)
	return nil
}

func TestLibraryFiltersAndReadView(t *testing.T) {
	u, _ := exerciseUI(t, Options{Demo: true})
	l := libraryScreen(u)
	if len(l.shown) < 15 {
		t.Fatalf("library shows %d scenarios", len(l.shown))
	}
	l.category.SetSelected(string(plan.CategoryClinical))
	if len(l.shown) == 0 {
		t.Fatal("no clinical-safety scenarios")
	}
	for _, s := range l.shown {
		if s.Category != plan.CategoryClinical {
			t.Errorf("%s shown under clinical safety", s.ID)
		}
	}
	l.length.SetSelected("Up to 30 minutes")
	for _, s := range l.shown {
		if s.Duration > 30*plan.Minute {
			t.Errorf("%s (%s) shown as up to 30 minutes", s.ID, s.Duration)
		}
	}
	l.category.SetSelectedIndex(0)
	l.length.SetSelectedIndex(0)
	l.list.Select(0)
	if !strings.Contains(l.read.String(), "Hot-wash questions") || l.start.Disabled() {
		t.Fatalf("read view: %.200q", l.read.String())
	}
}

func TestLoadScenarioFileReportsLine(t *testing.T) {
	u, p := newTestUI(t, Options{Demo: true})
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("id: x\ntitle: X\ncategory: nonsense\n"), 0o600)
	p.Open = bad
	libraryScreen(u).loadFile(bad)
	if _, ok := find(topOverlay(t, u), func(l *widget.Label) bool { return strings.Contains(l.Text, "bad.yaml:3") }); !ok {
		t.Fatal("load error does not name file and line")
	}
}

func startByDialog(t *testing.T, u *UI, id string) *console {
	t.Helper()
	u.startRunDialog(scenarioByID(t, id))
	test.Tap(button(t, topOverlay(t, u), "Start"))
	if u.run == nil {
		t.Fatal("no run started")
	}
	return u.run
}

func TestStartRunRecordAndEnd(t *testing.T) {
	u, clk := exerciseUI(t, Options{Demo: true})
	c := startByDialog(t, u, "expired-certificate")
	if u.current != len(u.screens)-1 || u.screens[u.current] != host.Screen(c) {
		t.Fatal("console not shown after start")
	}
	if c.clock.Text != "T+00:00" || c.injectRows[0].state != injectDelivered {
		t.Fatalf("clock %q, first inject %+v", c.clock.Text, c.injectRows[0])
	}
	if len(c.e.Participants()) == 0 {
		t.Fatal("no participants mapped")
	}
	clk.Advance(4*time.Minute + 30*time.Second)
	c.onTick()
	if c.clock.Text != "T+04:30" {
		t.Fatalf("clock shows %q", c.clock.Text)
	}

	// Record an acknowledgement through the dialog.
	c.recordDialog(scenarios.ExpectAcknowledge)
	test.Tap(button(t, topOverlay(t, u), "Record"))
	found := false
	for _, ev := range c.events {
		found = found || (ev.Kind == plan.EventAction && ev.Action == "acknowledge")
	}
	if !found {
		t.Fatal("acknowledgement not in the event log")
	}
	// Escalate to a chosen target: the dialog offers plan roles and people.
	c.recordDialog(scenarios.ExpectEscalate)
	form := topOverlay(t, u)
	sel, ok := find(form, func(s *widget.Select) bool { return len(s.Options) > len(u.doc.ws.People) })
	if !ok {
		t.Fatal("no target choice in the escalate dialog")
	}
	sel.SetSelected("Head of Engineering (Escalation) (role)")
	test.Tap(button(t, form, "Record"))
	last := c.events[len(c.events)-1]
	for _, ev := range c.events {
		if ev.Kind == plan.EventAction && ev.Action == "escalate" {
			last = ev
		}
	}
	if last.Target != "head-of-engineering" || !strings.Contains(last.Text, "→ Head of Engineering (Escalation)") {
		t.Fatalf("escalation recorded as %+v", last)
	}

	// Timers list countdowns; the acknowledge expectation is met.
	met := false
	for _, tk := range c.tasks {
		if tk.ID == "synthetic-check.1" {
			met = tk.Status == plan.TaskMet
		}
	}
	if !met {
		t.Fatalf("acknowledge expectation not met: %+v", c.tasks)
	}

	c.end([]plan.HotwashNote{{Question: "q", Answer: "a"}})
	if u.run != nil || len(u.doc.ws.Runs) != 1 || !u.doc.dirty {
		t.Fatalf("after end: run %v, stored %d, dirty %v", u.run, len(u.doc.ws.Runs), u.doc.dirty)
	}
	run := u.doc.ws.Runs[0]
	if run.ScenarioID != "expired-certificate" || len(run.Tasks) == 0 || run.Hotwash[0].Answer != "a" {
		t.Fatalf("stored run %+v", run.ScenarioID)
	}
	for _, s := range u.screens {
		if _, ok := s.(*console); ok {
			t.Fatal("console still in navigation")
		}
	}
}

func TestProjectorNeverShowsExpectations(t *testing.T) {
	u, clk := exerciseUI(t, Options{Demo: true})
	c := startByDialog(t, u, "expired-certificate")
	c.openProjector()
	sc := c.e.Scenario()
	// Play the whole scenario, decisions included.
	for i := 0; i < 50; i++ {
		clk.Advance(time.Minute)
		c.onTick()
	}
	c.refreshDecisions()
	for _, ev := range c.events {
		if ev.Kind == plan.EventDecisionDue {
			c.apply(c.e.Decide(ev.Action, 1, ""))
		}
	}
	shown := strings.Join(texts(c.proj.win.Content()), "\n")
	if !strings.Contains(shown, "certificate has expired") {
		t.Fatalf("projector does not show delivered injects:\n%s", shown)
	}
	var secrets []string
	for _, in := range append(append([]scenarios.Inject(nil), sc.Injects...), sc.Floating...) {
		for _, e := range in.Expect {
			if e.Note != "" {
				secrets = append(secrets, e.Note)
			}
		}
	}
	secrets = append(secrets, "(good)", "(poor)", "(acceptable)", "Expect", "Deadline", "left", "late", "declare-incident", "Acknowledge within")
	for _, tk := range c.tasks {
		secrets = append(secrets, tk.Label)
	}
	for _, s := range secrets {
		if s != "" && strings.Contains(shown, s) {
			t.Errorf("projector shows facilitator-only text %q", s)
		}
	}
}

func TestResumeInterruptedExerciseOnOpen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "client.json")
	if err := plan.Save(path, plan.Demo()); err != nil {
		t.Fatal(err)
	}
	u, clk := exerciseUI(t, Options{Path: path})
	c := startByDialog(t, u, "on-call-unreachable")
	clk.Advance(3 * time.Minute)
	c.onTick()
	c.apply(c.e.Note("pager rang out", true, ""))
	want := len(c.e.Events())
	c.e.Close() // crash: no End, the window is gone

	u2 := New(u.app, Options{Path: path})
	defer u2.win.Close()
	u2.clock, u2.startTicker = clk, nil
	test.Tap(button(t, topOverlay(t, u2), "Resume"))
	if u2.run == nil {
		t.Fatal("resume did not open the console")
	}
	if got := len(u2.run.e.Events()); got != want {
		t.Fatalf("resumed run has %d events, want %d", got, want)
	}
	if u2.run.e.Running() {
		t.Fatal("resumed clock should wait, paused")
	}
}

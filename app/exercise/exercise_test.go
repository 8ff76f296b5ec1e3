package exercise

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/host"
	"drillbook/app/internal/uitest"
	"drillbook/plan"
	"drillbook/scenarios"
)

// exerciseHost is a test host on ws (nil: the demo) showing the scenario
// library, with an exercise controller on the host's fake clock whose
// untitled journals go to a temporary folder. Nothing ticks: tests tick
// by hand.
func exerciseHost(t testing.TB, ws *plan.Workspace) (*uitest.Host, *Controller) {
	t.Helper()
	h := uitest.NewHost(t, ws)
	x := New(h, t.TempDir())
	x.Clock = h.Clock
	h.Show(x.Library())
	return h, x
}

// savedHost is exerciseHost on a copy of the demo saved at path, as if
// opened from the file.
func savedHost(t *testing.T, path string) (*uitest.Host, *Controller) {
	t.Helper()
	ws, err := plan.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	h, x := exerciseHost(t, ws)
	h.Path = path
	return h, x
}

func libraryScreen(h *uitest.Host) *library { return h.Screens[0].(*library) }

func scenarioByID(t testing.TB, id string) *scenarios.Scenario {
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
	h, _ := exerciseHost(t, nil)
	l := libraryScreen(h)
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
	h, _ := exerciseHost(t, nil)
	p := h.Pick
	bad := filepath.Join(t.TempDir(), "bad.yaml")
	os.WriteFile(bad, []byte("id: x\ntitle: X\ncategory: nonsense\n"), 0o600)
	p.Open = bad
	libraryScreen(h).loadFile(bad)
	if _, ok := uitest.Find(uitest.TopOverlay(t, h.Win), func(l *widget.Label) bool { return strings.Contains(l.Text, "bad.yaml:3") }); !ok {
		t.Fatal("load error does not name file and line")
	}
}

func startByDialog(t *testing.T, h *uitest.Host, x *Controller, id string) *console {
	t.Helper()
	x.startRunDialog(scenarioByID(t, id))
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "Start"))
	if x.run == nil {
		t.Fatal("no run started")
	}
	return x.run
}

func TestStartRunRecordAndEnd(t *testing.T) {
	h, x := exerciseHost(t, nil)
	clk := h.Clock
	c := startByDialog(t, h, x, "expired-certificate")
	if h.Current != len(h.Screens)-1 || h.Screens[h.Current] != host.Screen(c) {
		t.Fatal("console not shown after start")
	}
	if c.clock.Text != "T+00:00" || c.injectRows[0].State != scenarios.InjectDelivered {
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
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "Record"))
	found := false
	for _, ev := range c.events {
		found = found || (ev.Kind == plan.EventAction && ev.Action == "acknowledge")
	}
	if !found {
		t.Fatal("acknowledgement not in the event log")
	}
	// Escalate to a chosen target: the dialog offers plan roles and people.
	c.recordDialog(scenarios.ExpectEscalate)
	form := uitest.TopOverlay(t, h.Win)
	sel, ok := uitest.Find(form, func(s *widget.Select) bool { return len(s.Options) > len(h.WS.People) })
	if !ok {
		t.Fatal("no target choice in the escalate dialog")
	}
	sel.SetSelected("Head of Engineering (Escalation) (role)")
	test.Tap(uitest.Button(t, form, "Record"))
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
	if x.run != nil || len(h.WS.Runs) != 1 || !h.Dirty {
		t.Fatalf("after end: run %v, stored %d, dirty %v", x.run, len(h.WS.Runs), h.Dirty)
	}
	run := h.WS.Runs[0]
	if run.ScenarioID != "expired-certificate" || len(run.Tasks) == 0 || run.Hotwash[0].Answer != "a" {
		t.Fatalf("stored run %+v", run.ScenarioID)
	}
	for _, s := range h.Screens {
		if _, ok := s.(*console); ok {
			t.Fatal("console still in navigation")
		}
	}
}

func TestProjectorNeverShowsExpectations(t *testing.T) {
	h, x := exerciseHost(t, nil)
	clk := h.Clock
	c := startByDialog(t, h, x, "expired-certificate")
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
	shown := strings.Join(uitest.Texts(c.proj.win.Content()), "\n")
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
	h, x := savedHost(t, path)
	clk := h.Clock
	c := startByDialog(t, h, x, "on-call-unreachable")
	clk.Advance(3 * time.Minute)
	c.onTick()
	c.apply(c.e.Note("pager rang out", true, ""))
	want := len(c.e.Events())
	c.e.Close() // crash: no End, the window is gone

	// Opening the workspace again offers to resume it.
	h2, x2 := savedHost(t, path)
	x2.Clock = clk
	x2.OfferResume()
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h2.Win), "Resume"))
	if x2.run == nil {
		t.Fatal("resume did not open the console")
	}
	if got := len(x2.run.e.Events()); got != want {
		t.Fatalf("resumed run has %d events, want %d", got, want)
	}
	if x2.run.e.Running() {
		t.Fatal("resumed clock should wait, paused")
	}
}

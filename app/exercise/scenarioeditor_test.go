package exercise

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/plan"
	"drillbook/scenarios"
)

func TestEditorAddsInjectAndExpectationThenSaves(t *testing.T) {
	h, _ := exerciseHost(t, nil)
	l := libraryScreen(h)
	c := scenarios.Clone(scenarioByID(t, "bad-deploy"))
	c.ID, c.Title = "bad-deploy-2", "Bad deploy, our version"
	ed := l.openEditor(c) // closed by a successful save
	n := len(c.Injects)
	ed.addInject()
	if len(c.Injects) != n+1 || ed.cur != n {
		t.Fatalf("inject not added/selected: %d injects, cur %d", len(c.Injects), ed.cur)
	}
	ed.text.SetText(ed.text.Text + " The rollback script fails.")
	ed.from.SetText("staff")
	test.Tap(uitest.Button(t, ed.win.Content(), "Add expectation"))
	if len(c.Injects[n].Expect) != 1 {
		t.Fatal("expectation not added")
	}
	row := ed.expects.Objects[0]
	kind, _ := uitest.Find(row, func(s *widget.Select) bool { return true })
	kind.SetSelected(string(scenarios.ExpectEscalate))
	target, _ := uitest.Find(row, func(e *widget.Entry) bool { return e.PlaceHolder == "target (e.g. stakeholder:customer)" })
	target.SetText("executive")
	test.Tap(uitest.Button(t, ed.win.Content(), "Save to library"))

	var saved *scenarios.Scenario
	for _, s := range l.all {
		if s.ID == "bad-deploy-2" {
			saved = s
		}
	}
	if saved == nil {
		t.Fatal("edited scenario not in the library")
	}
	in := saved.Injects[n]
	if in.From != "staff" || !strings.HasSuffix(in.Text, "The rollback script fails.") || in.Expect[0].Kind != scenarios.ExpectEscalate || in.Expect[0].Target != "executive" {
		t.Fatalf("saved inject %+v", in)
	}
	// The original built-in is untouched.
	if len(scenarioByID(t, "bad-deploy").Injects) != n {
		t.Fatal("editing a copy changed the built-in scenario")
	}
}

func TestEditorRefusesInvalidScenario(t *testing.T) {
	h, _ := exerciseHost(t, nil)
	l := libraryScreen(h)
	c := scenarios.Clone(scenarioByID(t, "bad-deploy"))
	c.ID = "broken"
	ed := l.openEditor(c)
	defer ed.win.Close()
	ed.text.SetText("")
	before := len(l.all)
	test.Tap(uitest.Button(t, ed.win.Content(), "Save to library"))
	if len(l.all) != before {
		t.Fatal("an invalid scenario was saved")
	}
	if _, ok := uitest.Find(ed.win.Canvas().Overlays().Top(), func(w *widget.Label) bool { return strings.Contains(w.Text, "injects[0].text: text is required") }); !ok {
		t.Fatal("no error naming the empty inject text")
	}
}

func TestImportEventsListOpensEditor(t *testing.T) {
	h, _ := exerciseHost(t, nil)
	p := filepath.Join(t.TempDir(), "Client Drill.csv")
	os.WriteFile(p, []byte("time,from,message,expected action,deadline\n0,monitoring,Alert,acknowledge,5m\n12,customer,Complaint,notify-stakeholder stakeholder:customer,15m\n"), 0o600)
	l := libraryScreen(h)
	l.importMEL(p)
	var ed fyneWindowTitles
	for _, w := range h.App.Driver().AllWindows() {
		ed = append(ed, w.Title())
	}
	if !strings.Contains(strings.Join(ed, "|"), "Edit scenario — Client Drill") {
		t.Fatalf("editor not opened: %v", ed)
	}
}

type fyneWindowTitles []string

// consoleWithEvents opens the console on a paused run whose log holds n
// events, and returns it with the events not yet shown.
func consoleWithEvents(tb testing.TB, h *uitest.Host, x *Controller, n int) (*console, []plan.Event) {
	lib, _ := scenarios.Library()
	var sc *scenarios.Scenario
	for _, s := range lib {
		if s.ID == "bad-deploy" {
			sc = s
		}
	}
	if sc == nil {
		tb.Fatal("no bad-deploy scenario")
	}
	// No journal: this measures the console, not n fsyncs.
	e, _, err := scenarios.Start(sc, h.WS, x.Clock, scenarios.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	x.openConsole(e, "")
	c := x.run
	c.apply(c.e.Pause())
	var batch []plan.Event
	for c.e.EventCount() < n {
		evs, err := c.e.Note("observation", true, "")
		if err != nil {
			tb.Fatal(err)
		}
		batch = append(batch, evs...)
	}
	return c, batch
}

// The console's log is a virtualised list: 10,000 events only create the
// rows on screen, and scrolling to the end shows the last event.
func TestConsoleLogWith10000Events(t *testing.T) {
	h, x := exerciseHost(t, nil)
	clk := h.Clock
	c, batch := consoleWithEvents(t, h, x, 10000)
	c.apply(batch, nil)
	clk.Advance(time.Second)
	c.onTick()
	if len(c.events) < 10000 {
		t.Fatalf("log holds %d events", len(c.events))
	}
	c.log.ScrollToBottom()
	rows := 0
	for _, o := range test.WidgetRenderer(c.log).Objects() {
		rows += len(uitest.Texts(o))
	}
	if rows > 200 {
		t.Fatalf("%d row widgets for 10,000 events: the log is not virtualised", rows)
	}
}

// BenchmarkConsoleLog10000Events measures showing 10,000 events at once
// and the next tick (was a 2 s wall-clock limit in a test, which -race and
// a busy machine made meaningless).
func BenchmarkConsoleLog10000Events(b *testing.B) {
	for b.Loop() {
		b.StopTimer()
		h, x := exerciseHost(b, nil)
		clk := h.Clock
		c, batch := consoleWithEvents(b, h, x, 10000)
		b.StartTimer()
		c.apply(batch, nil)
		clk.Advance(time.Second)
		c.onTick()
		b.StopTimer()
		h.Win.Close()
		b.StartTimer()
	}
}

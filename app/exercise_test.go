package app

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"

	"drillbook/app/internal/uitest"
	"drillbook/plan"
	"drillbook/scenarios"
)

// start is the tests' fake date and time.
var start = uitest.Start

// exerciseUI is a UI on the demo with a fake clock and no ticker goroutine:
// tests tick by hand. Untitled journals go to a temporary folder.
func exerciseUI(t *testing.T, opts Options) (*UI, *scenarios.FakeClock) {
	t.Helper()
	u, _ := newTestUI(t, opts)
	clk := scenarios.NewFakeClock(start)
	u.ex.Clock = clk
	u.startTicker = nil
	u.ex.JournalDir = t.TempDir()
	return u, clk
}

func savedDemo(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "client.json")
	if err := plan.Save(path, plan.Demo()); err != nil {
		t.Fatal(err)
	}
	return path
}

// interruptedRun leaves the journal of a run that was never ended beside
// the workspace at path, as a crash does.
func interruptedRun(t *testing.T, path, runID string) {
	t.Helper()
	lib, _ := scenarios.Library()
	sc := lib[slices.IndexFunc(lib, func(s *scenarios.Scenario) bool { return s.ID == "expired-certificate" })]
	e, _, err := scenarios.Start(sc, plan.Demo(), scenarios.NewFakeClock(start),
		scenarios.Options{RunID: runID, Journal: scenarios.JournalPath(path, runID)})
	if err != nil {
		t.Fatal(err)
	}
	e.Close()
}

// leaveRun closes the running exercise as closing the window does: the
// run is not ended, its journal stays to be resumed.
func leaveRun(t *testing.T, u *UI) {
	t.Helper()
	u.ex.ConfirmLeave(func() {})
	test.Tap(button(t, topOverlay(t, u), "Yes"))
	if u.ex.Running() {
		t.Fatal("the exercise still runs")
	}
}

// TestResumeOfferedAfterFileOpen: File → Open offers an interrupted run,
// not only start-up.
func TestResumeOfferedAfterFileOpen(t *testing.T) {
	path := savedDemo(t)
	interruptedRun(t, path, "run-1")
	u, p := newTestUI(t, Options{Demo: true})
	u.ex.Clock = scenarios.NewFakeClock(start)
	p.Open = path
	u.openWorkspace()
	test.Tap(button(t, topOverlay(t, u), "Resume"))
	if !u.ex.Running() || u.ex.Journal() != scenarios.JournalPath(path, "run-1") {
		t.Fatal("opening the workspace did not offer its interrupted run")
	}
	if s := u.screens[u.current]; s.Title() != "Console" {
		t.Fatalf("resuming shows %s, not the console", s.Title())
	}
}

// TestResumeOfferedForTheUntitledDrill: "drillbook --demo --exercise …"
// journals in the user cache; the next start of the demo offers it.
func TestResumeOfferedForTheUntitledDrill(t *testing.T) {
	u, _ := newTestUI(t, Options{Demo: true}) // the real journal folder: the (test) user cache
	clk := scenarios.NewFakeClock(start)
	u.ex.Clock = clk
	var tick func()
	u.startTicker = func(f func()) *ticker { tick = f; return nil }
	if err := u.ex.StartNow("expired-certificate", 5); err != nil {
		t.Fatal(err)
	}
	journal := u.ex.Journal()
	t.Cleanup(func() { os.Remove(journal) })
	if dir, _ := userCacheDir(); !strings.HasPrefix(journal, filepath.Join(dir, "drillbook", "untitled.exercise-")) {
		t.Fatalf("untitled journal at %s", journal)
	}
	clk.Advance(time.Minute)
	tick()
	leaveRun(t, u)

	u2 := New(u.app, Options{Demo: true})
	defer u2.win.Close()
	u2.ex.Clock, u2.startTicker = clk, nil
	test.Tap(button(t, topOverlay(t, u2), "Resume"))
	if !u2.ex.Running() || u2.ex.Journal() != journal {
		t.Fatal("the untitled drill was not offered for resuming")
	}
}

// Saving the workspace deletes the journals of the runs it now holds (the
// exercise package tests which journals those are).
func TestSavingDropsTheJournalsOfStoredRuns(t *testing.T) {
	path := savedDemo(t)
	u, _ := exerciseUI(t, Options{Path: path})
	if err := u.ex.StartNow("expired-certificate", 1); err != nil {
		t.Fatal(err)
	}
	journal := u.ex.Journal()
	test.Tap(button(t, u.screens[u.current].Object(), "End exercise…"))
	test.Tap(button(t, topOverlay(t, u), "End and store"))
	if u.ex.Running() || len(u.doc.ws.Runs) != 1 || !fileExists(journal) {
		t.Fatalf("after ending: running %v, %d runs, journal kept %v", u.ex.Running(), len(u.doc.ws.Runs), fileExists(journal))
	}
	saved := false
	u.writeTo(path, func(ok bool) { saved = ok })
	if !saved || fileExists(journal) {
		t.Fatalf("saving the run left its journal (%v)", fileExists(journal))
	}
}

package app

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/plan"
	"drillbook/scenarios"
)

func savedDemo(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "client.json")
	if err := plan.Save(path, plan.Demo()); err != nil {
		t.Fatal(err)
	}
	return path
}

func overlays(u *UI) int { return len(u.win.Canvas().Overlays().List()) }

// TestSecondExerciseAfterAnEndedUnsavedRun: ending a run without saving
// leaves its journal, and a second run still starts, in the same second.
// After a crash, reopening offers to resume the second and to restore the
// first, which never reached the file.
func TestSecondExerciseAfterAnEndedUnsavedRun(t *testing.T) {
	path := savedDemo(t)
	u, clk := exerciseUI(t, Options{Path: path})
	c := startByDialog(t, u, "expired-certificate")
	clk.Advance(time.Second)
	c.onTick()
	c.end([]plan.HotwashNote{{Question: "q", Answer: "kept"}})
	topOverlay(t, u).Hide() // "Exercise stored"
	c2 := startByDialog(t, u, "expired-certificate")
	if c2.e.RunID() == u.doc.ws.Runs[0].ID {
		t.Fatalf("two runs share the ID %s", c2.e.RunID())
	}
	c2.apply(c2.e.Note("second run", false, ""))
	c2.e.Close() // crash: the first run was never saved

	u2 := New(u.app, Options{Path: path})
	defer u2.win.Close()
	u2.clock, u2.startTicker = clk, nil
	for i := 0; i < 2; i++ {
		top := topOverlay(t, u2)
		if _, ok := find(top, func(b *widget.Button) bool { return b.Text == "Restore" }); ok {
			test.Tap(button(t, top, "Restore"))
		} else {
			test.Tap(button(t, top, "Resume"))
		}
	}
	if len(u2.doc.ws.Runs) != 1 || u2.doc.ws.Runs[0].Hotwash[0].Answer != "kept" || !u2.doc.dirty {
		t.Fatalf("ended run not restored: %d runs, dirty %v", len(u2.doc.ws.Runs), u2.doc.dirty)
	}
	if u2.run == nil || u2.run.e.RunID() != c2.e.RunID() {
		t.Fatal("interrupted run not resumed")
	}
	first := scenarios.JournalPath(path, u2.doc.ws.Runs[0].ID)
	if !u2.writeTo(path) || fileExists(first) {
		t.Fatalf("saving the restored run left its journal (%v)", fileExists(first))
	}
	if !fileExists(u2.run.journal) {
		t.Fatal("saving removed the running exercise's journal")
	}
}

// TestStoredRunsJournalIsDeletedOnOpen: an ended run's journal whose run
// the saved workspace holds is simply removed; nothing is asked.
func TestStoredRunsJournalIsDeletedOnOpen(t *testing.T) {
	path := savedDemo(t)
	ws := plan.Demo()
	j := scenarios.JournalPath(path, "run-stored")
	e, _, err := scenarios.Start(scenarioByID(t, "expired-certificate"), ws, scenarios.NewFakeClock(start), scenarios.Options{RunID: "run-stored", Journal: j})
	if err != nil {
		t.Fatal(err)
	}
	run, _, _ := e.End(nil)
	ws.Runs = append(ws.Runs, *run)
	plan.Save(path, ws)
	u, _ := newTestUI(t, Options{Path: path})
	if fileExists(j) || u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("stored run's journal kept (%v) or asked about", fileExists(j))
	}
}

// TestResumeOfferedAfterFileOpen: File → Open offers an interrupted run,
// not only start-up.
func TestResumeOfferedAfterFileOpen(t *testing.T) {
	path := savedDemo(t)
	e, _, err := scenarios.Start(scenarioByID(t, "expired-certificate"), plan.Demo(), scenarios.NewFakeClock(start),
		scenarios.Options{RunID: "run-1", Journal: scenarios.JournalPath(path, "run-1")})
	if err != nil {
		t.Fatal(err)
	}
	e.Close()
	u, p := newTestUI(t, Options{Demo: true})
	u.clock = scenarios.NewFakeClock(start)
	p.Open = path
	u.openWorkspace()
	test.Tap(button(t, topOverlay(t, u), "Resume"))
	if u.run == nil || u.run.e.RunID() != "run-1" {
		t.Fatal("opening the workspace did not offer its interrupted run")
	}
}

// TestResumeOfferedForTheUntitledDrill: "drillbook --demo --exercise …"
// journals in the user cache; the next start of the demo offers it.
func TestResumeOfferedForTheUntitledDrill(t *testing.T) {
	u, clk := exerciseUI(t, Options{Demo: true})
	u.journalDir = "" // the real default: the (test) user cache
	if err := u.startExerciseNow("expired-certificate", 5); err != nil {
		t.Fatal(err)
	}
	journal := u.run.journal
	t.Cleanup(func() { os.Remove(journal) })
	if dir, _ := userCacheDir(); !strings.HasPrefix(journal, filepath.Join(dir, "drillbook", "untitled.exercise-")) {
		t.Fatalf("untitled journal at %s", journal)
	}
	clk.Advance(time.Minute)
	u.run.onTick()
	u.run.e.Close() // crash

	u2 := New(u.app, Options{Demo: true})
	defer u2.win.Close()
	u2.clock, u2.startTicker = clk, nil
	test.Tap(button(t, topOverlay(t, u2), "Resume"))
	if u2.run == nil || u2.run.journal != journal {
		t.Fatal("the untitled drill was not offered for resuming")
	}
}

type fullDisk struct{ full bool }

func (d *fullDisk) fault() error {
	if d.full {
		return syscall.ENOSPC
	}
	return nil
}

// TestJournalFailurePausesTheConsoleOnce: one message, the clock stops,
// ticks stay quiet, Retry shows what was held back.
func TestJournalFailurePausesTheConsoleOnce(t *testing.T) {
	u, clk := exerciseUI(t, Options{Demo: true})
	disk := &fullDisk{}
	if err := u.startRun(scenarioByID(t, "expired-certificate"), scenarios.Options{JournalFault: disk.fault}); err != nil {
		t.Fatal(err)
	}
	c := u.run
	disk.full = true
	clk.Advance(7 * time.Minute) // the T+06:00 inject is due
	c.onTick()
	if !dialogSays(t, u, "nothing recorded is lost") {
		t.Fatal("no journal-failure message")
	}
	n, shown := overlays(u), c.clock.Text
	for i := 0; i < 5; i++ {
		clk.Advance(time.Minute)
		c.onTick()
	}
	if overlays(u) != n || c.clock.Text != shown || !c.retry.Visible() {
		t.Fatalf("after more ticks: %d dialogs (was %d), clock %s (was %s), retry shown %v", overlays(u), n, c.clock.Text, shown, c.retry.Visible())
	}
	delivered := len(c.injectRows) - countPending(c)
	disk.full = false
	test.Tap(button(t, topOverlay(t, u), "Retry"))
	if c.e.Halted() != nil || c.retry.Visible() || overlays(u) != n-1 {
		t.Fatal("retry did not lift the halt")
	}
	if len(c.events) != len(visibleEvents(c.e.Events())) || len(c.injectRows)-countPending(c) != delivered+1 {
		t.Fatalf("held events not shown after retry: %d of %d", len(c.events), len(visibleEvents(c.e.Events())))
	}

	// The disk fills again and the facilitator ends the exercise: the run
	// goes into the workspace, which the user is told is its only copy.
	disk.full = true
	test.Tap(button(t, c.root, "Resume"))
	topOverlay(t, u).Hide()
	c.end(nil)
	if len(u.doc.ws.Runs) != 1 || u.run != nil || !u.doc.dirty {
		t.Fatalf("run not stored: %d runs", len(u.doc.ws.Runs))
	}
	if !dialogSays(t, u, "only copy") {
		t.Fatal("the user is not told the journal lacks the end")
	}
}

func countPending(c *console) int {
	n := 0
	for _, r := range c.injectRows {
		if r.state != injectDelivered {
			n++
		}
	}
	return n
}

// TestConsoleTicksAfterCloseAndPanics: a tick arriving after the console
// closed neither ticks the engine nor shows an error; a bug in a tick
// shows an error and the document and window stay.
func TestConsoleTicksAfterCloseAndPanics(t *testing.T) {
	u, clk := exerciseUI(t, Options{Demo: true})
	var tick func()
	u.startTicker = func(f func()) *ticker { tick = f; return nil }
	c := startByDialog(t, u, "expired-certificate")
	n := c.e.EventCount()
	c.close()
	clk.Advance(10 * time.Minute)
	tick()
	if c.e.EventCount() != n || u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("a tick after close reached the engine (%d → %d events) or showed an error", n, c.e.EventCount())
	}

	c = startByDialog(t, u, "expired-certificate")
	doc := u.doc
	c.e = nil // any bug in the tick path
	tick()
	if !dialogSays(t, u, "internal error") || u.doc != doc || u.run != c {
		t.Fatal("a panicking tick was not reported, or took the document")
	}
}

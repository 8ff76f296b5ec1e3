package exercise

import (
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/host"
	"drillbook/app/internal/uitest"
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

func overlays(h *uitest.Host) int { return len(h.Win.Canvas().Overlays().List()) }

// TestSecondExerciseAfterAnEndedUnsavedRun: ending a run without saving
// leaves its journal, and a second run still starts, in the same second.
// After a crash, reopening offers to resume the second and to restore the
// first, which never reached the file.
func TestSecondExerciseAfterAnEndedUnsavedRun(t *testing.T) {
	path := savedDemo(t)
	h, x := savedHost(t, path)
	clk := h.Clock
	c := startByDialog(t, h, x, "expired-certificate")
	clk.Advance(time.Second)
	c.onTick()
	c.end([]plan.HotwashNote{{Question: "q", Answer: "kept"}})
	uitest.TopOverlay(t, h.Win).Hide() // "Exercise stored"
	c2 := startByDialog(t, h, x, "expired-certificate")
	if c2.e.RunID() == h.WS.Runs[0].ID {
		t.Fatalf("two runs share the ID %s", c2.e.RunID())
	}
	c2.apply(c2.e.Note("second run", false, ""))
	c2.e.Close() // crash: the first run was never saved

	// Opening the file again asks about both journals.
	h2, x2 := savedHost(t, path)
	x2.Clock = clk
	x2.OfferResume()
	for i := 0; i < 2; i++ {
		top := uitest.TopOverlay(t, h2.Win)
		if _, ok := uitest.Find(top, func(b *widget.Button) bool { return b.Text == "Restore" }); ok {
			test.Tap(uitest.Button(t, top, "Restore"))
		} else {
			test.Tap(uitest.Button(t, top, "Resume"))
		}
	}
	if len(h2.WS.Runs) != 1 || h2.WS.Runs[0].Hotwash[0].Answer != "kept" || !h2.Dirty {
		t.Fatalf("ended run not restored: %d runs, dirty %v", len(h2.WS.Runs), h2.Dirty)
	}
	if x2.run == nil || x2.run.e.RunID() != c2.e.RunID() {
		t.Fatal("interrupted run not resumed")
	}
	// Saving, as the main window does it (TestSavingDropsTheJournalsOfStoredRuns).
	first := scenarios.JournalPath(path, h2.WS.Runs[0].ID)
	if err := plan.Save(path, h2.WS); err != nil {
		t.Fatal(err)
	}
	h2.Dirty = false
	x2.DropSavedJournals()
	if fileExists(first) {
		t.Fatalf("saving the restored run left its journal (%v)", fileExists(first))
	}
	if !fileExists(x2.run.journal) {
		t.Fatal("saving removed the running exercise's journal")
	}
}

// TestStoredRunsJournalIsDeletedOnOpen: an ended run's journal whose run
// the saved workspace holds is simply removed; nothing is asked.
func TestStoredRunsJournalIsDeletedOnOpen(t *testing.T) {
	path := savedDemo(t)
	ws := plan.Demo()
	j := scenarios.JournalPath(path, "run-stored")
	e, _, err := scenarios.Start(scenarioByID(t, "expired-certificate"), ws, scenarios.NewFakeClock(uitest.Start), scenarios.Options{RunID: "run-stored", Journal: j})
	if err != nil {
		t.Fatal(err)
	}
	run, _, _ := e.End(nil)
	ws.Runs = append(ws.Runs, *run)
	plan.Save(path, ws)
	h, x := savedHost(t, path)
	x.OfferResume() // on opening
	if fileExists(j) || h.Win.Canvas().Overlays().Top() != nil {
		t.Fatalf("stored run's journal kept (%v) or asked about", fileExists(j))
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
	h, x := exerciseHost(t, nil)
	clk := h.Clock
	disk := &fullDisk{}
	if err := x.startRun(scenarioByID(t, "expired-certificate"), scenarios.Options{JournalFault: disk.fault}); err != nil {
		t.Fatal(err)
	}
	c := x.run
	disk.full = true
	clk.Advance(7 * time.Minute) // the T+06:00 inject is due
	c.onTick()
	if !uitest.DialogSays(t, h.Win, "nothing recorded is lost") {
		t.Fatal("no journal-failure message")
	}
	n, shown := overlays(h), c.clock.Text
	for i := 0; i < 5; i++ {
		clk.Advance(time.Minute)
		c.onTick()
	}
	if overlays(h) != n || c.clock.Text != shown || !c.retry.Visible() {
		t.Fatalf("after more ticks: %d dialogs (was %d), clock %s (was %s), retry shown %v", overlays(h), n, c.clock.Text, shown, c.retry.Visible())
	}
	delivered := len(c.injectRows) - countPending(c)
	disk.full = false
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "Retry"))
	if c.e.Halted() != nil || c.retry.Visible() || overlays(h) != n-1 {
		t.Fatal("retry did not lift the halt")
	}
	if len(c.events) != nonCheckpoint(c.e.Events()) || len(c.injectRows)-countPending(c) != delivered+1 {
		t.Fatalf("held events not shown after retry: %d of %d", len(c.events), nonCheckpoint(c.e.Events()))
	}

	// The disk fills again and the facilitator ends the exercise: the run
	// goes into the workspace, which the user is told is its only copy.
	disk.full = true
	test.Tap(uitest.Button(t, c.root, "Resume"))
	uitest.TopOverlay(t, h.Win).Hide()
	c.end(nil)
	if len(h.WS.Runs) != 1 || x.run != nil || !h.Dirty {
		t.Fatalf("run not stored: %d runs", len(h.WS.Runs))
	}
	if !uitest.DialogSays(t, h.Win, "only copy") {
		t.Fatal("the user is not told the journal lacks the end")
	}
}

func countPending(c *console) int {
	n := 0
	for _, r := range c.injectRows {
		if r.State != scenarios.InjectDelivered {
			n++
		}
	}
	return n
}

// TestConsoleTicksAfterCloseAndPanics: a tick arriving after the console
// closed neither ticks the engine nor shows an error; a bug in a tick
// shows an error and the document and window stay.
func TestConsoleTicksAfterCloseAndPanics(t *testing.T) {
	h, x := exerciseHost(t, nil)
	clk := h.Clock
	var tick func()
	h.StartTick = func(f func()) host.Ticker { tick = f; return nil }
	c := startByDialog(t, h, x, "expired-certificate")
	n := c.e.EventCount()
	c.close()
	clk.Advance(10 * time.Minute)
	tick()
	if c.e.EventCount() != n || h.Win.Canvas().Overlays().Top() != nil {
		t.Fatalf("a tick after close reached the engine (%d → %d events) or showed an error", n, c.e.EventCount())
	}

	c = startByDialog(t, h, x, "expired-certificate")
	ws := h.WS
	c.e = nil // any bug in the tick path
	tick()
	if !uitest.DialogSays(t, h.Win, "internal error") || h.WS != ws || x.run != c {
		t.Fatal("a panicking tick was not reported, or took the document")
	}
}

// nonCheckpoint counts the events an event log shows: all but checkpoints.
func nonCheckpoint(evs []plan.Event) int {
	n := 0
	for _, ev := range evs {
		if ev.Kind != plan.EventCheckpoint {
			n++
		}
	}
	return n
}

package scenarios

import (
	"errors"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"drillbook/plan"
)

// failingDisk fails journal writes while full is set, as a full disk does.
type failingDisk struct{ full bool }

func (d *failingDisk) fault() error {
	if d.full {
		return syscall.ENOSPC
	}
	return nil
}

func kinds(evs []plan.Event) map[string]int {
	m := map[string]int{}
	for _, ev := range evs {
		m[ev.Kind+":"+ev.Action]++
	}
	return m
}

// TestJournalFailureHaltsTheRun: a failed write halts the run with one
// error; the inject that came due is neither lost nor shown before it is
// journaled; later ticks do nothing; Retry writes it all once the disk has
// room, and the journal then resumes to the same log.
func TestJournalFailureHaltsTheRun(t *testing.T) {
	sc, ws := fixture(t)
	clk := NewFakeClock(epoch)
	path := filepath.Join(t.TempDir(), "ws.json.exercise-r1.jsonl")
	disk := &failingDisk{}
	e, evs, err := Start(sc, ws, clk, Options{Speed: 10, Journal: path, JournalFault: disk.fault})
	if err != nil {
		t.Fatal(err)
	}
	d := &driver{t: t, e: e, clk: clk, step: time.Second, events: evs}
	d.until(at("T+29:50"))
	disk.full = true
	before := e.EventCount()

	clk.Advance(2 * time.Second) // T+30:10: inject a2 (T+30:00) is due
	evs, err = e.Tick()
	var je *JournalError
	if !errors.As(err, &je) || !errors.Is(err, syscall.ENOSPC) || je.Path != path {
		t.Fatalf("tick on a full disk: %v", err)
	}
	if len(evs) != 0 {
		t.Fatalf("events shown before they were journaled: %v", evs)
	}
	if e.Halted() == nil || e.Running() {
		t.Fatal("the run is not halted with its clock stopped")
	}
	stopped := e.Now()
	for i := 0; i < 5; i++ {
		clk.Advance(time.Minute)
		if evs, err := e.Tick(); err != nil || len(evs) != 0 {
			t.Fatalf("tick %d while halted: %v, %v (want nothing, no new error)", i, evs, err)
		}
	}
	if e.Now() != stopped {
		t.Fatalf("the clock ran on while halted: %s → %s", Offset(stopped), Offset(e.Now()))
	}
	// A command the journal cannot keep is refused, not half-done.
	if _, err := e.Record(Action{Kind: ExpectNotify, Target: "customers"}); !errors.As(err, &je) {
		t.Fatalf("record while the disk is full: %v", err)
	}
	for _, ev := range e.Events()[before:] {
		if ev.Kind == plan.EventAction {
			t.Fatal("a refused action was recorded")
		}
	}

	disk.full = false
	evs, err = e.Retry()
	if err != nil {
		t.Fatal(err)
	}
	got := kinds(evs)
	if got["inject:a2"] != 1 || got["pause:"] != 1 {
		t.Fatalf("retry did not hand over the held inject and the pause: %v", evs)
	}
	for _, ev := range evs {
		if ev.Kind == plan.EventInject && ev.At.D() != at("T+30:00") {
			t.Fatalf("held inject stamped %s, want T+30:00", Offset(ev.At.D()))
		}
	}
	if e.Halted() != nil || e.Running() {
		t.Fatal("after retry the run should be writable and paused for the facilitator")
	}
	d.events = append(d.events, evs...)
	d.collect(e.Resume())
	d.until(at("T+40:00"))
	d.collect(e.Record(Action{Kind: ExpectNotify, Actor: "cat", Target: "customers"}))
	live := e.Events()
	e.Close()
	r, err := Resume(path, NewFakeClock(epoch.Add(time.Hour)))
	if err != nil {
		t.Fatal(err)
	}
	sameLog(t, "live run vs resume after a journal failure", live, r.Events())
	// Everything shown was journaled, exactly once.
	if len(d.events) != len(visibleEvents(live)) {
		t.Fatalf("caller saw %d events, the log has %d", len(d.events), len(visibleEvents(live)))
	}
}

// TestEndStoresTheRunWhenTheJournalFails: End cannot be blocked by the
// journal; the record comes back with the error so it can be stored.
func TestEndStoresTheRunWhenTheJournalFails(t *testing.T) {
	sc, ws := fixture(t)
	clk := NewFakeClock(epoch)
	path := filepath.Join(t.TempDir(), "j.jsonl")
	disk := &failingDisk{}
	e, _, err := Start(sc, ws, clk, Options{Journal: path, JournalFault: disk.fault})
	if err != nil {
		t.Fatal(err)
	}
	disk.full = true
	clk.Advance(31 * time.Minute)
	if _, err := e.Tick(); err == nil {
		t.Fatal("no error from a failed write")
	}
	run, _, err := e.End([]plan.HotwashNote{{Question: "q", Answer: "a"}})
	if err == nil {
		t.Fatal("End hid the journal failure")
	}
	if run == nil || run.Hotwash[0].Answer != "a" || len(run.Tasks) == 0 {
		t.Fatalf("End returned no usable record: %+v", run)
	}
	if k := kinds(run.Events); k["inject:a2"] != 1 || k["end:"] != 1 {
		t.Fatalf("record is missing what happened while halted: %v", k)
	}
	if _, _, err := e.End(nil); err != ErrEnded {
		t.Fatalf("second End: %v", err)
	}
}

// TestJournalClosedUnderTheRun uses the real file: its descriptor closed
// under the engine, then a torn line, as a crashed disk write leaves. Retry
// rewrites the journal from memory, and it reads back whole.
func TestJournalClosedUnderTheRun(t *testing.T) {
	sc, ws := fixture(t)
	clk := NewFakeClock(epoch)
	path := filepath.Join(t.TempDir(), "ws.json.exercise-r2.jsonl")
	e, _, err := Start(sc, ws, clk, Options{Journal: path})
	if err != nil {
		t.Fatal(err)
	}
	e.j.f.Close()
	clk.Advance(11 * time.Minute)
	if _, err := e.Tick(); !errors.Is(err, os.ErrClosed) {
		t.Fatalf("tick on a closed journal: %v", err)
	}
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"seq":4,"kin`)
	f.Close()
	if _, err := e.Retry(); err != nil {
		t.Fatalf("retry: %v", err)
	}
	if _, err := e.Record(Action{Kind: ExpectAcknowledge, Actor: "bob"}); err != nil {
		t.Fatal(err)
	}
	j, err := ReadJournal(path)
	if err != nil {
		t.Fatalf("journal unreadable after the repair: %v", err)
	}
	sameLog(t, "journal vs memory", e.Events(), j.events)
}

func TestStartInAReadOnlyFolderSaysWhere(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root writes into read-only folders")
	}
	sc, ws := fixture(t)
	dir := t.TempDir()
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	path := filepath.Join(dir, "j.jsonl")
	if _, _, err := Start(sc, ws, NewFakeClock(epoch), Options{Journal: path}); err == nil || !errors.Is(err, os.ErrPermission) {
		t.Fatalf("start in a read-only folder: %v", err)
	}
}

// TestEngineRefusesCallsAfterClose: the journal is gone after Close, so
// every command, tick and End says so instead of running unjournaled.
func TestEngineRefusesCallsAfterClose(t *testing.T) {
	sc, ws := fixture(t)
	clk := NewFakeClock(epoch)
	e, _, err := Start(sc, ws, clk, Options{Journal: filepath.Join(t.TempDir(), "j.jsonl")})
	if err != nil {
		t.Fatal(err)
	}
	e.Close()
	clk.Advance(time.Hour)
	n := e.EventCount()
	calls := map[string]func() error{
		"tick":    func() error { _, err := e.Tick(); return err },
		"record":  func() error { _, err := e.Record(Action{Kind: ExpectAcknowledge}); return err },
		"pause":   func() error { _, err := e.Pause(); return err },
		"skip":    func() error { _, err := e.SkipToNext(); return err },
		"retry":   func() error { _, err := e.Retry(); return err },
		"end":     func() error { _, _, err := e.End(nil); return err },
		"note":    func() error { _, err := e.Note("x", false, ""); return err },
		"decide":  func() error { _, err := e.Decide("d1", 0, ""); return err },
		"trigger": func() error { _, err := e.TriggerNow("a2"); return err },
	}
	for name, call := range calls {
		if err := call(); err != ErrClosed {
			t.Errorf("%s after Close: %v, want ErrClosed", name, err)
		}
	}
	if e.EventCount() != n {
		t.Fatal("a closed engine logged events")
	}
	e.Close() // twice is harmless
}

// TestStartFailsCleanlyWhenTheJournalCannotBeWritten: nothing was shown,
// so no journal is left behind to be offered later.
func TestStartFailsCleanlyWhenTheJournalCannotBeWritten(t *testing.T) {
	sc, ws := fixture(t)
	path := filepath.Join(t.TempDir(), "j.jsonl")
	disk := &failingDisk{full: true}
	_, _, err := Start(sc, ws, NewFakeClock(epoch), Options{Journal: path, JournalFault: disk.fault})
	var je *JournalError
	if !errors.As(err, &je) {
		t.Fatalf("start on a full disk: %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("a journal was left behind: %v", err)
	}
}

package scenarios

import (
	"testing"
	"time"

	"drillbook/plan"
)

// TestEndWhilePausedStopsTheClockAtThePause: the console pauses the clock
// when End is chosen; however long the hot-wash dialog stays open, the run
// ends at the pause, nothing falls due meanwhile, and the stored length is
// the exercise time at the pause.
func TestEndWhilePausedStopsTheClockAtThePause(t *testing.T) {
	sc, ws := fixture(t)
	d := startDriver(t, sc, ws, Options{Speed: 20})
	d.until(at("T+05:00"))
	d.collect(d.e.Pause())
	paused := len(d.events)
	d.wallWait(2 * time.Hour) // the hot wash: ×20 would be 40 hours of exercise time
	d.collect(d.e.Tick())
	run, evs, err := d.e.End([]plan.HotwashNote{{Question: "One", Answer: "ok"}})
	if err != nil {
		t.Fatal(err)
	}
	d.events = append(d.events, evs...)
	if run.Length.D() != at("T+05:00") {
		t.Errorf("run length %s, want the pause at T+05:00", Offset(run.Length.D()))
	}
	for _, ev := range d.events[paused:] {
		if ev.Kind != plan.EventEnd {
			t.Errorf("logged between the pause and the end: %s %q at %s", ev.Kind, ev.Text, Offset(ev.At.D()))
		}
		if ev.At.D() != at("T+05:00") {
			t.Errorf("%s stamped %s, want T+05:00", ev.Kind, Offset(ev.At.D()))
		}
	}
	for _, tk := range run.Tasks {
		if tk.Status == plan.TaskMissed {
			t.Errorf("%s missed while the clock was paused for the hot wash", tk.ID)
		}
	}
}

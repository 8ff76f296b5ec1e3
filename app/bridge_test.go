package app

import (
	"context"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
)

// queuedTicker runs a ticker whose ticks are queued, as fyne.Do queues
// them for the UI goroutine, so a test decides when each one runs.
func queuedTicker(tick func()) (t *ticker, send func() func()) {
	c := make(chan time.Time)
	queue := make(chan func(), 1)
	t = runTicker(c, func() {}, func(f func()) { queue <- f }, tick)
	return t, func() func() {
		c <- time.Time{}
		return <-queue
	}
}

func TestTickerDropsTicksQueuedBeforeStop(t *testing.T) {
	ticks := 0
	tk, send := queuedTicker(func() { ticks++ })
	send()()
	queued := send() // handed to the UI goroutine, not yet run
	tk.Stop()
	queued()
	if ticks != 1 {
		t.Fatalf("%d ticks ran, want 1: a tick queued before Stop ran after it", ticks)
	}
	tk.Stop() // stopping twice is harmless
}

func TestTickerSurvivesAPanickingTick(t *testing.T) {
	ticks := 0
	tk, send := queuedTicker(func() {
		ticks++
		if ticks == 1 {
			panic("bug in a tick")
		}
	})
	defer tk.Stop()
	send()() // must not panic out of the UI goroutine
	send()()
	if ticks != 2 {
		t.Fatalf("%d ticks ran after a panic, want 2", ticks)
	}
}

func TestBackgroundWorkPanicReachesDone(t *testing.T) {
	test.NewTempApp(t) // for fyne.Do
	got := make(chan error, 1)
	background(func(context.Context, func(int, int)) error {
		panic("a bug in the work")
	}, func(int, int) {}, func(err error) { got <- err })
	err := <-got
	if err == nil || !strings.Contains(err.Error(), "internal error") {
		t.Fatalf("background panic reported as %v", err)
	}
}

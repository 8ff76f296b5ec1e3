package app

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"drillbook/app/host"

	"fyne.io/fyne/v2"
)

// tickEvery is how often the exercise clock is redrawn. Exercise deadlines
// do not depend on it: the engine stamps every event with its own time.
const tickEvery = 200 * time.Millisecond

// This file is the one place in the GUI that starts goroutines: the clock
// ticker, the runner of background tasks, and the timer that starts the
// start-up load if no frame is painted.

// ticker is the one place in the GUI that starts a goroutine for ticks. It
// does no work itself: each tick is handed to the UI goroutine with
// fyne.Do, where the engine is ticked and the widgets refreshed. A tick
// already queued when Stop is called is dropped, so nothing ticks a
// console (or an engine) that has gone.
type ticker struct {
	stop    chan struct{}
	once    sync.Once
	stopped atomic.Bool // read by queued ticks, which may run on any goroutine in tests
	logged  atomic.Bool
}

func startTicker(tick func()) *ticker {
	tk := time.NewTicker(tickEvery)
	return runTicker(tk.C, tk.Stop, fyne.Do, tick)
}

// runTicker hands each value from c to do (fyne.Do in the app) as a call
// of tick; release frees c when the ticker stops.
func runTicker(c <-chan time.Time, release func(), do func(func()), tick func()) *ticker {
	t := &ticker{stop: make(chan struct{})}
	go func() {
		defer release()
		for {
			select {
			case <-c:
				do(t.run(tick))
			case <-t.stop:
				return
			}
		}
	}()
	return t
}

// run is one tick on the UI goroutine. A panic is the last resort here
// (callers that can show it catch their own, see console.safeTick): it is
// logged once and the next tick tries again, so the window and its
// document stay up.
func (t *ticker) run(tick func()) func() {
	return func() {
		if t.stopped.Load() {
			return
		}
		host.Protect(tick, func(err error) {
			if !t.logged.Swap(true) {
				fyne.LogError("clock tick failed", err)
			}
		})
	}
}

func (t *ticker) Stop() {
	if t != nil {
		t.stopped.Store(true)
		t.once.Do(func() { close(t.stop) })
	}
}

// background runs long work (exports, imports) off the UI goroutine. Its
// progress and its end are handed back to the UI goroutine with fyne.Do.
// The returned cancel stops the work through its context. A panic in the
// work reaches done as an error.
func background(work func(ctx context.Context, progress func(done, total int)) error, progress func(done, total int), done func(error)) (cancel func()) {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		var err error
		host.Protect(func() {
			err = work(ctx, func(d, t int) { fyne.Do(func() { progress(d, t) }) })
		}, func(perr error) { err = perr })
		fyne.Do(func() { done(err) })
	}()
	return cancel
}

// afterPaint is a runner that starts work through run once the loading
// state has been painted, so loading a large workspace (its decoding and
// garbage collection take both cores of a small machine) does not hold up
// the first frame. If nothing paints it within loadAnyway (a window
// hidden at start), the work starts anyway.
func (u *UI) afterPaint(run runner) runner {
	return func(work func(ctx context.Context, progress func(done, total int)) error, progress func(done, total int), done func(error)) func() {
		var once sync.Once
		start := func() { once.Do(func() { run(work, progress, done) }) }
		u.root.Objects = append(u.root.Objects, paintProbe(start))
		u.root.Refresh()
		time.AfterFunc(loadAnyway, start)
		return func() {}
	}
}

// loadAnyway bounds how long the load waits for the first frame.
const loadAnyway = 2 * time.Second

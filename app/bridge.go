package app

import (
	"context"
	"time"

	"fyne.io/fyne/v2"
)

// tickEvery is how often the exercise clock is redrawn. Exercise deadlines
// do not depend on it: the engine stamps every event with its own time.
const tickEvery = 200 * time.Millisecond

// ticker is the one place in the GUI that starts a goroutine. It does no
// work itself: each tick is handed to the UI goroutine with fyne.Do, where
// the engine is ticked and the widgets refreshed.
type ticker struct{ stop chan struct{} }

func startTicker(tick func()) *ticker {
	t := &ticker{stop: make(chan struct{})}
	go func() {
		tk := time.NewTicker(tickEvery)
		defer tk.Stop()
		for {
			select {
			case <-tk.C:
				fyne.Do(tick)
			case <-t.stop:
				return
			}
		}
	}()
	return t
}

func (t *ticker) Stop() {
	if t != nil {
		close(t.stop)
	}
}

// background runs long work (exports, imports) off the UI goroutine. Its
// progress and its end are handed back to the UI goroutine with fyne.Do.
// The returned cancel stops the work through its context.
func background(work func(ctx context.Context, progress func(done, total int)) error, progress func(done, total int), done func(error)) (cancel func()) {
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		err := work(ctx, func(d, t int) { fyne.Do(func() { progress(d, t) }) })
		fyne.Do(func() { done(err) })
	}()
	return cancel
}

package app

import (
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

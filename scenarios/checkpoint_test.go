package scenarios

import (
	"testing"
	"time"

	"drillbook/plan"
)

// A running clock is checkpointed every 10 s of exercise time, but never
// more than once a wall second: at ×20 a checkpoint a second (every 20 s of
// exercise time), not two, so a fast drill does not fsync twice a second.
func TestCheckpointsAtMostOnceAWallSecond(t *testing.T) {
	for _, c := range []struct {
		speed    float64
		wall     time.Duration
		want     int
		interval time.Duration
	}{
		{1, 60 * time.Second, 6, 10 * time.Second},
		{5, 12 * time.Second, 6, 10 * time.Second},
		{20, 10 * time.Second, 10, 20 * time.Second},
	} {
		sc, ws := fixture(t)
		d := startDriver(t, sc, ws, Options{Speed: c.speed})
		for range int(c.wall / (200 * time.Millisecond)) {
			d.clk.Advance(200 * time.Millisecond)
			if _, err := d.e.Tick(); err != nil {
				t.Fatal(err)
			}
		}
		var at []time.Duration
		for _, ev := range d.e.Events() {
			if ev.Kind == plan.EventCheckpoint {
				at = append(at, time.Duration(ev.At))
			}
		}
		if len(at) != c.want {
			t.Errorf("×%g over %s: %d checkpoints, want %d", c.speed, c.wall, len(at), c.want)
			continue
		}
		for i := 1; i < len(at); i++ {
			if gap := at[i] - at[i-1]; gap < c.interval || gap > c.interval+time.Duration(c.speed*float64(200*time.Millisecond)) {
				t.Errorf("×%g: checkpoints %s apart, want %s", c.speed, gap, c.interval)
			}
		}
	}
}

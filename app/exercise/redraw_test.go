package exercise

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/widget"

	"drillbook/plan"
)

// The log is appended to as events come, and read again only for a
// correction: either way it must be what the engine's log says.
func TestLogAppendsAsTheEngineReadsIt(t *testing.T) {
	h, x := exerciseHost(t, nil)
	c := startByDialog(t, h, x, "ransomware")
	same := func(when string) {
		t.Helper()
		if want := logEntries(c.e); !reflect.DeepEqual(c.events, want) {
			t.Fatalf("%s: the console's log (%d entries) differs from the engine's (%d)", when, len(c.events), len(want))
		}
	}
	for range 40 {
		h.Clock.Advance(time.Minute)
		c.onTick()
	}
	same("after 40 minutes")
	c.note.SetText("first note")
	c.addNote(false)
	c.note.SetText("an observation")
	c.addNote(true)
	same("after a note and an observation")
	seq := c.events[len(c.events)-2].Seq
	c.apply(c.e.Strike(seq, "typed in the wrong run", c.e.Facilitator()))
	same("after striking the note")
	if en, ok := c.detail.entryAt(seq); !ok || !en.Struck {
		t.Fatalf("struck note reads %+v (found %v)", en, ok)
	}
	c.togglePause()
	c.togglePause()
	h.Clock.Advance(time.Hour)
	c.onTick()
	same("after a pause and an hour")
}

// A tick in the same displayed second touches no widget; the next second
// redraws the clock.
func TestTickWithinTheSecondRedrawsNothing(t *testing.T) {
	h, x := exerciseHost(t, nil)
	c := startByDialog(t, h, x, "expired-certificate")
	h.Clock.Advance(10 * time.Second)
	c.onTick()
	if c.clock.Text != "T+00:10" {
		t.Fatalf("clock %q after 10 s", c.clock.Text)
	}
	c.clock.Text, c.next.Text = "mark", "mark"
	h.Clock.Advance(400 * time.Millisecond)
	c.onTick()
	if c.clock.Text != "mark" || c.next.Text != "mark" {
		t.Fatalf("a tick within the second redrew the clock (%q) or next (%q)", c.clock.Text, c.next.Text)
	}
	h.Clock.Advance(600 * time.Millisecond)
	c.onTick()
	if c.clock.Text != "T+00:11" || c.next.Text == "mark" {
		t.Fatalf("the next second shows clock %q, next %q", c.clock.Text, c.next.Text)
	}
}

// Only timer rows whose text or bar changed are redrawn: a row widget
// showing a finished timer keeps what it was last given while the
// seconds of running ones change.
func TestOnlyChangedTimerRowsAreRedrawn(t *testing.T) {
	h, x := exerciseHost(t, nil)
	c := startByDialog(t, h, x, "ransomware")
	h.Clock.Advance(time.Minute)
	c.onTick()
	before := append([]timerRow(nil), c.timerRows...)
	h.Clock.Advance(time.Second)
	c.onTick()
	changed := 0
	for i := range before {
		if before[i] != c.timerRows[i] {
			changed++
		}
	}
	if changed == 0 || changed == len(before) {
		t.Fatalf("%d of %d timer rows changed in a second; want some, not all", changed, len(before))
	}
	// Mark every row widget on screen; after a second only the changed
	// rows lose the mark.
	marked := map[int]bool{}
	for i, row := range c.timerShown.rows {
		if i < len(c.timerRows) {
			row.Objects[2].(*widget.Label).SetText("mark")
			marked[i] = true
		}
	}
	before = append([]timerRow(nil), c.timerRows...)
	h.Clock.Advance(time.Second)
	c.onTick()
	for i := range marked {
		status := textOf(c.timerShown.rows[i].Objects[2])
		if changed := before[i] != c.timerRows[i]; changed == (status == "mark") {
			t.Fatalf("row %d changed %v, shows %q", i, changed, status)
		}
	}
}

// entryAt is the log entry with Seq seq, as the detail panel finds it.
func (p *detailPanel) entryAt(seq int) (plan.Entry, bool) {
	keep := p.seq
	defer func() { p.seq = keep }()
	p.seq = seq
	return p.entry()
}

// At ×20 the engine ticks every 200 ms (4 exercise seconds), but the
// clock, "next" and the countdowns move in whole wall seconds (20 s
// steps), so the window repaints once a second as at ×1; paused, the clock
// shows the exact second.
func TestFastClockRedrawsOnceAWallSecond(t *testing.T) {
	h, x := exerciseHost(t, nil)
	c := startByDialog(t, h, x, "expired-certificate")
	c.apply(c.e.SetSpeed(20))
	shown := map[string]bool{}
	changes, last := 0, c.clock.Text
	for range 50 { // 10 wall seconds
		h.Clock.Advance(200 * time.Millisecond)
		c.onTick()
		if c.clock.Text != last {
			changes++
			last = c.clock.Text
		}
		shown[c.clock.Text] = true
	}
	if changes != 10 {
		t.Errorf("the clock changed %d times in 10 wall seconds at ×20, want 10", changes)
	}
	for text := range shown {
		if !strings.HasSuffix(text, ":00") && !strings.HasSuffix(text, ":20") && !strings.HasSuffix(text, ":40") {
			t.Errorf("the ×20 clock showed %q, not a whole 20 s step", text)
		}
	}
	if last != "T+03:20" {
		t.Errorf("after 10 wall seconds at ×20 the clock shows %q, want T+03:20", last)
	}
	h.Clock.Advance(600 * time.Millisecond) // 12 s more: T+03:32
	c.onTick()
	c.togglePause()
	if c.clock.Text != "T+03:32" {
		t.Errorf("paused at T+03:32 the clock shows %q", c.clock.Text)
	}
}

func TestShownTime(t *testing.T) {
	for _, tc := range []struct {
		now     time.Duration
		speed   float64
		running bool
		want    time.Duration
	}{
		{1500 * time.Millisecond, 1, true, time.Second},
		{59 * time.Second, 20, true, 40 * time.Second},
		{59 * time.Second, 20, false, 59 * time.Second},
		{59 * time.Second, 5, true, 55 * time.Second},
		{7*time.Minute + 3*time.Second, 2, true, 7*time.Minute + 2*time.Second},
		{0, 10, true, 0},
	} {
		if got := shownTime(tc.now, tc.speed, tc.running); got != tc.want {
			t.Errorf("shownTime(%v, ×%g, running %v) = %v, want %v", tc.now, tc.speed, tc.running, got, tc.want)
		}
	}
}

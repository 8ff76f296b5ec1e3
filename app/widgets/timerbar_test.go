package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"drillbook/scenarios"
)

// A bar is redrawn when its fill moves by a whole pixel or its colour
// changes, not for a change too small to see.
func TestTimerBarRedrawsOnlyVisibleChanges(t *testing.T) {
	test.NewTempApp(t)
	b := NewTimerBar()
	b.Resize(fyne.NewSize(100, 10))
	b.Set(0.5, scenarios.UrgencyOK)
	fg := test.WidgetRenderer(b).Objects()[1].(*canvas.Rectangle)
	if fg.Size().Width != 50 {
		t.Fatalf("half a 100-pixel bar is %v wide", fg.Size().Width)
	}
	b.Set(0.502, scenarios.UrgencyOK)
	if fg.Size().Width != 50 {
		t.Fatalf("a fifth of a pixel redrew the bar: %v wide", fg.Size().Width)
	}
	b.Set(0.52, scenarios.UrgencyOK)
	if fg.Size().Width != 52 {
		t.Fatalf("two pixels more did not redraw the bar: %v wide", fg.Size().Width)
	}
	b.Set(0.52, scenarios.UrgencyNear)
	if fg.FillColor != urgencyColours[scenarios.UrgencyNear] {
		t.Fatal("a new urgency did not recolour the bar")
	}
	// What was set without a redraw is what the next layout shows.
	b.Set(0.521, scenarios.UrgencyNear)
	b.Resize(fyne.NewSize(1000, 10))
	if fg.Size().Width != 521 {
		t.Fatalf("after a resize the bar is %v wide, want 521", fg.Size().Width)
	}
}

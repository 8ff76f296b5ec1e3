package exercise

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/plan"
	"drillbook/scenarios"
)

// scaledTheme scales every size, as the main window's zoom and
// presentation mode do.
type scaledTheme struct {
	fyne.Theme
	scale float32
}

func (t scaledTheme) Size(n fyne.ThemeSizeName) float32 { return t.Theme.Size(n) * t.scale }

// inShell puts a screen beside a navigation list like the main window's,
// under a theme scaled by scale.
func inShell(screen fyne.CanvasObject, scale float32) fyne.CanvasObject {
	nav := widget.NewList(func() int { return 9 },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(nil), widget.NewLabel("Screen name"))
		},
		func(widget.ListItemID, fyne.CanvasObject) {})
	split := container.NewHSplit(nav, screen)
	split.Offset = 0.17
	return container.NewThemeOverride(split, scaledTheme{theme.DefaultTheme(), scale})
}

// assertFits checks that the window's content asks for no more than the
// window (the real window would grow to it) and that no visible object
// reaches past the window's edges. Scrolled content is checked for
// width only: it may run on below its scroll, never beside it.
func assertFits(t *testing.T, w fyne.Window, what string) {
	t.Helper()
	size := w.Canvas().Size()
	if m := w.Content().MinSize(); m.Width > size.Width || m.Height > size.Height {
		t.Errorf("%s: content asks for %v in a %v window", what, m, size)
	}
	var walk func(o fyne.CanvasObject, at fyne.Position, vertical bool)
	walk = func(o fyne.CanvasObject, at fyne.Position, scrolled bool) {
		if o == nil || !o.Visible() {
			return
		}
		p := at.Add(o.Position())
		end := p.Add(o.Size())
		if end.X > size.Width+1 || (!scrolled && end.Y > size.Height+1) {
			t.Errorf("%s: %T %q at %v size %v reaches past the %v window", what, o, textOf(o), p, o.Size(), size)
			return
		}
		if s, ok := o.(*container.Scroll); ok {
			if s.Direction != container.ScrollVerticalOnly && s.Content.MinSize().Width > s.Size().Width+1 {
				t.Errorf("%s: a scroll %v wide holds %v", what, s.Size(), s.Content.MinSize())
			}
			scrolled = true
		}
		for _, k := range uitest.Children(o) {
			walk(k, p, scrolled)
		}
	}
	walk(w.Content(), fyne.Position{}, false)
}

func textOf(o fyne.CanvasObject) string {
	v := reflect.Indirect(reflect.ValueOf(o))
	if v.Kind() == reflect.Struct {
		if f := v.FieldByName("Text"); f.IsValid() && f.Kind() == reflect.String {
			return f.String()
		}
	}
	return ""
}

var screens = []fyne.Size{{Width: 1280, Height: 720}, {Width: 1366, Height: 768}}

// TestConsoleFitsLaptopScreens: at 1280×720 and 1366×768, normal and
// presentation size, during a decision and with 20 timers, the console
// fits and keeps the clock, pause, speed and End in view.
func TestConsoleFitsLaptopScreens(t *testing.T) {
	h, x := exerciseHost(t, nil)
	c := startByDialog(t, h, x, "ransomware")
	for len(c.e.OpenDecisions()) == 0 || len(c.tasks) < 20 {
		if c.e.Ended() || c.e.Now() > 3*time.Hour {
			t.Fatalf("no decision with 20 timers: %d open, %d timers", len(c.e.OpenDecisions()), len(c.tasks))
		}
		h.Clock.Advance(time.Minute)
		c.onTick()
	}
	c.refreshDecisions()
	// A recorded action selected: the detail panel offers Strike and Correct.
	c.apply(c.e.Record(scenarios.Action{Kind: scenarios.ExpectAcknowledge, Actor: c.e.Participants()[0].Person}))
	selectEntry(t, c, lastSeq(t, c, plan.EventAction))
	if !c.detail.strike.Visible() {
		t.Fatal("no Strike… for the selected action")
	}
	for _, scale := range []float32{1, 1.5} {
		for _, size := range screens {
			what := fmt.Sprintf("%vx%v at %v", size.Width, size.Height, scale)
			w := test.NewTempWindow(t, inShell(c.root, scale))
			w.Resize(size)
			assertFits(t, w, what)
			for _, label := range []string{"Pause", "End exercise…", "Next inject"} {
				b := uitest.Button(t, c.root, label)
				pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(b)
				if !b.Visible() || pos.X+b.Size().Width > size.Width {
					t.Errorf("%s: %q not in view (%v)", what, label, pos)
				}
			}
			uitest.Capture(t, w, fmt.Sprintf("console-%vx%v-%v", size.Width, size.Height, scale))
			w.SetContent(widget.NewLabel("")) // release c.root for the next window
		}
	}
}

package widgets

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/scenarios"
)

// TimerBar is a countdown bar whose colour says how urgent a task is:
// green while there is time, amber near the deadline, red once breached,
// grey when done or not yet running.
type TimerBar struct {
	widget.BaseWidget
	used    float64
	urgency scenarios.Urgency
}

// NewTimerBar returns an empty bar.
func NewTimerBar() *TimerBar {
	b := &TimerBar{}
	b.ExtendBaseWidget(b)
	return b
}

// Set shows how much of the time is used (0–1) and how urgent the task is.
// The bar is redrawn only when its colour or its filled width in whole
// pixels changes: the console sets every bar several times a second.
func (b *TimerBar) Set(used float64, u scenarios.Urgency) {
	same := b.urgency == u && b.fill(b.used) == b.fill(used)
	b.used, b.urgency = used, u
	if !same {
		b.Refresh()
	}
}

// fill is the filled width, in whole pixels, of used at the bar's size.
func (b *TimerBar) fill(used float64) float64 {
	return math.Round(float64(b.Size().Width) * used)
}

// Urgency colours; red and green are also told apart by the text beside
// the bar ("12:30 left" / "3:10 late"), not by colour alone.
var urgencyColours = map[scenarios.Urgency]color.NRGBA{
	scenarios.UrgencyDone:     {0x80, 0x80, 0x80, 0xff},
	scenarios.UrgencyWaiting:  {0x60, 0x78, 0x90, 0xff},
	scenarios.UrgencyOK:       {0x2e, 0x9e, 0x5b, 0xff},
	scenarios.UrgencyNear:     {0xf0, 0xa2, 0x02, 0xff},
	scenarios.UrgencyBreached: {0xd6, 0x3a, 0x3a, 0xff},
}

// CreateRenderer is part of fyne.Widget.
func (b *TimerBar) CreateRenderer() fyne.WidgetRenderer {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameInputBackground))
	fg := canvas.NewRectangle(urgencyColours[b.urgency])
	bg.CornerRadius, fg.CornerRadius = 3, 3
	return &timerBarRenderer{b: b, bg: bg, fg: fg}
}

type timerBarRenderer struct {
	b      *TimerBar
	bg, fg *canvas.Rectangle
}

func (r *timerBarRenderer) Layout(s fyne.Size) {
	r.bg.Resize(s)
	r.fg.Resize(fyne.NewSize(s.Width*float32(r.b.used), s.Height))
}

func (r *timerBarRenderer) MinSize() fyne.Size { return fyne.NewSize(80, 10) }

func (r *timerBarRenderer) Refresh() {
	r.fg.FillColor = urgencyColours[r.b.urgency]
	r.bg.FillColor = theme.Color(theme.ColorNameInputBackground)
	r.Layout(r.b.Size())
	r.bg.Refresh()
	r.fg.Refresh()
}

func (r *timerBarRenderer) Objects() []fyne.CanvasObject { return []fyne.CanvasObject{r.bg, r.fg} }
func (r *timerBarRenderer) Destroy()                     {}

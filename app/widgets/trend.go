package widgets

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// TrendChart plots the readiness index (0–100) of stored assessments in
// date order.
type TrendChart struct {
	widget.BaseWidget
	Labels []string
	Values []float64
}

// NewTrendChart returns an empty chart; Set gives it data.
func NewTrendChart() *TrendChart {
	c := &TrendChart{}
	c.ExtendBaseWidget(c)
	return c
}

// Set replaces the plotted values (with their date labels) and redraws.
func (c *TrendChart) Set(labels []string, values []float64) {
	c.Labels, c.Values = labels, values
	c.Refresh()
}

// CreateRenderer is part of fyne.Widget.
func (c *TrendChart) CreateRenderer() fyne.WidgetRenderer { return &trendRenderer{c: c} }

type trendRenderer struct {
	c       *TrendChart
	objects []fyne.CanvasObject
}

// MinSize grows with the theme's text size, as the zoom does.
func (r *trendRenderer) MinSize() fyne.Size {
	u := r.unit()
	return fyne.NewSize(360*u, 220*u)
}
func (r *trendRenderer) Layout(s fyne.Size)           { r.build(s) }
func (r *trendRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *trendRenderer) Destroy()                     {}
func (r *trendRenderer) Refresh() {
	r.build(r.c.Size())
	canvas.Refresh(r.c)
}

// unit is the theme's caption size over the default's (12).
func (r *trendRenderer) unit() float32 {
	return theme.SizeForWidget(theme.SizeNameCaptionText, r.c) / 12
}

func (r *trendRenderer) build(s fyne.Size) {
	r.objects = r.objects[:0]
	u := r.unit()
	textSize := 12 * u
	// Axis labels and values in the foreground colour: the disabled one
	// is nearly invisible on a projector, in either theme. Grid lines
	// stay faint.
	fg := theme.ColorForWidget(theme.ColorNameForeground, r.c)
	grid := theme.ColorForWidget(theme.ColorNameDisabled, r.c)
	left := fyne.MeasureText("100", textSize, fyne.TextStyle{}).Width + 10*u
	bottom, top, right := 2.5*textSize, 10*u, 20*u
	w, h := s.Width-left-right, s.Height-top-bottom
	if w < 20 || h < 20 {
		return
	}
	text := func(str string, x, y float32) {
		t := canvas.NewText(str, fg)
		t.TextSize = textSize
		t.Move(fyne.NewPos(x, y))
		r.objects = append(r.objects, t)
	}
	for _, v := range []float64{0, 25, 50, 75, 100} {
		y := top + h - float32(v/100)*h
		l := canvas.NewLine(grid)
		l.Position1, l.Position2 = fyne.NewPos(left, y), fyne.NewPos(left+w, y)
		r.objects = append(r.objects, l)
		label := fmt.Sprint(v)
		text(label, left-5*u-fyne.MeasureText(label, textSize, fyne.TextStyle{}).Width, y-textSize*0.7)
	}
	n := len(r.c.Values)
	if n == 0 {
		text("No assessments recorded yet", left+10*u, top+h*0.625-textSize*0.7) // between grid lines
		return
	}
	pos := func(i int) fyne.Position {
		x := left + w/2
		if n > 1 {
			x = left + w*float32(i)/float32(n-1)
		}
		return fyne.NewPos(x, top+h-float32(r.c.Values[i]/100)*h)
	}
	for i := 0; i+1 < n; i++ {
		l := canvas.NewLine(radarCurrent)
		l.StrokeWidth = 3 * u
		l.Position1, l.Position2 = pos(i), pos(i+1)
		r.objects = append(r.objects, l)
	}
	for i := range r.c.Values {
		p := pos(i)
		r.objects = append(r.objects, dot(p, 4*u))
		lw := fyne.MeasureText(r.c.Labels[i], textSize, fyne.TextStyle{}).Width
		text(r.c.Labels[i], min(max(p.X-lw/2, 0), s.Width-lw), top+h+0.5*textSize)
		text(fmt.Sprintf("%.0f", r.c.Values[i]), p.X+5*u, p.Y-1.4*textSize)
	}
}

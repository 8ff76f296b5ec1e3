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

func (r *trendRenderer) MinSize() fyne.Size           { return fyne.NewSize(360, 220) }
func (r *trendRenderer) Layout(s fyne.Size)           { r.build(s) }
func (r *trendRenderer) Objects() []fyne.CanvasObject { return r.objects }
func (r *trendRenderer) Destroy()                     {}
func (r *trendRenderer) Refresh() {
	r.build(r.c.Size())
	canvas.Refresh(r.c)
}

func (r *trendRenderer) build(s fyne.Size) {
	r.objects = r.objects[:0]
	fg, grid := theme.Color(theme.ColorNameForeground), theme.Color(theme.ColorNameDisabled)
	left, bottom, top, right := float32(40), float32(30), float32(10), float32(20)
	w, h := s.Width-left-right, s.Height-top-bottom
	if w < 20 || h < 20 {
		return
	}
	text := func(str string, x, y float32, c fyne.ThemeColorName) {
		t := canvas.NewText(str, theme.Color(c))
		t.TextSize = theme.CaptionTextSize()
		t.Move(fyne.NewPos(x, y))
		r.objects = append(r.objects, t)
	}
	for _, v := range []float64{0, 25, 50, 75, 100} {
		y := top + h - float32(v/100)*h
		l := canvas.NewLine(grid)
		l.Position1, l.Position2 = fyne.NewPos(left, y), fyne.NewPos(left+w, y)
		r.objects = append(r.objects, l)
		text(fmt.Sprint(v), 4, y-8, theme.ColorNameDisabled)
	}
	n := len(r.c.Values)
	if n == 0 {
		text("No assessments recorded yet", left+10, top+h/2-8, theme.ColorNameForeground)
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
		l.StrokeWidth = 3
		l.Position1, l.Position2 = pos(i), pos(i+1)
		r.objects = append(r.objects, l)
	}
	for i := range r.c.Values {
		p := pos(i)
		dot := canvas.NewCircle(radarCurrent)
		dot.Move(fyne.NewPos(p.X-4, p.Y-4))
		dot.Resize(fyne.NewSize(8, 8))
		r.objects = append(r.objects, dot)
		text(r.c.Labels[i], p.X-30, top+h+6, theme.ColorNameForeground)
		v := canvas.NewText(fmt.Sprintf("%.0f", r.c.Values[i]), fg)
		v.TextSize = theme.CaptionTextSize()
		v.Move(fyne.NewPos(p.X+5, p.Y-16))
		r.objects = append(r.objects, v)
	}
}

package widgets

import (
	"image/color"
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// RadarChart draws levels 0–4 per dimension on spokes: rings for each
// level, the target as a dashed-looking thin outline, the current levels
// as a thick filled-looking outline with dots.
type RadarChart struct {
	widget.BaseWidget
	Labels          []string
	Current, Target []float64 // 0–4 per axis
}

// NewRadarChart returns an empty chart; Set gives it data.
func NewRadarChart() *RadarChart {
	r := &RadarChart{}
	r.ExtendBaseWidget(r)
	return r
}

// Set replaces what the chart shows and redraws it.
func (r *RadarChart) Set(labels []string, current, target []float64) {
	r.Labels, r.Current, r.Target = labels, current, target
	r.Refresh()
}

var (
	radarCurrent = color.NRGBA{0x2e, 0x86, 0xde, 0xff}
	radarTarget  = color.NRGBA{0xf0, 0xa2, 0x02, 0xff}
)

// CreateRenderer is part of fyne.Widget.
func (r *RadarChart) CreateRenderer() fyne.WidgetRenderer {
	return &radarRenderer{r: r}
}

type radarRenderer struct {
	r       *RadarChart
	objects []fyne.CanvasObject
}

func (rr *radarRenderer) MinSize() fyne.Size { return fyne.NewSize(460, 340) }

func (rr *radarRenderer) Layout(size fyne.Size) { rr.build(size) }

func (rr *radarRenderer) Refresh() {
	rr.build(rr.r.Size())
	canvas.Refresh(rr.r)
}

func (rr *radarRenderer) Objects() []fyne.CanvasObject { return rr.objects }
func (rr *radarRenderer) Destroy()                     {}

// build recreates the vector shapes for the current size.
func (rr *radarRenderer) build(size fyne.Size) {
	r := rr.r
	n := len(r.Labels)
	rr.objects = rr.objects[:0]
	if n < 3 || size.Width < 10 {
		return
	}
	cx, cy := size.Width/2, size.Height/2
	// Leave room for the widest label on both sides so none spills out.
	labelSize := theme.CaptionTextSize() + 1
	var widest float32
	for _, l := range r.Labels {
		widest = max(widest, fyne.MeasureText(l, labelSize, fyne.TextStyle{}).Width)
	}
	radius := min((size.Width-2*widest-16)/2, (size.Height-2*labelSize-24)/2)
	if radius < 20 {
		radius = 20
	}
	point := func(i int, v float64) fyne.Position {
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(n)
		d := float64(radius) * v / 4
		return fyne.NewPos(cx+float32(d*math.Cos(a)), cy+float32(d*math.Sin(a)))
	}
	grid := theme.Color(theme.ColorNameDisabled)
	line := func(a, b fyne.Position, c color.Color, w float32) {
		l := canvas.NewLine(c)
		l.StrokeWidth = w
		l.Position1, l.Position2 = a, b
		rr.objects = append(rr.objects, l)
	}
	for lvl := 1; lvl <= 4; lvl++ {
		for i := 0; i < n; i++ {
			line(point(i, float64(lvl)), point((i+1)%n, float64(lvl)), grid, 1)
		}
	}
	fg := theme.Color(theme.ColorNameForeground)
	for i := 0; i < n; i++ {
		line(fyne.NewPos(cx, cy), point(i, 4), grid, 1)
		t := canvas.NewText(r.Labels[i], fg)
		t.TextSize = labelSize
		p := point(i, 4.25)
		w := fyne.MeasureText(r.Labels[i], t.TextSize, t.TextStyle).Width
		switch {
		case p.X < cx-5:
			p.X -= w
		case p.X <= cx+5:
			p.X -= w / 2
		}
		t.Move(fyne.NewPos(p.X, p.Y-t.TextSize/2))
		rr.objects = append(rr.objects, t)
	}
	poly := func(vals []float64, c color.Color, w float32) {
		if len(vals) != n {
			return
		}
		for i := 0; i < n; i++ {
			line(point(i, vals[i]), point((i+1)%n, vals[(i+1)%n]), c, w)
		}
	}
	poly(r.Target, radarTarget, 2)
	poly(r.Current, radarCurrent, 3.5)
	if len(r.Current) == n {
		for i, v := range r.Current {
			dot := canvas.NewCircle(radarCurrent)
			p := point(i, v)
			dot.Move(fyne.NewPos(p.X-4, p.Y-4))
			dot.Resize(fyne.NewSize(8, 8))
			rr.objects = append(rr.objects, dot)
		}
	}
	for lvl := 1; lvl <= 4; lvl++ {
		t := canvas.NewText(string(rune('0'+lvl)), grid)
		t.TextSize = theme.CaptionTextSize()
		p := point(0, float64(lvl))
		t.Move(fyne.NewPos(p.X+3, p.Y-t.TextSize))
		rr.objects = append(rr.objects, t)
	}
}

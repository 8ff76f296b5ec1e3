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

// MinSize is the chart at the smallest radius at which no two labels
// overlap, so it grows with the theme's text size (zoom, presentation).
func (rr *radarRenderer) MinSize() fyne.Size {
	g := rr.geometry()
	return g.extent(g.minRadius())
}

func (rr *radarRenderer) Layout(size fyne.Size) { rr.build(size) }

func (rr *radarRenderer) Refresh() {
	rr.build(rr.r.Size())
	canvas.Refresh(rr.r)
}

func (rr *radarRenderer) Objects() []fyne.CanvasObject { return rr.objects }
func (rr *radarRenderer) Destroy()                     {}

// radarGeometry places the labels around the rings: each label touches
// the end of its spoke on the side facing away from the centre, so a
// label above the chart sits above its point and one on the left ends
// at it.
type radarGeometry struct {
	n         int
	textSize  float32
	sizes     []fyne.Size // of each label
	dirs      []fyne.Position
	labelsGap float32
}

func (rr *radarRenderer) geometry() radarGeometry {
	r := rr.r
	g := radarGeometry{n: len(r.Labels), textSize: theme.SizeForWidget(theme.SizeNameCaptionText, r) + 1}
	g.labelsGap = g.textSize / 3
	for i, l := range r.Labels {
		g.sizes = append(g.sizes, fyne.MeasureText(l, g.textSize, fyne.TextStyle{}))
		a := -math.Pi/2 + 2*math.Pi*float64(i)/float64(g.n)
		g.dirs = append(g.dirs, fyne.NewPos(float32(math.Cos(a)), float32(math.Sin(a))))
	}
	return g
}

// label is where label i goes at radius R, relative to the centre.
func (g radarGeometry) label(i int, radius float32) (fyne.Position, fyne.Size) {
	d, s := g.dirs[i], g.sizes[i]
	tip := fyne.NewPos(d.X*(radius+g.labelsGap), d.Y*(radius+g.labelsGap))
	return fyne.NewPos(tip.X-s.Width*(1-d.X)/2, tip.Y-s.Height*(1-d.Y)/2), s
}

// extent is the size the rings and labels take at radius R, centred.
func (g radarGeometry) extent(radius float32) fyne.Size {
	halfW, halfH := radius, radius
	for i := range g.sizes {
		p, s := g.label(i, radius)
		halfW = max(halfW, -p.X, p.X+s.Width)
		halfH = max(halfH, -p.Y, p.Y+s.Height)
	}
	m := 2 * g.labelsGap
	return fyne.NewSize(2*halfW+m, 2*halfH+m)
}

// minRadius is the smallest radius (at least three lines of text) at
// which no two labels overlap.
func (g radarGeometry) minRadius() float32 {
	radius := 3 * g.textSize
	for ; radius < 40*g.textSize; radius += g.textSize / 2 {
		if !g.overlap(radius) {
			break
		}
	}
	return radius
}

func (g radarGeometry) overlap(radius float32) bool {
	for i := range g.n {
		p, s := g.label(i, radius)
		q, t := g.label((i+1)%g.n, radius)
		if p.X < q.X+t.Width && q.X < p.X+s.Width && p.Y < q.Y+t.Height && q.Y < p.Y+s.Height {
			return true
		}
	}
	return false
}

// fitRadius is the largest radius whose rings and labels fit size.
func (g radarGeometry) fitRadius(size fyne.Size) float32 {
	lo, hi := float32(0), max(size.Width, size.Height)
	for range 24 {
		mid := (lo + hi) / 2
		if e := g.extent(mid); e.Width <= size.Width && e.Height <= size.Height {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// build recreates the vector shapes for the current size.
func (rr *radarRenderer) build(size fyne.Size) {
	r := rr.r
	n := len(r.Labels)
	rr.objects = rr.objects[:0]
	if n < 3 || size.Width < 10 {
		return
	}
	g := rr.geometry()
	cx, cy := size.Width/2, size.Height/2
	radius := max(g.fitRadius(size), g.textSize)
	// Strokes and dots grow with the text, as the zoom does.
	unit := g.textSize / 13
	point := func(i int, v float64) fyne.Position {
		d := radius * float32(v) / 4
		return fyne.NewPos(cx+d*g.dirs[i].X, cy+d*g.dirs[i].Y)
	}
	grid := theme.ColorForWidget(theme.ColorNameDisabled, r)
	line := func(a, b fyne.Position, c color.Color, w float32) {
		l := canvas.NewLine(c)
		l.StrokeWidth = w * unit
		l.Position1, l.Position2 = a, b
		rr.objects = append(rr.objects, l)
	}
	for lvl := 1; lvl <= 4; lvl++ {
		for i := 0; i < n; i++ {
			line(point(i, float64(lvl)), point((i+1)%n, float64(lvl)), grid, 1)
		}
	}
	fg := theme.ColorForWidget(theme.ColorNameForeground, r)
	for i := 0; i < n; i++ {
		line(fyne.NewPos(cx, cy), point(i, 4), grid, 1)
		t := canvas.NewText(r.Labels[i], fg)
		t.TextSize = g.textSize
		p, _ := g.label(i, radius)
		t.Move(fyne.NewPos(cx+p.X, cy+p.Y))
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
			rr.objects = append(rr.objects, dot(point(i, v), 4*unit))
		}
	}
	for lvl := 1; lvl <= 4; lvl++ {
		t := canvas.NewText(string(rune('0'+lvl)), grid)
		t.TextSize = g.textSize - 1
		p := point(0, float64(lvl))
		t.Move(fyne.NewPos(p.X+3*unit, p.Y-t.TextSize))
		rr.objects = append(rr.objects, t)
	}
}

// dot is a filled circle of the current-level colour around p.
func dot(p fyne.Position, radius float32) *canvas.Circle {
	c := canvas.NewCircle(radarCurrent)
	c.Move(fyne.NewPos(p.X-radius, p.Y-radius))
	c.Resize(fyne.NewSquareSize(2 * radius))
	return c
}

package export

import (
	"math"
	"strconv"

	"github.com/jung-kurt/gofpdf"

	"drillbook/plan"
	"drillbook/scoring"
)

// Charts are drawn as vector paths with gofpdf's primitives, so they stay
// sharp at any zoom and print, and their labels remain text.

// radar draws the dimensions' levels (filled) and progress (dashed) on
// rings 1–4, centred at cx, cy with radius rad.
func (d *pdfDoc) radar(cx, cy, rad float64, dims []scoring.DimensionResult) {
	s := radarSeries{labels: make([]string, len(dims)), filled: make([]float64, len(dims)), dashed: make([]float64, len(dims))}
	for i, dr := range dims {
		s.labels[i] = dr.Dimension.Name + " (" + strconv.Itoa(dr.Level) + ")"
		s.filled[i], s.dashed[i] = float64(dr.Level), dr.Progress
	}
	d.radarChart(cx, cy, rad, s)
}

// radarSeries is what a radar shows per spoke: its label, the value drawn
// filled (a level) and the one drawn dashed over it (the progress, or the
// peers' median), each 0–4.
type radarSeries struct {
	labels         []string
	filled, dashed []float64
}

// radarChart draws s on rings 1–4, centred at cx, cy with radius rad.
func (d *pdfDoc) radarChart(cx, cy, rad float64, s radarSeries) {
	f := d.f
	n := len(s.labels)
	if n < 3 {
		return
	}
	angle := func(i int) float64 { return -math.Pi/2 + 2*math.Pi*float64(i)/float64(n) }
	point := func(i int, v float64) gofpdf.PointType {
		a := angle(i)
		return gofpdf.PointType{X: cx + rad*v/4*math.Cos(a), Y: cy + rad*v/4*math.Sin(a)}
	}
	// Rings and spokes.
	f.SetLineWidth(0.2)
	for level := 1; level <= 4; level++ {
		pts := make([]gofpdf.PointType, n)
		for i := range pts {
			pts[i] = point(i, float64(level))
		}
		d.draw(colRule)
		f.Polygon(pts, "D")
	}
	for i := 0; i < n; i++ {
		p := point(i, 4)
		f.Line(cx, cy, p.X, p.Y)
	}
	// Level numbers up the first spoke.
	d.font("", 6)
	d.color(colMuted)
	for level := 1; level <= 4; level++ {
		p := point(0, float64(level))
		f.SetXY(p.X+0.5, p.Y-1.6)
		f.CellFormat(4, 3, strconv.Itoa(level), "", 0, "L", false, 0, "")
	}
	// Levels, filled.
	lv := make([]gofpdf.PointType, n)
	pr := make([]gofpdf.PointType, n)
	for i := range n {
		lv[i] = point(i, s.filled[i])
		pr[i] = point(i, math.Min(4, math.Max(0, s.dashed[i])))
	}
	f.SetAlpha(0.35, "Normal")
	d.fill(colAccent)
	f.Polygon(lv, "F")
	f.SetAlpha(1, "Normal")
	d.draw(colHead)
	f.SetLineWidth(0.6)
	f.Polygon(lv, "D")
	f.SetDashPattern([]float64{1.2, 0.8}, 0)
	d.draw(colLate)
	f.SetLineWidth(0.35)
	f.Polygon(pr, "D")
	f.SetDashPattern(nil, 0)
	d.fill(colHead)
	for _, p := range lv {
		f.Circle(p.X, p.Y, 0.7, "F")
	}
	// Labels outside the rings, aligned away from the centre.
	const labelW = 30.0
	d.font("", 6.8)
	d.color(colText)
	for i, label := range s.labels {
		a := angle(i)
		lx, ly := cx+(rad+3)*math.Cos(a), cy+(rad+3)*math.Sin(a)
		text := pdfLine(label)
		lw := labelW
		if math.Abs(math.Cos(a)) <= 0.2 {
			lw = 2 * labelW // top and bottom labels have room across
		}
		lines := f.SplitText(text, lw)
		if len(lines) > 2 {
			lines = lines[:2]
		}
		h := float64(len(lines)) * 2.9
		x, align := lx-lw/2, "C"
		switch cos := math.Cos(a); {
		case cos > 0.2:
			x, align = lx, "L"
		case cos < -0.2:
			x, align = lx-lw, "R"
		}
		y := ly - h/2
		if s := math.Sin(a); s < -0.9 {
			y = ly - h
		} else if s > 0.9 {
			y = ly
		}
		for k, line := range lines {
			f.SetXY(x, y+float64(k)*2.9)
			f.CellFormat(lw, 2.9, line, "", 0, align, false, 0, "")
		}
	}
	d.resetText()
}

// trendArrow draws a small up (green), down (red) or level (grey) marker
// with its top-left corner at x, y and size s.
func (d *pdfDoc) trendArrow(x, y, s, delta float64) {
	f := d.f
	switch {
	case delta >= 0.05:
		d.fill(colMet)
		f.Polygon([]gofpdf.PointType{{X: x + s/2, Y: y}, {X: x + s, Y: y + s}, {X: x, Y: y + s}}, "F")
	case delta <= -0.05:
		d.fill(colBreach)
		f.Polygon([]gofpdf.PointType{{X: x, Y: y}, {X: x + s, Y: y}, {X: x + s/2, Y: y + s}}, "F")
	default:
		d.fill(colMuted)
		f.Rect(x, y+s*0.35, s, s*0.3, "F")
	}
}

// marker shapes for the timeline and its legend.
func (d *pdfDoc) triangle(x, y, s float64, c rgb) {
	d.fill(c)
	d.f.Polygon([]gofpdf.PointType{{X: x, Y: y - s}, {X: x + s, Y: y + s*0.8}, {X: x - s, Y: y + s*0.8}}, "F")
}

func (d *pdfDoc) diamond(x, y, s float64, c rgb) {
	d.fill(c)
	d.f.Polygon([]gofpdf.PointType{{X: x, Y: y - s}, {X: x + s, Y: y}, {X: x, Y: y + s}, {X: x - s, Y: y}}, "F")
}

func (d *pdfDoc) dot(x, y, s float64, c rgb) {
	d.fill(c)
	d.f.Circle(x, y, s, "F")
}

func (d *pdfDoc) cross(x, y, s float64, c rgb) {
	d.draw(c)
	d.f.SetLineWidth(0.45)
	d.f.Line(x-s, y-s, x+s, y+s)
	d.f.Line(x-s, y+s, x+s, y-s)
}

// gradeColor colours a decision grade.
func gradeColor(g string) rgb {
	switch g {
	case "good":
		return colMet
	case "poor":
		return colBreach
	case "acceptable":
		return colLate
	}
	return colMuted
}

// timeline draws the run on an exercise-time axis: injects, decisions and
// recorded actions on their own lanes, then one lane per critical task
// from its start to its deadline, ending in green when met in time and
// red when breached (late or missed).
func (d *pdfDoc) timeline(run *plan.Run) {
	f := d.f
	tasks := timelineTasks(run)
	taskH := 3.2
	if len(tasks) > 20 {
		taskH = math.Max(1.4, 64/float64(len(tasks)))
	}
	const laneH, labelW, axisH = 6.0, 40.0, 8.0
	height := 3*laneH + float64(len(tasks))*taskH + axisH + 10
	d.ensure(height)
	x0, y0 := marginL+labelW, d.f.GetY()+2
	w := contentW - labelW - 2

	span := timelineSpan(run, tasks)
	xAt := func(t plan.Duration) float64 {
		return x0 + w*math.Max(0, math.Min(1, float64(t)/float64(span)))
	}

	// Lane backgrounds and labels.
	lanes := []string{"Injects", "Decisions", "Actions"}
	y := y0
	d.font("", 7)
	for i, name := range lanes {
		if i%2 == 0 {
			d.fill(colZebra)
			f.Rect(x0, y, w, laneH, "F")
		}
		d.color(colText)
		f.SetXY(marginL, y)
		f.CellFormat(labelW, laneH, name, "", 0, "L", false, 0, "")
		y += laneH
	}
	tasksTop := y
	d.font("", math.Min(6.5, taskH*2.2))
	for i, t := range tasks {
		ty := tasksTop + float64(i)*taskH
		if i%2 == 0 {
			d.fill(colZebra)
			f.Rect(x0, ty, w, taskH, "F")
		}
		d.color(colMuted)
		f.SetXY(marginL, ty)
		d.cell(labelW, taskH, d.fitLine(pdfLine(taskLabel(t)), labelW), 0, "L")
	}
	bottom := tasksTop + float64(len(tasks))*taskH

	// Axis with ticks at a readable interval.
	d.draw(colMuted)
	f.SetLineWidth(0.2)
	f.Line(x0, bottom, x0+w, bottom)
	step := tickStep(span)
	d.font("", 6)
	d.color(colMuted)
	for t := plan.Duration(0); t <= span; t += step {
		x := xAt(t)
		d.draw(colRule)
		f.Line(x, y0, x, bottom)
		d.draw(colMuted)
		f.Line(x, bottom, x, bottom+1)
		f.SetXY(x-8, bottom+1)
		f.CellFormat(16, 3, clock(t), "", 0, "C", false, 0, "")
	}

	// Markers.
	for _, e := range run.Events {
		x := xAt(e.At)
		switch e.Kind {
		case plan.EventInject:
			d.triangle(x, y0+laneH/2, 1.3, colHead)
		case plan.EventAction:
			d.dot(x, y0+laneH*2.5, 0.9, colText)
		}
	}
	for _, dec := range run.Decisions {
		d.diamond(xAt(dec.At), y0+laneH*1.5, 1.4, gradeColor(dec.Grade))
	}
	lane := pdfLane{d: d, right: x0 + w}
	for i, t := range tasks {
		drawTaskLane(lane, t, span, xAt, tasksTop+float64(i)*taskH+taskH/2, math.Min(1, taskH*0.32))
	}

	// Legend.
	ly := bottom + 6
	lx := marginL
	d.font("", 6.8)
	legend := func(draw func(x, y float64), label string) {
		draw(lx+1.5, ly+1.5)
		d.color(colText)
		f.SetXY(lx+3.5, ly)
		f.CellFormat(f.GetStringWidth(label)+3, 3, label, "", 0, "L", false, 0, "")
		lx += f.GetStringWidth(label) + 8
	}
	legend(func(x, y float64) { d.triangle(x, y, 1.2, colHead) }, "inject")
	legend(func(x, y float64) { d.diamond(x, y, 1.3, colMet) }, "decision (good / acceptable / poor)")
	legend(func(x, y float64) { d.dot(x, y, 0.9, colText) }, "action")
	legend(func(x, y float64) { d.dot(x, y, 1, colMet) }, "deadline met")
	legend(func(x, y float64) { d.dot(x, y, 1, colBreach) }, "met late")
	legend(func(x, y float64) { d.cross(x, y, 1, colBreach) }, "deadline breached")
	legend(func(x, y float64) {
		d.fill(colMuted)
		f.Polygon([]gofpdf.PointType{{X: x - 0.8, Y: y - 1}, {X: x + 0.8, Y: y}, {X: x - 0.8, Y: y + 1}}, "F")
	}, "deadline after the end")
	f.SetXY(marginL, ly+5)
	d.resetText()
}

// pdfLane draws a timeline's task lanes on the page (see drawTaskLane).
type pdfLane struct {
	d     *pdfDoc
	right float64 // the axis's right end
}

// Marks after the lane keep its line width (and an overrun the cross's).
func (l pdfLane) lane(x1, x2, y float64) {
	l.d.draw(colMuted)
	l.d.f.SetLineWidth(0.3)
	l.d.f.Line(x1, y, x2, y)
}

func (l pdfLane) overrun(x1, x2, y float64) { l.d.draw(colBreach); l.d.f.Line(x1, y, x2, y) }
func (l pdfLane) tick(x, y, s float64)      { l.d.draw(colMuted); l.d.f.Line(x, y-s, x, y+s) }

func (l pdfLane) past(y, s float64) {
	l.d.fill(colMuted)
	l.d.f.Polygon([]gofpdf.PointType{{X: l.right, Y: y - s}, {X: l.right + 1.6, Y: y}, {X: l.right, Y: y + s}}, "F")
}

func (l pdfLane) dot(x, y, s float64, c rgb)   { l.d.dot(x, y, s, c) }
func (l pdfLane) cross(x, y, s float64, c rgb) { l.d.cross(x, y, s, c) }
func (l pdfLane) ring(x, y, s float64)         { l.d.draw(colMuted); l.d.f.Circle(x, y, s, "D") }

// tickStep picks an axis interval giving at most about ten ticks.
func tickStep(span plan.Duration) plan.Duration {
	for _, s := range []plan.Duration{plan.Minute, 2 * plan.Minute, 5 * plan.Minute, 10 * plan.Minute, 15 * plan.Minute, 30 * plan.Minute, plan.Hour, 2 * plan.Hour, 6 * plan.Hour, 12 * plan.Hour, plan.Day} {
		if span/s <= 10 {
			return s
		}
	}
	return span / 10
}

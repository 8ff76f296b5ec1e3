package export

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"strings"
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"

	"drillbook/internal/prose"
	"drillbook/internal/textclean"
	"drillbook/plan"
)

// The Word report's timeline is a picture: Word has no chart a library
// can fill without an embedded workbook, and a picture looks the same in
// Word, LibreOffice and a browser preview. It is drawn in pure Go (shapes
// with x/image/vector, labels in the embedded Noto Sans) with the lanes,
// markers and colours of the PDF's chart (pdf_charts.go timeline), at
// about 270 dpi across the page's text width so it prints sharp.

// timeline picture geometry, in pixels.
const (
	tlWidth   = 1800
	tlLabelW  = 420 // lane labels on the left
	tlLaneH   = 56
	tlTaskH   = 34
	tlAxisH   = 40
	tlLegendH = 56
	tlPad     = 12
)

// timelineFont is Noto Sans, parsed once.
var timelineFont = sync.OnceValues(func() (*opentype.Font, error) { return opentype.Parse(fonts().regular) })

// timelineFaces are the faces of the lane labels, the axis and legend, and
// the task labels (sized to their rows).
func timelineFaces(taskH float64) (label, small, task font.Face, err error) {
	f, err := timelineFont()
	if err != nil {
		return nil, nil, nil, err
	}
	var faces [3]font.Face
	for i, size := range []float64{26, 20, math.Max(7, math.Min(26, taskH*0.72))} {
		if faces[i], err = opentype.NewFace(f, &opentype.FaceOptions{Size: size, DPI: 72, Hinting: font.HintingFull}); err != nil {
			return nil, nil, nil, err
		}
	}
	return faces[0], faces[1], faces[2], nil
}

// canvas is the picture being drawn.
type canvas struct {
	img *image.RGBA
	z   *vector.Rasterizer
}

func toRGBA(c rgb) color.RGBA { return color.RGBA{uint8(c.r), uint8(c.g), uint8(c.b), 255} }

// fillPath fills the polygon through pts; a second ring wound the other
// way cuts a hole (the rasteriser sums signed coverage).
//
// Each shape is rasterised in its own bounding box: the rasteriser's work
// is proportional to the area it is given, and most shapes are a few
// pixels across.
func (c *canvas) fillPath(col rgb, rings ...[][2]float64) {
	x0, y0, x1, y1 := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, pts := range rings {
		for _, p := range pts {
			x0, y0, x1, y1 = math.Min(x0, p[0]), math.Min(y0, p[1]), math.Max(x1, p[0]), math.Max(y1, p[1])
		}
	}
	box := image.Rect(int(math.Floor(x0)), int(math.Floor(y0)), int(math.Ceil(x1)), int(math.Ceil(y1))).Intersect(c.img.Bounds())
	if box.Empty() {
		return
	}
	ox, oy := float32(box.Min.X), float32(box.Min.Y)
	c.z.Reset(box.Dx(), box.Dy())
	for _, pts := range rings {
		c.z.MoveTo(float32(pts[0][0])-ox, float32(pts[0][1])-oy)
		for _, p := range pts[1:] {
			c.z.LineTo(float32(p[0])-ox, float32(p[1])-oy)
		}
		c.z.ClosePath()
	}
	c.z.Draw(c.img, box, image.NewUniform(toRGBA(col)), image.Point{})
}

// rect fills an axis-aligned rectangle (whole pixels: the lanes need no
// anti-aliasing, and draw.Draw is far cheaper than the rasteriser).
func (c *canvas) rect(x, y, w, h float64, col rgb) {
	r := image.Rect(int(math.Round(x)), int(math.Round(y)), int(math.Round(x+w)), int(math.Round(y+h)))
	draw.Draw(c.img, r, image.NewUniform(toRGBA(col)), image.Point{}, draw.Src)
}

// line strokes from (x1, y1) to (x2, y2), width px wide.
func (c *canvas) line(x1, y1, x2, y2, width float64, col rgb) {
	dx, dy := x2-x1, y2-y1
	l := math.Hypot(dx, dy)
	if l == 0 {
		return
	}
	nx, ny := -dy/l*width/2, dx/l*width/2
	c.fillPath(col, [][2]float64{{x1 + nx, y1 + ny}, {x2 + nx, y2 + ny}, {x2 - nx, y2 - ny}, {x1 - nx, y1 - ny}})
}

// circlePts is a circle as a 32-gon, clockwise or not.
func circlePts(x, y, r float64, reverse bool) [][2]float64 {
	pts := make([][2]float64, 32)
	for i := range pts {
		a := 2 * math.Pi * float64(i) / 32
		if reverse {
			a = -a
		}
		pts[i] = [2]float64{x + r*math.Cos(a), y + r*math.Sin(a)}
	}
	return pts
}

func (c *canvas) dot(x, y, r float64, col rgb) { c.fillPath(col, circlePts(x, y, r, false)) }

func (c *canvas) ring(x, y, r float64, col rgb) {
	c.fillPath(col, circlePts(x, y, r, false), circlePts(x, y, r*0.6, true))
}

func (c *canvas) triangle(x, y, s float64, col rgb) {
	c.fillPath(col, [][2]float64{{x, y - s}, {x + s, y + s*0.8}, {x - s, y + s*0.8}})
}

func (c *canvas) diamond(x, y, s float64, col rgb) {
	c.fillPath(col, [][2]float64{{x, y - s}, {x + s, y}, {x, y + s}, {x - s, y}})
}

func (c *canvas) cross(x, y, s float64, col rgb) {
	c.line(x-s, y-s, x+s, y+s, s/2.2, col)
	c.line(x-s, y+s, x+s, y-s, s/2.2, col)
}

// arrow points right, its tip at x+s.
func (c *canvas) arrow(x, y, s float64, col rgb) {
	c.fillPath(col, [][2]float64{{x, y - s}, {x + s*1.6, y}, {x, y + s}})
}

// text draws s with its baseline's left end at x, y (centred on x when
// centre is set) and returns its width.
func (c *canvas) text(face font.Face, x, y float64, s string, col rgb, centre bool) float64 {
	d := font.Drawer{Dst: c.img, Src: image.NewUniform(toRGBA(col)), Face: face}
	w := float64(d.MeasureString(s)) / 64
	if centre {
		x -= w / 2
	}
	d.Dot = fixed.P(int(math.Round(x)), int(math.Round(y)))
	d.DrawString(s)
	return w
}

// pictureLane draws a timeline's task lanes in the picture (see
// drawTaskLane).
type pictureLane struct {
	c     *canvas
	right float64 // the axis's right end
}

func (l pictureLane) lane(x1, x2, y float64)         { l.c.line(x1, y, x2, y, 2.5, colMuted) }
func (l pictureLane) overrun(x1, x2, y float64)      { l.c.line(x1, y, x2, y, 2.5, colBreach) }
func (l pictureLane) tick(x, y, s float64)           { l.c.line(x, y-s, x, y+s, 2.5, colMuted) }
func (l pictureLane) past(y, s float64)              { l.c.arrow(l.right, y, s, colMuted) }
func (l pictureLane) dot(x, y, s float64, col rgb)   { l.c.dot(x, y, s, col) }
func (l pictureLane) cross(x, y, s float64, col rgb) { l.c.cross(x, y, s, col) }
func (l pictureLane) ring(x, y, s float64)           { l.c.ring(x, y, s, colMuted) }

// pictureText is user text as the picture can draw it on one line:
// cleaned, every character the font lacks as U+FFFD, and cut with "…" to
// fit maxW pixels.
func pictureText(face font.Face, s string, maxW float64) string {
	s = strings.Join(strings.Fields(textclean.Clean(s)), " ")
	var b strings.Builder
	for _, r := range s {
		switch {
		case hasGlyph(r):
			b.WriteRune(r)
		case substitutes[r] != "":
			b.WriteString(substitutes[r])
		default:
			b.WriteRune(replacement)
		}
	}
	s = b.String()
	if float64(font.MeasureString(face, s))/64 <= maxW {
		return s
	}
	rs := []rune(s)
	// Binary search for the longest prefix that fits with the ellipsis.
	lo, hi := 0, len(rs)
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if float64(font.MeasureString(face, string(rs[:mid])+"…"))/64 <= maxW {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return strings.TrimSpace(string(rs[:lo])) + "…"
}

// timelinePNG draws a run's timeline and says what it shows in words (the
// picture's alternative text).
func timelinePNG(run *plan.Run) (pngData []byte, w, h int, alt string, err error) {
	tasks := timelineTasks(run)
	// Rows shrink with many tasks so the picture stays within about
	// 2,600 pixels (a page) however long the run.
	taskH := float64(tlTaskH)
	if len(tasks) > 20 {
		taskH = math.Max(2, math.Min(tlTaskH, 2200/float64(len(tasks))))
	}
	label, small, taskFace, err := timelineFaces(taskH)
	if err != nil {
		return nil, 0, 0, "", fmt.Errorf("timeline font: %w", err)
	}
	h = int(tlPad + 3*tlLaneH + float64(len(tasks))*taskH + tlAxisH + tlLegendH + tlPad)
	w = tlWidth
	c := &canvas{img: image.NewRGBA(image.Rect(0, 0, w, h)), z: vector.NewRasterizer(w, h)}
	draw.Draw(c.img, c.img.Bounds(), image.White, image.Point{}, draw.Src)

	x0, y0 := float64(tlLabelW+10), float64(tlPad)
	width := float64(w) - x0 - 60
	span := timelineSpan(run, tasks)
	xAt := func(t plan.Duration) float64 {
		return x0 + width*math.Max(0, math.Min(1, float64(t)/float64(span)))
	}

	y := y0
	for i, name := range []string{"Injects", "Decisions", "Actions"} {
		if i%2 == 0 {
			c.rect(x0, y, width, tlLaneH, colZebra)
		}
		c.text(label, 8, y+tlLaneH/2+9, name, colText, false)
		y += tlLaneH
	}
	tasksTop := y
	for i, t := range tasks {
		ty := tasksTop + float64(i)*taskH
		if i%2 == 0 {
			c.rect(x0, ty, width, taskH, colZebra)
		}
		if taskH >= 10 { // below that a label would overlap its neighbours
			c.text(taskFace, 8, ty+taskH*0.77, pictureText(taskFace, taskLabel(t), tlLabelW-16), colMuted, false)
		}
	}
	bottom := tasksTop + float64(len(tasks))*taskH

	c.line(x0, bottom, x0+width, bottom, 2, colMuted)
	step := tickStep(span)
	for t := plan.Duration(0); t <= span; t += step {
		x := xAt(t)
		c.line(x, y0, x, bottom, 1.2, colRule)
		c.line(x, bottom, x, bottom+8, 2, colMuted)
		c.text(small, x, bottom+32, clock(t), colMuted, true)
	}

	counts := map[string]int{}
	for _, e := range run.Events {
		switch e.Kind {
		case plan.EventInject:
			c.triangle(xAt(e.At), y0+tlLaneH/2, 12, colHead)
			counts["inject"]++
		case plan.EventAction:
			c.dot(xAt(e.At), y0+tlLaneH*2.5, 8, colText)
			counts["action"]++
		}
	}
	for _, dec := range run.Decisions {
		c.diamond(xAt(dec.At), y0+tlLaneH*1.5, 13, gradeColor(dec.Grade))
	}
	lane := pictureLane{c: c, right: x0 + width}
	for i, t := range tasks {
		counts[t.Status]++
		drawTaskLane(lane, t, span, xAt, tasksTop+float64(i)*taskH+taskH/2, math.Min(10, taskH*0.3))
	}

	lx, ly := 8.0, bottom+tlAxisH+30
	legend := func(mark func(x, y float64), text string) {
		mark(lx+12, ly-8)
		lx += 30 + c.text(small, lx+28, ly, text, colText, false) + 26
	}
	legend(func(x, y float64) { c.triangle(x, y, 10, colHead) }, "inject")
	legend(func(x, y float64) { c.diamond(x, y, 11, colMet) }, "decision (good / acceptable / poor)")
	legend(func(x, y float64) { c.dot(x, y, 7, colText) }, "action")
	legend(func(x, y float64) { c.dot(x, y, 9, colMet) }, "deadline met")
	legend(func(x, y float64) { c.dot(x, y, 9, colBreach) }, "met late")
	legend(func(x, y float64) { c.cross(x, y, 9, colBreach) }, "deadline breached")
	legend(func(x, y float64) { c.arrow(x-6, y, 8, colMuted) }, "deadline after the end")

	var buf bytes.Buffer
	// Fastest compression: three quarters of the time went to the
	// default's, for a file about a fifth larger.
	enc := png.Encoder{CompressionLevel: png.BestSpeed}
	if err := enc.Encode(&buf, c.img); err != nil {
		return nil, 0, 0, "", fmt.Errorf("timeline picture: %w", err)
	}
	alt = fmt.Sprintf("Timeline of the exercise over %s: %s, %s and %s; %s (%d met on time, %d late, %d missed, %d pending).",
		durText(span), prose.Count(counts["inject"], "inject", "injects"), prose.Count(len(run.Decisions), "decision", "decisions"),
		prose.Count(counts["action"], "recorded action", "recorded actions"), prose.Count(len(tasks), "critical task", "critical tasks"),
		counts[plan.TaskMet], counts[plan.TaskLate], counts[plan.TaskMissed], counts[plan.TaskPending])
	return buf.Bytes(), w, h, alt, nil
}

package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/plan"
)

// WeekGrid draws the on-call week: one row per day (Monday first), one
// column per quarter hour, coloured by how many staffed shifts cover it,
// with the holes in promised cover in the error colour. The counts and
// holes come from plan.Coverage.WeekGrid and Holes; the widget only maps
// them to pixels.
type WeekGrid struct {
	widget.BaseWidget
	counts [7][plan.SlotsPerDay]int
	hole   [7][plan.SlotsPerDay]bool
}

const (
	gridLabelWidth  = 40
	gridLabelHeight = 20
	gridRowHeight   = 18
)

// NewWeekGrid returns an empty week; Set gives it the cover.
func NewWeekGrid() *WeekGrid {
	g := &WeekGrid{}
	g.ExtendBaseWidget(g)
	return g
}

// Set replaces what the grid shows.
func (g *WeekGrid) Set(counts [7][plan.SlotsPerDay]int, holes []plan.Hole) {
	g.counts = counts
	g.hole = holeSlots(holes)
	g.Refresh()
}

// Count is how many staffed shifts cover a quarter hour (day 0 is
// Monday).
func (g *WeekGrid) Count(day, slot int) int { return g.counts[day][slot] }

// Hole reports whether a quarter hour is shown as a hole in the cover.
func (g *WeekGrid) Hole(day, slot int) bool { return g.hole[day][slot] }

// holeSlots marks the quarter hours each hole touches. A hole may run
// across midnight and from Sunday into Monday.
func holeSlots(holes []plan.Hole) [7][plan.SlotsPerDay]bool {
	var out [7][plan.SlotsPerDay]bool
	const week = 7 * plan.SlotsPerDay
	for _, h := range holes {
		start, err := plan.ParseClock(h.Start)
		day := h.Day.Index()
		if err != nil || day < 0 {
			continue
		}
		from := day*plan.SlotsPerDay + start/plan.SlotMinutes
		minutes := int(h.Length.D().Minutes())
		n := (start%plan.SlotMinutes + minutes + plan.SlotMinutes - 1) / plan.SlotMinutes
		for k := 0; k < n && k < week; k++ {
			s := (from + k) % week
			out[s/plan.SlotsPerDay][s%plan.SlotsPerDay] = true
		}
	}
	return out
}

// cellColor is the colour of one quarter hour.
func (g *WeekGrid) cellColor(day, slot int) color.Color {
	switch n := g.counts[day][slot]; {
	case g.hole[day][slot]:
		return theme.Color(theme.ColorNameError)
	case n == 0:
		return theme.Color(theme.ColorNameInputBackground)
	case n == 1:
		return withAlpha(theme.Color(theme.ColorNameSuccess), 0x99)
	default:
		return theme.Color(theme.ColorNameSuccess)
	}
}

func withAlpha(c color.Color, a uint8) color.Color {
	r, gg, b, _ := c.RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(gg >> 8), uint8(b >> 8), a}
}

// CreateRenderer is part of fyne.Widget.
func (g *WeekGrid) CreateRenderer() fyne.WidgetRenderer {
	r := &weekGridRenderer{g: g}
	r.cells = canvas.NewRasterWithPixels(func(x, y, w, h int) color.Color {
		if w <= 0 || h <= 0 {
			return color.Transparent
		}
		// Hour and day lines sit on the first pixel of each hour or row.
		if x > 0 && x*24/w != (x-1)*24/w || y > 0 && y*7/h != (y-1)*7/h {
			return theme.Color(theme.ColorNameSeparator)
		}
		return g.cellColor(min(y*7/h, 6), min(x*plan.SlotsPerDay/w, plan.SlotsPerDay-1))
	})
	for _, d := range plan.Weekdays {
		t := canvas.NewText(string(d[0]-'a'+'A')+string(d[1:]), theme.Color(theme.ColorNameForeground))
		t.TextSize = theme.CaptionTextSize()
		r.days = append(r.days, t)
	}
	for h := 0; h <= 24; h += 3 {
		t := canvas.NewText(twoDigits(h), theme.Color(theme.ColorNamePlaceHolder))
		t.TextSize = theme.CaptionTextSize()
		r.hours = append(r.hours, t)
	}
	return r
}

func twoDigits(n int) string { return string(rune('0'+n/10)) + string(rune('0'+n%10)) }

type weekGridRenderer struct {
	g     *WeekGrid
	cells *canvas.Raster
	days  []*canvas.Text
	hours []*canvas.Text
}

func (r *weekGridRenderer) Layout(size fyne.Size) {
	w := size.Width - gridLabelWidth
	h := size.Height - gridLabelHeight
	r.cells.Move(fyne.NewPos(gridLabelWidth, gridLabelHeight))
	r.cells.Resize(fyne.NewSize(w, h))
	for i, t := range r.days {
		ts := t.MinSize()
		t.Move(fyne.NewPos(0, gridLabelHeight+h*float32(i)/7+(h/7-ts.Height)/2))
	}
	for i, t := range r.hours {
		ts := t.MinSize()
		x := gridLabelWidth + w*float32(i*3)/24 - ts.Width/2
		t.Move(fyne.NewPos(min(x, size.Width-ts.Width), 0))
	}
}

func (r *weekGridRenderer) MinSize() fyne.Size {
	return fyne.NewSize(gridLabelWidth+24*12, gridLabelHeight+7*gridRowHeight)
}

func (r *weekGridRenderer) Refresh() {
	for _, t := range r.days {
		t.Color = theme.Color(theme.ColorNameForeground)
		t.TextSize = theme.CaptionTextSize()
	}
	for _, t := range r.hours {
		t.Color = theme.Color(theme.ColorNamePlaceHolder)
		t.TextSize = theme.CaptionTextSize()
	}
	r.cells.Refresh()
	canvas.Refresh(r.g)
}

func (r *weekGridRenderer) Objects() []fyne.CanvasObject {
	objs := []fyne.CanvasObject{r.cells}
	for _, t := range r.days {
		objs = append(objs, t)
	}
	for _, t := range r.hours {
		objs = append(objs, t)
	}
	return objs
}

func (r *weekGridRenderer) Destroy() {}

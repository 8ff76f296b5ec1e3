package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
)

// zoomed scales every size of the default theme, as the View menu's zoom
// and presentation mode do.
type zoomed struct {
	fyne.Theme
	scale float32
}

func (z zoomed) Size(n fyne.ThemeSizeName) float32 { return z.Theme.Size(n) * z.scale }

var dimensions = []string{"Incident types & criteria", "Severity model", "Reporting & triage", "Third parties",
	"Cover & on-call", "Communications", "Roles & responsibilities", "Escalation", "Regulatory reporting",
	"Playbooks & upkeep", "Exercise performance", "Improvement"}

// The issue: in presentation mode the radar collapsed to a thumbnail with
// overlapping labels. Its minimum size grows with the text, and at that
// size no two labels overlap.
func TestRadarGrowsWithZoomAndItsLabelsDoNotOverlap(t *testing.T) {
	a := test.NewTempApp(t)
	r := NewRadarChart()
	r.Set(dimensions, make([]float64, 12), make([]float64, 12))
	w := test.NewTempWindow(t, r)
	normal := r.MinSize()
	a.Settings().SetTheme(zoomed{theme.DefaultTheme(), 1.5})
	r.Refresh()
	big := r.MinSize()
	if big.Width < normal.Width*1.4 || big.Height < normal.Height*1.4 {
		t.Fatalf("radar min size %v at 1.5× zoom, %v at 1×", big, normal)
	}
	w.Resize(big.AddWidthHeight(20, 20))
	rr := test.WidgetRenderer(r).(*radarRenderer)
	g := rr.geometry()
	radius := g.fitRadius(r.Size())
	if radius < g.minRadius()-1 || g.overlap(radius) {
		t.Errorf("at its min size the radius is %.0f (min %.0f), labels overlap: %v", radius, g.minRadius(), g.overlap(radius))
	}
	// Every label is inside the widget.
	for i := range dimensions {
		p, s := g.label(i, radius)
		c := fyne.NewPos(r.Size().Width/2, r.Size().Height/2)
		if c.X+p.X < 0 || c.Y+p.Y < 0 || c.X+p.X+s.Width > r.Size().Width+0.5 || c.Y+p.Y+s.Height > r.Size().Height+0.5 {
			t.Errorf("label %q at %v+%v leaves the %v chart", dimensions[i], c.Add(p), s, r.Size())
		}
	}
}

func TestTrendGrowsWithZoom(t *testing.T) {
	a := test.NewTempApp(t)
	c := NewTrendChart()
	c.Set([]string{"2025-01-01", "2025-06-01"}, []float64{40, 60})
	test.NewTempWindow(t, c)
	normal := c.MinSize()
	a.Settings().SetTheme(zoomed{theme.DefaultTheme(), 1.5})
	if big := c.MinSize(); big.Width < normal.Width*1.4 {
		t.Errorf("trend min size %v at 1.5×, %v at 1×", big, normal)
	}
}

package app

import (
	"image/color"
	"os"
	"regexp"
	"strconv"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"

	"drillbook/app/internal/uitest"
)

// drawn counts what Fyne's GL painter draws for o each frame, by kind:
// every visible object, clipped or not (scroll containers do not cull),
// but not rectangles with nothing to fill or stroke, nor empty texts.
type drawn struct{ texts, rects, images int }

func (d drawn) total() int { return d.texts + d.rects + d.images }

func countDrawn(o fyne.CanvasObject) (d drawn) {
	var walk func(fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		if o == nil || !o.Visible() {
			return
		}
		switch v := o.(type) {
		case *canvas.Text:
			if v.Text != "" {
				d.texts++
			}
		case *canvas.Rectangle:
			if !transparent(v.FillColor) || (v.StrokeWidth > 0 && !transparent(v.StrokeColor)) {
				d.rects++
			}
		case *canvas.Line, *canvas.Circle:
			d.rects++
		case *canvas.Image, *canvas.Raster, *canvas.LinearGradient, *canvas.RadialGradient:
			d.images++
		}
		for _, c := range uitest.Children(o) {
			walk(c)
		}
	}
	walk(o)
	return d
}

func transparent(c color.Color) bool {
	if c == nil {
		return true
	}
	_, _, _, a := c.RGBA()
	return a == 0
}

// floorSource is the bare window scripts/bench-console.sh measures the
// console against; its flag defaults are the console's draw budget.
const floorSource = "../scripts/benchconsole/floor/main.go"

// floorBudget reads a flag's default from the floor's source.
func floorBudget(t *testing.T, flagName string) int {
	t.Helper()
	src, err := os.ReadFile(floorSource)
	if err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`flag\.Int\("` + flagName + `", (\d+),`).FindSubmatch(src)
	if m == nil {
		t.Fatalf("%s: no -%s flag", floorSource, flagName)
	}
	n, _ := strconv.Atoi(string(m[1]))
	return n
}

// The running console is repainted once a second, and under software GL
// a frame costs about the same per object drawn, whatever the object
// (docs/ARCHITECTURE.md § Console). The console stays within the budget
// its floor draws, so the floor measures at least what the console draws.
func TestConsoleDrawsWithinItsBudget(t *testing.T) {
	u, clk := exerciseUI(t, Options{Demo: true})
	u.win.Resize(fyne.NewSize(1200, 680)) // the window's size on a 1280×720 screen
	if err := u.ex.StartNow("ransomware", 20); err != nil {
		t.Fatal(err)
	}
	clk.Advance(30 * time.Second)
	d := countDrawn(u.win.Canvas().Content())
	t.Logf("drawn each frame: %d texts, %d rectangles and lines, %d images and gradients", d.texts, d.rects, d.images)
	texts, rects, images := floorBudget(t, "texts"), floorBudget(t, "rects"), floorBudget(t, "images")
	if d.texts > texts || d.rects > rects || d.images > images {
		t.Errorf("the console draws %d texts, %d rectangles, %d images each frame; budget %d, %d, %d",
			d.texts, d.rects, d.images, texts, rects, images)
	}
	if d.total() < (texts+rects+images)/2 {
		t.Errorf("only %d objects counted: the walk missed the console", d.total())
	}
}

// Command bare is the floor scripts/bench-startup.sh measures Drillbook's
// start-up against: a Fyne window of Drillbook's size with one label, built
// from the same go.mod. With DRILLBOOK_TRACE_STARTUP=1 it prints when its
// first frame is painted, as the app does (app/trace.go).
package main

import (
	"fmt"
	"image/color"
	"os"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

func main() {
	a := fyneapp.NewWithID("app.drillbook.bare")
	w := a.NewWindow("bare")
	var content fyne.CanvasObject = widget.NewLabel("A bare Fyne window")
	if os.Getenv("DRILLBOOK_TRACE_STARTUP") == "1" {
		var painted sync.Once
		// The painter is the only caller of a raster's generator.
		content = container.NewStack(canvas.NewRasterWithPixels(func(int, int, int, int) color.Color {
			painted.Do(func() { fmt.Fprintln(os.Stderr, "drillbook-trace first-frame", time.Now().UnixNano()) })
			return color.Transparent
		}), content)
	}
	w.SetContent(content)
	w.Resize(fyne.NewSize(1200, 680))
	w.ShowAndRun()
}

package app

import (
	"fmt"
	"image/color"
	"os"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
)

// Start-up tracing for scripts/bench-startup.sh: with
// DRILLBOOK_TRACE_STARTUP=1 the app prints to stderr when its first frame
// is painted and when the workspace is shown, as
// "drillbook-trace first-frame <Unix ns>", the same way the script's bare
// window does, so both are timed alike.
const traceEnv = "DRILLBOOK_TRACE_STARTUP"

func tracing() bool { return os.Getenv(traceEnv) == "1" }

func traceMark(what string) {
	fmt.Fprintln(os.Stderr, "drillbook-trace", what, time.Now().UnixNano())
}

// withFrameProbe puts a transparent raster behind content. The painter is
// the only caller of a raster's generator, so its first call is the first
// painted frame.
func withFrameProbe(content fyne.CanvasObject) fyne.CanvasObject {
	var painted sync.Once
	probe := canvas.NewRasterWithPixels(func(int, int, int, int) color.Color {
		painted.Do(func() { traceMark("first-frame") })
		return color.Transparent
	})
	return container.NewStack(probe, content)
}

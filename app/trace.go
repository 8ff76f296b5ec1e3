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

// paintProbe is a transparent raster that calls painted the first time
// it is drawn: the painter is the only caller of a raster's generator.
// Start-up uses it twice: to trace the first frame, and to start loading
// once the loading state is on screen.
func paintProbe(painted func()) fyne.CanvasObject {
	var once sync.Once
	return canvas.NewRasterWithPixels(func(int, int, int, int) color.Color {
		once.Do(painted)
		return color.Transparent
	})
}

// withFrameProbe traces the first frame that paints content.
func withFrameProbe(content fyne.CanvasObject) fyne.CanvasObject {
	return container.NewStack(paintProbe(func() { traceMark("first-frame") }), content)
}

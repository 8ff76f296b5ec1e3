// Command floor is the same-content floor scripts/bench-console.sh
// measures the running console against: a bare Fyne window of Drillbook's
// size drawing as many texts, rectangles and images as the console draws
// each frame, with a few texts changing once a second as the console's
// clock and countdowns do. Under software GL a frame costs about the same
// per object drawn, so the console's CPU above this floor is what the
// console itself adds. The defaults are the console's draw budget:
// app/drawcount_test.go fails if the console draws more than they say.
//
//	floor [-texts N] [-rects N] [-images N] [-changing N]
package main

import (
	"flag"
	"fmt"
	"image/color"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
)

func main() {
	texts := flag.Int("texts", 105, "texts drawn")
	rects := flag.Int("rects", 85, "rectangles drawn (every other one rounded, as buttons are)")
	images := flag.Int("images", 28, "icons drawn")
	changing := flag.Int("changing", 6, "texts that change once a second")
	flag.Parse()

	a := fyneapp.NewWithID("app.drillbook.floor")
	w := a.NewWindow("floor")
	const cellW, cellH, cols = 115, 22, 10
	var objs []fyne.CanvasObject
	place := func(o fyne.CanvasObject, i int, width, height float32) {
		o.Resize(fyne.NewSize(width, height))
		o.Move(fyne.NewPos(float32(i%cols)*(cellW+5), float32(i/cols)*(cellH+4)))
		objs = append(objs, o)
	}
	// Rectangles first, as backgrounds are, then texts and icons over them.
	for i := range *rects {
		r := canvas.NewRectangle(color.NRGBA{R: 0x30, G: 0x32, B: 0x3a, A: 0xff})
		if i%2 == 0 {
			r.CornerRadius = theme.InputRadiusSize()
		}
		place(r, i, cellW, cellH)
	}
	var live []*canvas.Text
	for i := range *texts {
		t := canvas.NewText(fmt.Sprintf("T+00:%02d monitoring: wi…", i%60), color.White)
		t.TextSize = theme.TextSize()
		place(t, i, cellW, cellH)
		if i < *changing {
			live = append(live, t)
		}
	}
	icons := []fyne.Resource{theme.HistoryIcon(), theme.ConfirmIcon(), theme.MediaPauseIcon(), theme.HomeIcon(), theme.DocumentIcon()}
	for i := range *images {
		place(canvas.NewImageFromResource(icons[i%len(icons)]), i, 20, 20)
	}
	w.SetContent(container.NewWithoutLayout(objs...))
	w.Resize(fyne.NewSize(1200, 680))
	go func() {
		for s := 1; ; s++ {
			time.Sleep(time.Second)
			fyne.Do(func() {
				for i, t := range live {
					t.Text = fmt.Sprintf("T+%02d:%02d left", (s+i)/60, (s+i)%60)
					t.Refresh()
				}
			})
		}
	}()
	w.ShowAndRun()
}

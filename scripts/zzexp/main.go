package main

import (
	"fmt"
	"image/color"
	"os"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// zzexp KIND N: N objects of KIND plus a label that changes every second.
func main() {
	kind := os.Args[1]
	n, _ := strconv.Atoi(os.Args[2])
	a := fyneapp.NewWithID("app.drillbook.zz")
	w := a.NewWindow("zz")
	lbl := widget.NewLabel("0")
	objs := []fyne.CanvasObject{}
	for i := range n {
		var o fyne.CanvasObject
		switch kind {
		case "rect":
			r := canvas.NewRectangle(color.NRGBA{40, 40, 60, 255})
			o = r
		case "round":
			r := canvas.NewRectangle(color.NRGBA{40, 40, 60, 255})
			r.CornerRadius = 4
			o = r
		case "text":
			o = canvas.NewText(fmt.Sprintf("Some text number %d", i), color.White)
		case "bigrect":
			o = canvas.NewRectangle(color.NRGBA{40, 40, uint8(i), 255})
		}
		if kind == "bigrect" {
			o.Resize(fyne.NewSize(1200, 680))
		} else {
			o.Resize(fyne.NewSize(100, 20))
		}
		o.Move(fyne.NewPos(float32(i%10)*110, float32(i/10)*25+40))
		objs = append(objs, o)
	}
	free := container.NewWithoutLayout(objs...)
	w.SetContent(container.NewBorder(lbl, nil, nil, nil, free))
	w.Resize(fyne.NewSize(1200, 680))
	go func() {
		for i := 0; ; i++ {
			time.Sleep(time.Second)
			fyne.Do(func() { lbl.SetText(strconv.Itoa(i)) })
		}
	}()
	w.ShowAndRun()
}

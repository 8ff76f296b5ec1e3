package guideview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// fixedWidth keeps the question list one width on every page: in a split
// the width followed the minimum size of the page beside it, so the list
// jumped as the editor changed. The width follows the theme's text size,
// so presentation mode widens it in proportion.
type fixedWidth struct{}

// listSample is the longest row title shown in full; longer ones end in "…".
const listSample = "2.6 Reporting to third part"

func (fixedWidth) MinSize(objs []fyne.CanvasObject) fyne.Size {
	h := float32(0)
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	w := fyne.MeasureText(listSample, theme.TextSize(), fyne.TextStyle{}).Width + theme.IconInlineSize() + 5*theme.Padding()
	return fyne.NewSize(w, h)
}

func (fixedWidth) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
}

package widgets

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// FitColumns returns t in a container that sizes its columns for the
// theme's text size whenever it is laid out (a zoom change lays every
// window out again): each column is its width at the default text size
// scaled by the current one, and never narrower than its bold header, so
// headers and values stay readable in presentation mode.
func FitColumns(t *widget.Table, headers []string, widths []float32) fyne.CanvasObject {
	return container.New(&columnsLayout{t: t, headers: headers, base: widths}, t)
}

type columnsLayout struct {
	t       *widget.Table
	headers []string
	base    []float32
	applied []float32
}

// Widths are the column widths for the theme t is drawn with.
func (l *columnsLayout) widths() []float32 {
	text := theme.SizeForWidget(theme.SizeNameText, l.t)
	scale := text / theme.DefaultTheme().Size(theme.SizeNameText)
	pad := 2*theme.SizeForWidget(theme.SizeNameInnerPadding, l.t) + theme.SizeForWidget(theme.SizeNamePadding, l.t)
	out := make([]float32, len(l.base))
	for i, w := range l.base {
		out[i] = w * scale
		if i < len(l.headers) {
			out[i] = max(out[i], fyne.MeasureText(l.headers[i], text, fyne.TextStyle{Bold: true}).Width+pad)
		}
	}
	return out
}

func (l *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	if w := l.widths(); !slices.Equal(w, l.applied) {
		l.applied = w
		for i, cw := range w {
			l.t.SetColumnWidth(i, cw)
		}
	}
	objs[0].Resize(size)
	objs[0].Move(fyne.Position{})
}

func (l *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size { return objs[0].MinSize() }

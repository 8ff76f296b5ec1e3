package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/widget"
)

// DialogText is a message for a dialog, wrapped to the dialog's width.
func DialogText(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// SetText updates an entry only when its text differs, so refreshing while
// the user types does not move the cursor.
func SetText(e *widget.Entry, s string) {
	if e.Text != s {
		e.SetText(s)
	}
}

// Enable enables or disables w.
func Enable(w fyne.Disableable, on bool) {
	if on {
		w.Enable()
	} else {
		w.Disable()
	}
}

// The running console refreshes from a ticker several times a second, and
// every Refresh makes Fyne repaint the window: these setters touch a
// widget only when what it shows changes.

// SetLabel sets a label's text only when it differs.
func SetLabel(l *widget.Label, s string) {
	if l.Text != s {
		l.SetText(s)
	}
}

// SetCanvasText sets a canvas text's string only when it differs.
func SetCanvasText(t *canvas.Text, s string) {
	if t.Text != s {
		t.Text = s
		t.Refresh()
	}
}

// SetVisible shows or hides o, touching it only when that changes.
func SetVisible(o fyne.CanvasObject, on bool) {
	switch {
	case on && !o.Visible():
		o.Show()
	case !on && o.Visible():
		o.Hide()
	}
}

// UpdateMarkdown shows md in rt unless it already shows it; shown holds
// the Markdown rt was last given (parsing it again and laying it out is
// the dear part).
func UpdateMarkdown(rt *widget.RichText, shown *string, md string) {
	if *shown == md && len(rt.Segments) > 0 {
		return
	}
	*shown = md
	SetMarkdown(rt, md)
}

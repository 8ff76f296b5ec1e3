package widgets

import (
	"fyne.io/fyne/v2"
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

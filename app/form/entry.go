package form

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"
)

// Entry is a widget.Entry that says when the user leaves it. Fyne's entry
// has no focus-lost callback, and a form's problems should show once a
// field is left, not at the first keystroke.
type Entry struct {
	widget.Entry
	onLeft func()
}

func newEntry(multiLine bool) *Entry {
	e := &Entry{}
	e.MultiLine = multiLine
	if multiLine {
		e.Wrapping = fyne.TextWrapWord
	}
	e.ExtendBaseWidget(e)
	return e
}

// FocusLost implements fyne.Focusable.
func (e *Entry) FocusLost() {
	e.Entry.FocusLost()
	if e.onLeft != nil {
		e.onLeft()
	}
}

// Unwrap returns the plain entry inside, for code (and test finders) that
// look for a *widget.Entry.
func (e *Entry) Unwrap() fyne.CanvasObject { return &e.Entry }

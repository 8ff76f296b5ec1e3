package form

import "fyne.io/fyne/v2"

// Part is one editor panel for one part of the plan: a list + detail
// editor, a form or the responsibility matrix. The same part type is
// placed in the editor screens and on the guide's pages.
type Part interface {
	Object() fyne.CanvasObject
	// Refresh reloads everything from the document.
	Refresh()
	// AfterEdit updates after an edit without reloading the field being
	// typed in: list rows, problem notes, previews.
	AfterEdit(path string)
	CanShow(path string) bool
	ShowPath(path string)
}

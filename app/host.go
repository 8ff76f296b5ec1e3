package app

import (
	"fyne.io/fyne/v2/dialog"

	"drillbook/app/host"
	"drillbook/app/picker"
	"drillbook/plan"
)

// UI is the screens' host.Host. The methods not here are in undo.go
// (Change), navigate.go (GoTo) and tasks.go (RunTask).
var _ host.Host = (*UI)(nil)

// Workspace is part of host.Host.
func (u *UI) Workspace() *plan.Workspace { return u.doc.ws }

// Problems is part of host.Host.
func (u *UI) Problems() plan.Problems { return u.doc.problems }

// ProblemLevel is part of host.Host.
func (u *UI) ProblemLevel(itemPath string) (plan.Level, bool) {
	return u.problemIdx.Level(u.doc.problems, itemPath)
}

// Generation is part of host.Host: it counts edits.
func (u *UI) Generation() int { return u.editGen }

// Picker is part of host.Host.
func (u *UI) Picker() picker.FilePicker { return u.picker }

// Today is part of host.Host: the app clock's day.
func (u *UI) Today() plan.Date { return plan.DateOf(u.clock.Now()) }

// ShowError is part of host.Host.
func (u *UI) ShowError(err error) { dialog.ShowError(err, u.win) }

// Touched is part of host.Host: an edit made in a form the user is typing
// in makes the document unsaved but does not rebuild the screen under the
// cursor. Edits made this way are not on the undo history (the
// improvement plan, exercise runs); plan edits go through Change.
func (u *UI) Touched() {
	u.markEdited()
	u.win.SetTitle(u.doc.Title())
	u.ensureTicking()
}

// Edited is part of host.Host: a user edit makes the document unsaved and
// redraws the screen.
func (u *UI) Edited() {
	u.markEdited()
	u.docChanged()
	u.ensureTicking()
}

// markEdited notes an edit: unsaved, counted for autosave, and when.
func (u *UI) markEdited() {
	u.doc.dirty = true
	u.editGen++
	u.lastEdit = u.now()
}

// revalidate validates the document and forgets the problem index.
func (u *UI) revalidate() {
	u.doc.revalidate()
	u.problemIdx.Reset()
}

package app

import (
	"slices"

	"fyne.io/fyne/v2/dialog"

	"drillbook/app/exercise"
	"drillbook/app/host"
	"drillbook/app/picker"
	"drillbook/plan"
)

// UI is the screens' host.Host and the exercises' exercise.Shell. The methods not here are in undo.go
// (Change), navigate.go (GoTo) and tasks.go (RunTask).
var _ exercise.Shell = (*UI)(nil)

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
func (u *UI) Today() plan.Date { return plan.DateOf(u.ex.Clock.Now()) }

// ShowError is part of host.Host.
func (u *UI) ShowError(err error) { dialog.ShowError(err, u.win) }

// Touched is part of host.Host: an edit made in a form the user is typing
// in makes the document unsaved but does not rebuild the screen under the
// cursor. Edits made this way are not on the undo history (the
// improvement plan, exercise runs); plan edits go through Change.
func (u *UI) Touched() {
	u.markEdited()
	u.win.SetTitle(u.doc.title())
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

// The exercise controller's exercise.Shell.

// DocumentPath is the open workspace's file, "" when untitled.
func (u *UI) DocumentPath() string { return u.doc.path }

// Unsaved reports whether the document has unsaved changes.
func (u *UI) Unsaved() bool { return u.doc.dirty }

// AddScreen adds a screen (the exercise console) to the navigation and
// shows it.
func (u *UI) AddScreen(s host.Screen) {
	u.screens = append(u.screens, s)
	u.nav.Refresh()
	u.nav.Select(len(u.screens) - 1)
}

// RemoveScreen takes a screen out of the navigation and shows the first.
func (u *UI) RemoveScreen(s host.Screen) {
	u.screens = slices.DeleteFunc(u.screens, func(x host.Screen) bool { return x == s })
	u.nav.Refresh()
	u.nav.Select(0)
}

// StartTicker starts a clock ticker (bridge.go), or none in tests.
func (u *UI) StartTicker(tick func()) host.Ticker {
	if u.startTicker == nil {
		return nil
	}
	return u.startTicker(tick)
}

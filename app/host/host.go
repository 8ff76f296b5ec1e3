package host

import (
	"context"

	"fyne.io/fyne/v2"

	"drillbook/app/picker"
	"drillbook/plan"
)

// Host is what a screen may ask of the window that shows it. The main
// window (package app) implements it; so does uitest.Host for tests.
type Host interface {
	// Workspace is the plan being edited. Another document brings another
	// workspace, so screens read it afresh rather than keep it.
	Workspace() *plan.Workspace
	// Problems are the plan's validation problems as of the last change.
	Problems() plan.Problems
	// ProblemLevel is the worst problem of an item ("people[3]",
	// "playbooks[2].steps[4]") for the row icons of lists.
	ProblemLevel(itemPath string) (plan.Level, bool)
	// Generation changes with every change to the plan (edit, undo,
	// redo). With the Workspace pointer it tells whether something a
	// screen derived from the plan is still current.
	Generation() int

	// Change applies an undoable edit of the plan and refreshes what it
	// affects (see Edit).
	Change(Edit)
	// Touched records a change that is not on the undo history (the
	// improvement plan, runs) made in a form being typed in: the document
	// becomes unsaved, the screen is not rebuilt under the cursor.
	Touched()
	// Edited records such a change and redraws the current screen.
	Edited()

	// Window is the main window, for dialogs.
	Window() fyne.Window
	// ShowError shows an error in a dialog.
	ShowError(error)
	// CanGoTo reports whether some screen can show a workspace path
	// ("thirdParties[2].contacts", "runs[3].tasks[5]"); GoTo shows it.
	CanGoTo(path string) bool
	GoTo(path string)
	// Picker asks the user for files.
	Picker() picker.FilePicker
	// RunTask runs work off the UI goroutine, with its progress and end
	// handed back to it; what names the task for error messages
	// ("Exporting the PDF"). A panic anywhere in the task becomes an
	// error for done to show. cancel stops work through its context.
	RunTask(what string, work Work, progress func(done, total int), done func(error)) (cancel func())
	// Today is the app clock's date (review due dates, assessments).
	Today() plan.Date
}

// Work is a background task: it reports progress and stops when ctx is
// cancelled.
type Work func(ctx context.Context, progress func(done, total int)) error

// Ticker is a running clock ticker (see app/bridge.go).
type Ticker interface{ Stop() }

// Screen is one page reachable from the window's navigation.
type Screen interface {
	Title() string
	Icon() fyne.Resource
	Object() fyne.CanvasObject
	// Refresh redraws from the current document.
	Refresh()
}

// Follower is a screen (or a part of one) that can follow an edit at a
// path without reloading the field being typed in: list rows, problem
// notes, previews. Screens that are not reload with Refresh.
type Follower interface {
	AfterEdit(path string)
}

// PathShower is a screen (or a part of one) that can show the part of the
// workspace a path points at.
type PathShower interface {
	CanShow(path string) bool
	ShowPath(path string)
}

// PageKeeper is a screen that shows a path on the page it is on if it
// can (the guide), so undo there stays on the page.
type PageKeeper interface {
	ShowHere(path string) bool
}

// ShowIn refreshes s and puts it in body, the window's place for the
// screen shown.
func ShowIn(body *fyne.Container, s Screen) {
	s.Refresh()
	body.Objects = []fyne.CanvasObject{s.Object()}
	body.Refresh()
}

// FollowEdit tells the screen shown that the plan changed at path.
func FollowEdit(s Screen, path string) {
	if f, ok := s.(Follower); ok {
		f.AfterEdit(path)
	} else {
		s.Refresh()
	}
}

// ShowUndone redraws the screen shown after an undo or redo changed the
// plan at path, and brings path into view: on that screen if it can show
// it, else on the screen that can.
func ShowUndone(h Host, shown Screen, path string) {
	shown.Refresh()
	if !reveal(shown, path) && h.CanGoTo(path) {
		h.GoTo(path)
	}
}

// reveal shows path on the screen shown, if it can show it.
func reveal(s Screen, path string) bool {
	if k, ok := s.(PageKeeper); ok && k.ShowHere(path) {
		return true
	}
	if ps, ok := s.(PathShower); ok && ps.CanShow(path) {
		ps.ShowPath(path)
		return true
	}
	return false
}

// Showing is the index of the first screen that can show path, or -1.
func Showing(screens []Screen, path string) int {
	for i, s := range screens {
		if ps, ok := s.(PathShower); ok && ps.CanShow(path) {
			return i
		}
	}
	return -1
}

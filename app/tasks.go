package app

import (
	"context"
	"fmt"
	"runtime/debug"

	"fyne.io/fyne/v2"
)

// Background tasks (exports, autosave, imports) all start through
// runTask. A panic in a task must not take the window down with the
// user's unsaved work: runTask recovers it, in the work off the UI
// goroutine and in the progress and completion callbacks on it, and turns
// it into an error the task's own completion shows. The document is never
// touched by a failed task, so it stays open as it was.

// runTask runs work in the background (u.bg: a goroutine, or inline in
// tests). what names the task for the error message ("Exporting the PDF").
func (u *UI) runTask(what string, work func(ctx context.Context, progress func(done, total int)) error, progress func(done, total int), done func(error)) (cancel func()) {
	safeWork := func(ctx context.Context, p func(int, int)) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = taskPanic(what, r)
			}
		}()
		return work(ctx, p)
	}
	safeProgress := func(d, t int) {
		defer u.recoverTask(what)
		progress(d, t)
	}
	safeDone := func(err error) {
		defer u.recoverTask(what)
		done(err)
	}
	return u.bg(safeWork, safeProgress, safeDone)
}

// recoverTask, deferred on the UI goroutine, turns a panic into an error
// dialog.
func (u *UI) recoverTask(what string) {
	if r := recover(); r != nil {
		u.showError(taskPanic(what, r))
	}
}

// taskPanic logs the panic with its stack (for a bug report) and words it
// for the user.
func taskPanic(what string, r any) error {
	fyne.LogError(fmt.Sprintf("%s panicked: %v\n%s", what, r, debug.Stack()), nil)
	return fmt.Errorf("%s stopped because of an internal error (%v). Your workspace is still open and was not changed; save it to be safe", what, r)
}

package host

import (
	"context"
	"fmt"
	"runtime/debug"

	"fyne.io/fyne/v2"
)

// Background tasks (exports, autosave, imports) and clock ticks run code
// that must not take the window down with the user's unsaved work: a
// panic in them is recovered here and shown as an error, and the
// document stays open as it was.

// Protect runs f; a panic in it becomes an error for report.
func Protect(f func(), report func(error)) {
	defer func() {
		if r := recover(); r != nil {
			report(PanicError(r))
		}
	}()
	f()
}

// PanicError describes a recovered panic for the user; the stack goes to
// the log for a bug report.
func PanicError(r any) error {
	fyne.LogError(fmt.Sprintf("recovered from a panic: %v\n%s", r, debug.Stack()), nil)
	return fmt.Errorf("internal error: %v. Please report it; your document is still open", r)
}

// GuardTask wraps a task's work, progress and completion so that a panic
// in any of them, on whichever goroutine, becomes an error: work returns
// it, and the callbacks (on the UI goroutine) show it. what names the task
// ("Exporting the PDF").
func GuardTask(what string, work Work, progress func(done, total int), done func(error), show func(error)) (Work, func(done, total int), func(error)) {
	safeWork := func(ctx context.Context, p func(int, int)) (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = taskPanic(what, r)
			}
		}()
		return work(ctx, p)
	}
	safeProgress := func(d, t int) {
		defer Recover(what, show)
		progress(d, t)
	}
	safeDone := func(err error) {
		defer Recover(what, show)
		done(err)
	}
	return safeWork, safeProgress, safeDone
}

// Recover, deferred on the UI goroutine, turns a panic in the task what
// into an error dialog (show).
func Recover(what string, show func(error)) {
	if r := recover(); r != nil {
		show(taskPanic(what, r))
	}
}

// taskPanic logs the panic with its stack (for a bug report) and words it
// for the user.
func taskPanic(what string, r any) error {
	fyne.LogError(fmt.Sprintf("%s panicked: %v\n%s", what, r, debug.Stack()), nil)
	return fmt.Errorf("%s stopped because of an internal error (%v). Your workspace is still open and was not changed; save it to be safe", what, r)
}

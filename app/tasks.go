package app

import (
	"drillbook/app/host"
)

// Background tasks (exports, autosave, imports) all start through
// RunTask. A panic in a task must not take the window down with the
// user's unsaved work: host.GuardTask recovers it, in the work off the UI
// goroutine and in the progress and completion callbacks on it, and turns
// it into an error the task's own completion shows. The document is never
// touched by a failed task, so it stays open as it was.

// RunTask is part of host.Host. It runs work through u.bg (a goroutine,
// or inline in tests).
func (u *UI) RunTask(what string, work host.Work, progress func(done, total int), done func(error)) (cancel func()) {
	return u.bg(host.GuardTask(what, work, progress, done, u.ShowError))
}

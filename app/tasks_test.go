package app

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"
)

// The real background runner: the panic happens on another goroutine and
// is reported through the task's completion on the UI goroutine.
func TestPanicOnTheTaskGoroutineIsReported(t *testing.T) {
	u, _ := newTestUI(t, Options{Demo: true})
	u.bg = background
	finished := make(chan error, 1)
	u.RunTask("Importing the events list", func(context.Context, func(int, int)) error {
		panic("parser gave up")
	}, func(int, int) {}, func(err error) { finished <- err })
	err := <-finished
	if err == nil || !strings.Contains(err.Error(), "Importing the events list stopped because of an internal error (parser gave up)") {
		t.Fatalf("error %v", err)
	}
}

// A panic in the completion or progress callbacks (on the UI goroutine)
// becomes an error dialog too.
func TestPanicInTaskCallbacksIsShown(t *testing.T) {
	u, _ := newTestUI(t, Options{Demo: true})
	u.RunTask("Exporting the playbooks", func(_ context.Context, progress func(int, int)) error {
		progress(1, 2)
		return nil
	}, func(int, int) { panic(errors.New("bar broke")) }, func(error) {})
	if msg := shownDialog(u); !strings.Contains(msg, "Exporting the playbooks stopped because of an internal error (bar broke)") {
		t.Fatalf("progress panic: dialog %q", msg)
	}
	u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())
	u.RunTask("Writing the recovery file", func(context.Context, func(int, int)) error { return nil },
		func(int, int) {}, func(error) { var l *widget.Label; l.SetText("x") })
	if msg := shownDialog(u); !strings.Contains(msg, "Writing the recovery file stopped because of an internal error") {
		t.Fatalf("completion panic: dialog %q", msg)
	}
}

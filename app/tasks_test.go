package app

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/widget"

	"drillbook/export"
)

// An export whose writer panics: the window stays, the error is shown,
// the unsaved document is still open and no file is left.
func TestPanickingExportIsShownAndKeepsTheDocument(t *testing.T) {
	u, p := newTestUI(t, Options{Demo: true})
	u.screens[0].(*overview).sector.SetText("unsaved change")
	doc := u.doc
	r := reportsOf(t, u)
	p.Save = filepath.Join(t.TempDir(), "report.pdf")
	r.exportFile("PDF", ".pdf", func(context.Context, io.Writer, export.Input, export.Options, func(int, int)) error {
		var rows []int
		_ = rows[3] // index out of range
		return nil
	})
	if msg := shownDialog(u); !strings.Contains(msg, "Exporting the PDF stopped because of an internal error (runtime error: index out of range") ||
		!strings.Contains(msg, "still open") {
		t.Fatalf("dialog: %q", msg)
	}
	if u.doc != doc || !u.doc.dirty || u.doc.ws.Organisation.Sector != "unsaved change" {
		t.Fatal("the document was not kept")
	}
	if r.busy {
		t.Fatal("the reports screen still thinks an export runs")
	}
	if _, err := os.Stat(p.Save); !os.IsNotExist(err) {
		t.Fatalf("a failed export left a file: %v", err)
	}
}

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

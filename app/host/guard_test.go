package host

import (
	"context"
	"errors"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
)

func TestGuardTaskTurnsPanicsIntoErrors(t *testing.T) {
	test.NewTempApp(t) // fyne.LogError
	var shown []error
	show := func(err error) { shown = append(shown, err) }
	work, progress, done := GuardTask("Exporting the PDF",
		func(context.Context, func(int, int)) error { panic("writer gave up") },
		func(int, int) { panic(errors.New("bar broke")) },
		func(error) { panic("done broke") },
		show)
	if err := work(context.Background(), func(int, int) {}); err == nil || !strings.Contains(err.Error(), "Exporting the PDF stopped because of an internal error (writer gave up)") {
		t.Fatalf("work: %v", err)
	}
	progress(1, 2)
	done(nil)
	if len(shown) != 2 || !strings.Contains(shown[0].Error(), "(bar broke)") || !strings.Contains(shown[1].Error(), "Exporting the PDF stopped because of an internal error (done broke)") {
		t.Fatalf("callbacks' panics shown as %v", shown)
	}
	var reported error
	Protect(func() { panic("tick") }, func(err error) { reported = err })
	if reported == nil || !strings.Contains(reported.Error(), "internal error: tick") {
		t.Fatalf("Protect reported %v", reported)
	}
}

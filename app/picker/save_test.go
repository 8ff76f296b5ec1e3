package picker_test

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/app/picker"
)

// dialogWindow is a window for the real dialogs, opening in dir.
func dialogWindow(t *testing.T, dir string) (fyne.Window, *picker.Dialogs) {
	t.Helper()
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel(""))
	w.Resize(fyne.NewSize(1200, 780))
	return w, &picker.Dialogs{Dir: dir}
}

// TypeFileName types a name into the open save dialog and presses Save.
func typeFileName(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	d := uitest.TopOverlay(t, w)
	entry, ok := uitest.Find(d, func(e *widget.Entry) bool { return true })
	if !ok {
		t.Fatal("the save dialog has no name entry")
	}
	entry.SetText("")
	test.Type(entry, name)
	test.Tap(uitest.Button(t, d, "Save"))
}

// Cancelling, at the name or at "Replace?", writes nothing.
func TestSaveDialogCancelWritesNothing(t *testing.T) {
	dir := t.TempDir()
	existing := dir + "/report.pdf"
	os.WriteFile(existing, []byte("%PDF old"), 0o600)
	w, p := dialogWindow(t, dir)
	var got []string
	p.SaveFile(w, "report.pdf", []string{".pdf"}, func(p string) { got = append(got, p) })
	typeFileName(t, w, "report")
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, w), "Cancel")) // do not replace
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, w), "Cancel")) // close the save dialog
	if len(got) != 1 || got[0] != "" {
		t.Fatalf("callbacks %q", got)
	}
	if w.Canvas().Overlays().Top() != nil {
		t.Fatal("a dialog is still open")
	}
	entries, _ := os.ReadDir(dir)
	if data, _ := os.ReadFile(existing); string(data) != "%PDF old" || len(entries) != 1 {
		t.Fatalf("cancel wrote: %q, %d files", data, len(entries))
	}
}

func TestSaveDialogRefusesPathsInTheName(t *testing.T) {
	w, p := dialogWindow(t, t.TempDir())
	called := false
	p.SaveFile(w, "x.json", []string{".json"}, func(string) { called = true })
	typeFileName(t, w, "../elsewhere.json")
	if called || !strings.Contains(uitest.ShownDialog(w), "is not a file name") {
		t.Fatalf("a path was accepted as a name (called %v): %q", called, uitest.ShownDialog(w))
	}
}

func TestSuggestedName(t *testing.T) {
	for org, want := range map[string]string{"Harbourside Health Ltd": "harbourside-health-ltd.json", "": "workspace.json", "../..": "workspace.json", "A/B": "ab.json"} {
		if got := picker.SuggestedName(org); got != want {
			t.Errorf("SuggestedName(%q) = %q, want %q", org, got, want)
		}
	}
}

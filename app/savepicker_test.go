package app

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/picker"
	"drillbook/internal/atomicfile"
	"drillbook/plan"
)

// realPickerUI is a test UI whose file dialogs are the real ones,
// opening in dir.
func realPickerUI(t *testing.T, dir string) *UI {
	t.Helper()
	u, _ := exerciseUI(t, Options{Demo: true})
	u.picker = &picker.Dialogs{Dir: dir}
	return u
}

// typeFileName types a name into the open save dialog and presses Save.
func typeFileName(t *testing.T, u *UI, name string) {
	t.Helper()
	d := topOverlay(t, u)
	entry, ok := find(d, func(e *widget.Entry) bool { return true })
	if !ok {
		t.Fatal("the save dialog has no name entry")
	}
	entry.SetText("")
	test.Type(entry, name)
	test.Tap(button(t, d, "Save"))
}

// Save As over an existing workspace, as the issue describes: the file
// keeps its bytes until the atomic write succeeds, and a failed save
// leaves it as it was.
func TestSaveAsKeepsTheExistingFileUntilTheWriteSucceeds(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "client.json")
	old := []byte(`{"schemaVersion": 1, "organisation": {"name": "Other client"}}`)
	if err := os.WriteFile(existing, old, 0o600); err != nil {
		t.Fatal(err)
	}
	unchanged := func(when string) {
		t.Helper()
		if data, _ := os.ReadFile(existing); !bytes.Equal(data, old) {
			t.Fatalf("%s: the existing file was changed to %.40q", when, data)
		}
	}
	u := realPickerUI(t, dir)
	u.screens[0].(*overview).sector.SetText("Changed sector")

	renamed := 0
	atomicfile.Rename = func(string, string) error {
		renamed++
		unchanged("just before the atomic rename")
		return errors.New("the disk is full")
	}
	t.Cleanup(func() { atomicfile.Rename = os.Rename })
	saved := true
	u.saveAs(func(ok bool) { saved = ok })
	if names := texts(topOverlay(t, u)); !strings.Contains(strings.Join(names, "\n"), "client.json") {
		t.Fatalf("the dialog does not list the folder's workspaces: %v", names)
	}
	typeFileName(t, u, "client") // the extension is added
	unchanged("asked to replace")
	test.Tap(button(t, topOverlay(t, u), "Replace"))
	if renamed != 1 || saved || !u.doc.dirty || u.doc.path != "" {
		t.Fatalf("failed save: renames %d, ok %v, dirty %v, path %q", renamed, saved, u.doc.dirty, u.doc.path)
	}
	unchanged("after the failed save")
	if msg := shownDialog(u); !strings.Contains(msg, "the disk is full") {
		t.Fatalf("error not shown: %q", msg)
	}
	u.win.Canvas().Overlays().Remove(u.win.Canvas().Overlays().Top())

	atomicfile.Rename = os.Rename
	u.saveAs(func(ok bool) { saved = ok })
	typeFileName(t, u, "client.json")
	test.Tap(button(t, topOverlay(t, u), "Replace"))
	ws, err := plan.Load(existing)
	if !saved || err != nil || ws.Organisation.Sector != "Changed sector" || u.doc.path != existing {
		t.Fatalf("second save: ok %v, %v, sector %q, path %q", saved, err, ws.Organisation.Sector, u.doc.path)
	}
}

// A cancelled export through the real dialog leaves the file it would
// have replaced as it was, as the message promises.
func TestCancelledExportLeavesTheExistingFile(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "harbourside-health-ltd-readiness.pdf")
	os.WriteFile(existing, []byte("%PDF last quarter"), 0o600)
	u := realPickerUI(t, dir)
	u.bg = func(work func(ctx context.Context, progress func(done, total int)) error, progress func(done, total int), done func(error)) func() {
		ctx, cancel := context.WithCancel(context.Background())
		cancel() // the user presses Cancel at once
		done(work(ctx, progress))
		return cancel
	}
	r := reportsOf(t, u)
	test.Tap(button(t, r.root, "Export PDF…"))
	test.Tap(button(t, topOverlay(t, u), "Save")) // the suggested name
	test.Tap(button(t, topOverlay(t, u), "Replace"))
	if msg := shownDialog(u); !strings.Contains(msg, "any existing file was left as it was") {
		t.Fatalf("dialog %q", msg)
	}
	if data, _ := os.ReadFile(existing); string(data) != "%PDF last quarter" {
		t.Fatalf("the existing report became %q", data)
	}
}

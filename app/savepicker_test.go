package app

import (
	"bytes"
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
	orgField(t, u, "Sector").SetText("Changed sector")

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

package app

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/app/widgets"
	"drillbook/plan"
)

func newTestUI(t *testing.T, opts Options) (*UI, *uitest.Picker) {
	t.Helper()
	a := test.NewTempApp(t)
	u := New(a, opts)
	p := &uitest.Picker{}
	u.picker = p
	// No goroutines in tests: autosave and background work are driven by
	// hand and run inline.
	u.startTicker = nil
	u.bg = uitest.Inline
	t.Cleanup(func() { u.win.Close() })
	return u, p
}

func TestDemoOpensOnOverview(t *testing.T) {
	u, _ := newTestUI(t, Options{Demo: true})
	name := plan.Demo().Organisation.Name
	if got, want := u.win.Title(), name+" — Untitled — Drillbook"; got != want {
		t.Errorf("title %q, want %q", got, want)
	}
	// The overview opens first (assessview tests what it shows).
	if u.current != 0 || u.screens[0].Title() != "Overview" {
		t.Errorf("opens on %q", u.screens[u.current].Title())
	}
	if got := orgField(t, u, "Organisation").Text; got != name {
		t.Errorf("organisation field %q", got)
	}
	if got := problemsTitle(t, u).Text; got != "Validation: no problems found" {
		t.Errorf("problems title %q", got)
	}
}

func TestEditingMarksUnsavedAndRevalidates(t *testing.T) {
	u, _ := newTestUI(t, Options{Demo: true})
	name := orgField(t, u, "Organisation")
	name.SetText("")
	if !u.doc.dirty || !strings.Contains(u.win.Title(), "•") {
		t.Fatalf("edit not marked unsaved: %q", u.win.Title())
	}
	if got := problemsTitle(t, u).Text; !strings.Contains(got, "1 error,") {
		t.Errorf("empty organisation name not reported: %q", got)
	}
	if l, _ := find(u.screens[0].Object(), func(*widgets.KeyList) bool { return true }); l.Length() != 1 {
		t.Errorf("problems list has %d rows", l.Length())
	}
	test.Type(name, "Bayside Clinics")
	if u.doc.ws.Organisation.Name != "Bayside Clinics" {
		t.Errorf("typing did not reach the plan: %q", u.doc.ws.Organisation.Name)
	}
	if !strings.HasPrefix(u.win.Title(), "Bayside Clinics — Untitled •") {
		t.Errorf("title %q", u.win.Title())
	}
}

func TestSaveAsThenSave(t *testing.T) {
	u, p := newTestUI(t, Options{Demo: true})
	path := filepath.Join(t.TempDir(), "client.json")
	p.Save = path
	orgField(t, u, "Sector").SetText("Health tech")
	u.save(func(ok bool) {
		if !ok {
			t.Error("save reported failure")
		}
	})
	if len(p.Calls) != 1 || p.Calls[0] != "save:harbourside-health-ltd.json" {
		t.Errorf("untitled save should ask for a file with a suggested name: %v", p.Calls)
	}
	if u.doc.dirty || u.doc.path != path || strings.Contains(u.win.Title(), "•") {
		t.Errorf("after save: dirty=%v path=%q title=%q", u.doc.dirty, u.doc.path, u.win.Title())
	}
	ws, err := plan.Load(path)
	if err != nil || ws.Organisation.Sector != "Health tech" {
		t.Fatalf("saved file: %v %q", err, ws.Organisation.Sector)
	}
	// A second save goes straight to the file without asking.
	orgField(t, u, "Sector").SetText("Digital health")
	u.save(func(bool) {})
	if len(p.Calls) != 1 {
		t.Errorf("save of a titled document asked for a file: %v", p.Calls)
	}
	ws, _ = plan.Load(path)
	if ws.Organisation.Sector != "Digital health" {
		t.Errorf("second save not written: %q", ws.Organisation.Sector)
	}
	if got := u.prefs.recent(); len(got) == 0 || got[0] != path {
		t.Errorf("recent files %v", got)
	}
}

func TestSaveFailureKeepsDocumentUnsaved(t *testing.T) {
	u, p := newTestUI(t, Options{Demo: true})
	p.Save = filepath.Join(t.TempDir(), "missing-folder", "x.json")
	orgField(t, u, "Sector").SetText("changed")
	saved := true
	u.save(func(ok bool) { saved = ok })
	if saved || !u.doc.dirty || u.doc.path != "" {
		t.Fatalf("failed save: ok=%v dirty=%v path=%q", saved, u.doc.dirty, u.doc.path)
	}
	if !strings.Contains(u.win.Title(), "•") {
		t.Error("title lost the unsaved marker")
	}
	topOverlay(t, u) // the error dialog
}

func TestUnsavedPromptOnNew(t *testing.T) {
	u, _ := newTestUI(t, Options{Demo: true})
	orgField(t, u, "Sector").SetText("changed")

	// Cancel keeps the document.
	u.newWorkspace()
	test.Tap(button(t, topOverlay(t, u), "Cancel"))
	if u.doc.ws.Organisation.Sector != "changed" {
		t.Fatal("cancel discarded the document")
	}
	// Don't save discards and starts a fresh one.
	u.newWorkspace()
	test.Tap(button(t, topOverlay(t, u), "Don't save"))
	if u.doc.ws.Organisation.Name != "New organisation" || u.doc.dirty {
		t.Fatalf("new workspace not opened: %+v dirty=%v", u.doc.ws.Organisation, u.doc.dirty)
	}
	if ps := u.doc.problems; ps.Errors() != 0 {
		t.Errorf("a new workspace shows errors: %v", ps)
	}
}

func TestUnsavedPromptSaveThenContinue(t *testing.T) {
	u, p := newTestUI(t, Options{Demo: true})
	path := filepath.Join(t.TempDir(), "kept.json")
	p.Save = path
	orgField(t, u, "Product").SetText("CareLink 2")
	u.newWorkspace()
	test.Tap(button(t, topOverlay(t, u), "Save"))
	ws, err := plan.Load(path)
	if err != nil || ws.Organisation.Product != "CareLink 2" {
		t.Fatalf("changes were not saved before continuing: %v", err)
	}
	if u.doc.ws.Organisation.Name != "New organisation" {
		t.Fatal("did not continue to the new workspace after saving")
	}
}

func TestUnsavedPromptSaveCancelledStops(t *testing.T) {
	u, p := newTestUI(t, Options{Demo: true})
	p.Save = "" // user cancels the save dialog
	orgField(t, u, "Product").SetText("edited")
	u.newWorkspace()
	test.Tap(button(t, topOverlay(t, u), "Save"))
	if u.doc.ws.Organisation.Product != "edited" {
		t.Fatal("document replaced although the save was cancelled")
	}
}

func TestOpenBrokenFileKeepsCurrentDocument(t *testing.T) {
	u, p := newTestUI(t, Options{Demo: true})
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte("{\"schemaVersion\": 1,\n oops"), 0o600)
	p.Open = bad
	u.openWorkspace()
	if u.doc.path != "" || u.doc.ws.Organisation.Name != plan.Demo().Organisation.Name {
		t.Fatal("a failed open replaced the document")
	}
	if _, ok := find(topOverlay(t, u), func(l *widget.Label) bool { return strings.Contains(l.Text, "bad.json:2:") }); !ok {
		t.Fatal("error dialog does not name the file and line")
	}
}

func TestStartupFallsBackToDemoOnBrokenFile(t *testing.T) {
	bad := filepath.Join(t.TempDir(), "newer.json")
	os.WriteFile(bad, []byte(`{"schemaVersion": 42}`), 0o600)
	u, _ := newTestUI(t, Options{Path: bad})
	if u.doc.path != "" {
		t.Fatal("broken file became the document: a save would overwrite it")
	}
	if _, ok := find(topOverlay(t, u), func(l *widget.Label) bool { return strings.Contains(l.Text, "newer version") }); !ok {
		t.Fatal("no error naming the newer schema")
	}
	data, _ := os.ReadFile(bad)
	if string(data) != `{"schemaVersion": 42}` {
		t.Fatal("broken file was modified")
	}
}

func TestStartupOpensLastWorkspace(t *testing.T) {
	a := test.NewTempApp(t)
	path := filepath.Join(t.TempDir(), "last.json")
	ws := plan.Demo()
	ws.Organisation.Name = "Last Used Ltd"
	if err := plan.Save(path, ws); err != nil {
		t.Fatal(err)
	}
	newHistory(a.Preferences()).opened(path)
	u := New(a, Options{})
	defer u.win.Close()
	if u.doc.path != path || u.doc.ws.Organisation.Name != "Last Used Ltd" {
		t.Fatalf("opened %q (%q)", u.doc.path, u.doc.ws.Organisation.Name)
	}
	// --demo overrides the history.
	u2 := New(a, Options{Demo: true})
	defer u2.win.Close()
	if u2.doc.path != "" {
		t.Fatal("--demo opened the last file")
	}
}

func TestMenuHasFileCommandsWithShortcuts(t *testing.T) {
	u, _ := newTestUI(t, Options{Demo: true})
	// Ctrl on Linux and Windows, Cmd on macOS.
	key := func(k fyne.KeyName, mods fyne.KeyModifier) string {
		return (&desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierShortcutDefault | mods}).ShortcutName()
	}
	want := map[string]string{"New": key(fyne.KeyN, 0), "Open…": key(fyne.KeyO, 0), "Save": key(fyne.KeyS, 0),
		"Save as…": key(fyne.KeyS, fyne.KeyModifierShift), "Quit": key(fyne.KeyQ, 0)}
	got := map[string]string{}
	for _, it := range u.win.MainMenu().Items[0].Items {
		if it.Shortcut != nil {
			got[it.Label] = it.Shortcut.ShortcutName()
		}
	}
	for label, sc := range want {
		if got[label] != sc {
			t.Errorf("File menu %q has shortcut %q, want %q", label, got[label], sc)
		}
	}
	if len(got) != len(want) {
		t.Errorf("File menu shortcuts %v, want %v", got, want)
	}
}

func TestHistoryKeepsMostRecentFirstWithoutDuplicates(t *testing.T) {
	a := test.NewTempApp(t)
	h := newHistory(a.Preferences())
	dir := t.TempDir()
	for _, p := range []string{"a", "b", "c", "a"} {
		h.opened(filepath.Join(dir, p))
	}
	want := strings.Join([]string{filepath.Join(dir, "a"), filepath.Join(dir, "c"), filepath.Join(dir, "b")}, ",")
	if got := strings.Join(h.recent(), ","); got != want {
		t.Fatalf("recent = %s", got)
	}
	for i := 0; i < 20; i++ {
		h.opened(filepath.Join(t.TempDir(), strconv.Itoa(i+1)))
	}
	if n := len(h.recent()); n != maxRecent {
		t.Fatalf("kept %d, want %d", n, maxRecent)
	}
}

// Started in another folder, Drillbook must not open another client's
// file of the same name: recent files are stored absolute, and relative
// entries left by older versions are dropped.
func TestRecentFilesAreAbsolute(t *testing.T) {
	dirA, dirB := t.TempDir(), t.TempDir()
	for dir, org := range map[string]string{dirA: "Client A", dirB: "Client B"} {
		ws := plan.Demo()
		ws.Organisation.Name = org
		if err := plan.Save(filepath.Join(dir, "client.json"), ws); err != nil {
			t.Fatal(err)
		}
	}
	a := test.NewTempApp(t)
	t.Chdir(dirA)
	u := New(a, Options{Path: "client.json"})
	u.win.Close()
	if got := u.prefs.recent(); len(got) != 1 || got[0] != filepath.Join(dirA, "client.json") {
		t.Fatalf("recent files %v", got)
	}
	t.Chdir(dirB)
	u = New(a, Options{})
	defer u.win.Close()
	if u.doc.ws.Organisation.Name != "Client A" {
		t.Fatalf("started in another folder, opened %q (%s)", u.doc.ws.Organisation.Name, u.doc.path)
	}
	h := newHistory(a.Preferences())
	a.Preferences().SetStringList(prefRecent, []string{"client.json", filepath.Join(dirA, "client.json")})
	if got := h.recent(); len(got) != 1 || got[0] != filepath.Join(dirA, "client.json") {
		t.Fatalf("a relative entry from an older version was kept: %v", got)
	}
}

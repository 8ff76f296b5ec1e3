package app

import (
	"context"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"drillbook/app/host"
	"drillbook/plan"
)

// The window shows "Opening client.json…" while the workspace loads in the
// background; the screens fill in when the load is handed back.
func TestStartupShowsLoadingUntilTheWorkspaceIsLoaded(t *testing.T) {
	path := filepath.Join(t.TempDir(), "client.json")
	ws := plan.Demo()
	ws.Organisation.Name = "Loaded Later Ltd"
	if err := plan.Save(path, ws); err != nil {
		t.Fatal(err)
	}
	u := newWindow(test.NewTempApp(t))
	t.Cleanup(func() { u.win.Close() })
	var work func(context.Context, func(int, int)) error
	var done func(error)
	held := func(w func(context.Context, func(int, int)) error, _ func(int, int), d func(error)) func() {
		work, done = w, d
		return func() {}
	}
	loaded := false
	u.open(Options{Path: path}, held, func() { loaded = true })
	if got := texts(u.win.Content()); !slices.Contains(got, "Opening client.json…") {
		t.Fatalf("while loading the window shows %q", got)
	}
	if u.doc != nil || u.win.MainMenu() != nil || loaded {
		t.Fatal("the document was opened before its load finished")
	}
	if work == nil {
		t.Fatal("the load did not go to the background runner")
	}
	ch := make(chan error)
	go func() { ch <- work(context.Background(), func(int, int) {}) }() // off the UI goroutine, as in the app
	done(<-ch)
	if !loaded || u.doc == nil || u.doc.ws.Organisation.Name != "Loaded Later Ltd" || u.doc.path != path {
		t.Fatalf("after loading: loaded=%v doc=%+v", loaded, u.doc)
	}
	if got := orgField(t, u, "Organisation").Text; got != "Loaded Later Ltd" {
		t.Fatalf("overview shows %q", got)
	}
	if u.win.MainMenu() == nil {
		t.Fatal("no menu after loading")
	}
}

// Only the screen shown is built at start-up; the others are built when
// first shown, and the navigation's titles and icons are theirs.
func TestScreensAreBuiltWhenFirstShown(t *testing.T) {
	u, _ := newTestUI(t, Options{Demo: true})
	for i, s := range u.screens {
		if got := host.Built(s); got != (i == 0) {
			t.Errorf("%s built at start-up: %v", s.Title(), got)
		}
	}
	for i, s := range u.screens {
		screenNamed(t, u, s.Title())
		if !host.Built(s) || u.current != i {
			t.Fatalf("%s not built when shown", s.Title())
		}
		if b := host.Unwrap(s); b.Title() != s.Title() || b.Icon() != s.Icon() {
			t.Errorf("navigation shows %q with %v, the screen is %q with %v", s.Title(), s.Icon(), b.Title(), b.Icon())
		}
	}
}

// An empty workspace opens on the guide without building the overview.
func TestEmptyWorkspaceOpensOnTheGuideOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "new.json")
	if err := plan.Save(path, plan.New("New Ltd")); err != nil {
		t.Fatal(err)
	}
	u, _ := newTestUI(t, Options{Path: path})
	if u.screens[u.current] != u.guide || host.Built(u.screens[0]) {
		t.Fatalf("opens on %q; overview built: %v", u.screens[u.current].Title(), host.Built(u.screens[0]))
	}
}

// In the app the load starts once the loading state has been painted, so
// it does not compete with the first frame.
func TestLoadStartsOnceTheLoadingStateIsPainted(t *testing.T) {
	u := newWindow(test.NewTempApp(t))
	t.Cleanup(func() { u.win.Close() })
	started := 0
	u.open(Options{Demo: true}, u.afterPaint(func(w func(context.Context, func(int, int)) error, p func(int, int), d func(error)) func() {
		started++
		return inline(w, p, d)
	}), func() {})
	if started != 0 || u.doc != nil {
		t.Fatal("the load started before the loading state was painted")
	}
	u.win.Canvas().Capture()
	if started != 1 || u.doc == nil {
		t.Fatalf("after the first frame: %d loads started, document %v", started, u.doc != nil)
	}
}

// File → Open reads the file in the background behind a dialog, and the
// document changes only when it is loaded.
func TestOpenLoadsInTheBackground(t *testing.T) {
	u, path, _ := savedWorkspaceUI(t)
	other := filepath.Join(filepath.Dir(path), "other.json")
	ws := plan.Demo()
	ws.Organisation.Name = "Other Client Ltd"
	if err := plan.Save(other, ws); err != nil {
		t.Fatal(err)
	}
	held := &heldTasks{}
	u.bg = held.run
	u.openPath(other)
	if msg := shownDialog(u); !strings.Contains(msg, "Opening other.json…") || u.doc.path != path {
		t.Fatalf("while opening: dialog %q, document %s", msg, u.doc.path)
	}
	held.finish(t)
	if u.doc.path != other || u.doc.ws.Organisation.Name != "Other Client Ltd" {
		t.Fatalf("opened %s (%q)", u.doc.path, u.doc.ws.Organisation.Name)
	}
	if u.win.Canvas().Overlays().Top() != nil {
		t.Fatalf("dialog left open: %q", shownDialog(u))
	}
}

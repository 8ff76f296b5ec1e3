package app

import (
	"path/filepath"
	"testing"

	"drillbook/plan"
)

func TestNewWorkspaceOpensTheGuide(t *testing.T) {
	u, _ := newTestUI(t, Options{Demo: true})
	screenNamed(t, u, "Assessment")
	u.newWorkspace()
	if got := u.screens[u.current].Title(); got != "Guide" {
		t.Fatalf("File → New shows %q, want the guide", got)
	}
	// The demo has a plan: opening it leaves the screen alone.
	screenNamed(t, u, "Assessment")
	u.openDemo()
	if got := u.screens[u.current].Title(); got != "Assessment" {
		t.Errorf("opening the demo moved to %q", got)
	}
}

func TestOpeningAnEmptyWorkspaceOpensTheGuide(t *testing.T) {
	path := filepath.Join(t.TempDir(), "empty.json")
	if err := plan.Save(path, plan.New("Empty")); err != nil {
		t.Fatal(err)
	}
	u, _ := newTestUI(t, Options{Demo: true})
	screenNamed(t, u, "Reports")
	u.openPath(path)
	if got := u.screens[u.current].Title(); got != "Guide" {
		t.Fatalf("an empty workspace opens on %q, want the guide", got)
	}
	// At start-up too.
	u2, _ := newTestUI(t, Options{Path: path})
	if got := u2.screens[u2.current].Title(); got != "Guide" {
		t.Errorf("started on an empty workspace, shows %q", got)
	}
}

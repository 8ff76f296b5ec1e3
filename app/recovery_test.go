package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/plan"
)

// savedWorkspaceUI opens a saved copy of the demo with a controllable
// edit clock.
func savedWorkspaceUI(t *testing.T) (*UI, string, *time.Time) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "client.json")
	if err := plan.Save(path, plan.Demo()); err != nil {
		t.Fatal(err)
	}
	u, _ := newTestUI(t, Options{Path: path})
	now := start
	u.now = func() time.Time { return now }
	return u, path, &now
}

func renameOrganisation(t *testing.T, u *UI, name string) {
	t.Helper()
	orgField(t, u, "Organisation").SetText(name)
}

func TestAutosaveWritesRecoveryFileWhenDirty(t *testing.T) {
	u, path, now := savedWorkspaceUI(t)
	rec := path + ".recovery.json"
	u.autosave(*now)
	if fileExists(rec) {
		t.Fatal("recovery written for a clean document")
	}
	renameOrganisation(t, u, "Recovered Ltd")
	*now = now.Add(recoveryEvery)
	u.autosave(*now)
	ws, err := plan.Load(rec)
	if err != nil || ws.Organisation.Name != "Recovered Ltd" {
		t.Fatalf("recovery file: %v %v", err, ws)
	}
	// Not again within the interval, and not without new edits.
	renameOrganisation(t, u, "Recovered Ltd 2")
	*now = now.Add(time.Second)
	u.autosave(*now)
	if ws, _ := plan.Load(rec); ws.Organisation.Name != "Recovered Ltd" {
		t.Fatal("rewritten before the interval")
	}
	*now = now.Add(recoveryEvery)
	u.autosave(*now)
	if ws, _ := plan.Load(rec); ws.Organisation.Name != "Recovered Ltd 2" {
		t.Fatal("not rewritten after the interval")
	}
	// Saving deletes it.
	u.save(func(ok bool) {
		if !ok {
			t.Error("save failed")
		}
	})
	if fileExists(rec) {
		t.Fatal("recovery file left after save")
	}
}

func TestRecoveryOfferedAfterCrashAndRecovered(t *testing.T) {
	u, path, now := savedWorkspaceUI(t)
	renameOrganisation(t, u, "Unsaved Name Ltd")
	*now = now.Add(recoveryEvery)
	u.autosave(*now)
	// Crash: the window is gone without a clean exit. Start again.
	u2 := New(u.app, Options{Path: path})
	u2.startTicker, u2.bg = nil, uitest.Inline
	defer u2.win.Close()
	d := topOverlay(t, u2)
	if _, ok := find(d, func(l *widget.Label) bool { return strings.HasPrefix(l.Text, "Recover unsaved changes from ") }); !ok {
		t.Fatalf("no recovery offer: %v", texts(d))
	}
	test.Tap(button(t, d, "Recover"))
	if u2.doc.ws.Organisation.Name != "Unsaved Name Ltd" || !u2.doc.dirty || u2.doc.path != path {
		t.Fatalf("recovered %q dirty=%v path=%q", u2.doc.ws.Organisation.Name, u2.doc.dirty, u2.doc.path)
	}
	if !strings.Contains(u2.win.Title(), "•") {
		t.Error("recovered document not marked unsaved")
	}
	// Saving writes the recovered changes to the workspace and removes
	// the recovery file.
	u2.save(func(bool) {})
	ws, _ := plan.Load(path)
	if ws.Organisation.Name != "Unsaved Name Ltd" || fileExists(path+".recovery.json") {
		t.Fatalf("after save: %q, recovery exists %v", ws.Organisation.Name, fileExists(path+".recovery.json"))
	}
}

func TestRecoveryDiscardSetsFileAside(t *testing.T) {
	u, path, now := savedWorkspaceUI(t)
	renameOrganisation(t, u, "Not Wanted Ltd")
	*now = now.Add(recoveryEvery)
	u.autosave(*now)
	u2 := New(u.app, Options{Path: path})
	u2.startTicker, u2.bg = nil, uitest.Inline
	defer u2.win.Close()
	test.Tap(button(t, topOverlay(t, u2), "Discard"))
	if u2.doc.ws.Organisation.Name == "Not Wanted Ltd" || u2.doc.dirty {
		t.Fatal("discard recovered the changes")
	}
	if fileExists(path + ".recovery.json") {
		t.Fatal("recovery file still in place")
	}
	aside, _ := filepath.Glob(path + ".recovery.json.discarded-*")
	if len(aside) != 1 {
		t.Fatalf("recovery file not set aside: %v", aside)
	}
	if ws, err := plan.Load(aside[0]); err != nil || ws.Organisation.Name != "Not Wanted Ltd" {
		t.Fatal("the set-aside file lost the changes")
	}
}

func TestCleanExitRemovesRecoveryFile(t *testing.T) {
	u, path, now := savedWorkspaceUI(t)
	renameOrganisation(t, u, "Discarded Ltd")
	*now = now.Add(recoveryEvery)
	u.autosave(*now)
	u.quit()
	test.Tap(button(t, topOverlay(t, u), "Don't save"))
	if fileExists(path + ".recovery.json") {
		t.Fatal("recovery file left after a clean exit")
	}
}

func TestUntitledRecoveryLivesInCacheFolder(t *testing.T) {
	u, now := editorUI(t)
	renameOrganisation(t, u, "Untitled Work Ltd")
	*now = now.Add(recoveryEvery)
	u.autosave(*now)
	rec := recoveryPathFor("")
	t.Cleanup(func() { os.Remove(rec) })
	if !fileExists(rec) {
		t.Fatalf("no untitled recovery at %s", rec)
	}
	u2 := New(u.app, Options{Demo: true})
	u2.startTicker, u2.bg = nil, uitest.Inline
	defer u2.win.Close()
	test.Tap(button(t, topOverlay(t, u2), "Recover"))
	if u2.doc.ws.Organisation.Name != "Untitled Work Ltd" || u2.doc.path != "" || !u2.doc.dirty {
		t.Fatalf("recovered %q path %q", u2.doc.ws.Organisation.Name, u2.doc.path)
	}
}

func TestSlowEncodingWaitsForAPause(t *testing.T) {
	u, path, now := savedWorkspaceUI(t)
	u.rec.slow = true // as for the 23 MB workspace
	u.rec.at = *now   // written just now
	renameOrganisation(t, u, "Typing Ltd")
	*now = now.Add(recoveryEvery)
	u.lastEdit = *now // still typing
	u.autosave(*now)
	if fileExists(path + ".recovery.json") {
		t.Fatal("slow autosave interrupted typing")
	}
	*now = now.Add(recoveryIdle)
	u.autosave(*now)
	if !fileExists(path + ".recovery.json") {
		t.Fatal("slow autosave did not write after a pause")
	}
}

package app

import (
	"context"
	"strings"
	"testing"

	"drillbook/plan"
)

// heldTasks is a background runner that holds each task until the test
// runs it, as if it were still writing.
type heldTasks struct {
	work []func(context.Context, func(int, int)) error
	done []func(error)
}

func (h *heldTasks) run(w func(context.Context, func(int, int)) error, _ func(int, int), d func(error)) func() {
	h.work, h.done = append(h.work, w), append(h.done, d)
	return func() {}
}

// finish runs the oldest held task to its end.
func (h *heldTasks) finish(t *testing.T) {
	t.Helper()
	if len(h.work) == 0 {
		t.Fatal("no task in flight")
	}
	w, d := h.work[0], h.done[0]
	h.work, h.done = h.work[1:], h.done[1:]
	d(w(context.Background(), func(int, int) {}))
}

func savedName(t *testing.T, path string) string {
	t.Helper()
	ws, err := plan.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return ws.Organisation.Name
}

// Saving writes a copy of the workspace as it was when Save was chosen, in
// the background; an edit made while it writes keeps the document unsaved.
func TestEditDuringSaveKeepsTheDocumentUnsaved(t *testing.T) {
	u, path, _ := savedWorkspaceUI(t)
	held := &heldTasks{}
	u.bg = held.run
	renameOrganisation(t, u, "Snapshot Ltd")
	saved := false
	u.save(func(ok bool) { saved = ok })
	if saved || savedName(t, path) == "Snapshot Ltd" {
		t.Fatal("the save wrote on the UI goroutine")
	}
	renameOrganisation(t, u, "Edited Meanwhile Ltd")
	held.finish(t)
	if !saved || savedName(t, path) != "Snapshot Ltd" {
		t.Fatalf("saved %v, file has %q", saved, savedName(t, path))
	}
	if !u.doc.dirty || !strings.Contains(u.win.Title(), "•") {
		t.Fatal("the edit made during the save was marked saved")
	}
	u.save(func(bool) {})
	held.finish(t)
	if u.doc.dirty || savedName(t, path) != "Edited Meanwhile Ltd" {
		t.Fatalf("second save: dirty %v, file has %q", u.doc.dirty, savedName(t, path))
	}
}

// Saves asked for while one writes run after it, in order, so the file
// ends with the newest copy.
func TestSavesRunOneAtATime(t *testing.T) {
	u, path, _ := savedWorkspaceUI(t)
	held := &heldTasks{}
	u.bg = held.run
	renameOrganisation(t, u, "First Ltd")
	var order []string
	u.save(func(bool) { order = append(order, "first") })
	renameOrganisation(t, u, "Second Ltd")
	u.save(func(bool) { order = append(order, "second") })
	if len(held.work) != 1 {
		t.Fatalf("%d saves in flight at once", len(held.work))
	}
	held.finish(t)
	if len(held.work) != 1 {
		t.Fatal("the second save did not start after the first")
	}
	held.finish(t)
	if strings.Join(order, ",") != "first,second" || savedName(t, path) != "Second Ltd" || u.doc.dirty {
		t.Fatalf("order %v, file has %q, dirty %v", order, savedName(t, path), u.doc.dirty)
	}
}

// Autosave copies the workspace and writes the copy in the background:
// an edit made meanwhile is not in the recovery file, and is written by
// the next autosave.
func TestAutosaveWritesACopyInTheBackground(t *testing.T) {
	u, path, now := savedWorkspaceUI(t)
	held := &heldTasks{}
	u.bg = held.run
	renameOrganisation(t, u, "Copied Ltd")
	*now = now.Add(recoveryEvery)
	u.autosave(*now)
	renameOrganisation(t, u, "Typed Meanwhile Ltd")
	held.finish(t)
	rec := path + ".recovery.json"
	if got := savedName(t, rec); got != "Copied Ltd" {
		t.Fatalf("recovery file has %q", got)
	}
	*now = now.Add(recoveryEvery)
	u.autosave(*now)
	held.finish(t)
	if got := savedName(t, rec); got != "Typed Meanwhile Ltd" {
		t.Fatalf("next autosave wrote %q", got)
	}
}

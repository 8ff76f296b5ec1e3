package host

import (
	"testing"
	"time"
)

// counter is a value edits change, to see what undo and redo do.
type counter struct{ n int }

func (c *counter) set(path string, to int, merge bool) Edit {
	from := c.n
	return Edit{Label: "set " + path, Path: path, Merge: merge, Do: func() { c.n = to }, Undo: func() { c.n = from }}
}

func TestHistoryUndoesAndRedoesInOrder(t *testing.T) {
	var h History
	c := &counter{}
	t0 := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	if h.CanUndo() || h.CanRedo() || h.UndoLabel() != "Undo" || h.RedoLabel() != "Redo" {
		t.Fatal("a new history has something to undo or redo")
	}
	h.Apply(c.set("a", 1, false), t0)
	h.Apply(c.set("b", 2, false), t0)
	if c.n != 2 || h.Steps() != 2 || h.UndoLabel() != "Undo set b" {
		t.Fatalf("after two edits: %d, %d steps, %q", c.n, h.Steps(), h.UndoLabel())
	}
	if e, ok := h.Undo(); !ok || e.Path != "b" || c.n != 1 || h.RedoLabel() != "Redo set b" {
		t.Fatalf("undo: %v %q, value %d", ok, e.Path, c.n)
	}
	if e, ok := h.Redo(); !ok || e.Path != "b" || c.n != 2 {
		t.Fatalf("redo: %v %q, value %d", ok, e.Path, c.n)
	}
	h.Undo()
	h.Apply(c.set("c", 5, false), t0)
	if h.CanRedo() {
		t.Fatal("a new edit kept the redo stack")
	}
	h.Undo()
	h.Undo()
	if _, ok := h.Undo(); ok || c.n != 0 {
		t.Fatalf("undo past the start: %v, value %d", ok, c.n)
	}
}

func TestHistoryMergesTypingIntoOneStep(t *testing.T) {
	var h History
	c := &counter{}
	t0 := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	h.Apply(c.set("name", 1, true), t0)
	h.Apply(c.set("name", 2, true), t0.Add(CoalesceWindow/2))
	h.Apply(c.set("name", 3, true), t0.Add(CoalesceWindow))
	if h.Steps() != 1 {
		t.Fatalf("typing within the window made %d steps", h.Steps())
	}
	h.Apply(c.set("name", 4, true), t0.Add(3*CoalesceWindow)) // after a pause
	h.Apply(c.set("other", 5, true), t0.Add(3*CoalesceWindow))
	if h.Steps() != 3 {
		t.Fatalf("a pause or another field did not start a step: %d steps", h.Steps())
	}
	h.Undo()
	h.Undo()
	h.Undo()
	if c.n != 0 {
		t.Fatalf("undoing the merged step left %d", c.n)
	}
	h.Redo()
	if c.n != 3 {
		t.Fatalf("redoing the merged step gave %d, want its last value", c.n)
	}
	// An undone step is not merged into by the next keystroke.
	h.Apply(c.set("name", 9, true), t0.Add(3*CoalesceWindow))
	if h.Steps() != 2 {
		t.Fatalf("typing after redo merged into the redone step: %d steps", h.Steps())
	}
}

func TestHistoryKeepsTheLatestSteps(t *testing.T) {
	var h History
	c := &counter{}
	t0 := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	for i := 1; i <= MaxUndo+10; i++ {
		h.Apply(c.set("x", i, false), t0)
	}
	if h.Steps() != MaxUndo {
		t.Fatalf("%d steps kept", h.Steps())
	}
	for h.CanUndo() {
		h.Undo()
	}
	if c.n != 10 {
		t.Fatalf("undoing everything reached %d, want the value before the oldest kept step", c.n)
	}
}

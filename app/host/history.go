package host

import "time"

// Undo design: every edit of the plan made in the editors goes through
// Host.Change, which applies an Edit and records it with its inverse.
// The History holds these small commands, never copies of the workspace
// (the large benchmark workspace is 23 MB, so a snapshot per keystroke is
// out of the question).
//
// Commands address items by index, not by pointer, and re-resolve the
// slice each time they run: undo is strictly last-in first-out and every
// change to the indexed parts goes through here, so an index recorded
// with a command is valid again whenever that command is undone or
// redone. Opening another workspace clears the history.

// CoalesceWindow joins consecutive edits of the same field into one undo
// step, so undo removes a burst of typing rather than one character.
const CoalesceWindow = 1500 * time.Millisecond

// MaxUndo bounds the history; the oldest steps are dropped first.
const MaxUndo = 500

// Edit is one undoable change to the plan.
type Edit struct {
	// Label names the change for the Edit menu: "Undo edit name".
	Label string
	// Path is where the change is, as in validation problems
	// ("people[3].name"); undo and redo show it again.
	Path string
	// Merge joins this edit with the previous one when both have the
	// same Path and follow within CoalesceWindow (typing into a field).
	Merge bool
	// Do applies the change; Undo reverts it. Both run on the UI
	// goroutine and must only touch the current workspace.
	Do, Undo func()

	at time.Time
}

// History is the undo and redo stacks.
type History struct {
	done, undone []Edit
}

// Apply runs e and records it for undo, at now.
func (h *History) Apply(e Edit, now time.Time) {
	e.Do()
	e.at = now
	h.undone = nil
	if n := len(h.done); e.Merge && n > 0 {
		top := &h.done[n-1]
		if top.Merge && top.Path == e.Path && now.Sub(top.at) < CoalesceWindow {
			// Keep the oldest Undo (back to before the burst) and the
			// newest Do (forward to its end).
			top.Do = e.Do
			top.at = now
			return
		}
	}
	h.done = append(h.done, e)
	if len(h.done) > MaxUndo {
		h.done = append([]Edit(nil), h.done[len(h.done)-MaxUndo:]...)
	}
}

// Undo reverts the latest change and returns it.
func (h *History) Undo() (Edit, bool) {
	e, ok := pop(&h.done)
	if !ok {
		return e, false
	}
	e.Undo()
	// Typing after an undo starts a new step rather than merging into
	// the one that was undone.
	e.Merge = false
	h.undone = append(h.undone, e)
	return e, true
}

// Redo re-applies the latest undone change and returns it.
func (h *History) Redo() (Edit, bool) {
	e, ok := pop(&h.undone)
	if !ok {
		return e, false
	}
	e.Do()
	h.done = append(h.done, e)
	return e, true
}

// pop takes the top edit off a stack.
func pop(stack *[]Edit) (Edit, bool) {
	n := len(*stack)
	if n == 0 {
		return Edit{}, false
	}
	e := (*stack)[n-1]
	*stack = (*stack)[:n-1]
	return e, true
}

// Steps is how many changes can be undone.
func (h *History) Steps() int { return len(h.done) }

// CanUndo and CanRedo report whether there is something to undo or redo.
func (h *History) CanUndo() bool { return len(h.done) > 0 }
func (h *History) CanRedo() bool { return len(h.undone) > 0 }

// UndoLabel and RedoLabel are the Edit menu's texts.
func (h *History) UndoLabel() string { return label("Undo", h.done) }
func (h *History) RedoLabel() string { return label("Redo", h.undone) }

func label(verb string, stack []Edit) string {
	if n := len(stack); n > 0 && stack[n-1].Label != "" {
		return verb + " " + stack[n-1].Label
	}
	return verb
}

package app

import (
	"time"
)

// Undo design: every edit of the plan made in the editors goes through
// u.change, which applies an edit and records it with its inverse. The
// stack holds these small commands, never copies of the workspace (the
// large benchmark workspace is 23 MB, so a snapshot per keystroke is out
// of the question).
//
// Commands address items by index, not by pointer, and re-resolve the
// slice each time they run: undo is strictly last-in first-out and every
// change to the indexed parts goes through here, so an index recorded
// with a command is valid again whenever that command is undone or
// redone. Opening another workspace clears the stack.
//
// Keyboard: Fyne's Entry has its own Ctrl+Z for the text in it, but the
// window gives main-menu shortcuts priority over the focused widget, so
// the Edit menu's Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z) always run the
// app-level stack, focused entry or not. That is the one consistent
// behaviour: typing into a field is itself recorded as a plan edit
// (coalesced per field), so undoing it restores the field's text too.

// coalesceWindow joins consecutive edits of the same field into one undo
// step, so undo removes a burst of typing rather than one character.
const coalesceWindow = 1500 * time.Millisecond

// maxUndo bounds the history; the oldest steps are dropped first.
const maxUndo = 500

// edit is one undoable change to the plan.
type edit struct {
	// Label names the change for the Edit menu: "Undo edit name".
	Label string
	// Path is where the change is, as in validation problems
	// ("people[3].name"); undo and redo show it again.
	Path string
	// Merge joins this edit with the previous one when both have the
	// same Path and follow within coalesceWindow (typing into a field).
	Merge bool
	// Do applies the change; Undo reverts it. Both run on the UI
	// goroutine and must only touch the current workspace.
	Do, Undo func()

	at time.Time
}

// history is the undo and redo stacks.
type undoStack struct {
	done, undone []edit
}

// change applies e, records it for undo, and refreshes what it affects.
func (u *UI) change(e edit) {
	e.Do()
	now := u.now()
	e.at = now
	h := &u.undo
	h.undone = nil
	if n := len(h.done); e.Merge && n > 0 {
		top := &h.done[n-1]
		if top.Merge && top.Path == e.Path && now.Sub(top.at) < coalesceWindow {
			// Keep the oldest Undo (back to before the burst) and the
			// newest Do (forward to its end).
			top.Do = e.Do
			top.at = now
			u.afterEdit(e.Path)
			return
		}
	}
	h.done = append(h.done, e)
	if len(h.done) > maxUndo {
		h.done = append([]edit(nil), h.done[len(h.done)-maxUndo:]...)
	}
	u.afterEdit(e.Path)
}

// afterEdit records that the plan changed and refreshes the visible
// editor incrementally: only the current screen is told, and screens that
// can, update just the rows and problem labels the path touches.
func (u *UI) afterEdit(path string) {
	u.doc.dirty = true
	u.editGen++
	u.lastEdit = u.now()
	u.revalidate()
	u.win.SetTitle(u.doc.title())
	u.ensureTicking()
	if s, ok := u.screens[u.current].(interface{ edited(string) }); ok {
		s.edited(path)
	} else {
		u.screens[u.current].refresh()
	}
	u.refreshUndoMenu()
}

func (u *UI) canUndo() bool { return len(u.undo.done) > 0 }
func (u *UI) canRedo() bool { return len(u.undo.undone) > 0 }

// undoLast reverts the latest change and shows where it was.
func (u *UI) undoLast() {
	h := &u.undo
	n := len(h.done)
	if n == 0 {
		return
	}
	e := h.done[n-1]
	h.done = h.done[:n-1]
	e.Undo()
	// Typing after an undo starts a new step rather than merging into
	// the one that was undone.
	e.Merge = false
	h.undone = append(h.undone, e)
	u.afterUndoRedo(e.Path)
}

// redoLast re-applies the latest undone change.
func (u *UI) redoLast() {
	h := &u.undo
	n := len(h.undone)
	if n == 0 {
		return
	}
	e := h.undone[n-1]
	h.undone = h.undone[:n-1]
	e.Do()
	h.done = append(h.done, e)
	u.afterUndoRedo(e.Path)
}

// afterUndoRedo reloads the editors (values changed under them) and
// brings the changed field into view: on the current screen when it can
// show it, else on the screen that can.
func (u *UI) afterUndoRedo(path string) {
	u.doc.dirty = true
	u.editGen++
	u.lastEdit = u.now()
	u.revalidate()
	u.win.SetTitle(u.doc.title())
	cur := u.screens[u.current]
	cur.refresh()
	if h, ok := cur.(interface{ showHere(string) bool }); ok && h.showHere(path) {
		// shown on the guide page the edit was made on
	} else if ps, ok := cur.(pathShower); ok && ps.canShow(path) {
		ps.showPath(path)
	} else if u.canGoTo(path) {
		u.goTo(path)
	}
	u.refreshUndoMenu()
}

// clearUndo forgets the history (another document was opened).
func (u *UI) clearUndo() {
	u.undo = undoStack{}
	u.refreshUndoMenu()
}

// undoLabel and redoLabel are the Edit menu's texts.
func (u *UI) undoLabel() string {
	if n := len(u.undo.done); n > 0 && u.undo.done[n-1].Label != "" {
		return "Undo " + u.undo.done[n-1].Label
	}
	return "Undo"
}

func (u *UI) redoLabel() string {
	if n := len(u.undo.undone); n > 0 && u.undo.undone[n-1].Label != "" {
		return "Redo " + u.undo.undone[n-1].Label
	}
	return "Redo"
}

// refreshUndoMenu updates the Edit menu's Undo and Redo items. The menu
// is only redrawn when their text or state changed, so typing (which
// keeps the same label) does not redraw the menu bar.
func (u *UI) refreshUndoMenu() {
	if u.undoItem == nil {
		return
	}
	ul, rl := u.undoLabel(), u.redoLabel()
	ud, rd := !u.canUndo(), !u.canRedo()
	if u.undoItem.Label == ul && u.redoItem.Label == rl && u.undoItem.Disabled == ud && u.redoItem.Disabled == rd {
		return
	}
	u.undoItem.Label, u.undoItem.Disabled = ul, ud
	u.redoItem.Label, u.redoItem.Disabled = rl, rd
	if m := u.win.MainMenu(); m != nil {
		m.Refresh()
	}
}

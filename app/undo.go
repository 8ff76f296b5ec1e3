package app

import (
	"drillbook/app/host"
)

// Undo: every plan edit comes here through Change and goes on the undo
// history (host.History, which says why it holds commands, not copies).
//
// Keyboard: Fyne's Entry has its own Ctrl+Z for the text in it, but the
// window gives main-menu shortcuts priority over the focused widget, so
// the Edit menu's Undo (Ctrl+Z) and Redo (Ctrl+Shift+Z) always run the
// app-level history, focused entry or not. That is the one consistent
// behaviour: typing into a field is itself recorded as a plan edit
// (coalesced per field), so undoing it restores the field's text too.

// Change is part of host.Host: it applies e, records it for undo, and
// refreshes what it affects.
func (u *UI) Change(e host.Edit) {
	u.undo.Apply(e, u.now())
	u.afterEdit(e.Path)
}

// afterEdit records that the plan changed and refreshes the visible
// editor incrementally: only the current screen is told, and screens that
// can, update just the rows and problem labels the path touches.
func (u *UI) afterEdit(path string) {
	u.markEdited()
	u.revalidate()
	u.win.SetTitle(u.doc.title())
	u.ensureTicking()
	host.FollowEdit(u.screens[u.current], path)
	u.refreshUndoMenu()
}

// undoLast reverts the latest change and shows where it was; redoLast
// re-applies the latest undone change.
func (u *UI) undoLast() { u.afterUndoRedo(u.undo.Undo()) }
func (u *UI) redoLast() { u.afterUndoRedo(u.undo.Redo()) }

// afterUndoRedo reloads the editors (values changed under them) and
// brings the changed field e.Path into view: on the current screen when
// it can show it, else on the screen that can. ok is false when there was
// nothing to undo or redo.
func (u *UI) afterUndoRedo(e host.Edit, ok bool) {
	if !ok {
		return
	}
	u.markEdited()
	u.revalidate()
	u.win.SetTitle(u.doc.title())
	host.ShowUndone(u, u.screens[u.current], e.Path)
	u.refreshUndoMenu()
}

// clearUndo forgets the history (another document was opened).
func (u *UI) clearUndo() {
	u.undo = host.History{}
	u.refreshUndoMenu()
}

// refreshUndoMenu updates the Edit menu's Undo and Redo items. The menu
// is only redrawn when their text or state changed, so typing (which
// keeps the same label) does not redraw the menu bar.
func (u *UI) refreshUndoMenu() {
	if u.undoItem == nil {
		return
	}
	ul, rl := u.undo.UndoLabel(), u.undo.RedoLabel()
	ud, rd := !u.undo.CanUndo(), !u.undo.CanRedo()
	if u.undoItem.Label == ul && u.redoItem.Label == rl && u.undoItem.Disabled == ud && u.redoItem.Disabled == rd {
		return
	}
	u.undoItem.Label, u.undoItem.Disabled = ul, ud
	u.redoItem.Label, u.redoItem.Disabled = rl, rd
	if m := u.win.MainMenu(); m != nil {
		m.Refresh()
	}
}

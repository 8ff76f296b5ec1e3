package app

import (
	"context"

	"drillbook/app/picker"
	"drillbook/plan"
)

// Saving never freezes the window: on the UI goroutine the workspace is
// only copied (Workspace.Clone: about 10 ms for the 23 MB benchmark workspace,
// a tenth of encoding it), and the copy is encoded and written in the
// background. The user may go on editing meanwhile; the document is
// marked saved only if nothing changed since the copy was taken (editGen),
// else it stays unsaved, with its recovery file and the journals of runs
// ended since, until the next save. Saves run one at a time, in the order
// asked, so an older copy never lands over a newer one.

// save writes the document to its file, asking for one if it has none.
// done reports whether the document was saved.
func (u *UI) save(done func(bool)) {
	if u.doc.path == "" {
		u.saveAs(done)
		return
	}
	u.writeTo(u.doc.path, done)
}

func (u *UI) saveAs(done func(bool)) {
	u.picker.SaveFile(u.win, picker.SuggestedName(u.doc.ws.Organisation.Name), workspaceExts, func(path string) {
		if path == "" {
			done(false)
			return
		}
		u.writeTo(path, done)
	})
}

// writeTo saves a copy of the document as it is now to path.
func (u *UI) writeTo(path string, done func(bool)) {
	if u.saving {
		u.saveQueue = append(u.saveQueue, func() { u.writeTo(path, done) })
		return
	}
	u.saving = true
	doc, gen := u.doc, u.editGen
	snap := doc.ws.Clone()
	u.RunTask("Saving the workspace", func(context.Context, func(int, int)) error {
		return plan.Save(path, snap)
	}, func(int, int) {}, func(err error) {
		u.saving = false
		defer u.nextSave()
		if err != nil {
			// The document stays open and unsaved, so nothing is lost.
			u.ShowError(err)
			done(false)
			return
		}
		if u.doc != doc { // another document was opened meanwhile
			done(true)
			return
		}
		doc.path = path
		if u.editGen == gen {
			doc.dirty = false
			u.dropRecovery()
			u.ex.DropSavedJournals()
		}
		u.remember(path)
		u.redraw()
		done(true)
	})
}

// nextSave starts the save asked for while one was in flight.
func (u *UI) nextSave() {
	if len(u.saveQueue) > 0 {
		next := u.saveQueue[0]
		u.saveQueue = u.saveQueue[1:]
		next()
	}
}

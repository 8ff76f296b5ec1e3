package app

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/plan"
)

// Autosave design: while the document has unsaved edits, a copy of the
// workspace is written to a recovery file every few seconds, so a crash
// or power cut loses at most those seconds. The file sits beside the
// workspace ("<file>.recovery.json") or, for an untitled workspace, in
// the user cache folder. It is an ordinary workspace file written
// atomically, so a crash while writing it leaves the previous one. It is
// deleted when the document is saved, when its changes are knowingly
// discarded and on a clean exit; when one is found on opening, the user
// is asked whether to recover it or set it aside (it is renamed, never
// deleted, so no data is lost silently).
//
// The app ticker (bridge.go) calls autosave; it starts at the first edit,
// so tests, which drive autosave by hand, start no goroutine. As a save
// does (save.go), it copies the workspace on the UI goroutine and encodes,
// writes and syncs the copy in the background.

const (
	recoveryEvery = 3 * time.Second
	// Copying the 23 MB benchmark workspace takes about 40 ms, a
	// keystroke's worth. For such workspaces autosave waits for a pause in
	// typing, but never longer than recoveryMaxWait.
	recoverySlowCopy = 20 * time.Millisecond
	recoveryIdle     = time.Second
	recoveryMaxWait  = 30 * time.Second
)

// recoveryState is what autosave knows about the recovery file.
type recoveryState struct {
	gen      int       // editGen when last written
	at       time.Time // when last written
	path     string    // the file this session wrote ("" for none)
	busy     bool      // a write is in flight
	slow     bool      // copying is slow: wait for a pause in typing
	reported bool      // a write error was shown (shown once per document)
}

// userCacheDir is where untitled workspaces keep their recovery file and
// exercise journals; tests point it at a temporary folder.
var userCacheDir = os.UserCacheDir

// untitledDir is the folder of an untitled workspace's files.
func untitledDir() string {
	dir, err := userCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "drillbook")
}

// recoveryPathFor names the recovery file of a workspace path ("" for an
// untitled workspace).
func recoveryPathFor(docPath string) string {
	if docPath != "" {
		return docPath + ".recovery.json"
	}
	return filepath.Join(untitledDir(), "untitled.recovery.json")
}

// ensureTicking starts the app ticker that drives autosave.
func (u *UI) ensureTicking() {
	if u.appTick == nil && u.startTicker != nil {
		u.appTick = u.startTicker(u.onTick)
	}
}

// onTick runs on the UI goroutine (bridge.go hands it over with fyne.Do);
// a panic in autosave is shown, not allowed to close the window.
func (u *UI) onTick() {
	defer host.Recover("Autosave", u.ShowError)
	u.autosave(u.now())
}

// autosave writes the recovery file when there are edits it has not
// written and the last write is old enough.
func (u *UI) autosave(now time.Time) {
	r := &u.rec
	if !u.doc.dirty || u.editGen == r.gen || r.busy || now.Sub(r.at) < recoveryEvery {
		return
	}
	if r.slow && now.Sub(u.lastEdit) < recoveryIdle && now.Sub(r.at) < recoveryMaxWait {
		return
	}
	start := time.Now()
	snap := u.doc.ws.Clone()
	r.slow = time.Since(start) > recoverySlowCopy
	doc, gen, path := u.doc, u.editGen, recoveryPathFor(u.doc.path)
	r.busy = true
	u.RunTask("Writing the recovery file", func(context.Context, func(int, int)) error {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return err
		}
		return plan.Save(path, snap)
	}, func(int, int) {}, func(err error) {
		if u.doc != doc {
			// The document was saved or discarded while writing: its
			// recovery file is not wanted any more.
			if err == nil {
				os.Remove(path)
			}
			return
		}
		r.busy = false
		r.at = now
		if err != nil {
			u.recoveryFailed(err)
			return
		}
		r.gen, r.path = gen, path
		if !u.doc.dirty { // saved while writing
			u.dropRecovery()
		}
	})
}

func (u *UI) recoveryFailed(err error) {
	if !u.rec.reported {
		u.rec.reported = true
		u.ShowError(fmt.Errorf("unsaved changes could not be written to the recovery file, so a crash could lose them; save to be safe.\n\n%w", err))
	}
}

// dropRecovery deletes the recovery file this session wrote for the
// document (after a save, a discard or a clean exit).
func (u *UI) dropRecovery() {
	if u.rec.path != "" {
		os.Remove(u.rec.path)
		u.rec.path = ""
	}
	u.rec.gen = u.editGen
}

// cleanExit tidies up before the window closes after unsaved changes were
// saved or discarded.
func (u *UI) cleanExit() {
	u.dropRecovery()
	if u.appTick != nil {
		u.appTick.Stop()
		u.appTick = nil
	}
}

// offerRecovery looks for a recovery file left by a session that did not
// exit cleanly: the open workspace's and, at start-up, the untitled one.
func (u *UI) offerRecovery(startup bool) {
	type candidate struct{ file, docPath string }
	cands := []candidate{{recoveryPathFor(u.doc.path), u.doc.path}}
	if startup && u.doc.path != "" {
		cands = append(cands, candidate{recoveryPathFor(""), ""})
	}
	for _, c := range cands {
		fi, err := os.Stat(c.file)
		if err != nil || c.file == u.rec.path {
			continue
		}
		name := "an untitled workspace"
		if c.docPath != "" {
			name = filepath.Base(c.docPath)
		}
		msg := fmt.Sprintf("Recover unsaved changes from %s?\n\nDrillbook did not close normally while %s had unsaved changes. Recover opens them (unsaved) so you can check and save them; Discard sets the recovery file aside.",
			fi.ModTime().Format("Mon 2 Jan 2006 15:04:05"), name)
		d := dialog.NewCustomConfirm("Unsaved changes found", "Recover", "Discard", widgets.DialogText(msg), func(ok bool) {
			if ok {
				u.recover(c.file, c.docPath)
			} else {
				u.setAside(c.file)
			}
		}, u.win)
		d.Resize(fyne.NewSize(520, 260))
		d.Show()
		return
	}
}

// recover opens the recovery file as the document, unsaved, with the
// workspace path it belongs to, so Save writes it back there.
func (u *UI) recover(file, docPath string) {
	ws, err := plan.Load(file)
	if err != nil {
		u.ShowError(fmt.Errorf("the recovery file cannot be read; it is kept at %s.\n\n%w", file, err))
		return
	}
	d := newDocument(ws, docPath)
	d.dirty = true
	u.setDocument(d)
	// The recovered changes are now this session's: the file is replaced
	// by the next autosave and removed on save.
	u.rec.path = file
	u.win.SetTitle(u.doc.title())
}

// setAside renames a recovery file the user declined, so nothing is
// deleted without being asked.
func (u *UI) setAside(file string) {
	aside := fmt.Sprintf("%s.discarded-%s", file, u.now().Format("20060102-150405"))
	if err := os.Rename(file, aside); err != nil {
		u.ShowError(err)
	}
}

package app

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"drillbook/app/widgets"
	"drillbook/plan"
	"drillbook/scenarios"
)

// offerResume runs on every open, of a saved or an untitled workspace. It
// looks for the journals of its runs — beside the file, or in the journal
// folder when untitled — and deals with each in turn: an interrupted run
// is offered for resuming; a run that ended but is not in the workspace
// (Drillbook closed before it was saved) is offered for restoring; the
// journal of a run the saved workspace holds is deleted.
func (u *UI) offerResume() {
	// Journals kept for the previous document's ended runs stay on disk:
	// deleted if it was saved, offered again if its changes were dropped.
	u.pendingJournals = nil
	paths, err := scenarios.Journals(u.journalBase())
	if err == nil && u.doc.path == "" {
		paths = append(paths, legacyUntitledJournals(u.journalFolder())...)
	}
	if err != nil {
		u.ShowError(fmt.Errorf("could not look for exercise journals: %w", err))
		return
	}
	u.offerJournals(paths)
}

// legacyUntitledJournals lists journals older versions wrote for untitled
// workspaces: "run-….exercise.jsonl" in the journal folder.
func legacyUntitledJournals(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, en := range entries {
		if n := en.Name(); !en.IsDir() && strings.HasPrefix(n, "run-") && strings.HasSuffix(n, ".exercise.jsonl") {
			out = append(out, filepath.Join(dir, n))
		}
	}
	return out
}

// offerJournals handles the first journal that needs an answer and
// continues with the rest once it is given.
func (u *UI) offerJournals(paths []string) {
	for i, path := range paths {
		rest := paths[i+1:]
		if u.journalInUse(path) {
			continue
		}
		j, err := scenarios.ReadJournal(path)
		if err != nil {
			u.offerUnreadable(path, err, rest)
			return
		}
		if slices.ContainsFunc(u.doc.ws.Runs, func(r plan.Run) bool { return r.ID == j.RunID }) {
			if u.doc.dirty {
				// Stored, but not yet in the file: keep it until saved.
				u.pendingJournals = append(u.pendingJournals, path)
			} else {
				_ = os.Remove(path) // the saved workspace holds the run
			}
			continue
		}
		if j.Ended {
			u.offerRestore(j, rest)
		} else {
			u.offerInterrupted(j, rest)
		}
		return
	}
}

// journalInUse reports whether a journal is the running console's, is
// kept for an ended run, or already has a question on screen.
func (u *UI) journalInUse(path string) bool {
	return (u.run != nil && u.run.journal == path) || slices.Contains(u.pendingJournals, path) || u.offering[path]
}

// ask shows one question about a journal, then moves on to the rest.
func (u *UI) ask(path, title, yes, no, msg string, answer func(yes bool), rest []string) {
	if u.offering == nil {
		u.offering = map[string]bool{}
	}
	u.offering[path] = true
	d := dialog.NewCustomConfirm(title, yes, no, widgets.DialogText(msg), func(ok bool) {
		delete(u.offering, path)
		answer(ok)
		u.offerJournals(rest)
	}, u.win)
	d.Resize(fyne.NewSize(560, 280))
	d.Show()
}

func (u *UI) offerInterrupted(j *scenarios.JournalFile, rest []string) {
	e, err := j.Resume(u.clock)
	if err != nil {
		u.offerUnreadable(j.Path, err, rest)
		return
	}
	msg := fmt.Sprintf("The exercise “%s” was interrupted at %s with %d events recorded.\nResume it? The clock stays paused until you press Resume.",
		j.Title, scenarios.Offset(e.Now().Truncate(time.Second)), e.EventCount())
	u.ask(j.Path, "Resume interrupted exercise", "Resume", "Set aside", msg, func(ok bool) {
		if !ok {
			e.Close()
			u.setJournalAside(j.Path)
			return
		}
		if u.run == nil {
			u.openConsole(e, j.Path, nil)
			return
		}
		// A run started meanwhile (drillbook --exercise) is journaled
		// too: closing it loses nothing.
		dialog.ShowConfirm("Exercise running", fmt.Sprintf("Another exercise is running. Close it and resume “%s”? The running one is journaled and can be resumed later.", j.Title), func(ok bool) {
			if !ok {
				e.Close()
				return
			}
			u.run.close()
			u.openConsole(e, j.Path, nil)
		}, u.win)
	}, rest)
}

func (u *UI) offerRestore(j *scenarios.JournalFile, rest []string) {
	msg := fmt.Sprintf("The exercise “%s” (%s) ended, but Drillbook closed before the workspace was saved, so the run is not in it.\nRestore the run into this workspace? Save afterwards to keep it.",
		j.Title, j.RunID)
	u.ask(j.Path, "Restore ended exercise", "Restore", "Set aside", msg, func(ok bool) {
		if !ok {
			u.setJournalAside(j.Path)
			return
		}
		run, err := j.Run()
		if err != nil {
			u.ShowError(fmt.Errorf("the run could not be rebuilt from its journal, which is kept at %s.\n\n%w", j.Path, err))
			return
		}
		u.doc.ws.Runs = append(u.doc.ws.Runs, *run)
		u.pendingJournals = append(u.pendingJournals, j.Path)
		u.Edited()
	}, rest)
}

// offerUnreadable reports a journal that cannot be used. It is kept
// unless the user sets it aside: it may hold a run a later version reads.
func (u *UI) offerUnreadable(path string, err error, rest []string) {
	msg := fmt.Sprintf("An exercise journal was found but cannot be resumed; it is kept at %s.\n\n%v", path, err)
	u.ask(path, "Exercise journal", "Set aside", "Keep", msg, func(ok bool) {
		if ok {
			u.setJournalAside(path)
		}
	}, rest)
}

// setJournalAside renames a journal the user declined: a record of an
// exercise is never deleted unless it is stored.
func (u *UI) setJournalAside(path string) {
	aside := fmt.Sprintf("%s.set-aside-%s", path, u.clock.Now().UTC().Format("20060102-150405"))
	if err := os.Rename(path, aside); err != nil {
		u.ShowError(err)
	}
}

// confirmLeaveRun asks before closing the window during an exercise; the
// journal stays, so the run can be resumed when the workspace is reopened.
func (u *UI) confirmLeaveRun(then func()) {
	if u.run == nil {
		then()
		return
	}
	dialog.ShowConfirm("Exercise running", "An exercise is running. Close anyway? It is journaled and can be resumed when you open this workspace again.", func(ok bool) {
		if ok {
			u.run.close()
			then()
		}
	}, u.win)
}

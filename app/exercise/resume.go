package exercise

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

// OfferResume runs on every open, of a saved or an untitled workspace. It
// looks for the journals of its runs — beside the file, or in the journal
// folder when untitled — and deals with each in turn: an interrupted run
// is offered for resuming; a run that ended but is not in the workspace
// (Drillbook closed before it was saved) is offered for restoring; the
// journal of a run the saved workspace holds is deleted.
func (x *Controller) OfferResume() {
	// Journals kept for the previous document's ended runs stay on disk:
	// deleted if it was saved, offered again if its changes were dropped.
	x.pendingJournals = nil
	paths, err := scenarios.Journals(x.journalBase())
	if err == nil && x.sh.DocumentPath() == "" {
		paths = append(paths, legacyUntitledJournals(x.JournalDir)...)
	}
	if err != nil {
		x.sh.ShowError(fmt.Errorf("could not look for exercise journals: %w", err))
		return
	}
	x.offerJournals(paths)
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
func (x *Controller) offerJournals(paths []string) {
	for i, path := range paths {
		rest := paths[i+1:]
		if x.journalInUse(path) {
			continue
		}
		j, err := scenarios.ReadJournal(path)
		if err != nil {
			x.offerUnreadable(path, err, rest)
			return
		}
		if slices.ContainsFunc(x.sh.Workspace().Runs, func(r plan.Run) bool { return r.ID == j.RunID }) {
			if x.sh.Unsaved() {
				// Stored, but not yet in the file: keep it until saved.
				x.pendingJournals = append(x.pendingJournals, path)
			} else {
				_ = os.Remove(path) // the saved workspace holds the run
			}
			continue
		}
		if j.Ended {
			x.offerRestore(j, rest)
		} else {
			x.offerInterrupted(j, rest)
		}
		return
	}
}

// journalInUse reports whether a journal is the running console's, is
// kept for an ended run, or already has a question on screen.
func (x *Controller) journalInUse(path string) bool {
	return (x.run != nil && x.run.journal == path) || slices.Contains(x.pendingJournals, path) || x.offering[path]
}

// ask shows one question about a journal, then moves on to the rest.
func (x *Controller) ask(path, title, yes, no, msg string, answer func(yes bool), rest []string) {
	if x.offering == nil {
		x.offering = map[string]bool{}
	}
	x.offering[path] = true
	d := dialog.NewCustomConfirm(title, yes, no, widgets.DialogText(msg), func(ok bool) {
		delete(x.offering, path)
		answer(ok)
		x.offerJournals(rest)
	}, x.sh.Window())
	d.Resize(fyne.NewSize(560, 280))
	d.Show()
}

func (x *Controller) offerInterrupted(j *scenarios.JournalFile, rest []string) {
	e, err := j.Resume(x.Clock)
	if err != nil {
		x.offerUnreadable(j.Path, err, rest)
		return
	}
	msg := fmt.Sprintf("The exercise “%s” was interrupted at %s with %d events recorded.\nResume it? The clock stays paused until you press Resume.",
		j.Title, scenarios.Offset(e.Now().Truncate(time.Second)), e.EventCount())
	x.ask(j.Path, "Resume interrupted exercise", "Resume", "Set aside", msg, func(ok bool) {
		if !ok {
			e.Close()
			x.setJournalAside(j.Path)
			return
		}
		if x.run == nil {
			x.openConsole(e, j.Path)
			return
		}
		// A run started meanwhile (drillbook --exercise) is journaled
		// too: closing it loses nothing.
		dialog.ShowConfirm("Exercise running", fmt.Sprintf("Another exercise is running. Close it and resume “%s”? The running one is journaled and can be resumed later.", j.Title), func(ok bool) {
			if !ok {
				e.Close()
				return
			}
			x.run.close()
			x.openConsole(e, j.Path)
		}, x.sh.Window())
	}, rest)
}

func (x *Controller) offerRestore(j *scenarios.JournalFile, rest []string) {
	msg := fmt.Sprintf("The exercise “%s” (%s) ended, but Drillbook closed before the workspace was saved, so the run is not in it.\nRestore the run into this workspace? Save afterwards to keep it.",
		j.Title, j.RunID)
	x.ask(j.Path, "Restore ended exercise", "Restore", "Set aside", msg, func(ok bool) {
		if !ok {
			x.setJournalAside(j.Path)
			return
		}
		run, err := j.Run()
		if err != nil {
			x.sh.ShowError(fmt.Errorf("the run could not be rebuilt from its journal, which is kept at %s.\n\n%w", j.Path, err))
			return
		}
		x.sh.Workspace().Runs = append(x.sh.Workspace().Runs, *run)
		x.pendingJournals = append(x.pendingJournals, j.Path)
		x.sh.Edited()
	}, rest)
}

// offerUnreadable reports a journal that cannot be used. It is kept
// unless the user sets it aside: it may hold a run a later version reads.
func (x *Controller) offerUnreadable(path string, err error, rest []string) {
	msg := fmt.Sprintf("An exercise journal was found but cannot be resumed; it is kept at %s.\n\n%v", path, err)
	x.ask(path, "Exercise journal", "Set aside", "Keep", msg, func(ok bool) {
		if ok {
			x.setJournalAside(path)
		}
	}, rest)
}

// setJournalAside renames a journal the user declined: a record of an
// exercise is never deleted unless it is stored.
func (x *Controller) setJournalAside(path string) {
	aside := fmt.Sprintf("%s.set-aside-%s", path, x.Clock.Now().UTC().Format("20060102-150405"))
	if err := os.Rename(path, aside); err != nil {
		x.sh.ShowError(err)
	}
}

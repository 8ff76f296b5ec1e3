package app

import (
	"fmt"
	"os"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"drillbook/scenarios"
)

// offerResume looks for the journal of an exercise interrupted by a crash
// or power loss beside the open workspace and offers to resume it.
func (u *UI) offerResume() {
	if u.doc.path == "" {
		return
	}
	path := scenarios.JournalPath(u.doc.path)
	if _, err := os.Stat(path); err != nil {
		return
	}
	e, err := scenarios.Resume(path, u.clock)
	if err != nil {
		// Keep the file: it may hold a finished run not yet saved, and a
		// later version may read it. Say where it is.
		u.showError(fmt.Errorf("an exercise journal was found but cannot be resumed; it is kept at %s.\n\n%w", path, err))
		return
	}
	msg := fmt.Sprintf("The exercise “%s” was interrupted at %s with %d events recorded.\nResume it? The clock stays paused until you press Resume.",
		e.Scenario().Title, scenarios.Offset(e.Now().Truncate(time.Second)), e.EventCount())
	dialog.ShowCustomConfirm("Resume interrupted exercise", "Resume", "Set aside", dialogText(msg), func(ok bool) {
		if ok {
			u.openConsole(e, path, nil)
			return
		}
		e.Close()
		// Never delete a record of an exercise: move it aside.
		aside := fmt.Sprintf("%s.set-aside-%s", path, u.clock.Now().UTC().Format("20060102-150405"))
		if err := os.Rename(path, aside); err != nil {
			u.showError(err)
		}
	}, u.win)
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

func dialogText(s string) *widget.Label {
	l := widget.NewLabel(s)
	l.Wrapping = fyne.TextWrapWord
	return l
}

package exercise

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"

	"fyne.io/fyne/v2/dialog"

	"drillbook/app/host"
	"drillbook/plan"
	"drillbook/scenarios"
)

// Shell is what the exercise controller needs of the main window besides
// what any screen may ask (host.Host): the document's file and state, a
// place for the console in the navigation, and the clock ticker.
type Shell interface {
	host.Host
	// DocumentPath is the open workspace's file, "" when untitled.
	DocumentPath() string
	// Unsaved reports whether the document has changes not in its file.
	Unsaved() bool
	// AddScreen adds a screen to the navigation and shows it;
	// RemoveScreen takes it out and shows the first screen.
	AddScreen(host.Screen)
	RemoveScreen(host.Screen)
	// StartTicker calls tick on the UI goroutine a few times a second
	// until stopped; nil when nothing ticks (tests tick by hand).
	StartTicker(tick func()) host.Ticker
}

// Controller is the exercise state of the main window: the running
// console (none when no exercise runs), the engine's clock, and the
// journals of ended runs that are not yet in a saved file.
type Controller struct {
	sh Shell
	// Clock is the engine's time (tests set a fake one).
	Clock scenarios.Clock
	// JournalDir holds the journals of untitled workspaces.
	JournalDir string

	run             *console
	pendingJournals []string        // journals of ended runs not yet in a saved file
	offering        map[string]bool // journals with a resume or restore question on screen
}

// New is the exercise controller of the window sh; journalDir holds the
// journals of untitled workspaces.
func New(sh Shell, journalDir string) *Controller {
	return &Controller{sh: sh, Clock: scenarios.RealClock{}, JournalDir: journalDir}
}

// Library is the scenario library screen, which starts exercises here.
func (x *Controller) Library() host.Screen { return newLibrary(x) }

// Running reports whether an exercise runs.
func (x *Controller) Running() bool { return x.run != nil }

// Journal is the running exercise's journal, "" when none runs.
func (x *Controller) Journal() string {
	if x.run == nil {
		return ""
	}
	return x.run.journal
}

// OpenProjector opens the participants' window of the running exercise.
func (x *Controller) OpenProjector() {
	if x.run != nil {
		x.run.openProjector()
	}
}

// ConfirmLeave asks before closing the window during an exercise; the
// journal stays, so the run can be resumed when the workspace is
// reopened.
func (x *Controller) ConfirmLeave(then func()) {
	if x.run == nil {
		then()
		return
	}
	dialog.ShowConfirm("Exercise running", "An exercise is running. Close anyway? It is journaled and can be resumed when you open this workspace again.", func(ok bool) {
		if ok {
			x.run.close()
			then()
		}
	}, x.sh.Window())
}

// DropSavedJournals deletes the journals of runs now safely in a saved
// workspace.
func (x *Controller) DropSavedJournals() {
	for _, j := range x.pendingJournals {
		_ = os.Remove(j)
	}
	x.pendingJournals = nil
}

// journalBase is what the open workspace's journals are named after: its
// file, or "untitled" in the journal folder (the user's cache) for a
// workspace not yet saved.
func (x *Controller) journalBase() string {
	if p := x.sh.DocumentPath(); p != "" {
		return p
	}
	return filepath.Join(x.JournalDir, "untitled")
}

// newRunID names a run after its start time; a run started in the same
// second as a stored one, or one with a journal, gets a suffix.
func (x *Controller) newRunID(base string) string {
	id := "run-" + x.Clock.Now().UTC().Format("20060102-150405")
	taken := func(id string) bool {
		return slices.ContainsFunc(x.sh.Workspace().Runs, func(r plan.Run) bool { return r.ID == id }) ||
			fileExists(scenarios.JournalPath(base, id))
	}
	for n, try := 2, id; ; n++ {
		if !taken(try) {
			return try
		}
		try = fmt.Sprintf("%s-%d", id, n)
	}
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

// startRun starts the engine and opens the console. The run plays
// against its own copy of the plan and scenario.
func (x *Controller) startRun(sc *scenarios.Scenario, opts scenarios.Options) error {
	base := x.journalBase()
	if x.sh.DocumentPath() == "" {
		if err := os.MkdirAll(filepath.Dir(base), 0o700); err != nil {
			return fmt.Errorf("creating the exercise journal folder: %w", err)
		}
	}
	opts.RunID = x.newRunID(base)
	opts.Journal = scenarios.JournalPath(base, opts.RunID)
	e, _, err := scenarios.Start(sc, x.sh.Workspace(), x.Clock, opts)
	if err != nil {
		return err
	}
	x.openConsole(e, opts.Journal)
	return nil
}

// StartNow starts a built-in scenario without the dialog, each bound role
// played by its primary holder (drillbook --exercise).
func (x *Controller) StartNow(id string, speed float64) error {
	lib, _ := scenarios.Library()
	for _, s := range lib {
		if s.ID != id {
			continue
		}
		return x.startRun(s, scenarios.Options{Speed: speed, Participants: scenarios.DefaultParticipants(s, x.sh.Workspace())})
	}
	return fmt.Errorf("no built-in scenario %q (see the Scenarios screen for IDs)", id)
}

package app

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/plan"
	"drillbook/scenarios"
)

var speeds = []string{"×1", "×2", "×5", "×10", "×20"}

// startRunDialog asks how to run a scenario: who plays which role, the
// facilitator, the clock speed; and shows what could not be bound to the
// plan before anything starts.
func (u *UI) startRunDialog(sc *scenarios.Scenario) {
	if u.run != nil {
		u.ShowError(errors.New("an exercise is already running; end it before starting another"))
		return
	}
	ws := u.doc.ws
	bindings := scenarios.Bind(sc, ws)
	form := widget.NewForm()
	type roleChoice struct {
		role string
		sel  *widget.Select
		ids  []string
	}
	var roles []roleChoice
	var gaps []string
	for _, b := range bindings {
		if !b.Bound() {
			gaps = append(gaps, fmt.Sprintf("%s: %s", b.Ref, b.Gap))
			continue
		}
		if kind, _ := b.Ref.Kind(); kind != scenarios.RefRole {
			continue
		}
		// Members of the bound role first, then everyone else.
		var ids, names []string
		seen := map[string]bool{}
		for _, id := range append(append([]string(nil), b.People...), peopleIDs(ws)...) {
			if p := ws.Person(id); p != nil && !seen[id] {
				seen[id] = true
				ids, names = append(ids, id), append(names, p.Name)
			}
		}
		sel := widget.NewSelect(names, nil)
		if len(names) > 0 {
			sel.SetSelectedIndex(0)
		}
		roles = append(roles, roleChoice{role: b.IDs[0], sel: sel, ids: ids})
		form.Append(b.Names[0], sel)
	}
	facilitator := widget.NewEntry()
	facilitator.SetPlaceHolder("Name of the facilitator")
	speed := widget.NewSelect(speeds, nil)
	speed.SetSelected("×1")
	form.Append("Facilitator", facilitator)
	form.Append("Clock speed", speed)

	content := container.NewVBox(widget.NewLabelWithStyle(sc.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), widget.NewLabel("Who plays each role:"), form)
	if len(gaps) > 0 {
		warn := widget.NewLabel("Not in this plan (recorded as findings):\n• " + strings.Join(gaps, "\n• "))
		warn.Wrapping = fyne.TextWrapWord
		content.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, warn))
	}
	d := dialog.NewCustomConfirm("Start exercise", "Start", "Cancel", container.NewVScroll(content), func(ok bool) {
		if !ok {
			return
		}
		opts := scenarios.Options{Facilitator: facilitator.Text, Speed: parseSpeed(speed.Selected)}
		for _, r := range roles {
			if i := r.sel.SelectedIndex(); i >= 0 {
				opts.Participants = append(opts.Participants, plan.Participant{Person: r.ids[i], Role: r.role})
			}
		}
		if err := u.startRun(sc, opts); err != nil {
			u.ShowError(err)
		}
	}, u.win)
	d.Resize(fyne.NewSize(560, 520))
	d.Show()
}

func peopleIDs(ws *plan.Workspace) []string {
	ids := make([]string, len(ws.People))
	for i, p := range ws.People {
		ids[i] = p.ID
	}
	return ids
}

func parseSpeed(s string) float64 {
	var x float64
	if _, err := fmt.Sscanf(strings.TrimPrefix(s, "×"), "%g", &x); err != nil || x < 1 {
		return 1
	}
	return x
}

// journalBase is what the open workspace's journals are named after: its
// file, or "untitled" in the journal folder (the user's cache) for a
// workspace not yet saved.
func (u *UI) journalBase() string {
	if u.doc.path != "" {
		return u.doc.path
	}
	return filepath.Join(u.journalFolder(), "untitled")
}

func (u *UI) journalFolder() string {
	if u.journalDir != "" {
		return u.journalDir
	}
	dir, err := userCacheDir()
	if err != nil {
		dir = os.TempDir()
	}
	return filepath.Join(dir, "drillbook")
}

// newRunID names a run after its start time; a run started in the same
// second as a stored one, or one with a journal, gets a suffix.
func (u *UI) newRunID(base string) string {
	id := "run-" + u.clock.Now().UTC().Format("20060102-150405")
	taken := func(id string) bool {
		return slices.ContainsFunc(u.doc.ws.Runs, func(r plan.Run) bool { return r.ID == id }) ||
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
func (u *UI) startRun(sc *scenarios.Scenario, opts scenarios.Options) error {
	base := u.journalBase()
	if u.doc.path == "" {
		if err := os.MkdirAll(filepath.Dir(base), 0o700); err != nil {
			return fmt.Errorf("creating the exercise journal folder: %w", err)
		}
	}
	opts.RunID = u.newRunID(base)
	opts.Journal = scenarios.JournalPath(base, opts.RunID)
	e, evs, err := scenarios.Start(sc, u.doc.ws, u.clock, opts)
	if err != nil {
		return err
	}
	u.openConsole(e, opts.Journal, evs)
	return nil
}

// startExerciseNow starts a built-in scenario without the dialog, each
// bound role played by its primary holder.
func (u *UI) startExerciseNow(id string, speed float64) error {
	lib, _ := scenarios.Library()
	for _, s := range lib {
		if s.ID != id {
			continue
		}
		return u.startRun(s, scenarios.Options{Speed: speed, Participants: scenarios.DefaultParticipants(s, u.doc.ws)})
	}
	return fmt.Errorf("no built-in scenario %q (see the Scenarios screen for IDs)", id)
}

package app

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/exercise"
	"drillbook/app/host"
	"drillbook/app/picker"
	"drillbook/app/widgets"
	"drillbook/plan"
)

// Options says what the GUI opens at start.
type Options struct {
	Path string // workspace file; "" means the last one used, else the demo
	Demo bool   // open the built-in demo regardless of history
	// Exercise starts a built-in scenario at once (see cli.GUIOptions).
	Exercise  string
	Speed     float64
	Projector bool
}

// UI is the main window and the document it shows.
type UI struct {
	app     fyne.App
	win     fyne.Window
	doc     *document
	picker  picker.FilePicker
	prefs   *history
	screens []host.Screen
	nav     *widgets.KeyList
	root    *fyne.Container // the window's content: the loading state, then nav and body
	body    *fyne.Container
	current int
	guide   host.Screen // where a new or empty workspace opens

	// Exercises: their state and clock (the app's clock too), and how
	// clock tickers start (nil in tests, which tick by hand).
	ex          *exercise.Controller
	startTicker func(func()) *ticker

	// Editing: the undo history and its Edit menu items; editGen counts
	// edits (autosave compares it); lastEdit is when the latest was made;
	// now is the time source for coalescing typing and for autosave.
	undo               host.History
	undoItem, redoItem *fyne.MenuItem
	editGen            int
	lastEdit           time.Time
	now                func() time.Time
	problemIdx         host.ProblemIndex
	// Autosave: the recovery file state, the app ticker that drives it
	// (started at the first edit) and how background work runs (tests
	// run it inline).
	rec     recoveryState
	appTick *ticker
	bg      runner
	// Saving: a save in flight and the saves asked for meanwhile (save.go).
	saving    bool
	saveQueue []func()
	// View: the theme the zoom scales and the zoom state.
	zoom zoomState
}

// build fills the window with the navigation and shows screen first.
func (u *UI) build(first int) {
	u.body = container.NewStack()
	u.nav = widgets.NewKeyList(
		func() int { return len(u.screens) },
		func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(nil), widget.NewLabel("Screen name"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(u.screens[i].Icon())
			row.Objects[1].(*widget.Label).SetText(u.screens[i].Title())
		},
	)
	u.nav.OnSelected = func(i widget.ListItemID) { u.show(i) }
	split := container.NewHSplit(u.nav, u.body)
	split.Offset = 0.17
	u.root.Objects = []fyne.CanvasObject{split}
	u.root.Refresh()
	u.nav.Select(first)
}

func (u *UI) show(i int) {
	if i < 0 || i >= len(u.screens) {
		return
	}
	u.current = i
	host.ShowIn(u.body, u.screens[i])
}

// docChanged re-validates and redraws after a change to the document's
// plan not made through Change (Edited).
func (u *UI) docChanged() {
	u.revalidate()
	u.redraw()
}

// redraw shows the document's title and redraws the current screen; the
// document's problems are current (a new document validated itself).
func (u *UI) redraw() {
	u.win.SetTitle(u.doc.title())
	u.screens[u.current].Refresh()
}

// setDocument replaces the open document. The previous document's
// changes were saved or knowingly discarded by now, so its recovery file
// goes, and so does its undo history.
func (u *UI) setDocument(d *document) {
	u.dropRecovery()
	u.doc = d
	u.rec = recoveryState{gen: u.editGen}
	u.clearUndo()
	if d.path != "" {
		u.remember(d.path)
	}
	u.problemIdx.Reset()
	u.redraw()
	if emptyPlan(d.ws) {
		u.showGuide()
	}
	u.ex.OfferResume()
}

// defaultWindowSize is the main window's size at start.
var defaultWindowSize = fyne.NewSize(1200, 680)

// showGuide shows the guide, where a new or empty plan starts.
func (u *UI) showGuide() {
	if i := slices.Index(u.screens, u.guide); i >= 0 {
		u.nav.Select(i)
	}
}

// emptyPlan reports whether ws has nothing in any part of the plan yet
// (as File → New makes it): such a workspace opens on the guide.
func emptyPlan(ws *plan.Workspace) bool {
	return !slices.ContainsFunc(ws.Summary(), func(c plan.PartCount) bool { return c.Count > 0 })
}

// confirmDiscard runs then() once unsaved changes are saved or discarded;
// it does nothing if the user cancels.
func (u *UI) confirmDiscard(action string, then func()) {
	if !u.doc.dirty {
		then()
		return
	}
	var d dialog.Dialog
	msg := widget.NewLabel(fmt.Sprintf("%s has unsaved changes.\nSave them before %s?", u.doc.fileName(), action))
	save := widget.NewButton("Save", func() {
		d.Hide()
		u.save(func(ok bool) {
			if ok {
				then()
			}
		})
	})
	save.Importance = widget.HighImportance
	discard := widget.NewButton("Don't save", func() { d.Hide(); then() })
	discard.Importance = widget.DangerImportance
	cancel := widget.NewButton("Cancel", func() { d.Hide() })
	d = dialog.NewCustomWithoutButtons("Unsaved changes", container.NewVBox(msg, container.NewHBox(cancel, discard, save)), u.win)
	d.Show()
}

// remember adds path to the recent files and rebuilds the menu that lists them.
func (u *UI) remember(path string) {
	u.prefs.opened(path)
	u.win.SetMainMenu(u.mainMenu())
}

func (u *UI) newWorkspace() {
	if u.ex.Running() {
		u.ShowError(errors.New("end the running exercise before starting a new workspace"))
		return
	}
	u.confirmDiscard("starting a new workspace", func() {
		ws := plan.New("New organisation")
		u.setDocument(newDocument(ws, ""))
	})
}

func (u *UI) openWorkspace() {
	if u.ex.Running() {
		u.ShowError(errors.New("end the running exercise before opening another workspace"))
		return
	}
	u.confirmDiscard("opening another workspace", func() {
		u.picker.OpenFile(u.win, workspaceExts, u.openPath)
	})
}

// openPath loads a file into the window; failures leave the current
// document open. It is read and validated in the background (a large
// workspace takes a second) behind a dialog, so nothing is edited in the
// document it replaces meanwhile.
func (u *UI) openPath(path string) {
	if path == "" {
		return
	}
	wait := dialog.NewCustomWithoutButtons("Opening", widget.NewLabel("Opening "+filepath.Base(path)+"…"), u.win)
	wait.Show()
	var doc *document
	u.RunTask("Opening "+filepath.Base(path), func(context.Context, func(int, int)) error {
		ws, err := plan.Load(path)
		if err != nil {
			return err
		}
		doc = newDocument(ws, path)
		return nil
	}, func(int, int) {}, func(err error) {
		wait.Hide()
		if err != nil {
			var fe *plan.FileError
			if !errors.As(err, &fe) {
				err = fmt.Errorf("%s: %w", path, err)
			}
			u.ShowError(err)
			return
		}
		u.setDocument(doc)
		u.offerRecovery(false)
	})
}

func (u *UI) openDemo() {
	u.confirmDiscard("opening the demo", func() { u.setDocument(newDocument(plan.Demo(), "")) })
}

func (u *UI) quit() {
	u.ex.ConfirmLeave(func() { u.confirmDiscard("quitting", func() { u.cleanExit(); u.app.Quit() }) })
}

// workspaceExts are the extensions of workspace files.
var workspaceExts = []string{".json"}

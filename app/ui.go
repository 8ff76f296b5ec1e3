package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/assessview"
	"drillbook/app/editors"
	"drillbook/app/exercise"
	"drillbook/app/guideview"
	"drillbook/app/host"
	"drillbook/app/picker"
	"drillbook/app/reportsview"
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
	bg      func(work func(ctx context.Context, progress func(done, total int)) error, progress func(done, total int), done func(error)) (cancel func())
	// View: the theme the zoom scales and the zoom state.
	zoom zoomState
}

// New builds the main window for opts. Load failures do not stop the app:
// the demo opens instead and the error is shown, so a broken file is never
// overwritten by accident (the demo is untitled and saves elsewhere).
func New(a fyne.App, opts Options) *UI {
	u := &UI{app: a, picker: &picker.Dialogs{}, prefs: newHistory(a.Preferences()), startTicker: startTicker,
		now: time.Now, bg: background}
	u.ex = exercise.New(u, untitledDir())
	u.win = a.NewWindow(AppName)
	u.win.SetIcon(Icon)
	u.initZoom()
	doc, loadErr := u.initialDocument(opts)
	u.doc = doc
	u.guide = guideview.New(u)
	u.screens = []host.Screen{assessview.Overview(u, u.showGuide), u.guide, editors.Procedure(u), editors.Roles(u), editors.Playbooks(u),
		u.ex.Library(), assessview.Assessment(u), reportsview.New(u)}
	u.build()
	u.win.SetMainMenu(u.mainMenu())
	u.win.SetCloseIntercept(func() {
		u.ex.ConfirmLeave(func() { u.confirmDiscard("closing", func() { u.cleanExit(); u.win.Close() }) })
	})
	// Small enough for a 1280×720 laptop or projector with room for a
	// window manager's title bar and panel: Fyne tells nothing of the
	// screen, and a window never shrinks below its content anyway.
	u.win.Resize(defaultWindowSize)
	u.docChanged()
	if emptyPlan(u.doc.ws) {
		u.showGuide()
	}
	if loadErr != nil {
		u.ShowError(loadErr)
	} else {
		u.offerRecovery(true)
		u.ex.OfferResume()
	}
	return u
}

// Window returns the main window.
func (u *UI) Window() fyne.Window { return u.win }

func (u *UI) initialDocument(opts Options) (*document, error) {
	path := opts.Path
	if !opts.Demo && path == "" {
		path = u.prefs.last()
	}
	if opts.Demo || path == "" {
		return newDocument(plan.Demo(), ""), nil
	}
	ws, err := plan.Load(path)
	if err != nil {
		return newDocument(plan.Demo(), ""), fmt.Errorf("could not open the workspace; showing the demo instead.\n\n%w", err)
	}
	u.prefs.opened(path)
	return newDocument(ws, path), nil
}

func (u *UI) build() {
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
	u.win.SetContent(split)
	u.nav.Select(0)
}

func (u *UI) show(i int) {
	if i < 0 || i >= len(u.screens) {
		return
	}
	u.current = i
	host.ShowIn(u.body, u.screens[i])
}

// docChanged re-validates and redraws after any change to the document
// (edits, load, save).
func (u *UI) docChanged() {
	u.revalidate()
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
	u.docChanged()
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

// save writes the document to its file, asking for one if it has none.
// done reports whether the document was saved.
func (u *UI) save(done func(bool)) {
	if u.doc.path == "" {
		u.saveAs(done)
		return
	}
	done(u.writeTo(u.doc.path))
}

func (u *UI) saveAs(done func(bool)) {
	u.picker.SaveFile(u.win, picker.SuggestedName(u.doc.ws.Organisation.Name), workspaceExts, func(path string) {
		if path == "" {
			done(false)
			return
		}
		done(u.writeTo(path))
	})
}

func (u *UI) writeTo(path string) bool {
	if err := plan.Save(path, u.doc.ws); err != nil {
		// The document stays open and unsaved, so nothing is lost.
		u.ShowError(err)
		return false
	}
	u.doc.path = path
	u.doc.dirty = false
	u.dropRecovery()
	u.ex.DropSavedJournals()
	u.remember(path)
	u.docChanged()
	return true
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
// document open.
func (u *UI) openPath(path string) {
	if path == "" {
		return
	}
	ws, err := plan.Load(path)
	if err != nil {
		var fe *plan.FileError
		if !errors.As(err, &fe) {
			err = fmt.Errorf("%s: %w", path, err)
		}
		u.ShowError(err)
		return
	}
	u.setDocument(newDocument(ws, path))
	u.offerRecovery(false)
}

func (u *UI) openDemo() {
	u.confirmDiscard("opening the demo", func() { u.setDocument(newDocument(plan.Demo(), "")) })
}

func (u *UI) quit() {
	u.ex.ConfirmLeave(func() { u.confirmDiscard("quitting", func() { u.cleanExit(); u.app.Quit() }) })
}

// workspaceExts are the extensions of workspace files.
var workspaceExts = []string{".json"}

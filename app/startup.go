package app

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/assessview"
	"drillbook/app/editors"
	"drillbook/app/exercise"
	"drillbook/app/guideview"
	"drillbook/app/host"
	"drillbook/app/picker"
	"drillbook/app/reportsview"
	"drillbook/plan"
)

// Start-up: the window shows first, with "Opening client.json…" where
// the screens go; the workspace is read, decoded and validated off the UI
// goroutine, once, and the screens fill in when it is ready. Only the
// screen shown is built then (host.Lazy); the others are built when first
// shown. So the first frame comes at a bare window's speed whatever the
// workspace's size (scripts/bench-startup.sh measures it).

// runner runs background work and hands its end back to the UI goroutine:
// background in the app, inline in tests.
type runner func(work func(ctx context.Context, progress func(done, total int)) error, progress func(done, total int), done func(error)) (cancel func())

// inline runs work on the caller's goroutine.
func inline(work func(ctx context.Context, progress func(done, total int)) error, progress func(done, total int), done func(error)) func() {
	done(work(context.Background(), progress))
	return func() {}
}

// New builds the main window for opts and opens its workspace before it
// returns (Run opens it in the background instead). Load failures do not
// stop the app: the demo opens instead and the error is shown, so a
// broken file is never overwritten by accident (the demo is untitled and
// saves elsewhere).
func New(a fyne.App, opts Options) *UI {
	u := newWindow(a)
	u.open(opts, inline, func() {})
	return u
}

// newWindow makes the main window, empty until open fills it.
func newWindow(a fyne.App) *UI {
	u := &UI{app: a, picker: &picker.Dialogs{}, prefs: newHistory(a.Preferences()), startTicker: startTicker,
		now: time.Now, bg: background}
	u.ex = exercise.New(u, untitledDir())
	u.win = a.NewWindow(AppName)
	u.win.SetIcon(Icon)
	u.initZoom()
	u.root = container.NewStack()
	u.win.SetContent(u.root)
	u.win.SetCloseIntercept(func() {
		if u.doc == nil { // still opening: nothing to save
			u.win.Close()
			return
		}
		u.ex.ConfirmLeave(func() { u.confirmDiscard("closing", func() { u.cleanExit(); u.win.Close() }) })
	})
	// Small enough for a 1280×720 laptop or projector with room for a
	// window manager's title bar and panel: Fyne tells nothing of the
	// screen, and a window never shrinks below its content anyway.
	u.win.Resize(defaultWindowSize)
	return u
}

// Window returns the main window.
func (u *UI) Window() fyne.Window { return u.win }

// open shows the loading state, loads the workspace opts names through
// run and then fills the window; then runs after that, on the UI
// goroutine.
func (u *UI) open(opts Options, run runner, then func()) {
	path := opts.Path
	if !opts.Demo && path == "" {
		path = u.prefs.last()
	}
	what := "the demo workspace"
	if path != "" && !opts.Demo {
		what = filepath.Base(path)
	}
	loading := widget.NewLabel("Opening " + what + "…")
	u.root.Objects = []fyne.CanvasObject{container.NewCenter(loading)}
	u.root.Refresh()
	var doc *document
	var loadErr error
	run(host.GuardTask("Opening the workspace", func(context.Context, func(int, int)) error {
		doc, loadErr = loadInitial(path, opts.Demo)
		return nil
	}, func(int, int) {}, func(err error) {
		if err != nil { // a panic while loading
			doc, loadErr = newDocument(plan.Demo(), ""), err
		}
		u.opened(doc, loadErr)
		then()
	}, u.ShowError))
}

// loadInitial reads and validates the workspace at path, or makes the
// demo. It runs off the UI goroutine.
func loadInitial(path string, demo bool) (*document, error) {
	if demo || path == "" {
		return newDocument(plan.Demo(), ""), nil
	}
	ws, err := plan.Load(path)
	if err != nil {
		return newDocument(plan.Demo(), ""), fmt.Errorf("could not open the workspace; showing the demo instead.\n\n%w", err)
	}
	return newDocument(ws, path), nil
}

// opened shows the document loaded at start-up: it builds the navigation
// and the first screen, the menus, and offers recovery and resumption.
func (u *UI) opened(doc *document, loadErr error) {
	u.doc = doc
	if doc.path != "" {
		u.prefs.opened(doc.path)
	}
	u.guide = host.Lazy("Guide", theme.HelpIcon(), func() host.Screen { return guideview.New(u) })
	u.screens = []host.Screen{
		host.Lazy("Overview", theme.HomeIcon(), func() host.Screen { return assessview.Overview(u, u.showGuide) }),
		u.guide,
		host.Lazy("Procedure", theme.DocumentIcon(), func() host.Screen { return editors.Procedure(u) }),
		host.Lazy("Roles & escalation", theme.AccountIcon(), func() host.Screen { return editors.Roles(u) }),
		host.Lazy("Playbooks", theme.FileTextIcon(), func() host.Screen { return editors.Playbooks(u) }),
		host.Lazy("Scenarios", theme.ListIcon(), u.ex.Library),
		host.Lazy("Assessment", theme.InfoIcon(), func() host.Screen { return assessview.Assessment(u) }),
		host.Lazy("Reports", theme.DocumentPrintIcon(), func() host.Screen { return reportsview.New(u) }),
	}
	first := 0
	if emptyPlan(u.doc.ws) {
		first = slices.Index(u.screens, u.guide)
	}
	u.build(first)
	u.win.SetMainMenu(u.mainMenu())
	u.win.SetTitle(u.doc.title())
	if loadErr != nil {
		u.ShowError(loadErr)
	} else {
		u.offerRecovery(true)
		u.ex.OfferResume()
	}
}

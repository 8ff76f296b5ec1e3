package uitest

import (
	"context"
	"slices"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"

	"drillbook/app/host"
	"drillbook/app/picker"
	"drillbook/plan"
	"drillbook/scenarios"
)

// Start is the tests' date and time: the fake clock starts here.
var Start = time.Date(2026, 11, 24, 9, 0, 0, 0, time.UTC)

// Host is a host.Host for testing screens without the main window: a
// test app window showing one screen at a time, a document, the undo
// history, a fake clock, a Picker and inline background work. Edits,
// undo and go-to reach the screens as they do in the main window (the
// same host helpers dispatch them).
type Host struct {
	App     fyne.App
	Win     fyne.Window
	WS      *plan.Workspace
	Path    string // the document's file, "" when untitled
	Dirty   bool
	Screens []host.Screen
	Current int
	History host.History
	Clock   *scenarios.FakeClock // time for undo coalescing, Today and runs
	Pick    *Picker              // answers file dialogs ...
	Files   picker.FilePicker    // ... unless a test puts the real ones here
	// StartTick starts the exercise clock's ticker; nil: nothing ticks.
	StartTick func(tick func()) host.Ticker
	// BG runs background work; Inline unless a test replaces it.
	BG func(work func(ctx context.Context, progress func(done, total int)) error, progress func(done, total int), done func(error)) (cancel func())

	problems plan.Problems
	index    host.ProblemIndex
	gen      int
	body     *fyne.Container
}

// NewHost opens ws (the demo when nil) in a test app window.
func NewHost(t testing.TB, ws *plan.Workspace) *Host {
	t.Helper()
	if ws == nil {
		ws = plan.Demo()
	}
	a := test.NewTempApp(t)
	h := &Host{App: a, WS: ws, Clock: scenarios.NewFakeClock(Start), Pick: &Picker{}, BG: Inline}
	h.Files = h.Pick
	h.body = container.NewStack()
	h.Win = a.NewWindow("test")
	h.Win.SetContent(h.body)
	h.Win.Resize(fyne.NewSize(1200, 780))
	t.Cleanup(func() { h.Win.Close() })
	h.revalidate()
	return h
}

// Show puts the screens in the navigation and shows the first.
func (h *Host) Show(screens ...host.Screen) {
	h.Screens = screens
	h.Current = -1
	h.Select(0)
}

// Select shows screen i, as the navigation does: selecting the screen
// shown does nothing.
func (h *Host) Select(i int) {
	if i == h.Current {
		return
	}
	h.Current = i
	host.ShowIn(h.body, h.Screens[i])
}

// Open replaces the document, as opening another workspace does.
func (h *Host) Open(ws *plan.Workspace, path string) {
	h.WS, h.Path, h.Dirty = ws, path, false
	h.History = host.History{}
	h.gen++
	h.revalidate()
	h.Screens[h.Current].Refresh()
}

// Undo and Redo are the Edit menu's.
func (h *Host) Undo() { h.afterUndoRedo(h.History.Undo()) }
func (h *Host) Redo() { h.afterUndoRedo(h.History.Redo()) }

func (h *Host) afterUndoRedo(e host.Edit, ok bool) {
	if !ok {
		return
	}
	h.changed()
	host.ShowUndone(h, h.Screens[h.Current], e.Path)
}

func (h *Host) changed() {
	h.Dirty = true
	h.gen++
	h.revalidate()
}

func (h *Host) revalidate() {
	h.problems = h.WS.Validate()
	h.index.Reset()
}

// The host.Host methods.

func (h *Host) Workspace() *plan.Workspace { return h.WS }
func (h *Host) Problems() plan.Problems    { return h.problems }
func (h *Host) ProblemLevel(itemPath string) (plan.Level, bool) {
	return h.index.Level(h.problems, itemPath)
}
func (h *Host) Generation() int { return h.gen }

func (h *Host) Change(e host.Edit) {
	h.History.Apply(e, h.Clock.Now())
	h.changed()
	host.FollowEdit(h.Screens[h.Current], e.Path)
}

func (h *Host) Touched() { h.Dirty = true; h.gen++ }

func (h *Host) Edited() {
	h.changed()
	h.Screens[h.Current].Refresh()
}

func (h *Host) Window() fyne.Window       { return h.Win }
func (h *Host) ShowError(err error)       { dialog.ShowError(err, h.Win) }
func (h *Host) Picker() picker.FilePicker { return h.Files }
func (h *Host) Today() plan.Date          { return plan.DateOf(h.Clock.Now()) }

func (h *Host) CanGoTo(path string) bool { return host.Showing(h.Screens, path) >= 0 }

func (h *Host) GoTo(path string) {
	if i := host.Showing(h.Screens, path); i >= 0 {
		h.Select(i)
		h.Screens[i].(host.PathShower).ShowPath(path)
	}
}

func (h *Host) RunTask(what string, work host.Work, progress func(done, total int), done func(error)) (cancel func()) {
	return h.BG(host.GuardTask(what, work, progress, done, h.ShowError))
}

// The exercise.Shell methods.

func (h *Host) DocumentPath() string { return h.Path }
func (h *Host) Unsaved() bool        { return h.Dirty }

func (h *Host) AddScreen(s host.Screen) {
	h.Screens = append(h.Screens, s)
	h.Select(len(h.Screens) - 1)
}

func (h *Host) RemoveScreen(s host.Screen) {
	h.Screens = slices.DeleteFunc(h.Screens, func(x host.Screen) bool { return x == s })
	h.Select(0)
}

func (h *Host) StartTicker(tick func()) host.Ticker {
	if h.StartTick == nil {
		return nil
	}
	return h.StartTick(tick)
}

package app

import (
	"os"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/app/widgets"
)

// The tests' short names for uitest's finders, on the main window.

func find[T fyne.CanvasObject](o fyne.CanvasObject, match func(T) bool) (T, bool) {
	return uitest.Find(o, match)
}

func button(t *testing.T, o fyne.CanvasObject, label string) *widget.Button {
	t.Helper()
	return uitest.Button(t, o, label)
}

func topOverlay(t *testing.T, u *UI) fyne.CanvasObject {
	t.Helper()
	return uitest.TopOverlay(t, u.win)
}

func texts(o fyne.CanvasObject) []string { return uitest.Texts(o) }

func shownDialog(u *UI) string { return uitest.ShownDialog(u.win) }

// screenNamed shows the screen with the title, as a click in the
// navigation does, and returns its index.
func screenNamed(t testing.TB, u *UI, title string) int {
	t.Helper()
	for i, s := range u.screens {
		if s.Title() == title {
			u.nav.Select(i)
			return i
		}
	}
	t.Fatalf("no %q screen", title)
	return -1
}

// tabsOf is the tabs an editor screen shows its parts in (nil for a
// screen of one part).
func tabsOf(o fyne.CanvasObject) *container.AppTabs {
	tabs, _ := o.(*container.AppTabs)
	return tabs
}

// openEditor shows a tab of an editor screen and returns what it shows.
func openEditor(t testing.TB, u *UI, screenTitle, tab string) fyne.CanvasObject {
	t.Helper()
	s := u.screens[screenNamed(t, u, screenTitle)]
	tabs := tabsOf(s.Object())
	if tabs == nil {
		return s.Object()
	}
	for i, it := range tabs.Items {
		if it.Text == tab {
			tabs.SelectIndex(i)
			return it.Content
		}
	}
	t.Fatalf("%s has no %q tab", screenTitle, tab)
	return nil
}

// selectItem selects item i of the list editor shown in o (its first list).
func selectItem(t testing.TB, o fyne.CanvasObject, i int) {
	t.Helper()
	l, ok := uitest.Find(o, func(*widgets.KeyList) bool { return true })
	if !ok {
		t.Fatal("no list")
	}
	l.Select(i)
}

// shownID is the ID a list editor's form in o shows: which item it edits.
func shownID(t *testing.T, o fyne.CanvasObject) string {
	t.Helper()
	return uitest.Input[*widget.Label](t, o, "ID").Text
}

// undoItem and redoItem are the Edit menu's items, which Ctrl+Z and
// Ctrl+Shift+Z trigger.
func undoItem(t *testing.T, u *UI) *fyne.MenuItem { return editMenuItem(t, u, 0) }
func redoItem(t *testing.T, u *UI) *fyne.MenuItem { return editMenuItem(t, u, 1) }

func editMenuItem(t *testing.T, u *UI, i int) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.win.MainMenu().Items {
		if m.Label == "Edit" {
			return m.Items[i]
		}
	}
	t.Fatal("no Edit menu")
	return nil
}

// orgField is the overview's entry for an organisation field ("Sector").
func orgField(t *testing.T, u *UI, label string) *widget.Entry {
	t.Helper()
	return uitest.Input[*widget.Entry](t, u.screens[0].Object(), label)
}

// problemsTitle is the overview's line counting validation problems.
func problemsTitle(t *testing.T, u *UI) *widget.Label {
	t.Helper()
	l, ok := find(u.screens[0].Object(), func(l *widget.Label) bool { return strings.HasPrefix(l.Text, "Validation:") })
	if !ok {
		t.Fatal("no validation line on the overview")
	}
	return l
}

func fileExists(path string) bool {
	_, err := os.Lstat(path)
	return err == nil
}

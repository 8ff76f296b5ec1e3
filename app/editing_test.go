package app

import (
	"image/color"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/app/widgets"
	"drillbook/plan"
)

// editorUI is a test UI on the demo with a controllable edit clock.
func editorUI(t *testing.T) (*UI, *time.Time) {
	t.Helper()
	u, _ := exerciseUI(t, Options{Demo: true})
	now := start
	u.now = func() time.Time { return now }
	return u, &now
}

func TestTypingCoalescesIntoOneUndoStep(t *testing.T) {
	u, now := editorUI(t)
	people := openEditor(t, u, "Roles & escalation", "People")
	selectItem(t, people, 2)
	name := uitest.Input[*widget.Entry](t, people, "Name")
	orig := u.doc.ws.People[2].Name
	if name.Text != orig {
		t.Fatalf("the form shows %q, not person 2", name.Text)
	}

	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(name, "abc") // three keystrokes within the window
	if u.doc.ws.People[2].Name != orig+"abc" {
		t.Fatalf("typing did not reach the plan: %q", u.doc.ws.People[2].Name)
	}
	if u.undo.Steps() != 1 || u.undo.UndoLabel() != "Undo edit name" {
		t.Fatalf("%d undo steps, label %q", u.undo.Steps(), u.undo.UndoLabel())
	}
	*now = now.Add(2 * time.Second) // a pause: the next typing is a new step
	test.Type(name, "d")
	if u.undo.Steps() != 2 {
		t.Fatalf("a pause did not start a new step: %d", u.undo.Steps())
	}
	u.undoLast()
	if u.doc.ws.People[2].Name != orig+"abc" || name.Text != orig+"abc" {
		t.Fatalf("first undo: plan %q, field %q", u.doc.ws.People[2].Name, name.Text)
	}
	u.undoLast()
	if u.doc.ws.People[2].Name != orig || name.Text != orig {
		t.Fatalf("second undo: plan %q, field %q", u.doc.ws.People[2].Name, name.Text)
	}
	u.redoLast()
	u.redoLast()
	if u.doc.ws.People[2].Name != orig+"abcd" {
		t.Fatalf("redo: %q", u.doc.ws.People[2].Name)
	}
	// A new edit clears the redo stack.
	u.undoLast()
	name.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEnd})
	test.Type(name, "x")
	if u.undo.CanRedo() {
		t.Error("redo still possible after a new edit")
	}
}

func TestUndoFromEditMenuAndShortcuts(t *testing.T) {
	u, _ := editorUI(t)
	sev := openEditor(t, u, "Procedure", "Severities")
	var undo, redo *fyne.MenuItem
	for _, m := range u.win.MainMenu().Items {
		if m.Label == "Edit" {
			undo, redo = m.Items[0], m.Items[1]
		}
	}
	if undo == nil || !undo.Disabled || !redo.Disabled {
		t.Fatal("Edit menu missing or Undo enabled with nothing to undo")
	}
	// Ctrl+Z is Fyne's Undo shortcut: the window gives the main menu
	// priority over a focused entry, so it reaches the app's undo.
	if undo.Shortcut.ShortcutName() != (&fyne.ShortcutUndo{}).ShortcutName() || redo.Shortcut.ShortcutName() != "CustomDesktop:Shift+Control+Z" {
		t.Fatalf("shortcuts %q / %q", undo.Shortcut.ShortcutName(), redo.Shortcut.ShortcutName())
	}
	selectItem(t, sev, 0)
	ack := uitest.Input[*widget.Entry](t, sev, "Acknowledge within")
	ack.SetText("10m")
	if u.doc.ws.Severities[0].Targets.Acknowledge != 10*plan.Minute {
		t.Fatal("duration not stored")
	}
	ack.SetText("ten minutes") // not a duration: flagged, not stored
	if u.doc.ws.Severities[0].Targets.Acknowledge != 10*plan.Minute || ack.Validate() == nil {
		t.Fatal("an invalid duration was stored or not flagged")
	}
	if undo.Disabled || undo.Label != "Undo edit acknowledge within" {
		t.Fatalf("menu item %q disabled=%v", undo.Label, undo.Disabled)
	}
	u.win.Canvas().Unfocus()
	undo.Action()
	if u.doc.ws.Severities[0].Targets.Acknowledge != 5*plan.Minute || ack.Text != "5m" {
		t.Fatalf("undo from the menu: %s, field %q", u.doc.ws.Severities[0].Targets.Acknowledge, ack.Text)
	}
	if redo.Disabled {
		t.Fatal("redo not enabled after undo")
	}
	redo.Action()
	if u.doc.ws.Severities[0].Targets.Acknowledge != 10*plan.Minute {
		t.Fatal("redo from the menu")
	}
}

func TestUndoShowsTheChangeOnItsScreen(t *testing.T) {
	u, _ := editorUI(t)
	suppliers := openEditor(t, u, "Procedure", "Third parties")
	selectItem(t, suppliers, 3)
	uitest.Input[*widget.Entry](t, suppliers, "Name").SetText("Renamed supplier")
	screenNamed(t, u, "Overview")
	u.undoLast()
	if s := u.screens[u.current]; s.Title() != "Procedure" || tabsOf(s.Object()).Selected().Text != "Third parties" || shownID(t, suppliers) != u.doc.ws.ThirdParties[3].ID {
		t.Fatalf("undo did not show the change: screen %q, form of %q", u.screens[u.current].Title(), shownID(t, suppliers))
	}
	if u.doc.ws.ThirdParties[3].Name == "Renamed supplier" {
		t.Fatal("not undone")
	}
}

func TestOverviewProblemGoesToField(t *testing.T) {
	u, _ := editorUI(t)
	people := openEditor(t, u, "Roles & escalation", "People")
	selectItem(t, people, 5)
	uitest.Input[*widget.Entry](t, people, "Name").SetText("")
	screenNamed(t, u, "Overview")
	i := slices.IndexFunc(u.doc.problems, func(p plan.Problem) bool { return p.Path == "people[5].name" })
	if i < 0 {
		t.Fatalf("no problem for the empty name: %v", u.doc.problems)
	}
	selectItem(t, people, 0) // elsewhere, so the jump has to select the person
	problems, _ := find(u.screens[u.current].Object(), func(*widgets.KeyList) bool { return true })
	problems.Select(i)
	if u.screens[u.current].Title() != "Roles & escalation" || shownID(t, people) != u.doc.ws.People[5].ID {
		t.Fatalf("went to %q, person %q", u.screens[u.current].Title(), shownID(t, people))
	}
	row := uitest.Row(t, people, "Name")
	if u.win.Canvas().Focused() != row.Input.(fyne.Focusable) {
		t.Error("the name field is not focused")
	}
	if row.Glow.FillColor == color.Transparent {
		t.Error("the field is not highlighted")
	}
	if !row.Note.Visible() || !strings.Contains(row.Note.Text, "Name is required") {
		t.Errorf("problem not beside the field: %q", row.Note.Text)
	}
}

// The editors' own test of go-to paths covers their screens; the
// organisation's fields are on the overview.
func TestGoToOrganisationShowsTheOverview(t *testing.T) {
	u, _ := editorUI(t)
	screenNamed(t, u, "Procedure")
	if !u.CanGoTo("organisation.name") {
		t.Fatal("cannot go to organisation.name")
	}
	u.GoTo("organisation.name")
	if s := u.screens[u.current]; s.Title() != "Overview" {
		t.Fatalf("organisation.name: went to %s", s.Title())
	}
}

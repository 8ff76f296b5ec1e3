package app

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/plan"
)

// guidePage shows the guide page for a question ID and returns its editor.
func guidePageFor(t *testing.T, u *UI, id string) (*guide, part) {
	t.Helper()
	g := openScreen[*guide](t, u, "Guide")
	for i, q := range g.questions {
		if q.ID == id {
			g.go_(i)
			return g, g.currentPart()
		}
	}
	t.Fatalf("no guide question %q", id)
	return nil, nil
}

// The crash: Guide → 2.1 Who responds → set a cell → Ctrl+Z. The
// guide redrew the table before the matrix re-read the responsibilities,
// so a cell looked up the index of the entry undo had just removed.
func TestGuideMatrixUndoAfterSettingACell(t *testing.T) {
	u, _ := editorUI(t)
	_, p := guidePageFor(t, u, "responders")
	m := p.(*matrixPart)
	ws := u.doc.ws
	row, col := -1, -1
	for r := range ws.IncidentTypes {
		for c := range ws.Roles {
			if row < 0 && m.code(r, c) == "" {
				row, col = r, c
			}
		}
	}
	n := len(ws.Responsibilities)
	m.table.Select(widget.TableCellID{Row: row, Col: col})
	test.Tap(button(t, m.root, "R"))
	if len(u.doc.ws.Responsibilities) != n+1 {
		t.Fatalf("R not set: %d entries", len(u.doc.ws.Responsibilities))
	}
	undoItem(t, u).Action() // Ctrl+Z
	if len(u.doc.ws.Responsibilities) != n || m.code(row, col) != "" {
		t.Fatalf("undo: %d entries, cell %q", len(u.doc.ws.Responsibilities), m.code(row, col))
	}
	redoItem(t, u).Action()
	if m.code(row, col) != plan.Responsible {
		t.Fatalf("redo: cell %q", m.code(row, col))
	}
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

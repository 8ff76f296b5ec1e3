package guideview

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/form"
	"drillbook/app/internal/uitest"
	"drillbook/plan"
)

// guidePageFor shows the guide page for a question ID and returns its
// editor.
func guidePageFor(t *testing.T, h *uitest.Host, id string) (*guide, form.Part) {
	t.Helper()
	g := openGuide(h)
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
// so a cell looked up the index of the entry undo had just removed. The
// matrix shows the selected cell's code beside its buttons ("Type ×
// Role: R"), read through the same index as the cells.
func TestGuideMatrixUndoAfterSettingACell(t *testing.T) {
	h := guideHost(t, nil)
	_, p := guidePageFor(t, h, "responders")
	ws := h.WS
	row, col := -1, -1
	for r, typ := range ws.IncidentTypes {
		for c, role := range ws.Roles {
			if row < 0 && !slices.ContainsFunc(ws.Responsibilities, func(x plan.Responsibility) bool { return x.IncidentType == typ.ID && x.Role == role.ID }) {
				row, col = r, c
			}
		}
	}
	table, ok := uitest.Find(p.Object(), func(*widget.Table) bool { return true })
	if !ok {
		t.Fatal("no matrix on the page")
	}
	cell, _ := uitest.Find(p.Object(), func(l *widget.Label) bool { return strings.Contains(l.Text, "Select a cell") })
	code := func() string { return cell.Text[strings.LastIndex(cell.Text, ": ")+2:] }
	n := len(ws.Responsibilities)
	table.Select(widget.TableCellID{Row: row, Col: col})
	if code() != "none" {
		t.Fatalf("the empty cell shows %q", cell.Text)
	}
	test.Tap(uitest.Button(t, p.Object(), "R"))
	if len(h.WS.Responsibilities) != n+1 || code() != "R" {
		t.Fatalf("R not set: %d entries, cell %q", len(h.WS.Responsibilities), cell.Text)
	}
	h.Undo() // Ctrl+Z
	if len(h.WS.Responsibilities) != n || code() != "none" {
		t.Fatalf("undo: %d entries, cell %q", len(h.WS.Responsibilities), cell.Text)
	}
	h.Redo()
	if code() != "R" {
		t.Fatalf("redo: cell %q", cell.Text)
	}
}

package widgets

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestKeyListSelectsWithEnter(t *testing.T) {
	var got = -1
	l := NewKeyList(func() int { return 3 }, func() fyne.CanvasObject { return widget.NewLabel("") }, func(widget.ListItemID, fyne.CanvasObject) {})
	l.OnSelected = func(id widget.ListItemID) { got = id }
	w := test.NewTempWindow(t, l)
	w.Resize(fyne.NewSize(200, 200))
	w.Canvas().Focus(l)
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyDown})
	l.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if got != 1 {
		t.Fatalf("Enter selected %d", got)
	}
}

// A selection made before the list is laid out is scrolled to once it
// is: the first row stays at the top, a later one comes into view.
func TestKeyListSelectionBeforeLayoutIsShown(t *testing.T) {
	newList := func() *KeyList {
		return NewKeyList(func() int { return 40 }, func() fyne.CanvasObject { return widget.NewLabel("row") }, func(widget.ListItemID, fyne.CanvasObject) {})
	}
	first := newList()
	first.Select(0)
	w := test.NewTempWindow(t, first)
	w.Resize(fyne.NewSize(200, 300))
	if off := first.GetScrollOffset(); off != 0 {
		t.Fatalf("row 0 selected before layout: scrolled to %v, want 0", off)
	}
	late := newList()
	late.Select(30)
	w2 := test.NewTempWindow(t, late)
	w2.Resize(fyne.NewSize(200, 300))
	row := widget.NewLabel("row").MinSize().Height
	if off := late.GetScrollOffset(); off < 20*row || off > 40*row {
		t.Fatalf("row 30 selected before layout: scrolled to %v (row height %v)", off, row)
	}
}

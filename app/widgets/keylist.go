package widgets

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// KeyList is a list that also selects the focused row with Enter, as
// desktop lists do (Fyne's list selects with Space only).
// It also scrolls the selection into view once it has a size: Fyne's
// ScrollTo before the first layout scrolls against a zero-height view, so
// a guide opened at 1.1 showed 1.2 at the top.
type KeyList struct {
	widget.List
	unshown widget.ListItemID // selected before the list had a height; -1: none
}

// NewKeyList is widget.NewList for a KeyList.
func NewKeyList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *KeyList {
	l := &KeyList{unshown: -1}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

// TypedKey is part of fyne.Focusable: Enter and Return act as Space.
func (l *KeyList) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		ev = &fyne.KeyEvent{Name: fyne.KeySpace}
	}
	l.List.TypedKey(ev)
}

// Select selects the row and scrolls to it, now or once the list is laid
// out.
func (l *KeyList) Select(id widget.ListItemID) {
	if l.Size().Height <= 0 {
		l.unshown = id
	}
	l.List.Select(id)
}

// Resize is part of fyne.Widget: the first real size scrolls a selection
// made before it into view.
func (l *KeyList) Resize(s fyne.Size) {
	l.List.Resize(s)
	if id := l.unshown; id >= 0 && s.Height > 0 {
		l.unshown = -1
		if id == 0 {
			l.ScrollToTop()
		} else {
			l.ScrollTo(id)
		}
	}
}

// TightVBox stacks a row's two lines without the theme's padding between
// them, so two-line rows stay compact.
type TightVBox struct{}

// MinSize is part of fyne.Layout.
func (TightVBox) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var s fyne.Size
	for _, o := range objs {
		m := o.MinSize()
		s.Width = max(s.Width, m.Width)
		s.Height += m.Height - theme.Padding()
	}
	return s
}

// Layout is part of fyne.Layout.
func (TightVBox) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	y := float32(0)
	for _, o := range objs {
		h := o.MinSize().Height - theme.Padding()
		o.Move(fyne.NewPos(0, y-theme.Padding()/2))
		o.Resize(fyne.NewSize(size.Width, h+theme.Padding()))
		y += h
	}
}

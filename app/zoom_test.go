package app

import (
	"testing"

	"fyne.io/fyne/v2/theme"
)

func TestZoomAndPresentationModeAreRemembered(t *testing.T) {
	u, _ := editorUI(t)
	base := u.zoom.base.Size(theme.SizeNameText)
	text := func() float32 { return u.app.Settings().Theme().Size(theme.SizeNameText) }
	if text() != base {
		t.Fatalf("starts zoomed: %v vs %v", text(), base)
	}
	u.zoomBy(1)
	u.zoomBy(1)
	if got, want := text(), base*1.2; got < want-0.01 || got > want+0.01 {
		t.Fatalf("zoom in twice: %v, want %v", got, want)
	}
	u.togglePresentation()
	if got, want := text(), base*1.2*presentationScale; got < want-0.01 || got > want+0.01 {
		t.Fatalf("presentation: %v, want %v", got, want)
	}
	var checked bool
	for _, m := range u.win.MainMenu().Items {
		if m.Label == "View" {
			checked = m.Items[0].Checked
			if m.Items[2].Shortcut.ShortcutName() != "CustomDesktop:Control+=" || m.Items[3].Shortcut.ShortcutName() != "CustomDesktop:Control+-" {
				t.Errorf("zoom shortcuts %s %s", m.Items[2].Shortcut.ShortcutName(), m.Items[3].Shortcut.ShortcutName())
			}
		}
	}
	if !checked {
		t.Error("Presentation mode not checked in the View menu")
	}
	// A new window of the app starts as the last one was left.
	u2 := New(u.app, Options{Demo: true})
	defer u2.win.Close()
	if u2.zoom.level < 1.19 || u2.zoom.level > 1.21 || !u2.zoom.presentation {
		t.Fatalf("not remembered: %+v", u2.zoom)
	}
	u2.zoomBy(0)
	u2.togglePresentation()
	if text() != base {
		t.Fatalf("actual size: %v", text())
	}
	for range 20 {
		u2.zoomBy(-1)
	}
	if u2.zoom.level != minZoom {
		t.Fatalf("zoomed below the minimum: %v", u2.zoom.level)
	}
}

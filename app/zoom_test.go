package app

import (
	"image/color"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"drillbook/app/widgets"
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

// viewItem is the View menu's item with the label.
func viewItem(t *testing.T, u *UI, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.win.MainMenu().Items {
		if m.Label == "View" {
			for _, it := range m.Items {
				if it.Label == label {
					return it
				}
			}
		}
	}
	t.Fatalf("no %q in the View menu", label)
	return nil
}

func TestLightThemeIsChosenInTheViewMenuAndRemembered(t *testing.T) {
	u, _ := editorUI(t)
	bg := func() color.Color {
		return u.app.Settings().Theme().Color(theme.ColorNameBackground, u.app.Settings().ThemeVariant())
	}
	dark := bg()
	if viewItem(t, u, "Light theme (high contrast)").Checked {
		t.Fatal("starts light")
	}
	viewItem(t, u, "Light theme (high contrast)").Action()
	if got := bg(); got != color.White || got == dark {
		t.Fatalf("light theme background %v (was %v)", got, dark)
	}
	if !viewItem(t, u, "Light theme (high contrast)").Checked {
		t.Error("light theme not checked in the View menu")
	}
	// Zoom and presentation keep the colours and scale the sizes.
	u.togglePresentation()
	if bg() != color.White || u.app.Settings().Theme().Size(theme.SizeNameText) <= theme.DefaultTheme().Size(theme.SizeNameText) {
		t.Error("presentation mode lost the light theme or its zoom")
	}
	u.togglePresentation()
	// The participants' window follows the chosen colours at its own size.
	if widgets.AppColours().Color(theme.ColorNameForeground, 0) != color.Black {
		t.Error("the participants' window's colours do not follow the light theme")
	}
	// A new window starts light, and can go back to the system's theme.
	u2 := New(u.app, Options{Demo: true})
	defer u2.win.Close()
	if !u2.zoom.light || bg() != color.White {
		t.Fatal("the light theme is not remembered")
	}
	// Its "system" theme is Fyne's default: the app's own was replaced by
	// the light one before it opened (the first window's was the test
	// theme).
	viewItem(t, u2, "Light theme (high contrast)").Action()
	if want := theme.DefaultTheme().Color(theme.ColorNameBackground, u.app.Settings().ThemeVariant()); bg() != want {
		t.Errorf("back to the system theme: background %v, want %v", bg(), want)
	}
	if u3 := New(u.app, Options{Demo: true}); u3.zoom.light {
		t.Error("the system theme is not remembered")
	} else {
		u3.win.Close()
	}
}

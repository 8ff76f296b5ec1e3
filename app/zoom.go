package app

import (
	"math"

	"fyne.io/fyne/v2"
)

// Zoom: a theme wrapper scales every size of the app's theme (text,
// padding, icons), like bigTheme does for the participants' window, so
// the whole window grows in proportion for a projector. Colours and
// light/dark still come from the wrapped theme, which follows the
// system. Presentation mode multiplies the zoom by presentationScale.
// Both are remembered in the preferences.

const (
	prefZoom          = "viewZoom"
	prefPresentation  = "viewPresentation"
	presentationScale = 1.25
	zoomStep          = 0.1
	minZoom, maxZoom  = 0.7, 2.0
)

// zoomTheme scales the sizes of the theme it wraps.
type zoomTheme struct {
	fyne.Theme
	scale float32
}

func (t zoomTheme) Size(n fyne.ThemeSizeName) float32 { return t.Theme.Size(n) * t.scale }

// zoomState is the view's zoom and the theme it scales.
type zoomState struct {
	base         fyne.Theme
	level        float64 // 1 is normal size
	presentation bool
}

// scale is the factor applied to the theme.
func (z zoomState) scale() float32 {
	s := z.level
	if z.presentation {
		s *= presentationScale
	}
	return float32(s)
}

// initZoom restores the zoom remembered from the last session.
func (u *UI) initZoom() {
	p := u.app.Preferences()
	u.zoom = zoomState{base: u.app.Settings().Theme(), level: p.FloatWithFallback(prefZoom, 1), presentation: p.Bool(prefPresentation)}
	if u.zoom.level < minZoom || u.zoom.level > maxZoom {
		u.zoom.level = 1
	}
	if b, ok := u.zoom.base.(zoomTheme); ok { // a second window of the same app
		u.zoom.base = b.Theme
	}
	u.applyZoom()
}

func (u *UI) applyZoom() {
	s := u.zoom.scale()
	if s == 1 {
		u.app.Settings().SetTheme(u.zoom.base)
	} else {
		u.app.Settings().SetTheme(zoomTheme{u.zoom.base, s})
	}
	p := u.app.Preferences()
	p.SetFloat(prefZoom, u.zoom.level)
	p.SetBool(prefPresentation, u.zoom.presentation)
}

// zoomBy changes the zoom by steps (+1 larger, -1 smaller, 0 back to 1).
func (u *UI) zoomBy(steps int) {
	if steps == 0 {
		u.zoom.level = 1
	} else {
		l := math.Round((u.zoom.level+float64(steps)*zoomStep)*10) / 10
		u.zoom.level = min(maxZoom, max(minZoom, l))
	}
	u.applyZoom()
}

func (u *UI) togglePresentation() {
	u.zoom.presentation = !u.zoom.presentation
	u.applyZoom()
	u.win.SetMainMenu(u.mainMenu()) // the menu item shows the check mark
}

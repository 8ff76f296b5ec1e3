package app

import (
	"math"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"drillbook/app/widgets"
)

// Zoom: a theme wrapper scales every size of the app's theme (text,
// padding, icons), like bigTheme does for the participants' window, so
// the whole window grows in proportion for a projector. Colours come from
// the wrapped theme: the system's (dark by default) or, chosen in the
// View menu, widgets.HighContrastLight for a projector in a lit room.
// Presentation mode multiplies the zoom by presentationScale, which keeps
// a 1280×720 screen roomy enough for every screen. All three are
// remembered in the preferences.

const (
	prefZoom          = "viewZoom"
	prefPresentation  = "viewPresentation"
	prefLightTheme    = "viewLightTheme"
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
	base         fyne.Theme // the colours shown: system or light
	system       fyne.Theme // the app's theme before any of ours
	light        bool       // the high-contrast light theme is chosen
	level        float64    // 1 is normal size
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
	u.zoom = zoomState{system: u.app.Settings().Theme(), level: p.FloatWithFallback(prefZoom, 1),
		presentation: p.Bool(prefPresentation), light: p.Bool(prefLightTheme)}
	if u.zoom.level < minZoom || u.zoom.level > maxZoom {
		u.zoom.level = 1
	}
	// A second window of the same app finds the first one's theme.
	if b, ok := u.zoom.system.(zoomTheme); ok {
		u.zoom.system = b.Theme
	}
	if u.zoom.system == widgets.HighContrastLight() {
		u.zoom.system = theme.DefaultTheme()
	}
	u.applyZoom()
}

// toggleLightTheme switches between the system's theme and the light,
// high-contrast one.
func (u *UI) toggleLightTheme() {
	u.zoom.light = !u.zoom.light
	u.applyZoom()
	u.win.SetMainMenu(u.mainMenu()) // the menu item shows the check mark
}

func (u *UI) applyZoom() {
	u.zoom.base = u.zoom.system
	if u.zoom.light {
		u.zoom.base = widgets.HighContrastLight()
	}
	s := u.zoom.scale()
	if s == 1 {
		u.app.Settings().SetTheme(u.zoom.base)
	} else {
		u.app.Settings().SetTheme(zoomTheme{u.zoom.base, s})
	}
	p := u.app.Preferences()
	p.SetFloat(prefZoom, u.zoom.level)
	p.SetBool(prefPresentation, u.zoom.presentation)
	p.SetBool(prefLightTheme, u.zoom.light)
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

package widgets

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// HighContrastLight is a light theme for projectors in lit rooms: black
// text on white, and the colours Fyne's light theme keeps faint (disabled
// and placeholder text, separators, input borders) dark enough to read
// from the back of the room. It is light whatever the system prefers.
func HighContrastLight() fyne.Theme { return highContrastLight{} }

type highContrastLight struct{}

// The colours that differ from Fyne's light palette.
var highContrast = map[fyne.ThemeColorName]color.Color{
	theme.ColorNameBackground:       color.White,
	theme.ColorNameForeground:       color.Black,
	theme.ColorNameDisabled:         color.NRGBA{0x4a, 0x4a, 0x4a, 0xff},
	theme.ColorNamePlaceHolder:      color.NRGBA{0x4a, 0x4a, 0x4a, 0xff},
	theme.ColorNameSeparator:        color.NRGBA{0x70, 0x70, 0x70, 0xff},
	theme.ColorNameInputBorder:      color.NRGBA{0x50, 0x50, 0x50, 0xff},
	theme.ColorNameInputBackground:  color.NRGBA{0xf4, 0xf4, 0xf4, 0xff},
	theme.ColorNameHeaderBackground: color.NRGBA{0xe2, 0xe2, 0xe2, 0xff},
	theme.ColorNameButton:           color.NRGBA{0xe6, 0xe6, 0xe6, 0xff},
	theme.ColorNamePrimary:          color.NRGBA{0x00, 0x4f, 0xb3, 0xff},
	theme.ColorNameHyperlink:        color.NRGBA{0x00, 0x3d, 0x8f, 0xff},
	theme.ColorNameFocus:            color.NRGBA{0x00, 0x4f, 0xb3, 0xff},
	theme.ColorNameError:            color.NRGBA{0xb0, 0x00, 0x20, 0xff},
	theme.ColorNameSuccess:          color.NRGBA{0x1b, 0x6e, 0x20, 0xff},
	theme.ColorNameWarning:          color.NRGBA{0x9a, 0x5b, 0x00, 0xff},
}

func (highContrastLight) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	if c, ok := highContrast[n]; ok {
		return c
	}
	return theme.DefaultTheme().Color(n, theme.VariantLight)
}

func (highContrastLight) Font(s fyne.TextStyle) fyne.Resource { return theme.DefaultTheme().Font(s) }
func (highContrastLight) Icon(n fyne.ThemeIconName) fyne.Resource {
	return theme.DefaultTheme().Icon(n)
}
func (highContrastLight) Size(n fyne.ThemeSizeName) float32 { return theme.DefaultTheme().Size(n) }

// AppColours is a theme with the colours, fonts and icons of the app's
// current theme (light or dark, as chosen in the View menu) and the
// default sizes, unzoomed: for a second window, such as the participants',
// that scales text its own way but follows the chosen colours.
func AppColours() fyne.Theme { return appColours{} }

type appColours struct{}

func current() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (appColours) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	return current().Color(n, v)
}
func (appColours) Font(s fyne.TextStyle) fyne.Resource     { return current().Font(s) }
func (appColours) Icon(n fyne.ThemeIconName) fyne.Resource { return current().Icon(n) }
func (appColours) Size(n fyne.ThemeSizeName) float32       { return theme.DefaultTheme().Size(n) }

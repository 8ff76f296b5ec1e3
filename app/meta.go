// Package app is the shell of Drillbook's Fyne GUI: the main window and
// its navigation, start-up (the window first, the workspace loaded in the
// background), menus, opening and saving documents, undo, autosave and
// recovery, zoom, recent files, background tasks and the clock ticker.
// The screens live in the subpackages (editors, guideview, exercise,
// assessview, reportsview) and reach the window only through host.Host,
// which UI implements. The GUI holds no business rules: everything it
// shows is computed by plan, scenarios, scoring or export.
package app

import (
	_ "embed"

	"fyne.io/fyne/v2"
)

// Identity of the application; FyneApp.toml carries the same values for
// the fyne packaging tool and a test keeps the two in step.
const (
	AppID   = "app.drillbook.desktop"
	AppName = "Drillbook"
	Version = "0.1.0"
)

//go:embed assets/icon.png
var iconPNG []byte

// Icon is the application icon.
var Icon = fyne.NewStaticResource("drillbook.png", iconPNG)

// Metadata is what `fyne build` would embed from FyneApp.toml. A plain
// `go build` embeds nothing, so Run sets it explicitly; in particular the
// fyneDo migration makes Fyne enforce that goroutines update the UI only
// through fyne.Do.
func Metadata() fyne.AppMetadata {
	return fyne.AppMetadata{
		ID:         AppID,
		Name:       AppName,
		Version:    Version,
		Icon:       Icon,
		Migrations: map[string]bool{"fyneDo": true},
	}
}

package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"drillbook/app/compareview"
	"drillbook/app/importview"
)

func shortcut(k fyne.KeyName, shift bool) fyne.Shortcut {
	m := fyne.KeyModifierShortcutDefault
	if shift {
		m |= fyne.KeyModifierShift
	}
	return &desktop.CustomShortcut{KeyName: k, Modifier: m}
}

func item(label string, sc fyne.Shortcut, action func()) *fyne.MenuItem {
	i := fyne.NewMenuItem(label, action)
	i.Shortcut = sc
	return i
}

func (u *UI) mainMenu() *fyne.MainMenu {
	recent := fyne.NewMenuItem("Open recent", nil)
	recent.ChildMenu = u.recentMenu()
	quit := item("Quit", shortcut(fyne.KeyQ, false), u.quit)
	quit.IsQuit = true
	file := fyne.NewMenu("File",
		item("New", shortcut(fyne.KeyN, false), u.newWorkspace),
		item("Open…", shortcut(fyne.KeyO, false), u.openWorkspace),
		recent,
		item("Open demo workspace", nil, u.openDemo),
		item("Compare workspaces…", nil, func() { compareview.Open(u) }),
		fyne.NewMenuItemSeparator(),
		item("Save", shortcut(fyne.KeyS, false), func() { u.save(func(bool) {}) }),
		item("Save as…", shortcut(fyne.KeyS, true), func() { u.saveAs(func(bool) {}) }),
		fyne.NewMenuItemSeparator(),
		item("Import…", nil, func() { importview.Import(u) }),
		item("Export rota (.ics)…", nil, func() { importview.ExportRota(u) }),
		item("Export improvement plan (CSV / Markdown)…", nil, func() { importview.ExportActions(u) }),
		fyne.NewMenuItemSeparator(),
		quit,
	)
	// Undo uses Fyne's own undo shortcut so the window gives it priority
	// over a focused entry's private undo (see undo.go).
	u.undoItem = item(u.undo.UndoLabel(), &fyne.ShortcutUndo{}, u.undoLast)
	u.undoItem.Disabled = !u.undo.CanUndo()
	u.redoItem = item(u.undo.RedoLabel(), shortcut(fyne.KeyZ, true), u.redoLast)
	u.redoItem.Disabled = !u.undo.CanRedo()
	edit := fyne.NewMenu("Edit", u.undoItem, u.redoItem)
	presentation := item("Presentation mode", shortcut(fyne.KeyP, true), u.togglePresentation)
	presentation.Checked = u.zoom.presentation
	light := item("Light theme (high contrast)", nil, u.toggleLightTheme)
	light.Checked = u.zoom.light
	view := fyne.NewMenu("View",
		presentation,
		fyne.NewMenuItemSeparator(),
		item("Zoom in", shortcut(fyne.KeyEqual, false), func() { u.zoomBy(1) }),
		item("Zoom out", shortcut(fyne.KeyMinus, false), func() { u.zoomBy(-1) }),
		item("Actual size", shortcut(fyne.Key0, false), func() { u.zoomBy(0) }),
		fyne.NewMenuItemSeparator(),
		light,
	)
	return fyne.NewMainMenu(file, edit, view)
}

func (u *UI) recentMenu() *fyne.Menu {
	m := fyne.NewMenu("Open recent")
	for _, p := range u.prefs.recent() {
		m.Items = append(m.Items, fyne.NewMenuItem(p, func() {
			u.confirmDiscard("opening another workspace", func() { u.openPath(p) })
		}))
	}
	if len(m.Items) == 0 {
		none := fyne.NewMenuItem("No recent workspaces", nil)
		none.Disabled = true
		m.Items = append(m.Items, none)
	}
	return m
}

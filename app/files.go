package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// FilePicker asks the user for a file. It is an interface so GUI tests can
// answer without driving the native or Fyne file dialogs. Callbacks receive
// "" when the user cancels.
type FilePicker interface {
	// OpenFile asks for an existing file with one of the extensions.
	OpenFile(win fyne.Window, exts []string, done func(path string))
	OpenFolder(win fyne.Window, done func(path string))
	SaveFile(win fyne.Window, suggested string, exts []string, done func(path string))
}

// dialogPicker uses Fyne's file dialogs.
type dialogPicker struct{}

// workspaceExts are the extensions of workspace files.
var workspaceExts = []string{".json"}

func (dialogPicker) OpenFile(win fyne.Window, exts []string, done func(string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			done("")
			return
		}
		r.Close()
		done(r.URI().Path())
	}, win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

func (dialogPicker) OpenFolder(win fyne.Window, done func(string)) {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			done("")
			return
		}
		done(u.Path())
	}, win)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

func (dialogPicker) SaveFile(win fyne.Window, suggested string, exts []string, done func(string)) {
	d := dialog.NewFileSave(func(w fyne.URIWriteCloser, err error) {
		if err != nil || w == nil {
			done("")
			return
		}
		// The dialog creates the file; close it and let plan.Save replace
		// it atomically.
		w.Close()
		done(w.URI().Path())
	}, win)
	d.SetFileName(suggested)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

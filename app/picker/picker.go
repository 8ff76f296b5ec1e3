package picker

import (
	"path/filepath"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
)

// FilePicker asks the user for a file. It is an interface so GUI tests can
// answer without driving the native or Fyne file dialogs. It only chooses
// a path: nothing is created, opened for writing or truncated, so the
// caller's atomic write is the only thing that touches the file.
// Callbacks receive "" when the user cancels.
type FilePicker interface {
	// OpenFile asks for an existing file with one of the extensions.
	OpenFile(win fyne.Window, exts []string, done func(path string))
	OpenFolder(win fyne.Window, done func(path string))
	// SaveFile asks for a file to write, new or existing (the user
	// confirms replacing one).
	SaveFile(win fyne.Window, suggested string, exts []string, done func(path string))
}

// Dialogs is the FilePicker of the app: Fyne's open and folder dialogs and
// the app's own save dialog (save.go). Each opens in the folder used last.
type Dialogs struct {
	Dir string // the folder used last; "" opens the home folder
}

// OpenFile is part of FilePicker.
func (p *Dialogs) OpenFile(win fyne.Window, exts []string, done func(string)) {
	d := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if err != nil || r == nil {
			done("")
			return
		}
		r.Close()
		p.Dir = filepath.Dir(r.URI().Path())
		done(r.URI().Path())
	}, win)
	d.SetFilter(storage.NewExtensionFileFilter(exts))
	p.startIn(d)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

// OpenFolder is part of FilePicker.
func (p *Dialogs) OpenFolder(win fyne.Window, done func(string)) {
	d := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			done("")
			return
		}
		p.Dir = u.Path()
		done(u.Path())
	}, win)
	p.startIn(d)
	d.Resize(fyne.NewSize(800, 560))
	d.Show()
}

func (p *Dialogs) startIn(d *dialog.FileDialog) {
	if l, err := storage.ListerForURI(storage.NewFileURI(p.startDir())); err == nil {
		d.SetLocation(l)
	}
}

package picker

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/widgets"
)

// Why the app has its own save dialog: Fyne's (dialog.NewFileSave, v2.7)
// opens the chosen file for writing, truncating it, before its callback
// runs (dialog/file.go → storage.Writer → os.Create). A cancelled or
// failed save or export would then leave an empty file where the user's
// workspace or report was. This dialog only chooses a path: a folder
// (through Fyne's folder dialog, which creates nothing) and a file name.
// The caller writes atomically, so an existing file stays as it was until
// the new one is complete.

// saveDialog is the open save dialog; tests operate its widgets.
type saveDialog struct {
	picker *Dialogs
	exts   []string
	done   func(string)
	win    fyne.Window

	dir    string
	folder *widget.Label
	files  *widget.List
	names  []string // files in dir with one of exts
	name   *widget.Entry
	save   *widget.Button
	d      dialog.Dialog
}

// SaveFile is part of FilePicker.
func (p *Dialogs) SaveFile(win fyne.Window, suggested string, exts []string, done func(string)) {
	s := &saveDialog{picker: p, exts: exts, done: done, win: win, dir: p.startDir()}
	s.folder = widget.NewLabel("")
	s.folder.Truncation = fyne.TextTruncateEllipsis
	choose := widget.NewButtonWithIcon("Choose folder…", theme.FolderOpenIcon(), s.chooseFolder)
	s.files = widget.NewList(func() int { return len(s.names) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("file name")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(s.names[i]) })
	s.files.OnSelected = func(i widget.ListItemID) { s.name.SetText(s.names[i]) }
	s.name = widget.NewEntry()
	s.name.SetText(withExt(suggested, exts))
	s.name.OnSubmitted = func(string) { s.confirm() }
	s.save = widget.NewButton("Save", s.confirm)
	s.save.Importance = widget.HighImportance
	cancel := widget.NewButton("Cancel", func() { s.d.Hide(); done("") })
	s.name.OnChanged = func(t string) { widgets.Enable(s.save, strings.TrimSpace(t) != "") }
	hint := widget.NewLabelWithStyle("Files in this folder (select one to replace it)", fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
	top := container.NewVBox(container.NewBorder(nil, nil, widget.NewLabel("Folder"), choose, s.folder), hint)
	bottom := container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel("File name"), nil, s.name),
		container.NewHBox(layout.NewSpacer(), cancel, s.save))
	s.d = dialog.NewCustomWithoutButtons("Save as", container.NewBorder(top, bottom, nil, nil, s.files), win)
	s.showFolder()
	s.d.Resize(fyne.NewSize(640, 440))
	s.d.Show()
	win.Canvas().Focus(s.name)
}

// showFolder lists the files of the current folder the user may replace.
func (s *saveDialog) showFolder() {
	s.folder.SetText(s.dir)
	s.names = s.names[:0]
	entries, _ := os.ReadDir(s.dir) // an unreadable folder lists nothing
	for _, e := range entries {
		if !e.IsDir() && hasExt(e.Name(), s.exts) {
			s.names = append(s.names, e.Name())
		}
	}
	s.files.UnselectAll()
	s.files.Refresh()
}

func (s *saveDialog) chooseFolder() {
	f := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if err != nil || u == nil {
			return
		}
		s.dir = u.Path()
		s.showFolder()
	}, s.win)
	if l, err := storage.ListerForURI(storage.NewFileURI(s.dir)); err == nil {
		f.SetLocation(l)
	}
	f.Resize(fyne.NewSize(800, 560))
	f.Show()
}

// confirm checks the name and, for an existing file, asks before
// choosing it. Nothing is written here.
func (s *saveDialog) confirm() {
	path, err := s.chosen()
	if err != nil {
		dialog.ShowError(err, s.win)
		return
	}
	fi, err := os.Stat(path)
	switch {
	case err == nil && fi.IsDir():
		dialog.ShowError(fmt.Errorf("%s is a folder: choose another name", filepath.Base(path)), s.win)
	case err == nil:
		msg := fmt.Sprintf("%s already exists. Replace it?\n\nThe file is only replaced once the new one is completely written.", filepath.Base(path))
		dialog.ShowCustomConfirm("Replace file", "Replace", "Cancel", widgets.DialogText(msg), func(ok bool) {
			if ok {
				s.finish(path)
			}
		}, s.win)
	default:
		s.finish(path)
	}
}

func (s *saveDialog) finish(path string) {
	s.d.Hide()
	s.picker.Dir = s.dir
	s.done(path)
}

// chosen is the path the folder and name make, with an extension added
// when the name has none of exts.
func (s *saveDialog) chosen() (string, error) {
	name := strings.TrimSpace(s.name.Text)
	switch {
	case name == "":
		return "", errors.New("enter a file name")
	case strings.ContainsAny(name, `/\`) || name == "." || name == "..":
		return "", fmt.Errorf("%q is not a file name: choose the folder above and type the name alone", name)
	}
	return filepath.Join(s.dir, withExt(name, s.exts)), nil
}

// withExt adds exts[0] to a name that has none of exts.
func withExt(name string, exts []string) string {
	if name == "" || len(exts) == 0 || hasExt(name, exts) {
		return name
	}
	return name + exts[0]
}

func hasExt(name string, exts []string) bool {
	return slices.Contains(exts, strings.ToLower(filepath.Ext(name)))
}

// startDir is where a dialog opens: the folder used last, else the home
// folder.
func (p *Dialogs) startDir() string {
	if p.Dir != "" {
		return p.Dir
	}
	if home, err := os.UserHomeDir(); err == nil {
		return home
	}
	return "."
}

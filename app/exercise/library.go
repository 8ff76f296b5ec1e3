package exercise

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/internal/atomicfile"
	"drillbook/internal/prose"
	"drillbook/plan"
	"drillbook/scenarios"
)

// durationFilters are the library's duration choices.
var durationFilters = []struct {
	label    string
	min, max plan.Duration
}{
	{"Any length", 0, 0},
	{"Up to 30 minutes", 0, 30 * plan.Minute},
	{"31–60 minutes", 31 * plan.Minute, 60 * plan.Minute},
	{"Over an hour", 61 * plan.Minute, 0},
}

// library is the scenario browser: built-in scenarios plus any the user
// loaded, with filters, a read view, and "start exercise".
type library struct {
	x        *Controller
	h        host.Host
	all      []*scenarios.Scenario
	shown    []*scenarios.Scenario
	selected *scenarios.Scenario

	category, length *widget.Select
	list             *widget.List
	read             *widget.RichText
	start, save      *widget.Button
	root             fyne.CanvasObject
}

func newLibrary(x *Controller) *library {
	l := &library{x: x, h: x.sh}
	h := x.sh
	builtIn, err := scenarios.Library()
	if err != nil {
		// The embedded library is checked by tests; still, show what loaded.
		defer h.ShowError(err)
	}
	l.all = builtIn

	cats := []string{"All categories"}
	for _, c := range plan.Categories {
		cats = append(cats, string(c))
	}
	l.category = widget.NewSelect(cats, func(string) { l.Refresh() })
	l.category.SetSelectedIndex(0)
	var lengths []string
	for _, f := range durationFilters {
		lengths = append(lengths, f.label)
	}
	l.length = widget.NewSelect(lengths, func(string) { l.Refresh() })
	l.length.SetSelectedIndex(0)

	l.list = widget.NewList(
		func() int { return len(l.shown) },
		func() fyne.CanvasObject {
			title := widget.NewLabelWithStyle("Scenario title", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
			title.Truncation = fyne.TextTruncateEllipsis
			return container.NewVBox(title, widget.NewLabel("category · duration"))
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			s := l.shown[i]
			box := o.(*fyne.Container)
			box.Objects[0].(*widget.Label).SetText(s.Title)
			box.Objects[1].(*widget.Label).SetText(fmt.Sprintf("%s · %s · %s", plan.Words(string(s.Category)), prose.Duration(s.Duration.D()), prose.Count(len(s.Injects), "inject", "injects")))
		},
	)
	l.list.OnSelected = func(i widget.ListItemID) { l.selectScenario(l.shown[i]) }
	l.read = widget.NewRichText()
	l.read.Wrapping = fyne.TextWrapWord
	l.start = widget.NewButtonWithIcon("Start exercise…", theme.MediaPlayIcon(), func() {
		if l.selected != nil {
			x.startRunDialog(l.selected)
		}
	})
	l.start.Importance = widget.HighImportance
	l.save = widget.NewButtonWithIcon("Save as file…", theme.DocumentSaveIcon(), l.saveSelected)
	loadFile := widget.NewButtonWithIcon("Load file…", theme.FileIcon(), func() {
		h.Picker().OpenFile(h.Window(), []string{".yaml", ".yml"}, l.loadFile)
	})
	loadDir := widget.NewButtonWithIcon("Load folder…", theme.FolderOpenIcon(), func() {
		h.Picker().OpenFolder(h.Window(), l.loadFolder)
	})
	edit := widget.NewButtonWithIcon("Edit a copy…", theme.DocumentCreateIcon(), func() {
		if l.selected != nil {
			c := scenarios.Clone(l.selected)
			c.ID += "-copy"
			c.Title += " (copy)"
			l.openEditor(c)
		}
	})
	mel := widget.NewButtonWithIcon("Import events list…", theme.UploadIcon(), func() {
		h.Picker().OpenFile(h.Window(), []string{".xlsx", ".csv"}, l.importMEL)
	})

	filters := container.NewGridWithColumns(2, l.category, l.length)
	left := container.NewBorder(filters, container.NewGridWithColumns(2, loadFile, loadDir, mel), nil, nil, l.list)
	right := container.NewBorder(container.NewHBox(l.start, edit, l.save), nil, nil, nil, container.NewVScroll(l.read))
	split := container.NewHSplit(left, right)
	split.Offset = 0.36
	l.root = split
	l.Refresh()
	return l
}

func (l *library) Title() string             { return "Scenarios" }
func (l *library) Icon() fyne.Resource       { return theme.ListIcon() }
func (l *library) Object() fyne.CanvasObject { return l.root }

func (l *library) Refresh() {
	if l.list == nil {
		return // filters fire while the screen is still being built
	}
	var cat plan.Category
	if l.category.SelectedIndex() > 0 {
		cat = plan.Categories[l.category.SelectedIndex()-1]
	}
	f := durationFilters[max(l.length.SelectedIndex(), 0)]
	l.shown = scenarios.Filter(l.all, cat, f.min, f.max)
	l.list.UnselectAll()
	l.list.Refresh()
	if len(l.shown) > 0 {
		l.list.Select(0)
	} else {
		l.selectScenario(nil)
	}
}

func (l *library) selectScenario(s *scenarios.Scenario) {
	l.selected = s
	if s == nil {
		widgets.SetMarkdown(l.read, "*No scenario matches these filters.*")
		l.start.Disable()
		l.save.Disable()
		return
	}
	l.start.Enable()
	l.save.Enable()
	widgets.SetMarkdown(l.read, scenarios.Markdown(s))
}

// add puts loaded scenarios into the library, replacing ones with the same ID.
func (l *library) add(list ...*scenarios.Scenario) {
	for _, s := range list {
		replaced := false
		for i, old := range l.all {
			if old.ID == s.ID {
				l.all[i], replaced = s, true
			}
		}
		if !replaced {
			l.all = append(l.all, s)
		}
	}
	l.Refresh()
}

// loadFile and loadFolder read scenarios in the background and add them
// to the library.
func (l *library) loadFile(path string) {
	if path == "" {
		return
	}
	l.readScenario("Loading the scenario", func() (*scenarios.Scenario, error) { return scenarios.LoadFile(path) },
		func(s *scenarios.Scenario) { l.add(s) })
}

// readScenario reads one scenario in the background (the task what),
// then hands it to use, or shows why it could not be read.
func (l *library) readScenario(what string, read func() (*scenarios.Scenario, error), use func(*scenarios.Scenario)) {
	var s *scenarios.Scenario
	l.h.RunTask(what, func(context.Context, func(int, int)) (err error) {
		s, err = read()
		return err
	}, func(int, int) {}, func(err error) {
		if err != nil {
			l.h.ShowError(err)
			return
		}
		use(s)
	})
}

func (l *library) loadFolder(dir string) {
	if dir == "" {
		return
	}
	var list []*scenarios.Scenario
	var problems error
	l.h.RunTask("Loading the scenarios", func(context.Context, func(int, int)) error {
		list, problems = scenarios.LoadDir(dir)
		return nil
	}, func(int, int) {}, func(err error) {
		if err != nil {
			l.h.ShowError(err)
			return
		}
		l.add(list...)
		if problems != nil {
			l.h.ShowError(fmt.Errorf("%d scenarios loaded; these files have problems:\n%w", len(list), problems))
		}
	})
}

func (l *library) saveSelected() {
	s := l.selected
	if s == nil {
		return
	}
	l.h.Picker().SaveFile(l.h.Window(), s.ID+".yaml", []string{".yaml"}, func(path string) {
		if path == "" {
			return
		}
		data, err := scenarios.Marshal(s)
		if err == nil {
			err = atomicfile.WriteBytes(path, data)
		}
		if err != nil {
			l.h.ShowError(err)
			return
		}
		dialog.ShowInformation("Scenario saved", "Saved to "+path, l.h.Window())
	})
}

// importMEL turns a Master Events List into a scenario and opens it in the
// editor to add the summary, objectives and category.
func (l *library) importMEL(path string) {
	if path == "" {
		return
	}
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	id := strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '-' {
			return r
		}
		if r >= 'A' && r <= 'Z' {
			return r + 'a' - 'A'
		}
		return '-'
	}, base)
	l.readScenario("Importing the events list", func() (*scenarios.Scenario, error) {
		return scenarios.ImportMEL(path, strings.Trim(id, "-")+"-mel", base)
	}, func(s *scenarios.Scenario) { l.openEditor(s) })
}

package importview

import (
	"context"
	"errors"
	"fmt"
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/interchange"
	"drillbook/plan"
)

// Exts are the files File → Import… offers.
var Exts = []string{".ics", ".json", ".csv"}

// flow is one import: the files chosen so far, the plan they were merged
// into (a snapshot, so the background work never reads the live plan)
// and its generation, and the preview shown.
type flow struct {
	h       host.Host
	files   []string
	sources []*interchange.Source
	ws      *plan.Workspace // the live workspace the import is for
	gen     int
	opt     interchange.Options
	preview *interchange.Preview
	dlg     dialog.Dialog
}

// Import starts File → Import…: it asks for a file, then shows the preview
// (from which more files can be added) until Apply or Cancel.
func Import(h host.Host) {
	ws := h.Workspace()
	f := &flow{h: h, ws: ws, opt: interchange.Options{Week: interchange.NextWeek(h.Today().Time()), Zone: ws.Coverage.TimeZone}}
	f.pick()
}

func (f *flow) pick() {
	f.h.Picker().OpenFile(f.h.Window(), Exts, f.add)
}

// add brings one more file into the preview.
func (f *flow) add(path string) {
	if path != "" {
		f.load(append(slices.Clone(f.files), path), f.opt)
	}
}

// load reads, parses and merges the files into a snapshot of the plan in
// the background, then shows the preview; a failure shows the error and
// keeps the preview as it was (or none).
func (f *flow) load(files []string, opt interchange.Options) {
	if f.h.Workspace() != f.ws {
		return // another document was opened meanwhile
	}
	snapshot, gen := f.ws.Clone(), f.h.Generation()
	var sources []*interchange.Source
	var p *interchange.Preview
	f.h.RunTask("Importing "+files[len(files)-1], func(context.Context, func(int, int)) error {
		for _, path := range files {
			src, err := interchange.ReadFile(path, opt)
			if err != nil {
				return err
			}
			sources = append(sources, src)
		}
		var err error
		p, err = interchange.Plan(snapshot, sources)
		return err
	}, func(int, int) {}, func(err error) {
		switch {
		case f.h.Workspace() != f.ws:
		case err != nil:
			f.h.ShowError(err)
		default:
			f.files, f.opt, f.sources, f.preview, f.gen = files, opt, sources, p, gen
			f.show()
		}
	})
}

// weekRow lets the user read the rota over another week.
func (f *flow) weekRow() fyne.CanvasObject {
	entry := widget.NewEntry()
	entry.SetText(f.opt.Week.String())
	read := widget.NewButton("Read again", func() {
		d, err := plan.ParseDate(entry.Text)
		if err != nil {
			f.h.ShowError(fmt.Errorf("week: %w", err))
			return
		}
		opt := f.opt
		opt.Week = interchange.WeekOf(d)
		f.load(f.files, opt)
	})
	return container.NewBorder(nil, nil, widget.NewLabel("Rota week containing"), read, entry)
}

// show replaces the preview dialog with one for the current preview.
func (f *flow) show() {
	if f.dlg != nil {
		f.dlg.Hide()
	}
	p := f.preview
	body := container.NewVBox()
	for _, s := range p.Sources {
		body.Add(label("From "+s, fyne.TextStyle{}))
	}
	summary := capital(p.Summary()) + "."
	if p.Rota {
		summary = fmt.Sprintf("The rota is read over the week of %s. %s", f.opt.Week, summary)
		body.Add(f.weekRow())
	}
	body.Add(label(summary, fyne.TextStyle{Bold: true}))
	if p.Empty() {
		body.Add(label("Nothing to change: the plan already has all of it.", fyne.TextStyle{}))
	}
	for _, s := range p.Sections() {
		body.Add(widget.NewSeparator())
		body.Add(label(s.Title, fyne.TextStyle{Bold: true}))
		for _, l := range s.Lines {
			body.Add(label("  "+l, fyne.TextStyle{}))
		}
	}
	if p.Rota {
		grid := widgets.NewWeekGrid()
		grid.Set(p.Result.Coverage.WeekGrid(), p.Holes)
		body.Add(widget.NewSeparator())
		body.Add(label("On-call cover after the import", fyne.TextStyle{Bold: true}))
		body.Add(grid)
	}
	scroll := container.NewVScroll(body)
	addMore := widget.NewButton("Add another file…", f.pick)
	content := container.NewBorder(nil, addMore, nil, nil, scroll)
	apply := "Apply"
	if p.Empty() {
		apply = "Close"
	}
	d := dialog.NewCustomConfirm("Import", apply, "Cancel", content, func(ok bool) {
		f.dlg = nil
		if ok && !p.Empty() {
			f.apply()
		}
	}, f.h.Window())
	size := f.h.Window().Canvas().Size()
	d.Resize(fyne.NewSize(min(900, size.Width-40), min(620, size.Height-40)))
	f.dlg = d
	d.Show()
}

func label(s string, style fyne.TextStyle) *widget.Label {
	l := widget.NewLabelWithStyle(widgets.Shown(s), fyne.TextAlignLeading, style)
	l.Truncation = fyne.TextTruncateEllipsis
	return l
}

func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// errChanged is shown when the plan was edited while the preview was open:
// the preview no longer says what applying would do.
var errChanged = errors.New("the plan was changed while the import preview was open; nothing was imported — import again to see the preview for the plan as it is now")

// apply makes the import one undoable step. Do and Undo copy the whole
// plan in (a clone each time, so redo after undo starts from the state
// the preview showed, whatever edits came between).
func (f *flow) apply() {
	if f.h.Workspace() != f.ws || f.h.Generation() != f.gen {
		f.h.ShowError(errChanged)
		return
	}
	before, after := f.ws.Clone(), f.preview.Result
	path := importPath(f.sources)
	f.h.Change(host.Edit{Label: "import", Path: path,
		Do:   func() { *f.h.Workspace() = *after.Clone() },
		Undo: func() { *f.h.Workspace() = *before.Clone() }})
}

// importPath is where undo shows the import: the rota, people or
// escalation, whichever the first source brought.
func importPath(sources []*interchange.Source) string {
	for _, s := range sources {
		switch {
		case len(s.Spans) > 0:
			return "coverage.rota"
		case len(s.Ladders) > 0:
			return "escalationRules"
		case len(s.People) > 0:
			return "people"
		}
	}
	return "people"
}

package reportsview

import (
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/host"
	"drillbook/app/picker"
	"drillbook/app/widgets"
	"drillbook/export"
	"drillbook/internal/atomicfile"
	"drillbook/plan"
	"drillbook/scoring"
)

// reportsScreen chooses the report's sections and labelling, previews the
// first page and exports PDF, Excel, Word or Markdown with progress and
// cancel.
type reportsScreen struct {
	h        host.Host
	sections map[export.Section]*widget.Check
	assessor *widget.Entry
	anon     *widget.Check
	marking  *widget.Entry
	// wordRun chooses the run the Word document reports; wordRunIDs are
	// the export's run choice for each of its options, in order.
	wordRun    *widget.Select
	wordRunIDs []string
	// autoMarking is the marking the screen proposed for the workspace
	// markingWS; a marking the user has not changed follows the document
	// and its organisation's name.
	autoMarking string
	markingWS   *plan.Workspace
	preview     *widgets.PagePreview
	root        fyne.CanvasObject
	busy        bool
}

// New is the reports screen.
func New(h host.Host) host.Screen { return newReportsScreen(h) }

func newReportsScreen(h host.Host) *reportsScreen {
	s := &reportsScreen{h: h, sections: map[export.Section]*widget.Check{}}
	checks := container.NewVBox(widget.NewLabelWithStyle("Sections of the PDF", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
	for _, sec := range export.Sections {
		c := widget.NewCheck(export.SectionTitle(sec), func(bool) { s.refreshPreview() })
		c.SetChecked(true)
		s.sections[sec] = c
		checks.Add(c)
	}
	s.assessor = widget.NewEntry()
	s.assessor.SetPlaceHolder("Name on the cover")
	s.assessor.OnChanged = func(string) { s.refreshPreview() }
	s.anon = widget.NewCheck("Non-attributable (no assessor named)", func(bool) { s.refreshPreview() })
	s.marking = widget.NewEntry()
	s.marking.OnChanged = func(string) { s.refreshPreview() }
	s.wordRun = widget.NewSelect(nil, nil)
	form := widget.NewForm(widget.NewFormItem("Assessor", s.assessor), widget.NewFormItem("", s.anon), widget.NewFormItem("Marking", s.marking),
		widget.NewFormItem("Word report of", s.wordRun))
	pdf := widget.NewButtonWithIcon("Export PDF…", theme.DocumentIcon(), func() { s.exportFile("PDF", ".pdf", s.writePDF) })
	pdf.Importance = widget.HighImportance
	xlsx := widget.NewButtonWithIcon("Export Excel…", theme.GridIcon(), func() { s.exportFile("Excel workbook", ".xlsx", s.writeExcel) })
	docx := widget.NewButtonWithIcon("Export Word (.docx)…", theme.DocumentCreateIcon(), func() { s.exportFile("Word document", ".docx", s.writeWord()) })
	md := widget.NewButtonWithIcon("Export Markdown folder…", theme.FolderIcon(), s.exportMarkdown)
	left := container.NewVBox(checks, widget.NewSeparator(), form, container.NewGridWithColumns(1, pdf, xlsx, docx, md))
	s.preview = widgets.NewPagePreview()
	preview := container.NewBorder(widget.NewLabelWithStyle("First page", fyne.TextAlignCenter, fyne.TextStyle{Bold: true}), nil, nil, nil, s.preview)
	split := container.NewHSplit(container.NewVScroll(left), preview)
	split.Offset = 0.45
	s.root = split
	return s
}

func (s *reportsScreen) Title() string             { return "Reports" }
func (s *reportsScreen) Icon() fyne.Resource       { return theme.DocumentPrintIcon() }
func (s *reportsScreen) Object() fyne.CanvasObject { return s.root }

func (s *reportsScreen) Refresh() {
	m := s.marking.Text
	if s.markingWS != s.h.Workspace() || m == "" || m == s.autoMarking {
		s.autoMarking, s.markingWS = "CONFIDENTIAL — "+s.h.Workspace().Organisation.Name, s.h.Workspace()
		s.marking.SetText(s.autoMarking)
	}
	s.refreshWordRuns()
	s.refreshPreview()
}

// refreshWordRuns offers the latest run, every run, and each run by its
// scenario and day (newest first), keeping the choice where it still
// exists.
func (s *reportsScreen) refreshWordRuns() {
	chosen := ""
	if i := s.wordRun.SelectedIndex(); i >= 0 && i < len(s.wordRunIDs) {
		chosen = s.wordRunIDs[i]
	}
	labels, ids := []string{"Latest exercise", "All exercises"}, []string{"", export.AllRuns}
	runs := s.h.Workspace().Runs
	for i := len(runs) - 1; i >= 0; i-- {
		label := runs[i].ScenarioTitle
		if !runs[i].Started.IsZero() {
			label += ", " + runs[i].Started.UTC().Format("2 January 2006")
		}
		labels, ids = append(labels, label), append(ids, runs[i].ID)
	}
	s.wordRun.SetOptions(labels)
	s.wordRunIDs = ids
	s.wordRun.SetSelectedIndex(max(slices.Index(ids, chosen), 0))
}

func (s *reportsScreen) options() export.Options {
	var secs []export.Section
	for _, sec := range export.Sections {
		if s.sections[sec].Checked {
			secs = append(secs, sec)
		}
	}
	return export.Options{Sections: secs, Date: s.h.Today(), Assessor: strings.TrimSpace(s.assessor.Text),
		NonAttributable: s.anon.Checked, Marking: strings.TrimSpace(s.marking.Text)}
}

func (s *reportsScreen) refreshPreview() {
	if s.preview == nil || s.h.Workspace() == nil {
		return
	}
	ws, o := s.h.Workspace(), s.options()
	a := scoring.Assess(ws, o.Date)
	assessor := o.AssessorLine()
	p := s.preview
	p.Marking, p.Org, p.Sector = o.Marking, ws.Organisation.Name, ws.Organisation.Sector
	p.Facts = []string{"Product: " + ws.Organisation.Product, "Report date: " + o.Date.String(), "Assessor: " + assessor}
	p.Glance = fmt.Sprintf("Plan tier %s · index %.1f", a.Tier, a.Index)
	if len(o.Sections) == 0 {
		p.Glance = "No section chosen"
	} else if o.Sections[0] != export.SectionCover {
		p.Glance = "Starts with: " + export.SectionTitle(o.Sections[0])
	}
	p.Refresh()
}

// snapshot copies the workspace so the export works on a fixed state while
// the user goes on editing. A deep copy, not an encode and decode: 34 ms
// against about a second on the large workspace with its runs.
func (s *reportsScreen) snapshot() *plan.Workspace { return s.h.Workspace().Clone() }

func (s *reportsScreen) writePDF(ctx context.Context, w io.Writer, in export.Input, o export.Options, p func(int, int)) error {
	return export.PDF(ctx, w, in, o, p)
}

func (s *reportsScreen) writeExcel(ctx context.Context, w io.Writer, in export.Input, o export.Options, p func(int, int)) error {
	return export.Excel(ctx, w, in, o, p)
}

// writeWord writes the Word document of the run chosen now.
func (s *reportsScreen) writeWord() func(context.Context, io.Writer, export.Input, export.Options, func(int, int)) error {
	run := ""
	if i := s.wordRun.SelectedIndex(); i >= 0 && i < len(s.wordRunIDs) {
		run = s.wordRunIDs[i]
	}
	return func(ctx context.Context, w io.Writer, in export.Input, o export.Options, p func(int, int)) error {
		return export.DOCX(ctx, w, in, o, run, p)
	}
}

// exportFile asks for a file and writes it in the background.
func (s *reportsScreen) exportFile(kind, ext string, write func(context.Context, io.Writer, export.Input, export.Options, func(int, int)) error) {
	if s.busy {
		return
	}
	what := "-readiness"
	if ext == ".docx" {
		what = "-after-action" // the Word document is the after-action report
	}
	name := strings.TrimSuffix(picker.SuggestedName(s.h.Workspace().Organisation.Name), ".json") + what + ext
	s.h.Picker().SaveFile(s.h.Window(), name, []string{ext}, func(path string) {
		s.exportTo(kind, path, func(ctx context.Context, in export.Input, o export.Options, p func(int, int)) error {
			return atomicfile.Write(path, func(w io.Writer) error { return write(ctx, w, in, o, p) })
		})
	})
}

func (s *reportsScreen) exportMarkdown() {
	if s.busy {
		return
	}
	s.h.Picker().OpenFolder(s.h.Window(), func(dir string) {
		s.exportTo("Markdown", dir, func(ctx context.Context, in export.Input, o export.Options, p func(int, int)) error {
			return export.Markdown(ctx, dir, in, o, p)
		})
	})
}

// exportTo writes a copy of the workspace, as it is now, to the path the
// user chose ("" when they cancelled), with the options as they are now.
func (s *reportsScreen) exportTo(kind, path string, write func(context.Context, export.Input, export.Options, func(int, int)) error) {
	if path == "" {
		return
	}
	ws := s.snapshot()
	o := s.options()
	s.run(kind, path, func(ctx context.Context, p func(int, int)) error {
		return write(ctx, export.Input{Workspace: ws}, o, p)
	})
}

// run shows a progress dialog with Cancel while work runs in the
// background, then offers to open the folder it wrote to.
func (s *reportsScreen) run(kind, path string, work func(context.Context, func(int, int)) error) {
	s.busy = true
	bar := widget.NewProgressBar()
	label := widget.NewLabel("Writing " + filepath.Base(path) + "…")
	var d dialog.Dialog
	var cancel func()
	cancelBtn := widget.NewButton("Cancel", func() { cancel() })
	d = dialog.NewCustomWithoutButtons("Exporting "+kind, container.NewVBox(label, bar, cancelBtn), s.h.Window())
	d.Resize(fyne.NewSize(420, 160))
	d.Show()
	cancel = s.h.RunTask("Exporting the "+kind, work, func(done, total int) {
		if total > 0 {
			bar.SetValue(float64(done) / float64(total))
		}
	}, func(err error) {
		s.busy = false
		d.Hide()
		switch {
		case errors.Is(err, context.Canceled):
			dialog.ShowInformation("Export cancelled", "Nothing was written; any existing file was left as it was.", s.h.Window())
		case err != nil:
			s.h.ShowError(err)
		default:
			s.done(kind, path)
		}
	})
}

func (s *reportsScreen) done(kind, path string) {
	dir := path
	if filepath.Ext(path) != "" {
		dir = filepath.Dir(path)
	}
	open := widget.NewButtonWithIcon("Open containing folder", theme.FolderOpenIcon(), func() {
		if err := fyne.CurrentApp().OpenURL(picker.FileURL(filepath.ToSlash(dir))); err != nil {
			s.h.ShowError(err)
		}
	})
	dialog.ShowCustom(kind+" written", "Close", container.NewVBox(widget.NewLabel("Saved to "+path), open), s.h.Window())
}

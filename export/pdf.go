package export

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/jung-kurt/gofpdf"
)

// gofpdf (archived upstream) is used only in this package, behind the
// helpers in pdf_*.go, so moving to a maintained fork is an import change.

// Page geometry in millimetres (A4 portrait).
const (
	pageW, pageH = 210.0, 297.0
	marginL      = 16.0
	marginR      = 16.0
	marginT      = 18.0 // below the marking line
	marginB      = 16.0 // above the footer
	contentW     = pageW - marginL - marginR
	pageBottom   = pageH - marginB
)

// PDF writes the report as a PDF to w. It checks ctx between sections and
// every few hundred table rows, returning ctx's error when cancelled (w
// may then hold nothing or a partial document: write to a WriteFile
// temp file so nothing half-written is kept). progress, when not nil, is
// called as sections complete.
func PDF(ctx context.Context, w io.Writer, in Input, opts Options, progress Progress) error {
	r, err := newReport(in, opts)
	if err != nil {
		return err
	}
	if err := r.typesetNames(); err != nil {
		return err
	}
	d := newPDFDoc(ctx, r, progress)
	if err := d.build(); err != nil {
		return err
	}
	return d.t.deliver("PDF", func() error { return d.f.Output(w) })
}

// pdfDoc is one PDF being written. Automatic page breaks are off: every
// helper checks the room left itself, so tables can repeat their headers
// and rows taller than a page can be split line by line.
type pdfDoc struct {
	f   *gofpdf.Fpdf
	r   *report
	t   *tracker
	err error // first failure (cancellation); later drawing is skipped
	// rows counts table rows drawn, to check for cancellation regularly.
	rows int
	// footerTitle is printed at the bottom left of every page.
	footerTitle string
	gs          gstate
	// starts holds each section's first page; contentsY where the cover
	// lists it, to fill in the page number at the end.
	starts    map[Section]int
	contentsY map[Section]float64
	// contentsPage is the page the contents list is on (the cover's).
	contentsPage int
	// faces records the fallback faces registered (see useFace).
	faces map[string]bool
}

func newPDFDoc(ctx context.Context, r *report, progress Progress) *pdfDoc {
	f := gofpdf.New("P", "mm", "A4", "")
	d := &pdfDoc{f: f, r: r}
	total := 2 // output
	for _, s := range r.opts.Sections {
		switch s {
		case SectionDimensions:
			total += len(r.a.Dimensions)
		case SectionExercises:
			total += max(len(r.ws.Runs), 1)
		case SectionAppendix:
			total += 8
		default:
			total++
		}
	}
	d.t = newTracker(ctx, progress, total)
	return d
}

func (d *pdfDoc) build() error {
	f, r := d.f, d.r
	if err := d.setupPages(); err != nil {
		return err
	}
	title := "Incident-response readiness report"
	f.SetTitle(pdfLine(title+": "+r.orgName()), true)
	f.SetSubject(pdfLine(fmt.Sprintf("Plan tier %s, %s, index %.1f, %s", r.a.Tier, r.names.text(r.a.ValidationText()), r.a.Index, r.date)), true)
	if a := r.assessor(); a != "" {
		f.SetAuthor(pdfLine(a), true)
	}
	f.SetCreator("Drillbook", true)
	f.SetKeywords(pdfLine(r.opts.Marking), true)
	f.SetCreationDate(r.created)
	f.SetModificationDate(r.created)
	if r.opts.Deterministic {
		f.SetCatalogSort(true)
		f.SetCompression(false)
	}
	d.footerTitle = pdfLine(r.orgName() + " · " + title + " · " + r.date.String())
	f.SetHeaderFuncMode(d.header, true)
	f.SetFooterFunc(d.footer)

	sections := []struct {
		s    Section
		draw func()
	}{
		{SectionCover, d.cover},
		{SectionSummary, d.summary},
		{SectionDimensions, d.dimensions},
		{SectionFrameworks, d.frameworksSection},
		{SectionExercises, d.exercises},
		{SectionImprovement, d.improvement},
		{SectionAppendix, d.appendix},
	}
	for _, s := range sections {
		if !r.has(s.s) {
			continue
		}
		s.draw()
		if d.err == nil && s.s != SectionDimensions && s.s != SectionExercises && s.s != SectionAppendix {
			d.step(1)
		}
		if d.err != nil {
			return d.err
		}
	}
	if f.PageNo() == 0 {
		return errors.New("export: no section chosen")
	}
	d.contentsPages()
	if err := f.Error(); err != nil {
		return fmt.Errorf("PDF: %w", err)
	}
	d.step(1)
	return d.err
}

// setupPages embeds the fonts and sets the margins, the cell margin and
// the page-count alias every PDF of this package uses. Page breaks are
// left to the helpers (see pdfDoc).
func (d *pdfDoc) setupPages() error {
	f := d.f
	fd := fonts()
	f.AddUTF8FontFromBytes(fontFamily, "", fd.regular)
	f.AddUTF8FontFromBytes(fontFamily, "B", fd.bold)
	if err := f.Error(); err != nil {
		return fmt.Errorf("PDF font: %w", err)
	}
	f.SetMargins(marginL, marginT, marginR)
	f.SetAutoPageBreak(false, marginB)
	f.SetCellMargin(1.2)
	f.AliasNbPages("{nb}")
	return nil
}

// step records progress; a cancellation is kept in d.err.
func (d *pdfDoc) step(n int) {
	if d.err != nil {
		return
	}
	if err := d.t.step(n); err != nil {
		d.err = err
	}
}

// tick is called per table row: every 256 rows it checks for
// cancellation, so a long log cannot keep a cancelled export running.
func (d *pdfDoc) tick() bool {
	d.rows++
	if d.rows&255 == 0 && d.err == nil {
		d.err = d.t.check()
	}
	return d.err == nil
}

// header prints the confidentiality marking at the top of every page.
func (d *pdfDoc) header() {
	d.invalidate()
	m := pdfLine(d.r.opts.Marking)
	if m == "" {
		return
	}
	f := d.f
	f.SetFont(fontFamily, "B", 8)
	f.SetTextColor(colMarking.r, colMarking.g, colMarking.b)
	f.SetXY(marginL, 7)
	f.CellFormat(contentW, 5, fit(f, m, contentW), "", 0, "C", false, 0, "")
	d.resetText()
}

// footer prints the report title, the marking and "Page N of M".
func (d *pdfDoc) footer() {
	d.invalidate()
	f := d.f
	y := pageH - 11
	f.SetDrawColor(colRule.r, colRule.g, colRule.b)
	f.SetLineWidth(0.2)
	f.Line(marginL, y, pageW-marginR, y)
	f.SetFont(fontFamily, "", 7)
	f.SetTextColor(colLabel.r, colLabel.g, colLabel.b) // 7 pt: colMuted is too light
	f.SetXY(marginL, y+1)
	f.CellFormat(contentW-30, 4, fit(f, d.footerTitle, contentW-30), "", 0, "L", false, 0, "")
	f.SetXY(pageW-marginR-30, y+1)
	f.CellFormat(30, 4, fmt.Sprintf("Page %d of {nb}", f.PageNo()), "", 0, "R", false, 0, "")
	if m := pdfLine(d.r.opts.Marking); m != "" {
		f.SetFont(fontFamily, "B", 7)
		f.SetTextColor(colMarking.r, colMarking.g, colMarking.b)
		f.SetXY(marginL, y+5)
		f.CellFormat(contentW, 4, fit(f, m, contentW), "", 0, "C", false, 0, "")
	}
	d.resetText()
}

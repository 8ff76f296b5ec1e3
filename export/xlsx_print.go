package export

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// pageSetup makes a sheet print as a document: A4 landscape, fitted to
// one page wide (as many tall as it needs), with margins that leave room
// for the header (organisation, marking, sheet) and the footer (page X
// of Y). It must run before a sheet's stream writer is made, which
// copies the sheet's settings.
func (x *xlsxDoc) pageSetup(name string) error {
	size, landscape, one, zero, fit := 9, "landscape", 1, 0, true
	if err := x.f.SetPageLayout(name, &excelize.PageLayoutOptions{Size: &size, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := x.f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	side, edge, band := 0.4, 0.75, 0.3 // inches
	if err := x.f.SetPageMargins(name, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &edge, Bottom: &edge, Header: &band, Footer: &band}); err != nil {
		return err
	}
	head := "&L" + hfText(x.r.orgName()) + "&R" + hfText(name)
	if m := x.r.opts.Marking; strings.TrimSpace(m) != "" {
		head += "&C&\"-,Bold\"" + hfText(m)
	}
	return x.f.SetHeaderFooter(name, &excelize.HeaderFooterOptions{
		OddHeader: head,
		OddFooter: "&LIncident-response readiness report&RPage &P of &N",
	})
}

// printArea sets what prints of a sheet, columns 1..cols of rows 1..rows,
// and, when titles is set, repeats row 1 (the column headings) at the
// top of every page.
func (x *xlsxDoc) printArea(name string, cols, rows int, titles bool) error {
	last, err := excelize.ColumnNumberToName(cols)
	if err != nil {
		return err
	}
	ref := "'" + strings.ReplaceAll(name, "'", "''") + "'!"
	if err := x.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: fmt.Sprintf("%s$A$1:$%s$%d", ref, last, rows), Scope: name}); err != nil {
		return fmt.Errorf("%s print area: %w", name, err)
	}
	if !titles {
		return nil
	}
	if err := x.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: ref + "$1:$1", Scope: name}); err != nil {
		return fmt.Errorf("%s print titles: %w", name, err)
	}
	return nil
}

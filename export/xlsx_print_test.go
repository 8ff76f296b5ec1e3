package export

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"drillbook/internal/atomicfile"
)

// libreOffice returns LibreOffice's command (see needTool for when it is
// missing).
func libreOffice(t *testing.T) string {
	t.Helper()
	if lo, err := exec.LookPath("soffice"); err == nil {
		return lo
	}
	return needTool(t, "libreoffice", "install LibreOffice (apt-get install libreoffice-calc) to print the workbook")
}

// TestExcelPageSetup checks each sheet's print settings as stored:
// landscape, fitted to one page wide, a print area and, on table sheets,
// the header row repeated on every page.
func TestExcelPageSetup(t *testing.T) {
	f := makeXLSX(t, Input{Workspace: demoWorkspace(t)}, demoOpts)
	names := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		names[dn.Scope+"|"+dn.Name] = dn.RefersTo
	}
	for _, s := range f.GetSheetList() {
		pl, err := f.GetPageLayout(s)
		if err != nil || pl.Orientation == nil || *pl.Orientation != "landscape" || pl.FitToWidth == nil || *pl.FitToWidth != 1 {
			t.Errorf("%s: page layout %+v, %v; want landscape, one page wide", s, pl, err)
		}
		if p, err := f.GetSheetProps(s); err != nil || p.FitToPage == nil || !*p.FitToPage {
			t.Errorf("%s: fit to page not set (%v)", s, err)
		}
		if names[s+"|_xlnm.Print_Area"] == "" {
			t.Errorf("%s has no print area", s)
		}
		if table := s != sheetSummary && s != sheetCharts; table && !strings.HasSuffix(names[s+"|_xlnm.Print_Titles"], "!$1:$1") {
			t.Errorf("%s: print titles %q, want row 1", s, names[s+"|_xlnm.Print_Titles"])
		}
		hf, err := f.GetHeaderFooter(s)
		if err != nil || !strings.Contains(hf.OddHeader, "Harbourside") || !strings.Contains(hf.OddHeader, s) || !strings.Contains(hf.OddFooter, "Page &P of &N") {
			t.Errorf("%s: header %q footer %q (%v); want the organisation, the sheet and page X of Y", s, hf.OddHeader, hf.OddFooter, err)
		}
	}
}

// TestExcelPrintsInLibreOffice prints the workbook of the demo and of an
// exercised workspace with LibreOffice and reads the pages back: every
// page carries its sheet's name (the header), the radar and the trend
// charts are each alone and whole on one page, and the Findings sheet
// takes no more than two pages per screen of rows (40). It needs
// LibreOffice and pdftotext: without them it is skipped, or fails when
// CI is set.
func TestExcelPrintsInLibreOffice(t *testing.T) {
	lo := libreOffice(t)
	for name, mk := range readerWorkspaces {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, name+".xlsx")
			in := Input{Workspace: mk(t)}
			opts := demoOpts
			opts.Date = reportDay
			if err := atomicfile.Write(path, func(w io.Writer) error { return Excel(context.Background(), w, in, opts, nil) }); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, lo, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"), "--convert-to", "pdf", "--outdir", dir, path)
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("LibreOffice: %v\n%s", err, msg)
			}
			pdf, err := os.ReadFile(filepath.Join(dir, name+".pdf"))
			if err != nil {
				t.Fatal(err)
			}
			pages := pageTexts(pdfToText(t, pdf, "-layout"))
			f, err := excelize.OpenFile(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			count := map[string]int{}
			var chartPages []string
			for i, p := range pages {
				sheet := pageSheet(f.GetSheetList(), p)
				if sheet == "" {
					t.Errorf("page %d names no sheet in its header: %.200q", i+1, p)
					continue
				}
				count[sheet]++
				if sheet == sheetCharts {
					chartPages = append(chartPages, p)
				}
			}
			t.Logf("%d pages: %v", len(pages), count)
			if len(chartPages) != 2 {
				t.Fatalf("the charts print on %d pages, want 2", len(chartPages))
			}
			for i, want := range []string{chartLevelsTitle, chartTrendTitle} {
				other := []string{chartTrendTitle, chartLevelsTitle}[i]
				if !strings.Contains(chartPages[i], want) || strings.Contains(chartPages[i], other) {
					t.Errorf("chart page %d: want %q alone, got %q", i+1, want, chartPages[i])
				}
			}
			// The radar's axis labels (the dimensions) are on its page,
			// so it is drawn whole rather than cut at the page's foot.
			for _, d := range []string{"Incident types", "Roles & responsibilities", "Communications"} {
				if !strings.Contains(chartPages[0], d) {
					t.Errorf("the radar's page lacks its label %q", d)
				}
			}
			rows, _ := f.GetRows(sheetFindings)
			screens := (len(rows) - 1 + 39) / 40
			if got := count[sheetFindings]; got == 0 || got > 2*max(screens, 1) {
				t.Errorf("Findings prints on %d pages for %d rows (%d screens)", got, len(rows)-1, screens)
			}
			if count[sheetSummary] != 1 {
				t.Errorf("the summary prints on %d pages, want 1", count[sheetSummary])
			}
		})
	}
}

// pageSheet returns the sheet a printed page belongs to: the header's
// first line ends with the sheet's name.
func pageSheet(sheets []string, page string) string {
	first, _, _ := strings.Cut(strings.TrimSpace(page), "\n")
	best := ""
	for _, s := range sheets {
		if strings.HasSuffix(strings.TrimSpace(first), s) && len(s) > len(best) {
			best = s
		}
	}
	return best
}

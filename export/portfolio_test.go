package export

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"drillbook/plan"
	"drillbook/portfolio"
)

// calibrationPortfolio compares the calibration workspaces, the demo
// with two exercises run (demoWorkspace) and a corrupt file on the day the
// calibration files are written for.
func calibrationPortfolio(t *testing.T, anonymise bool) (*portfolio.Portfolio, []*plan.Workspace) {
	t.Helper()
	files, err := filepath.Glob("../scoring/testdata/calibration/*.json")
	if err != nil {
		t.Fatal(err)
	}
	files = slices.DeleteFunc(files, func(f string) bool { return filepath.Base(f) == "expectations.json" })
	var wss []*plan.Workspace
	for _, f := range files {
		ws, err := plan.Load(f)
		if err != nil {
			t.Fatal(err)
		}
		wss = append(wss, ws)
	}
	exercised := filepath.Join(t.TempDir(), "exercised.json")
	ws := demoWorkspace(t)
	if err := plan.Save(exercised, ws); err != nil {
		t.Fatal(err)
	}
	files, wss = append(files, exercised), append(wss, ws)
	bad := filepath.Join(t.TempDir(), "corrupt.json")
	if err := os.WriteFile(bad, []byte("{\n  \"schemaVersion\": 4,\n  \"organisation\": [\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	p, err := portfolio.Build(context.Background(), append(files, bad), portfolio.Options{Date: plan.NewDate(2026, 12, 1), Anonymise: anonymise})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Clients) != len(files) || len(p.Errors) != 1 {
		t.Fatalf("%d clients, errors %+v", len(p.Clients), p.Errors)
	}
	return p, wss
}

func portfolioWorkbook(t *testing.T, p *portfolio.Portfolio) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := PortfolioExcel(context.Background(), &buf, p, nil); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatalf("excelize cannot open the portfolio workbook: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func portfolioPDF(t *testing.T, p *portfolio.Portfolio) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := PortfolioPDF(context.Background(), &buf, p, nil); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestPortfolioWorkbook(t *testing.T) {
	p, _ := calibrationPortfolio(t, false)
	f := portfolioWorkbook(t, p)
	if got, want := f.GetSheetList(), []string{sheetClients, sheetSectors, sheetPeers, sheetLoadErrors}; !slices.Equal(got, want) {
		t.Fatalf("sheets %q, want %q", got, want)
	}
	rows, err := f.GetRows(sheetClients)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 1+len(p.Clients) {
		t.Fatalf("%d rows on Clients for %d clients", len(rows), len(p.Clients))
	}
	head := rows[0]
	for i, c := range p.Clients {
		cell := func(title string) string {
			j := slices.Index(head, title)
			if j < 0 || j >= len(rows[i+1]) {
				t.Fatalf("no column %q in %q", title, head)
			}
			return rows[i+1][j]
		}
		if cell("Client") != c.Name || cell("File") != c.File || cell("Tier") != string(c.Tier) || cell("Validation") != string(c.Validation.Status) {
			t.Errorf("row %d %q is not client %+v", i+1, rows[i+1], c)
		}
		for d, dim := range p.Dimensions {
			if got := cell(dim.Name); got != strconv.Itoa(c.Levels[d]) {
				t.Errorf("%s %s = %q, want %d", c.Name, dim.Name, got, c.Levels[d])
			}
		}
	}
	errs, err := f.GetRows(sheetLoadErrors)
	if err != nil || len(errs) != 2 || !strings.HasSuffix(errs[1][0], "corrupt.json") || !strings.Contains(errs[1][1], "corrupt.json:3:") {
		t.Errorf("Load errors sheet %q (%v): want the corrupt file with its line", errs, err)
	}
	sectors, err := f.GetRows(sheetSectors)
	if err != nil || len(sectors) != 1+len(p.Sectors)*(len(p.Dimensions)+1) {
		t.Errorf("Sectors sheet has %d rows (%v)", len(sectors), err)
	}
	for _, sheet := range f.GetSheetList() {
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 {
			t.Errorf("%s: header row not frozen: %+v %v", sheet, panes, err)
		}
		layout, err := f.GetPageLayout(sheet)
		if err != nil || layout.Orientation == nil || *layout.Orientation != "landscape" {
			t.Errorf("%s: not set up for printing like the report's sheets: %+v %v", sheet, layout, err)
		}
	}
	assertNoFormulas(t, f)
	// The exercised demo's latest run is the DNS one of 2026-10-30.
	last := rows[len(rows)-1]
	if c := p.Clients[len(p.Clients)-1]; c.Latest == nil || c.Latest.Date != plan.NewDate(2026, 10, 30) ||
		!slices.Contains(last, c.Latest.Scenario) || !slices.Contains(last, c.Validation.ScenarioTitle) || c.Validation.RunID == "" {
		t.Errorf("exercised client %+v, row %q: want its latest run and the run behind its validation", c, last)
	}
}

func TestPortfolioPDF(t *testing.T) {
	p, _ := calibrationPortfolio(t, false)
	// Words joined by single spaces: table cells wrap long names.
	text := strings.Join(strings.Fields(pdfToText(t, portfolioPDF(t, p), "-raw")), " ")
	for _, c := range p.Clients {
		if strings.Count(text, c.Name) < 2 { // the table and the client's radar page
			t.Errorf("the PDF names %q fewer than twice", c.Name)
		}
	}
	for _, want := range []string{"Sectors", "Clients against their peers", "Files that could not be loaded", "corrupt.json:3:"} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
}

// The issue: "--anonymise output contains no organisation or person
// name". Every cell, the workbook's properties, the PDF's text and its
// properties are searched for every organisation (the clients' and their
// suppliers') and every person of the inputs.
func TestPortfolioAnonymisedNamesNobody(t *testing.T) {
	p, wss := calibrationPortfolio(t, true)
	var names []string
	for _, ws := range wss {
		names = append(names, ws.Organisation.Name)
		for _, person := range ws.People {
			names = append(names, person.Name)
		}
		for _, tp := range ws.ThirdParties {
			names = append(names, tp.Name)
		}
	}
	f := portfolioWorkbook(t, p)
	var cells strings.Builder
	allCells(t, f, func(sheet, cell, value string) { cells.WriteString(sheet + "!" + cell + " " + value + "\n") })
	props, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	pdf := portfolioPDF(t, p)
	outputs := map[string]string{
		"workbook cells":      cells.String(),
		"workbook properties": props.Title + props.Subject + props.Creator + props.Description,
		"PDF text":            pdfToText(t, pdf, "-raw"),
		"PDF properties":      pdfInfo(pdf),
	}
	for what, text := range outputs {
		// A wrapped name is still a name: compare with words joined by single spaces.
		text = strings.Join(strings.Fields(text), " ")
		if !strings.Contains(text, "Client A") && strings.HasPrefix(what, "workbook cells") {
			t.Errorf("%s: no Client A", what)
		}
		for _, n := range names {
			if n = strings.Join(strings.Fields(n), " "); n != "" && strings.Contains(strings.ToLower(text), strings.ToLower(n)) {
				t.Errorf("%s names %q", what, n)
			}
		}
	}
}

// A 10,000-character organisation name mixing Markdown, control
// characters and right-to-left text, and a sector of the same, still give
// a workbook with the text whole (cleaned) and a PDF whose pages hold it
// without error.
func TestPortfolioHostileNames(t *testing.T) {
	ws := plan.Demo()
	hostile := "**Acme** <b>\x07\u202eשלום\u202c " + strings.Repeat("long name ", 1000)
	ws.Organisation.Name = hostile
	ws.Organisation.Sector = "# Sector\n\x1b[31m" + strings.Repeat("x", 3000)
	path := filepath.Join(t.TempDir(), "hostile.json")
	if err := plan.Save(path, ws); err != nil {
		t.Fatal(err)
	}
	p, err := portfolio.Build(context.Background(), []string{path}, portfolio.Options{Date: plan.NewDate(2026, 12, 1)})
	if err != nil || len(p.Clients) != 1 {
		t.Fatalf("%v, %+v", err, p)
	}
	f := portfolioWorkbook(t, p)
	name, err := f.GetCellValue(sheetClients, "A2")
	if err != nil || !strings.HasPrefix(name, "**Acme**") || strings.ContainsAny(name, "\x07\x1b") || utf8.RuneCountInString(name) < 10000 {
		t.Errorf("client cell %.60q… (%d runes, %v): want the name whole, without control characters", name, utf8.RuneCountInString(name), err)
	}
	pdf := portfolioPDF(t, p)
	if dir := os.Getenv("DRILLBOOK_SHOTS"); dir != "" { // to look at
		if err := os.WriteFile(filepath.Join(dir, "portfolio-hostile.pdf"), pdf, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	text := pdfToText(t, pdf, "-raw")
	if !strings.Contains(text, "**Acme**") || strings.Contains(text, "\x07") {
		t.Errorf("the PDF lacks the name or keeps a control character")
	}
	// Headings and table cells cut a long name to a few lines (the
	// workbook has it whole), so one client still takes a few pages.
	if n := len(pageTexts(text)); n > 4 {
		t.Errorf("one client with a long name takes %d pages", n)
	}
}

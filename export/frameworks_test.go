package export

import (
	"strings"
	"testing"

	"drillbook/scoring"
)

// The PDF's "Framework coverage" section holds each chosen framework's
// clauses with their statuses and the findings behind them; --sections
// can pick it alone.
func TestPDFFrameworkCoverage(t *testing.T) {
	ws := demoWorkspace(t)
	ws.Frameworks = []string{"nis2", "gdpr"}
	a := scoring.Assess(ws, reportDay)
	opts := demoOpts
	opts.Sections = []Section{SectionFrameworks}
	text := pdfToText(t, makePDF(t, Input{Workspace: ws, Assessment: a}, opts))
	flat := strings.Join(strings.Fields(text), " ")
	for _, want := range []string{
		"Framework coverage", "NIS2 Directive (EU) 2022/2555", "General Data Protection Regulation",
		"Art. 23(4)(a)", "Time limit: 24 hours from becoming aware", "partly met", "not assessed",
		"Out of scope: The breach register is kept outside the workspace.",
	} {
		if !strings.Contains(flat, want) {
			t.Errorf("the section lacks %q", want)
		}
	}
	if strings.Contains(flat, "Dimension details") || strings.Contains(flat, "Executive summary") {
		t.Error("unchosen sections are printed")
	}
	// The findings behind a partly met clause are named in words.
	gdpr := a.Framework("gdpr")
	for _, c := range gdpr.Clauses {
		if c.Status == scoring.ClausePartlyMet && len(c.Findings) > 0 {
			title := strings.Join(strings.Fields(a.Finding(c.Findings[0]).Title), " ")
			if !strings.Contains(flat, title[:min(len(title), 40)]) {
				t.Errorf("%s: finding %q is not printed", c.Clause.ID, title)
			}
		}
	}
	if _, err := ParseSections("frameworks"); err != nil {
		t.Errorf("--sections frameworks: %v", err)
	}
}

// The workbook has a Frameworks sheet: one row per clause with its status.
func TestExcelFrameworksSheet(t *testing.T) {
	ws := demoWorkspace(t)
	ws.Organisation.Regimes = nil // NIST CSF 2.0 alone
	a := scoring.Assess(ws, reportDay)
	f := makeXLSX(t, Input{Workspace: ws, Assessment: a}, demoOpts)
	rows, err := f.GetRows(sheetFrameworks)
	if err != nil {
		t.Fatal(err)
	}
	csf := a.Frameworks[0]
	if len(rows) != 1+len(csf.Clauses) {
		t.Fatalf("%d rows, want a header and %d clauses", len(rows), len(csf.Clauses))
	}
	if h := strings.Join(rows[0], "|"); h != "Framework|Clause|What it asks|Status|Evidence|Citation|Reference" {
		t.Errorf("header %q", h)
	}
	for i, c := range csf.Clauses {
		row := rows[i+1]
		if row[0] != "NIST CSF 2.0" || row[1] != c.Clause.Reference || row[3] != strings.ReplaceAll(string(c.Status), "-", " ") {
			t.Errorf("row %d %q, want %s %s", i+1, row[:4], c.Clause.Reference, c.Status)
		}
	}
}

// A 10,000-character scenario title reaches the section through the
// exercise findings behind a clause; it is cut short there (the findings
// sections print it whole), so the section stays a few pages.
func TestFrameworkCoverageHostileTitles(t *testing.T) {
	ws := hostileWorkspace(t)
	for i := range ws.Runs {
		ws.Runs[i].ScenarioTitle = long + "\u202E"
	}
	a := scoring.Assess(ws, reportDay)
	opts := demoOpts
	opts.Sections = []Section{SectionFrameworks}
	pdf := makePDF(t, Input{Workspace: ws, Assessment: a}, opts)
	text := pdfToText(t, pdf)
	if !strings.Contains(text, "BEGIN-LONG") || strings.Contains(text, "END-LONG") || strings.Contains(text, "\u202E") {
		t.Errorf("the long title is not cut short as it should be")
	}
	if n := pdfPageCount(pdf); n > 8 {
		t.Errorf("the section runs to %d pages", n)
	}
	if got := shortTitle(strings.Repeat("é", 500)); len([]rune(got)) != 241 {
		t.Errorf("a 500-letter word is cut to %d runes", len([]rune(got)))
	}
}

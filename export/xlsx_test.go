package export

import (
	"archive/zip"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"drillbook/internal/atomicfile"
	"drillbook/plan"
	"drillbook/scoring"
)

func TestExcelReadBack(t *testing.T) {
	ws := demoWorkspace(t)
	a := scoring.Assess(ws, reportDay)
	in := Input{Workspace: ws, Assessment: a}
	f := makeXLSX(t, in, demoOpts)

	want := []string{sheetSummary, sheetCharts, sheetDimensions, sheetCriteria, sheetFindings, sheetFrameworks, sheetImprovement, sheetExerciseLog, sheetTimers, sheetResponsible, sheetContacts, sheetPlaybooks}
	if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("sheets %q, want %q", got, want)
	}
	assertNoFormulas(t, f)

	// Frozen header rows on every sheet.
	for _, s := range want[2:] {
		p, err := f.GetPanes(s)
		if err != nil || !p.Freeze || p.YSplit != 1 {
			t.Errorf("%s: panes %+v, %v; want the header row frozen", s, p, err)
		}
	}

	// Summary values equal the assessment.
	if v, _ := f.GetCellValue(sheetSummary, cellRight(t, f, sheetSummary, "Plan tier")); v != string(a.Tier) {
		t.Errorf("tier %q, want %q", v, a.Tier)
	}
	if v, _ := f.GetCellValue(sheetSummary, cellRight(t, f, sheetSummary, "Readiness index (0–100)"), excelize.Options{RawCellValue: true}); v != strconv.FormatFloat(a.Index, 'f', -1, 64) {
		t.Errorf("index %q, want %v", v, a.Index)
	}

	// Dimensions: one row per dimension with its level.
	rows, _ := f.GetRows(sheetDimensions)
	if len(rows) != 1+len(a.Dimensions) {
		t.Fatalf("%d dimension rows, want %d", len(rows)-1, len(a.Dimensions))
	}
	for i, d := range a.Dimensions {
		if rows[i+1][0] != d.Dimension.Name || rows[i+1][1] != strconv.Itoa(d.Level) || rows[i+1][17] != string(d.Dimension.ID) {
			t.Errorf("dimension row %d: %q, want %s level %d", i+1, rows[i+1], d.Dimension.ID, d.Level)
		}
	}

	// Findings: a table with filters, in ranked order.
	tables, err := f.GetTables(sheetFindings)
	if err != nil || len(tables) != 1 || tables[0].Name != "Findings" {
		t.Fatalf("findings tables %+v, %v", tables, err)
	}
	if want := fmt.Sprintf("A1:I%d", len(a.Findings)+1); tables[0].Range != want {
		t.Errorf("findings table range %s, want %s", tables[0].Range, want)
	}
	rows, _ = f.GetRows(sheetFindings)
	for i, fd := range a.Findings {
		if rows[i+1][0] != strconv.Itoa(i+1) || rows[i+1][3] != fd.Severity.String() || !strings.HasPrefix(rows[i+1][8], "Finding "+fd.ID+"\n") {
			t.Errorf("finding %d: %q, want rank %d, %s, reference to %s", i+1, rows[i+1], i+1, fd.Severity, fd.ID)
		}
	}

	// Improvement plan: status drop-down, due dates as real dates.
	dvs, err := f.GetDataValidations(sheetImprovement)
	if err != nil || len(dvs) != 1 || dvs[0].Type != "list" || !strings.Contains(dvs[0].Formula1, "in progress") || !strings.HasPrefix(dvs[0].Sqref, "E2:E") {
		t.Errorf("status validation %+v, %v", dvs, err)
	}
	raw, _ := f.GetCellValue(sheetImprovement, "D2", excelize.Options{RawCellValue: true})
	shown, _ := f.GetCellValue(sheetImprovement, "D2")
	if serial, err := strconv.ParseFloat(raw, 64); err != nil || serial < 40000 {
		t.Errorf("due date stored as %q, want an Excel date serial", raw)
	}
	if shown != ws.Actions[0].Due.String() {
		t.Errorf("due date shows as %q, want %s", shown, ws.Actions[0].Due)
	}

	// Exercise log: every event but checkpoints, exercise time as a
	// duration value.
	rows, _ = f.GetRows(sheetExerciseLog, excelize.Options{RawCellValue: true})
	events := 0
	for _, r := range ws.Runs {
		for _, e := range r.Events {
			if e.Kind != "checkpoint" {
				events++
			}
		}
	}
	if len(rows)-1 != events {
		t.Errorf("%d log rows, want %d", len(rows)-1, events)
	}
	n0 := 0
	for _, e := range ws.Runs[0].Events {
		if e.Kind != "checkpoint" {
			n0++
		}
	}
	at := ws.Runs[0].Events[len(ws.Runs[0].Events)-1].At
	if raw, _ := f.GetCellValue(sheetExerciseLog, fmt.Sprintf("C%d", n0+1), excelize.Options{RawCellValue: true}); !closeTo(raw, at.D().Hours()/24) {
		t.Errorf("exercise time stored as %q, want %v days", raw, at.D().Hours()/24)
	}

	// Timers: one row per task, breached flagged, margin in minutes.
	rows, _ = f.GetRows(sheetTimers, excelize.Options{RawCellValue: true})
	tasks := 0
	for _, r := range ws.Runs {
		tasks += len(r.Tasks)
	}
	if len(rows)-1 != tasks {
		t.Errorf("%d timer rows, want %d", len(rows)-1, tasks)
	}
	for _, r := range rows[1:] {
		if len(r) > 9 && (r[8] == "late" || r[8] == "missed") && r[9] != "yes" {
			t.Errorf("timer %s is %s but not marked breached", r[1], r[8])
		}
	}

	// Native charts: a radar of levels and a line of the trend.
	charts := chartParts(t, f)
	if len(charts) != 2 || !strings.Contains(charts[0]+charts[1], "radarChart>") || !strings.Contains(charts[0]+charts[1], "lineChart>") {
		t.Errorf("want a radar and a line chart, got %d chart parts", len(charts))
	}

	props, err := f.GetDocProps()
	if err != nil || props.Creator != "Alex Reviewer" || !strings.Contains(props.Title, "Harbourside") || props.Created == "" {
		t.Errorf("document properties %+v, %v", props, err)
	}
	if hf, err := f.GetHeaderFooter(sheetFindings); err != nil || !strings.Contains(hf.OddHeader, "CONFIDENTIAL") {
		t.Errorf("print header %+v, %v", hf, err)
	}
}

func closeTo(s string, want float64) bool {
	v, err := strconv.ParseFloat(s, 64)
	return err == nil && v-want < 1e-6 && want-v < 1e-6
}

// cellRight returns the cell to the right of the first cell holding label.
func cellRight(t *testing.T, f *excelize.File, sheet, label string) string {
	t.Helper()
	cell, _ := findCell(t, f, sheet, label)
	if cell == "" {
		t.Fatalf("%s has no %q", sheet, label)
	}
	c, r, _ := excelize.CellNameToCoordinates(cell)
	ref, _ := excelize.CoordinatesToCellName(c+1, r)
	return ref
}

// chartParts returns the chart XML parts of the workbook.
func chartParts(t *testing.T, f *excelize.File) []string {
	t.Helper()
	buf, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			rc, _ := zf.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			out = append(out, string(b))
		}
	}
	return out
}

func TestExcelNonAttributable(t *testing.T) {
	f := makeXLSX(t, Input{Workspace: demoWorkspace(t)}, Options{Assessor: "Alex Reviewer", NonAttributable: true})
	allCells(t, f, func(sheet, cell, v string) {
		if strings.Contains(v, "Alex Reviewer") {
			t.Errorf("%s!%s names the assessor", sheet, cell)
		}
	})
	if p, _ := f.GetDocProps(); p.Creator != "Drillbook" {
		t.Errorf("creator %q", p.Creator)
	}
}

func TestExcelCancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	dir := t.TempDir()
	err := atomicfile.Write(filepath.Join(dir, "r.xlsx"), func(w io.Writer) error {
		return Excel(ctx, w, Input{Workspace: demoWorkspace(t)}, Options{Date: reportDay}, func(done, total int) {
			if done == 2 {
				cancel()
			}
		})
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v, want context.Canceled", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("left behind: %v", entries)
	}
}

// TestExcelOpensInLibreOffice converts the demo and the hostile workbooks
// to CSV with LibreOffice, which parses every sheet as Calc would. It
// needs LibreOffice (apt-get install libreoffice-calc): without it the
// test is skipped, or fails when CI is set.
func TestExcelOpensInLibreOffice(t *testing.T) {
	lo, err := exec.LookPath("soffice")
	if err != nil {
		lo = needTool(t, "libreoffice", "install LibreOffice (apt-get install libreoffice-calc) for the open-in-Calc check")
	}
	for name, ws := range map[string]func(testing.TB) *plan.Workspace{"demo": demoWorkspace, "hostile": hostileWorkspace} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, name+".xlsx")
			err := atomicfile.Write(path, func(w io.Writer) error {
				return Excel(context.Background(), w, Input{Workspace: ws(t)}, Options{Date: reportDay, Marking: "CONFIDENTIAL — client"}, nil)
			})
			if err != nil {
				t.Fatal(err)
			}
			out := filepath.Join(dir, "csv")
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			// Sheet -1 writes every sheet to its own CSV file.
			cmd := exec.CommandContext(ctx, lo, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
				"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1", "--outdir", out, path)
			msg, err := cmd.CombinedOutput()
			if err != nil || strings.Contains(strings.ToLower(string(msg)), "error") {
				t.Fatalf("LibreOffice: %v\n%s", err, msg)
			}
			summary, err := os.ReadFile(filepath.Join(out, name+"-Summary.csv"))
			if err != nil {
				t.Fatalf("no Summary CSV: %v\n%s", err, msg)
			}
			if !strings.Contains(string(summary), "Plan tier") {
				t.Errorf("Summary CSV: %s", summary)
			}
			contacts, err := os.ReadFile(filepath.Join(out, name+"-Contacts.csv"))
			if err != nil {
				t.Fatal(err)
			}
			if name == "hostile" {
				for _, want := range append(append([]string{}, formulaNames...), greekName, cyrillicName, emojiName) {
					if !strings.Contains(string(contacts), want) {
						t.Errorf("LibreOffice does not show %q as text", want)
					}
				}
				if strings.Contains(string(contacts), ",2,") && !strings.Contains(string(contacts), "-2") {
					t.Error("\"-2\" became a number")
				}
			}
		})
	}
}

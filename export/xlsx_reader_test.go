package export

import (
	"testing"

	"github.com/xuri/excelize/v2"

	"drillbook/plan"
)

// readerWorkspaces are the workspaces the reader-text tests read: the
// demo as it ships (no exercise yet) and with two played runs.
var readerWorkspaces = map[string]func(testing.TB) *plan.Workspace{
	"demo":      func(testing.TB) *plan.Workspace { return plan.Demo() },
	"exercised": demoWorkspace,
}

// readerCells calls fn for every cell a reader reads: every cell of
// every sheet except the Reference columns (headed "Reference"), which
// keep IDs and plan paths for traceability.
func readerCells(t *testing.T, f *excelize.File, fn func(sheet, cell, value string)) {
	t.Helper()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" || len(rows[0]) > c && rows[0][c] == "Reference" {
					continue
				}
				ref, _ := excelize.CoordinatesToCellName(c+1, r+1)
				fn(sheet, ref, v)
			}
		}
	}
}

// TestExcelReaderText reads every text column of the workbook of the demo
// and of an exercised workspace as its reader would, by the rules every
// output is held to (readerProblems): no raw duration, no plan path, no
// internal ID or enum key, no "1 exercises" or "(s)"; and no proposed
// action twice.
func TestExcelReaderText(t *testing.T) {
	for name, mk := range readerWorkspaces {
		t.Run(name, func(t *testing.T) {
			ws := mk(t)
			f := makeXLSX(t, Input{Workspace: ws}, demoOpts)
			readerCells(t, f, func(sheet, cell, v string) {
				for _, p := range readerProblems(ws, v) {
					t.Errorf("%s!%s: %s", sheet, cell, p)
				}
			})
			assertProposedOnce(t, f)
		})
	}
}

// assertProposedOnce fails when two proposed rows of the improvement
// plan propose the same action.
func assertProposedOnce(t *testing.T, f *excelize.File) {
	t.Helper()
	rows, err := f.GetRows(sheetImprovement)
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, h := range rows[0] {
		col[h] = i
	}
	seen := map[string]int{}
	for r, row := range rows[1:] {
		if len(row) <= col["Source"] || row[col["Source"]] != "Proposed" {
			continue
		}
		text := row[col["Action"]]
		if prev, ok := seen[text]; ok {
			t.Errorf("rows %d and %d propose the same action: %q", prev, r+2, text)
		}
		seen[text] = r + 2
	}
	if len(seen) == 0 {
		t.Log("no proposed action to compare")
	}
}

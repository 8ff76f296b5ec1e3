package cli

import (
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"drillbook/plan"
)

// calibrationWorkspaces are the calibration files that are workspaces.
func calibrationWorkspaces(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../scoring/testdata/calibration/*.json")
	if err != nil {
		t.Fatal(err)
	}
	return slices.DeleteFunc(files, func(f string) bool { return filepath.Base(f) == "expectations.json" })
}

// exercisedWorkspace is a calibration workspace with one exercise run
// recorded (one task met, one missed), so the validation status has a
// run behind it.
func exercisedWorkspace(t *testing.T) string {
	t.Helper()
	ws, err := plan.Load("../scoring/testdata/calibration/mature-saas.json")
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 10, 10, 0, 0, 0, time.UTC)
	met := 10 * plan.Minute
	ws.Runs = append(ws.Runs, plan.Run{ID: "run-1", ScenarioID: "dns-zone-suspended", ScenarioTitle: "The DNS provider suspends our zone",
		Category: plan.CategoryAvailability, StartingSeverity: 2, Started: start, Ended: start.Add(45 * time.Minute), Length: 45 * plan.Minute,
		Tasks: []plan.Task{
			{ID: "ack", Source: "expectation", Kind: "acknowledge", Label: "Acknowledge the page", Deadline: 15 * plan.Minute, MetAt: &met, Status: plan.TaskMet, Weight: 1},
			{ID: "esc", Source: "expectation", Kind: "escalate", Label: "Escalate to the incident manager", Deadline: 20 * plan.Minute, Status: plan.TaskMissed, Weight: 1},
		}})
	path := filepath.Join(t.TempDir(), "exercised.json")
	if err := plan.Save(path, ws); err != nil {
		t.Fatal(err)
	}
	return path
}

// The test: the workbook's rows equal `drillbook assess --json`
// for each file on the same day (the calibration workspaces, and one of
// them with an exercise run).
func TestPortfolioRowsEqualAssessJSON(t *testing.T) {
	files := append(calibrationWorkspaces(t), exercisedWorkspace(t))
	out := filepath.Join(t.TempDir(), "portfolio.xlsx")
	args := append([]string{"portfolio", "--xlsx", out, "--date", "2026-12-01"}, files...)
	if code, stdout, stderr, _ := run(t, args...); code != ExitOK || !strings.Contains(stdout, "compared 7 workspaces") {
		t.Fatalf("exit %d\n%s%s", code, stdout, stderr)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("Clients", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	head := rows[0]
	byFile := map[string][]string{}
	for _, r := range rows[1:] {
		byFile[r[slices.Index(head, "File")]] = r
	}
	for _, file := range files {
		code, stdout, stderr, _ := run(t, "assess", "--json", "--date", "2026-12-01", file)
		if code != ExitOK {
			t.Fatalf("assess %s: exit %d %s", file, code, stderr)
		}
		var a struct {
			Tier       string
			Index      float64
			Validation struct{ Status, Run, Scenario, Date, Rating string }
			Dimensions []struct {
				Name  string
				Level int
			}
		}
		if err := json.Unmarshal([]byte(stdout), &a); err != nil {
			t.Fatal(err)
		}
		row, ok := byFile[file]
		if !ok {
			t.Fatalf("no row for %s in %q", file, byFile)
		}
		cell := func(title string) string {
			i := slices.Index(head, title)
			if i < 0 {
				t.Fatalf("no column %q", title)
			}
			if i >= len(row) {
				return ""
			}
			return row[i]
		}
		index, err := strconv.ParseFloat(cell("Index"), 64)
		if err != nil || index != a.Index {
			t.Errorf("%s: index %q, assess --json %v", file, cell("Index"), a.Index)
		}
		v := a.Validation
		want := map[string]string{"Tier": a.Tier, "Validation": v.Status, "Run": v.Run, "Decided by": v.Scenario, "Run rating": v.Rating}
		for _, d := range a.Dimensions {
			want[d.Name] = strconv.Itoa(d.Level)
		}
		for col, w := range want {
			if got := cell(col); got != w {
				t.Errorf("%s: %s is %q, assess --json says %q", file, col, got, w)
			}
		}
		if filepath.Base(file) == "exercised.json" && (v.Run != "run-1" || v.Date != "2026-11-10") {
			t.Errorf("the exercised workspace's validation %+v does not rest on its run", v)
		}
		if filepath.Base(file) == "exercised.json" && !strings.HasPrefix(cell("Latest exercise"), "The DNS provider") {
			t.Errorf("latest exercise %q", cell("Latest exercise"))
		}
		if v.Date != "" {
			if serial, err := strconv.ParseFloat(cell("Run date"), 64); err != nil || excelDate(serial) != v.Date {
				t.Errorf("%s: run date %q, assess --json %s", file, cell("Run date"), v.Date)
			}
		}
	}
}

// excelDate turns an Excel day serial into YYYY-MM-DD.
func excelDate(serial float64) string {
	tm, err := excelize.ExcelDateToTime(serial, false)
	if err != nil {
		return err.Error()
	}
	return tm.Format("2006-01-02")
}

func TestPortfolioExitCodes(t *testing.T) {
	dir := t.TempDir()
	files := calibrationWorkspaces(t)
	data, err := os.ReadFile(files[0])
	if err != nil {
		t.Fatal(err)
	}
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(filepath.Join(in, ".trash"), 0o700); err != nil {
		t.Fatal(err)
	}
	for name, body := range map[string]string{"a.json": string(data), "b.json": "{\n\"schemaVersion\": 4,\n\"people\": 7\n}\n", ".trash/c.json": "{"} {
		if err := os.WriteFile(filepath.Join(in, name), []byte(body), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	xlsx, pdf := filepath.Join(dir, "p.xlsx"), filepath.Join(dir, "p.pdf")
	code, stdout, stderr, _ := run(t, "portfolio", in, "--xlsx", xlsx, "--pdf", pdf, "--anonymise")
	if code != ExitProblems || !strings.Contains(stderr, "b.json:3:") || strings.Contains(stderr, "c.json") ||
		!strings.Contains(stdout, "compared 1 workspace; 1 file could not be loaded") || !strings.Contains(stdout, "wrote "+pdf) {
		t.Errorf("one bad file: exit %d, stdout %q, stderr %q; want 1, the file's line, both outputs written", code, stdout, stderr)
	}
	for _, out := range []string{xlsx, pdf} {
		if st, err := os.Stat(out); err != nil || st.Size() == 0 {
			t.Errorf("%s not written: %v", out, err)
		}
	}
	for _, args := range [][]string{
		{"portfolio", in},                                   // no --xlsx
		{"portfolio", "--xlsx", xlsx},                       // no FILE|DIR
		{"portfolio", in, "--xlsx", xlsx, "--date", "soon"}, // bad date
		{"portfolio", t.TempDir(), "--xlsx", xlsx},          // nothing to compare
	} {
		if code, _, stderr, _ := run(t, args...); code != ExitUsage || !strings.HasPrefix(stderr, "drillbook: ") {
			t.Errorf("%q: exit %d, stderr %q; want 2", args, code, stderr)
		}
	}
}

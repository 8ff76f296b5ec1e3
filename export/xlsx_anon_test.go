package export

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"drillbook/plan"
)

// personTraces are the strings that identify the workspace's people:
// names, IDs (slugs of the names), e-mail addresses and phone numbers.
func personTraces(ws *plan.Workspace) []string {
	var out []string
	for _, p := range ws.People {
		if strings.TrimSpace(p.Name) != "" {
			out = append(out, p.Name, p.ID)
		}
		for _, c := range p.Contacts {
			if c.Channel == plan.ChannelEmail || c.Channel == plan.ChannelPhone || c.Channel == plan.ChannelSMS {
				out = append(out, c.Value)
			}
		}
	}
	return out
}

// assertNobodyNamed fails for every cell and document property of f
// that holds one of traces.
func assertNobodyNamed(t *testing.T, f *excelize.File, traces []string) {
	t.Helper()
	allCells(t, f, func(sheet, cell, v string) {
		for _, tr := range traces {
			if strings.Contains(v, tr) {
				t.Errorf("%s!%s names %q: %q", sheet, cell, tr, v)
			}
		}
	})
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	props := strings.Join([]string{p.Title, p.Subject, p.Creator, p.LastModifiedBy, p.Description, p.Keywords, p.Category, p.ContentStatus}, "|")
	for _, tr := range traces {
		if strings.Contains(props, tr) {
			t.Errorf("the document properties name %q: %s", tr, props)
		}
	}
}

// TestExcelNonAttributableNamesNobody is the whole check: the workbook of
// a non-attributable report, as Excel writes it and as LibreOffice reads
// each sheet, names nobody.
func TestExcelNonAttributableNamesNobody(t *testing.T) {
	opts := Options{Date: reportDay, Assessor: "Alex Reviewer", NonAttributable: true}
	lo := libreOffice(t)
	for name, mk := range readerWorkspaces {
		t.Run(name, func(t *testing.T) {
			ws := mk(t)
			traces := append(personTraces(ws), "Alex Reviewer")
			f := makeXLSX(t, Input{Workspace: ws}, opts)
			assertNobodyNamed(t, f, traces)
			dir := t.TempDir()
			path := filepath.Join(dir, name+".xlsx")
			if err := f.SaveAs(path); err != nil {
				t.Fatal(err)
			}
			ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
			defer cancel()
			out := filepath.Join(dir, "csv")
			cmd := exec.CommandContext(ctx, lo, "--headless", "-env:UserInstallation=file://"+filepath.Join(dir, "profile"),
				"--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir", out, path)
			if msg, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("LibreOffice: %v\n%s", err, msg)
			}
			files, _ := filepath.Glob(filepath.Join(out, "*.csv"))
			if len(files) < len(f.GetSheetList()) {
				t.Fatalf("%d CSV files for %d sheets", len(files), len(f.GetSheetList()))
			}
			for _, file := range files {
				b, err := os.ReadFile(file)
				if err != nil {
					t.Fatal(err)
				}
				for _, tr := range traces {
					if bytes.Contains(b, []byte(tr)) {
						t.Errorf("%s names %q", filepath.Base(file), tr)
					}
				}
			}
		})
	}
}

// TestExcelKeepsEveryScript: names in CJK, Hebrew and Arabic script are
// stored exactly as written (the workbook needs no font of its own), so
// different people stay different, and nothing becomes "�".
func TestExcelKeepsEveryScript(t *testing.T) {
	ws := demoWorkspace(t)
	scripts := []string{"王小明", "李小红", "דוד כהן", "محمد علي"}
	for i, name := range scripts {
		ws.People[i].Name = name
	}
	f := makeXLSX(t, Input{Workspace: ws}, demoOpts)
	for _, name := range scripts {
		if cell, got := findCell(t, f, sheetContacts, name); cell == "" || !strings.Contains(got, name) {
			t.Errorf("Contacts lacks %q", name)
		}
	}
	// The names reach the log and the findings too, exactly.
	for _, sheet := range []string{sheetFindings, sheetExerciseLog} {
		if cell, _ := findCell(t, f, sheet, scripts[0]); cell == "" {
			t.Errorf("%s does not name %q", sheet, scripts[0])
		}
	}
	allCells(t, f, func(sheet, cell, v string) {
		if strings.ContainsRune(v, '\uFFFD') {
			t.Errorf("%s!%s has a replacement character: %q", sheet, cell, v)
		}
	})
}

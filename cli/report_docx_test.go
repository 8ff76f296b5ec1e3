package cli

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"drillbook/plan"
	"drillbook/plan/plantest"
)

// docxDocument reads word/document.xml from a .docx.
func docxDocument(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("%s is not a .docx: %v", path, err)
	}
	defer z.Close()
	f, err := z.Open("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestReportDOCX(t *testing.T) {
	ws := plantest.WithRuns(plan.Demo(), 3, 40)
	path := savedWorkspace(t, "client.json", ws)
	dir := t.TempDir()
	latest, first := filepath.Join(dir, "latest.docx"), filepath.Join(dir, "first.docx")

	code, stdout, stderr, _ := run(t, "report", path, "--docx", latest, "--date", "2026-11-24", "--assessor", "Alex Reviewer")
	if code != ExitOK || !strings.Contains(stdout, "wrote "+latest) {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if st, _ := os.Stat(latest); st == nil || st.Mode().Perm() != 0o600 {
		t.Errorf("the Word document should be written with mode 0600: %v", st)
	}
	doc := docxDocument(t, latest)
	newest := ws.Runs[len(ws.Runs)-1].ScenarioTitle
	if !strings.Contains(doc, newest) || !strings.Contains(doc, "Alex Reviewer") || !strings.Contains(doc, `w:val="Heading1"`) {
		t.Errorf("the default report is not of the latest run %q with its assessor", newest)
	}

	code, _, stderr, _ = run(t, "report", path, "--run", ws.Runs[0].ID, "--docx", first)
	if code != ExitOK {
		t.Fatalf("--run %s: exit %d, stderr %q", ws.Runs[0].ID, code, stderr)
	}
	if doc := docxDocument(t, first); !strings.Contains(doc, ws.Runs[0].ScenarioTitle) {
		t.Errorf("--run %s does not report that run", ws.Runs[0].ID)
	}

	// A mistyped run is refused before anything is written.
	missing, pdf := filepath.Join(dir, "missing.docx"), filepath.Join(dir, "missing.pdf")
	code, _, stderr, _ = run(t, "report", path, "--pdf", pdf, "--docx", missing, "--run", "no-such-run")
	if code == ExitOK || !strings.Contains(stderr, `--run: no exercise run "no-such-run"`) || !strings.Contains(stderr, ws.Runs[0].ID) {
		t.Errorf("unknown run: exit %d, stderr %q; want an error naming it and the runs there are", code, stderr)
	}
	for _, p := range []string{missing, pdf} {
		if _, err := os.Stat(p); err == nil {
			t.Errorf("an unknown run still wrote %s", p)
		}
	}

	code, _, stderr, _ = run(t, "report", path, "--pdf", filepath.Join(dir, "r.pdf"), "--run", "all")
	if code != ExitUsage || !strings.Contains(stderr, "--docx") {
		t.Errorf("--run without --docx: exit %d, stderr %q", code, stderr)
	}
}

package cli

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"drillbook/internal/testtool"
	"drillbook/plan"
)

// savedWorkspace saves ws as name in a fresh folder and returns its path.
func savedWorkspace(t *testing.T, name string, ws *plan.Workspace) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := plan.Save(path, ws); err != nil {
		t.Fatal(err)
	}
	return path
}

func demoFile(t *testing.T) string { return savedWorkspace(t, "client.json", plan.Demo()) }

func TestReportWritesEveryFormat(t *testing.T) {
	ws := demoFile(t)
	out := t.TempDir()
	pdf, xlsx, md := filepath.Join(out, "r.pdf"), filepath.Join(out, "r.xlsx"), filepath.Join(out, "md")
	// Flags before and after the workspace both work.
	code, stdout, stderr, gui := run(t, "report", "--pdf", pdf, ws, "--xlsx", xlsx, "--md", md,
		"--marking", "CONFIDENTIAL — Harbourside", "--assessor", "Alex Reviewer", "--date", "2026-11-24", "--sections", "cover,summary,appendix")
	if code != ExitOK || gui != nil {
		t.Fatalf("exit %d, gui %v; stderr %s", code, gui, stderr)
	}
	for _, p := range []string{pdf, xlsx, md} {
		if !strings.Contains(stdout, "wrote "+p) {
			t.Errorf("stdout %q does not report %s", stdout, p)
		}
	}
	b, err := os.ReadFile(pdf)
	if err != nil || !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.Contains(b, []byte("%%EOF")) {
		t.Fatalf("PDF: %v", err)
	}
	if st, _ := os.Stat(pdf); st.Mode().Perm() != 0o600 {
		t.Errorf("PDF mode %v, want 0600 (reports hold contact details)", st.Mode().Perm())
	}
	if pdftotext, ok := testtool.Look(t, "pdftotext", "install poppler-utils to read the PDF back"); ok {
		text, err := exec.Command(pdftotext, pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"Harbourside Health Ltd", "Alex Reviewer", "2026-11-24", "Executive summary", "Plan appendix", "CONFIDENTIAL — Harbourside"} {
			if !strings.Contains(string(text), want) {
				t.Errorf("PDF lacks %q", want)
			}
		}
		if strings.Contains(string(text), "Dimension details\n") {
			t.Error("an unchosen section is in the PDF")
		}
	}
	f, err := excelize.OpenFile(xlsx)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if v, _ := f.GetCellValue("Summary", "A1"); v != "Incident-response readiness report" {
		t.Errorf("workbook Summary!A1 = %q", v)
	}
	for _, name := range []string{"README.md", "procedure.md", "roles.md", "escalation.md", "playbooks/index.md"} {
		if _, err := os.Stat(filepath.Join(md, name)); err != nil {
			t.Error(err)
		}
	}
}

func TestReportUsageErrors(t *testing.T) {
	ws := demoFile(t)
	out := filepath.Join(t.TempDir(), "r.pdf")
	cases := [][]string{
		{"report"},
		{"report", ws},
		{"report", "--pdf", out},
		{"report", ws, "other.json", "--pdf", out},
		{"report", ws, "--pdf", out, "--sections", "cover,bogus"},
		{"report", ws, "--pdf", out, "--date", "24/11/2026"},
		{"report", ws, "--pdf", out, "--bogus"},
		{"report", filepath.Join(t.TempDir(), "missing.json"), "--pdf", out},
	}
	for _, args := range cases {
		code, _, stderr, _ := run(t, args...)
		if code != ExitUsage || !strings.Contains(stderr, "drillbook") && !strings.Contains(stderr, "flag") {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr)
		}
	}
	if _, err := os.Stat(out); err == nil {
		t.Error("a failed command wrote a report")
	}
}

func TestReportUnwritableOutputKeepsNothing(t *testing.T) {
	ws := demoFile(t)
	dir := t.TempDir()
	// The target is a folder: the rename fails, and no temporary file or
	// partial report is left behind.
	target := filepath.Join(dir, "taken.pdf")
	if err := os.Mkdir(target, 0o700); err != nil {
		t.Fatal(err)
	}
	code, _, stderr, _ := run(t, "report", ws, "--pdf", target)
	if code != ExitUsage || !strings.Contains(stderr, target) {
		t.Fatalf("exit %d, stderr %q", code, stderr)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	code, _, stderr, _ = run(t, "report", ws, "--xlsx", filepath.Join(dir, "no", "such", "dir.xlsx"))
	if code != ExitUsage || stderr == "" {
		t.Errorf("missing folder: exit %d, stderr %q", code, stderr)
	}
}

func TestReportStillWrittenWithValidationErrors(t *testing.T) {
	ws := plan.Demo()
	ws.EscalationRules[0].EscalateTo = "no-such-role"
	path := savedWorkspace(t, "broken.json", ws)
	out := filepath.Join(t.TempDir(), "r.xlsx")
	code, stdout, stderr, _ := run(t, "report", path, "--xlsx", out, "--non-attributable")
	if code != ExitOK || !strings.Contains(stderr, "validation error") || !strings.Contains(stdout, "wrote") {
		t.Fatalf("exit %d, stdout %q, stderr %q", code, stdout, stderr)
	}
	if _, err := os.Stat(out); err != nil {
		t.Error(err)
	}
}

func TestHelpMentionsReport(t *testing.T) {
	_, out, _, _ := run(t, "help")
	for _, w := range []string{"drillbook report", "--pdf", "--xlsx", "--md", "--non-attributable", "--marking"} {
		if !strings.Contains(out, w) {
			t.Errorf("help lacks %q", w)
		}
	}
}

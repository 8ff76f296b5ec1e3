package export

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"drillbook/scoring"
)

// TestDOCXOpensInLibreOffice converts the demo's report (its latest run)
// and the hostile workspace's with LibreOffice Writer, headless, in one
// run of soffice, and reads the text back: the demo's must hold every
// critical task with its deadline, outcome and rating, row by row, and
// the run's overall and per-dimension ratings. A document Writer could
// not read gives no text file. LibreOffice is required: the test fails
// without it (scripts/setup.sh installs libreoffice-writer) unless
// DRILLBOOK_NO_LIBREOFFICE=1 says to skip it on purpose.
func TestDOCXOpensInLibreOffice(t *testing.T) {
	if os.Getenv("DRILLBOOK_NO_LIBREOFFICE") == "1" {
		t.Skip("DRILLBOOK_NO_LIBREOFFICE=1")
	}
	lo, err := exec.LookPath("soffice")
	if err != nil {
		if lo, err = exec.LookPath("libreoffice"); err != nil {
			t.Fatal("soffice not found: install LibreOffice Writer (apt-get install libreoffice-writer, or bash scripts/setup.sh), or set DRILLBOOK_NO_LIBREOFFICE=1 to skip this check")
		}
	}
	dir := t.TempDir()
	demo := demoWorkspace(t)
	hostile := hostileDOCXWorkspace(t)
	docs := map[string][]byte{
		"demo":    makeDOCX(t, Input{Workspace: demo}, Options{Assessor: "Jo Assessor", Marking: "CONFIDENTIAL — client"}, ""),
		"hostile": makeDOCX(t, Input{Workspace: hostile}, Options{Marking: "CONFIDENTIAL\x00 — \u202Eclient"}, AllRuns),
	}
	var paths []string
	for name, data := range docs {
		p := filepath.Join(dir, name+".docx")
		if err := os.WriteFile(p, data, 0o600); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	args := append([]string{"--headless", "-env:UserInstallation=file://" + filepath.Join(dir, "profile"), "--convert-to", "txt:Text", "--outdir", filepath.Join(dir, "out")}, paths...)
	msg, err := exec.CommandContext(ctx, lo, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("LibreOffice: %v\n%s", err, msg)
	}
	read := func(name string) string {
		b, err := os.ReadFile(filepath.Join(dir, "out", name+".txt"))
		if err != nil {
			t.Fatalf("LibreOffice did not convert %s.docx (is libreoffice-writer installed?): %v\n%s", name, err, msg)
		}
		return strings.ReplaceAll(strings.TrimPrefix(string(b), "\uFEFF"), "\r\n", "\n")
	}

	text := read("demo")
	run := &demo.Runs[len(demo.Runs)-1]
	a := scoring.Assess(demo, reportDay)
	rr := &a.Runs[len(a.Runs)-1]
	n := newNames(demo)
	for _, want := range []string{"After-action report and improvement plan", runTitle(run), "Critical tasks and timer deadlines",
		"The exercise was rated " + runRating(rr), "Improvement plan", "Jo Assessor"} {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice's text lacks %q", want)
		}
	}
	for i, tk := range run.Tasks {
		met, margin, rating := "", "", "–"
		if tk.MetAt != nil {
			met, margin = clock(*tk.MetAt), marginText(tk.Deadline-*tk.MetAt)
		}
		if !rr.Tasks[i].Excluded {
			rating = rr.Tasks[i].Rating.String()
		}
		row := strings.Join([]string{taskLabel(tk), n.taskTarget(bindingNames(run), tk.Target), clock(tk.Deadline), met, statusWords(tk.Status), margin, rating}, "\n")
		if !strings.Contains(text, "\n"+row+"\n") {
			t.Errorf("LibreOffice's text lacks task %d's row:\n%s", i, row)
		}
	}
	for _, dm := range rr.Dimensions {
		if row := dimensionName(dm.Dimension) + "\n"; !strings.Contains(text, row) || !strings.Contains(text, dm.Rating.String()+"\n") {
			t.Errorf("LibreOffice's text lacks the rating of %s", dimensionName(dm.Dimension))
		}
	}

	text = read("hostile")
	for _, want := range []string{"BEGIN-LONG", "END-LONG", "BEGIN-HUGE", "END-HUGE", hostileXML, "nul\uFFFD bel\uFFFD esc\uFFFD \uFFFD end, then שלום עולם, eviltxt.exe"} {
		if !strings.Contains(text, want) {
			t.Errorf("LibreOffice's text of the hostile report lacks %q", want)
		}
	}
}

package export

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"drillbook/internal/atomicfile"
	"drillbook/plan"
	"drillbook/scoring"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

var demoOpts = Options{Assessor: "Alex Reviewer", Marking: "CONFIDENTIAL — Harbourside Health"}

func TestPDFReadBack(t *testing.T) {
	ws := demoWorkspace(t)
	a := scoring.Assess(ws, reportDay)
	pdf := makePDF(t, Input{Workspace: ws, Assessment: a}, demoOpts)
	text := pdfToText(t, pdf)
	pages := pageTexts(text)

	if n := pdfPageCount(pdf); n != len(pages) || n < 10 {
		t.Fatalf("%d page objects, pdftotext found %d pages", n, len(pages))
	}
	for i, p := range pages {
		if !strings.Contains(p, "CONFIDENTIAL — Harbourside Health") {
			t.Errorf("page %d has no confidentiality marking", i+1)
		}
		if want := fmt.Sprintf("Page %d of %d", i+1, len(pages)); !strings.Contains(p, want) {
			t.Errorf("page %d lacks %q", i+1, want)
		}
	}
	for _, want := range []string{
		"Harbourside Health Ltd", "Alex Reviewer", "Plan tier", string(a.Tier), a.ValidationSentence()[:20], fmt.Sprintf("%.1f", a.Index),
		"Executive summary", "Top 5 gaps", a.Findings[0].ID, "Dimension details", "Exercise after-action reports",
		"Improvement plan", "Plan appendix", "Severity matrix", "Responsibility matrix", "Escalation paths",
		"On-call coverage", "Playbooks", "Hot-wash notes", "Strengths", "Areas for improvement", "deadline met",
		ws.Runs[0].ScenarioTitle, ws.Runs[1].ScenarioTitle, ws.People[0].Name, ws.ThirdParties[0].Name, ws.Playbooks[0].Title[:12],
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the report does not mention %q", want)
		}
	}
	// Every dimension is reported with its level.
	for _, d := range a.Dimensions {
		if want := fmt.Sprintf("%s — level %d", d.Dimension.Name, d.Level); !strings.Contains(text, want) {
			t.Errorf("missing %q", want)
		}
	}
	// The contents page numbers point at the sections.
	for i := 1; i < len(pages); i++ {
		if strings.Contains(pages[i], "Plan appendix") {
			if !strings.Contains(pages[0], fmt.Sprintf("page %d", i+1)) {
				t.Errorf("contents do not give page %d for the appendix:\n%s", i+1, pages[0])
			}
			break
		}
	}

	titles := outlineTitles(t, pdf)
	for _, want := range []string{"Cover", "Executive summary", "Dimension details", "Exercise after-action reports", "Improvement plan", "Plan appendix", "Severity matrix", "Escalation paths"} {
		if !slices.Contains(titles, want) {
			t.Errorf("no bookmark %q in %q", want, titles)
		}
	}
	for _, d := range a.Dimensions {
		found := false
		for _, ti := range titles {
			found = found || strings.HasPrefix(ti, d.Dimension.Name+" — level")
		}
		if !found {
			t.Errorf("no bookmark for dimension %s", d.Dimension.Name)
		}
	}
}

func TestPDFSectionsAndAttribution(t *testing.T) {
	ws := demoWorkspace(t)
	opts := demoOpts
	opts.Sections = []Section{SectionAppendix, SectionSummary} // order given does not matter
	opts.NonAttributable = true
	pdf := makePDF(t, Input{Workspace: ws}, opts)
	text := pdfToText(t, pdf)
	for _, absent := range []string{"Dimension details", "Exercise after-action reports", "Improvement plan", "INCIDENT-RESPONSE READINESS REPORT", "Alex Reviewer"} {
		if strings.Contains(text, absent) {
			t.Errorf("unchosen or non-attributable content %q is in the report", absent)
		}
	}
	if bytes.Contains(pdf, []byte("/Author")) {
		t.Error("a non-attributable report names an author in its metadata")
	}
	titles := outlineTitles(t, pdf)
	if len(titles) == 0 || titles[0] != "Executive summary" {
		t.Errorf("bookmarks %q: want the summary first", titles)
	}
	if strings.Index(text, "Executive summary") > strings.Index(text, "Plan appendix") {
		t.Error("sections are not in report order")
	}
}

func TestPDFDeterministicGolden(t *testing.T) {
	ws := demoWorkspace(t)
	in := Input{Workspace: ws}
	a, b := makePDF(t, in, demoOpts), makePDF(t, Input{Workspace: demoWorkspace(t)}, demoOpts)
	if !bytes.Equal(a, b) {
		t.Fatal("two deterministic exports of the same workspace differ")
	}
	if !bytes.Contains(a, []byte("/CreationDate (D:20261124")) {
		t.Error("creation date is not fixed to the report date")
	}
	// The golden is the report's text runs (see textRuns), reviewed when
	// it changes: a byte hash would only say that something moved.
	golden(t, "demo-report-runs.txt", textRuns(t, a))
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./export -run %s -update)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("output differs from %s; if the change is intended, rerun with -update and review the diff", path)
	}
}

func TestPDFCancelAndProgress(t *testing.T) {
	ws := demoWorkspace(t)
	var calls []int
	total := 0
	var buf bytes.Buffer
	err := PDF(context.Background(), &buf, Input{Workspace: ws}, Options{Date: reportDay}, func(done, tot int) {
		if len(calls) > 0 && done < calls[len(calls)-1] {
			t.Errorf("progress went back from %d to %d", calls[len(calls)-1], done)
		}
		calls = append(calls, done)
		total = tot
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) < 10 || calls[len(calls)-1] != total {
		t.Errorf("progress %v of %d: want many steps ending at the total", calls, total)
	}

	// Cancelled part-way: the export stops with the context's error, and
	// WriteFile leaves neither the file nor a temporary one behind.
	dir := t.TempDir()
	path := filepath.Join(dir, "report.pdf")
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	err = atomicfile.Write(path, func(w io.Writer) error {
		return PDF(ctx, w, Input{Workspace: ws}, Options{Date: reportDay}, func(done, _ int) {
			if done >= 3 {
				cancel()
			}
		})
	})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled export: %v, want context.Canceled", err)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a cancelled export left %v", entries)
	}
}

func TestWriteFileKeepsOldFileOnFailure(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.pdf")
	if err := os.WriteFile(path, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("boom")
	if err := atomicfile.Write(path, func(w io.Writer) error { w.Write([]byte("half")); return boom }); !errors.Is(err, boom) {
		t.Fatalf("err %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("file is %q after a failed export", b)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
}

func TestPDFNeedsAWorkspace(t *testing.T) {
	if err := PDF(context.Background(), &bytes.Buffer{}, Input{}, Options{}, nil); err == nil {
		t.Error("no error without a workspace")
	}
}

// TestEmptyWorkspace exports a blank workspace: no people, runs, actions
// or playbooks. Every format is written without error.
func TestEmptyWorkspace(t *testing.T) {
	in := Input{Workspace: plan.New("")}
	text := pdfToText(t, makePDF(t, in, Options{}))
	for _, want := range []string{"Unnamed organisation", "No exercise has been run yet", "There are no playbooks"} {
		if !strings.Contains(text, want) {
			t.Errorf("empty report lacks %q", want)
		}
	}
	f := makeXLSX(t, in, Options{})
	assertNoFormulas(t, f)
	if err := Markdown(context.Background(), t.TempDir(), in, Options{}, nil); err != nil {
		t.Fatal(err)
	}
}

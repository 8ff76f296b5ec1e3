package reportsview

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/app/picker"
	"drillbook/export"
)

// reportsOf is a test host on the demo showing the reports screen.
func reportsOf(t *testing.T) (*uitest.Host, *reportsScreen) {
	t.Helper()
	h := uitest.NewHost(t, nil)
	h.Show(New(h))
	return h, h.Screens[0].(*reportsScreen)
}

func TestReportsPreviewFollowsOptions(t *testing.T) {
	_, r := reportsOf(t)
	if r.marking.Text != "CONFIDENTIAL — Harbourside Health Ltd" {
		t.Errorf("default marking %q", r.marking.Text)
	}
	if len(r.sections) != len(export.Sections) {
		t.Fatalf("%d section choices for %d sections", len(r.sections), len(export.Sections))
	}
	r.assessor.SetText("Dana Whitfield")
	if !strings.Contains(strings.Join(r.preview.Facts, "|"), "Assessor: Dana Whitfield") {
		t.Errorf("preview facts %v", r.preview.Facts)
	}
	r.anon.SetChecked(true)
	if o := r.options(); !o.NonAttributable || !strings.Contains(strings.Join(r.preview.Facts, "|"), "Not attributed") {
		t.Errorf("non-attributable not shown: %v", r.preview.Facts)
	}
	r.sections[export.SectionCover].SetChecked(false)
	if !strings.HasPrefix(r.preview.Glance, "Starts with: ") {
		t.Errorf("preview without cover: %q", r.preview.Glance)
	}
	if o := r.options(); len(o.Sections) != len(export.Sections)-1 {
		t.Errorf("sections %v", o.Sections)
	}
}

func TestReportsExportPDFAndExcel(t *testing.T) {
	h, r := reportsOf(t)
	p := h.Pick
	dir := t.TempDir()
	for _, c := range []struct{ button, file, magic string }{
		{"Export PDF…", "report.pdf", "%PDF"},
		{"Export Excel…", "report.xlsx", "PK"},
	} {
		p.Save = filepath.Join(dir, c.file)
		test.Tap(uitest.Button(t, r.root, c.button))
		data, err := os.ReadFile(p.Save)
		if err != nil || !strings.HasPrefix(string(data), c.magic) {
			t.Fatalf("%s not written: %v", c.file, err)
		}
		if _, ok := uitest.Find(uitest.TopOverlay(t, h.Win), func(b *widget.Button) bool { return b.Text == "Open containing folder" }); !ok {
			t.Fatalf("%s: no 'open containing folder' after writing", c.file)
		}
		test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "Close"))
	}
	p.Folder = filepath.Join(dir, "md")
	os.Mkdir(p.Folder, 0o700)
	test.Tap(uitest.Button(t, r.root, "Export Markdown folder…"))
	entries, _ := os.ReadDir(p.Folder)
	if len(entries) == 0 {
		t.Fatal("no Markdown written")
	}
}

func TestReportsExportCancelLeavesNoFile(t *testing.T) {
	h, r := reportsOf(t)
	p := h.Pick
	// Cancel before the work runs, as a user pressing Cancel at once.
	h.BG = uitest.Cancelled
	p.Save = filepath.Join(t.TempDir(), "cancelled.pdf")
	test.Tap(uitest.Button(t, r.root, "Export PDF…"))
	if _, err := os.Stat(p.Save); !os.IsNotExist(err) {
		t.Fatalf("a cancelled export left a file: %v", err)
	}
	if _, ok := uitest.Find(uitest.TopOverlay(t, h.Win), func(b *widget.Button) bool { return b.Text == "OK" }); !ok {
		t.Fatal("no 'export cancelled' message")
	}
}

// An export whose writer panics: the window stays, the error is shown,
// the unsaved document is still open and no file is left.
func TestPanickingExportIsShownAndKeepsTheDocument(t *testing.T) {
	h, r := reportsOf(t)
	p := h.Pick
	h.WS.Organisation.Sector = "unsaved change"
	h.Touched()
	ws := h.WS
	p.Save = filepath.Join(t.TempDir(), "report.pdf")
	r.exportFile("PDF", ".pdf", func(context.Context, io.Writer, export.Input, export.Options, func(int, int)) error {
		var rows []int
		_ = rows[3] // index out of range
		return nil
	})
	if msg := uitest.ShownDialog(h.Win); !strings.Contains(msg, "Exporting the PDF stopped because of an internal error (runtime error: index out of range") ||
		!strings.Contains(msg, "still open") {
		t.Fatalf("dialog: %q", msg)
	}
	if h.WS != ws || !h.Dirty || h.WS.Organisation.Sector != "unsaved change" {
		t.Fatal("the document was not kept")
	}
	if r.busy {
		t.Fatal("the reports screen still thinks an export runs")
	}
	if _, err := os.Stat(p.Save); !os.IsNotExist(err) {
		t.Fatalf("a failed export left a file: %v", err)
	}
}

// A cancelled export through the real dialog leaves the file it would
// have replaced as it was, as the message promises.
func TestCancelledExportLeavesTheExistingFile(t *testing.T) {
	dir := t.TempDir()
	existing := filepath.Join(dir, "harbourside-health-ltd-readiness.pdf")
	os.WriteFile(existing, []byte("%PDF last quarter"), 0o600)
	h, r := reportsOf(t)
	h.Files = &picker.Dialogs{Dir: dir}
	h.BG = uitest.Cancelled // the user presses Cancel at once
	test.Tap(uitest.Button(t, r.root, "Export PDF…"))
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "Save")) // the suggested name
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "Replace"))
	if msg := uitest.ShownDialog(h.Win); !strings.Contains(msg, "any existing file was left as it was") {
		t.Fatalf("dialog %q", msg)
	}
	if data, _ := os.ReadFile(existing); string(data) != "%PDF last quarter" {
		t.Fatalf("the existing report became %q", data)
	}
}

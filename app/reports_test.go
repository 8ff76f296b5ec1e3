package app

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/export"
	"drillbook/plan"
)

// syncBG runs background work on the calling goroutine, so tests see its
// result at once.
func syncBG(work func(ctx context.Context, progress func(done, total int)) error, progress func(done, total int), done func(error)) func() {
	ctx, cancel := context.WithCancel(context.Background())
	done(work(ctx, progress))
	return cancel
}

func reportsOf(t *testing.T, u *UI) *reportsScreen {
	t.Helper()
	for i, s := range u.screens {
		if r, ok := s.(*reportsScreen); ok {
			u.nav.Select(i)
			return r
		}
	}
	t.Fatal("no reports screen")
	return nil
}

func TestReportsPreviewFollowsOptions(t *testing.T) {
	u, _ := exerciseUI(t, Options{Demo: true})
	r := reportsOf(t, u)
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
	u, _ := exerciseUI(t, Options{Demo: true})
	p := u.picker.(*uitest.Picker)
	u.bg = syncBG
	r := reportsOf(t, u)
	dir := t.TempDir()
	for _, c := range []struct{ button, file, magic string }{
		{"Export PDF…", "report.pdf", "%PDF"},
		{"Export Excel…", "report.xlsx", "PK"},
	} {
		p.Save = filepath.Join(dir, c.file)
		test.Tap(button(t, r.root, c.button))
		data, err := os.ReadFile(p.Save)
		if err != nil || !strings.HasPrefix(string(data), c.magic) {
			t.Fatalf("%s not written: %v", c.file, err)
		}
		if _, ok := find(topOverlay(t, u), func(b *widget.Button) bool { return b.Text == "Open containing folder" }); !ok {
			t.Fatalf("%s: no 'open containing folder' after writing", c.file)
		}
		test.Tap(button(t, topOverlay(t, u), "Close"))
	}
	p.Folder = filepath.Join(dir, "md")
	os.Mkdir(p.Folder, 0o700)
	test.Tap(button(t, r.root, "Export Markdown folder…"))
	entries, _ := os.ReadDir(p.Folder)
	if len(entries) == 0 {
		t.Fatal("no Markdown written")
	}
}

func TestReportsExportCancelLeavesNoFile(t *testing.T) {
	u, _ := exerciseUI(t, Options{Demo: true})
	p := u.picker.(*uitest.Picker)
	// Cancel before the work runs, as a user pressing Cancel at once.
	u.bg = func(work func(ctx context.Context, progress func(done, total int)) error, progress func(done, total int), done func(error)) func() {
		ctx, cancel := context.WithCancel(context.Background())
		cancel()
		done(work(ctx, progress))
		return cancel
	}
	r := reportsOf(t, u)
	p.Save = filepath.Join(t.TempDir(), "cancelled.pdf")
	test.Tap(button(t, r.root, "Export PDF…"))
	if _, err := os.Stat(p.Save); !os.IsNotExist(err) {
		t.Fatalf("a cancelled export left a file: %v", err)
	}
	if _, ok := find(topOverlay(t, u), func(b *widget.Button) bool { return b.Text == "OK" }); !ok {
		t.Fatal("no 'export cancelled' message")
	}
}

// The marking names the organisation of the open workspace, also after
// another one is opened; one the user typed stays for that workspace.
func TestReportsMarkingFollowsTheOpenWorkspace(t *testing.T) {
	u, _ := exerciseUI(t, Options{Demo: true})
	p := u.picker.(*uitest.Picker)
	r := reportsOf(t, u)
	if r.marking.Text != "CONFIDENTIAL — Harbourside Health Ltd" {
		t.Fatalf("demo marking %q", r.marking.Text)
	}
	other := plan.Demo()
	other.Organisation.Name = "Bayside Clinics"
	p.Open = filepath.Join(t.TempDir(), "bayside.json")
	if err := plan.Save(p.Open, other); err != nil {
		t.Fatal(err)
	}
	u.openWorkspace()
	reportsOf(t, u)
	if r.marking.Text != "CONFIDENTIAL — Bayside Clinics" || r.preview.Marking != r.marking.Text {
		t.Fatalf("after opening another workspace: marking %q, preview %q", r.marking.Text, r.preview.Marking)
	}
	r.marking.SetText("OFFICIAL-SENSITIVE")
	u.screens[0].(*overview).name.SetText("Bayside Clinics Group")
	reportsOf(t, u)
	if r.marking.Text != "OFFICIAL-SENSITIVE" {
		t.Fatalf("a marking the user typed was replaced: %q", r.marking.Text)
	}
}

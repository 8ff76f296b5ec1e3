package reportsview

import (
	"archive/zip"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/plan"
	"drillbook/plan/plantest"
)

// The Word button writes the after-action report of the run chosen, in
// the background like the other exports, and the choices follow the
// workspace's runs.
func TestReportsExportWord(t *testing.T) {
	h := uitest.NewHost(t, plantest.WithRuns(plan.Demo(), 2, 30))
	h.Show(New(h))
	r := h.Screens[0].(*reportsScreen)
	runs := h.WS.Runs
	if got := r.wordRun.Options; len(got) != 4 || got[0] != "Latest exercise" || got[1] != "All exercises" || !strings.HasPrefix(got[3], runs[0].ScenarioTitle) {
		t.Fatalf("run choices %q", got)
	}
	for _, size := range []fyne.Size{{Width: 1280, Height: 720}, {Width: 1366, Height: 768}} {
		h.Win.Resize(size)
		button := uitest.Button(t, r.root, "Export Word (.docx)…")
		if pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(button); pos.Y+button.Size().Height > size.Height {
			t.Errorf("at %v the Word button is below the window (y %v)", size, pos.Y)
		}
		uitest.Capture(t, h.Win, fmt.Sprintf("reports-word-%vx%v", size.Width, size.Height))
	}
	r.wordRun.SetSelectedIndex(3) // the older run
	h.Pick.Save = filepath.Join(t.TempDir(), "aar.docx")
	test.Tap(uitest.Button(t, r.root, "Export Word (.docx)…"))
	doc := readDocument(t, h.Pick.Save)
	subtitle := `<w:pStyle w:val="Subtitle"/></w:pPr><w:r><w:t xml:space="preserve">` + h.WS.Organisation.Name + " · " + runs[0].ScenarioTitle
	if !strings.Contains(doc, subtitle) {
		t.Errorf("the document is not of the chosen run %q", runs[0].ScenarioTitle)
	}
	if _, ok := uitest.Find(uitest.TopOverlay(t, h.Win), func(b *widget.Button) bool { return b.Text == "Open containing folder" }); !ok {
		t.Fatal("no 'open containing folder' after writing")
	}
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "Close"))

	// A choice that is gone falls back to the latest run.
	h.WS.Runs = h.WS.Runs[1:]
	r.Refresh()
	if len(r.wordRun.Options) != 3 || r.wordRun.SelectedIndex() != 0 {
		t.Errorf("after a run went: choices %q, selected %d", r.wordRun.Options, r.wordRun.SelectedIndex())
	}
}

func readDocument(t *testing.T, path string) string {
	t.Helper()
	z, err := zip.OpenReader(path)
	if err != nil {
		t.Fatalf("no Word document written: %v", err)
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

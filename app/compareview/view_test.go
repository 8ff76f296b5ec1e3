package compareview

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/app/picker"
	"drillbook/plan"
)

// clientsFolder is a folder with the calibration workspaces and a
// corrupt one.
func clientsFolder(t *testing.T) string {
	t.Helper()
	files, err := filepath.Glob("../../scoring/testdata/calibration/*.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range files {
		if filepath.Base(f) == "expectations.json" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, filepath.Base(f)), data, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "corrupt.json"), []byte("{\n  \"schemaVersion\": 4,\n  \"people\": {}\n}\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return dir
}

// compared is the view after File → Compare workspaces… on clientsFolder
// (the fake picker answers), shown in a 1280×720 window.
func compared(t *testing.T) (*uitest.Host, *view, fyne.Window) {
	t.Helper()
	h := uitest.NewHost(t, nil)
	h.Pick.Folder = clientsFolder(t)
	var v *view
	shown := func(got *view) { v = got }
	openWith(h, shown)
	if v == nil {
		t.Fatal("no comparison shown")
	}
	w := test.NewTempWindow(t, v.root)
	w.Resize(fyne.NewSize(1280, 720))
	return h, v, w
}

func TestCompareShowsClientsAndLoadErrors(t *testing.T) {
	h, v, w := compared(t)
	if !slices.Equal(h.Pick.Calls, []string{"folder"}) {
		t.Errorf("picker calls %v", h.Pick.Calls)
	}
	if rows, _ := v.table.Length(); rows != 6 {
		t.Fatalf("%d client rows, want 6", rows)
	}
	var names []string
	for r := range 6 {
		names = append(names, v.cell(widget.TableCellID{Row: r, Col: 0}))
	}
	for _, want := range []string{"Corrib Bank DAC", "Kestrel Works Ltd", "Rotaly Ltd"} {
		if !slices.Contains(names, want) {
			t.Errorf("rows %q lack %q", names, want)
		}
	}
	if !v.errScroll.Visible() || !strings.Contains(v.errors.Text, "corrupt.json:3:") {
		t.Errorf("load errors %q: want the corrupt file and its line", v.errors.Text)
	}
	if !strings.Contains(v.summary.Text, "6 clients") || !strings.Contains(v.summary.Text, "1 file could not be loaded") {
		t.Errorf("summary %q", v.summary.Text)
	}
	if v.sel < 0 || len(v.radar.Current) != 12 || len(v.radar.Target) != 12 {
		t.Errorf("selected %d, radar %v over %v", v.sel, v.radar.Current, v.radar.Target)
	}
	uitest.Capture(t, w, "compare-1280x720.png")
	w.Resize(fyne.NewSize(1366, 768))
	uitest.Capture(t, w, "compare-1366x768.png")
}

func TestCompareSortsByColumn(t *testing.T) {
	_, v, _ := compared(t)
	v.sortBy(3) // index, ascending
	var last float64 = -1
	for r := range len(v.order) {
		c := v.p.Clients[v.order[r]]
		if c.Index < last {
			t.Fatalf("row %d index %v after %v", r, c.Index, last)
		}
		last = c.Index
	}
	v.sortBy(3) // again: descending
	if first := v.p.Clients[v.order[0]].Index; first != last {
		t.Errorf("descending starts at %v, want the highest %v", first, last)
	}
	if !strings.HasSuffix(v.headerText(3), "▼") {
		t.Errorf("header %q", v.headerText(3))
	}
}

func TestCompareAnonymiseAndExportThroughTheRealPicker(t *testing.T) {
	h, v, _ := compared(t)
	v.anon.SetChecked(true)
	if got := v.cell(widget.TableCellID{Row: 0, Col: 0}); got != "Client A" || !v.p.Anonymised {
		t.Fatalf("anonymised first row %q", got)
	}
	dir := t.TempDir()
	h.Files = &picker.Dialogs{Dir: dir}
	test.Tap(uitest.Button(t, v.root, "Export workbook…"))
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "Save")) // the suggested name
	data, err := os.ReadFile(filepath.Join(dir, "portfolio-anonymised.xlsx"))
	if err != nil || !strings.HasPrefix(string(data), "PK") {
		t.Fatalf("workbook not written: %v", err)
	}
	if msg := uitest.ShownDialog(h.Win); !strings.Contains(msg, "Saved to") || strings.Contains(msg, "rror") {
		t.Errorf("dialog %q", msg)
	}
}

// A 10,000-character name with right-to-left and control characters,
// and as many failing files as clients, still leave a window that fits
// 1280×720.
func TestCompareHostileNameFits(t *testing.T) {
	dir := t.TempDir()
	ws := plan.Demo()
	ws.Organisation.Name = "\u202eשלום\x07 " + strings.Repeat("very long name ", 700)
	if err := plan.Save(filepath.Join(dir, "long.json"), ws); err != nil {
		t.Fatal(err)
	}
	for i := range 20 {
		if err := os.WriteFile(filepath.Join(dir, "bad-"+strings.Repeat("x", i)+".json"), []byte("{"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	h := uitest.NewHost(t, nil)
	h.Pick.Folder = dir
	var v *view
	openWith(h, func(got *view) { v = got })
	if v == nil || len(v.p.Clients) != 1 || len(v.p.Errors) != 20 {
		t.Fatalf("comparison %+v", v)
	}
	w := test.NewTempWindow(t, v.root)
	w.Resize(fyne.NewSize(1280, 720))
	if min := v.root.MinSize(); min.Width > 1280 || min.Height > 720 {
		t.Errorf("the window needs %v", min)
	}
	if strings.ContainsAny(v.title.Text, "\u202e\x07") || strings.ContainsAny(v.cell(widget.TableCellID{Row: 0, Col: 0}), "\u202e\x07") {
		t.Errorf("the name is shown with its bidi override or control character: %.40q", v.title.Text)
	}
	uitest.Capture(t, w, "compare-hostile.png")
}

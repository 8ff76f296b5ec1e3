package importview

import (
	"fmt"
	"image/png"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/plan"
)

// screen is a stand-in for the window's current screen.
type screen struct{}

func (screen) Title() string             { return "Plan" }
func (screen) Icon() fyne.Resource       { return theme.HomeIcon() }
func (screen) Object() fyne.CanvasObject { return widget.NewLabel("plan") }
func (screen) Refresh()                  {}

func testPlan() *plan.Workspace {
	ws := plan.New("Example Health")
	ws.Coverage.Mode = plan.Coverage24x7
	ws.Coverage.TimeZone = "Europe/London"
	ws.Severities = []plan.Severity{{Level: 1, Name: "Critical"}}
	ws.People = []plan.Person{
		{ID: "priya", Name: "Priya Raman", Contacts: []plan.Contact{{Channel: plan.ChannelEmail, Value: "priya@example.com"}}},
		{ID: "bob", Name: "Bob Okafor"}, {ID: "carol", Name: "Carol Jones"}, {ID: "dana", Name: "Dana Whitfield"}, {ID: "erik", Name: "Erik Larsen"},
	}
	return ws
}

func fixture(name string) string { return filepath.Join("..", "..", "interchange", "testdata", name) }

func newHost(t *testing.T, size fyne.Size) *uitest.Host {
	h := uitest.NewHost(t, testPlan())
	h.Win.Resize(size)
	h.Show(screen{})
	return h
}

// capture saves the window to $IMPORT_SHOTS, when set, to look at.
func capture(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	dir := os.Getenv("IMPORT_SHOTS")
	if dir == "" {
		return
	}
	f, err := os.Create(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := png.Encode(f, w.Canvas().Capture()); err != nil {
		t.Fatal(err)
	}
}

func tap(t *testing.T, h *uitest.Host, label string) {
	t.Helper()
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), label))
}

func TestImportPreviewApplyUndo(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1280, Height: 720}, {Width: 1366, Height: 768}} {
		h := newHost(t, size)
		original := h.WS.Clone()
		h.Pick.Open = fixture("people.csv")
		Import(h)
		texts := strings.Join(uitest.Texts(uitest.TopOverlay(t, h.Win)), "\n")
		for _, w := range []string{"From " + fixture("people.csv") + " (people CSV)", "Added", "person Hopper, Grace <grace@example.com>", "Changed (old -> new)"} {
			if !strings.Contains(texts, w) {
				t.Errorf("preview lacks %q:\n%s", w, texts)
			}
		}
		// A second file joins the same preview; the rota's grid shows.
		h.Pick.Open = fixture("follow-the-sun.ics")
		tap(t, h, "Add another file…")
		texts = strings.Join(uitest.Texts(uitest.TopOverlay(t, h.Win)), "\n")
		if !strings.Contains(texts, "follow-the-sun.ics (iCalendar rota)") || !strings.Contains(texts, "On-call cover after the import") {
			t.Errorf("second file not in the preview:\n%s", texts)
		}
		capture(t, h.Win, fmt.Sprintf("import-preview-%.0fx%.0f.png", size.Width, size.Height))
		if !reflect.DeepEqual(h.WS, original) {
			t.Fatal("the preview changed the plan")
		}
		tap(t, h, "Apply")
		if len(h.WS.Coverage.Rota.Shifts) == 0 || len(h.WS.People) != 6 || h.History.Steps() != 1 || !h.Dirty {
			t.Fatalf("not applied as one step: %d shifts, %d people, %d steps", len(h.WS.Coverage.Rota.Shifts), len(h.WS.People), h.History.Steps())
		}
		applied := h.WS.Clone()
		h.Undo()
		if !reflect.DeepEqual(h.WS, original) {
			t.Error("undo did not restore the plan exactly")
		}
		h.Redo()
		if !reflect.DeepEqual(h.WS, applied) {
			t.Error("redo did not bring the import back")
		}
	}
}

func TestImportCancelAndBadFileChangeNothing(t *testing.T) {
	h := newHost(t, fyne.NewSize(1280, 720))
	original := h.WS.Clone()
	h.Pick.Open = fixture("people.csv")
	Import(h)
	tap(t, h, "Cancel")
	if !reflect.DeepEqual(h.WS, original) || h.History.Steps() != 0 || h.Dirty {
		t.Error("cancel changed the plan")
	}
	bad := filepath.Join(t.TempDir(), "people.csv")
	os.WriteFile(bad, []byte("Name,Email\nAna,not-mail\n"), 0o600)
	h.Pick.Open = bad
	Import(h)
	if !uitest.DialogSays(t, h.Win, `people.csv:2: e-mail: "not-mail" is not an e-mail address`) {
		t.Errorf("error not shown: %q", uitest.ShownDialog(h.Win))
	}
	capture(t, h.Win, "import-error.png")
	if !reflect.DeepEqual(h.WS, original) || h.History.Steps() != 0 {
		t.Error("a bad file changed the plan")
	}
	h.Pick.Open = ""
	Import(h) // the picker cancelled: nothing happens
	if h.History.Steps() != 0 {
		t.Error("a cancelled pick changed the plan")
	}
}

func TestExportsWriteFiles(t *testing.T) {
	h := newHost(t, fyne.NewSize(1280, 720))
	h.WS.Coverage.Rota.Shifts = []plan.Shift{{ID: "day", Name: "Day", Role: "", Days: []plan.Weekday{plan.Mon}, Start: "09:00", End: "17:00", Members: []string{"priya"}}}
	dir := t.TempDir()
	h.Pick.Save = filepath.Join(dir, "rota.ics")
	ExportRota(h)
	if data, err := os.ReadFile(h.Pick.Save); err != nil || !strings.Contains(string(data), "SUMMARY:Day") {
		t.Errorf("rota: %v\n%s", err, data)
	}
	for _, name := range []string{"plan.csv", "plan.md"} {
		h.Pick.Save = filepath.Join(dir, name)
		ExportActions(h)
		data, err := os.ReadFile(h.Pick.Save)
		if err != nil || (name == "plan.md") != strings.HasPrefix(string(data), "# Improvement plan") {
			t.Errorf("%s: %v\n%s", name, err, data)
		}
	}
	h.Pick.Save = ""
	ExportRota(h) // cancelled: nothing written, no dialog beyond the last
}

func TestLongTextFitsTheWindow(t *testing.T) {
	h := newHost(t, fyne.NewSize(1280, 720))
	csvFile := filepath.Join(t.TempDir(), "people.csv")
	os.WriteFile(csvFile, []byte("Name,Title\nPriya Raman,"+strings.Repeat("Very long title ", 625)+"\n"), 0o600)
	h.Pick.Open = csvFile
	Import(h)
	overlay := uitest.TopOverlay(t, h.Win)
	if w := overlay.MinSize().Width; w > 1280 {
		t.Errorf("preview is %.0f wide with a 10,000-character title", w)
	}
	capture(t, h.Win, "import-long-title.png")
}

func TestImportReadsAnotherWeek(t *testing.T) {
	h := newHost(t, fyne.NewSize(1280, 720))
	h.Pick.Open = fixture("follow-the-sun.ics")
	Import(h)
	overlay := uitest.TopOverlay(t, h.Win)
	entry, ok := uitest.Find(overlay, func(e *widget.Entry) bool { return e.Text == "2026-11-30" })
	if !ok {
		t.Fatalf("no week entry in %q", uitest.Texts(overlay))
	}
	// The fixture's EXDATE takes out AMER on Wednesday 14 January.
	test.Type(entry, "x")
	entry.SetText("2026-01-14")
	tap(t, h, "Read again")
	texts := strings.Join(uitest.Texts(uitest.TopOverlay(t, h.Win)), "\n")
	if !strings.Contains(texts, "week of 2026-01-12") || !strings.Contains(texts, "Wed 14:00–22:00") {
		t.Errorf("not read over the week of 12 January:\n%s", texts)
	}
	capture(t, h.Win, "import-week.png")
	if sc, ok := uitest.Find(uitest.TopOverlay(t, h.Win), func(*container.Scroll) bool { return true }); ok {
		sc.ScrollToBottom()
		capture(t, h.Win, "import-grid.png")
	}
	entry, _ = uitest.Find(uitest.TopOverlay(t, h.Win), func(e *widget.Entry) bool { return e.Text == "2026-01-12" })
	entry.SetText("soon")
	tap(t, h, "Read again")
	if !uitest.DialogSays(t, h.Win, "Week: invalid date") {
		t.Errorf("bad week not shown: %q", uitest.ShownDialog(h.Win))
	}
}

package assessview

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/plan"
	"drillbook/scenarios"
	"drillbook/scoring"
)

// assessmentHost is a test host on the demo with the overview and the
// assessment screen.
func assessmentHost(t *testing.T) *uitest.Host {
	t.Helper()
	h := uitest.NewHost(t, nil)
	h.Show(Overview(h, func() {}), Assessment(h))
	return h
}

// assessmentOf shows the assessment screen.
func assessmentOf(t *testing.T, h *uitest.Host) *assessmentScreen {
	t.Helper()
	h.Select(1)
	return h.Screens[1].(*assessmentScreen)
}

func TestAssessmentSummaryOfDemo(t *testing.T) {
	h := assessmentHost(t)
	s := assessmentOf(t, h)
	want := scoring.Assess(h.WS, plan.DateOf(uitest.Start))
	if !strings.Contains(s.tier.Text, "Plan tier: "+string(want.Tier)) {
		t.Errorf("tier label %q, want tier %s", s.tier.Text, want.Tier)
	}
	// The validation status stands beside the tier, in the scorer's words.
	if v := want.ValidationText(); !strings.Contains(strings.ToLower(s.validation.Text), v) {
		t.Errorf("validation label %q, want %q", s.validation.Text, v)
	}
	if len(s.radar.Labels) != 12 || len(s.radar.Current) != 12 || s.radar.Target[0] != 3 {
		t.Errorf("radar: %d labels, target %v", len(s.radar.Labels), s.radar.Target)
	}
	if rows, _ := s.dims.Length(); rows != 13 {
		t.Errorf("dimension table has %d rows", rows)
	}
	s.dims.Select(widget.TableCellID{Row: 4, Col: 0}) // third parties
	if !strings.Contains(s.next.String(), "To reach level") {
		t.Errorf("next-level panel: %q", s.next.String())
	}
}

func TestFindingsFilterActionAndNA(t *testing.T) {
	h := assessmentHost(t)
	s := assessmentOf(t, h)
	v := s.findings
	v.dim.SetSelected("Third parties")
	var idx = -1
	for i, f := range v.shown {
		if f.Dimension != scoring.DimThirdParties {
			t.Fatalf("%s shown under third parties", f.ID)
		}
		if f.ID == "TP-2.2" {
			idx = i
		}
	}
	if idx < 0 {
		t.Fatalf("the DNS provider's missing out-of-hours contact (TP-2.2) is not listed: %d shown", len(v.shown))
	}
	v.list.Select(idx)
	if !strings.Contains(v.detail.String(), "thirdParties[2]") || !strings.Contains(v.detail.String(), "Recommendation") {
		t.Fatalf("detail: %q", v.detail.String())
	}
	test.Tap(v.action)
	if n := len(h.WS.Actions); n != 1 || h.WS.Actions[0].Finding != "TP-2.2" || !h.Dirty {
		t.Fatalf("action not added: %+v", h.WS.Actions)
	}
	if s.tabs.SelectedIndex() != 2 {
		t.Error("did not switch to the improvement plan")
	}

	// Mark the criterion not applicable, with a reason.
	v.dim.SetSelected("Third parties")
	for i, f := range v.shown {
		if f.ID == "TP-2.2" {
			v.list.Select(i)
		}
	}
	test.Tap(v.na)
	form := uitest.TopOverlay(t, h.Win)
	reason, _ := uitest.Find(form, func(e *widget.Entry) bool { return e.MultiLine })
	reason.SetText("DNS is served by our cloud provider's 24/7 service")
	test.Tap(uitest.Button(t, form, "Mark N/A"))
	if len(h.WS.NotApplicable) != 1 || h.WS.NotApplicable[0].Criterion != "TP-2.2" {
		t.Fatalf("N/A not stored: %+v", h.WS.NotApplicable)
	}
	if s.a.Finding("TP-2.2") != nil {
		t.Error("an N/A criterion is still a finding")
	}
}

func TestImprovementPlanEditing(t *testing.T) {
	h := assessmentHost(t)
	s := assessmentOf(t, h)
	s.tabs.SelectIndex(2)
	test.Tap(uitest.Button(t, s.actions.root, "Propose actions from findings"))
	n := len(h.WS.Actions)
	if n == 0 {
		t.Fatal("no actions proposed for the demo's gaps")
	}
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "OK"))
	test.Tap(uitest.Button(t, s.actions.root, "Propose actions from findings"))
	if len(h.WS.Actions) != n {
		t.Fatal("proposing twice duplicated actions")
	}
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "OK"))
	s.actions.list.Select(0)
	// The status reads in words; the plan stores its key.
	s.actions.status.SetSelected("in progress")
	s.actions.due.SetText("2027-01-31")
	a := h.WS.Actions[0]
	if a.Status != plan.ActionInProgress || a.Due.String() != "2027-01-31" {
		t.Fatalf("edit not stored: %+v", a)
	}
	s.actions.due.SetText("31/01/2027")
	if h.WS.Actions[0].Due.String() != "2027-01-31" || s.actions.due.Validate() == nil {
		t.Fatal("an invalid date was accepted")
	}
}

func TestTrendsRecordAndCompare(t *testing.T) {
	h := assessmentHost(t)
	clk := h.Clock
	s := assessmentOf(t, h)
	s.tabs.SelectIndex(3)
	test.Tap(uitest.Button(t, s.trends.root, "Record today's assessment"))
	// Fix the DNS provider's out-of-hours contact, a day later.
	clk.Advance(24 * time.Hour)
	tp := &h.WS.ThirdParties[2]
	tp.Contacts = append(tp.Contacts, plan.Contact{Channel: plan.ChannelPhone, Value: "+44 20 7946 0999", OutOfHours: true})
	h.Edited()
	test.Tap(uitest.Button(t, s.trends.root, "Record today's assessment"))
	if len(h.WS.Assessments) != 2 || len(s.trends.chart.Values) != 2 {
		t.Fatalf("%d assessments stored", len(h.WS.Assessments))
	}
	if !strings.Contains(s.trends.md, "- TP-2.2") || !strings.Contains(s.trends.md, "**Criteria now passing**") {
		t.Fatalf("comparison does not list the fixed criterion: %q", s.trends.md)
	}
}

func TestRunFindingLinksToRunTask(t *testing.T) {
	h := assessmentHost(t)
	clk := h.Clock
	// A run of the engine, as the exercise console stores it.
	lib, _ := scenarios.Library()
	sc := lib[slices.IndexFunc(lib, func(s *scenarios.Scenario) bool { return s.ID == "bad-deploy" })]
	e, _, err := scenarios.Start(sc, h.WS, clk, scenarios.Options{RunID: "run-1", Participants: scenarios.DefaultParticipants(sc, h.WS)})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 40; i++ { // nobody does anything for 40 minutes
		clk.Advance(time.Minute)
		e.Tick()
	}
	stored, _, err := e.End(nil)
	if err != nil {
		t.Fatal(err)
	}
	h.WS.Runs = append(h.WS.Runs, *stored)
	h.Edited()
	s := assessmentOf(t, h)
	var run *scoring.Finding
	for i := range s.a.Findings {
		if strings.HasPrefix(s.a.Findings[i].ID, "RUN-") {
			run = &s.a.Findings[i]
			break
		}
	}
	if run == nil {
		t.Fatal("a run where nothing was done produced no finding")
	}
	if !h.CanGoTo(run.Where) {
		t.Fatalf("cannot go to %s", run.Where)
	}
	h.GoTo(run.Where)
	if s.tabs.SelectedIndex() != 4 || s.runs.run() == nil || s.runs.run().RunID != h.WS.Runs[0].ID {
		t.Fatalf("goTo %s did not open the run", run.Where)
	}
	if s.runs.run().Rating != scoring.RatingU {
		t.Errorf("a run where nothing was done is rated %s", s.runs.run().Rating)
	}
}

// zoomed scales every size of the default theme, as presentation mode does.
type zoomed struct {
	fyne.Theme
	scale float32
}

func (z zoomed) Size(n fyne.ThemeSizeName) float32 { return z.Theme.Size(n) * z.scale }

// The issue: in presentation mode the dimension table's headers read
// "Le…", "Progr…". Its columns widen with the zoom and are never narrower
// than their headers.
func TestDimensionColumnsFitTheirHeadersWhenZoomed(t *testing.T) {
	h := assessmentHost(t)
	s := assessmentOf(t, h)
	h.App.Settings().SetTheme(zoomed{theme.DefaultTheme(), 1.5})
	h.Win.Content().Refresh()
	text := theme.SizeForWidget(theme.SizeNameText, s.dims)
	cells := uitest.FindAll(s.dims, func(l *widget.Label) bool { return slices.Contains(dimHeaders, l.Text) })
	if len(cells) < 3 {
		t.Fatalf("only %d headers drawn", len(cells))
	}
	for _, l := range cells {
		need := fyne.MeasureText(l.Text, text, fyne.TextStyle{Bold: true}).Width + 2*theme.SizeForWidget(theme.SizeNameInnerPadding, l)
		if l.Size().Width < need {
			t.Errorf("header %q is %.0f wide, its text needs %.0f", l.Text, l.Size().Width, need)
		}
	}
}

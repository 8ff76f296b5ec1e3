package exercise

import (
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/plan"
	"drillbook/scenarios"
)

// untilDecision plays the run until a decision is put to the team.
func untilDecision(t *testing.T, h *uitest.Host, c *console) scenarios.OpenDecision {
	t.Helper()
	for len(c.e.OpenDecisions()) == 0 {
		if c.e.Now() > 3*time.Hour {
			t.Fatal("no decision came")
		}
		h.Clock.Advance(time.Minute)
		c.onTick()
	}
	return c.e.OpenDecisions()[0]
}

func TestDecisionAsksWhoDecidedAndHidesGrades(t *testing.T) {
	h, x := exerciseHost(t, nil)
	c := startByDialog(t, h, x, "ransomware")
	d := untilDecision(t, h, c)
	shown := strings.Join(uitest.Texts(c.decisions), "\n")
	if strings.Contains(shown, "(good)") || strings.Contains(shown, "(poor)") || !strings.Contains(shown, d.Options[0].Text) {
		t.Fatalf("decision panel with grades off:\n%s", shown)
	}
	c.grades.SetChecked(true)
	if shown := strings.Join(uitest.Texts(c.decisions), "\n"); !strings.Contains(shown, "("+string(d.Options[0].Grade)+")") {
		t.Fatalf("grades on, not shown:\n%s", shown)
	}

	// Cancel records nothing.
	before := len(c.events)
	test.Tap(uitest.Button(t, c.decisions, "Choose…"))
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "Cancel"))
	if len(c.events) != before || len(c.e.OpenDecisions()) == 0 {
		t.Fatal("cancelling the decision dialog recorded it")
	}

	// The dialog offers the expected decider first; another person is recorded as chosen.
	test.Tap(uitest.Button(t, c.decisions, "Choose…"))
	dlg := uitest.TopOverlay(t, h.Win)
	who, ok := uitest.Find(dlg, func(s *widget.Select) bool { return true })
	if !ok || d.Decider == "" || !strings.HasPrefix(who.Selected, c.actorName(d.Decider)) {
		t.Fatalf("decided by %q, want %s first", who.Selected, d.Decider)
	}
	actors := scenarios.ActorChoices(c.e.Workspace(), c.e.Participants())
	other := actors[len(actors)-1]
	who.SetSelected(other.Name)
	test.Tap(uitest.Button(t, dlg, "Record"))
	var got *plan.Event
	for i := range c.events {
		if c.events[i].Kind == plan.EventDecision && c.events[i].Action == d.ID {
			got = &c.events[i].Event
		}
	}
	if got == nil || got.Actor != other.ID || got.Choice != 1 {
		t.Fatalf("decision recorded as %+v, want option 1 by %s", got, other.ID)
	}
}

func TestPausedShowsOnBothWindows(t *testing.T) {
	h, x := exerciseHost(t, nil)
	c := startByDialog(t, h, x, "expired-certificate")
	c.openProjector()
	if !c.e.Running() || c.paused.Visible() || c.proj.paused.Visible() {
		t.Fatal("PAUSED shows while the clock runs")
	}
	test.Tap(uitest.Button(t, c.root, "Pause"))
	if c.e.Running() || !c.paused.Visible() || !c.proj.paused.Visible() {
		t.Fatal("no PAUSED badge while paused")
	}
	if !strings.Contains(strings.Join(uitest.Texts(c.proj.win.Content()), " "), "PAUSED") {
		t.Fatal("participants' window does not say PAUSED")
	}
	test.Tap(uitest.Button(t, c.root, "Resume"))
	if c.paused.Visible() || c.proj.paused.Visible() {
		t.Fatal("PAUSED stays after resuming")
	}
}

func TestDetailShowsCurrentInjectAndSelections(t *testing.T) {
	h, x := exerciseHost(t, nil)
	c := startByDialog(t, h, x, "ransomware")
	first := c.e.Scenario().Injects[0]
	text := uitest.RichText(c.detail.text.Segments)
	for _, want := range []string{"Ransomware behaviour detected", "svchost_.exe", "Expected actions", "Acknowledge", "due T+05:00", "Notes for evaluators", "Declaring pages the incident manager", "Next in 7:00 — staff: A support analyst working late"} {
		if !strings.Contains(text, want) {
			t.Errorf("current inject panel lacks %q:\n%s", want, text)
		}
	}
	if strings.Contains(text, "**") {
		t.Errorf("raw Markdown marks in the panel:\n%s", text)
	}
	// A pending inject: its deadlines are relative.
	c.injects.Select(len(c.injectRows) - 1)
	if r := c.injectRows[len(c.injectRows)-1]; !strings.Contains(c.detail.title.Text, r.Inject.ID) {
		t.Fatalf("selected inject not shown: %q", c.detail.title.Text)
	}
	// A log row: the recorded note in full, as typed.
	c.apply(c.e.Note("Checked host_name_01 *twice*\nsecond line", false, ""))
	c.log.Select(len(c.events) - 1)
	if text := uitest.RichText(c.detail.text.Segments); !strings.Contains(text, "Checked host_name_01 *twice*") || !strings.Contains(text, "second line") {
		t.Fatalf("log entry detail:\n%s", text)
	}
	c.detail.follow()
	if c.detail.title.Text != "Current inject" || !strings.Contains(uitest.RichText(c.detail.text.Segments), first.ID) && !strings.Contains(uitest.RichText(c.detail.text.Segments), "Ransomware") {
		t.Fatal("back to the current inject failed")
	}
}

func TestLogFollowsNewestUnlessScrolledUp(t *testing.T) {
	h, x := exerciseHost(t, nil)
	c := startByDialog(t, h, x, "expired-certificate")
	note := func() { c.apply(c.e.Note("note", false, "")) }
	for range 40 {
		note()
	}
	bottom := c.log.GetScrollOffset()
	if bottom <= 0 {
		t.Fatal("the log did not follow the newest entry")
	}
	note()
	if c.log.GetScrollOffset() <= bottom {
		t.Fatalf("offset %v after a new entry, was %v", c.log.GetScrollOffset(), bottom)
	}
	c.log.ScrollToOffset(10) // the facilitator scrolls up
	note()
	if c.log.GetScrollOffset() != 10 {
		t.Fatalf("the log jumped to %v while scrolled up", c.log.GetScrollOffset())
	}
	c.log.ScrollToBottom() // and back down: it follows again
	at := c.log.GetScrollOffset()
	note()
	if c.log.GetScrollOffset() <= at {
		t.Fatal("the log stopped following after scrolling back down")
	}
}

func TestRowsShowTextNotMarkdownMarks(t *testing.T) {
	sc := scenarioByID(t, "ransomware")
	test.NewTempApp(t)
	inject := logRow(plan.Entry{Event: plan.Event{Kind: plan.EventInject, Text: sc.Injects[1].Text}})
	if strings.ContainsAny(inject, "*>") || !strings.Contains(inject, "A support analyst") {
		t.Errorf("inject row %q", inject)
	}
	note := logRow(plan.Entry{Event: plan.Event{Kind: plan.EventNote, Text: "svc_account __init__ **as typed**"}})
	if !strings.Contains(note, "svc_account __init__ **as typed**") {
		t.Errorf("literal note row %q", note)
	}
	if got := injectLabel(scenarios.InjectStatus{Inject: &sc.Injects[0], State: scenarios.InjectDelivered}); strings.Contains(got, "**") || strings.Contains(got, "*R") {
		t.Errorf("inject label %q", got)
	}
}

func TestEndPausesTheClockAndKeepRunningResumes(t *testing.T) {
	h, x := exerciseHost(t, nil)
	c := startByDialog(t, h, x, "expired-certificate")
	c.endDialog()
	if c.e.Running() || !c.paused.Visible() {
		t.Fatal("the clock runs while the End dialog is open")
	}
	at := c.e.Now()
	h.Clock.Advance(10 * time.Minute)
	c.onTick()
	if c.e.Now() != at {
		t.Fatalf("exercise time moved from %v to %v during the hot wash", at, c.e.Now())
	}
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "Keep running"))
	if !c.e.Running() {
		t.Fatal("Keep running did not resume the clock")
	}
	// Paused before End: it stays paused after Keep running.
	c.togglePause()
	c.endDialog()
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "Keep running"))
	if c.e.Running() {
		t.Fatal("Keep running resumed a clock the facilitator had paused")
	}
	c.endDialog()
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "End and store"))
	if x.run != nil || len(h.WS.Runs) != 1 {
		t.Fatal("End and store did not store the run")
	}
}

func TestDiscardAsksFirstAndClosesTheConsole(t *testing.T) {
	h, x := exerciseHost(t, nil)
	c := startByDialog(t, h, x, "expired-certificate")
	calls := 0
	c.discardRun = func() error { calls++; return nil }
	c.discard()
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "No"))
	if calls != 0 || x.run == nil {
		t.Fatal("discard without confirmation")
	}
	c.discard()
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "Yes"))
	if calls != 1 || x.run != nil || len(h.WS.Runs) != 0 {
		t.Fatalf("discard: %d calls, run %v, %d stored", calls, x.run, len(h.WS.Runs))
	}
}

func TestStartDialogLabelsRolesAndPutsSpeedFirst(t *testing.T) {
	h, x := exerciseHost(t, nil)
	h.Win.Resize(screens[0])
	x.startRunDialog(scenarioByID(t, "ransomware"))
	dlg := uitest.TopOverlay(t, h.Win)
	form, ok := uitest.Find(dlg, func(f *widget.Form) bool { return true })
	if !ok || len(form.Items) < 4 {
		t.Fatal("no role form")
	}
	if form.Items[0].Text != "Clock speed" || form.Items[1].Text != "Facilitator" {
		t.Fatalf("first rows %q, %q", form.Items[0].Text, form.Items[1].Text)
	}
	seen := map[string]bool{}
	for _, it := range form.Items[2:] {
		if it.Text == "" || seen[it.Text] || !strings.HasPrefix(it.HintText, "Plays ") {
			t.Errorf("role row %q (hint %q): not named by its plan role with the scenario roles it plays, or repeated", it.Text, it.HintText)
		}
		seen[it.Text] = true
	}
	casts := scenarios.Castings(scenarioByID(t, "ransomware"), h.WS)
	if len(form.Items)-2 != len(casts) {
		t.Errorf("%d role rows for %d castings", len(form.Items)-2, len(casts))
	}
	for i, c := range casts {
		if it := form.Items[2+i]; i+2 < len(form.Items) && !strings.Contains(it.HintText, c.Plays()) {
			t.Errorf("row %q hint %q does not say it plays %q", it.Text, it.HintText, c.Plays())
		}
	}
	assertFits(t, h.Win, "start dialog")
	uitest.Capture(t, h.Win, "start-dialog-1280x720")
}

func TestChecklistOpensAPlaybookForTheScenarioAndFits(t *testing.T) {
	h, x := exerciseHost(t, nil)
	h.Win.Resize(screens[0])
	c := startByDialog(t, h, x, "ransomware")
	c.checklistDialog()
	dlg := uitest.TopOverlay(t, h.Win)
	pick, ok := uitest.Find(dlg, func(s *widget.Select) bool { return true })
	if !ok {
		t.Fatal("no playbook choice")
	}
	var shown *plan.Playbook
	for i := range h.WS.Playbooks {
		if h.WS.Playbooks[i].Title == pick.Selected {
			shown = &h.WS.Playbooks[i]
		}
	}
	security := func(pb *plan.Playbook) bool {
		return slices.ContainsFunc(h.WS.IncidentTypes, func(t plan.IncidentType) bool {
			return t.Category == plan.CategorySecurity && slices.Contains(pb.IncidentTypes, t.ID)
		})
	}
	if shown == nil || !security(shown) {
		t.Fatalf("checklist opens %q during a ransomware drill", pick.Selected)
	}
	assertFits(t, h.Win, "checklist")
	uitest.Capture(t, h.Win, "checklist-1280x720")
	check, ok := uitest.Find(dlg, func(ch *widget.Check) bool { return !ch.Disabled() })
	if !ok {
		t.Fatal("no step to tick")
	}
	check.SetChecked(true)
	if done := c.e.CompletedSteps()[shown.ID]; len(done) != 1 {
		t.Fatalf("ticking a step recorded %v", done)
	}
}

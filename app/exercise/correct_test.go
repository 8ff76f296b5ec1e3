package exercise

import (
	"reflect"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/plan"
	"drillbook/scenarios"
)

// selectEntry selects log entry seq in the console's log.
func selectEntry(t *testing.T, c *console, seq int) {
	t.Helper()
	for i, en := range c.events {
		if en.Seq == seq {
			c.log.Select(i)
			return
		}
	}
	t.Fatalf("the log has no row for entry %d", seq)
}

// entryRow is the log row of entry seq.
func entryRow(t *testing.T, c *console, seq int) string {
	t.Helper()
	for _, en := range c.events {
		if en.Seq == seq && en.Kind != plan.EventCorrection {
			return logRow(en)
		}
	}
	t.Fatalf("the log has no row for entry %d", seq)
	return ""
}

// lastSeq is the Seq of the newest entry of kind.
func lastSeq(t *testing.T, c *console, kind string) int {
	t.Helper()
	for i := len(c.events) - 1; i >= 0; i-- {
		if c.events[i].Kind == kind {
			return c.events[i].Seq
		}
	}
	t.Fatalf("no %s in the log", kind)
	return 0
}

// fillReason types reason into the open dialog's Reason field and taps ok.
func fillReason(t *testing.T, h *uitest.Host, reason, ok string) {
	t.Helper()
	dlg := uitest.TopOverlay(t, h.Win)
	e, found := uitest.Find(dlg, func(e *widget.Entry) bool { return strings.HasPrefix(e.PlaceHolder, "required") })
	if !found {
		t.Fatal("the dialog asks for no reason")
	}
	e.SetText(reason)
	test.Tap(uitest.Button(t, dlg, ok))
}

func taskByID(c *console, id string) (plan.Task, bool) {
	for _, tk := range c.e.Tasks() {
		if tk.ID == id {
			return tk, true
		}
	}
	return plan.Task{}, false
}

// TestStrikeAnEscalationFromTheConsole: the struck escalation's timer is
// open again and its row reads struck, with the reason in the detail. A
// blank reason refuses and records nothing.
func TestStrikeAnEscalationFromTheConsole(t *testing.T) {
	h, x := exerciseHost(t, nil)
	c := startByDialog(t, h, x, "ransomware")
	var esc plan.Task
	for found := false; !found; {
		if c.e.Now() > 3*time.Hour {
			t.Fatal("no escalation timer came")
		}
		h.Clock.Advance(time.Minute)
		c.onTick()
		for _, tk := range c.e.Tasks() {
			if tk.Kind == string(scenarios.ExpectEscalate) && tk.Source == plan.SourceScenario && tk.MetAt == nil && tk.Target != "" && tk.Start.D() <= c.e.Now() {
				esc, found = tk, true
				break
			}
		}
	}
	actor := c.e.Participants()[0].Person
	c.apply(c.e.Record(scenarios.Action{Kind: scenarios.ExpectEscalate, Actor: actor, Target: esc.Target}))
	if tk, _ := taskByID(c, esc.ID); tk.MetAt == nil {
		t.Fatalf("the escalation did not meet %s (%s)", esc.ID, tk.Status)
	}
	seq := lastSeq(t, c, plan.EventAction)
	selectEntry(t, c, seq)
	if !c.detail.strike.Visible() || !c.detail.correct.Visible() {
		t.Fatal("no Strike/Correct for a recorded action")
	}

	// A blank reason refuses.
	n := len(c.events)
	test.Tap(c.detail.strike)
	fillReason(t, h, "  ", "Strike")
	if !uitest.DialogSays(t, h.Win, "reason") || len(c.events) != n {
		t.Fatalf("a blank reason was not refused (%d → %d rows)", n, len(c.events))
	}
	uitest.TopOverlay(t, h.Win).Hide()

	test.Tap(c.detail.strike)
	fillReason(t, h, "it was a test page", "Strike")
	if tk, _ := taskByID(c, esc.ID); tk.MetAt != nil {
		t.Fatalf("%s still met after its escalation was struck: %s", esc.ID, tk.Status)
	}
	if row := entryRow(t, c, seq); !strings.HasPrefix(row, "struck: ") {
		t.Fatalf("struck row reads %q", row)
	}
	if c.events[len(c.events)-1].Kind != plan.EventCorrection {
		t.Fatal("the correction is not its own log line")
	}
	detail := uitest.RichText(c.detail.text.Segments)
	if !strings.Contains(detail, "Struck") || !strings.Contains(detail, "it was a test page") {
		t.Fatalf("struck entry's detail:\n%s", detail)
	}
	if c.detail.strike.Visible() || c.detail.correct.Visible() {
		t.Fatal("a struck entry offers to be struck again")
	}
	// Entries worked out from the others are not offered.
	selectEntry(t, c, lastSeq(t, c, plan.EventInject))
	if c.detail.strike.Visible() {
		t.Fatal("an inject offers to be struck")
	}
}

// TestCorrectANoteAndResume: a note corrected in the console shows its new
// text, the original in the detail, and a resumed journal gives the same
// log as corrected.
func TestCorrectANoteAndResume(t *testing.T) {
	path := savedDemo(t)
	h, x := savedHost(t, path)
	c := startByDialog(t, h, x, "expired-certificate")
	h.Clock.Advance(3 * time.Minute)
	c.onTick()
	c.apply(c.e.Note("pager rang oot", false, ""))
	seq := lastSeq(t, c, plan.EventNote)
	selectEntry(t, c, seq)
	test.Tap(c.detail.correct)
	dlg := uitest.TopOverlay(t, h.Win)
	text, ok := uitest.Find(dlg, func(e *widget.Entry) bool { return e.MultiLine })
	if !ok || text.Text != "pager rang oot" {
		t.Fatal("the correct dialog does not offer the note's text")
	}
	text.SetText("pager rang out")
	fillReason(t, h, "typo", "Correct")
	row := entryRow(t, c, seq)
	if !strings.Contains(row, "pager rang out") || !strings.Contains(row, "corrected") {
		t.Fatalf("corrected row reads %q", row)
	}
	detail := uitest.RichText(c.detail.text.Segments)
	if !strings.Contains(detail, "Corrected") || !strings.Contains(detail, "typo") || !strings.Contains(detail, "Originally") || !strings.Contains(detail, "pager rang oot") {
		t.Fatalf("corrected entry's detail:\n%s", detail)
	}
	want := c.e.EffectiveLog()
	c.e.Close() // crash: the window is gone

	h2, x2 := savedHost(t, path)
	x2.Clock = h.Clock
	x2.OfferResume()
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h2.Win), "Resume"))
	if x2.run == nil {
		t.Fatal("resume did not open the console")
	}
	if got := x2.run.e.EffectiveLog(); !reflect.DeepEqual(got, want) {
		t.Fatalf("resumed effective log differs:\n got %+v\nwant %+v", got, want)
	}
	if row := entryRow(t, x2.run, seq); !strings.Contains(row, "pager rang out") {
		t.Fatalf("resumed console row reads %q", row)
	}
}

// TestCorrectWhoActedAndDecided: an action's actor, and a decision's
// option and decider, corrected from the console, stand in the log; the
// decision dialog shows no grades.
func TestCorrectWhoActedAndDecided(t *testing.T) {
	h, x := exerciseHost(t, nil)
	c := startByDialog(t, h, x, "ransomware")
	actors := scenarios.ActorChoices(c.e.Workspace(), c.e.Participants())
	first, other := actors[0], actors[len(actors)-1]
	c.apply(c.e.Record(scenarios.Action{Kind: scenarios.ExpectAcknowledge, Actor: first.ID}))
	seq := lastSeq(t, c, plan.EventAction)
	selectEntry(t, c, seq)
	test.Tap(c.detail.correct)
	who, ok := uitest.Find(uitest.TopOverlay(t, h.Win), func(s *widget.Select) bool { return true })
	if !ok || who.Selected != first.Name {
		t.Fatalf("the action's correction offers %q first, want %s", who.Selected, first.Name)
	}
	who.SetSelected(other.Name)
	fillReason(t, h, "misheard", "Correct")
	if en, _ := c.detail.entry(); en.Actor != other.ID || en.Correction == nil {
		t.Fatalf("corrected action stands as %+v, want actor %s", en.Event, other.ID)
	}

	d := untilDecision(t, h, c)
	c.apply(c.e.Decide(d.ID, 0, first.ID))
	seq = lastSeq(t, c, plan.EventDecision)
	selectEntry(t, c, seq)
	test.Tap(c.detail.correct)
	dlg := uitest.TopOverlay(t, h.Win)
	if shown := strings.Join(uitest.Texts(dlg), "\n"); strings.Contains(shown, "("+string(d.Options[0].Grade)+")") {
		t.Fatalf("the decision's correction shows grades:\n%s", shown)
	}
	selects := uitest.FindAll(dlg, func(*widget.Select) bool { return true })
	if len(selects) != 2 || selects[0].SelectedIndex() != 0 {
		t.Fatalf("decision correction: %d selects, option %d first", len(selects), selects[0].SelectedIndex())
	}
	selects[0].SetSelectedIndex(1)
	selects[1].SetSelected(other.Name)
	fillReason(t, h, "the room chose B", "Correct")
	if en, _ := c.detail.entry(); en.Choice != 2 || en.Actor != other.ID {
		t.Fatalf("corrected decision stands as option %d by %s, want 2 by %s", en.Choice, en.Actor, other.ID)
	}
}

package form

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/plan"
)

func TestNamedItemsAreNamedAndCopiedOneWay(t *testing.T) {
	ws := plan.Demo()
	people := ListSpec[plan.Person]{Base: "people", NewName: "New person",
		Named: func(p *plan.Person) (*string, *string) { return &p.ID, &p.Name }}
	newPerson, copyPerson := people.makers()
	p := newPerson(ws, 0)
	if p.Name != "New person" || p.ID != "new-person" {
		t.Fatalf("new person %q %q", p.ID, p.Name)
	}
	c := copyPerson(ws, 0, ws.People[0])
	if c.Name != ws.People[0].Name+" (copy)" || c.ID == ws.People[0].ID || !plan.ValidID(c.ID) {
		t.Fatalf("copy %q %q of %q", c.ID, c.Name, ws.People[0].ID)
	}

	// New may name the item itself; the ID still comes from NewName, and
	// Copy adjusts the named copy.
	obligations := ListSpec[plan.ReportingObligation]{Base: "reportingObligations", NewName: "New obligation",
		Named: func(o *plan.ReportingObligation) (*string, *string) { return &o.ID, &o.Body },
		New: func(*plan.Workspace, int) plan.ReportingObligation {
			return plan.ReportingObligation{Body: "New regulator", Deadline: 72 * plan.Hour}
		},
		Copy: func(_ *plan.Workspace, _ int, o plan.ReportingObligation) plan.ReportingObligation {
			o.Deadline = 0
			return o
		},
	}
	newObl, copyObl := obligations.makers()
	if o := newObl(ws, 0); o.Body != "New regulator" || o.ID != "new-obligation" || o.Deadline != 72*plan.Hour {
		t.Fatalf("new obligation %+v", o)
	}
	if o := copyObl(ws, 0, plan.ReportingObligation{ID: "ico", Body: "ICO", Deadline: plan.Hour}); o.Body != "ICO (copy)" || o.ID != "ico-copy" || o.Deadline != 0 {
		t.Fatalf("copied obligation %+v", o)
	}

	// A list of unnamed items without Copy cannot duplicate.
	steps := ListSpec[plan.Step]{New: func(*plan.Workspace, int) plan.Step { return plan.Step{Text: "New step"} }}
	newStep, copyStep := steps.makers()
	if s := newStep(ws, 0); s.Text != "New step" || copyStep != nil {
		t.Fatalf("steps: %+v, copy %v", s, copyStep != nil)
	}
}

func TestEmptyOr(t *testing.T) {
	v := EmptyOr(plan.ParseDate)
	if v("") != nil || v("2026-03-04") != nil || v("04/03/2026") == nil {
		t.Fatal("EmptyOr(plan.ParseDate) accepts the wrong dates")
	}
}

// partScreen shows one part as a screen of the test host.
type partScreen struct{ Part }

func (partScreen) Title() string       { return "part" }
func (partScreen) Icon() fyne.Resource { return nil }

// Toggling every day off stores an empty list of days (a shift's days are
// always written); toggling every level off stores none.
func TestTogglesStoreWhatIsOn(t *testing.T) {
	h := uitest.NewHost(t, nil)
	r := NewRecord(h, "escalationRules[0]")
	r.Binder().Days("Days", "days", func(Addr) *[]plan.Weekday { return &h.WS.Coverage.Rota.Shifts[0].Days })
	r.Binder().Levels("Severities", "severities", func(Addr) *[]int { return &h.WS.EscalationRules[0].Severities })
	r.Finish()
	h.Show(partScreen{r})
	if len(h.WS.Coverage.Rota.Shifts[0].Days) == 0 || len(h.WS.EscalationRules[0].Severities) == 0 {
		t.Fatal("the demo's first shift and rule have nothing on")
	}
	for _, label := range []string{"Days", "Severities"} {
		// A toggle that is on is drawn as a primary button.
		for _, b := range uitest.FindAll(uitest.Input[*fyne.Container](t, r.Object(), label), func(b *widget.Button) bool { return b.Importance == widget.HighImportance }) {
			test.Tap(b)
		}
	}
	if d := h.WS.Coverage.Rota.Shifts[0].Days; d == nil || len(d) != 0 {
		t.Errorf("no day on is stored as %#v, want an empty list", d)
	}
	if s := h.WS.EscalationRules[0].Severities; s != nil {
		t.Errorf("no level on is stored as %#v, want none", s)
	}
}

// The issue: "[0].value: contact value is required" beside a new
// contact. The note says it in words, as a sentence, with no path.
func TestProblemTextIsPlainLanguage(t *testing.T) {
	p := plan.Problem{Path: "thirdParties[0].contacts[0].value", Level: plan.Error, Message: "contact value is required"}
	if got := ProblemText(p); got != "✖ Contact value is required" {
		t.Errorf("beside the field: %q", got)
	}
	p.Level = plan.Warning
	if got := ProblemText(p); got != "⚠ Contact value is required" {
		t.Errorf("beside the item: %q", got)
	}
}

// Once the user types an ID, renaming the item leaves it alone.
func TestAnIDSetByHandStops(t *testing.T) {
	h := uitest.NewHost(t, nil)
	e := NewList(h, ListSpec[plan.Person]{Noun: "person", Base: "people", NewName: "New person",
		Slice: func(int) *[]plan.Person { return &h.WS.People },
		Row:   func(p *plan.Person) string { return p.Name },
		Named: func(p *plan.Person) (*string, *string) { return &p.ID, &p.Name }})
	at := func(a Addr) *plan.Person { return &h.WS.People[a.Index] }
	e.Binder().Text("Name", "name", func(a Addr) *string { return &at(a).Name })
	e.Binder().Text("ID", "id", func(a Addr) *string { return &at(a).ID })
	e.Finish()
	h.Show(partScreen{e})
	test.Tap(uitest.Button(t, e.Object(), "Add"))
	n := len(h.WS.People) - 1
	uitest.Input[*widget.Entry](t, e.Object(), "Name").SetText("Alex Smith")
	if got := h.WS.People[n].ID; got != "alex-smith" {
		t.Fatalf("ID %q before it was set by hand", got)
	}
	uitest.Input[*widget.Entry](t, e.Object(), "ID").SetText("asmith")
	uitest.Input[*widget.Entry](t, e.Object(), "Name").SetText("Alex Jones")
	if got := h.WS.People[n].ID; got != "asmith" {
		t.Fatalf("an ID set by hand became %q", got)
	}
}

// A multi-line field is as tall as its text: two rows for one line, more
// as lines are typed, up to maxRows.
func TestMultiLineFieldsGrowWithTheirText(t *testing.T) {
	h := uitest.NewHost(t, nil)
	h.WS.EscalationRules[0].Notes = "one line"
	r := NewRecord(h, "escalationRules[0]")
	e := r.Binder().TextArea("Notes", "notes", func(Addr) *string { return &h.WS.EscalationRules[0].Notes })
	r.Finish()
	h.Show(partScreen{r})
	rowsHigh := func(n int) float32 {
		x := widget.NewMultiLineEntry()
		x.SetMinRowsVisible(n)
		return x.MinSize().Height
	}
	if got := e.MinSize().Height; got != rowsHigh(2) {
		t.Fatalf("a one-line note is %v high, want two rows (%v); four rows are %v", got, rowsHigh(2), rowsHigh(4))
	}
	e.SetText("1\n2\n3\n4\n5\n6")
	if got := e.MinSize().Height; got != rowsHigh(7) {
		t.Fatalf("six lines are %v high, want seven rows (%v)", got, rowsHigh(7))
	}
	e.SetText(strings.Repeat("line\n", 40))
	if got := e.MinSize().Height; got != rowsHigh(maxRows) {
		t.Fatalf("forty lines are %v high, want %d rows (%v)", got, maxRows, rowsHigh(maxRows))
	}
}

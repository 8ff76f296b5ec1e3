package editors

import (
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/form"
	"drillbook/app/internal/uitest"
	"drillbook/plan"
)

// A new person's ID follows the name until something refers to the
// person; the rename is one undo step for name and ID together.
func TestNewPersonsIDFollowsTheName(t *testing.T) {
	h := editorHost(t)
	e := openTab[*form.List[plan.Person]](t, h, "Roles & escalation", "People")
	test.Tap(addButton(t, e))
	n := len(h.WS.People) - 1
	if p := h.WS.People[n]; p.ID != "new-person" {
		t.Fatalf("new person's ID %q", p.ID)
	}
	name := uitest.Input[*widget.Entry](t, e.Object(), "Name")
	test.Type(name, "x") // typing merges into one step with the rename below
	name.SetText("Alex Smith")
	if p := h.WS.People[n]; p.ID != "alex-smith" || p.Name != "Alex Smith" {
		t.Fatalf("renamed person %q %q, want alex-smith", p.ID, p.Name)
	}
	if got := uitest.Input[*widget.Label](t, e.Object(), "ID").Text; got != "alex-smith" {
		t.Fatalf("the ID line shows %q", got)
	}
	h.Undo()
	if p := h.WS.People[n]; p.ID != "new-person" || p.Name != "New person" {
		t.Fatalf("undo of the rename left %q %q", p.ID, p.Name)
	}
	h.Redo()
	if p := h.WS.People[n]; p.ID != "alex-smith" || p.Name != "Alex Smith" {
		t.Fatalf("redo of the rename gave %q %q", p.ID, p.Name)
	}

	// Once a role has them as a member, the ID stays put.
	h.WS.Roles[0].Members = append(h.WS.Roles[0].Members, "alex-smith")
	name.SetText("Alex Jones")
	if p := h.WS.People[n]; p.ID != "alex-smith" || !slices.Contains(h.WS.Roles[0].Members, p.ID) {
		t.Fatalf("a referenced person's ID moved to %q", p.ID)
	}

	// People from the plan keep their IDs whatever they are called.
	old := h.WS.People[0].ID
	e.SelectIndex(0)
	uitest.Input[*widget.Entry](t, e.Object(), "Name").SetText("Someone Else")
	if h.WS.People[0].ID != old {
		t.Fatalf("an existing person's ID changed to %q", h.WS.People[0].ID)
	}
}

// A contact just added does not complain about its empty value until the
// user moves on to another field.
func TestNewContactsProblemWaitsUntilTheFieldIsLeft(t *testing.T) {
	h := editorHost(t)
	e := openTab[*form.List[plan.Person]](t, h, "Roles & escalation", "People")
	e.SelectIndex(0)
	test.Tap(uitest.Button(t, e.Object(), "Add contact"))
	row := uitest.Row(t, e.Object(), "Contacts")
	if row.Note.Visible() {
		t.Fatalf("a problem shows the instant a contact is added: %q", row.Note.Text)
	}
	uitest.Input[*widget.Entry](t, e.Object(), "Job title").SetText("Lead")
	if !row.Note.Visible() || row.Note.Text != "✖ Contact value is required" {
		t.Fatalf("after leaving the contacts the note is %v %q", row.Note.Visible(), row.Note.Text)
	}
}

// Playbook subtitles are drawn in the text colour, not the faint disabled
// one LowImportance uses.
func TestPlaybookSubtitlesAreReadable(t *testing.T) {
	h := editorHost(t)
	openScreen(t, h, "Playbooks")
	for _, l := range uitest.FindAll(h.Win.Content(), func(l *widget.Label) bool { return strings.Contains(l.Text, " steps") }) {
		if l.Importance == widget.LowImportance {
			t.Fatalf("subtitle %q is drawn in the disabled colour", l.Text)
		}
	}
	for i := range h.WS.Playbooks {
		if s, imp := (&playbooksPart{h: h}).rowDetails(&h.WS.Playbooks[i]); imp == widget.LowImportance {
			t.Fatalf("subtitle %q is low importance", s)
		}
	}
}

// A new item's problems wait until each field is left: the criteria of a
// new incident type do not complain before the field was visited, the
// name emptied does not complain while typed in, and both show once left.
func TestNewItemsProblemsWaitForEachField(t *testing.T) {
	h := editorHost(t)
	e := openTab[*form.List[plan.IncidentType]](t, h, "Procedure", "Incident types")
	test.Tap(addButton(t, e))
	criteria := uitest.Row(t, e.Object(), "Criteria")
	if criteria.Note.Visible() {
		t.Fatalf("the criteria show %q before they were visited", criteria.Note.Text)
	}
	name := uitest.Input[*form.Entry](t, e.Object(), "Name")
	name.SetText("")
	if row := uitest.Row(t, e.Object(), "Name"); row.Note.Visible() {
		t.Fatalf("the name's problem shows while it is typed in: %q", row.Note.Text)
	}
	name.FocusLost()
	if row := uitest.Row(t, e.Object(), "Name"); !row.Note.Visible() || !strings.Contains(row.Note.Text, "required") {
		t.Fatalf("after leaving the emptied name the note is %v %q", row.Note.Visible(), row.Note.Text)
	}
	if criteria.Note.Visible() {
		t.Fatal("leaving the name showed the criteria's problem too")
	}
	// Choosing another item and coming back shows everything.
	n := len(h.WS.IncidentTypes) - 1
	e.SelectIndex(0)
	e.SelectIndex(n)
	if row := uitest.Row(t, e.Object(), "Criteria"); !row.Note.Visible() {
		t.Fatal("the criteria's problem stays hidden after the item is chosen again")
	}
}

package assessview

import (
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"

	"drillbook/app/internal/uitest"
	"drillbook/plan"
)

func TestOverviewOfTheDemo(t *testing.T) {
	h := assessmentHost(t)
	o := h.Screens[0].(*overview)
	name := plan.Demo().Organisation.Name
	if o.name.Text != name {
		t.Errorf("organisation field %q", o.name.Text)
	}
	// The step cards show the real counts from the plan.
	ws := plan.Demo()
	if !strings.Contains(o.steps[1].Text, "People: "+strconv.Itoa(len(ws.People))) {
		t.Errorf("step 2 card %q lacks the people count %d", o.steps[1].Text, len(ws.People))
	}
	if !strings.Contains(o.steps[2].Text, "Playbooks: "+strconv.Itoa(len(ws.Playbooks))) {
		t.Errorf("step 3 card %q", o.steps[2].Text)
	}
	if o.problemsTitle.Text != "Validation: no problems found" {
		t.Errorf("problems title %q", o.problemsTitle.Text)
	}
	// With nothing to list, the problem pane is its title line only.
	if _, split := uitest.Find(o.root, func(*container.Split) bool { return true }); split || uitest.Contains(o.root, o.problems) {
		t.Error("a clean plan still gives a quarter of the screen to an empty problem list")
	}
}

func TestOverviewEditsAndRevalidates(t *testing.T) {
	h := assessmentHost(t)
	o := h.Screens[0].(*overview)
	o.name.SetText("")
	if !h.Dirty {
		t.Fatal("edit not marked unsaved")
	}
	if !strings.Contains(o.problemsTitle.Text, "1 error, 0 warnings") {
		t.Errorf("empty organisation name not reported: %q", o.problemsTitle.Text)
	}
	if o.problems.Length() != 1 {
		t.Errorf("problems list has %d rows", o.problems.Length())
	}
	if _, split := uitest.Find(o.root, func(*container.Split) bool { return true }); !split || !uitest.Contains(o.root, o.problems) {
		t.Error("a problem appeared but the problem list is not shown")
	}
	test.Type(o.name, "Bayside Clinics")
	if h.WS.Organisation.Name != "Bayside Clinics" || o.heading.Text != "Bayside Clinics" {
		t.Errorf("typing did not reach the plan: %q, heading %q", h.WS.Organisation.Name, o.heading.Text)
	}
}

func TestOverviewOfAnEmptyPlanSaysWhereToStart(t *testing.T) {
	h := uitest.NewHost(t, plan.New("New organisation"))
	guideShown := 0
	h.Show(Overview(h, func() { guideShown++ }))
	o := h.Screens[0].(*overview)
	if !o.startHere.Visible() {
		t.Fatal("an empty plan shows no start here")
	}
	test.Tap(uitest.Button(t, o.root, "Start the guide"))
	if guideShown != 1 {
		t.Fatalf("the start button opened the guide %d times", guideShown)
	}
	// Once the plan has something in it, the pointer goes.
	h.WS.People = append(h.WS.People, plan.Person{ID: "ana", Name: "Ana"})
	h.Edited()
	if o.startHere.Visible() {
		t.Error("start here still shown on a plan with a person in it")
	}
}

func TestOverviewOfTheDemoHasNoStartHere(t *testing.T) {
	h := assessmentHost(t)
	if h.Screens[0].(*overview).startHere.Visible() {
		t.Error("the demo shows start here")
	}
}

package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	guided "drillbook/guide"
	"drillbook/plan"
)

// emptyPlanUI is a test UI on a new, empty workspace.
func emptyPlanUI(t *testing.T) *UI {
	t.Helper()
	u, _ := editorUI(t)
	u.setDocument(newDocument(plan.New("Acme Clinics"), ""))
	return u
}

func TestGuideWalksAnEmptyPlanWithDefaults(t *testing.T) {
	u := emptyPlanUI(t)
	g := openScreen[*guide](t, u, "Guide")
	if g.page != 0 || g.overall.Text != "Step 1 of 3 — 0 of 7 questions answered" {
		t.Fatalf("opens on page %d with %q", g.page, g.overall.Text)
	}
	if g.heading.Text != "Incident types" || !strings.Contains(g.prompt.String(), "security, availability, information governance, clinical safety") {
		t.Fatalf("page 1: %q / %q", g.heading.Text, g.prompt.String())
	}
	if !g.defaults.Visible() || !strings.Contains(g.summary.Text, "No incident types yet") {
		t.Fatalf("starting point not offered: %q", g.summary.Text)
	}

	// Accept the starting point: four incident types, one per category,
	// each with criteria; the page and the progress follow the plan.
	test.Tap(g.defaults)
	if n := len(u.doc.ws.IncidentTypes); n != 4 {
		t.Fatalf("%d incident types after defaults", n)
	}
	if !strings.HasPrefix(g.summary.Text, "✔ Answered: 4 incident types") {
		t.Fatalf("summary %q", g.summary.Text)
	}
	if g.overall.Text != "Step 1 of 3 — 2 of 7 questions answered" {
		t.Fatalf("progress %q (criteria come with the defaults)", g.overall.Text)
	}
	if g.overall.Text != guided.Evaluate(u.doc.ws, u.today()).String() {
		t.Fatal("the guide's progress differs from guided.Evaluate")
	}
	// The page's editor is the real plan: edit a name in place.
	e := g.currentPart().(*listEditor[plan.IncidentType])
	e.selectIndex(0)
	input[*widget.Entry](t, e.b, "Name").SetText("Cyber attack")
	if u.doc.ws.IncidentTypes[0].Name != "Cyber attack" {
		t.Fatal("the guide page did not edit the plan")
	}

	// Next goes to the following question.
	test.Tap(g.next)
	if g.heading.Text != "What is an incident" || g.page != 1 {
		t.Fatalf("next: %q", g.heading.Text)
	}
	// Severities: the default scale comes with targets.
	g.go_(3)
	if g.heading.Text != "Criticality levels" {
		t.Fatalf("page 4 is %q", g.heading.Text)
	}
	test.Tap(g.defaults)
	if len(u.doc.ws.Severities) != 4 || u.doc.ws.Severities[0].Targets.Acknowledge != 5*plan.Minute {
		t.Fatalf("severities %+v", u.doc.ws.Severities)
	}
	if !g.progress.Questions[3].Answered {
		t.Fatal("severities not answered after defaults")
	}
	// Applying again adds nothing.
	test.Tap(g.defaults)
	test.Tap(button(t, topOverlay(t, u), "OK"))
	if len(u.doc.ws.Severities) != 4 {
		t.Fatal("defaults applied twice")
	}
	// Undo removes the scale and stays on the guide page.
	u.undoLast()
	if len(u.doc.ws.Severities) != 0 || u.screens[u.current] != screen(g) || g.page != 3 {
		t.Fatalf("undo: %d severities, screen %q, page %d", len(u.doc.ws.Severities), u.screens[u.current].title(), g.page)
	}
	if g.progress.Questions[3].Answered {
		t.Fatal("progress not recomputed after undo")
	}
}

func TestGuideEveryPageHasAnEditor(t *testing.T) {
	u, _ := editorUI(t)
	g := openScreen[*guide](t, u, "Guide")
	for i, q := range g.questions {
		g.go_(i)
		if g.page != i || g.heading.Text != q.Title {
			t.Fatalf("page %d shows %q", i, g.heading.Text)
		}
		if g.currentPart() == nil || len(g.editor.Objects) != 1 {
			t.Fatalf("question %s has no editor", q.ID)
		}
		st := g.progress.Questions[i]
		if !strings.Contains(g.summary.Text, st.Summary) {
			t.Errorf("%s: summary %q, want %q", q.ID, g.summary.Text, st.Summary)
		}
	}
	// On the demo the guide opens where work is left: it counts what the
	// plan says, e.g. the overdue playbook review.
	if g.progress.Complete() {
		t.Error("the demo's overdue review should leave a question open")
	}
	if !strings.Contains(strings.Join(texts(g.root), "\n"), "3 Playbooks:") {
		t.Error("per-step progress bars missing")
	}
}

func TestGuideOpensAtFirstUnansweredQuestion(t *testing.T) {
	u, _ := editorUI(t)
	want := guided.Evaluate(u.doc.ws, u.today()).Next
	g := openScreen[*guide](t, u, "Guide")
	if g.questions[g.page].ID != want {
		t.Fatalf("opened at %s, want %s", g.questions[g.page].ID, want)
	}
}

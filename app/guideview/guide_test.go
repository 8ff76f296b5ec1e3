package guideview

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/editors"
	"drillbook/app/form"
	"drillbook/app/host"
	"drillbook/app/internal/uitest"
	guided "drillbook/guide"
	"drillbook/plan"
)

// guideHost is a test host showing the guide first and the editor
// screens after it, as the main window does, on ws (nil for the demo).
func guideHost(t *testing.T, ws *plan.Workspace) *uitest.Host {
	t.Helper()
	h := uitest.NewHost(t, ws)
	h.Show(New(h), editors.Procedure(h), editors.Roles(h), editors.Playbooks(h))
	return h
}

// openGuide shows the guide.
func openGuide(h *uitest.Host) *guide {
	h.Select(0)
	return h.Screens[0].(*guide)
}

func TestGuideWalksAnEmptyPlanWithDefaults(t *testing.T) {
	h := guideHost(t, plan.New("Acme Clinics"))
	g := openGuide(h)
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
	if n := len(h.WS.IncidentTypes); n != 4 {
		t.Fatalf("%d incident types after defaults", n)
	}
	if !strings.HasPrefix(g.summary.Text, "✔ Answered: 4 incident types") {
		t.Fatalf("summary %q", g.summary.Text)
	}
	if g.overall.Text != "Step 1 of 3 — 2 of 7 questions answered" {
		t.Fatalf("progress %q (criteria come with the defaults)", g.overall.Text)
	}
	if g.overall.Text != guided.Evaluate(h.WS, h.Today()).String() {
		t.Fatal("the guide's progress differs from guided.Evaluate")
	}
	// The page's editor is the real plan: edit a name in place.
	e := g.currentPart().(*form.List[plan.IncidentType])
	e.SelectIndex(0)
	uitest.Input[*widget.Entry](t, e.Object(), "Name").SetText("Cyber attack")
	if h.WS.IncidentTypes[0].Name != "Cyber attack" {
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
	if len(h.WS.Severities) != 4 || h.WS.Severities[0].Targets.Acknowledge != 5*plan.Minute {
		t.Fatalf("severities %+v", h.WS.Severities)
	}
	if !g.progress.Questions[3].Answered {
		t.Fatal("severities not answered after defaults")
	}
	// Applying again adds nothing.
	test.Tap(g.defaults)
	test.Tap(uitest.Button(t, uitest.TopOverlay(t, h.Win), "OK"))
	if len(h.WS.Severities) != 4 {
		t.Fatal("defaults applied twice")
	}
	// Undo removes the scale and stays on the guide page.
	h.Undo()
	if len(h.WS.Severities) != 0 || h.Screens[h.Current] != host.Screen(g) || g.page != 3 {
		t.Fatalf("undo: %d severities, screen %q, page %d", len(h.WS.Severities), h.Screens[h.Current].Title(), g.page)
	}
	if g.progress.Questions[3].Answered {
		t.Fatal("progress not recomputed after undo")
	}
}

func TestGuideEveryPageHasAnEditor(t *testing.T) {
	h := guideHost(t, nil)
	g := openGuide(h)
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
	if !strings.Contains(strings.Join(uitest.Texts(g.root), "\n"), "3 Playbooks:") {
		t.Error("per-step progress bars missing")
	}
}

func TestGuideOpensAtFirstUnansweredQuestion(t *testing.T) {
	h := guideHost(t, nil)
	want := guided.Evaluate(h.WS, h.Today()).Next
	g := openGuide(h)
	if g.questions[g.page].ID != want {
		t.Fatalf("opened at %s, want %s", g.questions[g.page].ID, want)
	}
}

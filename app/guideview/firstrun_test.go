package guideview

import (
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	guided "drillbook/guide"
	"drillbook/plan"
)

// The first run: the guide, last shown on the demo at 1.5, kept
// its page when File → New brought an empty plan; it now opens the new
// document at 1.1 with a "start here".
func TestGuideOpensANewDocumentAt11(t *testing.T) {
	h := guideHost(t, nil)
	g := openGuide(h)
	if g.questions[g.page].ID != "third-parties" || g.start.Visible() {
		t.Fatalf("the demo opens at %s, start here shown %v", g.questions[g.page].ID, g.start.Visible())
	}
	g.go_(14) // 3.1, as the issue found it
	h.Open(plan.New("New organisation"), "")
	if g.page != 0 || g.heading.Text != "Incident types" || !g.start.Visible() || !strings.HasPrefix(g.start.Text, "Start here") {
		t.Fatalf("new document: page %d %q, start here %v", g.page, g.heading.Text, g.start.Visible())
	}
	if g.overall.Text != "Step 1 of 3 — 0 of 7 questions answered" || !strings.HasPrefix(g.where.Text, "Step 1 of 3 ·") {
		t.Fatalf("header %q, page %q", g.overall.Text, g.where.Text)
	}
	// A refresh of the same document keeps the page.
	g.go_(3)
	h.Screens[0].Refresh()
	if g.page != 3 || g.start.Visible() {
		t.Fatalf("refresh moved to page %d (start here %v)", g.page, g.start.Visible())
	}
	// Nothing is ticked on the empty plan.
	for i, st := range g.progress.Questions {
		if st.Answered {
			t.Errorf("%d %s answered on an empty plan", i, st.ID)
		}
	}
}

// The header names the step of the page shown, as the page does: the
// issue saw "Step 3 of 3" above "Step 1 of 3 · question 2 of 7".
func TestGuideHeaderFollowsThePage(t *testing.T) {
	h := guideHost(t, nil)
	g := openGuide(h)
	p := guided.Evaluate(h.WS, h.Today())
	for i, q := range g.questions {
		g.go_(i)
		if want := p.Steps[q.Step-1].String(); g.overall.Text != want {
			t.Errorf("page %d (step %d): header %q, want %q", i, q.Step, g.overall.Text, want)
		}
		if !strings.HasPrefix(g.where.Text, p.Steps[q.Step-1].String()[:len("Step 1 of 3")]) {
			t.Errorf("page %d: %q", i, g.where.Text)
		}
	}
}

// The step bars jump to their step's first question.
func TestGuideStepBarsJump(t *testing.T) {
	h := guideHost(t, nil)
	g := openGuide(h)
	for _, c := range []struct {
		step    int
		page    int
		heading string
	}{{2, 7, "Who responds"}, {3, 14, "Playbooks per role"}, {1, 0, "Incident types"}} {
		test.Tap(g.stepButtons[c.step-1])
		if g.page != c.page || g.heading.Text != c.heading {
			t.Errorf("step %d: page %d %q", c.step, g.page, g.heading.Text)
		}
	}
}

// The question list keeps one width on every page, and the starting
// points' button is never clipped or scrolled away at 1280×720.
func TestGuideListWidthAndStarterButton(t *testing.T) {
	h := guideHost(t, plan.New("Acme"))
	g := openGuide(h)
	h.Win.Resize(fyne.NewSize(1280-220, 720-30))
	width := float32(0)
	for i, q := range g.questions {
		g.go_(i)
		g.root.Refresh()
		w := g.list.Size().Width
		if i == 0 {
			width = w
		} else if w != width {
			t.Errorf("page %d %s: list %v wide, page 1 %v", i, q.ID, w, width)
		}
		capture(t, h.Win, "guide-"+q.ID+".png")
		if !g.defaults.Visible() {
			continue
		}
		pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(g.defaults)
		size := h.Win.Canvas().Size()
		if pos.X < 0 || pos.Y < 0 || pos.X+g.defaults.Size().Width > size.Width+1 || pos.Y+g.defaults.Size().Height > size.Height+1 {
			t.Errorf("%s: starter button at %v size %v outside %v", q.ID, pos, g.defaults.Size(), size)
		}
	}
}

// capture saves the window to $GUIDE_SHOTS, when set, to look at.
func capture(t *testing.T, w fyne.Window, name string) {
	t.Helper()
	dir := os.Getenv("GUIDE_SHOTS")
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

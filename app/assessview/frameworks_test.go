package assessview

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/internal/uitest"
	"drillbook/scoring"
)

// frameworksTabOf shows the assessment's Frameworks tab.
func frameworksTabOf(t *testing.T, h *uitest.Host) *frameworksView {
	t.Helper()
	s := assessmentOf(t, h)
	s.tabs.SelectIndex(frameworksTab)
	if s.tabs.Selected().Text != "Frameworks" {
		t.Fatalf("tab %d is %q", frameworksTab, s.tabs.Selected().Text)
	}
	return s.frames
}

func TestFrameworksTabDefaultsToCSF(t *testing.T) {
	h := assessmentHost(t)
	v := frameworksTabOf(t, h)
	// The demo declares UK GDPR, which brings its framework.
	if got := v.chooser.Selected; !slices.Equal(got, []string{"NIST CSF 2.0", "UK GDPR"}) {
		t.Errorf("ticked %q, want NIST CSF 2.0 and the declared regime's UK GDPR", got)
	}
	if v.fw == nil || v.clauses.Length() != len(v.s.a.Frameworks[0].Clauses) || v.clauses.Length() < 30 {
		t.Fatalf("clauses listed: %d", v.clauses.Length())
	}
	if !strings.Contains(v.summary.Text, "NIST CSF 2.0:") || !strings.Contains(v.summary.Text, "partly met") {
		t.Errorf("summary %q", v.summary.Text)
	}
}

// Ticking a framework is one undoable edit of the workspace's list; the
// clause shows its status and evidence, and its finding is one click from
// the Findings tab.
func TestFrameworksTabChooseUndoAndOpenFinding(t *testing.T) {
	h := assessmentHost(t)
	v := frameworksTabOf(t, h)
	v.chooser.SetSelected([]string{"NIST CSF 2.0", "GDPR"})
	if got := h.WS.Frameworks; !slices.Equal(got, []string{"nist-csf-2.0", "gdpr"}) {
		t.Fatalf("workspace frameworks %q", got)
	}
	if !slices.Equal(v.shown.Options, []string{"NIST CSF 2.0", "GDPR", "UK GDPR"}) {
		t.Errorf("selector offers %q", v.shown.Options)
	}
	v.shown.SetSelected("GDPR")
	i := slices.IndexFunc(v.fw.Clauses, func(c scoring.ClauseCoverage) bool { return c.Clause.ID == "33(1)" })
	v.clauses.Select(i)
	c := v.fw.Clauses[i]
	detail := v.detail.String()
	for _, want := range []string{"Art. 33(1)", "partly met", "72 hours from becoming aware of the breach", "Regulation (EU) 2016/679"} {
		if !strings.Contains(detail, want) {
			t.Errorf("detail lacks %q:\n%s", want, detail)
		}
	}
	if len(v.findings) == 0 || len(v.findings) != len(c.Findings) {
		t.Fatalf("findings behind 33(1): %d listed, %d in the assessment", len(v.findings), len(c.Findings))
	}
	id := v.findings[0].ID
	v.behind.Select(0)
	s := v.s
	if s.tabs.SelectedIndex() != findingsTab || s.findings.sel == nil || s.findings.sel.ID != id {
		t.Errorf("after opening %s: tab %d, finding %v", id, s.tabs.SelectedIndex(), s.findings.sel)
	}

	h.Undo()
	if len(h.WS.Frameworks) != 0 {
		t.Errorf("undo left %q", h.WS.Frameworks)
	}
	if s.tabs.SelectedIndex() != frameworksTab || !slices.Equal(v.chooser.Selected, []string{"NIST CSF 2.0", "UK GDPR"}) {
		t.Errorf("after undo: tab %d, ticked %q", s.tabs.SelectedIndex(), v.chooser.Selected)
	}
	h.Redo()
	if !slices.Equal(h.WS.Frameworks, []string{"nist-csf-2.0", "gdpr"}) {
		t.Errorf("redo gave %q", h.WS.Frameworks)
	}
}

// The tab fits laptop screens and is looked at (DRILLBOOK_SHOTS=dir).
func TestFrameworksTabFits(t *testing.T) {
	for _, size := range []fyne.Size{{Width: 1280, Height: 720}, {Width: 1366, Height: 768}} {
		h := assessmentHost(t)
		h.WS.Frameworks = []string{"nis2", "gdpr", "dora"}
		v := frameworksTabOf(t, h)
		v.s.Refresh()
		h.Win.Resize(size)
		v.shown.SetSelected("NIS2")
		v.clauses.Select(5)
		if min := h.Win.Content().MinSize(); min.Width > size.Width || min.Height > size.Height {
			t.Errorf("at %v the window needs %v", size, min)
		}
		for _, l := range uitest.FindAll[*widget.Label](v.root, func(*widget.Label) bool { return true }) {
			if l.Size().Width > size.Width {
				t.Errorf("label %q is %v wide", l.Text, l.Size().Width)
			}
		}
		uitest.Capture(t, h.Win, fmt.Sprintf("frameworks-%.0fx%.0f", size.Width, size.Height))
	}
}

package assessview

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/frameworks"
	"drillbook/plan"
	"drillbook/scoring"
)

// frameworksView is the Frameworks tab: which frameworks the plan is
// assessed against (an undoable edit of the workspace's list), each
// chosen framework's clauses with their status, and for the selected
// clause what it asks, the evidence and the findings behind it, each one
// click from the Findings tab. The statuses come from scoring.Assess.
type frameworksView struct {
	s *assessmentScreen
	// chooser edits the workspace's frameworks; updating is set while
	// refresh sets its ticks, so that is not taken for the user's edit.
	chooser  *widget.CheckGroup
	updating bool
	// shown picks which chosen framework the clause list shows.
	shown   *widget.Select
	summary *widget.Label
	clauses *widget.List
	detail  *widget.RichText
	// behind lists the selected clause's findings; selecting one shows it
	// in the Findings tab.
	behind   *widget.List
	fw       *scoring.FrameworkCoverage
	clause   *scoring.ClauseCoverage
	findings []scoring.Finding
	root     fyne.CanvasObject
}

// frameworkLabel names a framework in the chooser and the selector.
func frameworkLabel(f frameworks.Framework) string { return f.Short }

func newFrameworksView(s *assessmentScreen) *frameworksView {
	v := &frameworksView{s: s}
	var labels []string
	for _, f := range frameworks.All() {
		labels = append(labels, frameworkLabel(f))
	}
	v.chooser = widget.NewCheckGroup(labels, v.choose)
	v.shown = widget.NewSelect(nil, func(string) { v.showFramework() })
	v.summary = widget.NewLabel("")
	v.summary.Wrapping = fyne.TextWrapWord
	v.clauses = newTextList(func() int {
		if v.fw == nil {
			return 0
		}
		return len(v.fw.Clauses)
	}, func(i int) string {
		c := v.fw.Clauses[i]
		return fmt.Sprintf("%s · %s · %s", plan.Words(string(c.Status)), c.Clause.Reference, c.Clause.Summary)
	})
	v.clauses.OnSelected = func(i widget.ListItemID) { v.showClause(&v.fw.Clauses[i]) }
	v.detail = widget.NewRichText()
	v.detail.Wrapping = fyne.TextWrapWord
	v.behind = newFindingList(func() []scoring.Finding { return v.findings })
	v.behind.OnSelected = func(i widget.ListItemID) { v.openFinding(v.findings[i].ID) }

	hint := widget.NewLabel("Assessed against (none ticked: NIST CSF 2.0; a declared regime brings its own)")
	hint.Wrapping = fyne.TextWrapWord
	left := container.NewBorder(hint, nil, nil, nil, container.NewVScroll(v.chooser))
	middle := container.NewBorder(container.NewVBox(v.shown, v.summary), nil, nil, nil, v.clauses)
	behindTitle := widget.NewLabelWithStyle("Findings behind it (select one to open it)", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	right := container.NewVSplit(container.NewVScroll(v.detail), container.NewBorder(behindTitle, nil, nil, nil, v.behind))
	right.Offset = 0.6
	inner := container.NewHSplit(middle, right)
	inner.Offset = 0.5
	outer := container.NewHSplit(left, inner)
	outer.Offset = 0.17
	v.root = outer
	v.showClause(nil)
	return v
}

// refresh follows a new assessment: the ticks from the workspace, the
// selector's choices from the chosen frameworks (keeping the one shown
// if it is still chosen).
func (v *frameworksView) refresh() {
	a := v.s.a
	if a == nil {
		return
	}
	var chosen []string
	for _, fc := range a.Frameworks {
		chosen = append(chosen, frameworkLabel(fc.Framework))
	}
	v.updating = true
	v.chooser.SetSelected(chosen)
	v.updating = false
	keep := v.shown.Selected
	v.shown.Options = chosen
	if !slices.Contains(chosen, keep) {
		keep = chosen[0]
	}
	v.shown.Selected = ""
	v.shown.SetSelected(keep) // showFramework runs
}

// choose stores the ticked frameworks as one undoable edit.
func (v *frameworksView) choose(labels []string) {
	if v.updating {
		return
	}
	h := v.s.h
	// A declared regime's framework is assessed whatever is ticked: it is
	// not stored twice.
	implied := h.Workspace().RegimeFrameworks()
	var ids []string
	for _, f := range frameworks.All() {
		if slices.Contains(labels, frameworkLabel(f)) && !slices.Contains(implied, f.ID) {
			ids = append(ids, f.ID)
		}
	}
	old := slices.Clone(h.Workspace().Frameworks)
	if slices.Equal(ids, old) {
		return
	}
	h.Change(host.Edit{Label: "choose frameworks", Path: plan.Root("frameworks").String(),
		Do:   func() { h.Workspace().Frameworks = ids },
		Undo: func() { h.Workspace().Frameworks = old },
	})
}

// showFramework lists the clauses of the framework the selector shows.
func (v *frameworksView) showFramework() {
	v.fw = nil
	if a := v.s.a; a != nil {
		for i := range a.Frameworks {
			if frameworkLabel(a.Frameworks[i].Framework) == v.shown.Selected {
				v.fw = &a.Frameworks[i]
			}
		}
	}
	if v.fw == nil {
		v.summary.SetText("")
	} else {
		v.summary.SetText(v.fw.Summary() + ". " + v.fw.Framework.Name + ", catalogue " + frameworks.Version + ".")
	}
	v.clauses.UnselectAll()
	v.clauses.Refresh()
	v.showClause(nil)
}

// showClause shows a clause's text, status and evidence, and lists the
// findings behind it.
func (v *frameworksView) showClause(c *scoring.ClauseCoverage) {
	v.clause, v.findings = c, nil
	if c == nil {
		widgets.SetMarkdown(v.detail, "*Select a clause for what it asks, its status and the findings behind it.*")
		v.behind.Refresh()
		return
	}
	for _, id := range c.Findings {
		if f := v.s.a.Finding(id); f != nil {
			v.findings = append(v.findings, *f)
		}
	}
	v.behind.UnselectAll()
	v.behind.Refresh()
	widgets.SetMarkdown(v.detail, clauseMarkdown(v.s.a, *c))
}

// clauseMarkdown is a clause's detail: what it asks, its time limits, its
// status and what that rests on.
func clauseMarkdown(a *scoring.Assessment, c scoring.ClauseCoverage) string {
	var b strings.Builder
	fmt.Fprintf(&b, "### %s — %s\n\n%s\n\n", widgets.MdText(c.Clause.Reference), plan.Words(string(c.Status)), widgets.MdText(c.Clause.Summary))
	for _, d := range c.Clause.Deadlines {
		fmt.Fprintf(&b, "**Time limit:** %s\n\n", widgets.MdText(d.String()))
	}
	fmt.Fprintf(&b, "*Source:* %s\n\n", widgets.MdText(c.Clause.Citation))
	if c.Reason != "" {
		fmt.Fprintf(&b, "%s\n", widgets.MdText(c.Reason))
		return b.String()
	}
	b.WriteString("**Criteria that give evidence for it:**\n\n")
	for _, o := range c.Criteria {
		title := o.ID
		if r := a.Criterion(o.ID); r != nil {
			title = r.Criterion.Title
		}
		fmt.Fprintf(&b, "- %s: %s\n", plan.Words(string(o.Status)), widgets.MdText(title))
	}
	return b.String()
}

// openFinding shows a finding in the Findings tab, with its filters
// cleared so it is listed.
func (v *frameworksView) openFinding(id string) {
	f := v.s.findings
	f.dim.SetSelectedIndex(0)
	f.sev.SetSelectedIndex(0)
	f.refresh()
	i := slices.IndexFunc(f.shown, func(x scoring.Finding) bool { return x.ID == id })
	if i < 0 {
		return
	}
	v.s.tabs.Select(v.s.tabs.Items[findingsTab])
	f.list.Select(i)
	f.list.ScrollTo(i)
}

// newTextList is a list of one-line rows, each cut short with an ellipsis
// so long plan text never widens the screen.
func newTextList(length func() int, text func(i int) string) *widget.List {
	return widget.NewList(length,
		func() fyne.CanvasObject {
			l := widget.NewLabel("status · reference · what")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) { o.(*widget.Label).SetText(text(i)) },
	)
}

// newFindingList lists findings as "severity · what"; the ID is a
// reference, kept in the detail.
func newFindingList(findings func() []scoring.Finding) *widget.List {
	return newTextList(func() int { return len(findings()) }, func(i int) string {
		f := findings()[i]
		return widgets.Shown(fmt.Sprintf("%s · %s", f.Severity, f.What))
	})
}

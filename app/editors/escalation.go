package editors

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/form"
	"drillbook/app/host"
	"drillbook/app/widgets"
	"drillbook/plan"
)

// escalationPart edits the escalation rules beside a preview of the path
// they produce for one severity, resolved to people.
type escalationPart struct {
	h     host.Host
	rules *form.List[plan.EscalationRule]
	sev   *widget.Select
	line  *timeline
	root  fyne.CanvasObject
}

func newEscalationPart(h host.Host) *escalationPart {
	p := &escalationPart{h: h}
	e := form.NewList(h, form.ListSpec[plan.EscalationRule]{
		Noun: "escalation rule", Base: "escalationRules", Reorder: true,
		Slice: func(int) *[]plan.EscalationRule { return &h.Workspace().EscalationRules },
		Row: func(r *plan.EscalationRule) string {
			return fmt.Sprintf("%s · %s %s → %s", widgets.OrDash(r.Name), r.Trigger, widgets.OrDash(form.DurationText(r.After)), roleName(h.Workspace(), r.EscalateTo))
		},
		Named:   func(r *plan.EscalationRule) (*string, *string) { return &r.ID, &r.Name },
		NewName: "New escalation rule",
		New: func(ws *plan.Workspace, _ int) plan.EscalationRule {
			return plan.EscalationRule{Trigger: plan.TriggerUnresolved, Severities: []int{1}, After: 30 * plan.Minute,
				EscalateTo: firstRoleWith(ws, plan.FunctionExecutive)}
		},
	})
	at := func(a form.Addr) *plan.EscalationRule { return &h.Workspace().EscalationRules[a.Index] }
	b := e.Binder()
	b.Text("Name", "name", func(a form.Addr) *string { return &at(a).Name })
	form.Choice(b, "When the incident is", "trigger", plan.Triggers, func(a form.Addr) *plan.Trigger { return &at(a).Trigger })
	b.Levels("At severities", "severities", func(a form.Addr) *[]int { return &at(a).Severities })
	b.Duration("For longer than", "after", func(a form.Addr) *plan.Duration { return &at(a).After })
	form.Pick(b, "Escalate to", "escalateTo", false, func() []form.Option { return form.RoleOptions(h.Workspace()) }, func(a form.Addr) *string { return &at(a).EscalateTo })
	form.Pick(b, "New incident manager", "handoverTo", true, func() []form.Option { return form.RoleOptions(h.Workspace()) }, func(a form.Addr) *string { return &at(a).HandoverTo })
	b.TextArea("Notes", "notes", func(a form.Addr) *string { return &at(a).Notes })
	e.Finish()
	p.rules = e

	p.sev = widget.NewSelect(nil, func(string) { p.refreshPath() })
	p.line = newTimeline(h)
	preview := container.NewBorder(
		container.NewVBox(heading("Escalation path preview"), container.NewBorder(nil, nil, widget.NewLabel("Severity"), nil, p.sev)),
		nil, nil, nil, container.NewVScroll(p.line.box))
	right := container.NewVSplit(e.DetailPane(), preview)
	right.Offset = 0.5
	split := container.NewHSplit(e.ListPane(), right)
	split.Offset = 0.3
	p.root = split
	return p
}

func roleName(ws *plan.Workspace, id string) string {
	if id == "" {
		return "—"
	}
	if r := ws.Role(id); r != nil {
		return widgets.OrDash(r.Name)
	}
	return "unknown role " + id
}

// firstRoleWith is the first role with the function ("" for none), the
// owner a new item starts with.
func firstRoleWith(ws *plan.Workspace, f plan.Function) string {
	if rs := ws.RolesWithFunction(f); len(rs) > 0 {
		return rs[0].ID
	}
	return ""
}

func (p *escalationPart) Object() fyne.CanvasObject { return p.root }

func (p *escalationPart) Refresh() {
	p.rules.Refresh()
	// Keep the chosen severity if it still exists.
	opts := form.OptionLabels(form.SeverityOptions(p.h.Workspace()))
	prev := p.sev.SelectedIndex()
	p.sev.Options = opts
	switch {
	case len(opts) == 0:
		p.sev.ClearSelected()
		p.refreshPath()
	case prev >= 0 && prev < len(opts):
		p.sev.SetSelectedIndex(prev)
	default:
		p.sev.SetSelectedIndex(0)
	}
}

func (p *escalationPart) AfterEdit(path string) {
	p.rules.AfterEdit(path)
	p.refreshPath()
}

func (p *escalationPart) CanShow(path string) bool { return p.rules.CanShow(path) }
func (p *escalationPart) ShowPath(path string)     { p.rules.ShowPath(path) }

// refreshPath redraws the preview for the chosen severity.
func (p *escalationPart) refreshPath() {
	sevs := p.h.Workspace().Severities
	i := p.sev.SelectedIndex()
	if i < 0 || i >= len(sevs) {
		p.line.show(nil, 0)
		return
	}
	p.line.show(p.h.Workspace().EscalationPath(sevs[i].Level), sevs[i].Level)
}

// timeline shows an escalation path as a vertical list of moments: who is
// paged at T+0, who each rule escalates to and when, and when the
// incident manager changes. Steps that reach nobody, or nobody new, are
// marked.
type timeline struct {
	h   host.Host
	box *fyne.Container
}

func newTimeline(h host.Host) *timeline { return &timeline{h: h, box: container.NewVBox()} }

func (t *timeline) show(steps []plan.PathStep, severity int) {
	t.box.RemoveAll()
	if len(steps) == 0 {
		t.box.Add(widget.NewLabel("Define severity levels to preview escalation."))
		return
	}
	for _, st := range steps {
		t.box.Add(t.row(st))
	}
	if len(steps) == 1 {
		msg := widget.NewLabel(fmt.Sprintf("No escalation rule covers severity %d: the incident stays with whoever was paged.", severity))
		msg.Wrapping = fyne.TextWrapWord
		msg.Importance = widget.WarningImportance
		t.box.Add(msg)
	}
}

func (t *timeline) row(st plan.PathStep) fyne.CanvasObject {
	at := widget.NewLabelWithStyle("T+"+timeText(st.At), fyne.TextAlignTrailing, fyne.TextStyle{Monospace: true})
	lines := container.New(&widgets.TightVBox{})
	var title fyne.CanvasObject
	if st.RuleIndex < 0 {
		how := map[string]string{plan.PagedRota: "on-call rota", plan.PagedOnCall: "on-call role", plan.PagedTriage: "triage role"}[st.Paged]
		if how == "" {
			how = "nobody can be paged"
		}
		l := widget.NewLabelWithStyle("Paged ("+how+"): "+widgets.Shown(st.RoleName), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord
		title = l
	} else {
		// The rule's name links to it in the rules list.
		path := "escalationRules[" + strconv.Itoa(st.RuleIndex) + "]"
		link := widget.NewHyperlink(fmt.Sprintf("%s: %s → %s", widgets.OrDash(st.RuleName), st.Trigger, widgets.Shown(st.RoleName)), nil)
		link.TextStyle.Bold = true
		link.Wrapping = fyne.TextWrapWord
		link.OnTapped = func() { t.h.GoTo(path) }
		title = link
	}
	lines.Add(title)
	lines.Add(peopleLine(st.Resolved, "reaches"))
	if st.SamePerson {
		lines.Add(noteLine("Reaches nobody new: the same person is already handling the incident.", widget.WarningImportance))
	}
	if st.Handover != nil {
		lines.Add(peopleLine(*st.Handover, "incident manager becomes"))
	}
	if st.RuleIndex < 0 || st.Handover != nil {
		if st.Manager.ID == "" {
			lines.Add(noteLine("Incident manager: nobody", widget.DangerImportance))
		} else if st.RuleIndex < 0 {
			im := widget.NewLabel("Incident manager: " + widgets.Shown(st.Manager.Name))
			im.Wrapping = fyne.TextWrapWord
			lines.Add(im)
		}
	}
	return container.NewBorder(nil, widget.NewSeparator(), container.NewGridWrap(fyne.NewSize(72, at.MinSize().Height), at), nil, lines)
}

// peopleLine renders who a resolved role reaches, flagging nobody.
func peopleLine(r plan.Resolved, verb string) fyne.CanvasObject {
	if r.Nobody {
		role := widgets.Shown(r.RoleName)
		if role == "" {
			role = "no role"
		}
		return noteLine(fmt.Sprintf("%s NOBODY — %s has no people in it", strings.ToUpper(verb[:1])+verb[1:], role), widget.DangerImportance)
	}
	names := make([]string, 0, 4)
	for i, p := range r.People {
		if i == 3 {
			names = append(names, fmt.Sprintf("and %d more", len(r.People)-3))
			break
		}
		if i == 0 {
			names = append(names, widgets.Shown(p.Name)+" (primary)")
		} else {
			names = append(names, widgets.Shown(p.Name))
		}
	}
	l := widget.NewLabel(strings.ToUpper(verb[:1]) + verb[1:] + " " + strings.Join(names, ", "))
	l.Wrapping = fyne.TextWrapWord
	return l
}

func noteLine(s string, imp widget.Importance) *widget.Label {
	l := widget.NewLabelWithStyle(s, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	l.Wrapping = fyne.TextWrapWord
	l.Importance = imp
	return l
}

// timeText renders an offset as "0", "30m", "1h".
func timeText(d plan.Duration) string {
	if d == 0 {
		return "0"
	}
	return d.String()
}

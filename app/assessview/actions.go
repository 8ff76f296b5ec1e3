package assessview

import (
	"fmt"
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/form"
	"drillbook/app/widgets"
	"drillbook/internal/prose"
	"drillbook/plan"
	"drillbook/scoring"
)

// actionsView is the editable improvement plan.
type actionsView struct {
	s      *assessmentScreen
	list   *widget.List
	cur    int
	form   *widget.Form
	text   *widget.Entry
	status *widget.Select
	owner  *widget.Select
	due    *widget.Entry
	state  *widget.Label
	root   fyne.CanvasObject
	fill   bool
}

func newActionsView(s *assessmentScreen) *actionsView {
	v := &actionsView{s: s, cur: -1}
	v.list = widget.NewList(
		func() int { return len(s.h.Workspace().Actions) },
		func() fyne.CanvasObject {
			l := widget.NewLabel("status · due · action")
			l.Truncation = fyne.TextTruncateEllipsis
			return l
		},
		func(i widget.ListItemID, o fyne.CanvasObject) {
			a := s.h.Workspace().Actions[i]
			o.(*widget.Label).SetText(widgets.Shown(fmt.Sprintf("%s · due %s · %s", plan.Words(string(a.Status)), widgets.OrDash(a.Due.String()), a.Text)))
		},
	)
	v.list.OnSelected = func(i widget.ListItemID) { v.load(i) }
	v.text = widget.NewMultiLineEntry()
	v.text.Wrapping = fyne.TextWrapWord
	v.text.OnChanged = v.set(func(a *plan.Action, s string) { a.Text = s })
	statuses := make([]string, len(plan.ActionStatuses))
	for i, st := range plan.ActionStatuses {
		statuses[i] = plan.Words(string(st))
	}
	v.status = widget.NewSelect(statuses, nil)
	v.status.OnChanged = v.set(func(a *plan.Action, _ string) {
		if i := v.status.SelectedIndex(); i >= 0 {
			a.Status = plan.ActionStatuses[i]
		}
	})
	v.owner = widget.NewSelect(nil, nil)
	v.owner.OnChanged = v.set(func(a *plan.Action, s string) {
		if i := v.owner.SelectedIndex(); i >= 0 && i < len(v.s.h.Workspace().Roles) {
			a.OwnerRole = v.s.h.Workspace().Roles[i].ID
		}
	})
	v.due = widget.NewEntry()
	v.due.SetPlaceHolder("YYYY-MM-DD")
	v.due.Validator = form.EmptyOr(plan.ParseDate)
	v.due.OnChanged = v.set(func(a *plan.Action, s string) {
		if d, err := plan.ParseDate(s); err == nil {
			a.Due = d
		} else if s == "" {
			a.Due = plan.Date{}
		}
	})
	v.state = widget.NewLabel("")
	v.state.Wrapping = fyne.TextWrapWord
	v.form = widget.NewForm(widget.NewFormItem("Action", v.text), widget.NewFormItem("Status", v.status),
		widget.NewFormItem("Owner role", v.owner), widget.NewFormItem("Due", v.due), widget.NewFormItem("", v.state))
	propose := widget.NewButtonWithIcon("Propose actions from findings", theme.ContentAddIcon(), v.propose)
	del := widget.NewButtonWithIcon("Delete", theme.DeleteIcon(), v.delete)
	left := container.NewBorder(nil, container.NewGridWithColumns(2, propose, del), nil, nil, v.list)
	split := container.NewHSplit(left, container.NewVScroll(v.form))
	split.Offset = 0.5
	v.root = split
	return v
}

// set writes a field of the selected action, ignoring changes made while
// the form is being filled.
func (v *actionsView) set(f func(*plan.Action, string)) func(string) {
	return func(s string) {
		ws := v.s.h.Workspace()
		if v.fill || v.cur < 0 || v.cur >= len(ws.Actions) {
			return
		}
		f(&ws.Actions[v.cur], s)
		v.list.RefreshItem(v.cur)
		v.s.h.Touched()
	}
}

func (v *actionsView) load(i int) {
	ws := v.s.h.Workspace()
	v.cur = i
	if i < 0 || i >= len(ws.Actions) {
		v.form.Hide()
		return
	}
	a := ws.Actions[i]
	v.fill = true
	v.text.SetText(a.Text)
	v.status.SetSelectedIndex(slices.Index(plan.ActionStatuses, a.Status))
	var roles []string
	sel := -1
	for j, r := range ws.Roles {
		roles = append(roles, r.Name)
		if r.ID == a.OwnerRole {
			sel = j
		}
	}
	v.owner.Options = roles
	v.owner.ClearSelected()
	if sel >= 0 {
		v.owner.SetSelectedIndex(sel)
	}
	v.due.SetText(a.Due.String())
	v.state.SetText(v.answers(a) + " " + scoring.ActionState(ws, a, v.s.today()))
	v.fill = false
	v.form.Show()
}

func (v *actionsView) refresh() {
	v.list.Refresh()
	v.load(v.cur)
}

// propose adds the proposed actions for findings that have none yet.
func (v *actionsView) propose() {
	ws := v.s.h.Workspace()
	acts := scoring.ProposeActions(v.s.a, ws, v.s.today())
	ws.Actions = append(ws.Actions, acts...)
	v.s.h.Edited()
	msg := prose.Count(len(acts), "action", "actions") + " proposed from the findings."
	if len(acts) == 0 {
		msg = "No new actions: every finding already has one."
	}
	dialog.ShowInformation("Improvement plan", msg, v.s.h.Window())
}

func (v *actionsView) delete() {
	ws := v.s.h.Workspace()
	if v.cur < 0 || v.cur >= len(ws.Actions) {
		return
	}
	a := ws.Actions[v.cur]
	dialog.ShowConfirm("Delete action", fmt.Sprintf("Delete %q?", a.Text), func(ok bool) {
		if ok {
			ws.Actions = append(ws.Actions[:v.cur], ws.Actions[v.cur+1:]...)
			v.cur = -1
			v.list.UnselectAll()
			v.s.h.Edited()
		}
	}, v.s.h.Window())
}

// answers says which findings an action answers, by what they say (the
// IDs are references a reader need not decode).
func (v *actionsView) answers(a plan.Action) string {
	ids := a.Findings
	if len(ids) == 0 && a.Finding != "" {
		ids = []string{a.Finding}
	}
	if len(ids) == 0 {
		return "Answers no finding of this assessment."
	}
	what := make([]string, 0, len(ids))
	for _, id := range ids {
		if f := v.s.a.Finding(id); f != nil {
			what = append(what, "“"+f.What+"”")
		}
	}
	switch {
	case len(what) == 0:
		return "Answers a finding this assessment no longer reports."
	case len(what) == 1:
		return "Answers " + what[0] + "."
	}
	return "Answers " + prose.Count(len(what), "finding", "findings") + ": " + strings.Join(what, "; ") + "."
}

package exercise

import (
	"fmt"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/widgets"
	"drillbook/scenarios"
)

// recordDialog records one action, asking only who did it and, where the
// kind needs one, whom or what it was aimed at: "Escalated: Alex → Head of
// Engineering".
func (c *console) recordDialog(kind scenarios.ExpectKind) {
	ws := c.e.Workspace()
	actors := scenarios.ActorChoices(ws, c.e.Participants())
	who := widget.NewSelect(choiceNames(actors), nil)
	if len(actors) > 0 {
		who.SetSelectedIndex(0)
	}
	items := []*widget.FormItem{widget.NewFormItem("Who", who)}
	targets := scenarios.TargetChoices(kind, ws)
	var whom *widget.Select
	if targets != nil {
		whom = widget.NewSelect(choiceNames(targets), nil)
		if len(targets) > 0 {
			whom.SetSelectedIndex(0)
		}
		label := "To"
		if kind == scenarios.ExpectSetSeverity {
			label = "Severity"
		}
		items = append(items, widget.NewFormItem(label, whom))
	}
	note := widget.NewEntry()
	note.SetPlaceHolder("optional detail")
	items = append(items, widget.NewFormItem("Note", note))
	d := dialog.NewForm(actionLabel(kind), "Record", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		a := scenarios.Action{Kind: kind, Text: note.Text}
		if i := who.SelectedIndex(); i >= 0 {
			a.Actor = actors[i].ID
		}
		if whom != nil {
			i := whom.SelectedIndex()
			if i < 0 {
				c.x.sh.ShowError(fmt.Errorf("choose whom or what this was aimed at"))
				return
			}
			a.Target = targets[i].ID
			if kind == scenarios.ExpectSetSeverity {
				a.Severity, _ = strconv.Atoi(targets[i].ID)
				a.Target = ""
			}
		}
		c.apply(c.e.Record(a))
	}, c.x.sh.Window())
	d.Resize(fyne.NewSize(460, 280))
	d.Show()
}

func choiceNames(cs []scenarios.Choice) []string {
	out := make([]string, len(cs))
	for i, c := range cs {
		out[i] = c.Name
	}
	return out
}

// checklistDialog opens a participant's playbook as a checklist; ticking a
// step records "completed playbook step" for the person playing that role.
func (c *console) checklistDialog() {
	entries := c.e.Checklists()
	if len(entries) == 0 {
		c.x.sh.ShowError(fmt.Errorf("no playbook belongs to a role played in this exercise"))
		return
	}
	names := make([]string, len(entries))
	for i, e := range entries {
		names[i] = e.Playbook.Title
	}
	steps := container.NewVBox()
	pick := widget.NewSelect(names, func(string) {})
	pick.OnChanged = func(string) {
		e := entries[pick.SelectedIndex()]
		steps.RemoveAll()
		done := c.e.CompletedSteps()[e.Playbook.ID]
		for i, s := range e.Playbook.Steps {
			i, ticked := i, slices.Contains(done, i+1)
			// A check box cannot wrap its text: the step is a wrapped
			// label beside a check box without text.
			check := widget.NewCheck("", nil)
			text := widget.NewLabel(fmt.Sprintf("%d. %s", i+1, widgets.Clip(s.Text, 4*widgets.ShownRunes)))
			text.Wrapping = fyne.TextWrapWord
			check.SetChecked(ticked)
			if ticked {
				check.Disable()
			}
			check.OnChanged = func(on bool) {
				if !on {
					return
				}
				check.Disable()
				c.apply(c.e.TickStep(e.Playbook.ID, i+1, e.Actor))
			}
			steps.Add(container.NewBorder(nil, nil, check, nil, text))
		}
	}
	pick.SetSelectedIndex(0) // the scenario's own playbooks come first
	d := dialog.NewCustom("Playbook checklist", "Close", container.NewBorder(pick, nil, nil, nil, container.NewVScroll(steps)), c.x.sh.Window())
	win := c.x.sh.Window().Canvas().Size()
	d.Resize(fyne.NewSize(min(640, win.Width-40), min(520, win.Height-40)))
	d.Show()
}

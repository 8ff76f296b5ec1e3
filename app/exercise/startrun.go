package exercise

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/widgets"
	"drillbook/plan"
	"drillbook/scenarios"
)

var speeds = []string{"×1", "×2", "×5", "×10", "×20"}

// startRunDialog asks how to run a scenario: who plays which role, the
// facilitator, the clock speed; and shows what could not be bound to the
// plan before anything starts.
func (x *Controller) startRunDialog(sc *scenarios.Scenario) {
	if x.run != nil {
		x.sh.ShowError(errors.New("an exercise is already running; end it before starting another"))
		return
	}
	ws := x.sh.Workspace()
	bindings := scenarios.Bind(sc, ws)
	form := widget.NewForm()
	type roleChoice struct {
		role string
		sel  *widget.Select
		ids  []string
	}
	var roles []roleChoice
	var gaps []string
	for _, b := range bindings {
		if !b.Bound() {
			gaps = append(gaps, fmt.Sprintf("%s: %s", b.Ref, b.Gap))
		}
	}
	facilitator := widget.NewEntry()
	facilitator.SetPlaceHolder("Name of the facilitator")
	speed := widget.NewSelect(speeds, nil)
	speed.SetSelected("×1")
	// Speed and facilitator first, so they show without scrolling.
	form.Append("Clock speed", speed)
	form.Append("Facilitator", facilitator)
	for _, c := range scenarios.Castings(sc, ws) {
		names := make([]string, len(c.People))
		for i, id := range c.People {
			names[i] = widgets.Clip(ws.Person(id).Name, widgets.ShortRunes)
		}
		sel := widget.NewSelect(names, nil)
		if len(names) > 0 {
			sel.SetSelectedIndex(0)
		}
		roles = append(roles, roleChoice{role: c.Role, sel: sel, ids: c.People})
		// The plan role names the row; the hint under the person says which
		// scenario roles it plays, so two references bound to one plan
		// role read as one row, and no label grows past the dialog.
		form.AppendItem(&widget.FormItem{Text: widgets.Clip(c.Name, widgets.ShortRunes), Widget: sel, HintText: castingHint(c)})
	}

	content := container.NewVBox(widget.NewLabelWithStyle(sc.Title, fyne.TextAlignLeading, fyne.TextStyle{Bold: true}), widget.NewLabel("Who plays each plan role (the scenario roles it plays are under each name):"), form)
	if len(gaps) > 0 {
		warn := widget.NewLabel("Not in this plan (recorded as findings):\n• " + strings.Join(gaps, "\n• "))
		warn.Wrapping = fyne.TextWrapWord
		content.Add(container.NewBorder(nil, nil, widget.NewIcon(theme.WarningIcon()), nil, warn))
	}
	d := dialog.NewCustomConfirm("Start exercise", "Start", "Cancel", container.NewVScroll(content), func(ok bool) {
		if !ok {
			return
		}
		opts := scenarios.Options{Facilitator: facilitator.Text, Speed: parseSpeed(speed.Selected)}
		for _, r := range roles {
			if i := r.sel.SelectedIndex(); i >= 0 {
				opts.Participants = append(opts.Participants, plan.Participant{Person: r.ids[i], Role: r.role})
			}
		}
		if err := x.startRun(sc, opts); err != nil {
			x.sh.ShowError(err)
		}
	}, x.sh.Window())
	win := x.sh.Window().Canvas().Size()
	d.Resize(fyne.NewSize(min(620, win.Width-40), min(560, win.Height-40)))
	d.Show()
}

// castingLabel names a start-dialog row after the scenario role it casts
// and the plan role that plays it: "incident manager → Platform Lead".
// castingHint says which scenario roles a plan role plays in this run.
func castingHint(c scenarios.Casting) string {
	return "Plays " + c.Plays() + " in the scenario"
}

func parseSpeed(s string) float64 {
	x, err := strconv.ParseFloat(strings.TrimPrefix(s, "×"), 64)
	if err != nil || x < 1 {
		return 1
	}
	return x
}

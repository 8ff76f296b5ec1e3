package exercise

import (
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"drillbook/app/widgets"
	"drillbook/scenarios"
)

// refreshDecisions lists decisions put to the team and not yet made, in
// wrapped text so a long prompt never widens the column. Grades are
// shown only while "Show grades" is on: the console may be mirrored.
func (c *console) refreshDecisions() {
	c.decisions.RemoveAll()
	for _, d := range c.e.OpenDecisions() {
		prompt := widget.NewLabelWithStyle(reflow(d.Prompt), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		prompt.Wrapping = fyne.TextWrapWord
		c.decisions.Add(prompt)
		meta := "Due " + scenarios.Offset(d.Deadline).String()
		if d.Decider != "" {
			meta += " · decides: " + c.actorName(d.Decider)
		}
		c.decisions.Add(truncLabel(meta, false))
		for i, o := range d.Options {
			text := fmt.Sprintf("%c) %s", 'A'+i, o.Text)
			if c.grades.Checked {
				text += fmt.Sprintf(" (%s)", o.Grade)
			}
			l := widget.NewLabel(text)
			l.Wrapping = fyne.TextWrapWord
			d, i := d, i
			c.decisions.Add(container.NewBorder(nil, nil, nil, widget.NewButton("Choose…", func() { c.decideDialog(d, i) }), l))
		}
	}
	if len(c.decisions.Objects) == 0 {
		c.decisions.Add(widget.NewLabel("None waiting"))
	}
}

// reflow joins the lines of each paragraph of plain text, so text written
// wrapped in a scenario file wraps to the width it is shown at.
func reflow(s string) string {
	paras := strings.Split(strings.TrimSpace(s), "\n\n")
	for i, p := range paras {
		paras[i] = strings.Join(strings.Fields(p), " ")
	}
	return strings.Join(paras, "\n\n")
}

// decideDialog asks who decided, by default the person the decision
// expects, and records the option on confirmation.
func (c *console) decideDialog(d scenarios.OpenDecision, option int) {
	actors, who := c.actorSelect(d.Decider)
	chosen := widgets.DialogText(fmt.Sprintf("%c) %s", 'A'+option, d.Options[option].Text))
	items := []*widget.FormItem{widget.NewFormItem("Option", chosen), widget.NewFormItem("Decided by", who)}
	dlg := dialog.NewForm("Record decision", "Record", "Cancel", items, func(ok bool) {
		if !ok || c.closed {
			return
		}
		c.apply(c.e.Decide(d.ID, option, chosenID(actors, who)))
	}, c.x.sh.Window())
	dlg.Resize(fyne.NewSize(min(520, c.x.sh.Window().Canvas().Size().Width-40), 260))
	dlg.Show()
}

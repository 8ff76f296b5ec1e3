package app

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"drillbook/plan"
)

// overview shows the organisation, how complete each part of the plan is,
// and every validation problem.
type overview struct {
	u *UI

	name, sector, product *widget.Entry
	description           *widget.Entry
	heading               *widget.Label
	counts                []*widget.Label // one per plan.Summary entry, in order
	steps                 [3]*widget.Label
	problemsTitle         *widget.Label
	problems              *widget.List
	root                  fyne.CanvasObject
	loading               bool // true while fields are filled from the document
}

func newOverview(u *UI) *overview {
	o := &overview{u: u}
	o.name = o.entry(func(ws *plan.Workspace, s string) { ws.Organisation.Name = s })
	o.sector = o.entry(func(ws *plan.Workspace, s string) { ws.Organisation.Sector = s })
	o.product = o.entry(func(ws *plan.Workspace, s string) { ws.Organisation.Product = s })
	o.description = widget.NewMultiLineEntry()
	o.description.Wrapping = fyne.TextWrapWord
	o.description.SetMinRowsVisible(3)
	o.description.OnChanged = o.onChange(func(ws *plan.Workspace, s string) { ws.Organisation.Description = s })

	org := widget.NewForm(
		widget.NewFormItem("Organisation", o.name),
		widget.NewFormItem("Sector", o.sector),
		widget.NewFormItem("Product", o.product),
		widget.NewFormItem("Description", o.description),
	)

	o.heading = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	o.heading.SizeName = theme.SizeNameHeadingText

	// One card per step: each part of the plan with its count.
	var grids [3]*fyne.Container
	for i := range grids {
		grids[i] = container.New(layout.NewFormLayout())
		o.steps[i] = widget.NewLabel("")
	}
	for _, c := range plan.New("").Summary() {
		n := widget.NewLabelWithStyle("", fyne.TextAlignTrailing, fyne.TextStyle{Bold: true})
		o.counts = append(o.counts, n)
		grids[c.Step-1].Add(n)
		grids[c.Step-1].Add(widget.NewLabel(c.Part))
	}
	cards := container.NewGridWithColumns(3)
	for i := range grids {
		cards.Add(widget.NewCard(fmt.Sprintf("Step %d", i+1), plan.StepNames[i], grids[i]))
	}

	o.problemsTitle = widget.NewLabelWithStyle("", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	o.problems = widget.NewList(
		func() int { return len(o.u.doc.problems) },
		func() fyne.CanvasObject {
			return container.NewBorder(nil, nil, widget.NewIcon(theme.ErrorIcon()), nil, widget.NewLabel("path: message"))
		},
		func(i widget.ListItemID, obj fyne.CanvasObject) {
			p := o.u.doc.problems[i]
			row := obj.(*fyne.Container)
			row.Objects[0].(*widget.Label).SetText(p.String())
			icon := theme.WarningIcon()
			if p.Level == plan.Error {
				icon = theme.ErrorIcon()
			}
			row.Objects[1].(*widget.Icon).SetResource(icon)
		},
	)

	top := container.NewVBox(o.heading, widget.NewCard("", "", org), cards, o.problemsTitle)
	o.root = container.NewBorder(top, nil, nil, nil, o.problems)
	return o
}

// entry makes a one-line entry that writes into the workspace on change.
func (o *overview) entry(set func(*plan.Workspace, string)) *widget.Entry {
	e := widget.NewEntry()
	e.OnChanged = o.onChange(set)
	return e
}

func (o *overview) onChange(set func(*plan.Workspace, string)) func(string) {
	return func(s string) {
		if o.loading {
			return
		}
		set(o.u.doc.ws, s)
		o.u.edited()
	}
}

func (o *overview) title() string             { return "Overview" }
func (o *overview) icon() fyne.Resource       { return theme.HomeIcon() }
func (o *overview) object() fyne.CanvasObject { return o.root }

func (o *overview) refresh() {
	ws := o.u.doc.ws
	o.loading = true
	setText(o.name, ws.Organisation.Name)
	setText(o.sector, ws.Organisation.Sector)
	setText(o.product, ws.Organisation.Product)
	setText(o.description, ws.Organisation.Description)
	o.loading = false

	o.heading.SetText(ws.Organisation.Name)
	var text [3]string
	for i, c := range ws.Summary() {
		o.counts[i].SetText(fmt.Sprint(c.Count))
		text[c.Step-1] += fmt.Sprintf("%s: %d\n", c.Part, c.Count)
	}
	// steps keeps a plain-text digest per step (used by tests and tooltips).
	for i, l := range o.steps {
		l.SetText(text[i])
	}
	errs := o.u.doc.problems.Errors()
	warns := len(o.u.doc.problems) - errs
	if errs+warns == 0 {
		o.problemsTitle.SetText("Validation: no problems found")
	} else {
		o.problemsTitle.SetText(fmt.Sprintf("Validation: %d errors, %d warnings", errs, warns))
	}
	o.problems.Refresh()
}

// setText updates an entry only when its text differs, so refreshing while
// the user types does not move the cursor.
func setText(e *widget.Entry, s string) {
	if e.Text != s {
		e.SetText(s)
	}
}
